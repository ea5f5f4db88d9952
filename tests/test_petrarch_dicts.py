"""Tests for the PETRARCH-2 dictionary readers, on small snippets of each syntax feature."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid.knowledge.model import Element
from whodid.knowledge.petrarch import (
    Note,
    load_petrarch_dictionaries,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)
from whodid.knowledge.tables import LexiconError

SHARED = Path("/work/shared/reference/petrarch2")


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def words(el: Element) -> list[str]:
    """An element as readable alternatives ("a b" for a run) or its slot."""
    return [el.slot] if el.slot else [" ".join(a) for a in el.alts]


# ---------------------------------------------------------------------------- actors

ACTORS = """\
<!-- TEST ACTORS -->
<!--
# a comment block over
# several lines -->
<! -- TABARI style comment -->
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN_   # trailing underscore = stop marker
ARNOR_  [ARN] #JW   10/17/91

GOLLUM  # dated terms, no default
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]  # default outside the terms
\t[HOBMIL 300101-301231] [HOBGOV 310101-311231]
BOROMIR [---]
THE_SHIRE  [FRO/BIL/SAM]
PALESTINIAN [pse]
[EXTRA]
"""


def test_actor_names_aliases_and_codes(tmp_path: Path) -> None:
    notes: list[Note] = []
    actors, aliases = read_actors(write(tmp_path, "a.txt", ACTORS), notes)
    by = {a.name: a for a in actors}
    assert list(by) == [
        "GONDOR",
        "ARNOR",
        "GOLLUM",
        "SAM GAMGEE",
        "BOROMIR",
        "THE SHIRE",
        "PALESTINIAN",
    ]
    gondor = by["GONDOR"]
    assert gondor.kind == "actor" and gondor.key == "petrarch:a.txt:6"
    assert [t.code for t in gondor.terms] == ["GON"] and gondor.default_code is None
    texts = [(al.text, al.form, al.origin) for al in aliases if al.actor is gondor]
    assert texts == [
        ("gondor", "name", "a.txt:6"),
        ("minas tirith", "alt", "a.txt:7"),
        ("anorien", "alt", "a.txt:8"),
    ]
    assert all(not al.case_sensitive for al in aliases)
    assert [al.text for al in aliases if al.actor is by["ARNOR"]] == ["arnor"]
    assert by["BOROMIR"].code_on(None) == "---"  # PETRARCH's null code is kept
    assert by["THE SHIRE"].code_on(None) == "FRO/BIL/SAM"  # compound actor, one event each
    assert by["PALESTINIAN"].code_on(None) == "PSE"
    # `[EXTRA]` at column 0 belongs to the entry above (as PETRARCH-2): a second default
    assert [(n.origin, n.skipped) for n in notes] == [("a.txt:21", True)]
    assert "second undated code EXTRA" in notes[0].message


def test_actor_dated_terms_follow_petrarch2(tmp_path: Path) -> None:
    actors, _ = read_actors(write(tmp_path, "a.txt", ACTORS))
    by = {a.name: a for a in actors}
    gollum = by["GOLLUM"]
    assert gollum.default_code is None
    assert [(t.code, t.start, t.end, t.origin) for t in gollum.terms] == [
        ("HOB", None, date(1995, 5, 31), "a.txt:13"),  # `<D`: before D
        ("HOBGOV", date(1995, 6, 1), date(1999, 8, 14), "a.txt:14"),  # A <= day < B
        ("HOBREB", date(1999, 8, 16), None, "a.txt:15"),  # `>D`: from D on
    ]
    assert gollum.code_on(date(1990, 1, 1)) == "HOB"
    assert gollum.code_on(date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on(date(2005, 1, 1)) == "HOBREB"
    sam = by["SAM GAMGEE"]
    assert sam.default_code == "HOB"
    # two-digit years: 00-30 are 20YY, 31-99 19YY; several [..] on one line
    assert [(t.code, t.start.year) for t in sam.terms] == [("HOBMIL", 2030), ("HOBGOV", 1931)]
    assert sam.code_on(date(1950, 1, 1)) == "HOB"


def test_actor_skips_what_petrarch_skips(tmp_path: Path) -> None:
    text = (
        "ISILDUR [+++]\n"
        "FARAMIR\n\t[GONGOV 20100931-20110101]\n\t[GONMIL 9008223-911221]\n"
        "\t[GONELI 20121207-20120802]\n\t[GON]\n\t[GONXXX]\n"
        "DENETHOR [GONGOV 20121204]\n"
        "BELO_CORP_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000\n"
    )
    notes: list[Note] = []
    actors, _ = read_actors(write(tmp_path, "a.txt", text), notes)
    by = {a.name: a for a in actors}
    assert by["ISILDUR"].code_on(None) is None
    faramir = by["FARAMIR"]
    assert faramir.terms == [faramir.terms[0]] and faramir.terms[0].code == "GON"
    assert by["DENETHOR"].terms[0].start == date(2012, 12, 4)  # bare date read as >date
    assert by["BELO CORP"].code_on(None) == "MNCMED"
    skipped = [n.origin for n in notes if n.skipped]
    assert skipped == ["a.txt:1", "a.txt:3", "a.txt:4", "a.txt:5", "a.txt:7"]
    assert {n.origin for n in notes if not n.skipped} >= {"a.txt:8", "a.txt:9"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# header\n+SYNONYM\n", 2, "synonym (+) before any actor"),
        ("\t[ABC]\n", 1, "code line before any actor"),
        ("ROHAN [ROH\n", 1, "unbalanced []"),
        ("ROHAN\n\t[ROH soon]\n", 2, "bad date restriction"),
        ("ROHAN [ROH]\n\t[]\n", 2, "empty [] code"),
        ("ROHAN [ROH]\n+__\n", 2, "empty synonym"),
    ],
)
def test_actor_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, "bad.actors.txt", text)
    with pytest.raises(LexiconError) as err:
        read_actors(path)
    assert err.value.line == line and err.value.path == str(path)
    assert message in str(err.value) and f"bad.actors.txt:{line}:" in str(err.value)


def test_not_utf8_is_an_error_with_line(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(b"GONDOR [GON]\nM\xe9NAS [GON]\n")
    with pytest.raises(LexiconError, match="latin.txt:2: not valid UTF-8"):
        read_actors(p)


# ---------------------------------------------------------------------------- agents

AGENTS = """\
<!-- AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINST! = MINISTER, MINISTRY

FOREIGN_MINISTER [~GOVFRM] # jap 4/14/01
SECURITY SERVICE [~GOV]
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
GENDARMERY {GENDARMERIE} [~COP]
HUMAN_RIGHTS_BODY  [  NGO~] # prefix: the code goes before the actor's
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
ISLAMIC_FRONT_ [~MUSREB]
ISLAMIC_EXTREMIST
TROOPS {}  [~MIL]
"""


def test_agents(tmp_path: Path) -> None:
    notes: list[Note] = []
    agents = read_agents(write(tmp_path, "ag.txt", AGENTS), notes)
    got = {" ".join(a.words): a for a in agents}
    assert list(got) == [
        "foreign minister",
        "security service",
        "police",
        "attorney general",
        "attorneys general",
        "gendarmery",
        "gendarmerie",
        "human rights body",
        "congressman",
        "congressmen",
        "congresswoman",
        "congresswomen",
        "congressperson",
        "minister of silly walks",
        "ministry of silly walks",
        "islamic front",
        "troops",
    ]
    fm = got["foreign minister"]
    assert (fm.sector, fm.type, fm.role, fm.origin, fm.generic_code) == (
        "GOVFRM",
        "person",
        None,
        "ag.txt:5",
        None,
    )
    assert got["police"].sector == "COP" and got["police"].type == "group"
    assert got["congresswoman"].type == "person" and got["congresswoman"].origin == "ag.txt:11"
    body = got["human rights body"]
    assert (body.sector, body.generic_code, body.type) == ("NGO", "NGO", "group")
    assert got["attorneys general"].origin == "ag.txt:8"
    assert [(n.origin, n.skipped) for n in notes] == [("ag.txt:14", True)]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("PRESIDENT [GOV]\n", 1, "bad agent code"),
        ("PRESIDENT [~GOV] extra\n", 1, "one [CODE] at the end"),
        ("!X! = A\nCONGRESS!Y! [~LEG]\n", 2, "undefined substitution marker !Y!"),
        ("!X = A, B\n", 1, "bad substitution marker"),
        ("POLICE {X [~COP]\n", 1, "unbalanced {}"),
    ],
)
def test_agent_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(LexiconError) as err:
        read_agents(write(tmp_path, "ag.txt", text))
    assert err.value.line == line and message in str(err.value)


# ---------------------------------------------------------------------------- discards


def test_discards(tmp_path: Path) -> None:
    text = (
        "# Story-level discards are indicated with a '+'.\n"
        "MONTHS LATER\n+World Golf Championships   # pas 26-Feb-2014\nGROUP A_\n+ESPN2 \n"
    )
    got = read_discards(write(tmp_path, "d.txt", text))
    assert [(d.words, d.scope, d.origin) for d in got] == [
        (("months", "later"), "sentence", "d.txt:2"),
        (("world", "golf", "championships"), "story", "d.txt:3"),
        (("group", "a"), "sentence", "d.txt:4"),
        (("espn2",), "story", "d.txt:5"),
    ]
    with pytest.raises(LexiconError, match="d.txt:1: empty discard phrase"):
        read_discards(write(tmp_path, "d.txt", "+ _\n"))


# ---------------------------------------------------------------------------- verbs

VERBS = """\
<!-- VERBS -->
####### SYNONYM SETS #######
&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY_
+DOLLARS
+SWISS FRANCS
+GOBLIN_GALLEONS_

&BOTH
+&TIETYPES
+CLOSER

&FIGHT_OF_WORDS
+SPAT

--- BRING [---] ---
BRING {BRINGS BRINGING BROUGHT}
DELIVER [070]
+CALL_OFF {+CALLS_OFF +CALLED_OFF}
WIRE_+TAP {WIRE_+TAPPED}
- * AID  [070]  # a comment with * in it
- * {HUMANITARIAN AID} [073]
- * (FOR ATTACK)  [154]
- * &CURRENCY [0231]
- * NEW_&TIETYPES_RELATIONS [064]
- INCHING &BOTH * [083]
- + * (FROM $) [042:043]
- % * ^ TALKS [046]
- * (BEFORE COURT) [:173]
- * DEFEAT [---]
- * ABOUT &FIGHT_OF_WORDS [111]
- SO IN_AND_*_OUT_AGAIN [074]

--- SHOT [---] ---
SHOT
- *_AND_WOUND [223]

--- SHOT [223] ---
SHOT
- + WAS * DEAD (IN $) [224]

--- SAYS [023?] ---
SAYS
BRING
- * NOTHING [def]
- * NEW &UNDEFINED [111]

~ a (a b ATTACK) SAY = a b 015
"""


def test_verb_triggers(tmp_path: Path) -> None:
    notes: list[Note] = []
    lex = read_verbs(write(tmp_path, "v.txt", VERBS), notes)
    assert lex.name == "v.txt"
    bring = [t for t in lex.lookup("bring")]
    assert [t.text for t in bring] == ["bring"]  # the second BRING (in SAYS) is dropped
    b = bring[0]
    assert (b.head, b.particles, b.default.code, b.default.origin) == (
        "bring",
        (),
        None,
        "v.txt:19",
    )
    deliver = lex.lookup("deliver")[0]
    assert (deliver.default.code, deliver.default.origin) == ("070", "v.txt:21")  # own code
    call_off = lex.lookup("call")[0]
    assert (call_off.text, call_off.head, call_off.particles) == ("call_off", "call", ("off",))
    tap = lex.lookup("tap")[0]
    assert (tap.text, tap.particles) == ("wire_tap", ())
    assert words(tap.default.pre[0]) == ["wire"]  # the word before the head leads every pattern
    assert all(words(p.pre[0]) == ["wire"] for p in tap.patterns)
    assert len(b.patterns) == 12 and b.patterns[0].origin == "v.txt:24"
    says = lex.lookup("says")[0]
    assert says.default.code == "023"  # [023?] read as 023
    dup = "verb 'bring' already defined at v.txt:20: the first definition wins (as PETRARCH-2)"
    assert ("v.txt:47", dup) in [(n.origin, n.message) for n in notes]


def test_verb_pattern_elements(tmp_path: Path) -> None:
    lex = read_verbs(write(tmp_path, "v.txt", VERBS))
    pats = {p.origin: p for p in lex.lookup("bring")[0].patterns}

    def side(origin: str, which: str) -> list[list[str]]:
        # (the alternatives of a position in alphabetical order: the matcher tries the longest first)
        return [sorted(words(e)) for e in getattr(pats[origin], which)]

    assert side("v.txt:24", "post") == [["aid"]] and pats["v.txt:24"].code == "070"
    assert side("v.txt:25", "post") == [["humanitarian aid"]]  # {NP}: one multi-word element
    assert side("v.txt:26", "post") == [["for"], ["attack"]]  # (PP): consecutive elements
    assert side("v.txt:27", "post") == [["dollars", "goblin galleons", "swiss francs"]]
    assert side("v.txt:28", "post") == [["new economic relations", "new military relations"]]
    assert side("v.txt:29", "pre") == [["inching"], ["closer", "economic", "military"]]
    p = pats["v.txt:30"]
    assert side("v.txt:30", "pre") == [["target"]] and side("v.txt:30", "post") == [
        ["from"],
        ["source"],
    ]
    assert (p.code, p.reverse) == ("042", "043")
    assert side("v.txt:31", "pre") == [["both"]] and side("v.txt:31", "post") == [["talks"]]
    assert (pats["v.txt:32"].code, pats["v.txt:32"].reverse) == (None, "173")  # passive only
    assert (pats["v.txt:33"].code, pats["v.txt:33"].reverse) == (None, None)  # discard
    assert side("v.txt:34", "post") == [["about"], ["spat"]]  # synset name with underscores
    assert side("v.txt:35", "pre") == [["so"], ["in and"]]
    assert side("v.txt:35", "post") == [["out again"]]


def test_same_named_blocks_share_patterns(tmp_path: Path) -> None:
    lex = read_verbs(write(tmp_path, "v.txt", VERBS))
    (shot,) = lex.lookup("shot")
    assert shot.default.code is None  # the first block wins the verb
    assert [p.origin for p in shot.patterns] == ["v.txt:39", "v.txt:43"]


def test_verb_notes_for_what_petrarch_cannot_code(tmp_path: Path) -> None:
    notes: list[Note] = []
    lex = read_verbs(write(tmp_path, "v.txt", VERBS), notes)
    assert lex.lookup("says")[0].patterns == []
    skipped = {n.origin: n.message for n in notes if n.skipped}
    assert "not a CAMEO code" in skipped["v.txt:48"]
    assert "undefined synset &UNDEFINED" in skipped["v.txt:49"]
    assert "transformation" in skipped["v.txt:51"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- * AID [070]\n", 1, "before any '---' block header"),
        ("--- A [010] ---\nA\n- AID [070]\n", 3, "exactly one '*'"),
        ("--- A [010] ---\nA\n- * * AID [070]\n", 3, "exactly one '*'"),
        ("--- A [010] ---\nA\n- * AID\n", 3, "needs a [CODE]"),
        ("--- A [010] ---\nA\n- * (FOR AID [070]\n", 3, "unbalanced ("),
        ("--- A [010] ---\nA\n- * {FOR AID [070]\n", 3, "unbalanced {}"),
        ("--- A [010] ---\nA\n- * AID [01:02:03]\n", 3, "bad code"),
        ("--- [010] ---\n", 1, "block header"),
        ("--- A [def] ---\nA\nB {BS [010]\n", 3, "unbalanced {}"),
        ("&X\n+&Y\n&Y\n+&X\n", 2, "contains itself"),
        ("&X\n+A\n&X\n", 3, "defined twice"),
        ("&X\n+A\nVERB\n", 3, "verb line before any"),
        ("--- A [010] ---\n+CALL_+OFF\n", 2, "more than one word"),
    ],
)
def test_verb_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(LexiconError) as err:
        read_verbs(write(tmp_path, "v.txt", text))
    assert err.value.line == line and message in str(err.value)


def test_load_petrarch_dictionaries(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", ACTORS)
    v1 = write(tmp_path, "v1.txt", "--- MEET [040] ---\nMEET\n")
    v2 = write(tmp_path, "v2.txt", "--- ACCUSE [112] ---\nACCUSE\n- * {WAR CRIMES} [1124]\n")
    d = load_petrarch_dictionaries(actors=a, verbs=[v1, v2])
    assert len(d.actors) == 7 and d.agents == [] and d.discards == []
    assert d.verbs is not None and sorted(d.verbs.triggers) == ["accuse", "meet"]
    assert d.files == [str(a), str(v1), str(v2)]
    empty = load_petrarch_dictionaries()
    assert empty.verbs is None and empty.files == []


# ---------------------------------------------------------------------------- real files


@pytest.mark.shared
def test_real_petrarch_dictionaries_load_with_few_skipped_entries() -> None:
    # (how fast they load is a benchmark's business, not a test's: a loaded machine fails it)
    if not SHARED.exists():
        pytest.skip(f"{SHARED} not present (the shared reference material is optional)")
    readers = {
        "actors": read_actors,
        "agents": read_agents,
        "verbs": read_verbs,
        "discards": read_discards,
    }
    files = {
        "PETR.Validate.actors.txt": "actors",
        "PETR.Validate.agents.txt": "agents",
        "PETR.Validate.verbs.txt": "verbs",
        "PETR.Validate.discards.txt": "discards",
        "CAMEO.2.0.txt": "verbs",
        "Phoenix.agents.txt": "agents",
        "Phoenix.Countries.actors.txt": "actors",
        "Phoenix.International.actors.txt": "actors",
        "Phoenix.MilNonState.actors.txt": "actors",
        "Phoenix.discards.txt": "discards",
    }
    for name, kind in files.items():
        notes: list[Note] = []
        result = readers[kind](SHARED / name, notes)
        assert result[0] if kind == "actors" else len(result)
        assert sum(n.skipped for n in notes) < 60, (name, [str(n) for n in notes][:5])
    lex = read_verbs(SHARED / "CAMEO.2.0.txt")
    assert len(lex) > 1500 and lex.pattern_count() > 40000
