"""Context: who "we", "I", "you" and "our pilots" are, from the speaker of the sentence.

First person inside a quotation or a clause reported with a speech verb belongs to the
speaker's side ("We scrambled jets," Lukashenko said → BLR); second person is the
addressee ("… you," he told Putin → RUS). Cross-sentence coreference of "he" or
"the President" is not done here yet; events whose actors stay unresolved are dropped
with a note rather than guessed.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .actors import Mention, with_code
from .events import MentionIndex, RawEvent, _expand, _speech_head
from .knowledge import Knowledge


def _in_quotes(tok: Token) -> bool:
    """Whether tok sits between an odd number of quotation marks earlier in its sentence."""
    n = 0
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.is_quote or t.text in ("\u201c", "\u201d", '"', "\u00ab", "\u00bb"):
            n += 1
    return n % 2 == 1


def _speaker_and_addressee(trigger: Token, index: MentionIndex, kn: Knowledge) -> tuple[Mention | None, Mention | None]:
    verb = _speech_head(trigger, kn)
    if verb is None and _in_quotes(trigger):
        # a quotation whose speech verb sits outside the quotes in the same sentence
        for t in trigger.sent:
            if t.lemma_.lower() in kn.cue("speech") and t.pos_ in ("VERB", "AUX") and not _in_quotes(t):
                verb = t
                break
    if verb is None:
        return None, None
    speaker = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            ms = _expand(c, index)
            ms = [m for m in ms if m.resolved]
            if ms:
                speaker = ms[0]
    if speaker is None:  # "according to Lukashenko" / "said by"
        for c in verb.children:
            if c.dep_ == "agent":
                for o in c.children:
                    ms = [m for m in _expand(o, index) if m.resolved]
                    speaker = ms[0] if ms else speaker
    addressee = None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") or (c.dep_ == "prep" and c.lower_ == "to"):
            objs = [c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]
            for o in objs:
                ms = [m for m in _expand(o, index) if m.resolved]
                if ms:
                    addressee = ms[0]
    return speaker, addressee


def _resolve(m: Mention | None, speaker: Mention | None, addressee: Mention | None) -> Mention | None:
    if m is None or m.resolved:
        return m
    if m.kind != "pronoun":
        return m
    if m.person == 1 and speaker is not None:
        if m.number == "sing" and m.agent_type is None:
            return with_code(m, speaker.code, speaker.name, "first person: speaker")  # type: ignore[arg-type]
        code = speaker.code or ""
        base = code if code.startswith("IGO") else code[:3] + (speaker.sector or "")
        if m.agent_type is None and m.sector is None and m.role is None and m.end - m.start == 1:
            return with_code(m, base, speaker.name, "first person plural: speaker's side")
        return with_code(m, code[:3] if not code.startswith("IGO") else code, speaker.name,
                         "first person: speaker's side")  # fmt: skip
    if m.person == 2 and addressee is not None:
        return with_code(m, addressee.code, addressee.name, "second person: addressee")  # type: ignore[arg-type]
    return m


def resolve(raw: list[RawEvent], mentions: list[Mention], kn: Knowledge, dropped: list[str]) -> list[RawEvent]:
    """Resolve pronoun actors of raw events; drop events whose source or target stays unknown."""
    index = MentionIndex(mentions)
    out: list[RawEvent] = []
    for e in raw:
        needs = (not e.source.resolved) or (e.target is not None and not e.target.resolved)
        if needs:
            speaker, addressee = _speaker_and_addressee(e.trigger, index, kn)
            src = _resolve(e.source, speaker, addressee)
            tgt = _resolve(e.target, speaker, addressee)
            e = replace(e, source=src, target=tgt)  # type: ignore[arg-type]
        if not e.source.resolved:
            dropped.append(f"sentence {e.sentence_index}: {e.trigger_text}: source {e.source.kind} unresolved")
            continue
        if e.target is not None and not e.target.resolved:
            dropped.append(f"sentence {e.sentence_index}: {e.trigger_text}: target {e.target.kind} unresolved")
            continue
        if e.target is not None and e.target.code == e.source.code:
            continue  # an actor acting on itself is not an interaction
        out.append(e)
    return out
