"""The event store: coded articles, sentences, events, quotes and event clusters in DuckDB.

    from whodid.store import Store
    with Store("whodid.duckdb", read_only=False) as st:
        st.ingest_paths(["news/"])
    with Store("whodid.duckdb") as st:                       # read-only: queries never block
        st.events(dyad="BLR-RUS", since="2024-03")           # clusters, a pandas DataFrame
        st.events(actor="RUSMIL", mentions=True, arrow=True)  # every mention, an Arrow table
        st.stats(dyad="BLR-RUS", by="week")
        st.export("events.parquet", "parquet")

One file, no server. See the README ("Event store") for the tables and the dedup rule.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import duckdb
import pyarrow as pa

from ..schema import Document, InputProblem
from . import dedup, export, query
from .dedup import DedupRule
from .ingest import (
    DEFAULT_BATCH_SIZE,
    BatchResult,
    PreparedBatch,
    StoreItem,
    StoreWriter,
    batched,
    code_for_store,
    crash_test_hook,
    select_documents,
)
from .query import Filters
from .schema import SCHEMA_VERSION, StoreError, connect

if TYPE_CHECKING:
    from distributed import Client

    from ..knowledge import UserDictionaries

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "DedupRule",
    "Filters",
    "IngestReport",
    "Store",
    "StoreError",
    "StoreItem",
    "StoreWriter",
]

DEFAULT_DB = "whodid.duckdb"
TABLES = ("documents", "sentences", "events", "quotes", "clusters", "cluster_members", "failures")


@dataclass
class IngestReport:
    """What an ingest run did (also passed to the progress callback as it goes)."""

    documents: int = 0  # read and handled: coded, or skipped as unchanged
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0  # events coded (stored once their batch commits)
    stored_events: int = 0
    sentences: int = 0
    quotes: int = 0
    batches: int = 0
    errors: int = 0
    warnings: int = 0
    seconds: float = 0.0
    problems: list[InputProblem] = field(default_factory=list)


class Store:
    """An open event store. Read-only by default: DuckDB allows one writer per file."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = True):
        self.path = Path(path)
        self.read_only = read_only
        self.con: duckdb.DuckDBPyConnection = connect(self.path, read_only=read_only)

    # ------------------------------------------------------------------ housekeeping

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        from .schema import schema_version

        return schema_version(self.con)

    @property
    def rule(self) -> DedupRule:
        """The dedup rule the clusters were computed with (the default before any ingest)."""
        return dedup.stored_rule(self.con) or DedupRule()

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}

    def sql(self, sql: str, params: list[Any] | None = None, *, arrow: bool = False) -> Any:
        """Any SQL over the store, as a pandas DataFrame (or an Arrow table)."""
        rel = self.con.sql(sql, params=params) if params else self.con.sql(sql)
        return rel.to_arrow_table() if arrow else rel.df()

    def _reader(self, sql: str, params: list[Any]) -> pa.RecordBatchReader:
        rel = self.con.sql(sql, params=params) if params else self.con.sql(sql)
        return rel.to_arrow_reader(10_000)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open with read_only=False to write")

    # ------------------------------------------------------------------ queries

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: str | None = None,
        directed: bool = False,
        root: str | None = None,
        cameo: str | None = None,
        since: Date | str | None = None,
        until: Date | str | None = None,
        limit: int | None = None,
        mentions: bool = False,
        arrow: bool = False,
    ) -> Any:
        """Event clusters (or, with `mentions`, every mention) matching the filters."""
        f = Filters(actor, dyad, directed, root, cameo, since, until).normalised()
        sql, params = query.mentions_sql(f, limit) if mentions else query.clusters_sql(f, limit)
        return self.sql(sql, params, arrow=arrow)

    def stats(
        self,
        *,
        actor: str | None = None,
        dyad: str | None = None,
        directed: bool = False,
        root: str | None = None,
        cameo: str | None = None,
        since: Date | str | None = None,
        until: Date | str | None = None,
        by: str = "month",
        top: int = 3,
        mentions: bool = False,
        arrow: bool = False,
    ) -> Any:
        """Per period: counts per quad class, Goldstein sum and mean, top CAMEO codes."""
        f = Filters(actor, dyad, directed, root, cameo, since, until).normalised()
        sql, params = query.stats_sql(f, by, top, mentions)
        return self.sql(sql, params, arrow=arrow)

    def count(self, filters: Filters | None = None, *, mentions: bool = False) -> int:
        """How many clusters (or mentions) match."""
        f = (filters or Filters()).normalised()
        if mentions:
            sql, params = query.mentions_sql(f)
        else:
            sql, params = query.clusters_sql(f, with_mentions=False)
        return self.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]

    def reader(
        self, filters: Filters | None = None, *, mentions: bool = False, limit: int | None = None,
        record: bool = False,
    ) -> pa.RecordBatchReader:  # fmt: skip
        """Matching clusters or mentions as a stream of Arrow record batches."""
        f = (filters or Filters()).normalised()
        if mentions:
            return self._reader(*query.mentions_sql(f, limit, record=record))
        return self._reader(*query.clusters_sql(f, limit))

    def export(
        self,
        output: str | os.PathLike[str] | TextIO,
        fmt: str = "parquet",
        *,
        mentions: bool = False,
        filters: Filters | None = None,
    ) -> int:
        """Write clusters (or mentions) as parquet, csv, jsonl or gdelt; return the row count."""
        if fmt not in export.FORMATS:
            raise ValueError(f"unknown export format {fmt!r} (choose {', '.join(export.FORMATS)})")
        if fmt == "gdelt" and mentions:
            raise ValueError("gdelt rows are events with mention counts: export clusters")
        f = (filters or Filters()).normalised()
        if fmt == "gdelt":
            sql, params = query.clusters_sql(f)
            sql = (
                f"SELECT q.*, d.ingested_at AS added FROM ({sql}) q JOIN documents d USING (doc_id)"
            )
            reader = self._reader(sql, params)
        else:
            reader = self.reader(f, mentions=mentions, record=fmt == "jsonl")
        if fmt == "parquet":
            if not isinstance(output, (str, os.PathLike)):
                raise ValueError("parquet needs a file path")
            return export.write_parquet(reader, os.fspath(output))
        if isinstance(output, (str, os.PathLike)):
            with open(output, "w", encoding="utf-8", newline="") as out:
                return self._write_text(reader, out, fmt, mentions)
        return self._write_text(reader, output, fmt, mentions)

    @staticmethod
    def _write_text(reader: pa.RecordBatchReader, out: TextIO, fmt: str, mentions: bool) -> int:
        if fmt == "csv":
            return export.write_csv(reader, out)
        if fmt == "jsonl":
            return export.write_jsonl(reader, out, mentions)
        return export.write_gdelt(reader, out)

    def failures(self) -> Any:
        return self.sql("SELECT * FROM failures ORDER BY origin, reason")

    # ------------------------------------------------------------------ writing

    def use_rule(self, rule: DedupRule | None = None) -> DedupRule:
        """Make `rule` the store's dedup rule (recomputing every cluster if it changed)."""
        self._writable()
        stored = dedup.stored_rule(self.con)
        rule = rule or stored or DedupRule()
        if stored == rule:
            return rule
        self.con.begin()
        try:
            if (
                stored is None
                and not self.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            ):
                dedup.save_rule(self.con, rule)
            else:
                dedup.recluster(self.con, rule)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return rule

    def recluster(self, rule: DedupRule | None = None) -> DedupRule:
        """Recompute every cluster (under `rule`, else the stored rule)."""
        self._writable()
        rule = rule or self.rule
        self.con.begin()
        try:
            dedup.recluster(self.con, rule)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return rule

    def ingest_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        default_date: Date | None = None,
        stdin: TextIO | None = None,
        **options: Any,
    ) -> IngestReport:
        """Read files, directories or ``-`` as `whodid code` does, then `ingest` them."""
        from ..ingest import iter_documents

        items = iter_documents(paths, default_date, stdin=stdin or sys.stdin)
        return self.ingest(items, **options)

    def ingest(
        self,
        documents: Iterable[Document | InputProblem | dict],
        *,
        coder: Any = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        force: bool = False,
        rule: DedupRule | None = None,
        on_problem: Callable[[InputProblem], None] | None = None,
        on_progress: Callable[[IngestReport], None] | None = None,
        workers: int = 1,
        dask: str | Client | None = None,
        user: UserDictionaries | None = None,
        parts_dir: str | os.PathLike[str] | None = None,
    ) -> IngestReport:
        """Code and store documents, committing every `batch_size` documents.

        Unchanged documents (same id and content hash) are skipped without coding; changed
        ones replace their records; `force` recodes everything. Input problems are passed
        to `on_problem` as they come and recorded in the `failures` table. A
        KeyboardInterrupt rolls back the batch in flight and propagates.

        Coding runs in this process with `coder` (default: the default coder), in `workers`
        local processes, or on Dask: `dask` is ``"local"`` (a LocalCluster of `workers`
        processes), a scheduler address, or a connected `distributed.Client`. With workers
        or Dask, `user` gives the user dictionaries (a `UserDictionaries`) each worker loads,
        a batch is the partition a worker codes, and batches are committed in input order.
        Dask workers write each batch as Parquet under `parts_dir` (default: ``<db>.parts``;
        on a real cluster, a directory that the workers and this machine share).
        """
        self._writable()
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, got {batch_size}")
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        parallel = workers > 1 or dask is not None
        if coder is None and not parallel:
            from ..pipeline import default_coder

            coder = default_coder()
        rule = self.use_rule(rule)
        report = IngestReport()
        started = time.perf_counter()
        writer = StoreWriter(self.con, rule, force=force, before_commit=crash_test_hook())
        lookup = self.con.cursor()

        def unchanged(_doc: Document) -> None:
            report.documents += 1
            report.unchanged += 1
            if on_progress is not None:
                on_progress(report)

        def problems(found: Iterable[InputProblem]) -> None:
            for p in found:
                if p.severity == "error":
                    report.errors += 1
                else:
                    report.warnings += 1
                report.problems.append(p)
                if on_problem is not None:
                    on_problem(p)

        def watched(items: Iterator[StoreItem]) -> Iterator[StoreItem]:
            for item in items:
                coded = item.coded
                problems(coded.problems)
                if coded.document.text and coded.document.part == 0:
                    report.documents += 1
                report.events += len(coded.events)
                report.sentences += coded.sentences
                if on_progress is not None:
                    on_progress(report)
                yield item

        def stored(result: BatchResult) -> None:
            report.batches += 1
            report.new += len(result.new)
            report.replaced += len(result.replaced)
            report.unchanged += len(result.unchanged)
            report.stored_events += result.events
            report.quotes += result.quotes

        selected = select_documents(
            lookup, _as_documents(documents), force=force, chunk=batch_size, on_unchanged=unchanged
        )
        try:
            if parallel:
                with self._prepared(batched(selected, batch_size), rule, workers, dask, user,
                                    parts_dir) as prepared:  # fmt: skip
                    for batch in prepared:
                        problems(batch.problems)
                        report.documents += batch.n_documents
                        report.events += batch.n_events
                        report.sentences += batch.n_sentences
                        stored(writer.load(batch))
                        if on_progress is not None:
                            on_progress(report)
            else:
                coded = code_for_store(coder, selected)
                try:
                    for batch in batched(watched(coded), batch_size):
                        stored(writer.write(batch))
                finally:
                    coded.close()  # gives the coder its own component back, even if interrupted
            self.con.execute("CHECKPOINT")
        finally:
            lookup.close()
            report.seconds = time.perf_counter() - started
        return report

    @contextmanager
    def _prepared(
        self,
        batches: Iterator[list[Document | InputProblem]],
        rule: DedupRule,
        workers: int,
        dask: str | Client | None,
        user: UserDictionaries | None,
        parts_dir: str | os.PathLike[str] | None,
    ) -> Iterator[Iterator[PreparedBatch]]:
        """Prepared batches, in input order, from local worker processes or from Dask."""
        if dask is None:
            from ..parallel import LocalWorkers

            with LocalWorkers(workers, user) as pool:
                yield pool.prepare(batches, rule)
            return
        from .. import distributed

        root = Path(parts_dir) if parts_dir is not None else self.path.with_name(
            self.path.name + ".parts"
        )  # fmt: skip
        run_dir = _new_run_dir(root, self.path)
        try:
            if isinstance(dask, str):
                with distributed.connect(dask, workers if dask == "local" else None) as client:
                    yield distributed.ingest_partitions(batches, client, rule, run_dir, user)
            else:
                yield distributed.ingest_partitions(batches, dask, rule, run_dir, user)
        finally:
            shutil.rmtree(run_dir, ignore_errors=True)
            with suppress(OSError):
                root.rmdir()  # when no other run's batches are in it


def _new_run_dir(root: Path, db: Path) -> Path:
    """A fresh directory for one Dask ingest's Parquet batches, after removing those that
    earlier runs into the same database left behind (a crash, a kill): they were never
    loaded, and this run codes their documents again. Only one process can hold the
    database for writing, so no other run into it is using them."""
    tag = hashlib.sha256(str(db.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    root.mkdir(parents=True, exist_ok=True)
    for stale in root.glob(f"run-{tag}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    run = root / f"run-{tag}-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    run.mkdir()
    return run


def _as_documents(
    items: Iterable[Document | InputProblem | dict],
) -> Iterator[Document | InputProblem]:
    """Documents from Documents, problems or dicts with id, text and optional metadata."""
    for i, d in enumerate(items):
        if isinstance(d, (Document, InputProblem)):
            yield d
            continue
        origin = f"<item {i + 1}>"
        try:
            doc_id = str(d["id"])
            text = d["text"]
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
            day = d.get("date")
            if day is not None and not isinstance(day, Date):
                day = Date.fromisoformat(str(day)[:10])
        except (KeyError, TypeError, ValueError) as exc:
            doc_id = d.get("id") if isinstance(d, dict) else None
            yield InputProblem(origin, f"bad document: {exc}", str(doc_id) if doc_id else None)
            continue
        yield Document(
            id=doc_id, text=text, title=d.get("title"), date=day, source=d.get("source"),
            url=d.get("url"), origin=d.get("origin", origin),
        )  # fmt: skip
