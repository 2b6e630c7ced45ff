""" "According to X, Y": a cue the tagger sometimes misses when it sits inside the clause
("Nato, according to Lavrov, has become ..."). The parse gives every part: "to" takes the
source as its object, and the clause that "according" modifies is the content."""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.attribute.spans import RoleSpan


def according_to_spans(doc: Doc, spans: list[RoleSpan]) -> list[RoleSpan]:
    """Make each "according to X" read as the parse says: cue "according to", source X, and
    the clause it modifies as content when the tagger left that clause untagged."""
    for token in doc[:-1]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to":
            continue
        objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
        clause = token.head
        if not objects or clause.i == token.i:
            continue
        source = (objects[0].left_edge.i, objects[0].right_edge.i + 1)
        phrase = (token.i, source[1])
        sent = token.sent
        pieces = _clause_without(doc, clause, phrase, sent.start, sent.end)
        if not pieces:
            continue
        overrun = any(sp.role == "SRC" and sp.start < phrase[1] < sp.end for sp in spans)
        spans = _cut_out(doc, spans, phrase)
        spans.append(RoleSpan("CUE", token.i, token.i + 2, score=0.5))
        spans.append(RoleSpan("SRC", source[0], source[1], score=0.5))
        in_clause = [sp for sp in spans if sp.role == "CON" and _overlaps(sp, pieces)]
        words = [i for s, e in pieces for i in range(s, e) if not doc[i].is_punct]
        tagged = sum(any(sp.start <= i < sp.end for sp in in_clause) for i in words)
        if (overrun and clause.tag_.startswith("VB")) or tagged * 2 < len(words):
            # The parse's clause replaces the scraps of content the tagger found in it, and
            # the source and cue it tagged there ("Some of her aides urged her to resign,
            # according to two officials"): the whole clause is what X reported. So too
            # where the tagger ran X on into the clause ("According to an analysis by the
            # university, similar deals have ...", with "have" as a cue).
            spans = [sp for sp in spans if not _overlaps(sp, pieces)]
            spans.extend(RoleSpan("CON", s, e, score=0.5) for s, e in pieces)
    return sorted(spans, key=lambda span: span.start)


def _overlaps(span: RoleSpan, pieces: list[tuple[int, int]]) -> bool:
    return any(span.start < e and s < span.end for s, e in pieces)


def _cut_out(doc: Doc, spans: list[RoleSpan], phrase: tuple[int, int]) -> list[RoleSpan]:
    """The spans with the tokens of ``phrase`` removed (a span may split in two)."""
    start, end = phrase
    kept = []
    for span in spans:
        if span.end <= start or span.start >= end:
            kept.append(span)
            continue
        for s, e in ((span.start, min(span.end, start)), (max(span.start, end), span.end)):
            s, e = _trim(doc, s, e)
            if e > s:
                kept.append(RoleSpan(span.role, s, e, span.score))
    return kept


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _clause_without(
    doc: Doc, clause, phrase: tuple[int, int], lo: int, hi: int
) -> list[tuple[int, int]]:
    """The clause's tokens in the sentence, minus the "according to X" phrase, as runs with
    punctuation trimmed at their edges."""
    start, end = max(clause.left_edge.i, lo), min(clause.right_edge.i + 1, hi)
    runs = [_trim(doc, start, phrase[0]), _trim(doc, phrase[1], end)]
    return [(s, e) for s, e in runs if e > s]
