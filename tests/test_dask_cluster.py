"""A real Dask cluster: `dask scheduler` and two `dask worker` processes on 127.0.0.1.

whodid codes through them exactly as in one process, and a worker killed (SIGKILL) while it
holds a partition costs the retry of that partition, not the run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from test_parallel import records, reference, reference_store, scale_corpus, store_snapshot
from whodid.distributed import code_dask, connect
from whodid.store import Store

pytestmark = pytest.mark.multiprocess


def _dask(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("dask")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "dask", *args]


class Cluster:
    def __init__(self, folder: Path):
        self.folder = folder
        self.scheduler_file = folder / "scheduler.json"
        self.procs: list[subprocess.Popen] = []
        self.workers: dict[int, subprocess.Popen] = {}  # pid -> the `dask worker` we started
        self.address = ""

    def _start(self, args: list[str], log: str) -> subprocess.Popen:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        out = open(self.folder / log, "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(_dask(*args), stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                env=env)  # fmt: skip
        self.procs.append(proc)
        return proc

    def start(self) -> Cluster:
        self._start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(self.scheduler_file)], "scheduler.log")  # fmt: skip
        deadline = time.monotonic() + 60
        while not self.scheduler_file.exists() or not self.scheduler_file.read_text().strip():
            assert time.monotonic() < deadline, (self.folder / "scheduler.log").read_text()
            time.sleep(0.1)
        time.sleep(0.1)  # the file is written in one go; let it be closed
        self.address = json.loads(self.scheduler_file.read_text())["address"]
        for name in ("w1", "w2"):
            # no nanny: the pid we hold is the worker itself, the one the test kills
            proc = self._start(["worker", self.address, "--nthreads", "1", "--no-nanny",
                                "--no-dashboard", "--name", name, "--host", "127.0.0.1"],
                               f"{name}.log")  # fmt: skip
            self.workers[proc.pid] = proc
        return self

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("dask-cluster")).start()
    try:
        with connect(c.address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield c
    finally:
        c.stop()


def test_codes_through_a_scheduler_and_two_workers(coder, cluster):
    with connect(cluster.address) as client:
        got = records(code_dask(iter(scale_corpus()), client, partition_size=12))
        pids = client.run(os.getpid)
        loaded = client.run(lambda: len(__import__("whodid.distributed").distributed._coders))
    assert got == reference()
    assert sorted(pids.values()) == sorted(cluster.workers)
    assert list(loaded.values()) == [1, 1]  # both worked, each with one coder


def test_cli_ingest_through_the_cluster(cli, coder, cluster, tmp_path, tmp_path_factory):
    """`whodid ingest --dask ADDRESS` on input with a bad line: reported, exit 2, the rest
    stored exactly as one process stores it."""
    from whodid.schema import Document

    path = tmp_path / "wire.jsonl"
    docs = [d for d in scale_corpus() if isinstance(d, Document) and d.id != "long"]
    lines = [json.dumps({"id": d.id, "text": d.text, "date": d.date.isoformat(),
                         "source": d.source}) for d in docs[:40]]  # fmt: skip
    path.write_text("\n".join(lines[:5] + ["{oops"] + lines[5:]) + "\n", encoding="utf-8")
    one = cli("ingest", path, "--db", tmp_path / "one.duckdb", "--batch-size", "10")
    r = cli("ingest", path, "--db", tmp_path / "c.duckdb", "--batch-size", "10",
            "--dask", cluster.address)  # fmt: skip
    assert one.exit_code == r.exit_code == 2, r.stderr
    assert "wire.jsonl:6: error: invalid JSON" in r.stderr
    assert store_snapshot(tmp_path / "c.duckdb") == store_snapshot(tmp_path / "one.duckdb")


def test_a_worker_killed_mid_run_costs_a_retry_not_the_run(coder, cluster, tmp_path,
                                                          tmp_path_factory):  # fmt: skip
    """SIGKILL one of the two workers while it holds a partition of an ingest: the
    scheduler hands that partition to the other worker, and the store ends up exactly as
    a one-process ingest leaves it."""
    db = tmp_path / "killed.duckdb"
    killed: list[int] = []
    loaded = threading.Event()  # a first batch is in the store: the run is well under way
    done = threading.Event()

    with connect(cluster.address) as client:
        pid_of = client.run(os.getpid)  # worker address -> process id

        def kill_a_busy_worker() -> None:
            """Wait for a worker of ours holding a partition, then SIGKILL it."""
            loaded.wait(timeout=120)
            while not done.is_set():
                busy = [a for a, keys in client.processing().items() if keys]
                pids = [pid_of[a] for a in busy if pid_of.get(a) in cluster.workers]
                if pids:
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])
                    return
                time.sleep(0.005)

        watcher = threading.Thread(target=kill_a_busy_worker, daemon=True)
        watcher.start()
        try:
            with Store(db, read_only=False) as st:
                report = st.ingest(scale_corpus(), batch_size=10, dask=client,
                                   on_progress=lambda r: r.batches and loaded.set())  # fmt: skip
        finally:
            done.set()
            watcher.join(timeout=30)
        survivors = client.run(os.getpid)

    assert len(killed) == 1, "no worker was seen holding a partition"
    assert cluster.workers[killed[0]].wait(timeout=30) == -signal.SIGKILL
    assert killed[0] not in survivors.values() and len(survivors) == 1
    assert report.batches > 3  # the kill came early enough to leave work for the survivor
    assert (report.new, report.errors) == (201, 2)
    assert store_snapshot(db) == store_snapshot(reference_store(tmp_path_factory))
