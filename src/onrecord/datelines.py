"""Datelines: the place, and perhaps the agency, that open a news story before a dash
("WASHINGTON (AP) —", "JACKSON, Miss. -", "New York (AFP) –").

Both the attribution finder and the speaker resolver meet them: the parser hangs the place on
the words after it, so a dateline would open a content or a source ("WASHINGTON (AP) — The
city faces ...") and become a speaker or a title ("NEW YORK" titled "Republican presidential
candidate"). One definition serves both.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

DASHES = frozenset({"—", "–", "―", "--"})
# How many tokens a dateline's place and agency may take before the dash.
DATELINE_WORDS = 8


def is_dash(token: Token) -> bool:
    """A dash, or a hyphen standing for one (spaced: "RYE, N.H. - Gov. Jane Roe"; never the
    hyphen of "AFL-CIO")."""
    if token.text in DASHES:
        return True
    spaced = token.i > 0 and token.doc[token.i - 1].whitespace_ and token.whitespace_
    return token.text == "-" and bool(spaced)


def opens_paragraph(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text + doc[i - 1].whitespace_


def dateline_end(doc: Doc, start: int) -> int | None:
    """If a dateline opens the paragraph at token ``start``, the token after its dash: a
    place in capitals, perhaps with its state or country and a date ("RYE, N.H.", "RANGOON,
    Burma", "LOS ANGELES, Feb. 2"), or any capitalised place before an agency in brackets
    ("New York (AFP)"; one word: "(R-Texas)" is no agency), then a dash. Else None."""
    if not opens_paragraph(doc, start) or not doc[start].text[:1].isupper():
        return None
    capitals, agency, bracketed = doc[start].is_upper, False, []
    for i in range(start, min(len(doc), start + DATELINE_WORDS + 1)):
        token = doc[i]
        if i > start and is_dash(token):
            return i + 1 if capitals or agency else None
        if "\n" in token.text:
            return None
        if token.text == "(":
            bracketed = [token]
        elif token.text == ")":
            agency = agency or (len(bracketed) == 2 and bracketed[1].is_alpha)
            bracketed = []
        elif bracketed:
            bracketed.append(token)
        elif token.is_alpha and not token.text[:1].isupper():
            return None
    return None


def paragraph_start(doc: Doc, i: int, reach: int = DATELINE_WORDS) -> int | None:
    """The first token of token ``i``'s paragraph, if it is at most ``reach`` tokens back."""
    for k in range(i, max(i - reach, 0) - 1, -1):
        if opens_paragraph(doc, k):
            return k
    return None


def in_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` lie inside a dateline (its place or its agency)."""
    opening = paragraph_start(doc, start)
    if opening is None:
        return False
    after = dateline_end(doc, opening)
    return after is not None and end < after
