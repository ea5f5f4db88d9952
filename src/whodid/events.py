"""Events from the dependency parse: trigger, pattern, source, target, modality.

For each verb or noun whose lemma is a trigger in the pattern lexicons, the words of
its clause are matched against the trigger's patterns (the most specific wins); the
source is the subject (or `by`-agent, or the modifier of a nominal trigger), the
target the object or the actor of a "with/against/to/on" phrase. Negated,
hypothetical, conditional, questioned, denied and reported-as-false clauses give no
event; offered, promised, planned or future actions get the intent code (03x/13x).
Pronoun actors stay unresolved here; the context stage resolves them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .actors import Mention
from .knowledge import Knowledge
from .knowledge.model import Element, Pattern, Trigger
from .sents import doc_text, sent_of, sentences, words

# Dependencies that open a new clause: their words are not part of the trigger's pattern context.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "punct", "mark", "cc", "csubj", "csubjpass", "conj", "appos", "meta"}
_SUBJ = {"nsubj", "csubj", "expl"}
_TARGET_PREPS = ("with", "against", "to", "on", "toward", "towards", "at", "into", "upon", "between", "for", "from", "over", "of", "about", "in")
_STRONG_PREPS = {"with", "against", "to", "on", "toward", "towards", "at", "into", "upon", "between"}
# Verbs whose infinitive complement has their object as subject: "urged Russia to withdraw".
_OBJECT_CONTROL = {"urge", "ask", "call", "tell", "force", "persuade", "invite", "allow", "order", "encourage",
                   "help", "press", "push", "request", "require", "compel", "enable", "instruct", "authorize",
                   "authorise", "permit", "warn", "advise", "expect", "want", "need", "lead", "cause",
                   "appeal", "plead", "implore", "beg", "prompt", "spur", "drive", "oblige", "provoke",
                   "challenge", "tempt", "trigger", "inspire", "pressure"}  # fmt: skip
# verbs of withdrawing forces: in the passive with no agent, the forces' owner withdrew them
_WITHDRAWAL_VERBS = frozenset({"withdraw", "pull", "pull_out", "pull_back", "redeploy", "evacuate", "ship", "relocate"})
_RELATIVE = {"that", "who", "which", "whom"}
_PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "riot", "strike", "sit-in", "vigil"})
# possessives that point back to an actor already named ("its troops", "their ministers")
_OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})
_CARRYING = frozenset({"carry", "transport", "ferry", "bring"})
_DEFENDING = frozenset({"intercept", "repel", "repulse", "down", "destroy"})
_TIME_AND_CONCESSION_PREPS = frozenset({"during", "since", "after", "before", "until", "amid", "despite", "following"})
_PLACE_TIME_PREPS = {"in", "at", "near", "during", "since", "after", "before", "until", "inside", "outside",
                     "within", "throughout", "amid", "despite", "following", "via", "through", "across"}  # fmt: skip


@dataclass
class RawEvent:
    """An event before actor resolution and CAMEO look-up."""

    sentence: Span
    sentence_index: int
    trigger: Token
    trigger_text: str
    span: tuple[int, int]  # characters within the Doc
    source: Mention
    target: Mention | None
    code: str
    rule: str
    mode: str = "asserted"  # asserted | intent | refuse | appeal | demand
    reciprocal: bool = False
    notes: list[str] = field(default_factory=list)
    by_default: bool = False  # coded by the trigger's block code, no context words
    place: object | None = None  # whodid.places.Place, set by the context stage
    when: object | None = None  # whodid.dates.TimeExpression, set by the context stage


@dataclass
class Frame:
    """A trigger with its matched pattern and the actor slots bound by the pattern."""

    trigger: Token
    entry: Trigger
    pattern: Pattern
    consumed: set[int]
    source: Mention | None
    target: Mention | None
    nominal: bool


class MentionIndex:
    """Mentions of a Doc by head token and by covered token."""

    def __init__(self, mentions: list[Mention], against: dict[int, list[Mention]] | None = None):
        self.against = against or {}  # "anti-American protests": by the noun's index
        self.by_head: dict[int, list[Mention]] = {}
        self.covering: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_head.setdefault(m.head, []).append(m)
            for i in range(m.start, m.end):
                self.covering.setdefault(i, []).append(m)

    def at(self, tok: Token) -> list[Mention]:
        ms = self.by_head.get(tok.i, [])
        if ms:
            # where a phrase-level mention and a bare name share the head, the phrase wins
            best = max(ms, key=lambda m: (m.end - m.start, m.resolved))
            same = [m for m in ms if (m.start, m.end) == (best.start, best.end)]
            return same
        return []


# -- regions of a clause -----------------------------------------------------------------------


def _collect(tok: Token, out: list[Token], skip: set[str]) -> None:
    out.append(tok)
    for c in tok.children:
        if c.dep_ in skip:
            continue
        _collect(c, out, skip)


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to return", "to disperse")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _control_objects(verb: Token) -> list[Token]:
    """The object of a verb that the parser made the subject of its infinitive ("allow UN
    inspectors to return" parsed with "inspectors" under "return", "declared a state of siege
    to begin at midnight"): for an object-control verb, or a phrase right after the verb."""
    control = verb.lemma_.lower() in _OBJECT_CONTROL
    bare = verb.lemma_.lower() in ("help", "let", "make")  # "helped Syria rebuild its army"
    return [s for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
            and (infinitive(c) or (bare and c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children)))
            for s in c.children if s.dep_ == "nsubj" and verb.i < s.i < c.i
            and (control or s.left_edge.i == verb.i + 1)]  # fmt: skip


def post_region(trigger: Token) -> list[Token]:
    """Words after the trigger in its clause: objects, prepositional phrases, infinitive complements."""
    out: list[Token] = []
    for c in trigger.children:
        if c.i < trigger.i or c.dep_ in _CLAUSE_DEPS:
            continue
        _collect(c, out, _CLAUSE_DEPS)
    for s in _control_objects(trigger):
        # "allowed the opposition to hold a rally": the object and its infinitive, which the
        # parser hung as a clause of its own
        _collect(s, out, _CLAUSE_DEPS)
        out.append(s.head)
        for c in s.head.children:
            if c.i > s.i and c.dep_ not in _CLAUSE_DEPS:
                _collect(c, out, _CLAUSE_DEPS)
    for c in trigger.children:
        if c.dep_ in ("dobj", "dative") and c.i > trigger.i:
            # coordinated objects: "offered a regiment, attack helicopters and fighter jets"
            for cc in c.conjuncts:
                if cc.i > c.i and cc.pos_ in ("NOUN", "PROPN"):
                    _collect(cc, out, _CLAUSE_DEPS)
    head = trigger.head
    if (trigger.dep_ == "relcl" and trigger.pos_ == "VERB" and head.i < trigger.i and head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "auxpass" for c in trigger.children)
            and all(c.lower_ in _RELATIVE for c in trigger.children if c.dep_ == "dobj")
            and any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE for c in trigger.children)):  # fmt: skip
        # "the aid Japan sent to Ukraine", "a claim China denied", "the weapons that Iran
        # supplied": what an object relative clause is about is its verb's object
        out.append(head)
        for c in head.children:
            if c.i < head.i and c.dep_ in ("amod", "compound", "poss", "nmod", "det", "nummod"):
                _collect(c, out, _CLAUSE_DEPS)
        out = [t for t in out if t.lower_ not in _RELATIVE or t.dep_ != "dobj"]
    if trigger.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in trigger.children):
        # "two inspectors were expelled", "sanctions were imposed on Iran by the EU": the
        # passive subject is what the verb acts on; the by-agent is the doer, no object
        agent = {t.i for c in trigger.children if c.dep_ == "agent" for t in c.subtree}
        for c in trigger.children:
            if c.dep_ == "nsubjpass":
                _collect(c, out, _CLAUSE_DEPS)
        out = [t for t in out if t.i not in agent]
    return sorted(out, key=lambda t: t.i)


def pre_region(trigger: Token, nominal: bool) -> list[Token]:
    """Words before the trigger: subject, auxiliaries, adverbs (verbs) or modifiers (nouns)."""
    out: list[Token] = []
    for c in trigger.children:
        if c.i > trigger.i or c.dep_ in ("punct", "mark", "cc", "advcl", "ccomp", "parataxis"):
            continue
        _collect(c, out, _CLAUSE_DEPS)
    if not nominal and trigger.dep_ in ("xcomp", "conj") and not any(c.dep_ in _SUBJ for c in trigger.children):
        gov = trigger.head
        for c in gov.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < gov.i:
                _collect(c, out, _CLAUSE_DEPS)
    return sorted(set(out), key=lambda t: t.i)


# -- pattern matching --------------------------------------------------------------------------


def _lower(tok: Token) -> str:
    """Lower-case text with a typographic apostrophe read as a straight one ("Japan’s")."""
    return tok.lower_.replace("\u2019", "'")


def _word_match(tok: Token, word: str) -> bool:
    return _lower(tok) == word or tok.lemma_.lower() == word


def _holds_office(tok: Token, word: str, index: MentionIndex) -> bool:
    """Whether a named person holds an office a subject word names ("Netanyahu arrived in
    Budapest" as "the prime minister arrived": his role on the article's date)."""
    return any(m.kind == "person" and m.role and word in m.role.split() for m in index.at(tok))


def _slot_candidates(tok: Token, index: MentionIndex) -> list[Mention]:
    """Mentions a slot can bind at tok: the phrase it heads or modifies ("Russian" in
    "Russian President Putin" → Putin), then the bare name itself."""
    out: list[Mention] = []
    head = tok
    for _ in range(6):
        if head.dep_ in ("amod", "compound", "poss", "nmod", "det") and head.head.i != head.i:
            head = head.head
        else:
            break
    out.extend(index.at(head))
    if not out and head.i != tok.i:
        # "its neighbour Kyrgyzstan": the phrase's own name, not the possessive before it
        out.extend(m for c in head.children if c.dep_ == "appos" for m in index.at(c))
    for m in index.at(tok) + index.covering.get(tok.i, []):
        if m not in out:
            out.append(m)
    return out


def _match_elements(
    elements: tuple[Element, ...], region: list[Token], index: MentionIndex, start: int = 0,
    after: Token | None = None, no_place: bool = False, anchor: Token | None = None, topic: bool = False,
    trigger: Token | None = None, subject: bool = False,
) -> tuple[set[int], dict[str, Mention]] | None:
    """Match elements in order (gaps allowed) against region[start:]; backtracking, small inputs.

    A slot right after a preposition must be filled from that preposition's object
    ("talks with +" binds the actor of the with-phrase, not one further on); a pattern that is
    a bare slot after the trigger (`anchor`) is not filled from inside one of the trigger's
    prepositional phrases ("called for a deal with the EU" does not call the EU). In the
    `subject` region a word names the doer, so an adjective does not stand for its noun
    ("military helicopters" are no "military", i.e. troops)."""
    if not elements:
        return set(), {}
    el, rest = elements[0], elements[1:]
    within = None
    if el.slot and after is not None and after.dep_ in ("prep", "agent", "dative"):
        within = {t.i for t in after.subtree}
    if el.slot and after is not None and after.tag_ == "TO" and after.dep_ == "aux":
        return None  # "told Merkel to mind her own business": an infinitive's "to" is no "to +"
    for j in range(start, len(region)):
        tok = region[j]
        if el.slot:
            if within is not None and tok.i not in within:
                continue
            for m in _slot_candidates(tok, index):
                if within is not None and m.head not in within:
                    continue
                if anchor is not None and _behind_other_prep(tok.doc[m.head], anchor, topic):
                    continue
                top = _place_phrase_top(tok.doc[m.head], anchor) if anchor is not None else None
                if top is not None and top.i != m.head:
                    continue  # "sank near the border with North Korea": inside where, not whom
                h = tok.doc[m.head]
                if no_place and within is None and h.dep_ == "pobj" and h.head.lower_ in _PLACE_TIME_PREPS:
                    continue  # a meeting's bare slot is not filled from "met in Paris"
                nxt = j + 1
                while nxt < len(region) and region[nxt].i < m.end:
                    nxt += 1
                sub = _match_elements(rest, region, index, nxt, None, no_place, subject=subject)
                if (sub is not None and rest and not rest[0].slot and sub[0] and tok.doc[min(sub[0])].pos_ == "NOUN"
                        and any(t.dep_ == "prep" for t in tok.doc[m.end:min(sub[0])])):  # fmt: skip
                    # a slot and the noun after it belong together ("Spanish territory", "sent
                    # Kyiv humanitarian aid"), not across a preposition ("sent Washington its
                    # proposals on security guarantees" sends no guarantees)
                    sub = None
                if sub is not None:
                    consumed, slots = sub
                    slots = dict(slots)
                    slots.setdefault(el.slot, m)
                    return consumed, slots
            continue
        for alt in el.alts:
            n = len(alt)
            if j + n > len(region):
                continue
            toks = region[j : j + n]
            if any(toks[k].i != tok.i + k for k in range(n)):
                continue
            if (after is not None and n == 1 and tok.dep_ in ("prep", "agent", "dative") and tok.pos_ == "ADP"
                    and tok.head.i != after.i and not tok.head.is_ancestor(after)):  # fmt: skip
                # a preposition after a pattern word hangs on that word or on what governs it:
                # "expelled a diplomat … after the expulsion of a Russian diplomat" does not
                # match "diplomat of +"
                continue
            if trigger is not None and _place_phrase_top(tok, trigger) is not None:
                # the first word after the trigger is of its object, not of where it happened:
                # "released a ship it seized near the port city of Derna" seized no city
                continue
            if subject and n == 1 and tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
                continue  # "military helicopters" are no "military" (troops)
            if n == 1 and _inside_hyphenated_modifier(tok):
                continue  # "anti-tank weapons" are no tanks
            if n == 1 and not rest and tok.tag_ == "TO" and tok.dep_ == "aux" and len(el.alts) > 1:
                # "agreed to disengage …" is no "agreed on | to" (a noun): the infinitive says
                # what (a "to" alone after a slot is the infinitive: "called on X to")
                continue
            if all(_word_match(t, w) for t, w in zip(toks, alt, strict=True)) or (
                    subject and n == 1 and _holds_office(tok, alt[0], index)):  # fmt: skip
                sub = _match_elements(rest, region, index, j + n, toks[-1], no_place, subject=subject)
                if sub is not None:
                    consumed, slots = sub
                    return consumed | {t.i for t in toks}, slots
    return None


_OPPOSING_PREFIXES = frozenset({"anti", "counter", "non"})


def _inside_hyphenated_modifier(tok: Token) -> bool:
    """The last part of a hyphenated word against something, modifying a noun after it
    ("anti-tank weapons", "anti-aircraft guns"): what the thing is against, not the thing
    (a "cruise-missile attack" is still missiles)."""
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_
            and doc[tok.i - 2].lower_ in _OPPOSING_PREFIXES
            and not doc[tok.i - 1].whitespace_ and tok.head.i > tok.i and tok.dep_ in ("amod", "compound", "nmod"))  # fmt: skip


def _place_phrase_top(tok: Token, trigger: Token) -> Token | None:
    """The word right under a preposition of place or time of the trigger whose phrase holds
    tok ("city" for "near the port city of Derna"), or None; the preposition itself is in none."""
    for _ in range(8):
        up = tok.head
        if tok.i == trigger.i or up.i == tok.i or up.i == trigger.i:
            return None
        if up.dep_ == "prep" and up.lower_ in _PLACE_TIME_PREPS and up.head.i == trigger.i:
            return tok
        tok = up
    return None


def _behind_other_prep(tok: Token, trigger: Token, topic: bool = False) -> bool:
    """Whether a word is inside a prepositional phrase of the trigger ("called for a deal with
    the EU"), or with `topic` inside a prepositional phrase anywhere under it ("discussed the
    supply of Russian gas"): there, a bare slot meant for the trigger's object would bind the
    wrong actor."""
    for _ in range(8):
        if tok.i == trigger.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and (topic or tok.head.i == trigger.i) and tok.lower_ not in _PLACE_TIME_PREPS:
            return True  # (where and when are left to the place rules: "protested in Belgrade")
        tok = tok.head
    return False


def _is_slot_token(i: int, slots: dict) -> bool:
    return any(m is not None and (m.start <= i < m.end or i == m.head) for m in slots.values())


def _has_particles(trigger: Token, entry: Trigger, nominal: bool) -> set[int] | None:
    """Token indices of a multi-word trigger's other words, or None when they are absent."""
    if not entry.particles:
        return set()
    doc = trigger.doc
    if nominal:  # modifiers before the head noun: "peace talks"
        n = len(entry.particles)
        s = trigger.i - n
        if s < sent_of(trigger).start:
            return None
        if all(_word_match(doc[s + k], w) for k, w in enumerate(entry.particles)):
            return set(range(s, trigger.i))
        return None
    found: set[int] = set()
    after = [c for c in trigger.children if c.i > trigger.i] + [
        doc[i] for i in range(trigger.i + 1, min(trigger.i + 4, sent_of(trigger).end))
    ]
    for w in entry.particles:
        hit = next((t for t in after if _word_match(t, w) and t.i not in found), None)
        if hit is None:
            return None
        found.add(hit.i)
    return found


def _distance(tok: Token, trigger: Token, passive: bool) -> int:
    """How far a pattern word stands from the trigger: in the text, or for a passive verb's
    subject before it, in steps up the parse ("the claim that Polish jets entered … was
    dismissed": "claim", not "jets", is what was dismissed)."""
    if tok.i > trigger.i or not passive:
        return abs(tok.i - trigger.i)
    t = tok
    for n in range(1, 12):
        t = t.head
        if t.i == trigger.i:
            return n
        if t.head.i == t.i:
            break
    return abs(tok.i - trigger.i)


def _could_match(firsts: tuple[frozenset[str], ...], words: set[str]) -> bool:
    """A cheap necessary condition: every word position has an alternative whose first word
    occurs in the region (saves the backtracking matcher most of its work)."""
    return all(not f.isdisjoint(words) for f in firsts)


def best_frame(trigger: Token, entries: list[Trigger], index: MentionIndex, nominal: bool,
               topic: bool = False, coded_verbs: Callable[[str], bool] | None = None) -> Frame | None:  # fmt: skip
    """The most specific pattern of the trigger's entries that matches around it. With
    `topic` (a verb whose object is what is talked about: "discussed"), a bare slot is not
    filled from inside the object ("discussed the supply of Russian gas"). With
    `coded_verbs` (whether a lemma has patterns of its own; given for verbs of intent), a
    pattern may not take its words from inside an infinitive whose verb it does not name and
    that codes itself: "promised to buy fighter jets" is no promise of arms (the purchase is
    coded, or not, by "buy", as an intent)."""
    post = post_region(trigger)
    nested: dict[int, int] = {}  # token → the self-coding infinitive verb it stands under
    if coded_verbs is not None and not nominal:
        for c in trigger.children:
            if c.dep_ == "xcomp" and c.i > trigger.i and c.pos_ == "VERB" and coded_verbs(c.lemma_.lower()):
                nested.update({t.i: c.i for t in c.subtree if t.i != c.i})
    pre = pre_region(trigger, nominal)
    post_words = {_lower(t) for t in post} | {t.lemma_.lower() for t in post}
    pre_words = {_lower(t) for t in pre} | {t.lemma_.lower() for t in pre}
    if not nominal:  # a named office-holder stands for the office's words (_holds_office)
        pre_words |= {w for t in pre for m in index.at(t) if m.kind == "person" and m.role for w in m.role.split()}
    best: tuple[tuple, Frame] | None = None
    passive = not nominal and any(c.dep_ == "auxpass" for c in trigger.children)
    for entry in entries:
        parts = _has_particles(trigger, entry, nominal)
        if parts is None:
            continue
        for order, pattern in enumerate([*entry.patterns, entry.default]):
            if not (_could_match(pattern.pre_firsts, pre_words) and _could_match(pattern.post_firsts, post_words)):
                continue
            pre_m = _match_elements(pattern.pre, pre, index, subject=not nominal) if pattern.pre else (set(), {})
            if pre_m is None:
                continue
            # where people meet is not whom they meet ("met in Paris")
            meeting = (pattern.code or "").startswith("04")
            bare = not nominal and len(pattern.post) == 1 and pattern.post[0].slot
            post_m = _match_elements(pattern.post, [t for t in post if t.i not in parts], index, no_place=meeting,
                                     trigger=None if nominal else trigger,
                                     anchor=trigger if bare else None, topic=topic)  # fmt: skip
            if post_m is None:
                continue
            pre_slots = {("source" if k == "both" else k): v for k, v in pre_m[1].items()}
            post_slots = {("target" if k == "both" else k): v for k, v in post_m[1].items()}
            slots = {**pre_slots, **post_slots}
            consumed = pre_m[0] | post_m[0] | parts
            if nested and any(i in nested and nested[i] not in consumed and not _is_slot_token(i, slots)
                              for i in consumed):  # fmt: skip
                continue
            # specificity: words actually matched (a two-word alternative beats a one-word one);
            # a block's own code ranks below any pattern, and a coded default above a discard
            is_default = pattern is entry.default
            bound = sum(1 for m in slots.values() if m.resolved)
            # among equally specific patterns the one whose words stand nearest the trigger (its
            # object: "rejected reports that … a military base") beats one further on
            near = -min((_distance(trigger.doc[i], trigger, passive) for i in consumed if i != trigger.i), default=0)
            rank = (not pattern.fallback, len(consumed) + bound, not is_default, pattern.code is not None, near, -order)
            frame = Frame(trigger, entry, pattern, consumed, slots.get("source") or slots.get("both"),
                          slots.get("target") or slots.get("both"), nominal)  # fmt: skip
            if best is None or rank > best[0]:
                best = (rank, frame)
    return best[1] if best else None


# -- arguments ---------------------------------------------------------------------------------


_PLACES_FOR = {"camp", "shelter", "school", "hospital", "clinic", "home", "centre", "center", "settlement", "refuge"}


# what a side holds and is attacked through: "shelled its positions", "raided their villages"
_HELD = frozenset({"position", "post", "base", "village", "town", "city", "territory", "border", "outpost",
                   "checkpoint", "camp", "stronghold", "embassy", "consulate", "vessel", "ship", "convoy"})  # fmt: skip


_COUNTS = frozenset({"thousands", "hundreds", "millions", "dozens", "scores", "tens"})


def _expand(tok: Token, index: MentionIndex) -> list[Mention]:
    """Mentions of the phrase headed by tok, with its coordinated phrases ("Belarus and Russia")."""
    if tok.lower_ in ("whom", "who") and tok.dep_ in ("dobj", "pobj") and tok.head.dep_ == "relcl" and not index.at(tok):
        # "the ministers, whom they had taken hostage": the relative pronoun's antecedent
        return _expand(tok.head.head, index)
    out: list[Mention] = []
    for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
        ms = index.at(t)
        if not ms:
            # "a delegation of Russian officials": the actor inside an of-phrase; "a camp for
            # Congolese refugees": the people a place is for
            for c in t.children:
                if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "for" and t.lemma_.lower() in _PLACES_FOR)):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            # ("thousands of soldiers and judges": each of them)
                            ms = [m for q in (p, *p.conjuncts) for m in index.at(q)]
                            if not ms and p.lower_ in _COUNTS:
                                # "tens of thousands of Egyptians": a count of a count
                                ms = [m for c2 in p.children if c2.dep_ == "prep" and c2.lower_ == "of"
                                      for p2 in c2.children if p2.dep_ == "pobj" for m in index.at(p2)]  # fmt: skip
            if not ms:
                # "both parties, Serbia and Croatia": the names in apposition, all of them
                ms = [m for c in t.children if c.dep_ == "appos" for a in (c, *c.conjuncts) for m in index.at(a)]
            if not ms and t.pos_ == "NOUN" and t.dep_ == "pobj":
                # "bowed to the miners' demands", "troops moved to Ukraine's border": the owner
                ms = [m for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON" for m in index.at(c) if m.head == c.i]
            if not ms and t.pos_ == "NOUN" and t.dep_ == "dobj" and t.lemma_.lower() in _HELD:
                # "Armenian forces shelled its positions": whose positions, resolved later
                ms = [m for c in t.children if c.dep_ == "poss" for m in index.at(c) if m.head == c.i]
        out.extend(ms)
        out.extend(_shared_role(t, ms, index))
    return out


def _shared_role(t: Token, ms: list[Mention], index: MentionIndex) -> list[Mention]:
    """One role word shared by coordinated countries: "Romanian and Ukrainian leaders",
    "lawmakers in France and Germany" are leaders and lawmakers of each (the phrase's
    mention carries the first country only)."""
    out: list[Mention] = []
    for m in ms:
        if not (m.resolved and m.sector and m.country and not m.country.startswith("IGO") and m.head == t.i):
            continue
        # the word that gave the phrase its country: a modifier, or the object of "in"/"from"
        givers = [c for c in t.children if c.dep_ in ("amod", "compound")]
        holders = [t] + ([t.head] if t.dep_ == "conj" else [])  # "lawmakers and officials in …"
        givers += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "from", "of")
                   and p.i > t.i for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        for g in givers:
            if not any(x.country == m.country for x in index.at(g)):
                continue
            for other in g.conjuncts:
                for x in index.at(other):
                    if x.resolved and x.country and x.kind == "country" and not x.sector and x.country != m.country:
                        # (the same words as the phrase: they name both)
                        out.append(replace(m, code=x.country[:3] + (m.code or "")[3:], country=x.country[:3], name=x.name,
                                           rule=f"{m.rule} (shared role)"))  # fmt: skip
    return out


def _stray_agent(verb: Token, index: MentionIndex) -> list[Mention]:
    """The agent of a passive verb that the parser hung on the verb's gerund complement
    ("was accused of misusing funds by government officials"): a by-phrase of an active
    gerund that names a state, organisation or person."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("of", "for"):
            continue
        for g in c.children:
            if g.dep_ != "pcomp" or g.tag_ != "VBG" or any(a.dep_ == "auxpass" for a in g.children):
                continue
            for by in g.children:
                if by.dep_ == "prep" and by.lower_ == "by":
                    ms = [m for o in by.children if o.dep_ == "pobj" for m in _expand(o, index)
                          if m.resolved and m.kind in ("country", "igo", "group", "person")]  # fmt: skip
                    if ms:
                        return ms
    return []


def _attack_owner(verb: Token, index: MentionIndex, attacks: frozenset[str]) -> list[Mention]:
    """Who did a passive act that happened in their attack: "two civilians were killed in an
    Israeli drone strike", "were wounded during a Russian missile attack on Kharkiv"."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
            continue
        for noun in c.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in attacks:
                continue
            ms = [m for mod in noun.children if mod.dep_ in ("amod", "compound", "poss", "nmod") and mod.i < noun.i
                  for m in index.at(mod) if m.resolved and m.kind in ("country", "igo", "group", "person")]  # fmt: skip
            if ms:
                return ms
    return []


def _subject(verb: Token, index: MentionIndex, depth: int = 0) -> tuple[list[Mention], bool]:
    """Subject mentions of a verb and whether the verb is passive."""
    if depth > 4:
        return [], False
    if (verb.dep_ in ("acomp", "oprd") or (verb.pos_ == "ADJ" and verb.dep_ == "xcomp")) and verb.head.i != verb.i:
        return _subject(verb.head, index, depth + 1)  # "he is pessimistic": the copula's subject
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _expand(p, index), True
        return _stray_agent(verb, index), True
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return _expand(verb.head, index), False
            # "the missiles fired by the Israeli military struck …": an actor inside the subject
            ms = _expand(c, index)
            if not any(m.resolved for m in ms):
                ms = _first_in_subtree(c, index, skip=()) or ms
            return ms, False
    if verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and verb.head.lemma_ in _OBJECT_CONTROL):
        gov = verb.head
        if gov.lemma_ in _OBJECT_CONTROL:
            for c in gov.children:
                if c.dep_ in ("dobj", "dative") and c.i < verb.i:
                    return _expand(c, index), False
                if (c.dep_ == "prep" and gov.i < c.i < verb.i and (c.lower_ in ("on", "upon") or (
                        c.lower_ in ("to", "with") and gov.lemma_ in ("appeal", "plead")))):  # fmt: skip
                    # "called on Spain to recognize …", "appealed to NATO to close …": Spain is to
                    # recognize, NATO to close
                    return [m for o in c.children if o.dep_ == "pobj" for m in _expand(o, index)], False
        if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "amod"):
            gov = gov.head
        got, gov_passive = _subject(gov, index, depth + 1)
        if not got and gov_passive:
            # "our pilots were scrambled to intercept them": the pilots intercept
            got = [m for c in gov.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
        return got, False
    if verb.dep_ == "conj":
        head = verb.head
        if (any(c.dep_ == "nsubjpass" for c in head.children) and verb.tag_ != "VBN"
                and not any(c.dep_ == "auxpass" for c in verb.children)):  # fmt: skip
            # "the prime minister has been indicted … and will resign": the passive subject
            # is the one who resigns, not the indicting court
            return [m for c in head.children if c.dep_ == "nsubjpass" for m in _expand(c, index)], False
        return _subject(head, index, depth + 1)[0], False

    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "jets flying to the border", "troops that crossed"
        if verb.tag_ != "VBN":
            return _expand(verb.head, index), False
        if verb.dep_ == "acl" and depth == 0:
            # "schoolgirls kidnapped by Boko Haram": the by-agent did it to the noun
            for c in verb.children:
                if c.dep_ == "agent":
                    return [m for p in c.children if p.dep_ == "pobj" for m in _expand(p, index)], True
        top = verb.head
        while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
            top = top.head.head
        if top.dep_ == "ROOT" and _misread_participle(verb):
            # "Nurses from two charities collected and delivered medicine to …" read as a noun
            # phrase with a participle: a participle with an object of its own is the verb
            return _expand(top, index), False
    if verb.dep_ == "advcl":  # "…, accusing Minsk of", "began a strike to protest against"
        return _subject(verb.head, index, depth + 1)[0], False
    auxes = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and auxes)
    if not passive and verb.pos_ == "VERB" and finite and verb.dep_ in ("ROOT", "ccomp", "conj"):
        # a parse that missed the subject ("…, USAID provided …", "USAID had announced …" with
        # USAID as an adverb): a name right before a finite verb (or its auxiliaries) of a main
        # clause is its subject (not "Russia-backed")
        first = min([verb.i] + [a.i for a in auxes])
        for c in verb.children:
            if c.dep_ in ("advmod", "npadvmod", "dep") and c.i == first - 1:
                ms = [m for m in _expand(c, index) if m.resolved and m.is_name]
                if ms:
                    return ms, False
    return [], passive


def _misread_participle(verb: Token) -> bool:
    """A past participle modifying the sentence's root noun that is really its finite verb:
    it (or a verb coordinated with it) takes a direct object, and no by-agent makes it passive."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)


def _first_in_subtree(tok: Token, index: MentionIndex, skip: tuple[str, ...] = ("acl",),
                      places: bool = False, agents: bool = False) -> list[Mention]:  # fmt: skip
    """The highest named actor inside a phrase ("a mission of observers from the OSCE"),
    not counting where and when ("talks in Minsk") unless `places`; with `agents`, also a
    role word whose country is settled later ("demands from rebels")."""
    frontier = [tok]
    for _ in range(6):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in ("relcl", "ccomp", "advcl", "punct", "cc", "appos") or (
                        c.dep_ in skip and not (c.dep_ == "acl" and (c.lemma_.lower() in _CARRYING or (
                            t is tok and tok.dep_ in ("dobj", "nsubjpass") and _by_agent(c))))):  # fmt: skip
                    # ("a helicopter carrying EC monitors": who was on board is who was hit;
                    # "shot down drones launched by Russia", "condemned the resolution drafted
                    # by the US": whose the object is; not "under a ceasefire brokered by Russia")
                    continue
                if c.dep_ == "prep" and c.lower_ in _TIME_AND_CONCESSION_PREPS:
                    continue  # ("his visit despite the ICC warrant": when or in spite of what, never whom)
                if not places and c.dep_ == "prep" and c.lower_ in _PLACE_TIME_PREPS and not (
                        c.lower_ == "in" and _amount(t) and not index.at(t)):  # fmt: skip
                    # ("50 billion euros in aid to Ukraine": what the amount is, not where; "52
                    # people in London" are where they are)
                    continue
                ms = [m for m in index.at(c) if m.resolved or (agents and m.kind == "agent" and c.dep_ == "pobj")]
                if ms:
                    return _expand(c, index)
                nxt.append(c)
        frontier = nxt
        if not frontier:
            break
    return []


def _by_agent(participle: Token) -> bool:
    """A past participle with a by-phrase ("launched by Russia")."""
    return participle.tag_ == "VBN" and any(c.dep_ == "agent" for c in participle.children)


def _prep_targets(tok: Token, index: MentionIndex, strong_only: bool = False, weak_in: bool = False,
                  with_of: bool = False) -> list[Mention]:  # fmt: skip
    preps = [c for c in tok.children if c.dep_ in ("prep", "dative") and c.i > tok.i]
    order = {p: i for i, p in enumerate(_TARGET_PREPS)}
    if with_of:
        order["of"] = -1  # "the withdrawal of Serbian forces from Bosnia": whose withdrawal
    preps.sort(key=lambda p: order.get(p.lower_, 99))
    for p in preps:
        w = p.lower_
        if w not in order or (strong_only and w not in _STRONG_PREPS and not (with_of and w == "of")):
            continue
        if w == "in" and not weak_in:  # "talks in Moscow": a place, not a target
            continue
        for o in [c for c in p.children if c.dep_ in ("pobj", "pcomp")] or _stranded_object(p):
            if o.dep_ in ("pobj", "pcomp"):
                ms = _expand(o, index)
                if w == "with" and ms and all(m.agent_type == "thing" and not m.resolved for m in ms):
                    continue  # "attacked a ship with a drone": what it was done with
                if ms:
                    return ms
        if p.dep_ == "dative":
            ms = _expand(p, index)
            if ms:
                return ms
    return []


def _stranded_object(prep: Token) -> list[Token]:
    """The object a preposition shares with a coordinated clause ("established ties with and
    opened an embassy in Tehran"): the last prepositional object of that clause."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or doc[prep.i + 1].dep_ != "cc":
        return []
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.i > prep.i), None)
    if conj is None:
        return []
    objs = [t for t in conj.subtree if t.dep_ == "pobj" and t.head.dep_ == "prep"]
    return objs[-1:]


def _named_by(obj: Token, consumed: set[int]) -> bool:
    """Whether the pattern's own words name this object phrase's head ("police officers")."""
    if not consumed:
        return False
    return obj.i in consumed or any(c.i in consumed for c in obj.children if c.dep_ in ("compound", "amod"))


def _verb_target(verb: Token, passive: bool, index: MentionIndex, weak_in: bool = False,
                 consumed: set[int] | None = None, loose: bool = True, object_places: bool = False) -> list[Mention]:  # fmt: skip
    """Target of a verb: passive subject, object, then "with/against/to/on X", then an actor
    inside the object phrase; for material conflict also "in X" (a bombing in Kabul). An object
    the pattern itself named ("send police officers to …") is what is acted with, not on."""
    found = _verb_target_strict(verb, passive, index, consumed or set())
    if found or not loose:
        return found
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr") and c.i > verb.i and not _named_by(c, consumed or set()):
            found = _first_in_subtree(c, index, agents=True)
            if not found and object_places:
                # "condemned the killing of protesters in Iran", "criticized the closure of
                # newspapers in Belarus": where what is disapproved of happened
                found = [m for m in _first_in_subtree(c, index, places=True) if m.resolved]
            if found:
                return found
    if object_places:
        # "appealed for peace in Syria": the place of what is asked for
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i:
                found = [m for m in _first_in_subtree(c, index, places=True) if m.resolved]
                if found:
                    return found
    # the first actor among the verb's other complements ("acted with respect to Libya"),
    # leaving out places and times ("met in Moscow", "after talks with")
    for c in verb.children:
        if c.i < verb.i or c.dep_ in _CLAUSE_DEPS or c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "neg"):
            continue
        if c.dep_ == "prep" and c.lower_ in _PLACE_TIME_PREPS:
            continue
        ms = [m for m in index.at(c) if m.resolved] or _first_in_subtree(c, index)
        ms = [m for m in ms if m.resolved or m.agent_type != "thing"]
        if ms:
            return ms
    # the pattern named the object, but it is people and nothing else is acted on ("arrested
    # two journalists", "released the hostages", "killed five civilians in Mali"): they are
    # the target, rather than where it happened
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and _named_by(c, consumed or set()):
            # (also people of a named country: "trains Iraqi pilots")
            found = [m for m in _expand(c, index) if (m.kind == "agent" and m.agent_type != "thing")
                     or (m.kind == "country" and m.sector and m.head == c.i)]  # ("fired artillery": what is fired)
            if found:
                return found
    if weak_in:
        found = _prep_targets(verb, index, weak_in=True)
        if found:
            return found
    return []


def _owner(poss: Token, noun: Token, index: MentionIndex) -> list[Mention]:
    """Who a possessive names: a named actor, else the phrase it belongs to ("the Australian
    minister's"), else a role word ("the opposition's")."""
    named = _expand(poss, index)
    return ([m for m in named if m.resolved] or [m for m in index.at(noun) if m.start <= poss.i < m.end]
            or [m for m in named if m.kind == "agent"])  # fmt: skip


def _verb_target_strict(verb: Token, passive: bool, index: MentionIndex, consumed: set[int] = frozenset()) -> list[Mention]:  # type: ignore[assignment]
    if (verb.dep_ == "relcl" and not passive and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE for c in verb.children)
            and not any(c.dep_ in ("dobj", "dative") and c.lower_ not in ("that", "which", "whom", "who")
                        # ("the note, which it called a provocation": the verdict, a second object)
                        and not (c.dep_ == "dobj" and any(r.dep_ == "dobj" and r.lower_ in _RELATIVE and r.i < c.i
                                                          for r in verb.children))
                        for c in verb.children)):  # fmt: skip
        # "three companies (that) it accused of supplying drones": the noun the clause
        # describes is what the verb acts on
        ms = _expand(verb.head, index)
        if ms:
            return ms
    for c in verb.children:
        if c.dep_ == "dobj" and _named_by(c, consumed):
            # the pattern named the object ("tighten the blockade of Serbia", "demanded the
            # withdrawal of Serbian forces"): the object's own complement is the target
            own = {(m.country or "")[:3] for m in _subject(verb, index)[0]}
            # "refuted the Australian minister's remarks about Taiwan": whose remarks
            ms = [m for p in c.children if p.dep_ == "poss" and p.pos_ != "PRON" for m in _owner(p, c, index)
                  if (m.resolved and (m.country or "")[:3] not in own) or (not m.resolved and m.kind == "agent")]  # fmt: skip
            # "expelled six Indian diplomats over the killing of …": named people of another
            # state are whom the act is on, not an actor in the reason after them
            ms = ms or [m for m in index.at(c) if m.resolved and m.head == c.i and m.kind == "country" and m.sector
                        and (m.country or "")[:3] not in own and any(p.dep_ == "prep" and p.lower_ in ("over", "for")
                                                                     for p in (*c.children, *verb.children))]  # fmt: skip
            ms = ms or _prep_targets(c, index, with_of=True) or _noun_agent(c, index) or []
            ms = [m for m in ms if (m.resolved and (m.country or "")[:3] not in own) or (not m.resolved and m.kind == "agent")]
            if ms:
                return ms
    if passive:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                # "two inspectors for the UN agency were expelled": whose inspectors
                ms = _expand(c, index) or (_first_in_subtree(c, index) if c.i in consumed else [])
                if ms:
                    return ms
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            ms = _expand(verb.head, index)  # "schoolgirls kidnapped by Boko Haram"
            if ms:
                return ms
    for c in verb.children:
        if (c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") and not _named_by(c, consumed)
                and (c.i > verb.i or (c.lower_ in ("whom", "who") and verb.dep_ == "relcl"))):  # fmt: skip
            ms = _expand(c, index)
            if ms:
                return ms
    for c in _control_objects(verb):  # "allow UN inspectors to return": the inspectors' side
        ms = _expand(c, index) if not _named_by(c, consumed) else [m for m in index.at(c) if m.resolved]
        if ms:
            return ms
    shared = _shared_object(verb)
    if shared is not None:
        ms = _expand(shared, index)
        if ms:
            return ms
    # (equipment nobody owns is not acted on: "trained Ukrainian soldiers on Leopard tanks")
    ms = [m for m in _prep_targets(verb, index) if m.resolved or m.agent_type != "thing"]
    if ms:
        return ms
    for c in verb.children:
        if c.dep_ == "dobj":
            ms = _prep_targets(c, index, strong_only=True)
            if ms:
                return ms
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and _named_by(c, consumed) and any(x.dep_ == "xcomp" for x in verb.children):
            # "ordered the French ambassador to leave the country": the named envoy is who is
            # ordered out, not the country left (a foreign envoy, not one's own troops)
            own = {(m.country or "")[:3] for m in _subject(verb, index)[0]}
            ms = [m for m in index.at(c) if m.resolved and m.head == c.i and (m.country or "")[:3] not in own
                  and ((m.sector and m.agent_type == "person") or (m.code or "").startswith("IGO"))]  # fmt: skip
            if ms:
                return ms
    for c in verb.children:  # "agreed to help Ukraine": the object of the complement
        if c.dep_ == "xcomp":  # (what the pattern named there is what is offered, not the target)
            return _verb_target_strict(c, False, index, consumed)
    for c in verb.children:  # "signed an accord to supply Jordan with gas": whom the accord serves
        if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in _ACCORDS:
            for a in c.children:
                if a.dep_ == "acl" and infinitive(a) and not any(s.dep_ == "nsubj" for s in a.children):
                    ms = _verb_target_strict(a, False, index, consumed)
                    if ms:
                        return ms
    return []


def _alongside(tok: Token) -> bool:
    """Whether a name is the object of "together with", "along with", "jointly with" or
    "alongside": a partner in the act."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "alongside":
        return True  # "fight alongside Russian forces"
    if tok.dep_ != "pobj" or prep.lower_ != "with":
        return False
    before = tok.doc[prep.i - 1] if prep.i > 0 else None
    return any(c.dep_ == "advmod" and c.lower_ in _ALONGSIDE for c in prep.children) or (
        before is not None and before.lower_ in _ALONGSIDE)


_ALONGSIDE = frozenset({"together", "along", "jointly", "alongside"})


def _shared_object(verb: Token) -> Token | None:
    """The object of the verb right after "and" that two verbs share ("riot police beat and
    detained hundreds of protesters", "condemned and rejected the decision"), when the first
    has no complement of its own."""
    if any(c.i > verb.i and c.dep_ not in ("cc", "conj", "punct", "advmod") for c in verb.children):
        return None
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == verb.i + 2
                and verb.doc[verb.i + 1].lower_ in ("and", "or")), None)  # fmt: skip
    if nxt is None or any(s.dep_ in _SUBJ for s in nxt.children):
        return None
    return next((o for o in nxt.children if o.dep_ == "dobj" and o.i > nxt.i), None)


# what is signed, offered or turned down concerns whom its infinitive names ("an accord to
# supply Jordan", "rejected an invitation to attend a meeting of Palestinian factions"); not
# "a coalition to oust the government", which is against it
_ACCORDS = frozenset({"accord", "agreement", "deal", "pact", "treaty", "memorandum", "contract", "protocol",
                      "arrangement", "understanding", "mou", "invitation", "proposal", "offer", "request",
                      "plan", "initiative", "call", "appeal", "demand", "commitment", "pledge", "promise"})  # fmt: skip


def _carrying_verb(noun: Token) -> int | None:
    """The verb whose object a noun is, through an amount ("gave 5 million dollars of aid")."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "in") and tok.head.head.pos_ in ("NOUN", "NUM"):
        if _amount(tok.head.head):
            tok = tok.head.head
    return tok.head.i if tok.dep_ == "dobj" else None


def _amount(tok: Token) -> bool:
    """A quantity or part noun ("a round", "50 million euros", "20 tonnes")."""
    return tok.pos_ in ("NOUN", "NUM") and (
        tok.lemma_.lower() in _PARTITIVE or tok.like_num or any(c.like_num for c in tok.children if c.i < tok.i))


_PARTITIVE = frozenset({"round", "series", "wave", "spate", "string", "set", "phase", "stage", "part", "number", "kind", "type", "form",
                        # more of the same ("a sixfold increase in funding"); not "a cut in aid"
                        "increase", "rise", "boost", "expansion", "hike"})  # fmt: skip


_SEQUEL_PREPS = {"after", "before", "following", "amid", "despite", "since", "because"}
# what a meeting noun is when it is what someone hears or speaks of ("was informed of the
# visit", "asked about the talks"): a topic, not a meeting the clause's subject attends
_TOPIC_PREPS = {"of", "about", "regarding", "concerning", "over"}


# verbs whose by-phrase is a cause, not the doer: "protests triggered by the killing of X"
_CAUSING = frozenset({"trigger", "spark", "prompt", "cause", "provoke", "fuel", "ignite", "inspire", "motivate", "drive",
                      "touch_off", "set_off", "unleash"})


def _reaction_from(noun: Token, index: MentionIndex, drawing_verbs: frozenset[str]) -> tuple[list[Mention], list[Mention]]:
    """The actors of a from-phrase of a reaction noun, and whoever drew the reaction: the subject
    of "drew" or "faced" (or of the act a "drawing …" participle follows)."""
    gov = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
    drawing = gov.lemma_.lower() in drawing_verbs and gov.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "pobj")
    holders = [noun, gov] if drawing else [noun]  # ("drew criticism from Washington", the from-phrase on the verb)
    sources = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj" for m in _expand(o, index) if m.resolved]  # fmt: skip
    if not sources or not drawing:
        return sources, []
    subj, passive = _subject(gov, index)
    if not subj and gov.dep_ == "advcl" and gov.tag_ == "VBG":
        subj, passive = _subject(gov.head, index)  # "carried out a test, drawing condemnation"
    return sources, [m for m in subj if m.resolved and not passive]


def _noun_agent(noun: Token, index: MentionIndex) -> list[Mention] | None:
    """Who a noun's act is by ("a demonstration by students", "the rally staged by students");
    None when no by-phrase says so, empty when the one it names is no known actor."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return [m for o in c.children if o.dep_ == "pobj" for m in _expand(o, index)]
        if (c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in _CAUSING
                and any(a.dep_ == "agent" for a in c.children)):  # fmt: skip
            return [m for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                    for m in _expand(o, index)]  # fmt: skip
    return None


# verbs of being in a state: "remained on alert", "were on high alert"
_STATE_VERBS = frozenset({"be", "remain", "stay", "go", "keep"})


def _noun_source(noun: Token, index: MentionIndex, support: frozenset[str], meeting: bool,
                 conjunct: bool = False, inquiries: frozenset[str] = frozenset(),
                 reactions: frozenset[str] = frozenset(), talk_speech: frozenset[str] = frozenset()) -> list[Mention]:  # fmt: skip
    """Who performs a nominal trigger: its modifier ("Russian sanctions"), a by-phrase, or the
    subject of a light verb carrying it ("held talks"). For meetings, also the subject of the
    clause it is part of ("said at the meeting with Putin")."""
    ms = index.at(noun) if not conjunct else []  # "Russian sanctions", "NATO's expansion" (modifier-level mention)
    if ms:
        return ms
    for c in noun.children:  # "his meeting with Putin": the possessor, resolved later
        if c.dep_ == "poss" and c.pos_ == "PRON":
            ms = index.at(c)
            own = _own_subject(noun, c, index) if ms else []
            if own:
                return own
            if ms:
                return ms
    by = _noun_agent(noun, index)
    if by is not None:
        return by
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ in ("of", "in") and _amount(gov.head):
        # "began a new round of joint exercises", "announced 50 million euros in aid": the
        # amount's verb carries the noun
        return _noun_source(gov.head, index, support, meeting, inquiries=inquiries, reactions=reactions, talk_speech=talk_speech)
    if noun.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and gov.pos_ in ("VERB", "AUX"):
        if gov.lemma_.lower() in _CAUSING:
            return []  # "postponed the election, sparking protests": others protest
        if gov.lemma_.lower() in reactions:
            return []  # "China protested the visit", "welcomed the talks": others visit, talk
        if meeting or gov.lemma_.lower() in support or _particle_phrase(gov) in support:
            subj, passive = _subject(gov, index)
            if not subj and passive:  # "forces were engaged in ethnic cleansing"
                subj = [m for c in gov.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
            return subj
        if noun.dep_ != "pobj":
            return []
    if (meeting and noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("after", "following")
            and (gov.head.lemma_.lower() in talk_speech
                 or any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children))):  # fmt: skip
        # "Kishida said after talks with Zelenskiy": who speaks after the talks held them; so
        # does who acts after talks with someone ("dropped its objections after talks with
        # the Commission")
        subj, passive = _subject(gov.head, index)
        if subj and not passive:
            return subj
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and not (meeting and gov.lower_ in _SEQUEL_PREPS | _TOPIC_PREPS) \
            and (meeting or gov.lower_ in ("in", "into")
                 or (gov.lower_ == "on" and gov.head.lemma_.lower() in _STATE_VERBS)
                 # "responded with air strikes", "went ahead with the tests"
                 or (gov.lower_ == "with" and gov.head.lemma_.lower() in support)):  # fmt: skip
        # "imposed a curfew after a demonstration", "offered condolences over an attack": who
        # imposed or offered it did not demonstrate or attack; "engaged in ethnic cleansing" did,
        # and so did troops that "remained on alert"
        verb = gov.head
        if any(c.dep_ == "dobj" and c.lemma_.lower() in inquiries for c in verb.children):
            # "launched an inquiry into attacks on civilians": the attacks are what is
            # investigated, not the investigators' (the into-phrase hung on the verb)
            return []
        if verb.pos_ in ("VERB", "AUX") and (meeting or verb.lemma_.lower() in support | _STATE_VERBS):
            subj, passive = _subject(verb, index)
            if not subj and passive:  # "Serb forces were engaged in ethnic cleansing"
                subj = [m for c in verb.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
            return subj
    if noun.dep_ == "conj":
        # "launched artillery, mortar and rocket fire": who launched the first of them (not
        # the first conjunct itself, "artillery" being a role word of its own)
        return _noun_source(noun.head, index, support, meeting, conjunct=True, inquiries=inquiries, reactions=reactions,
                            talk_speech=talk_speech)
    return []


def _ready_for(noun: Token, index: MentionIndex, adjectives: frozenset[str]) -> list[Mention]:
    """Who is ready for an act named by a noun: "Iran is ready for talks with Washington",
    "said it remained open to negotiations" (modality makes it an intent)."""
    prep = noun.head
    if not (noun.dep_ == "pobj" and prep.lower_ in ("for", "to") and prep.head.pos_ == "ADJ"
            and prep.head.lemma_.lower() in adjectives and prep.head.dep_ in ("acomp", "oprd")):  # fmt: skip
        return []
    subj, passive = _subject(prep.head.head, index)
    return [] if passive else subj


def _in_custody(trig: Token, kn: Knowledge) -> bool:
    """Whether the sentence of a beating or torture speaks of custody or prisoners."""
    words = kn.cue("custody_word") | kn.cue("prisoner_word")
    return any(t.lemma_.lower() in words for t in sent_of(trig))


def _custody_victim(trig: Token, index: MentionIndex) -> list[Mention]:
    """Who was tortured when the noun names nobody: the subject of the clause it explains
    ("a prisoner died as a result of torture"), or the passive subject ("was tortured")."""
    node = trig
    for _ in range(5):
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.i != trig.i):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return _expand(c, index)
            if node.dep_ == "conj":
                node = node.head
                continue
        if node.head.i == node.i:
            break
        node = node.head
    return []


def _unnamed_state(trig: Token) -> Mention:
    """The authorities of a state the text does not name, placed later where it happened."""
    return Mention(start=trig.i, end=trig.i, head=trig.i, code=None, country=None, sector=None,
                   name=None, kind="unknown_state", rule="unnamed state authorities")


def _that_clause(noun: Token) -> Token | None:
    """The that-clause of a noun ("its demand that Israel lift …"), also where the parser hung
    it on the verb whose object the noun is ("renewed its call that Iran halt …"; not "so
    that", a purpose)."""
    for c in noun.children:
        if c.dep_ == "acl" and _marked(c, "that"):
            return c
    if noun.dep_ == "dobj":
        verb = noun.head
        # only the verb's time words may stand between ("reiterated its demand today that …")
        between = {t.i for c in verb.children if c.dep_ in ("npadvmod", "advmod") and c.i > noun.i for t in c.subtree}
        for c in verb.children:
            if (c.dep_ in ("ccomp", "advcl") and _marked(c, "that") and c.left_edge.i > noun.right_edge.i
                    and not any(m.lower_ in ("so", "such", "now", "in") for m in c.children if m.i < c.i)
                    and all(i in between for i in range(noun.right_edge.i + 1, c.left_edge.i))):  # fmt: skip
                return c
    return None


def _own_subject(noun: Token, poss: Token, index: MentionIndex) -> list[Mention]:
    """The subject a possessive refers back to when that subject has no country yet ("the
    main rebel group insisted on its demands …", "the rebels renewed their call …") or is
    several ("India and Pakistan resumed their talks"): the nominal act is the subject's, and
    is resolved as the subject is."""
    if poss.lower_ not in ("its", "their"):
        return []
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    subj = [m for c in verb.children if c.dep_ == "nsubj" for m in _expand(c, index)]
    if poss.lower_ == "their" and len({m.code for m in subj if m.resolved}) >= 2:
        # "India and Pakistan resumed their talks": the talks of both
        return subj
    unresolved = bool(subj) and all(m.kind == "agent" and not m.resolved for m in subj)
    # "its" is no person's ("the rebels … its" is not them); "their" may be anyone's
    fits = poss.lower_ == "their" or all(m.agent_type != "person" for m in subj)
    return subj if unresolved and fits else []


def _particle_phrase(verb: Token) -> str:
    prt = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *prt])


# -- modality ----------------------------------------------------------------------------------


def _negated(tok: Token, kn: Knowledge) -> bool:
    negs = kn.cue("negator")
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in negs and c.i < tok.i):
            return True
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = " ".join(t.lower_ for t in c.subtree if t.i <= c.i)
            if c.lower_ in kn.cue("negative_subject") or words in kn.cue("negative_subject"):
                return True
            if any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return True
        # "at no point did Minsk ask", "in no way" (the fronted phrase may hang on the auxiliary)
        if c.dep_ == "prep" and _no_phrase(c, kn):
            return True
        if c.dep_ == "aux" and any(a.dep_ == "prep" and _no_phrase(a, kn) for a in c.children):
            return True
        if c.dep_ == "dobj" and c.i > tok.i and (
                c.lower_ in kn.cue("negative_subject") - {"neither"}
                or (c.lower_ == "one" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))):  # fmt: skip
            return True  # "Greece threatens nobody", "attacked no one"
    return False


def _no_phrase(prep: Token, kn: Knowledge) -> bool:
    """Whether a prepositional phrase is a negating "no" phrase ("at no point", "in no way")."""
    return any(o.dep_ == "pobj" and o.lemma_.lower() in kn.cue("negative_adverbial")
               and any(d.dep_ == "det" and d.lower_ == "no" for d in o.children) for o in prep.children)


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i]


def _ends_in_question(tok: Token) -> bool:
    for t in tok.doc[tok.i : sent_of(tok).end]:
        if t.text in (".", "!", ";"):
            return False
        if t.text == "?":
            return True
    return False


def _asked_participle(node: Token) -> bool:
    """A past participle opening its sentence ("Asked about …," "When asked whether …,") that
    modifies the main clause: its subject is the one asked."""
    return (node.tag_ == "VBN" and node.dep_ in ("advcl", "prep", "acl") and node.i < node.head.i
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children)
            and all(t.lower_ in ("when", "if", "after", "once") or t.is_punct for t in node.doc[sent_of(node).start : node.i]))  # fmt: skip


def _speech_head(tok: Token, kn: Knowledge) -> Token | None:
    """The speech verb whose reported clause contains tok ("…, he said")."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return None
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in kn.cue("speech"):
            return t.head
        if t.dep_ in ("acl", "ccomp") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in kn.cue("speech_noun"):
            if t.head.head.pos_ in ("VERB", "AUX"):
                return t.head.head  # "issued a reminder that …": the issuer speaks
        t = t.head
    return None


def _promised(clause: Token, kn: Knowledge) -> bool:
    """A that-clause of a promise ("promised Pashinyan that France would deliver radars"): its
    "would" is what was promised, an intent, not a hypothesis."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in kn.cue("commitment_verb")


def _own_threat(clause: Token, kn: Knowledge) -> bool:
    """Whether a clause is what the subject of the threat verb governing it says it will do
    itself: its subject a pronoun that can stand for the warner ("Iran warned it would …",
    "the rebels warned they would …"), not a second person or a named other party."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in kn.cue("threat_verb"):
        return False
    subj = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].pos_ != "PRON" or subj[0].lower_ in ("you", "that", "this", "what", "which"):
        return False
    warners = [c for c in clause.head.children if c.dep_ == "nsubj"]
    if not warners:
        return False
    plural_warner = warners[0].tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in warners[0].children)
    plural_pronoun = subj[0].lower_ in ("they", "we")
    return subj[0].lower_ == "we" or plural_pronoun == plural_warner or warners[0].pos_ == "PRON"


def _inverted_condition(clause: Token) -> bool:
    """A condition put by inversion, without "if": "Had Russia asked for help, …", "Should
    talks fail, …", "Were Iran to attack, …"."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and not any(c.dep_ == "mark" for c in clause.children) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "should", "were") and c.i < subj.i and c.i == clause.left_edge.i
        and (c.is_sent_start or c.nbor(-1).text in (",", ";", "and", "but"))  # (a clause first, not "Russia had asked")
        and not c.sent.text.rstrip().endswith("?")
        for c in clause.children)  # fmt: skip


def _counterfactual(verb: Token) -> bool:
    """"would have refused", "could have prevented": a past that did not happen."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "have" in auxes and any(a in ("would", "could", "might", "'d") for a in auxes)


def _conditional_consequence(clause: Token) -> bool:
    """Whether a warned clause is a possible act made the price of a condition: "… could carry
    out air strikes if the shelling continued"."""
    modal = any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would", "will", "'ll") for c in clause.children)
    condition = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                    for c in clause.children)  # fmt: skip
    return modal and condition


def _own_act_denied(f: Frame, mood: Mood, si: int, sent: Span, index: MentionIndex, kn: Knowledge) -> list[RawEvent]:
    """Denying one's own act denies responsibility for it (016): "Rwanda denied backing the
    rebels", "Minsk denied that it had sent troops", "Moscow denied that Russian jets had
    crossed". Another's act denied ("Kyiv denied that Russian troops had crossed") and
    denying in the name of others are not."""
    denier = mood.agent
    trig = f.trigger
    if (denier is None or not (mood.drop or "").startswith("denied") or f.nominal or denier.pos_ != "VERB"
            or denier.lemma_.lower() not in kn.cue("denial_of_act")
            or _negated(denier, kn) or not (trig.head.i == denier.i and trig.dep_ in ("xcomp", "ccomp"))):  # fmt: skip
        return []
    own = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")]
    # ("denied that its aircraft had crossed the border": its own forces' act)
    theirs = own and own[0].pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in own[0].children)
    sources, _ = _subject(denier, index)
    home = {(m.country or "")[:3] for m in sources if m.resolved and not (m.country or "").startswith("IGO")}
    # ("Moscow denied that Russian jets had violated …": its own state's forces or officials)
    forces = own and any((m.country or "")[:3] in home and (m.sector or "")[:3] in ("", "GOV", "MIL", "COP", "SPY")
                         for m in index.at(own[0]))  # fmt: skip
    if own and not theirs and not forces and not (own[0].pos_ == "PRON" and own[0].lower_ not in ("you", "that", "this", "what")):
        return []
    if not sources or any(c.dep_ == "neg" for c in trig.children):
        return []
    mood_of_denier = modality(denier, kn, False)
    if mood_of_denier.drop or mood_of_denier.mode != "asserted":
        return []
    start, end = denier.idx, denier.idx + len(denier.text)
    return [
        RawEvent(sentence=sent, sentence_index=si, trigger=denier, trigger_text=denier.text, span=(start, end),
                 source=m, target=None, code="016", rule=f.pattern.origin,
                 notes=[f"denied its own act ({trig.text}): deny responsibility, 016"])  # fmt: skip
        for m in sources
    ]


def _issuer(verb: Token, index: MentionIndex, kn: Knowledge) -> list[Mention]:
    """Who issued the statement or instrument a participle describes ("adopted a resolution
    demanding …", "signed a decree lifting …"): the subject of the verb that takes it."""
    noun = verb.head
    if not (verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ in ("dobj", "attr")
            and noun.lemma_.lower() in kn.cue("speech_noun") | kn.cue("instrument_noun")):  # fmt: skip
        return []
    return _subject(noun.head, index)[0]


def _voicing_verb(noun: Token, kn: Knowledge) -> Token | None:
    """The verb that voices a demand or appeal noun ("reiterated its demand", "insisted on its
    demand", "made a call"); None for one that rejects or reports it ("rejected the demand")."""
    t = noun
    for _ in range(3):
        if t.dep_ not in ("dobj", "pobj", "prep", "attr"):
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            lemma = t.lemma_.lower()
            voicing = kn.cue("support") | kn.cue("speech") | kn.cue("demand_verb") | kn.cue("appeal_verb")
            return t if lemma in voicing else None
    return None


@dataclass
class Mood:
    """How a clause presents its action: asserted, or only announced, refused, urged, demanded.

    `agent` is the verb whose subject urges or demands the action (urge, demand, or the speech
    verb of "X said Y must …"); `drop` says why the clause asserts no event at all."""

    mode: str = "asserted"  # asserted | intent | refuse | appeal | demand | threat
    drop: str | None = None
    agent: Token | None = None
    imperative: bool = False
    notes: list[str] = field(default_factory=list)


def _has_aux(node: Token, words: frozenset[str]) -> Token | None:
    for a in _aux(node):
        if a.lower_ in words or a.lemma_.lower() in words:
            return a
    return None


def _modal_phrase(node: Token, words: frozenset[str]) -> str | None:
    """"have to", "need to": the node is an xcomp of have/need."""
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("have", "need"):
        phrase = f"{node.head.lower_} to"
        if phrase in words or f"{node.head.lemma_.lower()} to" in words:
            return phrase
    return None


def _imperative(verb: Token) -> bool:
    """A bare-infinitive main verb with no subject: an order or a request ("Give us jets")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "conj"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in verb.children):
        return False
    if verb.dep_ == "conj" and not _imperative(verb.head):
        return False
    first = next((t for t in sent_of(verb) if not t.is_punct and not t.is_quote and not t.is_space), None)
    return first is not None and (first.i == verb.i or first.lower_ in ("please", "just", "now", "so", "then"))


def _verdict_after(trigger: Token, falsity: frozenset[str]) -> set[str]:
    """The falsity words of a short verdict right after the trigger's sentence ("Some media
    wrote that we asked for money. This is a lie."): it judges the report before it."""
    sent = sent_of(trigger)
    doc = trigger.doc
    if sent.end >= len(doc):
        return set()
    nxt = sent_of(doc[sent.end])
    toks = [t for t in nxt if not (t.is_punct or t.is_space)]
    if not toks or len(toks) > 8 or toks[0].lower_ not in ("this", "that", "it", "which", "all"):
        return set()
    found = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    return found & falsity


def _blamed(clause: Token, index: MentionIndex, kn: Knowledge) -> list[Mention]:
    """Who a reported clause holds to blame ("Moscow was responsible for …", "the rebels are
    guilty of …"), unless it denies it."""
    adj = next((c for c in clause.children if c.dep_ == "acomp" and c.lemma_.lower() in kn.cue("culpability_adj")), None)
    if adj is None or _negated(clause, kn) or _negated(adj, kn):
        return []
    return [m for c in clause.children if c.dep_ == "nsubj" for m in _expand(c, index)
            if m.resolved and m.kind != "pronoun"]  # fmt: skip


def _denied_own_blame(denier: Token, rule: str, si: int, sent: Span, index: MentionIndex, kn: Knowledge) -> list[RawEvent]:
    """Denying that one's own side is to blame denies responsibility (016): "Minsk denied it
    was responsible for the crisis", "denied that Belarus was behind the attack"."""
    clause = next((c for c in denier.children if c.dep_ == "ccomp"), None)
    if clause is None or clause.lemma_.lower() != "be" or _negated(denier, kn) or _negated(clause, kn):
        return []
    blamed = any(c.dep_ == "acomp" and c.lemma_.lower() in kn.cue("culpability_adj") for c in clause.children) or any(
        c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children)  # fmt: skip
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    sources, passive = _subject(denier, index)
    if not blamed or subj is None or not sources or passive:
        return []
    home = {(m.country or "")[:3] for m in sources if m.resolved}
    own = (subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "we", "i", "he", "she")) or any(
        (m.country or "")[:3] in home for m in index.at(subj) if m.resolved)  # fmt: skip
    if not own or modality(denier, kn, False).mode != "asserted":
        return []
    start = denier.idx
    return [RawEvent(sentence=sent, sentence_index=si, trigger=denier, trigger_text=denier.text,
                     span=(start, start + len(denier.text)), source=m, target=None, code="016", rule=rule,
                     notes=[f"denied its own blame ({clause.text} {subj.text}): deny responsibility, 016"])
            for m in sources]  # fmt: skip


def _ruled_out(copula: Token, subject: Token, kn: Knowledge) -> bool:
    """Whether a clause says its subject clause will not happen: "… is out of the question",
    "… is not an option", "… is off the table"."""
    words = " ".join(t.lower_ for t in copula.subtree if t.i not in {x.i for x in subject.subtree})
    return any(f" {p} " in f" {words} " for p in kn.cue("ruled_out"))


def _attempted(trig: Token, kn: Knowledge) -> bool:
    """Whether an act is only attempted: "tried to assassinate", "an attempt to assassinate",
    "an assassination attempt"."""
    words = kn.cue("attempt_word")
    head = trig.head
    if trig.dep_ == "xcomp" and head.lemma_.lower() in words:
        return True
    if trig.dep_ in ("acl", "compound") and head.pos_ == "NOUN" and head.lemma_.lower() in words:
        return True
    return trig.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in words


def _forward_time(node: Token, kn: Knowledge) -> bool:
    """Whether a clause is dated ahead of its report ("next month", "tomorrow", "in the coming
    weeks"), not counting the time of clauses inside it."""
    ahead = kn.cue("forward_time")
    for t in node.subtree:
        if t.lower_ not in ahead or t.ent_type_ not in ("DATE", "TIME"):
            continue
        k = t
        while k.i != node.i and k.dep_ not in _CLAUSE_DEPS:
            k = k.head
        if k.i == node.i:
            return True
    return False


def modality(trigger: Token, kn: Knowledge, nominal: bool) -> Mood:
    """Walk up from the trigger through the clauses that govern it and decide its mood. What
    is asked or demanded is as factual as the asking ("Lukashenko denied that Russia had asked
    him to join the war": no appeal)."""
    mood = _modality(trigger, kn, nominal)
    if mood.mode != "asserted" and not mood.drop and _in_background_clause(trigger):
        # "is prepared to impose martial law as street battles raged in Baghdad": the battles
        # are no one's intent; a scene set by the way, left uncoded
        mood.drop = "background clause of a statement of intent"
        return mood
    agent = mood.agent
    if mood.mode in ("appeal", "demand") and not mood.drop and agent is not None and agent.i != trigger.i \
            and agent.pos_ in ("VERB", "AUX") and not mood.imperative:  # fmt: skip
        outer = _modality(agent, kn, False)
        if outer.drop:
            mood.drop = f"{outer.drop}, the {mood.mode} itself"
    return mood


def _in_background_clause(trigger: Token) -> bool:
    """Whether the trigger sits in a past clause of time ("as street battles raged …")."""
    t = trigger
    for _ in range(6):
        if t.dep_ == "advcl" and _past(t) and any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _sentence_words(sent: Span, kn: Knowledge) -> frozenset[str]:
    """The words of a sentence (lemmas and forms), leaving out modifiers inside a phrase
    ("false news" as a modifier does not call a report false); made once per sentence."""
    cache = sent.doc.user_data.setdefault("whodid.sentence_words", {})
    got = cache.get(sent.start)
    if got is None:
        report = kn.cue("report")
        # (but a verdict is one: "which the ministry called fake news", "dismissed as fake news")
        got = cache[sent.start] = frozenset(
            w for t in sent if not (t.dep_ in ("amod", "compound") and t.head.lemma_.lower() not in report
                                    and t.head.dep_ not in ("oprd", "attr")
                                    and not (t.head.dep_ == "pobj" and t.head.head.lower_ == "as"))
            for w in (t.lemma_.lower(), t.lower_))  # fmt: skip
    return got


def _modality(trigger: Token, kn: Knowledge, nominal: bool) -> Mood:
    mood = Mood()
    notes = mood.notes
    falsity = kn.cue("falsity")
    # words that call a report false; "false news" as a mere modifier inside a phrase does not
    sent_lower = _sentence_words(sent_of(trigger), kn) | _verdict_after(trigger, falsity)
    if _ends_in_question(trigger):
        mood.drop = "question"
        return mood
    future = kn.cue("future")
    hypothetical = kn.cue("hypothetical")
    if not nominal and _imperative(trigger):
        speech = _speech_head(trigger, kn)
        if speech is not None:
            # '"Give us these jets," he told Putin': the speaker asks the addressee
            mood.mode, mood.agent, mood.imperative = "appeal", speech, True
            notes.append("imperative in reported speech")
            return mood
    head = trigger.head
    if (not nominal and trigger.dep_ == "ccomp" and trigger.tag_ in ("VB", "VBP") and head.pos_ == "VERB"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in trigger.children)
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in trigger.children)
            and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in trigger.children)
            and not _negated(head, kn)):  # fmt: skip
        # "reiterated its demand today that Israel ease restrictions", "proposed that Hamas
        # release the hostages": a bare verb after a singular subject is a mandative
        # subjunctive, asked of that subject, not done
        demanded = head.lemma_.lower() in kn.cue("demand_verb") or any(
            c.dep_ == "dobj" and c.lemma_.lower() in kn.cue("demand_noun") for c in head.children)
        mood.mode, mood.agent = ("demand" if demanded else "appeal"), head
        notes.append(f"{mood.mode}: subjunctive after {head.text}")
        return mood
    if not nominal and trigger.dep_ in ("advcl", "relcl") and _years_back(trigger):
        # "restored ties five years after protesters stormed its embassy", "assets they lost
        # when Idi Amin expelled them 18 years ago": history recalled, not news
        mood.drop = "background years earlier"
        return mood
    node = trigger
    came = "self"
    child: Token | None = None
    reported = False
    for _ in range(12):
        lemma = node.lemma_.lower()
        if lemma in kn.cue("question") and _asked_participle(node):
            # "Asked about reports that Kazakhstan had agreed to buy drones, Tokayev said …":
            # the speaker is asked; neither the question nor its matter is an event
            mood.drop = f"asked of the speaker ({node.text})"
            return mood
        modal_future = _has_aux(node, future | hypothetical)
        # ("will not take part in this war": the war is theirs only if they take part)
        partaking = came == "prep" and child is not None and child.lower_ == "in" and (
            lemma in ("participate", "engage", "join", "intervene")
            or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in node.children)))
        if _negated(node, kn) and (partaking or came in ("self", "xcomp", "ccomp", "dobj", "nsubjpass", "pobj", "acomp", "nsubj", "attr")):
            if modal_future is not None and mood.mode in ("asserted", "intent"):
                # "will not meet", "cannot accept": a refusal, not a mere negation
                mood.mode = "refuse"
                notes.append(f"refusal: {modal_future.text} not")
                return mood
            mood.drop = "negated"
            return mood
        if came == "relcl" and child is not None and _past(child):
            # "will release the ministers whom they had taken hostage": a relative clause in
            # the past states a fact of its own, whatever the main clause announces; but what
            # was vetoed never was ("vetoed a resolution that condemned …")
            if node.dep_ == "dobj" and node.head.lemma_.lower() in kn.cue("thwarting"):
                mood.drop = f"thwarted ({node.head.text})"
                return mood
            break
        if came == "relcl" and node.dep_ == "dobj" and node.pos_ == "NOUN":
            gov = node.head
            if _has_aux(gov, future | hypothetical) is not None or (
                    gov.dep_ in ("xcomp", "ccomp") and gov.head.lemma_.lower() in kn.cue("intent_verb") | kn.cue("appeal_verb")):  # fmt: skip
                # "will support a resolution that aims to impose a blockade": what a measure still
                # to come would do is not done, nor intended by anyone yet
                mood.drop = f"in a measure not yet taken ({node.text})"
                return mood
        if came == "xcomp" and lemma in kn.cue("prediction"):
            # "Minsk is unlikely to release the opposition leaders": a forecast, not an act
            mood.drop = f"predicted ({node.text})"
            return mood
        if came != "self":
            if lemma in kn.cue("accusation") and node.pos_ == "VERB" and (came in ("prep", "ccomp") or (
                    came == "advcl" and child is not None and child.tag_ == "VBG" and child.i > node.i
                    and child.lemma_.lower() in kn.cue("toll_verb")
                    and any(c.dep_ == "prep" and c.lower_ in ("of", "for")  # (on the verb or its object)
                            for o in (node, *(d for d in node.children if d.dep_ == "dobj")) for c in o.children))):  # fmt: skip
                # "accused the United States of violating …, ignoring …": alleged, not asserted;
                # so is the toll the alleged act took ("accused Baku of opening fire …, wounding
                # two"; not the accuser's own act after it: "…, calling for talks")
                mood.drop = f"alleged ({node.text})"
                return mood
            # ("reports that Russia had sent troops were denied": what is denied as passive subject)
            if lemma in kn.cue("denial") and came in ("ccomp", "xcomp", "dobj", "pobj", "pcomp", "acl", "nsubjpass"):
                mood.drop = f"denied ({node.text})"
                mood.agent = node
                return mood
            if (lemma in kn.cue("awaiting") and node.pos_ == "VERB" and child is not None
                    and (child.i == trigger.i or (child.dep_ == "prep" and trigger.head.i == child.i))
                    and (came in ("prep", "dobj") or (came in ("advcl", "ccomp", "xcomp") and infinitive(child)))):  # fmt: skip
                # "were waiting for the military to investigate the incidents": not yet done
                mood.drop = f"awaited ({node.text})"
                return mood
            if lemma in kn.cue("thwarting") and node.pos_ == "VERB" and (
                    came == "dobj" or (came == "prep" and child is not None and child.lower_ == "from")):  # fmt: skip
                # "blocked a statement condemning Israel", "prevented them from seizing the town"
                mood.drop = f"thwarted ({node.text})"
                return mood
            if (came == "prep" and child is not None and child.lower_ in ("on", "over", "about", "regarding", "concerning")
                    and (lemma in kn.cue("negotiation_noun") or any(
                        c.dep_ == "dobj" and c.lemma_.lower() in kn.cue("negotiation_noun") for c in node.children))):  # fmt: skip
                # "resumed negotiations on a police withdrawal": what is negotiated, not done
                mood.drop = f"negotiated on ({node.text})"
                return mood
            if lemma in kn.cue("permission_verb") and came in ("xcomp", "ccomp") and mood.mode == "asserted" and node.pos_ == "VERB":
                # "the upper house authorised Putin to use force": permitted, not yet done
                mood.mode = "intent"
                notes.append(f"permitted: {node.text}")
            if came == "csubj" and child is not None and _ruled_out(node, child, kn):
                # "said that lifting the sanctions is out of the question": refused by the speaker
                mood.mode, mood.agent = "refuse", _speech_head(node, kn)
                notes.append("refusal: ruled out")
                return mood
            if lemma in kn.cue("refusal") and came in ("xcomp", "ccomp"):
                mood.mode = "refuse"
                notes.append(f"refusal: {node.text}")
                return mood
            if (came == "prep" and child is not None and child.lower_ == "for" and node.pos_ == "VERB"
                    and trigger.head.i == child.i and lemma in kn.cue("appeal_verb") | kn.cue("demand_verb")):  # fmt: skip
                # "pushed for a ceasefire between the army and the rebels": asked for, not done
                # (the asking is coded from the verb)
                mood.drop = f"asked for ({node.text})"
                return mood
            if (came == "ccomp" and mood.mode in ("asserted", "intent") and child is not None and node.pos_ == "VERB"
                    and lemma in kn.cue("threat_verb") and _conditional_consequence(child)):  # fmt: skip
                # "the UN commander warned that NATO could carry out air strikes if the shelling
                # continued": the warner threatens the act as the price of a condition
                mood.mode, mood.agent = "threat", node
                notes.append(f"threat: {node.text} (a consequence)")
                return mood
            if came == "ccomp" and mood.mode in ("asserted", "intent") and child is not None and _own_threat(child, kn):
                # "North Korea warned it would conduct another test": what the warner says it
                # will do is its threat (13x), not a demand made of itself
                mood.mode = "threat"
                notes.append(f"threat: {node.text}")
                return mood
            if came in ("xcomp", "ccomp") and mood.mode in ("asserted", "intent"):
                if lemma in kn.cue("demand_verb") and not (lemma == "insist" and child is not None and _indicative(child)):
                    mood.mode, mood.agent = "demand", node
                    notes.append(f"demand: {node.text}")
                    return mood
                if lemma in kn.cue("appeal_verb") and not (
                        # "proposed creating a joint venture": doing it together, an offer
                        lemma in kn.cue("intent_verb") and came == "xcomp" and child is not None and child.tag_ == "VBG"):  # fmt: skip
                    mood.mode, mood.agent = "appeal", node
                    notes.append(f"appeal: {node.text}")
                    return mood
            if (came in ("acl", "ccomp", "advcl") and node.pos_ == "NOUN" and mood.mode in ("asserted", "intent")
                    and lemma in kn.cue("demand_noun") | kn.cue("appeal_noun")):  # fmt: skip
                voiced = _voicing_verb(node, kn)
                if voiced is not None:
                    # "repeated its demand that Israel ease …", "issued a call for X to …": the
                    # one who voices the demand asks it of the clause's subject
                    mood.mode = "demand" if lemma in kn.cue("demand_noun") else "appeal"
                    mood.agent = voiced
                    notes.append(f"{mood.mode}: {node.text}")
                    return mood
                # nobody known voices it ("rejected the demand that Israel ease …"): the
                # clause is asked for, not done
                mood.drop = f"asked for ({node.text})"
                return mood
            if lemma in kn.cue("deliberation_verb") and came in ("xcomp", "ccomp", "pcomp") and mood.mode in ("asserted", "intent"):
                mood.mode = "consider"
                notes.append(f"considered: {node.text}")
                return mood
            if (lemma in kn.cue("intent_verb") and came == "ccomp" and child is not None and mood.mode in ("asserted", "intent")
                    # (what one promises, pledges or vows that someone will do, one commits to;
                    # "agreed that" can still be wanted of another)
                    and not (lemma in kn.cue("commitment_verb") and lemma not in ("agree", "consent"))
                    and (infinitive(child) or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
                         or mood.mode == "intent")
                    and any(c.dep_ == "nsubj" and c.pos_ != "PRON"
                            # ("agreed that their foreign ministers would meet": their own people)
                            and not any(p.dep_ == "poss" and p.lower_ in _OWN_POSSESSIVES
                                        for p in c.children)
                            for c in child.children)):  # fmt: skip
                # "Russia wants Ukraine to surrender", "Lukashenko hopes that the EU will lift
                # its sanctions": wanted of another, an appeal to it (not the other's intent)
                mood.mode, mood.agent = "appeal", node
                notes.append(f"appeal: {node.text}")
                return mood
            if (lemma in kn.cue("intent_verb") and came in ("xcomp", "ccomp", "dobj")) or (
                    lemma in kn.cue("intent_verb_to") and came in ("xcomp", "ccomp")) or (
                    # "hoped for more talks with the protesters"
                    lemma in kn.cue("intent_verb") and came == "prep" and child is not None and child.lower_ == "for"):  # fmt: skip
                mood.mode = "intent"
                notes.append(f"intent: {node.text}")
            if (came == "prep" and child is not None and child.lower_ in ("to", "in", "on")
                    and {lemma, node.lower_} & kn.cue("intent_to_ing")):  # fmt: skip
                # "is committed to opening up the economy"
                mood.mode = "intent"
                notes.append(f"intent: {node.text} to")
            if node.pos_ == "ADJ" and lemma in kn.cue("intent_adj") and (
                    came == "xcomp" or (nominal and came == "prep" and child is not None and child.lower_ in ("for", "to"))):  # fmt: skip
                # "ready to meet", "ready for talks", "open to negotiations"
                mood.mode = "intent"
                notes.append(f"intent: {node.text}")
            if (nominal and came == "dobj" and child is not None and child.i == trigger.i and node.pos_ == "VERB"
                    and lemma in _ENDING_VERBS):  # fmt: skip
                # "Hungary lifted its veto", "Turkey dropped its objection": what is ended is no
                # act of its own
                mood.drop = f"what is ended ({node.text})"
                return mood
            if (nominal and node.pos_ == "NOUN" and lemma in kn.cue("ending_noun") and came == "prep"
                    and child is not None and child.lower_ in ("in", "to", "of")):  # fmt: skip
                # "agreed to a ceasefire in their border war", "called for an end to the
                # fighting": the fighting is what is ended, not news of its own
                mood.drop = f"what is ended ({node.text})"
                return mood
            if lemma in kn.cue("capacity_noun") and node.pos_ == "NOUN" and came in ("acl", "pcomp"):
                # "defended the right of Russian troops to fire", "the capacity to strike": a
                # right or a means, neither done nor intended
                mood.drop = f"only a capacity ({node.text})"
                return mood
            if lemma in kn.cue("nonfactual_noun") and node.pos_ == "NOUN" and came in ("acl", "pobj", "pcomp", "compound"):
                mood.mode = "intent"
                notes.append(f"intent: {node.text}")
            if lemma in kn.cue("report") and came in ("ccomp", "acl") and sent_lower & falsity:
                mood.drop = f"reported as false ({node.text})"
                return mood
            if lemma in kn.cue("report") and came in ("ccomp", "acl"):
                reported = True
        # (an act in the past is no consequence of a condition: "the embargo it has imposed …
        # if Cuba does not release its prisoners" is the parser's attachment)
        conditional_main = not _past(node) and any(
            c.dep_ == "advcl" and (any(m.dep_ == "mark" and m.lower_ in kn.cue("conditional") for m in c.children)
                                   or _inverted_condition(c))
            for c in node.children
        )  # fmt: skip
        if _counterfactual(node):
            # "Kazakhstan would have refused": what would have happened did not
            mood.drop = "counterfactual (would have)"
            return mood
        if node.dep_ in ("advcl", "ccomp") and _inverted_condition(node):
            # "Had Russia asked for help, …": a condition, not a fact
            mood.drop = "conditional (inverted)"
            return mood
        if conditional_main:
            coercive = any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in kn.cue("coercive") for m in c.children)
                for c in node.children
            )
            # "If X attacks, we will respond": a conditional promise or threat, coded as intent;
            # "… unless X complies": coercion, coded as a threat
            mood.mode = "threat" if coercive else "intent"
            notes.append("coercive condition" if coercive else "conditional consequence")
        if any(c.dep_ == "advcl" and _pending_until(c) for c in node.children):
            notes.append("condition to be met first (until)")
        obliged = _has_aux(node, kn.cue("obligation")) or _modal_phrase(node, kn.cue("obligation"))
        advised = _has_aux(node, kn.cue("advice"))
        if (obliged or advised) and mood.mode in ("asserted", "intent"):
            speech = _speech_head(node, kn)
            if speech is not None:
                # "Assad said Turkey must mediate": the speaker demands (or urges) it
                mood.mode, mood.agent = ("demand" if obliged else "appeal"), speech
                notes.append(f"{mood.mode}: {'must' if obliged else 'should'} in reported clause")
                return mood
            mood.drop = f"hypothetical ({'must' if obliged else 'should'})"
            return mood
        for a in _aux(node):
            w = a.lower_
            if w in future or a.lemma_.lower() in future:
                mood.mode = "intent" if mood.mode == "asserted" else mood.mode
                notes.append(f"future: {a.text}")
            elif w in hypothetical or a.lemma_.lower() in hypothetical:
                if w in ("would", "'d") and (_speech_head(node, kn) is not None or _own_threat(node, kn)
                                             or _promised(node, kn)):
                    mood.mode = "intent" if mood.mode == "asserted" else mood.mode
                    notes.append(f"reported future: {a.text}")  # "said it would send troops"
                elif w in ("would", "'d") and not conditional_main and (
                        _forward_time(node, kn) or (came == "conj" and child is not None and _forward_time(child, kn))):  # fmt: skip
                    # "the EU would hold talks with Abbas next month": the future as reported
                    mood.mode = "intent" if mood.mode == "asserted" else mood.mode
                    notes.append(f"reported future: {a.text} with a date ahead")
                elif not conditional_main:
                    mood.drop = f"hypothetical ({a.text})"
                    return mood
        if any(c.dep_ == "aux" and c.lower_ == "going" for c in node.children):
            mood.mode = "intent" if mood.mode == "asserted" else mood.mode
        for c in node.children:
            if c.dep_ == "mark" and (c.lower_ in kn.cue("conditional")):
                mood.drop = f"conditional ({c.text})"
                return mood
            if c.dep_ == "mark" and c.lower_ == "as" and node.dep_ == "advcl" and node.head.lower_ == "long":
                mood.drop = "conditional (as long as)"  # "will not ratify … as long as they harbour …"
                return mood
        if _pending_until(node):
            # "will not end the strike until the government meets their demands": a condition
            # still to be met ("fought until the army arrived" happened)
            mood.drop = "condition still to be met (until)"
            return mood
        if node.dep_ == "advcl":
            for c in node.children:
                if c.dep_ == "mark" and " ".join(t.lower_ for t in c.subtree) in kn.cue("conditional"):
                    mood.drop = f"conditional ({c.text})"
                    return mood
        if node.head.i == node.i:
            break
        if node.lemma_.lower() in kn.cue("speech") and came in ("ccomp", "parataxis") and not _negated(node, kn):
            # a reported clause keeps its own modality; only negation/falsity of the report climbs
            if sent_lower & falsity and node.lemma_.lower() in kn.cue("report"):
                mood.drop = f"reported as false ({node.text})"
            break
        came = node.dep_
        child = node
        node = node.head
    if reported:
        notes.append("reported")
    return mood


# -- main --------------------------------------------------------------------------------------


def _discarded(sent: Span, kn: Knowledge) -> tuple[str, set[int] | None] | None:
    """A discard phrase (sport) in the sentence, matched on lower-case words or lemmas, and
    what it discards: the whole sentence (None), or only the subordinate clause holding it
    ("jailed 52 separatists for playing in a football tournament" is not sport news).
    PETRARCH discards a user loads keep their meaning: the whole sentence."""
    if not kn.discards:
        return None
    lowers, lemmas = words(sent.doc)
    by_first = kn.discards_by_first()
    found: tuple[str, set[int] | None] | None = None
    for i in range(sent.start, sent.end):
        for d in by_first.get(lowers[i], ()) + by_first.get(lemmas[i], ()):
            n = len(d.words)
            if i + n <= sent.end and (tuple(lowers[i : i + n]) == d.words or tuple(lemmas[i : i + n]) == d.words):
                if _framed(sent.doc[i + n - 1], kn.discard_frames()):
                    continue
                clause = _subordinate_clause(sent.doc[i]) if d.origin.startswith("discards.tsv:") else None
                if clause is None:
                    return d.origin, None
                found = (d.origin, (found[1] if found else set()) | {t.i for t in clause.subtree})  # type: ignore[operator]
    return found


def _framed(last: Token, frames: frozenset[str]) -> bool:
    """A sport phrase that only dates or frames the event ("a truce during the Olympic Games",
    "a boycott of the World Cup") does not make the sentence sport news."""
    head = last
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj":
        return False
    prep = head.head
    return prep.lower_ in frames or (prep.head.i != prep.i and prep.head.lemma_.lower() in frames)


def _subordinate_clause(tok: Token) -> Token | None:
    """The verb of the subordinate clause a word sits in, or None in the main clause
    (coordinated and complement verbs of the root count as main)."""
    t = tok
    while t.head.i != t.i and not (t.i != tok.i and (_is_verb(t) or t.pos_ == "AUX")):
        t = t.head
    if t.i == tok.i or not (_is_verb(t) or t.pos_ == "AUX"):
        return None
    clause = t
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
        t = t.head
    return None if t.dep_ == "ROOT" else clause


def _story_discard(doc: Doc, kn: Knowledge) -> str | None:
    story = [d for d in kn.discards if d.scope == "story"]
    if not story:
        return None
    lowers, _ = words(doc)
    for d in story:
        n = len(d.words)
        first = d.words[0]
        for i, w in enumerate(lowers):
            if w == first and tuple(lowers[i : i + n]) == d.words:
                return d.origin
    return None


def _is_verb(tok: Token) -> bool:
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        return True
    # a verb the tagger took for a noun but the parser did not ("EU and UN hand over supplies")
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and "nsubj" in deps and ("dobj" in deps or "prt" in deps)


def extract(doc: Doc, mentions: list[Mention], kn: Knowledge,
            against: dict[int, list[Mention]] | None = None) -> tuple[list[RawEvent], list[str]]:  # fmt: skip
    """Raw events of a Doc (pronoun actors unresolved) and notes on what was dropped and why;
    `against` holds the actors of "anti-X" modifiers (see `find_mentions`)."""
    index = MentionIndex(mentions, against)
    dropped: list[str] = []
    if _story_discard(doc, kn):
        return [], ["story discarded"]
    events: list[RawEvent] = []
    support = kn.cue("support")
    named = {i for m in mentions if m.is_name for i in range(m.start, m.end)}
    with_actors = {m.head for m in mentions}
    for si, sent in enumerate(sentences(doc)):
        if not any(sent.start <= h < sent.end for h in with_actors):
            continue
        d = _discarded(sent, kn)
        if d and d[1] is None:
            dropped.append(f"sentence {si}: discarded by {d[0]}")
            continue
        sport = d[1] if d else set()
        frames: list[Frame] = []
        coded = lambda lemma: bool(kn.verbs.lookup(lemma) or kn.verbs_fallback.lookup(lemma))  # noqa: E731
        intending = kn.cue("intent_verb")
        for tok in sent:
            if tok.i in named or tok.ent_type_ == "DATE":  # "Economic Cooperation" in a name; "March 29"
                continue
            lemma = tok.lemma_.lower()
            if _is_verb(tok) or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT", "ccomp", "xcomp", "conj")):
                # verbs, and predicative adjectives ("is pessimistic", "are opposed to")
                entries = kn.verbs.lookup(lemma) or kn.verbs_fallback.lookup(lemma)
                nominal = False
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":  # "aid convoys": a classifier
                entries = kn.nouns.lookup(lemma)
                nominal = True
            else:
                continue
            if not entries:
                continue
            if tok.i in sport:
                dropped.append(f"sentence {si}: {tok.text}: in a clause discarded by {d[0]}")  # type: ignore[index]
                continue
            frame = best_frame(tok, entries, index, nominal, topic=not nominal and lemma in kn.cue("topic_verb"),
                               coded_verbs=coded if lemma in intending else None)
            if frame is not None:
                frames.append(frame)
        consumed = set()
        for f in frames:
            consumed |= {i for i in f.consumed if i != f.trigger.i}
        # a more specific pattern of a governing trigger already covers a nested trigger, and a
        # verb trigger covers the noun trigger it takes as object ("mediate the peace talks")
        verbs_at = {f.trigger.i for f in frames if not f.nominal and f.pattern.code is not None and not f.pattern.fallback
                    and not _verdict_block(f, kn)}  # ("described the meeting as productive": the meeting stays)
        frames = [
            f for f in frames
            if f.trigger.i not in consumed
            and not (f.nominal and _carrying_verb(f.trigger) in verbs_at)
        ]  # fmt: skip
        coded_heads: set[int] = set()
        before = len(events)
        for f in frames:
            if f.pattern.fallback:
                continue
            evs = _events_of(f, si, sent, index, kn, support, dropped)
            if evs:
                coded_heads.add(f.trigger.i)
            events.extend(evs)
        if len(events) == before:
            # statements ("X said …") only for sentences that report nothing else
            for f in frames:
                if f.pattern.fallback:
                    evs = _events_of(f, si, sent, index, kn, support, dropped)
                    events.extend(evs)
                    if evs:
                        break
        # a modality verb ("agreed to meet", "offered to help") is not an event of its own
        # when its complement was coded
        drop = set()
        for e in events:
            if e.sentence_index != si:
                continue
            t = e.trigger
            if t.dep_ in ("xcomp", "ccomp"):
                gov = t.head
                if gov.pos_ == "ADJ":
                    gov = gov.head
                modal = kn.cue("intent_verb") | kn.cue("intent_verb_to") | kn.cue("denial") | kn.cue("refusal") | kn.cue("appeal_verb") | kn.cue("demand_verb")
                if gov.i in coded_heads and gov.lemma_.lower() in modal:
                    drop.add(gov.i)
                elif (gov.i in coded_heads and gov.lemma_.lower() == "help"
                      and not any(c.dep_ in ("dobj", "dative") for c in gov.children)):  # fmt: skip
                    # "mobilised lobbies to help support the Palestinians": the help is the support
                    drop.add(gov.i)
        if drop:
            events = [
                e for e in events
                if not (e.sentence_index == si and e.trigger.i in drop and e.by_default)
            ]  # fmt: skip
    return events, dropped


# verbs of addressing people: a rally told or spoken to is an audience
_ADDRESSING = frozenset({"tell", "address", "speak", "talk", "brief"})
# verbs that end what they take: a veto lifted or an objection dropped is no veto or objection
_ENDING_VERBS = frozenset({"lift", "drop", "withdraw", "remove", "abandon", "scrap", "rescind", "revoke"})


def _each_other(verb: Token) -> bool:
    """Whether a verb's object is "each other" or "one another"."""
    return any(c.dep_ in ("dobj", "pobj", "dative") and (
        (c.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in c.children))
        or (c.lower_ == "one" and any(d.lower_ == "another" for d in c.children)))  # ("one another", parsed either way)
        for c in verb.children)  # fmt: skip


def _audience(noun: Token, speaking: frozenset[str]) -> bool:
    """Whether a noun is whom a speaker addresses ("told a rally", "spoke at a rally")."""
    if noun.dep_ in ("dobj", "dative"):
        return noun.head.lemma_.lower() in speaking
    return (noun.dep_ == "pobj" and noun.head.lower_ in ("to", "at", "before")
            and noun.head.head.lemma_.lower() in speaking)


def _counterpart_owner(tok: Token, kn: Knowledge) -> bool:
    """A possessive pronoun of a counterpart noun ("his counterpart", "her host")."""
    return tok.dep_ == "poss" and tok.pos_ == "PRON" and tok.head.lemma_.lower() in kn.cue("counterpart_noun")


def _battle_partner(trig: Token, index: MentionIndex, kn: Knowledge) -> list[Mention]:
    """Who fought those a passive violent verb acts on: the with-phrase of the fighting it
    happened in ("were killed in clashes with Kurdish rebels", "died during a gunbattle with
    police")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children):
        return []
    for prep in trig.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for fight in prep.children:
            if fight.dep_ not in ("pobj", "pcomp") or not {fight.lemma_.lower(), fight.lower_} & kn.cue("battle_word"):
                continue
            for w in fight.children:
                if w.dep_ == "prep" and w.lower_ == "with":
                    return [m for o in w.children if o.dep_ == "pobj" for m in _expand(o, index)]
    return []


def _unclaimed_attack(trig: Token, kn: Knowledge) -> bool:
    """Whether the clause names the means of an attack but nobody who carried it out: in the
    trigger's own words ("a roadside bomb killed …"), as a bomb that went off by itself ("a car
    bomb exploded in a market"), or as the subject of the clause a killing follows or is told
    by ("a bomb exploded …, killing 30 people", "were killed when a bomb exploded")."""
    means = kn.cue("attack_means")
    if any(t.lemma_.lower() in means or t.lower_ in means for t in trig.subtree if t.i != trig.i):
        return True
    if trig.pos_ == "NOUN":
        return (trig.dep_ in ("nsubj", "nsubjpass") and trig.lemma_.lower() in means
                and trig.head.lemma_.lower() in kn.cue("explode_verb"))  # fmt: skip
    return bool(bomb_clauses(trig, kn))


def bomb_clauses(trig: Token, kn: Knowledge) -> list[Token]:
    """The clauses a killing is told by in which a bomb went off by itself: "were killed when a
    car bomb exploded", "a bomb exploded …, killing 30 people"."""
    verbs = [c for c in trig.children if c.dep_ == "advcl"]
    if trig.dep_ == "advcl" and trig.tag_ == "VBG":
        verbs.append(trig.head)
    means = kn.cue("attack_means")
    return [v for v in verbs if v.lemma_.lower() in kn.cue("explode_verb")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in means for c in v.children)]  # fmt: skip


def _nested_recipient(trig: Token, m: Mention, inquiries: frozenset[str]) -> bool:
    """Whether an actor is reached from the trigger only through a to- or against-phrase of
    something inside its object ("an investigation of arms sales to Croatia"), not of the
    inquiry itself ("an investigation against the minister")."""
    t = trig.doc[m.head]
    while t.i != trig.i and t.head.i != t.i:
        if (t.dep_ == "prep" and t.lower_ in ("to", "against") and t.head.i != trig.i
                and t.head.lemma_.lower() not in inquiries):  # fmt: skip
            return True
        t = t.head
    return False


def _mutual(trig: Token, sources: list[Mention], kn: Knowledge, code: str = "") -> bool:
    """Coordinated subjects of an agreement-like verb without object act on each other
    ("Bosnia and Slovenia agreed to a ceasefire"); not one side doing it twice."""
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    # (a ceasefire two states propose is between others: "France and the US proposed a truce")
    shared = trig.lemma_.lower() not in kn.cue("appeal_verb") and any(c.dep_ == "dobj" and c.lemma_.lower() in kn.cue("mutual_noun")
                 and (code[:2] in ("03", "04", "05", "06") or any(p.dep_ == "poss" and p.lower_ == "their" for p in c.children))
                 for c in trig.children)  # fmt: skip
    if trig.lemma_.lower() not in kn.cue("mutual_verb") and not shared:
        # (what two parties do to "their" talks, ties or cooperation they do to each other:
        # "India and Pakistan ended their talks"; not to "their populations"; and building
        # cooperation or ties is always with each other: "agreed to deepen cooperation")
        return False
    if len({(m.country or m.code or "")[:3] for m in sources if m.resolved}) >= 2:
        return True
    # "the army and the rebels violated the truce": two sides of one country; "the president
    # and his ministers" (one code, or one the other's part) are one side
    codes = sorted({m.code for m in sources if m.resolved}, key=len)
    return any(not b.startswith(a) for i, a in enumerate(codes) for b in codes[i + 1 :])


def _indicative(clause: Token) -> bool:
    """A clause stating a fact ("the unrest reflected old tensions", "it had acted lawfully"),
    not a bare subjunctive or a "must" ("that Israel withdraw", "Israel must withdraw")."""
    auxes = _aux(clause)
    if any(a.lower_ in ("must", "should") for a in auxes):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP") or a.lower_ in ("would", "will")
                                                        for a in auxes)  # fmt: skip


_YEARS = frozenset({"year", "decade", "century"})


def _years_back(clause: Token) -> bool:
    """A subordinate clause dated years before the main one ("five years after …", "18 years
    ago", "decades earlier")."""
    for c in clause.children:
        marked = c.dep_ == "mark" and c.lower_ in ("after", "since", "when")
        if c.dep_ in ("advmod", "mark") and (marked or c.lower_ in ("ago", "earlier", "before")):
            if any(n.dep_ == "npadvmod" and n.lemma_.lower() in _YEARS for n in (*c.children, *clause.children)):
                return True
    return False


def _past(clause: Token) -> bool:
    """A clause in a past tense ("had taken", "seized", "has expelled")."""
    auxes = _aux(clause)
    if any(a.lower_ in ("will", "would", "shall", "may", "might", "could", "can", "should", "must") for a in auxes):
        return False
    return clause.tag_ == "VBD" or (clause.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in auxes))


def _pending_until(clause: Token) -> bool:
    """An until-clause not in the past: a condition, not an event ("until Russia withdraws")."""
    return _marked(clause, "until", "till") and clause.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in _aux(clause))


def _marked(clause: Token, *words: str) -> bool:
    """Whether a clause is introduced by one of these subordinators ("that", "until")."""
    return any(m.dep_ == "mark" and m.lower_ in words for m in clause.children)


def _condition_subject(trig: Token, index: MentionIndex) -> list[Mention]:
    node = trig
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children):
                for sub in c.children:
                    if sub.dep_ in ("nsubj", "nsubjpass"):
                        return [m for m in _expand(sub, index) if m.resolved]
        if node.head.i == node.i:
            break
        node = node.head
    return []


def _addressee(verb: Token, index: MentionIndex) -> list[Mention]:
    """Whom a speech verb addresses: "told Putin", "said to the minister"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            return _expand(c, index)
        if c.dep_ == "prep" and c.lower_ == "to":
            for o in c.children:
                if o.dep_ == "pobj":
                    return _expand(o, index)
    return []


def _addressed(trig: Token, kn: Knowledge, index: MentionIndex) -> list[Mention]:
    """Whom a letter or statement that does the act is sent to ("sent a letter to the WHO
    threatening to pull funding", "a statement to Minsk demanding …")."""
    if trig.dep_ == "acl" and trig.head.lemma_.lower() in kn.cue("speech_noun"):
        noun = trig.head
    else:
        noun = next((c for c in trig.head.children if c.dep_ == "dobj" and c.lemma_.lower() in kn.cue("speech_noun")), None)
    if noun is None:
        return []
    return [m for holder in (noun, noun.head) for c in holder.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for o in c.children if o.dep_ == "pobj" for m in _expand(o, index)]  # fmt: skip


def _gerund_adverbial_subject(verb: Token, index: MentionIndex) -> list[Mention]:
    """The subject of an act in -ing that says how or when the main verb's subject acted
    ("continues its efforts in Africa by donating medical supplies", "after meeting Putin"):
    the main verb's subject ("without" acts are not done, and stay uncoded)."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in ("by", "after", "before", "while", "upon", "on"):
        return []
    main = verb.head.head
    if main.pos_ not in ("VERB", "AUX") or main.i == verb.head.i:
        return []
    got, passive = _subject(main, index)
    return [] if passive else got


def _to_ing_holder(verb: Token, words: frozenset[str]) -> Token | None:
    """The word an act in -ing hangs on through "to" (or "in", "on"), when it is one of `words`
    ("committed" in "is committed to opening up", "resorted" in "resorted to throwing stones",
    "interested" in "is interested in expanding")."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("to", "in", "on") or verb.head.head.i == verb.head.i:
        return None
    holder = verb.head.head
    return holder if {holder.lemma_.lower(), holder.lower_} & words else None


def _culpable(tok: Token, index: MentionIndex, kn: Knowledge) -> list[Mention]:
    """Who is said to be guilty of or responsible for an act ("the army is guilty of violating
    the truce", "the Taliban are responsible for mass killings", "was found guilty of
    bribery"), or claims it ("claimed responsibility for the bombing"): the one the adjective
    describes, or the claimant, did it."""
    prep = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return []
    adj = prep.head
    if (prep.lower_ == "for" and adj.dep_ == "dobj" and adj.lemma_.lower() in kn.cue("responsibility_noun")
            and adj.head.lemma_.lower() in kn.cue("claim_verb")):  # fmt: skip
        # "the Taliban claimed responsibility for the bombing": who claims a deed did it
        return _subject(adj.head, index)[0]
    if adj.pos_ != "ADJ" or adj.lemma_.lower() not in kn.cue("culpability_adj") or adj.dep_ not in ("acomp", "oprd"):
        return []
    verb = adj.head
    if adj.dep_ == "oprd" and verb.lemma_.lower() not in ("be", "become", "remain"):
        # "holds the officials responsible for the detention", "five officials it holds
        # responsible for …": the one held responsible, not the one holding them so
        held = [m for c in verb.children if c.dep_ == "dobj" for m in _expand(c, index)]
        if not held and verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children):
            held = _expand(verb.head, index)
        if held:
            return held
    got, passive = _subject(verb, index)
    if not got and passive:  # "was found guilty of"
        got = [m for c in verb.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
    return got


def _between_parties(noun: Token, index: MentionIndex) -> list[Mention]:
    """The actors of a nominal's between-phrase when it names two or more ("talks between
    Russia, Iran and Turkey")."""
    got = [m for p in noun.children if p.dep_ == "prep" and p.lower_ in ("between", "among")
           for o in p.children if o.dep_ == "pobj" for m in _expand(o, index) if m.resolved]  # fmt: skip
    return got if len({m.code for m in got}) >= 2 else []


def _several(sources: list[Mention]) -> bool:
    """Whether the sources are several parties: named ones ("Israel and Lebanon"), or a pair
    or plural pronoun standing for them ("the two countries", "they")."""
    return len({m.code for m in sources}) >= 2 or any(
        m.role == "pair" or (m.kind == "pronoun" and m.number == "plur" and m.person == 3) for m in sources)


def _plan_holder(verb: Token, index: MentionIndex, kn: Knowledge) -> list[Mention]:
    """Who is to do what a plan, a decision or an attempt names ("Russia's plan to send
    troops", "Russia announced a plan to send troops", "gunmen made an attempt to kill"): the
    noun's possessor, else the subject of the light verb that carries it; not whoever only
    criticises or rejects it."""
    noun = verb.head
    if (verb.dep_ != "acl" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in kn.cue("own_act_noun")
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):  # fmt: skip
        return []
    # (a pronoun owner only through the light verb: in "supports its decision to expel" the
    # "its" is not the supporter)
    own = [m for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" for m in _expand(c, index)]
    if own:
        return own
    gov = noun.head
    light = _particle_phrase(gov) if any(c.dep_ == "prt" for c in gov.children) else gov.lemma_.lower()
    if noun.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX") and light in kn.cue("support"):
        got, passive = _subject(gov, index)
        return got if not passive else []
    return []


def _committed(verb: Token, index: MentionIndex, kn: Knowledge) -> list[Mention]:
    """Who is committed to an act in -ing ("Vietnam is committed to opening up", "reiterated
    its commitment to supporting") or turns to it ("resorted to throwing stones"): the holder
    of the commitment."""
    holder = _to_ing_holder(verb, kn.cue("intent_to_ing") | kn.cue("pcomp_subject"))
    if holder is None:
        return []
    if holder.pos_ == "NOUN":
        own = [m for c in holder.children if c.dep_ == "poss" for m in _expand(c, index)]
        if own or holder.dep_ != "dobj":
            return own
        holder = holder.head
    got, passive = _subject(holder, index)
    if not got and passive:
        got = [m for c in holder.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
    if not got and holder.dep_ == "acl" and holder.head.pos_ in ("NOUN", "PROPN"):
        got = _expand(holder.head, index)  # "youths resorted to …" read as a noun phrase
    return got


def _owned_measure(verb: Token, index: MentionIndex, kn: Knowledge) -> tuple[list[Mention], Token] | None:
    """The owner of a measure that is the subject of a passive verb with no agent ("UN
    sanctions against Iran were lifted", "American aid to Egypt was suspended"), and the
    measure's noun; None when the subject is no such measure or names no owner."""
    for c in verb.children:
        if c.dep_ == "nsubjpass" and c.lemma_.lower() in kn.cue("owned_measure"):
            owners = [m for mod in c.children if mod.dep_ in ("compound", "amod", "poss", "nmod")
                      for m in index.at(mod) if m.resolved and m.head == mod.i]  # fmt: skip
            if not owners:
                # "the sanctions imposed on Russia by the EU were extended": who imposed them
                owners = [m for acl in c.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                          for ag in acl.children if ag.dep_ == "agent"
                          for p in ag.children if p.dep_ == "pobj" for m in _expand(p, index) if m.resolved]  # fmt: skip
            if owners:
                return owners, c
    return None


def _verdict_block(f: Frame, kn: Knowledge) -> bool:
    """Whether a frame is a naming verb's verdict pattern (criticism or praise)."""
    return (f.pattern.code in ("111", "051") and not f.nominal and f.trigger.lemma_.lower() in kn.cue("verdict_verb")
            and all(p.code in ("111", "051") for p in f.entry.patterns))  # fmt: skip


def _verdict(verb: Token) -> set[int]:
    """The words of what a naming verb calls its object ("called the law unhelpful", "branded
    the decision a mistake", "described the visit as a provocation")."""
    out: set[int] = set()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ in ("oprd", "attr", "acomp") or (c.dep_ == "dobj" and objects and c is not objects[0]):
            out |= {t.i for t in c.subtree}
        elif c.dep_ == "prep" and c.lower_ == "as":
            out |= {t.i for t in c.subtree if t.i != c.i}
    return out


def _names_something(verb: Token) -> bool:
    """A verb used to name or describe ("called the plan naive", "what he called a lie"): it has
    an object predicate, or its object is a wh-word before it."""
    return any(c.dep_ in ("oprd", "attr") or (c.dep_ == "dobj" and c.i < verb.i and c.tag_ in ("WP", "WDT"))
               for c in verb.children)  # fmt: skip


def _people_acted_on(verb: Token, index: MentionIndex) -> bool:
    """Whether a passive verb's subject is people ("prisoners were released"), not things."""
    return any(m.kind in ("agent", "person") or (m.kind == "country" and ((m.sector and verb.doc[m.head].pos_ == "NOUN") or verb.doc[m.head].tag_ == "NNPS"))
               for c in verb.children if c.dep_ == "nsubjpass" for m in _expand(c, index))  # fmt: skip


def _directly_modal(verb: Token, kn: Knowledge) -> bool:
    """Whether the verb itself is refused, demanded or urged: its own modal and negation ("will
    not accept", "must end"), or the complement of refuse/demand/urge ("asked them to end it"),
    not an infinitive further down ("refused to lift sanctions to get Iran to talk")."""
    modals = kn.cue("obligation") | kn.cue("advice") | kn.cue("future") | kn.cue("hypothetical")
    if any(c.dep_ == "aux" and (c.lower_ in modals or c.lemma_.lower() in modals) for c in verb.children):
        return True
    governors = kn.cue("refusal") | kn.cue("demand_verb") | kn.cue("appeal_verb")
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in governors


def _events_of(f: Frame, si: int, sent: Span, index: MentionIndex, kn: Knowledge,
               support: frozenset[str], dropped: list[str]) -> list[RawEvent]:  # fmt: skip
    code = f.pattern.code
    trig = f.trigger
    generic = False
    if code is None and not f.nominal and trig.lemma_.lower() in kn.cue("denial_of_act"):
        denied = _denied_own_blame(trig, f.pattern.origin, si, sent, index, kn)
        if denied:
            return denied
    if code is None:
        # a verb with no code of its own ("accept", "end") that is refused or demanded: "says
        # it will not accept refugees" rejects (120), "says Israel must end the attacks"
        # demands (100), "asked the group to end its boycott" appeals (020)
        lemma = trig.lemma_.lower()
        if (f.nominal or f.pattern is not f.entry.default or not _is_verb(trig)
                or not f.pattern.origin.startswith(("verbs.txt", "verbs_petrarch.txt"))  # a user's "---" means no event
                or lemma in kn.cue("speech") | kn.cue("attempt") | kn.cue("intent_verb")):  # fmt: skip
            return []
        generic = True
        code = "030"  # stands for "some action"; modes.tsv maps it to 120 / 100 / 020
    accord = (not f.nominal and code == "030" and trig.lemma_.lower() in kn.cue("accord_verb")
              and not any(c.dep_ in ("xcomp", "dobj") for c in trig.children)
              and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                      and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)
                      for c in trig.children))  # fmt: skip
    if accord:
        # "agreed with the NCAA that the coach made payments": accord with a view (019); "agreed
        # that their countries should cooperate" is still an agreement to act
        code = "019"
    # "insisted the unrest reflected old tensions": an assertion; "insisted that Israel
    # withdraw" (a bare verb, or "must") is the demand
    asserted_insist = not f.nominal and code == "100" and trig.lemma_.lower() == "insist" and any(
        c.dep_ == "ccomp" and _indicative(c) for c in trig.children)
    if asserted_insist:
        code = "010"
    one_sided = accord  # no reverse event even when the pattern has one
    if (f.nominal and trig.dep_ == "pobj" and trig.tag_ == "NN" and trig.head.lower_ == "in" and trig.head.head.pos_ == "VERB"
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in trig.children)):  # fmt: skip
        # "recalled its ambassador in protest": the manner of the verb's act, no act of its own
        dropped.append(f"sentence {si}: {trig.text}: manner of another act (in {trig.text})")
        return []
    if _verdict_block(f, kn) and not (f.consumed & _verdict(trig)):
        return []  # "called on Israel to end its illegal occupation": no verdict of the caller's
    # "calling it dangerous": a verdict on an act ("it"), whose author the pronoun does not name
    verdict_on_it = (code in ("111", "051") and not f.nominal and trig.lemma_.lower() in kn.cue("verdict_verb")
                     and any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in trig.children))  # fmt: skip
    if code[:3] == "041" and not f.nominal and _names_something(trig):
        return []  # "what it called its involvement", "called the plan naive": naming, not phoning
    if f.nominal and trig.dep_ == "pobj" and trig.head.lower_ in ("for", "on") and trig.head.i > 0 and any(
            m.role and not m.is_name and m.head == t.i
            for t in {trig.head.head, trig.doc[trig.head.i - 1]} for m in index.at(t)):  # fmt: skip
        # "the EU envoy for the Belgrade-Pristina dialogue", "the special representative on the
        # peace talks": part of a title, not talks held
        dropped.append(f"sentence {si}: {trig.text}: part of a title")
        return []
    if f.nominal and code[:2] == "14" and _audience(trig, _ADDRESSING):
        # "Orban told a rally in Budapest", "addressed a rally of supporters": whom a speaker
        # addresses, not a protest of the speaker's
        dropped.append(f"sentence {si}: {trig.text}: the audience of a speech")
        return []
    if (code[:2] == "04" and not f.nominal and trig.lemma_.lower() in ("talk", "speak", "brief")
            and f.target is not None and trig.doc[f.target.head].lemma_.lower() in kn.cue("press_audience")):  # fmt: skip
        # "speaking to reporters", "briefed journalists": how a statement is made, no consultation
        dropped.append(f"sentence {si}: {trig.text}: speaking to the press")
        return []
    if f.nominal and code.startswith("041") and trig.lemma_.lower() == "call" and _that_clause(trig) is not None:
        code = "020"  # "renewed its call that Israel lift …": an appeal, not a phone call
        one_sided = True
    mood = modality(trig, kn, f.nominal)
    attempted = code[:2] in ("18", "19", "20") and _attempted(trig, kn)
    if attempted:
        # "tried to assassinate", "an attempt to seize the town", "an assassination attempt":
        # an attempt at violence is violence, whether or not it succeeded; on a life it is
        # an attempted assassination (185)
        if code.startswith("186"):
            code = "185"
        announced = [n for n in mood.notes if n.startswith(("intent:", "future:", "reported future"))]
        if mood.mode == "intent" and announced and all(
                n.startswith("intent:") and n.split(": ")[-1].lower() in kn.cue("attempt_word") for n in announced):  # fmt: skip
            mood.mode = "asserted"  # the attempt itself, not a plan
        if mood.drop and mood.drop.startswith("thwarted"):
            mood.drop = None
    committed = generic and mood.mode == "intent" and (
        (trig.dep_ == "xcomp" and trig.head.lemma_.lower() in kn.cue("commitment_verb"))
        or _to_ing_holder(trig, kn.cue("intent_to_ing")) is not None)
    if generic and not committed and (mood.drop or mood.mode not in ("refuse", "demand", "appeal") or not _directly_modal(trig, kn)
                                      or (mood.agent is not None and mood.agent.lemma_.lower() in kn.cue("threat_verb"))):  # fmt: skip
        # "warned that police will not tolerate rallies" stays the warning (13); "promised to
        # democratize the country" is a commitment (030) whatever the action
        return []
    if mood.drop:
        dropped.append(f"sentence {si}: {trig.text}: {mood.drop}")
        return _own_act_denied(f, mood, si, sent, index, kn)
    notes = mood.notes
    if attempted:
        notes.append("an attempt at violence is violence (an attempt on a life: 185)")
    if asserted_insist:
        notes.append("insisted on a fact, not a demand: 010")
    if generic:
        notes.append(f"{mood.mode} of an action with no code of its own: generic code")
    # sources and targets
    passive = False
    if f.source is not None:
        # (another mention at the same head is a shared role: "Romanian and Ukrainian leaders")
        sources = [f.source] + [m for m in _expand(trig.doc[f.source.head], index)
                                if m.head != f.source.head or m.code != f.source.code]  # fmt: skip
    elif f.nominal and f.pattern.recip and (between := _between_parties(trig, index)):
        # "at a summit between Russia, Iran and Turkey, Putin rejected …": the parties named
        # are the ones who met, each with the others
        sources = between
    elif f.nominal:
        sources = (_noun_source(trig, index, support, meeting=code[:2] in ("04", "14"), inquiries=kn.cue("inquiry_noun"),
                                reactions=kn.cue("reaction_verb"), talk_speech=kn.cue("talks_speech_verb"))
                   or _culpable(trig, index, kn) or _ready_for(trig, index, kn.cue("intent_adj")))  # fmt: skip
    else:
        sources, passive = _subject(trig, index)
        if passive and not sources:
            sources = _attack_owner(trig, index, kn.cue("attack_noun"))
            if sources:
                notes.append("source: whose attack it happened in")
        if passive and not sources and code[:3] == "114":
            # "the Polish envoy was summoned to the (Belarusian) Foreign Ministry": the
            # ministry one is summoned to summons
            sources = [m for c in trig.children if c.dep_ == "prep" and c.lower_ == "to"
                       for o in c.children if o.dep_ == "pobj" for m in _expand(o, index)
                       if m.resolved or m.kind == "agent"]  # fmt: skip
            if sources:
                notes.append("source: the ministry the envoy was summoned to")
        if not sources and not passive:
            sources = (_committed(trig, index, kn) or _culpable(trig, index, kn) or _gerund_adverbial_subject(trig, index)
                       or _plan_holder(trig, index, kn))  # fmt: skip
        if passive and not sources and trig.lemma_.lower() in kn.cue("stative"):
            # "Lithuania is opposed to Russian mediation": a stance of the passive subject
            sources = [m for c in trig.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
            passive = False
    measure = _owned_measure(trig, index, kn) if passive and not sources and not f.nominal else None
    if measure is not None:
        # "UN sanctions against Iran were lifted": the measure's owner lifted them
        sources = measure[0]
        passive = False
        notes.append(f"source: the owner of the {measure[1].text}")
    if (passive and not sources and not f.nominal and code.startswith(("0874", "166"))
            and trig.lemma_.lower() in _WITHDRAWAL_VERBS):  # fmt: skip
        # "UN peacekeepers were withdrawn from Gorazde", "Russian forces were pulled out of
        # Kherson": whose forces they are withdrew them, from the place
        own = [m for c in trig.children if c.dep_ == "nsubjpass" for m in _expand(c, index) if m.resolved]
        if own:
            sources, passive = own, False
            notes.append("source: the owner of the forces withdrawn")
    root = int(code[:2]) if code[:2].isdigit() else 0
    if (not f.nominal and trig.dep_ == "acl" and any(c.dep_ == "agent" for c in trig.children)
            and (root < 17 or not any(m.agent_type != "thing" for m in _expand(trig.head, index)))):  # fmt: skip
        # "forces backed by Russia", "a report released by the institute", "missiles fired by
        # the army", "property seized by the state": background to the sentence, not its news;
        # only force used on people ("schoolgirls kidnapped by Boko Haram") is coded from it
        dropped.append(f"sentence {si}: {trig.text}: participle describing a noun")
        return []
    if not f.nominal and trig.tag_ in ("VBN", "VBD") and (trig.dep_ == "amod" or (
            trig.dep_ in ("nsubj", "nsubjpass") and trig.pos_ == "VERB")):  # fmt: skip
        # "the internationally recognised government": a quality of the noun, not an act (also
        # when the parser makes the participle the subject of the sentence's verb)
        dropped.append(f"sentence {si}: {trig.text}: participle describing a noun")
        return []
    # "a bombing in Kabul", "reimposed blockades in the West Bank", "a visit in Amman"
    weak_in = root >= 13 or root == 8 or code[:3] in ("042", "043", "054")
    ftarget = f.target
    if ftarget is not None and _counterpart_owner(trig.doc[ftarget.head], kn):
        ftarget = None  # "met his counterpart": the possessor is not the one met
    if (ftarget is not None and passive and trig.doc[ftarget.head].dep_ in ("pobj", "poss")
            and trig.doc[ftarget.head].head.lower_ not in ("with", "against", "to", "on", "of")
            and any(c.dep_ == "nsubjpass" and _expand(c, index) for c in trig.children)):  # fmt: skip
        # "a journalist was arrested in Iran", "was indicted for his part in …": the passive
        # subject is the one acted on, not where or why
        ftarget = None
    if ftarget is not None and trig.dep_ == "acl" and trig.doc[ftarget.head].head.dep_ == "agent" \
            and trig.doc[ftarget.head].head.head.i == trig.i:  # fmt: skip
        ftarget = None  # "schoolgirls kidnapped by Boko Haram": the agent did it, to the girls
    if ftarget is not None:
        doc = trig.doc
        held = doc[ftarget.head].head
        if doc[ftarget.head].dep_ in ("amod", "compound") and held.i in f.consumed:
            # "released two Serbian journalists" matched as "+ &prisoner": the people named by
            # the pattern's word are the target, with the sector that word gives them
            whole = [m for m in index.at(held) if m.country == ftarget.country and m.sector and m.head == held.i]
            ftarget = whole[0] if whole else ftarget
        targets = [ftarget] + [m for m in _expand(doc[ftarget.head], index)
                               if m.head != ftarget.head or m.code != ftarget.code]  # fmt: skip
    elif f.nominal:
        # "anti-American protests in Cairo": against the United States, not where they were
        targets = (index.against.get(trig.i, []) if root == 14 else []) or _prep_targets(trig, index, weak_in=weak_in)
        gov = trig.head
        own_source = bool(index.at(trig))  # "Israeli air raids": the noun names its own actor
        if not targets and not own_source and trig.dep_ in ("dobj", "pobj", "attr") and gov.pos_ in ("VERB", "ADP"):
            verb = gov if gov.pos_ == "VERB" else gov.head
            # "engaged in ethnic cleansing … against the Albanian population",
            # "arrived in Amman on a visit"
            targets = _prep_targets(verb, index, strong_only=not weak_in, weak_in=weak_in)
        if f.pattern.recip and _several(sources):
            # "Israel and Lebanon renewed negotiations on an Israeli troop pullback": the
            # parties are the subjects; what they negotiate on is the topic
            targets = [m for m in targets if trig.doc[m.head].head.lower_ in ("with", "between", "among")]
        if not targets and not (f.pattern.recip and _several(sources)):
            targets = _first_in_subtree(trig, index, places=weak_in)
            if targets and all(any(s.start <= m.head < s.end and (m.code == s.code or (m.country and m.country == s.country))
                                   for s in sources) for m in targets):  # fmt: skip
                # the noun's own modifier is no target: "the Russian shelling of Kharkiv" is on
                # the place named; "last month's U.S. invasion", "Israeli air raids" naming
                # nothing they were done to are background to the sentence, not its news
                if not any(p.dep_ == "prep" and p.lower_ in ("of", "on", "against", "in")
                           and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in p.children)
                           for p in trig.children):  # fmt: skip
                    dropped.append(f"sentence {si}: {trig.text}: names only its own actor")
                    return []
                targets = []
    else:
        # "A and B discussed the situation on the border": the topic is not a target
        # a show of force has no object to look inside ("a manoeuvre of 80,000 troops")
        loose = not (f.pattern.recip and _several(sources)) and root != 15 and trig.lemma_.lower() not in kn.cue("topic_verb")
        targets = _verb_target(trig, passive, index, weak_in=weak_in, consumed=f.consumed, loose=loose,
                               object_places=root in (2, 10, 11, 12))
        if 3 <= root <= 7 and targets:
            # "agreed to strengthen security cooperation against al-Shabaab": whom cooperation is
            # against is the common foe, not the partner
            targets = [m for m in targets if not (trig.doc[m.head].dep_ == "pobj" and trig.doc[m.head].head.lower_ == "against"
                                                  and trig.doc[m.head].head.head.i != trig.i
                                                  and trig.doc[m.head].head.head.lemma_.lower() in kn.cue("mutual_noun"))]
        if generic and trig.lemma_.lower() in kn.cue("permission_verb"):
            # "would not permit any group to attack Turkey": the permission is refused to its
            # object, not to whom the act it would allow is aimed at
            allowed = [c for c in trig.children if c.dep_ in ("dobj", "dative")] + [
                s for c in trig.children if c.dep_ in ("xcomp", "ccomp") for s in c.children if s.dep_ == "nsubj"]
            targets = [m for a in allowed for m in _expand(a, index)]
        if f.pattern.recip and _several(sources):
            # "Armenia and Azerbaijan exchanged accusations over the shelling of villages": the
            # parties act on each other; what it is over is the topic
            targets = [m for m in targets if trig.doc[m.head].head.lower_ in ("with", "between", "among")]
    if not targets and not f.nominal and root in (2, 10, 11, 12, 13) and trig.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in trig.children):  # fmt: skip
        # "Tehran summoned Pakistan's envoy and demanded an explanation": asked of, or said to,
        # whom the first verb acted on
        own = {(m.country or "")[:3] for m in sources}
        # (an actor itself, not one inside what was acted on: "defended the right of Russian
        # troops to … and insisted …")
        targets = [m for c in trig.head.children if c.dep_ in ("dobj", "dative") and c.i < trig.i
                   for m in index.at(c) if m.resolved and (m.country or "")[:3] not in own]  # fmt: skip
        if targets:
            notes.append(f"target: whom {trig.head.text!r} acted on")
    if targets:
        # "delivered the first of four air defence systems": what the pattern named is what is
        # given or used, not whom it is done to; "told reporters": a statement made through
        # the press is addressed to no party
        # (nor is a thing helped or cooperated with: "sent rescue teams to help find the helicopter")
        targets = [m for m in targets if not (m.agent_type == "thing" and not m.resolved and (m.head in f.consumed or 3 <= root <= 8))
                   and not (code[:2] == "01" and not m.resolved and trig.lemma_.lower() in kn.cue("speech")
                            and trig.doc[m.head].lemma_.lower() in kn.cue("press_audience"))]  # fmt: skip
    if targets and root not in (6, 15):
        # "continue its mediation together with France and the United States": partners in the
        # act, not whom it is aimed at (in joint exercises or work they are the partner)
        targets = [m for m in targets if not _alongside(trig.doc[m.head])]
    if root in (18, 19, 20) and not code.startswith("192") and targets:
        # "fired artillery at the camp from positions east of the city": where force came from
        # (a town taken from a side is that side's: "seized Zakho from Iraqi troops")
        targets = [m for m in targets if not (trig.doc[m.head].dep_ == "pobj" and trig.doc[m.head].head.lower_ == "from")]
    if not f.nominal and not targets and len(sources) >= 2 and _each_other(trig):
        # "the army and the RSF accused each other of shelling the camp": each the other
        targets = list(sources)
    if root == 9 and targets and not f.nominal:
        # "opened an investigation of arms sales to Croatia", "a hearing into techniques used
        # against detainees": who received or suffered the act is not who is investigated
        targets = [m for m in targets if not _nested_recipient(trig, m, kn.cue("inquiry_noun"))]
    if root == 14 and not targets:
        # "blocked a road to show their anger at the United States' policies": a protest is
        # aimed at whom its purpose names
        own = {m.code for m in sources}
        anchor = trig.head if f.nominal and trig.dep_ in ("dobj", "pobj") else trig
        for c in anchor.children:
            if c.dep_ in ("advcl", "xcomp") and infinitive(c):
                targets = [m for m in _first_in_subtree(c, index, places=True) if m.resolved and m.code not in own]
                if targets:
                    break
    if measure is not None:
        # … against Iran, … on Russia, … to Egypt: whom the measure is for or against
        own = {m.code for m in sources}
        targets = [m for m in _prep_targets(measure[1], index) or _prep_targets(trig, index) if m.code not in own]
    if targets and not f.nominal and trig.lemma_.lower() in kn.cue("topic_verb"):
        # "discussed Ukraine", "discussed Croatia's military advance", "discussed the supply of
        # Russian gas": what is discussed is not a party to it
        # (a with-phrase hung on the object still names the partner: "discussed the war in Syria
        # with Erdogan" with "with" read as part of the object)
        partner = {t.i for c in trig.children if c.dep_ == "dobj" for p in c.subtree
                   if p.dep_ == "prep" and p.lower_ == "with" for t in p.subtree}  # fmt: skip
        inside = {t.i for c in trig.children if c.dep_ == "dobj" for t in c.subtree} - partner
        targets = [m for m in targets if m.head not in inside]
    if not targets and f.pattern.fallback:
        # a statement's target: the first actor its reported clause is about
        for c in trig.children:
            if c.dep_ in ("ccomp", "parataxis") and not targets:
                blamed = _blamed(c, index, kn)
                if blamed:
                    # "Kyiv said Moscow was responsible for the destruction of the dam":
                    # holding someone to blame accuses them
                    targets, code = blamed, "112"
                    notes.append("said to be responsible: an accusation (112)")
                    continue
                targets = [m for m in _first_in_subtree(c, index, skip=()) if m.resolved]
                if not targets:
                    for t2 in c.subtree:
                        ms = [m for m in index.at(t2) if m.resolved and m.kind != "pronoun"]
                        if ms:
                            targets = ms[:1]
                            break
    if not targets and root == 14 and not f.nominal:
        # "threw stones during protests against raids by the Israeli army": a protest act is
        # aimed at whom the protest it happens in is against
        own = {s.code for s in sources}
        protests = [o for p in trig.children if p.dep_ == "prep" and p.lower_ in ("during", "at", "in", "amid")
                    for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _PROTEST_NOUNS]  # fmt: skip
        for o in protests:
            # (whom the protest is against, else who did what it is against: "raids by the army")
            against = [x for a in o.children if a.dep_ == "prep" and a.lower_ == "against" for x in a.children if x.dep_ == "pobj"]
            targets = [m for m in _prep_targets(o, index) if m.resolved and m.code not in own] or [
                m for x in against for m in _first_in_subtree(x, index, skip=()) if m.resolved and m.code not in own]
    if not targets and root in (17, 18, 19, 20) and not f.nominal:
        # "police opened fire to disperse demonstrators": force used on those its purpose names
        for c in trig.children:
            if c.dep_ == "advcl" and c.pos_ == "VERB" and infinitive(c):
                targets = [m for m in _verb_target_strict(c, False, index) if m.kind != "pronoun"]
                if targets:
                    break
    if not targets and mood.mode in ("threat", "intent") and any("condition" in n for n in mood.notes):
        # "… unless Baghdad accepts", "… if the United States goes ahead": the one the condition
        # is put to is the target of the threat or promise
        targets = _condition_subject(trig, index)
    if not targets and root in (1, 2, 10, 11, 12, 13):
        # "demanded that Hamas renounce", "urged Russia to withdraw": the complement's subject;
        # a warning whose complement is conditional is aimed at the condition's subject;
        # "expressed hope that Iran would …": the clause of the stance noun
        own = {(m.country or "")[:3] for m in sources}
        clauses = list(trig.children)
        if root == 1:
            # not for denials and claims ("denied charges that his government helped …"):
            # their clause is about the speaker
            clauses = [c for o in trig.children if o.dep_ == "dobj" for c in o.children if c.dep_ in ("acl", "ccomp")
                       and code[:3] not in ("015", "016")]  # fmt: skip
            clauses = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        noun_clause = _that_clause(trig) if f.nominal else None
        if noun_clause is not None:
            # a demand noun's that-clause: "insisted on its demand that Burundi's government …"
            clauses = [noun_clause]
        for c in clauses:
            if c.dep_ in ("ccomp", "xcomp") or root == 1 or c is noun_clause:
                if root == 13:
                    targets = [m for m in _condition_subject(c, index) if (m.country or "")[:3] not in own]
                if targets:
                    break
                mine = {m.code for m in sources}
                for s2 in c.children:
                    if s2.dep_ in ("nsubj", "nsubjpass"):
                        # "the opposition demanded that President Mugabe resign": another actor
                        # of the same country is a target; the demanders themselves are not
                        targets = [m for m in _expand(s2, index) if (not m.resolved or m.code not in mine)
                                   and not (root == 1 and m.kind == "pronoun")]  # fmt: skip
    if f.nominal and sources and targets and any(s is t for s in sources for t in targets):
        targets = [t for t in targets if t not in sources]
    if f.nominal and not sources and root in (5, 10, 11, 12, 13, 14):
        # "drew condemnation from South Korea and Japan", "faced criticism from Washington":
        # a reaction from someone is theirs, on whoever drew it
        sources, drawn = _reaction_from(trig, index, kn.cue("drawing_verb"))
        if sources:
            targets = drawn or [t for t in targets if all(t is not m for m in sources)]
    # "between A and B", or coordinated subjects of a reciprocal trigger without object
    if f.nominal and not sources:
        for c in trig.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                pair = [m for o in c.children if o.dep_ == "pobj" for m in _expand(o, index)]
                if len(pair) >= 2:
                    sources = pair
                    targets = []
    if not sources and passive and (root == 15 or code[:3] == "074"):
        # "Russian soldiers were deployed as peacekeepers": the soldiers' state deploys them
        sources = [m for c in trig.children if c.dep_ == "nsubjpass" for m in _expand(c, index)]
        sources = [replace(m, code=m.country, sector=None) if m.country and not m.country.startswith("IGO") else m
                   for m in sources if m.resolved]  # fmt: skip
        targets = [t for t in targets if t not in sources]
    if mood.imperative and mood.agent is not None:
        sources = _addressee(mood.agent, index)  # the one told to act
        targets = [t for t in targets if t.person != 1] if targets else targets
    if not sources and not f.nominal:
        # "Amnesty issued a statement calling on Minsk to …", "signed a decree lifting the
        # curfew": the statement's issuer, the decree's signer; "sent a letter to the WHO
        # threatening to …": the letter's addressee is the one warned
        sources = _issuer(trig, index, kn)
    rel = trig
    while rel.dep_ == "conj" and rel.head.i != rel.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in rel.children):
        rel = rel.head  # "a report that found … and called for …"
    if (not sources and not f.nominal and rel.dep_ == "relcl"
            and rel.head.lemma_.lower() in kn.cue("instrument_noun") | kn.cue("speech_noun")
            and rel.head.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in rel.children)):  # fmt: skip
        # "the Council adopted a resolution that imposed an embargo", "issued a report that
        # calls on the government to …": the adopter's or the issuer's act
        sources = _subject(rel.head.head, index)[0]
    voiced = trig.head if trig.dep_ == "xcomp" and trig.head.tag_ == "VBG" else trig  # "threatening to cut …"
    if (root in (10, 11, 12, 13) or mood.mode != "asserted") and voiced.tag_ == "VBG" and voiced.dep_ in ("acl", "advcl"):
        sent_to = _addressed(voiced, kn, index)
        if sent_to:
            targets = sent_to
    if not sources and code.startswith("182") and _in_custody(trig, kn):
        # "a prisoner died as a result of torture in police custody", "was tortured and
        # killed in a secret prison": the jailers, placed later by the custody or the prisoner
        sources = [_unnamed_state(trig)]
        # (the prisoner, not the custody the phrase places it in)
        targets = _custody_victim(trig, index) or [t for t in targets if trig.doc[t.head].lemma_.lower() not in kn.cue("custody_word")]
    if not sources and root in (18, 19, 20) and not f.nominal:
        # "three soldiers were killed in clashes with Kurdish rebels": killed by the other side
        sources = _battle_partner(trig, index, kn)
    if not sources and root in (18, 19, 20) and _unclaimed_attack(trig, kn):
        # "a roadside bomb killed a soldier": attackers the text does not name, placed later
        sources = [Mention(start=trig.i, end=trig.i, head=trig.i, code=None, country=None, sector="UAF",
                           name=None, kind="unknown_attacker", rule="unnamed attackers")]  # fmt: skip
    if (not sources and (root == 17 or (code[:3] in ("084", "166") or code in ("161", "063"))
                         and (_people_acted_on(trig, index) or any(c.dep_ == "nsubjpass" and c.i in f.consumed
                                                                    for c in trig.children)))
            and not f.nominal
            and code != "175" and any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children)):  # fmt: skip
        # "a French citizen was arrested in Iran", "prisoners were released in Tripoli", "was
        # extradited from Spain": arrests, expulsions, extraditions, seizures and releases
        # nobody is said to have made are the state's where they happened, placed later
        sources = [_unnamed_state(trig)]
    put_under = trig.head.head if f.nominal and trig.dep_ == "pobj" and trig.head.lower_ == "under" else None
    if (not sources and root in (9, 17) and put_under is not None and put_under.pos_ == "VERB"
            and any(c.dep_ == "auxpass" for c in put_under.children)):  # fmt: skip
        # "a US national has been put under investigation in Italy", "was placed under house
        # arrest": the state where it happened did it, to the passive subject
        sources = [_unnamed_state(trig)]
        targets = [m for c in put_under.children if c.dep_ == "nsubjpass" for m in _expand(c, index)] or targets
    if not sources and mood.mode == "refuse" and mood.agent is not None:
        sources = _subject(mood.agent, index)[0]  # ruled out by the speaker
    if not sources and passive and mood.mode in ("appeal", "demand") and mood.agent is not None:
        # "Minsk proposed to Warsaw that talks be resumed", "demanded of Kyiv that the
        # blockade be lifted": asked of whom the appeal is addressed to
        sources = _addressee(mood.agent, index)
        if sources:
            notes.append(f"{mood.mode} of a passive act: asked of the addressee")
    if not sources and not (mood.imperative and mood.agent is not None):
        dropped.append(f"sentence {si}: {trig.text}: no source actor")
        return []
    reverse = f.pattern.reverse if not one_sided else None
    mode = mood.mode
    if mode == "threat" and mood.agent is not None and any(n.endswith("(a consequence)") for n in notes):
        # the warner threatens; the act's own target stays, the party that would carry it out
        # is not threatened
        warner = _subject(mood.agent, index)[0]
        if not warner:
            dropped.append(f"sentence {si}: {trig.text}: threat without a known source")
            return []
        targets = [t for t in targets if all(t is not s for s in sources)] or [
            m for c in mood.agent.children if c.dep_ in ("dobj", "dative") for m in _expand(c, index)]  # ("warned Moscow that …")
        sources, reverse = warner, None
    if mode in ("appeal", "demand") and mood.agent is not None:
        # the one who urges or demands acts on the one asked to act
        asker = _subject(mood.agent, index)[0] or _issuer(mood.agent, index, kn)
        if not asker and mood.agent.lemma_.lower() in kn.cue("speech"):
            asker = []
        asked = sources
        if not asker:
            dropped.append(f"sentence {si}: {trig.text}: {mode} without a known source")
            return []
        home = {(m.country or "")[:3] for m in asker if m.resolved}
        own = bool(asked) and len(home) == 1 and all((m.sector or "")[:3] == "GOV" for m in asker) and all(
            m.kind in ("agent", "pronoun") and (m.sector or "")[:3] in ("GOV", "MIL", "COP", "SPY")
            and (not m.resolved or (m.country or "")[:3] in home) for m in asked)  # fmt: skip
        if mode == "demand" and own and targets and all(t.resolved and (t.country or "")[:3] not in home for t in targets):
            # "instructed the government to expand trade with China", "ordered the army to
            # withdraw from Kherson": an order to one's own organs states what one's state will
            # do to the other party
            sources, mode = asker, "intent"
            notes.append(f"ordered to its own {'/'.join(sorted({(m.sector or '')[:3] for m in asked}))}: the state's intent")
        else:
            sources, targets = asker, asked
        reverse = None
    if (mode == "intent" and (code[:2] == "16" or code[:3] == "172")
            and any(n.startswith("intent: agree") for n in notes) and not mood.agent):  # fmt: skip
        # "EU ministers agreed to extend an arms embargo on Iran": a body agreeing on its own
        # sanctions decides them (as PETRARCH's "agree to sanctions", 163), it does not threaten
        mode = "asserted"
        notes.append("agreed on its own sanctions: the act")
    elif (mode == "intent" and (code[:2] == "16" or code[:3] == "172") and not mood.agent
            and any(n.startswith("reported future") for n in notes)
            and (speech := _speech_head(trig, kn)) is not None and speech.lemma_.lower() in ("announce", "decide")
            and all(m.kind == "pronoun" for m in sources)):  # fmt: skip
        # "The United States announced it would prohibit all aid to the rebels": a decision a
        # state announces about its own sanctions is taken, not threatened
        mode = "asserted"
        notes.append("announced its own sanctions: the act")
    if mode == "intent" and code[:2] == "15" and "conditional consequence" in notes:
        # "if the West keeps up the pressure, we will deploy more troops to the border": force
        # shown as the price of a condition threatens it (138), unlike an announced deployment
        mode = "threat"
    if mode == "intent" and code[:2] in ("11", "12") and trig.dep_ == "xcomp" and trig.head.lemma_.lower() == "threaten":
        # "threatened to veto the aid package", "threatened to sue": the rejection or the
        # complaint is held over the other side, not yet made: a threat (130)
        code = "130"
        notes.append(f"threatened to {trig.text}: a threat, 130")
    if mode != "asserted":
        if not (mode in ("intent", "threat") and code[:2] in ("01", "02", "03", "09", "10", "11", "12", "13")):
            mapped = kn.mode_code(mode, code)
            if mapped is None and mode != "intent":
                dropped.append(f"sentence {si}: {trig.text}: no {mode} code for {code}")
                return []
            if mapped:
                notes.append(f"{mode} code from {mapped[1]}")
                code = mapped[0]
        # an announced or refused action is the announcer's; the other side did not express it
        if reverse is not None and len(sources) < 2 and (targets or not any(m.kind == "pronoun" and m.number == "plur" for m in sources)):
            reverse = None  # (a plural pronoun may stand for both: "India and Pakistan said they would meet")
        elif reverse is not None:
            reverse = code
    recip = reverse is not None
    if (root == 15 and not targets and mode == "asserted" and len({(m.country or "")[:3] for m in sources if m.resolved}) >= 2
            and not (trig.lemma_.lower() in _DEFENDING and passive)):  # ("missiles were intercepted by Israeli and US air defences")
        # "French and Egyptian warships launched war games": forces of two states exercising
        # together cooperate militarily (062), each with the other
        code, recip, reverse = "062", True, "062"
        notes.append("forces of several states together: joint exercise, 062")
    if (not targets and f.nominal and code[:3] in ("042", "043")
            and len({(m.country or m.code or "")[:3] for m in sources if m.resolved}) >= 2):  # fmt: skip
        # "During the visit, Modi and Putin signed …": one of them visited the other; which,
        # the sentence does not say
        dropped.append(f"sentence {si}: {trig.text}: a visit by several parties, host unknown")
        return []
    if (not targets and f.nominal and code[:2] == "04" and trig.dep_ == "pobj" and trig.head.lower_ in ("in", "during")
            and trig.head.head.pos_ == "VERB" and trig.head.head.lemma_.lower() in kn.cue("speech")):  # fmt: skip
        # "In a phone call on Monday, Xi told Biden that …": whom the speaker tells in the
        # call or the talks is the counterpart
        told = [m for c in trig.head.head.children if c.dep_ in ("dobj", "dative") for m in _expand(c, index)]
        if told and all(m.head != s.head for m in told for s in sources):
            targets = told
    if (not targets and code[:2] == "04" and code[:3] not in ("042", "043", "045") and mode == "asserted"
            and len(sources) == 1 and (sources[0].resolved or not (
                _several(sources) or trig.doc[sources[0].head].tag_ in ("NNS", "NNPS")))):  # ("the two leaders")
        # "the cabinet met on Sunday", "said at the talks": a consultation with nobody named
        # on the other side says nothing about an interaction
        dropped.append(f"sentence {si}: {trig.text}: consultation without a counterpart")
        return []
    if verdict_on_it:
        targets = [t for t in targets if t.kind != "pronoun"]
    if _verdict_block(f, kn):
        # a verdict is on the author of what it names ("Japan's visit", "Russian air strikes"),
        # not on whom that act befell ("called the downing of the Russian jet a stab in the back")
        named = next((c for c in trig.children if c.dep_ == "dobj"), None)
        if named is not None and named.lower_ in _RELATIVE and trig.dep_ == "relcl":
            named = trig.head  # "the Afghan government, which it views as a puppet"
        heads = {named.i, *(c.i for c in named.conjuncts)} if named is not None else set()
        targets = [t for t in targets if trig.doc[t.head].i in heads or (
            trig.doc[t.head].head.i in heads and trig.doc[t.head].dep_ in ("poss", "compound", "amod", "nmod"))]
    pairs: list[tuple[Mention, Mention | None, str]] = []
    agreed = any(n.startswith("intent: agree") for n in notes)
    if (targets and agreed and len({m.code for m in sources if m.resolved}) >= 2
            and all(t.kind == "agent" and t.agent_type == "thing" and not t.resolved for t in targets)):  # fmt: skip
        # "Turkey and Ukraine agreed to jointly produce drones": what they agree on is no party
        targets = []
    ours = False
    if (targets and len({(m.country or m.code or "")[:3] for m in sources if m.resolved}) >= 2
            and all(trig.doc[t.start].lower_ == "their" and t.kind == "pronoun"
                    and (t.country is None or t.country in {m.country for m in sources}) for t in targets)):  # fmt: skip
        # "Saudi Arabia and Iran agreed to reopen their embassies": "their" is both subjects,
        # not the first of them; a cooperative act on what is both of theirs is on each other
        targets, ours = [], code[:2] in ("03", "04", "05", "06", "07", "08")
    if targets:
        for s in sources:
            for t in targets:
                pairs.append((s, t, code))
                if recip:
                    pairs.append((t, s, reverse))
    elif (recip or agreed or ours or _mutual(trig, sources, kn, code)) and len(sources) >= 2:
        # "A and B met", "A and B agreed to share information": each with the other
        if not recip:
            notes.append("coordinated subjects act on each other")
        reverse = reverse or code
        for s in sources:
            for t in sources:
                if s is not t:
                    pairs.append((s, t, code))
    else:
        for s in sources:
            pairs.append((s, None, code))
    doc = trig.doc
    start = trig.idx
    end = trig.idx + len(trig.text)
    parts = [doc[i] for i in f.consumed if i != trig.i and abs(i - trig.i) <= 3
             and (doc[i].dep_ == "prt" or (doc[i].dep_ == "compound" and doc[i].head.i == trig.i))]
    for p in parts:
        start, end = min(start, p.idx), max(end, p.idx + len(p.text))
    text = doc_text(doc)[start:end]
    out = []
    for s, t, c in pairs:
        out.append(
            RawEvent(
                sentence=sent, sentence_index=si, trigger=trig, trigger_text=text, span=(start, end),
                source=s, target=t, code=c, rule=f.pattern.origin, mode=mode,
                reciprocal=recip, notes=list(notes), by_default=f.pattern is f.entry.default,
            )
        )  # fmt: skip
    return out
