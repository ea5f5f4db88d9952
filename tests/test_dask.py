"""Coding and ingest on a Dask LocalCluster (`--dask local`) give the one-process result."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from test_parallel import records, reference, reference_store, scale_corpus, store_snapshot
from whodid.distributed import code_dask, connect, fingerprint, worker_peak_rss
from whodid.schema import Document
from whodid.store import Store
from whodid.store.ingest import PreparedBatch, prepare_batch

pytestmark = pytest.mark.multiprocess


@pytest.fixture(scope="module")
def local_client():
    """What `--dask local --workers 2` starts: a LocalCluster of two worker processes."""
    with connect("local", 2) as client:
        yield client


def test_dask_local_codes_exactly_like_one_process(coder, local_client):
    got = records(code_dask(iter(scale_corpus()), local_client, partition_size=16))
    assert got == reference()
    # both workers coded, each with its own coder, within the memory budget of the issue
    peaks = worker_peak_rss(local_client)
    assert len(peaks) == 2 and all(p and p < 1.5e9 for p in peaks.values())
    loaded = local_client.run(lambda: len(__import__("whodid.distributed").distributed._coders))
    assert list(loaded.values()) == [1, 1]


def test_dask_ingest_stores_what_one_process_stores(coder, local_client, tmp_path,
                                                    tmp_path_factory):  # fmt: skip
    db = tmp_path / "dask.duckdb"
    loaded = []
    with Store(db, read_only=False) as st:
        report = st.ingest(scale_corpus(), batch_size=25, dask=local_client,
                           on_progress=lambda r: loaded.append(r.batches))  # fmt: skip
    assert (report.new, report.errors, report.batches) == (201, 2, 9)
    assert store_snapshot(db) == store_snapshot(reference_store(tmp_path_factory))
    assert sorted(set(loaded)) == list(range(1, 10))  # progress after every batch
    # the batches' Parquet files are gone once loaded
    assert not (tmp_path / "dask.duckdb.parts").exists()
    with Store(db, read_only=False) as st:
        again = st.ingest(scale_corpus(), batch_size=25, dask=local_client)
    assert (again.new, again.replaced, again.unchanged, again.stored_events) == (0, 0, 201, 0)


def test_cli_ingest_and_code_through_a_scheduler_address(cli, coder, local_client, tmp_path):
    """`--dask ADDRESS` from the command line: code, and ingest with bad input reported."""
    address = local_client.scheduler.address
    docs = [d for d in scale_corpus() if isinstance(d, Document) and d.id != "long"][:50]
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text, "date": d.date.isoformat(),
                         "source": d.source}) for d in docs]  # fmt: skip
    path.write_text("\n".join(lines[:20] + ['{"id": "no-text"}'] + lines[20:]) + "\n")
    one = cli("code", path, "-o", tmp_path / "one.jsonl")
    via = cli("code", path, "--dask", address, "-o", tmp_path / "dask.jsonl")
    assert one.exit_code == via.exit_code == 2
    assert "wire.jsonl:21" in via.stderr and "1 unreadable" in via.stderr
    assert (tmp_path / "dask.jsonl").read_text() == (tmp_path / "one.jsonl").read_text()

    r1 = cli("ingest", path, "--db", tmp_path / "one.duckdb", "--batch-size", "8")
    r2 = cli("ingest", path, "--db", tmp_path / "dask.duckdb", "--batch-size", "8",
             "--dask", address, "--parts", tmp_path / "parts")  # fmt: skip
    assert r1.exit_code == r2.exit_code == 2, r2.stderr
    assert "wire.jsonl:21" in r2.stderr
    assert re.search(r"50 documents \(50 new, 0 replaced, 0 unchanged\).* events/s", r2.stderr)
    assert store_snapshot(tmp_path / "dask.duckdb") == store_snapshot(tmp_path / "one.duckdb")
    assert not (tmp_path / "parts").exists()


def test_workers_running_another_whodid_are_refused(local_client):
    """A worker with other knowledge files would code differently: the run stops instead."""
    from whodid.distributed import DaskError, _code_task

    task = local_client.submit(_code_task, [Document(id="a", text="Russia met Belarus.")], None,
                               "0" * 16, pure=False)  # fmt: skip
    with pytest.raises(DaskError, match="another whodid"):
        task.result()


def test_cli_code_with_dask_local_matches_one_process(cli, coder, tmp_path):
    """The literal `whodid code --dask local --workers 2`, cluster started and stopped."""
    path = tmp_path / "few.jsonl"
    docs = [d for d in scale_corpus() if isinstance(d, Document) and d.id != "long"][:30]
    path.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs))
    one = cli("code", path)
    via = cli("code", path, "--dask", "local", "--workers", "2")
    assert one.exit_code == via.exit_code == 0
    assert via.stdout == one.stdout and len(via.stdout.splitlines()) > 20


def test_a_batch_file_is_written_whole_or_not_at_all(coder, tmp_path):
    """Parquet batches go to a temporary name renamed into place: a reader sees a whole
    batch or nothing, and a retried task whose first attempt finished keeps the first."""
    from whodid.store.dedup import DedupRule
    from whodid.store.ingest import code_for_store

    items = [d for d in scale_corpus()[:12]]
    prepared = prepare_batch(code_for_store(coder, items), DedupRule())
    (tmp_path / "run").mkdir()
    final = prepared.write_parquet(tmp_path / "run" / "part-0000001")
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["part-0000001"]
    back = PreparedBatch.read_parquet(final)
    for name in PreparedBatch.TABLES:
        assert getattr(back, name).equals(getattr(prepared, name)), name
    assert back.problems == prepared.problems
    stamp = os.stat(final / "events.parquet").st_mtime_ns
    assert prepared.write_parquet(final) == final  # second attempt: kept as it was
    assert os.stat(final / "events.parquet").st_mtime_ns == stamp
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["part-0000001"]


def test_a_worker_that_cannot_see_the_parts_directory_stops_the_run(local_client, tmp_path):
    from whodid.distributed import DaskError, _ingest_task, fingerprint
    from whodid.store.dedup import DedupRule

    missing = tmp_path / "not-shared" / "part-0000000"
    task = local_client.submit(_ingest_task, [Document(id="a", text="Russia met Belarus.")],
                               None, fingerprint(None), DedupRule(), str(missing),
                               pure=False)  # fmt: skip
    with pytest.raises(DaskError, match="cannot see .*not-shared: give --parts"):
        task.result()
    assert not missing.parent.exists()


def test_batches_left_by_a_crashed_run_are_removed_not_loaded(coder, local_client, tmp_path):
    """A killed ingest leaves Parquet files (whole or partial) that were never loaded; the
    next run into the same database removes them and codes those documents again."""
    import hashlib

    db = tmp_path / "w.duckdb"
    tag = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:8]
    stale = tmp_path / "w.duckdb.parts" / f"run-{tag}-20240101T000000-abcdef"
    (stale / "part-0000000.tmp-123").mkdir(parents=True)
    (stale / "part-0000000.tmp-123" / "events.parquet").write_bytes(b"PAR1 half written")
    other = tmp_path / "w.duckdb.parts" / "run-0000ffff-20240101T000000-abcdef"  # another db's
    other.mkdir()
    docs = [d for d in scale_corpus() if isinstance(d, Document) and d.id != "long"][:10]
    with Store(db, read_only=False) as st:
        report = st.ingest(docs, batch_size=5, dask=local_client)
    assert report.new == 10 and not stale.exists() and other.exists()


def test_fingerprint_follows_the_knowledge_files(tmp_path):
    from whodid.knowledge import UserDictionaries

    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- PARLEY  [040] ---\nPARLEY\n", encoding="utf-8")
    user = UserDictionaries(verbs=[str(verbs)])
    assert fingerprint(None) == fingerprint(None)
    assert fingerprint(user.key()) != fingerprint(None)
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint(None))
    assert Path(verbs).exists()


def test_an_interrupted_dask_ingest_is_completed_by_a_rerun(coder, local_client, tmp_path,
                                                             tmp_path_factory):  # fmt: skip
    """The client stops after two committed batches (as on Ctrl-C); the batches in flight
    are dropped, their files removed, and the same ingest again gives the full store."""
    db = tmp_path / "w.duckdb"

    def stop_after_two(report) -> None:
        if report.batches == 2:
            raise KeyboardInterrupt

    with Store(db, read_only=False) as st:
        with pytest.raises(KeyboardInterrupt):
            st.ingest(scale_corpus(), batch_size=25, dask=local_client, on_progress=stop_after_two)
        assert st.counts()["documents"] == 50
    with Store(db, read_only=False) as st:
        report = st.ingest(scale_corpus(), batch_size=25, dask=local_client)
    assert (report.new, report.unchanged) == (151, 50)
    assert store_snapshot(db) == store_snapshot(reference_store(tmp_path_factory))
    assert not (tmp_path / "w.duckdb.parts").exists()
