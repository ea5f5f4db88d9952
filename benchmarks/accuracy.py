"""Accuracy on the development gold sets of ../shared/eval, scored as `whodid evaluate` does.

    python benchmarks/accuracy.py [--limit N] [--details DIR]

Prints one block per set (the same report as `whodid evaluate`) and a summary table.
Skips, with a message, when ../shared/eval is not beside the project. Never fails on
the values: it measures, the held-out sets judge.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = ROOT.parent / "shared"
PETR = SHARED / "reference" / "petrarch2"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--details", type=Path, default=None, help="write per-record details here")
    args = ap.parse_args()
    if not (SHARED / "eval").is_dir():
        print(f"accuracy: skipped, {SHARED / 'eval'} is not there")
        return 0

    from whodid import evaluate as ev
    from whodid.knowledge import UserDictionaries
    from whodid.pipeline import Coder

    sets = [
        ("plover_gsr.jsonl", None),
        ("conflibert_train.jsonl", None),
        ("petr_unittest.jsonl", UserDictionaries(
            actors=[str(PETR / "PETR.Validate.actors.txt")],
            agents=[str(PETR / "PETR.Validate.agents.txt")],
            verbs=[str(PETR / "PETR.Validate.verbs.txt")],
            discards=[str(PETR / "PETR.Validate.discards.txt")],
            replace=True,
        )),
        ("polnear_dev.jsonl", None),
    ]  # fmt: skip
    summary = []
    coders: dict[object, Coder] = {}
    for name, user in sets:
        path = SHARED / "eval" / name
        if not path.exists():
            print(f"{name}: not found, skipped")
            continue
        key = user.key() if user else None
        if key not in coders:
            coders[key] = Coder(user)
        coder = coders[key]

        def run(text, day, coder=coder):
            doc = coder.code_doc(text, day)
            return [r.to_dict() for r in doc._.events] + [q.to_dict() for q in doc._.quotes]

        started = time.perf_counter()
        report = ev.evaluate(path, run, limit=args.limit)
        secs = time.perf_counter() - started
        cmd = f"whodid evaluate ../shared/eval/{name}"
        if user:
            cmd += " --actors … --agents … --verbs … --discards … --replace-dictionaries (PETR.Validate.*)"
        print(f"$ {cmd}")
        print(ev.format_report(report))
        print(f"({secs:.1f} s)\n")
        if args.details:
            args.details.mkdir(parents=True, exist_ok=True)
            report.write_details(args.details / name)
        summary.append((name, report))

    print("summary")
    print(f"{'set':28}{'metric':22}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}")
    for name, report in summary:
        for metric, sc in report.metrics.items():
            if metric.startswith("class "):
                continue
            print(f"{name:28}{metric:22}{sc.precision:8.3f}{sc.recall:8.3f}{sc.f1:8.3f}{'':>8}")
        for rate, value in report.rates.items():
            if "accuracy" in rate or "agreement" in rate:
                print(f"{name:28}{rate[:22]:22}{'':>8}{'':>8}{'':>8}{value:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
