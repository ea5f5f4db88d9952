"""Actor mentions: who in a sentence is a state, an organisation, a group or a person.

Names (countries, capitals, seats of government, IGOs, groups, people) are found with
spaCy phrase matchers built once from the knowledge files. Each name is then attached
to the noun phrase it belongs to, where role words ("troops", "foreign minister",
"opposition") give the sector: "Russian troops" → RUSMIL, "the Belarusian leader" →
BLRGOV, "our pilots" → (speaker's country)MIL. A named person is coded by the role
they held on the article's date. Pronouns and bare role words ("he", "the President")
become unresolved mentions that the context stage may resolve.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .knowledge import Knowledge
from .knowledge.model import Agent, Alias, NamedActor, country_of
from .sents import sent_of, tokens_where, words

# Dependencies by which a name modifies the head noun of its phrase.
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
_PRONOUNS = {
    "i": (1, "sing"), "me": (1, "sing"), "my": (1, "sing"), "mine": (1, "sing"), "myself": (1, "sing"),
    "we": (1, "plur"), "us": (1, "plur"), "our": (1, "plur"), "ours": (1, "plur"), "ourselves": (1, "plur"),
    "you": (2, None), "your": (2, None), "yours": (2, None),
    "he": (3, "sing"), "him": (3, "sing"), "his": (3, "sing"),
    "she": (3, "sing"), "her": (3, "sing"), "hers": (3, "sing"),
    "they": (3, "plur"), "them": (3, "plur"), "their": (3, "plur"),
    "it": (3, "neut"), "its": (3, "neut"),
}  # fmt: skip
# Alias forms in order of preference when one span matches several entries.
_FORM_RANK = {"person": 0, "seat": 1, "abbr": 2, "name": 2, "official": 2, "alt": 3, "surname": 3,
              "capital": 4, "adj": 5, "demonym": 5, "people": 5}  # fmt: skip
_KIND_RANK = {"person": 0, "igo": 1, "group": 1, "actor": 1, "country": 2}
# Nouns that, with a possessive pronoun, mean the state itself: "our country", "his nation".
_MINORITY = frozenset({"minority", "population"})
_HOMELAND = {"country", "nation", "state", "republic", "homeland", "motherland", "fatherland", "government"}
# Nouns that, definite and bare, stand for an organisation named before: "the alliance" after
# NATO, "the bloc" after the EU or ECOWAS, "the world body" after the UN.
_IGO_ANAPHORS = frozenset({"alliance", "bloc", "organisation", "organization", "grouping", "body"})


def _igo_anaphor(tok: Token) -> bool:
    """"The alliance", "the world body" with nothing else to say which (not "the ruling alliance",
    "the alliance between Russia and China"): an organisation named before."""
    low = tok.lemma_.lower()
    if low not in _IGO_ANAPHORS or tok.tag_ != "NN":
        return False
    mods = [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound", "nummod", "prep", "acl", "relcl", "appos")]
    return mods == ["the"] if low != "body" else mods in (["the", "world"], ["the", "global"])


@dataclass
class Mention:
    """An actor mention in a Doc (token indices), coded or waiting for resolution."""

    start: int
    end: int  # exclusive
    head: int
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    kind: str  # country | igo | group | person | actor | agent | pronoun
    rule: str  # knowledge file:line that named it
    person: int | None = None  # grammatical person of a pronoun (1, 2, 3)
    number: str | None = None
    role: str | None = None  # role key of its agent word ("president")
    agent_type: str | None = None  # person | group | thing
    parts: list[str] = field(default_factory=list)  # origins of all entries used
    is_name: bool = False  # the span is a name itself (not a phrase around a name)

    @property
    def resolved(self) -> bool:
        return self.code is not None


def _alias_rank(alias: Alias, day: date | None) -> tuple:
    actor = alias.actor
    in_office = 0
    if actor.kind in ("person", "actor") and any(t.dated for t in actor.terms):
        term = actor.term_on(day) if day else None
        in_office = 0 if (term is not None and term.dated) else 1
    return (_FORM_RANK.get(alias.form, 6), in_office, _KIND_RANK.get(actor.kind, 3))


class ActorFinder:
    """Phrase matchers and agent index built once per knowledge set and vocabulary."""

    def __init__(self, knowledge: Knowledge, vocab, make_doc):
        self.knowledge = knowledge
        self.make_doc = make_doc
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        # one matcher key per distinct text: every alias written that way competes at match time
        self.by_key: dict[str, list[Alias]] = {}
        for alias in knowledge.aliases:
            for text in _spellings(alias.text):
                key = ("=" if alias.case_sensitive else "~") + (text if alias.case_sensitive else text.lower())
                self.by_key.setdefault(key, []).append(alias)
        keys = list(self.by_key)
        texts = [k[1:] for k in keys]
        tokenizer = getattr(make_doc, "__self__", None)
        docs = list(tokenizer.tokenizer.pipe(texts)) if tokenizer is not None and hasattr(tokenizer, "tokenizer") else [make_doc(t) for t in texts]
        for key, doc in zip(keys, docs, strict=True):
            (self.exact if key[0] == "=" else self.lower).add(key, [doc])
        self.agents: dict[str, list[Agent]] = {}
        for agent in knowledge.agents:
            self.agents.setdefault(agent.words[-1], []).append(agent)
            if len(agent.words) > 2 and agent.words[1] in ("of", "for"):
                # "minister of foreign affairs": indexed by its first word too
                self.agents.setdefault("^" + agent.words[0], []).append(agent)
        # one-letter misspellings of country words and surnames ("Ethopia", "Mitterand"): the
        # last word of every spelling and its one-letter deletions, pointing back at the keys
        self.misspelt: dict[str, set[str]] = {}
        for key, aliases in self.by_key.items():
            last = key[1:].lower().split()[-1] if key[1:].strip() else ""
            if not last.isalpha() or not any(_misspellable(a, last) for a in aliases):
                continue
            for variant in (last, *_deletions(last)):
                self.misspelt.setdefault(variant, set()).add(key)

    # -- names -----------------------------------------------------------------------------
    def name_spans(self, doc: Doc, day: date | None) -> list[tuple[Span, Alias]]:
        cands: dict[tuple[int, int], list[Alias]] = {}
        strings = doc.vocab.strings
        for matcher in (self.exact, self.lower):
            for key, s, e in matcher(doc):
                cands.setdefault((s, e), []).extend(self.by_key[strings[key]])
        spans = []
        for (s, e), aliases in cands.items():
            if e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "I" and doc[e - 1].ent_type_ == "PERSON":
                # "Andrew Cuomo": a surname alias followed by another name is somebody's
                # given name, not the person known by that surname
                aliases = [a for a in aliases if a.form != "surname"]
                if not aliases:
                    continue
            if s > 0 and doc[s - 1].ent_type_ == "PERSON" and doc[s - 1].is_title:
                # "Ricardo Martinelli" is not the dictionary's "Carlos Martinelli": a given name
                # the dictionary's full name does not have is somebody else's
                given = doc[s - 1].text
                aliases = [a for a in aliases if a.form != "surname" or given in a.actor.name.split()]
                if not aliases:
                    continue
            inside = doc[s].ent_iob_ == "I" and doc[s].ent_type_ not in ("PERSON", "")
            if inside or (e - s == 1 and doc[s].tag_ == "NNPS" and s > 0 and doc[s - 1].is_title
                          and doc[s - 1].ent_type_ != "PERSON"):  # fmt: skip
                # "Internally Displaced Persons": a surname inside the name of something else
                aliases = [a for a in aliases if a.form != "surname"]
                if not aliases:
                    continue
            if e < len(doc) and doc[e].text in ("Group", "Club", "Process", "Format"):
                # "the Lima Group", "the Minsk Group": a forum named after a city, not the state
                aliases = [a for a in aliases if not (a.actor.kind == "country" and a.form in ("capital", "seat"))]
                if not aliases:
                    continue
            if (e - s == 1 and e < len(doc) and doc[s].text in ("West", "Western") and doc[e].tag_ == "NNP"
                    and doc[e].is_title and doc[e].ent_type_ != "NORP"):  # fmt: skip
                # "West Darfur", "Western Bahr el Ghazal": a region's name, not the West (names the
                # dictionary lists, "West Bank", are longer matches and win)
                continue
            if (e - s == 1 and e < len(doc) and doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "B"
                    and doc[e].ent_iob_ == "I" and doc[e].is_title):  # fmt: skip
                # "Paris Hilton", "Chad Smith", "Israel Adesanya": a place name that is a
                # person's given name
                aliases = [a for a in aliases if a.actor.kind != "country"]
                if not aliases:
                    continue
            best = min(aliases, key=lambda a: _alias_rank(a, day))
            spans.append((Span(doc, s, e), best))
        # longest first, then leftmost; drop overlaps
        spans.sort(key=lambda x: (-(x[0].end - x[0].start), x[0].start))
        taken: set[int] = set()
        out = []
        for span, alias in spans:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            # an all-lowercase match of a case-insensitive alias must not be a common word
            if not alias.case_sensitive and span.text.islower() and len(span) == 1 and not span[0].pos_ == "PROPN":
                continue
            if (len(span) == 1 and alias.actor.kind == "person" and span[0].is_sent_start
                    and span[0].pos_ not in ("PROPN", "NOUN", "")):  # ("": a headline, not tagged)
                continue  # "During the talks, …": a capitalised first word, not Mr During
            taken.update(range(span.start, span.end))
            if alias.actor.kind == "country" and (_code_for(alias, day) is None or (
                    _historical(alias) and span.start > 0 and doc[span.start - 1].lower_.rstrip("-") in _FORMER)):  # fmt: skip
                # a state's former name after its end is history ("Soviet-era tanks"); so is
                # what it was before ("former Soviet republics", "the ex-Yugoslav army")
                continue
            out.append((span, alias))
        out.extend(self._misspelt_names(doc, taken, day))
        out.extend(_short_names(doc, out, taken))
        out.sort(key=lambda x: x[0].start)
        return out

    def _misspelt_names(self, doc: Doc, taken: set[int], day: date | None) -> list[tuple[Span, Alias]]:
        """Proper names one letter away from exactly one country or person ("Ethopia",
        "Phillippines", "Isreal", "Francois Mitterand"): news copy has typos, and a name
        that matches nothing else is almost always the actor it nearly spells. Only the last
        word may be misspelt; the words before it must be exact."""
        out = []
        # (only proper nouns and named entities can be names: found on the Doc's arrays)
        named = {t.i for t in tokens_where(doc, "POS", "PROPN")} | {t.i for t in tokens_where(doc, "ENT_TYPE", *_NAMED_ENTS)}
        for tok in (doc[i] for i in sorted(named)):
            low = tok.lower_
            if (tok.i in taken or len(low) < 6 or not low.isalpha() or not tok.text[0].isupper()
                    or low in _REAL_NEAR_MISSES or (tok.pos_ != "PROPN" and tok.ent_type_ not in _NAMED_ENTS)
                    or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")):  # fmt: skip
                # (a given name, or a word inside a longer name: "Yisrael Beytenu")
                continue
            found: list[tuple[int, Alias]] = []
            for key in {k for v in (low, *_deletions(low)) for k in self.misspelt.get(v, ())}:
                *before, last = key[1:].lower().split()
                start = tok.i - len(before)
                if (not _one_edit(low, last) or start < 0 or any(i in taken for i in range(start, tok.i))
                        or [_plain(t.text) for t in doc[start:tok.i]] != [_plain(w) for w in before]):  # fmt: skip
                    continue
                found += [(start, a) for a in self.by_key[key] if _misspellable(a, last)]
            if tok.ent_type_ == "PERSON" or tok.ent_iob_ == "I":
                # "Angela", "Donna Brazile", "British Columbia": a person's name or part of a
                # longer name is not a misspelt state, only the end of a person's name
                found = [(s, a) for s, a in found if a.actor.kind == "person" and s < tok.i]
            if tok.i > 0 and doc[tok.i - 1].ent_type_ == "PERSON" and doc[tok.i - 1].is_title:
                # "Evgenia Medvedeva" is not Medvedev: a given name must be the person's own
                given = _plain(doc[tok.i - 1].text)
                found = [(s, a) for s, a in found if a.actor.kind != "person" or given in _plain(a.actor.name).split()]
            if len({a.actor.name for _, a in found}) != 1:
                continue
            start, best = min(found, key=lambda x: (-(tok.i - x[0]), _alias_rank(x[1], day)))
            taken.update(range(start, tok.i + 1))
            out.append((Span(doc, start, tok.i + 1), replace(best, origin=f"{best.origin} (spelt {tok.text!r})")))
        return out

    # -- agents ----------------------------------------------------------------------------
    def agent_at(self, doc: Doc, head: Token) -> tuple[Agent, int, int] | None:
        """The longest role phrase ending at `head` ("foreign minister") or starting there
        ("minister of foreign affairs"), as (agent, first token, last token + 1)."""
        lowers, lemmas = words(doc)
        best = None
        i = head.i
        lemma = lemmas[i]
        # (an entry may be a word form only: "nationals", where "national" would be an adjective;
        # matched as a phrase's head, not as a modifier: "the new media law" is no media)
        ending = [*self.agents.get(lemma, ()),
                  *(self.agents.get(lowers[i], ()) if lowers[i] != lemma and head.dep_ != "compound" else ())]
        starting = self.agents.get("^" + lemma, ())
        if not ending and not starting:
            return None
        sent = sent_of(head)

        def at(k: int, w: str) -> bool:
            # a verb form matches only as written: "jailed" is not "jail" (the prison service)
            return lowers[k] == w or (lemmas[k] == w and doc[k].tag_ not in ("VBN", "VBD"))

        for agent in ending:
            n = len(agent.words)
            s = i - n + 1
            if s < sent.start:
                continue
            if all(at(s + k, w) for k, w in enumerate(agent.words)):
                if best is None or n > best[2] - best[1]:
                    best = (agent, s, i + 1)
        for agent in starting:
            n = len(agent.words)
            e = i + n
            if e > sent.end:
                continue
            if all(at(i + k, w) for k, w in enumerate(agent.words)):
                if best is None or n > best[2] - best[1]:
                    best = (agent, i, e)
        return best

    def agents_in(self, doc: Doc, tokens: list[Token]) -> list[tuple[Agent, int, int]]:
        """Non-overlapping role phrases among `tokens`, left to right, longest first."""
        found = []
        covered: set[int] = set()
        for tok in sorted(tokens, key=lambda t: -t.i):
            if tok.i in covered:
                continue
            hit = self.agent_at(doc, tok)
            if hit and not any(i in covered for i in range(hit[1], hit[2])):
                found.append(hit)
                covered.update(range(hit[1], hit[2]))
        found.sort(key=lambda h: h[1])
        return found


_ARTICLE = re.compile(r"(?<=\S )(al|el|ad|ash|as|an|ar|at|az|ul|ud)([ -])(?=[A-Z])")


_NAMED_ENTS = {"GPE", "NORP", "PERSON", "LOC", "ORG"}
# Real names one letter from a state's word: Columbia (the district, the river, the university),
# the Americas, Emirates (the airline; left out of countries.tsv too).
_REAL_NEAR_MISSES = {"columbia", "americas", "emirates"}


def _short_names(doc: Doc, found: list[tuple[Span, Alias]], taken: set[int]) -> list[tuple[Span, Alias]]:
    """One word of a person's full name, after the full name in the same document: "Chinese
    Foreign Minister Wang Yi … Wang said" (family names first), "Kassym-Jomart Tokayev …
    Tokayev". A word two named people share stays unresolved; so does one followed or preceded
    by another capitalised name ("Wang Wei" is somebody else)."""
    first: dict[str, int] = {}
    owner: dict[str, Alias | None] = {}
    for span, alias in found:
        if alias.actor.kind != "person" or alias.form != "person" or len(span) < 2:
            continue
        for tok in span:
            if tok.pos_ != "PROPN" or not tok.is_title or len(tok.text) < 2:
                continue
            prev = owner.get(tok.text, alias)
            owner[tok.text] = alias if prev is not None and prev.actor is alias.actor else None
            first.setdefault(tok.text, span.end)
    out = []
    for tok in tokens_where(doc, "ORTH", *owner) if owner else ():
        alias = owner.get(tok.text)
        if (alias is None or tok.i in taken or tok.i < first[tok.text] or tok.pos_ != "PROPN"
                or any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title for j in (tok.i - 1, tok.i + 1))):  # fmt: skip
            continue
        out.append((Span(doc, tok.i, tok.i + 1), Alias(tok.text, alias.actor, "surname", alias.origin + " (short name)")))
        taken.add(tok.i)
    return out


def _misspellable(alias: Alias, last: str) -> bool:
    """A state's own name, adjective or demonym of six letters or more, and people's full
    names by a surname of seven or more: shorter words, regions and bare surnames have too
    many real neighbours one letter away ("Scott", "Hunan", "Hillary")."""
    if alias.actor.kind == "country":
        return alias.form in ("name", "official", "adj", "demonym") and len(last) >= 6
    return alias.actor.kind == "person" and alias.form == "person" and " " in alias.text and len(last) >= 7


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1:] for i in range(len(text))}


def _one_edit(a: str, b: str) -> bool:
    """One letter added, dropped or swapped with its neighbour: the usual typos. A changed
    letter is not counted: it mostly makes another real name (Angela, Marawi, Siberian)."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])  # fmt: skip
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _spellings(text: str) -> list[str]:
    """A name as written in the dictionary and with the other spelling of an Arabic article:
    "Omar al Bashir" is also "Omar al-Bashir" and "Omar Al-Bashir", "Abd al-Aziz" also "Abd al
    Aziz"; and with the other apostrophe."""
    other = _ARTICLE.sub(lambda m: m.group(1) + ("-" if m.group(2) == " " else " "), text)
    out = [text] if other == text else [text, other]
    # "Omar El Bashir", "Abdel Fattah El-Sisi": the article capitalised, as some outlets write it
    for t in list(out):
        upper = _ARTICLE.sub(lambda m: m.group(1).capitalize() + m.group(2), t)
        if upper not in out:
            out.append(upper)
    # and with the other apostrophe: "People's" is also "People’s" (news uses both)
    for t in list(out):
        swapped = t.replace("'", "’") if "'" in t else t.replace("’", "'")
        if swapped not in out:
            out.append(swapped)
    return out


def _np_head(tok: Token) -> Token:
    """Climb from a modifier to the head of its noun phrase ("Russian" → "troops")."""
    seen = 0
    while tok.dep_ in _MODIFIER_DEPS and tok.head.i != tok.i and seen < 6:
        tok = tok.head
        seen += 1
    return tok


def _historical(alias: Alias) -> bool:
    """A name that ended with the state it named (`former` lines: "Soviet", "Yugoslavia")."""
    terms = alias.actor.terms
    return len(terms) == 1 and terms[0].end is not None and terms[0].start is None


def _code_for(alias: Alias, day: date | None) -> str | None:
    if alias.code:
        return alias.code
    return alias.actor.code_on(day)


def _sector_of(code: str | None, actor: NamedActor | None) -> str | None:
    if not code or code.startswith("IGO") or (actor is not None and actor.kind == "group"):
        return None
    rest = code[3:]
    return rest[:3] if len(rest) >= 3 else None


def _residence(tok: Token, name_at: dict[int, tuple[Span, Alias]], day: date | None) -> str | None:
    """The country a demonym's people live in, when the text names it: "the Albanians of
    southern Serbia", "Turks in Germany", "Kosovo Albanians"."""
    for c in tok.children:
        hit = name_at.get(c.i)
        if (c.dep_ in ("compound", "amod") and hit and hit[0].root.i == c.i and hit[1].actor.kind == "country"
                and hit[1].form in ("name", "official", "alt")):  # fmt: skip
            # (a state's name: "Kosovo Albanians"; an adjective may say descent instead:
            # "Iranian Americans")
            code = _code_for(hit[1], day)
            return country_of(code) if code else None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
            for obj in prep.children:
                hit = name_at.get(obj.i)
                if obj.dep_ == "pobj" and hit and hit[1].actor.kind == "country" and hit[1].form in (
                    "name", "official", "alt"
                ):
                    code = _code_for(hit[1], day)
                    return country_of(code) if code else None
    return None


def _armed_people(doc: Doc, finder: ActorFinder, span: Span, name_at: dict[int, tuple[Span, Alias]]) -> str | None:
    """The armed sector a modifier gives a people ("rebel Serbs": REB), or None."""
    mods = [c for c in span.root.children if c.dep_ in ("amod", "compound") and c.i < span.start and c.i not in name_at]
    sectors = [a.sector[:3] for a, _, _ in finder.agents_in(doc, mods)] if mods else []
    return next((s for s in sectors if s in ("REB", "INS", "SEP", "UAF", "RAD")), None)


def _counted_people(tok: Token, name_at: dict[int, tuple[Span, Alias]], crowds: frozenset[str]) -> bool:
    """Whether a plural demonym is counted or described as people: a number or an adjective
    on it ("2,000 Libyans", "young Algerians"), a crowd it fills ("thousands of Nigerians"), or
    a clause saying which ("Palestinians living in the West Bank")."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    for c in tok.children:
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.i not in name_at and c.pos_ == "ADJ"):
            return True
        if c.dep_ == "compound" and c.i not in name_at and (c.pos_ == "ADJ" or c.is_sent_start):
            return True  # "Young Algerians" at the start of a sentence, read as a name
        if c.dep_ in ("acl", "relcl") and c.i > tok.i:
            return True
        if c.dep_ == "det" and c.lower_ in crowds:
            return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in crowds


# "US-backed rebels", "a UN-brokered truce": the name is a backer or a broker, not the phrase's
# actor ("Saudi-led coalition" is led by it, and stays its)
_BACKER_PARTICIPLES = frozenset({"backed", "sponsored", "funded", "financed", "trained", "supported", "armed",
                                 "allied", "aligned", "installed", "brokered", "mediated", "inspired", "influenced",
                                 "friendly", "leaning"})  # fmt: skip


def _attitude(span: Span) -> str | None:
    """The stance a name is the object of ("anti" in "anti-American", "pro" in "pro-Iranian",
    "backed" in "US-backed")."""
    doc = span.doc
    e = span.end
    if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in _BACKER_PARTICIPLES:
        return "backed"
    s = span.start
    if s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("pro", "anti", "non"):
        return doc[s - 2].lower_
    if s >= 1 and doc[s - 1].lower_ in ("pro-", "anti-"):
        return doc[s - 1].lower_.rstrip("-")
    return None


def _former(tokens: Iterable[Token]) -> bool:
    """Whether words put a title in the past ("former", "ex-", "ousted")."""
    return any(t.lower_.rstrip("-") in _FORMER for t in tokens)


def _located(tok: Token, by_head: dict[int, list[Mention]], speaks_for: bool = False) -> Mention | None:
    """The country (or organisation, for "of") of a role word's in/from/of phrase; for a
    spokesperson also the for-phrase ("a spokesman for the Belarusian Foreign Ministry")."""
    # "people living in the Houthi-held areas of northern Yemen": where they live
    holders = [tok, *(c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _RESIDING)]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        holders.append(tok.head.head)  # "the killing of protesters in Iran": where it happened to them
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of", "at", *(("for",) if speaks_for else ())):
                continue
            if holder is not tok and holder.dep_ != "acl" and prep.lower_ not in ("in", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # "in the areas of northern Yemen": the place's own of/in-phrase
                inner = [o for p2 in obj.children if p2.dep_ == "prep" and p2.lower_ in ("of", "in")
                         for o in p2.children if o.dep_ == "pobj"] if prep.lower_ != "of" else []  # fmt: skip
                for place in (obj, *inner):
                    for m in by_head.get(place.i, []):
                        if m.code and m.country and (prep.lower_ == "of" or not m.country.startswith("IGO")):
                            return m
    return None


def title_mentions(title: str | None, finder: ActorFinder, day: date | None) -> list[Mention]:
    """Named actors of a headline, by name only (no parse): what the article is about, for
    coreference ("Lukashenko: …" and then "the head of state said")."""
    if not title or not title.strip():
        return []
    doc = finder.make_doc(title[:500])
    out = []
    for span, alias in finder.name_spans(doc, day):
        code = _code_for(alias, day)
        if code is None:
            continue
        actor = alias.actor
        term = actor.term_on(day) if actor.kind == "person" else None
        out.append(Mention(
            start=span.start, end=span.end, head=span.end - 1, code=code, country=country_of(code),
            sector=_sector_of(code, actor), name=actor.name, kind=actor.kind, rule=alias.origin,
            role=term.role if term is not None and term.dated else None,
            agent_type="person" if actor.kind == "person" else None, is_name=True,
        ))  # fmt: skip
    return out


def find_mentions(doc: Doc, finder: ActorFinder, day: date | None,
                  against: dict[int, list[Mention]] | None = None) -> list[Mention]:  # fmt: skip
    """All actor mentions of a Doc, one per noun-phrase head (coordinated names give several).
    With `against`, also fills it with the actors named as "anti-X" by the noun they modify
    ("anti-American protests": the protests are against the United States)."""
    by_head: dict[int, list[Mention]] = {}
    names = finder.name_spans(doc, day)
    name_at: dict[int, tuple[Span, Alias]] = {}
    for span, alias in names:
        for i in range(span.start, span.end):
            name_at[i] = (span, alias)

    # "pro-Iranian", "anti-American": an attitude, not an actor
    if against is not None:
        for sp, al in names:
            if _attitude(sp) != "anti":
                continue
            code = _code_for(al, day)
            if code:
                noun = _np_head(sp.root)
                against.setdefault(noun.i, []).append(Mention(
                    start=sp.start, end=sp.end, head=sp.root.i, code=code, country=country_of(code),
                    sector=_sector_of(code, al.actor), name=al.actor.name, kind=al.actor.kind,
                    rule=al.origin, parts=[al.origin, "anti-"], is_name=True))  # fmt: skip
    names = [(sp, al) for sp, al in names if not _attitude(sp)]
    # "the Russian language", "a French-language daily": a language or a style, not the state
    styles = finder.knowledge.cue("non_actor_head")
    names = [(sp, al) for sp, al in names
             if not (al.form == "adj" and sp.root.dep_ in _MODIFIER_DEPS and sp.root.head.lemma_.lower() in styles)]  # fmt: skip
    name_at = {i: (sp, al) for sp, al in names for i in range(sp.start, sp.end)}

    # 1. every name is a mention of its own
    for span, alias in names:
        code = _code_for(alias, day)
        actor = alias.actor
        kind = actor.kind
        sector = _sector_of(code, actor)
        ethnic = span.start > 0 and doc[span.start - 1].lower_ == "ethnic"
        if alias.form == "adj" and ethnic and actor.kind == "country":
            # "ethnic Albanian guerrillas": the adjective names a people, not the state
            code, kind, sector = None, "agent", "CVL"
        if alias.form == "demonym":
            # "the Albanians of southern Serbia", "Turks in Germany": residents of that country
            home = _residence(span.root, name_at, day)
            if home:
                code = home + "CVL"
            elif ethnic:
                # "ethnic Albanians demonstrated in Serbia": an ethnic group, whose country is
                # where they live (the place or the sentence's country), settled later
                code, kind, sector = None, "agent", "CVL"
            elif code and _counted_people(span.root, name_at, finder.knowledge.cue("crowd_noun")):
                # "thousands of Nigerians", "young Algerians", "Palestinians living in Gaza":
                # people of the country, not the nation as a party ("the Palestinians rejected")
                code = country_of(code) + "CVL"
        if alias.form in ("demonym", "people") and code and (armed := _armed_people(doc, finder, span, name_at)):
            # "rebel Serbs", "separatist Abkhazians": the people's fighters, not its civilians
            code = country_of(code) + armed
        parts = [alias.origin]
        if actor.kind == "person" and code:
            titled = _titled(doc, finder, span, code, name_at, actor if day is None else None)
            if titled is not None:
                code = titled[0]
                parts.append(titled[1])
        role = None
        if actor.kind == "person":
            term = actor.term_on(day)
            role = term.role if term is not None and term.dated else None
        head = _name_head(span) if actor.kind == "person" else span.root.i
        m = Mention(
            start=span.start, end=span.end, head=head, code=code,
            country=country_of(code) if code else None, sector=sector if code is None else _sector_of(code, actor),
            name=actor.name, kind=kind, rule=alias.origin, parts=parts, is_name=True,
            role=role, agent_type="person" if actor.kind == "person" else None,
        )  # fmt: skip
        by_head.setdefault(head, []).append(m)

    # 2. names that modify a noun phrase head: the phrase is the mention, the head gives the sector
    heads: dict[int, list[tuple[Span, Alias]]] = {}
    for span, alias in names:
        root = span.root
        anchor = root
        while anchor.dep_ == "conj" and anchor.head.i != anchor.i:  # "Belarusian and Russian troops"
            anchor = anchor.head
        if anchor.dep_ == "npadvmod" and anchor.head.lower_ in ("led", "commanded") and anchor.head.dep_ == "amod":
            anchor = anchor.head  # "Vietnamese-led forces", "a Saudi-led coalition": the leader's
        head = _np_head(anchor) if anchor.dep_ in _MODIFIER_DEPS else root
        if head.i != root.i and head.i not in name_at:
            heads.setdefault(head.i, []).append((span, alias))
        # "the President of Belarus", "troops of Ukraine": name in an of-phrase of a role noun;
        # "the presidents of Russia and Belarus": each coordinated name
        obj = root
        while obj.dep_ == "conj" and obj.head.i != obj.i and obj.head.pos_ == "PROPN":
            obj = obj.head
        if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.pos_ in ("NOUN", "PROPN"):
            owner = obj.head.head
            if finder.agent_at(doc, owner) and owner.i not in name_at:
                heads.setdefault(owner.i, []).append((span, alias))
    for hi, owners in heads.items():
        head = doc[hi]
        left = [t for t in head.lefts if t.dep_ in _MODIFIER_DEPS or t.dep_ == "det"]
        tokens = [t for t in head.subtree if t.i <= hi and t.i >= (left[0].i if left else hi)]
        agents = finder.agents_in(doc, [t for t in tokens if t.i not in name_at])
        sector = "".join(dict.fromkeys(a.sector for a, _, _ in agents)) or None
        role = next((a.role for a, _, _ in reversed(agents) if a.role), None)
        atype = agents[-1][0].type if agents else None
        if atype is None and head.lemma_.lower() in finder.knowledge.cue("pair_noun"):
            atype = "group"  # "the Emirati side", "the Russian party": a state as a party, no person
        first = left[0].left_edge.i if left else hi
        if role and atype == "person" and _former(doc[first:agents[-1][1]]):
            sector = "ELI"  # "former Panamanian President X": an elite now
        start = min([s.start for s, _ in owners] + [t.i for t in tokens])
        for owner_span, alias in owners:
            actor = alias.actor
            code = _code_for(alias, day)
            if code is None:
                continue
            if actor.kind in ("igo", "group"):
                full = code  # organisations keep their whole code
            elif actor.kind == "person":
                # "Putin's government": the person's country with the head's sector
                full = (country_of(code) + sector) if sector else code
            elif alias.form == "people":
                # "Yoruba leaders", "Ibo elders": an ethnic group's leaders are elites, not a
                # government; its fighters and activists keep their sector
                full = country_of(code) + (sector.replace("GOV", "ELI") if sector else "CVL")
            else:
                full = country_of(code) + (sector or (code[3:] if len(code) > 3 else ""))
            if actor.kind == "country" and alias.form == "adj" and (
                    (owner_span.start > 0 and doc[owner_span.start - 1].lower_ == "ethnic")
                    # "the Albanian population of the province", "the Hungarian minority in
                    # Romania": people of that origin where they live
                    or (head.lemma_.lower() in _MINORITY and any(c.dep_ == "prep" and c.lower_ in ("of", "in")
                                                                 for c in head.children))):  # fmt: skip
                # "ethnic Albanian guerrillas in Macedonia": a minority, whose country is where
                # they live (the place or the sentence's country), settled later
                by_head.setdefault(hi, []).append(Mention(
                    start=start, end=max([hi + 1] + [s.end for s, _ in owners]), head=hi, code=None, country=None,
                    sector=(sector or "CVL")[:3], name=None, kind="agent", rule=alias.origin, role=role,
                    agent_type=atype or "group", parts=[alias.origin, "ethnic"] + [a.origin for a, _, _ in agents]))  # fmt: skip
                continue
            m = Mention(
                start=start, end=max([hi + 1] + [s.end for s, _ in owners]), head=hi, code=full, country=country_of(full),
                sector=_sector_of(full, actor), name=actor.name, kind=actor.kind,
                rule=alias.origin, role=role, agent_type=atype,
                parts=[alias.origin] + [a.origin for a, _, _ in agents],
            )  # fmt: skip
            by_head.setdefault(hi, []).append(m)

    # 3. heads with a title and a name inside one phrase ("Foreign Minister Sergei Lavrov" when
    #    Lavrov is unknown but a country is named: "Russian Foreign Minister X") are covered by 2.
    #    Bare role words and pronouns: unresolved mentions.
    for tok in doc:
        if tok.i in by_head or tok.i in name_at:
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low in _PRONOUNS:
            person, number = _PRONOUNS[low]
            by_head[tok.i] = [Mention(tok.i, tok.i + 1, tok.i, None, None, None, None, "pronoun",
                                      "pronoun", person=person, number=number)]  # fmt: skip
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue
        if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in finder.knowledge.cue("pair_noun"):
            pair = [c for c in tok.children if c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod")]
            if not pair and tok.lower_ == "sides" and [c.lower_ for c in tok.children] == ["the"]:
                pair = list(tok.children)  # "the sides discussed …": the two met before
            if pair and not any(c.dep_ in ("poss", "appos") for c in tok.children):
                # (not when the pair is named on the spot: "both parties, the SLA and the army")
                # "both sides", "the two countries": the pair named before, left to coreference
                sector = "GOV" if tok.lemma_.lower() == "government" else None
                by_head[tok.i] = [Mention(min(c.i for c in pair), tok.i + 1, tok.i, None, None, sector, None, "pronoun",
                                          "pair", person=3, number="plur", role="pair")]  # fmt: skip
                continue
        if (tok.lemma_.lower() in ("country", "nation") and tok.tag_ == "NN"
                and [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound", "nummod", "prep")] == ["the"]):  # fmt: skip
            # "the country's airspace", bare: the country the article is about, left to coreference
            by_head[tok.i] = [Mention(tok.i - 1 if tok.i and doc[tok.i - 1].lower_ == "the" else tok.i, tok.i + 1, tok.i,
                                      None, None, None, None, "pronoun", "the country", person=3, number="neut",
                                      role="country")]  # fmt: skip
            continue
        if _igo_anaphor(tok):
            first = min(c.i for c in tok.children if c.dep_ in ("det", "amod"))
            by_head[tok.i] = [Mention(first, tok.i + 1, tok.i, None, None, None, None, "pronoun", "the organisation",
                                      person=3, number="neut", role="igo")]  # fmt: skip
            continue
        if tok.lemma_.lower() in _HOMELAND:
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _PRONOUNS), None)
            if poss is not None:
                person, number = _PRONOUNS[poss.lower_]
                sector = "GOV" if tok.lemma_.lower() == "government" else None
                by_head[tok.i] = [Mention(poss.i, tok.i + 1, tok.i, None, None, sector, None, "pronoun",
                                          "pronoun", person=person, number=number, role="country",
                                          agent_type="group" if sector else None)]  # fmt: skip
                continue
        hit = finder.agent_at(doc, tok)
        if hit and hit[2] - 1 != tok.i and hit[0].words[1:2] not in (("of",), ("for",)):
            hit = None
        if not hit and (tok.lemma_.lower() in finder.knowledge.cue("held_place")
                        or tok.lower_ in finder.knowledge.cue("held_place")):  # fmt: skip
            # "a rebel stronghold", "army positions": the place stands for the side holding it
            held = finder.agents_in(doc, [c for c in tok.lefts if c.dep_ in ("compound", "amod")])
            hit = (held[-1][0], held[-1][1], tok.i + 1) if held and held[-1][0].role is None else None
        if not hit and tok.pos_ == "PROPN":
            # an unknown name with a title: "Foreign Minister Sergei Ivanov"
            titles = finder.agents_in(doc, [t for t in tok.lefts if t.dep_ == "compound"])
            hit = titles[-1] if titles else None
            if hit:
                agent = hit[0]
                if agent.role and _former(t for t in tok.lefts if t.i < hit[1]):
                    # "former Panamanian President Ricardo Martinelli": an elite now
                    agent = replace(agent, sector="ELI")
                hit = (agent, hit[1], tok.i + 1)
        if not hit:
            continue
        agent, s, e = hit
        if (agent.type == "person" and agent.sector[:3] in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")
                and any(t.lower_.rstrip("-") in ("former", "ex", "erstwhile", "onetime", "one-time")
                        for t in tok.lefts if t.i < s)):  # fmt: skip
            # "a former governor", "an ex-minister": out of office, an elite
            agent = replace(agent, sector="ELI")
        # a possessive pronoun ("our pilots") makes it a first/second/third-person mention
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _PRONOUNS), None)
        if poss is not None:
            person, number = _PRONOUNS[poss.lower_]
            by_head[tok.i] = [Mention(poss.i, e, tok.i, None, None, agent.sector[:3], None, "pronoun",
                                      agent.origin, person=person, number=number, role=agent.role,
                                      agent_type=agent.type, parts=[agent.origin])]  # fmt: skip
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and _igo_anaphor(c)), None)
        if owner is not None:
            # "the alliance's secretary general": the organisation's, named before
            by_head[tok.i] = [Mention(owner.left_edge.i, e, tok.i, None, None, None, None, "pronoun", "the organisation",
                                      person=3, number="neut", role="igo", agent_type=agent.type, parts=[agent.origin])]  # fmt: skip
            continue
        code = agent.generic_code
        parts = [agent.origin]
        speaks_for = agent.role == "spokesperson"
        where = None if code else _located(tok, by_head, speaks_for)
        if where is not None and speaks_for and where.code:
            # "a spokesman for the Belarusian Foreign Ministry", "a Hamas spokesman": whose voice
            code = where.code
            parts.append(where.rule)
        elif where is not None and agent.role and where.sector and where.code and not where.country.startswith("IGO"):
            # "leaders of the Azerbaijani opposition coalition": who leads it is of its side
            code = where.code
            parts.append(where.rule)
        elif where is not None:
            # "protesters in the Kosovan town of Gjilan", "opponents of the Maldives government"
            code = where.country + agent.sector if not where.country.startswith("IGO") else where.country
            parts.append(where.rule)
        by_head[tok.i] = [Mention(min(s, tok.i), e, tok.i, code, country_of(code) if code else None,
                                  agent.sector[:3] if code is None or not code.startswith("IGO") else None,
                                  None, "agent", agent.origin, role=agent.role,
                                  agent_type=agent.type, parts=parts)]  # fmt: skip

    # "leaders of the Azadliq opposition coalition": a leader of a side whose country is not
    # named yet is of that side
    for hi, ms in by_head.items():
        if not ms or ms[0].kind != "agent" or ms[0].resolved or not ms[0].role:
            continue
        side = next((m for p in doc[hi].children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" for m in by_head.get(o.i, [])
                     if m.kind == "agent" and not m.resolved and (m.sector or "")[:3] in NON_STATE_SIDES), None)  # fmt: skip
        if side is not None and side.sector != ms[0].sector:
            ms[0] = replace(ms[0], sector=side.sector, parts=ms[0].parts + side.parts[:1])

    # "Belarusian officials and companies": a role word coordinated with a phrase whose country
    # is named takes that country
    for hi, ms in by_head.items():
        tok = doc[hi]
        if tok.dep_ != "conj" or not ms or ms[0].kind != "agent" or ms[0].resolved:
            continue
        first = by_head.get(tok.head.i, [])
        # "lawmakers and officials in France": a place phrase after the last conjunct, which
        # the parser hangs on the first, locates them all
        after = any(p.dep_ == "prep" and p.i > tok.i and p.lower_ in ("in", "from", "of") for p in tok.head.children)
        owner = next((m for m in first if m.resolved and not m.is_name and m.country
                      and not m.country.startswith("IGO") and (m.start < m.head or after)), None)  # fmt: skip
        if owner is not None and ms[0].sector:
            m = ms[0]
            code = owner.country + m.sector
            ms[0] = replace(m, code=code, country=owner.country, parts=m.parts + owner.parts[:1])

    _titled_short_names(doc, by_head, name_at)

    # people the dictionaries do not know ("Mr. Clarke"), from the parser's named entities:
    # no code, but a name that coreference and quote speakers can use
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.root.i in by_head or any(i in name_at for i in range(ent.start, ent.end)):
            continue
        by_head[ent.root.i] = [Mention(ent.start, ent.end, ent.root.i, None, None, None, ent.text, "person",
                                       "ner:PERSON", agent_type="person", is_name=True)]  # fmt: skip
    # such a person's surname alone later on, which the tagger did not mark ("ministry
    # spokesman Anatoly Glaz said … Glaz accused …"): the same name, for coreference
    surnames: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and not any(i in name_at for i in range(ent.start, ent.end)):
            surnames.setdefault(doc[ent.end - 1].text, ent.start)
    for tok in doc:
        first = surnames.get(tok.text)
        if (first is not None and tok.i > first + 1 and tok.pos_ == "PROPN" and tok.i not in by_head
                and tok.i not in name_at and tok.ent_type_ not in ("GPE", "LOC", "DATE")
                and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):  # fmt: skip
            by_head[tok.i] = [Mention(tok.i, tok.i + 1, tok.i, None, None, None, tok.text, "person", "ner:PERSON",
                                      agent_type="person", is_name=True)]  # fmt: skip

    _appositive_roles(doc, by_head)
    for hi, ms in by_head.items():
        # "Yemen's Houthi rebels": the named group, not also its country's rebels in general
        groups = [m for m in ms if m.kind == "group" and m.country]
        if groups and len(ms) > len(groups):
            by_head[hi] = [m for m in ms if not (m.kind == "country" and any(
                (g.start, g.end, g.country) == (m.start, m.end, m.country) for g in groups))]
    mentions = [m for ms in by_head.values() for m in ms]
    mentions.sort(key=lambda m: (m.start, m.head))
    return mentions


def _titled_short_names(doc: Doc, by_head: dict[int, list[Mention]], name_at: dict[int, tuple[Span, Alias]]) -> None:
    """A person the dictionaries do not know, named with a title and a country ("Uzbek Foreign
    Minister Bakhtiyor Saidov"), is the same person when the name comes back alone ("Saidov
    briefed …"), unless two titled people end in that name."""
    known: dict[str, Mention | None] = {}
    for _, ms in sorted(by_head.items()):
        m = next((m for m in ms if m.resolved and (m.role and m.head == m.end - 1 or (m.kind == "person" and m.is_name))),
                 None)  # fmt: skip
        if m is None:
            continue
        last = m.end - 1
        while last > m.start and doc[last].lower_.rstrip(".") in _NAME_SUFFIXES:
            last -= 1  # "Ferdinand Marcos Jr.": known as Marcos
        tok = doc[last]
        if tok.pos_ != "PROPN" or not tok.is_title or last - m.start < (1 if m.kind == "person" else 2):
            continue
        prev = known.get(tok.text, m)
        known[tok.text] = m if prev is not None and prev.code == m.code else None
    if not known:
        return
    for tok in tokens_where(doc, "ORTH", *known):
        m = known.get(tok.text)
        if m is None or tok.i <= m.head or tok.pos_ != "PROPN" or any(
                0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j not in by_head
                for j in (tok.i - 1, tok.i + 1)):  # fmt: skip
            continue
        if tok.i in by_head or tok.i in name_at:
            # a surname the dictionaries give to someone else ("Marcos" after "Ferdinand Marcos
            # Jr.": not his father): the person this article named in full
            own = by_head.get(tok.i, [])
            if not (len(own) == 1 and own[0].kind == "person" and own[0].end - own[0].start == 1
                    and own[0].code != m.code):  # fmt: skip
                continue
        by_head[tok.i] = [replace(m, start=tok.i, end=tok.i + 1, head=tok.i, is_name=True,
                                  parts=m.parts + ["short name"])]


# what follows a surname in a full name ("Ferdinand Marcos Jr.")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# verbs that say where people are ("living in", "based in")
_RESIDING = {"live", "base", "station", "reside", "stay", "shelter", "hide", "trap", "strand", "displace"}
# sectors of a side outside the state ("rebel leader", "the opposition leader")
NON_STATE_SIDES = frozenset({"REB", "OPP", "INS", "SEP", "UAF"})
# words that put a title in the past: "former President X", "ousted leader X"
_FORMER = {"former", "ousted", "deposed", "exiled", "ex", "erstwhile", "onetime", "one-time", "toppled", "overthrown"}


def _title_tokens(span: Span) -> list[Token]:
    """The words of a name's own noun phrase before it ("former U.N. mediator" in "former U.N.
    mediator Diego Cordovez"), attached to it through modifiers only."""
    out = []
    for t in span.root.subtree:
        if t.i >= span.start:
            break
        node = t
        while node.i != span.root.i and (node.dep_ in _MODIFIER_DEPS or node.dep_ in ("punct", "det")):
            node = node.head
        if node.i == span.root.i:
            out.append(t)
    return out


def _titled(doc: Doc, finder: ActorFinder, span: Span, code: str, name_at: dict[int, tuple[Span, Alias]],
            undated: NamedActor | None = None) -> tuple[str, str] | None:  # fmt: skip
    """The code a person's title in the text gives them, where it says more than the
    dictionary: a past title ("former Prime Minister Nawaz Sharif" is an elite, whatever the
    dictionary's dates), an office of another state or an organisation ("U.N. mediator Diego
    Cordovez" acts for the UN, not for the state he served before or after), or a title of an
    out-of-office person ("Foreign Minister X" after the dictionary's dates end). Without an
    article date (`undated` is the person), the title picks among the person's terms ("Foreign
    Secretary Jack Straw": the term as foreign secretary, not his later one as justice secretary)."""
    pre = _title_tokens(span)
    titles = finder.agents_in(doc, [t for t in pre if t.i not in name_at])
    if not titles:
        return None
    agent, first, _ = titles[-1]
    home = country_of(code)
    owners = [name_at[t.i][1] for t in pre if t.i in name_at and t.i < first]
    owner = owners[-1] if owners and owners[-1].actor.kind in ("country", "igo") else None
    own = (owner.code or owner.actor.code_on(None)) if owner is not None else None
    named = country_of(own) if own else None  # the state or organisation the title names
    if agent.words[0] in _FORMER or _former(t for t in pre if t.i < first):
        # "former president", "ousted president" carry their sector (ELI, OPP); a plain title
        # after "former" is an elite ("former Panamanian President X": of Panama)
        sector = agent.sector if agent.words[0] in _FORMER else "ELI"
        return (named if named and not named.startswith("IGO") else home) + sector, agent.origin
    if agent.sector[:3] in NON_STATE_SIDES and code[3:6] in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY"):
        # "rebel leader Riek Machar", "opposition leader X": the text's side, not an office
        # the dictionary has them in at another time
        return home + agent.sector, agent.origin
    if not agent.role:
        return None
    if named and named != home:
        return (named if named.startswith("IGO") else named + agent.sector), agent.origin
    if code[3:6] in ("ELI", ""):
        # out of office on the article's date, but titled in the text ("Foreign Minister X"):
        # the text knows better (the dictionary's dates may be late or missing)
        return home + agent.sector, agent.origin
    if undated is not None and code[3:] != agent.sector:
        fitting = [t for t in undated.terms if country_of(t.code) == home and t.code[3:] == agent.sector]
        if fitting:
            return fitting[-1].code, fitting[-1].origin
    return None


def _appositive_roles(doc: Doc, by_head: dict[int, list[Mention]]) -> None:
    """A person the dictionaries do not place on the date, described by an appositive ("Jean
    Dupont, the French foreign minister, …", "Kenzo Oshima, the UN relief coordinator"), or
    one whose appositive puts their title in the past ("X, the former prime minister"): the
    appositive says who they act for."""
    for hi, ms in by_head.items():
        # a person, or a titled name whose country no word gives ("Senator Chris Murphy, a
        # member of the U.S. Senate, …")
        if len(ms) != 1 or not (ms[0].kind == "person" or (ms[0].kind == "agent" and not ms[0].resolved
                                                             and doc[hi].pos_ == "PROPN")):
            continue
        m = ms[0]
        in_office = bool(m.code and m.role and m.sector not in (None, "", "ELI"))
        for c in doc[hi].children:
            if c.dep_ != "appos" or c.i < hi:
                continue
            past = _former(doc[c.left_edge.i : c.i])
            if in_office and not past:
                continue  # in office on the date: the dictionary knows
            if in_office and m.country and not m.country.startswith("IGO"):
                # unless the text puts the title in the past ("Nawaz Sharif, the former prime
                # minister, …"): out of office, an elite
                ms[0] = replace(m, code=m.country + "ELI", sector="ELI", parts=[*m.parts, "former, by appositive"])
                break
            desc = next((d for d in by_head.get(c.i, []) if d.resolved and d.kind in ("agent", "country", "igo", "group")
                         and (d.sector or d.kind in ("igo", "group")) and d.head == c.i), None)  # fmt: skip
            if desc is None:
                continue
            ms[0] = replace(m, code=desc.code, country=desc.country, sector=desc.sector, role=desc.role or m.role,
                            parts=[*m.parts, desc.rule, "appositive"])  # fmt: skip
            break


_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "appos", "conj", "agent"})


def _name_head(span: Span) -> int:
    """The head of a person's name: its root, unless the parser split it ("Friedrich Merz met …"
    with "Friedrich" an adverb of the verb and "Merz" its subject): then the word that fills
    the verb's slot."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if len(outside) > 1:
        core = [t for t in outside if t.dep_ in _CORE_DEPS]
        if len(core) == 1:
            return core[0].i
    return span.root.i


def with_code(m: Mention, code: str, name: str | None, rule: str) -> Mention:
    """A copy of an unresolved mention resolved to `code` (used by the context stage)."""
    sector = m.sector
    base = country_of(code)
    if not code.startswith("IGO"):
        if m.role == "pair" and m.kind == "pronoun":
            full = base + sector if sector else code  # "both governments" → each state's GOV
        elif m.role == "country" and m.kind == "pronoun":
            full = base + (sector or "")  # "his country" → the state; "our government" → GOV
        elif sector and m.kind == "pronoun" and m.agent_type is not None:
            full = base + sector  # "our pilots" → speaker's country + MIL
        else:
            full = code
    else:
        full = code
    return replace(m, code=full, country=country_of(full), sector=_sector_of(full, None),
                   name=name, parts=m.parts + [rule])  # fmt: skip
