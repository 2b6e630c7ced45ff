"""READ: turn files, pages and streams into ``Article`` records.

Everything here is offline and keeps offsets honest: text is decoded exactly (never
normalised), and debris is masked in place rather than removed.
"""

from __future__ import annotations

from onrecord.errors import ReadError
from onrecord.read.clean import mask_debris
from onrecord.read.decode import decode_bytes
from onrecord.read.jsonl import articles_from_jsonl
from onrecord.read.sources import iter_articles
from onrecord.read.webpage import article_from_html

__all__ = [
    "ReadError",
    "article_from_html",
    "articles_from_jsonl",
    "decode_bytes",
    "iter_articles",
    "mask_debris",
]
