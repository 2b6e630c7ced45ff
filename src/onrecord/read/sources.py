"""Paths to articles: files, directories and stdin, each read by its kind.

Errors are yielded rather than raised so that one unreadable file does not stop a batch;
the caller decides whether to report and go on or to stop.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal

from onrecord.errors import ReadError
from onrecord.read.dates import iso_date
from onrecord.read.decode import decode_bytes, decode_html_bytes
from onrecord.read.jsonl import jsonl_articles, looks_like_jsonl
from onrecord.read.webpage import article_from_html
from onrecord.types import Article

Kind = Literal["text", "html", "jsonl"]

KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
STDIN = "-"
STDIN_PATH = "<stdin>"
_STARTS_WITH_TAG = re.compile(r"\s*<")


def iter_articles(
    paths: Iterable[str | Path], *, published: str | None = None, recursive: bool = True
) -> Iterator[Article | ReadError]:
    """Read every article under ``paths``, yielding a ReadError for each that cannot be read.

    ``published`` (YYYY-MM-DD) is the date for articles whose input carries none.
    """
    try:
        default_date = iso_date(published)
    except ValueError as error:
        yield ReadError(f"published date: {error}")
        return
    if isinstance(paths, str | Path):  # one path, not an iterable of its characters
        paths = [paths]
    for path in paths:
        for item in _articles_at(path, recursive):
            if isinstance(item, Article) and item.published is None and default_date:
                item = replace(item, published=default_date)
            yield item


def _articles_at(path: str | Path, recursive: bool) -> Iterator[Article | ReadError]:
    if str(path) == STDIN:
        yield from _stdin_articles()
        return
    where = Path(path)
    if where.is_dir():
        yield from _directory_articles(where, recursive)
    elif where.exists():
        yield from _file_articles(where, KINDS.get(where.suffix.lower()))
    else:
        yield ReadError("no such file or directory", path=str(path))


def _directory_articles(directory: Path, recursive: bool) -> Iterator[Article | ReadError]:
    found = False
    for file in _readable_files(directory, recursive):
        found = True
        yield from _file_articles(file, KINDS[file.suffix.lower()])
    if not found:
        extensions = ", ".join(sorted(KINDS))
        yield ReadError(f"no article files ({extensions}) in this directory", path=str(directory))


def _readable_files(directory: Path, recursive: bool) -> list[Path]:
    """Files with a known extension, sorted by path, skipping hidden files and folders."""
    found = []
    for root, folders, files in os.walk(directory):
        folders[:] = [f for f in folders if not f.startswith(".")] if recursive else []
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in KINDS
        )
    return sorted(found, key=lambda file: file.relative_to(directory).parts)


def _file_articles(file: Path, kind: Kind | None) -> Iterator[Article | ReadError]:
    """Read one file; an unknown extension (named explicitly) is sniffed like stdin."""
    path = str(file)
    try:
        data = file.read_bytes()
    except OSError as error:
        yield ReadError(f"cannot read: {error.strerror or error}", path=path)
        return
    yield from _articles_from_bytes(data, path, file.stem, kind)


def _stdin_articles() -> Iterator[Article | ReadError]:
    stream = sys.stdin
    try:
        buffer = getattr(stream, "buffer", None)
        data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
    except (OSError, UnicodeError) as error:
        yield ReadError(f"cannot read stdin: {error}", path=STDIN_PATH)
        return
    yield from _articles_from_bytes(data, STDIN_PATH, "stdin", None)


def _articles_from_bytes(
    data: bytes, path: str, article_id: str, kind: Kind | None
) -> Iterator[Article | ReadError]:
    try:
        if kind == "html":
            yield replace(article_from_html(decode_html_bytes(data, path), path), id=article_id)
            return
        text = decode_bytes(data, path)
        kind = kind or _sniff(text)
        if kind == "jsonl":
            yield from jsonl_articles(text, path, article_id)
        elif kind == "html":
            yield replace(article_from_html(text, path), id=article_id)
        else:
            yield Article(text=text, id=article_id, path=path)
    except ReadError as error:
        yield error


def _sniff(text: str) -> Kind:
    """HTML if it opens with a tag, JSON Lines if its first line is an object, else text."""
    if _STARTS_WITH_TAG.match(text):
        return "html"
    if looks_like_jsonl(text):
        return "jsonl"
    return "text"
