"""Amounts: money, percentages, quantities and counts of things, with their values.

"$1.9 billion" is 1.9e9 USD, "over 60%" is > 60 percent, "more than 200 former officials"
is > 200 people. Counts (spaCy CARDINAL entities) are kept only when they count a noun,
which becomes the unit: "people" when the noun names people in general English (the
resolver's lexicon of person nouns, or a nationality such as "Americans"), else the noun
as written. A figure whose words cannot be read as a number is left out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.lexicon import COLLECTIVE_NOUNS, OFFICES, PERSON_NOUNS, singular
from onrecord.types import Attribution, Figure, Modifier, Span

FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})

NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    word: 10 * tens
    for tens, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
SCALES = {
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Longest first, so "no more than" is not read as "more than".
MODIFIERS: tuple[tuple[str, Modifier], ...] = tuple(
    sorted(
        {
            "more than": ">",
            "over": ">",
            "above": ">",
            "greater than": ">",
            "upwards of": ">",
            "upward of": ">",
            "in excess of": ">",
            "just over": ">",
            "at least": ">=",
            "no fewer than": ">=",
            "no less than": ">=",
            "a minimum of": ">=",
            "less than": "<",
            "fewer than": "<",
            "under": "<",
            "below": "<",
            "just under": "<",
            "up to": "<=",
            "at most": "<=",
            "no more than": "<=",
            "a maximum of": "<=",
            "about": "~",
            "around": "~",
            "roughly": "~",
            "approximately": "~",
            "nearly": "~",
            "almost": "~",
            "some": "~",
            "close to": "~",
            "an estimated": "~",
            "estimated": "~",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)
CURRENCY_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "c$": "CAD",
    "a$": "AUD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ruble": "RUB",
    "rouble": "RUB",
    "rupee": "INR",
    "hryvnia": "UAH",
    "peso": "MXN",
    "franc": "CHF",
    "cent": "USD",
}
PEOPLE_NOUNS = PERSON_NOUNS | OFFICES | COLLECTIVE_NOUNS | {"person", "people"}
# Person nouns long enough to be told apart at the end of a compound ("superdelegate").
LONG_PEOPLE_NOUNS = tuple(noun for noun in PEOPLE_NOUNS if len(noun) >= 6)
# A counted noun comes within a few words of its number ("200 former UN officials").
MAX_WORDS_TO_NOUN = 4
NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
PREFIXED_NUMBER = re.compile(r"^([^\d.]*)(\d[\d,]*(?:\.\d+)?)([a-z]*)$", re.IGNORECASE)


def find_figures(
    entities: tuple[SpacySpan, ...], text: str, attributions: list[Attribution]
) -> list[Figure]:
    """Every amount in the article, tied to the attribution whose content holds it."""
    contents = [(s, e, a.id) for a in attributions for s, e in a.content.slices]
    figures = []
    for entity in entities:
        if entity.label_ not in FIGURE_LABELS:
            continue
        figure = _figure(text, entity, contents)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(text: str, entity: SpacySpan, contents: list[tuple[int, int, str]]) -> Figure | None:
    first, value = read_number(entity)
    if value is None or entity.label_ == "CARDINAL" and entity[0].lower_ == "one":
        return None  # "one of the signatories" picks someone out rather than counting
    symbol = _symbol_before(entity)
    unit = CURRENCY_SYMBOLS[symbol.lower_] if symbol is not None else _unit(entity)
    if entity.label_ == "CARDINAL" and unit is None:
        return None
    if unit == "USD" and any(t.lower_ in ("cent", "cents") for t in entity):
        value /= 100
    modifier, start = _modifier(entity, first)
    if symbol is not None:
        start = min(start, symbol.idx)
    where = next((a for s, e, a in contents if s <= entity.start_char < e), None)
    span = Span.from_slices(text, [(start, entity.end_char)])
    return Figure(span, value, unit, modifier, where)


def _symbol_before(entity: SpacySpan) -> Token | None:
    """A currency sign spaCy left out of a MONEY entity ("$" before "25,550")."""
    if entity.label_ != "MONEY" or entity.start == 0:
        return None
    before = entity.doc[entity.start - 1]
    return before if before.lower_ in CURRENCY_SYMBOLS else None


def read_number(entity: SpacySpan) -> tuple[int, float | None]:
    """The number an entity's words spell ("1.9 billion", "two hundred", "a dozen", "60"),
    with the index of its first token; (-1, None) when there is none. A range ("10 to 20")
    keeps its first end."""
    total, current, first = 0.0, None, -1
    tokens = list(entity)
    for position, token in enumerate(tokens):
        word = token.lower_
        following = tokens[position + 1].lower_ if position + 1 < len(tokens) else ""
        digits = PREFIXED_NUMBER.match(word)
        if current is None and digits and NUMBER.match(digits.group(2)):
            current, first = float(digits.group(2).replace(",", "")), token.i
            current *= SCALES.get(digits.group(3), 1.0)
        elif current is None and word in ("a", "an") and following in SCALES:
            current, first = 1.0, token.i
        elif word in NUMBER_WORDS and (current is None or NUMBER_WORDS[word] < 10 <= current):
            first = token.i if current is None else first
            current = (current or 0.0) + NUMBER_WORDS[word]
        elif word in SCALES and len(word) > 1 and current is not None:
            if SCALES[word] < 1e3:
                current *= SCALES[word]
            else:
                total, current = total + current * SCALES[word], 0.0
        elif current is not None and word not in ("-", "and"):
            break
    if current is None:
        return -1, None
    return first, total + current


def _unit(entity: SpacySpan) -> str | None:
    words = [t.lower_ for t in entity]
    if entity.label_ == "PERCENT":
        return "percentage points" if "points" in words else "percent"
    if entity.label_ == "MONEY":
        return _currency(entity)
    if entity.label_ == "QUANTITY":
        nouns = [t.lower_ for t in entity if t.is_alpha and t.lower_ not in SCALES]
        return nouns[-1] if nouns else None
    noun = counted_noun(entity)
    if noun is None:
        return None
    return "people" if names_people(noun) else noun.lower_


def names_people(noun: Token) -> bool:
    """Whether a counted noun counts people: a person noun of the resolver's lexicon, a
    compound ending in one ("superdelegates"), or a nationality ("Americans")."""
    if noun.ent_type_ == "NORP":
        return True
    word = singular(noun.lower_)
    return word in PEOPLE_NOUNS or any(
        word.endswith(person) for person in LONG_PEOPLE_NOUNS if len(word) > len(person)
    )


def _currency(entity: SpacySpan) -> str | None:
    for token in entity:
        prefix = PREFIXED_NUMBER.match(token.lower_)
        symbol = prefix.group(1) if prefix else token.lower_
        if symbol in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[symbol]
        if singular(token.lower_) in CURRENCY_WORDS:
            return CURRENCY_WORDS[singular(token.lower_)]
    return None


def counted_noun(entity: SpacySpan) -> Token | None:
    """The noun a count counts: "200 former officials", "200 of the officials", "718 party
    leaders" (through a compound the parser took for the head)."""
    root = entity.root
    if root.dep_ in ("nummod", "quantmod") and root.head.tag_.startswith("NN"):
        noun = root.head
        while noun.dep_ == "compound" and noun.head.tag_.startswith("NN"):
            noun = noun.head
        if entity.end <= noun.i <= entity.end + MAX_WORDS_TO_NOUN:
            return noun
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.tag_.startswith("NN")]
            if objects:
                return objects[0]
    return None


def _modifier(entity: SpacySpan, first: int) -> tuple[Modifier | None, int]:
    """The comparison words before the number ("more than", "over", "about"), inside the
    entity or just before it, and where the figure starts once they are included."""
    doc = entity.doc
    start = max(entity.sent.start, entity.start - 3)
    words = [t for t in doc[start:first] if t.lower_ not in CURRENCY_SYMBOLS]
    before = " ".join(t.lower_ for t in words)
    for phrase, modifier in MODIFIERS:
        if before == phrase or before.endswith(" " + phrase):
            length = len(phrase.split())
            return modifier, min(words[-length].idx, entity.start_char)
    return None, entity.start_char
