"""Acceptance: the seed article's expected speakers and people, from hand-built attributions.

The attributions are what a perfect attribution stage would hand over: each required item's
snippet as content and its ``source_mention`` as source, so this scores resolution alone.
"""

from __future__ import annotations

import json
import re

import pytest
from helpers import require_shared

from onrecord.resolve import resolve_speakers
from onrecord.types import Attribution, Span

ARTICLE = "000_f2d680eedcec5112.txt"


@pytest.fixture(scope="module")
def seed():
    folder = require_shared("seed")
    text = (folder / ARTICLE).read_text(encoding="utf-8")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return text, expected


@pytest.fixture(scope="module")
def resolved(parser_nlp, seed):
    text, expected = seed
    attributions = [
        hand_built(text, n, item) for n, item in enumerate(expected["required"], start=1)
    ]
    return resolve_speakers(parser_nlp(text), attributions)


def hand_built(text: str, n: int, item: dict) -> Attribution:
    start = text.find(item["snippet"])
    assert start >= 0, f"snippet not in the article: {item['snippet']!r}"
    content = Span.from_slices(text, [(start, start + len(item["snippet"]))])
    mention = item.get("source_mention")
    source = locate_source(text, mention, start) if mention else None
    return Attribution(id=f"a{n}", kind=item["kind"], content=content, source=source)


def locate_source(text: str, mention: str, snippet_start: int) -> Span:
    """The source mention nearest its snippet: the last whole-word occurrence before the
    snippet in its paragraph, else the first after it there ("“...,” he remarked."), else
    the first in the article. A plain ``text.find`` would take "he" out of "the", or the
    first "Lavrov" of the article instead of the one that is the source."""
    paragraph_start = text.rfind("\n", 0, snippet_start) + 1
    paragraph_end = text.find("\n", snippet_start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    pattern = re.compile(rf"(?<!\w){re.escape(mention)}(?!\w)")
    found = [m.start() for m in pattern.finditer(text, paragraph_start, paragraph_end)]
    before = [s for s in found if s < snippet_start]
    after = [s for s in found if s > snippet_start]
    if before:
        start = before[-1]
    elif after:
        start = after[0]
    else:
        start = text.find(mention)
        assert start >= 0, f"source mention not in the article: {mention!r}"
    return Span.from_slices(text, [(start, start + len(mention))])


def loose(title: str | None) -> str:
    """A title compared loosely: lower case, no leading article, curly apostrophes plain."""
    words = (title or "").lower().replace("’", "'").split()
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def test_every_required_source_resolves_to_the_expected_speaker(seed, resolved):
    _, expected = seed
    attributions, _ = resolved
    wrong = []
    for item, attribution in zip(expected["required"], attributions, strict=True):
        if item.get("source_mention") is None:
            # Speakerless quotation paragraphs are linked by the attribution stage.
            if attribution.speaker is not None:
                wrong.append((item["snippet"], "no source, yet a speaker"))
            continue
        name = attribution.speaker.name if attribution.speaker else None
        if name is None or item["speaker"].lower() not in name.lower():
            wrong.append((item["snippet"], item["speaker"], name))
    assert wrong == []


def test_expected_people_are_entities_with_their_titles(seed, resolved):
    _, expected = seed
    _, entities = resolved
    by_name = {e.name: e for e in entities}
    missing = [p["name"] for p in expected["people"] if p["name"] not in by_name]
    assert missing == []
    for person in expected["people"]:
        entity = by_name[person["name"]]
        assert entity.type == "person", person["name"]
        if "title" in person:
            assert loose(entity.title) == loose(person["title"]), person["name"]


def test_speakers_point_at_listed_entities(resolved):
    attributions, entities = resolved
    ids = {e.id for e in entities}
    assert all(a.speaker.entity in ids for a in attributions if a.speaker is not None)
    assert len(ids) == len(entities)
