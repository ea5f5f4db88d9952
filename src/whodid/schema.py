"""Records exchanged between pipeline stages and written as output.

The JSON form of these records is whodid's public output contract (see README,
"Output"): later versions may add fields, never remove or rename them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article as read from the input. Spans in every record index into `text`."""

    id: str
    text: str
    title: str | None = None
    date: Date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file (and line) the document was read from
    # A huge document arrives as consecutive parts with the same id: `offset` is where this
    # part's text starts in the whole document, so spans stay document-wide.
    part: int = 0
    offset: int = 0


@dataclass(frozen=True)
class InputProblem:
    """A document that could not be read, or was read with a warning."""

    origin: str  # file, file:line, or "<stdin>"
    reason: str
    doc_id: str | None = None
    severity: str = "error"  # "error" (document skipped) or "warning" (document kept)

    def __str__(self) -> str:
        doc = f" (document {self.doc_id})" if self.doc_id else ""
        return f"{self.origin}{doc}: {self.severity}: {self.reason}"


@dataclass(frozen=True)
class ActorRef:
    """An actor as coded: CAMEO/Phoenix code plus the words it came from."""

    code: str | None  # e.g. "BLRGOV", "IGOWSTNAT"; None when unresolved
    country: str | None  # 3-letter country code, or the whole IGO code
    sector: str | None  # primary sector, e.g. "GOV", "MIL"
    text: str  # the words in the sentence
    name: str | None = None  # canonical name (person, country, organisation)
    span: tuple[int, int] | None = None  # characters in the document text

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass(frozen=True)
class Evidence:
    """Why a record exists: trigger words and the rule (lexicon file:line) that fired."""

    trigger: str
    rule: str
    mode: str = "asserted"  # asserted | intent | reported
    reciprocal: bool = False
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True)
class Event:
    """One coded interaction: who did what to whom, with its provenance."""

    doc_id: str
    sentence_index: int
    sentence: str
    span: tuple[int, int]
    date: Date | None
    source: ActorRef
    target: ActorRef | None
    cameo: str
    root: str
    label: str | None
    goldstein: float | None
    quad_class: int | None
    plover: str | None
    evidence: Evidence
    # when and where, from the text (issue 3): the date's precision ("day", "week", "month",
    # "year") and the words it came from (null: the article date), and the place geocoded
    date_precision: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    kind: str = field(default="event", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "span": list(self.span),
            "date": self.date.isoformat() if self.date else None,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "label": self.label,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover,
            "evidence": self.evidence.to_dict(),
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location,
        }


@dataclass(frozen=True)
class Speaker:
    """Who said it: the words in the text, and the actor they resolve to (null when unknown)."""

    text: str
    span: tuple[int, int]
    name: str | None = None
    code: str | None = None
    rule: str | None = None  # how the speaker was found and resolved

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "name": self.name, "code": self.code,
                "rule": self.rule}  # fmt: skip


@dataclass(frozen=True)
class Quote:
    """What someone said: a direct quotation or reported speech, with its speaker."""

    doc_id: str
    sentence_index: int
    text: str  # the content (without quotation marks)
    span: tuple[int, int]  # content characters in the document text
    cue: str | None  # the verb or phrase that attributes it ("said", "according to", ":")
    direct: bool
    speaker: Speaker | None
    cue_span: tuple[int, int] | None = None
    kind: str = field(default="quote", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "text": self.text,
            "span": list(self.span),
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "direct": self.direct,
            "speaker": self.speaker.to_dict() if self.speaker else None,
        }


@dataclass
class CodedDocument:
    """A document with everything coded from it."""

    document: Document
    events: list[Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    sentences: int = 0
    quotes: list[Quote] = field(default_factory=list)
