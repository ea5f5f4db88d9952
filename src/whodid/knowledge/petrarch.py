"""Readers for user dictionaries in PETRARCH-2 format (actors, agents, verbs, discards).

The formats are those read by PETRARCH-2's `PETRreader.py` (openeventdata/petrarch2,
`petrarch2/PETRreader.py`: `read_FIN_line`, `read_actor_dictionary`,
`read_agent_dictionary`, `read_verb_dictionary`, `read_discard_list`), with the date
semantics of `PETRtree.NounPhrase.check_date` and the documented rules of PETRARCH-1's
reader where PETRARCH-2's code is looser. Entries become whodid's own knowledge classes
(`model.py`), each with its origin `file:line`, so coded records can point at them.

Comments, as in `read_FIN_line`: a line starting with `#`, everything after a `#`,
and `<!-- ... -->` (also over several lines, and TABARI's `<! -- ... -->`).

Strictness: a line whodid cannot read raises `LexiconError(file, line, reason)`.
Only entries that PETRARCH itself skips or cannot code are skipped, each recorded as
a `Note` (pass a list as `notes=` to collect them): agents without a code, actor date
restrictions with an impossible date, verb patterns with a non-CAMEO code such as
`[+++]` or `[def]` or with an undefined synset, and verb transformations (`~` lines),
which whodid's pattern model cannot express. Notes that only record a normalisation
(`[025?]` read as 025, a bare actor date read as `>date`, two verbs `LASH OUT` read as
the phrasal verb `lash_out`) have `skipped=False`.

What whodid does not need is dropped silently: PETRARCH's generated plurals and verb
inflections (`{BROUGHT BRINGING}`), since whodid matches spaCy lemmas; and TABARI's
`^` skip marker in patterns, since whodid's pattern words may have gaps anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import product
from pathlib import Path

from .model import (
    Agent,
    Alias,
    Discard,
    Element,
    NamedActor,
    Pattern,
    PatternLexicon,
    Term,
    Trigger,
)
from .tables import LexiconError

__all__ = [
    "Note",
    "PetrarchDictionaries",
    "load_petrarch_dictionaries",
    "read_actors",
    "read_agents",
    "read_discards",
    "read_verbs",
]


@dataclass(frozen=True)
class Note:
    """An entry PETRARCH would skip or that was normalised, so users can see what was dropped."""

    origin: str  # "file:line"
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.origin}: {'skipped: ' if self.skipped else ''}{self.message}"


@dataclass
class PetrarchDictionaries:
    """Whatever PETRARCH dictionaries were loaded, in whodid's classes, plus what was skipped."""

    actors: list[NamedActor] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    verbs: PatternLexicon | None = None
    discards: list[Discard] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


# ---------------------------------------------------------------------------- lines


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text without comments) for each meaningful line, as `read_FIN_line`.

    `#` cuts the rest of a line (PETRARCH-2 cuts at any `#`, not only ` #`); `<!...-->`
    is removed and may span lines. Leading whitespace is kept (callers strip it).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(path, raw[: exc.start].count(b"\n") + 1, "not valid UTF-8") from exc
    in_comment = False
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): \x1c, \x85… are text
        line = line.rstrip("\r")
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 3 :]
        elif line.lstrip().startswith("#"):
            continue
        out = []
        while line:
            h, c = line.find("#"), line.find("<!")
            if h >= 0 and (c < 0 or h < c):
                out.append(line[:h])
                break
            if c < 0:
                out.append(line)
                break
            out.append(line[:c])
            end = line.find("-->", c)
            if end < 0:
                in_comment = True
                break
            line = line[end + 3 :]
        line = "".join(out).rstrip()
        if line.strip():
            yield n, line


def _origin(path: Path, n: int) -> str:
    return f"{path.name}:{n}"


def _phrase(text: str) -> tuple[str, ...]:
    """Lowercase words of a PETRARCH phrase: `_` and spaces separate words (a final `_` goes)."""
    return tuple(w for w in re.split(r"[_\s]+", text.strip().lower()) if w)


# ---------------------------------------------------------------------------- actors

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_ACTOR_CODE = re.compile(r"^(?:---|[A-Z0-9]+(?:/[A-Z0-9]+)*)$")
_DATE_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_DATE_ONE = re.compile(r"^([<>]?)\s*(\d+)$")


class _DateError(ValueError):
    pass


@lru_cache(maxsize=65536)
def _pdate(s: str) -> date:
    """PETRARCH date: YYMMDD (00–30 → 20YY, else 19YY) or YYYYMMDD (`dstr_to_ordate`)."""
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        md = s[2:]
    elif len(s) == 8:
        year, md = int(s[:4]), s[4:]
    else:
        raise _DateError(f"date {s!r} is neither YYMMDD nor YYYYMMDD")
    try:
        return date(year, int(md[:2]), int(md[2:]))
    except ValueError as exc:
        raise _DateError(f"impossible date {s!r}") from exc


def _restriction(rest: str) -> tuple[date | None, date | None, str | None]:
    """`<D`, `>D`, `A-B`, bare `D` → (start, end, note); dates are inclusive in whodid's Term.

    PETRARCH-2's `check_date` tests `date < D` for `<`, `date >= D` for `>` (and for a
    bare date, its `else` branch), and `A <= date < B` for ranges: so `<D` ends the day
    before D, and a range ends the day before B (or on A for a one-day range).
    """
    rest = rest.strip()
    m = _DATE_RANGE.match(rest)
    if m:
        a, b = _pdate(m.group(1)), _pdate(m.group(2))
        if b < a:
            raise _DateError(f"range ends ({m.group(2)}) before it starts ({m.group(1)})")
        return a, max(a, b - timedelta(days=1)), None
    m = _DATE_ONE.match(rest)
    if m:
        d = _pdate(m.group(2))
        if m.group(1) == "<":
            return None, d - timedelta(days=1), None
        note = None if m.group(1) else f"bare date {rest!r} read as '>{rest}' (as PETRARCH-2)"
        return d, None, note
    raise ValueError(f"bad date restriction {rest!r}: expected <YYMMDD, >YYMMDD or YYMMDD-YYMMDD")


@dataclass
class _ActorEntry:
    name: str
    origin: str
    names: list[tuple[tuple[str, ...], str, str]]  # (words, form, origin)
    terms: list[Term] = field(default_factory=list)
    defaults: list[tuple[str, str]] = field(default_factory=list)  # (code, origin)


def read_actors(
    path: str | Path, notes: list[Note] | None = None
) -> tuple[list[NamedActor], list[Alias]]:
    """Read a PETRARCH actor dictionary into actors and their (case-insensitive) aliases.

    Entries: `NAME [CODE]` or `NAME`, then `+SYNONYM` lines and code lines
    `[CODE]`, `[CODE <YYMMDD]`, `[CODE >YYMMDD]`, `[CODE YYMMDD-YYMMDD]` (several `[..]`
    may share a line). An undated code is the default outside dated terms
    (`NamedActor.default_code`) or, without dated terms, the one undated `Term`; when an
    entry has several undated codes the first wins, as in `check_date`. `[---]` is kept:
    PETRARCH's null code, an actor recognised but never coded. `A/B` codes list several
    actors (TABARI compound actors: one event per code). Codes are upper-cased.
    """
    path = Path(path)
    notes = notes if notes is not None else []
    entries: list[_ActorEntry] = []
    current: _ActorEntry | None = None
    for n, line in _lines(path):
        origin = _origin(path, n)
        text = line.strip()
        first = text.find("[")
        head, codes = (text, "") if first < 0 else (text[:first], text[first:])
        brackets = _BRACKET.findall(codes)
        leftover = _BRACKET.sub("", codes).strip()
        if "[" in leftover or "]" in leftover or not brackets and codes:
            raise LexiconError(path, n, f"unbalanced [] in {codes!r}: expected [CODE ...] groups")
        if leftover:  # three Phoenix lines carry company data after the code
            notes.append(
                Note(origin, f"text after the code ignored: {leftover[:40]!r}", skipped=False)
            )
        head = head.strip()
        if head.startswith("+"):
            if current is None:
                raise LexiconError(path, n, "synonym (+) before any actor")
            words = _phrase(head[1:])
            if not words:
                raise LexiconError(path, n, "empty synonym")
            current.names.append((words, "alt", origin))
        elif head:
            words = _phrase(head)
            if not words:
                raise LexiconError(path, n, f"empty actor name in {text!r}")
            current = _ActorEntry(
                name=" ".join(head.replace("_", " ").split()),
                origin=origin,
                names=[(words, "name", origin)],
            )
            entries.append(current)
        elif current is None:
            raise LexiconError(path, n, "code line before any actor")
        for content in brackets:
            parts = content.split(None, 1)
            if not parts:
                raise LexiconError(path, n, "empty [] code")
            code = parts[0].upper()
            if not _ACTOR_CODE.match(code):
                notes.append(
                    Note(
                        origin, f"actor code {parts[0]!r} is not a code (letters, digits, / or ---)"
                    )
                )
                continue
            if len(parts) == 1:
                current.defaults.append((code, origin))  # type: ignore[union-attr]
                continue
            try:
                start, end, note = _restriction(parts[1])
            except _DateError as exc:
                notes.append(
                    Note(origin, f"date restriction [{content}]: {exc} (PETRARCH skips it)")
                )
                continue
            except ValueError as exc:
                raise LexiconError(path, n, str(exc)) from exc
            if note:
                notes.append(Note(origin, note, skipped=False))
            current.terms.append(Term(code, start, end, None, origin))  # type: ignore[union-attr]
    return _build_actors(entries, notes)


def _build_actors(
    entries: list[_ActorEntry], notes: list[Note]
) -> tuple[list[NamedActor], list[Alias]]:
    actors: list[NamedActor] = []
    aliases: list[Alias] = []
    for e in entries:
        actor = NamedActor(
            key=f"petrarch:{e.origin}", name=e.name, kind="actor", terms=list(e.terms)
        )
        if e.defaults:
            code, origin = e.defaults[0]
            if e.terms:
                actor.default_code = code
            else:
                actor.terms = [Term(code, origin=origin)]
            for extra, o in e.defaults[1:]:
                notes.append(
                    Note(o, f"second undated code {extra} of {e.name!r} ignored (the first wins)")
                )
        elif not e.terms:
            notes.append(
                Note(e.origin, f"actor {e.name!r} has no code: matched but never coded", False)
            )
        actors.append(actor)
        seen: set[tuple[str, ...]] = set()
        for words, form, origin in e.names:
            if words in seen:
                continue
            seen.add(words)
            aliases.append(
                Alias(
                    text=" ".join(words),
                    actor=actor,
                    form=form,
                    origin=origin,
                    case_sensitive=False,
                )
            )
    return actors, aliases


# ---------------------------------------------------------------------------- agents

_AGENT_CODE = re.compile(r"^(~[A-Z0-9]+|[A-Z0-9]+~)$")
_MARKER_DEF = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.+)$")
_MARKER = re.compile(r"!([A-Za-z0-9_]*)!")
_PERSON_HEADS = frozenset(
    """
    president minister secretary ambassador diplomat official spokesman spokeswoman spokesperson
    leader chief head king queen prince princess emperor sultan emir sheikh shah monarch ruler
    dictator premier chancellor governor mayor general colonel commander officer soldier sailor
    pilot marine guard sergeant captain lieutenant judge prosecutor lawyer attorney magistrate
    lawmaker legislator senator congressman deputy mp parliamentarian cleric imam mullah ayatollah
    priest bishop archbishop cardinal pope rabbi monk nun preacher activist dissident journalist
    reporter correspondent editor student teacher professor academic scholar worker farmer
    peasant businessman executive ceo director chairman chairwoman chairperson adviser advisor
    aide envoy consul negotiator mediator rebel guerrilla militant insurgent fighter gunman
    terrorist bomber citizen civilian resident villager refugee migrant prisoner detainee hostage
    victim witness doctor physician nurse surgeon scientist economist analyst banker trader
    candidate nominee delegate representative spy informant defector vicar bureaucrat
    commissioner inspector investigator negotiator protester protestor demonstrator
    """.split()
)


def _agent_type(words: tuple[str, ...]) -> str:
    """Person when the head word obviously names one human (minister, congressman), else group."""
    last = words[-1]
    if last in _PERSON_HEADS or last.endswith(("man", "woman", "person", "ist")):
        return "person"
    return "group"


def read_agents(path: str | Path, notes: list[Note] | None = None) -> list[Agent]:
    """Read a PETRARCH agent dictionary: `PHRASE {PLURAL} [~CODE]` lines and `!X! = A, B` macros.

    `[~GOV]` adds the code after the actor's (USA → USAGOV): `sector` is the code without
    `~`. `[NGO~]` adds it before (PETRARCH-1 reader: "usually done for organizations");
    whodid's Agent has no prefix flag, so such agents also carry `generic_code` = the
    code: an organisation coded as itself. An explicit `{FORM}` (irregular plural or
    variant spelling) becomes a second entry; `{}` and regular plurals add nothing, since
    whodid matches lemmas. `!PERSON!` in a phrase is replaced by each listed form.
    Lines without a code are skipped, as PETRARCH does ("Codes are required for agents").
    """
    path = Path(path)
    notes = notes if notes is not None else []
    markers: dict[str, list[str]] = {}
    out: list[Agent] = []
    for n, line in _lines(path):
        origin = _origin(path, n)
        text = line.strip()
        if "!" in text and "=" in text:
            m = _MARKER_DEF.match(text)
            if not m:
                raise LexiconError(path, n, "bad substitution marker: expected !NAME! = A, B, C")
            forms = [f.strip() for f in m.group(2).split(",") if f.strip()]
            if not forms:
                raise LexiconError(path, n, f"substitution marker !{m.group(1)}! lists no forms")
            markers[m.group(1)] = forms
            continue
        if "[" not in text:
            notes.append(Note(origin, f"agent {text!r} has no [CODE] (PETRARCH skips it)"))
            continue
        phrase, _, rest = text.partition("[")
        if "]" not in rest and rest.rstrip().endswith("}"):  # Phoenix.agents.txt: [~ENV}
            notes.append(Note(origin, f"code [{rest.strip()} read as closed by ]", skipped=False))
            rest = rest.rstrip()[:-1] + "]"
        code, close, tail = rest.partition("]")
        if not close or tail.strip():
            raise LexiconError(path, n, "agent code must be one [CODE] at the end of the line")
        code = code.replace(" ", "").upper()
        if not _AGENT_CODE.match(code):
            raise LexiconError(path, n, f"bad agent code [{code}]: expected [~CODE] or [CODE~]")
        sector = code.strip("~")
        generic = sector if code.endswith("~") else None
        forms = [phrase]
        if "{" in phrase or "}" in phrase:
            m = re.fullmatch(r"([^{}]*)\{([^{}]*)\}\s*", phrase)
            if not m:
                raise LexiconError(path, n, "unbalanced {} in agent phrase")
            forms = [m.group(1), m.group(2)]
        seen: set[tuple[str, ...]] = set()
        for i, form in enumerate(forms):
            for expanded in _expand_markers(form, markers, path, n):
                words = _phrase(expanded)
                if not words:
                    if i == 0:
                        raise LexiconError(path, n, "empty agent phrase")
                    continue
                if words in seen:
                    continue
                seen.add(words)
                out.append(
                    Agent(
                        words=words,
                        sector=sector,
                        type=_agent_type(words),
                        role=None,
                        origin=origin,
                        generic_code=generic,
                    )
                )
    return out


def _expand_markers(text: str, markers: dict[str, list[str]], path: Path, n: int) -> list[str]:
    m = _MARKER.search(text)
    if not m:
        return [text]
    if m.group(1) not in markers:
        raise LexiconError(path, n, f"undefined substitution marker !{m.group(1)}!")
    out = []
    for form in markers[m.group(1)]:
        out += _expand_markers(text[: m.start()] + form + text[m.end() :], markers, path, n)
    return out


# ---------------------------------------------------------------------------- discards


def read_discards(path: str | Path, notes: list[Note] | None = None) -> list[Discard]:
    """Read a PETRARCH discard list: `+PHRASE` discards the whole story, `PHRASE` the sentence.

    PETRARCH matches discards case-insensitively on the raw text, as stems unless the
    phrase ends in `_`; whodid's Discard keeps only the words (the `_` is dropped).
    """
    path = Path(path)
    out = []
    for n, line in _lines(path):
        text = line.strip()
        scope = "sentence"
        if text.startswith("+"):
            scope, text = "story", text[1:]
        words = _phrase(text)
        if not words:
            raise LexiconError(path, n, "empty discard phrase")
        out.append(Discard(words=words, scope=scope, origin=_origin(path, n)))
    return out


# ---------------------------------------------------------------------------- verbs

_VERB_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")  # letters: PETRARCH validation-suite codes (174K)
_MARKED_CODE = re.compile(r"^(\d{2,4})[?!]$")  # a coder's query mark: [025?], [080!]
_CODE_AT_END = re.compile(r"\[([^\[\]]*)\]\s*$")
_SLOTS = {"+": "target", "$": "source", "%": "both"}
_SYNREF = re.compile(r"&[^\s_{}()&]+(?:_[^\s_{}()&]+)*")


class _Skip(Exception):
    """A pattern PETRARCH would not code (bad code, undefined synset): noted, not fatal."""


def _verb_code(raw: str, path: Path, n: int, notes: list[Note]) -> tuple[str | None, str | None]:
    """`[CODE]`, `[CODE:REV]`, `[:REV]` (passive only, PETRARCH-2 `convert_code`), `[---]`."""
    parts = raw.strip().split(":")
    if len(parts) > 2:
        raise LexiconError(path, n, f"bad code [{raw}]: expected CODE, CODE:REVERSE or ---")
    out: list[str | None] = []
    for p in parts:
        p = p.strip()
        if p in ("", "---"):
            out.append(None)
        elif _VERB_CODE.match(p):
            out.append(p)
        elif _MARKED_CODE.match(p):
            out.append(p[:-1])
            notes.append(Note(_origin(path, n), f"code [{raw}] read as {p[:-1]}", skipped=False))
        else:
            raise _Skip(f"[{raw}] is not a CAMEO code")
    if len(parts) == 1 and parts[0].strip() == "":
        raise LexiconError(path, n, "empty [] code")
    return out[0], (out[1] if len(out) == 2 else None)


@dataclass
class _Verb:
    text: str
    head: str
    before: tuple[str, ...]
    particles: tuple[str, ...]
    code: tuple[str | None, str | None] | None  # its own code, else the block's
    origin: str


@dataclass
class _Block:
    name: str
    code: tuple[str | None, str | None]
    origin: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[str, tuple[str | None, str | None], int]] = field(default_factory=list)


def _read_verb_line(text: str, path: Path, n: int, notes: list[Note]) -> _Verb:
    """`VERB {FORMS} [CODE]`, `+CALL_OFF {...}`, `WIRE_+TAP {...}`: the base form is the trigger."""
    text = text.split(";")[0]  # TABARI's `;` comment (two CAMEO.2.0.txt verb lines)
    code = None
    m = _CODE_AT_END.search(text)
    if m:
        code = _verb_code(m.group(1), path, n, notes)
        text = text[: m.start()]
    if "[" in text or "]" in text:
        raise LexiconError(path, n, "a verb line takes one [CODE] at its end")
    if text.count("{") != text.count("}") or re.search(r"\{[^}]*\{|\}[^{]*\}", text):
        raise LexiconError(path, n, "unbalanced {} in verb line")
    base = re.sub(r"\{[^}]*\}", " ", text).split()
    if not base:
        raise LexiconError(path, n, "verb line without a verb")
    origin = _origin(path, n)
    if len(base) > 1:  # `LASH OUT` without `_`: PETRARCH reads stray forms; whodid the phrase
        notes.append(
            Note(
                origin,
                f"verb {' '.join(base)!r} read as the phrasal verb {'_'.join(base)!r}",
                skipped=False,
            )
        )
    word = "_".join(base).strip("_")
    parts = [p for p in word.split("_") if p]
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    if len(marked) > 1:
        raise LexiconError(path, n, f"multi-word verb {word!r} marks more than one word with +")
    i = marked[0] if marked else 0
    if marked:
        parts[i] = parts[i][1:]
    if not all(parts) or any(re.search(r"[+&*$%]", p) for p in parts):
        raise LexiconError(path, n, f"bad verb {word!r}")
    words = [p.lower() for p in parts]
    return _Verb(
        text="_".join(words),
        head=words[i],
        before=tuple(words[:i]),
        particles=tuple(words[i + 1 :]),
        code=code,
        origin=origin,
    )


class _Synsets:
    """`&NAME` sets, resolved after the whole file is read (PETRARCH-1: definitions anywhere)."""

    def __init__(self) -> None:
        self.raw: dict[str, list[tuple[str, int]]] = {}
        self.done: dict[str, list[tuple[str, ...]]] = {}

    def resolve(self, name: str, path: Path, stack: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
        if name in self.done:
            return self.done[name]
        if name in stack:
            raise LexiconError(path, self.raw[name][0][1], f"synset &{name} contains itself")
        alts: list[tuple[str, ...]] = []
        for member, n in self.raw[name]:
            try:
                alts += self.expand(member, path, n, stack + (name,))
            except _Skip as exc:
                raise LexiconError(path, n, str(exc)) from exc
        self.done[name] = list(dict.fromkeys(alts))
        return self.done[name]

    def lookup(self, ref: str) -> tuple[str, str] | None:
        """Longest defined synset name at the start of `&NAME_MORE` → (name, rest)."""
        parts = ref[1:].split("_")
        for k in range(len(parts), 0, -1):
            name = "_".join(parts[:k]).upper()
            if name in self.raw:
                return name, "_".join(parts[k:])
        return None

    def expand(
        self, chunk: str, path: Path, n: int, stack: tuple[str, ...] = ()
    ) -> list[tuple[str, ...]]:
        """Alternatives (word runs) of a chunk such as `NEW_&TIETYPES_RELATIONS` or `{&X AID}`."""
        pieces: list[list[tuple[str, ...]]] = []
        pos = 0
        for m in _SYNREF.finditer(chunk):
            pieces.append([_phrase(chunk[pos : m.start()])])
            hit = self.lookup(m.group(0))
            if hit is None:
                raise _Skip(f"undefined synset {m.group(0)}")
            name, rest = hit
            pieces.append(self.resolve(name, path, stack))
            pieces.append([_phrase(rest)])
            pos = m.end()
        pieces.append([_phrase(chunk[pos:])])
        alts = [tuple(w for run in combo for w in run) for combo in product(*pieces)]
        return list(dict.fromkeys(a for a in alts if a))


def _pattern_side(
    body: str, syn: _Synsets, path: Path, n: int, notes: list[Note]
) -> tuple[Element, ...]:
    """Elements of one side of a pattern: words, `{NP}`, `(PREP ...)`, `&SET`, `+ $ %`.

    As PETRARCH-2's `resolve_patseg`, a word closing a `)` that was never opened is
    dropped (CAMEO.2.0.txt has one such garbled line).
    """
    elements: list[Element] = []
    depth = 0
    for tok in re.findall(r"\(?\{[^{}]*\}\)?|\S+", body):
        opens, closes = tok.startswith("("), tok.endswith(")")
        core = tok[1 if opens else 0 : -1 if closes else None]
        if opens and depth:
            raise LexiconError(path, n, "nested ( ) in pattern")
        if closes and not opens and not depth:
            notes.append(
                Note(
                    _origin(path, n),
                    f"stray ')' in {tok!r}: the word is dropped (as PETRARCH-2)",
                    skipped=False,
                )
            )
            continue
        depth = 0 if closes else 1 if opens else depth
        if "(" in core or ")" in core:
            raise LexiconError(path, n, f"unbalanced ( ) in {tok!r}")
        if core.startswith("{") and core.endswith("}"):
            inner = core[1:-1]
            if "{" in inner or "}" in inner:
                raise LexiconError(path, n, f"unbalanced {{}} in {tok!r}")
            if any(w in _SLOTS or w == "^" for w in inner.split()):
                raise LexiconError(path, n, "a {noun phrase} holds words only")
            alts = syn.expand(inner, path, n)
            if alts:
                elements.append(Element(alts=tuple(alts)))
            continue
        if "{" in core or "}" in core:
            raise LexiconError(path, n, f"unbalanced {{}} in {tok!r}")
        # a plain token: `_`-joined words, possibly glued to slots (`SUGGESTED_+`)
        for part in re.split(r"(?:^|_)([+$%^])(?=_|$)", core):
            if part in _SLOTS:
                elements.append(Element(slot=_SLOTS[part]))
            elif part and part != "^":
                if re.search(r"[+$%*\[\]^]", part):
                    raise LexiconError(path, n, f"bad pattern word {part!r}")
                alts = syn.expand(part, path, n)
                if alts:
                    elements.append(Element(alts=tuple(alts)))
    if depth:
        raise LexiconError(path, n, "unbalanced ( in pattern")
    return tuple(elements)


def read_verbs(path: str | Path, notes: list[Note] | None = None) -> PatternLexicon:
    """Read a PETRARCH verb dictionary (CAMEO.2.0.txt format) into a pattern lexicon.

    `--- NAME [CODE] ---` opens a block; its verb lines become `Trigger`s (head = the
    base form, lower-cased; `+CALL_OFF` → "call" with particle "off"; words before a
    `+`-marked head, as in `WIRE_+TAP`, become a leading pattern element), each with the
    block code (or the verb line's own `[CODE]`) as default; the block's `- PRE * POST
    [CODE]` patterns are shared by its verbs. `&NAME` + `+MEMBER` lines define synsets.
    A verb listed again later keeps its first definition, as PETRARCH-2 (`setdefault`).
    Codes: `[---]` → None (discard); `[A:B]` → code A, reverse B; `[:B]` → code None,
    reverse B (PETRARCH-2's passive-only code: "X appeared before court" → court→X 173).
    """
    path = Path(path)
    notes = notes if notes is not None else []
    syn = _Synsets()
    blocks: list[_Block] = []
    block: _Block | None = None
    synset: str | None = None
    for n, line in _lines(path):
        text = line.strip()
        origin = _origin(path, n)
        if text.startswith("---"):
            synset = None
            m = re.match(r"^---+\s*([^\[]*?)\s*(?:\[([^\]]*)\](.*))?$", text)
            name = m.group(1).rstrip("- ").strip() if m else ""
            if not m or not name:
                raise LexiconError(path, n, "block header: expected --- NAME [CODE] ---")
            code: tuple[str | None, str | None] = (None, None)
            if m.group(2) is not None:
                try:
                    code = _verb_code(m.group(2), path, n, notes)
                except _Skip as exc:
                    notes.append(Note(origin, f"block code {exc}: its verbs alone code nothing"))
                if _BRACKET.search(m.group(3) or ""):
                    notes.append(
                        Note(
                            origin,
                            "second [code] of a block header ignored (as PETRARCH)",
                            skipped=False,
                        )
                    )
            block = _Block(name=name, code=code, origin=origin)
            blocks.append(block)
        elif text.startswith("-"):
            if block is None:
                raise LexiconError(path, n, "pattern line before any '---' block header")
            m = _CODE_AT_END.search(text)
            if not m and text.endswith("["):  # TABARI's [###], cut by the # comment rule
                notes.append(Note(origin, "pattern code [#...] is not a CAMEO code"))
                continue
            if not m:
                raise LexiconError(path, n, "pattern needs a [CODE] at its end")
            body = text[1 : m.start()]
            if body.count("*") != 1:
                raise LexiconError(path, n, "a pattern needs exactly one '*' (the verb)")
            try:
                pcode = _verb_code(m.group(1), path, n, notes)
            except _Skip as exc:
                notes.append(Note(origin, f"pattern code {exc} (PETRARCH cannot code it)"))
                continue
            block.patterns.append((body, pcode, n))
        elif text.startswith("&"):
            name = text[1:].split()[0].rstrip("_").upper() if len(text) > 1 else ""
            if not name or len(text.split()) > 1 or not re.match(r"^[A-Z0-9_']+$", name):
                raise LexiconError(path, n, "synset header: expected &NAME alone on its line")
            if name in syn.raw:
                raise LexiconError(path, n, f"synset &{name} defined twice")
            syn.raw[name] = []
            synset = name
        elif text.startswith("+") and synset is not None:
            member = text[1:].strip()
            if not member or "[" in member or "{" in member:
                raise LexiconError(path, n, "synset member: expected +WORD or +WORDS")
            syn.raw[synset].append((member, n))
        elif text.startswith("~"):
            notes.append(Note(origin, "verb transformation (~) not supported by whodid"))
        else:
            if block is None or synset is not None:
                where = (
                    "any '---' block header" if block is None else "a '---' header (after a synset)"
                )
                raise LexiconError(path, n, f"verb line before {where}")
            block.verbs.append(_read_verb_line(text, path, n, notes))
    for name in syn.raw:
        syn.resolve(name, path)
    return _build_lexicon(path, blocks, syn, notes)


def _build_lexicon(
    path: Path, blocks: list[_Block], syn: _Synsets, notes: list[Note]
) -> PatternLexicon:
    """Triggers with their block's patterns. As PETRARCH-2, patterns belong to the block's
    meaning (the first word of its header), so blocks with the same header (two `--- SHOT`
    blocks in PETR.Validate.verbs.txt) share them; a verb keeps its first block."""
    by_meaning: dict[str, list[Pattern]] = {}
    for b in blocks:
        patterns = by_meaning.setdefault(b.name.split()[0].upper(), [])
        for body, (code, reverse), n in b.patterns:
            pre_raw, post_raw = body.split("*")
            try:
                pre = _pattern_side(pre_raw, syn, path, n, notes)
                post = _pattern_side(post_raw, syn, path, n, notes)
            except _Skip as exc:
                notes.append(Note(_origin(path, n), f"pattern with {exc} (PETRARCH ignores it)"))
                continue
            patterns.append(Pattern(pre, post, code, reverse, _origin(path, n)))
    lexicon = PatternLexicon(name=path.name)
    seen: dict[str, str] = {}
    for b in blocks:
        patterns = by_meaning[b.name.split()[0].upper()]
        for v in b.verbs:
            if v.text in seen:
                notes.append(
                    Note(
                        v.origin,
                        f"verb {v.text!r} already defined at {seen[v.text]}: "
                        "the first definition wins (as PETRARCH-2)",
                    )
                )
                continue
            seen[v.text] = v.origin
            code, reverse = v.code if v.code is not None else b.code
            lead: tuple[Element, ...] = (Element(alts=(v.before,)),) if v.before else ()
            default = Pattern(lead, (), code, reverse, v.origin if v.code is not None else b.origin)
            own = [Pattern(lead + p.pre, p.post, p.code, p.reverse, p.origin) for p in patterns]
            lexicon.add(
                Trigger(
                    text=v.text, head=v.head, particles=v.particles, default=default, patterns=own
                )
            )
    return lexicon


# ---------------------------------------------------------------------------- all


def load_petrarch_dictionaries(
    actors: str | Path | Iterable[str | Path] | None = None,
    agents: str | Path | Iterable[str | Path] | None = None,
    verbs: str | Path | Iterable[str | Path] | None = None,
    discards: str | Path | Iterable[str | Path] | None = None,
) -> PetrarchDictionaries:
    """Load whichever PETRARCH dictionaries are given (a path or several of each kind)."""
    out = PetrarchDictionaries()

    def paths(x: str | Path | Iterable[str | Path] | None) -> list[Path]:
        if x is None:
            return []
        if isinstance(x, str | Path):
            return [Path(x)]
        return [Path(p) for p in x]

    for p in paths(actors):
        a, al = read_actors(p, out.notes)
        out.actors += a
        out.aliases += al
        out.files.append(str(p))
    for p in paths(agents):
        out.agents += read_agents(p, out.notes)
        out.files.append(str(p))
    for p in paths(verbs):
        lex = read_verbs(p, out.notes)
        if out.verbs is None:
            out.verbs = lex
        else:
            for triggers in lex.triggers.values():
                for t in triggers:
                    out.verbs.add(t)
        out.files.append(str(p))
    for p in paths(discards):
        out.discards += read_discards(p, out.notes)
        out.files.append(str(p))
    return out
