"""Attributions in a parsed article, as ``onrecord.types.Attribution`` (speakers unset)."""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.attribute.according import according_to_spans
from onrecord.attribute.group import Group, group_spans, kind_of
from onrecord.attribute.quotes import find_quotations
from onrecord.attribute.spans import (
    add_missed_quotations,
    join_fragments,
    role_spans,
    source_words,
    speakers_after_quotations,
    split_at_sentence_starts,
    whole_quotations,
)
from onrecord.attribute.tagger import Tagger
from onrecord.types import Attribution, Span


def find(doc: Doc, tagger: Tagger) -> list[Attribution]:
    """Tag the article's tokens, group the runs, and turn each group into an attribution."""
    quotations = find_quotations(doc.text)
    tags, scores = tagger.tag(doc, quotations)
    spans = according_to_spans(doc, role_spans(doc, tags, scores))
    spans = join_fragments(doc, add_missed_quotations(doc, spans, quotations))
    spans = whole_quotations(doc, spans, quotations)
    spans = split_at_sentence_starts(doc, spans, quotations)
    spans = speakers_after_quotations(doc, spans, quotations)
    groups = group_spans(doc, spans, tagger.sourceless, quotations)
    kinds = [(group, kind_of(doc, group, quotations)) for group in groups]
    kept = [(group, kind) for group, kind in kinds if _is_attributed(group, kind)]
    text = doc.text  # built from the tokens on every access: read it once
    return [
        _to_attribution(doc, text, group, kind, n) for n, (group, kind) in enumerate(kept, start=1)
    ]


def _is_attributed(group: Group, kind: str) -> bool:
    """Unquoted words with neither a cue nor a source are the article's own voice, however
    much they read like a claim: every one of PolNeAR train's 19,832 attributions but one has
    a cue, and on held-out train 60 of 78 such predictions matched no attribution at all.
    A quotation is kept without either: someone was quoted, even if the tagger missed who."""
    return group.cue is not None or group.source is not None or kind != "indirect"


def _to_attribution(doc: Doc, text: str, group: Group, kind: str, n: int) -> Attribution:
    content = Span.from_slices(text, [c.char_slice(doc) for c in group.contents])
    cue = Span.from_slices(text, [group.cue.char_slice(doc)]) if group.cue else None
    source = None
    if group.source is not None:
        words = source_words(group.source, doc)
        source = Span.from_slices(text, [words.char_slice(doc)])
    parts = [c.score for c in group.contents]
    if group.cue:
        parts.append(group.cue.score)
    confidence = sum(parts) / len(parts)
    return Attribution(
        id=f"a{n}",
        kind=kind,  # type: ignore[arg-type]
        content=content,
        cue=cue,
        source=source,
        confidence=confidence,
    )
