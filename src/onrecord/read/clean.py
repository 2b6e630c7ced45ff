"""Blank out scraper debris without moving a single character.

Scraped articles carry WordPress shortcodes, stray HTML tags and advertisement lines that
confuse a parser (a shortcode glued to a quotation can hide the quotation's end). The
pipeline parses the masked text but cuts span texts from the original, which only works
if every character keeps its offset: debris becomes spaces, line ends stay where they are.

Every pattern scans a bounded stretch (it cannot cross the character that starts the next
match), so masking stays linear in the length of the text.
"""

from __future__ import annotations

import re

_NAME = r"[a-z][a-z0-9_-]*"

# [embedpost slug="..."], [gallery ids=1,2], [/caption]: a lowercase name with key=value
# attributes, or any closing tag. Editorial brackets in quotations ("[sic]", "[the plan]")
# have neither, so they are left alone.
_SHORTCODE_WITH_ATTRIBUTES = re.compile(rf"\[/?{_NAME}\s[^\[\]\n=]*=[^\[\]\n]*\]")
_SHORTCODE_CLOSER = re.compile(rf"\[/({_NAME})\]")
_BARE_SHORTCODE = re.compile(rf"\[({_NAME})\]")
# [embed]https://...[/embed]: the URL is debris too, unlike a caption's words.
_EMBEDDED_URL = re.compile(rf"\[({_NAME})\][ \t]*https?://[^\s\[\]]+[ \t]*\[/\1\]")

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>\n]*)?/?>")
_HTML_COMMENT = re.compile(r"<!--[^<\n]*?-->")

_DEBRIS_LINE = re.compile(
    r"^[ \t]*(?:"
    r"advertisement|advertising|sponsored content|"
    r"(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?|"
    r"(?:read more|read also|also read|see also|related|recommended|more on this)"
    r"[ \t]*:[^\n]*|"
    r"https?://\S+"
    r")[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)

_NOT_LINE_END = re.compile(r"[^\r\n]")


def mask_debris(text: str) -> str:
    """Return ``text`` with debris replaced by spaces; the result has exactly its length."""
    closed_names = {match.group(1) for match in _SHORTCODE_CLOSER.finditer(text)}
    masked = text
    for pattern in (_SHORTCODE_WITH_ATTRIBUTES, _EMBEDDED_URL, _SHORTCODE_CLOSER):
        masked = pattern.sub(_blank, masked)
    masked = _BARE_SHORTCODE.sub(lambda match: _blank_shortcode(match, closed_names), masked)
    for pattern in (_HTML_COMMENT, _HTML_TAG, _DEBRIS_LINE):
        masked = pattern.sub(_blank, masked)
    return masked


def _blank_shortcode(match: re.Match[str], closed_names: set[str]) -> str:
    """A bare "[name]" is a shortcode when "[/name]" closes it somewhere or its name has "_"."""
    name = match.group(1)
    if name in closed_names or "_" in name:
        return _blank(match)
    return match.group(0)


def _blank(match: re.Match[str]) -> str:
    """Spaces for the match, keeping any line ends inside it."""
    found = match.group(0)
    if "\n" in found or "\r" in found:
        return _NOT_LINE_END.sub(" ", found)
    return " " * len(found)
