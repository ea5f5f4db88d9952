"""Context: who said what, who "he", "the President" and "we" are, where and when.

Quotations and their speakers (`quotes`), coreference across the article (`coref`), and
within a sentence: first person inside a quotation or a clause reported with a speech verb
belongs to the speaker's side ("We scrambled jets," Lukashenko said → BLR); second person is
the addressee ("… you," he told Putin → RUS). An event whose source stays unresolved is
dropped with a note; an unresolved target keeps its words with a null code, not a guess.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from ..actors import NON_STATE_SIDES, Mention, with_code
from ..dates import TimeExpression, find_time_expressions, within
from ..events import (
    _TIME_AND_CONCESSION_PREPS,
    MentionIndex,
    RawEvent,
    _expand,
    _mutual,
    _speech_head,
    _subject,
    bomb_clauses,
)
from ..knowledge import Knowledge
from ..sents import doc_text, sent_of, sentences, tokens_where
from .coref import TERRITORY, Coref
from .locate import Locator
from .quotes import QuoteSpan, find_quotes, speaker_mention


def _in_quotes(tok: Token) -> bool:
    """Whether tok sits between an odd number of quotation marks earlier in its sentence."""
    n = 0
    for t in sent_of(tok):
        if t.i >= tok.i:
            break
        if t.is_quote or t.text in ("\u201c", "\u201d", '"', "\u00ab", "\u00bb"):
            n += 1
    return n % 2 == 1


def _speaker_and_addressee(trigger: Token, index: MentionIndex, kn: Knowledge) -> tuple[Mention | None, Mention | None]:
    verb = _speech_head(trigger, kn)
    if verb is None and _in_quotes(trigger):
        # a quotation whose speech verb sits outside the quotes in the same sentence
        for t in sent_of(trigger):
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
    if speaker is None and verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):  # fmt: skip
        # "refused to meet the king, saying he would only welcome him in Jerusalem": the one
        # saying it is the main clause's subject
        ms = [m for c in verb.head.children if c.dep_ == "nsubj" for m in _expand(c, index) if m.resolved]
        speaker = ms[0] if ms else None
    if speaker is None and verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "the rebels rejected the plan and said they opposed …": a coordinated speech verb
        # shares its subject
        ms = [m for m in _subject(verb, index)[0] if m.resolved]
        speaker = ms[0] if ms else None
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


def _speech_subjects(trigger: Token, kn: Knowledge) -> tuple[Token | None, list[Token]]:
    """The speech verb over a trigger and its subjects."""
    verb = _speech_head(trigger, kn)
    return verb, [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []


def _unknown_speaker(trigger: Token, index: MentionIndex, kn: Knowledge) -> Mention | None:
    """The speaker phrase of a reported clause when no name or known country gives it ("the
    main Kanak separatist group said …")."""
    verb, subjects = _speech_subjects(trigger, kn)
    if verb is None:
        return None
    clause = trigger
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i and clause.head.i != verb.i:
        clause = clause.head
    if clause.head.i != verb.i or clause.dep_ not in ("ccomp", "parataxis"):
        return None  # only the subject of the reported clause itself ("said it would …")
    for c in subjects:
        ms = _expand(c, index)
        named = any(m.resolved for t in c.subtree for m in index.at(t))
        if ms and not named and ms[0].kind == "agent":
            return ms[0]
    return None


def _role_speaker(trigger: Token, index: MentionIndex, kn: Knowledge) -> Mention | None:
    """The subject of the speech verb over a trigger when it is a role word whose country is
    not named ("the opposition party said …")."""
    return next((m for c in _speech_subjects(trigger, kn)[1] for m in _expand(c, index)
                 if m.kind == "agent" and not m.resolved and m.sector), None)  # fmt: skip


def _speaker_home(speaker: Mention, target: Mention | None, e: RawEvent, mentions: list[Mention],
                  kn: Knowledge) -> str | None:  # fmt: skip
    """The country of an unnamed speaker: the only one the sentence names, unless a state's
    organ acts on that country ("the foreign ministry said it would not extradite him to
    Portugal"); an opposition acts at home."""
    home = _sentence_country(e, mentions, kn)
    if home is None or (speaker.sector or "")[:3] in _DOMESTIC:
        return home
    return None if target is not None and target.resolved and (target.country or "")[:3] == home else home


def _compatible(pronoun: Mention, speaker: Mention) -> bool:
    """Whether a third-person pronoun can stand for the speaker: "he" a person, "it" a state
    or organisation, "they" a group or a state's officials."""
    # a person: a named person, a role word for one, or a phrase around a name that is not an
    # institution or equipment ("a Japanese virus expert")
    person = speaker.kind == "person" or speaker.agent_type == "person" or (
        not speaker.is_name and speaker.agent_type is None and speaker.sector is None
        and speaker.kind not in ("igo", "group")  # "the European Union's single market"
        and speaker.role not in ("country", "pair")  # "the country's airspace"
    )
    if pronoun.number == "sing":
        return person
    if pronoun.number == "neut":
        return not person
    return not (speaker.kind == "person")


def _named_subject(verb: Token, index: MentionIndex) -> list[Mention]:
    """The resolved, non-pronoun subjects of a verb (a coordinated verb's shared ones too)."""
    return [x for x in _subject(verb, index)[0] if x.resolved and x.kind != "pronoun"]


def _antecedent(m: Mention, e: RawEvent, index: MentionIndex) -> Mention | None:
    """The nearest compatible actor before a third-person pronoun in its sentence; an object
    pronoun never refers to the subject of its own verb ("X called Y to congratulate him")."""
    sent = e.sentence
    doc = sent.doc
    pron = doc[m.start]
    excluded: set[int] = set()
    crosser = ""
    if pron.dep_ in ("dobj", "dative", "iobj", "pobj"):
        verb = pron.head if pron.dep_ != "pobj" else pron.head.head
        while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ == "conj":
            verb = verb.head  # "met Xi and urged him": the shared subject
        excluded = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    if pron.dep_ == "nsubj" and pron.head.dep_ == "relcl":
        excluded = {pron.head.head.i}  # "three companies it accused of …": not the companies
    if (pron.dep_ == "poss" and pron.head.lemma_.lower() in TERRITORY and pron.head.dep_ in ("dobj", "pobj")
            and e.code[:2] in ("15", "18", "19", "20")):  # fmt: skip
        # "Russian missiles crossed its airspace": whose ground is crossed is not who crosses
        verb = pron.head.head if pron.head.dep_ == "dobj" else pron.head.head.head
        excluded = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        # (nor the crosser's country named elsewhere: "protested to China after a Chinese ship
        # entered its waters")
        crosser = (e.source.country or "")[:3] if e.source is not None and e.source.resolved else ""
    elif pron.dep_ == "poss" and pron.head.dep_ == "dobj" and (m.end - m.start == 1 or (
            # (people of the subject's side: "its citizens", "their troops"; not "his counterpart")
            m.head == pron.head.i and m.sector and (m.agent_type != "person" or pron.head.tag_ in ("NNS", "NNPS")))):
        # "forces backed by Russian warplanes continued their attacks": whose attacks is the
        # subject of the verb they are the object of, not the nearest name
        # (a coordinated verb shares its subject: "refused to deploy troops and urged its
        # citizens to leave")
        subj = _named_subject(pron.head.head, index)
        if subj and _compatible(m, subj[0]):
            return subj[0]
    if pron.dep_ == "nsubj" and pron.head.dep_ == "advcl" and m.end - m.start == 1 and any(
            c.dep_ == "mark" for c in pron.head.children):  # fmt: skip
        # "Israel shelled the town before it withdrew", "the bombers killed 23 people when
        # they blew themselves up": the subject of an adverbial clause is the main subject
        # (an object that could be meant competes: "accused Greece of provocation after it
        # sent warships" is left to nearness)
        verb = pron.head.head
        main = _named_subject(verb, index)
        rival = [x for c in verb.children if c.dep_ in ("dobj", "dative") for x in _expand(c, index)
                 if x.resolved and _compatible(m, x)]  # fmt: skip
        if main and _compatible(m, main[0]) and not rival:
            return main[0]
    if pron.dep_ == "poss" and pron.head.dep_ == "pobj" and pron.head.head.lower_ == "for":
        # "thanked the Emirati side for its mediation", "sanctioned Britain for its aid to
        # Kyiv": the reason for an act is that of whom it is done to
        obj = next((c for c in pron.head.head.head.children if c.dep_ == "dobj" and c.i < pron.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            # (someone unknown, or no actor: "sanctioned Lockheed Martin for its arms sales")
            done_to = [x for x in _expand(obj, index) if x.resolved and _compatible(m, x)]
            return done_to[0] if done_to else None
    best: Mention | None = None
    for head in range(m.start - 1, sent.start - 1, -1):
        ms = [x for x in index.at(doc[head]) if x.resolved and x.kind != "pronoun"]
        if not ms or head in excluded:
            continue
        cand = ms[0]
        if doc[head].dep_ in ("amod", "compound", "poss") and head in index.by_head:
            # a modifier ("Czech" in "the Czech prime minister"): its phrase is the candidate
            continue
        if (m.number == "sing" and cand.kind == "country" and cand.agent_type != "person" and doc[head].dep_ == "pobj"
                and doc[head].head.lower_ in ("in", "into", "to", "from", "across", "over", "near", "at", "inside")):  # fmt: skip
            continue  # a place is nobody: "flew deep into Belarusian territory, and he ordered …"
        if m.number == "sing" and m.role != "country" and cand.kind != "person" and doc[cand.head].tag_ in ("NNS", "NNPS"):
            continue  # "he" or "his" is not "CSTO peacekeepers"
        if crosser and (cand.country or "")[:3] == crosser:
            continue
        if _compatible(m, cand):
            best = cand
            break
    if best is None and pron.dep_ == "poss":
        # "During his visit to Moscow, Modi signed …": a possessive in a phrase fronted before
        # the main clause is its subject's
        top = pron.head
        while top.dep_ in ("pobj", "prep", "poss", "compound", "amod") and top.head.i != top.i and top.head.pos_ not in ("VERB", "AUX"):
            top = top.head
        verb = top.head
        if top.dep_ == "prep" and verb.pos_ in ("VERB", "AUX") and top.i < verb.i:
            subj = [x for x in _named_subject(verb, index) if x.start > pron.i]
            if subj and _compatible(m, subj[0]):
                return subj[0]
    return best


def _resolve(m: Mention | None, speaker: Mention | None, addressee: Mention | None,
             e: RawEvent | None = None, index: MentionIndex | None = None) -> Mention | None:  # fmt: skip
    got = _resolve_pronoun(m, speaker, addressee, e, index)
    if (got is not None and got is not m and got.resolved and e is not None and m is not None
            and not (got.code or "").startswith("IGO")):  # fmt: skip
        pron = e.trigger.doc[m.start]
        if pron.dep_ == "poss" and pron.head.lemma_.lower() in TERRITORY:
            # "the defence ministry said drones had entered its airspace": the state's ground
            got = replace(got, code=(got.code or "")[:3], sector=None)
    return got


def _resolve_pronoun(m: Mention | None, speaker: Mention | None, addressee: Mention | None,
                     e: RawEvent | None = None, index: MentionIndex | None = None) -> Mention | None:  # fmt: skip
    if m is None or m.resolved:
        return m
    if m.kind != "pronoun" or m.role == "pair" or m.rule == "the country":
        return m  # ("both sides" are the pair named before, "the country" the article's: coreference's)
    quoted = e is not None and m.start in e.trigger.doc.user_data.get("whodid.quoted", ())
    if quoted and m.person == 3 and m.number != "neut":
        # '"They attacked our border posts," the minister said': inside the speaker's own words
        # "they", "he" or "she" is someone else
        speaker = None
    if m.person == 3 and speaker is not None and _compatible(m, speaker):
        # "Japan said it had halted aid": the reported clause's subject is the speaker
        return with_code(m, speaker.code, speaker.name, "third person in reported clause: speaker")  # type: ignore[arg-type]
    if (m.person == 3 and m.number == "neut" and m.end - m.start == 1 and speaker is not None and speaker.country
            and not speaker.country.startswith("IGO") and speaker.sector in ("GOV", "MIL", None)
            and (speaker.kind == "person" or speaker.agent_type == "person")):  # fmt: skip
        # "Turkey's president says it will begin an operation": "it" is the speaker's state
        return with_code(m, speaker.country[:3], speaker.name, "third person neuter in reported clause: the speaker's state")
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
    if m.person == 3 and e is not None and index is not None:
        ante = _antecedent(m, e, index)
        if ante is not None:
            return with_code(m, ante.code, ante.name, "third person: nearest compatible actor before it")  # type: ignore[arg-type]
    return m


def _pair_of(head: Token) -> bool:
    """Whether a role word names two parties ("the two leaders", "both presidents")."""
    return head.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("two", "both") for c in head.children)


def _sentence_country(e: RawEvent, mentions: list[Mention], kn: Knowledge) -> str | None:
    """The one country named in the event's sentence, if there is exactly one."""
    sent = e.sentence
    countries = set()
    for m in mentions:
        # (an organisation, "the Red Cross" NGO…, is no country)
        if m.resolved and sent.start <= m.head < sent.end and m.country and not m.country.startswith("IGO") and m.kind != "igo":
            c = m.country[:3]
            if kn.status.get(c) != "region":
                countries.add(c)
    return countries.pop() if len(countries) == 1 else None


def _place_country(e: RawEvent, index: MentionIndex, preps: tuple[str, ...] = ("in", "at", "inside", "near"),
                   objects: bool = False) -> str | None:  # fmt: skip
    """The country of where the event happened ("kidnapped two journalists in Mali"; with
    `objects`, also a place phrase of the object: "imposed blockades in the West Bank")."""
    trig = e.trigger
    heads = [trig, trig.head] if trig.pos_ == "NOUN" else [trig]
    if trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.head.i != trig.head.i:
        heads.append(trig.head.head)  # "was put under investigation in Italy"
    if objects:
        heads += [c for c in trig.children if c.dep_ == "dobj"]
    # "was detained on arrival at a Moscow airport", "upon landing in Tehran"
    heads += [o for c in trig.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
              for o in c.children if o.dep_ in ("pobj", "pcomp") and o.lemma_.lower() in ("arrival", "landing", "return", "land", "arrive")]  # fmt: skip
    for verb in heads:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for obj in prep.children:
                    if obj.lemma_.lower() in ("border", "frontier", "boundary") and any(
                            c.dep_ == "prep" and c.lower_ == "with" for c in obj.children):  # fmt: skip
                        continue  # "near the border with Brazil": either side of it
                    for m in index.at(obj):
                        if m.resolved and m.country and not m.country.startswith("IGO"):
                            return m.country[:3]
    return None


def _infer_country(m: Mention | None, country: str | None, titled: bool = False) -> Mention | None:
    """A role word without a country ("police", "the court") in a sentence naming one country;
    with `titled`, also a titled person ("arrested a former governor": the state's own)."""
    if m is None or m.resolved or m.kind != "agent" or not country or not m.sector:
        return m
    if m.agent_type == "person" and m.role and not titled:
        # "President Bush threatened Russia": a titled person is not presumed to be the other side's
        return m
    return with_code(m, country + m.sector, None, "country: the only one named in the sentence")


# a place name alone decides an actor's country only for a city this large: small towns share
# their names across countries ("Borno" is not Borna in Saxony)
_WELL_KNOWN = 100_000
# a town named as what force is used on is a place even when smaller ("captured Bakhmut")
_TOWN = 50_000
_STATE_FORCE = {"COP", "MIL", "GOV", "SPY"}
# sides that exist only within one state: an opposition acts at home
_DOMESTIC = {"OPP", "REB", "JUD", "LEG", "INS", "SEP"}
# sides that take on their own state
_REBELS = {"OPP", "REB", "INS", "SEP"}
_NON_STATE = {"REB", "UAF", "INS", "SEP", "CRM", "OPP", "CVL", "RAD"}
# office-holders whose clashes are arguments (heads of state and government, ministers, lawmakers, judges)
_CIVILIAN_OFFICE = {"GOV", "LEG", "JUD"}
_CIVIL = {"CVL", "OPP", "MED", "EDU", "LAB", "REL", "REF", "HRI", "NGO", "BUS", "AGR", "HLH", "ELI", "JUD", "LEG"}


def _refine(e: RawEvent, kn: Knowledge) -> RawEvent:
    """CAMEO's distinctions that depend on who acts on whom: a state's protest is an official
    complaint (114); an organisation expelled is a withdrawal of its presence (166); state
    forces using violence on
    their own civilians or protesters are repression (175); a non-state armed actor's attack
    on people who are not combatants is unconventional violence (180), not battle (190);
    people killed in an exchange of fire died in battle (190) either way; forces sent to help
    or train a country are aid (074) or cooperation (062), not a show of force; a strike by
    people who are not fighters is a labour strike (143)."""
    code = e.code
    src, tgt = e.source, e.target
    if (code.startswith("14") and e.trigger.pos_ == "VERB" and e.trigger.lemma_.lower() == "protest"
            and (e.trigger.dep_ not in ("xcomp", "advcl")  # "began a hunger strike to protest …"
                 or any(c.dep_ == "dobj" and c.lemma_.lower() in kn.cue("envoy_word") for c in e.trigger.head.children))
            and (src.sector == "GOV" or (src.kind in ("country", "igo") and not src.sector
                                         and (e.trigger.doc[src.head].tag_ not in ("NNS", "NNPS")
                                              or e.trigger.doc[src.head].lower_ in (src.name or "").lower())))):  # fmt: skip
        # ("Serbs": people; "the Philippines": a state)
        # "Russia protested against the decision", "the embassy protested", "summoned the
        # envoy to protest": a state's protest is an official complaint (114), not a demonstration
        return replace(e, code="114", notes=e.notes + ["a state's protest is an official complaint: 114"])
    if (code == "174" and tgt is not None and tgt.agent_type != "person"
            and (tgt.code or "").startswith(("IGO", "NGO")) and tgt.kind in ("igo", "group")):  # fmt: skip
        # "forced the UN refugee agency out of the country": an organisation expelled as a
        # whole is a withdrawal of its presence (166), not people deported
        return replace(e, code="166", notes=e.notes + ["an organisation expelled: 166"])
    if code in ("150", "154") and tgt is not None:
        helped = _helping_purpose(e.trigger, kn.cue("help_purpose"))
        if helped is not None:
            # "sent paratroopers to Lebanon to help the country patrol its borders": military
            # aid, not a show of force (training: military cooperation)
            new = "062" if helped.lemma_.lower() == "train" else "074"
            note = f"sent to {helped.lemma_.lower()}: {new}"
            if e.mode != "asserted":  # "offered to send troops to help": the offer of that help
                mapped = kn.mode_code(e.mode, new)
                if mapped is None:
                    return e
                new = mapped[0]
            return replace(e, code=new, notes=e.notes + [note])
    if ((code == "192" or (code == "171" and e.by_default)) and tgt is not None
            and (tgt.kind == "person" or tgt.agent_type == "person")
            and e.trigger.doc[tgt.head].dep_ in ("dobj", "nsubjpass", "conj")
            and e.trigger.lemma_.lower() not in ("enter", "cross", "invade", "occupy")  # ("entered Grozny")
            and e.trigger.doc[tgt.head].lemma_.lower() not in kn.cue("held_place")):  # fmt: skip
        # (a place a side holds stands for the side: "overran a rebel stronghold" is territory)
        # "troops captured the rebel leader", "seized two journalists": a person taken is
        # detained (173), not a territory or property
        return replace(e, code="173", notes=e.notes + ["a person captured is detained: 173"])
    if (code == "171" and tgt is not None and tgt.kind == "country" and tgt.code and tgt.code == tgt.country
            and e.trigger.doc[tgt.head].pos_ == "PROPN" and e.trigger.doc[tgt.head].head.i == e.trigger.i
            and e.trigger.doc[tgt.head].dep_ in ("dobj", "nsubjpass")):  # fmt: skip
        # "Argentine forces seized the Falkland Islands": a territory seized is occupied (192)
        return replace(e, code="192", notes=e.notes + ["a territory seized is occupied: 192"])
    if code == "144" and (src.sector or "")[:3] in _STATE_FORCE:
        # "troops blocked the roads into the city": a state's forces blocking a way restrict
        # movement (191); protesters blocking it protest (144)
        return replace(e, code="191", notes=e.notes + ["a blockade by state forces: 191"])
    if code[:2] in ("18", "19") and e.trigger.doc[src.head].lemma_.lower() in kn.cue("protester_word"):
        # "protesters stormed the US embassy": a riot (what they destroy stays destruction, 1712)
        return replace(e, code="145", notes=e.notes + ["force used by protesters: a violent protest, 145"])
    if code == "1712" and src.sector in _STATE_FORCE and _aerial(e.trigger.doc[src.head], kn):
        # "Israeli jets destroyed an Iraqi nuclear reactor": destruction from the air is an air
        # strike (195)
        return replace(e, code="195", notes=e.notes + [f"destroyed by {e.trigger.doc[src.head].text}: 195"])
    if (code in ("180", "183", "1823", "190") and tgt is not None and tgt.role and tgt.resolved
            and (tgt.kind == "person" or tgt.agent_type == "person") and src.sector in _NON_STATE
            and e.trigger.pos_ == "VERB" and e.trigger.doc[tgt.head].head.i == e.trigger.i
            and e.trigger.doc[tgt.head].dep_ in ("dobj", "nsubjpass")
            and e.trigger.doc[tgt.head].tag_ not in ("NNS", "NNPS")):  # fmt: skip
        # "a gunman shot Prime Minister Robert Fico" (185), "gunmen killed the Haitian
        # president" (186): force by non-state attackers on one office-holder is an attempt on
        # a life, or its end (a state's force on a leader stays force: "killed the Hamas leader
        # in an air strike")
        dead = e.trigger.lemma_.lower() in ("kill", "murder", "assassinate", "slay") or any(
            c.lower_ == "dead" for c in e.trigger.children)
        new = "186" if dead else "185"
        return replace(e, code=new, notes=e.notes + [f"force on an office-holder: {new}"])
    if (code == "190" and tgt is not None and e.trigger.lemma_.lower() in ("clash", "spar")
            and all((a.kind == "person" or a.agent_type == "person") and (a.code or "")[3:6] in _CIVILIAN_OFFICE
                    and e.trigger.doc[a.head].tag_ not in ("NNS", "NNPS") for a in (src, tgt))):  # fmt: skip
        # "Zelensky and Trump clashed over a minerals deal": two leaders clash in words, not arms
        return replace(e, code="110", notes=e.notes + ["a clash between office-holders is verbal: 110"])
    if code[:2] not in ("18", "19") or code in ("175",):
        return e
    if src.sector in _CIVIL and _strike_word(e.trigger) is not None:
        # "rail workers staged a strike against the pension reform": people who are not
        # fighters strike by stopping work (143)
        return replace(e, code="143", notes=e.notes + ["a strike by people who are not fighters: 143"])
    # a state's forces bombing is military force (195 aerial, 190); 183 is non-military bombing
    # (an alliance bombing, "NATO warplanes bombed depots", is military force too)
    state = src.sector in _STATE_FORCE or (src.kind == "country" and not src.sector)  # ("Russia bombed …")
    bombing = (_bombing(e.trigger, kn.cue("bomb_word"))
               if not state and not (src.code or "").startswith("IGO") else None)  # fmt: skip
    if bombing is not None and not code.startswith("183"):
        return replace(e, code=bombing, notes=e.notes + [f"carried out by bombing: {bombing}"])
    if code == "190" and _aerial(e.trigger.doc[src.head], kn):
        # "Israeli warplanes struck targets in Gaza", "an Israeli air strike killed …": force
        # from the air (195)
        return replace(e, code="195", notes=e.notes + [f"carried out by {e.trigger.doc[src.head].text}: 195"])
    aerial = next((t for t in _own_clause(e.trigger)[1:] if t.dep_ == "pobj" and t.head.lower_ in ("in", "with", "by")
                   and _aerial(t, kn)), None)  # fmt: skip
    if code == "190" and aerial is not None and state:
        # "Israel killed the Hamas commander in an air strike": force from the air (195)
        return replace(e, code="195", notes=e.notes + [f"by {aerial.text}: 195"])
    battle = [t for t in _own_clause(e.trigger) if t.lemma_.lower() in kn.cue("battle_word")]
    if e.trigger.dep_ == "advcl" and e.trigger.tag_ == "VBG" and e.trigger.head.lemma_.lower() in kn.cue("battle_word"):
        battle.append(e.trigger.head)  # "shelled Juba, killing about 20 people": the shelling's toll
    if code == "190" and battle:
        # "killed three villagers in a gunbattle": people who died in an exchange of fire
        return replace(e, notes=e.notes + [f"killed in fighting ('{battle[0].text}'): 190"])
    same_country = tgt is not None and tgt.country and src.country and tgt.country[:3] == src.country[:3]
    if src.sector in _STATE_FORCE and tgt is not None and tgt.sector in _CIVIL and same_country:
        return replace(e, code="175", notes=e.notes + ["state force against its own civilians: 175"])
    non_state = src.sector in _NON_STATE or (src.kind == "group" and not (src.code or "").startswith("IGO"))
    if code == "190" and non_state and not e.reciprocal and (tgt is None or tgt.sector not in ("MIL", "COP", "REB", "UAF")):
        # (fire exchanged is fighting between combatants: "Hezbollah and Israel traded fire")
        return replace(e, code="180", notes=e.notes + ["non-state actor, non-combatant target: 180"])
    return e


def _strike_word(trigger: Token) -> Token | None:
    """The word "strike" as the trigger or the object it carries ("staged a strike")."""
    for t in (trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "pobj"))):
        if t.pos_ == "NOUN" and t.lower_ in ("strike", "strikes") and not any(
                c.lower_ in ("air", "missile", "drone", "rocket", "military", "artillery") for c in t.children):  # fmt: skip
            return t
    return None


def _helping_purpose(trigger: Token, words: frozenset[str]) -> Token | None:
    """The verb of a purpose clause ("to help …", "to train …", "to serve as peacekeepers")
    that makes sending forces an act of help; None when there is none."""
    for c in trigger.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            if c.lemma_.lower() in words:
                return c
            if c.lemma_.lower() in ("serve", "act", "join") and any(t.lemma_.lower().startswith("peacekeep") for t in c.subtree):
                return c  # "to serve as a peacekeeping force", "to join the peacekeeping mission"
    return None


def _own_clause(trigger: Token) -> list[Token]:
    """The trigger's phrase without coordinated or embedded clauses ("kidnapped advisers and
    exploded bombs": the bombs are not how they kidnapped)."""
    out = [trigger]
    stack = [c for c in trigger.children if c.dep_ not in ("conj", "cc", "ccomp", "advcl", "relcl", "parataxis", "xcomp")]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("conj", "ccomp", "advcl", "relcl", "parataxis"))
    return out


_BOMB_KINDS = (({"suicide"}, "1831"), ({"car", "vehicle", "truck", "vehicular", "lorry"}, "1832"), ({"roadside"}, "1833"))


def _bombing(trigger: Token, bomb_words: frozenset[str]) -> str | None:
    """CAMEO 183x when the clause says the violence was a bombing ("killed by a roadside
    bomb", "a suicide car bombing killed …"): suicide 1831, car 1832, roadside 1833."""
    words = _own_clause(trigger)
    bombs = [t for t in words if t.lower_ in bomb_words or t.lemma_.lower() in bomb_words]
    if not bombs:
        return None
    near = {w.lower_ for b in bombs for w in b.subtree} | {w.lower_ for b in bombs for w in b.children} | {b.lower_ for b in bombs}
    near |= {w.lower_ for b in bombs for w in b.doc[max(b.i - 2, 0) : b.i]}
    for kinds, code in _BOMB_KINDS:
        if near & kinds:
            return code
    return "183"


@dataclass
class QuoteFound:
    """A quotation with its speaker resolved, before it becomes an output record."""

    span: QuoteSpan
    speaker: Mention | None


def contextualize(doc: Doc, mentions: list[Mention], raw: list[RawEvent], kn: Knowledge,
                  day: date | None, dropped: list[str],
                  title: list[Mention] | None = None) -> tuple[list[RawEvent], list[QuoteFound]]:  # fmt: skip
    """Quotes and their speakers, coreference across the article, then each event's actors."""
    index = MentionIndex(mentions)
    qspans = find_quotes(doc, kn)
    # first pass: names for descriptions and third-person pronouns, so that speakers get named
    quoted = {i for q in qspans if q.direct for i in q.tokens}
    doc.user_data["whodid.quoted"] = frozenset(quoted)
    coref = Coref(doc, mentions, kn, day, title=title, quoted=quoted)
    speakers: dict[int, Mention] = {}
    found: list[QuoteFound] = []
    for q in qspans:
        sm = speaker_mention(q, index)
        resolved = coref.get(sm)[0] if sm is not None else None
        found.append(QuoteFound(q, resolved))
        if q.direct and resolved is not None:
            for i in q.tokens:
                speakers.setdefault(i, resolved)
    # second pass: first person inside quotations is the speaker's side
    if speakers:
        coref = Coref(doc, mentions, kn, day, speakers, title=title, quoted=quoted)
    locator = Locator(doc, mentions) if raw else None  # places only for documents with events
    resolved = _retract_refuted(resolve(raw, mentions, kn, dropped, coref, locator), kn, dropped)
    if resolved and locator is not None:
        times = find_time_expressions(doc_text(doc), day)
        resolved = [
            replace(e, place=locator.locate(e.trigger, (e.source, e.target)), when=_when(e.trigger, times))
            for e in resolved
        ]
        resolved = _dedupe_implicit(_tolls(_counterparts([_implicit_target(e, index, kn) for e in resolved], kn)))
    return resolved, found


_AUTHORITIES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
_DEFINITE = frozenset({"these", "those", "such", "this", "the"})


def _refutes_reports(nouns: list[Token], kn: Knowledge) -> bool:
    """Whether a sentence, by its report nouns, calls the reports before it false or denies
    them ("The Kazakh leader called these reports a fabrication", "Minsk denied the claims")."""
    denial, falsity = kn.cue("denial"), kn.cue("falsity")
    for tok in nouns:
        if tok.pos_ != "NOUN" or not any(
                c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):  # fmt: skip
            continue
        verb = tok.head
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        if tok.dep_ == "dobj" and verb.lemma_.lower() in denial and verb.lemma_.lower() not in ("stop", "fail", "avoid"):
            return True
        near = [c for c in verb.children if c.i != tok.i] + [g for c in verb.children for g in c.children]
        if any(w.lemma_.lower() in falsity or w.lower_ in falsity for w in near):
            return True
    return False


def _retract_refuted(events: list[RawEvent], kn: Knowledge, dropped: list[str]) -> list[RawEvent]:
    """"Some Russian media claimed that Astana had asked Tashkent for a loan. The Kazakh leader
    called these reports a fabrication": what was only reported, and then called false or
    denied in the next sentences, is not coded as a fact."""
    if not events:
        return events
    doc = events[0].trigger.doc
    nouns = tokens_where(doc, "LEMMA", *kn.cue("report"))
    if not nouns:
        return events
    starts = [s.start for s in sentences(doc)]
    by_sent: dict[int, list[Token]] = {}
    for t in nouns:
        by_sent.setdefault(bisect_right(starts, t.i) - 1, []).append(t)
    refuted = {i for i, ts in by_sent.items() if _refutes_reports(ts, kn)}
    if not refuted:
        return events
    reports = kn.cue("report")
    # who refutes: the states acting in the refuting sentence; a report is refuted only by a
    # party to what it reports ("Warsaw rejected the accusations" does not deny that Minsk and
    # Moscow agreed on exercises)
    refuters: dict[int, set[str]] = {}
    for e in events:
        if e.sentence_index in refuted and e.source.resolved and e.source.country:
            refuters.setdefault(e.sentence_index, set()).add(e.source.country[:3])
    out = []
    for e in events:
        parties = {(m.country or "")[:3] for m in (e.source, e.target) if m is not None and m.resolved}
        later = [i for i in refuted if 0 < i - e.sentence_index <= 2 and (i not in refuters or refuters[i] & parties)]
        t = e.trigger
        reporter = None
        for _ in range(8):
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in reports and t.i != e.trigger.i:
                reporter = t
                break
            if t.head.i == t.i:
                break
            t = t.head
        if later and reporter is not None:
            dropped.append(f"sentence {e.sentence_index}: {e.trigger_text}: reported by {reporter.text!r} and called false in sentence {later[0]}")
            continue
        out.append(e)
    return out


def _implicit_target(e: RawEvent, index: MentionIndex | None = None, kn: Knowledge | None = None) -> RawEvent:
    """Targets the text leaves unsaid but CAMEO coders supply: a domestic protest with no
    named target is aimed at its own government ("students staged demonstrations" → the
    students' government); force, coercion and sanctions with no named target fall on the
    country where they happen ("tanks fired at targets in Jericho" → PSE). The inferred
    target has no words of its own; the evidence notes say where it came from."""
    t = e.target
    if (t is not None and (e.code in ("1323", "1324", "1723", "1724", "0813", "0814") or e.code[:3] in ("083", "034"))
            and t.code and t.code == t.country and (e.source.country or "")[:3] == t.code):  # fmt: skip
        # "imposed a curfew in southeastern Turkey": the country named is where, its people
        # whom; "promised to democratize Serbia": a reform at home, nobody else acted on
        e = replace(e, target=None)
    if (t is not None and e.code[:2] == "15" and t.country and (t.sector or "")[:3] in ("MIL", "COP")
            and t.country[:3] == (e.source.country or "")[:3]):  # fmt: skip
        # "announced the deployment of troops near the border": its own forces are what a
        # state moves, not whom it acts on
        e = replace(e, target=None)
    if e.target is not None or not e.source.resolved:
        return e
    src = e.source
    country = (src.country or "")[:3]
    root = e.code[:2]
    if root == "14" and country and not (src.country or "").startswith("IGO") and src.sector not in _AUTHORITIES:
        tgt = _implied(e, country, "GOV")
        return replace(e, target=tgt, notes=e.notes + [f"implicit target: a protest is aimed at its own government ({tgt.code})"])
    if e.code in ("1323", "1324", "1723", "1724", "0813", "0814") and country and not (src.country or "").startswith("IGO"):
        # a curfew, a state of emergency or martial law, imposed or lifted, falls on the
        # state's own population
        tgt = _implied(e, country, "CVL")
        return replace(e, target=tgt, notes=e.notes + [f"implicit target: a curfew or emergency rule is imposed on its own population ({tgt.code})"])
    if root in ("03", "05", "06", "07", "08") and index is not None and kn is not None:
        told = _told(e, index, kn)
        if told is not None:
            return replace(e, target=told, notes=e.notes + [f"implicit target: the one told or promised ({told.code})"])
    place = e.place
    own_state = country and not (src.country or "").startswith("IGO") and _side(src) in ("", "GOV", "MIL", "COP", "SPY")
    if (root in ("15", "16", "17", "18", "19", "20") and place is not None and getattr(place, "country", None)
            and not (own_state and place.country[:3] == country and (root == "15" or _foreign_named(e, country, index)))):  # type: ignore[attr-defined]  # fmt: skip
        # (a state's own forces acting at home while a foreign state is in the news are not
        # acting on their own country: "Ukraine launched a counteroffensive as Russia shelled
        # Kharkiv"; alone, they act in it: "Ethiopian troops broke the truce near Mekele"; a
        # show of force at home is aimed at no one the place names: "stationed missiles in
        # Kaliningrad")
        tgt = _implied(e, place.country, None)  # type: ignore[attr-defined]
        note = f"implicit target: the country where it happened ({place.name}, {place.country})"  # type: ignore[attr-defined]
        return replace(e, target=tgt, notes=e.notes + [note])
    trig = e.trigger
    aside = trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ in _TIME_AND_CONCESSION_PREPS
    if root not in ("01", "04", "14", "15", "16", "17", "18", "19", "20") and index is not None and not aside:
        # (not for an act named aside, whose place is the main clause's: "met Putin in Moscow
        # despite criticism from Brussels" is no criticism of Russia)
        # "agreed to set up a research centre in Tokyo", "arrived in Gondor on a visit": an act
        # with nobody else named is aimed at the foreign country where it is done (as CAMEO
        # coders take the first actor after the verb)
        known = place is not None and getattr(place, "country", None) and getattr(place, "population", 0) >= _WELL_KNOWN
        country = (place.country if known else None) or _place_country(e, index, objects=True)  # type: ignore[union-attr]
        # (with the parties coordinated with the source: "threats from Ukraine and the West")
        src_tok = e.trigger.doc[src.head]
        own_phrase = {m.country[:3] for h in (src_tok, *src_tok.conjuncts) for t in _phrase_tokens(h)
                      for m in index.at(t) if m.country}  # fmt: skip
        if country in own_phrase:
            country = None  # "officials in Kenya and Uganda condemned …": where they are from
        if country and _unnamed_partner(e, index):
            country = None  # "reached a deal with six world powers in Geneva": a venue, not the partner
        if country and not country.startswith("IGO") and country != (src.country or "")[:3]:
            tgt = _implied(e, country, None)
            return replace(e, target=tgt, notes=e.notes + [f"implicit target: the foreign country where it is done ({country})"])
    if root in ("15", "16", "17", "18", "19", "20") and place is None and index is not None:
        # "reimposed blockades in the West Bank", "troops remained on alert in the occupied
        # West Bank": a region named as an actor, not a city
        country = _place_country(e, index, objects=True)
        if root == "15" and kn is not None and kn.status.get(country or "") == "region":
            country = None  # "strengthened its forces in Europe": a region is no one acted on
        if country and not country.startswith("IGO") and country != (src.country or "")[:3]:
            tgt = _implied(e, country, None)
            return replace(e, target=tgt, notes=e.notes + [f"implicit target: the country where it happened ({country})"])
    return e


def _told(e: RawEvent, index: MentionIndex, kn: Knowledge) -> Mention | None:
    """The foreign party a speaker tells, assures or promises that their side will help or
    cooperate ("Macron promised Pashinyan that France would deliver radars" → ARM)."""
    t, verb = e.trigger, None
    for _ in range(6):
        if t.head.i == t.i or t.dep_ in ("advcl", "relcl", "parataxis"):
            return None
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in kn.cue("speech") | kn.cue("commitment_verb"):
            verb = t.head
            break
        t = t.head
    if verb is None:
        return None
    own = (e.source.country or "")[:3]
    counterparts = kn.cue("counterpart_noun")
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.i < t.i:
            ms = [m for m in _expand(c, index) if m.resolved and m.country and (m.country or "")[:3] != own]
            # ("told his guest": the other side, named by the talks before; see _counterparts)
            ms = ms or [m for m in _expand(c, index) if not m.resolved and m.kind in ("agent", "pronoun")
                        and e.trigger.doc[m.head].lemma_.lower() in counterparts]  # fmt: skip
            if ms:
                return ms[0]
    return None


def _with_partner(e: RawEvent, partner: Mention) -> RawEvent:
    """The event aimed at the partner of the talks before, kept at the words that named them
    ("his counterpart", "his guest")."""
    t = e.target
    assert t is not None
    return replace(e, target=replace(partner, start=t.start, end=t.end, head=t.head),
                   notes=e.notes + [f"counterpart: {partner.name or partner.code}, with whom the talks were held"])


def _counterparts(events: list[RawEvent], kn: Knowledge) -> list[RawEvent]:
    """An implied target that is "his guest" or "her counterpart", still unnamed: the other side
    of the latest talks or visit before ("Aliyev told his guest that Baku was ready to sign")."""
    out: list[RawEvent] = []
    for e in events:
        t = e.target
        if (t is not None and not t.resolved and t.kind in ("agent", "pronoun")
                and e.trigger.doc[t.head].lemma_.lower() in kn.cue("counterpart_noun")):  # fmt: skip
            partner = _latest_partner(e, out)
            if partner is not None:
                e = _with_partner(e, partner)
        out.append(e)
    return out


def _city_acted_on(e: RawEvent, locator: Locator | None) -> RawEvent:
    """"Russian troops entered Kherson", "shelled Kharkiv": a well-known city named as the
    object of force, which no dictionary holds (or the tagger took for a person), is the place
    acted on, and its country the target; so is the city a visitor travels to ("travelled to
    New York")."""
    t = e.target
    visit = e.code[:3] == "042" and not e.trigger.pos_ == "NOUN"
    if (locator is None or (e.code[:2] not in ("15", "17", "18", "19", "20") and not visit)
            or (t is not None and (t.resolved or t.rule != "ner:PERSON"))):  # fmt: skip
        return e
    doc = e.trigger.doc
    if t is not None:
        tok, words = doc[t.head], doc[t.start:t.end].text
    else:
        # (a visit's city also after "to" or "in": "travelled to New York", "arrived in Lyon")
        tok = next((c for c in e.trigger.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None) or next(
            (o for c in e.trigger.children if visit and c.dep_ == "prep" and c.lower_ in ("to", "in", "at")
             for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)  # fmt: skip
        if tok is None:
            return e
        words = doc[tok.left_edge.i if tok.left_edge.pos_ == "PROPN" else tok.i:tok.i + 1].text
    if tok.dep_ not in ("dobj", "pobj"):
        return e
    place = locator.place_of(words)
    if place is None or place.kind != "city" or not place.country or place.population < _TOWN:
        return e
    start, end = (t.start, t.end) if t is not None else (tok.i, tok.i + 1)
    target = Mention(start=start, end=end, head=tok.i, code=place.country, country=place.country, sector=None,
                     name=place.name, kind="country", rule="gazetteer", parts=[f"gazetteer: {place.name}"])  # fmt: skip
    return replace(e, target=target, notes=e.notes + [f"target: the country of {place.name} ({place.country})"])


def _placed_agent(m: Mention | None, doc: Doc, locator: Locator | None) -> Mention | None:
    """"The Jenin refugee camp", "Kharkiv residents", "residents of Mariupol": people or a
    place of a town that no dictionary holds are of the town's country (not of the state that
    acts on them, the only one the sentence names)."""
    if locator is None or m is None or m.resolved or m.kind != "agent" or not m.sector:
        return m
    head = doc[m.head]
    names = [t for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree if t.pos_ == "PROPN"]
    if not names:
        names = [t for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" for t in o.subtree if t.pos_ == "PROPN"]  # fmt: skip
    if not names or any(n.i != names[0].i + k for k, n in enumerate(names)):
        return m
    place = locator.place_of(doc[names[0].i : names[-1].i + 1].text)
    if place is None or place.kind != "city" or not place.country:
        return m
    if place.population < _TOWN and any(n.ent_type_ not in ("GPE", "LOC") for n in names):
        return m  # a small place the tagger does not take for one: not "the Federal Minister", "King Abdullah"
    return with_code(m, place.country + m.sector, None, f"gazetteer: {place.name} ({place.country})")


def _foreign_named(e: RawEvent, country: str, index: MentionIndex | None) -> bool:
    """Whether the event's sentence names a state other than `country`."""
    return index is not None and any(
        m.resolved and m.country and not m.country.startswith("IGO") and m.country[:3] != country
        for t in e.sentence for m in index.at(t))  # fmt: skip


def _counterpart_home(e: RawEvent, other: Mention | None, kn: Knowledge) -> str | None:
    """The state a rebel or opposition side cooperates with, taken as its own: talks held abroad
    ("the rebels reached an agreement with Colombia in Havana") are not of the venue."""
    if (e.code[:2] >= "09" or other is None or not other.resolved or not other.country
            or (other.sector or "")[:3] not in _AUTHORITIES | {""}):  # fmt: skip
        return None
    country = other.country[:3]
    return None if other.country.startswith("IGO") or kn.status.get(country) == "region" else country


def _unnamed_partner(e: RawEvent, index: MentionIndex) -> bool:
    """The act has a counterpart the text names but no dictionary knows: a partner after
    "with" or "between", or a second party to a joint act ("Iran and six world powers reached a
    deal")."""
    trig = e.trigger
    heads = [trig, *(c for c in trig.children if c.dep_ == "dobj")]
    if trig.pos_ == "NOUN" and trig.head.pos_ in ("VERB", "AUX"):
        heads.append(trig.head)
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "between", "among"):
                if any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in prep.children):
                    return True
    return e.reciprocal and any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not index.at(c)
                                for c in trig.doc[e.source.head].children)  # fmt: skip


def _aerial(t: Token, kn: Knowledge) -> bool:
    """A word for force from the air: an aircraft ("MiG fighters": by its model), a strike or
    raid from the air or by drone, or an air force."""
    planes = kn.cue("aircraft_word")
    return (t.lemma_.lower() in planes or t.lower_ in planes
            or any(c.dep_ == "compound" and c.lower_ in planes for c in t.children)
            or (t.lemma_.lower() in ("strike", "raid", "force") and any(c.lower_ in ("air", "drone", "aerial") for c in t.children)))  # fmt: skip


def _phrase_tokens(head: Token) -> list[Token]:
    """The words of a noun phrase without its clauses ("officials in Kenya and Uganda", not
    "the coalition fighting rebels in Yemen")."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in ("prep", "pobj", "amod", "compound", "conj", "cc", "appos", "poss", "nmod"))
    return out


def _unknown_attackers(e: RawEvent, index: MentionIndex, locator: Locator | None, kn: Knowledge) -> RawEvent:
    """Attackers the text does not name are the unidentified armed forces (UAF) of the country
    where the attack happened ("a bomb killed two soldiers near Samarra" → IRQUAF); with no
    place they stay unknown and the event is dropped."""
    place = locator.locate(e.trigger, (e.target,)) if locator is not None else None
    country = place.country if place is not None else _place_country(e, index)
    for clause in bomb_clauses(e.trigger, kn):
        if country:
            break
        # "were killed when a car bomb exploded in a market in Baghdad": where the bomb went off
        place = locator.locate(clause, (e.target,)) if locator is not None else None
        country = place.country if place is not None else _place_country(replace(e, trigger=clause), index)
    if not country or country.startswith("IGO"):
        return e
    where = f"{place.name}, {country}" if place is not None else country
    src = _implied(e, country, "UAF")
    return replace(e, source=src, notes=e.notes + [f"implicit source: unidentified attackers where it happened ({where})"])


def _unknown_state(e: RawEvent, index: MentionIndex, kn: Knowledge) -> RawEvent:
    """An arrest, expulsion or release without agent is the act of the state where it happened
    ("was arrested in Lebanon" → LBN) or, for a release, where the people were held; with no
    place named, nobody is coded and the event is dropped."""
    if e.code.startswith("182"):
        # torture in custody: the jailers named by the custody ("in Israeli police custody",
        # "in a secret CIA prison"), else the state where it happened, else the prisoner's own
        for t in sent_of(e.trigger):
            if t.lemma_.lower() in kn.cue("custody_word"):
                held = [m for m in index.at(t) if m.resolved and m.country and not m.country.startswith("IGO")]
                held += [m for c in t.children if c.dep_ in ("amod", "compound", "poss") for m in index.at(c)
                         if m.resolved and m.country and not m.country.startswith("IGO")]  # fmt: skip
                if held:
                    m = held[0]
                    src = replace(_implied(e, m.country[:3], m.sector), code=m.code if m.head == t.i else m.country[:3] + (m.sector or ""))
                    return replace(e, source=src, notes=e.notes + [f"implicit source: the jailers ({t.text}: {src.code})"])
        country = _place_country(e, index) or (e.target.country[:3] if e.target is not None and e.target.resolved
                                               and e.target.country and not e.target.country.startswith("IGO") else None)  # fmt: skip
        if not country:
            return e
        src = _implied(e, country, "GOV")
        return replace(e, source=src, notes=e.notes + [f"implicit source: the state holding the prisoner ({country})"])
    # "were deported from Uganda", "was extradited from Spain": the state they were sent from
    country = _place_country(e, index, ("in", "at", "inside", "near", "from") if e.code.startswith(("174", "16", "063"))
                             else ("in", "at", "inside", "near"))  # fmt: skip
    if not country and e.code.startswith("084"):
        # "the tanker, seized by Iran in July, was released": by whom it was held; "fishermen,
        # held captive in Libya, were freed", "released from captivity in Libya": by the state
        # they were held in
        held = [t for t in e.trigger.subtree if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.dep_ in ("acl", "relcl")]
        held += [t for t in e.trigger.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"]
        country = next((m.country[:3] for t in held for m in index.at(t)
                        if m.resolved and m.country and not m.country.startswith("IGO")), None)  # fmt: skip
    if not country or country.startswith("IGO"):
        return e
    src = _implied(e, country, None)
    return replace(e, source=src, notes=e.notes + [f"implicit source: the state where it happened ({country})"])


def _implied(e: RawEvent, country: str, sector: str | None) -> Mention:
    """An actor named by no words: an empty span at the trigger."""
    i = e.trigger.i
    return Mention(start=i, end=i, head=i, code=country + (sector or ""), country=country, sector=sector,
                   name=None, kind="implicit", rule="implicit target")  # fmt: skip


def _tolls(events: list[RawEvent]) -> list[RawEvent]:
    """The killing an attack causes is that attack ("a suicide bomber blew himself up in a
    market, killing 30 people", "were killed when a car bomb exploded", "rebels shelled Juba,
    killing 20 people"): it takes the attack's more telling code, and the attack, coded with
    whom it killed, is not also coded on the place."""

    def toll_of(e: RawEvent, o: RawEvent) -> bool:
        if (o.sentence_index != e.sentence_index or o.code[:2] not in ("18", "19", "20") or o.code in ("180", "190", "200")
                or o.source.code != e.source.code):  # fmt: skip
            return False
        t, b = e.trigger, o.trigger
        clause = b.head if b.dep_ in ("nsubj", "nsubjpass") else b  # the bomb that exploded, or the attack's verb
        return ((t.dep_ == "advcl" and t.tag_ == "VBG" and clause.i == t.head.i)
                or (clause.dep_ == "advcl" and clause.head.i == t.i))  # fmt: skip

    out = []
    for e in events:
        if e.code in ("180", "190"):
            attack = next((o for o in events if toll_of(e, o)), None)
            if attack is not None:
                e = replace(e, code=attack.code, notes=e.notes + [f"the toll of {attack.trigger.text}: {attack.code}"])
        out.append(e)
    return out


def _dedupe_implicit(events: list[RawEvent]) -> list[RawEvent]:
    """An inferred or unknown target never doubles an event already coded with a known one (nor
    the same kind of act its complement codes with one), and a bare
    country target ("a bombing in Baghdad" → IRQ) gives way to a more specific one of the
    same country for the same source and code ("killed three Iraqi civilians" → IRQCVL)."""
    named = {(e.sentence_index, e.source.code, e.code) for e in events if e.target is not None and e.target.kind != "implicit"}
    known = {(e.sentence_index, e.source.code, e.code) for e in events if e.target is not None and e.target.resolved}
    # (a specific target the text names: an inferred one must not remove the named country it
    # would itself give way to, "poured into the streets of Nairobi to protest")
    specific = {(e.sentence_index, e.source.code, e.code, e.target.country) for e in events
                if e.target is not None and e.target.sector and e.target.country and e.target.kind != "implicit"}  # fmt: skip
    # "Germany agreed to deliver tanks to Ukraine": the agreeing, with no one of its own, is
    # the intent its complement codes with Ukraine
    carried = {(e.sentence_index, e.source.code, e.trigger.head.i, e.code[:2]) for e in events
               if e.trigger.dep_ == "xcomp" and e.target is not None and e.target.resolved}  # fmt: skip
    out = []
    for e in events:
        t = e.target
        if (t is None or not t.resolved) and (e.sentence_index, e.source.code, e.trigger.i, e.code[:2]) in carried:
            continue
        if t is not None and t.kind == "implicit" and (e.sentence_index, e.source.code, e.code) in named:
            continue
        if (t is None or not t.resolved) and (e.sentence_index, e.source.code, e.code) in known:
            # "suicide bombers killed 23 people when they blew themselves up in Tel Aviv": the
            # same act by the same source, once with whom it hit
            continue
        if t is not None and not t.sector and t.code == t.country and (e.sentence_index, e.source.code, e.code, t.country) in specific:
            continue
        out.append(e)
    return out


_CLAUSE_HEADS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "xcomp", "acl", "conj", "pcomp"}


def _when(trigger: Token, times: list[TimeExpression]) -> TimeExpression | None:
    """The time expression of the event's own clause ("met in Sochi on Friday"), nearest to
    the trigger; none means the article's date."""
    if not times:
        return None
    clause = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        clause = trigger.head  # a nominal trigger's clause is its verb's
    for _ in range(6):
        if clause.dep_ in _CLAUSE_HEADS and clause.pos_ in ("VERB", "AUX", "ADJ"):
            break
        if clause.head.i == clause.i:
            break
        clause = clause.head
    own = {t.i for t in clause.subtree}
    # words of nested clauses belong to their own events
    for t in clause.subtree:
        if t.i != clause.i and t.dep_ in ("ccomp", "advcl", "relcl", "parataxis") and t.head.i == clause.i:
            own -= {x.i for x in t.subtree}
    if not own:
        return None
    doc = trigger.doc
    lo, hi = doc[min(own)].idx, doc[max(own)].idx + len(doc[max(own)].text)
    inside = [t for t in within(times, lo, hi) if doc.char_span(t.start, t.end, alignment_mode="expand") is not None
              and all(x.i in own for x in doc.char_span(t.start, t.end, alignment_mode="expand"))]  # fmt: skip
    if not inside:
        return None
    return min(inside, key=lambda t: abs(t.start - trigger.idx))


# sanctions imposed or threatened: a state's fall on others, not on its own people
_SANCTIONS = ("163", "1312")


def _latest_partner(e: RawEvent, earlier: list[RawEvent], window: int = 4) -> Mention | None:
    """The party of another country the source consulted with (04) in the latest earlier event,
    a few sentences back at most: whom "his counterpart" or "his interlocutor" then means."""
    home = (e.source.country or "")[:3]
    for o in reversed(earlier):
        if e.sentence_index - o.sentence_index > window:
            break
        if (o.sentence_index < e.sentence_index and o.code[:2] == "04" and o.target is not None and o.target.resolved
                and (o.source.country or "")[:3] == home and (o.target.country or "")[:3] != home):  # fmt: skip
            return o.target
        if (o.sentence_index < e.sentence_index and o.code[:3] in ("042", "043") and o.target is not None
                and (o.target.country or "")[:3] == home and o.source.resolved and (o.source.country or "")[:3] != home):  # fmt: skip
            return o.source  # (the one hosted: "the Armenian premier thanked his host")
    return None


def _titled_counterpart(e: RawEvent, mentions: list[Mention], kn: Knowledge) -> RawEvent:
    """"Rebels in the Ivory Coast dismissed an appeal from the President", "the interior
    minister allowed opposition leader X to hold a rally": a titled counterpart in a sentence
    that names only the source's country is of that country."""
    t = e.target
    if (t is not None and not t.resolved and t.kind == "agent" and t.role and t.sector
            and e.source.resolved and e.source.country and not e.source.country.startswith("IGO")
            and t.sector != e.source.sector
            and not e.code.startswith(_SANCTIONS)  # a state sanctions others
            and _sentence_country(e, mentions, kn) == e.source.country[:3]):  # fmt: skip
        return replace(e, target=with_code(t, e.source.country[:3] + t.sector, None, "country: the source's, the only one named"))
    return e


def resolve(raw: list[RawEvent], mentions: list[Mention], kn: Knowledge, dropped: list[str],
            coref: Coref | None = None, locator: Locator | None = None) -> list[RawEvent]:  # fmt: skip
    """Resolve the actors of raw events; drop events whose source stays unknown."""
    index = MentionIndex(mentions)
    out: list[RawEvent] = []
    for e in raw:
        if e.source.kind == "unknown_attacker":
            e = _unknown_attackers(e, index, locator, kn)
        elif e.source.kind == "unknown_state":
            e = _unknown_state(e, index, kn)
        e = _titled_counterpart(e, mentions, kn)
        for side in ("source", "target"):
            m = getattr(e, side)
            if coref is not None and m is not None and not m.resolved and m.kind == "agent" and m.agent_type != "person":
                body = coref.get(m)
                if len(body) == 1 and body[0].resolved:
                    # "the ministry" after "the Ministry of Foreign Affairs of Belarus", "the
                    # court" after the ICC: that body, not a guess from the country the sentence
                    # names ("the Polish envoy was summoned to the ministry")
                    e = replace(e, **{side: body[0]})
        e = _city_acted_on(e, locator)
        e = replace(e, source=_placed_agent(e.source, e.trigger.doc, locator), target=_placed_agent(e.target, e.trigger.doc, locator))
        needs = (not e.source.resolved) or (e.target is not None and not e.target.resolved)
        t = e.target
        src = e.source
        if (needs and not src.resolved and src.kind == "agent" and src.role and (src.sector or "")[:3] in _DOMESTIC
                and e.trigger.doc[src.head].pos_ == "PROPN" and t is not None and t.resolved and t.country and not t.country.startswith("IGO")
                and _sentence_country(e, mentions, kn) == t.country[:3]):  # fmt: skip
            # "opposition leader X criticized Putin": a named domestic figure in a sentence that
            # names only the country of the government it acts on is of that country (a bare
            # "the opposition leader" is left to coreference)
            e = replace(e, source=with_code(src, t.country[:3] + src.sector, None, "country: the target's, the only one named"))
            src = e.source
            needs = e.target is not None and not e.target.resolved
        if (needs and not src.resolved and src.kind == "agent" and src.role and (src.sector or "")[:3] == "GOV"
                and e.trigger.doc[src.head].pos_ == "PROPN" and t is not None and t.resolved
                and (t.sector or (t.code or "")[3:6])[:3] in NON_STATE_SIDES and t.country and not t.country.startswith("IGO")
                and _sentence_country(e, mentions, kn) == t.country[:3]):  # fmt: skip
            # "President X conceded to demands from UNITA": a named head of government facing
            # rebels or an opposition of the only country named governs that country
            e = replace(e, source=with_code(src, t.country[:3] + src.sector, None, "country: of the rebels it faces, the only one named"))
            src = e.source
            needs = e.target is not None and not e.target.resolved
        described = (coref is not None and e.trigger.doc[src.head].pos_ != "PROPN"
                     and any(r.resolved and r.name for r in coref.get(src)))  # fmt: skip
        if (needs and not src.resolved and src.kind == "agent" and src.role and src.sector and (t is None or not t.resolved)
                and not described  # ("the head of state" after Aliyev was named: coreference's)
                and not _pair_of(e.trigger.doc[src.head])):  # fmt: skip
            # "President X threatened to institute a curfew in Algiers": a titled source in a
            # sentence that names one country and no other party is of that country ("the two
            # leaders" are the pair named before, left to coreference)
            home = _sentence_country(e, mentions, kn)
            if home is not None:
                e = replace(e, source=with_code(src, home + src.sector, None, "country: the only one named, no other party"))
                needs = e.target is not None and not e.target.resolved
        if needs and locator is not None:
            # "a journalist from Toronto": a role word from a well-known city is of its country
            for side in ("source", "target"):
                m = getattr(e, side)
                if m is not None and not m.resolved and m.kind == "agent" and m.sector:
                    home_place = locator.origin(e.trigger.doc[m.head])
                    if home_place is not None and home_place.population >= _WELL_KNOWN and home_place.country:
                        e = replace(e, **{side: with_code(m, home_place.country + m.sector, None,
                                                          f"country: from {home_place.name}")})  # fmt: skip
            needs = (not e.source.resolved) or (e.target is not None and not e.target.resolved)
        t = e.target
        if e.code[:2] in ("18", "19", "20") and e.trigger.dep_ == "advcl" and e.trigger.tag_ == "VBG":
            # the force of a participle clause falls where the main act's did
            mains = [o for o in out if o.trigger.i == e.trigger.head.i and o.target is not None and o.target.resolved]
            if t is None:
                # "opened fire to disperse the protesters, killing two": those killed are of
                # the people the force was used on
                main = next((o for o in mains if o.code[:2] in ("17", "18", "19", "20")
                             and o.source.head == e.source.head), None)  # fmt: skip
                if main is not None:
                    e = replace(e, target=main.target, notes=e.notes + ["target: the people the main act's force was used on"])
            elif needs and not t.resolved and t.kind == "agent":
                # "shelled Juba, killing about 20 people": the people killed are where the act fell
                main = next((o for o in mains if o.target.country and not o.target.country.startswith("IGO")), None)  # type: ignore[union-attr]
                if main is not None:
                    e = replace(e, target=_infer_country(t, main.target.country[:3]))  # type: ignore[union-attr]
                    needs = (not e.source.resolved) or (e.target is not None and not e.target.resolved)
        if needs and any(m is not None and not m.resolved and m.kind == "agent" and not m.role
                         for m in (e.source, e.target)):  # fmt: skip
            # the geocoded place of the event, looked up at most once
            located = locator.locate(e.trigger, (e.source, e.target)) if locator is not None else None
            where = located if located is not None and located.country and not located.country.startswith("IGO") else None
            place = _place_country(e, index)
            if place is None and where is not None and not e.source.resolved and e.source.kind == "agent" \
                    and where.population >= _WELL_KNOWN:
                # "people blocked streets in Hong Kong", "prisoners rioted at a jail in Dili"
                place = where.country
            country = _sentence_country(e, mentions, kn)
            # a role word without a country: the place of the event for the source ("gunmen …
            # in Mali"), else the only country the sentence names
            src = e.source
            if not src.resolved and (src.sector or "")[:3] in _REBELS:
                # "Serbia and the rebels reached an agreement in Vienna": a state's own rebels or
                # opposition dealing with it abroad are of the state, not of the venue
                place = _counterpart_home(e, e.target, kn) or place
            named = (not src.resolved and src.kind == "agent" and src.agent_type == "person"
                     and e.trigger.doc[src.head].pos_ == "PROPN" and (src.sector or "")[:3] not in _DOMESTIC)  # fmt: skip
            hostile = e.code[:2].isdigit() and int(e.code[:2]) >= 10
            foreign = not src.resolved and any(
                c.dep_ in ("amod", "compound") and c.lower_ in kn.cue("foreign_marker")
                for c in e.trigger.doc[src.head].children)  # fmt: skip
            # ("foreign troops pounded Baghdad", "allied warplanes": not of the place they strike)
            if not foreign and not (named and hostile and place is None and e.target is not None and e.target.resolved
                                    and (e.target.country or "")[:3] == country):  # fmt: skip
                # ("Archbishop Desmond Tutu called for sanctions against Nigeria": a named
                # figure turning on the only country named is not presumed to be of it)
                src = _infer_country(src, place or country)
            home = country
            if (e.code[:2] in ("17", "18", "19", "20") and where is not None and e.target is not None and not e.target.resolved
                    and (where.country == country or where.population >= _WELL_KNOWN)):  # fmt: skip
                # "suicide bombers killed 23 people in Tel Aviv", "troops arrested two journalists
                # in Hebron": the people acted on are of the place
                home = where.country
            state = src is not None and src.resolved and (
                src.sector in _STATE_FORCE | {"JUD"}
                # "Ukraine blamed separatists for downing the Malaysian airliner": a state's
                # rebels and opposition are its own
                or (src.kind == "country" and not src.sector and e.target is not None
                    and (e.target.sector or "")[:3] in _DOMESTIC - {"JUD", "LEG"}))  # fmt: skip
            if home is None and state and src.country and not src.country.startswith("IGO"):
                # "the Sudanese government accused rebels", "Iraqi police arrested protesters":
                # the state acts on people of its own country unless told otherwise
                home = src.country[:3]
            if e.target is not None and not e.target.resolved and (e.target.sector or "")[:3] in _REBELS:
                home = _counterpart_home(e, src, kn) or home
            if (e.code.startswith("192") and src is not None and home == (src.country or "")[:3]
                    and e.target is not None and (e.target.sector or "")[:3] == "CVL"):  # fmt: skip
                # "Russian forces captured the village of Pokrovske": a village taken is others'
                # ground (rebels' strongholds at home are the state's rebels)
                home = None
            if src is not None and (src.sector or "")[:3] == "PKO" and home == (src.country or "")[:3]:
                home = None  # "Russian peacekeepers evacuated 2,000 civilians": not Russians; they serve abroad
            if e.code.startswith(("174", *_SANCTIONS)) and src is not None and home == (src.country or "")[:3]:
                # "Italy turned away 600 migrants": those expelled are foreigners; "Britain froze
                # the assets of three generals": a state sanctions others, not its own
                home = None
            # an arrest, a detention or a ban by the state falls on its own people, titled or not
            titled = e.code.startswith("17") and src is not None and home == (src.country or "")[:3]
            e = replace(e, source=src, target=_infer_country(e.target, home, titled))  # type: ignore[arg-type]  # fmt: skip
            needs = (not e.source.resolved) or (e.target is not None and not e.target.resolved)
        t = e.target
        if (needs and e.code.startswith("14") and not e.source.resolved and e.source.kind == "agent"
                and (e.source.sector or "")[:3] in _CIVIL and t is not None and t.resolved and t.country
                and not t.country.startswith("IGO")):  # fmt: skip
            # "ethnic Turks began a hunger strike against Sweden's decision to send them back to
            # Bulgaria": people protesting against a government, nowhere else placed, are its own
            e = replace(e, source=with_code(e.source, t.country[:3] + (e.source.sector or ""), None,
                                            "country: the government protested against"))  # fmt: skip
            needs = not e.source.resolved
        if needs:
            speaker, addressee = _speaker_and_addressee(e.trigger, index, kn)
            src = e.source
            phrase = None
            if speaker is None and src.kind == "pronoun" and not src.resolved and src.person == 3 and src.role != "pair":
                # "the main separatist group said it would not disrupt the vote": "it" is the
                # group, known or not, never the nearest name before it
                phrase = _unknown_speaker(e.trigger, index, kn)
                phrase = phrase if phrase is not None and _compatible(src, phrase) else None
            several = (coref is not None and src is not None and src.kind == "pronoun" and src.number == "plur"
                       and len({x.code for x in coref.get(src) if x.resolved}) >= 2)  # fmt: skip
            if phrase is None and not several:
                # ("India and Pakistan said they would resume talks": both, as coreference has it)
                src = _resolve(src, speaker, addressee, e, index)
            tgt = e.target
            if (coref is not None and tgt is not None and not tgt.resolved and tgt.kind == "pronoun" and tgt.person == 3
                    and (tgt.end - tgt.start == 1 or (e.trigger.doc[tgt.start].dep_ == "poss"
                                                      and tgt.agent_type != "person"))):  # fmt: skip
                # an object pronoun: the article-wide resolution knows whom it cannot be
                # ("pilots were scrambled to intercept them": not the pilots); a possessive
                # before a place or a group prefers the subject ("Lebanon complained to the UN
                # about strikes on its villages": Lebanon's, not the nearer UN's)
                got = coref.get(tgt)
                if not coref.refers_to_no_actor(tgt):
                    tgt = got[0] if len(got) == 1 and got[0].resolved else _resolve(tgt, speaker, addressee, e, index)
            else:
                tgt = _resolve(tgt, speaker, addressee, e, index)
            if (src is not None and src.kind == "pronoun" and not src.resolved and src.person == 3
                    and speaker is None and not several and src.role != "pair"):  # fmt: skip
                # (not "the two sides" or "they" that coreference knows to be both parties)
                # "the opposition party said it will boycott Algeria's elections": the speaker is a
                # role word of the only country the sentence names
                role = _role_speaker(e.trigger, index, kn)
                home = _speaker_home(role, tgt, e, mentions, kn) if role is not None and _compatible(src, role) else None
                known = coref.get(role) if coref is not None and role is not None and home is not None else []
                if len(known) == 1 and known[0].resolved and known[0].country and not known[0].country.startswith("IGO"):
                    # ("the head of state said they had discussed … the situation in Afghanistan":
                    # the head of state the article named before, not the country the clause is about)
                    home = known[0].country[:3]
                if home is not None:
                    src = with_code(src, home + (role.sector or ""), None,  # type: ignore[union-attr]
                                    "third person in reported clause: speaker, of the only country named")  # fmt: skip
            if phrase is not None and not src.resolved:
                src = _infer_country(phrase, _speaker_home(phrase, tgt, e, mentions, kn))
            e = replace(e, source=src, target=tgt)  # type: ignore[arg-type]
        sources = coref.get(e.source) if coref is not None and not e.source.resolved else [e.source]
        if e.source.role == "pair" and not any(c.lower_ in ("both", "two") for c in e.trigger.doc[e.source.head].children):
            # "During the conversation, … The sides discussed …": the two who talked last
            talked = next((o for o in reversed(out) if o.code[:2] == "04" and o.target is not None and o.target.resolved
                           and e.sentence_index - o.sentence_index <= 6), None)  # fmt: skip
            if talked is not None:
                sources = [replace(x, start=e.source.start, end=e.source.end, head=e.source.head) for x in (talked.source, talked.target)]
        targets: list[Mention | None] = [e.target]
        if coref is not None and e.target is not None and not e.target.resolved:
            targets = list(coref.get(e.target))
        pairs = [(src, tgt) for src in sources for tgt in targets]
        # ("both sides agreed to …", "they agreed to …" after two parties named together, "the
        # two leaders agreed to …")
        # (a target of one of the pair's own countries is a place of theirs: "the two leaders
        # agreed to build a railway to the Turkish border")
        own = {(m.country or "")[:3] for m in sources if m.resolved}
        at_home = all(t is not None and t.resolved and ((t.country or "")[:3] in own or (
            len(own) >= 2 and e.trigger.doc[t.head].dep_ == "pobj" and e.trigger.doc[t.head].head.lower_ == "at"))
            for t in targets)  # ("their meeting at the G20 summit": where, not with whom)
        paired = ((e.source.role == "pair" or (e.source.kind in ("pronoun", "agent") and not e.source.resolved and len(sources) >= 2))
                  and (e.target is None or at_home) and _mutual(e.trigger, sources, kn, e.code))  # fmt: skip
        if ((e.reciprocal or paired) and (e.target is None or at_home or not any(t is not None and t.resolved for t in targets))
                and len({m.code for m in sources if m.resolved}) >= 2):  # fmt: skip
            # "the two leaders discussed trade", "Armenia and Azerbaijan exchanged accusations
            # over the shelling of border villages": each of the pair with the other
            pairs = [(a, b) for a in sources for b in sources if a is not b and a.code != b.code]
        if (len(pairs) == 1 and pairs[0][1] is None and pairs[0][0] is not None and pairs[0][0].resolved
                and e.source.kind == "pronoun" and e.source.person == 1 and e.source.number == "plur"
                and e.mode in ("asserted", "intent") and e.code[:2] in ("03", "04", "05", "06")
                and (e.trigger.lemma_.lower() in kn.cue("mutual_verb") or any(n.startswith("intent: agree") for n in e.notes))):  # fmt: skip
            # "We agreed that our governments will prepare a roadmap", said after talks: "we"
            # are the speaker and the one the talks were with, each agreeing with the other
            partner = _latest_partner(replace(e, source=pairs[0][0]), out, window=6)
            if partner is not None:
                other = replace(partner, start=e.source.start, end=e.source.end, head=e.source.head)
                pairs = [(pairs[0][0], other), (other, pairs[0][0])]
        for src, tgt in pairs:
            ev = e if (src is e.source and tgt is e.target) else replace(e, source=src, target=tgt, notes=list(e.notes))
            if not ev.source.resolved:
                dropped.append(f"sentence {ev.sentence_index}: {ev.trigger_text}: source {ev.source.kind} unresolved")
                continue
            ev = _titled_counterpart(ev, mentions, kn)  # a source known only now
            if ev.target is not None and not ev.target.resolved:
                # the target is there but unknown ("a coalition of rights groups", "them"):
                # keep the event, with the target's words and no code, rather than drop it
                ev.notes.append(f"target {ev.target.kind} unresolved")
            t_head = ev.trigger.doc[ev.target.head] if ev.target is not None else None
            if (ev.target is not None and ev.target.resolved and (ev.target.country or "")[:3] == (ev.source.country or "")[:3]
                    and (t_head.lemma_.lower() in kn.cue("counterpart_noun")  # type: ignore[union-attr]
                         # ("thanked his host": the possessive stands for the phrase)
                         or (t_head.dep_ == "poss" and t_head.head.lemma_.lower() in kn.cue("counterpart_noun")))):  # type: ignore[union-attr]  # fmt: skip
                # "Erdogan will meet his counterpart": the other side, not his own; after talks,
                # the one he talked with ("spoke with Erdogan … informed his interlocutor")
                partner = _latest_partner(ev, out)
                if partner is not None:
                    ev = _with_partner(ev, partner)
                else:
                    ev = replace(ev, target=replace(ev.target, code=None, country=None, sector=None, name=None),
                                 notes=ev.notes + ["counterpart: the other side, not named"])  # fmt: skip
            if (ev.code[:3] == "161" and ev.target is not None and ev.target.resolved
                    and (ev.target.country or "")[:3] == (ev.source.country or "")[:3]
                    and ev.trigger.doc[ev.target.head].lemma_.lower() in kn.cue("envoy_word")):  # fmt: skip
                # "the ambassador was recalled by Kyiv": relations are cut with the state the envoy
                # serves in (the one that summoned or expelled them before), not with the envoy
                host = next((o.source for o in reversed(out) if o.target is not None and o.target.code == ev.target.code
                             and ev.sentence_index - o.sentence_index <= 3 and o.source.country
                             and o.source.country[:3] != (ev.source.country or "")[:3]), None)  # fmt: skip
                ev = replace(ev, target=replace(host, start=ev.target.start, end=ev.target.end, head=ev.target.head, code=(host.country or "")[:3],
                                                 sector=None) if host else None,
                             notes=ev.notes + ["recalled envoy: relations with the state it served in"])  # fmt: skip
            if (ev.target is not None and ev.target.resolved and ev.target.code == ev.source.code
                    and any(p.startswith("country:") for p in ev.target.parts)):  # fmt: skip
                # a role word given the sentence's country ("Iraqi military says it has seized oil
                # fields from Kurdish forces"): not the source itself, so unknown after all
                ev = replace(ev, target=replace(ev.target, code=None, country=None, name=None),
                             notes=ev.notes + ["target: not the source's own, country unknown"])  # fmt: skip
            if ((ev.code == "010" or (ev.code[:2] == "13" and ev.mode == "asserted"))
                    and ev.target is not None and ev.target.resolved and ev.target.code == ev.target.country
                    and (ev.source.country or "")[:3] == ev.target.code):  # fmt: skip
                # "Belarus has never threatened Poland, the defence minister said": a statement
                # about one's own country is addressed to no one; so is a warning that one's own
                # country will respond
                ev = replace(ev, target=None)
            t = ev.target
            if (ev.code[:2] == "04" and ev.code[:3] != "045" and t is not None and not t.resolved and t.kind == "agent"
                    and (t.agent_type == "group" or (t.sector or "")[:3] in ("MIL", "COP"))
                    and (t.sector or "")[:3] in ("GOV", "LEG", "MIL", "COP")
                    and _side(ev.source) in ("GOV", "LEG") and not (ev.source.country or "").startswith("IGO")):  # fmt: skip
                # "the head of state told a meeting of the cabinet", "… a meeting with military
                # commanders": one's own government or forces, no counterpart
                dropped.append(f"sentence {ev.sentence_index}: {ev.trigger_text}: consultation within one's own government")
                continue
            if ev.code[:3] in ("042", "043") and _own_state_target(ev):
                # "the Kazakh president arrived in Astana": coming home is no visit
                dropped.append(f"sentence {ev.sentence_index}: {ev.trigger_text}: a visit to one's own country")
                continue
            if ((ev.code[:2] in ("02", "03", "04", "05", "06", "07", "08", "12", "15", "16") or ev.code == "192") and _own_state_target(ev)
                    and _side(ev.source) in ("", "GOV", "MIL", "LEG", "JUD", "COP", "SPY")):  # fmt: skip
                # (a group's side is in its code: "Taliban militia captured Kabul" takes the state's
                # capital from it)
                # "Trump withdrew the United States from the deal": a state's relations are with
                # others; its own state is no party to them (its rebels' are), nor does it
                # occupy itself ("Russian troops entered Chechnya")
                if ev.target.is_name and any(p == "country: the only one named in the sentence" for p in ev.source.parts):
                    # "the junta revoked an agreement with the United States": the source's
                    # country was only guessed from the other side's name; the guess was wrong
                    dropped.append(f"sentence {ev.sentence_index}: {ev.trigger_text}: source's country guessed from the target")
                    continue
                ev = replace(ev, target=None, notes=ev.notes + ["target: the source's own state, no other party"])
                if ev.code[:2] == "04" and ev.code[:3] not in ("045",) and not ev.reciprocal:
                    # "told a meeting of the government": a state's own body is no counterpart
                    dropped.append(f"sentence {ev.sentence_index}: {ev.trigger_text}: consultation within one's own state")
                    continue
            if ev.target is not None and ev.target.resolved and ev.target.code == ev.source.code:
                doc = ev.trigger.doc
                inside = doc[ev.target.head].i not in {c.i for c in ev.trigger.children} and ev.trigger.is_ancestor(doc[ev.target.head])
                # (only for whodid's own patterns: the imported fallback's bare "+" slots bind
                # whatever follows the verb)
                possessive = (ev.target.kind == "pronoun" and doc[ev.target.start].dep_ == "poss"
                              and ev.rule.startswith(("verbs.txt", "nouns.txt")))  # fmt: skip
                if (doc[ev.target.head].head.lower_ not in ("in", "at", "inside", "near")
                        and not (inside and ev.code[:2] in ("03", "05", "08", "11", "12")
                                 and ev.rule.startswith(("verbs.txt", "nouns.txt")))
                        and not possessive):  # fmt: skip
                    continue  # an actor acting on itself is not an interaction
                # "Albanians protested in Tirana": their own country is where, not whom; "NATO
                # agreed to an expansion of its force": its own thing, no other side; "Erdogan
                # accused Gulen of trying to overthrow the Turkish government": the accused
                # is unnamed here, not the accuser's own government; "the Security Council agreed
                # to an extension of the mandate of its force (UNIFIL)": an agreement all the same
                ev = replace(ev, target=None)
            if ev.target is None:
                ev = _reaction_to_earlier_act(ev, out, index, kn)
            if ev.target is None or not ev.target.resolved:
                ev = _release_from_captor(ev, out)
            out.append(_refine(_people_of_demonym(ev), kn))
    return out


# what a definite noun a reaction is aimed at ("condemned the decision") may stand for: the
# roots of an earlier act it can name ("" = any)
_ACT_NOUNS: dict[str, tuple[str, ...]] = {
    "decision": ("",), "move": ("",), "step": ("",), "action": ("",), "plan": ("",), "policy": ("",),
    "measure": ("16", "17"), "sanction": ("16",), "ban": ("16", "17"), "restriction": ("16", "17"),
    "flight": ("15", "19"), "incursion": ("15", "19"), "deployment": ("15",), "exercise": ("15",), "drill": ("15",),
    "test": ("15",), "attack": ("18", "19", "20"), "strike": ("19",), "shelling": ("19",), "bombing": ("18", "19"),
    "accusation": ("11",), "allegation": ("11",), "criticism": ("11",), "claim": ("01", "11"), "remark": ("01", "11"),
    "comment": ("01", "11"), "statement": ("01", "11"),
    "visit": ("04",), "expulsion": ("16", "17"), "arrest": ("17",), "detention": ("17",),
    "verdict": ("11",), "ruling": ("11",), "sentence": ("11",), "sentencing": ("11",), "conviction": ("11",),
    "indictment": ("11",), "charge": ("11",), "seizure": ("17",), "raid": ("17", "19"), "invasion": ("19", "20"),
    "killing": ("18", "19", "20"), "tariff": ("16",), "embargo": ("16",), "boycott": ("16",), "suspension": ("16",),
    "closure": ("16",),
    # (an incident or a violation a reaction names is the latest act of force or of posture)
    "incident": ("15", "17", "18", "19", "20"), "violation": ("15", "19"), "intrusion": ("15", "19"),
    "overflight": ("15",), "provocation": ("15", "17", "18", "19"),
}  # fmt: skip


def _reaction_to_earlier_act(e: RawEvent, earlier: list[RawEvent], index: MentionIndex, kn: Knowledge) -> RawEvent:
    """A reaction aimed at "the decision", "the sanctions" or "the flights" named by the sentence
    before (or the one before that) is aimed at whoever took it: "The EU imposed new sanctions
    on Belarus. … Belarus condemned the decision" (Belarus → EU)."""
    if (e.code[:2] not in ("05", "11", "12", "13") and e.code != "016") or e.trigger.pos_ != "VERB":
        return e  # (016: "rejected the criticism", "denied the accusation")
    obj = next((c for c in e.trigger.children if c.dep_ == "dobj"), None)
    # "…, a move Taipei condemned as intimidation": the noun summing up the clause before
    summing = obj is None and e.trigger.dep_ == "relcl" and e.trigger.head.dep_ == "appos"
    if summing:
        obj = e.trigger.head
    roots = _ACT_NOUNS.get(obj.lemma_.lower()) if obj is not None else None
    if (roots is None or not (summing or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in obj.children))
            or any(index.at(t) for t in obj.subtree if not (summing and e.trigger.is_ancestor(t) or t.i == e.trigger.i))):  # fmt: skip
        return e
    home = (e.source.country or "")[:3]
    for o in reversed(earlier):
        if o.sentence_index > e.sentence_index or (o.sentence_index == e.sentence_index
                                                   and not (summing and o.trigger.i < obj.i)):  # fmt: skip
            continue
        if e.sentence_index - o.sentence_index > 2:
            break
        if not o.source.resolved or (o.source.country or "")[:3] == home:
            continue
        # (a decision or a move is an act, not words: not a statement or an appeal)
        if o.code[:2] in roots or (roots == ("",) and o.code[:2] not in ("01", "02")):
            return replace(e, target=replace(o.source, start=obj.left_edge.i, end=obj.i + 1, head=obj.i),
                           notes=e.notes + [f"target: who took {obj.text!r} (sentence {o.sentence_index})"])
    return e


# codes of asking for someone's release, and of the acts that hold someone: arrest, detention,
# abduction, a sentence, a hostage taken
_RELEASE_ASKED = frozenset({"0253", "1053"})
_CAPTURES = ("116", "173", "1711", "181", "1712")


def _release_from_captor(e: RawEvent, earlier: list[RawEvent]) -> RawEvent:
    """A release asked for with no captor named is asked of whoever took the person in the
    last sentences: "A Russian court sentenced a US journalist … Washington demanded his
    immediate release" (USA → RUS)."""
    if e.code not in _RELEASE_ASKED:
        return e
    home = (e.source.country or "")[:3]
    for o in reversed(earlier):
        if e.sentence_index - o.sentence_index > 2:
            break
        if (o.code.startswith(_CAPTURES) and o.source.resolved and o.sentence_index <= e.sentence_index
                and (o.source.country or "")[:3] != home):  # fmt: skip
            i = e.trigger.i
            return replace(e, target=replace(o.source, start=i, end=i, head=i, kind="implicit", rule="implicit target"),
                           notes=e.notes + [f"target: who holds the person (sentence {o.sentence_index}, {o.trigger_text!r})"])
    return e


def _side(m: Mention) -> str:
    """The sector an actor's code puts it in ("AFGREB" for a Taliban spokesman: the rebels,
    not the government his role word suggests), else its role's sector."""
    code = m.code or ""
    return code[3:6] if len(code) >= 6 and not code.startswith("IGO") else (m.sector or "")[:3]


def _own_state_target(e: RawEvent) -> bool:
    """Whether the target is the source's own state, named bare ("the Kazakh president arrived
    in Astana", "Trump withdrew the United States from the deal")."""
    t = e.target
    return t is not None and t.resolved and t.code == t.country and (e.source.country or "")[:3] == t.code


def _people_of_demonym(e: RawEvent) -> RawEvent:
    """"Arrested 100 Palestinians", "deported 168 Liberians": a plural demonym that force or
    coercion is used on names that country's people (CVL), not its state."""
    t = e.target
    if (t is None or t.kind != "country" or t.sector or not t.code or t.code != t.country
            or t.end - t.start != 1 or e.code[:2] not in ("17", "18", "19", "20")):  # fmt: skip
        return e
    if e.trigger.doc[t.head].tag_ not in ("NNPS", "NNS"):
        return e
    return replace(e, target=with_code(t, t.code + "CVL", t.name, "people: a plural demonym acted on"))
