"""Resolve: who each attribution's source is, and the article's entities.

``resolve_speakers(doc, attributions)`` takes the attributions the attribute stage found
(source spans set, speakers not) in a parsed article and returns them with their speakers,
together with one entity per real-world speaker and per named person in the article.
"""

from __future__ import annotations

from onrecord.resolve.speakers import resolve_speakers

__all__ = ["resolve_speakers"]
