"""Queries over the store: event clusters or mentions by actor, dyad, code and date; stats.

Actor codes match by prefix, as CAMEO codes nest: ``BLR`` matches ``BLR``, ``BLRGOV`` and
``BLRMIL``; ``IGO`` every intergovernmental organisation. A dyad ``A-B`` matches an event
whose source code starts with A and target code with B, or (unless directed) the reverse.
A cluster is selected when any of its mentions matches the actor, dyad and code filters; its
date (the earliest mention's) must lie within --since/--until.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

__all__ = ["BY", "Filters", "parse_day", "parse_dyad"]

BY = ("day", "week", "month", "year")
_CODE = re.compile(r"^[A-Z0-9]{1,15}$")


def parse_dyad(value: str) -> tuple[str, str]:
    """``"BLR-RUS"`` -> ("BLR", "RUS"); a clear ValueError for anything else."""
    parts = value.strip().upper().split("-")
    if len(parts) != 2 or not all(_CODE.match(p) for p in parts):
        raise ValueError(f"{value!r} is not a dyad: two actor codes joined by '-', e.g. BLR-RUS")
    return parts[0], parts[1]


def parse_code(value: str, what: str = "actor code") -> str:
    code = value.strip().upper()
    if not _CODE.match(code):
        raise ValueError(f"{value!r} is not an {what} (letters and digits, e.g. BLR or RUSGOV)")
    return code


def parse_root(value: str | int) -> str:
    v = str(value).strip()
    if not v.isdigit() or not 1 <= int(v) <= 20:
        raise ValueError(f"{value!r} is not a CAMEO root (01 to 20)")
    return f"{int(v):02d}"


def parse_cameo(value: str) -> str:
    v = str(value).strip()
    if not re.fullmatch(r"\d{2,4}", v):
        raise ValueError(f"{value!r} is not a CAMEO code (2 to 4 digits, e.g. 04 or 0231)")
    return v


def parse_day(value: str | Date | None, end: bool = False) -> Date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY; a month or year means its first day (`end`: its last)."""
    if value is None or isinstance(value, Date):
        return value
    v = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", v):
            return Date(int(v), 12, 31) if end else Date(int(v), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", v):
            y, m = int(v[:4]), int(v[5:])
            return Date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        return Date.fromisoformat(v)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


@dataclass(frozen=True)
class Filters:
    """What to select; every field is optional and they combine with AND."""

    actor: str | None = None
    dyad: str | None = None
    directed: bool = False
    root: str | None = None
    cameo: str | None = None
    since: Date | str | None = None
    until: Date | str | None = None

    def normalised(self) -> Filters:
        return Filters(
            actor=parse_code(self.actor) if self.actor else None,
            dyad="-".join(parse_dyad(self.dyad)) if self.dyad else None,
            directed=self.directed,
            root=parse_root(self.root) if self.root is not None else None,
            cameo=parse_cameo(self.cameo) if self.cameo else None,
            since=parse_day(self.since),
            until=parse_day(self.until, end=True),
        )

    def mention_sql(self, e: str = "e") -> tuple[list[str], list[Any]]:
        """Predicates on one event mention (alias `e`), and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.actor:
            where.append(f"(starts_with({e}.source_code, ?) OR starts_with({e}.target_code, ?))")
            params += [self.actor, self.actor]
        if self.dyad:
            a, b = parse_dyad(self.dyad)
            one = f"(starts_with({e}.source_code, ?) AND starts_with({e}.target_code, ?))"
            if self.directed:
                where.append(one)
                params += [a, b]
            else:
                where.append(f"({one} OR {one})")
                params += [a, b, b, a]
        if self.root:
            where.append(f"{e}.root = ?")
            params.append(self.root)
        if self.cameo:
            where.append(f"starts_with({e}.cameo, ?)")
            params.append(self.cameo)
        return where, params

    def date_sql(self, column: str) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if self.since:
            where.append(f"{column} >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{column} <= ?")
            params.append(self.until)
        return where, params


MENTION_COLUMNS = [
    "event_id", "cluster_id", "doc_id", "sentence_index", "span_start", "span_end", "date",
    "date_precision", "date_text",
    "source_code", "source_country", "source_sector", "source_text", "source_name",
    "source_start", "source_end",
    "target_code", "target_country", "target_sector", "target_text", "target_name",
    "target_start", "target_end",
    "cameo", "root", "label", "goldstein", "quad_class", "plover",
    "trigger", "rule", "mode", "reciprocal",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "sentence", "doc_title", "doc_source", "doc_url",
]  # fmt: skip
CLUSTER_COLUMNS = [
    "cluster_id", "date", "end_date",
    "source_code", "source_country", "source_sector", "source_name",
    "target_code", "target_country", "target_sector", "target_name",
    "cameo", "root", "label", "goldstein", "quad_class", "plover",
    "num_mentions", "num_articles", "num_sources",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "doc_id", "sentence_index", "sentence", "doc_url",
]  # fmt: skip


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def _limit(limit: int | None) -> str:
    if limit is None:
        return ""
    if int(limit) < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    return f"LIMIT {int(limit)}"


def mentions_sql(
    f: Filters, limit: int | None = None, record: bool = False
) -> tuple[str, list[Any]]:
    """Every event mention that matches, in date order."""
    w1, p1 = f.mention_sql("e")
    w2, p2 = f.date_sql("e.date")
    cols = ", ".join(f"e.{c}" for c in MENTION_COLUMNS) + (", e.record" if record else "")
    sql = f"""SELECT {cols} FROM mentions e {_where(w1 + w2)}
        ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.span_start, e.event_id
        {_limit(limit)}"""
    return sql, p1 + p2


def clusters_sql(
    f: Filters, limit: int | None = None, with_mentions: bool = True
) -> tuple[str, list[Any]]:
    """Every event cluster that has a matching mention, in date order, with its mentions."""
    w1, p1 = f.mention_sql("e")
    w2, p2 = f.date_sql("c.date")
    if w1:
        selected = f"""c.cluster_id IN (SELECT m.cluster_id FROM events e
            JOIN cluster_members m USING (event_id) {_where(w1)})"""
        w2 = [selected, *w2]
        p2 = p1 + p2
    cols = ", ".join(f"c.{c}" for c in CLUSTER_COLUMNS)
    page = f"""SELECT {cols} FROM event_clusters c {_where(w2)}
        ORDER BY c.date NULLS LAST, c.source_code NULLS LAST, c.target_code NULLS LAST,
                 c.cameo, c.cluster_id
        {_limit(limit)}"""
    if not with_mentions:
        return page, p2
    sql = f"""WITH page AS ({page}),
    ml AS (
        SELECT m.cluster_id,
               list(struct_pack(event_id := e.event_id, doc_id := e.doc_id,
                                sentence_index := e.sentence_index,
                                span_start := e.span_start, span_end := e.span_end)
                    ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.span_start,
                             e.event_id) AS mentions
        FROM cluster_members m JOIN events e USING (event_id)
        WHERE m.cluster_id IN (SELECT cluster_id FROM page)
        GROUP BY m.cluster_id
    )
    SELECT page.*, ml.mentions FROM page JOIN ml USING (cluster_id)
    ORDER BY page.date NULLS LAST, page.source_code NULLS LAST, page.target_code NULLS LAST,
             page.cameo, page.cluster_id"""
    return sql, p2


def stats_sql(
    f: Filters, by: str = "month", top: int = 3, mentions: bool = False
) -> tuple[str, list[Any]]:
    """Counts per period and quad class, Goldstein sum and mean, and the top CAMEO codes.

    Units are clusters (each counted once, at its start date) unless `mentions`. Undated
    units are counted in a last row whose period is null.
    """
    if mentions:
        units, params = mentions_sql(f)
    else:
        units, params = clusters_sql(f, with_mentions=False)
    return series_sql(units, by, top), params


def series_sql(units: str, by: str = "month", top: int = 3) -> str:
    """The per-period aggregation of `stats_sql` over any query of units with `date`,
    `quad_class`, `goldstein` and `cameo` columns (the web server feeds it faster queries)."""
    if by not in BY:
        raise ValueError(f"--by must be one of {', '.join(BY)}, got {by!r}")
    return f"""WITH u AS ({units}),
    p AS (SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, quad_class, goldstein, cameo
          FROM u),
    codes AS (
        SELECT period, cameo, count(*) AS n,
               row_number() OVER (PARTITION BY period ORDER BY count(*) DESC, cameo) AS rank
        FROM p GROUP BY period, cameo
    ),
    tops AS (
        SELECT period, list(struct_pack(cameo := cameo, count := n) ORDER BY rank) AS top_codes
        FROM codes WHERE rank <= {int(top)} GROUP BY period
    ),
    agg AS (
        SELECT period, CAST(count(*) AS BIGINT) AS events,
               CAST(count_if(quad_class = 1) AS BIGINT) AS verbal_cooperation,
               CAST(count_if(quad_class = 2) AS BIGINT) AS material_cooperation,
               CAST(count_if(quad_class = 3) AS BIGINT) AS verbal_conflict,
               CAST(count_if(quad_class = 4) AS BIGINT) AS material_conflict,
               round(sum(goldstein), 2) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean
        FROM p GROUP BY period
    )
    SELECT agg.*, tops.top_codes FROM agg LEFT JOIN tops
      ON agg.period = tops.period OR (agg.period IS NULL AND tops.period IS NULL)
    ORDER BY agg.period NULLS LAST"""
