"""Coreference of actor mentions within an article, by rules and the leaders table.

Official-statement news names a head of state once and then says "the President", "the
head of state", "the Belarusian leader", "he". Each such mention is linked to the named
actor it most plausibly refers to:

* descriptions with a role word ("the President", "the foreign minister", "the Belarusian
  leader") to the most recent named person holding a compatible role (of the same country
  when the description names one); failing that, to the person who held that office in that
  country on the article's date, from the leaders table (the country being the one the
  description names, or the article's main country);
* "he"/"she" to the most recent person, preferring subjects and the speaker of the quotation
  they sit in for none (a quoted "he" is someone else); "it"/"they" to the most recent
  state, organisation or group (or people, for "they");
* "I", "we", "our pilots" inside a quotation to its speaker's side.

When two candidates are equally good, the mention stays unresolved (a null name) rather than
guessed. No model, no download: rules, recency and the knowledge files.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from ..actors import NON_STATE_SIDES, Mention, with_code
from ..knowledge import Knowledge
from ..knowledge.model import country_of
from ..sents import sentences

# which office-holder roles (people.tsv) a role word (agents.tsv) can describe
_ROLE_FIT: dict[str, set[str]] = {
    "president": {"president"},
    "prime minister": {"prime minister", "head of government"},
    "chancellor": {"chancellor", "head of government", "prime minister"},
    "head of state": {"president", "king", "queen", "emir", "sultan", "monarch", "supreme leader", "head of state"},
    "head of government": {"prime minister", "chancellor", "head of government"},
    "leader": {"president", "king", "queen", "emir", "sultan", "monarch", "supreme leader", "head of state",
               "prime minister", "chancellor", "head of government"},
    "king": {"king", "queen", "emir", "sultan", "monarch"},
    "foreign minister": {"foreign minister"},
    "defence minister": {"defence minister"},
    "minister": {"foreign minister", "defence minister", "minister"},
    "secretary-general": {"secretary-general"},
    "vice president": {"vice president"},
}  # fmt: skip
# the office a description names first, when looking it up in the leaders table
_PREFERRED = {
    "leader": ("president", "king", "supreme leader", "head of state", "prime minister", "chancellor"),
    "head of state": ("president", "king", "queen", "emir", "sultan", "monarch", "supreme leader", "head of state"),
    "head of government": ("prime minister", "chancellor", "head of government"),
}
_WINDOW = 6  # sentences a pronoun looks back
_DESC_WINDOW = 40  # sentences a description looks back
# government bodies whose spokespeople and officials speak for them
_BODY_WORDS = frozenset({"ministry", "government", "presidency", "office", "department", "cabinet", "administration"})


# a state's ground: "our airspace" in a ministry's statement, "its airspace" after an army, are
# the state's, not the body's; whose ground is crossed is not who crosses it
TERRITORY = frozenset({"airspace", "territory", "border", "frontier", "water", "waters", "soil", "land", "coast"})


@dataclass
class _Seen:
    mention: Mention
    sent: int
    subject: bool


class Coref:
    """Resolutions of a Doc's mentions: `get(m)` gives the actors a mention refers to."""

    def __init__(self, doc: Doc, mentions: list[Mention], kn: Knowledge, day: date | None,
                 speakers: dict[int, Mention] | None = None, title: list[Mention] | None = None,
                 quoted: set[int] | None = None):  # fmt: skip
        self.doc = doc
        self.kn = kn
        self.day = day
        self.speakers = speakers or {}  # token index inside a direct quote → its speaker
        self.title = [m for m in title or [] if m.resolved]  # actors named in the headline
        self.map: dict[tuple[int, int, int], list[Mention]] = {}
        self.no_actor: set[tuple[int, int, int]] = set()  # pronouns known to refer to no actor
        self.notes: list[str] = []
        self.quoted = quoted or set()  # tokens inside direct quotations
        self._sent_starts = [s.start for s in sentences(doc)]
        self.main_country = self._main_country(mentions)
        self._mentions = mentions
        self._run(mentions)

    # -- public -------------------------------------------------------------------------------
    def get(self, m: Mention) -> list[Mention]:
        """The resolved actors for a mention (itself when already resolved or unresolvable)."""
        if m.resolved:
            return [m]
        return self.map.get((m.start, m.end, m.head), [m])

    def refers_to_no_actor(self, m: Mention) -> bool:
        """Whether a pronoun is known to stand for something that is no actor ("rejected claims
        …, calling them a provocation"), so that no nearer name may be guessed for it."""
        return (m.start, m.end, m.head) in self.no_actor

    # -- internals -----------------------------------------------------------------------------
    def _sent(self, i: int) -> int:
        from bisect import bisect_right

        return bisect_right(self._sent_starts, i) - 1

    def _main_country(self, mentions: list[Mention]) -> str | None:
        """The country the article is about: the most named in its first sentences."""
        counts: dict[str, int] = {}
        for m in self.title:  # what the headline is about counts most
            if m.country and not m.country.startswith("IGO"):
                c = m.country[:3]
                counts[c] = counts.get(c, 0) + (4 if m.kind == "person" else 2)
        for m in mentions:
            sent = self._sent(m.head)
            if sent > 2:
                break
            if m.resolved and m.country and not m.country.startswith("IGO") and m.kind != "pronoun":
                c = m.country[:3]
                weight = 2 if m.kind == "person" or m.agent_type == "person" else 1
                tok = self.doc[m.head]
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    weight += 2 if sent == 0 else 1  # what the lead is about
                elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to") and m.kind == "country":
                    weight += 1  # where it happens ("received the minister in Yerevan")
                counts[c] = counts.get(c, 0) + weight
        if not counts:
            return None
        best = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(best) > 1 and best[0][1] == best[1][1]:
            return None
        return best[0][0]

    def _run(self, mentions: list[Mention]) -> None:
        doc = self.doc
        seen: list[_Seen] = []
        for m in sorted(mentions, key=lambda x: (x.start, -(x.end - x.start))):
            tok = doc[m.head]
            if tok.dep_ in ("amod", "compound", "poss", "nmod") and m.is_name and m.kind != "person":
                continue  # a modifier ("Russian" in "Russian troops"): its phrase is the mention
            sent = self._sent(m.head)
            subject = tok.dep_ in ("nsubj", "nsubjpass")
            resolved: list[Mention] | None = None
            if m.kind == "pronoun" and m.role == "pair":
                resolved = self._pair(m, seen, sent)
            elif m.kind == "pronoun" and m.role == "country" and m.rule == "the country":
                resolved = self._the_country(m, seen)
            elif m.kind == "pronoun" and m.rule == "the organisation":
                resolved = self._the_organisation(m, seen, sent)
            elif m.kind == "pronoun" and m.person == 1:
                resolved = self._first_person(m) or self._issuer(m, seen, sent)
            elif m.kind == "pronoun" and m.person == 3:
                resolved = self._third_person(m, seen, sent)
            elif m.agent_type == "person" and m.role and m.kind != "person":
                # "the President", "the Belarusian leader": a person to be named
                resolved = self._description(m, seen, sent)
            elif m.kind == "agent" and not m.resolved and m.agent_type != "person":
                # "the ministry said" after "Poland's Foreign Ministry summoned …"
                resolved = self._same_body(m, seen, sent)
            elif m.kind == "person" and not m.resolved and m.rule == "ner:PERSON":
                resolved = self._named_again(m, seen, sent)
            if resolved:
                self.map[(m.start, m.end, m.head)] = resolved
            for r in resolved or ([m] if m.resolved or (m.kind == "person" and m.name) else []):
                seen.append(_Seen(r if not resolved else _at(r, m), sent, subject))

    def _first_person(self, m: Mention) -> list[Mention] | None:
        speaker = self.speakers.get(m.head)
        if speaker is None or not speaker.resolved:
            return None
        code = speaker.code or ""
        if m.number == "sing" and m.agent_type is None:
            return [with_code(m, code, speaker.name, "first person in a quotation: its speaker")]
        if self.doc[m.head].dep_ == "poss" and self.doc[m.head].head.lemma_.lower() in TERRITORY and not code.startswith("IGO"):
            # "forces on our border": the speaker's country's ground
            return [with_code(m, country_of(code)[:3], speaker.name, "first person in a quotation: the speaker's territory")]
        if m.role == "country":
            return [with_code(m, country_of(code)[:3] if not code.startswith("IGO") else code, speaker.name,
                              "first person in a quotation: the speaker's state")]  # fmt: skip
        if m.agent_type is not None:  # "our pilots": the speaker's country, the phrase's sector
            return [with_code(m, country_of(code), speaker.name, "first person in a quotation: the speaker's side")]
        base = code if code.startswith("IGO") else code[:3] + (speaker.sector or "")
        return [with_code(m, base, speaker.name, "first person in a quotation: the speaker's side")]

    def _issuer(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        """"We", "our" outside any quotation in a statement a body issues ("The Ministry of
        Foreign Affairs expresses deep concern … We call on Baku and Yerevan to show
        restraint"): the body that was the subject of this sentence or of one of the three before
        (forces it reports on in between are not it)."""
        if m.number != "plur" or m.head in self.quoted:
            return None
        for s in reversed(seen):
            if sent - s.sent > 3:
                break
            a = s.mention
            if not s.subject or not a.resolved or a.kind == "person" or a.agent_type == "person" or not a.code:
                continue
            if a.kind != "igo" and not (a.sector or "").startswith("GOV"):
                if s.sent == sent and not (a.sector or "").startswith(("MIL", "COP")):
                    return None  # (a state or a people named bare may be anyone's "we")
                continue  # ("two Polish helicopters entered our airspace": whom the body reports on)
            code = a.code
            if self.doc[m.head].dep_ == "poss" and self.doc[m.head].head.lemma_.lower() in TERRITORY:
                return [with_code(m, country_of(code), a.name, "first person in a body's statement: its country's territory")]
            if m.agent_type is not None:  # "our troops": the body's country, the phrase's sector
                return [with_code(m, country_of(code), a.name, "first person in a body's statement: its side")]
            return [with_code(m, code, a.name, "first person in a body's statement: the body")]
        return None

    def _third_person(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        doc = self.doc
        pron = doc[m.start]
        quoted_speaker = self.speakers.get(m.head)
        # an object pronoun does not refer to its own verb's subject
        excluded: set[int] = set()
        if pron.dep_ in ("dobj", "dative", "iobj", "pobj"):
            verb = pron.head if pron.dep_ != "pobj" else pron.head.head
            excluded = _subject_tokens(verb)
            while verb.dep_ == "xcomp" and verb.head.i != verb.i:
                # "pilots were scrambled to intercept them": not the pilots, who intercept
                verb = verb.head
                excluded |= _subject_tokens(verb)
        if pron.dep_ == "nsubj" and pron.head.dep_ == "relcl":
            # "three companies it accused of …": the subject of a relative clause is not the
            # noun the clause describes (that is its object)
            excluded.add(pron.head.head.i)
        if pron.dep_ in ("dobj", "dative") and pron.head.tag_ == "VBG" and pron.head.dep_ == "advcl":
            # "rejected claims that …, calling them a provocation": the object of the act the
            # participle comments on, here no actor
            prior = next((c for c in pron.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if prior is not None and (prior.tag_ == "NNS") == (m.number == "plur") and not any(
                    s.mention.head == prior.i for s in seen):  # fmt: skip
                self.no_actor.add((m.start, m.end, m.head))
                return None
        pair = self._clause_pair(m, seen) if m.number == "plur" and pron.dep_ == "poss" else None
        if pair is None and m.number == "plur" and pron.dep_ in ("nsubj", "nsubjpass", "poss"):
            pair = self._coordinated_subject(m, seen)
        if pair is not None:
            return pair
        # "thanked the Emirati side for its mediation", "sanctioned Britain for its support of
        # Kyiv": a possessive in the reason for an act refers to whom the act is done to
        reason_of: set[int] = set()
        if pron.dep_ == "poss" and pron.head.dep_ == "pobj" and pron.head.head.lower_ == "for":
            verb = pron.head.head.head
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < pron.i), None)
            if obj is not None:
                reason_of = {t.i for t in obj.subtree}
        # ... nor to whom that subject refers ("saying he would welcome him": not himself)
        same_as_subject = {(s.mention.code, s.mention.name) for s in seen if s.mention.head in excluded and s.mention.code}
        cands: list[tuple[tuple, _Seen]] = []
        for s in reversed(seen):
            if sent - s.sent > _WINDOW:
                break
            a = s.mention
            if a.head in excluded or a.head >= m.start or (a.code, a.name) in same_as_subject:
                continue
            if quoted_speaker is not None and a.code == quoted_speaker.code and a.name == quoted_speaker.name:
                continue  # inside a quote, "he" is not the one speaking
            at = doc[a.head]
            if (a.kind == "country" and at.dep_ == "pobj" and at.head.lower_ in ("in", "at", "into", "near")
                    and m.agent_type is None):  # fmt: skip
                continue  # a place is nobody: "met Xi in Beijing. He said they had …"
            if not _fits(m, a, together=bool(at.conjuncts)):
                continue
            if m.number == "sing" and a.kind != "person" and at.tag_ in ("NNS", "NNPS") and m.role != "country":
                continue  # "he" is not "CSTO peacekeepers"
            # recency first (sentence), then subjects, then closeness
            score = (0 if a.head in reason_of else 1, sent - s.sent, 0 if s.subject else 1, m.start - a.head)
            cands.append((score, s))
        if reason_of and not any(c[0][0] == 0 for c in cands):
            # whom the act is done to is no actor known ("sanctioned Lockheed Martin for its
            # arms sales"): not the one doing it either
            self.no_actor.add((m.start, m.end, m.head))
            return None
        if not cands:
            return None
        cands.sort(key=lambda x: x[0])
        best = cands[0]
        if len(cands) > 1:
            nxt = cands[1]
            same = best[1].mention.code == nxt[1].mention.code and best[1].mention.name == nxt[1].mention.name
            if not same and best[0][:3] == nxt[0][:3] and best[1].subject == nxt[1].subject and best[0][1] == 0:
                # two equally plausible antecedents in the same sentence and role: say so
                self.notes.append(f"ambiguous {doc[m.start:m.end].text!r} at {m.start}")
                return None
        a = best[1].mention
        rule = f"coreference: {doc[a.start:a.end].text!r} (sentence {best[1].sent})"
        if m.number == "plur" and m.agent_type is None and m.role is None and m.end - m.start == 1:
            # "Putin and Xi met in Beijing. They signed …": all the coordinated parties
            group = {t.i for t in doc[a.head].conjuncts} | {a.head}
            together = [s.mention for s in seen if s.mention.head in group and s.mention.code]
            codes = {x.code for x in together}
            if len(codes) >= 2:
                return [with_code(m, x.code or "", x.name, f"coreference: {doc[x.start:x.end].text!r} (one of the parties named together)")
                        for x in {x.code: x for x in together}.values()]  # fmt: skip
        if pron.dep_ == "poss" and pron.head.lemma_.lower() in TERRITORY and not (a.code or "").startswith("IGO"):
            return [with_code(m, country_of(a.code or ""), a.name, rule + ", its state's territory")]  # "its airspace"
        if m.role == "country":  # "his country"
            code = a.code or ""
            return [with_code(m, code[:3] if not code.startswith("IGO") else code, a.name, rule)]
        if m.agent_type is not None and m.sector:  # "their troops"
            return [with_code(m, country_of(a.code or ""), a.name, rule)]
        return [with_code(m, a.code or "", a.name, rule)] if a.code else [replace(m, name=a.name, parts=m.parts + [rule])]

    def _clause_pair(self, m: Mention, seen: list[_Seen]) -> list[Mention] | None:
        """"Told the Ukrainian president during their meeting": "their" in a phrase of a verb
        whose subject and object are two different parties is both of them."""
        noun = self.doc[m.head]
        prep = noun.head.head if noun.head.dep_ == "pobj" else None
        verb = prep.head if prep is not None and prep.dep_ == "prep" else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        ends = ({c.i for c in verb.children if c.dep_ == "nsubj"}, {c.i for c in verb.children if c.dep_ in ("dobj", "dative")})
        sides = [next((s.mention for s in reversed(seen) if s.mention.head in heads and s.mention.code), None) for heads in ends]
        if any(x is None for x in sides) or sides[0].code == sides[1].code:  # type: ignore[union-attr]
            return None
        return [with_code(m, x.code or "", x.name, f"coreference: {self.doc[x.start:x.end].text!r} (one of the two in the clause)")
                for x in sides if x is not None]  # fmt: skip

    def _coordinated_subject(self, m: Mention, seen: list[_Seen]) -> list[Mention] | None:
        """"Orban and Zelensky agreed that their foreign ministers would meet", "the presidents
        condemned the attack, which they blamed on …": a plural pronoun in a clause under a verb
        whose subject is several parties is all of them."""
        tok = self.doc[m.head]
        for _ in range(6):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < m.start), None)
            if subj is None:
                continue
            # (several named, or a plural description resolved to several: "the presidents")
            heads = {subj.i, *(c.i for c in subj.conjuncts)}
            parties = [s.mention for s in seen if s.mention.head in heads and s.mention.code]
            if len({p.code for p in parties}) < 2:
                return None
            return [with_code(m, p.code or "", p.name, f"coreference: {self.doc[p.start:p.end].text!r} (one of the subjects)")
                    for p in parties]  # fmt: skip
        return None

    def _the_organisation(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        """"The alliance", "the bloc", "the world body" (or their officials): the latest
        international organisation named in the last few sentences."""
        for s in reversed(seen):
            if sent - s.sent > _WINDOW:
                break
            a = s.mention
            at = self.doc[a.head]
            if at.dep_ == "pobj" and at.head.lower_ in ("in", "at", "to", "from", "near"):
                continue  # where ("met in Brussels"), not who
            if a.head < m.start and a.code and a.code.startswith("IGO") and a.kind == "igo":
                return [with_code(m, a.code, a.name, f"coreference: {self.doc[a.start:a.end].text!r} (the organisation named before)")]
        return None

    def _the_country(self, m: Mention, seen: list[_Seen]) -> list[Mention] | None:
        """"The country" with nothing to say which: the one the article is about ("Polish
        helicopters violated the country's airspace", in a report from Minsk; "a visit to the
        country"), unless that is
        the country of the clause's own subject, which would then act on itself."""
        if self.main_country is None or self.doc[m.head].dep_ not in ("poss", "pobj", "dobj"):
            return None  # (as a subject, "the country" is mostly the one named last: left unknown)
        head = self.doc[m.head]
        while head.dep_ in ("poss", "pobj", "prep", "dobj", "compound", "amod") and head.head.i != head.i:
            head = head.head
        subject = _subject_tokens(head)
        if any(s.mention.head in subject and country_of(s.mention.code or "")[:3] == self.main_country for s in seen):
            return None
        return [with_code(m, self.main_country, None, f"coreference: the country the article is about ({self.main_country})")]

    def _pair(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        """"Both sides", "the two countries": the two latest distinct parties named before, not
        the subject that acts on them ("the EU urged both sides to …"); states for a word of
        states, the parties as named for "sides" or "parties"."""
        doc = self.doc
        head = doc[m.head]
        states = head.lemma_.lower() not in ("side", "party", "rival", "foe", "adversary", "enemy")
        verb = head.head if head.dep_ != "pobj" else head.head.head
        for _ in range(3):  # "host new talks between the two sides": the verb of the talks
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        excluded = _subject_tokens(verb) if head.dep_ not in ("nsubj", "nsubjpass") else set()
        gov = verb
        while not excluded and gov.dep_ in ("xcomp", "acomp") and head.dep_ not in ("nsubj", "nsubjpass"):
            gov = gov.head
            excluded = _subject_tokens(gov)  # "was prepared to host …": who is prepared
        # (nor the subject's own state named earlier: "Brazil reinforced its border with
        # Venezuela. Lula urged the two neighbours …": Venezuela and Guyana, not Brazil)
        own = {country_of(s.mention.code)[:3] for s in seen if s.mention.head in excluded and s.mention.code
               and not s.mention.code.startswith("IGO")}  # fmt: skip
        parties: dict[str, list[Mention]] = {}
        for s in reversed(seen):
            if sent - s.sent > _WINDOW:
                break
            a = s.mention
            if a.head in excluded or a.head >= m.start or not a.code or a.code.startswith("IGO") or a.kind == "pronoun":
                continue
            side = (a.sector or (a.code[3:6] if a.kind == "group" else ""))[:3]
            if country_of(a.code)[:3] in own and (states or side not in NON_STATE_SIDES):
                continue  # (for "sides", the subject's state still; its rebels may be one)
            at = doc[a.head]
            if at.dep_ == "pobj" and at.head.lower_ in ("in", "at", "near", "inside", "outside", "from", "to"):
                continue  # where they met ("talks in Moscow"), not a party
            # a state and its organs are one side ("Chinese troops", "Beijing"); its rebels or
            # opposition another ("both sides" of a civil war)
            # (a group's sector is in its code: "SDNREBRSF" is rebels)
            state = (a.sector or (a.code[3:6] if a.kind == "group" else ""))[:3] in _STATE_ORGANS
            key = country_of(a.code)[:3] if states or state else a.code
            if key not in parties and len(parties) == 2:
                break
            parties.setdefault(key, []).append(a)
        if len(parties) < 2:
            return None
        # each side as named at its government or state level when it is, else as named last
        # ("the Belarusian defence minister", BLRGOVMIL, is no government-level name)
        found = [next((a for a in named if a.code in (country_of(a.code)[:3], country_of(a.code)[:3] + "GOV")), named[0])
                 for named in parties.values()]  # fmt: skip
        return [with_code(m, country_of(a.code or "")[:3] if states else a.code or "", a.name,
                          f"coreference: {doc[a.start:a.end].text!r} (one of the two named before)")
                for a in found]  # fmt: skip

    def _same_body(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        """A definite institution word ("the ministry", "the army") names the nearest earlier
        actor whose own head word it repeats, within a few sentences."""
        doc = self.doc
        head = doc[m.head]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        word = head.lemma_.lower()
        for s in reversed(seen):
            if sent - s.sent > _DESC_WINDOW:
                break
            a = s.mention
            if a.head >= m.start or not a.code or a.kind == "pronoun":
                continue
            if doc[a.head].lemma_.lower() == word and (a.sector or "") == (m.sector or a.sector or ""):
                return [with_code(m, a.code, a.name, f"coreference: {doc[a.start:a.end].text!r} (the same {word})")]
            if a.kind in ("igo", "group") and word in (a.name or "").lower().replace("-", " ").split():
                # "the agency" after "the IAEA" (International Atomic Energy Agency), "the court"
                # after the ICC: the word its full name ends in or contains
                return [with_code(m, a.code, a.name, f"coreference: {doc[a.start:a.end].text!r} (the {word}, by its name)")]
        return None

    def _description(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        role = m.role or ""
        fit = _ROLE_FIT.get(role)
        if not fit:
            return self._body_member(m, seen, sent)
        want_country = m.country[:3] if m.country and not m.country.startswith("IGO") else None
        plural = self.doc[m.head].tag_ in ("NNS", "NNPS")
        # a leader of a side outside government ("the opposition leader", "the rebel leader")
        side = (m.sector or "")[:3] if (m.sector or "")[:3] in NON_STATE_SIDES else None
        found: list[Mention] = []
        cands: list[tuple[tuple, _Seen]] = []
        for s in reversed(seen):
            if sent - s.sent > _DESC_WINDOW:
                break
            a = s.mention
            # (a plural description also counts office-holders described, not named: "the
            # President of Kazakhstan held talks with … Mirziyoyev. … the leaders discussed")
            person = a.kind == "person" or (plural and a.agent_type == "person" and a.resolved)
            if not person or not a.code or (a.role or "") not in fit:
                continue
            if plural and any(c[1].mention.code == a.code for c in cands):
                continue
            if role in ("head of state", "leader", "head of government") and (a.country or "").startswith("IGO"):
                continue  # the president of the European Council heads no state
            if want_country and (a.country or "")[:3] != want_country:
                continue
            if side and (a.sector or "")[:3] != side:
                continue  # "the opposition leader" is not the president named before
            if any(c[1].mention.name == a.name for c in cands):
                continue
            # nearest sentence first; there, the article's own country, then the subject
            home = 0 if self.main_country and (a.country or "")[:3] == self.main_country else 1
            cands.append(((sent - s.sent, home, 0 if s.subject else 1, m.start - a.head), s))
        cands.sort(key=lambda c: c[0])
        for _, s in cands[: 2 if plural else 1]:
            found.append(s.mention)
        if plural:
            if len(found) == 2:  # "the two leaders"
                return [self._named(m, a, f"coreference: {a.name} (the two named before)") for a in found]
            return None
        if found:
            a = found[0]
            return [self._named(m, a, f"coreference: {a.name} (latest named {role})")]
        # the headline's person of that role ("Lukashenko: …", then "the head of state said")
        for a in self.title:
            if a.kind == "person" and (a.role or "") in fit and (not want_country or (a.country or "")[:3] == want_country):
                return [self._named(m, a, f"coreference: {a.name} (named in the title)")]
        # the office holder on the article's date, in the country the description or article names
        country = want_country or self.main_country
        if not country or side or (not want_country and self._acts_on_country(m, country)):
            return None
        holder = self._holder(country, role)
        if holder is None:
            return None
        actor, term_code = holder
        fake = replace(m, name=actor.name)
        return [self._named(fake, None, f"leaders table: {role} of {country}", code=term_code)]

    def _named_again(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        """A name no dictionary holds, named again ("Glaz accused …" after "ministry spokesman
        Anatoly Glaz said"): the person the earlier mention was resolved to."""
        surname = self.doc[m.end - 1].lower_
        for s in reversed(seen):
            if sent - s.sent > _DESC_WINDOW:
                break
            a = s.mention
            if (a.resolved and a.code and (a.kind == "person" or a.agent_type == "person") and a.start < m.start
                    and surname in {t.lower_ for t in self.doc[a.start : a.end] if t.pos_ == "PROPN"}):  # fmt: skip
                return [with_code(m, a.code, a.name, f"coreference: {self.doc[a.start:a.end].text!r} named before")]
        return None

    def _body_member(self, m: Mention, seen: list[_Seen], sent: int) -> list[Mention] | None:
        """"Ministry spokesman Anatoly Glaz said" after "the Belarusian foreign ministry
        condemned …": a government body's spokesperson or official whose country is not named
        speaks for the body of that kind named shortly before, or for the state that was the
        subject just before, or else for the government of the country the article is about."""
        if m.country or (m.sector or "")[:3] != "GOV":
            return None
        bodies = {t.lemma_.lower() for t in self.doc[m.start : m.end]} & _BODY_WORDS
        if not bodies:
            return None
        for s in reversed(seen):
            if sent - s.sent > 2:
                break
            a = s.mention
            if (a.resolved and a.code and not a.code.startswith("IGO") and (a.sector or "").startswith("GOV")
                    and self.doc[a.head].lemma_.lower() in bodies):  # fmt: skip
                return [with_code(m, a.code, a.name, f"coreference: the {self.doc[a.head].text} named before")]
        for s in reversed(seen):  # ("China condemned …. Foreign ministry spokesman Lin Jian said")
            if sent - s.sent > 1:
                break
            a = s.mention
            if (s.subject and a.resolved and a.code and a.kind == "country" and not a.code.startswith("IGO")
                    and (a.sector or "GOV")[:3] == "GOV"):  # fmt: skip
                return [with_code(m, country_of(a.code)[:3] + "GOV", a.name, "coreference: the state that is the subject before")]
        if self.main_country:
            return [with_code(m, self.main_country + "GOV", None, f"coreference: the government of the country the article is about ({self.main_country})")]
        return None

    def _acts_on_country(self, m: Mention, country: str) -> bool:
        """Whether an unnamed office-holder acts on the country the article is about in their
        own clause ("The minister rejected Russian lies"): then that is the other side, and
        no reason to take the description for its office-holder."""
        tok = self.doc[m.head]
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb, own = tok.head, {t.i for t in tok.subtree}
        clause = {t.i for t in verb.subtree}
        return any(
            o.head in clause and o.head not in own and (o.country or "")[:3] == country
            for o in self._mentions
            if o.resolved and o.kind != "pronoun"
        )

    def _named(self, m: Mention, a: Mention | None, rule: str, code: str | None = None) -> Mention:
        code = code or (a.code if a is not None else None) or m.code or ""
        name = a.name if a is not None else m.name
        sector = m.sector
        if m.resolved and m.country and code and (code[:3] != m.country[:3]):
            code = m.code or code
        r = with_code(m, code, name, rule)
        if sector and not r.sector:
            r = replace(r, sector=sector)
        return r

    def _holder(self, country: str, role: str):
        """(person, code) holding an office of `role` in `country` on the article's date."""
        prefs = _PREFERRED.get(role, tuple(_ROLE_FIT.get(role, ())))
        best = None
        for actor in self.kn.office_holders(country):
            term = actor.term_on(self.day)
            if term is None or not term.dated or (term.role or "") not in _ROLE_FIT.get(role, ()):
                continue
            rank = prefs.index(term.role) if term.role in prefs else len(prefs)
            if best is None or rank < best[0]:
                best = (rank, actor, term.code)
            elif rank == best[0] and (best[1] is None or actor.name != best[1].name):
                best = (rank, None, None)  # two holders of the same office: ambiguous
        if best is None or best[1] is None:
            return None
        return best[1], best[2]


_STATE_ORGANS = {"", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


def _subject_tokens(verb: Token) -> set[int]:
    """The tokens of a verb's subject phrases: whom an object of that verb cannot be (a verb
    coordinated without a subject of its own shares its head's: "met Xi and urged him")."""
    out = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if not out and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject_tokens(verb.head)
    return out


def _fits(pronoun: Mention, a: Mention, together: bool = False) -> bool:
    """Whether an actor can be what a third-person pronoun stands for (`together`: the actor is
    one of several coordinated names)."""
    if a.kind == "pronoun" or not (a.code or (a.kind == "person" and a.name)):
        return False
    person = a.kind == "person" or a.agent_type == "person"
    if pronoun.role == "country" or (pronoun.agent_type is not None and pronoun.sector):
        # "his country", "their troops": a person's or a state's
        return True
    if pronoun.number == "sing":
        return person
    if pronoun.number == "neut":
        return not person and a.agent_type != "person"
    # "they": a group or a state, or people named together ("Putin and Xi met. They …")
    return not person or a.agent_type == "group" or bool(together)


def _at(r: Mention, m: Mention) -> Mention:
    """A resolution placed where its mention is (for recency of later pronouns)."""
    return replace(r, start=m.start, end=m.end, head=m.head)

