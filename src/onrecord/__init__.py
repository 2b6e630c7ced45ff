"""onrecord: who said what, about whom, and when, from news articles."""

from __future__ import annotations

import logging

from onrecord.types import Article, Attribution, Document, Entity, Span, Speaker

__all__ = ["Article", "Attribution", "Document", "Entity", "Span", "Speaker", "extract"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, published: str | None = None, *, model: str | None = None) -> Document:
    """Find every attribution in ``text`` and resolve its speaker.

    The spaCy pipeline is loaded once per model name and reused by later calls.
    """
    from onrecord.pipeline import get_extractor

    return get_extractor(model).extract(Article(text=text, published=published))
