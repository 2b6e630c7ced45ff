"""Per-token look-ups the resolver needs many times, computed once per article.

``token.sent`` and searching ``doc.ents`` for the entity around a token are each linear in
the article; asked for every mention they would make resolution quadratic.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.doc_arrays import sentence_starts
from onrecord.types import Span

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART"})
DASHES = frozenset({"—", "–", "―", "--"})
EDGE_PUNCTUATION = frozenset(",;:.!?()[]{}\"'“”‘’«»—–-")


@dataclass
class Parsed:
    """A parsed article with its entity and sentence per token (``sent_of``: the sentence's
    number, counted from 0, so that "the sentence before" is ``sent_of[i] - 1``)."""

    doc: Doc
    text: str
    ents: list[SpacySpan]
    ent_of: list[int]
    sent_of: list[int]

    @classmethod
    def of(cls, doc: Doc) -> Parsed:
        ents = [piece for e in doc.ents if e.label_ in NAME_LABELS for piece in split_at_dashes(e)]
        ent_of = [-1] * len(doc)
        for number, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                ent_of[i] = number
        return cls(doc, doc.text, ents, ent_of, sentence_numbers(sentence_starts(doc)))

    def ent_at(self, token: Token) -> SpacySpan | None:
        number = self.ent_of[token.i]
        return self.ents[number] if number >= 0 else None

    def tokens_in(self, span: Span) -> list[Token]:
        """The words a character span covers (spaces and edge punctuation left out)."""
        tokens: list[Token] = []
        for start, end in span.slices:
            piece = self.doc.char_span(start, end, alignment_mode="expand")
            if piece is not None:
                tokens.extend(t for t in piece if not t.is_space)
        while tokens and tokens[0].text in EDGE_PUNCTUATION:
            tokens.pop(0)
        while tokens and tokens[-1].text in EDGE_PUNCTUATION:
            tokens.pop()
        return tokens

    def phrase(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range ``[start, end)`` without edge punctuation and spaces, or None if empty."""
        doc = self.doc
        while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCTUATION):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCTUATION):
            end -= 1
        return (start, end) if end > start else None

    def text_of(self, start: int, end: int) -> str:
        return self.text[self.doc[start].idx : self.char_end(end - 1)]

    def char_end(self, i: int) -> int:
        token = self.doc[i]
        return token.idx + len(token.text)


def split_at_dashes(ent: SpacySpan) -> list[SpacySpan]:
    """The names either side of a dash NER ran one entity over ("Deborah Jordan Reynolds -
    Santilli's girlfriend" tagged one person): a dash, or a hyphen with a space on each side,
    is punctuation between two names, never part of one ("Lloyd-Jones" keeps its hyphen)."""
    doc = ent.doc
    pieces, start = [], ent.start
    for i in range(ent.start + 1, ent.end - 1):
        token = doc[i]
        spaced = bool(doc[i - 1].whitespace_ and token.whitespace_)
        if token.text in DASHES or (token.text == "-" and spaced):
            pieces.append((start, i))
            start = i + 1
    if not pieces:
        return [ent]
    pieces.append((start, ent.end))
    return [
        SpacySpan(doc, s, e, label=ent.label_)
        for s, e in pieces
        if any(t.pos_ == "PROPN" for t in doc[s:e])  # not the "won" of "Robert Barr - won"
    ]


def sentence_numbers(starts: list[int]) -> list[int]:
    """Each token's sentence number, from each token's sentence start."""
    numbers, number = [], -1
    for i, start in enumerate(starts):
        if start == i:
            number += 1
        numbers.append(number)
    return numbers
