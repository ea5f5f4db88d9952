"""Temporal expressions in English news, resolved against the article date.

    >>> from datetime import date
    >>> [(t.text, t.date.isoformat(), t.precision) for t in
    ...  find_time_expressions("Talks began on Monday and ended last week.", date(2024, 3, 14))]
    [('Monday', '2024-03-11', 'day'), ('last week', '2024-03-04', 'week')]

`find_time_expressions(text, anchor)` returns every temporal expression of `text`, left to
right and non-overlapping (the longest reading at a position wins), each with its character
span, the resolved `date`, its `precision` and whether it is `relative` (needs the anchor).
The coder attaches the expression of an event's clause to the event as `date`,
`date_precision` and `date_text`.

The words (month, weekday and season names, number and ordinal words, fixed day expressions
such as "the day before yesterday", phrases that look like dates but are not, such as
"Sunday Times") are in `knowledge/data/time_words.tsv`, read by `load_time_words`, which
reports a bad entry as `file:line: reason`. `within(expressions, start, end)` picks the
expressions of a clause.

Speed. No parser is run. The grammar is one compiled regular expression, tried only where an
expression can start: every expression contains a trigger word (a digit, a month, weekday or
season name, a unit such as "week", a day word such as "yesterday"), found by one fast scan
of the lowercased text, and whatever precedes its first trigger is a short run of lead words
("on", "the end of", "two", "the previous"); the grammar is matched at the starts of that run,
leftmost first. Several MB of news per second (`python -m whodid.dates` prints a benchmark).

Conventions
-----------
Spans. A time preposition before an expression ("on", "in", "since", "at", ...) is context,
not part of the span ("on Monday" → "Monday"), as in TimeML; modifiers are part of it
("last Monday", "early March", "the end of last year", "late on Friday"). The one exception
is "in two weeks' time", where "in" carries the meaning.

Date and precision. `precision` is "day", "week", "month" or "year"; truncating `date` to
`precision` gives the period meant. For named periods `date` is their first day: a week is
the ISO week and is dated by its Monday ("last week" on Thursday 2024-03-14 → 2024-03-04;
on Tuesday 2024-01-02 → 2023-12-25), a month by its 1st, a year by 1 January. Modifiers do
not change the date or the precision ("late last year" → the year). A weekend is dated by
its Saturday with week precision. "N <units> ago" is calendar arithmetic on the anchor with
the unit as precision: days and weeks are exact ("two weeks ago" on 2024-03-14 →
2024-02-29), months and years keep the day of the month and clamp it to the month's last
day ("a month ago" on 2024-03-31 → 2024-02-29; "a year ago" on 2024-02-29 → 2023-02-28);
a fortnight is 14 days (week precision), a decade 10 years (year precision).

Relative. `relative` is True when the anchor is needed: "yesterday", "last week", "Monday",
and also dates that lack their year ("2 March", "in March", "on the 2nd"). With no anchor
(`anchor=None`) relative expressions are still found but their `date` is None; absolute ones
("2 March 2024", "in 2014", "2024-03-02") always resolve.

Underspecified dates take the nearest past or current occurrence. News reports what has
happened; a future clause ("will meet on 20 March") is coded as an intent, whose date is the
article's. So:
* a bare weekday ("on Monday", "Monday night", "early Tuesday") is the most recent such day on
  or before the anchor — the anchor itself when it is that day;
* a month without a year ("in March", "early May") is the anchor's month if it is that month,
  else its most recent past occurrence ("in December" said in January → the previous
  December); a day and month without a year ("on 2 March", "March 20th") is the most recent
  such day on or before the anchor (29 February: the most recent leap year's);
* "on the 2nd" (only after on/by/since/until/from/before/after, and not before a noun, so not
  "on the 2nd floor") is the most recent 2nd of a month on or before the anchor;
* "the weekend" / "at the weekend" is the most recent Saturday on or before the anchor (on a
  Sunday: the day before).

Explicit direction:
* "last Monday" is the most recent Monday strictly before the anchor (a week ago on a Monday);
  "next Friday" the first Friday strictly after it; "this Monday" the Monday of the anchor's
  ISO week; "Monday last week" / "Tuesday next week" the day in the previous / next ISO week;
  "this coming" = "next", "this past" = "last";
* "last March" is the most recent March before the anchor's month, "next March" the first
  after it, "this March" / "March this year" the anchor year's, "March last year" the
  previous year's;
* "last/this/next week|month|year" and "last/this/next weekend" are the previous / current /
  next calendar period (weeks are ISO weeks, Monday to Sunday);
* "in two weeks' time", "three days from now" count forward like "ago" counts back.

Narrative expressions. "the previous day", "the next day", "the following day/morning" are
resolved against the anchor (±1 day); the coder has no other reference time. Expressions
that only make sense against the narrative ("days later", "a year earlier", "the same day",
"recently", "later") are not returned.

Vague quantities ("a few days ago", "several weeks ago", "some years ago") are not returned:
they would give a precise-looking date that is a guess. "a couple of" counts as two,
"a dozen" as twelve.

Seasons. Meteorological, northern hemisphere; a season is dated by its first month with
month precision (spring March, summer June, autumn/fall September, winter December): "this
summer" is the summer containing the anchor or else the one of the anchor's year, "last
summer" the most recent one that has ended, "next summer" the first to begin after the
anchor, "in the summer" the current or most recent one. With an explicit year, "summer 2014"
is June 2014; "winter 2014" straddles two years and has year precision. A season word needs a
context (a preposition, last/this/next, a modifier or a year), so "a spring", "prices fall" and
"the fall of Kabul" are not dates.

False positives avoided. Month and weekday names count only when capitalised ("may",
"march" never; "MARCH" does). "March" and "May" (and every abbreviation such as "Mar",
"Jan") are months only next to a day number or a year, after a modifier (last, next, this,
early, late, mid-, the end of, ...) or after a time preposition (in, since, until, till,
through, throughout, during, between, from); after "on", "by", "before", "after", "around"
only when a punctuation mark or the end of the text follows ("due by May." but not "pressure
on May to resign"), and after "and", "or", "to" only right after another month ("from March
to May"). So "Theresa May said", "protesters march", "March organisers" are not dates. A
four-digit year (1700-2099) alone needs a preposition (in, since, by, until, from, during,
before, after, between, around, as of, ...), a modifier ("early 2014", "mid-2014", "the end of
2014", "the year 2014") or "and", "or", "to" right after a year or a month ("between 2014
and 2016", "from May 2019 to 2020"); so "2014 troops" is not a date, nor is a clock time
("by 1800 GMT"). A weekday is not a date inside a `block` phrase of the data file
("Sunday Times", "Mail on Sunday", "Good Friday", "Bloody Sunday"; also "USA Today", "Russia
Today" for day words) or as "the <Weekday> <Capitalised word>" (a newspaper: "the Sunday
Telegraph"). Slashed numeric dates ("02/03/2024") are ambiguous between day-first and
month-first and are not returned; ISO dates ("2024-03-02") are. Holidays are not resolved
("Good Friday", "Christmas"). A date that does not exist ("31 April") is not a day; its month
may still be found ("April").

Known limits: a year after a preposition is taken even when it is a count ("rose in 2000
homes"; style guides write "2,000", which is not a year); a date used as the name of an
event other than those blocked ("the Oct. 7 attack") resolves to its latest occurrence; a
weekday used habitually ("every Monday") resolves like a bare weekday; cross-sentence
reference times ("the next day" after a dated sentence) are not followed.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whodid.knowledge.tables import LexiconError, Row, data_path, read_table

__all__ = [
    "PRECISIONS",
    "TimeExpression",
    "TimeWords",
    "find_time_expressions",
    "load_time_words",
    "within",
]

PRECISIONS = ("day", "week", "month", "year")

DATA_FILE = "time_words.tsv"


@dataclass(frozen=True)
class TimeExpression:
    start: int  # character offsets in the text passed in
    end: int
    text: str  # text[start:end]
    date: datetime.date | None  # resolved date (None if it cannot be resolved)
    precision: str  # "day" | "week" | "month" | "year"
    relative: bool  # True when resolving it needs the anchor ("yesterday", "in March")


# --------------------------------------------------------------------------- the data file

_KINDS = ("month", "weekday", "season", "number", "ordinal", "day", "daypart", "block")
_FLAGS = {"month": {"abbr", "ambiguous"}, "day": {"daypart"}}
_RANGES = {
    "month": (1, 12),
    "weekday": (0, 6),
    "season": (3, 12),
    "number": (0, 1000),
    "ordinal": (1, 31),
    "day": (-7, 7),
}
_NAME_KINDS = ("month", "weekday", "season")


@dataclass(frozen=True)
class TimeWords:
    """The contents of `time_words.tsv` (keys are lowercase, words separated by one space)."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]  # need a date context ("may", "march", abbreviations)
    abbreviations: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    days: dict[str, int]  # fixed day expressions → offset in days
    daypart_days: frozenset[str]  # day expressions that may take "morning", "night", ...
    dayparts: frozenset[str]
    blocks: dict[str, tuple[tuple[str, int], ...]]  # name word → (phrase, offset of the word)
    path: str


_HYPHENS_TO_SPACES = str.maketrans(dict.fromkeys("-\u2010\u2011\u2013", " "))


def _key(text: str) -> str:
    """Lookup key of a matched or listed word: lowercase, one space between words."""
    return " ".join(text.strip().lower().rstrip(".").translate(_HYPHENS_TO_SPACES).split())


def load_time_words(path: str | Path | None = None) -> TimeWords:
    """Read and validate a time-words file (default: the bundled `time_words.tsv`).

    A bad entry raises `LexiconError` naming the file and line.
    """
    path = Path(path) if path is not None else data_path(DATA_FILE)
    tables: dict[str, dict[str, int]] = {k: {} for k in _KINDS if k not in ("daypart", "block")}
    seen: dict[str, tuple[str, int]] = {}  # name word → (kind, line), across month/weekday/season
    ambiguous: set[str] = set()
    abbreviations: set[str] = set()
    daypart_days: set[str] = set()
    dayparts: set[str] = set()
    block_rows: list[Row] = []
    for row in read_table(path, 2, 4):
        kind, text, value, flags = row.fields
        if kind not in _KINDS:
            raise row.error(f"unknown kind {kind!r} (expected one of {', '.join(_KINDS)})")
        if kind == "block":
            if value or flags:
                raise row.error("a block line has only a kind and a phrase")
            block_rows.append(row)
            continue
        if text != text.lower():
            raise row.error(
                f"{text!r}: write time words in lowercase (case is handled by the matcher)"
            )
        if not re.fullmatch(r"[a-z]+(?:[ \-][a-z]+)*", text):
            raise row.error(f"{text!r}: only letters, single spaces and hyphens are allowed")
        key = _key(text)
        flag_set = set(flags.split(",")) - {""} if flags else set()
        bad = flag_set - _FLAGS.get(kind, set())
        if bad:
            raise row.error(f"unknown flag {sorted(bad)[0]!r} for kind {kind}")
        if kind == "daypart":
            if value:
                raise row.error("a daypart line has no value")
            dayparts.add(key)
            continue
        if not re.fullmatch(r"[+-]?\d+", value):
            raise row.error(f"value {value!r} is not an integer")
        number = int(value)
        lo, hi = _RANGES[kind]
        if not lo <= number <= hi:
            raise row.error(f"value {number} out of range {lo}..{hi} for kind {kind}")
        if kind == "season" and number not in (3, 6, 9, 12):
            raise row.error("a season starts in month 3, 6, 9 or 12")
        if kind in _NAME_KINDS:
            if key in seen:
                other_kind, other_line = seen[key]
                raise row.error(f"{text!r} is already a {other_kind} (line {other_line})")
            seen[key] = (kind, row.line)
        table = tables[kind]
        if key in table and table[key] != number:
            raise row.error(f"{text!r} is listed twice with different values")
        table[key] = number
        if "abbr" in flag_set:
            abbreviations.add(key)
        if "ambiguous" in flag_set or "abbr" in flag_set:
            ambiguous.add(key)
        if "daypart" in flag_set:
            daypart_days.add(key)

    missing = [
        f"{kind} {n}"
        for kind, expected in (("month", range(1, 13)), ("weekday", range(7)))
        for n in expected
        if n not in tables[kind].values()
    ]
    if missing:
        raise LexiconError(path, None, f"no name for {', '.join(missing)}")

    single_days = {w for w in tables["day"] if " " not in w}  # today, tomorrow, ...
    blocks: dict[str, list[tuple[str, int]]] = {}
    for row in block_rows:
        phrase = row.fields[1]
        words = [(m.group(), m.start()) for m in re.finditer(r"[A-Za-z]+", phrase)]
        names = [(w, at) for w, at in words if w.lower() in seen or w.lower() in single_days]
        if len(names) != 1:
            raise row.error(
                f"{phrase!r}: a block phrase must contain exactly one month, weekday or season "
                "name or one-word day expression"
            )
        word, at = names[0]
        blocks.setdefault(word.lower(), []).append((phrase, at))

    return TimeWords(
        months=tables["month"],
        ambiguous_months=frozenset(ambiguous),
        abbreviations=frozenset(abbreviations),
        weekdays=tables["weekday"],
        seasons=tables["season"],
        numbers=tables["number"],
        ordinals=tables["ordinal"],
        days=tables["day"],
        daypart_days=frozenset(daypart_days),
        dayparts=frozenset(dayparts),
        blocks={k: tuple(v) for k, v in blocks.items()},
        path=str(path),
    )


# --------------------------------------------------------------------------- the grammar

_BLANK = r"[ \t\r\u00a0\u2009\u202f]"
_S = rf"(?:{_BLANK}+\n?|\n){_BLANK}*"  # white space with at most one line break
_HYPHEN_OR_S = rf"(?:{_BLANK}*[-\u2010\u2011\u2013]{_BLANK}*|{_S})"

_DIGIT_DAY = r"(?<![\d/.,:])(?:[12]\d|3[01]|0?[1-9])"
_DAYNUM = rf"{_DIGIT_DAY}(?:st|nd|rd|th)?(?![\w%]|[.,:/]\d)"
_YEAR = (  # not a clock time ("by 1800 GMT")
    r"(?<![\d/.,:$£€])(?:1[7-9]\d\d|20\d\d)(?![\w%]|[.,:/]\d)"
    rf"(?!{_S}(?:GMT|UTC|[A-Z]ST|CET|CEST|EDT|PDT|MSK|hrs|hours|local{_S}time)\b)"
)
_ISO = r"(?<![\d/.\-])(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d\-])"

_PREPS = (
    "on|in|since|until|till|by|from|during|through|throughout|between|before|after|at|over"
    f"|around|as{_S}of|and|or|to"
)
_MONTH_PREPS = set("in since until till through throughout during between from".split())
_WEAK_PREPS = {"on", "by", "before", "after", "around", "as of"}
_CHAIN_PREPS = {"and", "or", "to"}
_YEAR_PREPS = _MONTH_PREPS | {"by", "before", "after", "around", "as of"}
_SEASON_PREPS = _MONTH_PREPS | {"over", "by", "before", "after"}
_NTH_PREPS = {"on", "by", "since", "until", "till", "from", "before", "after"}

_REL = rf"last|next|this(?:{_S}(?:past|coming))?"
# modifiers of months, years, seasons, weeks: keep the period, are part of the span
_MOD = (
    rf"(?:(?:early|earlier|late|later|mid|middle)(?:{_S}in)?(?:{_BLANK}*-{_BLANK}*|{_S})"
    rf"|(?:the{_S})?(?:end|beginning|start|middle|close|turn|(?:first|second){_S}half"
    rf"|(?:first|second|third|fourth|last|final){_S}(?:weeks?|days|fortnight|months|quarter))"
    rf"{_S}of{_S})"
)


def _words(words, *, boundary: bool = True, abbr: frozenset[str] = frozenset()) -> str:
    """An alternation of listed words (longest first), spaces and hyphens interchangeable."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        body = _HYPHEN_OR_S.join(re.escape(t) for t in w.split(" "))
        if boundary:
            body += r"\b"
        if w in abbr:
            body += r"\.?"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class _Grammar:
    words: TimeWords
    regex: re.Pattern[str]  # the grammar, tried with `match` at word starts
    trigger: re.Pattern[str]  # every expression contains one of these words (on lowercased text)
    trigger_i: re.Pattern[str]  # the same, case-insensitive (when lowercasing changes lengths)
    lead_rev: re.Pattern[str]  # a run of lead words before a trigger, on the reversed text
    lead_rev_i: re.Pattern[str]  # the same, case-insensitive


# Units and the other words that every expression without a name or digit contains.
_UNIT_WORDS = (
    "day days week weeks weekend fortnight fortnights month months year years decade decades"
).split()
# Words of the grammar that may precede the first trigger word of an expression
# (prepositions, modifiers, last/this/next, "the year"), besides number and ordinal words
# and the words of the day expressions ("the previous day").
_LEAD_WORDS = (
    "on in since until till by from during through throughout between before after at over "
    "around as of and or to early earlier late later mid middle end beginning start close turn "
    "first second third fourth last final half quarter the next this past coming year"
).split()
# At most this many lead words come before an expression's first trigger word
# ("throughout the second half of last year" has 6).
_MAX_LEAD = 12


def _build(tw: TimeWords) -> _Grammar:
    mon = _words(tw.months, abbr=tw.abbreviations)
    wd = _words(tw.weekdays)
    season = _words(tw.seasons)
    ordinal = _words(tw.ordinals)
    part = _words(tw.dayparts)
    tens = [w for w, v in tw.numbers.items() if " " not in w and v in range(20, 100, 10)]
    units = [
        w for w, v in tw.numbers.items() if " " not in w and 1 <= v <= 9 and w not in ("a", "an")
    ]
    numw = rf"(?:{_words(tens, boundary=False)}{_HYPHEN_OR_S}{_words(units)}|{_words(tw.numbers)})"
    day_plain = _words(set(tw.days) - tw.daypart_days)
    day_part = _words(tw.daypart_days)
    daymod = rf"(?:(?:early|earlier|late|later)(?:{_S}on)?{_S}|the{_S}{part}{_S}of{_S})"

    def ysuf(x: str) -> str:
        return rf"(?:,?{_S}(?:of{_S})?(?:(?P<{x}_y>{_YEAR})|(?P<{x}_yr>last|this|next){_S}year\b))"

    alternatives = [
        rf"(?P<iso>{_ISO})",
        # [Monday,] [the] 2[nd] [of] March [2024 | last year] ; the first of March
        rf"(?P<dmy>{daymod}?(?:(?P<dmy_wd>{wd}),?{_S})?(?:the{_S})?"
        rf"(?:(?P<dmy_d>{_DAYNUM})(?:{_S}of)?|(?P<dmy_o>{ordinal}){_S}of){_S}(?P<dmy_m>{mon}){ysuf('dmy')}?)",
        # [Monday,] March 2[nd][, 2024]
        rf"(?P<mdy>{daymod}?(?:(?P<mdy_wd>{wd}),?{_S})?(?P<mdy_m>{mon}){_S}(?P<mdy_d>{_DAYNUM})"
        rf"{ysuf('mdy')}?)",
        # [early|last|...] March [2024 | this year]
        rf"(?P<mon>(?P<mon_mod>{_MOD})?(?:(?P<mon_rel>{_REL}){_S})?(?P<mon_m>{mon}){ysuf('mon')}?)",
        # [early|the end of|the year] 2014
        rf"(?P<yr>(?P<yr_mod>{_MOD}|(?:the{_S})?year{_S})?(?P<yr_y>{_YEAR}))",
        # [last|this|next|the] summer [2014]
        rf"(?P<sea>(?P<sea_mod>{_MOD})?(?:(?P<sea_rel>{_REL}|the){_S})?(?P<sea_s>{season})"
        rf"(?:,?{_S}(?:of{_S})?(?P<sea_y>{_YEAR}))?)",
        # [early|late on] [last|next|this] Monday [night] [last week]
        rf"(?P<wdx>{daymod}?(?:(?P<wd_rel>{_REL}|(?:the{_S})?(?:past|coming)){_S})?(?P<wd_w>{wd})"
        rf"(?:{_S}(?P<wd_part>{part}))?(?:,?{_S}(?P<wd_wk>last|this|next){_S}week\b)?)",
        # [the|last|this|next] weekend
        rf"(?P<wkend>(?P<we_rel>{_REL}|the(?:{_S}(?:past|coming))?){_S}weekend\b)",
        # [earlier|the end of] last|this|next week|month|year
        rf"(?P<rel>(?P<rel_mod>{_MOD})?(?P<rel_r>last|this|next|the){_S}(?P<rel_u>week|month|year)\b)",
        # two weeks ago ; three days from now ; (in) a week's time
        rf"(?P<ago>(?P<ago_n>{numw}|(?<![\d.,])\d{{1,3}}){_S}"
        rf"(?P<ago_u>days?|weeks?|fortnights?|months?|years?|decades?)"
        rf"(?:{_S}(?P<ago_ago>ago)\b|{_S}(?P<ago_fn>from{_S}now)\b|(?P<ago_t>(?:['\u2019]s|s['\u2019])?{_S}time)\b))",
        # [late] yesterday [evening] ; today ; the day before yesterday
        rf"(?P<dw>{daymod}?(?:(?P<dw_p>{day_part})(?:{_S}(?P<dw_part>{part}))?|(?P<dw_w>{day_plain})))",
        # (on) the 2nd
        rf"(?P<nth>the{_S}(?P<nth_d>{_DIGIT_DAY}(?:st|nd|rd|th))(?!\w)"
        rf"(?!{_S}(?!(?:and|or|at|in|when|after|before|as|but)\b)[a-z]))",
    ]
    pattern = rf"\b(?:(?P<prep>{_PREPS}){_S})?(?:" + "|".join(alternatives) + ")"
    triggers = {*tw.months, *tw.weekdays, *tw.seasons, *tw.dayparts, *_UNIT_WORDS}
    triggers |= {phrase.split()[-1] for phrase in tw.days}
    trigger = rf"\b(?:\d\w*|{_words(triggers)})"
    lead = {w for p in (*_LEAD_WORDS, *tw.numbers, *tw.ordinals, *tw.days) for w in p.split()}
    reversed_lead = "|".join(re.escape(w[::-1]) for w in sorted(lead, key=lambda w: (-len(w), w)))
    lead_rev = rf"(?:[\s,\-\u2010\u2011\u2013]+(?:{reversed_lead})(?!\w)){{0,{_MAX_LEAD}}}"
    return _Grammar(
        tw,
        re.compile(pattern, re.IGNORECASE),
        re.compile(trigger),
        re.compile(trigger, re.IGNORECASE),
        re.compile(lead_rev),
        re.compile(lead_rev, re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _build(load_time_words())


# --------------------------------------------------------------------------- calendar helpers


def _monday(d: datetime.date) -> datetime.date:
    return d - datetime.timedelta(days=d.weekday())


def _add_days(d: datetime.date, n: int) -> datetime.date:
    return d + datetime.timedelta(days=n)


def _add_months(d: datetime.date, n: int) -> datetime.date:
    """`d` moved by `n` calendar months, the day clamped to the target month's last day."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return datetime.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _past_month_day(anchor: datetime.date, month: int, day: int) -> datetime.date | None:
    """The most recent `month`/`day` on or before `anchor` (Feb 29: the last leap year's)."""
    for year in range(anchor.year, anchor.year - 9, -1):
        try:
            d = datetime.date(year, month, day)
        except ValueError:
            continue
        if d <= anchor:
            return d
    return None


def _past_day_of_month(anchor: datetime.date, day: int) -> datetime.date | None:
    """The most recent `day`-th of a month on or before `anchor`."""
    first = anchor.replace(day=1)
    for back in range(0, 3):
        month = _add_months(first, -back)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            d = month.replace(day=day)
            if d <= anchor:
                return d
    return None


def _season(anchor: datetime.date, first_month: int, rel: str) -> datetime.date:
    """First day of the season starting in `first_month` selected by `rel` (see module doc)."""
    starts = [datetime.date(y, first_month, 1) for y in range(anchor.year - 2, anchor.year + 2)]
    spans = [(s, _add_months(s, 3)) for s in starts]
    if rel == "last":
        return max(s for s, e in spans if e <= anchor)
    if rel == "next":
        return min(s for s, e in spans if s > anchor)
    if rel == "this":
        containing = [s for s, e in spans if s <= anchor < e]
        return containing[0] if containing else datetime.date(anchor.year, first_month, 1)
    return max(s for s, e in spans if s <= anchor)  # current or most recent


def _direction(rel: str | None) -> str | None:
    """last / this / next / None from the relative words of a match."""
    if not rel:
        return None
    words = rel.lower().split()
    if words[-1] in ("last", "past"):
        return "last"
    if words[-1] in ("next", "coming"):
        return "next"
    if words[-1] == "this":
        return "this"
    return None  # "the"


_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


# --------------------------------------------------------------------------- matching


class _Reject(Exception):
    """The match is not a temporal expression (a guard failed)."""


_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)\]\"'\u201d\u2019\n]|\Z)")


def _clause_end_follows(text: str, end: int) -> bool:
    return _CLAUSE_END.match(text, end) is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _blocked(text: str, pos: int, word: str, tw: TimeWords) -> bool:
    for phrase, offset in tw.blocks.get(word.lower(), ()):
        begin = pos - offset
        if begin >= 0 and text.startswith(phrase, begin):
            return True
    return False


_THE_BEFORE = re.compile(r"\bthe[ \t]+$", re.IGNORECASE)
_CAPITALISED_NEXT = re.compile(r"[ \t]+([A-Z][a-z]+)")


def _name(m: re.Match[str], group: str, text: str, tw: TimeWords) -> str:
    """The month/weekday/season word of `group`, checked for case and block phrases."""
    word = m.group(group)
    if group != "sea_s" and not _capitalised(word):
        raise _Reject
    if _blocked(text, m.start(group), word.rstrip("."), tw):
        raise _Reject
    return word


def _number(word: str, tw: TimeWords) -> int:
    if word.isdigit():
        return int(word)
    key = _key(word)
    if key in tw.numbers:
        return tw.numbers[key]
    return sum(tw.numbers[w] for w in key.split())  # twenty-five


def _day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


# "and", "or", "to" introduce a month or a year only after one of these ("from March to May")
_CHAINS = {"mon": {"mon", "dmy", "mdy"}, "yr": {"yr", "mon", "dmy", "mdy", "iso"}}


def _kind(m: re.Match[str]) -> str:
    """Which alternative of the grammar matched."""
    if m.lastgroup in _ALTERNATIVES:
        return m.lastgroup  # type: ignore[return-value]
    return next(k for k in _ALTERNATIVES if m.group(k))


def _resolve(
    m: re.Match[str],
    kind: str,
    text: str,
    anchor: datetime.date | None,
    prev: tuple[int, str],
    tw: TimeWords,
) -> tuple[int, datetime.date | None, str, bool]:
    """(start, date, precision, relative) of a match of `kind`, or `_Reject`.

    `prev` is the end and kind of the expression found before (-1, "" if none).
    """
    g = m.group
    prep = _key(g("prep")) if g("prep") else None
    prev_end, prev_kind = prev
    chained = (
        prep in _CHAIN_PREPS
        and prev_kind in _CHAINS.get(kind, ())
        and re.fullmatch(r"[\s,]*", text[prev_end : m.start("prep")]) is not None
    )
    start = m.start(kind)

    def need_anchor(make):
        """(date, True) of a relative expression; no date without an anchor or off the calendar."""
        if anchor is None:
            return None, True
        try:
            return make(), True
        except (OverflowError, ValueError):  # before year 1 or after 9999
            return None, True

    if kind == "iso":
        try:
            d = datetime.date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        except ValueError:
            raise _Reject from None
        return start, d, "day", False

    if kind in ("dmy", "mdy"):
        for group in (f"{kind}_wd", f"{kind}_m"):
            if g(group):
                _name(m, group, text, tw)
        month = tw.months[_key(g(f"{kind}_m"))]
        if g(f"{kind}_d"):
            day = _day_number(g(f"{kind}_d"))
        else:
            day = tw.ordinals[_key(g("dmy_o"))]
        if day > calendar.monthrange(2024, month)[1]:  # 2024: a leap year allows 29 February
            raise _Reject
        if g(f"{kind}_y"):
            try:
                return start, datetime.date(int(g(f"{kind}_y")), month, day), "day", False
            except ValueError:
                raise _Reject from None
        if g(f"{kind}_yr"):
            shift = _YEAR_SHIFT[g(f"{kind}_yr").lower()]

            def shifted():
                try:
                    return datetime.date(anchor.year + shift, month, day)
                except ValueError:
                    return None

            d, rel = need_anchor(shifted)
            return start, d, "day", rel
        d, rel = need_anchor(lambda: _past_month_day(anchor, month, day))
        return start, d, "day", rel

    if kind == "mon":
        word = _name(m, "mon_m", text, tw)
        key = _key(word)
        month = tw.months[key]
        has_year = g("mon_y") or g("mon_yr")
        if key in tw.ambiguous_months and not (
            has_year
            or g("mon_mod")
            or g("mon_rel")
            or prep in _MONTH_PREPS
            or (prep in _WEAK_PREPS and _clause_end_follows(text, m.end()))
            or chained
        ):
            raise _Reject
        if g("mon_y"):
            return start, datetime.date(int(g("mon_y")), month, 1), "month", False
        if g("mon_yr"):
            shift = _YEAR_SHIFT[g("mon_yr").lower()]
            d, rel = need_anchor(lambda: datetime.date(anchor.year + shift, month, 1))
            return start, d, "month", rel
        direction = _direction(g("mon_rel"))

        def month_date():
            y = anchor.year
            if direction == "last":
                y = y if month < anchor.month else y - 1
            elif direction == "next":
                y = y if month > anchor.month else y + 1
            elif direction is None:
                y = y if month <= anchor.month else y - 1
            return datetime.date(y, month, 1)

        d, rel = need_anchor(month_date)
        return start, d, "month", rel

    if kind == "yr":
        if not (g("yr_mod") or prep in _YEAR_PREPS or chained):
            raise _Reject
        return start, datetime.date(int(g("yr_y")), 1, 1), "year", False

    if kind == "sea":
        _name(m, "sea_s", text, tw)
        first = tw.seasons[_key(g("sea_s"))]
        rel_word = g("sea_rel")
        if g("sea_y"):
            y = int(g("sea_y"))
            if first == 12:
                return start, datetime.date(y, 1, 1), "year", False
            return start, datetime.date(y, first, 1), "month", False
        if not (g("sea_mod") or (rel_word and rel_word.lower() != "the") or prep in _SEASON_PREPS):
            raise _Reject
        if re.match(rf"{_S}of\b", text[m.end() : m.end() + 8], re.IGNORECASE):
            raise _Reject  # the fall of Kabul, the spring of discontent
        direction = _direction(rel_word)
        d, rel = need_anchor(lambda: _season(anchor, first, direction or ""))
        return start, d, "month", rel

    if kind == "wdx":
        word = _name(m, "wd_w", text, tw)
        if (
            not g("wd_rel")
            and m.start("wd_w") == start
            and _THE_BEFORE.search(text, max(0, start - 8), start)
        ):
            nxt = _CAPITALISED_NEXT.match(text, m.end())
            if nxt and _key(nxt.group(1)) not in tw.months:
                raise _Reject  # the Sunday Telegraph
        w = tw.weekdays[_key(word)]
        direction = _direction(g("wd_rel"))
        week = g("wd_wk")

        def weekday_date():
            if week:
                return _add_days(_monday(anchor), 7 * _YEAR_SHIFT[week.lower()] + w)
            if direction == "last":
                return _add_days(anchor, -(((anchor.weekday() - w - 1) % 7) + 1))
            if direction == "next":
                return _add_days(anchor, ((w - anchor.weekday() - 1) % 7) + 1)
            if direction == "this":
                return _add_days(_monday(anchor), w)
            return _add_days(anchor, -((anchor.weekday() - w) % 7))

        d, rel = need_anchor(weekday_date)
        return start, d, "day", rel

    if kind == "wkend":
        rel_word = g("we_rel").lower()
        direction = _direction(rel_word)

        def weekend_date():
            if direction == "this":
                return _add_days(_monday(anchor), 5)
            if rel_word.endswith("coming"):
                return _add_days(anchor, ((5 - anchor.weekday() - 1) % 7) + 1)
            if rel_word in ("last", "this past"):
                return _add_days(_monday(anchor), -2)
            if direction == "next":
                return _add_days(_monday(anchor), 12)
            return _add_days(anchor, -((anchor.weekday() - 5) % 7))  # the (past) weekend

        d, rel = need_anchor(weekend_date)
        return start, d, "week", rel

    if kind == "rel":
        rel_word = g("rel_r").lower()
        if rel_word == "the" and not g("rel_mod"):
            raise _Reject
        shift = _YEAR_SHIFT.get(rel_word, 0)
        unit = g("rel_u").lower()

        def period_date():
            if unit == "week":
                return _add_days(_monday(anchor), 7 * shift)
            if unit == "month":
                return _add_months(anchor.replace(day=1), shift)
            return datetime.date(anchor.year + shift, 1, 1)

        d, rel = need_anchor(period_date)
        return start, d, unit, rel

    if kind == "ago":
        n = _number(g("ago_n"), tw)
        unit = g("ago_u").lower().rstrip("s")
        if g("ago_t"):
            if prep != "in":
                raise _Reject
            start = m.start("prep")
        sign = -1 if g("ago_ago") else 1

        def shifted_date():
            if unit == "day":
                return _add_days(anchor, sign * n)
            if unit in ("week", "fortnight"):
                return _add_days(anchor, sign * n * (7 if unit == "week" else 14))
            months = n * {"month": 1, "year": 12, "decade": 120}[unit]
            return _add_months(anchor, sign * months)

        precision = {"day": "day", "week": "week", "fortnight": "week", "month": "month"}.get(
            unit, "year"
        )
        d, rel = need_anchor(shifted_date)
        return start, d, precision, rel

    if kind == "dw":
        group = "dw_p" if g("dw_p") else "dw_w"
        if _blocked(text, m.start(group), g(group), tw):
            raise _Reject  # USA Today
        offset = tw.days[_key(g(group))]
        d, rel = need_anchor(lambda: _add_days(anchor, offset))
        return start, d, "day", rel

    if kind == "nth":
        if prep not in _NTH_PREPS:
            raise _Reject
        day = _day_number(g("nth_d"))
        d, rel = need_anchor(lambda: _past_day_of_month(anchor, day))
        return start, d, "day", rel

    raise _Reject  # pragma: no cover


_ALTERNATIVES = ("iso", "dmy", "mdy", "mon", "yr", "sea", "wdx", "wkend", "rel", "ago", "dw", "nth")


def find_time_expressions(text: str, anchor: datetime.date | None) -> list[TimeExpression]:
    """All temporal expressions in text, left to right, non-overlapping (longest wins).

    `anchor` is the article date; without it relative expressions get `date=None`.
    """
    if isinstance(anchor, datetime.datetime):
        anchor = anchor.date()
    grammar = _grammar()
    regex, tw = grammar.regex, grammar.words
    # Every expression contains a trigger word (a digit, a name, a unit, ...), and what comes
    # before its first one is a run of lead words ("on", "the end of", "two", ...). The grammar
    # is tried only at the word starts of that run, leftmost first, and at the trigger: this
    # finds what a search of the whole text would, at a fraction of the cost.
    lowered = text.lower()
    if len(lowered) == len(text):
        triggers = grammar.trigger.finditer(lowered)
        backwards, lead_rev = lowered[::-1], grammar.lead_rev
    else:  # lowercasing changed offsets ("İ")
        triggers = grammar.trigger_i.finditer(text)
        backwards, lead_rev = text[::-1], grammar.lead_rev_i
    n = len(text)
    out: list[TimeExpression] = []
    pos, prev = 0, (-1, "")  # no expression starts before `pos`; end and kind of the last one
    for trigger in triggers:
        at = trigger.start()
        if at < pos:
            continue
        run_start = n - lead_rev.match(backwards, n - at).end()
        starts = [w.start() for w in _WORD_START.finditer(text, max(pos, run_start), at)]
        starts.append(at)
        for begin in starts:
            m = regex.match(text, begin)
            if m is None:
                continue
            kind = _kind(m)
            try:
                start, d, precision, relative = _resolve(m, kind, text, anchor, prev, tw)
            except _Reject:
                continue
            end = m.end()
            out.append(TimeExpression(start, end, text[start:end], d, precision, relative))
            pos, prev = end, (end, kind)
            break
        else:
            pos = at + 1
    return out


_WORD_START = re.compile(r"(?<!\w)\w")


def within(expressions: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    """The expressions lying inside the span [start, end) (e.g. an event's clause)."""
    return [t for t in expressions if start <= t.start and t.end <= end]


# --------------------------------------------------------------------------- benchmark

if __name__ == "__main__":
    import random
    import time

    random.seed(1)
    sentences = [
        "Russian troops shelled the town on Monday, officials said.",
        "The ministers met in Brussels on 2 March 2024 and again last week.",
        "Theresa May said protesters may march to parliament.",
        "The Sunday Times reported that 2014 troops were deployed in 2014.",
        "Three days ago the president visited Minsk; talks resume next Friday.",
        "In March, the parliament approved the budget for the coming year.",
        "The government announced new sanctions against the regime, citing abuses.",
        "Police detained dozens of demonstrators in the capital late on Tuesday night.",
        "The agreement, signed in early 2019, expired at the end of last year.",
        "Officials from both countries held talks about trade and security cooperation.",
        # sentences without a temporal expression, as most of a news article is
        "The foreign ministry summoned the ambassador over the border incident.",
        "Rebels said they had captured 12 villages and 300 soldiers near the river.",
        "The European Union and NATO urged restraint and called for a negotiated settlement.",
        "Opposition leaders accused the president of rigging the vote and jailing critics.",
        "Aid agencies warned that 1.2 million people faced hunger in the northern provinces.",
        "A spokesman for the ministry declined to comment on the report by The Guardian.",
        "The United Nations Security Council will discuss the resolution drafted by France.",
        "Analysts said the sanctions would hit the economy, which depends on gas exports.",
    ]
    corpus = " ".join(random.choice(sentences) for _ in range(40_000))
    anchor = datetime.date(2024, 3, 14)
    find_time_expressions("warm up on Monday", anchor)
    t0 = time.perf_counter()
    found = find_time_expressions(corpus, anchor)
    seconds = time.perf_counter() - t0
    mb = len(corpus.encode("utf-8")) / 1e6
    print(f"{mb:.1f} MB, {len(found)} expressions in {seconds:.2f} s: {mb / seconds:.2f} MB/s")
