"""Articles from JSON Lines: one object a line, each with ``text`` or ``html``.

A bad line is reported with its line number and the rest of the file is still read, so one
broken record in a crawl of thousands costs one record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from onrecord.errors import ReadError
from onrecord.read.dates import iso_date
from onrecord.read.webpage import article_from_html
from onrecord.types import Article

_METADATA_FIELDS = ("title", "url", "outlet", "author")


def articles_from_jsonl(text: str, path: str | None) -> Iterator[Article | ReadError]:
    """Yield an Article for each good line and a ReadError (with ``line``) for each bad one.

    Articles without an ``id`` field get ``<file stem>-<line>``, unique within a file.
    """
    id_prefix = Path(path).stem if path else "line"
    yield from jsonl_articles(text, path, id_prefix)


def jsonl_articles(text: str, path: str | None, id_prefix: str) -> Iterator[Article | ReadError]:
    """``articles_from_jsonl`` with the fallback id prefix chosen by the caller (e.g. stdin)."""
    for number, line in numbered_lines(text):
        if not line.strip():
            continue
        try:
            yield _article_from_line(line, path, f"{id_prefix}-{number}")
        except ReadError as error:
            yield ReadError(error.message, path=path, line=number)


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines split on "\\n" only: JSON strings may hold U+2028, which ``splitlines`` splits on."""
    start = 0
    number = 1
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield number, text[start:end].removesuffix("\r")
        start = end + 1
        number += 1


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object."""
    for _, line in numbered_lines(text):
        if line.strip():
            return _parses_as_object(line)
    return False


def _parses_as_object(line: str) -> bool:
    stripped = line.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except ValueError:
        return False


def _article_from_line(line: str, path: str | None, fallback_id: str) -> Article:
    record = _parse_record(line)
    article = _article_body(record, path)
    metadata = {name: _optional_string(record, name) for name in _METADATA_FIELDS}
    return Article(
        text=article.text,
        id=_optional_id(record) or fallback_id,
        title=metadata["title"] or article.title,
        url=metadata["url"] or article.url,
        published=_published(record) or article.published,
        outlet=metadata["outlet"] or article.outlet,
        author=metadata["author"] or article.author,
        path=path,
    )


def _parse_record(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ReadError(f"not valid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(record, dict):
        raise ReadError(f"expected a JSON object, got a {_json_type(record)}")
    return record


def _article_body(record: dict[str, Any], path: str | None) -> Article:
    text, html = record.get("text"), record.get("html")
    if text is not None:
        if not isinstance(text, str):
            raise ReadError(f"'text' must be a string, got a {_json_type(text)}")
        if not text.strip():
            raise ReadError("'text' is empty")
        return Article(text=text)
    if html is not None:
        if not isinstance(html, str):
            raise ReadError(f"'html' must be a string, got a {_json_type(html)}")
        return article_from_html(html, path)
    raise ReadError("needs a 'text' or 'html' field")


def _optional_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReadError(f"'{name}' must be a string, got a {_json_type(value)}")
    return value.strip() or None


def _optional_id(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value).strip() or None
    raise ReadError(f"'id' must be a string or an integer, got a {_json_type(value)}")


def _published(record: dict[str, Any]) -> str | None:
    try:
        return iso_date(record.get("published"))
    except ValueError as error:
        raise ReadError(f"'published': {error}") from None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
