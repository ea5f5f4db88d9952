"""Tests for scoring against gold sets, on handcrafted gold records and predictions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from whodid.evaluate import (
    Report,
    detect_kind,
    evaluate,
    format_report,
    parse_date,
    penta_class,
    plover2016,
    read_gold,
)


def ev(src: str | None, tgt: str | None, cameo: str, sent: int = 0, start: int = 0) -> dict:
    """An event record in whodid's output schema."""
    return {
        "kind": "event",
        "source": None if src is None else {"code": src},
        "target": None if tgt is None else {"code": tgt},
        "cameo": cameo,
        "sentence_index": sent,
        "span": [start, start + 3],
    }


def table(outputs: dict[str, list[dict] | Exception]):
    """A coder answering from a text → output table (an Exception is raised)."""
    seen: list[tuple[str, date | None]] = []

    def coder(text: str, day: date | None) -> list[dict]:
        seen.append((text, day))
        out = outputs.get(text, [])
        if isinstance(out, Exception):
            raise out
        return out

    coder.seen = seen  # type: ignore[attr-defined]
    return coder


# ---------------------------------------------------------------------------- helpers


def test_detect_kind() -> None:
    assert (
        detect_kind([{"events": []}, {"events": [{"source": "A", "target": "B", "code": "01"}]}])
        == "cameo"
    )
    assert (
        detect_kind([{"events": [{"source": ["A"], "target": [], "plover": "AGREE"}]}]) == "plover"
    )
    assert detect_kind([{"text": "x", "penta": 3}]) == "penta"
    assert detect_kind([{"text": "x", "attributions": []}]) == "quotes"
    assert detect_kind([{"text": "x", "events": [], "no_events": True}]) == "cameo"
    with pytest.raises(ValueError, match="cannot tell"):
        detect_kind([{"text": "x", "events": []}])


def test_parse_date() -> None:
    assert parse_date("19950101") == date(1995, 1, 1)
    assert parse_date("2000-01-01") == date(2000, 1, 1)
    assert parse_date(None) is None and parse_date("") is None
    with pytest.raises(ValueError):
        parse_date("01/01/2000")


def test_plover2016_mapping() -> None:
    expected = {
        "010": None, "0231": None, "036": "AGREE", "042": "CONSULT", "057": "SUPPORT",
        "061": "COOPERATE", "073": "AID", "080": "CONCEDE", "0813": "CONCEDE", "083": "CONCEDE",
        "0831": "RETREAT", "084": "RETREAT", "0871": "RETREAT", "090": "INVESTIGATE",
        "102": "DEMAND", "112": "DISAPPROVE", "120": "REJECT", "138": "THREATEN",
        "141": "PROTEST", "154": "MOBILIZE", "163": "SANCTION", "166": "SANCTION",
        "173": "COERCE", "184": "COERCE", "186": "ASSAULT", "190": "FIGHT", "191": "COERCE",
        "195": "FIGHT", "203": "FIGHT", None: None, "": None, "---": None,
    }  # fmt: skip
    assert {k: plover2016(k) for k in expected} == expected


def test_penta_class() -> None:
    got = [
        penta_class(c)
        for c in ("010", "0231", "036", "057", "061", "087", "090", "138", "141", "204")
    ]
    assert got == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert penta_class(None) is None and penta_class("---") is None


def test_read_gold_reports_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "g.jsonl"
    p.write_text('{"id": 1, "penta": 0, "text": "a"}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.jsonl:3: not JSON"):
        read_gold(p)


# ---------------------------------------------------------------------------- CAMEO


def cameo_rec(id: str, text: str, events: list[tuple], **kw) -> dict:
    return {
        "id": id,
        "date": "19950101",
        "text": text,
        "events": [{"source": s, "target": t, "code": c} for s, t, c in events],
        "no_events": False,
        "expected_errors": [],
        **kw,
    }


def test_cameo_multiset_with_duplicates() -> None:
    gold = [cameo_rec("r1", "t1", [("ARN", "GON", "064"), ("ARN", "GON", "064")])]
    coder = table(
        {"t1": [ev("ARN", "GON", "064"), ev("ARN", "GON", "064"), ev("ARN", "GON", "064")]}
    )
    rep = evaluate(gold, coder)
    assert (rep.metrics["root"].tp, rep.metrics["root"].fp, rep.metrics["root"].fn) == (2, 1, 0)
    assert rep.metrics["exact"].precision == pytest.approx(2 / 3)
    assert coder.seen == [("t1", date(1995, 1, 1))]


def test_cameo_root_versus_exact_and_igo_whole() -> None:
    gold = [
        cameo_rec("r1", "t1", [("USAGOV", "RUSMIL", "0231")]),
        cameo_rec("r2", "t2", [("IGOUNO", "IRQ", "173")]),
    ]
    coder = table({"t1": [ev("USAMIL", "RUS", "023")], "t2": [ev("IGOWSTNAT", "IRQ", "173")]})
    rep = evaluate(gold, coder)
    root, exact = rep.metrics["root"], rep.metrics["exact"]
    # USAGOV ~ USAMIL at the root level; IGOUNO and IGOWSTNAT are different organisations
    assert (root.tp, root.fp, root.fn) == (1, 1, 1)
    assert (exact.tp, exact.fp, exact.fn) == (0, 2, 2)
    assert rep.counts["root right, full code wrong"] == 1
    assert rep.breakdown["actor errors (same category)"] == {"source wrong": 1}


def test_cameo_missing_actors_match_only_missing() -> None:
    gold = [
        cameo_rec("r1", "t1", [("ARN", "---", "010")]),
        cameo_rec("r2", "t2", [("ARN", "", "010")]),
        cameo_rec("r3", "t3", [("ARN", "GON", "010")]),
    ]
    coder = table(
        {
            "t1": [ev("ARN", None, "010")],
            "t2": [ev("ARN", "---", "010")],
            "t3": [ev("ARN", None, "010")],
        }
    )
    rep = evaluate(gold, coder)
    assert (rep.metrics["exact"].tp, rep.metrics["exact"].fp, rep.metrics["exact"].fn) == (2, 1, 1)
    assert rep.counts["predicted: target missing"] == 3 and rep.counts["gold: target missing"] == 2
    assert rep.breakdown["actor errors (same category)"] == {"target missing": 1}


def test_cameo_no_events_and_expected_errors() -> None:
    gold = [
        cameo_rec("n1", "quiet", [], no_events=True),
        cameo_rec("n2", "noisy", [], no_events=True),
        cameo_rec("e1", "refused by raising", [], expected_errors=["dateline"]),
        cameo_rec("e2", "refused by silence", [], expected_errors=["bad_input_parse"]),
        cameo_rec("e3", "not refused", [], expected_errors=["bad_input_parse"]),
    ]
    coder = table(
        {
            "noisy": [ev("ARN", "GON", "010"), ev("GON", "ARN", "010")],
            "refused by raising": ValueError("no dateline"),
            "not refused": [ev("ARN", "GON", "042")],
        }
    )
    rep = evaluate(gold, coder)
    root = rep.metrics["root"]
    assert (root.tp, root.fp, root.fn) == (0, 3, 0)
    assert (
        rep.counts["no_events records"] == 2 and rep.counts["no_events records left uncoded"] == 1
    )
    assert rep.counts["expected_errors records"] == 3
    assert rep.counts["expected_errors correctly refused"] == 2
    assert "coder errors" not in rep.counts  # raising where a refusal is expected is fine
    assert rep.details[2].error == "ValueError: no dateline"


def test_cameo_breakdown_classes() -> None:
    gold = [
        cameo_rec(
            "r1", "t1", [("ARN", "GON", "042"), ("ARN", "MOR", "190"), ("ELF", "HOB", "120")]
        ),
    ]
    coder = table(
        {"t1": [ev("ARN", "GON", "043"), ev("MOR", "ARN", "190"), ev("DAG", "DAG", "150")]}
    )
    rep = evaluate(gold, coder)
    bd = rep.breakdown
    assert bd["actor errors (same category)"] == {"source/target swapped": 1}
    assert bd["unpaired misses by gold root"] == {"12": 1}
    assert bd["unpaired spurious by predicted root"] == {"15": 1}
    assert bd["false negatives by gold root"] == {"19": 1, "12": 1}
    assert rep.metrics["root"].tp == 1 and rep.metrics["exact"].tp == 0
    assert "root confusion (gold→predicted)" not in bd  # 042 vs 043 share the root 04


def test_cameo_root_confusion() -> None:
    gold = [cameo_rec("r1", "t1", [("ARN", "GON", "042")])]
    rep = evaluate(gold, table({"t1": [ev("ARN", "GON", "111")]}))
    assert rep.breakdown["root confusion (gold→predicted)"] == {"04→11": 1}


def test_coder_errors_are_counted_not_raised() -> None:
    gold = [cameo_rec("r1", "t1", [("ARN", "GON", "042")])]
    rep = evaluate(gold, table({"t1": RuntimeError("boom")}))
    assert rep.counts["coder errors"] == 1 and rep.metrics["root"].fn == 1
    assert rep.details[0].error == "RuntimeError: boom"


def test_evaluate_from_path_with_limit_and_progress(tmp_path: Path) -> None:
    p = tmp_path / "gold.jsonl"
    recs = [cameo_rec(f"r{i}", f"t{i}", [("ARN", "GON", "042")]) for i in range(5)]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    rep = evaluate(
        p,
        table({"t0": [ev("ARN", "GON", "042")]}),
        limit=3,
        progress=lambda d, n: calls.append((d, n)),
    )
    assert rep.source == str(p) and rep.records == 3 and rep.kind == "cameo"
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert (rep.metrics["root"].tp, rep.metrics["root"].fn) == (1, 2)
    out = tmp_path / "details.jsonl"
    rep.write_details(out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["matched"]["root"] == 1 and lines[0]["gold"][0]["code"] == "042"
    assert lines[0]["predicted"][0]["cameo"] == "042"
    d = rep.to_dict()
    json.dumps(d)
    assert d["metrics"]["root"]["recall"] == pytest.approx(1 / 3, abs=1e-4) and "details" not in d
    assert len(rep.to_dict(details=True)["details"]) == 3


def test_bad_gold_date_names_the_record() -> None:
    gold = [cameo_rec("r9", "t", [], date="yesterday")]
    with pytest.raises(ValueError, match="record 'r9'"):
        evaluate(gold, table({}))


# ---------------------------------------------------------------------------- PLOVER


def plover_rec(
    id: str, text: str, src: list[str], tgt: list[str], cat: str, markup: str = ""
) -> dict:
    return {
        "id": id,
        "date": "2000-01-01",
        "text": text,
        "events": [{"source": src, "target": tgt, "plover": cat, "markup": markup}],
    }


def test_plover_compound_and_missing_expansion() -> None:
    gold = [
        plover_rec(
            "c",
            "compound",
            ["BGRGOV", "GRCGOV"],
            [],
            "AGREE",
            "(SRC/TAR: Bulgarian) and (SRC/TAR: Greek)",
        ),
        plover_rec("s", "single", ["KGZELI"], [], "RETREAT"),
        plover_rec("x", "cross", ["USALEG"], ["IRN", "LBY"], "SANCTION"),
        plover_rec("t", "target only", [], ["IRQCVL"], "ASSAULT"),
    ]
    coder = table(
        {
            "compound": [ev("BGRGOV", "GRCGOV", "030"), ev("GRCGOV", "BGRGOV", "031")],
            "single": [ev("KGZELI", None, "0831")],
            "cross": [ev("USALEG", "IRN", "163"), ev("USALEG", "LBY", "010")],
            "target only": [ev(None, "IRQCVL", "183")],
        }
    )
    rep = evaluate(gold, coder)
    event = rep.metrics["event"]
    assert rep.kind == "plover" and rep.counts["gold pairs"] == 6
    assert (event.tp, event.fp, event.fn) == (5, 0, 1)  # the 010 statement is not a PLOVER event
    assert rep.counts["predicted events without a PLOVER category (01, 02)"] == 1
    assert rep.details[0].gold == [
        {"source": "BGRGOV", "target": "GRCGOV", "plover": "AGREE"},
        {"source": "GRCGOV", "target": "BGRGOV", "plover": "AGREE"},
    ]
    assert rep.breakdown["false negatives by gold category"] == {"SANCTION": 1}


def test_plover_igo_and_exact_actors() -> None:
    gold = [plover_rec("i", "igo", ["IGO"], ["JAP"], "AGREE")]
    rep = evaluate(gold, table({"igo": [ev("IGOUNO", "JAPGOV", "030")]}))
    assert rep.metrics["event"].tp == 1  # PLOVER actors: 3 letters, all IGOs are "IGO"
    assert rep.metrics["exact actors"].tp == 0


def test_plover_category_agreement() -> None:
    gold = [
        plover_rec("a", "first right", ["ISR"], ["PSE"], "FIGHT"),
        plover_rec("b", "second right", ["ISR"], ["PSE"], "FIGHT"),
        plover_rec("c", "none right", ["ISR"], ["PSE"], "FIGHT"),
    ]
    coder = table(
        {
            "first right": [ev("ISR", "PSE", "190", 0, 0), ev("ISR", "PSE", "111", 0, 10)],
            "second right": [ev("ISR", "PSE", "190", 1, 0), ev("ISR", "PSE", "111", 0, 10)],
            "none right": [ev("ISR", "PSE", "173")],
        }
    )
    rep = evaluate(gold, coder)
    assert rep.rates["category agreement (any event)"] == pytest.approx(2 / 3)
    assert rep.rates["category agreement (first event)"] == pytest.approx(1 / 3)
    assert rep.breakdown["category missed: gold → predicted"] == {"FIGHT → COERCE": 1}
    assert rep.breakdown["category confusion (gold→predicted)"] == {"FIGHT→COERCE": 1}


# ---------------------------------------------------------------------------- penta


def test_penta_first_event_rule() -> None:
    gold = [
        {"id": "0", "text": "a", "penta": 4},
        {"id": "1", "text": "b", "penta": 1},
        {"id": "2", "text": "c", "penta": 0},
        {"id": "3", "text": "d", "penta": 3},
    ]
    coder = table(
        {
            # listed out of order: the first event is sentence 0, span start 5 (190 → class 4)
            "a": [ev("A", "B", "042", 1, 0), ev("A", "B", "111", 0, 20), ev("A", "B", "190", 0, 5)],
            "b": [ev("A", "B", "111"), ev("A", "B", "042", 0, 9)],  # class 1 only second: wrong
            "c": [],  # no event: wrong
            "d": [ev("A", "B", "1121")],
        }
    )
    rep = evaluate(gold, coder)
    assert rep.kind == "penta"
    assert rep.rates["accuracy"] == pytest.approx(0.5)
    assert rep.rates["accuracy (gold class among any event)"] == pytest.approx(0.75)
    assert rep.rates["no-event share"] == pytest.approx(0.25)
    assert rep.confusion == {"4": {"4": 1}, "1": {"3": 1}, "0": {"none": 1}, "3": {"3": 1}}
    c3 = rep.metrics["class 3"]
    assert (c3.tp, c3.fp, c3.fn) == (1, 1, 0)
    assert rep.details[0].matched == {"penta": 4, "correct": True}
    assert "confusion" in format_report(rep)


# ---------------------------------------------------------------------------- quotes

ARTICLE = (
    'The New York Post learned that the senator quit. "We lost," he said. '
    "Officials said it was over."
)


def attribution(source: tuple[int, int] | None, content: list[tuple[int, int]]) -> dict:
    a = {
        "cue": {"spans": [[0, 1]], "text": "said"},
        "content": {"spans": [list(c) for c in content], "text": "..."},
    }
    if source is not None:
        a["source"] = {"spans": [list(source)], "text": ARTICLE[source[0] : source[1]]}
    return a


def quote(span: tuple[int, int], speaker_span: tuple[int, int] | None, name: str | None) -> dict:
    return {
        "kind": "quote",
        "span": list(span),
        "speaker": {"span": list(speaker_span) if speaker_span else None, "name": name},
    }


def test_quotes_overlap_and_speaker_rules() -> None:
    post = (0, 17)  # "The New York Post"
    he = (ARTICLE.index("he said"), ARTICLE.index("he said") + 2)
    gold = [
        {
            "id": "art",
            "text": ARTICLE,
            "attributions": [
                attribution(post, [(26, 47)]),  # found by name head word "post"
                attribution(he, [(49, 57)]),  # found by speaker span overlap
                attribution((69, 78), [(84, 95)]),  # content found, speaker wrong
                attribution(None, [(100, 105)]),  # no source: not in recall
            ],
        }
    ]
    coder = table(
        {
            ARTICLE: [
                quote((30, 40), None, "New York Post"),
                quote((50, 55), he, "Jane Doe"),
                quote((85, 90), (0, 3), "Jane Doe"),  # wrong speaker
                quote((101, 104), None, None),  # sourceless gold: content overlap suffices
                quote((120, 130), None, None),  # overlaps nothing
                ev("USA", None, "010"),  # events do not count as quotes
            ]
        }
    )
    rep = evaluate(gold, coder)
    att, content = rep.metrics["attribution"], rep.metrics["content"]
    assert rep.kind == "quotes" and coder.seen == [(ARTICLE, None)]
    assert (att.tp, att.fn, att.fp, att.tp_pred) == (2, 1, 2, 3)
    assert att.recall == pytest.approx(2 / 3) and att.precision == pytest.approx(3 / 5)
    assert (content.tp, content.fn, content.tp_pred, content.fp) == (3, 0, 4, 1)
    assert rep.rates["speaker accuracy"] == pytest.approx(2 / 3)
    assert rep.counts["gold attributions without source"] == 1
    assert rep.counts["quotes without speaker"] == 2
    assert [g["found"] for g in rep.details[0].gold] == [True, True, False, None]
    assert [q["correct"] for q in rep.details[0].predicted] == [True, True, False, True, False]


def test_quotes_head_word_is_a_whole_word() -> None:
    text = "Clinton's team said no. Bill spoke."
    source = {"spans": [[0, 14]], "text": "Clinton's team"}
    gold = [{"id": "x", "text": text, "attributions": [{"source": source, "content": [20, 22]}]}]

    def found(name: str) -> int:
        return (
            evaluate(gold, table({text: [quote((20, 22), None, name)]})).metrics["attribution"].tp
        )

    assert found("Steam Corp") == 0  # "team" inside another word does not count
    assert found("The Team") == 1


# ---------------------------------------------------------------------------- output


def test_format_report_is_a_plain_table() -> None:
    gold = [cameo_rec("r1", "t1", [("ARN", "GON", "042")])]
    rep = evaluate(gold, table({"t1": [ev("ARN", "GON", "111")]}))
    text = format_report(rep)
    assert text.splitlines()[0] == "cameo gold set: 1 records"
    assert "root" in text and "exact" in text and "04→11 1" in text
    assert isinstance(rep, Report)
