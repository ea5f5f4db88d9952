"""Event clusters: one real-world event reported by several articles.

The rule (configurable with `DedupRule`, stored in the database's `meta` table):

* Two event mentions can be one event when they agree on the key fields - by default source
  country, source sector, target country, target sector, CAMEO code and the precision of the
  event date (a missing value equals only a missing value) - and both have a date and a
  source country. A mention without a date or source country is a cluster on its own: nothing
  says which event it is. The precision keeps "last year" (dated 1 January, year precision)
  apart from an event of 1 January itself.
* Within one key, mentions are taken in date order and grouped greedily: a cluster starts at
  the earliest mention not yet in a cluster and takes every mention dated within
  `window_days` days after that start (default 1: the day of the event and the next, when
  papers report it). The next mention starts the next cluster. Anchoring the window at the
  cluster's start keeps a daily series (shelling every day) from chaining into one cluster.
* The grouping depends only on the set of mentions, never on the order in which they were
  ingested, so batches, reruns and a full recomputation give the same clusters; the cluster
  id is a hash of the key and its start date.

Clusters are maintained incrementally, in the transaction that writes each batch: for every
key a batch touches, the clusters from the first one that can reach the earliest touched
date onwards are recomputed (earlier clusters cannot change: their window closed before it).
Changing the rule recomputes every cluster (`recluster`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

import duckdb
import pyarrow as pa

__all__ = ["DEFAULT_FIELDS", "KEY_FIELDS", "DedupRule", "recluster"]

DEFAULT_FIELDS = (
    "source_country", "source_sector", "target_country", "target_sector", "cameo",
    "date_precision",
)  # fmt: skip
# event columns a rule may compare
KEY_FIELDS = frozenset(
    {
        "source_code", "source_country", "source_sector",
        "target_code", "target_country", "target_sector",
        "cameo", "root", "quad_class", "date_precision",
        "location_geonameid", "location_country",
    }
)  # fmt: skip
_NULL = "\u2205"  # stands for a missing value inside a key


@dataclass(frozen=True)
class DedupRule:
    """Which mentions are one event: same `fields`, dates within `window_days` of the start."""

    window_days: int = 1
    fields: tuple[str, ...] = field(default=DEFAULT_FIELDS)

    def __post_init__(self) -> None:
        if not isinstance(self.window_days, int) or self.window_days < 0:
            raise ValueError(f"window_days must be a whole number >= 0, got {self.window_days!r}")
        if not self.fields:
            raise ValueError("a dedup rule needs at least one field")
        unknown = [f for f in self.fields if f not in KEY_FIELDS]
        if unknown:
            allowed = ", ".join(sorted(KEY_FIELDS))
            raise ValueError(f"unknown dedup field(s) {', '.join(unknown)} (allowed: {allowed})")
        object.__setattr__(self, "fields", tuple(self.fields))

    def key(self, row: Mapping[str, Any]) -> str | None:
        """The cluster key of an event row, None when the mention is a cluster of its own."""
        if row.get("date") is None or row.get("source_country") is None:
            return None
        return "|".join(_NULL if row.get(f) is None else str(row.get(f)) for f in self.fields)

    def to_json(self) -> str:
        return json.dumps({"window_days": self.window_days, "fields": list(self.fields)})

    @classmethod
    def from_json(cls, text: str) -> DedupRule:
        d = json.loads(text)
        return cls(window_days=int(d["window_days"]), fields=tuple(d["fields"]))

    def describe(self) -> str:
        return f"same {', '.join(self.fields)}; dates within {self.window_days} day(s)"


def cluster_id(key: str, start: Date) -> str:
    return hashlib.blake2b(f"{key}\x1f{start.isoformat()}".encode(), digest_size=10).hexdigest()


def singleton_id(event_id: str) -> str:
    return hashlib.blake2b(f"event\x1f{event_id}".encode(), digest_size=10).hexdigest()


def stored_rule(con: duckdb.DuckDBPyConnection) -> DedupRule | None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'dedup_rule'").fetchall()
    return DedupRule.from_json(rows[0][0]) if rows else None


def save_rule(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES ('dedup_rule', ?)", [rule.to_json()])


def add_singletons(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> None:
    """Clusters of one for mentions without a key (no date or no source country)."""
    if not event_ids:
        return
    members = pa.table({"event_id": event_ids, "cluster_id": [singleton_id(e) for e in event_ids]})
    con.register("_new_singletons", members)
    try:
        con.execute("INSERT INTO cluster_members SELECT event_id, cluster_id FROM _new_singletons")
        _insert_aggregates(con, "_new_singletons")
    finally:
        con.unregister("_new_singletons")


def drop_for_events(con: duckdb.DuckDBPyConnection, doc_ids_table: str) -> None:
    """Remove the clusters of one (and memberships) of events about to be deleted."""
    con.execute(
        f"""DELETE FROM clusters WHERE cluster_id IN (
            SELECT m.cluster_id FROM cluster_members m JOIN events e USING (event_id)
            WHERE e.doc_id IN (SELECT doc_id FROM {doc_ids_table}) AND e.dedup_key IS NULL)"""
    )
    con.execute(
        f"""DELETE FROM cluster_members WHERE event_id IN (
            SELECT event_id FROM events WHERE doc_id IN (SELECT doc_id FROM {doc_ids_table}))"""
    )


def update(
    con: duckdb.DuckDBPyConnection, rule: DedupRule, touched: Iterable[tuple[str, Date]]
) -> None:
    """Recompute the clusters that mentions added or removed at (key, date) can change.

    Runs inside the caller's transaction, after the batch's events were deleted and inserted.
    """
    earliest: dict[str, Date] = {}
    for key, day in touched:
        if key is not None and day is not None and (key not in earliest or day < earliest[key]):
            earliest[key] = day
    if not earliest:
        return
    w = rule.window_days
    con.register(
        "_touched", pa.table({"dedup_key": list(earliest), "day": list(earliest.values())})
    )
    try:
        # from: the start of the first cluster whose window reaches the touched date, if any
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _redo AS
            SELECT t.dedup_key, least(t.day, coalesce(min(c.start_date), t.day)) AS from_date
            FROM _touched t
            LEFT JOIN clusters c
              ON c.dedup_key = t.dedup_key AND c.start_date + INTERVAL {w} DAY >= t.day
            GROUP BY t.dedup_key, t.day"""
        )
    finally:
        con.unregister("_touched")
    _redo(con, rule)


def _redo(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Re-cluster, for each key in temp table _redo, every mention dated from its from_date."""
    con.execute(
        """DELETE FROM cluster_members WHERE cluster_id IN (
            SELECT c.cluster_id FROM clusters c JOIN _redo r USING (dedup_key)
            WHERE c.start_date >= r.from_date)"""
    )
    con.execute(
        """DELETE FROM clusters WHERE cluster_id IN (
            SELECT c.cluster_id FROM clusters c JOIN _redo r USING (dedup_key)
            WHERE c.start_date >= r.from_date)"""
    )
    rows = con.execute(
        """SELECT e.dedup_key, e.date, e.event_id FROM events e JOIN _redo r USING (dedup_key)
        WHERE e.date >= r.from_date ORDER BY e.dedup_key, e.date, e.event_id"""
    ).fetchall()
    con.execute("DROP TABLE _redo")
    if not rows:
        return
    event_ids, cluster_ids = _greedy(rows, rule.window_days)
    con.register("_members", pa.table({"event_id": event_ids, "cluster_id": cluster_ids}))
    try:
        con.execute("INSERT INTO cluster_members SELECT event_id, cluster_id FROM _members")
        _insert_aggregates(con, "_members")
    finally:
        con.unregister("_members")


def _greedy(rows: list[tuple[str, Date, str]], window: int) -> tuple[list[str], list[str]]:
    event_ids: list[str] = []
    cluster_ids: list[str] = []
    key: str | None = None
    start: Date | None = None
    cid = ""
    for k, day, eid in rows:
        if k != key or start is None or (day - start).days > window:
            key, start = k, day
            cid = cluster_id(k, day)
        event_ids.append(eid)
        cluster_ids.append(cid)
    return event_ids, cluster_ids


def _insert_aggregates(con: duckdb.DuckDBPyConnection, members: str) -> None:
    """Insert the clusters named in `members` with their counts and first mention."""
    con.execute(
        f"""INSERT INTO clusters
        SELECT m.cluster_id, any_value(e.dedup_key), min(e.date), max(e.date),
               first(e.event_id ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index,
                     e.span_start, e.event_id),
               count(*), count(DISTINCT e.doc_id), count(DISTINCT d.source)
        FROM cluster_members m
        JOIN events e USING (event_id)
        JOIN documents d USING (doc_id)
        WHERE m.cluster_id IN (SELECT DISTINCT cluster_id FROM {members})
        GROUP BY m.cluster_id"""
    )


def recluster(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Recompute every key and cluster under `rule` (in the caller's transaction)."""
    rows = con.execute(
        f"SELECT event_id, date, {', '.join(sorted(set(rule.fields) | {'source_country'}))} "
        "FROM events"
    ).fetchall()
    names = ["event_id", "date", *sorted(set(rule.fields) | {"source_country"})]
    ids: list[str] = []
    keys: list[str | None] = []
    for r in rows:
        row = dict(zip(names, r, strict=True))
        ids.append(row["event_id"])
        keys.append(rule.key(row))
    con.execute("DELETE FROM cluster_members")
    con.execute("DELETE FROM clusters")
    con.register("_keys", pa.table({"event_id": ids, "dedup_key": pa.array(keys, pa.string())}))
    try:
        con.execute(
            "UPDATE events SET dedup_key = k.dedup_key FROM _keys k "
            "WHERE events.event_id = k.event_id"
        )
    finally:
        con.unregister("_keys")
    add_singletons(con, [i for i, k in zip(ids, keys, strict=True) if k is None])
    con.execute(
        """CREATE OR REPLACE TEMP TABLE _redo AS
        SELECT dedup_key, min(date) AS from_date FROM events
        WHERE dedup_key IS NOT NULL GROUP BY dedup_key"""
    )
    _redo(con, rule)
    save_rule(con, rule)
