"""Import dated person entries from the Phoenix (PETRARCH-2) actor dictionaries.

Writes src/whodid/knowledge/data/people_phoenix.tsv in the people.tsv format
(name, aliases, code, role, start, end; see src/whodid/knowledge/data/README.md).

Run when the reference dictionaries change:
    python tools/import_phoenix_people.py [../shared/reference/petrarch2] [--out PATH]

The directory defaults to ../shared/reference/petrarch2 relative to the repository root.
Reads Phoenix.Countries.actors.txt and the dated person entries of
Phoenix.International.actors.txt. The dictionaries are MIT-licensed (Open Event Data
Alliance, distributed with PETRARCH-2); see NOTICE.

What is imported:
* An entry is a root line (not starting with `+`) with its `+` synonyms and the code
  lines (`[CODE dates]`) that follow it, or on the same line. Root lines without codes
  that directly follow another code-less root line are merged into it as synonyms (the
  dictionaries list a few people that way).
* Places are skipped: any entry with a bare 3-letter country code (`[RUS]`, `[ARM >911221]`).
* People are the entries with at least one dated code line, or an `ELI` code. Entries
  whose codes are all undated sector codes are nearly all institutions, territories or
  groups (`KREMLIN_ [RUSGOV]`, `GUAM_ [USAGUM]`) and are skipped; so are entries whose
  name contains an institution word (MINISTRY, PARTY, ARMY, ...).
* Dates are YYMMDD (00-30 -> 20xx, else 19xx) or YYYYMMDD; `>D` is from D on, `<D` until D,
  `A-B` from A to B. A bare code is the default outside the dated ranges: emitted with empty
  start and end and role `default`. Other rows have an empty role (Phoenix has no titles).
* A malformed code line (bad code, impossible date, start after end, a date that is not one of
  the forms above) is dropped and counted; an entry left with no valid code line is skipped.
* Names: underscores become spaces, title case with particles (al-, bin, de, von...) lower
  case. Aliases that carry a title ("PRESIDENT_PUTIN", "RUSSIAN_PRIME_MINISTER_...") are
  dropped; a one-word alias (a surname) is kept only if it has at least 4 letters and is
  not a common English word or a very common name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT / ".." / "shared" / "reference" / "petrarch2"
DEFAULT_OUT = ROOT / "src" / "whodid" / "knowledge" / "data" / "people_phoenix.tsv"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")

CODE_RE = re.compile(r"\[([^\]]*)\]")
VALID_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
# the 3-letter codes that are not countries
NON_COUNTRY3 = {"IGO", "NGO", "ELI", "MNC", "UNO", "NAT"}
# Phoenix country codes that are not ISO 3166 alpha-3, as whodid writes them
# Phoenix codes of states that no longer exist, as their successors (the codes whodid gives
# those states' names; see countries.tsv `former` lines): East Germany, the Soviet Union,
# Yugoslavia, Serbia and Montenegro, Czechoslovakia; Republika Srpska is Bosnia's.
ISO_COUNTRY = {"TMP": "TLS", "DDR": "DEU", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "CSK": "CZE", "SRP": "BIH"}

# Words that mark an alias as "title + name" (or a description rather than a name).
TITLE_WORDS = set(
    """
president presidents vice vice-president prime minister ministers premier chancellor
secretary secretary-general secretary_general general gen. gen king queen prince
princess emir amir sultan crown former ex ex-president ex-prime ex-soviet leader leaders
chairman chairwoman chair chief head mr mr. mrs mrs. ms ms. dr dr. colonel col.
lieutenant lt. marshal field admiral major maj. captain capt. commander representative
rep. congressman congresswoman senator sen. governor gov. ambassador envoy mayor
spokesman spokeswoman foreign defence defense interior finance deputy acting interim
party communist soviet russian american u.s. us u.s un u.n. british french german
chinese iranian iraqi israeli syrian egyptian turkish afghan pakistani indian the of
administration government regime officials official late attorney justice judge director
pope cardinal archbishop bishop rev. reverend father imam mullah militant rebel
commander-in-chief premiership presidency then and kanzler kanzlerin bundeskanzler
bundeskanzlerin govenor president-elect
""".split()
)

# Title words that mark "title + name" wherever they stand before the last word
# ("MOSCOW_PARTY_CHIEF_BORIS_YELTSIN"); other TITLE_WORDS count only as the first word,
# so "Julie Bishop" stays a name.
STRONG_TITLES = set(
    """
president vice-president minister premier chancellor secretary secretary-general
chairman chairwoman chief leader spokesman ambassador governor senator congressman
commander of then and
""".split()
)

# Words that mark an entry as an institution or group rather than a person.
INSTITUTION_WORDS = set(
    """
ministry department army forces force party council committee assembly agency
administration office bureau service services court university islands island street
palace movement alliance brigade brigades front government kremlin commission congress
senate parliament institute foundation center centre bank corporation group guard guards
police navy directorate organization organisation union league association federation
republic kingdom state states regime cabinet junta politburo presidium team cell
authority command battalion tank think regiment division militia coalition network
jaish jaysh jaish-al jabhat kataeb katibat liwa harakat hizb
""".split()
)

# The ~300 most common English words, month and day names, and names too common to be
# distinctive on their own: a one-word alias in this list is dropped.
STOP_WORDS = set(
    """
the be to of and a in that have i it for not on with he as you do at this but his by from
they we say her she or an will my one all would there their what so up out if about who get
which go me when make can like time no just him know take people into year your good some
could them see other than then now look only come its over think also back after use two how
our work first well way even new want because any these give day most us is are was were been
has had did said made find long down here thing many right still great little world own
public hand part place case week company system program question government number night point
home water room mother area money story fact month lot study book eye job word business issue
side kind head house service friend father power hour game line end member law car city
community name president team minute idea kid body information school face others level
office door health person art war history party result change morning reason research girl
guy moment air teacher force education foot boy age policy everything process music market
sense nation plan college interest death experience effect class control care field
development role effort rate heart drug show leader light voice wife police mind price
report decision son view relationship town road arm difference value building action model
season society tax director position player record paper space ground form event official
matter center couple site project activity star table need court american oil situation cost
industry figure street image phone data picture practice piece land product doctor wall
patient worker news test movie north love support technology step baby computer type
attention film tree source organization hair window evidence population truth
economy hospital church risk fire future defense security bank west sport board subject
officer private rest behavior deal performance fight throw top quickly past goal second bed
order author fill represent focus foreign drop blood upon agency push nature color store
sound note fine near movement page enter share than common poor natural race concern series
significant similar hot language usually response dead rise animal factor decade article
east south west north black white red green blue brown gray grey young king queen prince
lord bishop pope saint bush rice gates hill wood stone rose king mark grant frank price
park rock bird fish pool hunter miller baker cook fisher carter mason porter taylor walker
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter
khan singh hussein husain mohammed mohammad muhammad mohamed ahmed ahmad abdullah abdallah
hassan hasan hussain ibrahim ismail mahmoud mahmud omar umar yusuf youssef salem saleh
smith jones johnson williams davis wilson thomas moore martin jackson thompson white harris
clark lewis robinson young allen wright scott green adams nelson hall campbell mitchell
roberts phillips evans turner parker collins edwards stewart morris murphy rogers cooper
peterson reed bailey bell kelly howard ward cox richardson wood watson brooks james
david john paul peter george michael joseph charles robert william richard henry edward
jean pierre jose juan carlos luis maria ivan sergei alexander nikolai vladimir
""".split()
)

PARTICLES = set(
    "al el ad as ash at az an ar bin bint ibn ben de da di do dos das del della der den du des "
    "la le van von y ul ud e ter zu af".split()
)
# "ben" is lower case only in "bin/ben" patronymics; Tunisian "Ben Ali" keeps it capitalised.
HYPHEN_PARTICLES = {"al", "el", "ad", "as", "ash", "at", "az", "an", "ar", "ul", "ud"}
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
TOKEN_OK = re.compile(r"^(?:(?:[A-Za-z]\.)+|'?[A-Za-z][A-Za-z']*(?:-[A-Za-z][A-Za-z']*)*\.?)$")


def name_ok(name: str) -> bool:
    toks = tokens(name)
    return (
        bool(toks)
        and all(TOKEN_OK.match(t) for t in toks)
        and not any(t.lower() in ("of", "then", "and", "in") for t in toks)
    )


@dataclass
class Entry:
    file: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


@dataclass
class Stats:
    entries: int = 0
    places: int = 0
    institutions: int = 0
    undated: int = 0
    no_codes: int = 0
    bad_name: int = 0
    malformed_lines: int = 0
    malformed_entries: int = 0
    people: int = 0
    duplicates: int = 0
    rows: int = 0
    malformed_examples: list[str] = field(default_factory=list)


def parse_file(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    cur: Entry | None = None
    prev = "blank"
    for lineno, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        stripped = raw.strip()
        if not stripped:
            prev = "blank"
            continue
        if stripped.startswith("#"):
            prev = "comment"
            continue
        body = stripped.split("#", 1)[0]
        codes = CODE_RE.findall(body)
        text = CODE_RE.sub("", body).strip()
        if raw[0] in " \t[":
            if cur is not None:
                cur.codes += codes
            prev = "code"
            continue
        if stripped.startswith("+"):
            if cur is not None:
                cur.names.append(text[1:].strip())
                cur.codes += codes
            prev = "syn"
            continue
        if cur is not None and not cur.codes and not codes and prev in ("root", "syn"):
            cur.names.append(text)  # code-less root followed by another root: same entry
            prev = "root"
            continue
        cur = Entry(path.name, lineno, [text], list(codes))
        entries.append(cur)
        prev = "root"
    return entries


def parse_date(s: str) -> dt.date | None:
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        md = s[2:]
    elif len(s) == 8:
        year, md = int(s[:4]), s[4:]
    else:
        return None
    try:
        return dt.date(year, int(md[:2]), int(md[2:]))
    except ValueError:
        return None


def parse_code(raw: str) -> tuple[str, str, str] | None | str:
    """Return (code, start, end), "" for a null code (`---`), or None when malformed."""
    s = raw.strip()
    if s == "---":
        return ""
    m = re.fullmatch(r"([A-Za-z0-9]+)\s*(.*)", s)
    if not m or not VALID_CODE.match(m.group(1)):
        return None
    code, rest = m.group(1), m.group(2).replace(" ", "")
    if not rest:
        return code, "", ""
    if rest[0] in "<>":
        d = parse_date(rest[1:]) if rest[1:].isdigit() else None
        if d is None:
            return None
        return (code, d.isoformat(), "") if rest[0] == ">" else (code, "", d.isoformat())
    m2 = re.fullmatch(r"(\d+)-(\d+)", rest)
    if not m2:
        return None
    a, b = parse_date(m2.group(1)), parse_date(m2.group(2))
    if a is None or b is None or a > b:
        return None
    return code, a.isoformat(), b.isoformat()


def tokens(name: str) -> list[str]:
    return [t for t in name.replace("_", " ").split() if t]


def _is_title(t: str) -> bool:
    if t in TITLE_WORDS:
        return True
    t = t.strip(".,")
    return t in TITLE_WORDS or ("-" in t and any(p in TITLE_WORDS for p in t.split("-")))


def has_title(name: str) -> bool:
    """True for "title + name" forms: a title word first, or a strong title word before the last token."""
    toks = tokens(name.lower())
    if not toks:
        return False
    if _is_title(toks[0]):
        return True
    return any(t.strip(".,") in STRONG_TITLES for t in toks[:-1])


def is_institution(name: str) -> bool:
    return any(t.strip(".,") in INSTITUTION_WORDS for t in tokens(name.lower()))


def cap_part(p: str) -> str:
    if not p:
        return p
    if p[0] == "'":
        return "'" + cap_part(p[1:])
    if re.fullmatch(r"[OD]'[A-Za-z].*", p, re.I):
        return p[0].upper() + "'" + p[2].upper() + p[3:].lower()
    if p.lower().startswith("mc") and len(p) > 3:
        return "Mc" + p[2].upper() + p[3:].lower()
    return p[0].upper() + p[1:].lower()


def title_case(name: str) -> str:
    out = []
    toks = tokens(name)
    for i, t in enumerate(toks):
        low = t.lower()
        if ROMAN.match(t) and i > 0:
            out.append(t)
        elif re.fullmatch(r"[A-Za-z]\.", t) or re.fullmatch(r"(?:[A-Za-z]\.)+", t):
            out.append(t.upper())
        elif i > 0 and low in PARTICLES - {"ben", "e", "do", "an", "as", "at"}:
            out.append(low)
        elif "-" in t:
            parts = t.split("-")
            res = []
            for j, p in enumerate(parts):
                if p.lower() in HYPHEN_PARTICLES and j < len(parts) - 1 and (i > 0 or j > 0):
                    res.append(p.lower())
                else:
                    res.append(cap_part(p))
            out.append("-".join(res))
        else:
            out.append(cap_part(t))
    return " ".join(out)


def clean(name: str) -> str:
    return " ".join(tokens(name.strip().rstrip("_")))


def good_single(tok: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", tok)
    return len(letters) >= 4 and tok.lower() not in STOP_WORDS and "." not in tok


def people_rows(entry: Entry, stats: Stats) -> list[list[str]]:
    names = [clean(n) for n in entry.names]
    names = [n for n in names if name_ok(n)]
    if not names:
        stats.bad_name += 1
        return []
    # display name: the first multi-word name without a title; else the root minus titles
    display = next((n for n in names if not has_title(n) and len(tokens(n)) > 1), None)
    if display is None:
        display = next((n for n in names if not has_title(n)), None)
    if display is None:
        kept = [t for t in tokens(names[0]) if t.lower() not in TITLE_WORDS]
        display = " ".join(kept)
    if not display or (len(tokens(display)) == 1 and not good_single(display)):
        stats.bad_name += 1  # no name, or a lone common name ("John", "Abdullah")
        return []
    aliases: list[str] = []
    seen = {display.lower()}
    for n in names:
        if n.lower() in seen or has_title(n) or is_institution(n):
            continue
        if len(tokens(n)) == 1 and not good_single(n):
            continue
        seen.add(n.lower())
        aliases.append(title_case(n))
    rows: list[list[str]] = []
    for raw in entry.codes:
        parsed = parse_code(raw)
        if parsed == "":
            continue
        if parsed is None:
            stats.malformed_lines += 1
            if len(stats.malformed_examples) < 12:
                stats.malformed_examples.append(f"{entry.file}:{entry.line} {display}: [{raw}]")
            continue
        code, start, end = parsed
        code = ISO_COUNTRY.get(code[:3], code[:3]) + code[3:]
        role = "default" if not start and not end else ""
        rows.append([title_case(display), "|".join(aliases), code, role, start, end])
    if not rows:
        stats.malformed_entries += 1
    return rows


def classify(entry: Entry, international: bool) -> str:
    parsed = [p for p in (parse_code(c) for c in entry.codes) if p]
    raw_codes = [re.split(r"\s", c.strip(), maxsplit=1)[0] for c in entry.codes]
    if not entry.codes:
        return "no_codes"
    if any(
        len(c) == 3 and c.isalpha() and c.isupper() and c not in NON_COUNTRY3 for c in raw_codes
    ):
        return "place"
    dated = any(p[1] or p[2] for p in parsed) or any(
        re.search(r"\d", c.strip()[len(k) :]) for c, k in zip(entry.codes, raw_codes, strict=True)
    )
    eli = any(c.endswith("ELI") for c in raw_codes)
    if not dated and (international or not eli):
        return "undated"
    if is_institution(entry.names[0]):
        return "institution"
    return "person"


def build(src: Path, stats: Stats) -> list[list[str]]:
    rows: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()  # the same term listed twice (both files)
    for fname in FILES:
        path = src / fname
        if not path.exists():
            if fname == FILES[0]:
                sys.exit(f"{path}: not found")
            continue
        for entry in parse_file(path):
            stats.entries += 1
            kind = classify(entry, international=fname != FILES[0])
            if kind == "no_codes":
                stats.no_codes += 1
            elif kind == "place":
                stats.places += 1
            elif kind == "undated":
                stats.undated += 1
            elif kind == "institution":
                stats.institutions += 1
            else:
                got = people_rows(entry, stats)
                got = [r for r in got if (r[0], r[2], r[3], r[4], r[5]) not in seen]
                if got:
                    stats.people += 1
                    rows += got
                    seen.update((r[0], r[2], r[3], r[4], r[5]) for r in got)
                else:
                    stats.duplicates += 1
    add_surnames(rows)
    stats.rows = len(rows)
    return rows


# Capitalised words that open names and titles in news and must never stand for a person.
NOT_SURNAMES = {
    "prime", "national", "general", "royal", "united", "union", "democratic", "republic",
    "federal", "central", "supreme", "popular", "people", "liberal", "labour", "labor",
    "social", "socialist", "communist", "christian", "islamic", "muslim", "arab", "african",
    "european", "western", "eastern", "northern", "southern", "minister", "president",
    "senator", "governor", "mayor", "judge", "justice", "court", "house", "white", "black",
    "green", "young", "little", "grand", "great", "saint", "santa", "march", "april", "august",
    "monday", "friday", "sunday", "christmas", "easter", "ramadan", "summit", "forum",
    "council", "assembly", "congress", "senate", "army", "navy", "police", "party", "front",
    "movement", "alliance", "league", "bank", "church", "state", "states",
}


def _known_words() -> set[str]:
    """Words of whodid's other actor files (countries, capitals, adjectives, organisations,
    role words), lower-cased: a surname that is one of them would shadow it."""
    data = ROOT / "src/whodid/knowledge/data"
    words: set[str] = set()
    for name in ("countries.tsv", "igos.tsv", "groups.tsv"):
        path = data / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    parts = line.split("\t")
                    if len(parts) == 3:
                        words.update(w.lower() for w in parts[2].split())
    path = data / "agents.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) >= 2:
                    words.update(parts[1].split())
    return words


def add_surnames(rows: list[list[str]]) -> None:
    """Give each person the surname alone as an alias ("Mugabe", "Yeltsin") when no other
    person in the file has that surname and it is a distinctive word of five letters or more
    that names nothing else whodid knows (a country, an adjective, a role word): news names
    leaders by surname after the first mention. Only people who held a government or
    international post get one."""
    known = _known_words() | NOT_SURNAMES
    officials = {r[0] for r in rows if "GOV" in r[2] or r[2].startswith("IGO")}
    owners: dict[str, set[str]] = {}
    for r in rows:
        for name in [r[0], *[a for a in r[1].split("|") if a]]:
            toks = tokens(name)
            if len(toks) > 1:
                owners.setdefault(toks[-1], set()).add(r[0])
    for r in rows:
        toks = tokens(r[0])
        if len(toks) < 2:
            continue
        sur = toks[-1]
        letters = re.sub(r"[^A-Za-z]", "", sur)
        if len(letters) < 5 or not good_single(sur) or len(owners.get(sur, ())) != 1 or not sur[:1].isupper():
            continue
        if r[0] not in officials or sur.lower() in known:
            continue
        aliases = [a for a in r[1].split("|") if a]
        if sur not in aliases:
            r[1] = "|".join([*aliases, sur])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "src",
        nargs="?",
        type=Path,
        default=DEFAULT_SRC,
        help="directory with the Phoenix dictionaries (default: ../shared/reference/petrarch2)",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    stats = Stats()
    rows = build(args.src, stats)
    header = [
        "# version: 1",
        "# Dated roles of named people, imported from the Phoenix actor dictionaries",
        "# (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt) distributed with",
        "# PETRARCH-2. Licence: MIT, Copyright (c) 2014 Open Event Data Alliance (see NOTICE).",
        "# Generated by: python tools/import_phoenix_people.py ../shared/reference/petrarch2",
        "# Do not edit by hand; curated entries in people.tsv take precedence at run time.",
        "# Phoenix has no role titles: role is empty, or `default` for the code used outside",
        "# the dated ranges. Dates are as in the source (not checked against other records).",
        "# name\taliases\tcode\trole\tstart\tend",
    ]
    out = "\n".join(header + ["\t".join(r) for r in rows]) + "\n"
    args.out.write_text(out, encoding="utf-8")
    print(f"entries read: {stats.entries}")
    print(f"people imported: {stats.people} ({stats.rows} rows)")
    print(
        f"skipped: places {stats.places}, undated non-person entries {stats.undated}, "
        f"institutions {stats.institutions}, no codes {stats.no_codes}, "
        f"unusable names {stats.bad_name}, "
        f"entries with no valid code {stats.malformed_entries}, "
        f"entries with no new row {stats.duplicates}"
    )
    print(f"malformed code lines dropped: {stats.malformed_lines}")
    for ex in stats.malformed_examples:
        print(f"  {ex}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
