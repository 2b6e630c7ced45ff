""" "According to X, Y": a cue the tagger sometimes misses when it sits inside the clause
("Nato, according to Lavrov, has become ..."). The parse gives every part: "to" takes the
source as its object, and the clause that "according" modifies is the content."""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.attribute.group import RoleSpan


def according_to_spans(doc: Doc, spans: list[RoleSpan]) -> list[RoleSpan]:
    """Add the runs the tagger left out around each "according to": the content when the
    clause is untagged, and the cue and source when those are untagged too."""
    role_at: list[str | None] = [None] * len(doc)
    for span in spans:
        for i in range(span.start, span.end):
            role_at[i] = span.role
    added: list[RoleSpan] = []
    for token in doc[:-1]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        clause = token.head
        if not objects or clause.i == token.i:
            continue
        source = (objects[0].left_edge.i, objects[0].right_edge.i + 1)
        phrase = (token.i, source[1])
        sent = token.sent
        pieces = _clause_without(doc, clause, phrase, sent.start, sent.end)
        words = [i for s, e in pieces for i in range(s, e) if not doc[i].is_punct]
        if not words or sum(role_at[i] == "CON" for i in words) * 2 >= len(words):
            continue
        if not any(role_at[i] for i in range(token.i, token.i + 2)):
            added.append(RoleSpan("CUE", token.i, token.i + 2, score=0.5))
        if not any(role_at[i] for i in range(*source)):
            added.append(RoleSpan("SRC", source[0], source[1], score=0.5))
        added.extend(RoleSpan("CON", s, e, score=0.5) for s, e in pieces)
    if not added:
        return spans
    return sorted(spans + added, key=lambda s: s.start)


def _clause_without(
    doc: Doc, clause, phrase: tuple[int, int], lo: int, hi: int
) -> list[tuple[int, int]]:
    """The clause's tokens in the sentence, minus the "according to X" phrase, as runs with
    punctuation trimmed at their edges."""
    start, end = max(clause.left_edge.i, lo), min(clause.right_edge.i + 1, hi)
    runs = [(start, phrase[0]), (phrase[1], end)]
    out = []
    for s, e in runs:
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if e > s:
            out.append((s, e))
    return out
