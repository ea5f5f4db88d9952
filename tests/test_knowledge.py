"""Tests for the knowledge loader: bundled files, the pattern language's errors, tables."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from whodid.knowledge import Knowledge, LexiconError, load_knowledge
from whodid.knowledge.patterns import load_pattern_file
from whodid.knowledge.tables import data_path, file_version, read_table

DATA_DIR = data_path("cameo.tsv").parent
BUNDLED = sorted(p for p in DATA_DIR.iterdir() if p.suffix in (".tsv", ".txt"))

PLOVER_2021 = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def quad_of_root(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pattern_error(tmp_path: Path, lines: list[str], kind: str = "verb") -> LexiconError:
    path = write(tmp_path, "test_verbs.txt", lines)
    with pytest.raises(LexiconError) as info:
        load_pattern_file(path, kind)
    return info.value


def assert_at(exc: LexiconError, line: int, *words: str) -> None:
    msg = str(exc)
    assert exc.line == line, msg
    assert re.search(rf"test_verbs\.txt:{line}: ", msg), msg
    for w in words:
        assert w in msg, msg


# --------------------------------------------------------------------------- loading


def test_load_knowledge_loads_everything_once():
    kn = load_knowledge()
    assert isinstance(kn, Knowledge)
    assert load_knowledge() is kn  # cached per process
    assert len(kn.cameo) > 200
    assert len(kn.actors) > 100 and len(kn.aliases) >= len(kn.actors)
    assert len(kn.agents) > 50
    assert len(kn.verbs) > 50 and len(kn.nouns) > 10
    assert kn.cue("speech") and kn.cue("negator")
    # every file it read is a bundled file, and every bundled knowledge file is read (time
    # words and place aliases by their own stages, whodid.dates and whodid.places)
    own_loaders = {"time_words.tsv", "place_aliases.tsv"}
    expected = sorted(p.name for p in BUNDLED if p.name not in own_loaders)
    assert sorted(Path(f).name for f in kn.files) == expected


def test_known_actors_and_verbs_are_loaded():
    kn = load_knowledge()
    names = {a.text for a in kn.aliases}
    assert {"Russia", "Belarus", "France", "Germany"} <= names
    assert kn.verbs.lookup("meet") and kn.verbs.lookup("accuse")
    # origins point at a file and line, as coded records' `evidence.rule` does
    [trigger, *_] = kn.verbs.lookup("accuse")
    assert re.fullmatch(r"verbs\.txt:\d+", trigger.default.origin)


def test_imported_groups_load_and_curated_names_win(tmp_path):
    kn = load_knowledge()
    by_text = {}
    for a in kn.aliases:
        by_text.setdefault(a.text, []).append(a)
    [kla] = by_text["Kosovo Liberation Army"]
    assert kla.actor.kind == "group" and kla.actor.code_on(None) == "KSVREB"
    assert re.fullmatch(r"groups_phoenix\.tsv:\d+", kla.origin)
    # Hamas is curated (groups.tsv): the imported file never adds a second actor for it
    assert {a.origin.split(":")[0] for a in by_text["Hamas"]} == {"groups.tsv"}
    # a name that is something else in current news is not imported; the ANC is curated,
    # with its banned years dated
    assert "ZANU" not in by_text
    [anc] = by_text["African National Congress"]
    assert anc.origin.startswith("groups.tsv:")
    assert anc.actor.code_on(date(1985, 1, 1)) == "ZAFREB" and anc.actor.code_on(date(2020, 1, 1)) == "ZAFGOV"


def test_imported_groups_file_errors_name_the_line(tmp_path):
    from whodid.knowledge import _read_imported_groups

    path = write(tmp_path, "groups_phoenix.tsv", ["# version: 1", "Good Front\tIRQREB\tGF", "Bad Front\tXXQREB"])
    with pytest.raises(LexiconError) as info:
        _read_imported_groups(path, {"IRQ": "member"}, [])
    assert info.value.line == 3 and "XXQ" in str(info.value)
    path = write(tmp_path, "groups_phoenix.tsv", ["Good Front\tIRQREB\tGood Front Army|GF"])
    actors, aliases = _read_imported_groups(path, {"IRQ": "member"}, [])
    assert [a.code_on(None) for a in actors] == ["IRQREB"]
    assert [(a.text, a.form) for a in aliases] == [("Good Front", "name"), ("Good Front Army", "alt"), ("GF", "abbr")]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_file_states_its_version(path):
    version = file_version(path)
    assert version is not None, f"{path.name} has no '# version:' line"
    assert version.isdigit()


def test_bundled_files_are_present():
    names = {p.name for p in BUNDLED}
    assert {"cameo.tsv", "countries.tsv", "verbs.txt", "nouns.txt"} <= names


# --------------------------------------------------------------------------- CAMEO table


def test_cameo_table_has_all_twenty_roots():
    kn = load_knowledge()
    roots = [f"{r:02d}" for r in range(1, 21)]
    for root in roots:
        assert root in kn.cameo, root
        assert kn.cameo[root].root == root
    assert {c.root for c in kn.cameo.values()} == set(roots)


def test_cameo_quad_classes_follow_the_roots():
    kn = load_knowledge()
    for code, info in kn.cameo.items():
        assert info.code == code
        assert info.root == code[:2]
        assert info.quad_class == quad_of_root(info.root), code
    assert {c.quad_class for c in kn.cameo.values()} == {1, 2, 3, 4}


def test_cameo_goldstein_values():
    kn = load_knowledge()
    for code, info in kn.cameo.items():
        assert info.goldstein is not None, code
        assert -10.0 <= info.goldstein <= 10.0, code
    # values of the Goldstein (1992) scale as used by GDELT
    assert kn.cameo["04"].goldstein == 1.0
    assert kn.cameo["163"].goldstein == -8.0
    assert kn.cameo["18"].goldstein == -9.0
    assert kn.cameo["19"].goldstein == -10.0
    for r in range(2, 9):  # cooperative roots score above zero
        assert kn.cameo[f"{r:02d}"].goldstein > 0
    for r in range(10, 21):  # conflictual roots below zero
        assert kn.cameo[f"{r:02d}"].goldstein < 0


def test_cameo_plover_categories():
    kn = load_knowledge()
    for code, info in kn.cameo.items():
        if int(info.root) >= 3:
            assert info.plover in PLOVER_2021, code
        else:
            assert info.plover in (None, "REQUEST"), code
    assert kn.cameo["04"].plover == "CONSULT"
    assert kn.cameo["07"].plover == "AID"
    assert kn.cameo["13"].plover == "THREATEN"
    assert kn.cameo["14"].plover == "PROTEST"
    assert kn.cameo["18"].plover == "ASSAULT"


def test_cameo_info_falls_back_to_the_parent_code():
    kn = load_knowledge()
    assert kn.cameo_info("163").code == "163"
    # a finer code than CAMEO has (user dictionaries may use one) gets its parent's facts
    assert "1639" not in kn.cameo
    assert kn.cameo_info("1639").code == "163"
    assert kn.cameo_info("9999") is None


# --------------------------------------------------------------------------- intents


def test_intent_of_providing_military_aid():
    kn = load_knowledge()
    intent, origin = kn.intent_for("072")
    assert intent == "0332"
    assert kn.cameo[intent].root == "03"
    # the origin names the bundled file and line that say so
    name, line = origin.split(":")
    assert name in {p.name for p in BUNDLED}
    text = data_path(name).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert text.split("\t")[-2:] == ["072", "0332"]


def test_intent_longest_prefix_wins():
    kn = load_knowledge()
    assert kn.intent_for("0721")[0] == "0332"  # finer action codes inherit their prefix
    assert kn.intent_for("083")[0] == "034"
    assert kn.intent_for("0831")[0] == "0341"  # 0831 has its own, longer line
    assert kn.intent_for("111") is None  # announcing a verbal act is the act


# --------------------------------------------------------------------------- pattern files


def test_valid_pattern_file_loads(tmp_path):
    path = write(
        tmp_path,
        "ok_verbs.txt",
        [
            "# version: 1",
            "== accuse, blame          [112]",
            "- * + of &spying          [1125]",
            "- * + of war_crime        [1124]",
            "&spying = spying | espionage | spy",  # a set may follow its use
            "== meet, hold_talks       [040 recip]",
            "== crack_down             [---]",
            "- * on +                  [175]",
        ],
    )
    lex = load_pattern_file(path, "verb")
    [accuse] = lex.lookup("accuse")
    assert accuse.default.code == "112" and accuse.default.origin == "ok_verbs.txt:2"
    assert [p.code for p in accuse.patterns] == ["1125", "1124"]
    assert [p.origin for p in accuse.patterns] == ["ok_verbs.txt:3", "ok_verbs.txt:4"]
    spying = accuse.patterns[0].post[-1]
    assert set(spying.alts) == {("spying",), ("espionage",), ("spy",)}
    [meet] = lex.lookup("meet")
    assert meet.default.code == "040" and meet.default.reverse == "040"  # recip
    [hold] = lex.lookup("hold")
    assert hold.particles == ("talks",)
    [crack] = lex.lookup("crack")
    assert crack.default.code is None and crack.particles == ("down",)


def test_pattern_before_any_block(tmp_path):
    exc = pattern_error(
        tmp_path,
        [
            "# version: 1",
            "&aid = aid | help",
            "",
            "- * + with &aid  [070]",
            "== provide  [070]",
        ],
    )
    assert_at(exc, 4, "before any")


def test_undefined_set(tmp_path):
    exc = pattern_error(
        tmp_path,
        [
            "# version: 1",
            "&spying = spying | espionage",
            "== accuse  [112]",
            "- * + of &spying  [1125]",
            "# a comment line",
            "- * + of &crimes  [1121]",
            "- * + of treason  [1125]",
        ],
    )
    assert_at(exc, 6, "&crimes")


def test_two_triggers_in_a_pattern(tmp_path):
    exc = pattern_error(
        tmp_path,
        [
            "# version: 1",
            "== meet  [040]",
            "- * +  [040]",
            "- * + * again  [040]",
        ],
    )
    assert_at(exc, 4, "'*'")


def test_pattern_without_trigger(tmp_path):
    exc = pattern_error(tmp_path, ["== meet  [040]", "- + in secret  [046]"])
    assert_at(exc, 2, "'*'")


def test_bad_code_in_pattern(tmp_path):
    exc = pattern_error(
        tmp_path,
        [
            "# version: 1",
            "== meet  [040]",
            "",
            "- * + in secret  [12x45]",
        ],
    )
    assert_at(exc, 4, "12x45")


def test_bad_code_in_block_header(tmp_path):
    exc = pattern_error(tmp_path, ["# version: 1", "== meet  [12x45]"])
    assert_at(exc, 2, "12x45")


def test_slot_inside_an_alternative(tmp_path):
    exc = pattern_error(
        tmp_path,
        [
            "# version: 1",
            "== meet  [040]",
            "- * with +  [040]",
            "- * +|x  [040]",
        ],
    )
    assert_at(exc, 4, "+|x")


def test_slot_inside_an_alternative_with_spaces(tmp_path):
    # "a | b" with spaces is one position with two alternatives, so this is the same error
    exc = pattern_error(tmp_path, ["== meet  [040]", "- * x | +  [040]"])
    assert_at(exc, 2, "alternative")


def test_unknown_flag_and_unparsable_line(tmp_path):
    exc = pattern_error(tmp_path, ["== meet  [040 both]"])
    assert_at(exc, 1, "both")
    exc = pattern_error(tmp_path, ["== meet  [040]", "meet with + [040]"])
    assert_at(exc, 2)


def test_bad_word_in_pattern(tmp_path):
    exc = pattern_error(tmp_path, ["== meet  [040]", "- * Wi;th +  [040]"])
    assert_at(exc, 2)


# --------------------------------------------------------------------------- tables


def test_read_table_rows_and_origins(tmp_path):
    path = write(
        tmp_path,
        "people.tsv",
        [
            "# version: 1",
            "",
            "Ann Example\tAnn\tRUSGOV",
            "# comment",
            "Bob Example\t\tFRAGOV\tpresident",
        ],
    )
    rows = list(read_table(path, 3, 4, required=(0, 2)))
    assert [r.fields for r in rows] == [
        ("Ann Example", "Ann", "RUSGOV", ""),
        ("Bob Example", "", "FRAGOV", "president"),
    ]
    assert [r.origin for r in rows] == ["people.tsv:3", "people.tsv:5"]


@pytest.mark.parametrize(
    "bad_line, found",
    [("RUS\tname", 2), ("RUS\tname\tRussia\textra", 4), ("RUS", 1)],
)
def test_read_table_wrong_column_count(tmp_path, bad_line, found):
    path = write(
        tmp_path,
        "countries.tsv",
        [
            "# version: 1",
            "FRA\tname\tFrance",
            "",
            "DEU\tname\tGermany",
            bad_line,
            "BLR\tname\tBelarus",
        ],
    )
    with pytest.raises(LexiconError) as info:
        list(read_table(path, 3))
    msg = str(info.value)
    assert f"{path}:5: " in msg
    assert info.value.line == 5
    assert f"found {found}" in msg


def test_read_table_empty_required_field(tmp_path):
    path = write(tmp_path, "agents.tsv", ["# version: 1", "GOV\tminister\tperson", "\tarmy\tgroup"])
    with pytest.raises(LexiconError) as info:
        list(read_table(path, 3))
    assert f"{path}:3: " in str(info.value) and "column 1" in str(info.value)


def test_read_table_not_utf8(tmp_path):
    path = tmp_path / "igos.tsv"
    path.write_bytes(b"# version: 1\nIGOUNO\tname\tUnited Nations\nIGOXXX\tname\tCaf\xe9\n")
    with pytest.raises(LexiconError) as info:
        list(read_table(path, 3))
    assert f"{path}:3: " in str(info.value) and "UTF-8" in str(info.value)


def test_file_version_reads_the_header(tmp_path):
    assert file_version(write(tmp_path, "a.tsv", ["# comment", "#  version: 7", "x\ty"])) == "7"
    assert file_version(write(tmp_path, "b.tsv", ["# no version here", "x\ty"])) is None


@pytest.mark.parametrize("bad", ["1991-12-25 Soviet", "1991-13-01 adj Soviet", "1991-12-25 capital Petrograd"])
def test_a_bad_former_name_line_is_reported_with_its_line(tmp_path, bad):
    from whodid.knowledge import _read_named

    path = write(tmp_path, "countries.tsv", ["# version: 1", "RUS\tname\tRussia", f"RUS\tformer\t{bad}"])
    with pytest.raises(LexiconError) as info:
        _read_named(path, "country", {})
    assert f"{path}:3: " in str(info.value) and "YYYY-MM-DD FORM NAME" in str(info.value)


def test_a_former_name_codes_its_state_only_up_to_its_end(tmp_path):
    from whodid.knowledge import _read_named

    path = write(tmp_path, "countries.tsv", ["# version: 1", "RUS\tname\tRussia", "RUS\tformer\t1991-12-25 adj Soviet"])
    _, aliases = _read_named(path, "country", {})
    soviet = next(a for a in aliases if a.text == "Soviet")
    assert soviet.form == "adj"
    assert soviet.actor.code_on(date(1985, 1, 1)) == "RUS" and soviet.actor.code_on(None) == "RUS"
    assert soviet.actor.code_on(date(2001, 1, 1)) is None
