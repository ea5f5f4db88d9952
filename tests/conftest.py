"""Shared fixtures: one loaded coder per test session, a fast CLI runner, a subprocess runner,
and a small corpus of articles in every input format whodid reads."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

# --------------------------------------------------------------------------- the coder


@pytest.fixture(scope="session")
def coder():
    """The process-wide default coder (parser + bundled knowledge), loaded once."""
    from whodid.pipeline import default_coder

    return default_coder()


@pytest.fixture(scope="session")
def knowledge():
    from whodid.knowledge import load_knowledge

    return load_knowledge()


# --------------------------------------------------------------------------- the CLI


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None  # an uncaught exception (CliRunner, reraise=False)


@pytest.fixture
def cli(monkeypatch, coder):
    """Run `whodid ARGS...` in-process with typer's CliRunner.

    Building a coder costs most of a second, so a run without user dictionaries reuses the
    session's coder (the CLI's own construction path is exercised by the subprocess tests
    and by every run with user dictionaries, which builds a real `Coder`).
    """
    from typer.testing import CliRunner

    import whodid.pipeline as pipeline
    from whodid.cli import app

    real = pipeline.Coder

    def make_coder(user=None, nlp=None):
        return coder if user is None and nlp is None else real(user, nlp)

    monkeypatch.setattr(pipeline, "Coder", make_coder)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args, input: str | bytes | None = None, reraise: bool = True) -> CliResult:
        result = runner.invoke(app, [str(a) for a in args], input=input)
        uncaught = result.exception
        if isinstance(uncaught, SystemExit):
            uncaught = None
        if uncaught is not None and reraise:
            raise uncaught
        return CliResult(result.exit_code, result.stdout, result.stderr, uncaught)

    return run


def whodid_command() -> list[str]:
    """The `whodid` console script next to the running interpreter, else `python -m whodid.cli`."""
    script = Path(sys.executable).with_name("whodid")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "whodid.cli"]


@pytest.fixture(scope="session")
def run_whodid():
    """Run whodid in a real subprocess (about 3 s each: use sparingly)."""

    def run(*args, input: str | None = None, cwd=None, columns: int = 200, module: bool = False):
        env = dict(os.environ)
        env["COLUMNS"] = str(columns)
        env.pop("FORCE_COLOR", None)
        cmd = [sys.executable, "-m", "whodid.cli"] if module else whodid_command()
        proc = subprocess.run(
            cmd + [str(a) for a in args],
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            env=env,
            timeout=300,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


# --------------------------------------------------------------------------- record checks

_QUAD = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 10), 2)}
_QUAD |= {**dict.fromkeys(range(10, 15), 3), **dict.fromkeys(range(15, 21), 4)}
RULE = re.compile(r"^[\w.\-]+:\d+$")
ACTOR_KEYS = {"code", "country", "sector", "text", "name", "span"}


def quad_of_root(root: str) -> int:
    """GDELT quad class of a CAMEO root: 01-05 verbal coop., 06-09 material coop.,
    10-14 verbal conflict, 15-20 material conflict."""
    return _QUAD[int(root)]


def check_actor(actor: dict, text: str | None) -> None:
    assert ACTOR_KEYS <= set(actor), actor
    if actor["span"] is None:
        # an actor the text leaves unsaid (README): no words, but always a code
        assert actor["text"] == "" and isinstance(actor["code"], str) and actor["code"], actor
        return
    assert isinstance(actor["text"], str) and actor["text"]
    assert actor["code"] is None or isinstance(actor["code"], str)
    start, end = actor["span"]
    assert 0 <= start < end
    if text is not None:
        assert text[start:end] == actor["text"], (text[start:end], actor)


def check_record(rec: dict, text: str | None = None) -> None:
    """Every field of the output contract, and spans against the document text when known."""
    assert rec["kind"] == "event"
    assert isinstance(rec["doc_id"], str) and rec["doc_id"]
    assert isinstance(rec["sentence_index"], int) and rec["sentence_index"] >= 0
    assert isinstance(rec["sentence"], str) and rec["sentence"].strip()
    start, end = rec["span"]
    assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end
    if rec["date"] is not None:
        date.fromisoformat(rec["date"])
        assert len(rec["date"]) == 10
    check_actor(rec["source"], text)
    if rec["target"] is not None:
        check_actor(rec["target"], text)
    cameo = rec["cameo"]
    assert re.fullmatch(r"\d{2,4}", cameo), cameo
    assert rec["root"] == cameo[:2]
    assert 1 <= int(rec["root"]) <= 20
    assert isinstance(rec["label"], str) and rec["label"]
    assert isinstance(rec["goldstein"], float) and -10.0 <= rec["goldstein"] <= 10.0
    assert rec["quad_class"] == quad_of_root(rec["root"])
    assert rec["plover"] is None or isinstance(rec["plover"], str)
    if int(rec["root"]) >= 3:
        assert rec["plover"], rec
    ev = rec["evidence"]
    assert isinstance(ev["trigger"], str) and ev["trigger"]
    assert RULE.match(ev["rule"]), ev["rule"]
    # the trigger is in its sentence and the span is the trigger in the document text
    assert ev["trigger"] in rec["sentence"]
    if text is not None:
        assert text[start:end] == ev["trigger"], (text[start:end], ev["trigger"])
        assert rec["sentence"] in text


def parse_jsonl(out: str) -> list[dict]:
    """The event records of `whodid code` output (quote records are left out)."""
    return [r for r in parse_jsonl_all(out) if r["kind"] == "event"]


def parse_jsonl_all(out: str) -> list[dict]:
    lines = [line for line in out.splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


# --------------------------------------------------------------------------- a corpus

TITLE = "Talks in Vienna, sanctions on Minsk"
TXT_BODY = (
    "France met Germany in Vienna on Monday.\nRussia imposed sanctions on Belarus after the vote.\n"
)
JSONL_LINES = [
    {
        "id": "tokyo-1",
        "date": "2023-11-05",
        "text": "Japan condemned North Korea after the missile launch.",
    },
    {
        "id": "warsaw-2",
        "date": "2022-02-01T09:30:00",
        "title": "Spy row",
        "text": "The weather was mild.\nPoland accused Russia of spying.",
    },
]
JSONL_DATES = {"tokyo-1": "2023-11-05", "warsaw-2": "2022-02-01"}
HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Brazil and Argentina sign trade pact</title>
<meta property="og:title" content="Brazil and Argentina sign trade pact">
<meta property="article:published_time" content="2021-06-15T08:00:00Z">
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Brazil and Argentina sign trade pact</h1>
<p>Brazil signed a trade agreement with Argentina on Tuesday in Buenos Aires, ending a long
period of tariff disputes between the two largest economies of the region.</p>
<p>Egypt praised Jordan on Wednesday, officials in Cairo told reporters after the summit in
Amman ended late at night.</p>
</article>
<footer>Copyright 2015 Example Wire</footer>
</body>
</html>
"""
HTML_DATE = "2021-06-15"
STDIN_TEXT = "Kenya sent troops to Somalia.\nChile threatened to expel Peruvian diplomats.\n"


@dataclass
class Corpus:
    root: Path
    txt: Path
    jsonl: Path
    html: Path
    directory: Path
    texts: dict[str, str] = field(default_factory=dict)  # doc id -> document text


@pytest.fixture
def corpus(tmp_path) -> Corpus:
    """Articles as .txt (with a title line), .jsonl, .html, a directory holding all three
    (plus files whodid must skip), and their document texts by id."""
    from whodid.ingest import read_html_file

    d = tmp_path / "articles"
    d.mkdir()
    txt = d / "vienna.txt"
    txt.write_text(f"{TITLE}\n\n{TXT_BODY}", encoding="utf-8")
    jsonl = d / "wire.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in JSONL_LINES), encoding="utf-8")
    html = d / "pact.html"
    html.write_text(HTML_PAGE, encoding="utf-8")
    # skipped in a directory: other suffixes and hidden files
    (d / "notes.md").write_text("Spain attacked Portugal.\n", encoding="utf-8")
    (d / ".hidden.txt").write_text("Spain attacked Portugal.\n", encoding="utf-8")
    [html_doc] = list(read_html_file(html))
    texts = {"vienna": TXT_BODY, "pact": html_doc.text, "stdin": STDIN_TEXT}
    texts |= {r["id"]: r["text"] for r in JSONL_LINES}
    return Corpus(root=tmp_path, txt=txt, jsonl=jsonl, html=html, directory=d, texts=texts)
