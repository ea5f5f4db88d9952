"""Who said what: direct quotations and reported speech, with their speakers.

Direct quotations are found on the characters (straight and curly marks, and quotations
running over several paragraphs where each paragraph reopens the mark and only the last
one closes it); their speaker is the subject of a speech verb next to them in the same
sentence ("…," he said / X said: "…" / "…," X stressed, "…"), of a sentence ending in a
colon just before, or of the quotation they continue. Reported speech is a speech or
attribution verb with a complement clause ("X said that …", "X believes …"), "according
to X", and "in X's words". Speakers are mentions; the coreference stage names them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors import Mention
from ..events import MentionIndex
from ..knowledge import Knowledge
from ..sents import doc_text, sent_of, sentences

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}  # “…”, «…», „…”
_CLOSE = {"\u201d", "\u00bb"}
_STRAIGHT = '"'
_SUBJ = ("nsubj", "nsubjpass")
_TOPIC_PREPS = ("for", "on", "upon", "about", "of", "to", "against", "over")
_NOUN_PREPS = ("about", "of", "on", "over", "against")
_FOR_NOUNS = frozenset({"call", "demand", "plan", "proposal", "support", "plea", "appeal"})


@dataclass
class QuoteSpan:
    """A quotation or reported clause found in a Doc, before its speaker is named."""

    start: int  # content characters
    end: int
    direct: bool
    group: int  # quotations continued over paragraphs share a group
    cue: Token | None = None
    cue_text: str | None = None
    speaker_tok: Token | None = None  # head token of the speaker phrase
    speaker_span: tuple[int, int] | None = None  # token span of the speaker phrase
    rule: str = ""
    tokens: set[int] = field(default_factory=set)

    def said_by(self, cue: Token, tok: Token, span: tuple[int, int] | None, rule: str) -> None:
        """Attribute the quotation to the speaker `tok` through the cue word `cue`."""
        self.cue, self.cue_text, self.speaker_tok, self.speaker_span, self.rule = cue, cue.text, tok, span, rule

    def same_speaker_as(self, other: QuoteSpan, rule: str) -> None:
        """Take another quotation's cue and speaker ("…," he said. "…")."""
        self.cue, self.cue_text = other.cue, other.cue_text
        self.speaker_tok, self.speaker_span, self.rule = other.speaker_tok, other.speaker_span, rule


def quotation_marks(text: str) -> list[tuple[int, int, int]]:
    """Content spans (start, end, group) of direct quotations in a text.

    A paragraph break inside an open quotation ends the segment; when the next paragraph
    reopens a mark, the quotation continues there in the same group (the news convention
    for quotes running over paragraphs). An unclosed mark at the end of a paragraph that
    the next paragraph does not continue closes at the paragraph end.
    """
    out: list[tuple[int, int, int]] = []
    group = -1
    open_at: int | None = None
    closer: str | None = None
    continuing = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in _OPEN or ch == _STRAIGHT:
                if not continuing:
                    group += 1
                continuing = False
                open_at, closer = i + 1, (_OPEN.get(ch) or _STRAIGHT)
            elif ch == "\n":
                continuing = False
            elif not ch.isspace():
                continuing = False
            i += 1
            continue
        if ch == closer or (closer != _STRAIGHT and ch in _CLOSE):
            if i > open_at:
                out.append((open_at, i, group))
            open_at, closer = None, None
            continuing = False
        elif ch == "\n":
            # paragraph break inside a quotation: continued if the next paragraph reopens
            j = i
            while j < n and text[j].isspace():
                j += 1
            if i > open_at:
                out.append((open_at, i, group))
            open_at, closer = None, None
            continuing = j < n and (text[j] in _OPEN or text[j] == _STRAIGHT)
            i = j
            continue
        i += 1
    if open_at is not None and n > open_at:
        out.append((open_at, n, group))
    return out


class _QuoteIndex:
    """Which characters are inside a direct quotation."""

    def __init__(self, spans: list[QuoteSpan]):
        self.spans = sorted(spans, key=lambda q: q.start)
        self.starts = [q.start for q in self.spans]

    def at(self, char: int) -> QuoteSpan | None:
        k = bisect_right(self.starts, char) - 1
        if k >= 0 and self.spans[k].start <= char < self.spans[k].end:
            return self.spans[k]
        return None


def _antecedent(verb: Token) -> tuple[Token, tuple[int, int]]:
    """The noun phrase a relative clause hangs on ("Marc Morial, the head of the League, who
    said …"), without the clause itself."""
    head = verb.head
    clause = min(t.i for t in verb.subtree)
    toks = [t for t in head.subtree if t.i < clause]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    left = min(t.i for t in toks) if toks else head.i
    right = max(t.i for t in toks) + 1 if toks else head.i + 1
    return head, (left, max(right, head.i + 1))


def _speaker_of(verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
    for c in verb.children:
        if c.dep_ in _SUBJ:
            if c.ent_type_ in ("DATE", "TIME"):
                continue  # "said Monday", a dateline's "5:45 p.m." is no speaker
            if verb.dep_ == "relcl" and (c.tag_ in ("WP", "WDT") or c.lower_ == "that"):
                if verb.head.pos_ in ("NOUN", "PROPN"):
                    # the antecedent names the speaker; the mention runs on to the pronoun
                    head, (left, _) = _antecedent(verb)
                    return head, (left, c.i + 1)
            left = min(t.i for t in c.subtree)
            doc = verb.doc
            while left < c.i and (doc[left].ent_type_ in ("DATE", "TIME") or doc[left].is_space
                                  or doc[left].is_punct):  # fmt: skip
                left += 1  # a dateline glued to the subject ("12:15 p.m. Donald Trump says")
            right = c.i + 1
            # the phrase up to its head, plus what follows it except clauses and punctuation
            # ("X, the president of Y")
            for t in c.subtree:
                if t.i > c.i and t.dep_ not in ("relcl", "acl", "punct", "cc"):
                    right = max(right, t.i + 1)
            return c, (left, right)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return _antecedent(verb)
    if verb.dep_ == "xcomp" and any(
        c.i < verb.i and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("on", "upon"))
        for c in verb.head.children
    ):
        return None, None  # "called on Trump to stop attacking": the object is the one acting
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        # "…, saying …", "urges … and repeatedly says": the governing clause's subject
        return _speaker_of(verb.head)
    return None, None


def _name_after(verb: Token, doc: Doc) -> tuple[Token | None, tuple[int, int] | None]:
    """The noun phrase right after an inverted speech verb ("…," said Rep. Cummings)."""
    for ent in doc.ents:
        if verb.i < ent.start <= verb.i + 3 and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            return ent.root, (ent.start, ent.end)
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].pos_ in ("PROPN", "PRON", "NOUN", "DET"):
        head = doc[nxt]
        while head.dep_ in ("compound", "det", "amod") and head.head.i > head.i:
            head = head.head
        return head, (nxt, head.i + 1)
    return None, None


def _is_cue(tok: Token, cues: frozenset[str]) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in cues:
        return True
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return bool(prt) and f"{lemma} {prt[0]}" in cues


def find_quotes(doc: Doc, kn: Knowledge) -> list[QuoteSpan]:
    """Direct quotations and reported speech of a Doc, with speaker tokens where found."""
    text = doc_text(doc)
    speech = kn.cue("speech")
    attribution = speech | kn.cue("attribution")
    structures = (kn.cue("attribution_xcomp"), kn.cue("attribution_for"), kn.cue("attribution_object"),
                  kn.cue("object_content"))
    every_cue = attribution | structures[0] | structures[1] | structures[2]
    nouns = kn.cue("attribution_noun")
    sents = sentences(doc)
    direct: list[QuoteSpan] = []
    for start, end, group in quotation_marks(text):
        content = text[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not content.strip():
            continue
        q = QuoteSpan(start, end, True, group, tokens=set(range(span.start, span.end)))
        direct.append(q)
    qindex = _QuoteIndex(direct)

    def inside(tok: Token) -> bool:
        return qindex.at(tok.idx) is not None

    # 1. speakers of direct quotations: a speech verb outside the quote in the same sentence,
    #    nearest first, after the quote preferred ("…," he said), then before ("X said: …")
    for q in direct:
        first = doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None:
            continue
        sent_first, sent_last = sent_of(first[0]), sent_of(first[-1])
        cands: list[tuple[int, Token]] = []
        for s in {sent_first.start: sent_first, sent_last.start: sent_last}.values():
            for t in s:
                if t.i in q.tokens or inside(t) or not _is_cue(t, speech):
                    continue
                dist = t.i - first.end if t.i >= first.end else (first.start - t.i) + 0.5
                cands.append((dist, t))
        for _, verb in sorted(cands, key=lambda x: x[0]):
            tok, sp = _speaker_of(verb)
            if tok is not None and (tok.i in q.tokens or inside(tok)):
                # the parser took words of the quotation as the subject ("…," said Cummings):
                # the speaker is the name right after the verb
                tok, sp = _name_after(verb, doc)
            if tok is not None:
                q.said_by(verb, tok, sp, "speech verb beside the quotation")
                break
        if q.cue is None:
            # a sentence ending in a colon just before: "Lukashenko said:" / "He added:"
            k = _sent_index(sents, first.start)
            if k > 0:
                prev = sents[k - 1]
                last = [t for t in prev if not t.is_space]
                if last and last[-1].text == ":" or (text[prev.end_char - 1 : first.start_char].strip() == ":"):
                    for t in prev:
                        if _is_cue(t, attribution) and not inside(t):
                            tok, sp = _speaker_of(t)
                            if tok is not None:
                                q.said_by(t, tok, sp, "speech verb before a colon")
                                break
        if q.cue is None:
            _after_quote(q, doc, text, speech, inside)
        if q.speaker_tok is None:
            _before_colon(q, doc, text)
        if q.speaker_tok is None:
            _transcript(q, doc, text)
        if q.speaker_tok is None:
            _governing_subject(q, doc, first, inside)
    # 2. a quotation continued over paragraphs, or a quote of the same group, shares its speaker
    by_group: dict[int, QuoteSpan] = {}
    for q in direct:
        if q.speaker_tok is not None:
            by_group.setdefault(q.group, q)
    for q in direct:
        if q.speaker_tok is None and q.group in by_group:
            src = by_group[q.group]
            q.same_speaker_as(src, "continues a quotation")
    # 3. an unattributed quotation right after an attributed one, with no other speaker
    #    between them, is the same speaker going on
    last: QuoteSpan | None = None
    for q in sorted(direct, key=lambda x: x.start):
        if q.speaker_tok is None and last is not None and last.speaker_tok is not None:
            gap = text[last.end : q.start]
            # the same paragraph, or the next one opening with the quotation, and nobody else
            # named in between
            if "\n" not in gap.strip() and len(gap) < 300 or (gap.count("\n") >= 1 and not gap.strip(' \n,."\u201d\u201c')):
                q.same_speaker_as(last, "follows the same speaker's quotation")
        last = q if q.speaker_tok is not None else last

    # 4. reported speech: a verb with a complement clause outside any quotation
    reported: list[QuoteSpan] = []
    covered = [(q.start, q.end) for q in direct]
    for tok in doc:
        if inside(tok):
            continue
        lemma = tok.lemma_.lower()
        if lemma == "accord" and tok.lower_ == "according":
            rq = _according_to(tok, doc)
        elif tok.pos_ == "NOUN" and lemma in nouns:
            rq = _noun_attribution(tok)
        elif _is_cue(tok, every_cue):
            rq = _reported_clause(tok, doc, attribution, structures)
        elif tok.pos_ == "VERB" and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in tok.children
        ):
            # any verb with a that-clause reports a view ("assumed that …", "feared that …")
            rq = _reported_clause(tok, doc, frozenset({tok.lemma_.lower()}), structures)
        else:
            continue
        if rq is None:
            continue
        overlap = sum(max(0, min(rq.end, e) - max(rq.start, s)) for s, e in covered)
        if overlap >= 0.6 * (rq.end - rq.start):
            continue  # the direct quotation is already there ("…," he said)
        reported.append(rq)
        for dq in direct:
            # a quoted fragment inside reported speech is the reporter's speaker's words
            if dq.speaker_tok is None and rq.start <= dq.start and dq.end <= rq.end + 2:
                dq.same_speaker_as(rq, "quoted inside reported speech")
    # a stance noun inside what a verb already attributes ("repeated his criticism of X") is
    # part of that quotation, not one of its own
    reported = [r for r in reported if r.rule != "stance noun" or not any(
        o is not r and o.start <= r.cue.idx < o.end for o in reported)]  # fmt: skip
    # 5. "Sanders: Clinton needs to …" (headlines and transcripts): a name, a colon, the words
    for sent in sents:
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 5 or inside(toks[0]):
            continue
        colon = next((t for t in toks[:7] if t.text == ":"), None)
        if colon is None or colon.i == toks[0].i:
            continue
        name = [t for t in toks if t.i < colon.i]
        if not all(t.pos_ in ("PROPN", "DET", "ADP", "PUNCT") or t.is_title for t in name):
            continue
        head = next((t for t in reversed(name) if t.pos_ == "PROPN"), None)
        rest = [t for t in toks if t.i > colon.i and not t.is_punct]
        if head is None or len(rest) < 3:
            continue
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if any(not (end <= s0 or start >= e0) for s0, e0 in covered) or any(
            not (end <= r.start or start >= r.end) for r in reported
        ):
            continue
        rq = QuoteSpan(start, end, False, -1, cue=None, cue_text=":", speaker_tok=head,
                       speaker_span=(name[0].i, colon.i))  # fmt: skip
        rq.rule = "name and colon"
        reported.append(rq)
    # 6. "in his words," / "in the words of X"
    for tok in doc:
        if tok.lower_ == "words" and tok.head.lower_ == "in" and not inside(tok):
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is None:
                continue
            sent = sent_of(tok)
            content = [t for t in sent if not (tok.head.i <= t.i <= tok.i) and not t.is_punct]
            if not content:
                continue
            rq = QuoteSpan(content[0].idx, content[-1].idx + len(content[-1].text), False, -1)
            rq.cue, rq.cue_text, rq.speaker_tok, rq.speaker_span = tok, "in " + poss.text + " words", poss, (poss.i, poss.i + 1)
            rq.rule = "in X's words"
            reported.append(rq)
    # a few quoted words nobody is said to have said are scare quotes or titles ("the so-called
    # 'reset'"), not a quotation
    direct = [q for q in direct if q.speaker_tok is not None or len(text[q.start : q.end].split()) >= 6]
    return sorted(direct + reported, key=lambda q: q.start)


def _after_quote(q: QuoteSpan, doc: Doc, text: str, speech: frozenset[str], inside) -> None:
    """A speaker right after the closing mark: "…" she said (when the parser put the cue in a
    sentence of its own), or "…" ― Francisco Herrero."""
    j = q.end + 1
    while j < len(text) and text[j] in " \t,\u00a0":
        j += 1
    if j >= len(text) or text[j] == "\n":
        return
    if text[j] in "―—–-":
        name = doc.char_span(j + 1, min(len(text), j + 80), alignment_mode="expand")
        if name is not None:
            for ent in doc.ents:
                if ent.start >= name.start and ent.start <= name.start + 2 and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
                    q.cue_text, q.speaker_tok, q.speaker_span = text[j], ent.root, (ent.start, ent.end)
                    q.rule = "dash after the quotation"
                    return
        return
    after = doc.char_span(j, min(len(text), j + 1), alignment_mode="expand")
    if after is None:
        return
    sent = sent_of(after[0])
    for t in doc[after.start : min(sent.end, after.start + 8)]:
        if _is_cue(t, speech) and not inside(t):
            tok, sp = _speaker_of(t)
            if tok is not None:
                q.said_by(t, tok, sp, "speech verb after the quotation")
                return


def _transcript(q: QuoteSpan, doc: Doc, text: str) -> None:
    """"WALLACE: Do you really see …": a transcript line names its speaker before a colon."""
    head = text[q.start : q.start + 40]
    k = head.find(":")
    if k < 2 or not head[:k].replace(" ", "").replace(".", "").isalpha() or not head[:k].isupper():
        return
    span = doc.char_span(q.start, q.start + k, alignment_mode="expand")
    if span is not None and len(span):
        q.cue_text, q.speaker_tok, q.speaker_span = ":", span[-1], (span.start, span.end)
        q.rule = "transcript speaker"
        q.start = q.start + k + 1 + (len(head[k + 1 :]) - len(head[k + 1 :].lstrip()))


def _governing_subject(q: QuoteSpan, doc: Doc, first: Span, inside) -> None:
    """A quoted fragment inside a sentence ("Obama called the holiday “a celebration …”",
    "Trump admires Putin as a “strong leader”") is the words of the clause's subject."""
    sent = sent_of(first[0])
    if first.start <= sent.start + 1 and first.end >= sent.end - 2:
        return  # the quotation is the whole sentence: no clause around it
    node = first[0]
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        if node.i in q.tokens or inside(node):
            continue
        if node.pos_ in ("VERB", "AUX"):
            if node.lemma_.lower() in ("be", "have"):
                return  # "X is “a lawful source …”": a copula quotes nobody
            tok, sp = _speaker_of(node)
            if tok is not None and tok.i not in q.tokens and not inside(tok):
                q.said_by(node, tok, sp, "quoted words of the clause's subject")
            return


def _before_colon(q: QuoteSpan, doc: Doc, text: str) -> None:
    """"Trump: “We will …”": a name right before a colon that opens the quotation."""
    j = q.start - 1
    while j > 0 and text[j - 1] in " \t\u201c\u00ab\"":
        j -= 1
    if j <= 0 or text[j - 1] != ":":
        return
    before = doc.char_span(max(0, j - 60), j - 1, alignment_mode="contract")
    if before is None or not len(before):
        return
    last = before[-1]
    for ent in doc.ents:
        if ent.end == last.i + 1 and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            q.cue_text, q.speaker_tok, q.speaker_span = ":", ent.root, (ent.start, ent.end)
            q.rule = "name before a colon"
            return


def _sent_index(sents: list[Span], token_i: int) -> int:
    starts = [s.start for s in sents]
    return bisect_right(starts, token_i) - 1


def _reported_clause(verb: Token, doc: Doc, attribution: frozenset[str],
                     structures: tuple[frozenset[str], ...]) -> QuoteSpan | None:  # fmt: skip
    """"X said that …": the complement clause is the content, the subject the speaker; also
    "X wants to …" (infinitive), "X called for …" (for-phrase), "X cited …" (object)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "he did not say whether …" attributes nothing
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    phrasal = f"{lemma} {prt}" if prt else lemma  # "pointed out"
    xcomp_cues, for_cues, obj_cues, content = structures
    speaks = lemma in attribution or phrasal in attribution
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None) if speaks else None
    paratactic = False
    if comp is None and verb.dep_ == "parataxis" and lemma in ("say", "tell", "add", "note", "stress"):
        comp, paratactic = verb.head, True  # "The plan, he said, is dead."
    if comp is None and lemma in xcomp_cues:
        comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    extra: list[Token] = []
    if comp is None and (lemma in for_cues or phrasal in for_cues):
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS), None)
        comp = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if comp is not None:
            # "called on Trump to stop …": the person asked and what they are asked to do
            extra = [t for c in verb.children if c.dep_ == "xcomp" and c.i > comp.i for t in c.subtree]
    if comp is None and lemma in obj_cues:
        comp = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if (comp is not None and f"{lemma} {comp.lemma_.lower()}" not in content
                and any(c.startswith(f"{lemma} ") for c in content)):  # fmt: skip
            return None  # "sent fighter jets", "defend every inch of their territory": no view
        pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp")), None)
        if comp is not None and pred is not None and pred.i > comp.i:
            # "called Trump a liar": the object and what it is called
            toks = sorted({*comp.subtree, *pred.subtree}, key=lambda t: t.i)
            tok, sp = _speaker_of(verb)
            if tok is None or len(toks) < 2:
                return None
            q = QuoteSpan(toks[0].idx, toks[-1].idx + len(toks[-1].text), False, -1, cue=verb,
                          cue_text=verb.text, speaker_tok=tok, speaker_span=sp)  # fmt: skip
            q.rule = "reported speech"
            return q
    if comp is None:
        return None
    if paratactic:
        toks = [t for t in comp.subtree if t.i not in {x.i for x in verb.subtree}]
    else:
        toks = sorted({*comp.subtree, *extra}, key=lambda t: t.i)
    toks = [t for t in toks if not t.is_punct or (toks and t.i not in (toks[0].i, toks[-1].i))]
    if len(toks) < (1 if _topic(comp) else 3):
        return None
    if toks and toks[0].lower_ == "that" and toks[0].dep_ == "mark":
        toks = toks[1:]
    tok, sp = _speaker_of(verb)
    if tok is None:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    q = QuoteSpan(start, end, False, -1, cue=verb, cue_text=verb.text, speaker_tok=tok, speaker_span=sp)
    q.rule = "reported speech"
    return q


def _topic(tok: Token) -> bool:
    """A noun phrase object or topic ("criticized the deal", "complained about his mic") is
    attributed content however short; a clause needs some words to say anything."""
    return tok.dep_ in ("dobj", "pobj") and tok.pos_ in ("NOUN", "PROPN")


def _someone(tok: Token) -> bool:
    """Whether a phrase can hold a view: a named person or body, or a personal pronoun —
    not "his returns" or "the statistical advantage"."""
    if tok.pos_ == "PRON" or tok.tag_ == "PRP$":
        return tok.lower_ not in ("it", "its", "this", "that", "there", "which", "what")
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in _BODIES or lemma.endswith(_AGENT_SUFFIXES))


_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "ive", "crat", "can", "ee")
_BODIES = frozenset("""government administration campaign committee party council group team panel
court agency ministry department people public official leader staff aide family union
board commission coalition alliance""".split())


def _noun_attribution(noun: Token) -> QuoteSpan | None:
    """"raised questions about X", "his criticism of X": a stance noun's topic is the view of
    its possessor, or of the subject of the verb that voices it."""
    preps = _NOUN_PREPS + (("for",) if noun.lemma_.lower() in _FOR_NOUNS else ())
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or obj.ent_type_ in ("DATE", "TIME"):
        return None  # "remarks on Saturday" says when, not what
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        tok, sp = poss, (min(t.i for t in poss.subtree), poss.i + 1)
    elif noun.dep_ in ("dobj", "pobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        verb = noun.head if noun.dep_ != "pobj" else noun.head.head
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
            return None
        tok, sp = _speaker_of(verb)
    else:
        return None
    if tok is None or not _someone(tok):
        return None
    toks = [t for t in obj.subtree if not t.is_punct]
    if not toks:
        return None
    q = QuoteSpan(toks[0].idx, toks[-1].idx + len(toks[-1].text), False, -1, cue=noun,
                  cue_text=f"{noun.text} {prep.text}", speaker_tok=tok, speaker_span=sp)  # fmt: skip
    q.rule = "stance noun"
    return q


def _according_to(tok: Token, doc: Doc) -> QuoteSpan | None:
    """"…, according to X": X said the rest of the sentence."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    phrase = {tok.i, to.i} | {t.i for t in obj.subtree}
    sent = sent_of(tok)
    content = [t for t in sent if t.i not in phrase and not t.is_punct]
    if len(content) < 3:
        return None
    left = min(t.i for t in obj.subtree)
    right = max(t.i for t in obj.subtree) + 1
    q = QuoteSpan(content[0].idx, content[-1].idx + len(content[-1].text), False, -1, cue=tok,
                  cue_text="according to", speaker_tok=obj, speaker_span=(left, right))  # fmt: skip
    q.rule = "according to"
    return q


def speaker_mention(q: QuoteSpan, index: MentionIndex) -> Mention | None:
    """The actor mention of a quotation's speaker phrase, if the actor stage found one."""
    if q.speaker_tok is None:
        return None
    ms = index.at(q.speaker_tok)
    if ms:
        return ms[0]
    return None
