"""Ingest: select the documents that changed, code them, write them in atomic batches.

Separable stages, so that coding runs in this process, in worker processes or on Dask:

1. `select_documents` drops documents whose id and content hash are already stored (an
   unchanged document costs a hash and a look-up, no coding);
2. `code_for_store` codes the rest with a `Coder` and adds the sentence boundaries;
3. `prepare_batch` turns one batch of coded documents into store rows (`PreparedBatch`,
   Arrow tables; a Dask worker writes them as Parquet);
4. `StoreWriter.load` stores one prepared batch in one transaction: a document that changed
   has its old records deleted and its new ones inserted in that transaction, so a crash
   (Ctrl-C, ``kill -9``, power loss) loses at most the batch in flight and a rerun writes it
   again, with no duplicate and nothing missing. `StoreWriter.write` is 3 and 4 together.

Identity: a document is its `doc_id`; its `content_hash` is SHA-256 over its title, date,
source, URL and text. A stored document with the same id and hash is left alone; with the
same id and another hash it is replaced, records and all. Event, sentence and quote ids are
hashes of the document id, its content hash and the record's position and codes, so the same
input always gives the same ids.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from .. import __version__
from ..schema import CodedDocument, Document, InputProblem
from . import dedup

__all__ = [
    "BatchResult",
    "PreparedBatch",
    "StoreItem",
    "StoreWriter",
    "batched",
    "code_for_store",
    "content_hash",
    "prepare_batch",
    "select_documents",
]

DEFAULT_BATCH_SIZE = 200

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()),
        ("date", pa.date32()), ("source", pa.string()), ("url", pa.string()),
        ("origin", pa.string()), ("text", pa.string()), ("n_chars", pa.int32()),
        ("n_sentences", pa.int32()), ("n_events", pa.int32()), ("n_quotes", pa.int32()),
        ("coder_version", pa.string()), ("ingested_at", pa.timestamp("us")),
    ]
)  # fmt: skip
SENTENCE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("char_start", pa.int32()),
        ("char_end", pa.int32()), ("text", pa.string()),
    ]
)  # fmt: skip
EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()),
        ("span_start", pa.int32()), ("span_end", pa.int32()), ("date", pa.date32()),
        ("date_precision", pa.string()), ("date_text", pa.string()),
        ("source_code", pa.string()), ("source_country", pa.string()),
        ("source_sector", pa.string()), ("source_text", pa.string()),
        ("source_name", pa.string()), ("source_start", pa.int32()), ("source_end", pa.int32()),
        ("target_code", pa.string()), ("target_country", pa.string()),
        ("target_sector", pa.string()), ("target_text", pa.string()),
        ("target_name", pa.string()), ("target_start", pa.int32()), ("target_end", pa.int32()),
        ("cameo", pa.string()), ("root", pa.string()), ("label", pa.string()),
        ("goldstein", pa.float64()), ("quad_class", pa.int32()), ("plover", pa.string()),
        ("trigger", pa.string()), ("rule", pa.string()), ("mode", pa.string()),
        ("reciprocal", pa.bool_()),
        ("location_name", pa.string()), ("location_country", pa.string()),
        ("location_lat", pa.float64()), ("location_lon", pa.float64()),
        ("location_geonameid", pa.int64()),
        ("dedup_key", pa.string()), ("record", pa.string()),
    ]
)  # fmt: skip
QUOTE_SCHEMA = pa.schema(
    [
        ("quote_id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()),
        ("text", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32()),
        ("cue", pa.string()), ("cue_start", pa.int32()), ("cue_end", pa.int32()),
        ("direct", pa.bool_()), ("speaker_text", pa.string()),
        ("speaker_start", pa.int32()), ("speaker_end", pa.int32()),
        ("speaker_name", pa.string()), ("speaker_code", pa.string()),
        ("speaker_rule", pa.string()), ("record", pa.string()),
    ]
)  # fmt: skip


# --------------------------------------------------------------------------- identity


def _header(doc: Document) -> bytes:
    fields = [doc.title, doc.date.isoformat() if doc.date else None, doc.source, doc.url]
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def content_hash(doc: Document, more_parts: Iterable[Document] = ()) -> str:
    """SHA-256 of what the coder sees of a document: title, date, source, URL and text."""
    h = hashlib.sha256(_header(doc))
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    for part in more_parts:
        h.update(part.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _rid(*parts: Any) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


# --------------------------------------------------------------------------- stage 1: select


def select_documents(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Document | InputProblem],
    *,
    force: bool = False,
    chunk: int = DEFAULT_BATCH_SIZE,
    on_unchanged: Callable[[Document], None] | None = None,
) -> Iterator[Document | InputProblem]:
    """Pass on input problems and the documents that are not stored with the same hash.

    Look-ups go by chunks of `chunk` documents. A document in several parts (a huge file)
    is passed on as it streams, never held: the writer compares its hash once all parts are
    coded. `con` should be a cursor of its own when the writer runs in another thread.
    """
    pending: Document | None = None  # a part 0 whose next item says whether parts follow
    streaming: str | None = None  # id of the multi-part document being passed through
    waiting: list[Document | InputProblem] = []
    n_docs = 0

    def flush() -> Iterator[Document | InputProblem]:
        nonlocal n_docs
        docs = [d for d in waiting if isinstance(d, Document)]
        stored: dict[str, str] = {}
        if docs and not force:
            ids = pa.table({"doc_id": [d.id for d in docs]})
            con.register("_lookup", ids)
            try:
                stored = dict(
                    con.execute(
                        "SELECT doc_id, content_hash FROM documents "
                        "WHERE doc_id IN (SELECT doc_id FROM _lookup)"
                    ).fetchall()
                )
            finally:
                con.unregister("_lookup")
        for item in waiting:
            if (
                isinstance(item, Document)
                and item.id in stored
                and stored[item.id] == content_hash(item)
            ):
                if on_unchanged is not None:
                    on_unchanged(item)
                continue
            yield item
        waiting.clear()
        n_docs = 0

    for item in items:
        if isinstance(item, Document) and item.part > 0:
            if pending is not None and pending.id == item.id:
                yield from flush()
                yield pending
                pending = None
                streaming = item.id
            if streaming == item.id:
                yield item
                continue
        if pending is not None:
            waiting.append(pending)
            n_docs += 1
            pending = None
        streaming = None
        if isinstance(item, Document):
            pending = item
        else:
            waiting.append(item)
        if n_docs >= chunk:
            yield from flush()
    if pending is not None:
        waiting.append(pending)
    yield from flush()


# --------------------------------------------------------------------------- stage 2: code


@dataclass
class StoreItem:
    """A coded document (or part) with its sentences as (start, end, text) in document text."""

    coded: CodedDocument
    sentence_spans: list[tuple[int, int, str]] | None = None


class _SentenceTap:
    """Wraps the coder's spaCy component to keep the sentence boundaries of the last Doc.

    `CodedDocument` carries only a sentence count; the store wants every sentence with its
    span. The component is called once per document just before `code_documents` yields it,
    so the last boundaries seen belong to the document yielded next.
    """

    def __init__(self, inner: Any):
        self.inner = inner
        self.last: tuple[str, int, list[tuple[int, int, str]]] | None = None

    def __call__(self, doc: Any) -> Any:
        from ..sents import sentences

        out = self.inner(doc)
        offset = doc._.char_offset or 0
        spans = []
        for s in sentences(doc):
            text = s.text
            stripped = text.strip()
            if not stripped:
                continue
            start = s.start_char + offset + (len(text) - len(text.lstrip()))
            spans.append((start, start + len(stripped), stripped))
        self.last = (doc._.doc_id, offset, spans)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def code_for_store(coder: Any, documents: Iterable[Document | InputProblem]) -> Iterator[StoreItem]:
    """Code documents with `coder` (a `whodid.pipeline.Coder`), adding sentence spans.

    A coder without a spaCy `component` to tap still works: its documents get the sentences
    their events name (see `_spans_from_events`).
    """
    if not hasattr(coder, "component"):
        for coded in coder.code_documents(documents):
            yield StoreItem(coded, getattr(coded, "sentence_spans", None))
        return
    tap = _SentenceTap(coder.component)
    coder.component = tap
    try:
        for coded in coder.code_documents(documents):
            spans = None
            last, tap.last = tap.last, None
            if not coded.problems and last is not None:
                doc_id, offset, found = last
                if doc_id == coded.document.id and offset == coded.document.offset:
                    spans = found
            yield StoreItem(coded, spans)
    finally:
        coder.component = tap.inner


# --------------------------------------------------------------------------- batches


def batched(items: Iterable[Any], size: int = DEFAULT_BATCH_SIZE) -> Iterator[list[Any]]:
    """Lists of about `size` documents; the parts of one document never straddle two lists.

    Items are coded (`StoreItem`, `CodedDocument`) or raw (`Document`, `InputProblem`): raw
    batches are the partitions that worker processes code and prepare, one transaction each.
    """
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    batch: list[Any] = []
    docs = 0
    for item in items:
        if _starts_document(item):
            if docs >= size:
                yield batch
                batch, docs = [], 0
            docs += 1
        batch.append(item)
    if batch:
        yield batch


def _starts_document(item: Any) -> bool:
    """Whether an item (raw or coded) is the first part of a document, not a problem."""
    if isinstance(item, InputProblem):
        return False
    if isinstance(item, Document):
        return item.part == 0
    coded = item.coded if isinstance(item, StoreItem) else item
    is_doc = not coded.problems or coded.document.text
    return bool(is_doc) and coded.document.part == 0


# --------------------------------------------------------------------------- stage 3: write


@dataclass
class BatchResult:
    """What one committed batch did."""

    new: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    events: int = 0
    quotes: int = 0
    sentences: int = 0
    problems: list[InputProblem] = field(default_factory=list)


@dataclass
class _Doc:
    """A whole document assembled from its coded parts."""

    document: Document
    parts: list[StoreItem]

    @property
    def text(self) -> str:
        if len(self.parts) == 1:
            return self.document.text
        return "".join(p.coded.document.text for p in self.parts)


@dataclass
class PreparedBatch:
    """One batch as store rows (Arrow tables), ready to load in one transaction.

    Preparing is pure computation (content hashes, record ids, dedup keys, rows) and runs
    wherever the batch was coded: in this process, a worker process or a Dask worker, which
    then hands over tables instead of Python objects. Only `StoreWriter.load` touches the
    database. Rows are built for every document of the batch; `load` drops the unchanged.
    """

    documents: pa.Table
    sentences: pa.Table
    events: pa.Table
    quotes: pa.Table
    problems: list[InputProblem] = field(default_factory=list)

    TABLES = ("documents", "sentences", "events", "quotes")

    def write_parquet(self, directory: str | os.PathLike[str]) -> Path:
        """Write the batch as ``DIR/{documents,sentences,events,quotes,problems}.parquet``.

        Files go to a temporary sibling directory renamed into place at the end, so a reader
        never sees a partial batch: a worker killed while writing leaves only a ``.tmp-``
        directory, which is never loaded. An existing `directory` (a retried task whose first
        attempt finished) is kept as it is. The parent of `directory` must exist.
        """
        import pyarrow.parquet as pq

        final = Path(directory)
        if final.is_dir():
            return final
        tmp = final.with_name(f"{final.name}.tmp-{uuid.uuid4().hex[:12]}")
        tmp.mkdir()  # not its parent: a run directory removed meanwhile stays removed
        try:
            for name in self.TABLES:
                pq.write_table(getattr(self, name), tmp / f"{name}.parquet")
            pq.write_table(_problems_table(self.problems), tmp / "problems.parquet")
            try:
                os.rename(tmp, final)
            except OSError:
                if not final.is_dir():  # not "another attempt got there first"
                    raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        return final

    @classmethod
    def read_parquet(cls, directory: str | os.PathLike[str]) -> PreparedBatch:
        """A batch written by `write_parquet`."""
        import pyarrow.parquet as pq

        d = Path(directory)
        tables = {
            name: pq.read_table(d / f"{name}.parquet").cast(schema)
            for name, schema in zip(cls.TABLES, _SCHEMAS, strict=True)
        }
        problems = [InputProblem(**r) for r in pq.read_table(d / "problems.parquet").to_pylist()]
        return cls(**tables, problems=problems)

    @property
    def n_documents(self) -> int:
        return self.documents.num_rows

    @property
    def n_events(self) -> int:
        return self.events.num_rows

    @property
    def n_sentences(self) -> int:
        return sum(n or 0 for n in self.documents.column("n_sentences").to_pylist())

    def only(self, doc_ids: Sequence[str]) -> PreparedBatch:
        """The rows of these documents only."""
        if len(doc_ids) == self.documents.num_rows:
            return self
        keep = pa.array(list(doc_ids), pa.string())
        tables = {
            name: getattr(self, name).filter(pc.is_in(getattr(self, name)["doc_id"], keep))
            for name in self.TABLES
        }
        return PreparedBatch(**tables, problems=self.problems)


_SCHEMAS = (DOCUMENT_SCHEMA, SENTENCE_SCHEMA, EVENT_SCHEMA, QUOTE_SCHEMA)
_PROBLEM_SCHEMA = pa.schema(
    [("origin", pa.string()), ("reason", pa.string()), ("doc_id", pa.string()),
     ("severity", pa.string())]
)  # fmt: skip


def _problems_table(problems: list[InputProblem]) -> pa.Table:
    rows = [
        {"origin": p.origin, "reason": p.reason, "doc_id": p.doc_id, "severity": p.severity}
        for p in problems
    ]
    return pa.Table.from_pylist(rows, schema=_PROBLEM_SCHEMA)


def prepare_batch(
    batch: Iterable[CodedDocument | StoreItem],
    rule: dedup.DedupRule,
    now: datetime | None = None,
) -> PreparedBatch:
    """Store rows for a batch of coded documents (the parts of a document together)."""
    problems: list[InputProblem] = []
    docs = _assemble(batch, problems)
    now = now or datetime.now().replace(microsecond=0)
    rows = _Rows()
    for d in docs:
        chash = content_hash(d.document, (p.coded.document for p in d.parts[1:]))
        rows.add(d, chash, rule, now)
    tables = {
        name: pa.table(getattr(rows, name), schema=schema)
        for name, schema in zip(PreparedBatch.TABLES, _SCHEMAS, strict=True)
    }
    return PreparedBatch(**tables, problems=problems)


def _assemble(
    batch: Iterable[CodedDocument | StoreItem], problems: list[InputProblem]
) -> list[_Doc]:
    docs: list[_Doc] = []
    for raw in batch:
        item = raw if isinstance(raw, StoreItem) else StoreItem(raw)
        coded = item.coded
        if coded.problems:
            problems.extend(coded.problems)
            if not coded.document.text:
                continue
        d = coded.document
        if d.part > 0 and docs and docs[-1].document.id == d.id:
            docs[-1].parts.append(item)
        else:
            # an id given twice in one batch: the later document replaces the earlier,
            # as it would in a later batch
            docs = [x for x in docs if x.document.id != d.id]
            docs.append(_Doc(d, [item]))
    return docs


class StoreWriter:
    """Writes batches of coded documents to an open, writable store connection."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        rule: dedup.DedupRule,
        *,
        force: bool = False,
        before_commit: Callable[[int], None] | None = None,
    ):
        self.con = con
        self.rule = rule
        self.force = force
        self.batches = 0
        self._before_commit = before_commit

    def write(self, batch: Sequence[CodedDocument | StoreItem]) -> BatchResult:
        """Store one batch atomically: all of it is committed, or none of it."""
        return self.load(prepare_batch(batch, self.rule))

    def load(self, prepared: PreparedBatch) -> BatchResult:
        """Store a prepared batch atomically: all of it is committed, or none of it.

        A document stored with the same content hash is left alone (unless `force`); one
        stored with another hash has its old records deleted in the same transaction.
        """
        result = BatchResult(problems=list(prepared.problems))
        now = datetime.now().replace(microsecond=0)
        ids = prepared.documents.column("doc_id").to_pylist()
        hashes = prepared.documents.column("content_hash").to_pylist()
        con = self.con
        con.begin()
        try:
            stored = self._stored_hashes(ids)
            keep: list[str] = []
            for doc_id, chash in zip(ids, hashes, strict=True):
                if doc_id in stored and stored[doc_id] == chash and not self.force:
                    result.unchanged.append(doc_id)
                    continue
                (result.replaced if doc_id in stored else result.new).append(doc_id)
                keep.append(doc_id)
            touched: list[tuple[str, Any]] = []
            if result.replaced:
                touched += self._delete(result.replaced)
            rows = prepared.only(keep)
            docs = rows.documents
            docs = docs.set_column(
                docs.schema.get_field_index("ingested_at"), "ingested_at",
                pa.array([now] * docs.num_rows, pa.timestamp("us")),
            )  # fmt: skip
            self._insert(PreparedBatch(docs, rows.sentences, rows.events, rows.quotes))
            result.events, result.quotes = rows.events.num_rows, rows.quotes.num_rows
            result.sentences = rows.sentences.num_rows
            event_ids = rows.events.column("event_id").to_pylist()
            keys = rows.events.column("dedup_key").to_pylist()
            days = rows.events.column("date").to_pylist()
            dedup.add_singletons(
                con, [e for e, k in zip(event_ids, keys, strict=True) if k is None]
            )
            touched += [(k, day) for k, day in zip(keys, days, strict=True) if k is not None]
            dedup.update(con, self.rule, touched)
            self._failures(result.problems, docs.column("origin").to_pylist(), now)
            self.batches += 1
            if self._before_commit is not None:
                self._before_commit(self.batches)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return result

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        self.con.register("_batch_ids", pa.table({"doc_id": ids}))
        try:
            return dict(
                self.con.execute(
                    "SELECT doc_id, content_hash FROM documents "
                    "WHERE doc_id IN (SELECT doc_id FROM _batch_ids)"
                ).fetchall()
            )
        finally:
            self.con.unregister("_batch_ids")

    def _delete(self, doc_ids: list[str]) -> list[tuple[str, Any]]:
        """Delete every record of these documents; return the (key, date) their events had."""
        con = self.con
        con.register("_gone", pa.table({"doc_id": doc_ids}))
        try:
            touched = con.execute(
                "SELECT dedup_key, date FROM events WHERE doc_id IN (SELECT doc_id FROM _gone) "
                "AND dedup_key IS NOT NULL"
            ).fetchall()
            dedup.drop_for_events(con, "_gone")
            for table in ("events", "sentences", "quotes", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _gone)")
        finally:
            con.unregister("_gone")
        return [(k, d) for k, d in touched]

    def _insert(self, rows: PreparedBatch) -> None:
        for table, schema in zip(PreparedBatch.TABLES, _SCHEMAS, strict=True):
            arrow = getattr(rows, table)
            if not arrow.num_rows:
                continue
            name = f"_new_{table}"
            self.con.register(name, arrow)
            try:
                cols = ", ".join(schema.names)
                self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
            finally:
                self.con.unregister(name)

    def _failures(
        self, problems: list[InputProblem], origins: list[str | None], now: datetime
    ) -> None:
        con = self.con
        written = sorted({o for o in origins if o})
        if written:
            con.register("_origins", pa.table({"origin": written}))
            try:
                con.execute(
                    "DELETE FROM failures WHERE severity = 'error' "
                    "AND origin IN (SELECT origin FROM _origins)"
                )
            finally:
                con.unregister("_origins")
        seen = set()
        for p in problems:
            if (p.origin, p.reason) in seen:
                continue
            seen.add((p.origin, p.reason))
            con.execute(
                """INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (origin, reason) DO UPDATE SET
                    last_seen = excluded.last_seen, doc_id = excluded.doc_id,
                    severity = excluded.severity""",
                [p.origin, p.reason, p.doc_id, p.severity, now, now],
            )


class _Rows:
    """Column lists for one batch, built from coded documents."""

    def __init__(self) -> None:
        self.documents: dict[str, list] = {n: [] for n in DOCUMENT_SCHEMA.names}
        self.sentences: dict[str, list] = {n: [] for n in SENTENCE_SCHEMA.names}
        self.events: dict[str, list] = {n: [] for n in EVENT_SCHEMA.names}
        self.quotes: dict[str, list] = {n: [] for n in QUOTE_SCHEMA.names}

    def add(self, d: _Doc, chash: str, rule: dedup.DedupRule, now: datetime) -> None:
        doc = d.document
        text = d.text
        n_events = n_quotes = n_sentences = 0
        seen: set[str] = set()
        for item in d.parts:
            coded = item.coded
            base = n_sentences  # sentence indices are document-wide across parts
            n_sentences += coded.sentences
            spans = item.sentence_spans
            if spans is None or len(spans) != coded.sentences:
                spans = _spans_from_events(coded, text, base)
                self._sentences(doc.id, spans)
            else:
                self._sentences(doc.id, [(base + i, s, e, t) for i, (s, e, t) in enumerate(spans)])
            for ev in coded.events:
                self._event(ev.to_dict(), doc, chash, rule, seen)
                n_events += 1
            for q in getattr(coded, "quotes", None) or []:
                self._quote(q.to_dict() if hasattr(q, "to_dict") else dict(q), doc, chash, seen)
                n_quotes += 1
        r = self.documents
        for name, value in (
            ("doc_id", doc.id), ("content_hash", chash), ("title", doc.title),
            ("date", doc.date), ("source", doc.source), ("url", doc.url),
            ("origin", doc.origin), ("text", text), ("n_chars", len(text)),
            ("n_sentences", n_sentences), ("n_events", n_events), ("n_quotes", n_quotes),
            ("coder_version", __version__), ("ingested_at", now),
        ):  # fmt: skip
            r[name].append(value)

    def _sentences(self, doc_id: str, spans: list[tuple[int, int, int, str]]) -> None:
        r = self.sentences
        for index, start, end, text in spans:
            r["doc_id"].append(doc_id)
            r["sentence_index"].append(index)
            r["char_start"].append(start)
            r["char_end"].append(end)
            r["text"].append(text)

    def _event(
        self, rec: dict, doc: Document, chash: str, rule: dedup.DedupRule, seen: set
    ) -> None:
        src = rec.get("source") or {}
        tgt = rec.get("target") or {}
        span = rec.get("span") or [None, None]
        loc = rec.get("location") or {}
        ev = rec.get("evidence") or {}
        eid = _rid(doc.id, chash, rec.get("sentence_index"), *span, src.get("code"),
                   tgt.get("code"), rec.get("cameo"), src.get("span"), tgt.get("span"))  # fmt: skip
        n = 2
        while eid in seen:  # same codes and spans twice in a sentence: keep both, ids apart
            eid = _rid(eid, n)
            n += 1
        seen.add(eid)
        day = Date.fromisoformat(str(rec["date"])[:10]) if rec.get("date") else None
        row = {
            "event_id": eid, "doc_id": doc.id, "sentence_index": rec.get("sentence_index"),
            "span_start": span[0], "span_end": span[1], "date": day,
            "date_precision": rec.get("date_precision"), "date_text": rec.get("date_text"),
            "source_code": src.get("code"), "source_country": src.get("country"),
            "source_sector": src.get("sector"), "source_text": src.get("text"),
            "source_name": src.get("name"),
            "source_start": _at(src.get("span"), 0), "source_end": _at(src.get("span"), 1),
            "target_code": tgt.get("code"), "target_country": tgt.get("country"),
            "target_sector": tgt.get("sector"), "target_text": tgt.get("text"),
            "target_name": tgt.get("name"),
            "target_start": _at(tgt.get("span"), 0), "target_end": _at(tgt.get("span"), 1),
            "cameo": rec.get("cameo"), "root": rec.get("root"), "label": rec.get("label"),
            "goldstein": rec.get("goldstein"), "quad_class": rec.get("quad_class"),
            "plover": rec.get("plover"), "trigger": ev.get("trigger"), "rule": ev.get("rule"),
            "mode": ev.get("mode"), "reciprocal": ev.get("reciprocal"),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "location_lat": _num(loc.get("lat")), "location_lon": _num(loc.get("lon")),
            "location_geonameid": _int(loc.get("geonameid")),
        }  # fmt: skip
        row["dedup_key"] = rule.key(row)
        row["record"] = json.dumps(rec, ensure_ascii=False)
        r = self.events
        for name in EVENT_SCHEMA.names:
            r[name].append(row[name])

    def _quote(self, rec: dict, doc: Document, chash: str, seen: set) -> None:
        sp = rec.get("speaker") or {}
        span = rec.get("span") or [None, None]
        qid = _rid("quote", doc.id, chash, rec.get("sentence_index"), *span, sp.get("span"),
                   rec.get("cue"))  # fmt: skip
        n = 2
        while qid in seen:
            qid = _rid(qid, n)
            n += 1
        seen.add(qid)
        row = {
            "quote_id": qid, "doc_id": doc.id, "sentence_index": rec.get("sentence_index"),
            "text": rec.get("text"), "span_start": span[0], "span_end": span[1],
            "cue": _text(rec.get("cue")), "cue_start": _at(rec.get("cue_span"), 0),
            "cue_end": _at(rec.get("cue_span"), 1), "direct": rec.get("direct"),
            "speaker_text": sp.get("text"), "speaker_start": _at(sp.get("span"), 0),
            "speaker_end": _at(sp.get("span"), 1), "speaker_name": sp.get("name"),
            "speaker_code": sp.get("code"), "speaker_rule": sp.get("rule"),
            "record": json.dumps(rec, ensure_ascii=False),
        }  # fmt: skip
        r = self.quotes
        for name in QUOTE_SCHEMA.names:
            r[name].append(row[name])


def _at(span: Any, i: int) -> int | None:
    return span[i] if span else None


def _num(v: Any) -> float | None:
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


def _int(v: Any) -> int | None:
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def _text(v: Any) -> str | None:
    """A cue may arrive as words or as {text, span}: keep the words."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, dict):
        return v.get("text")
    return str(v)


def _spans_from_events(
    coded: CodedDocument, text: str, base: int
) -> list[tuple[int, int, int, str]]:
    """Sentences known from the events alone, when the coder gave no boundaries."""
    out: dict[int, tuple[int, int, int, str]] = {}
    for ev in coded.events:
        if ev.sentence_index in out:
            continue
        start = text.find(ev.sentence, max(0, ev.span[1] - len(ev.sentence)))
        if start < 0 or start > ev.span[0]:
            start = text.find(ev.sentence)
        if start >= 0:
            out[ev.sentence_index] = (
                ev.sentence_index,
                start,
                start + len(ev.sentence),
                ev.sentence,
            )
    return [out[k] for k in sorted(out)]


# --------------------------------------------------------------------------- test hook

_HOLD_ENV = "WHODID_STORE_TEST_HOLD"


def crash_test_hook() -> Callable[[int], None] | None:
    """For the crash test only: ``WHODID_STORE_TEST_HOLD=N`` pauses before committing batch N,
    after its rows are written, so a test can kill the process inside the transaction."""
    value = os.environ.get(_HOLD_ENV)
    if not value:
        return None
    target = int(value)

    def hold(n: int) -> None:
        if n == target:
            import sys

            print(f"whodid: test hold before commit of batch {n}", file=sys.stderr, flush=True)
            time.sleep(120)

    return hold
