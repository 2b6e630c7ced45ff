"""From an article to a Document: the one path every front end (CLI, API, spaCy users) takes.

The spaCy pipeline with the ``onrecord`` component does the work; this module only loads it
once per model name and turns the component's output into a ``Document``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from onrecord.read import mask_debris
from onrecord.settings import DEFAULT_MODEL
from onrecord.types import Article, Attribution, Document, Entity, Span


class Extractor:
    """A loaded spaCy pipeline with the onrecord component at its end."""

    def __init__(self, model: str | None = None, *, batch_size: int = 8):
        from onrecord.component import load_pipeline

        self.model = model or DEFAULT_MODEL
        self.batch_size = batch_size
        self.nlp = load_pipeline(self.model)

    def extract(self, article: Article) -> Document:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Extract from many articles, batching them through ``nlp.pipe``."""
        pairs = ((mask_debris(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            attributions, entities = doc._.attributions, doc._.entities
            if doc.text != article.text:
                attributions = [_recut_attribution(a, article.text) for a in attributions]
                entities = [_recut_entity(e, article.text) for e in entities]
            yield Document(
                article=article,
                attributions=tuple(attributions),
                entities=tuple(entities),
                model=self.model,
            )


def _recut(span: Span | None, text: str) -> Span | None:
    """The same offsets, with the span text cut from the article as given (spaCy saw a
    copy with debris blanked out)."""
    return Span.from_slices(text, span.slices) if span is not None else None


def _recut_attribution(attribution: Attribution, text: str) -> Attribution:
    return replace(
        attribution,
        content=_recut(attribution.content, text),
        cue=_recut(attribution.cue, text),
        source=_recut(attribution.source, text),
    )


def _recut_entity(entity: Entity, text: str) -> Entity:
    return replace(entity, mentions=tuple(_recut(m, text) for m in entity.mentions))


@lru_cache(maxsize=4)
def get_extractor(model: str | None = None) -> Extractor:
    return Extractor(model)
