"""The coder as a spaCy component and the Python API over it.

    import whodid
    events = whodid.code_text("Belarus and Russia held talks.", date="2024-03-01")

or, inside a spaCy pipeline, `nlp.add_pipe("whodid")` and read `doc._.events`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date as Date

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import context, events
from .actors import ActorFinder, Mention, find_mentions, title_mentions
from .knowledge import Knowledge, UserDictionaries, load_knowledge
from .knowledge.model import country_of
from .nlp import load_parser, repair_parse
from .schema import ActorRef, CodedDocument, Document, Event, Evidence, InputProblem, Quote, Speaker
from .sents import doc_text, sentences

for _name, _default in (
    ("actors", None),
    ("events", None),
    ("quotes", None),
    ("dropped", None),
    ("doc_id", None),
    ("title", None),
    ("date", None),
    ("sentence_offset", 0),
    ("char_offset", 0),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _actor_ref(m: Mention, doc: Doc, offset: int) -> ActorRef:
    if m.kind == "implicit":  # inferred, not named in the text: no words, no span
        return ActorRef(code=m.code, country=m.country, sector=m.sector, text="", name=m.name, span=None)
    span = doc[m.start : m.end]
    return ActorRef(
        code=m.code,
        country=m.country,
        sector=m.sector,
        text=span.text,
        name=m.name,
        span=(span.start_char + offset, span.end_char + offset),
    )


def _split_compound_codes(raw: list[events.RawEvent]) -> list[events.RawEvent]:
    """PETRARCH dictionaries may give one name several codes ("FRO/BIL/SAM"): one event each."""
    out = []
    for e in raw:
        srcs = (e.source.code or "").split("/") if "/" in (e.source.code or "") else [None]
        tgts = (e.target.code or "").split("/") if e.target and "/" in (e.target.code or "") else [None]
        if srcs == [None] and tgts == [None]:
            out.append(e)
            continue
        for sc in srcs:
            for tc in tgts:
                src = e.source if sc is None else replace(e.source, code=sc, country=country_of(sc))
                tgt = e.target if tc is None else replace(e.target, code=tc, country=country_of(tc))  # type: ignore[arg-type]
                out.append(replace(e, source=src, target=tgt))
    return out


def _carried_statements(raw: list[events.RawEvent]) -> list[events.RawEvent]:
    """A bare statement (010) whose words carry a more specific act of the same speaker ("sent a
    letter threatening to pull funding", "issued a statement calling on …") is that act."""
    return _unless_stood_for(raw, lambda e, f: (
        e.code == "010" and f.source.code == e.source.code and f.code != "010" and e.trigger.is_ancestor(f.trigger)))


def _means(raw: list[events.RawEvent]) -> list[events.RawEvent]:
    """An attack named as the means of a violent act ("killed the general in a drone strike")
    is that act, not a second one: the act keeps its target and takes the more telling code of
    the means (195, an attack from the air, for a bare 190)."""
    by_sentence = _by_sentence(raw)
    out = []
    for e in raw:
        same = [f for f in by_sentence[e.sentence_index] if f is not e]
        if any(_is_means(e, f) for f in same):
            continue
        means = [f for f in same if _is_means(f, e)]
        for f in means:
            if e.code in ("190", "180") and f.code[:2] == e.code[:2] and f.code != e.code:
                e = replace(e, code=f.code, notes=e.notes + [f"by {f.trigger.text}: {f.code}"])
        out.append(e)
    return out


def _is_means(noun: events.RawEvent, verb: events.RawEvent) -> bool:
    """Whether a nominal violent event is the means of a transitive violent verb ("killed the
    general in a drone strike"; not "soldiers died in a bombing", nor "were killed in an
    attack", whose attackers the noun may name)."""
    t = noun.trigger
    return (t.dep_ == "pobj" and t.head.lower_ in ("in", "with", "by", "through") and t.head.head.i == verb.trigger.i
            and noun.code[:2] in ("18", "19", "20") and verb.code[:2] in ("18", "19", "20")
            and not verb.trigger.pos_ == "NOUN" and verb.source.code is not None
            and any(c.dep_ == "dobj" for c in verb.trigger.children))  # fmt: skip


def _purposes(raw: list[events.RawEvent]) -> list[events.RawEvent]:
    """The purpose of an act ("staged demonstrations to demand reforms", "began a hunger strike
    to protest the decision") is the motive of that act, not a second event of its actor; it
    stays only when it names a target the act itself lacks."""
    return _unless_stood_for(raw, lambda e, f: (
        e.trigger.dep_ == "advcl" and events.infinitive(e.trigger)
        and f.source.code == e.source.code and f.trigger.i != e.trigger.i and _governs(f.trigger, e.trigger)
        and (f.target is not None or e.target is None)))


def _unless_stood_for(raw: list[events.RawEvent],
                      stands_for: Callable[[events.RawEvent, events.RawEvent], bool]) -> list[events.RawEvent]:
    """The events for which no other event of the same sentence stands (`stands_for(e, f)`:
    f stands for e), in order."""
    by_sentence = _by_sentence(raw)
    return [e for e in raw if not any(f is not e and stands_for(e, f) for f in by_sentence[e.sentence_index])]


def _governs(trigger: Token, clause: Token) -> bool:
    """Whether a trigger, or the verb that carries a nominal trigger ("staged demonstrations"),
    governs a clause."""
    anchor = trigger.head if trigger.dep_ in ("dobj", "pobj") and trigger.head.pos_ in ("VERB", "ADP") else trigger
    if anchor.pos_ == "ADP":
        anchor = anchor.head
    return anchor.is_ancestor(clause)


def _by_sentence(raw: list[events.RawEvent]) -> dict[int, list[events.RawEvent]]:
    """Events grouped by sentence: the comparisons below stay within one sentence."""
    groups: dict[int, list[events.RawEvent]] = {}
    for e in raw:
        groups.setdefault(e.sentence_index, []).append(e)
    return groups


def _one_per_root(raw: list[events.RawEvent]) -> list[events.RawEvent]:
    """One event per dyad and CAMEO root for a trigger and the triggers it governs: "agreed to
    hold joint exercises" is one agreement (0312), not also a bare 030; the most specific code
    stands for it, and one with a named target for one without. Events of separate clauses
    ("ready to provide …, and will coordinate …") stay."""

    def related(a: events.RawEvent, b: events.RawEvent) -> bool:
        ta, tb = a.trigger, b.trigger
        return ta.i == tb.i or ta.is_ancestor(tb) or tb.is_ancestor(ta)

    def dyad(e: events.RawEvent) -> tuple:
        return (e.sentence_index, e.source.code, e.target.code if e.target else None, e.code[:2])

    return _unless_stood_for(raw, lambda e, f: related(e, f) and (
        (dyad(f) == dyad(e) and (len(f.code) > len(e.code)
                                 or (len(f.code) == len(e.code) and e.code.endswith("0") and not f.code.endswith("0"))))
        # "threatened to launch an offensive … unless Baghdad accepts", "a hunger strike in
        # protest against police abuses": the same act with its target named stands for the
        # one without (or with one only inferred)
        # "agreed to extend an arms embargo": the sanction decided stands for the agreeing
        or (e.code == "030" and f.source.code == e.source.code and e.trigger.is_ancestor(f.trigger)
            and "agreed on its own sanctions: the act" in f.notes)
        # "pledged to train 3,000 Somali soldiers": what is pledged (0312) stands for what the
        # pledge's words alone suggest (0332, from "soldiers")
        or (dyad(f) == dyad(e) and len(f.code) == len(e.code) and f.code != e.code
            and not f.code.endswith("0") and not e.code.endswith("0")
            and f.trigger.dep_ == "xcomp" and f.trigger.head.i == e.trigger.i)
        # "invited Putin to hold talks": the invitation (036) stands for the bare appeal to act
        or (e.code == "020" and e.trigger.dep_ == "xcomp" and e.trigger.head.i == f.trigger.i
            and f.code[:2] in ("02", "03") and dyad(f)[:3] == dyad(e)[:3])
        or ((e.target is None or (_implicit_target(e) and not _implicit_target(f)
                                  and (e.code == f.code or e.code.endswith("0") or len(e.code) < len(f.code))))
            and f.target is not None
            and f.source.code == e.source.code and f.code[:2] == e.code[:2])))  # fmt: skip


def _implicit_target(e: events.RawEvent) -> bool:
    """Whether the target was inferred, not named ("a protest is aimed at its own government")."""
    return e.target is not None and e.target.kind == "implicit"


def _when_fields(e: events.RawEvent, day: Date | None) -> dict:
    """date, date_precision, date_text: the time expression of the event's clause, else the
    article date (precision "day")."""
    w = e.when
    if w is not None and w.date is not None:  # type: ignore[attr-defined]
        return {"date": w.date, "date_precision": w.precision, "date_text": w.text}  # type: ignore[attr-defined]
    return {"date": day, "date_precision": "day" if day else None, "date_text": None}


def finalize(raw: list[events.RawEvent], doc: Doc, kn: Knowledge) -> list[Event]:
    """Turn raw events into output records: CAMEO facts, provenance, one per (source, target, code) and sentence."""
    out: list[Event] = []
    seen: set[tuple] = set()
    offset = doc._.char_offset or 0
    sent_offset = doc._.sentence_offset or 0
    doc_id = doc._.doc_id or "doc"
    day = doc._.date
    for e in _one_per_root(_purposes(_means(_carried_statements(_split_compound_codes(raw))))):
        key = (e.sentence_index, e.source.code, e.target.code if e.target else None, e.code)
        if key in seen:
            continue
        seen.add(key)
        info = kn.cameo_info(e.code)
        out.append(
            Event(
                doc_id=doc_id,
                sentence_index=e.sentence_index + sent_offset,
                sentence=e.sentence.text.strip(),
                span=(e.span[0] + offset, e.span[1] + offset),
                source=_actor_ref(e.source, doc, offset),
                target=_actor_ref(e.target, doc, offset) if e.target else None,
                cameo=e.code,
                root=info.root if info else e.code[:2],
                label=info.label if info else None,
                goldstein=info.goldstein if info else None,
                quad_class=info.quad_class if info else None,
                plover=info.plover if info else None,
                evidence=Evidence(
                    trigger=e.trigger_text,
                    rule=e.rule,
                    mode=e.mode,
                    reciprocal=e.reciprocal,
                    notes=tuple(e.notes),
                ),
                location=e.place.location() if e.place is not None else None,
                **_when_fields(e, day),
            )
        )
    return out


def quote_records(found: list[context.QuoteFound], doc: Doc) -> list[Quote]:
    """Output records for the quotations of a Doc (spans document-wide)."""
    offset = doc._.char_offset or 0
    sent_offset = doc._.sentence_offset or 0
    doc_id = doc._.doc_id or "doc"
    text = doc_text(doc)
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    out = []
    for f in found:
        q = f.span
        speaker = None
        if q.speaker_span is not None:
            a, b = q.speaker_span
            sp = doc[a:b]
            m = f.speaker
            speaker = Speaker(
                text=sp.text,
                span=(sp.start_char + offset, sp.end_char + offset),
                name=m.name if m is not None else None,
                code=m.code if m is not None else None,
                rule=q.rule + (f"; {m.parts[-1]}" if m is not None and m.parts else ""),
            )
        cue_span = None
        if q.cue is not None:
            cue_span = (q.cue.idx + offset, q.cue.idx + len(q.cue.text) + offset)
        k = max(0, bisect_right(starts, q.start) - 1)
        out.append(
            Quote(
                doc_id=doc_id,
                sentence_index=k + sent_offset,
                text=text[q.start : q.end],
                span=(q.start + offset, q.end + offset),
                cue=q.cue_text,
                direct=q.direct,
                speaker=speaker,
                cue_span=cue_span,
            )
        )
    return out


class WhodidComponent:
    """spaCy pipeline component: sets `doc._.actors` and `doc._.events`."""

    def __init__(self, nlp: Language, name: str = "whodid", knowledge: Knowledge | None = None):
        self.name = name
        self.knowledge = knowledge or load_knowledge()
        self.finder = ActorFinder(self.knowledge, nlp.vocab, nlp.make_doc)

    def __call__(self, doc: Doc) -> Doc:
        kn = self.knowledge
        day = doc._.date
        repair_parse(doc)
        against: dict[int, list[Mention]] = {}
        mentions = find_mentions(doc, self.finder, day, against)
        raw, dropped = events.extract(doc, mentions, kn, against)
        title = title_mentions(doc._.title, self.finder, day)
        raw, quotes = context.contextualize(doc, mentions, raw, kn, day, dropped, title)
        doc._.actors = mentions
        doc._.dropped = dropped
        doc._.events = finalize(raw, doc, kn)
        doc._.quotes = quote_records(quotes, doc)
        return doc


@Language.factory(
    "whodid",
    default_config={"actors": [], "agents": [], "verbs": [], "discards": [], "replace": False},
)
def make_whodid(
    nlp: Language,
    name: str,
    actors: list[str],
    agents: list[str],
    verbs: list[str],
    discards: list[str],
    replace: bool,
) -> WhodidComponent:
    user = None
    if actors or agents or verbs or discards:
        user = UserDictionaries(list(actors), list(agents), list(verbs), list(discards), replace)
    return WhodidComponent(nlp, name, load_knowledge(user))


class Coder:
    """A parser plus the whodid component, reused across calls (loading costs a second or two)."""

    def __init__(self, user: UserDictionaries | None = None, nlp: Language | None = None):
        self.nlp = nlp or load_parser()
        self.component = WhodidComponent(self.nlp, knowledge=load_knowledge(user))

    def code_text(self, text: str, date: Date | str | None = None, doc_id: str = "text") -> list[Event]:
        """Events of one text (quotes are on `code_doc(...)._.quotes`)."""
        return self.code_doc(text, date, doc_id)._.events

    def code_doc(self, text: str, date: Date | str | None = None, doc_id: str = "text", title: str | None = None) -> Doc:
        """The coded spaCy Doc of one text: `doc._.events`, `doc._.quotes`, `doc._.actors`."""
        doc = self.nlp(text)
        doc._.doc_id = doc_id
        doc._.date = _as_date(date)
        doc._.title = title
        return self.component(doc)

    def code_documents(
        self, documents: Iterable[Document | InputProblem | str | dict], batch_size: int = 32
    ) -> Iterator[CodedDocument]:
        """Code documents in input order, streaming; input problems pass through as records."""
        sentence_counts: dict[str, int] = {}

        def texts() -> Iterator[tuple[str, object]]:
            for i, d in enumerate(documents):
                if isinstance(d, InputProblem):
                    yield "", d
                    continue
                doc = _as_document(d, i)
                yield doc.text, doc

        for doc, item in self.nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
            if isinstance(item, InputProblem):
                yield CodedDocument(document=Document(id=item.doc_id or "", text=""), problems=[item])
                continue
            d: Document = item  # type: ignore[assignment]
            doc._.doc_id = d.id
            doc._.date = d.date
            doc._.title = d.title
            doc._.char_offset = d.offset
            doc._.sentence_offset = sentence_counts.get(d.id, 0) if d.part else 0
            self.component(doc)
            n = len(sentences(doc))
            sentence_counts[d.id] = doc._.sentence_offset + n
            yield CodedDocument(document=d, events=doc._.events, sentences=n, quotes=doc._.quotes)


def _as_date(value: Date | str | None) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    return Date.fromisoformat(str(value)[:10])


def _as_document(d: Document | str | dict, i: int) -> Document:
    if isinstance(d, Document):
        return d
    if isinstance(d, str):
        return Document(id=f"doc{i + 1}", text=d)
    return Document(
        id=str(d.get("id", f"doc{i + 1}")),
        text=d["text"],
        title=d.get("title"),
        date=_as_date(d.get("date")),
        source=d.get("source"),
        url=d.get("url"),
    )


_default: Coder | None = None


def default_coder() -> Coder:
    global _default
    if _default is None:
        _default = Coder()
    return _default


def code_text(text: str, date: Date | str | None = None) -> list[Event]:
    """Events of one text (one article), with `date` as the article date."""
    return default_coder().code_text(text, date)


def code_documents(documents: Iterable[Document | str | dict]) -> Iterator[CodedDocument]:
    """Coded documents, in input order, from Documents, strings or dicts with `id`, `text`, `date`."""
    return default_coder().code_documents(documents)
