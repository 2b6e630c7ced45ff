"""onrecord: who said what, about whom, and when, from news articles."""

from __future__ import annotations

import logging

from onrecord.types import Article, Attribution, Document, Entity, Span, Speaker

__all__ = ["Article", "Attribution", "Document", "Entity", "Span", "Speaker", "extract"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(
    text: str,
    published: str | None = None,
    *,
    model: str | None = None,
    tagger: str | None = None,
) -> Document:
    """Find every attribution in ``text`` and resolve its speaker.

    ``model`` names the spaCy pipeline, ``tagger`` the attribution tagger ("crf", the
    default, or the slower, more accurate "encoder"). Each pair is loaded once and reused.
    """
    from onrecord.pipeline import get_extractor

    return get_extractor(model, tagger).extract(Article(text=text, published=published))
