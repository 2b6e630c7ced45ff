"""When, where and how much: dates, places and figures in a parsed article.

``find_facts(doc, attributions, published)`` is the stage's one entry point: it reads the
spaCy entities once, normalises each date against the publication date, names each place
from the offline gazetteers, reads each figure's value and unit, ties figures to the
attribution that states them, and dates and places each attribution where the article says
when and where it was said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from onrecord.facts.dates import find_dates
from onrecord.facts.dates import warm_up as warm_up_dates
from onrecord.facts.figures import find_figures
from onrecord.facts.places import find_places, gazetteer
from onrecord.facts.when_where import add_when_where
from onrecord.types import Attribution, DateMention, Figure, Place

__all__ = ["Facts", "find_facts", "prepare"]


@dataclass(frozen=True)
class Facts:
    """What ``find_facts`` found: the attributions come back with ``said_on``/``said_in``."""

    attributions: list[Attribution]
    dates: list[DateMention]
    places: list[Place]
    figures: list[Figure]


def find_facts(doc: Doc, attributions: list[Attribution], published: str | None) -> Facts:
    """Dates, places and figures of a parsed article (``published``: ISO YYYY-MM-DD or None;
    anything else counts as None, so relative dates stay unresolved rather than wrong)."""
    published = published if _is_iso_date(published) else None
    text, entities = doc.text, doc.ents  # both are rebuilt on every access: read them once
    dated = find_dates(entities, text, published)
    places = find_places(doc, entities, text)
    figures = find_figures(entities, text, attributions)
    spans = [(entity.start, entity.end, mention) for entity, mention in dated]
    attributions = add_when_where(doc, attributions, spans, places)
    return Facts(attributions, [mention for _, mention in dated], places, figures)


def prepare() -> None:
    """Build the gazetteer index and ready dateparser now (about three seconds, once per
    process) rather than during the first article."""
    gazetteer()
    warm_up_dates()


def _is_iso_date(value: str | None) -> bool:
    if not value:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
