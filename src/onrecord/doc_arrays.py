"""Sentence starts and token texts read from a Doc's arrays.

Iterating a Doc makes a Token object per token, and ``token.sent`` walks the sentence each
time it is asked; the tagger's features, the grouping and the resolver ask for every token,
so they read these columns once per article instead.
"""

from __future__ import annotations

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc


def sentence_starts(doc: Doc) -> list[int]:
    """Each token's sentence start, as ``doc.sents`` cuts them (a new sentence at every
    token marked as a start), read from one array rather than from Span objects."""
    if "sents" in doc.user_hooks or len(doc) == 0:
        return _sentence_starts_from_spans(doc)
    starts, start = [], 0
    for i, flag in enumerate(doc.to_array(SENT_START).tolist()):
        if flag == 1 and i > 0:
            start = i
        starts.append(start)
    return starts


def _sentence_starts_from_spans(doc: Doc) -> list[int]:
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


def token_texts(doc: Doc) -> list[str]:
    """Every token's text."""
    return strings(doc, doc.to_array(ORTH).tolist())


def strings(doc: Doc, ids: list[int]) -> list[str]:
    """String ids to strings, each distinct id looked up once."""
    lookup = {i: doc.vocab.strings[i] for i in set(ids)}
    return [lookup[i] for i in ids]
