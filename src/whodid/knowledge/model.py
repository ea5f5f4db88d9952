"""In-memory form of whodid's knowledge: actors, agents, event patterns, cue words.

Both whodid's own data files and user dictionaries in PETRARCH format are read
into these classes, so the coder never needs to know where an entry came from
beyond its `origin` ("file:line"), which every coded record reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float | None
    root: str
    quad_class: int
    penta: int
    plover: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Term:
    """A code an actor holds, optionally limited to a period (a term of office)."""

    code: str
    start: date | None = None
    end: date | None = None
    role: str | None = None
    origin: str = ""

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class NamedActor:
    """A country, organisation, group or person that names in text refer to."""

    key: str  # unique, e.g. "country:BLR", "person:Vladimir Putin"
    name: str  # canonical name
    kind: str  # country | igo | group | person | actor (generic, from PETRARCH files)
    terms: list[Term] = field(default_factory=list)
    default_code: str | None = None  # code outside all dated terms (e.g. BLRELI)

    def term_on(self, day: date | None) -> Term | None:
        """The term in force on `day`; without a date, the latest term (news is usually recent)."""
        dated = [t for t in self.terms if t.dated]
        if day is not None:
            hits = [t for t in dated if t.covers(day)]
            if hits:
                # the most specific (shortest known) term wins when terms overlap
                return min(hits, key=lambda t: ((t.end or date.max) - (t.start or date.min)))
            undated = [t for t in self.terms if not t.dated]
            return undated[0] if undated else None
        if dated:
            return max(dated, key=lambda t: (t.end or date.max, t.start or date.min))
        return self.terms[0] if self.terms else None

    def code_on(self, day: date | None) -> str | None:
        term = self.term_on(day)
        if term is not None:
            return term.code
        return self.default_code

    @property
    def country(self) -> str | None:
        """Country (3 letters) or whole IGO code this actor belongs to, from any of its codes."""
        code = self.default_code or (self.terms[0].code if self.terms else None)
        return country_of(code) if code else None


@dataclass(frozen=True)
class Alias:
    """One way of writing an actor, as it is matched in text."""

    text: str  # as written in the knowledge file ("Belarusian", "the Kremlin")
    actor: NamedActor
    form: str  # name | official | alt | adj | demonym | capital | seat | abbr | person | surname
    origin: str
    code: str | None = None  # overrides the actor's code (a `seat` line carries its sector)
    case_sensitive: bool = True


@dataclass(frozen=True)
class Agent:
    """A role word that gives an actor its sector ("troops" → MIL, "foreign minister" → GOV)."""

    words: tuple[str, ...]  # lowercase lemmas
    sector: str
    type: str  # person | group | thing
    role: str | None
    origin: str
    generic_code: str | None = None  # PETRARCH agents with a full code of their own


@dataclass(frozen=True)
class Element:
    """One position of a pattern: a slot (`+` target, `$` source) or word alternatives."""

    alts: tuple[tuple[str, ...], ...] = ()  # each alternative is a run of consecutive words
    slot: str | None = None  # "target" | "source" | "both" (PETRARCH's %) | None

    def __post_init__(self) -> None:
        # the longest alternative is tried first: "aircraft carrier" before "aircraft"
        object.__setattr__(self, "alts", tuple(sorted(self.alts, key=len, reverse=True)))

    @property
    def weight(self) -> int:
        if self.slot:
            return 1
        return min(len(a) for a in self.alts) if self.alts else 0


@dataclass(frozen=True)
class Pattern:
    """A trigger's context words and the code they give."""

    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None  # None: a discard (matched, no event)
    reverse: str | None  # code of the target→source event ("recip": same code; [042:043])
    origin: str  # "verbs.txt:123"
    fallback: bool = False  # only when nothing else in the sentence is coded ("said" → 010)
    # first words of each word position, for a cheap pre-check before full matching
    pre_firsts: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)
    post_firsts: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        for name, elements in (("pre_firsts", self.pre), ("post_firsts", self.post)):
            firsts = tuple(frozenset(a[0] for a in el.alts) for el in elements if not el.slot)
            object.__setattr__(self, name, firsts)

    @property
    def recip(self) -> bool:
        return self.reverse is not None

    @property
    def specificity(self) -> int:
        return sum(e.weight for e in self.pre) + sum(e.weight for e in self.post)


@dataclass
class Trigger:
    """A trigger word (verb or noun lemma, possibly multi-word) with its block of patterns."""

    text: str  # as written: "meet", "crack_down", "peace_talk"
    head: str  # lemma looked up on the token: "crack", "talk"
    particles: tuple[str, ...]  # verbs: particles/words after the head ("down"); nouns: words before it ("peace")
    default: Pattern  # the block's own code, no context words
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Discard:
    """Words whose presence means a sentence (or whole story) is not political news (sports, weather)."""

    words: tuple[str, ...]  # lowercase, consecutive
    scope: str  # "sentence" | "story"
    origin: str


@dataclass
class PatternLexicon:
    """Triggers indexed by head lemma."""

    name: str
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)

    def add(self, trigger: Trigger) -> None:
        self.triggers.setdefault(trigger.head, []).append(trigger)

    def lookup(self, lemma: str) -> list[Trigger]:
        return self.triggers.get(lemma, [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.triggers.values())

    def pattern_count(self) -> int:
        return sum(1 + len(t.patterns) for v in self.triggers.values() for t in v)


def country_of(code: str) -> str:
    """The country part of an actor code: first three letters, or the whole code for IGOs.

    IGO codes (`IGOWSTNAT`, `IGOUNO`) identify an organisation as a whole, as in the
    scoring conventions of the shared evaluation sets.
    """
    if code.startswith("IGO"):
        return code
    return code[:3]
