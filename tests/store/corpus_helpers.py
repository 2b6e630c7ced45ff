"""Builders the corpus tests share: hand-made documents for the database's own rules, and
PolNeAR articles as JSON Lines with their metadata. A module of its own (not conftest.py),
so test files import it by a name no other test folder uses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from helpers import require_shared

from onrecord.types import Article, Attribution, Document, Entity, Span, Speaker


def make_document(
    text: str,
    said: list[tuple[str, str, str, str]],
    *,
    url: str | None = None,
    path: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
) -> Document:
    """A document where each ``(speaker name, type, source text, content text)`` is one
    attribution whose spans are found in ``text``; one entity per speaker name."""
    entities: dict[str, Entity] = {}
    attributions = []
    for number, (name, kind, source, content) in enumerate(said, start=1):
        source_span = _span(text, source)
        entity = entities.get(name)
        if entity is None:
            entity = Entity(f"e{len(entities) + 1}", kind, name, None, ())  # type: ignore[arg-type]
        entities[name] = Entity(
            entity.id, entity.type, name, entity.title, (*entity.mentions, source_span)
        )
        attributions.append(
            Attribution(
                id=f"a{number}",
                kind="indirect",
                content=_span(text, content),
                source=source_span,
                speaker=Speaker(entity.id, name, kind),  # type: ignore[arg-type]
            )
        )
    article = Article(text=text, url=url, path=path, published=published, outlet=outlet)
    return Document(article, tuple(attributions), tuple(entities.values()), model="hand-made")


def _span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span.from_slices(text, [(start, start + len(fragment))])


def polnear_jsonl(compartment: Path, names: list[str], out: Path) -> Path:
    """PolNeAR articles as JSON Lines with their outlet, date and title from metadata.tsv."""
    metadata = {}
    with (compartment.parent / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            metadata[row["filename"]] = row
    with out.open("w", encoding="utf-8") as handle:
        for name in names:
            meta = metadata.get(name, {})
            record = {
                "id": name,
                "text": (compartment / "text" / f"{name}.txt").read_text(encoding="utf-8"),
                "outlet": meta.get("publisher"),
                "published": meta.get("publication_date"),
                "title": meta.get("title"),
            }
            handle.write(json.dumps(record) + "\n")
    return out


def train_names(count: int) -> list[str]:
    folder = require_shared("polnear", "train", "text")
    return sorted(p.stem for p in folder.glob("*.txt"))[:count]
