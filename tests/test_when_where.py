"""Event dates from the clause's time expression and event places, on sentences written for
these tests (the finder and the geocoder have their own tests)."""

from __future__ import annotations

from datetime import date

DAY = "2024-03-14"  # a Thursday


def one(coder, text: str, cameo_prefix: str, day: str = DAY):
    evs = [e for e in coder.code_text(text, day) if e.cameo.startswith(cameo_prefix)]
    assert evs, [(e.cameo, e.evidence.trigger) for e in coder.code_text(text, day)]
    return evs[0]


def test_an_event_takes_the_date_of_its_clause(coder):
    e = one(coder, "Russian artillery shelled Kharkiv yesterday.", "19")
    assert e.date == date(2024, 3, 13) and e.date_precision == "day" and e.date_text == "yesterday"
    e = one(coder, "Lukashenko met Putin in Sochi on Friday.", "04")
    assert e.date == date(2024, 3, 8) and e.date_text == "Friday"
    e = one(coder, "Russia annexed Crimea and occupied Ukrainian territory in 2014.", "19")
    assert e.date == date(2014, 1, 1) and e.date_precision == "year"


def test_without_a_time_expression_the_article_date(coder):
    e = one(coder, "Poland accused Belarus of provocations.", "112")
    assert e.date == date(2024, 3, 14) and e.date_precision == "day" and e.date_text is None


def test_a_time_in_another_clause_is_not_the_events(coder):
    # "on Monday" dates the statement, not the attack a couple of weeks earlier
    text = "Poland said on Monday that Belarusian troops had attacked its border guards two weeks ago."
    e = one(coder, text, "19")
    assert e.date_text == "two weeks ago" and e.date == date(2024, 2, 29)


def test_places_are_geocoded_with_the_articles_countries(coder):
    e = one(coder, "Belarusian troops held exercises near Brest on Monday.", "15")
    assert e.location["name"] == "Brest" and e.location["country"] == "BLR"
    assert abs(e.location["lat"] - 52.1) < 0.2 and abs(e.location["lon"] - 23.7) < 0.2
    e = one(coder, "French police detained two activists in Brest.", "17")
    assert e.location["country"] == "FRA"


def test_actors_are_not_places(coder):
    # "Moscow" acts (an actor); "in Minsk" is where
    e = one(coder, "Moscow accused Kyiv of sabotage in Minsk.", "112")
    assert e.source.code == "RUS" and e.location["name"] == "Minsk"
    e = one(coder, "Moscow accused Kyiv of sabotage.", "112")
    assert e.location is None


def test_a_place_named_with_its_unit_word_is_found(coder):
    got = {(e.source.code, e.target.code if e.target else None) for e in coder.code_text(
        "Gunmen stormed a police station in Garissa county on Sunday.", "2015-04-02")}
    assert ("KENUAF", "KENCOP") in got, got


def test_a_compass_word_alone_is_no_town(coder):
    events = coder.code_text("South Korea's army held a drill simulating an attack on the North's test site.", "2017-09-04")
    assert not any(e.target is not None and e.target.code == "USA" for e in events), events
    assert all(e.location is None or e.location["country"] != "USA" for e in events)
