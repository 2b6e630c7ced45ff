"""When and where a statement was made, where the article says so.

"told reporters in Kyiv on Saturday": the date and the place hang off the reporting verb
(a preposition's object, a bare noun phrase such as "said Monday"), possibly through its
object ("reporters in Kyiv") or a participle beside it ("speaking in Kyiv, she said"), or
they sit inside the cue span itself ("said on Friday"). Anything inside the content is what
was said, not when it was said, and the source's own phrases ("a Kyiv official") say who,
not where: neither is searched. With no such date or place the attribution gets none: the
publication date is never put in its place.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.types import Attribution, DateMention, Place

# Dependency arcs followed down from the reporting verb: prepositions and their objects,
# bare time phrases, the verb's objects, and participles beside it ("speaking in Kyiv",
# "said while campaigning in Iowa on Tuesday", "said after meeting Thursday": the same
# occasion).
FOLLOWED = frozenset(
    {
        "prep",
        "pobj",
        "pcomp",
        "npadvmod",
        "tmod",
        "obl",
        "advmod",
        "dobj",
        "dative",
        "iobj",
        "advcl",
    }
)
# Prepositions that say where something was said ("in Kyiv", "at the UN in New York").
PLACE_PREPOSITIONS = frozenset({"in", "at"})
# Prepositions that say when ("on Saturday", "in March", "during the debate").
DATE_PREPOSITIONS = frozenset({"on", "in", "at", "during"})
MAX_DEPTH = 4


def add_when_where(
    doc: Doc,
    attributions: list[Attribution],
    dates: list[tuple[int, int, DateMention]],
    places: list[Place],
) -> list[Attribution]:
    """The attributions, each with ``said_on`` / ``said_in`` where the article gives them.

    dates: (first token, end token, mention) of each date; places: the place mentions.
    """
    if not (dates or places) or not attributions:
        return attributions
    date_at = {i: mention for first, end, mention in dates for i in range(first, end)}
    place_at = _token_index(doc, places)
    return [_with_when_where(doc, a, date_at, place_at) for a in attributions]


def _token_index(doc: Doc, places: list[Place]) -> dict[int, Place]:
    index = {}
    for place in places:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is not None:
            index.update((i, place) for i in range(span.start, span.end))
    return index


def _with_when_where(
    doc: Doc, attribution: Attribution, date_at: dict[int, DateMention], place_at: dict[int, Place]
) -> Attribution:
    if attribution.cue is None:
        return attribution
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    if cue is None or cue.root.lower_ == "according":
        return attribution
    content = [range(s, e) for s, e in attribution.content.slices]
    said_on = next(iter(_in_cue(cue, date_at)), None)
    said_in = next(iter(_in_cue(cue, place_at)), None)
    for token, preposition in _attached(cue.root, content):
        if said_on is None and token.i in date_at and _fits(preposition, DATE_PREPOSITIONS):
            said_on = date_at[token.i]
        if said_in is None and token.i in place_at and preposition in PLACE_PREPOSITIONS:
            said_in = place_at[token.i]
    if said_on is None and said_in is None:
        return attribution
    return replace(attribution, said_on=said_on, said_in=said_in)


def _in_cue(cue: SpacySpan, index: dict) -> Iterable:
    return (index[t.i] for t in cue if t.i in index)


def _fits(preposition: str | None, allowed: frozenset[str]) -> bool:
    return preposition is None or preposition in allowed


def _attached(verb: Token, content: list[range]) -> Iterable[tuple[Token, str | None]]:
    """Tokens hanging off the verb through the followed arcs, nearest first, each with the
    preposition it hangs from (None for a bare phrase); none inside the content."""
    queue: deque[tuple[Token, int, str | None]] = deque([(verb, 0, None)])
    while queue:
        token, depth, preposition = queue.popleft()
        if depth == MAX_DEPTH:
            continue
        for child in token.children:
            if child.dep_ not in FOLLOWED or any(child.idx in r for r in content):
                continue
            if child.dep_ == "advcl" and child.tag_ not in ("VBG", "VBN"):
                continue
            via = child.lower_ if child.dep_ == "prep" else preposition
            if child.dep_ in ("npadvmod", "tmod", "advmod", "obl"):
                via = None
            yield child, via
            queue.append((child, depth + 1, via))
