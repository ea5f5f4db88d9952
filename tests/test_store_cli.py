"""The event-store commands: ingest, events, stats, export, recluster; and a real process
killed with SIGKILL inside a batch's transaction, then rerun."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import time

import pyarrow.parquet as pq
import pytest

from conftest import whodid_command
from test_store_corpus import ARTICLES, snapshot, write_corpus
from whodid.store import Store


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "wire.jsonl")


def test_ingest_then_reingest(cli, corpus, tmp_path):
    db = tmp_path / "w.duckdb"
    r = cli("ingest", corpus, "--db", db)
    assert r.exit_code == 0, r.stderr
    assert f"{len(ARTICLES)} documents ({len(ARTICLES)} new, 0 replaced, 0 unchanged)" in r.stderr
    first = snapshot(db)
    r = cli("ingest", corpus, "--db", db)
    assert r.exit_code == 0
    assert f"(0 new, 0 replaced, {len(ARTICLES)} unchanged)" in r.stderr
    assert snapshot(db) == first


def test_ingest_default_database_is_in_the_working_directory(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("ingest", corpus, "-q")
    assert r.exit_code == 0 and r.stderr == ""
    assert (tmp_path / "whodid.duckdb").exists()
    r = cli("events", "--dyad", "BLR-RUS", "--format", "jsonl")
    assert r.exit_code == 0 and r.stdout.count("\n") >= 4


def test_ingest_reports_bad_documents_and_stores_the_rest(cli, tmp_path):
    corpus = write_corpus(tmp_path / "wire.jsonl", bad=True)
    db = tmp_path / "w.duckdb"
    r = cli("ingest", corpus, "--db", db)
    assert r.exit_code == 2
    assert f"{corpus}:3" in r.stderr and f"{corpus}:4" in r.stderr
    with Store(db) as st:
        assert st.counts()["documents"] == len(ARTICLES)
        assert sorted(st.failures()["origin"]) == [f"{corpus}:3", f"{corpus}:4"]


def test_events_query_formats(cli, corpus, tmp_path):
    db = tmp_path / "w.duckdb"
    assert cli("ingest", corpus, "--db", db, "-q").exit_code == 0
    r = cli("events", "--db", db, "--dyad", "BLR-RUS", "--format", "jsonl")
    both = [json.loads(line) for line in r.stdout.splitlines()]
    pairs = {(c["source"]["code"], c["target"]["code"], c["cameo"]) for c in both}
    assert {("BLR", "RUS", "057"), ("RUS", "BLR", "057"), ("RUS", "BLR", "163")} <= pairs
    r = cli("events", "--db", db, "--dyad", "blr-rus", "--directed", "--format", "jsonl")
    directed = [json.loads(line) for line in r.stdout.splitlines()]
    assert directed and all(c["source"]["code"].startswith("BLR") for c in directed)
    assert len(directed) < len(both)
    r = cli("events", "--db", db, "--cameo", "057", "--mentions", "--format", "csv")
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == 6 and {row["cameo"] for row in rows} == {"057"}
    r = cli(
        "events", "--db", db, "--actor", "RUS", "--since", "2024-03-20", "--until", "2024-03-20"
    )
    assert r.exit_code == 0
    assert "RUSMIL" in r.stdout and "Russian troops attacked" in r.stdout
    assert "event clusters" in r.stdout
    r = cli("events", "--db", db, "--limit", "1", "--format", "jsonl")
    assert len(r.stdout.splitlines()) == 1


def test_events_bad_options_and_missing_database(cli, tmp_path):
    r = cli("events", "--db", tmp_path / "none.duckdb")
    assert r.exit_code == 1 and "no such database" in r.stderr
    r = cli("events", "--db", tmp_path / "none.duckdb", "--dyad", "BLRRUS")
    assert r.exit_code == 2 and "not a dyad" in r.stderr


def test_stats_command(cli, corpus, tmp_path):
    db = tmp_path / "w.duckdb"
    assert cli("ingest", corpus, "--db", db, "-q").exit_code == 0
    r = cli("stats", "--db", db, "--dyad", "BLR-RUS", "--by", "month", "--format", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["period"] for row in rows] == ["2024-03", "2024-04", "undated"]
    assert rows[0]["top_codes"][0] == {"cameo": "057", "count": 4}
    r = cli("stats", "--db", db, "--dyad", "BLR-RUS", "--mentions", "--format", "csv")
    march = next(csv.DictReader(r.stdout.splitlines()))
    assert march["period"] == "2024-03" and march["top_codes"].startswith("057:6")
    r = cli("stats", "--db", db, "--actor", "POL", "--by", "week")
    assert r.exit_code == 0 and "2024-W10" in r.stdout and "2024-W14" in r.stdout
    assert cli("stats", "--db", db, "--by", "decade").exit_code == 2


def test_export_command_every_format(cli, corpus, tmp_path):
    db = tmp_path / "w.duckdb"
    assert cli("ingest", corpus, "--db", db, "-q").exit_code == 0
    with Store(db) as st:
        n_clusters, n_events = st.counts()["clusters"], st.counts()["events"]
    r = cli("export", "--db", db, "--format", "parquet", "--output", tmp_path / "e.parquet")
    assert r.exit_code == 0 and f"{n_clusters} event clusters" in r.stderr
    assert pq.read_table(tmp_path / "e.parquet").num_rows == n_clusters
    cli("export", "--db", db, "--format", "parquet", "--mentions", "-o", tmp_path / "m.parquet")
    assert pq.read_table(tmp_path / "m.parquet").num_rows == n_events
    cli("export", "--db", db, "--format", "csv", "-o", tmp_path / "e.csv")
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == n_clusters
    cli("export", "--db", db, "--format", "jsonl", "--mentions", "-o", tmp_path / "e.jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n_events and json.loads(lines[0])["kind"] == "event"
    cli("export", "--db", db, "--format", "gdelt", "--dyad", "BLR-RUS", "-o", tmp_path / "g.tsv")
    rows = [line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines()]
    assert rows and all(len(row) == 61 for row in rows)
    r = cli("export", "--db", db, "--format", "gdelt", "--mentions", "-o", tmp_path / "x.tsv")
    assert r.exit_code == 2
    r = cli("export", "--db", db, "--format", "xml", "-o", tmp_path / "x.xml")
    assert r.exit_code == 2


def test_recluster_command(cli, corpus, tmp_path):
    db = tmp_path / "w.duckdb"
    assert cli("ingest", corpus, "--db", db, "-q", "--dedup-window", "0").exit_code == 0
    r = cli("events", "--db", db, "--dyad", "BLR-RUS", "--cameo", "057", "--format", "jsonl")
    assert len(r.stdout.splitlines()) == 6
    r = cli("recluster", "--db", db, "--window", "3")
    assert r.exit_code == 0 and "within 3 day(s)" in r.stdout
    r = cli("events", "--db", db, "--dyad", "BLR-RUS", "--cameo", "057", "--format", "jsonl")
    assert [json.loads(x)["num_articles"] for x in r.stdout.splitlines()] == [3, 3]
    r = cli("recluster", "--db", db, "--key", "cameo,bogus")
    assert r.exit_code == 2 and "bogus" in r.stderr


def test_sigkill_inside_a_batch_then_rerun_gives_the_uninterrupted_records(cli, tmp_path):
    """A real `whodid ingest` process is killed with SIGKILL while its third batch is written
    but not committed; the database keeps exactly the two committed batches, and a rerun
    gives exactly what an uninterrupted run gives."""
    articles = [dict(a, id=f"{a['id']}-{k}") for k in range(2) for a in ARTICLES]  # 18 docs
    corpus = write_corpus(tmp_path / "wire.jsonl", articles)
    reference = tmp_path / "reference.duckdb"
    assert cli("ingest", corpus, "--db", reference, "--batch-size", "4", "-q").exit_code == 0

    db = tmp_path / "killed.duckdb"
    env = dict(os.environ, WHODID_STORE_TEST_HOLD="3")
    proc = subprocess.Popen(
        [*whodid_command(), "ingest", str(corpus), "--db", str(db), "--batch-size", "4"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=env, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        seen = ""
        while "test hold before commit of batch 3" not in seen:
            line = proc.stderr.readline()
            assert line or proc.poll() is None, f"ingest ended before the hold: {seen}"
            seen += line
            assert time.monotonic() < deadline, seen
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    with Store(db) as st:
        counts = st.counts()
        assert counts["documents"] == 8  # batches 1 and 2 only
        assert counts["cluster_members"] == counts["events"]
        ids = st.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
    assert sorted(a["id"] for a in articles[:8]) == [i for (i,) in ids]
    r = cli("ingest", corpus, "--db", db, "--batch-size", "4")
    assert r.exit_code == 0
    assert f"({len(articles) - 8} new, 0 replaced, 8 unchanged)" in r.stderr
    assert snapshot(db) == snapshot(reference)


def test_store_commands_are_registered(cli):
    r = cli("--help")
    for command in ("ingest", "events", "stats", "export", "recluster"):
        assert command in r.stdout


def test_ingest_standard_input(cli, tmp_path):
    db = tmp_path / "w.duckdb"
    r = cli("ingest", "-", "--db", db, "--date", "2024-05-02", input="Japan condemned North Korea.\n")
    assert r.exit_code == 0, r.stderr
    r = cli("events", "--db", db, "--dyad", "JPN-PRK", "--directed", "--format", "jsonl")
    [cluster] = [json.loads(line) for line in r.stdout.splitlines()]
    assert (cluster["doc_id"], cluster["date"], cluster["cameo"]) == ("stdin", "2024-05-02", "111")
