"""Articles from HTML pages: body text and metadata, via trafilatura, offline."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from onrecord.errors import ReadError
from onrecord.read.dates import iso_date
from onrecord.types import Article

if TYPE_CHECKING:
    from configparser import ConfigParser

    from lxml.html import HtmlElement

# trafilatura rejects pages over 20 MB by default; a saved page with inline images can be
# bigger and still hold an ordinary article.
_MAX_HTML_BYTES = 200_000_000
_SPACES = re.compile(r"\s+")
# Elements whose content a browser never shows: trafilatura's fallback for short pages
# would read an iframe's fallback words as the article's. (Scripts stay: their JSON-LD
# holds metadata, and trafilatura leaves them out of the text.)
_NEVER_SHOWN = ("iframe", "frame", "noscript", "template")


def article_from_html(html: str, path: str | None = None) -> Article:
    """Extract the article in ``html``; offsets of the result index ``Article.text``.

    Navigation, scripts, iframes and tables are left out; paragraphs are joined by "\\n".
    A title repeated as the body's first line (the page's <h1>) is dropped from the text,
    since it is already ``Article.title`` and is not part of what anyone said.
    """
    if not html or html.isspace():
        raise ReadError("empty HTML: no text to read", path=path)
    extracted = _extract(html, path)
    text = (extracted.get("text") or "") if extracted else ""
    title = _clean(extracted.get("title")) if extracted else None
    text = _drop_leading_title(text, title)
    if not text.strip():
        raise ReadError("no article text found in the HTML", path=path)
    return Article(
        text=text,
        title=title,
        url=_clean(extracted.get("url")),
        published=_date_or_none(extracted.get("date")),
        outlet=_clean(extracted.get("sitename")),
        author=_clean(extracted.get("author")),
        path=path,
    )


def _extract(html: str, path: str | None) -> dict[str, Any] | None:
    """Run trafilatura, retrying for recall when the precise pass finds nothing."""
    import trafilatura

    page = _parsed(_as_full_page(html), path)
    options = {
        "with_metadata": True,
        "include_comments": False,
        "include_tables": False,
        "include_images": False,
        "include_links": False,
        "config": _config(),
    }
    result = trafilatura.bare_extraction(page, **options)
    if result is None or not (result.text or "").strip():
        result = trafilatura.bare_extraction(page, favor_recall=True, **options)
    return result.as_dict() if result is not None else None


def _parsed(page: str, path: str | None) -> HtmlElement | str:
    """The page's tree, parsed as trafilatura parses it but past libxml2's default depth.

    By default libxml2 stops 256 elements deep and silently drops the rest of the page, so
    a page of deeply nested (or unclosed) tags lost its article without a word. With
    ``huge_tree`` the limit is libxml2's hard one; a page deeper still is refused rather
    than read in part. Markup lxml cannot parse here goes to trafilatura as a string.
    Elements a browser never shows are dropped (``_NEVER_SHOWN``)."""
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(
        collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True,
        huge_tree=True,
    )  # fmt: skip
    try:
        tree = document_fromstring(page, parser=parser)
    except (ValueError, etree.ParserError):
        return page
    if any("excessive depth" in error.message.lower() for error in parser.error_log):
        raise ReadError("HTML nested too deeply to read the whole page", path=path)
    for hidden in list(tree.iter(*_NEVER_SHOWN)):
        hidden.drop_tree()  # keeps the text after the element
    return tree


def _as_full_page(html: str) -> str:
    """Wrap a fragment ("<p>...</p>"): trafilatura discards input that does not look like a page."""
    if "html" in html.lstrip()[:50].lower():
        return html
    return f"<html><body>{html}</body></html>"


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(_MAX_HTML_BYTES))
    return config


def _drop_leading_title(text: str, title: str | None) -> str:
    if not title:
        return text
    first_line, newline, rest = text.partition("\n")
    if newline and _normalised(first_line) == _normalised(title):
        return rest.lstrip("\n")
    return text


def _normalised(value: str) -> str:
    return _SPACES.sub(" ", value).strip().casefold()


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _date_or_none(value: object) -> str | None:
    """trafilatura's date, if it is a real ISO date; a page's odd date is no reason to fail."""
    try:
        return iso_date(value)
    except ValueError:
        return None
