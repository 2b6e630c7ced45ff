"""From an article to a Document: the one path every front end (CLI, API, spaCy users) takes.

The spaCy pipeline with the ``onrecord`` component does the work; this module only loads it
once per model name, hands each article's publication date to the component (on the Doc,
as ``doc._.published``, before the pipeline runs) and turns the component's output into a
``Document``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from onrecord.errors import ReadError
from onrecord.read import mask_debris
from onrecord.settings import DEFAULT_MODEL, DEFAULT_TAGGER, TAGGER_VARIABLE
from onrecord.types import Article, Attribution, DateMention, Document, Entity, Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Extractor:
    """A loaded spaCy pipeline with the onrecord component at its end."""

    def __init__(self, model: str | None = None, *, tagger: str | None = None, batch_size: int = 8):
        """``tagger``: a shipped tagger's name ("crf", "encoder") or a folder with a trained
        one; None takes the one ``ONRECORD_TAGGER`` names, else "crf"."""
        from onrecord.component import load_pipeline

        self.model = model or DEFAULT_MODEL
        self.tagger = chosen_tagger(tagger)
        self.batch_size = batch_size
        self.nlp = load_pipeline(self.model, tagger=self.tagger)

    def extract(self, article: Article) -> Document:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Extract from many articles, batching them through ``nlp.pipe``."""
        pairs = ((self._make_doc(a), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            attributions, entities = doc._.attributions, doc._.entities
            dates, places, figures = doc._.dates, doc._.places, doc._.figures
            if doc.text != article.text:
                text = article.text
                attributions = [_recut_attribution(a, text) for a in attributions]
                entities = [_recut_entity(e, text) for e in entities]
                dates = [_recut_date(d, text) for d in dates]
                places = [_recut_place(p, text) for p in places]
                figures = [replace(f, span=_recut(f.span, text)) for f in figures]
            yield Document(
                article=article,
                attributions=tuple(attributions),
                entities=tuple(entities),
                dates=tuple(dates),
                places=tuple(places),
                figures=tuple(figures),
                model=self.model,
            )

    def _make_doc(self, article: Article) -> Doc:
        """The tokenised article (debris masked) carrying its publication date, which the
        onrecord component resolves relative dates against."""
        self._refuse_too_long(article)
        doc = self.nlp.make_doc(mask_debris(article.text))
        doc._.published = article.published
        return doc

    def _refuse_too_long(self, article: Article) -> None:
        """Refuse, at once and in one line, a text longer than the parser takes in one piece
        (spaCy's ``nlp.max_length``, a million characters by default): such an "article" is
        nearly always a whole dump or a mis-read file, and cutting it up would invent
        article boundaries and lose the speakers that span them."""
        length, limit = len(article.text), self.nlp.max_length
        if length > limit:
            raise ReadError(
                f"article too long: {length:,} characters, over the {limit:,} that onrecord"
                " extracts from in one piece; split it into articles",
                path=article.path or article.id,
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
        said_on=_recut_date(attribution.said_on, text),
        said_in=_recut_place(attribution.said_in, text),
    )


def _recut_entity(entity: Entity, text: str) -> Entity:
    return replace(entity, mentions=tuple(_recut(m, text) for m in entity.mentions))


def _recut_date(mention: DateMention | None, text: str) -> DateMention | None:
    return replace(mention, span=_recut(mention.span, text)) if mention is not None else None


def _recut_place(place: Place | None, text: str) -> Place | None:
    """A recut place keeps its gazetteer name; an unknown place is named by its own text."""
    if place is None:
        return None
    span = _recut(place.span, text)
    name = place.name if place.kind is not None else span.text
    return replace(place, span=span, name=name)


def chosen_tagger(tagger: str | None) -> str:
    """The tagger asked for, else the one ``ONRECORD_TAGGER`` names, else "crf"."""
    return tagger or os.environ.get(TAGGER_VARIABLE) or DEFAULT_TAGGER


def get_extractor(model: str | None = None, tagger: str | None = None) -> Extractor:
    """The extractor for ``model`` and ``tagger``, loaded once per process."""
    return _cached_extractor(model, chosen_tagger(tagger))


@lru_cache(maxsize=4)
def _cached_extractor(model: str | None, tagger: str) -> Extractor:
    return Extractor(model, tagger=tagger)
