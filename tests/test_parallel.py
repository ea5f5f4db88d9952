"""Local parallel coding gives exactly the one-process result, in input order.

The corpus helpers here (`scale_corpus`, `reference`, `store_snapshot`) are shared with the
Dask tests (test_dask*.py), which import them from this module.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from whodid.ingest import split_parts
from whodid.parallel import LocalWorkers, code_parallel, in_order, partitions
from whodid.schema import Document, InputProblem

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Russia imposed sanctions on Belarus on Monday.",
    "Poland accused Belarus of provocations at the border.",
    '"We are ready to help," Lukashenko told Putin.',
    "NATO jets flew close to the Belarusian border yesterday.",
    "Germany offered Poland humanitarian aid.",
    "Japan halted economic aid to Myanmar.",
]


def corpus(n: int) -> list[Document | InputProblem]:
    docs: list[Document | InputProblem] = []
    for i in range(n):
        docs.append(Document(id=f"d{i}", text=TEXTS[i % len(TEXTS)]))
        if i == 7:
            docs.append(InputProblem(origin="x.jsonl:3", reason="invalid JSON", doc_id=None))
    return docs


def keys(coded):
    return [
        (c.document.id, [e.to_dict() for e in c.events], [q.to_dict() for q in c.quotes], [str(p) for p in c.problems])
        for c in coded
    ]


# --------------------------------------------------------------------------- shared corpus


def _sample_sentences() -> list[str]:
    """The sentences of the bundled sample articles (titles left out)."""
    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        out += [s.strip() for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])", body) if s.strip()]
    return out


@lru_cache(maxsize=1)
def scale_corpus() -> tuple[Document | InputProblem, ...]:
    """200 short documents (1-2 sentences of the samples, with dates and outlets), two input
    problems, and one long document read in parts whose sentence indices must continue."""
    sents = _sample_sentences()
    items: list[Document | InputProblem] = []
    for i in range(200):
        k = (7 * i) % len(sents)
        text = sents[k] if i % 3 == 0 else f"{sents[k]} {sents[(k + 1) % len(sents)]}"
        items.append(
            Document(id=f"s{i:03d}", text=text, date=date(2024, 3, 1 + i % 20),
                     source=f"outlet{i % 4}", origin=f"scale.jsonl:{i + 1}")  # fmt: skip
        )
        if i in (40, 150):
            items.append(InputProblem(origin=f"scale.jsonl:{i}", reason="invalid JSON"))
        if i == 100:
            long_text = "\n\n".join(sents * 2)
            offset = 0
            for k, part in enumerate(split_parts(long_text, 900)):
                items.append(Document(id="long", text=part, date=date(2024, 3, 14), part=k,
                                      offset=offset, origin="long.txt"))  # fmt: skip
                offset += len(part)
    return tuple(items)


def records(coded) -> list[tuple]:
    """Everything a coded document carries, in order: the full event and quote records."""
    return [
        (c.document.id, c.document.part, c.sentences, [e.to_dict() for e in c.events],
         [q.to_dict() for q in c.quotes], [str(p) for p in c.problems])
        for c in coded
    ]  # fmt: skip


@lru_cache(maxsize=1)
def _reference_cached() -> tuple:
    from whodid.pipeline import default_coder

    return tuple(records(default_coder().code_documents(scale_corpus())))


def reference() -> list[tuple]:
    """The one-process run of `scale_corpus`: what every other way of running must give."""
    return list(_reference_cached())


def store_snapshot(db) -> dict[str, list]:
    """Every row of every table of a store, without ingest times, sorted."""
    from whodid.store import Store

    out = {}
    with Store(db) as st:
        for table in ("documents", "sentences", "events", "quotes", "clusters",
                      "cluster_members", "failures"):  # fmt: skip
            rows = st.sql(f"SELECT * FROM {table}").to_dict("records")
            for r in rows:
                for volatile in ("ingested_at", "first_seen", "last_seen"):
                    r.pop(volatile, None)
            out[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    return out


@lru_cache(maxsize=1)
def _reference_store_cached(path: str) -> str:
    from whodid.pipeline import default_coder
    from whodid.store import Store

    with Store(path, read_only=False) as st:
        st.ingest(scale_corpus(), coder=default_coder(), batch_size=25)
    return path


def reference_store(tmp_path_factory) -> Path:
    """A store holding the one-process ingest of `scale_corpus` (built once per session)."""
    folder = tmp_path_factory.getbasetemp() / "scale-reference"
    folder.mkdir(exist_ok=True)
    return Path(_reference_store_cached(str(folder / "reference.duckdb")))


# --------------------------------------------------------------------------- tests


def test_two_workers_code_like_one(coder):
    docs = corpus(40)
    one = keys(coder.code_documents(docs))
    two = keys(code_parallel(docs, workers=2, partition_size=5))
    assert one == two
    assert sum(len(k[1]) for k in one) > 20


def test_partitions_keep_the_parts_of_a_document_together():
    parts = [Document(id="big", text="a", part=k, offset=k) for k in range(5)]
    items = [Document(id="x", text="b"), *parts, Document(id="y", text="c")]
    chunks = list(partitions(items, 2))
    assert [d.id for c in chunks for d in c] == [d.id for d in items]
    holding = [c for c in chunks if any(d.id == "big" for d in c)]
    assert len(holding) == 1 and len([d for d in holding[0] if d.id == "big"]) == 5


def test_scale_corpus_has_what_the_comparisons_need(coder):
    ref = reference()
    assert len([r for r in ref if r[1] == 0 and not r[5]]) == 201  # 200 short + the long one
    assert sum(len(r[3]) for r in ref) > 150 and sum(len(r[4]) for r in ref) > 20
    long = [r for r in ref if r[0] == "long"]
    assert len(long) > 3
    # sentence indices continue across the parts of the long document
    firsts = [min((e["sentence_index"] for e in r[3]), default=None) for r in long]
    assert any(f is not None and f > 10 for f in firsts[1:])
    assert [r[5] for r in ref if r[5]] == [["scale.jsonl:40: error: invalid JSON"],
                                           ["scale.jsonl:150: error: invalid JSON"]]


@pytest.mark.multiprocess
def test_two_local_workers_give_the_one_process_records(coder):
    with LocalWorkers(2) as pool:
        pids = pool.warm()
        got = records(pool.code(iter(scale_corpus()), partition_size=16))
        assert len(set(pids)) == 2
        assert all(rss and 50e6 < rss < 3e9 for rss in pool.peak_rss())
    assert got == reference()


def test_in_order_keeps_input_order_and_bounds_the_work_in_flight():
    """Results come in input order although later work finishes first, and no more than
    `inflight` partitions are ever taken from the input ahead of the results handed on."""
    taken = []

    def parts():
        for k in range(10):
            taken.append(k)
            yield [k]

    handed = []

    def get(handle):
        assert len(taken) - len(handed) <= 3  # taken from the input, not yet handed on
        handed.append(handle)
        return handle

    assert list(in_order(parts(), lambda p: p[0], get, 3)) == list(range(10))


@pytest.mark.multiprocess
def test_ingest_with_two_workers_stores_what_one_process_stores(coder, tmp_path,
                                                                tmp_path_factory):  # fmt: skip
    from whodid.store import Store

    db = tmp_path / "two.duckdb"
    seen = []
    with Store(db, read_only=False) as st:
        report = st.ingest(scale_corpus(), batch_size=25, workers=2,
                           on_problem=seen.append)  # fmt: skip
    assert (report.new, report.errors, report.batches) == (201, 2, 9)
    assert [p.origin for p in seen] == ["scale.jsonl:40", "scale.jsonl:150"]
    assert store_snapshot(db) == store_snapshot(reference_store(tmp_path_factory))
    # a second run finds every document stored and stores nothing (the long document read in
    # parts is recoded to learn its hash, as in one process: see `select_documents`)
    with Store(db, read_only=False) as st:
        again = st.ingest(scale_corpus(), batch_size=25, workers=2)
    assert (again.new, again.replaced, again.unchanged, again.stored_events) == (0, 0, 201, 0)
    assert again.events == sum(len(r[3]) for r in reference() if r[0] == "long")


@pytest.mark.multiprocess
def test_cli_code_with_two_workers_writes_the_one_process_output(cli, tmp_path):
    path = tmp_path / "scale.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text, "date": d.date.isoformat()})
             for d in scale_corpus() if isinstance(d, Document) and d.id != "long"]  # fmt: skip
    path.write_text("\n".join(lines[:60]) + "\n{broken\n", encoding="utf-8")
    one = cli("code", path, "-o", tmp_path / "one.jsonl")
    two = cli("code", path, "--workers", "2", "-o", tmp_path / "two.jsonl")
    assert one.exit_code == two.exit_code == 2  # the broken line, named on stderr
    assert "scale.jsonl:61" in two.stderr and "1 unreadable" in two.stderr
    assert re.search(r"60 documents, \d+ sentences, \d+ events, \d+ quotes in [\d.]+ s "
                     r"\([\d.]+ events/s\)", two.stderr)  # fmt: skip
    out = (tmp_path / "two.jsonl").read_text()
    assert out == (tmp_path / "one.jsonl").read_text() and len(out.splitlines()) > 40


def test_in_order_cancels_what_is_pending_when_the_caller_stops():
    cancelled = []
    results = in_order(([k] for k in range(10)), lambda p: p[0], lambda h: h, 4,
                       cancel=cancelled.append)  # fmt: skip
    assert [next(results), next(results)] == [0, 1]
    results.close()  # the caller stops (an error, Ctrl-C): partitions 2-4 were in flight
    assert cancelled == [2, 3, 4]


@pytest.mark.multiprocess
def test_cli_ingest_with_workers_reports_bad_input_and_bad_dictionaries(cli, tmp_path):
    path = tmp_path / "wire.jsonl"
    docs = [d for d in scale_corpus() if isinstance(d, Document) and d.id != "long"][:30]
    lines = [json.dumps({"id": d.id, "text": d.text, "source": d.source}) for d in docs]
    path.write_text("\n".join(lines[:3] + ['{"id": 5, "text": 7}'] + lines[3:]) + "\n")
    one = cli("ingest", path, "--db", tmp_path / "one.duckdb")
    two = cli("ingest", path, "--db", tmp_path / "two.duckdb", "--workers", "2")
    assert one.exit_code == two.exit_code == 2
    assert "wire.jsonl:4" in two.stderr
    assert re.search(r"30 documents \(30 new, 0 replaced, 0 unchanged\)", two.stderr)
    assert store_snapshot(tmp_path / "two.duckdb") == store_snapshot(tmp_path / "one.duckdb")
    bad = tmp_path / "verbs.txt"
    bad.write_text("--- PARLEY  [040] ---\nPARLEY\n\n- * + IN SECRET\n", encoding="utf-8")
    r = cli("ingest", path, "--db", tmp_path / "three.duckdb", "--workers", "2", "--verbs", bad)
    assert r.exit_code == 3 and "verbs.txt:4" in r.stderr
    r = cli("code", path, "--dask", "tcp://127.0.0.1:8786", "--workers", "2")
    assert r.exit_code == 2 and "--workers" in r.stderr
