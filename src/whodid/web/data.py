"""Read-only queries behind the REST API.

The store is opened once, read-only, for the life of the server; each request gets its own
cursor (DuckDB connections are not safe to share between threads, cursors of one connection
are). While the server holds the file no other process can write it, so what is derived from
the whole store (the actor codes, the totals) is computed once and kept.

Every value from a request reaches SQL as a parameter; the few pieces of SQL text that vary
(column names, sort direction, the period of a series) come from fixed choices, never from
the request's own text.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from ..store import Store
from ..store import query as q
from ..store.query import Filters

MAX_ARTICLE_CHARS = 2_000_000  # longer texts are cut in the article view (flagged `truncated`)

UNIT_FIELDS = (
    "source_code", "source_country", "source_sector", "source_name",
    "target_code", "target_country", "target_sector", "target_name",
    "cameo", "root", "label", "goldstein", "quad_class", "plover",
    "location_name", "location_country", "location_lat", "location_lon",
    "doc_id", "sentence_index",
)  # fmt: skip
EVENT_FIELDS = (
    "date", "end_date", "source_code", "source_country", "source_sector", "source_name",
    "target_code", "target_country", "target_sector", "target_name",
    "cameo", "root", "label", "goldstein", "quad_class", "plover",
    "location_name", "location_country", "location_lat", "location_lon",
    "doc_id", "sentence_index", "sentence",
)  # fmt: skip


class ApiError(Exception):
    """A request that cannot be answered: becomes ``{"error": message, "detail": …}``."""

    def __init__(self, status: int, message: str, detail: Any = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail


def bad(detail: str, message: str = "bad parameter") -> ApiError:
    return ApiError(400, message, detail)


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def _plain(value: Any) -> Any:
    if isinstance(value, (Date, datetime)):
        return value.isoformat()
    return value


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


class Database:
    """The event store, opened read-only for serving."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.store = Store(self.path, read_only=True)
        self._lock = threading.Lock()
        self._codes: list[str] | None = None
        self._info: dict[str, Any] | None = None

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (thread-safe use of the one connection)."""
        with self._lock:
            cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def fetch(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self.cursor() as cur:
            cur.execute(sql, params or [])
            return _rows(cur)

    # ------------------------------------------------------------------ filters

    def codes(self) -> list[str]:
        """Every actor code in the store (event sources and targets, quote speakers)."""
        if self._codes is None:
            rows = self.fetch(
                "SELECT DISTINCT code FROM (SELECT source_code AS code FROM events "
                "UNION SELECT target_code FROM events UNION SELECT speaker_code FROM quotes) "
                "WHERE code IS NOT NULL ORDER BY code"
            )
            self._codes = [r["code"] for r in rows]
        return self._codes

    def check_actor(self, prefix: str) -> None:
        """404 for an actor code that matches nothing stored (a typo, most likely)."""
        if not any(c.startswith(prefix) for c in self.codes()):
            raise ApiError(
                404, "unknown actor", f"no actor code in the store starts with {prefix!r}"
            )

    def filters(
        self,
        actor: str | None = None,
        dyad: str | None = None,
        directed: bool = False,
        root: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Filters:
        """Normalised filters (400 for a malformed value, 404 for an unknown actor)."""
        try:
            f = Filters(actor or None, dyad or None, directed, root or None, cameo or None,
                        since or None, until or None).normalised()  # fmt: skip
        except ValueError as exc:
            raise bad(str(exc)) from None
        if f.since and f.until and f.since > f.until:
            raise bad(f"since ({f.since}) is after until ({f.until})")
        if f.actor:
            self.check_actor(f.actor)
        if f.dyad:
            for code in q.parse_dyad(f.dyad):
                self.check_actor(code)
        return f

    # ------------------------------------------------------------------ the store

    def info(self) -> dict[str, Any]:
        if self._info is None:
            [row] = self.fetch(
                """SELECT (SELECT count(*) FROM documents) AS documents,
                          (SELECT count(*) FROM events) AS mentions,
                          (SELECT count(*) FROM clusters) AS clusters,
                          (SELECT count(*) FROM quotes) AS quotes,
                          (SELECT count(*) FROM events WHERE location_lat IS NOT NULL)
                              AS located,
                          (SELECT min(date) FROM events) AS first_date,
                          (SELECT max(date) FROM events) AS last_date"""
            )
            row["database"] = self.path.name
            row["actors"] = len(self.codes())
            self._info = row
        return self._info

    def events(
        self, f: Filters, *, mentions: bool, limit: int, offset: int, descending: bool
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of event clusters (or mentions) and how many match in all.

        The same rows, in the same order, as `Store.events` (the `event_clusters` and
        `mentions` views), but the page is chosen from the events alone and only its rows
        are joined to their sentences: several times faster on a large store.
        """
        way = "DESC" if descending else "ASC"
        units, params = self.units_sql(f, mentions)
        cols = ", ".join(c for c in EVENT_FIELDS if c != "sentence")
        if mentions:
            order = f"date {way} NULLS LAST, doc_id, sentence_index, span_start, event_id"
            extra = "trigger, span_start, span_end"
        else:
            order = (
                f"date {way} NULLS LAST, source_code NULLS LAST, target_code NULLS LAST, "
                "cameo, cluster_id"
            )
            extra = "num_articles, num_sources"
        page = f"""WITH u AS ({units}),
            page AS (SELECT id, event_id, cluster_id, {cols}, num_mentions, {extra} FROM u
                     ORDER BY {order} LIMIT ? OFFSET ?)
            SELECT page.*, s.text AS sentence FROM page
            LEFT JOIN sentences s USING (doc_id, sentence_index)
            ORDER BY {order}"""
        rows = self.fetch(page, [*params, limit, offset])
        total = self.fetch(f"SELECT count(*) AS n FROM ({units}) u", params)[0]["n"]
        return rows, total

    def units_sql(self, f: Filters, mentions: bool) -> tuple[str, list[Any]]:
        """The selected clusters (each with its first mention's fields) or mentions.

        Selection as in `whodid events`: a cluster is in when one of its mentions matches
        the actor, dyad and code filters and its date (its first mention's) is in range.
        """
        fields = ", ".join(f"e.{c}" for c in UNIT_FIELDS)
        if mentions:
            w1, p1 = f.mention_sql("e")
            w2, p2 = f.date_sql("e.date")
            sql = f"""SELECT e.event_id AS id, e.event_id, m.cluster_id, e.date,
                    NULL::DATE AS end_date, {fields}, 1 AS num_mentions, e.trigger,
                    e.span_start, e.span_end
                FROM events e LEFT JOIN cluster_members m USING (event_id)
                {_where(w1 + w2)}"""
            return sql, p1 + p2
        w1, p1 = f.mention_sql("x")
        w2, p2 = f.date_sql("c.start_date")
        where: list[str] = []
        if w1:
            where.append(
                "c.cluster_id IN (SELECT m.cluster_id FROM events x "
                f"JOIN cluster_members m USING (event_id) {_where(w1)})"
            )
        sql = f"""SELECT c.cluster_id AS id, c.first_event_id AS event_id, c.cluster_id,
                c.start_date AS date, c.end_date, {fields}, c.num_mentions, c.num_articles,
                c.num_sources
            FROM clusters c JOIN events e ON e.event_id = c.first_event_id
            {_where(where + w2)}"""
        return sql, p1 + p2

    def event(self, event_id: str) -> dict[str, Any]:
        """One event mention (by event id, or a cluster id: its first mention) in full."""
        rows = self.fetch("SELECT * FROM mentions WHERE event_id = ?", [event_id])
        if not rows:
            first = self.fetch(
                "SELECT first_event_id FROM clusters WHERE cluster_id = ?", [event_id]
            )
            if first:
                rows = self.fetch(
                    "SELECT * FROM mentions WHERE event_id = ?", [first[0]["first_event_id"]]
                )
        if not rows:
            raise ApiError(404, "unknown event", f"no event or event cluster {event_id!r}")
        e = rows[0]
        record = json.loads(e.pop("record") or "{}")
        e.pop("dedup_key", None)
        sent = self.fetch(
            "SELECT char_start, char_end, text FROM sentences WHERE doc_id = ? "
            "AND sentence_index = ?",
            [e["doc_id"], e["sentence_index"]],
        )
        sentence = None
        if sent:
            s = sent[0]
            sentence = {
                "index": e["sentence_index"], "text": s["text"], "start": s["char_start"],
                "end": s["char_end"],
                "highlights": _relative(_event_spans(e), s["char_start"], s["char_end"]),
            }  # fmt: skip
        cluster = None
        mentions: list[dict[str, Any]] = []
        if e.get("cluster_id"):
            got = self.fetch(
                "SELECT cluster_id, start_date, end_date, num_mentions, num_articles, "
                "num_sources FROM clusters WHERE cluster_id = ?",
                [e["cluster_id"]],
            )
            cluster = got[0] if got else None
            mentions = self.fetch(
                """SELECT e.event_id, e.doc_id, e.sentence_index, e.span_start, e.span_end,
                          e.date, e.trigger, s.text AS sentence, d.title AS doc_title,
                          d.source AS doc_source
                   FROM cluster_members m JOIN events e USING (event_id)
                   JOIN documents d USING (doc_id)
                   LEFT JOIN sentences s USING (doc_id, sentence_index)
                   WHERE m.cluster_id = ?
                   ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.span_start
                   LIMIT 200""",
                [e["cluster_id"]],
            )
        evidence = record.get("evidence") or {
            "trigger": e["trigger"], "rule": e["rule"], "mode": e["mode"],
            "reciprocal": e["reciprocal"], "notes": [],
        }  # fmt: skip
        return {
            "event_id": e["event_id"],
            "cluster_id": e.get("cluster_id"),
            "doc_id": e["doc_id"],
            "doc_title": e.get("doc_title"),
            "doc_source": e.get("doc_source"),
            "doc_url": e.get("doc_url"),
            "date": e["date"],
            "date_precision": e["date_precision"],
            "date_text": e["date_text"],
            "span": [e["span_start"], e["span_end"]],
            "source": _actor(e, "source"),
            "target": _actor(e, "target") if e["target_text"] or e["target_code"] else None,
            "cameo": e["cameo"], "root": e["root"], "label": e["label"],
            "goldstein": e["goldstein"], "quad_class": e["quad_class"], "plover": e["plover"],
            "evidence": evidence,
            "location": _location(e),
            "sentence": sentence,
            "cluster": cluster,
            "mentions": mentions,
            "record": record,
        }  # fmt: skip

    def actors(self, text: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """Actors by number of mentions; `text` matches a code prefix or part of a name."""
        where, params = "", []
        if text:
            where = "WHERE starts_with(code, ?) OR contains(lower(name), ?)"
            params = [text.upper(), text.lower()]
        rows = self.fetch(
            f"""SELECT code, country, sector, name, mentions, documents, first_date, last_date
                FROM actors {where} ORDER BY mentions DESC, code LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        total = self.fetch(f"SELECT count(*) AS n FROM actors {where}", params)[0]["n"]
        return rows, total

    def series(self, f: Filters, by: str, mentions: bool) -> list[dict[str, Any]]:
        """Per period: counts per quad class, Goldstein sum and mean, top 3 CAMEO codes.

        The figures of `whodid stats` (`store.query.stats_sql`, which the tests compare),
        computed over `units_sql`: a cluster counts once, in the period of its first mention.
        """
        if by not in q.BY:
            raise bad(f"by must be one of {', '.join(q.BY)}, got {by!r}")
        units, params = self.units_sql(f, mentions)
        sql = q.series_sql(units, by, top=3)
        return self.fetch(sql, params)

    def network(
        self,
        f: Filters,
        *,
        mentions: bool,
        level: str,
        max_nodes: int,
        min_count: int,
        max_edges: int = 1000,
    ) -> dict[str, Any]:
        """Actors as nodes, directed source→target edges with counts and mean Goldstein."""
        a, b = ("source_code", "target_code") if level == "code" else (
            "source_country", "target_country")  # fmt: skip
        units, params = self.units_sql(f, mentions)
        edges = self.fetch(
            f"""SELECT {a} AS source, {b} AS target, count(*) AS count,
                       round(avg(goldstein), 2) AS goldstein
                FROM ({units}) u WHERE {a} IS NOT NULL AND {b} IS NOT NULL AND {a} <> {b}
                GROUP BY ALL""",
            params,
        )
        weight: dict[str, int] = {}
        for e in edges:
            weight[e["source"]] = weight.get(e["source"], 0) + e["count"]
            weight[e["target"]] = weight.get(e["target"], 0) + e["count"]
        keep = sorted(weight, key=lambda c: (-weight[c], c))[:max_nodes]
        kept = set(keep)
        shown = [e for e in edges if e["source"] in kept and e["target"] in kept
                 and e["count"] >= min_count]  # fmt: skip
        shown.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
        shown = shown[:max_edges]
        names = self._names(keep, level)
        nodes = [{"id": c, "name": names.get(c), "count": weight[c]} for c in keep]
        return {"nodes": nodes, "edges": shown, "total_actors": len(weight),
                "total_edges": len(edges)}  # fmt: skip

    def _names(self, codes: list[str], level: str) -> dict[str, str]:
        if not codes:
            return {}
        if level == "country":
            rows = self.fetch(
                """SELECT code, mode(name) AS name FROM (
                       SELECT source_country AS code, source_name AS name FROM events
                       WHERE source_code = source_country
                       UNION ALL SELECT target_country, target_name FROM events
                       WHERE target_code = target_country)
                   WHERE list_contains(?, code) GROUP BY code""",
                [codes],
            )
        else:
            rows = self.fetch("SELECT code, name FROM actors WHERE list_contains(?, code)", [codes])
        return {r["code"]: r["name"] for r in rows if r["name"]}

    def places(self, f: Filters, *, mentions: bool, limit: int) -> dict[str, Any]:
        """Located events grouped by place: count and mean Goldstein."""
        units, params = self.units_sql(f, mentions)
        rows = self.fetch(
            f"""SELECT location_name AS name, location_country AS country,
                       round(location_lat, 3) AS lat, round(location_lon, 3) AS lon,
                       count(*) AS count, round(avg(goldstein), 2) AS goldstein
                FROM ({units}) u WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL
                GROUP BY ALL ORDER BY count DESC, name LIMIT ?""",
            [*params, limit],
        )
        total = self.fetch(
            f"""SELECT count(*) AS n, count(location_lat) AS located FROM ({units}) u""",
            params,
        )[0]
        return {"places": rows, "located": total["located"], "total": total["n"]}

    def article(self, doc_id: str) -> dict[str, Any]:
        """A document's text with the spans of its actors, triggers and quotes."""
        docs = self.fetch(
            "SELECT doc_id, title, date, source, url, text, n_chars, n_sentences, n_events, "
            "n_quotes FROM documents WHERE doc_id = ?",
            [doc_id],
        )
        if not docs:
            raise ApiError(404, "unknown article", f"no document {doc_id!r}")
        d = docs[0]
        text = d.pop("text")
        events = self.fetch(
            """SELECT event_id, sentence_index, span_start, span_end, date, source_code,
                      source_name, source_text, source_start, source_end, target_code,
                      target_name, target_text, target_start, target_end, cameo, label,
                      goldstein, quad_class, trigger
               FROM events WHERE doc_id = ? ORDER BY span_start, event_id""",
            [doc_id],
        )
        quotes = self.fetch(
            """SELECT quote_id, sentence_index, text, span_start, span_end, cue, cue_start,
                      cue_end, direct, speaker_text, speaker_start, speaker_end, speaker_name,
                      speaker_code
               FROM quotes WHERE doc_id = ? ORDER BY span_start, quote_id""",
            [doc_id],
        )
        spans: list[dict[str, Any]] = []
        for e in events:
            spans += _event_spans(e)
        for qt in quotes:
            spans += _quote_spans(qt)
        d["truncated"] = len(text) > MAX_ARTICLE_CHARS
        d["text"] = text[:MAX_ARTICLE_CHARS]
        d["highlights"] = merge_spans(spans, len(d["text"]))
        d["events"] = events
        d["quotes"] = quotes
        return d


def _actor(e: dict[str, Any], side: str) -> dict[str, Any]:
    start, end = e.get(f"{side}_start"), e.get(f"{side}_end")
    return {
        "code": e.get(f"{side}_code"), "country": e.get(f"{side}_country"),
        "sector": e.get(f"{side}_sector"), "text": e.get(f"{side}_text"),
        "name": e.get(f"{side}_name"),
        "span": [start, end] if start is not None and end is not None else None,
    }  # fmt: skip


def _location(e: dict[str, Any]) -> dict[str, Any] | None:
    if e.get("location_name") is None and e.get("location_lat") is None:
        return None
    return {k: e.get(f"location_{k}") for k in ("name", "country", "lat", "lon", "geonameid")}


def _event_spans(e: dict[str, Any]) -> list[dict[str, Any]]:
    """Trigger, source and target spans of one event row (document offsets)."""
    out = []
    eid = e.get("event_id")
    if e.get("span_start") is not None and e.get("span_end") is not None:
        label = " ".join(str(x) for x in (e.get("cameo"), e.get("label")) if x)
        out.append({"start": e["span_start"], "end": e["span_end"], "kind": "trigger",
                    "event_id": eid, "label": label})  # fmt: skip
    for side in ("source", "target"):
        start, end = e.get(f"{side}_start"), e.get(f"{side}_end")
        if start is None or end is None:
            continue
        code = e.get(f"{side}_code")
        name = e.get(f"{side}_name")
        label = " ".join(str(x) for x in (code or "unresolved", name and f"({name})") if x)
        out.append({"start": start, "end": end, "kind": "actor", "role": side,
                    "code": code, "event_id": eid, "label": label})  # fmt: skip
    return out


def _quote_spans(qt: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    qid = qt.get("quote_id")
    who = qt.get("speaker_code") or qt.get("speaker_name") or "unknown speaker"
    if qt.get("span_start") is not None:
        out.append({"start": qt["span_start"], "end": qt["span_end"], "kind": "quote",
                    "quote_id": qid, "code": qt.get("speaker_code"),
                    "label": f"quote of {who}"})  # fmt: skip
    if qt.get("cue_start") is not None and qt.get("cue_end") is not None:
        out.append({"start": qt["cue_start"], "end": qt["cue_end"], "kind": "cue",
                    "quote_id": qid, "label": f"cue: {qt.get('cue')}"})  # fmt: skip
    if qt.get("speaker_start") is not None and qt.get("speaker_end") is not None:
        code = qt.get("speaker_code")
        out.append({"start": qt["speaker_start"], "end": qt["speaker_end"], "kind": "actor",
                    "role": "speaker", "code": code, "quote_id": qid,
                    "label": f"speaker {code or 'unresolved'}"})  # fmt: skip
    return out


def merge_spans(spans: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """Valid spans only (inside the text), one per (kind, start, end), in text order.

    The same words are often the actor of several events: they become one span whose
    `event_ids` list them all, so the page draws each highlight once.
    """
    merged: dict[tuple, dict[str, Any]] = {}
    for s in spans:
        start, end = s.get("start"), s.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= length:
            continue
        key = (s["kind"], start, end)
        got = merged.get(key)
        if got is None:
            got = {k: v for k, v in s.items() if k not in ("event_id", "quote_id")}
            got["event_ids"], got["quote_ids"] = [], []
            merged[key] = got
        if s.get("event_id") and s["event_id"] not in got["event_ids"]:
            got["event_ids"].append(s["event_id"])
        if s.get("quote_id") and s["quote_id"] not in got["quote_ids"]:
            got["quote_ids"].append(s["quote_id"])
    order = {"quote": 0, "actor": 1, "cue": 2, "trigger": 3}
    return sorted(merged.values(), key=lambda s: (s["start"], -s["end"], order[s["kind"]]))


def _relative(spans: list[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    """Spans inside [start, end), shifted to start there (a sentence's own highlights)."""
    out = []
    for s in spans:
        if s["start"] >= start and s["end"] <= end:
            out.append({**s, "start": s["start"] - start, "end": s["end"] - start})
    return merge_spans(out, end - start)
