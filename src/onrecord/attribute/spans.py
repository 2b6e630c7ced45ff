"""The tagger's runs as token spans, mended before they are grouped.

A linear tagger's runs are ragged in ways a reader never is: a content broken at a comma
or a quotation mark, reported speech run on into the next sentence, a quoted sentence left
out. Each fix here works on spans alone, before ``group`` ties contents to cues and
sources.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from onrecord.attribute.quotes import Quotation
from onrecord.doc_arrays import sentence_starts

QUOTED_SENTENCE_WORDS = 4
FRAGMENT_GAP = 3
BARE_CUES = {":", "-", "—", "–"}


@dataclass
class RoleSpan:
    """A run of tokens with one role; ``start``/``end`` are token indices (end exclusive)."""

    role: str
    start: int
    end: int
    score: float = 1.0

    def char_slice(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1])


def role_spans(doc: Doc, tags: list[str], scores: list[float] | None = None) -> list[RoleSpan]:
    """Runs of same-role tokens; spaces and punctuation at a run's edges are dropped."""
    spans: list[RoleSpan] = []
    current: RoleSpan | None = None
    for i, tag in enumerate(tags):
        if tag == "O":
            current = None
            continue
        prefix, role = tag.split("-", 1)
        if current is not None and current.role == role and prefix == "I":
            current.end = i + 1
        else:
            current = RoleSpan(role, i, i + 1)
            spans.append(current)
    trimmed = []
    for span in spans:
        start, end = trim_edges(doc, span.start, span.end)
        if end == start and span.role == "CUE" and _is_bare_cue(doc, span):
            start, end = span.start, span.end
        if end > start:
            span.start, span.end = start, end
            if scores is not None:
                span.score = sum(scores[start:end]) / (end - start)
            trimmed.append(span)
    return trimmed


def _is_bare_cue(doc: Doc, span: RoleSpan) -> bool:
    """A colon or dash alone can be the whole cue ("Smith: 'We will win.'" in a headline,
    "- Smith." under a quotation); trimming it away would leave the quotation speakerless."""
    return span.end - span.start == 1 and doc[span.start].text in BARE_CUES


def trim_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces and the commas, stops, dashes and brackets at its
    ends: a span's words, as a reader would mark them."""
    while start < end and (doc[start].is_space or _is_edge_punct(doc[start].text)):
        start += 1
    while end > start and (doc[end - 1].is_space or _is_edge_punct(doc[end - 1].text)):
        end -= 1
    return start, end


def _is_edge_punct(text: str) -> bool:
    return text in {",", ".", ":", ";", "—", "–", "-", "(", ")"}


def add_missed_quotations(
    doc: Doc, spans: list[RoleSpan], quotations: list[Quotation]
) -> list[RoleSpan]:
    """Add, as contents, sentence-like quotations the tagger left out: a quoted sentence in
    a news article is nearly always somebody's words."""
    covered = [0] * len(doc)
    for span in spans:
        for i in range(span.start, span.end):
            covered[i] = 1
    added = []
    for quotation in quotations:
        piece = doc.char_span(quotation.inner_start, quotation.inner_end, alignment_mode="expand")
        if piece is None or not _sentence_like(piece):
            continue
        words = [t.i for t in piece if not (t.is_punct or t.is_space)]
        if sum(covered[i] for i in words) * 2 >= len(words):
            continue
        added.append(RoleSpan("CON", piece.start, piece.end, score=0.5))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def join_fragments(doc: Doc, spans: list[RoleSpan]) -> list[RoleSpan]:
    """Join content runs that only punctuation separates, inside one paragraph: the tagger
    often drops a comma or a quotation mark out of a content and starts again after it
    ("the minimum wage, now $7.25 an hour, to be raised"), and each piece alone is too short
    to be the statement. On the two held-out halves of train this raised content precision by
    1.3 and 1.4 points for 0.5 and 0.4 of recall."""
    joined: list[RoleSpan] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and _only_punctuation_between(doc, previous, span):
            score = (previous.score + span.score) / 2
            joined[-1] = RoleSpan("CON", previous.start, span.end, score)
            continue
        joined.append(span)
    return joined


def split_at_sentence_starts(
    doc: Doc, spans: list[RoleSpan], quotations: list[Quotation]
) -> list[RoleSpan]:
    """Cut a content that opens outside quotation marks at each sentence start outside them,
    so that each piece finds its own cue. The tagger runs reported speech on into the next
    sentence ("that he spoke with Comey right after ... . He later condensed those
    queries"); in PolNeAR train only one such content in eleven crosses a sentence start.
    A quotation of several sentences is one statement and stays whole."""
    starts = sentence_starts(doc)
    pieces: list[RoleSpan] = []
    for span in spans:
        if span.role != "CON" or inside_any(doc[span.start].idx, quotations):
            pieces.append(span)
            continue
        cuts = [
            i
            for i in range(span.start + 1, span.end)
            if starts[i] == i and not inside_any(doc[i].idx, quotations)
        ]
        if not cuts:
            pieces.append(span)
            continue
        for start, end in zip([span.start, *cuts], [*cuts, span.end], strict=True):
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end > start:
                pieces.append(RoleSpan("CON", start, end, span.score))
    return pieces


def _only_punctuation_between(doc: Doc, first: RoleSpan, second: RoleSpan) -> bool:
    if first.role != "CON" or second.role != "CON":
        return False
    if not 0 <= second.start - first.end <= FRAGMENT_GAP:
        return False
    between = doc[first.end : second.start]
    if any(not (t.is_punct or t.is_space) for t in between):
        return False
    return paragraphs_between(doc, first.end - 1, second.start) == 0


def _sentence_like(piece) -> bool:
    words = [t for t in piece if t.is_alpha]
    return len(words) >= QUOTED_SENTENCE_WORDS and any(
        t.pos_ == "VERB" or t.tag_.startswith("VB") for t in piece
    )


def paragraphs_between(doc: Doc, end: int, start: int) -> int:
    """How many paragraph breaks lie between two token positions."""
    return sum(1 for t in doc[end:start] if "\n" in t.text or "\n" in t.whitespace_)


def inside_any(offset: int, quotations: list[Quotation]) -> bool:
    """Quotations come in text order and never overlap (``find_quotations``), so only the
    last one opening at or before ``offset`` can hold it: a binary search, not a scan, or an
    article of thousands of quotation marks takes time quadratic in its length."""
    at = bisect_right(quotations, offset, key=lambda q: q.inner_start) - 1
    return at >= 0 and offset < quotations[at].inner_end
