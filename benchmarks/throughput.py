"""Throughput: spaCy's parse alone vs `whodid code` on the same corpus, in one run.

    python benchmarks/throughput.py [--repeat 3] [--docs N]

Corpus: the news texts of ../shared/eval (PolNeAR articles and ConfliBERT sentences) when
that folder is present, else the bundled sample articles repeated. Prints sentences per
second of both, the ratio, and the coding overhead (the issue's budget: at most +25%).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whodid.nlp import load_parser  # noqa: E402
from whodid.pipeline import Coder  # noqa: E402
from whodid.schema import Document  # noqa: E402


def corpus(max_docs: int) -> tuple[list[Document], str]:
    shared = ROOT.parent / "shared" / "eval"
    docs: list[Document] = []
    if shared.is_dir():
        for line in (shared / "polnear_dev.jsonl").read_text().splitlines():
            r = json.loads(line)
            docs.append(Document(id=r["id"], text=r["text"]))
        sents = [json.loads(x)["text"] for x in (shared / "conflibert_train.jsonl").read_text().splitlines()]
        for i in range(0, len(sents), 10):  # ten sentences per pseudo-article
            docs.append(Document(id=f"conflibert-{i}", text="\n\n".join(sents[i : i + 10])))
        source = "../shared/eval (PolNeAR dev articles + ConfliBERT sentences)"
    else:
        texts = [p.read_text() for p in sorted((ROOT / "samples").glob("*.txt"))]
        for i in range(60):
            docs.append(Document(id=f"sample-{i}", text=texts[i % len(texts)]))
        source = "bundled samples x20 (../shared absent)"
    return docs[:max_docs], source


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--docs", type=int, default=10_000)
    args = ap.parse_args()
    docs, source = corpus(args.docs)
    chars = sum(len(d.text) for d in docs)
    nlp = load_parser()
    coder = Coder(nlp=nlp)
    # warm up both paths (model caches, matcher construction)
    list(coder.code_documents(docs[:5]))

    n_sents = 0
    parse_times, code_times = [], []
    events = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        n_sents = sum(len(list(d.sents)) for d in nlp.pipe((d.text for d in docs), batch_size=32))
        parse_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        events = sum(len(c.events) for c in coder.code_documents(docs))
        code_times.append(time.perf_counter() - t)
    parse = statistics.median(parse_times)
    code = statistics.median(code_times)
    print(f"corpus: {source}: {len(docs)} documents, {n_sents} sentences, {chars:,} characters")
    print(f"runs: {args.repeat} (median shown)")
    print(f"{'':24}{'seconds':>10}{'sent/s':>10}{'chars/s':>12}")
    print(f"{'spaCy parse alone':24}{parse:10.2f}{n_sents / parse:10.1f}{chars / parse:12,.0f}")
    print(f"{'whodid code':24}{code:10.2f}{n_sents / code:10.1f}{chars / code:12,.0f}")
    print(f"ratio whodid/parse time: {code / parse:.3f}  (coding adds {100 * (code / parse - 1):+.1f}% to the parse; budget +25%)")
    print(f"events coded: {events} ({events / code:.1f} events/s)")


if __name__ == "__main__":
    main()
