"""Parser for whodid's event pattern language (`verbs.txt`, `nouns.txt`).

The language is documented in `data/README.md`. It keeps PETRARCH's idea of a
verb block with context-word patterns, but on lemmas and the dependency parse,
so that one line covers all inflections and word orders of a clause.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Element, Pattern, PatternLexicon, Trigger
from .tables import LexiconError, read_lines

_CODE = re.compile(r"^(?:---|\d{2,4}[A-Za-z]?)$")
_BRACKET = re.compile(r"\[([^\]]*)\]\s*$")
_SET = re.compile(r"^&([a-z][a-z0-9_]*)\s*=\s*(.+)$")
_WORD = re.compile(r"^[a-z0-9'][a-z0-9'\-.]*$")
_FLAGS = {"recip", "fallback"}


def parse_flags(raw: str) -> set[str]:
    return set(raw.split()[1:])


def parse_code(raw: str, path: str, line: int) -> tuple[str | None, str | None]:
    """`[CODE flags]` or `[CODE:REVERSE]` → (code or None for a discard, reverse code or None)."""
    parts = raw.split()
    codes = parts[0].split(":") if parts else []
    if not codes or len(codes) > 2 or not all(_CODE.match(c) for c in codes):
        raise LexiconError(path, line, f"bad code in [{raw}]: expected CODE, CODE:REVERSE or ---")
    for flag in parts[1:]:
        if flag not in _FLAGS:
            raise LexiconError(path, line, f"unknown flag {flag!r} (known: {', '.join(sorted(_FLAGS))})")
    code = None if codes[0] == "---" else codes[0]
    reverse = codes[1] if len(codes) == 2 and codes[1] != "---" else None
    if "recip" in parts[1:]:
        reverse = code
    return code, reverse


def _words(item: str, path: str, line: int) -> tuple[str, ...]:
    words = tuple(w for w in re.split(r"[_\s]+", item.strip().lower()) if w)
    if not words:
        raise LexiconError(path, line, f"empty word in {item!r}")
    for w in words:
        if not _WORD.match(w):
            raise LexiconError(path, line, f"bad word {w!r}: lowercase letters, digits, ' - . only")
    return words


class _Parser:
    def __init__(self, path: Path, name: str):
        self.path = str(path)
        self.name = name
        self.sets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.set_uses: list[tuple[str, int]] = []

    def element(self, tok: str, line: int) -> Element:
        if tok == "+":
            return Element(slot="target")
        if tok == "$":
            return Element(slot="source")
        alts: list[tuple[str, ...]] = []
        if "|" in tok and any(item in ("+", "$", "%") for item in tok.split("|")):
            raise LexiconError(self.path, line, f"a slot (+, $) cannot be an alternative: {tok!r}")
        for item in tok.split("|"):
            if item.startswith("&"):
                self.set_uses.append((item[1:], line))
                alts.append(("&" + item[1:],))  # resolved after the whole file is read
            else:
                alts.append(_words(item, self.path, line))
        return Element(alts=tuple(alts))

    def pattern(self, body: str, code: str | None, reverse: str | None, line: int, origin: str,
                fallback: bool = False) -> Pattern:  # fmt: skip
        # "for | to &aid": spaces around `|` only separate alternatives of one position
        toks = re.sub(r"\s*\|\s*", "|", body.strip()).split()
        if toks.count("*") != 1:
            raise LexiconError(self.path, line, "a pattern needs exactly one '*' (the trigger)")
        star = toks.index("*")
        pre = tuple(self.element(t, line) for t in toks[:star])
        post = tuple(self.element(t, line) for t in toks[star + 1 :])
        return Pattern(pre=pre, post=post, code=code, reverse=reverse, origin=origin, fallback=fallback)

    def resolve(self, el: Element) -> Element:
        if el.slot:
            return el
        alts: list[tuple[str, ...]] = []
        for a in el.alts:
            if len(a) == 1 and a[0].startswith("&"):
                alts.extend(self.sets[a[0][1:]])
            else:
                alts.append(a)
        return Element(alts=tuple(dict.fromkeys(alts)))


def _trigger(text: str, kind: str, default: Pattern) -> Trigger:
    words = tuple(w for w in text.lower().split("_") if w)
    if kind == "verb":  # head first, then particles: crack_down, call_off
        head, rest = words[0], words[1:]
    else:  # nouns: head last, modifiers before it: peace_talk
        head, rest = words[-1], words[:-1]
    return Trigger(text=text, head=head, particles=rest, default=default)


def load_pattern_file(path: str | Path, kind: str, lexicon: PatternLexicon | None = None) -> PatternLexicon:
    """Read a pattern file (`kind` is "verb" or "noun") into a lexicon."""
    path = Path(path)
    p = _Parser(path, path.name)
    if lexicon is None:
        lexicon = PatternLexicon(name=path.name)
    blocks: list[tuple[list[Trigger], list[tuple[Pattern, int]]]] = []
    current: tuple[list[Trigger], list[tuple[Pattern, int]]] | None = None
    for n, raw in read_lines(path):
        line = raw.split(" #", 1)[0].split("\t#", 1)[0].strip()
        origin = f"{path.name}:{n}"
        m = _SET.match(line)
        if m:
            name, body = m.groups()
            if name in p.sets:
                raise LexiconError(path, n, f"set &{name} defined twice")
            p.sets[name] = tuple(_words(item.strip().replace(" ", "_"), p.path, n) for item in body.split("|"))
            continue
        if line.startswith("=="):
            b = _BRACKET.search(line)
            if not b:
                raise LexiconError(path, n, "block header needs a [CODE] at the end")
            code, reverse = parse_code(b.group(1), p.path, n)
            names = [t.strip() for t in line[2 : b.start()].split(",") if t.strip()]
            if not names:
                raise LexiconError(path, n, "block header lists no trigger")
            default = Pattern(pre=(), post=(), code=code, reverse=reverse, origin=origin,
                              fallback="fallback" in parse_flags(b.group(1)))
            triggers = []
            for t in names:
                _words(t, p.path, n)
                triggers.append(_trigger(t, kind, default))
            current = (triggers, [])
            blocks.append(current)
            continue
        if line.startswith("-"):
            if current is None:
                raise LexiconError(path, n, "pattern line before any '==' block header")
            b = _BRACKET.search(line)
            if not b:
                raise LexiconError(path, n, "pattern needs a [CODE] at the end")
            code, reverse = parse_code(b.group(1), p.path, n)
            current[1].append((p.pattern(line[1 : b.start()], code, reverse, n, origin,
                                         "fallback" in parse_flags(b.group(1))), n))
            continue
        raise LexiconError(path, n, f"cannot parse line: {line[:60]!r}")
    for name, n in p.set_uses:
        if name not in p.sets:
            raise LexiconError(path, n, f"undefined set &{name}")
    for triggers, patterns in blocks:
        resolved = [
            Pattern(
                pre=tuple(p.resolve(e) for e in pat.pre),
                post=tuple(p.resolve(e) for e in pat.post),
                code=pat.code,
                reverse=pat.reverse,
                origin=pat.origin,
                fallback=pat.fallback,
            )
            for pat, _ in patterns
        ]
        for t in triggers:
            t.patterns.extend(resolved)
            lexicon.add(t)
    return lexicon
