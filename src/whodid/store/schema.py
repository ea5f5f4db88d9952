"""The store's tables, their versioned migrations, and opening a database.

The schema version lives in `meta` (key ``schema_version``). Opening a database applies every
migration above its version, each in its own transaction, so a database written by an older
whodid is brought up to date on open and a crash mid-migration leaves the last complete version.
A migration, once released, is never edited: a change is a new migration appended to
`MIGRATIONS`. Record fields that later versions of the coder add (event `date_precision`,
`date_text`, `location`; quote records) already have typed columns here, and every record is
also kept whole as JSON in `record`, so new fields are never lost before a column exists.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "StoreError", "connect", "schema_version"]


class StoreError(Exception):
    """A database that cannot be opened or used (missing, locked, too new, read-only)."""


_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR
    )""",
    # one row per article; (doc_id) identifies it, content_hash says whether it changed
    """CREATE TABLE documents (
        doc_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        date DATE,
        source VARCHAR,
        url VARCHAR,
        origin VARCHAR,
        text VARCHAR NOT NULL,
        n_chars INTEGER NOT NULL,
        n_sentences INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL,
        coder_version VARCHAR,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, sentence_index)
    )""",
    # one row per coded event record (a *mention* of an event); `record` is its full JSON
    """CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        date DATE,
        date_precision VARCHAR,
        date_text VARCHAR,
        source_code VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        source_text VARCHAR,
        source_name VARCHAR,
        source_start INTEGER,
        source_end INTEGER,
        target_code VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        target_text VARCHAR,
        target_name VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        cameo VARCHAR NOT NULL,
        root VARCHAR,
        label VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        plover VARCHAR,
        trigger VARCHAR,
        rule VARCHAR,
        mode VARCHAR,
        reciprocal BOOLEAN,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_geonameid BIGINT,
        dedup_key VARCHAR,
        record VARCHAR NOT NULL
    )""",
    """CREATE TABLE quotes (
        quote_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        text VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        cue VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        direct BOOLEAN,
        speaker_text VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_name VARCHAR,
        speaker_code VARCHAR,
        speaker_rule VARCHAR,
        record VARCHAR NOT NULL
    )""",
    # event clusters: the same event reported by several articles (see store/dedup.py)
    """CREATE TABLE clusters (
        cluster_id VARCHAR PRIMARY KEY,
        dedup_key VARCHAR,
        start_date DATE,
        end_date DATE,
        first_event_id VARCHAR NOT NULL,
        num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL
    )""",
    """CREATE TABLE cluster_members (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL
    )""",
    """CREATE TABLE failures (
        origin VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        doc_id VARCHAR,
        severity VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        PRIMARY KEY (origin, reason)
    )""",
    # every event mention with its cluster, sentence and article
    """CREATE VIEW mentions AS
    SELECT e.*, m.cluster_id, s.text AS sentence, d.title AS doc_title,
           d.source AS doc_source, d.url AS doc_url
    FROM events e
    JOIN documents d USING (doc_id)
    LEFT JOIN cluster_members m USING (event_id)
    LEFT JOIN sentences s USING (doc_id, sentence_index)""",
    # every cluster with the typed fields of its first mention (earliest date, then article)
    """CREATE VIEW event_clusters AS
    SELECT c.cluster_id, c.start_date AS date, c.end_date, c.num_mentions, c.num_articles,
           c.num_sources, c.dedup_key, c.first_event_id,
           e.source_code, e.source_country, e.source_sector, e.source_name,
           e.target_code, e.target_country, e.target_sector, e.target_name,
           e.cameo, e.root, e.label, e.goldstein, e.quad_class, e.plover,
           e.location_name, e.location_country, e.location_lat, e.location_lon,
           e.location_geonameid,
           e.doc_id, e.sentence_index, s.text AS sentence, d.url AS doc_url
    FROM clusters c
    JOIN events e ON e.event_id = c.first_event_id
    JOIN documents d ON d.doc_id = e.doc_id
    LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index""",
    # actors as coded: event sources and targets and quote speakers, by code
    """CREATE VIEW actors AS
    SELECT code, any_value(country) AS country, any_value(sector) AS sector,
           mode(name) AS name, count(*) AS mentions, count(DISTINCT doc_id) AS documents,
           min(date) AS first_date, max(date) AS last_date
    FROM (
        SELECT source_code AS code, source_country AS country, source_sector AS sector,
               source_name AS name, doc_id, date FROM events
        UNION ALL
        SELECT target_code, target_country, target_sector, target_name, doc_id, date
        FROM events
        UNION ALL
        SELECT q.speaker_code, NULL, NULL, q.speaker_name, q.doc_id, d.date
        FROM quotes q JOIN documents d USING (doc_id)
    )
    WHERE code IS NOT NULL
    GROUP BY code""",
]


@dataclass(frozen=True)
class Migration:
    """One schema step: SQL statements or a function of the connection, run in one transaction."""

    version: int
    description: str
    steps: tuple[str | Callable[[duckdb.DuckDBPyConnection], None], ...]


# v2: the actors view gives quote speakers their country and sector from their code, as the
# coder does for event actors (first three letters, IGO codes whole)
_V2 = [
    "DROP VIEW IF EXISTS actors",
    """CREATE VIEW actors AS
    SELECT code, any_value(country) AS country, any_value(sector) AS sector,
           mode(name) AS name, count(*) AS mentions, count(DISTINCT doc_id) AS documents,
           min(date) AS first_date, max(date) AS last_date
    FROM (
        SELECT source_code AS code, source_country AS country, source_sector AS sector,
               source_name AS name, doc_id, date FROM events
        UNION ALL
        SELECT target_code, target_country, target_sector, target_name, doc_id, date
        FROM events
        UNION ALL
        SELECT q.speaker_code,
               CASE WHEN q.speaker_code LIKE 'IGO%' THEN q.speaker_code
                    ELSE substr(q.speaker_code, 1, 3) END,
               CASE WHEN q.speaker_code LIKE 'IGO%' OR length(q.speaker_code) < 6 THEN NULL
                    ELSE substr(q.speaker_code, 4, 3) END,
               q.speaker_name, q.doc_id, d.date
        FROM quotes q JOIN documents d USING (doc_id)
    )
    WHERE code IS NOT NULL
    GROUP BY code""",
]

MIGRATIONS: list[Migration] = [
    Migration(1, "documents, sentences, events, quotes, clusters, failures", tuple(_V1)),
    Migration(2, "actors view: countries and sectors of quote speakers", tuple(_V2)),
]
SCHEMA_VERSION = MIGRATIONS[-1].version

# No extension is ever downloaded: json and parquet are built into the duckdb wheel.
_CONFIG = {"autoinstall_known_extensions": False}


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version recorded in `meta`, 0 for a database without whodid tables."""
    # (fetchall: DuckDB 2 refuses a new query while a result is not fully fetched)
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchall()[0][0]
    if not has_meta:
        return 0
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 0


def migrate(con: duckdb.DuckDBPyConnection, migrations: list[Migration] | None = None) -> int:
    """Apply the migrations above the database's version; return the new version."""
    migrations = MIGRATIONS if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    current = schema_version(con)
    if current > latest:
        raise StoreError(
            f"database schema version {current} is newer than this whodid's ({latest}); "
            "upgrade whodid to open it"
        )
    from .. import __version__

    for m in migrations:
        if m.version <= current:
            continue
        con.begin()
        try:
            for step in m.steps:
                if callable(step):
                    step(con)
                else:
                    con.execute(step)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('whodid_version', ?)",
                [str(m.version), __version__],
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        current = m.version
    return current


def connect(
    path: str | os.PathLike[str],
    read_only: bool = True,
    migrations: list[Migration] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the database at `path`, migrated to the current schema.

    Read-only is the default because DuckDB allows one writer per file: queries must not
    block an ingest. A read-only open of a database that needs migrating migrates it with a
    short writable open first (so it fails, clearly, while an ingest holds the file).
    """
    path = Path(path)
    latest = (MIGRATIONS if migrations is None else migrations)[-1].version
    if read_only:
        if not path.exists():
            raise StoreError(f"{path}: no such database (create it with `whodid ingest`)")
        con = _open(path, True)
        version = schema_version(con)
        if version == latest:
            return con
        con.close()
        if version > latest:
            raise StoreError(
                f"{path}: database schema version {version} is newer than this whodid's "
                f"({latest}); upgrade whodid to open it"
            )
        con = _open(path, False)
        try:
            migrate(con, migrations)
        finally:
            con.close()
        return _open(path, True)
    if not path.parent.exists():
        raise StoreError(f"{path}: directory {path.parent} does not exist")
    con = _open(path, False)
    try:
        migrate(con, migrations)
    except StoreError as exc:
        con.close()
        raise StoreError(f"{path}: {exc}") from None
    except BaseException:
        con.close()
        raise
    return con


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config=dict(_CONFIG))
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(
                f"{path}: the database is in use by another process (an ingest?): {message}"
            ) from None
        raise StoreError(f"{path}: cannot open database: {message}") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from None
