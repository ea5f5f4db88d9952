"""End-to-end tests of the `whodid` command line: every input kind and output format, bad
input, user dictionaries, `check`, `version` and `evaluate`.

Most runs go through typer's CliRunner (fast, in-process); a few run the real console
script in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import whodid
from conftest import (
    HTML_DATE,
    JSONL_DATES,
    STDIN_TEXT,
    TXT_BODY,
    check_record,
    parse_jsonl,
)
from whodid.knowledge.tables import data_path
from whodid.output import CSV_COLUMNS

# (source country, target country, CAMEO root) that a correct coder finds in each document
ANCHORS = {
    "vienna": {
        ("FRA", "DEU", "04"),
        ("RUS", "BLR", "16"),
    },  # met: consult; sanctions: reduce relations
    "tokyo-1": {("JPN", "PRK", "11")},  # condemned: disapprove
    "warsaw-2": {("POL", "RUS", "11")},  # accused of spying: disapprove (accuse)
    "pact": {("BRA", "ARG", "05"), ("EGY", "JOR", "05")},  # signed agreement; praised
    "stdin": {("CHL", "PER", "13")},  # threatened to expel: threaten
}
# doc ids in output order, per input kind (a directory is read in sorted path order)
DOC_IDS = {
    "txt": ["vienna"],
    "jsonl": ["tokyo-1", "warsaw-2"],
    "html": ["pact"],
    "dir": ["pact", "vienna", "tokyo-1", "warsaw-2"],
    "stdin": ["stdin"],
}
KINDS = list(DOC_IDS)


def args_for(kind: str, corpus) -> tuple[list[str], str | None]:
    paths = {
        "txt": [str(corpus.txt)],
        "jsonl": [str(corpus.jsonl)],
        "html": [str(corpus.html)],
        "dir": [str(corpus.directory)],
        "stdin": ["-"],
    }[kind]
    return paths, STDIN_TEXT if kind == "stdin" else None


def triple(rec: dict) -> tuple:
    return (
        rec["source"]["country"],
        rec["target"]["country"] if rec["target"] else None,
        rec["root"],
    )


def doc_order(records: list[dict]) -> list[str]:
    return list(dict.fromkeys(r["doc_id"] for r in records))


def expected_date(doc_id: str, given: str | None) -> str | None:
    if doc_id in JSONL_DATES:
        return JSONL_DATES[doc_id]
    if doc_id == "pact":
        return HTML_DATE
    return given


def check_events(records: list[dict], kind: str, corpus, given_date: str | None = None) -> None:
    assert records, "no events"
    assert doc_order(records) == DOC_IDS[kind]
    for rec in records:
        check_record(rec, corpus.texts[rec["doc_id"]])
        # the article date, unless the event's clause names its own time ("on Monday")
        if rec["date_text"] is None:
            assert rec["date"] == expected_date(rec["doc_id"], given_date), rec
        else:
            assert rec["date"] is not None and rec["date_text"] in rec["sentence"], rec
    for doc_id in DOC_IDS[kind]:
        found = {triple(r) for r in records if r["doc_id"] == doc_id}
        assert ANCHORS[doc_id] <= found, (doc_id, found)


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("kind", KINDS)
def test_code_jsonl(cli, corpus, kind):
    paths, stdin = args_for(kind, corpus)
    result = cli("code", *paths, "--format", "jsonl", input=stdin)
    assert result.exit_code == 0, result.stderr
    assert "error" not in result.stderr
    check_events(parse_jsonl(result.stdout), kind, corpus)


@pytest.mark.parametrize("kind", KINDS)
def test_code_csv_matches_jsonl(cli, corpus, kind):
    paths, stdin = args_for(kind, corpus)
    records = parse_jsonl(cli("code", *paths, input=stdin).stdout)
    result = cli("code", *paths, "-f", "csv", input=stdin)
    assert result.exit_code == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout, newline=""))
    assert reader.fieldnames == CSV_COLUMNS
    rows = [r for r in reader if r["kind"] == "event"]
    assert len(rows) == len(records) > 0
    for row, rec in zip(rows, records, strict=True):
        assert row["kind"] == "event"
        assert row["doc_id"] == rec["doc_id"]
        assert int(row["sentence_index"]) == rec["sentence_index"]
        assert [int(row["span_start"]), int(row["span_end"])] == rec["span"]
        assert row["date"] == (rec["date"] or "")
        for side in ("source", "target"):
            actor = rec[side] or {}
            for key in ("code", "country", "sector", "text", "name"):
                assert row[f"{side}_{key}"] == (actor.get(key) or ""), (side, key)
        for key in ("cameo", "root", "label", "plover", "sentence"):
            assert row[key] == (rec[key] or ""), key
        assert float(row["goldstein"]) == rec["goldstein"]
        assert int(row["quad_class"]) == rec["quad_class"]
        assert row["trigger"] == rec["evidence"]["trigger"]
        assert row["rule"] == rec["evidence"]["rule"]
        assert row["mode"] == rec["evidence"]["mode"]
        assert row["reciprocal"] == str(rec["evidence"]["reciprocal"])
        doc_text = corpus.texts[row["doc_id"]]
        assert doc_text[int(row["span_start"]) : int(row["span_end"])] == row["trigger"]


@pytest.mark.parametrize("kind", KINDS)
def test_code_table(cli, corpus, kind):
    paths, stdin = args_for(kind, corpus)
    records = parse_jsonl(cli("code", *paths, input=stdin).stdout)
    result = cli("code", *paths, "--format", "table", input=stdin)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])
    header = out.splitlines()[0]
    for column in ("source", "target", "cameo", "trigger", "rule"):
        assert column in header
    for rec in records:
        line = next(
            (
                ln
                for ln in out.splitlines()
                if f"{rec['doc_id']}:{rec['sentence_index']}" in ln
                and rec["cameo"] in ln
                and rec["evidence"]["rule"] in ln
            ),
            None,
        )
        assert line is not None, rec
        assert rec["source"]["code"] in line
    docs = len(DOC_IDS[kind])
    assert f"{len(records)} events from {docs} documents" in out.splitlines()


def test_code_jsonl_subprocess_all_inputs(run_whodid, corpus):
    """The real console script, several inputs at once, standard input among them."""
    result = run_whodid(
        "code", corpus.txt, corpus.jsonl, "-", corpus.html, "--date", "2024-03-01",
        input=STDIN_TEXT,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    assert doc_order(records) == ["vienna", "tokyo-1", "warsaw-2", "stdin", "pact"]
    for rec in records:
        check_record(rec, corpus.texts[rec["doc_id"]])
        if rec["date_text"] is None:  # else the date the clause names ("on Monday")
            assert rec["date"] == expected_date(rec["doc_id"], "2024-03-01")
    for doc_id in ("vienna", "tokyo-1", "warsaw-2", "stdin", "pact"):
        assert ANCHORS[doc_id] <= {triple(r) for r in records if r["doc_id"] == doc_id}
    # the summary goes to stderr, never into the data
    assert re.search(rf"5 documents, \d+ sentences, {len(records)} events", result.stderr)


def test_txt_title_is_not_coded_and_spans_index_the_body(cli, tmp_path):
    # the title itself would be coded (an extra event in "sentence 0") if it were text
    path = tmp_path / "minsk.txt"
    path.write_text("Russia imposes sanctions on Belarus\n\n" + TXT_BODY, encoding="utf-8")
    records = parse_jsonl(cli("code", path).stdout)
    sanctions = [r for r in records if triple(r) == ("RUS", "BLR", "16")]
    assert len(sanctions) == 1
    [rec] = sanctions
    assert rec["sentence_index"] == 1
    assert rec["span"][0] == TXT_BODY.index("imposed")
    assert all("imposes" not in r["sentence"] for r in records)


def test_html_title_and_date_are_extracted(cli, corpus):
    records = parse_jsonl(cli("code", corpus.html, "--date", "2020-01-01").stdout)
    # the page's date beats --date (events whose clause names a day are dated from the page's)
    assert {r["date"] for r in records if r["date_text"] is None} == {HTML_DATE}
    assert all(r["date"] <= HTML_DATE for r in records)
    assert all("Argentina sign trade pact" not in r["sentence"] for r in records)
    first = [r for r in records if r["sentence_index"] == 0]
    assert first and all(r["sentence"].startswith("Brazil signed") for r in first)


# --------------------------------------------------------------------------- options


def test_output_file(cli, corpus, tmp_path):
    target = tmp_path / "out" / "events.jsonl"
    target.parent.mkdir()
    result = cli("code", corpus.directory, "--output", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    records = parse_jsonl(target.read_text(encoding="utf-8"))
    check_events(records, "dir", corpus)
    # the same events as on standard output
    assert records == parse_jsonl(cli("code", corpus.directory).stdout)


def test_output_file_csv(cli, corpus, tmp_path):
    target = tmp_path / "events.csv"
    result = cli("code", corpus.jsonl, "-o", target, "-f", "csv")
    assert result.exit_code == 0 and result.stdout == ""
    with open(target, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["doc_id"] for r in rows} == {"tokyo-1", "warsaw-2"}
    assert list(rows[0]) == CSV_COLUMNS


@pytest.mark.parametrize("kind", KINDS)
def test_date_option_dates_undated_input(cli, corpus, kind):
    paths, stdin = args_for(kind, corpus)
    result = cli("code", *paths, "--date", "2024-03-01", input=stdin)
    assert result.exit_code == 0, result.stderr
    check_events(parse_jsonl(result.stdout), kind, corpus, given_date="2024-03-01")


@pytest.mark.parametrize("bad", ["2024-02-30", "03/01/2024", "yesterday"])
def test_bad_date_is_a_usage_error(cli, corpus, bad):
    result = cli("code", corpus.txt, "--date", bad)
    assert result.exit_code == 2
    assert "--date" in result.stderr and bad in result.stderr
    assert result.stdout == ""


def test_bad_format_is_a_usage_error(cli, corpus):
    result = cli("code", corpus.txt, "--format", "xml")
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_quiet_prints_nothing_on_good_input(cli, corpus):
    result = cli("code", corpus.txt, "-q")
    assert result.exit_code == 0 and result.stderr == ""
    assert parse_jsonl(result.stdout)
    loud = cli("code", corpus.txt)
    assert re.search(r"1 documents, 2 sentences, \d+ events", loud.stderr)


# --------------------------------------------------------------------------- bad input

GOOD_TXT = "Russia imposed sanctions on Belarus.\n"
FEED_GOOD = [
    {"id": "f1", "date": "2024-01-15", "text": "Japan condemned North Korea."},
    {"id": "f4", "date": "2024-01-16", "text": "Poland accused Russia of spying."},
]


def write_bad_input(d: Path) -> Path:
    d.mkdir()
    (d / "good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (d / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\x80"
    )
    (d / "garbled.txt").write_bytes(bytes((i * 37) % 128 + 128 for i in range(1024)))
    (d / "feed.jsonl").write_text(
        json.dumps(FEED_GOOD[0]) + "\n"
        + '{"id": "f2", "text": "Spain met\n'  # malformed: unterminated string
        + json.dumps({"id": "f3", "date": "2024-01-17", "title": "No text here"}) + "\n"
        + json.dumps(FEED_GOOD[1]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    return d


def write_good_input(d: Path) -> Path:
    d.mkdir()
    (d / "good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (d / "feed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in FEED_GOOD), encoding="utf-8"
    )
    return d


def event_keys(records):
    return [
        (r["doc_id"], r["sentence_index"], tuple(r["span"]), r["source"]["code"],
         r["target"]["code"] if r["target"] else None, r["cameo"], r["date"])
        for r in records
    ]  # fmt: skip


def check_problem_lines(stderr: str, d: Path) -> None:
    lines = [ln for ln in stderr.splitlines() if ": error: " in ln]
    assert len(lines) == 4, stderr

    def one(*parts: str) -> None:
        hits = [ln for ln in lines if all(p in ln for p in parts)]
        assert len(hits) == 1, (parts, lines)

    one(str(d / "binary.txt") + ":", "binary")
    one(str(d / "garbled.txt") + ":", "not valid UTF-8")
    one(str(d / "feed.jsonl") + ":2:", "invalid JSON")
    one(str(d / "feed.jsonl") + ":3", "missing 'text'")


def test_bad_input_is_reported_and_good_input_coded(cli, tmp_path):
    bad = write_bad_input(tmp_path / "bad")
    result = cli("code", bad, "-q")
    assert result.exit_code == 2
    check_problem_lines(result.stderr, bad)
    # with --quiet, stderr holds exactly one line per problem
    assert len(result.stderr.strip().splitlines()) == 4, result.stderr
    records = parse_jsonl(result.stdout)
    assert {r["doc_id"] for r in records} == {"good", "f1", "f4"}
    good = cli("code", write_good_input(tmp_path / "good"), "-q")
    assert good.exit_code == 0 and good.stderr == ""
    assert sorted(event_keys(records)) == sorted(event_keys(parse_jsonl(good.stdout)))
    texts = {"good": GOOD_TXT} | {r["id"]: r["text"] for r in FEED_GOOD}
    for rec in records:
        check_record(rec, texts[rec["doc_id"]])
    assert ("RUS", "BLR", "16") in {triple(r) for r in records if r["doc_id"] == "good"}
    assert ("JPN", "PRK", "11") in {triple(r) for r in records if r["doc_id"] == "f1"}
    assert {r["date"] for r in records if r["doc_id"] == "f4"} == {"2024-01-16"}


def test_bad_input_subprocess(run_whodid, tmp_path):
    bad = write_bad_input(tmp_path / "bad")
    result = run_whodid("code", bad, "--format", "csv")
    assert result.exit_code == 2
    check_problem_lines(result.stderr, bad)
    assert re.search(r"3 documents, .*, 4 unreadable", result.stderr)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert {r["doc_id"] for r in rows} == {"good", "f1", "f4"}


def test_missing_file_is_an_error(cli, corpus, tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = cli("code", corpus.txt, missing)
    assert result.exit_code == 2
    assert f"{missing}: error: no such file" in result.stderr
    assert {r["doc_id"] for r in parse_jsonl(result.stdout)} == {"vienna"}


def test_empty_txt_warns_and_exits_0(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("code", empty)
    assert result.exit_code == 0
    assert result.stdout == ""
    [warning] = [ln for ln in result.stderr.splitlines() if ": warning: " in ln]
    assert warning.startswith(f"whodid: {empty} ") and "empty document" in warning
    assert re.search(r"1 documents, 0 sentences, 0 events.*, 1 warnings", result.stderr)


def test_all_good_input_exits_0_with_warnings(cli, corpus, tmp_path):
    empty = tmp_path / "blank.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    result = cli("code", corpus.txt, empty)
    assert result.exit_code == 0
    assert "warning" in result.stderr and "error" not in result.stderr
    assert {r["doc_id"] for r in parse_jsonl(result.stdout)} == {"vienna"}


def test_problem_names_a_file_with_brackets_exactly(cli, tmp_path):
    odd = tmp_path / "report[draft].txt"
    odd.write_bytes(b"\x00\x01\x02binary\x00")
    result = cli("code", odd)
    assert result.exit_code == 2
    assert str(odd) in result.stderr


def test_warning_about_a_markup_like_doc_id_does_not_stop_the_run(cli, tmp_path):
    feed = tmp_path / "ids.jsonl"
    feed.write_text(
        json.dumps({"id": "x[/b]", "date": "last week", "text": "Japan condemned North Korea."})
        + "\n"
        + json.dumps({"id": "ok", "text": "Russia imposed sanctions on Belarus."})
        + "\n",
        encoding="utf-8",
    )
    result = cli("code", feed, reraise=False)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0
    assert {r["doc_id"] for r in parse_jsonl(result.stdout)} == {"x[/b]", "ok"}
    [warning] = [ln for ln in result.stderr.splitlines() if ": warning: " in ln]
    assert f"{feed}:1 (document x[/b])" in warning and "last week" in warning


def test_table_shows_markup_like_doc_ids_verbatim(cli, tmp_path):
    feed = tmp_path / "ids.jsonl"
    feed.write_text(
        json.dumps({"id": "a[/b]", "text": "Russia imposed sanctions on Belarus."}) + "\n",
        encoding="utf-8",
    )
    result = cli("code", feed, "-f", "table", reraise=False)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0
    assert "a[/b]:0" in result.stdout


def test_unwritable_output_is_reported(cli, corpus, tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "events.jsonl"
    result = cli("code", corpus.txt, "--output", target, reraise=False)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code not in (0, 1)
    assert str(target) in result.stderr


# --------------------------------------------------------------------------- user dictionaries

ACTORS = """\
# realms of the north and south
ARNOR_ [ARN]
+NORTH_KINGDOM
GONDOR_ [GON]
+MINAS_TIRITH
"""
VERBS = """\
# meetings between realms
--- PARLEY  [040] ---
PARLEY
MEET
- * + IN SECRET  [046]
"""


@pytest.fixture
def dictionaries(tmp_path):
    actors = tmp_path / "realms.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    verbs = tmp_path / "realms.verbs.txt"
    verbs.write_text(VERBS, encoding="utf-8")
    return actors, verbs


def test_user_dictionaries_replace_whodids_own(cli, dictionaries):
    actors, verbs = dictionaries
    text = "Arnor met Gondor. Russia imposed sanctions on Belarus.\nMinas Tirith met the North Kingdom in secret.\n"
    result = cli(
        "code", "-", "--actors", actors, "--verbs", verbs, "--replace-dictionaries", input=text
    )
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    got = [
        (r["sentence_index"], r["source"]["code"], r["target"]["code"], r["cameo"]) for r in records
    ]
    # Russia and "impose" are unknown to these dictionaries
    assert got == [(0, "ARN", "GON", "040"), (2, "GON", "ARN", "046")]
    for rec in records:
        check_record(rec, text)
    assert records[0]["evidence"]["rule"] == "realms.verbs.txt:2"  # the block's code
    assert records[1]["evidence"]["rule"] == "realms.verbs.txt:5"  # the pattern's code
    assert records[0]["source"]["text"] == "Arnor" and records[0]["target"]["text"] == "Gondor"
    assert records[1]["source"]["text"] == "Minas Tirith"


def test_user_dictionaries_add_to_whodids_own(cli, dictionaries):
    actors, verbs = dictionaries
    text = "Arnor met Gondor. Russia imposed sanctions on Belarus."
    result = cli("code", "-", "--actors", actors, "--verbs", verbs, input=text)
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    pairs = {(r["source"]["code"], r["target"]["code"] if r["target"] else None) for r in records}
    assert ("ARN", "GON") in pairs
    assert ("RUS", "BLR", "16") in {triple(r) for r in records}


def test_user_dictionaries_subprocess(run_whodid, dictionaries):
    actors, verbs = dictionaries
    result = run_whodid(
        "code", "-", "--actors", actors, "--verbs", verbs, "--replace-dictionaries",
        input="Arnor met Gondor.",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [rec] = parse_jsonl(result.stdout)
    assert (rec["source"]["code"], rec["target"]["code"], rec["cameo"]) == ("ARN", "GON", "040")
    assert rec["root"] == "04" and rec["quad_class"] == 1


@pytest.mark.parametrize(
    "which, content, line",
    [
        ("actors", "ARNOR_ [ARN]\n# fine so far\nGONDOR_ [GON\n", 3),
        ("actors", "+GONDOR_\nARNOR_ [ARN]\n", 1),
        ("verbs", "--- PARLEY  [040] ---\nPARLEY\n\n- * + IN SECRET\n", 4),
        ("verbs", "--- PARLEY  [040] ---\nPARLEY\n- * + * AGAIN [040]\n", 3),
    ],
)
def test_bad_user_dictionary_line_exits_3(
    cli, dictionaries, tmp_path, monkeypatch, which, content, line
):
    actors, verbs = dictionaries
    bad = tmp_path / f"bad.{which}"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    opts = {"actors": [actors.name, "bad.actors"], "verbs": [verbs.name, "bad.verbs"]}
    args = [
        "--actors",
        opts["actors"][which == "actors"],
        "--verbs",
        opts["verbs"][which == "verbs"],
    ]
    result = cli("code", "-", *args, input="Arnor met Gondor.")
    assert result.exit_code == 3
    assert f"bad.{which}:{line}:" in result.stderr
    assert result.stdout == ""


def test_bad_user_dictionary_message_is_not_wrapped(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    d = tmp_path / "a_rather_long_directory_name_for_user_dictionaries" / "version_two"
    d.mkdir(parents=True)
    bad = d / "middle_earth_realms.actors.txt"
    bad.write_text("ARNOR_ [ARN]\nGONDOR_ [GON\n", encoding="utf-8")
    result = cli("code", "-", "--actors", bad, input="Arnor met Gondor.")
    assert result.exit_code == 3
    assert f"{bad}:2:" in result.stderr


# --------------------------------------------------------------------------- check, version


def test_check_lists_the_knowledge_files(cli):
    result = cli("check")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    bundled = sorted(
        p.name for p in data_path("cameo.tsv").parent.iterdir() if p.suffix in (".tsv", ".txt")
    )
    assert f"knowledge files: {len(bundled)}" in out
    listed = [ln.strip() for ln in out.splitlines() if ln.startswith("  ")]
    assert sorted(listed) == bundled
    assert re.search(r"CAMEO codes \d{3}", out)


def test_version(cli):
    result = cli("version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"whodid {whodid.__version__}"


def test_version_via_python_m(run_whodid):
    result = run_whodid("version", module=True)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"whodid {whodid.__version__}"


def test_no_arguments_shows_help(cli):
    result = cli()
    assert result.exit_code in (0, 2)
    assert "code" in result.stdout + result.stderr and "evaluate" in result.stdout + result.stderr


# --------------------------------------------------------------------------- evaluate


def gold_line(id_, text, events=(), no_events=False, expected_errors=(), date=None):
    rec = {
        "id": id_,
        "text": text,
        "events": [{"source": s, "target": t, "code": c} for s, t, c in events],
        "no_events": no_events,
        "expected_errors": list(expected_errors),
    }
    if date:
        rec["date"] = date
    return json.dumps(rec) + "\n"


METRIC_LINE = r"^{name}\s+(\d\.\d{{3}})\s+(\d\.\d{{3}})\s+(\d\.\d{{3}})\s+(\d+)\s+(\d+)\s+(\d+)$"


def metric(out: str, name: str) -> tuple[float, float, float, int, int, int]:
    m = re.search(METRIC_LINE.format(name=name), out, re.M)
    assert m, out
    p, r, f, tp, fp, fn = m.groups()
    return float(p), float(r), float(f), int(tp), int(fp), int(fn)


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        gold_line(
            "g1", "Russia imposed sanctions on Belarus.", [("RUS", "BLR", "163")], date="20240301"
        )
        + gold_line("g2", "Japan condemned North Korea.", [("JPN", "PRK", "111")])
        + gold_line("g3", "The weather in Oslo was mild.", no_events=True)
        + gold_line("g4", "France met Germany.", expected_errors=["not news"]),
        encoding="utf-8",
    )
    return path


def test_evaluate_report(cli, gold):
    result = cli("evaluate", gold)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith("cameo gold set: 4 records")
    assert re.search(r"^metric\s+P\s+R\s+F1\s+TP\s+FP\s+FN$", out, re.M)
    for name in ("root", "exact"):
        p, r, f, tp, fp, fn = metric(out, name)
        assert tp + fn == 2  # two gold events in the set
        assert all(0.0 <= x <= 1.0 for x in (p, r, f))
        assert r == pytest.approx(tp / 2, abs=0.0005)


def test_evaluate_json(cli, gold, tmp_path):
    details = tmp_path / "details.jsonl"
    result = cli("evaluate", gold, "--json", "--details", details)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["kind"] == "cameo" and report["records"] == 4
    for name in ("root", "exact"):
        m = report["metrics"][name]
        assert set(m) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
        assert m["tp"] + m["fn"] == 2
    assert report["metrics"]["exact"]["tp"] <= report["metrics"]["root"]["tp"]
    lines = [json.loads(ln) for ln in details.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["g1", "g2", "g3", "g4"]


def test_evaluate_limit(cli, gold):
    report = json.loads(cli("evaluate", gold, "--json", "--limit", "1").stdout)
    assert report["records"] == 1
    assert report["metrics"]["root"]["tp"] + report["metrics"]["root"]["fn"] == 1


@pytest.mark.parametrize("bad", ["{not json", '{"id": "g9", "text": "x", "date": "2024-31-01"}'])
def test_evaluate_bad_gold_line_is_reported_not_raised(cli, gold, bad):
    lines = gold.read_text(encoding="utf-8").splitlines(keepends=True)
    gold.write_text(lines[0] + bad + "\n" + "".join(lines[1:]), encoding="utf-8")
    result = cli("evaluate", gold, reraise=False)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code not in (0, 1)
    assert "gold.jsonl:2" in result.stderr or "'g9'" in result.stderr


def test_evaluate_scores_with_user_dictionaries(cli, dictionaries, tmp_path):
    """Scores worked out by hand: the user dictionaries make the coder's output certain."""
    actors, verbs = dictionaries
    path = tmp_path / "realms_gold.jsonl"
    path.write_text(
        # coded ARN→GON 040: right at both levels
        gold_line("r1", "Arnor met Gondor.", [("ARN", "GON", "040")])
        # coded GON→ARN 046: root right; exact: one false positive and one false negative
        + gold_line("r2", "Gondor met Arnor in secret.", [("GON", "ARN", "040")])
        # nothing coded (no such verb or actor): nothing to count
        + gold_line("r3", "Rohan praised Gondor.", no_events=True)
        # coded ARN→GON 040 where the gold expects a refusal: a false positive at both levels
        + gold_line("r4", "Arnor met Gondor.", expected_errors=["refuse"]),
        encoding="utf-8",
    )
    dicts = ["--actors", actors, "--verbs", verbs, "--replace-dictionaries"]
    result = cli("evaluate", path, *dicts)
    assert result.exit_code == 0, result.stderr
    # root: tp 2, fp 1, fn 0 → P 2/3, R 1, F1 0.8
    assert metric(result.stdout, "root") == (0.667, 1.0, 0.8, 2, 1, 0)
    # exact: tp 1, fp 2, fn 1 → P 1/3, R 1/2, F1 0.4
    assert metric(result.stdout, "exact") == (0.333, 0.5, 0.4, 1, 2, 1)
    report = json.loads(cli("evaluate", path, "--json", *dicts).stdout)
    assert report["metrics"]["root"] == {
        "precision": 0.6667,
        "recall": 1.0,
        "f1": 0.8,
        "tp": 2,
        "fp": 1,
        "fn": 0,
    }
    assert report["metrics"]["exact"] == {
        "precision": 0.3333,
        "recall": 0.5,
        "f1": 0.4,
        "tp": 1,
        "fp": 2,
        "fn": 1,
    }
