"""Tests for the input stage: every input kind, bad input, and huge documents."""

from __future__ import annotations

import io
import json
import socket
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from whodid.ingest import (
    iter_documents,
    read_html_file,
    read_jsonl_file,
    read_text_file,
    split_parts,
)
from whodid.schema import Document, InputProblem

DATA = Path(__file__).parent / "data" / "ingest"
DAY = date(2024, 5, 1)

ARTICLE = (
    "The president of Ruritania met the prime minister of Borduria in Strelsau on Tuesday.\n"
    "The two leaders agreed to reopen the border and to resume talks on fishing rights.\n"
    "\n"
    "The Bordurian opposition accused the government of surrendering to foreign pressure.\n"
)
FRENCH = (
    "Le président de la Ruritanie a rencontré mardi le premier ministre de la Bordurie à "
    "Strelsau. Les deux dirigeants sont convenus de rouvrir la frontière et de reprendre les "
    "négociations sur les droits de pêche. L'opposition a accusé le gouvernement de céder aux "
    "pressions étrangères et a appelé à des manifestations dans la capitale la semaine prochaine."
)


def run(paths, default_date=DAY, **kwargs):
    return list(iter_documents([str(p) for p in paths], default_date, **kwargs))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def problems(items, severity=None):
    return [
        i
        for i in items
        if isinstance(i, InputProblem) and (severity is None or i.severity == severity)
    ]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


# --------------------------------------------------------------------------- .txt


def test_txt_with_title(tmp_path):
    path = write(tmp_path / "strelsau-talks.txt", "Leaders meet in Strelsau\n\n\n" + ARTICLE)
    items = run([path])
    assert items == [
        Document(
            id="strelsau-talks",
            text=ARTICLE,
            title="Leaders meet in Strelsau",
            date=DAY,
            origin=str(path),
        )
    ]


def test_txt_without_title_keeps_text_exactly(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)  # first line is followed by text, not a blank
    [doc] = run([path])
    assert doc.title is None and doc.text == ARTICLE

    # a first "line" that is a sentence of the lede is not mistaken for a headline
    lede = "The army of Borduria shelled the town of Klow on Monday, officials said.\n\nMore."
    [doc] = run([write(tmp_path / "b.txt", lede)])
    assert doc.title is None and doc.text == lede

    # indentation, runs of spaces and trailing blank lines stay: spans index into this text
    body = "  Indented first line.\n\n\n   Second  paragraph   with  spaces.\n\n\n"
    [doc] = run([write(tmp_path / "c.txt", "Headline\n   \n" + body)])
    assert doc.title == "Headline" and doc.text == body.lstrip("\n")


def test_txt_headline_only_is_text_not_title(tmp_path):
    [doc] = run([write(tmp_path / "h.txt", "Borduria declares state of emergency\n\n")])
    assert doc.title is None
    assert doc.text == "Borduria declares state of emergency\n\n"


def test_txt_line_endings_normalised(tmp_path):
    path = write(tmp_path / "crlf.txt", b"Title\r\n\r\nOne line.\r\nTwo line.\rThree.\r\n")
    [doc] = run([path])
    assert doc.title == "Title"
    assert doc.text == "One line.\nTwo line.\nThree.\n"


def test_txt_utf8_bom_and_utf16(tmp_path):
    [doc] = run([write(tmp_path / "bom.txt", b"\xef\xbb\xbfKaiser in K\xc3\xb6ln\n\nText.\n")])
    assert doc.title == "Kaiser in Köln" and doc.text == "Text.\n"
    items = run([write(tmp_path / "u16.txt", "Talks in Zürich\n\nThey ended.\n".encode("utf-16"))])
    assert problems(items) == []
    assert docs(items)[0].title == "Talks in Zürich"


def test_read_text_file_helper(tmp_path):
    path = write(tmp_path / "x.txt", ARTICLE)
    assert [d.text for d in read_text_file(path)] == [ARTICLE]
    assert list(read_text_file(tmp_path / "missing.txt")) == [
        InputProblem(str(tmp_path / "missing.txt"), "no such file or directory")
    ]


# --------------------------------------------------------------------------- .html


def test_html_article_main_text_title_date_url_source():
    items = list(read_html_file(DATA / "article.html", DAY))
    assert problems(items) == []
    [doc] = items
    assert doc.id == "article"
    assert doc.title == "Ruritania and Borduria agree to reopen border"
    assert doc.date == date(2024, 5, 3)  # from the page, not the default
    assert doc.url == "https://ledger.example.com/world/2024/05/03/border-deal"
    assert doc.source == "The Daily Ledger"
    assert doc.text.startswith("The prime minister of Ruritania met the president of Borduria")
    assert "observers to the border crossings." in doc.text
    # boilerplate is gone, and so is the headline repeated at the top of the body
    for junk in ("Home", "Subscribe", "Sign in", "Most read", "Copyright", "Privacy", "window."):
        assert junk not in doc.text
    assert doc.title not in doc.text


def test_html_without_date_uses_default_and_ignores_copyright_year(tmp_path):
    page = (
        "<html><head><title>Talks</title></head><body><article>"
        "<p>Diplomats from Ruritania and Borduria met in Geneva and agreed to meet again.</p>"
        "</article><footer>Copyright 2023 The Ledger</footer></body></html>"
    )
    [doc] = run([write(tmp_path / "p.html", page)])
    assert doc.date == DAY


def test_html_fragment_and_broken_html_still_give_text(tmp_path):
    frag = write(tmp_path / "frag.htm", "<p>The president of Borduria visited Strelsau.</p>")
    broken = write(
        tmp_path / "broken.html",
        "<html><head><title>Broken</title><body><div><p>Rebels seized the airport of Klow "
        "on Sunday, the army said.<p>Talks collapsed.<div><span>",
    )
    items = run([frag, broken])
    assert problems(items) == []
    assert [d.text for d in docs(items)] == [
        "The president of Borduria visited Strelsau.",
        "Rebels seized the airport of Klow on Sunday, the army said.\nTalks collapsed.",
    ]


def test_html_without_text_is_an_error(tmp_path):
    path = write(
        tmp_path / "empty.html",
        "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>",
    )
    assert run([path]) == [InputProblem(str(path), "no extractable text in HTML")]


def test_html_declared_latin1_charset_decodes_without_warning(tmp_path):
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Bogotá</title></head><body><article>'
        "<p>Señor Peña of Colombia said “no” to the minister on Monday.</p></article></body></html>"
    )
    items = run([write(tmp_path / "latin.html", page.encode("cp1252"))])
    assert problems(items) == []
    assert docs(items)[0].text == "Señor Peña of Colombia said “no” to the minister on Monday."


def test_html_never_uses_the_network(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = (DATA / "article.html").read_text(encoding="utf-8")
    page = page.replace(
        "</head>",
        '<link rel="alternate" href="https://ledger.example.com/x">'
        '<img src="https://cdn.example.com/a.jpg"></head>',
    )
    items = run([write(tmp_path / "page.html", page)])
    assert problems(items) == [] and len(docs(items)) == 1


# --------------------------------------------------------------------------- .jsonl


def test_jsonl_all_fields_and_bad_line_in_the_middle():
    path = DATA / "articles.jsonl"
    items = list(read_jsonl_file(path, DAY))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "InputProblem", "Document"]
    first, second, problem, fourth = items
    assert first == Document(
        id="ldg-001",
        text="Negotiators from Ruritania and Borduria resumed talks in Geneva on Friday.\n"
        "The United Nations envoy urged both sides to agree a ceasefire.",
        title="Talks resume in Geneva",
        date=date(2024, 5, 3),
        source="The Daily Ledger",
        url="https://ledger.example.com/geneva",
        origin=f"{path}:1",
    )
    assert second.date == date(2024, 5, 4)  # a datetime keeps its own calendar date
    assert second.title is second.source is second.url is None
    assert problem.origin == f"{path}:3" and problem.severity == "error"
    assert problem.reason == "invalid JSON: Unterminated string starting at column 27"
    assert (fourth.id, fourth.date, fourth.origin) == ("ldg-004", date(2024, 5, 6), f"{path}:4")


def test_jsonl_bad_records(tmp_path):
    lines = [
        '{"id": "ok-1", "text": "The army withdrew.", "date": "2024-05-09"}',
        "",  # blank lines are skipped
        '["not", "an", "object"]',
        '{"id": "no-text"}',
        '{"id": "null-text", "text": null}',
        '{"id": "num-text", "text": 42}',
        '{"text": "The minister resigned."}',
        '{"id": "d", "text": "Troops left.", "date": "03/05/2024", "title": 7}',
        '{"id": 1234, "text": "Talks resumed.", "date": 20240510}',
        '{"id": "e", "text": ""}',
        "\xff",
    ]
    path = write(
        tmp_path / "feed.jsonl", "\n".join(lines).encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    )
    items = run([path])
    got = [
        (i.origin.rsplit(":", 1)[1], i.severity, i.reason, i.doc_id)
        if isinstance(i, InputProblem)
        else (i.origin.rsplit(":", 1)[1], i.id, i.text, i.date)
        for i in items
    ]
    assert got == [
        ("1", "ok-1", "The army withdrew.", date(2024, 5, 9)),
        ("3", "error", "expected a JSON object, got an array", None),
        ("4", "error", "missing 'text' field", "no-text"),
        ("5", "error", "'text' must be a string, got null", "null-text"),
        ("6", "error", "'text' must be a string, got a number", "num-text"),
        ("7", "warning", "missing 'id'; using 'feed-7'", "feed-7"),
        ("7", "feed-7", "The minister resigned.", DAY),
        ("8", "warning", "'title' must be a string, got a number; ignored", "d"),
        (
            "8",
            "warning",
            "bad 'date' '03/05/2024' (expected an ISO date or datetime, or YYYYMMDD); "
            "using 2024-05-01",
            "d",
        ),
        ("8", "d", "Troops left.", DAY),
        ("9", "1234", "Talks resumed.", date(2024, 5, 10)),
        ("10", "warning", "empty document (no text)", "e"),
        ("10", "e", "", DAY),
        ("11", "error", "line is not valid UTF-8 (byte 0xff at column 1)", None),
    ]


def test_jsonl_huge_text_is_split(tmp_path):
    text = "\n\n".join(f"The envoy of state {i} met the foreign minister." for i in range(400))
    path = write(tmp_path / "big.jsonl", json.dumps({"id": "big", "text": text}) + "\n")
    parts = docs(run([path], max_part_chars=1000))
    assert len(parts) > 15
    assert "".join(p.text for p in parts) == text
    assert [p.part for p in parts] == list(range(len(parts)))
    assert all(p.id == "big" and len(p.text) <= 1000 for p in parts)
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in parts)


# --------------------------------------------------------------------------- directories, stdin


def test_directory_recursion_order_and_filtering(tmp_path):
    root = tmp_path / "corpus"
    for rel in ["b.txt", "a/z.txt", "a/sub/y.htm", "a.txt", "c/d/e.jsonl", "A.TXT"]:
        if rel.endswith(".jsonl"):
            write(root / rel, json.dumps({"id": "e1", "text": "Talks ended."}) + "\n")
        elif rel.endswith(".htm"):
            write(root / rel, "<p>The minister of Borduria resigned.</p>")
        else:
            write(root / rel, f"Text of {rel}.")
    write(root / "notes.md", "ignored")
    write(root / "data.csv", "ignored")
    write(root / ".hidden.txt", "ignored")
    write(root / ".git" / "x.txt", "ignored")
    items = run([root])
    assert problems(items) == []
    assert [d.origin for d in docs(items)] == [
        str(root / "A.TXT"),
        str(root / "a" / "sub" / "y.htm"),
        str(root / "a" / "z.txt"),
        str(root / "a.txt"),
        str(root / "b.txt"),
        f"{root / 'c' / 'd' / 'e.jsonl'}:1",
    ]
    assert [d.id for d in docs(items)] == ["A", "y", "z", "a", "b", "e1"]


def test_input_order_and_errors_do_not_stop_the_run(tmp_path):
    good1 = write(tmp_path / "one.txt", "The army withdrew.")
    binary = write(tmp_path / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    good2 = write(tmp_path / "two.txt", "The talks resumed.")
    items = run([good2, tmp_path / "missing.txt", binary, good1])
    assert [(type(i).__name__, getattr(i, "id", None)) for i in items] == [
        ("Document", "two"),
        ("InputProblem", None),
        ("InputProblem", None),
        ("Document", "one"),
    ]
    assert items[1] == InputProblem(str(tmp_path / "missing.txt"), "no such file or directory")
    assert items[2].reason == "binary file (contains NUL bytes), not text"


def test_explicit_unsupported_file_is_an_error(tmp_path):
    path = write(tmp_path / "notes.md", "The army withdrew.")
    [problem] = run([path])
    assert problem.severity == "error" and "unsupported file type '.md'" in problem.reason


def test_stdin(tmp_path, monkeypatch):
    stdin = io.StringIO("Leaders meet\r\n\r\nThe ministers met on Friday.\r\n")
    items = run(["-"], stdin=stdin)
    assert items == [
        Document(
            id="stdin",
            text="The ministers met on Friday.\n",
            title="Leaders meet",
            date=DAY,
            origin="<stdin>",
        )
    ]
    # a file called stdin.txt does not collide with it (its path form is taken too)
    monkeypatch.chdir(tmp_path)
    items = run(["-", write(tmp_path / "stdin.txt", "Talks.")], stdin=io.StringIO("Talks."))
    assert [d.id for d in docs(items)] == ["stdin", "stdin#2"]


def test_duplicate_ids_are_disambiguated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a" / "x.txt", "The army withdrew.")
    write(tmp_path / "b" / "x.txt", "The talks resumed.")
    items = run(["a/x.txt", "b/x.txt", "a"])  # "a" again: its file is not read twice
    assert [d.id for d in docs(items)] == ["x", "b/x"]
    assert [(p.severity, p.reason) for p in problems(items)] == [
        ("warning", "duplicate document id 'x' (first used by a/x.txt); renamed to 'b/x'"),
        ("warning", "already read in this run; skipped"),
    ]


# --------------------------------------------------------------------------- bad input


def test_undecodable_bytes_are_an_error(tmp_path):
    path = write(tmp_path / "junk.txt", bytes(range(128, 256)) * 8)
    [problem] = run([path])
    assert problem.severity == "error"
    assert problem.reason.startswith("not valid UTF-8 text (byte 0x80 at offset 0)")


def test_control_characters_are_binary(tmp_path):
    path = write(tmp_path / "ctl.txt", bytes(range(1, 9)) * 50 + b"some text")
    [problem] = run([path])
    assert problem.severity == "error" and problem.reason.startswith("binary file")


def test_cp1252_file_is_read_with_a_warning(tmp_path):
    text = "Señor Peña met the minister in Bogotá and said “no” to the plan — à bientôt.\n"
    path = write(tmp_path / "win.txt", text.encode("cp1252"))
    items = run([path])
    assert items == [
        InputProblem(
            str(path),
            "not valid UTF-8 (byte 0xf1 at offset 2); decoded as cp1252 (detected)",
            "win",
            "warning",
        ),
        Document(id="win", text=text, date=DAY, origin=str(path)),
    ]


def test_damaged_utf8_keeps_utf8_and_replaces_bad_bytes(tmp_path):
    good = "The talks in Köln and Zürich ended without agreement. " * 4
    path = write(tmp_path / "damaged.txt", good.encode("utf-8") + b"\xff!")
    [warning, doc] = run([path])
    assert warning.severity == "warning" and "replaced with U+FFFD" in warning.reason
    assert doc.text == good + "\ufffd!"


def test_empty_and_whitespace_documents_warn_and_are_kept(tmp_path):
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", "  \n\n \t\n")
    items = run([empty, blank])
    assert items == [
        InputProblem(str(empty), "empty document (no text)", "empty", "warning"),
        Document(id="empty", text="", date=DAY, origin=str(empty)),
        InputProblem(str(blank), "empty document (no text)", "blank", "warning"),
        Document(id="blank", text="  \n\n \t\n", date=DAY, origin=str(blank)),
    ]


def test_non_english_text_warns_but_is_kept(tmp_path):
    fr = write(tmp_path / "fr.txt", FRENCH)
    ru = write(
        tmp_path / "ru.txt",
        "Министры иностранных дел Австрии и Венгрии встретились в пятницу в Вене, чтобы "
        "обсудить пограничный контроль и поставки энергии, сообщили официальные лица.",
    )
    headlines = write(
        tmp_path / "headlines.txt",
        "Police arrest protesters. Army shells rebel positions near border town. UN envoy "
        "urges ceasefire talks. Government rejects opposition demands. Troops deployed to "
        "capital after clashes. Minister resigns amid corruption probe. Parliament approves "
        "emergency law. Rebels seize airport. Talks collapse. President visits flood zone.",
    )
    short = write(tmp_path / "short.txt", "Le président a démissionné.")
    english = write(tmp_path / "en.txt", ARTICLE)
    items = run([fr, ru, headlines, short, english])
    warned = [(p.doc_id, p.reason) for p in problems(items)]
    assert [w[0] for w in warned] == ["fr", "ru"]
    assert all(w[1].startswith("text does not look like English") for w in warned)
    assert [d.id for d in docs(items)] == ["fr", "ru", "headlines", "short", "en"]


def test_nonexistent_path_is_a_problem_not_an_exception(tmp_path):
    missing = tmp_path / "nowhere"
    assert run([missing]) == [InputProblem(str(missing), "no such file or directory")]


# --------------------------------------------------------------------------- huge documents


def _big_text(paragraphs: int) -> str:
    return "".join(
        f"Paragraph {i}: the foreign minister of state {i % 97} met envoys from "
        f"{i % 13} countries. Talks went on.{' Aid was pledged.' * (i % 5)}\n"
        + ("\n" if i % 3 else "")
        for i in range(paragraphs)
    )


def test_huge_txt_is_split_into_parts_that_reassemble(tmp_path):
    text = _big_text(3000)
    path = write(tmp_path / "huge.txt", text)
    parts = docs(run([path], max_part_chars=5000))
    assert len(parts) > 40
    assert "".join(p.text for p in parts) == text
    assert max(len(p.text) for p in parts) <= 5000
    assert [p.part for p in parts] == list(range(len(parts)))
    assert {p.id for p in parts} == {"huge"}
    for p in parts:
        assert text[p.offset : p.offset + len(p.text)] == p.text
    for p in parts[:-1]:  # every cut falls at a paragraph break
        assert p.text.endswith("\n\n")
    # reading incrementally cuts exactly where splitting the whole text does
    assert [p.text for p in parts] == split_parts(text, 5000)


def test_split_parts_cut_preferences():
    assert split_parts("", 10) == [""]
    assert split_parts("short", 10) == ["short"]
    # sentence ends when there is no paragraph break, then line ends, then spaces
    assert split_parts("One two three. Four five six. Seven.", 20) == [
        "One two three. ",
        "Four five six. ",
        "Seven.",
    ]
    assert split_parts("alpha beta\ngamma delta epsilon", 20) == [
        "alpha beta\n",
        "gamma delta epsilon",
    ]
    assert split_parts("alpha beta gamma delta epsilon", 12) == [
        "alpha beta ",
        "gamma delta ",
        "epsilon",
    ]
    # a paragraph break in the second half of the window wins over later sentence ends
    assert split_parts("Aaa bbb cc.\n\nD. E. Fff ggg", 20)[0] == "Aaa bbb cc.\n\n"
    # ... but one in the first half would make a needlessly small part
    assert split_parts("Aa.\n\nBbb ccc. Ddd eee fff", 20)[0] == "Aa.\n\nBbb ccc. "
    # never mid-word unless a single "word" exceeds the limit
    words = " ".join(["Ruritania"] * 500)
    parts = split_parts(words, 100)
    assert "".join(parts) == words
    assert all(p.rstrip(" ").endswith("Ruritania") for p in parts)
    assert split_parts("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    with pytest.raises(ValueError):
        split_parts("text", 0)


def test_big_file_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "big.txt"
    block = _big_text(2000)
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(20_000_000 // len(block) + 1):
            f.write(block)
    size = path.stat().st_size
    assert size > 20_000_000
    del block
    tracemalloc.start()
    try:
        chars = parts = 0
        for item in iter_documents([path], max_part_chars=200_000):
            assert isinstance(item, Document)
            assert item.offset == chars
            chars += len(item.text)
            parts += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert chars == size  # ASCII: one character per byte
    assert parts > 100
    assert peak < 4_000_000, f"peak {peak} bytes for a {size}-byte file"


def test_huge_txt_with_title_offsets_index_into_text_after_title(tmp_path):
    body = _big_text(300)
    path = write(tmp_path / "t.txt", "Summit in Strelsau\n\n" + body)
    parts = docs(read_text_file(path, max_part_chars=2000))
    assert {p.title for p in parts} == {"Summit in Strelsau"}
    assert "".join(p.text for p in parts) == body
    assert all(body[p.offset : p.offset + len(p.text)] == p.text for p in parts)


def test_whitespace_only_huge_document_still_warns(tmp_path):
    path = write(tmp_path / "spaces.txt", "   \n" * 100)
    items = run([path], max_part_chars=50)
    assert len(docs(items)) > 1
    assert problems(items) == [
        InputProblem(str(path), "empty document (whitespace only)", "spaces", "warning")
    ]


def test_streams_lazily_and_accepts_a_single_path(tmp_path):
    first = write(tmp_path / "first.txt", "The army withdrew.")

    def paths():
        yield first
        raise AssertionError("the second path was requested before it was needed")

    assert next(iter_documents(paths())).id == "first"
    assert [d.id for d in iter_documents(first)] == ["first"]  # not iterated as characters


def test_empty_directory_warns(tmp_path):
    write(tmp_path / "d" / "readme.md", "nothing to read")
    [problem] = run([tmp_path / "d"])
    assert problem.severity == "warning" and "no input files" in problem.reason


def test_bad_max_part_chars_fails_at_once():
    with pytest.raises(ValueError):
        iter_documents(["x.txt"], max_part_chars=0)
