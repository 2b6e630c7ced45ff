"""Quotation spans, found by reading quotation marks the way a news reader does.

Reporters open a quotation with “, " or ``/'' and close it with ”, " or ''; German and
some Central European papers open with „ and close with “. A quotation that
runs over several paragraphs opens each paragraph again and closes only the last; a
paragraph that opens a quotation and never closes it (a scraping or editing slip) ends the
quotation at the paragraph's end rather than swallowing the rest of the article. Closing
marks with nothing open (``slug=”...”`` debris) are ignored.

British and Irish papers, and American headlines, quote with single marks (‘…’ or '…'),
whose closing mark is also the apostrophe. A single mark opens before a word, outside any
double quotation (inside one it is a quotation within the quotation), and closes at the
first mark after a word that no letter follows ("the party’s" is not a close); a mark after
an "s" ("the workers’ union") closes only when no clearer close comes before the next
opening. A single quotation that never closes is dropped, unless it opens its paragraph as
a multi-paragraph quotation does. Double quotations inside a single one (the British nesting,
‘He called it “a disgrace”,’) belong to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

OPENING = ("“", "``", "„", "«")
CLOSING = ("”", "''", "»")
STRAIGHT = '"'
_MARK = re.compile(r"``|''|[“”„«»\"]|\n")
_SINGLE_OPENING = re.compile(r"(?<![^\s(\[—–-])[‘'](?=[^\W\d_])")
_SINGLE_CLOSING = re.compile(r"(?<=\S)[’'](?!\w)")


@dataclass(frozen=True)
class Quotation:
    """A quoted stretch: ``start``/``end`` include the marks; ``closed`` is False when the
    paragraph ended before a closing mark; ``single`` when the marks are single ones."""

    start: int
    end: int
    closed: bool
    inner_start: int
    inner_end: int
    single: bool = False


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, in order, never overlapping and never crossing a paragraph.

    Each kind of mark is read in one left-to-right pass (binary searches aside), so the cost
    grows with the text, not its square, however unbalanced the marks.
    """
    doubles = _double_quotations(text)
    singles = _single_quotations(text, doubles)
    if not singles:
        return doubles
    return sorted(_outside_all(doubles, singles) + singles, key=lambda q: q.start)


def _double_quotations(text: str) -> list[Quotation]:
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
        if mark in CLOSING or mark == STRAIGHT or (mark == "“" and text[open_at] == "„"):
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


def _single_quotations(text: str, doubles: list[Quotation]) -> list[Quotation]:
    """Quotations in single marks, read around the double ones (see the module's notes)."""
    outside = _Outside(doubles)
    openings = [m.start() for m in _SINGLE_OPENING.finditer(text) if outside(m.start())]
    if not openings:
        return []
    closings = [m.start() for m in _SINGLE_CLOSING.finditer(text) if outside(m.start())]
    clear = [i for i, c in enumerate(closings) if not _after_plural(text, c)]
    found: list[Quotation] = []
    for pos in openings:
        if found and pos < found[-1].end:
            continue
        paragraph_end = text.find("\n", pos)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        close = _closing_for(text, pos, paragraph_end, openings, closings, clear)
        if close is not None:
            found.append(Quotation(pos, close + 1, True, pos + 1, close, single=True))
        elif text[pos] == "‘" and text.rfind("\n", 0, pos) + 1 == pos:
            found.append(replace(_unclosed(text, pos, 1, paragraph_end), single=True))
    return [q for q in found if q.inner_end - q.inner_start > 1]


def _closing_for(
    text: str,
    pos: int,
    paragraph_end: int,
    openings: list[int],
    closings: list[int],
    clear: list[int],
) -> int | None:
    """The mark that closes the single quotation opened at ``pos``: the first one, unless
    it may be a plural's apostrophe and a clear one comes before the next opening."""
    at = bisect_right(closings, pos)
    if at == len(closings) or closings[at] >= paragraph_end:
        return None
    first = closings[at]
    if not _after_plural(text, first):
        return first
    next_opening = openings[bisect_right(openings, pos)] if pos < openings[-1] else paragraph_end
    at_clear = bisect_left(clear, at)
    if at_clear < len(clear):
        candidate = closings[clear[at_clear]]
        if candidate < min(next_opening, paragraph_end):
            return candidate
    return first


def _after_plural(text: str, pos: int) -> bool:
    """The mark may be a plural's possessive apostrophe: "the workers’ union"."""
    return text[pos - 1] in "sS" and pos + 1 < len(text) and text[pos + 1] == " "


class _Outside:
    """Whether an offset lies outside every one of some quotations, by binary search."""

    def __init__(self, quotations: list[Quotation]):
        self.starts = [q.start for q in quotations]
        self.ends = [q.end for q in quotations]

    def __call__(self, offset: int) -> bool:
        at = bisect_right(self.starts, offset) - 1
        return at < 0 or offset >= self.ends[at]


def _outside_all(quotations: list[Quotation], others: list[Quotation]) -> list[Quotation]:
    """The quotations that no quotation of ``others`` holds. A single quotation opens and
    closes outside the double ones, and neither kind crosses a paragraph, so a double one
    that overlaps a single one lies wholly inside it."""
    holds = _Outside(others)
    return [q for q in quotations if holds(q.start)]


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
