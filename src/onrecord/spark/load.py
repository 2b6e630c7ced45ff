"""Documents back out of an ``onrecord spark`` output folder, without Spark.

Each row of ``OUTPUT/articles`` keeps its whole "onrecord" document as JSON (``document``);
this module turns that JSON back into the ``Document`` it came from, so a Spark run can be
ingested into the corpus database (where speakers are linked across articles) like any
other. DuckDB reads the Parquet, so neither Spark nor pyarrow is needed here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from onrecord.errors import ReadError
from onrecord.types import (
    SCHEMA,
    Article,
    Attribution,
    DateMention,
    Document,
    Entity,
    Figure,
    Place,
    Span,
    Speaker,
)

# Rows fetched from DuckDB at a time: whole articles, so a few hundred are plenty.
FETCH_ROWS = 256


def documents_from_spark_output(output_dir: str | Path) -> Iterator[Document]:
    """Every Document in ``output_dir/articles``, ordered by article id (the same order
    however many partitions wrote them)."""
    import duckdb

    folder = Path(output_dir) / "articles"
    if not folder.is_dir():
        raise ReadError("no 'articles' folder: not an onrecord spark output", path=str(output_dir))
    pattern = str(folder / "*.parquet")
    with duckdb.connect() as con:
        try:
            result = con.execute(
                "SELECT document FROM read_parquet(?) ORDER BY article_id, text_hash", [pattern]
            )
        except duckdb.Error as error:
            message = str(error).splitlines()[0]
            raise ReadError(f"cannot read the articles: {message}", path=str(folder)) from None
        while rows := result.fetchmany(FETCH_ROWS):
            for (document,) in rows:
                yield document_from_dict(json.loads(document))


def document_from_dict(data: dict[str, Any]) -> Document:
    """The Document whose ``to_dict()`` is ``data``."""
    if data.get("schema") != SCHEMA:
        raise ReadError(
            f"document schema {data.get('schema')!r} is not {SCHEMA!r}: written by another "
            "onrecord version"
        )
    metadata = data["document"]
    article = Article(
        text=metadata["text"],
        **{f.name: metadata.get(f.name) for f in fields(Article) if f.name != "text"},
    )
    return Document(
        article=article,
        attributions=tuple(_attribution(a) for a in data["attributions"]),
        entities=tuple(_entity(e) for e in data["entities"]),
        dates=tuple(_date(d) for d in data.get("dates", ())),
        places=tuple(_place(p) for p in data.get("places", ())),
        figures=tuple(_figure(f) for f in data.get("figures", ())),
        model=metadata.get("model"),
    )


def _span(data: dict[str, Any] | None) -> Span | None:
    """The span as written: its text is kept, not re-cut, since no document text is needed."""
    if data is None:
        return None
    return Span(tuple((int(start), int(end)) for start, end in data["spans"]), data["text"])


def _speaker(data: dict[str, Any] | None) -> Speaker | None:
    if data is None:
        return None
    return Speaker(entity=data["entity"], name=data["name"], type=data["type"], title=data["title"])


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(
        id=data["id"],
        type=data["type"],
        name=data["name"],
        title=data["title"],
        mentions=tuple(_span(m) for m in data["mentions"]),
    )


def _date(data: dict[str, Any] | None) -> DateMention | None:
    if data is None:
        return None
    return DateMention(
        span=_span(data["span"]), value=data["value"], granularity=data["granularity"]
    )


def _place(data: dict[str, Any] | None) -> Place | None:
    if data is None:
        return None
    return Place(
        span=_span(data["span"]),
        name=data["name"],
        kind=data["kind"],
        country_code=data["country_code"],
        geonames_id=data["geonames_id"],
    )


def _figure(data: dict[str, Any]) -> Figure:
    return Figure(
        span=_span(data["span"]),
        value=data["value"],
        unit=data["unit"],
        modifier=data["modifier"],
        attribution=data["attribution"],
    )


def _attribution(data: dict[str, Any]) -> Attribution:
    return Attribution(
        id=data["id"],
        kind=data["kind"],
        content=_span(data["content"]),
        cue=_span(data["cue"]),
        source=_span(data["source"]),
        speaker=_speaker(data["speaker"]),
        confidence=data["confidence"],
        said_on=_date(data.get("said_on")),
        said_in=_place(data.get("said_in")),
    )
