"""Tests for whodid.dates: temporal expressions resolved against the article date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid.dates import (
    PRECISIONS,
    TimeExpression,
    find_time_expressions,
    load_time_words,
    within,
)
from whodid.knowledge.tables import LexiconError, data_path, file_version

THU = date(2024, 3, 14)  # a Thursday
NEW_YEAR = date(2024, 1, 2)  # a Tuesday, just after a year boundary
LEAP = date(2024, 3, 1)  # the day after 29 February
MONTH_END = date(2024, 3, 31)  # a Sunday


def found(text: str, anchor: date | None = THU) -> list[TimeExpression]:
    out = find_time_expressions(text, anchor)
    for t in out:
        assert text[t.start : t.end] == t.text
        assert t.precision in PRECISIONS
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))  # ordered, disjoint
    return out


def texts(text: str, anchor: date | None = THU) -> list[str]:
    return [t.text for t in found(text, anchor)]


def one(text: str, anchor: date | None = THU) -> TimeExpression:
    out = found(text, anchor)
    assert len(out) == 1, [t.text for t in out]
    return out[0]


def check(sentence: str, expected: str, iso: str | None, precision: str, anchor=THU) -> None:
    t = one(sentence, anchor)
    assert (t.text, t.date.isoformat() if t.date else None, t.precision) == (
        expected,
        iso,
        precision,
    ), sentence


# --------------------------------------------------------------------------- day words


@pytest.mark.parametrize(
    "sentence, expected, iso",
    [
        ("Troops crossed the border today.", "today", "2024-03-14"),
        ("The minister resigned yesterday.", "yesterday", "2024-03-13"),
        ("Talks resume tomorrow in Geneva.", "tomorrow", "2024-03-15"),
        ("He left the day before yesterday.", "the day before yesterday", "2024-03-12"),
        ("They vote the day after tomorrow.", "the day after tomorrow", "2024-03-16"),
        ("A curfew starts tonight.", "tonight", "2024-03-14"),
        ("Police raided the office this morning.", "this morning", "2024-03-14"),
        ("He spoke this afternoon.", "this afternoon", "2024-03-14"),
        ("Rockets hit the city last night.", "last night", "2024-03-13"),
        ("Rockets hit the city late last night.", "late last night", "2024-03-13"),
        ("Shelling resumed yesterday evening.", "yesterday evening", "2024-03-13"),
        ("Talks open tomorrow morning.", "tomorrow morning", "2024-03-15"),
        ("Officials said earlier today that ...", "earlier today", "2024-03-14"),
        ("The previous day, rebels had fled.", "The previous day", "2024-03-13"),
        ("Troops withdrew the next day.", "the next day", "2024-03-15"),
        ("Troops withdrew the following day.", "the following day", "2024-03-15"),
    ],
)
def test_day_words(sentence, expected, iso):
    check(sentence, expected, iso, "day")
    assert one(sentence).relative


def test_leap_day_yesterday():
    check("The ceasefire collapsed yesterday.", "yesterday", "2024-02-29", "day", anchor=LEAP)


def test_year_boundary_yesterday():
    check("The vote was held yesterday.", "yesterday", "2023-12-31", "day", date(2024, 1, 1))


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    "sentence, expected, iso",
    [
        # a bare weekday is the most recent such day on or before the article date
        ("Russia said on Monday that it would respond.", "Monday", "2024-03-11"),
        ("Russia said Monday it would respond.", "Monday", "2024-03-11"),
        ("The talks ended on Friday.", "Friday", "2024-03-08"),
        ("The talks ended on Thursday.", "Thursday", "2024-03-14"),  # the article's own day
        ("Monday's attack killed three.", "Monday", "2024-03-11"),
        # explicit direction
        ("The envoy arrived last Monday.", "last Monday", "2024-03-11"),
        ("The envoy arrived last Thursday.", "last Thursday", "2024-03-07"),
        ("Leaders meet next Friday.", "next Friday", "2024-03-15"),
        ("Leaders meet next Thursday.", "next Thursday", "2024-03-21"),
        ("Leaders meet this Saturday.", "this Saturday", "2024-03-16"),
        ("Leaders meet this coming Monday.", "this coming Monday", "2024-03-18"),
        ("Leaders met this past Sunday.", "this past Sunday", "2024-03-10"),
        ("Leaders met on Tuesday last week.", "Tuesday last week", "2024-03-05"),
        ("Leaders meet on Tuesday next week.", "Tuesday next week", "2024-03-19"),
        # times of day and modifiers are part of the expression
        ("Officials said earlier on Tuesday.", "earlier on Tuesday", "2024-03-12"),
        ("Gunmen attacked late on Friday.", "late on Friday", "2024-03-08"),
        ("Gunmen attacked early Monday.", "early Monday", "2024-03-11"),
        ("Gunmen attacked on Monday night.", "Monday night", "2024-03-11"),
        ("Gunmen attacked Monday morning.", "Monday morning", "2024-03-11"),
        ("Gunmen attacked late Wednesday evening.", "late Wednesday evening", "2024-03-13"),
    ],
)
def test_weekdays(sentence, expected, iso):
    check(sentence, expected, iso, "day")


def test_weekdays_across_a_year_boundary():
    check("He resigned on Friday.", "Friday", "2023-12-29", "day", NEW_YEAR)
    check("He resigned last Tuesday.", "last Tuesday", "2023-12-26", "day", NEW_YEAR)
    check("He resigned on Tuesday.", "Tuesday", "2024-01-02", "day", NEW_YEAR)


def test_weekday_before_a_date_belongs_to_the_date():
    check(
        "The vote on Monday, March 4, 2024 was close.", "Monday, March 4, 2024", "2024-03-04", "day"
    )
    check("The vote on Friday 8 March was close.", "Friday 8 March", "2024-03-08", "day")


# --------------------------------------------------------------------------- calendar dates


@pytest.mark.parametrize(
    "sentence, expected, iso, relative",
    [
        ("The treaty was signed on 2 March 2024.", "2 March 2024", "2024-03-02", False),
        ("The treaty was signed on March 2, 2024.", "March 2, 2024", "2024-03-02", False),
        ("The treaty was signed on 2nd of March 2024.", "2nd of March 2024", "2024-03-02", False),
        ("The treaty was signed on 2 March.", "2 March", "2024-03-02", True),
        ("The treaty was signed on March 2.", "March 2", "2024-03-02", True),
        ("The treaty was signed on March 2nd.", "March 2nd", "2024-03-02", True),
        ("The treaty was signed on the 2nd of March.", "the 2nd of March", "2024-03-02", True),
        ("The treaty was signed on the first of March.", "the first of March", "2024-03-01", True),
        (
            "It was signed on the twenty-first of March 2023.",
            "the twenty-first of March 2023",
            "2023-03-21",
            False,
        ),
        ("The treaty was signed on 2024-03-02 in Minsk.", "2024-03-02", "2024-03-02", False),
        ("Logged at 2024-03-02T10:00 by the mission.", "2024-03-02", "2024-03-02", False),
        ("The attack of Oct. 7 shocked Israel.", "Oct. 7", "2023-10-07", True),
        ("It happened on Jan. 5 in Kyiv.", "Jan. 5", "2024-01-05", True),
        ("It happened on 5 Sept 2001.", "5 Sept 2001", "2001-09-05", False),
        ("It happened on 5 Sep. 2001.", "5 Sep. 2001", "2001-09-05", False),
        ("The May 9 parade went ahead.", "May 9", "2023-05-09", True),
        ("It happened on 2 March last year.", "2 March last year", "2023-03-02", True),
        ("It happened on the morning of 2 March.", "the morning of 2 March", "2024-03-02", True),
    ],
)
def test_calendar_dates(sentence, expected, iso, relative):
    t = one(sentence)
    assert (t.text, t.date.isoformat(), t.precision, t.relative) == (expected, iso, "day", relative)


def test_day_and_month_without_year_is_the_nearest_past_occurrence():
    check("Elections were held on 20 March.", "20 March", "2023-03-20", "day")
    check("Elections were held on 30 December.", "30 December", "2023-12-30", "day", NEW_YEAR)
    check("It was signed on 29 February.", "29 February", "2024-02-29", "day", date(2025, 3, 1))


def test_day_of_the_current_month():
    check("On the 12th, officials met.", "the 12th", "2024-03-12", "day")
    check("Talks broke down on the 31st.", "the 31st", "2023-12-31", "day", NEW_YEAR)
    check("Talks broke down on the 30th.", "the 30th", "2024-01-30", "day", LEAP)
    assert texts("He lives on the 2nd floor.") == []
    assert texts("The 2nd Battalion came under fire.") == []


def test_invalid_dates_are_not_days():
    assert texts("on 2024-02-30 and 2024-13-01") == []
    assert [(t.text, t.precision) for t in found("It was set for 31 April.")] == [
        ("April", "month")
    ]


def test_slashed_numeric_dates_are_ambiguous_and_skipped():
    assert texts("The decree of 02/03/2024 took effect on 03/02/2024.") == []


# --------------------------------------------------------------------------- months and years


@pytest.mark.parametrize(
    "sentence, expected, iso, anchor",
    [
        ("Parliament met in March.", "March", "2024-03-01", THU),  # the current month
        ("Parliament met in February.", "February", "2024-02-01", THU),
        ("Parliament met in April.", "April", "2023-04-01", THU),  # after the anchor's month
        ("Parliament met in December.", "December", "2023-12-01", NEW_YEAR),
        ("Parliament met in early December.", "early December", "2023-12-01", NEW_YEAR),
        ("Fighting flared in mid-March.", "mid-March", "2024-03-01", THU),
        ("Fighting flared at the end of March.", "the end of March", "2024-03-01", THU),
        (
            "Fighting flared in the first week of March.",
            "the first week of March",
            "2024-03-01",
            THU,
        ),
        ("Fighting flared last March.", "last March", "2023-03-01", THU),
        ("Fighting flared last February.", "last February", "2024-02-01", THU),
        ("Elections are due next March.", "next March", "2025-03-01", THU),
        ("Elections are due in May next year.", "May next year", "2025-05-01", THU),
        ("Elections were held in March last year.", "March last year", "2023-03-01", THU),
        ("Elections were held in March of last year.", "March of last year", "2023-03-01", THU),
        ("Elections were held in May 2019.", "May 2019", "2019-05-01", THU),
        ("Elections were held in March of 2019.", "March of 2019", "2019-03-01", THU),
        ("Elections were held in Dec 2023.", "Dec 2023", "2023-12-01", THU),
    ],
)
def test_months(sentence, expected, iso, anchor):
    check(sentence, expected, iso, "month", anchor)


@pytest.mark.parametrize(
    "sentence, expected, iso, anchor",
    [
        ("Prices rose last month.", "last month", "2024-02-01", THU),
        ("Prices rose last month.", "last month", "2023-12-01", NEW_YEAR),
        ("Prices rose this month.", "this month", "2024-03-01", THU),
        ("Prices will rise next month.", "next month", "2024-04-01", THU),
        ("Prices rose earlier this month.", "earlier this month", "2024-03-01", THU),
        ("Prices will rise at the end of the month.", "the end of the month", "2024-03-01", THU),
    ],
)
def test_relative_months(sentence, expected, iso, anchor):
    check(sentence, expected, iso, "month", anchor)


@pytest.mark.parametrize(
    "sentence, expected, iso, relative",
    [
        ("Russia annexed Crimea in 2014.", "2014", "2014-01-01", False),
        ("The war has raged since 2014.", "2014", "2014-01-01", False),
        ("Emissions must fall by 2030.", "2030", "2030-01-01", False),
        ("The deal was struck in early 2015.", "early 2015", "2015-01-01", False),
        ("The deal was struck in mid-2016.", "mid-2016", "2016-01-01", False),
        ("The deal expired at the end of 2017.", "the end of 2017", "2017-01-01", False),
        (
            "The deal expired in the first half of 2024.",
            "the first half of 2024",
            "2024-01-01",
            False,
        ),
        ("The bug of the year 2000 was fixed.", "the year 2000", "2000-01-01", False),
        ("In 2014 troops crossed the border.", "2014", "2014-01-01", False),
        ("Growth slowed last year.", "last year", "2023-01-01", True),
        ("Growth slowed this year.", "this year", "2024-01-01", True),
        ("Growth will pick up next year.", "next year", "2025-01-01", True),
        ("Growth slowed late last year.", "late last year", "2023-01-01", True),
        (
            "Growth will pick up by the end of next year.",
            "the end of next year",
            "2025-01-01",
            True,
        ),
    ],
)
def test_years(sentence, expected, iso, relative):
    t = one(sentence)
    assert (t.text, t.date.isoformat(), t.precision, t.relative) == (
        expected,
        iso,
        "year",
        relative,
    )


def test_year_ranges_keep_both_years():
    assert texts("Fighting lasted from 2014 to 2016.") == ["2014", "2016"]
    assert texts("Fighting peaked between 2014 and 2015.") == ["2014", "2015"]
    assert texts("Fighting peaked between March and May.") == ["March", "May"]


def test_last_year_at_a_year_boundary():
    check("Growth slowed last year.", "last year", "2023-01-01", "year", NEW_YEAR)


# --------------------------------------------------------------------------- weeks and weekends


@pytest.mark.parametrize(
    "sentence, expected, iso, anchor",
    [
        ("Talks collapsed last week.", "last week", "2024-03-04", THU),
        ("Talks collapsed last week.", "last week", "2023-12-25", NEW_YEAR),  # across the year
        ("Talks resume this week.", "this week", "2024-03-11", THU),
        ("Talks resume next week.", "next week", "2024-03-18", THU),
        ("Talks resume early next week.", "early next week", "2024-03-18", THU),
        ("Talks collapsed earlier this week.", "earlier this week", "2024-03-11", THU),
        ("Talks collapsed late last week.", "late last week", "2024-03-04", THU),
        # a weekend is dated by its Saturday
        ("Protests spread at the weekend.", "the weekend", "2024-03-09", THU),
        ("Protests spread over the weekend.", "the weekend", "2024-03-30", MONTH_END),
        ("Protests are planned this weekend.", "this weekend", "2024-03-16", THU),
        ("Protests spread last weekend.", "last weekend", "2024-03-09", THU),
        ("Protests are planned next weekend.", "next weekend", "2024-03-23", THU),
        ("Protests spread at the weekend.", "the weekend", "2023-12-30", NEW_YEAR),
    ],
)
def test_weeks(sentence, expected, iso, anchor):
    check(sentence, expected, iso, "week", anchor)


def test_weeks_are_dated_by_their_monday():
    for t in found("last week, this week and next week"):
        assert t.date.weekday() == 0


# --------------------------------------------------------------------------- ago / from now


@pytest.mark.parametrize(
    "sentence, expected, iso, precision, anchor",
    [
        ("It began three days ago.", "three days ago", "2024-03-11", "day", THU),
        ("It began 3 days ago.", "3 days ago", "2024-03-11", "day", THU),
        ("It began a week ago.", "a week ago", "2024-03-07", "week", THU),
        ("It began two weeks ago.", "two weeks ago", "2024-02-29", "week", THU),
        ("It began a couple of weeks ago.", "a couple of weeks ago", "2024-02-29", "week", THU),
        ("It began a fortnight ago.", "a fortnight ago", "2024-02-29", "week", THU),
        ("It began a month ago.", "a month ago", "2024-02-14", "month", THU),
        # calendar-correct month arithmetic: the day is clamped to the month's last day
        ("It began a month ago.", "a month ago", "2024-02-29", "month", MONTH_END),
        ("It began a month ago.", "a month ago", "2023-02-28", "month", date(2023, 3, 31)),
        ("It began two months ago.", "two months ago", "2024-01-31", "month", MONTH_END),
        ("It began a year ago.", "a year ago", "2023-02-28", "year", date(2024, 2, 29)),
        ("It began 10 years ago.", "10 years ago", "2014-03-14", "year", THU),
        ("It began twenty-five years ago.", "twenty-five years ago", "1999-03-14", "year", THU),
        ("It began a decade ago.", "a decade ago", "2014-03-14", "year", THU),
        ("It ends three days from now.", "three days from now", "2024-03-17", "day", THU),
        ("It ends in two weeks' time.", "in two weeks' time", "2024-03-28", "week", THU),
        ("It ends in a week's time.", "in a week's time", "2024-03-21", "week", THU),
    ],
)
def test_ago_and_from_now(sentence, expected, iso, precision, anchor):
    check(sentence, expected, iso, precision, anchor)


def test_vague_and_narrative_expressions_are_skipped():
    text = (
        "A few days ago, several weeks ago and some years ago, rebels attacked; days later "
        "they withdrew, and recently they returned. Later, a year earlier, in two years."
    )
    assert texts(text) == []


# --------------------------------------------------------------------------- seasons


@pytest.mark.parametrize(
    "sentence, expected, iso, precision, anchor",
    [
        ("An offensive is expected this summer.", "this summer", "2024-06-01", "month", THU),
        ("The offensive failed last summer.", "last summer", "2023-06-01", "month", THU),
        ("The offensive failed last winter.", "last winter", "2023-12-01", "month", THU),
        ("The offensive failed last winter.", "last winter", "2022-12-01", "month", NEW_YEAR),
        ("The grid held this winter.", "this winter", "2023-12-01", "month", NEW_YEAR),
        ("The offensive stalled in the autumn.", "the autumn", "2023-09-01", "month", THU),
        ("Talks resumed in spring 2021.", "spring 2021", "2021-03-01", "month", THU),
        ("Talks resumed in the summer of 2022.", "the summer of 2022", "2022-06-01", "month", THU),
        ("Talks resumed in winter 2014.", "winter 2014", "2014-01-01", "year", THU),
    ],
)
def test_seasons(sentence, expected, iso, precision, anchor):
    check(sentence, expected, iso, precision, anchor)


def test_season_words_that_are_not_seasons():
    assert texts("The Arab Spring began in Tunisia.") == []
    assert texts("After the fall of Kabul, prices fall.") == []
    assert texts("A hot summer is forecast.") == []
    assert texts("The Winter Olympics open.") == []


# --------------------------------------------------------------------------- false positives


def test_may_the_name_and_the_modal_are_not_months():
    assert texts("Theresa May said the rebels may attack.") == []
    assert texts("Pressure on May to resign grew.") == []
    assert texts("May's government fell.") == []
    assert texts("In May, May called an election.") == ["May"]
    assert texts("The deadline is by May.") == ["May"]
    assert texts("Elections will be held on May 5.") == ["May 5"]


def test_march_the_verb_is_not_a_month():
    assert texts("Protesters march on parliament.") == []
    assert texts("March organisers said thousands would march.") == []
    assert texts("Thousands will March on Washington.") == []
    assert texts("The March 2 rally drew thousands.") == ["March 2"]


def test_abbreviations_need_a_date_context():
    assert texts("Jan Lipavsky met officials at Mar-a-Lago.") == []
    assert texts("The mission started Jan 2024.") == ["Jan 2024"]


def test_newspapers_and_named_days_are_not_dates():
    assert texts("The Sunday Times reported the deal.") == []
    assert texts("The Mail on Sunday reported the deal.") == []
    assert texts("The Sunday Telegraph reported the deal.") == []
    assert texts("The Good Friday Agreement ended the Troubles.") == []
    assert texts("Bloody Sunday is remembered.") == []
    assert texts("The Sunday Times said on Sunday that ...") == ["Sunday"]


def test_media_names_and_anniversaries_are_not_dates():
    assert texts("A USA Today poll and a USA TODAY analysis.") == []
    assert texts("Russia Today said so on Fox News Sunday.") == []
    assert texts("The Sept. 11 attacks changed the world.") == []
    assert texts("The Today programme reported it today.") == ["today"]


def test_and_or_to_introduce_a_month_or_year_only_after_another_date():
    assert texts("On Monday and May said so.") == ["Monday"]
    assert texts("He turned to May for help.") == []
    assert texts("between May 2019 and 2020") == ["May 2019", "2020"]


def test_four_digit_numbers_need_a_year_context():
    assert texts("2014 troops were deployed.") == []
    assert texts("The 2014 troops were deployed.") == []
    assert texts("A total of 1,000 soldiers and 1500 police.") == []
    assert texts("The strike began at 1800 GMT and ended by 2000 local time.") == []
    assert texts("Troops were deployed in 2014.") == ["2014"]


def test_month_and_weekday_names_must_be_capitalised():
    assert texts("they may march on sunday") == []
    assert texts("LAST WEEK, on MONDAY, in MARCH") == ["LAST WEEK", "MONDAY", "MARCH"]


# --------------------------------------------------------------------------- anchor and spans


def test_without_anchor_absolute_expressions_still_resolve():
    text = (
        "On 2 March 2024, in 2014, in May 2019, on 2024-03-05, on Monday, yesterday and in March."
    )
    got = [(t.text, t.date, t.relative) for t in found(text, None)]
    assert got == [
        ("2 March 2024", date(2024, 3, 2), False),
        ("2014", date(2014, 1, 1), False),
        ("May 2019", date(2019, 5, 1), False),
        ("2024-03-05", date(2024, 3, 5), False),
        ("Monday", None, True),
        ("yesterday", None, True),
        ("March", None, True),
    ]


def test_relative_expressions_resolve_only_with_an_anchor():
    text = "Yesterday, last week, two days ago, on the 3rd, next March and this summer."
    for t in found(text, THU):
        assert t.relative and t.date is not None
    for t in found(text, None):
        assert t.relative and t.date is None


def test_datetime_anchor_is_accepted():
    from datetime import datetime

    [t] = found("They met yesterday.", datetime(2024, 3, 14, 9, 30))
    assert t.date == date(2024, 3, 13) and type(t.date) is date


def test_extreme_anchors_do_not_crash():
    assert found("It happened yesterday.", date(1, 1, 1))[0].date is None
    assert found("It happens tomorrow.", date(9999, 12, 31))[0].date is None


def test_spans_exclude_prepositions_and_include_modifiers():
    text = "Forces withdrew on Monday, in March and at the weekend, and late on Friday."
    spans = [(t.start, t.end, t.text) for t in found(text)]
    assert [s[2] for s in spans] == ["Monday", "March", "the weekend", "late on Friday"]
    for start, end, words in spans:
        assert text[start:end] == words


def test_longest_expression_wins_and_none_overlap():
    assert texts("on Monday, 4 March 2024") == ["Monday, 4 March 2024"]
    assert texts("the day before yesterday") == ["the day before yesterday"]
    assert texts("Monday night last week") == ["Monday night last week"]
    assert texts("in the summer of 2022") == ["the summer of 2022"]


def test_expressions_across_one_line_break():
    text = "Leaders met on\nMonday and in\nMarch 2023."
    assert texts(text) == ["Monday", "March 2023"]


def test_non_ascii_text_keeps_offsets():
    # "İ" lowercases to two characters: offsets must still refer to the original text
    text = "İstanbul talks ended on Monday; İzmir voted on 2 March 2024."
    assert texts(text) == ["Monday", "2 March 2024"]


def test_within_selects_the_expressions_of_a_clause():
    text = "Russia struck Kyiv on Monday, and Ukraine replied last week."
    exprs = found(text)
    clause = text.index("and Ukraine")
    assert [t.text for t in within(exprs, clause, len(text))] == ["last week"]
    assert [t.text for t in within(exprs, 0, clause)] == ["Monday"]


def test_an_article():
    text = (
        "MINSK, March 14 (Reuters) - Belarusian President Alexander Lukashenko said on "
        "Thursday that Russian troops, first deployed in 2022, would stay until next year. "
        "Lukashenko met Putin in Sochi last week and again on 2 March, three days after the "
        'Sunday Times reported that 2000 troops had arrived. "We may march together," he '
        "told reporters late on Wednesday."
    )
    got = [(t.text, t.date.isoformat(), t.precision) for t in found(text)]
    assert got == [
        ("March 14", "2024-03-14", "day"),
        ("Thursday", "2024-03-14", "day"),
        ("2022", "2022-01-01", "year"),
        ("next year", "2025-01-01", "year"),
        ("last week", "2024-03-04", "week"),
        ("2 March", "2024-03-02", "day"),
        ("late on Wednesday", "2024-03-13", "day"),
    ]


# --------------------------------------------------------------------------- the data file


def test_bundled_time_words_load():
    tw = load_time_words()
    assert file_version(data_path("time_words.tsv")) == "1"
    assert set(tw.months.values()) == set(range(1, 13))
    assert set(tw.weekdays.values()) == set(range(7))
    assert {"may", "march"} <= tw.ambiguous_months
    assert tw.abbreviations <= tw.ambiguous_months
    assert tw.numbers["a couple of"] == 2
    assert tw.ordinals["twenty first"] == 21
    assert tw.days["the day before yesterday"] == -2
    assert "sunday" in tw.blocks


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "time_words.tsv"
    months = [f"month\t{m.lower()}\t{i}" for i, m in enumerate(MONTHS, 1)]
    days = [f"weekday\t{d}\t{i}" for i, d in enumerate(WEEKDAYS)]
    path.write_text("\n".join(["# version: 1", *months, *days, *lines]) + "\n", encoding="utf-8")
    return path


MONTHS = "January February March April May June July August September October November December"
MONTHS = MONTHS.split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
FIRST_EXTRA_LINE = 1 + 12 + 7 + 1


@pytest.mark.parametrize(
    "line, message",
    [
        ("month\tsept\t13", "out of range"),
        ("month\tSept\t9", "lowercase"),
        ("month\tsept\tnine", "not an integer"),
        ("month\tsept\t9\tshort", "unknown flag"),
        ("weekday\tmay\t4", "already a month"),
        ("season\tsummer\t7", "season starts"),
        ("fortnight\tfortnight\t14", "unknown kind"),
        ("number\ttwo\t2\t\textra", "fields"),
        ("block\tTimes Square", "exactly one"),
        ("block\tSunday Times\t1", "only a kind and a phrase"),
        ("daypart\tdusk\t1", "no value"),
        ("number\tten!\t10", "only letters"),
    ],
)
def test_bad_entries_name_file_and_line(tmp_path, line, message):
    path = write(tmp_path, [line])
    with pytest.raises(LexiconError) as info:
        load_time_words(path)
    assert info.value.line == FIRST_EXTRA_LINE
    assert f"time_words.tsv:{FIRST_EXTRA_LINE}: " in str(info.value)
    assert message in str(info.value)


def test_missing_month_is_reported(tmp_path):
    path = tmp_path / "time_words.tsv"
    path.write_text("# version: 1\nmonth\tjanuary\t1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no name for month 2"):
        load_time_words(path)


def test_a_minimal_file_loads(tmp_path):
    tw = load_time_words(write(tmp_path, ["block\tSunday Times"]))
    assert tw.blocks == {"sunday": (("Sunday Times", 0),)}


# --------------------------------------------------------------------------- speed


def test_a_long_text_yields_every_expression_in_it():
    # (its speed is measured by the benchmarks, not asserted here)
    sentence = (
        "Officials said on Monday that troops had withdrawn from the region in March 2023, "
        "while the government announced new measures against corruption and fraud. "
    )
    text = sentence * 3000  # ~0.5 MB
    out = find_time_expressions(text, THU)
    assert len(out) == 6000
    assert {e.text for e in out} == {"Monday", "March 2023"}, {e.text for e in out}


def test_trigger_search_finds_what_a_full_search_finds():
    """The search tries the grammar only before trigger words; trying it at every word start
    must give the same expressions (random texts made of the grammar's words)."""
    import random
    import re

    import whodid.dates as dates

    grammar = dates._grammar()
    tw = grammar.words

    def full_search(text: str) -> list[tuple[int, int, date | None, str]]:
        out, pos, prev = [], 0, (-1, "")
        for word in re.finditer(r"(?<!\w)\w", text):
            if word.start() < pos:
                continue
            m = grammar.regex.match(text, word.start())
            if not m:
                continue
            kind = dates._kind(m)
            try:
                start, d, precision, _ = dates._resolve(m, kind, text, THU, prev, tw)
            except dates._Reject:
                continue
            out.append((start, m.end(), d, precision))
            pos, prev = m.end(), (m.end(), kind)
        return out

    vocabulary = [
        *dates._LEAD_WORDS, *tw.numbers, *tw.ordinals, *tw.days, *tw.seasons, *tw.dayparts,
        *dates._UNIT_WORDS, *(w.title() for w in (*tw.months, *tw.weekdays)),
        "Jan.", "Sept.", "ago", "from now", "'s time", "2024", "2014", "3", "21st", "2nd",
        "2024-03-02", ",", "-", "said", "troops", "Putin", "Sunday Times", "USA Today", "\n",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(1500):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 25)))
        fast = [(t.start, t.end, t.date, t.precision) for t in find_time_expressions(text, THU)]
        assert fast == full_search(text), text
