"""A made-up article with many quotations, for timing growth (never for accuracy).

Every sentence is invented: numbered quotations said by a few hundred made-up people
("Person 17 Quellbrook"), some introduced by name and later quoted by pronoun or surname, so
speaker resolution has many entities, many mentions and many pronouns to settle.
"""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Alden", "Brisa", "Corwin", "Dalia", "Emeric", "Fenna", "Galen", "Hollis", "Ilse", "Jorah",
    "Kesia", "Lorcan", "Marit", "Nevin", "Orla", "Perrin", "Quilla", "Rune", "Sabine", "Tobin",
)  # fmt: skip
SURNAMES = (
    "Quellbrook", "Varnell", "Ostrowin", "Thaddery", "Melcombe", "Brackwell", "Idlethorn",
    "Fallowmere", "Corrigan", "Ashgrove", "Wendimoor", "Pellinore", "Stroudley", "Harrowgate",
    "Kilbarren", "Dunmorrow", "Essendale", "Ravelston", "Tillwater", "Marchbank",
)  # fmt: skip
VERBS = ("said", "told reporters", "added", "explained", "argued")
TOPICS = ("the budget", "the new bridge", "the harbour plan", "the school board", "the tariff")


def speakers(count: int) -> list[tuple[str, str, str]]:
    """``count`` distinct made-up people (at most 400) as (full name, surname, pronoun)."""
    if count > len(FIRST_NAMES) * len(SURNAMES):
        raise ValueError(f"at most {len(FIRST_NAMES) * len(SURNAMES)} distinct speakers")
    people = []
    for n in range(count):
        first = FIRST_NAMES[n % len(FIRST_NAMES)]
        surname = SURNAMES[(n // len(FIRST_NAMES) + n) % len(SURNAMES)]
        people.append((f"{first} {surname}", surname, "she" if n % 2 else "he"))
    return people


def quotation_article(quotations: int, distinct_speakers: int = 300, seed: int = 7) -> str:
    """An article of ``quotations`` quotations, a paragraph each, spread over
    ``distinct_speakers`` people: first quoted by full name, then by surname or pronoun."""
    rng = random.Random(seed)
    people = speakers(distinct_speakers)
    introduced: set[int] = set()
    paragraphs = []
    for n in range(1, quotations + 1):
        k = rng.randrange(distinct_speakers)
        full, surname, pronoun = people[k]
        topic, verb = rng.choice(TOPICS), rng.choice(VERBS)
        quote = f"“Sentence {n} is about {topic},”"
        if k not in introduced:
            introduced.add(k)
            paragraphs.append(f"{quote} {verb} {full}, a member of the council.")
        elif rng.random() < 0.5:
            paragraphs.append(f"{quote} {surname} {verb}.")
        else:
            paragraphs.append(f"{full} spoke again. {quote} {pronoun} {verb}.")
    return "\n\n".join(paragraphs) + "\n"
