"""Input stage: turn files, directories and standard input into `Document` records.

Everything here streams. `iter_documents` yields documents in input order and never raises
for bad input: unreadable, binary, undecodable or malformed input becomes an `InputProblem`
(severity "error": nothing was yielded for it) and reading goes on with the next document.
Doubtful but usable input gives a "warning" problem *before* the document it concerns.

Formats, chosen by file suffix (case-insensitive):

* ``.txt``   one article per file, id = file stem. If the first line is a short headline
  (at most 200 characters, not ending in ``.,;:``) followed by a blank line and more text,
  it becomes the title and `text` starts at the first non-blank line after it. Text is
  otherwise kept exactly as read (only line endings become ``\\n``), because spans index
  into it. Date: `default_date`.
* ``.html``/``.htm``  main text, title, date, URL and site name extracted offline with
  trafilatura (no URL is ever fetched). Date falls back to `default_date`.
* ``.jsonl`` one JSON object per line: ``id``, ``text`` and optional ``title``, ``date``,
  ``source``, ``url``. Read line by line; a bad line is reported with its line number.
* a directory: every such file below it, recursively, sorted by path (component by
  component, by code point); hidden files and directories (name starting with ``.``) and
  other files are skipped.
* ``-``: standard input, one ``.txt``-style article with id ``stdin``.

Text files are decoded as UTF-8 (a BOM is honoured, including UTF-16/32); otherwise
charset_normalizer must make a confident guess (reported as a warning), else it is an error.

Huge documents arrive as several `Document` parts with the same id (see `split_parts`):
``.txt`` files and standard input are read incrementally, so memory stays bounded by
`max_part_chars` whatever the file size.

Document ids are unique within one `iter_documents` run. A later document whose id is
taken gets a warning and a new id: for files, the path (relative to the current
directory when below it) without suffix, e.g. ``b/x`` for ``b/x.txt``; for JSONL lines,
``<id>@<file>:<line>``; failing that, ``<id>#2``, ``<id>#3``, ... A file reached twice
in one run (named twice, or also inside a named directory) is read once.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import IO, Any, TextIO, cast

from .schema import Document, InputProblem

__all__ = [
    "DEFAULT_MAX_PART_CHARS",
    "SUFFIXES",
    "iter_documents",
    "read_html_file",
    "read_jsonl_file",
    "read_text_file",
    "split_parts",
]

DEFAULT_MAX_PART_CHARS = 200_000
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN_ID = "stdin"
STDIN_ORIGIN = "<stdin>"

_CHUNK_BYTES = 1 << 16  # read size for streaming; bounds memory together with max_part_chars
_HEAD_BYTES = 1 << 16  # what binary sniffing and encoding detection look at first
_SAMPLE_BYTES = 1 << 20  # files up to this size are given whole to charset detection
_SPOOL_BYTES = 8 << 20  # standard input is kept in memory up to this, then on disk
_TITLE_MAX_CHARS = 200
_LANG_SAMPLE_CHARS = 2000
_LANG_MIN_WORDS = 40
_LANG_MIN_LETTERS = 100
# English news runs at ~40% English function words, other languages at 0-10% (Italian ~11%)
_LANG_MIN_SHARE = 0.04
_LANG_DOUBT_SHARE = 0.15
_MAX_CHAOS = 0.1  # charset_normalizer "mess" above this is not a confident guess

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Bytes that never occur in text: C0 controls except tab, newlines, form feed and escape.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 11, 12, 13, 27}) + b"\x7f"
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252.
_HTML_CHARSET_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}

_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
_FIRST_LINE = re.compile(r"([^\n]*)\n[ \t]*\n")
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_WORDS = frozenset(
    """a about after against all also an and are as at be been before between but by
    could during for from had has have he her his i if in into is it its more new no not
    of on one or our out over said says she so than that the their them there these they
    this those to two under up was we were what when which while who will with would
    you""".split()
)
# Frequent function words of French, German, Spanish, Italian, Dutch and Portuguese that are
# not English words and rarely occur in English names ("al", "de", "van" do).
_FOREIGN_WORDS = (
    frozenset(
        """le la les des du et est une dans pour qui sur par aux pas ne sont avec
    der die das und ist nicht von zu dem ein eine mit sich auf im dass wird sind auch
    los las y que por para con una su como es il di che della gli nel alla sono
    het een dat op te zijn niet met voor door ook os das dos em uma ao pelo pela""".split()
    )
    - _ENGLISH_WORDS
)

_quiet_loggers = False


class _BadInput(Exception):
    """Raised inside this module when input cannot be read; becomes an InputProblem."""


# --------------------------------------------------------------------------- public API


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    default_date: date | None = None,
    *,
    stdin: TextIO | None = None,
    max_part_chars: int = DEFAULT_MAX_PART_CHARS,
) -> Iterator[Document | InputProblem]:
    """Stream documents (and problems) from files, directories and ``-`` (standard input).

    Never raises for bad input, so one broken file cannot stop a batch run. `stdin` lets
    callers and tests substitute standard input (``sys.stdin`` by default). A single path
    is accepted too. Raises ValueError at once if `max_part_chars` < 1.
    """
    _check_max(max_part_chars)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _iter_documents(paths, default_date, stdin, max_part_chars)


def _iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    default_date: date | None,
    stdin: TextIO | None,
    max_part_chars: int,
) -> Iterator[Document | InputProblem]:
    ids = _IdRegistry()
    read_files: set[str] = set()
    stdin_read = False
    for raw in paths:
        if os.fspath(raw) == "-":
            if stdin_read:
                yield InputProblem(
                    STDIN_ORIGIN, "standard input named twice; read once", None, "warning"
                )
                continue
            stdin_read = True
            yield from _guarded(
                STDIN_ORIGIN,
                lambda: _read_stdin(stdin, default_date, max_part_chars, ids),
            )
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            path.stat()
        except OSError as exc:
            yield InputProblem(str(path), _os_reason(exc))
            continue
        files: Iterable[Path | InputProblem] = _walk(path) if is_dir else (path,)
        found = False
        for item in files:
            found = True
            if isinstance(item, InputProblem):
                yield item
                continue
            key = os.path.realpath(item)
            if key in read_files:
                yield InputProblem(str(item), "already read in this run; skipped", None, "warning")
                continue
            read_files.add(key)
            yield from _guarded(
                str(item), lambda item=item: _read_path(item, default_date, max_part_chars, ids)
            )
        if is_dir and not found:
            expected = ", ".join(sorted(SUFFIXES))
            yield InputProblem(
                str(path), f"no input files ({expected}) in directory", None, "warning"
            )


def read_text_file(
    path: str | os.PathLike[str],
    default_date: date | None = None,
    *,
    max_part_chars: int = DEFAULT_MAX_PART_CHARS,
) -> Iterator[Document | InputProblem]:
    """Read one plain-text article incrementally (see the module docstring for titles)."""
    _check_max(max_part_chars)
    return _guarded(
        str(path), lambda: _read_text(Path(path), default_date, max_part_chars, _IdRegistry())
    )


def read_html_file(
    path: str | os.PathLike[str],
    default_date: date | None = None,
    *,
    max_part_chars: int = DEFAULT_MAX_PART_CHARS,
) -> Iterator[Document | InputProblem]:
    """Read one HTML page: main text and metadata via trafilatura, offline."""
    _check_max(max_part_chars)
    return _guarded(
        str(path), lambda: _read_html(Path(path), default_date, max_part_chars, _IdRegistry())
    )


def read_jsonl_file(
    path: str | os.PathLike[str],
    default_date: date | None = None,
    *,
    max_part_chars: int = DEFAULT_MAX_PART_CHARS,
) -> Iterator[Document | InputProblem]:
    """Read a JSON Lines file line by line, one article per line."""
    _check_max(max_part_chars)
    return _guarded(
        str(path), lambda: _read_jsonl(Path(path), default_date, max_part_chars, _IdRegistry())
    )


def split_parts(text: str, max_chars: int = DEFAULT_MAX_PART_CHARS) -> list[str]:
    """Cut `text` into pieces of at most `max_chars` characters that join back to `text`.

    Each cut falls, by preference, after a paragraph break (blank line), then after a
    sentence end, then after a line end - each searched in the second half of the allowed
    length so parts stay large - then at any whitespace. Only a run of `max_chars`
    characters without whitespace is cut mid-word. Cuts depend only on the text, so reading
    a file incrementally gives the same parts as splitting it whole.
    """
    _check_max(max_chars)
    return list(_iter_parts(text, max_chars))


# --------------------------------------------------------------------------- dispatch


def _check_max(max_chars: int) -> None:
    if max_chars < 1:
        raise ValueError(f"max_part_chars must be at least 1, got {max_chars}")


def _guarded(origin: str, make: Any) -> Iterator[Document | InputProblem]:
    """Run a reader; an unexpected failure becomes an error problem instead of ending the run."""
    try:
        yield from make()
    except OSError as exc:
        yield InputProblem(origin, _os_reason(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
        yield InputProblem(origin, f"unexpected error while reading: {type(exc).__name__}: {exc}")


def _read_path(
    path: Path, default_date: date | None, max_chars: int, ids: _IdRegistry
) -> Iterator[Document | InputProblem]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _read_text(path, default_date, max_chars, ids)
    if suffix in HTML_SUFFIXES:
        return _read_html(path, default_date, max_chars, ids)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, default_date, max_chars, ids)
    expected = ", ".join(sorted(SUFFIXES))
    return iter(
        [
            InputProblem(
                str(path),
                f"unsupported file type {suffix or '(no suffix)'!r} (expected {expected})",
            )
        ]
    )


def _walk(root: Path) -> Iterator[Path | InputProblem]:
    """Supported files below `root` in sorted path order, skipping hidden names."""
    visited: set[tuple[int, int]] = set()

    def walk(directory: Path) -> Iterator[Path | InputProblem]:
        try:
            st = directory.stat()
            if (st.st_dev, st.st_ino) in visited:  # a symlink loop
                return
            visited.add((st.st_dev, st.st_ino))
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputProblem(str(directory), f"cannot list directory: {_os_reason(exc)}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                yield from walk(Path(entry.path))
            elif is_file and Path(entry.name).suffix.lower() in SUFFIXES:
                yield Path(entry.path)

    return walk(root)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read: {exc.strerror or exc}"


class _IdRegistry:
    """Hands out document ids that are unique within a run, warning when one is changed."""

    def __init__(self) -> None:
        self._first_origin: dict[str, str] = {}

    def claim(
        self, wanted: str, origin: str, alternatives: Iterable[str] = ()
    ) -> tuple[str, InputProblem | None]:
        if wanted not in self._first_origin:
            self._first_origin[wanted] = origin
            return wanted, None
        chosen = next((a for a in alternatives if a not in self._first_origin), None)
        n = 2
        while chosen is None:
            if f"{wanted}#{n}" not in self._first_origin:
                chosen = f"{wanted}#{n}"
            n += 1
        self._first_origin[chosen] = origin
        reason = (
            f"duplicate document id {wanted!r} (first used by "
            f"{self._first_origin[wanted]}); renamed to {chosen!r}"
        )
        return chosen, InputProblem(origin, reason, chosen, "warning")


def _path_id(path: Path) -> str:
    """The path without suffix, relative to the current directory when below it."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        rel = path.resolve()
    return rel.with_suffix("").as_posix()


# --------------------------------------------------------------------------- plain text


def _read_text(
    path: Path, default_date: date | None, max_chars: int, ids: _IdRegistry
) -> Iterator[Document | InputProblem]:
    origin = str(path)
    with open(path, "rb") as raw:
        fb = _seekable(raw)
        try:
            decoding = _choose_decoding(fb)
        except _BadInput as bad:
            yield InputProblem(origin, str(bad))
            return
        doc_id, dup = ids.claim(path.stem, origin, [_path_id(path)])
        yield from _text_document(fb, decoding, doc_id, dup, origin, default_date, max_chars)


def _read_stdin(
    stream: TextIO | None, default_date: date | None, max_chars: int, ids: _IdRegistry
) -> Iterator[Document | InputProblem]:
    """Spool standard input so that it can be decoded like a file (it is read only once)."""
    stream = sys.stdin if stream is None else stream
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spooled:
        spool = cast(IO[bytes], spooled)
        binary = getattr(stream, "buffer", None)
        if binary is not None and stream in (sys.stdin, sys.__stdin__):
            shutil.copyfileobj(binary, spool, _CHUNK_BYTES)
        else:
            try:
                while chunk := stream.read(_CHUNK_BYTES):
                    try:
                        spool.write(chunk.encode("utf-8", "surrogateescape"))
                    except UnicodeEncodeError:
                        spool.write(chunk.encode("utf-8", "replace"))
            except UnicodeDecodeError as exc:
                yield InputProblem(STDIN_ORIGIN, f"not valid text: {exc}")
                return
        spool.seek(0)
        try:
            decoding = _choose_decoding(spool)
        except _BadInput as bad:
            yield InputProblem(STDIN_ORIGIN, str(bad))
            return
        doc_id, dup = ids.claim(STDIN_ID, STDIN_ORIGIN)
        yield from _text_document(
            spool, decoding, doc_id, dup, STDIN_ORIGIN, default_date, max_chars
        )


def _text_document(
    fb: IO[bytes],
    decoding: _Decoding,
    doc_id: str,
    dup: InputProblem | None,
    origin: str,
    default_date: date | None,
    max_chars: int,
) -> Iterator[Document | InputProblem]:
    if dup:
        yield dup
    if decoding.warning:
        yield InputProblem(origin, decoding.warning, doc_id, "warning")
    fb.seek(0)
    chunks = _normalise_newlines(_decode_chunks(fb, decoding))
    title, body = _take_title(chunks)
    try:
        yield from _emit(
            _split_stream(body, max_chars),
            doc_id=doc_id,
            origin=origin,
            title=title,
            doc_date=default_date,
        )
    except UnicodeDecodeError as exc:  # the file changed after it was checked
        yield InputProblem(origin, f"became undecodable while reading: {exc}", doc_id)


def _seekable(fb: IO[bytes]) -> IO[bytes]:
    """Encoding detection reads a file more than once; copy pipes and FIFOs to a spool."""
    if fb.seekable():
        return fb
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)
    shutil.copyfileobj(fb, spool, _CHUNK_BYTES)
    spool.seek(0)
    return cast(IO[bytes], spool)


def _decode_chunks(fb: IO[bytes], decoding: _Decoding) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(decoding.encoding)(errors=decoding.errors)
    while chunk := fb.read(_CHUNK_BYTES):
        if text := decoder.decode(chunk):
            yield text
    if text := decoder.decode(b"", final=True):
        yield text


def _normalise_newlines(chunks: Iterable[str]) -> Iterator[str]:
    r"""Turn \r\n and lone \r into \n, also when a \r\n pair straddles two chunks."""
    carry = ""
    for chunk in chunks:
        chunk = carry + chunk
        carry = ""
        if chunk.endswith("\r"):
            chunk, carry = chunk[:-1], "\r"
        if "\r" in chunk:
            chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
        if chunk:
            yield chunk
    if carry:
        yield "\n"


def _take_title(chunks: Iterator[str]) -> tuple[str | None, Iterator[str]]:
    """Split off a headline line followed by a blank line; the rest streams on untouched."""
    chunks = iter(chunks)
    head = ""
    while not _title_decidable(head):
        more = next(chunks, None)
        if more is None:
            break
        head += more
    match = _FIRST_LINE.match(head)
    if not match or not _is_title(match.group(1)):
        return None, chain([head], chunks)
    consumed = [head]  # kept to undo the title if nothing follows it
    rest = head[match.end() :]
    while True:
        blank = _BLANK_LINES.match(rest)  # complete blank lines only: keep indentation
        rest = rest[blank.end() :] if blank else rest
        if rest.strip(" \t"):
            return match.group(1).strip(), chain([rest], chunks)
        more = next(chunks, None)
        if more is None:  # only blank lines after it: a one-line article, not a title
            return None, iter(consumed)
        consumed.append(more)
        rest += more


def _title_decidable(head: str) -> bool:
    """Whether `head` shows enough to tell if its first line is a title."""
    newline = head.find("\n")
    if newline < 0:
        return len(head) > 4 * _TITLE_MAX_CHARS  # far too long for a headline anyway
    after = head[newline + 1 :]
    return len(after.lstrip(" \t")) > 0 or len(head) > 4 * _CHUNK_BYTES


def _is_title(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= _TITLE_MAX_CHARS and line[-1] not in ".,;:"


# --------------------------------------------------------------------------- decoding


@dataclass(frozen=True)
class _Decoding:
    encoding: str
    errors: str = "strict"
    warning: str | None = None


def _choose_decoding(fb: IO[bytes], declared: str | None = None) -> _Decoding:
    """Pick how to decode a seekable byte stream, reading it in chunks (bounded memory).

    UTF-8 (or a BOM) is trusted; a charset declared by HTML is trusted if it decodes the
    bytes; anything else is a guess, which is why it comes with a warning.
    """
    fb.seek(0)
    head = fb.read(_HEAD_BYTES)
    for bom, encoding, name in _BOMS:
        if head.startswith(bom):
            bad = _first_error(fb, encoding, nul_check=False)
            if bad:
                raise _BadInput(
                    f"not valid {name} text despite its byte order mark "
                    f"(byte 0x{bad[1]:02x} at offset {bad[0]})"
                )
            return _Decoding(encoding)
    if reason := _binary_reason(head):
        raise _BadInput(reason)
    bad = _first_error(fb, "utf-8")
    if bad is None:
        return _Decoding("utf-8")
    where = f"byte 0x{bad[1]:02x} at offset {bad[0]}"
    if declared and _first_error(fb, declared) is None:
        return _Decoding(declared)
    sample = _detection_sample(fb, head, bad[0])
    if _mostly_utf8(sample):
        return _Decoding(
            "utf-8",
            "replace",
            f"not valid UTF-8 ({where}) but otherwise UTF-8; invalid bytes replaced with U+FFFD",
        )
    for encoding in _guess_encodings(sample):
        if _first_error(fb, encoding) is None:
            return _Decoding(
                encoding, warning=f"not valid UTF-8 ({where}); decoded as {encoding} (detected)"
            )
    raise _BadInput(f"not valid UTF-8 text ({where}) and no confident guess of its encoding")


def _binary_reason(head: bytes) -> str | None:
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls / len(head) > 0.1:
            return f"binary file ({controls / len(head):.0%} control bytes), not text"
    return None


def _first_error(fb: IO[bytes], encoding: str, *, nul_check: bool = True) -> tuple[int, int] | None:
    """(offset, byte) of the first undecodable byte, streaming; a NUL byte is fatal."""
    fb.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    try:
        while True:
            chunk = fb.read(_CHUNK_BYTES)
            if nul_check and (nul := chunk.find(b"\x00")) >= 0:
                raise _BadInput(f"binary file (NUL byte at offset {offset + nul}), not text")
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset - pending + exc.start, exc.object[exc.start]
            if not chunk:
                return None
            offset += len(chunk)
    finally:
        fb.seek(0)


def _detection_sample(fb: IO[bytes], head: bytes, bad_offset: int) -> bytes:
    """Small files whole; else the start plus the bytes around the first non-UTF-8 byte."""
    fb.seek(0, io.SEEK_END)
    size = fb.tell()
    if size <= _SAMPLE_BYTES:
        fb.seek(0)
        sample = fb.read()
    elif bad_offset < len(head):
        sample = head
    else:
        fb.seek(max(len(head), bad_offset - _HEAD_BYTES // 2))
        sample = head + b"\n" + fb.read(_HEAD_BYTES)
    fb.seek(0)
    return sample


def _mostly_utf8(sample: bytes) -> bool:
    """True when valid multi-byte UTF-8 outnumbers stray bytes (a damaged UTF-8 file)."""
    text = sample.decode("utf-8", "surrogateescape")
    stray = len(_STRAY_BYTE.findall(text))
    return len(_NON_ASCII.findall(text)) - stray > stray


def _guess_encodings(sample: bytes) -> list[str]:
    """Confident charset_normalizer guesses, windows-1252 first when it is among the best.

    charset_normalizer ranks byte-identical single-byte code pages arbitrarily (cp1250,
    cp1257, ...) for Western text; whodid reads English news, so cp1252 wins ties.
    """
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(sample) if m.chaos <= _MAX_CHAOS]
    if not matches:
        return []
    best = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best + 0.01]
    guesses = ["cp1252"] if any("cp1252" in m.could_be_from_charset for m in near) else []
    for m in sorted(near, key=lambda m: (m.chaos, -m.coherence)) + matches:
        if m.encoding not in guesses and not m.encoding.startswith("utf"):
            guesses.append(m.encoding)
    return guesses


# --------------------------------------------------------------------------- HTML


def _read_html(
    path: Path, default_date: date | None, max_chars: int, ids: _IdRegistry
) -> Iterator[Document | InputProblem]:
    origin = str(path)
    data = path.read_bytes()
    try:
        decoding = _choose_decoding(io.BytesIO(data), _declared_charset(data))
    except _BadInput as bad:
        yield InputProblem(origin, str(bad))
        return
    html = data.decode(decoding.encoding, decoding.errors)
    del data
    extracted = _extract_html(html)
    if extracted is None:
        yield InputProblem(origin, "no extractable text in HTML")
        return
    text, title, raw_date, url, source = extracted
    doc_id, dup = ids.claim(path.stem, origin, [_path_id(path)])
    if dup:
        yield dup
    if decoding.warning:
        yield InputProblem(origin, decoding.warning, doc_id, "warning")
    doc_date = default_date
    if raw_date:
        try:
            doc_date = date.fromisoformat(raw_date[:10])
        except ValueError:
            pass
    yield from _emit(
        _iter_parts(text, max_chars),
        doc_id=doc_id,
        origin=origin,
        title=title,
        doc_date=doc_date,
        source=source,
        url=url,
    )


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name.replace("-", "_")
    except (LookupError, UnicodeDecodeError):
        return None
    return _HTML_CHARSET_ALIASES.get(name, name)


def _extract_html(
    html: str,
) -> tuple[str, str | None, str | None, str | None, str | None] | None:
    """(text, title, date, url, site name) via trafilatura, or None when there is no text.

    htmldate's "extensive search" is off: it turns a footer's "Copyright 2023" into
    2023-01-01, and a wrong date is worse than `default_date` for event data.
    """
    _quiet_third_party_loggers()
    from trafilatura import bare_extraction

    params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    html = html.replace("\r\n", "\n").replace("\r", "\n")
    result = bare_extraction(
        html, with_metadata=True, include_comments=False, date_extraction_params=params
    )
    lowered = html[:5000].lower()
    if (
        (result is None or not (result.text or "").strip())
        and "<html" not in lowered
        and ("<body" not in lowered)
    ):
        # trafilatura rejects bare fragments ("<p>...</p>"): give them a document around
        result = bare_extraction(
            f"<html><body>{html}</body></html>",
            with_metadata=True,
            include_comments=False,
            date_extraction_params=params,
        )
    if result is None:
        return None
    text = _normalise_text(result.text or "").strip()
    title = " ".join((result.title or "").split()) or None
    if title:
        first, _, rest = text.partition("\n")
        if " ".join(first.split()).casefold() == title.casefold() and rest.strip():
            text = rest.lstrip("\n")  # the headline repeated as the first line of the body
    if not text:
        return None
    return (text, title, result.date or None, result.url or None, result.sitename or None)


def _quiet_third_party_loggers() -> None:
    """Stop trafilatura's own logging reaching stderr; problems are reported as records.

    A NullHandler only prevents logging's last-resort stderr output: applications that
    configure logging still receive these messages.
    """
    global _quiet_loggers
    if not _quiet_loggers:
        for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
            logging.getLogger(name).addHandler(logging.NullHandler())
        _quiet_loggers = True


# --------------------------------------------------------------------------- JSONL


def _read_jsonl(
    path: Path, default_date: date | None, max_chars: int, ids: _IdRegistry
) -> Iterator[Document | InputProblem]:
    with open(path, "rb") as fb:
        head = fb.read(_HEAD_BYTES)
        if reason := _binary_reason(head):
            yield InputProblem(str(path), reason)
            return
        fb.seek(0)
        for lineno, raw in enumerate(fb, 1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw.strip():
                yield from _jsonl_line(raw, path, lineno, default_date, max_chars, ids)


def _jsonl_line(
    raw: bytes,
    path: Path,
    lineno: int,
    default_date: date | None,
    max_chars: int,
    ids: _IdRegistry,
) -> Iterator[Document | InputProblem]:
    origin = f"{path}:{lineno}"
    try:
        record = json.loads(raw.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError as exc:
        yield InputProblem(
            origin,
            f"line is not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} "
            f"at column {exc.start + 1})",
        )
        return
    except json.JSONDecodeError as exc:
        yield InputProblem(
            origin, f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        )
        return
    if not isinstance(record, dict):
        yield InputProblem(origin, f"expected a JSON object, got {_json_type(record)}")
        return
    warnings: list[str] = []
    raw_id = record.get("id")
    given_id: str | None = None
    if isinstance(raw_id, str) and raw_id.strip():
        given_id = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        given_id = str(raw_id)
    fallback_id = f"{path.stem}-{lineno}"
    if "text" not in record:
        yield InputProblem(origin, "missing 'text' field", given_id)
        return
    text = record["text"]
    if not isinstance(text, str):
        yield InputProblem(origin, f"'text' must be a string, got {_json_type(text)}", given_id)
        return
    if given_id is None:
        what = (
            "missing 'id'"
            if raw_id is None
            else (f"'id' must be a non-empty string or an integer, got {_json_type(raw_id)}")
        )
        warnings.append(f"{what}; using {fallback_id!r}")
    doc_id, dup = ids.claim(
        given_id or fallback_id, origin, [f"{given_id or fallback_id}@{_path_id(path)}:{lineno}"]
    )
    fields: dict[str, str | None] = {}
    for name in ("title", "source", "url"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            warnings.append(f"'{name}' must be a string, got {_json_type(value)}; ignored")
            value = None
        fields[name] = " ".join(value.split()) if name == "title" and value else value or None
    doc_date = default_date
    if record.get("date") is not None:
        try:
            doc_date = _parse_date(record["date"])
        except ValueError:
            fallback = default_date.isoformat() if default_date else "no date"
            warnings.append(
                f"bad 'date' {record['date']!r} (expected an ISO date or datetime, "
                f"or YYYYMMDD); using {fallback}"
            )
    if dup:
        yield dup
    for reason in warnings:
        yield InputProblem(origin, reason, doc_id, "warning")
    yield from _emit(
        _iter_parts(_normalise_text(text), max_chars),
        doc_id=doc_id,
        origin=origin,
        title=fields["title"],
        doc_date=doc_date,
        source=fields["source"],
        url=fields["url"],
    )


def _parse_date(value: Any) -> date:
    """ISO date, ISO datetime (its own calendar date, not converted to UTC) or YYYYMMDD."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(value)
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


# --------------------------------------------------------------------------- documents


def _normalise_text(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _emit(
    parts: Iterator[str],
    *,
    doc_id: str,
    origin: str,
    title: str | None,
    doc_date: date | None,
    source: str | None = None,
    url: str | None = None,
) -> Iterator[Document | InputProblem]:
    """Yield a document's parts, preceded by warnings about an empty or non-English text."""
    first = next(parts)
    second = next(parts, None)
    blank = not first.strip()
    if blank and second is None:
        yield InputProblem(origin, "empty document (no text)", doc_id, "warning")
    elif reason := _not_english(first):
        yield InputProblem(origin, reason, doc_id, "warning")
    offset = 0
    rest = parts if second is None else chain([second], parts)
    for index, text in enumerate(chain([first], rest)):
        blank = blank and not text.strip()
        yield Document(
            id=doc_id,
            text=text,
            title=title,
            date=doc_date,
            source=source,
            url=url,
            origin=origin,
            part=index,
            offset=offset,
        )
        offset += len(text)
    if blank and second is not None:
        yield InputProblem(origin, "empty document (whitespace only)", doc_id, "warning")


def _not_english(text: str) -> str | None:
    """A reason when the text does not look like English, else None (cheap heuristic).

    Few English function words alone is not enough (a list of headlines has few), so the
    text must also have more function words of other European languages, or almost no
    English ones at all; texts mostly in a non-Latin script are caught by their letters.
    """
    sample = text[:_LANG_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= _LANG_MIN_LETTERS:
        latin = sum(1 for c in letters if c < "\u0250")
        if latin / len(letters) < 0.5:
            return "text does not look like English (mostly non-Latin script)"
    words = _WORD.findall(sample.lower())
    if len(words) < _LANG_MIN_WORDS:
        return None
    english = sum(1 for w in words if w in _ENGLISH_WORDS) / len(words)
    foreign = sum(1 for w in words if w in _FOREIGN_WORDS) / len(words)
    if english < _LANG_MIN_SHARE or (english < _LANG_DOUBT_SHARE and foreign > english):
        return f"text does not look like English (only {english:.0%} common English words)"
    return None


def _iter_parts(text: str, max_chars: int) -> Iterator[str]:
    start = 0
    while len(text) - start > max_chars:
        cut = _cut_point(text, start, max_chars)
        yield text[start:cut]
        start = cut
    yield text[start:]


def _split_stream(chunks: Iterable[str], max_chars: int) -> Iterator[str]:
    """`_iter_parts` over a stream of chunks, holding at most one part plus one chunk."""
    buffer = ""
    produced = False
    for chunk in chunks:
        buffer += chunk
        while len(buffer) > max_chars:
            cut = _cut_point(buffer, 0, max_chars)
            yield buffer[:cut]
            produced = True
            buffer = buffer[cut:]
    if buffer or not produced:
        yield buffer


def _cut_point(text: str, start: int, max_chars: int) -> int:
    """Where the part starting at `start` ends; needs text[start : start + max_chars + 1]."""
    hi = start + max_chars
    lo = start + max_chars // 2
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END):
        end = 0
        for match in pattern.finditer(text, lo, hi):
            end = match.end()
        if end > start:
            return end
    newline = text.rfind("\n", lo, hi)
    if newline >= 0:
        return newline + 1
    end = 0
    for match in _WHITESPACE.finditer(text, start, hi + 1):
        end = min(match.end(), hi) if match.start() < hi else hi
    if end > start:
        return end
    cut = hi  # no whitespace at all: a mid-"word" cut is unavoidable; keep accents attached
    while cut > start + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut
