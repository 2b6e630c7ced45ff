"""Per-token look-ups the resolver needs many times, computed once per article.

``token.sent`` and searching ``doc.ents`` for the entity around a token are each linear in
the article; asked for every mention they would make resolution quadratic.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.datelines import dateline_end, is_dash
from onrecord.doc_arrays import sentence_starts
from onrecord.lexicon import ARTICLES
from onrecord.types import Span

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
NAME_JOINERS = frozenset({"-", "‐"})  # "Trump-style", "Clinton-era": a modifier
# Relations of a word that modifies a noun ("Meridian officials"), where it names no one.
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
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
        ents = ents + surnames_ner_missed(doc, ents)
        ents = sorted(ents + short_names_ner_missed(doc, ents), key=lambda e: e.start)
        ent_of = [-1] * len(doc)
        for number, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                ent_of[i] = number
        return cls(doc, doc.text, ents, ent_of, sentence_numbers(sentence_starts(doc)))

    def ent_at(self, token: Token) -> SpacySpan | None:
        number = self.ent_of[token.i]
        return self.ents[number] if number >= 0 else None

    def tokens_in(self, span: Span) -> list[Token]:
        """The words a character span covers (spaces and edge punctuation left out, but for
        a bracket closing one the words open)."""
        tokens: list[Token] = []
        for start, end in span.slices:
            piece = self.doc.char_span(start, end, alignment_mode="expand")
            if piece is not None:
                tokens.extend(t for t in piece if not t.is_space)
        while tokens and tokens[0].text in EDGE_PUNCTUATION:
            tokens.pop(0)
        while tokens and tokens[-1].text in EDGE_PUNCTUATION:
            if tokens[-1].text == ")" and _brackets_open([t.text for t in tokens[:-1]]):
                break
            tokens.pop()
        return tokens

    def phrase(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range ``[start, end)`` without edge punctuation and spaces, or None if empty;
        a closing bracket stays when the range opens it ("Sen. Jane Roe (R-Utah)")."""
        doc = self.doc
        while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCTUATION):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCTUATION):
            if doc[end - 1].text == ")" and _brackets_open([t.text for t in doc[start : end - 1]]):
                break
            end -= 1
        return (start, end) if end > start else None

    def text_of(self, start: int, end: int) -> str:
        """Tokens start to end as a name or title is shown: a double space or a line break
        inside ("a Fed governor  since 2014") becomes one space."""
        return " ".join(self.text[self.doc[start].idx : self.char_end(end - 1)].split())

    def char_end(self, i: int) -> int:
        token = self.doc[i]
        return token.idx + len(token.text)


def _brackets_open(texts: list[str]) -> bool:
    """Whether the words open more round brackets than they close."""
    return texts.count("(") > texts.count(")")


def split_at_dashes(ent: SpacySpan) -> list[SpacySpan]:
    """The names either side of a dash NER ran one entity over ("Deborah Jordan Reynolds -
    Santilli's girlfriend" tagged one person): a dash, or a hyphen with a space on each side,
    is punctuation between two names, never part of one ("Lloyd-Jones" keeps its hyphen).
    The name after a dateline loses the label, which NER gave the place and the name
    together ("ROME - Bernie Sanders" tagged an organisation)."""
    doc = ent.doc
    pieces, start = [], ent.start
    for i in range(ent.start + 1, ent.end - 1):
        if is_dash(doc[i]):
            pieces.append((start, i))
            start = i + 1
    if not pieces:
        return [ent]
    pieces.append((start, ent.end))
    after_dateline = dateline_end(doc, ent.start)
    return [
        SpacySpan(doc, s, e, label="" if s == after_dateline else ent.label_)
        for s, e in pieces
        if any(t.pos_ == "PROPN" for t in doc[s:e])  # not the "won" of "Robert Barr - won"
    ]


def surnames_ner_missed(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """Lone surnames of people the article has named in full that NER left untagged ("Walz
    approaches it a bit more diplomatically. She said ..." after "Marty Walz"): a proper
    noun outside every entity, standing alone (not in "Clinton Foundation"), that is the
    last word of a person's name of two proper nouns or more earlier in the article (not in
    a headline above it; not "Uber" after "Travis Kalanick of Uber", tagged one person).
    On train this changed 4 speakers, all to the right person."""
    named_at: dict[str, int] = {}
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and all(t.tag_ in PROPER_TAGS for t in ent):
            surname = without_ending(ent[-1].text, POSSESSIVE_ENDINGS)
            if surname[:1].isupper():
                named_at.setdefault(surname, ent.end)
    return _lone_words(doc, ents, named_at, "PERSON")


def short_names_ner_missed(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """Lone first words of bodies the article has named in full that NER left untagged
    ("Meridian disputed the findings" after "Meridian Correctional Health"), so that "the
    company" after it finds the body: as for surnames, a proper noun standing alone after
    the full name; here only as the head of its phrase (not "Meridian officials") and never
    a word NER gives another label elsewhere ("Iowa" of "Iowa State University")."""
    named_at: dict[str, int] = {}
    for ent in ents:
        first = ent[0]
        if ent.label_ == "ORG" and len(ent) >= 2 and all(t.tag_ in PROPER_TAGS for t in ent):
            if first.text[:1].isupper() and first.lower_ not in ARTICLES:
                named_at.setdefault(first.text, ent.end)
    for ent in ents:
        if len(ent) == 1 and ent.label_ != "ORG":
            named_at.pop(ent[0].text, None)
    found = _lone_words(doc, ents, named_at, "ORG")
    return [span for span in found if span.root.dep_ not in NAME_MODIFIER_DEPS]


def _lone_words(
    doc: Doc, ents: list[SpacySpan], named_at: dict[str, int], label: str
) -> list[SpacySpan]:
    """Proper nouns outside every entity, with no proper noun beside them, that are one of
    ``named_at``'s words and come after the name it was taken from."""
    if not named_at:
        return []
    inside = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for token in doc:
        if token.tag_ != "NNP" or token.i in inside or token.i < named_at.get(token.text, len(doc)):
            continue
        neighbours = (doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc))
        if any(t.tag_ in PROPER_TAGS or t.text in NAME_JOINERS for t in neighbours):
            continue
        found.append(SpacySpan(doc, token.i, token.i + 1, label=label))
    return found


def without_ending(text: str, endings: tuple[str, ...]) -> str:
    """The text without the first of ``endings`` it ends in, unless that is all it is."""
    for ending in endings:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def sentence_numbers(starts: list[int]) -> list[int]:
    """Each token's sentence number, from each token's sentence start."""
    numbers, number = [], -1
    for i, start in enumerate(starts):
        if start == i:
            number += 1
        numbers.append(number)
    return numbers
