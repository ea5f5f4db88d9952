"""Coding on a Dask cluster (dask.distributed), in input order, in bounded memory.

`connect("local", n)` starts a LocalCluster of `n` single-threaded worker processes for the
run; `connect("tcp://host:8786")` uses a running scheduler whose workers (`dask worker
ADDRESS`) may be on other machines. Documents are sent in partitions, at most `2 ×` the
cluster's worker threads at a time, and results are taken in input order, so the events are
exactly those of a one-process run and memory stays bounded whatever the input size.

Each worker process keeps one `Coder` per user-dictionary set (`worker_coder`): the parser,
knowledge and gazetteer load once per worker, on its first partition. A worker lost
mid-run (killed, out of memory, machine gone) costs the retry of the partitions it held:
the scheduler reschedules them (up to `distributed.scheduler.allowed-failures` deaths per
partition). Every task checks that its worker runs the same whodid and knowledge files as
the client (`fingerprint`), since mixed versions would silently code differently.

For the store (`ingest_partitions`), a worker codes a batch, turns it into store rows and
writes them as Parquet in a run directory visible to the client (a shared file system on a
real cluster); the client loads each finished batch in input order, one transaction each.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .knowledge import UserDictionaries
from .parallel import PARTITION_SIZE, in_order, load_coder, partitions, peak_rss
from .schema import CodedDocument, Document, InputProblem

if TYPE_CHECKING:
    from distributed import Client

    from .pipeline import Coder
    from .store.dedup import DedupRule
    from .store.ingest import PreparedBatch

__all__ = [
    "ALLOWED_FAILURES",
    "DaskError",
    "code_dask",
    "connect",
    "fingerprint",
    "ingest_partitions",
    "warm",
    "worker_coder",
    "worker_peak_rss",
]

# deaths of workers holding a partition before the run gives up on it (Dask's default is 3)
ALLOWED_FAILURES = 5
# task retries for exceptions raised while coding (a worker's death is counted above)
RETRIES = 1
# the LocalCluster's settings: tolerate lost workers, and keep the worker's own bookkeeping
# (event-loop ticks, statistical profiling, resource sampling) from taking the GIL away
# from the coding thread many times a second
CLUSTER_CONFIG = {
    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskError(RuntimeError):
    """The cluster cannot do the run: unreachable, no workers, or workers unlike the client."""


# --------------------------------------------------------------------------- client side


@contextmanager
def connect(
    address: str, workers: int | None = None, *, timeout: float = 60, connect_timeout: float = 10
) -> Iterator[Client]:
    """A Dask client: on a LocalCluster of `workers` processes for `"local"`, else on the
    scheduler at `address` (waiting up to `timeout` seconds for a first worker)."""
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    with dask.config.set(CLUSTER_CONFIG):
        if address == "local":
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=":0", silence_logs=logging.ERROR,
            )  # fmt: skip
            client = Client(cluster)
        else:
            try:
                client = Client(address, timeout=connect_timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                raise DaskError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        if cluster is None:
            try:
                client.wait_for_workers(1, timeout=timeout)
            except TimeoutError:
                raise DaskError(
                    f"no Dask worker joined the scheduler at {address} within {timeout:.0f} s "
                    f"(start some with: dask worker {address})"
                ) from None
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _threads(client: Client) -> int:
    """Worker threads in the cluster now (it may grow or shrink during a run)."""
    return max(1, sum(client.nthreads().values()))


def _inflight(client: Client) -> Any:
    """Partitions to keep in flight: twice the worker threads, refreshed every few seconds."""
    state = {"at": 0.0, "n": 2}

    def limit() -> int:
        now = time.monotonic()
        if now - state["at"] > 2.0:
            state["at"], state["n"] = now, 2 * _threads(client)
        return state["n"]

    return limit


def _key(user: UserDictionaries | None) -> tuple | None:
    return user.key() if user else None


def _result(future: Any) -> Any:
    try:
        return future.result()
    finally:
        future.release()  # the worker frees the partition's results


def _cancel(future: Any) -> None:
    """Drop a partition the caller will not take (it stopped): a shared cluster moves on."""
    future.cancel()


def code_dask(
    documents: Iterable[Document | InputProblem],
    client: Client,
    user: UserDictionaries | None = None,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[CodedDocument]:
    """Coded documents (and input problems as records) in input order, coded on the cluster."""
    key = _key(user)
    mark = fingerprint(key)
    run = uuid.uuid4().hex[:8]
    count = iter(range(1 << 62))

    def submit(part: list) -> Any:
        return client.submit(
            _code_task, part, key, mark, key=f"whodid-code-{run}-{next(count):07d}",
            pure=False, retries=RETRIES,
        )  # fmt: skip

    for coded in in_order(partitions(documents, partition_size), submit, _result,
                          _inflight(client), _cancel):  # fmt: skip
        yield from coded


def ingest_partitions(
    batches: Iterable[list[Document | InputProblem]],
    client: Client,
    rule: DedupRule,
    run_dir: str | os.PathLike[str],
    user: UserDictionaries | None = None,
) -> Iterator[PreparedBatch]:
    """Each batch coded on the cluster and written as Parquet under `run_dir`; the prepared
    batches read back in input order.

    A batch's directory is removed when the caller asks for the next one (it has loaded this
    one by then), and `run_dir` when the iteration ends, however it ends.
    """
    from .store.ingest import PreparedBatch

    key = _key(user)
    mark = fingerprint(key)
    run = Path(run_dir).resolve()
    run.mkdir(parents=True, exist_ok=True)
    count = iter(range(1 << 62))

    def submit(batch: list) -> Any:
        n = next(count)
        path = str(run / f"part-{n:07d}")
        return client.submit(
            _ingest_task, batch, key, mark, rule, path, key=f"whodid-ingest-{run.name}-{n:07d}",
            pure=False, retries=RETRIES,
        )  # fmt: skip

    try:
        for path in in_order(batches, submit, _result, _inflight(client), _cancel):
            if not Path(path).is_dir():
                raise DaskError(
                    f"a worker wrote {path}, which this machine cannot see: give --parts a "
                    "directory on a file system shared by the client and every worker"
                )
            yield PreparedBatch.read_parquet(path)
            shutil.rmtree(path, ignore_errors=True)
    finally:
        shutil.rmtree(run, ignore_errors=True)


def warm(client: Client, user: UserDictionaries | None = None) -> dict[str, float]:
    """Load the coder on every worker now; seconds it took on each, by worker address.

    A run does not need this (a worker loads its coder with its first partition); it lets a
    measurement leave the loading out, and shows a broken worker before any work is sent.
    """
    key = _key(user)
    mark = fingerprint(key)
    futures = {
        address: client.submit(_warm_task, key, mark, workers=[address],
                               allow_other_workers=False, pure=False)  # fmt: skip
        for address in client.nthreads()
    }
    return {address: _result(f) for address, f in futures.items()}


def worker_peak_rss(client: Client) -> dict[str, int | None]:
    """Peak resident memory (bytes, VmHWM) of each worker process, by worker address."""
    return client.run(peak_rss)


# --------------------------------------------------------------------------- worker side

_coders: dict[tuple | None, tuple[Coder, threading.Lock]] = {}
_coders_lock = threading.Lock()


def worker_coder(user_key: tuple | None = None) -> tuple[Coder, threading.Lock]:
    """This process's coder for a user-dictionary set, loaded on first use, and the lock that
    serialises its use (a worker started with several threads shares one coder)."""
    with _coders_lock:
        found = _coders.get(user_key)
        if found is None:
            found = _coders[user_key] = (load_coder(user_key), threading.Lock())
        return found


@lru_cache(maxsize=8)
def fingerprint(user_key: tuple | None = None) -> str:
    """What must be equal on the client and every worker for the same events: whodid's
    version, spaCy's, the model's name and the knowledge files' contents."""
    import spacy

    from .knowledge import load_knowledge
    from .nlp import model_name

    user = UserDictionaries(*user_key[:4], replace=user_key[4]) if user_key else None
    h = hashlib.sha256(f"{__version__}\n{spacy.__version__}\n{model_name()}\n".encode())
    for name in load_knowledge(user).files:
        h.update(os.path.basename(name).encode() + b"\n")
        h.update(Path(name).read_bytes())
    return h.hexdigest()[:16]


def _check(mark: str, user_key: tuple | None) -> None:
    mine = fingerprint(user_key)
    if mine != mark:
        import socket

        raise DaskError(
            f"the Dask worker on {socket.gethostname()} (pid {os.getpid()}) runs another whodid "
            f"or other knowledge files (fingerprint {mine}, the client's is {mark}): install the "
            f"same whodid {__version__} on every worker"
        )


def _warm_task(user_key: tuple | None, mark: str) -> float:
    started = time.perf_counter()
    _check(mark, user_key)
    worker_coder(user_key)
    return time.perf_counter() - started


def _code_task(
    items: list[Document | InputProblem], user_key: tuple | None, mark: str
) -> list[CodedDocument]:
    _check(mark, user_key)
    coder, lock = worker_coder(user_key)
    with lock:
        return list(coder.code_documents(items))


def _ingest_task(
    items: list[Document | InputProblem],
    user_key: tuple | None,
    mark: str,
    rule: DedupRule,
    path: str,
) -> str:
    from .store.ingest import code_for_store, prepare_batch

    _check(mark, user_key)
    run = Path(path).parent
    if not run.is_dir():  # a path of the client's this machine cannot see, or a run that ended
        import socket

        raise DaskError(
            f"the Dask worker on {socket.gethostname()} cannot see {run}: give --parts a "
            "directory on a file system shared by the client and every worker"
        )
    coder, lock = worker_coder(user_key)
    with lock:
        prepared = prepare_batch(code_for_store(coder, items), rule)
    prepared.write_parquet(path)
    return path
