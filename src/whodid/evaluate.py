"""Scoring a coder against gold sets, following the conventions of `../shared/eval/README.md`.

Everything here is a pure function of gold records and what the coder returns, so the
CLI, tests and notebooks score alike. Four kinds of gold set are recognised from their
content (`detect_kind`):

* cameo (petr_unittest.jsonl): events `{source, target, code}`; micro-averaged
  multiset matching per record at two levels, **root** (source country, target
  country, 2-digit root) and **exact** (full codes). A missing actor (`---`, empty,
  None) matches only a missing actor. `no_events` and `expected_errors` records have
  no gold events, so anything coded in them is a false positive.
* plover (plover_gsr.jsonl): PLOVER 2016 categories with lists of actors; see
  `plover2016` and `_plover_pairs` for the mapping and the compound-actor expansion.
* penta (conflibert_train.jsonl): the class of the first coded event.
* quotes (polnear_dev.jsonl): quote attribution, see `_score_quotes`.

A coder is `coder(text, date) -> list[dict]`: whodid's output records for the text
(events: `{"kind": "event", "source": {"code": ...} | None, "target": ..., "cameo":
"0231", "sentence_index": 0, "span": [s, e], ...}`; quotes: `{"kind": "quote", "span":
[s, e], "speaker": {"span": [s, e] | None, "name": str | None}}`). An exception raised by
the coder counts as coding nothing (and as a correct refusal where the gold expects one);
it is counted and kept in the record's detail.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .knowledge.model import country_of

__all__ = [
    "Coder",
    "RecordResult",
    "Report",
    "Scores",
    "detect_kind",
    "evaluate",
    "format_report",
    "parse_date",
    "penta_class",
    "plover2016",
    "read_gold",
]

Coder = Callable[[str, date | None], list[dict]]
Progress = Callable[[int, int], None]


# ---------------------------------------------------------------------------- scores


@dataclass
class Scores:
    """Counts behind precision, recall and F1.

    `tp_pred` is the number of correct predictions when it differs from the number of
    gold items found (quotes: several quotes may find one attribution); else it is `tp`.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None

    @property
    def precision(self) -> float:
        tp = self.tp if self.tp_pred is None else self.tp_pred
        return tp / (tp + self.fp) if tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
        if self.tp_pred is not None:
            d["tp_pred"] = self.tp_pred
        return d


@dataclass
class RecordResult:
    """One gold record with what the coder produced: a line of the error-analysis JSONL."""

    id: str
    text: str | None
    gold: Any
    predicted: list[dict]
    matched: dict[str, Any]
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "error": self.error,
        }


@dataclass
class Report:
    """Scores of one evaluation run, with an error breakdown to find failure classes."""

    kind: str
    source: str | None
    records: int
    metrics: dict[str, Scores] = field(default_factory=dict)
    rates: dict[str, float] = field(default_factory=dict)  # accuracy, agreement shares
    counts: dict[str, int] = field(default_factory=dict)
    breakdown: dict[str, Counter] = field(default_factory=dict)  # error class -> counts
    confusion: dict[str, Counter] | None = None  # penta: gold class -> predicted class
    details: list[RecordResult] = field(default_factory=list)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "source": self.source,
            "records": self.records,
            "metrics": {k: v.to_dict() for k, v in self.metrics.items()},
            "rates": {k: round(v, 4) for k, v in self.rates.items()},
            "counts": dict(self.counts),
            "breakdown": {k: dict(v.most_common()) for k, v in self.breakdown.items()},
        }
        if self.confusion is not None:
            d["confusion"] = {g: dict(sorted(c.items())) for g, c in sorted(self.confusion.items())}
        if details:
            d["details"] = [r.to_dict() for r in self.details]
        return d

    def write_details(self, path: str | Path) -> None:
        """Per-record gold, predictions and matches as JSON Lines, for error analysis."""
        with open(path, "w", encoding="utf-8") as fh:
            for r in self.details:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False, default=str) + "\n")


# ---------------------------------------------------------------------------- gold input


def read_gold(path: str | Path) -> list[dict]:
    """Records of a JSON Lines gold file; a bad line raises ValueError naming file and line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from exc
            if not isinstance(rec, dict):
                raise ValueError(f"{path}:{n}: a record must be a JSON object")
            out.append(rec)
    return out


def detect_kind(records: Iterable[Mapping]) -> str:
    """ "cameo", "plover", "penta" or "quotes", from what the records carry."""
    for rec in records:
        if "attributions" in rec:
            return "quotes"
        if "penta" in rec:
            return "penta"
        for ev in rec.get("events") or ():
            if "plover" in ev:
                return "plover"
            if "code" in ev:
                return "cameo"
    if any("no_events" in r or "expected_errors" in r for r in records):
        return "cameo"  # a CAMEO set whose records all have no events
    raise ValueError(
        "cannot tell the kind of gold set: expected records with `events` "
        "(carrying `code` or `plover`), `penta` or `attributions`"
    )


def parse_date(value: Any) -> date | None:
    """`19950101`, `2000-01-01` (or a date) → date; empty → None."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    for fmt in ("%Y%m%d", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"bad date {value!r}: expected YYYYMMDD or YYYY-MM-DD")


# ---------------------------------------------------------------------------- codes


def plover2016(cameo: str | None) -> str | None:
    """The PLOVER 2016 category (names of plover_gsr.jsonl) of a CAMEO code; None if none.

    Base mapping by root, from the 2-digit cue categories PLOVER kept: 03 AGREE,
    04 CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID, 080–083 CONCEDE, 084–087 RETREAT,
    09 INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 12 REJECT, 13 THREATEN, 14 PROTEST,
    15 MOBILIZE, 16 SANCTION (163 included), 17 COERCE, 18 ASSAULT, 19 FIGHT.
    Checked against the PLOVER manual draft 0.6b2 (2016, openeventdata/PLOVER
    `PLOVER_Manual.tex`) and the gold records themselves; departures from a plain
    root mapping:

    * 01 and 02 → None: "The CAMEO 01 and 02 categories dealing with comments have
      been eliminated"; a request or appeal "is not coded in PLOVER" (§DEMAND).
    * 0831 (accede to a change in leadership: resign) → RETREAT: "RETREAT also covers
      resignations of government officials"; the GSR codes its three resignations so.
    * 20 (mass violence) → FIGHT: the GSR codes mass expulsion (201) and ethnic
      cleansing (203) as FIGHT.
    * 184 (human shield) and 191 (blockade) → COERCE, as the GSR codes them.
    """
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = cameo[:2]
    if root in ("01", "02"):
        return None
    if root == "08":
        if cameo.startswith("0831"):
            return "RETREAT"
        return "CONCEDE" if cameo[:3] in ("08", "080", "081", "082", "083") else "RETREAT"
    if cameo.startswith(("184", "191")):
        return "COERCE"
    return _PLOVER_ROOTS.get(root)


_PLOVER_ROOTS = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "FIGHT",
}


def penta_class(cameo: str | None) -> int | None:
    """0 statement (01–02), 1 verbal coop (03–05), 2 material coop (06–08),
    3 verbal conflict (09–13), 4 material conflict (14–20) — except root 16 (reduce
    relations: sanctions, aid cuts, expulsions of diplomats), which is class 3 as in the
    Phoenix pipeline's per-code table (`cameo_goldstein_quad.csv`) and the Multi-CoPED
    labels of `conflibert_train.jsonl`."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root == 16:
        return 3
    for cls, top in enumerate((2, 5, 8, 13, 20)):
        if 1 <= root <= top:
            return cls
    return None


def _code(actor: Any) -> str | None:
    """An actor code from gold (str) or output (`{"code": ...}`); missing → None."""
    if isinstance(actor, Mapping):
        actor = actor.get("code")
    if not isinstance(actor, str):
        return None
    actor = actor.strip()
    return None if actor in ("", "---") else actor


def _country(code: str | None) -> str | None:
    """Country part for the root level: IGO codes whole; a quoted new-actor text whole."""
    if code is None:
        return None
    if code.startswith('"'):
        return code
    return country_of(code)


def _plover_actor(code: str | None) -> str | None:
    """PLOVER actor: ISO-3 country or one of IGO, NGO, IMG, ...; the gold writes a bare "IGO"
    for every organisation, so predicted `IGOUNO` compares as `IGO`."""
    return code[:3] if code else None


def _order(ev: Mapping) -> tuple[int, int]:
    span = ev.get("span") or (0, 0)
    return (ev.get("sentence_index") or 0, span[0] if span else 0)


def _events(output: list[dict]) -> list[dict]:
    """Event records of an output, in text order (sentence, then span start)."""
    evs = [r for r in output if isinstance(r, Mapping) and r.get("kind", "event") == "event"]
    return sorted(evs, key=_order)


# ---------------------------------------------------------------------------- matching


Key = tuple


def _multiset(gold: list[Key], pred: list[Key]) -> tuple[int, list[Key], list[Key]]:
    """(true positives, unmatched gold, unmatched predictions) of two multisets."""
    g, p = Counter(gold), Counter(pred)
    common = g & p
    return sum(common.values()), list((g - common).elements()), list((p - common).elements())


def _analyse(miss: list[Key], extra: list[Key], breakdown: dict[str, Counter], cat: str) -> None:
    """Sort unmatched (src, tgt, category) keys into failure classes.

    A gold event and a prediction with the same two actors but another category are a
    category confusion; with the same category but other actors, an actor error
    (source/target missing or wrong, swapped, both). What stays unpaired is counted as
    a plain miss (by gold category) or a spurious event (by predicted category).
    """
    miss, extra = list(miss), list(extra)
    for g in list(miss):
        for p in extra:
            if (g[0], g[1]) == (p[0], p[1]) and g[2] != p[2]:
                breakdown[f"{cat} confusion (gold→predicted)"][f"{g[2]}→{p[2]}"] += 1
                miss.remove(g)
                extra.remove(p)
                break
    for g in list(miss):
        for p in extra:
            if g[2] == p[2]:
                breakdown["actor errors (same category)"][_actor_error(g, p)] += 1
                miss.remove(g)
                extra.remove(p)
                break
    for g in miss:
        breakdown[f"unpaired misses by gold {cat}"][str(g[2])] += 1
    for p in extra:
        breakdown[f"unpaired spurious by predicted {cat}"][str(p[2])] += 1


def _order_breakdown(report: Report, cat: str) -> None:
    """Fix the order failure classes are shown in: totals first, then the paired analysis."""
    for name in (
        f"false negatives by gold {cat}",
        f"false positives by predicted {cat}",
        f"{cat} confusion (gold→predicted)",
        "actor errors (same category)",
        f"unpaired misses by gold {cat}",
        f"unpaired spurious by predicted {cat}",
    ):
        report.breakdown[name] = Counter()


def _actor_error(g: Key, p: Key) -> str:
    if (g[0], g[1]) == (p[1], p[0]):
        return "source/target swapped"
    parts = []
    for i, role in ((0, "source"), (1, "target")):
        if g[i] != p[i]:
            parts.append(
                f"{role} {'missing' if p[i] is None else 'spurious' if g[i] is None else 'wrong'}"
            )
    return ", ".join(parts)


# ---------------------------------------------------------------------------- evaluate


def evaluate(
    path_or_records: str | Path | Iterable[Mapping],
    coder: Coder,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Run `coder` on every record of a gold set and score it (see module docstring)."""
    source = None
    if isinstance(path_or_records, str | Path):
        source = str(path_or_records)
        records = read_gold(path_or_records)
    else:
        records = [dict(r) for r in path_or_records]
    if limit is not None:
        records = records[:limit]
    kind = detect_kind(records)
    report = Report(kind=kind, source=source, records=len(records))
    report.breakdown = _BreakdownDict()
    scorer = {
        "cameo": _score_cameo,
        "plover": _score_plover,
        "penta": _score_penta,
        "quotes": _score_quotes,
    }[kind]
    scorer(records, coder, report, progress)
    report.breakdown = {k: v for k, v in report.breakdown.items() if v}
    return report


class _BreakdownDict(dict):
    def __missing__(self, key: str) -> Counter:
        self[key] = Counter()
        return self[key]


def _run(coder: Coder, text: str, day: date | None) -> tuple[list[dict], str | None]:
    try:
        out = coder(text, day)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop a long run
        return [], f"{type(exc).__name__}: {exc}"
    return list(out or []), None


def _date_of(rec: Mapping) -> date | None:
    try:
        return parse_date(rec.get("date"))
    except ValueError as exc:
        raise ValueError(f"record {rec.get('id')!r}: {exc}") from exc


def _score_cameo(
    records: list[dict], coder: Coder, report: Report, progress: Progress | None
) -> None:
    root, exact = Scores(), Scores()
    report.metrics = {"root": root, "exact": exact}
    _order_breakdown(report, "root")
    c: Counter = Counter()
    bd = report.breakdown
    for i, rec in enumerate(records):
        out, err = _run(coder, rec.get("text") or "", _date_of(rec))
        events = _events(out)
        refuse = bool(rec.get("expected_errors"))
        gold = [] if refuse or rec.get("no_events") else list(rec.get("events") or [])
        g_exact = [(_code(e.get("source")), _code(e.get("target")), e.get("code")) for e in gold]
        p_exact = [(_code(e.get("source")), _code(e.get("target")), e.get("cameo")) for e in events]
        g_root = [(_country(s), _country(t), (k or "")[:2] or None) for s, t, k in g_exact]
        p_root = [(_country(s), _country(t), (k or "")[:2] or None) for s, t, k in p_exact]
        tp_r, miss_r, extra_r = _multiset(g_root, p_root)
        tp_e, miss_e, extra_e = _multiset(g_exact, p_exact)
        root.add(tp_r, len(extra_r), len(miss_r))
        exact.add(tp_e, len(extra_e), len(miss_e))
        _analyse(miss_r, extra_r, bd, "root")
        for _, _, k in miss_r:
            bd["false negatives by gold root"][str(k)] += 1
        for _, _, k in extra_r:
            bd["false positives by predicted root"][str(k)] += 1
        c["gold events"] += len(gold)
        c["predicted events"] += len(events)
        c["root right, full code wrong"] += tp_r - tp_e
        c["predicted: source missing"] += sum(1 for s, _, _ in p_exact if s is None)
        c["predicted: target missing"] += sum(1 for _, t, _ in p_exact if t is None)
        c["gold: source missing"] += sum(1 for s, _, _ in g_exact if s is None)
        c["gold: target missing"] += sum(1 for _, t, _ in g_exact if t is None)
        if refuse:
            c["expected_errors records"] += 1
            c["expected_errors correctly refused"] += not events
        elif err:
            c["coder errors"] += 1
        if rec.get("no_events") and not refuse:
            c["no_events records"] += 1
            c["no_events records left uncoded"] += not events
        report.details.append(
            RecordResult(
                id=str(rec.get("id", i)),
                text=rec.get("text"),
                gold=[{"source": s, "target": t, "code": k} for s, t, k in g_exact],
                predicted=[_event_summary(e) for e in events],
                matched={
                    "root": tp_r,
                    "exact": tp_e,
                    "refuse": refuse,
                    "no_events": bool(rec.get("no_events")),
                },
                error=err,
            )
        )
        if progress:
            progress(i + 1, len(records))
    report.counts = dict(c)


def _event_summary(e: Mapping) -> dict:
    d = {
        "source": _code(e.get("source")),
        "target": _code(e.get("target")),
        "cameo": e.get("cameo"),
    }
    for k in ("sentence_index", "span"):
        if k in e:
            d[k] = e[k]
    rule = (e.get("evidence") or {}).get("rule") if isinstance(e.get("evidence"), Mapping) else None
    if rule:
        d["rule"] = rule
    return d


def _plover_pairs(ev: Mapping) -> list[tuple[str | None, str | None]]:
    """Gold actor pairs of a PLOVER event: sources × targets.

    With no target and two or more sources the gold marks a reciprocal compound actor
    ("SRC/TAR:" in `markup`; PLOVER 2016 lists all participants of a meeting or of
    two-sided violence as sources), so the pairs are the ordered pairs among the sources,
    as a CAMEO coder codes "A and B met" (A→B, B→A). One of the 19 such records in
    plover_gsr.jsonl marks its two sources "SRC:" only (US and Russian negotiators
    return to Geneva for talks): the same situation, expanded the same way. One source
    and no target → (source, missing); no source → (missing, target).
    """
    srcs = [_code(s) for s in (ev.get("source") or [])] or [None]
    tgts = [_code(t) for t in (ev.get("target") or [])]
    if not tgts and len(srcs) >= 2:
        return [(a, b) for a in srcs for b in srcs if a is not b]
    return [(s, t) for s in srcs for t in (tgts or [None])]


def _score_plover(
    records: list[dict], coder: Coder, report: Report, progress: Progress | None
) -> None:
    event, exact = Scores(), Scores()
    report.metrics = {"event": event, "exact actors": exact}
    _order_breakdown(report, "category")
    c: Counter = Counter()
    bd = report.breakdown
    any_hit = first_hit = 0
    for i, rec in enumerate(records):
        out, err = _run(coder, rec.get("text") or "", _date_of(rec))
        events = _events(out)
        cats = [plover2016(e.get("cameo")) for e in events]
        g_exact, gold_cats = [], []
        for ev in rec.get("events") or []:
            gold_cats.append(ev.get("plover"))
            g_exact += [(s, t, ev.get("plover")) for s, t in _plover_pairs(ev)]
        p_exact = [
            (_code(e.get("source")), _code(e.get("target")), k)
            for e, k in zip(events, cats, strict=True)
            if k is not None
        ]
        g_event = [(_plover_actor(s), _plover_actor(t), k) for s, t, k in g_exact]
        p_event = [(_plover_actor(s), _plover_actor(t), k) for s, t, k in p_exact]
        tp_v, miss_v, extra_v = _multiset(g_event, p_event)
        tp_x, miss_x, extra_x = _multiset(g_exact, p_exact)
        event.add(tp_v, len(extra_v), len(miss_v))
        exact.add(tp_x, len(extra_x), len(miss_x))
        _analyse(miss_v, extra_v, bd, "category")
        for _, _, k in miss_v:
            bd["false negatives by gold category"][str(k)] += 1
        for _, _, k in extra_v:
            bd["false positives by predicted category"][str(k)] += 1
        hit = any(k in gold_cats for k in cats if k)
        first = bool(cats) and cats[0] in gold_cats
        any_hit += hit
        first_hit += first
        if not hit:
            got = "/".join(sorted({str(k) for k in cats})) or "none"
            want = "/".join(map(str, gold_cats))
            bd["category missed: gold → predicted"][f"{want} → {got}"] += 1
        c["gold pairs"] += len(g_exact)
        c["predicted events"] += len(events)
        c["predicted events without a PLOVER category (01, 02)"] += sum(
            1 for k in cats if k is None
        )
        c["records with no predicted event"] += not events
        c["predicted: source missing"] += sum(1 for s, _, _ in p_exact if s is None)
        c["predicted: target missing"] += sum(1 for _, t, _ in p_exact if t is None)
        c["coder errors"] += bool(err)
        report.details.append(
            RecordResult(
                id=str(rec.get("id", i)),
                text=rec.get("text"),
                gold=[{"source": s, "target": t, "plover": k} for s, t, k in g_exact],
                predicted=[
                    dict(_event_summary(e), plover2016=k) for e, k in zip(events, cats, strict=True)
                ],
                matched={
                    "event": tp_v,
                    "exact actors": tp_x,
                    "category": hit,
                    "first category": first,
                },
                error=err,
            )
        )
        if progress:
            progress(i + 1, len(records))
    n = len(records)
    report.rates = {
        "category agreement (any event)": any_hit / n if n else 0.0,
        "category agreement (first event)": first_hit / n if n else 0.0,
    }
    report.counts = dict(c)


def _score_penta(
    records: list[dict], coder: Coder, report: Report, progress: Progress | None
) -> None:
    classes = [Scores() for _ in range(5)]
    report.metrics = {f"class {k}": s for k, s in enumerate(classes)}
    report.confusion = {}
    c: Counter = Counter()
    correct = any_correct = 0
    for i, rec in enumerate(records):
        out, err = _run(coder, rec.get("text") or "", _date_of(rec))
        preds = [penta_class(e.get("cameo")) for e in _events(out)]
        preds = [p for p in preds if p is not None]
        gold = int(rec["penta"])
        pred = preds[0] if preds else None
        ok = pred == gold
        correct += ok
        any_correct += gold in preds
        report.confusion.setdefault(str(gold), Counter())[
            "none" if pred is None else str(pred)
        ] += 1
        for k, s in enumerate(classes):
            s.add(int(ok and gold == k), int(pred == k and not ok), int(gold == k and not ok))
        c["no event coded"] += pred is None
        c["coder errors"] += bool(err)
        report.details.append(
            RecordResult(
                id=str(rec.get("id", i)),
                text=rec.get("text"),
                gold=gold,
                predicted=[_event_summary(e) for e in _events(out)],
                matched={"penta": pred, "correct": ok},
                error=err,
            )
        )
        if progress:
            progress(i + 1, len(records))
    n = len(records)
    report.rates = {
        "accuracy": correct / n if n else 0.0,
        "accuracy (gold class among any event)": any_correct / n if n else 0.0,
        "no-event share": c["no event coded"] / n if n else 0.0,
        "macro F1": sum(s.f1 for s in classes) / 5,
    }
    report.counts = dict(c)


# ---------------------------------------------------------------------------- quotes


def _spans(x: Any) -> list[tuple[int, int]]:
    if not x:
        return []
    if isinstance(x, Mapping):
        x = x.get("spans") or ([x["span"]] if x.get("span") else [])
    if x and isinstance(x[0], int):
        x = [x]
    return [(int(a), int(b)) for a, b in x]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _head_word(text: str) -> str | None:
    """Last word of a gold source ("The New York Post" → "post"), possessive and punctuation
    removed; None when it has no letters."""
    words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text or "")
    if not words:
        return None
    return re.sub(r"['’]s$", "", words[-1]).lower()


def _speaker_ok(q: Mapping, g: Mapping) -> bool:
    """Speaker mention overlaps the gold source, or the resolved name contains its head word
    (as a whole word, case-insensitively: "Post" in "The New York Post")."""
    sp = q.get("speaker") or {}
    if _overlap(_spans(sp.get("span")), _spans(g.get("source"))):
        return True
    head = _head_word((g.get("source") or {}).get("text", ""))
    name = sp.get("name") or ""
    return bool(head) and head in re.findall(r"[^\W_]+", name.lower())


def _score_quotes(
    records: list[dict], coder: Coder, report: Report, progress: Progress | None
) -> None:
    """Quote attribution (README): a gold attribution with a source is found by a quote whose
    content overlaps it and whose speaker matches (`_speaker_ok`). Recall is over gold
    attributions with a source; precision over emitted quotes, a quote being right when
    it finds some gold attribution (for a gold attribution without a source, content
    overlap suffices); speaker accuracy is over the attributions whose content some quote
    overlaps. Matching is not one-to-one: two quotes may find the same attribution."""
    attribution, content = Scores(tp_pred=0), Scores(tp_pred=0)
    report.metrics = {"attribution": attribution, "content": content}
    c: Counter = Counter()
    for i, rec in enumerate(records):
        out, err = _run(coder, rec.get("text") or "", _date_of(rec))
        quotes = [r for r in out if isinstance(r, Mapping) and r.get("kind") == "quote"]
        golds = rec.get("attributions") or []
        found_flags, content_flags = [], []
        for g in golds:
            gc = _spans(g.get("content"))
            hits = [q for q in quotes if _overlap(_spans(q.get("span")), gc)]
            if not g.get("source"):
                c["gold attributions without source"] += 1
                found_flags.append(None)
                content_flags.append(bool(hits))
                continue
            c["gold attributions with source"] += 1
            found = any(_speaker_ok(q, g) for q in hits)
            found_flags.append(found)
            content_flags.append(bool(hits))
            attribution.add(int(found), 0, int(not found))
            content.add(int(bool(hits)), 0, int(not hits))
            c["content found"] += bool(hits)
            c["content found, speaker right"] += found
        right = content_right = 0
        q_flags = []
        for q in quotes:
            qs = _spans(q.get("span"))
            over = [g for g in golds if _overlap(qs, _spans(g.get("content")))]
            ok = any(not g.get("source") or _speaker_ok(q, g) for g in over)
            right += ok
            content_right += bool(over)
            q_flags.append(ok)
            sp = q.get("speaker") or {}
            c["quotes without speaker"] += not (sp.get("name") or sp.get("span"))
        attribution.fp += len(quotes) - right
        attribution.tp_pred = (attribution.tp_pred or 0) + right
        content.fp += len(quotes) - content_right
        content.tp_pred = (content.tp_pred or 0) + content_right
        c["quotes emitted"] += len(quotes)
        c["coder errors"] += bool(err)
        report.details.append(
            RecordResult(
                id=str(rec.get("id", i)),
                text=None,
                gold=[
                    {
                        "source": (g.get("source") or {}).get("text"),
                        "content": _spans(g.get("content")),
                        "found": f,
                        "content_found": cf,
                    }
                    for g, f, cf in zip(golds, found_flags, content_flags, strict=True)
                ],
                predicted=[dict(q, correct=ok) for q, ok in zip(quotes, q_flags, strict=True)],
                matched={"found": sum(1 for f in found_flags if f), "quotes right": right},
                error=err,
            )
        )
        if progress:
            progress(i + 1, len(records))
    cf = c["content found"]
    report.rates = {"speaker accuracy": c["content found, speaker right"] / cf if cf else 0.0}
    report.counts = dict(c)


# ---------------------------------------------------------------------------- text


def format_report(report: Report, *, top: int = 8) -> str:
    """A plain-text table of the scores and the most frequent failure classes."""
    lines = [
        f"{report.kind} gold set: {report.records} records"
        + (f" ({report.source})" if report.source else "")
    ]
    lines.append(f"{'metric':<22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}")
    for name, s in report.metrics.items():
        lines.append(
            f"{name:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>7}{s.fp:>7}{s.fn:>7}"
        )
    for name, v in report.rates.items():
        lines.append(f"{name}: {v:.3f}")
    if report.counts:
        lines.append("counts: " + ", ".join(f"{k} {v}" for k, v in report.counts.items()))
    if report.confusion is not None:
        cols = ["0", "1", "2", "3", "4", "none"]
        lines.append(
            "confusion (rows gold, columns predicted): " + " ".join(f"{c:>5}" for c in cols)
        )
        for g in sorted(report.confusion):
            row = report.confusion[g]
            lines.append(f"  {g:>4}" + "".join(f"{row.get(c, 0):>6}" for c in cols))
    for name, counter in report.breakdown.items():
        items = counter.most_common(top)
        more = len(counter) - len(items)
        lines.append(
            f"{name}: "
            + ", ".join(f"{k} {v}" for k, v in items)
            + (f", … ({more} more)" if more > 0 else "")
        )
    return "\n".join(lines)
