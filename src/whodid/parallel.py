"""Coding on several local processes, in input order, in bounded memory.

Documents are cut into partitions (a few dozen documents each) and coded by worker
processes that each load the model and the knowledge once. At most `2 × workers`
partitions are in flight, so a JSON Lines file of millions of articles is never held in
memory; results come back in input order, identical to a one-process run (the parts of a
huge document stay in one partition, where their sentence indices continue).

`LocalWorkers` is the pool; `code_parallel` is the one-call form `whodid code --workers N`
uses. `whodid ingest --workers N` has the workers also build the store rows of each batch
(`LocalWorkers.prepare`), so the writing process only loads Arrow tables.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from .knowledge import UserDictionaries
from .schema import CodedDocument, Document, InputProblem

if TYPE_CHECKING:
    from .store.dedup import DedupRule
    from .store.ingest import PreparedBatch

__all__ = ["PARTITION_SIZE", "LocalWorkers", "code_parallel", "in_order", "partitions", "peak_rss"]

# documents per partition for `whodid code`: a partition of news articles is a few seconds of
# work, so the last ones do not leave workers idle for long and progress moves steadily,
# while the cost of sending one (a few milliseconds) stays negligible
PARTITION_SIZE = 16

T = TypeVar("T")
H = TypeVar("H")

_coder = None  # the worker's Coder, loaded by `_init`
_barrier: Any = None  # lets `LocalWorkers.warm` reach every worker once


def load_coder(user_key: tuple | None = None) -> Any:
    """A worker's `Coder` for a user-dictionary key, ready to code at full speed: it codes a
    sentence once, so that what the parser and the coder prepare on first use is done
    before the first partition (a worker's first partition is not slower than the others)."""
    from .pipeline import Coder

    user = UserDictionaries(*user_key[:4], replace=user_key[4]) if user_key else None
    coder = Coder(user)
    list(coder.code_documents([Document(id="warm-up", text=_WARM_UP)]))
    return coder


_WARM_UP = '"We will meet again," the Russian president told his Belarusian counterpart in Minsk.'


def _init(user_key: tuple | None, barrier: Any = None) -> None:
    global _coder, _barrier
    _coder = load_coder(user_key)
    _barrier = barrier


def _code_partition(items: list[Document | InputProblem]) -> list[CodedDocument]:
    assert _coder is not None, "worker not initialised"
    return list(_coder.code_documents(items))


def _prepare_partition(items: list[Document | InputProblem], rule: DedupRule) -> PreparedBatch:
    from .store.ingest import code_for_store, prepare_batch

    assert _coder is not None, "worker not initialised"
    return prepare_batch(code_for_store(_coder, items), rule)


def _ready(_: int) -> int:
    """Wait until every worker holds one of these tasks (so all have loaded their coder)."""
    if _barrier is not None:
        _barrier.wait(timeout=600)
    return os.getpid()


def peak_rss(pid: int | str = "self") -> int | None:
    """Peak resident memory of a process in bytes (VmHWM in /proc/PID/status; Linux only)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def partitions(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items; the parts of a huge document stay together."""
    it = iter(items)
    pending: list = []
    while True:
        chunk = pending + list(islice(it, max(1, size - len(pending))))
        pending = []
        if not chunk:
            return
        # keep the parts of one document in one partition (their sentence indices continue)
        last = chunk[-1]
        while isinstance(last, Document):
            nxt = next(it, None)
            if nxt is None:
                break
            if isinstance(nxt, Document) and nxt.id == last.id and nxt.part == last.part + 1:
                chunk.append(nxt)
                last = nxt
                continue
            pending = [nxt]
            break
        yield chunk


def in_order(
    parts: Iterable[list],
    submit: Callable[[list], H],
    get: Callable[[H], T],
    inflight: int | Callable[[], int],
    cancel: Callable[[H], Any] | None = None,
) -> Iterator[T]:
    """`get(submit(part))` for every part, in input order, with a bounded number in flight.

    Input is read only as partitions are submitted, and a result is handed on before more
    work is taken when `inflight` partitions are pending: memory stays bounded by
    `inflight` partitions and their results, whatever the input size. `inflight` may be a
    callable, asked again before each submission (a Dask cluster can grow or shrink). When
    the caller stops early (an error, an interrupt), `cancel` is called on what is pending.
    """
    limit = inflight if callable(inflight) else (lambda: inflight)
    pending: deque[H] = deque()
    try:
        for part in parts:
            pending.append(submit(part))
            while len(pending) >= max(1, limit()):
                yield get(pending.popleft())
        while pending:
            yield get(pending.popleft())
    finally:
        if cancel is not None:
            for handle in pending:
                cancel(handle)


class LocalWorkers:
    """`n` worker processes, each holding one `Coder` loaded once when the pool starts.

    Use as a context manager; the pool is stopped (its processes terminated) on exit, also
    when the caller is interrupted.
    """

    def __init__(self, n: int, user: UserDictionaries | None = None):
        if n < 1:
            raise ValueError(f"workers must be at least 1, got {n}")
        self.n = n
        self.user = user
        self._pool: Any = None

    def __enter__(self) -> LocalWorkers:
        # fork shares what this process has already loaded (knowledge, imports) with the
        # workers; spawn where fork is unavailable
        method = "fork" if "fork" in mp.get_all_start_methods() and os.name == "posix" else "spawn"
        ctx = mp.get_context(method)
        key = self.user.key() if self.user else None
        barrier = ctx.Barrier(self.n)
        self._pool = ctx.Pool(self.n, initializer=_init, initargs=(key, barrier))
        return self

    def __exit__(self, *exc: object) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()

    @property
    def pool(self) -> Any:
        if self._pool is None:
            raise RuntimeError("LocalWorkers used outside its `with` block")
        return self._pool

    def warm(self) -> list[int]:
        """Wait until every worker has loaded its coder; return the worker process ids."""
        return self.pool.map(_ready, range(self.n), chunksize=1)

    def pids(self) -> list[int]:
        return [p.pid for p in self.pool._pool]

    def peak_rss(self) -> list[int | None]:
        """Peak resident memory of each worker process, in bytes."""
        return [peak_rss(pid) for pid in self.pids()]

    def code(
        self, documents: Iterable[Document | InputProblem], partition_size: int = PARTITION_SIZE
    ) -> Iterator[CodedDocument]:
        """Coded documents (and input problems as records) in input order."""
        pool = self.pool
        for coded in in_order(
            partitions(documents, partition_size),
            lambda part: pool.apply_async(_code_partition, (part,)),
            lambda handle: handle.get(),
            2 * self.n,
        ):
            yield from coded

    def prepare(
        self, batches: Iterable[list[Document | InputProblem]], rule: DedupRule
    ) -> Iterator[PreparedBatch]:
        """Each batch coded and turned into store rows by a worker, in input order."""
        pool = self.pool
        return in_order(
            batches,
            lambda batch: pool.apply_async(_prepare_partition, (batch, rule)),
            lambda handle: handle.get(),
            2 * self.n,
        )


def code_parallel(
    documents: Iterable[Document | InputProblem],
    workers: int,
    user: UserDictionaries | None = None,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[CodedDocument]:
    """Coded documents in input order, coded by `workers` processes."""
    with LocalWorkers(workers, user) as pool:
        yield from pool.code(documents, partition_size)
