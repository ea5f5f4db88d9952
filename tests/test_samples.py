"""The bundled sample articles (samples/*.txt, written for whodid) and the events a careful
coder expects from them; `make demo` prints the same records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid.ingest import iter_documents
from whodid.schema import Document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DAY = date(2024, 3, 14)


@pytest.fixture(scope="module")
def coded(coder):
    docs = [d for d in iter_documents([SAMPLES], DAY) if isinstance(d, Document)]
    assert len(docs) == 3
    return {c.document.id: c for c in coder.code_documents(docs)}


def table(coded, doc_id):
    return {
        (e.sentence_index, e.source.code, e.target.code if e.target else None, e.cameo)
        for e in coded[doc_id].events
    }


def test_head_of_state_recounting_talks_and_denying_reports(coded):
    got = table(coded, "belarus_sochi_talks")
    expected = {
        (0, "BLRGOV", "RUSGOV", "040"),  # his talks with Russian President Vladimir Putin
        (0, "RUSGOV", "BLRGOV", "040"),
        (1, "BLRGOV", "RUSGOV", "040"),  # Lukashenko and Putin discussed …
        (1, "RUSGOV", "BLRGOV", "040"),
        (5, "BLRGOV", "RUS", "033"),  # "We are ready to provide Russia with tractors …"
        (5, "BLRGOV", "RUS", "031"),  # "… we will continue to coordinate … with Moscow"
        (6, "IGOWSTNAT", "BLR", "150"),  # NATO jets had flown close to the Belarusian border
        (8, "BLRGOV", "RUSGOV", "0232"),  # asked Putin for additional air defence systems
    }
    assert expected <= got, sorted(got)
    # not facts: the loan was not discussed, nobody asked, the press report "is a lie",
    # and the conditional deployment of Polish troops
    assert not {e for e in got if e[3].startswith(("02", "04")) and e[0] in (2, 3, 4)} - {
        (3, "BLRGOV", "WSTMED", "016")
    }
    assert not [e for e in got if e[0] == 9 and e[3].startswith("15")]
    # industrial cooperation was discussed, not carried out
    assert not [e for e in got if e[0] == 1 and e[3].startswith("06")]


def test_border_incident_with_military_aircraft(coded):
    got = table(coded, "baltic_bomber_intercept")
    expected = {
        (0, "POLMIL", "RUSMIL", "150"),  # Polish fighter jets intercepted two Russian bombers
        (4, "POL", "RUSGOV", "114"),  # Warsaw summoned the Russian ambassador
        (4, "POL", "RUS", "1123"),  # … and accused Russia of provocations
        (6, "RUSMIL", "UKR", "194"),  # Russian artillery shelled Ukrainian positions
        (6, "UKRMIL", "RUS", "194"),  # Ukrainian troops fired rockets at a Russian depot
    }
    assert expected <= got, sorted(got)
    assert {(5, "LTU"), (5, "LVA")} <= {(s, src) for s, src, t, c in got if c == "111"}
    # "did not enter Polish airspace" and the denied violation are not events
    assert not [e for e in got if e[0] in (1, 2) and e[3].startswith("19")]


def test_sanctions_accusation_and_aid(coded):
    got = table(coded, "eu_sanctions_belarus")
    expected = {
        (0, "IGOEUREEC", "BLRGOV", "163"),  # imposed new sanctions on Belarusian officials
        (0, "IGOEUREEC", "BLRBUS", "163"),  # … and companies
        (0, "IGOEUREEC", "BLR", "112"),  # accusing Minsk of orchestrating the crisis
        (2, "BLR", "IGOEUREEC", "111"),  # Belarus condemned the decision (the EU's, sentence 0)
        (2, "BLR", None, "130"),  # … and threatened to retaliate
        (5, "DEU", "POL", "0333"),  # Germany offered Poland and Lithuania humanitarian aid
        (5, "DEU", "LTU", "0333"),
        (6, "RUS", "BLR", "033"),  # Moscow was ready to help Minsk
    }
    assert expected <= got, sorted(got)
    # "He did not say whether Minsk would expel European diplomats": no expulsion
    assert not [e for e in got if e[3].startswith("16") and e[0] == 4]


def test_sample_records_point_back_into_their_text(coded):
    for c in coded.values():
        text = c.document.text
        for e in c.events:
            assert text[e.span[0] : e.span[1]] == e.evidence.trigger
            assert text[e.source.span[0] : e.source.span[1]] == e.source.text
            if e.date_text is None:
                assert e.date == DAY and e.date_precision == "day"
            else:
                assert e.date is not None and e.date <= DAY and e.date_text in e.sentence
