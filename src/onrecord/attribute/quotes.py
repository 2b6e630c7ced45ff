"""Quotation spans, found by reading quotation marks the way a news reader does.

Reporters open a quotation with “, " or ``/'' and close it with ”, " or ''. A quotation that
runs over several paragraphs opens each paragraph again and closes only the last; a
paragraph that opens a quotation and never closes it (a scraping or editing slip) ends the
quotation at the paragraph's end rather than swallowing the rest of the article. Closing
marks with nothing open (``slug=”...”`` debris) are ignored. Single quotation marks are
left alone: ’ is also the apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = ("“", "``", "„", "«")
CLOSING = ("”", "''", "»")
STRAIGHT = '"'
_MARK = re.compile(r"``|''|[“”„«»\"]|\n")


@dataclass(frozen=True)
class Quotation:
    """A quoted stretch: ``start``/``end`` include the marks; ``closed`` is False when the
    paragraph ended before a closing mark."""

    start: int
    end: int
    closed: bool
    inner_start: int
    inner_end: int


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, in order, never overlapping and never crossing a paragraph.

    Works in one left-to-right pass, so its cost grows linearly with the text.
    """
    found: list[Quotation] = []
    open_at: int | None = None
    open_len = 0
    for match in _MARK.finditer(text):
        mark, pos = match.group(), match.start()
        if mark == "\n":
            if open_at is not None:
                found.append(_unclosed(text, open_at, open_len, pos))
                open_at = None
            continue
        if open_at is None:
            if mark in OPENING or mark == STRAIGHT or (mark == "''" and _opens_here(text, pos)):
                open_at, open_len = pos, len(mark)
            continue
        if mark in CLOSING or mark == STRAIGHT:
            found.append(Quotation(open_at, match.end(), True, open_at + open_len, pos))
            open_at = None
        elif mark in OPENING:
            # A second opening mark before any closing one: the first quotation lost its
            # closing mark; end it just before this one.
            found.append(_unclosed(text, open_at, open_len, pos))
            open_at, open_len = pos, len(mark)
    if open_at is not None:
        found.append(_unclosed(text, open_at, open_len, len(text)))
    return [q for q in found if q.inner_end - q.inner_start > 1]


def _opens_here(text: str, pos: int) -> bool:
    """'' opens a quotation when it stands before a word, not after one."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 2] if pos + 2 < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()


def _unclosed(text: str, start: int, open_len: int, end: int) -> Quotation:
    """An open quotation cut at ``end``, with trailing blanks trimmed."""
    while end > start + open_len and text[end - 1].isspace():
        end -= 1
    return Quotation(start, end, False, start + open_len, end)


def quote_marks_at(text: str) -> set[int]:
    """Offsets of every character that is part of a double quotation mark."""
    marks: set[int] = set()
    for match in _MARK.finditer(text):
        if match.group() != "\n":
            marks.update(range(match.start(), match.end()))
    return marks
