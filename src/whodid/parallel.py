"""Coding on several local processes, in input order, in bounded memory.

Documents are cut into partitions (a few dozen documents each) and coded by worker
processes that each load the model and the knowledge once. At most `2 × workers`
partitions are in flight, so a JSON Lines file of millions of articles is never held in
memory; results come back in input order, identical to a one-process run.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from .knowledge import UserDictionaries
from .schema import CodedDocument, Document, InputProblem

_coder = None  # the worker's Coder, loaded by `_init`


def _init(user_key: tuple | None) -> None:
    global _coder
    from .pipeline import Coder

    user = UserDictionaries(*user_key[:4], replace=user_key[4]) if user_key else None
    _coder = Coder(user)


def _code_partition(items: list[Document | InputProblem]) -> list[CodedDocument]:
    assert _coder is not None, "worker not initialised"
    return list(_coder.code_documents(items))


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


def code_parallel(
    documents: Iterable[Document | InputProblem],
    workers: int,
    user: UserDictionaries | None = None,
    partition_size: int = 32,
) -> Iterator[CodedDocument]:
    """Coded documents in input order, coded by `workers` processes."""
    method = "fork" if "fork" in mp.get_all_start_methods() and os.name == "posix" else "spawn"
    ctx = mp.get_context(method)
    key = user.key() if user else None
    with ctx.Pool(workers, initializer=_init, initargs=(key,)) as pool:
        inflight: deque = deque()
        for part in partitions(documents, partition_size):
            inflight.append(pool.apply_async(_code_partition, (part,)))
            while len(inflight) >= 2 * workers:
                yield from inflight.popleft().get()
        while inflight:
            yield from inflight.popleft().get()
