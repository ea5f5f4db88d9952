"""Loading and validating whodid's knowledge files once per process.

`load_knowledge()` returns everything the coder knows: CAMEO codes, actors, agents,
event patterns and cue words, from the versioned files in `data/` and, on request,
from user dictionaries in PETRARCH format (which may replace whodid's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .model import (
    Agent,
    Alias,
    CameoCode,
    Discard,
    NamedActor,
    PatternLexicon,
    Term,
    country_of,
)
from .patterns import load_pattern_file
from .tables import LexiconError, Row, data_path, read_table

__all__ = ["Knowledge", "LexiconError", "load_knowledge", "UserDictionaries"]

_ACTOR_KINDS = {"name", "official", "alt", "adj", "demonym", "capital", "seat", "abbr", "status", "since", "until", "people",
                "former"}
_STATUS = {"member", "observer", "territory", "disputed", "region", "igo", "group"}
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$|^[A-Z]{3,}$")
_SECTOR = re.compile(r"^(?:[A-Z]{3})+$")
_AGENT_TYPES = {"person", "group", "thing"}
_CUE_KINDS = {
    "speech",
    "thwarting",
    "owned_measure",
    "culpability_adj",
    "claim_verb",
    "ending_noun",
    "mutual_noun",
    "own_act_noun",
    "attempt_word",
    "forward_time",
    "crowd_noun",
    "responsibility_noun",
    "held_place",
    "negotiation_noun",
    "intent_verb",
    "intent_verb_to",
    "commitment_verb",
    "deliberation_verb",
    "accusation",
    "toll_verb",
    "negative_adverbial",
    "mutual_verb",
    "counterpart_noun",
    "pair_noun",
    "topic_verb",
    "reaction_verb",
    "verdict_verb",
    "attack_means",
    "bomb_word",
    "aircraft_word",
    "battle_word",
    "help_purpose",
    "intent_adj",
    "intent_to_ing",
    "accord_verb",
    "pcomp_subject",
    "future",
    "hypothetical",
    "negative_subject",
    "negator",
    "denial",
    "denial_of_act",
    "falsity",
    "report",
    "support",
    "conditional",
    "question",
    "attempt",
    "nonfactual_noun",
    "refusal",
    "ruled_out",
    "permission_verb", "explode_verb", "protester_word", "drawing_verb", "talks_speech_verb",
    "envoy_word", "press_audience", "foreign_marker", "prediction",
    "attack_noun",
    "appeal_verb",
    "demand_verb",
    "threat_verb",
    "demand_noun",
    "appeal_noun",
    "obligation",
    "advice",
    "coercive",
    "stative",
    "speech_noun",
    "instrument_noun",
    "non_actor_head",
    "capacity_noun",
    "inquiry_noun",
    "awaiting",
    "custody_word",
    "prisoner_word",
    "attribution",
    "attribution_xcomp",
    "attribution_for",
    "attribution_object",
    "object_content",
    "attribution_noun",
}
_MODES = {"intent", "refuse", "appeal", "demand", "threat", "consider"}


@dataclass
class UserDictionaries:
    """Dictionaries a user asked for (PETRARCH format), and whether they replace whodid's own."""

    actors: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    discards: list[str] = field(default_factory=list)
    replace: bool = False

    def key(self) -> tuple:
        return (tuple(self.actors), tuple(self.agents), tuple(self.verbs), tuple(self.discards), self.replace)


@dataclass
class Knowledge:
    cameo: dict[str, CameoCode]
    modes: dict[str, list[tuple[str, str, str]]]  # mode → (action prefix, code, origin)
    actors: list[NamedActor]
    aliases: list[Alias]
    agents: list[Agent]
    verbs: PatternLexicon
    nouns: PatternLexicon
    verbs_fallback: PatternLexicon  # consulted only for verb lemmas `verbs` lacks
    cues: dict[str, frozenset[str]]
    discards: list[Discard]
    files: list[str]
    status: dict[str, str] = field(default_factory=dict)  # country code → member/observer/...

    def cameo_info(self, code: str) -> CameoCode | None:
        """The CAMEO entry for a code, falling back to its parent (user dictionaries may be finer)."""
        for k in (code, code[:3], code[:2]):
            if k in self.cameo:
                return self.cameo[k]
        return None

    def mode_code(self, mode: str, code: str) -> tuple[str, str] | None:
        """(code, origin) of an action in a mode (intent, refuse, appeal, demand): longest prefix."""
        best: tuple[str, str, str] | None = None
        for prefix, derived, origin in self.modes.get(mode, ()):
            p = "" if prefix == "*" else prefix
            if code.startswith(p) and (best is None or len(p) > len(best[0])):
                best = (p, derived, origin)
        return (best[1], best[2]) if best else None

    def intent_for(self, code: str) -> tuple[str, str] | None:
        """(intent code, origin) for an announced action."""
        return self.mode_code("intent", code)

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())

    def discards_by_first(self) -> dict[str, tuple[Discard, ...]]:
        """Sentence discards indexed by their first word, built once."""
        index = self.__dict__.get("_discards_first")
        if index is None:
            grouped: dict[str, list[Discard]] = {}
            for d in self.discards:
                if d.scope != "frame":
                    grouped.setdefault(d.words[0], []).append(d)
            index = {k: tuple(v) for k, v in grouped.items()}
            self.__dict__["_discards_first"] = index
        return index

    def discard_frames(self) -> frozenset[str]:
        """Words under which a sport phrase only frames a political sentence."""
        frames = self.__dict__.get("_discard_frames")
        if frames is None:
            frames = frozenset(" ".join(d.words) for d in self.discards if d.scope == "frame")
            self.__dict__["_discard_frames"] = frames
        return frames

    def office_holders(self, country: str) -> list[NamedActor]:
        """People who held an office (a role in people.tsv) in a country, for coreference."""
        index = self.__dict__.get("_holders")
        if index is None:
            index = {}
            for actor in self.actors:
                if actor.kind != "person":
                    continue
                for c in {country_of(t.code)[:3] for t in actor.terms if t.role}:
                    index.setdefault(c, []).append(actor)
            self.__dict__["_holders"] = index
        return index.get(country, [])


def _read_cameo(path: Path) -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    for row in read_table(path, 6, 8):
        code, label, gold, root, quad, penta, plover, mode = row.fields
        try:
            out[code] = CameoCode(
                code=code,
                label=label,
                goldstein=float(gold) if gold else None,
                root=root,
                quad_class=int(quad),
                penta=int(penta),
                plover=plover or None,
                plover_mode=mode or None,
            )
        except ValueError as exc:
            raise row.error(f"bad number: {exc}") from exc
    return out


def _read_modes(path: Path, cameo: dict[str, CameoCode]) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_table(path, 3):
        mode, prefix, code = row.fields
        if mode not in _MODES:
            raise row.error(f"unknown mode {mode!r} (known: {', '.join(sorted(_MODES))})")
        if not (prefix.isdigit() or prefix == "*") or code not in cameo:
            raise row.error(f"expected a CAMEO code prefix (or *) and a known CAMEO code, got {row.fields[1:]}")
        out.setdefault(mode, []).append((prefix, code, row.origin))
    return out


def _read_named(path: Path, kind: str, status: dict[str, str]) -> tuple[list[NamedActor], list[Alias]]:
    """countries.tsv / igos.tsv / groups.tsv: `code kind text`, the `name` line first per code."""
    actors: dict[str, NamedActor] = {}
    aliases: list[Alias] = []
    seen: set[tuple[str, str, str]] = set()
    until: list[tuple[str, date, str, Row]] = []
    for row in read_table(path, 3):
        code, form, text = row.fields
        if form not in _ACTOR_KINDS:
            raise row.error(f"unknown kind {form!r} (known: {', '.join(sorted(_ACTOR_KINDS))})")
        if not _CODE.match(code):
            raise row.error(f"bad actor code {code!r}")
        if (code, form, text) in seen:
            raise row.error(f"duplicate entry {code} {form} {text!r}")
        seen.add((code, form, text))
        base = code if kind != "country" else code[:3]
        if form == "status":
            if text not in _STATUS:
                raise row.error(f"unknown status {text!r}")
            status[base] = text
            continue
        actor = actors.get(base)
        if form == "since":
            # "2011-07-09 SDN": a state that exists from that day; before it, its names are the
            # older state's (Juba in 2005 is in Sudan)
            parts = text.split()
            try:
                day = date.fromisoformat(parts[0])
            except (ValueError, IndexError):
                raise row.error(f"expected `YYYY-MM-DD CODE`, got {text!r}") from None
            if actor is None or len(parts) != 2 or not _CODE.match(parts[1]) or (kind == "country" and len(parts[1]) != 3):
                raise row.error(f"expected `YYYY-MM-DD CODE` after the `name` line of {base}, got {text!r}")
            actor.terms = [Term(base, start=day, origin=row.origin),
                           Term(parts[1], end=date.fromordinal(day.toordinal() - 1), origin=row.origin)]  # fmt: skip
            continue
        if form == "until":
            # "1997-05-16 Congo": up to that day the bare name was this state's (the Republic
            # of the Congo, while the other Congo was Zaire); later it is whoever else has it
            day_text, _, name = text.partition(" ")
            try:
                last = date.fromisoformat(day_text)
            except ValueError:
                raise row.error(f"expected `YYYY-MM-DD NAME`, got {text!r}") from None
            if actor is None or not name.strip():
                raise row.error(f"expected `YYYY-MM-DD NAME` after the `name` line of {base}, got {text!r}")
            until.append((base, last, name.strip(), row))
            continue
        if form == "former":
            # "1991-12-25 adj Soviet": a name of the state it succeeded, this state's in text
            # dated up to that day; later it is history ("Soviet-era tanks") and codes nothing
            day_text, _, rest = text.partition(" ")
            name_form, _, name = rest.partition(" ")
            try:
                last = date.fromisoformat(day_text)
            except ValueError:
                raise row.error(f"expected `YYYY-MM-DD FORM NAME`, got {text!r}") from None
            if actor is None or name_form not in ("name", "official", "alt", "adj", "demonym") or not name.strip():
                raise row.error(f"expected `YYYY-MM-DD FORM NAME` (form: alt, official, adj, demonym) after the "
                                f"`name` line of {base}, got {text!r}")  # fmt: skip
            past = NamedActor(key=f"{kind}:{base}~{name.strip()}", name=name.strip(), kind=kind,
                              terms=[Term(base, end=last, origin=row.origin)])  # fmt: skip
            aliases.append(Alias(text=name.strip(), actor=past, form=name_form, origin=row.origin))
            continue
        if actor is None:
            if form != "name":
                raise row.error(f"the first line of {base} must be its `name`")
            actor = NamedActor(key=f"{kind}:{base}", name=text, kind=kind, terms=[Term(base, origin=row.origin)])
            actors[base] = actor
        override = code if code != base else None
        if form == "people":
            # "Yoruba leaders", "the Uighurs": a people of that state, never the state itself
            if kind != "country" or override:
                raise row.error("a `people` line belongs to a country's block, with its bare code")
            override = base + "CVL"
        aliases.append(Alias(text=text, actor=actor, form=form, origin=row.origin, code=override))
    for base, last, name, row in until:
        later = [a for a in aliases if a.text == name and a.actor.key != f"{kind}:{base}"]
        if len(later) != 1 or later[0].code:
            raise row.error(f"`until` needs exactly one other state written {name!r}, found {len(later)}")
        now = later[0]
        dated = NamedActor(key=f"{now.actor.key}~{name}", name=name, kind=kind,
                           terms=[Term(now.actor.terms[0].code, start=last + timedelta(days=1), origin=now.origin),
                                  Term(base, end=last, origin=row.origin)])  # fmt: skip
        aliases[aliases.index(now)] = replace(now, actor=dated)
    return list(actors.values()), aliases


def _read_imported_groups(path: Path, status: dict[str, str], aliases: list[Alias]) -> tuple[list[NamedActor], list[Alias]]:
    """groups_phoenix.tsv: `name code aliases`, one group per line. Several groups may share a
    code (Phoenix's LBNREB), so each line is its own actor; a spelling a curated file already
    has (`aliases`) stays with the curated actor."""
    taken = {a.text.lower() for a in aliases}
    actors: list[NamedActor] = []
    out: list[Alias] = []
    for row in read_table(path, 2, 3, required=(0, 1)):
        name, code, alias_field = row.fields
        if not _CODE.match(code) or len(code) < 6:
            raise row.error(f"bad group code {code!r}")
        if status.get(code[:3]) is None and code[:3] != "IMG":
            raise row.error(f"unknown country or region {code[:3]!r} in {code!r}")
        actor = NamedActor(key=f"group:{name}", name=name, kind="group", terms=[Term(code, origin=row.origin)])
        texts = [t for t in [name, *alias_field.split("|")] if t and t.lower() not in taken]
        if not texts:
            continue
        actors.append(actor)
        for i, text in enumerate(texts):
            form = "name" if i == 0 and text == name else ("abbr" if text.isupper() else "alt")
            out.append(Alias(text=text, actor=actor, form=form, origin=row.origin))
        taken.update(t.lower() for t in texts)
    return actors, out


def _parse_date(text: str, row: Row, end: bool) -> date | None:
    if not text:
        return None
    parts = text.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return date(y, 12, 31) if end else date(y, 1, 1)
        m = int(parts[1])
        if len(parts) == 2:
            if end:
                nxt = date(y + (m == 12), m % 12 + 1, 1)
                return date.fromordinal(nxt.toordinal() - 1)
            return date(y, m, 1)
        return date(y, m, int(parts[2]))
    except (ValueError, IndexError) as exc:
        raise row.error(f"bad date {text!r}: use YYYY-MM-DD, YYYY-MM or YYYY") from exc


# countries whose people's names English news also writes family name first ("Takaichi Sanae")
_FAMILY_NAME_FIRST = frozenset({"JPN"})


def _read_people(path: Path, taken: set[str]) -> tuple[list[NamedActor], list[Alias]]:
    people: dict[str, NamedActor] = {}
    aliases: list[Alias] = []
    alias_seen: set[tuple[str, str]] = set()
    prior = set(taken)  # names and spellings an earlier (curated) file describes
    for row in read_table(path, 3, 6, required=(0, 2)):
        name, alias_field, code, role, start, end = row.fields
        if name.lower() in prior:
            continue  # a curated file already describes this person
        if not _CODE.match(code):
            raise row.error(f"bad actor code {code!r}")
        s, e = _parse_date(start, row, False), _parse_date(end, row, True)
        if s and e and s > e:
            raise row.error(f"term starts ({start}) after it ends ({end})")
        person = people.get(name)
        if person is None:
            person = NamedActor(key=f"person:{name}", name=name, kind="person")
            people[name] = person
        if role == "default":
            person.default_code = code
        else:
            person.terms.append(Term(code, s, e, role or None, row.origin))
        texts = [name, *[a.strip() for a in alias_field.split("|") if a.strip()]]
        if code[:3] in _FAMILY_NAME_FIRST and len(name.split()) == 2:
            texts.append(" ".join(reversed(name.split())))  # "Takaichi Sanae" for Sanae Takaichi
        for text in texts:
            if (name, text) in alias_seen or text.lower() in prior:
                continue  # "Tokayev" of a curated entry is not also Phoenix's Tokayev
            alias_seen.add((name, text))
            form = "person" if text == name else "surname" if " " not in text else "alt"
            aliases.append(Alias(text=text, actor=person, form=form, origin=row.origin))
    for person in people.values():
        if person.default_code is None and person.terms:
            person.default_code = country_of(person.terms[0].code)[:3] + "ELI"
    taken.update(n.lower() for n in people)
    taken.update(a.text.lower() for a in aliases)
    return list(people.values()), aliases


def _read_agents(path: Path) -> list[Agent]:
    out = []
    for row in read_table(path, 3, 4):
        sector, text, typ, role = row.fields
        if not _SECTOR.match(sector):
            raise row.error(f"bad sector {sector!r}: one or more 3-letter codes")
        if typ not in _AGENT_TYPES:
            raise row.error(f"unknown type {typ!r}")
        words = tuple(text.lower().split())
        out.append(Agent(words=words, sector=sector, type=typ, role=role or None, origin=row.origin))
    return out


def _read_cues(path: Path) -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for row in read_table(path, 2):
        kind, text = row.fields
        if kind not in _CUE_KINDS:
            raise row.error(f"unknown cue kind {kind!r}")
        cues.setdefault(kind, set()).add(text.lower())
    return {k: frozenset(v) for k, v in cues.items()}


def _read_discards(path: Path) -> list[Discard]:
    out = []
    for row in read_table(path, 2):
        scope, text = row.fields
        if scope not in ("sentence", "story", "frame"):
            raise row.error("scope must be sentence, story or frame")
        out.append(Discard(words=tuple(text.lower().split()), scope=scope, origin=row.origin))
    return out


def _bundled(name: str) -> Path | None:
    p = data_path(name)
    return p if p.exists() else None


@lru_cache(maxsize=8)
def _load(user_key: tuple | None) -> Knowledge:
    files: list[str] = []

    def use(name: str) -> Path | None:
        p = _bundled(name)
        if p is not None:
            files.append(str(p))
        return p

    cameo = _read_cameo(use("cameo.tsv"))  # type: ignore[arg-type]
    modes_path = use("modes.tsv")
    modes = _read_modes(modes_path, cameo) if modes_path else {}
    cues_path = use("cues.tsv")
    cues = _read_cues(cues_path) if cues_path else {}
    user = UserDictionaries(*user_key[:4], replace=user_key[4]) if user_key else None
    own = not (user and user.replace)

    actors: list[NamedActor] = []
    aliases: list[Alias] = []
    status: dict[str, str] = {}
    agents: list[Agent] = []
    verbs = PatternLexicon(name="verbs")
    nouns = PatternLexicon(name="nouns")
    verbs_fallback = PatternLexicon(name="verbs_petrarch")
    discards: list[Discard] = []
    if own:
        for name, kind in (("countries.tsv", "country"), ("igos.tsv", "igo"), ("groups.tsv", "group")):
            p = use(name)
            if p:
                a, al = _read_named(p, kind, status)
                actors += a
                aliases += al
        p = use("groups_phoenix.tsv")
        if p:
            a, al = _read_imported_groups(p, status, aliases)
            actors += a
            aliases += al
        taken: set[str] = set()
        for name in ("people.tsv", "people_phoenix.tsv"):
            p = use(name)
            if p:
                a, al = _read_people(p, taken)
                actors += a
                aliases += al
        p = use("agents.tsv")
        if p:
            agents = _read_agents(p)
        p = use("verbs.txt")
        if p:
            load_pattern_file(p, "verb", verbs)
        p = use("nouns.txt")
        if p:
            load_pattern_file(p, "noun", nouns)
        p = use("verbs_petrarch.txt")
        if p:
            load_pattern_file(p, "verb", verbs_fallback)
        p = use("discards.tsv")
        if p:
            discards = _read_discards(p)
    if user:
        from . import petrarch

        for path in user.actors:
            a, al = petrarch.read_actors(path)
            actors += a
            aliases += al
            files.append(path)
        for path in user.agents:
            agents += petrarch.read_agents(path)
            files.append(path)
        for path in user.verbs:
            lex = petrarch.read_verbs(path)
            for triggers in lex.triggers.values():
                for t in triggers:
                    verbs.add(t)
            files.append(path)
        for path in user.discards:
            discards += petrarch.read_discards(path)
            files.append(path)
    return Knowledge(
        cameo=cameo,
        modes=modes,
        actors=actors,
        aliases=aliases,
        agents=agents,
        verbs=verbs,
        nouns=nouns,
        verbs_fallback=verbs_fallback,
        cues=cues,
        discards=discards,
        files=files,
        status=status,
    )


def load_knowledge(user: UserDictionaries | None = None) -> Knowledge:
    """Everything the coder knows, loaded and validated once per process (per dictionary set)."""
    return _load(user.key() if user else None)
