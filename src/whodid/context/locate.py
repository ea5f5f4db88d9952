"""Where an event happened: the place named in its clause or sentence, geocoded offline.

A place is a capitalised name in a locative phrase of the event's clause ("talks in Sochi",
"shelled positions near Kharkiv"), else a place entity of the sentence that is not one of
the event's actors. Names are geocoded with `whodid.places` (GeoNames, bundled), with the
countries of the article as context, most salient first, so that Brest in a Belarusian
story is Brest, Belarus. Actors and places stay apart: "Moscow said" is an actor, "talks in
Moscow" a place.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..actors import Mention
from ..places import Gazetteer, Place, load_gazetteer
from ..sents import sent_of

_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "along", "off", "into", "over", "from",
             "towards", "toward", "to", "on"}  # fmt: skip
_DIRECTIONAL = {"to", "on", "from", "into", "towards", "toward", "over"}
_WHITHER = {"to", "towards", "toward"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
# labels the small parser gives some city names ("Kharkiv" as ORG): trusted for big cities only
_MISREAD_ENTS = {"ORG", "PERSON"}
_BIG_CITY = 500_000
_COMMON = 100_000  # a single word that is also an ordinary word needs to be a sizeable place


class Locator:
    """Geocodes the places of one Doc, with the article's countries as context."""

    def __init__(self, doc: Doc, mentions: list[Mention], gazetteer: Gazetteer | None = None):
        self.doc = doc
        self.gaz = gazetteer or load_gazetteer()
        counts = Counter(m.country[:3] for m in mentions if m.resolved and m.country and not m.country.startswith("IGO"))
        self.countries = tuple(c for c, _ in counts.most_common(6))
        self.near: list[Place] = []
        self.actor_tokens = {i for m in mentions if m.resolved for i in range(m.start, m.end)}
        # names of organisations, groups and people are never places ("complained to the UN":
        # not the Indian town of Un)
        self.not_places = {i for m in mentions if m.resolved and m.is_name and m.kind in ("igo", "group", "person")
                           for i in range(m.start, m.end)}  # fmt: skip
        self._cache: dict[str, Place | None] = {}

    def place_of(self, name: str) -> Place | None:
        key = name.strip()
        if key in self._cache:
            return self._cache[key]
        one_word = " " not in key
        minimum = _COMMON if (one_word and key.lower() in _ENGLISH) else 15_000
        place = self.gaz.lookup(key, countries=self.countries, near=self.near, min_population=minimum)
        self._cache[key] = place
        if place is not None and place.kind == "city" and len(self.near) < 12:
            self.near.append(place)
        return place

    def locate(self, trigger: Token, actors: tuple[Mention | None, ...]) -> Place | None:
        """The place of an event: a locative phrase of its clause, else a place in its sentence."""
        taken = {i for m in actors if m is not None for i in range(m.start, m.end)}
        node = trigger
        through_noun = False
        for _ in range(4):
            # once the climb has passed through a noun, only where things happen, not whither:
            # "protested to Switzerland over the US decision to impose sanctions" is not in
            # Switzerland ("sent officials to Qatar to investigate" is)
            place = self._locative_below(node, taken, directional=not through_noun)
            if place is not None:
                return place
            if node.dep_ in ("ROOT", "ccomp", "parataxis") or node.head.i == node.i:
                break
            node = node.head
            through_noun = through_noun or node.pos_ in ("NOUN", "PROPN")
        # a place name in the event's own clause that is nobody's name as an actor
        clause = {t.i for t in node.subtree}
        for ent in sent_of(trigger).ents:
            toks = set(range(ent.start, ent.end))
            if ent.label_ in _PLACE_ENTS | _MISREAD_ENTS and toks <= clause and not (toks & self.actor_tokens):
                place = self.place_of(_bare(ent))
                if place is not None and place.kind == "city" and (
                        ent.label_ in _PLACE_ENTS or place.population >= _BIG_CITY):  # fmt: skip
                    return place
        return None

    def origin(self, head: Token) -> Place | None:
        """Where a person is from, by a "from" phrase naming a city ("a journalist from
        Toronto") or a city naming the role word ("Cleveland officials", "Karachi police"),
        for role words whose country no name gives."""
        for c in head.lefts:
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in self.actor_tokens | self.not_places:
                span = _name_span(c)
                place = self.place_of(span.text)
                if place is not None and place.kind == "city" and (
                        c.ent_type_ in ("GPE", "LOC") or place.population >= _BIG_CITY):  # fmt: skip
                    return place
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i not in self.actor_tokens:
                        place = self._phrase_place(obj)
                        if place is not None and place.kind == "city":
                            return place
        return None

    def _locative_below(self, node: Token, taken: set[int], directional: bool = True) -> Place | None:
        """The first place in a locative phrase of this clause, shallowest first ("accused Kyiv
        of sabotage in Minsk"), or the clause's object when it is a city ("shelled Kharkiv",
        "the shelling of Kharkiv"), not descending into other clauses."""
        frontier = [node]
        for _ in range(4):
            nxt: list[Token] = []
            for t in frontier:
                for prep in t.children:
                    if prep.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj", "punct"):
                        continue
                    if t is node and prep.dep_ == "dobj" and prep.i not in self.actor_tokens and prep.i not in taken:
                        # "shelled Kharkiv", "captured the town of Bakhmut": the place acted on
                        place = self._phrase_place(prep)
                        if place is not None and place.kind == "city":
                            return place
                    if (t is node and node.pos_ == "NOUN" and prep.dep_ == "prep" and prep.lower_ == "of"
                            and not (set(range(prep.i, prep.right_edge.i + 1)) & (self.actor_tokens | taken))):  # fmt: skip
                        # "the shelling of Kharkiv", "the siege of Mariupol": a noun's place acted on
                        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                        place = self._phrase_place(obj) if obj is not None else None
                        if place is not None and place.kind == "city":
                            return place
                    # (whither counts for the clause itself, not for a noun inside it: "an
                    # investigation into arms sales to Bolivia" is not done in Bolivia)
                    if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE and (
                            (directional and (t is node or t.pos_ not in ("NOUN", "PROPN") or prep.lower_ not in _WHITHER))
                            or prep.lower_ not in _DIRECTIONAL):  # fmt: skip
                        for obj in prep.children:
                            if obj.dep_ != "pobj":
                                continue
                            if prep.lower_ in _DIRECTIONAL and obj.i in taken:
                                continue  # "attacks on Kyiv" with Kyiv the target: not a place
                            place = self._phrase_place(obj)
                            if place is not None:
                                return place
                    nxt.append(prep)
            frontier = nxt
            if not frontier:
                break
        return None

    def _phrase_place(self, obj: Token) -> Place | None:
        """The place a prepositional object names ("the Belarusian city of Brest", "Sochi")."""
        if obj.i in self.not_places:
            return None
        if obj.pos_ == "PROPN":
            span = _name_span(obj)
            place = self.place_of(span.text)
            if place is not None:
                return place
        if obj.lemma_.lower() in _UNIT_WORDS:
            # "Mandera county", "the Kalbajar district": the unit's own name
            names = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:
                name = _name_span(names[-1]).text
                place = self.place_of(name)
                if place is not None and place.name.lower() == name.lower():  # (not "Borna" for "Borno")
                    return place
        # "the city of Brest", "the capital, Minsk"
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ == "PROPN":
                        return self.place_of(_name_span(o).text)
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                return self.place_of(_name_span(c).text)
        return None


# administrative units named by a word after their name ("Mandera county")
_UNIT_WORDS = frozenset({"county", "province", "district", "region", "governorate", "prefecture", "oblast",
                         "department", "municipality", "state", "territory"})  # fmt: skip


def _name_span(tok: Token) -> Span:
    """A proper-noun head with its compound proper nouns ("New Delhi", "Rostov-on-Don")."""
    left = tok.i
    for c in tok.lefts:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            left = min(left, c.i)
    return tok.doc[left : tok.i + 1]


def _bare(span: Span) -> str:
    words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    return " ".join(t.text for t in words)


# capitalised words that are also common English words or names: a place needs to be big
_ENGLISH = {
    "nice", "mobile", "reading", "bath", "split", "van", "male", "victoria", "of", "march", "may",
    "august", "bar", "hope", "orange", "say", "police", "union", "independence", "liberty",
    "university", "college", "church", "sunday", "monday", "friday", "lincoln", "washington",
    "jackson", "franklin", "marion", "clinton", "trump", "obama", "page",
    # compass words alone: "the North's test site" is North Korea, not North Salt Lake
    "north", "south", "east", "west", "central", "centre", "center",
}  # fmt: skip
