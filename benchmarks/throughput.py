"""Throughput: spaCy's parse alone, and `whodid code` on 1 worker, 2 local workers and a
Dask LocalCluster of 2 workers, on the same corpus, in one run.

    python benchmarks/throughput.py [--docs N] [--repeat 1] [--partition-size 16]
                                    [--modes parse,parse2,one,workers,dask] [--workers 2]

Corpus: the news texts of ../shared/eval (PolNeAR articles and ConfliBERT sentences) when
that folder is present, else the bundled sample articles repeated.

Each configuration runs in a fresh Python process, so that one's loaded model and memory do
not flatter the next. Inside it, the pool or cluster is started and every worker loads its
coder first (reported as "start s"); the timed part is coding the corpus and writing its
records as JSON Lines (to a null sink), as `whodid code` does. With `--repeat N` the median
of N timed passes is shown.

Peak memory per worker is the kernel's high-water mark of resident memory, VmHWM in
/proc/PID/status: of the measuring process itself for the parse and for 1 worker, of each
worker process for the pool (read by the parent from /proc before the pool stops), and of
each Dask worker (read by the worker, through `Client.run`). RSS counts pages shared with
the parent after a fork in full, so the figures are upper bounds. Linux only; elsewhere
the column is empty.

Targets (the scale issue): 1 worker ≥ 0.8 of the parse alone; 2 workers ≥ 1.6× 1 worker
on a 2-core machine; peak memory per worker ≤ 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whodid.parallel import PARTITION_SIZE  # noqa: E402
from whodid.schema import Document  # noqa: E402

MODES = {
    "parse": "spaCy parse alone",
    "parse2": "spaCy parse alone, {n} processes",
    "one": "whodid code, 1 worker",
    "workers": "whodid code --workers {n}",
    "dask": "whodid code --dask local --workers {n}",
}


def corpus(max_docs: int) -> tuple[list[Document], str]:
    shared = ROOT.parent / "shared" / "eval"
    docs: list[Document] = []
    if (shared / "polnear_dev.jsonl").is_file() and (shared / "conflibert_train.jsonl").is_file():
        for line in (shared / "polnear_dev.jsonl").read_text().splitlines():
            r = json.loads(line)
            docs.append(Document(id=r["id"], text=r["text"]))
        sents = [json.loads(x)["text"]
                 for x in (shared / "conflibert_train.jsonl").read_text().splitlines()]  # fmt: skip
        for i in range(0, len(sents), 10):  # ten sentences per pseudo-article
            docs.append(Document(id=f"conflibert-{i}", text="\n\n".join(sents[i : i + 10])))
        source = "../shared/eval (PolNeAR dev articles + ConfliBERT sentences)"
    else:
        texts = [p.read_text() for p in sorted((ROOT / "samples").glob("*.txt"))]
        for i in range(300):
            docs.append(Document(id=f"sample-{i}", text=texts[i % len(texts)]))
        source = "bundled samples x100 (../shared absent)"
    return docs[:max_docs], source


# --------------------------------------------------------------------------- one measurement


def _timed(passes: int, run) -> tuple[float, object]:
    times, out = [], None
    for _ in range(passes):
        t = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def _write_all(coded_stream) -> tuple[int, int]:
    """Write every record as `whodid code` does (JSON Lines), to a null sink."""
    from whodid.output import Writer

    with open(os.devnull, "w", encoding="utf-8") as sink:
        writer = Writer(sink, "jsonl")
        sentences = 0
        for coded in coded_stream:
            sentences += coded.sentences
            writer.write(coded.events, coded.quotes)
        writer.close()
    return writer.count, sentences


def measure(mode: str, docs: list[Document], workers: int, partition_size: int,
            passes: int) -> dict:  # fmt: skip
    """Run one configuration in this process; what `main` prints comes from here."""
    from whodid.parallel import peak_rss

    started = time.perf_counter()
    result: dict = {"mode": mode}
    if mode == "parse":
        from whodid.nlp import load_parser

        nlp = load_parser()
        list(nlp.pipe(d.text for d in docs[:5]))
        result["start"] = time.perf_counter() - started
        result["seconds"], n = _timed(passes, lambda: sum(
            len(list(d.sents)) for d in nlp.pipe((d.text for d in docs), batch_size=32)))
        result["sentences"], result["events"] = n, None
        result["peaks"] = [peak_rss()]
    elif mode == "parse2":
        # the machine's ceiling for parallel parsing: n processes parse every n-th document
        import multiprocessing as mp

        with mp.get_context("spawn").Pool(workers, initializer=_load_parser) as pool:
            pool.map(_parse, [[d.text for d in docs[:3]]] * workers, chunksize=1)
            result["start"] = time.perf_counter() - started
            shares = [[d.text for d in docs[k::workers]] for k in range(workers)]
            result["seconds"], counts = _timed(
                passes, lambda: pool.map(_parse, shares, chunksize=1))
            result["peaks"] = pool.map(_peak, range(workers), chunksize=1)
        result["sentences"], result["events"] = sum(counts), None
    elif mode == "one":
        from whodid.pipeline import Coder

        coder = Coder()
        list(coder.code_documents(docs[:5]))
        result["start"] = time.perf_counter() - started
        result["seconds"], (events, n) = _timed(
            passes, lambda: _write_all(coder.code_documents(docs)))
        result["sentences"], result["events"] = n, events
        result["peaks"] = [peak_rss()]
    elif mode == "workers":
        from whodid.knowledge import load_knowledge
        from whodid.parallel import LocalWorkers

        load_knowledge()  # as `whodid code --workers` does before starting its workers
        with LocalWorkers(workers) as pool:
            pool.warm()
            result["start"] = time.perf_counter() - started
            result["seconds"], (events, n) = _timed(
                passes, lambda: _write_all(pool.code(iter(docs), partition_size)))
            result["peaks"] = pool.peak_rss()
        result["sentences"], result["events"] = n, events
    elif mode == "dask":
        from whodid.distributed import code_dask, connect, warm, worker_peak_rss

        with connect("local", workers) as client:
            warm(client)
            result["start"] = time.perf_counter() - started
            result["seconds"], (events, n) = _timed(
                passes, lambda: _write_all(code_dask(iter(docs), client, None, partition_size)))
            result["peaks"] = list(worker_peak_rss(client).values())
        result["sentences"], result["events"] = n, events
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return result


_nlp = None


def _load_parser() -> None:
    global _nlp
    from whodid.nlp import load_parser

    _nlp = load_parser()


def _parse(texts: list[str]) -> int:
    time.sleep(0.2)  # let every process take one share before any takes two
    return sum(len(list(d.sents)) for d in _nlp.pipe(texts, batch_size=32))


def _peak(_: int) -> int | None:
    from whodid.parallel import peak_rss

    time.sleep(0.2)
    return peak_rss()


# --------------------------------------------------------------------------- the report


def _run_child(mode: str, args: argparse.Namespace) -> dict | None:
    cmd = [sys.executable, __file__, "--run", mode, "--docs", str(args.docs),
           "--workers", str(args.workers), "--partition-size", str(args.partition_size),
           "--repeat", str(args.repeat)]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        print(f"  {mode}: failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="at most this many documents")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes per configuration")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=PARTITION_SIZE,
                    help="documents per partition (default: whodid code's)")
    ap.add_argument("--modes", default="parse,parse2,one,workers,dask")
    ap.add_argument("--run", help=argparse.SUPPRESS)  # one configuration, in a child process
    args = ap.parse_args()
    docs, source = corpus(args.docs)
    if args.run:
        print(json.dumps(measure(args.run, docs, args.workers, args.partition_size, args.repeat)))
        return

    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {source}: {len(docs)} documents, {chars:,} characters")
    print(f"machine: {os.cpu_count()} cores; each configuration in its own process; "
          f"partitions of {args.partition_size} documents; median of {args.repeat} pass(es)")
    results = {}
    for mode in args.modes.split(","):
        results[mode] = _run_child(mode, args)
    parse, one = results.get("parse"), results.get("one")
    print(f"\n{'':40}{'seconds':>9}{'sent/s':>9}{'×parse':>8}{'×1 worker':>10}{'events/s':>10}"
          f"{'start s':>9}  peak MB per worker")  # fmt: skip
    # sentences as spaCy splits them (the parse's count), so that every rate has one numerator
    n_sents = parse["sentences"] if parse else None
    for mode, r in results.items():
        if r is None:
            continue
        rate = (n_sents or r["sentences"]) / r["seconds"]
        vs_parse = f"{parse['seconds'] / r['seconds']:.2f}" if parse else "-"
        vs_one = f"{one['seconds'] / r['seconds']:.2f}" if one and "parse" not in mode else ""
        eps = f"{r['events'] / r['seconds']:.1f}" if r["events"] is not None else ""
        peaks = ", ".join(f"{p / 1e6:.0f}" for p in r["peaks"] if p) or "n/a"
        label = MODES[mode].format(n=args.workers)
        print(f"{label:40}{r['seconds']:9.2f}{rate:9.1f}{vs_parse:>8}{vs_one:>10}{eps:>10}"
              f"{r['start']:9.1f}  {peaks}")  # fmt: skip
    events = {r["events"] for r in results.values() if r and r["events"] is not None}
    same = "the same in every configuration" if len(events) == 1 else "DIFFERENT across runs"
    print(f"\nsentences (spaCy): {n_sents or '-'}"
          + (f"; events coded: {', '.join(map(str, sorted(events)))} ({same})" if events else ""))
    _targets(results, args.workers)


def _targets(results: dict, n: int) -> None:
    def rate(mode: str) -> float | None:
        r = results.get(mode)
        return 1 / r["seconds"] if r else None  # same corpus: speed is the inverse of time

    checks = []
    print("targets:")
    if rate("parse") and rate("parse2"):
        ceiling = rate("parse2") / rate("parse")
        print(f"  (the machine's ceiling: {n} processes parse {ceiling:.2f}× as fast as one; "
              "shared or throttled cores lower it, and every figure below)")
    if rate("parse") and rate("one"):
        checks.append(("1 worker / parse alone", rate("one") / rate("parse"), 0.8))
    if rate("one") and rate("workers"):
        checks.append((f"{n} workers / 1 worker", rate("workers") / rate("one"), 1.6))
    if rate("one") and rate("dask"):
        checks.append((f"dask local {n} workers / 1 worker", rate("dask") / rate("one"), 1.6))
    peaks = [p for r in results.values() if r for p in r["peaks"] if p]
    for name, value, target in checks:
        verdict = "ok" if value >= target else "MISSED"
        print(f"  {name}: {value:.2f} (target ≥ {target}) {verdict}")
    if peaks:
        top = max(peaks) / 1e9
        print(f"  peak memory per worker: {top:.2f} GB (target ≤ 1.5) "
              f"{'ok' if top <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
