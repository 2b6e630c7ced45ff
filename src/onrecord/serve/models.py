"""The shapes of the HTTP API's answers, so /openapi.json documents every field.

They mirror the dicts ``onrecord.store.query`` returns; fields a query returns but a client
has no use for (the file path an article was read from) are left out on purpose.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

Slices = list[tuple[int, int]]
SAID_ON = (
    "When the statement was made, as far as the article says: an ISO date at its "
    'granularity ("2022-04-23", "2022-04", "2022", "2022-W16"); null when it does not say.'
)
SAID_IN = "Where the statement was made (a canonical place name); null when not said."


class ErrorBody(BaseModel):
    """Every error answer: a short code and a one-line message, never a stack trace."""

    error: str = Field(examples=["E400", "not_found", "invalid_request"])
    message: str


class Quote(BaseModel):
    article_id: int
    id: str
    kind: str
    content: str
    cue: str | None
    source: str | None
    speaker_id: int | None
    speaker: str | None
    speaker_type: str | None
    speaker_title: str | None
    said_on: str | None = Field(description=SAID_ON)
    said_in: str | None = Field(description=SAID_IN)
    article_title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None


class QuotePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quote]


class SpeakerSummary(BaseModel):
    id: int
    name: str
    type: str
    attributions: int
    articles: int
    titles: list[str]


class SpeakerPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[SpeakerSummary]


class TitleSpell(BaseModel):
    """A title a speaker was given, and the first and last article dates it was used."""

    title: str
    first_seen: dt.date | None
    last_seen: dt.date | None
    articles: int
    article_ids: list[int]


class OutletCount(BaseModel):
    outlet: str
    attributions: int


class Companion(BaseModel):
    """A speaker quoted in the same articles, with how many articles they share."""

    id: int
    name: str
    articles: int


class PlaceCount(BaseModel):
    """A place a speaker's statements were made in, as their articles say."""

    name: str
    country_code: str | None = Field(description="ISO 3166-1 alpha-2, when known.")
    attributions: int
    articles: int


class SpeakerDetail(BaseModel):
    id: int
    name: str
    type: str
    names: list[str]
    titles: list[TitleSpell]
    outlets: list[OutletCount]
    alongside: list[Companion]
    attributions: int
    places: list[PlaceCount]


class ArticleAttribution(BaseModel):
    """An attribution with its spans as ``[start, end]`` slices into the article text."""

    id: str
    kind: str
    content: str
    content_slices: Slices
    cue: str | None
    cue_slices: Slices
    source: str | None
    source_slices: Slices
    entity: str | None
    speaker_id: int | None
    speaker: str | None
    speaker_title: str | None
    confidence: float | None
    said_on: str | None = Field(description=SAID_ON)
    said_on_text: str | None = Field(description='The words that date it ("on Saturday").')
    said_in: str | None = Field(description=SAID_IN)
    said_in_country: str | None = Field(description="ISO 3166-1 alpha-2, when known.")


class ArticleDate(BaseModel):
    """A date expression in the text (``[start_char, end_char)``), resolved against the
    publication date where it can be."""

    start_char: int
    end_char: int
    text: str
    value: str | None = Field(description='ISO date at its granularity, e.g. "2022-04".')
    granularity: str | None = Field(examples=["day", "month", "year", "week"])


class ArticlePlace(BaseModel):
    """A place named in the text, with its gazetteer name where one was found."""

    start_char: int
    end_char: int
    text: str
    name: str
    kind: str | None = Field(examples=["city", "country"])
    country_code: str | None


class ArticleFigure(BaseModel):
    """An amount in the text: "more than 200 people" is value 200, unit "people",
    modifier ">"."""

    start_char: int
    end_char: int
    text: str
    value: float
    unit: str | None = Field(examples=["USD", "percent", "people"])
    modifier: str | None = Field(examples=[">", ">=", "<", "<=", "~"])
    attribution: str | None = Field(
        description="The id of the attribution whose content holds it; null: the article's "
        "own claim."
    )


class ArticleEntity(BaseModel):
    entity: str
    speaker_id: int
    type: str
    name: str
    title: str | None
    speaker: str


class ArticleDetail(BaseModel):
    id: int
    version: int
    is_current: bool
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None
    author: str | None
    model: str | None
    text: str
    attributions: list[ArticleAttribution]
    entities: list[ArticleEntity]
    dates: list[ArticleDate]
    places: list[ArticlePlace]
    figures: list[ArticleFigure]


class MonthCount(BaseModel):
    month: str
    attributions: int


class TypeCount(BaseModel):
    type: str
    attributions: int


class KindCount(BaseModel):
    kind: str
    attributions: int


class Overview(BaseModel):
    articles: int
    attributions: int
    speakers: int
    by_month: list[MonthCount]
    by_source_type: list[TypeCount]
    by_kind: list[KindCount]
    top_speakers: list[SpeakerSummary]


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text, as plain text.")
    published: dt.date | None = Field(
        default=None, description="Publication date; titles are resolved as of this date."
    )
