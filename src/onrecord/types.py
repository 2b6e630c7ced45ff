"""The records onrecord produces, in one place.

Every stage (read, attribute, resolve, store, serve) speaks these types and nothing else,
so no stage needs to import another. Offsets are code-point indices into
``Document.text`` exactly as decoded; a span may be discontinuous (a quotation split by its
attribution), so it is a tuple of ``(start, end)`` slices. This module imports nothing from
the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "onrecord/2"

Kind = Literal["direct", "mixed", "indirect", "according_to"]
SpeakerType = Literal["person", "organization", "group", "document", "unknown"]
Granularity = Literal["day", "week", "month", "year", "decade"]
PlaceKind = Literal["country", "region", "city"]
Modifier = Literal[">", ">=", "<", "<=", "~"]


@dataclass(frozen=True)
class Span:
    """A possibly discontinuous stretch of text: ``slices`` are ``(start, end)`` offsets."""

    slices: tuple[tuple[int, int], ...]
    text: str

    @classmethod
    def from_slices(
        cls, text: str, slices: list[tuple[int, int]] | tuple[tuple[int, int], ...]
    ) -> Span:
        """Build a span whose ``text`` is cut from ``text``, so the two can never disagree."""
        ordered = tuple(sorted((int(s), int(e)) for s, e in slices if e > s))
        if not ordered:
            raise ValueError("a span needs at least one non-empty slice")
        return cls(ordered, join_slices(text, ordered))

    @property
    def start(self) -> int:
        return self.slices[0][0]

    @property
    def end(self) -> int:
        return self.slices[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "spans": [list(s) for s in self.slices],
        }


def join_slices(text: str, slices: tuple[tuple[int, int], ...]) -> str:
    """The text of a span: its slices joined by one space (a single slice is its own text)."""
    return " ".join(text[s:e] for s, e in slices)


@dataclass(frozen=True)
class Speaker:
    """Who an attribution is credited to: the entity a source mention resolves to."""

    entity: str
    name: str
    type: SpeakerType
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "type": self.type, "title": self.title}


@dataclass(frozen=True)
class Entity:
    """One real-world speaker within an article, with every mention that refers to it."""

    id: str
    type: SpeakerType
    name: str
    title: str | None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "title": self.title,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class DateMention:
    """A date expression and the calendar date it stands for, as far as the text fixes it.

    ``value`` is ISO 8601 at the expression's ``granularity`` ("2022-04-23", "2022-W16",
    "2022-04", "1998", "199X" for a decade), or None when the expression is a duration, is
    vague ("in recent weeks") or needs a publication date the article does not have.
    """

    span: Span
    value: str | None
    granularity: Granularity | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "value": self.value,
            "granularity": self.granularity,
        }


@dataclass(frozen=True)
class Place:
    """A place mention and the gazetteer entry it names ("Kiev" and "Kyiv" share ``name``).

    ``kind``, ``name`` (then the mention's own text) and ``country_code`` (ISO 3166-1
    alpha-2) are None when no gazetteer knows the place; ``geonames_id`` is None for places
    the gazetteers list without one.
    """

    span: Span
    name: str
    kind: PlaceKind | None = None
    country_code: str | None = None
    geonames_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "name": self.name,
            "kind": self.kind,
            "country_code": self.country_code,
            "geonames_id": self.geonames_id,
        }


@dataclass(frozen=True)
class Figure:
    """An amount: "$1.9 billion" is 1.9e9 USD, "over 60%" is > 60 percent.

    ``unit`` is an ISO 4217 currency code, "percent", "people" for counted people, or the
    counted noun as written; ``attribution`` is the id of the attribution whose content holds
    the figure, None when the figure is the article's own claim.
    """

    span: Span
    value: float
    unit: str | None = None
    modifier: Modifier | None = None
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "value": self.value,
            "unit": self.unit,
            "modifier": self.modifier,
            "attribution": self.attribution,
        }


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: what was said (content), how (cue) and by whom (source)."""

    id: str
    kind: Kind
    content: Span
    cue: Span | None = None
    source: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0
    said_on: DateMention | None = None
    said_in: Place | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 4),
            "said_on": self.said_on.to_dict() if self.said_on else None,
            "said_in": self.said_in.to_dict() if self.said_in else None,
        }


@dataclass(frozen=True)
class Article:
    """An article as read: its text and whatever metadata the input carried."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    author: str | None = None
    path: str | None = None

    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "outlet": self.outlet,
            "author": self.author,
            "path": self.path,
        }


@dataclass(frozen=True)
class Document:
    """An article with everything onrecord found in it."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    model: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def to_dict(self) -> dict[str, Any]:
        document = {**self.article.metadata(), "text": self.text, "model": self.model}
        return {
            "schema": SCHEMA,
            "document": document,
            "attributions": [a.to_dict() for a in self.attributions],
            "entities": [e.to_dict() for e in self.entities],
            "dates": [d.to_dict() for d in self.dates],
            "places": [p.to_dict() for p in self.places],
            "figures": [f.to_dict() for f in self.figures],
        }
