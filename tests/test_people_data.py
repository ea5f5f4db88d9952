"""Validity of the people files in the package: people.tsv (curated) and people_phoenix.tsv.

Self-contained: a tiny parser here, no whodid code and nothing outside the package.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "whodid" / "knowledge" / "data"
CURATED = DATA / "people.tsv"
PHOENIX = DATA / "people_phoenix.tsv"

ROLES = {
    "president",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "monarch",
    "supreme leader",
    "head of state",
    "head of government",
    "vice president",
    "foreign minister",
    "defence minister",
    "secretary-general",
}
CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Term:
    line: int
    name: str
    aliases: tuple[str, ...]
    code: str
    role: str
    start: str
    end: str


def parse_date(s: str, *, upper: bool) -> dt.date:
    """A YYYY[-MM[-DD]] date as the first (or, with upper, the last) day it can mean."""
    assert DATE.match(s), f"bad date {s!r}"
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        y, m = parts
        assert 1 <= m <= 12, f"bad month {s!r}"
        if not upper:
            return dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if upper else dt.date(parts[0], 1, 1)


def parse(path: Path) -> tuple[list[str], list[Term]]:
    header: list[str] = []
    terms: list[Term] = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            if not terms:
                header.append(raw)
            continue
        cols = raw.split("\t")
        assert len(cols) == 6, f"{path.name}:{no}: {len(cols)} columns, want 6"
        name, aliases, code, role, start, end = cols
        terms.append(
            Term(no, name, tuple(a for a in aliases.split("|") if a), code, role, start, end)
        )
    return header, terms


@pytest.fixture(scope="module")
def curated() -> list[Term]:
    return parse(CURATED)[1]


@pytest.fixture(scope="module")
def phoenix() -> list[Term]:
    return parse(PHOENIX)[1]


def check_rows(path: Path, terms: list[Term], roles: set[str]) -> None:
    assert terms, f"{path.name}: no entries"
    for t in terms:
        where = f"{path.name}:{t.line}"
        assert t.name and t.name == t.name.strip(), f"{where}: bad name {t.name!r}"
        assert all(a and a == a.strip() for a in t.aliases), f"{where}: empty or padded alias"
        assert CODE.match(t.code), f"{where}: bad code {t.code!r}"
        assert t.role in roles, f"{where}: bad role {t.role!r}"
        lo = parse_date(t.start, upper=False) if t.start else None
        hi = parse_date(t.end, upper=True) if t.end else None
        if lo and hi:
            assert lo <= hi, f"{where}: start {t.start} after end {t.end}"
        if t.role == "default":
            assert not t.start and not t.end, f"{where}: a default row has no dates"


def test_headers_have_version() -> None:
    for path in (CURATED, PHOENIX):
        header, _ = parse(path)
        assert header and header[0].strip() == "# version: 1", (
            f"{path.name}: first line must be '# version: 1'"
        )


def test_curated_rows_valid(curated: list[Term]) -> None:
    check_rows(CURATED, curated, ROLES | {""})
    for t in curated:
        assert t.start, f"people.tsv:{t.line}: curated terms need a start date"
        assert t.name not in t.aliases, f"people.tsv:{t.line}: alias repeats the name"
        assert len(set(t.aliases)) == len(t.aliases), f"people.tsv:{t.line}: repeated alias"
        assert t.code.endswith("GOV") or t.code.startswith("IGO"), f"people.tsv:{t.line}: {t.code}"


def test_curated_person_aliases_consistent(curated: list[Term]) -> None:
    """All lines of one person carry the same aliases (one person, several terms)."""
    seen: dict[str, tuple[str, ...]] = {}
    for t in curated:
        assert seen.setdefault(t.name, t.aliases) == t.aliases, (
            f"people.tsv:{t.line}: aliases of {t.name} differ from an earlier line"
        )


def test_phoenix_rows_valid(phoenix: list[Term]) -> None:
    check_rows(PHOENIX, phoenix, {"", "default"})
    assert len(phoenix) > 1000


# Names or aliases that two different people may share on purpose (none at present).
# Father and son presidents whose terms do not overlap: the article date decides.
SHARED_ALIAS_ALLOWED: set[str] = {"bush", "kabila"}


def test_no_alias_shared_by_two_people(curated: list[Term]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for t in curated:
        for text in (t.name, *t.aliases):
            owners[text.casefold()].add(t.name)
    shared = {k: v for k, v in owners.items() if len(v) > 1 and k not in SHARED_ALIAS_ALLOWED}
    assert not shared, f"aliases shared by different people: {shared}"


def holders(terms: list[Term], who: str, day: str) -> list[Term]:
    d = dt.date.fromisoformat(day)
    out = []
    for t in terms:
        if who != t.name and who not in t.aliases:
            continue
        lo = parse_date(t.start, upper=False) if t.start else dt.date.min
        hi = parse_date(t.end, upper=True) if t.end else dt.date.max
        if lo <= d <= hi:
            out.append(t)
    return out


@pytest.mark.parametrize(
    ("who", "day", "code", "role"),
    [
        ("Lukashenko", "2024-01-01", "BLRGOV", "president"),
        ("Vladimir Putin", "2010-01-01", "RUSGOV", "prime minister"),
        ("Putin", "2023-06-01", "RUSGOV", "president"),
        ("Dmitry Medvedev", "2010-01-01", "RUSGOV", "president"),
        ("Olaf Scholz", "2023-01-01", "DEUGOV", "chancellor"),
        ("Sergei Lavrov", "2020-01-01", "RUSGOV", "foreign minister"),
        ("Ali Khamenei", "2020-01-01", "IRNGOV", "supreme leader"),
        ("Guterres", "2020-01-01", "IGOUNO", "secretary-general"),
        ("Stoltenberg", "2020-01-01", "IGOWSTNAT", "secretary-general"),
        ("Ursula von der Leyen", "2022-01-01", "IGOEUREEC", "president"),
        ("Ursula von der Leyen", "2016-01-01", "DEUGOV", "defence minister"),
        ("Emmanuel Macron", "2019-03-01", "FRAGOV", "president"),
        ("Rishi Sunak", "2023-05-01", "GBRGOV", "prime minister"),
        ("Erdogan", "2012-01-01", "TURGOV", "prime minister"),
        ("Erdogan", "2020-01-01", "TURGOV", "president"),
        ("Xi Jinping", "2020-01-01", "CHNGOV", "president"),
        ("Xi", "2020-01-01", "CHNGOV", "president"),
        ("Narendra Modi", "2020-01-01", "INDGOV", "prime minister"),
        ("Zelensky", "2023-01-01", "UKRGOV", "president"),
        ("Netanyahu", "2024-01-01", "ISRGOV", "prime minister"),
        ("Mohammed bin Salman", "2020-01-01", "SAUGOV", "defence minister"),
        ("Joe Biden", "2015-01-01", "USAGOV", "vice president"),
        # beyond the G20, Europe and the Middle East: the states' heads since 2014
        ("Buhari", "2018-06-01", "NGAGOV", "president"),
        ("Imran Khan", "2020-06-01", "PAKGOV", "prime minister"),
        ("Tsai Ing-wen", "2020-06-01", "TWNGOV", "president"),
        ("Jeenbekov", "2019-06-01", "KGZGOV", "president"),
        ("Bukele", "2022-06-01", "SLVGOV", "president"),
        ("Jacinda Ardern", "2020-06-01", "NZLGOV", "prime minister"),
    ],
)
def test_in_office(curated: list[Term], who: str, day: str, code: str, role: str) -> None:
    found = [(t.code, t.role) for t in holders(curated, who, day)]
    assert (code, role) in found, f"{who} on {day}: found {found}"


@pytest.mark.parametrize(
    ("who", "day"),
    [
        ("Olaf Scholz", "2020-01-01"),
        ("Donald Trump", "2022-01-01"),
        ("Angela Merkel", "2022-06-01"),
    ],
)
def test_out_of_office(curated: list[Term], who: str, day: str) -> None:
    assert not holders(curated, who, day), f"{who} should hold no listed office on {day}"


def test_one_holder_per_office(curated: list[Term]) -> None:
    """Spot check: exactly one holder of an office (German chancellor, US president, …) on given days."""
    for code, role, day in [
        ("DEUGOV", "chancellor", "2018-01-01"),
        ("USAGOV", "president", "2019-01-01"),
        ("GBRGOV", "prime minister", "2021-01-01"),
        ("RUSGOV", "defence minister", "2020-01-01"),
        ("NGAGOV", "president", "2019-01-01"),
        ("AFGGOV", "president", "2018-01-01"),
        ("PERGOV", "president", "2019-01-01"),
        ("NPLGOV", "prime minister", "2019-01-01"),
        ("KENGOV", "president", "2017-01-01"),
    ]:
        d = dt.date.fromisoformat(day)
        names = {
            t.name
            for t in curated
            if t.code == code
            and t.role == role
            and parse_date(t.start, upper=False) <= d
            and (not t.end or d < parse_date(t.end, upper=False))
        }
        assert len(names) == 1, f"{code} {role} on {day}: {names}"


def test_phoenix_putin(phoenix: list[Term]) -> None:
    found = [(t.code, t.start, t.end) for t in holders(phoenix, "Vladimir Putin", "2010-01-01")]
    assert ("RUSGOV", "2008-05-08", "") in found
