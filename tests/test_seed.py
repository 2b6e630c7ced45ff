"""Acceptance: the article onrecord was conceived from meets its expected.json.

The seed is an acceptance check only: nothing in the code is tuned to it. Both shipped
taggers are held to it.
"""

from __future__ import annotations

import json

import pytest
from helpers import require_shared

import onrecord


@pytest.fixture(scope="module", params=["crf", "encoder"])
def seed(request):
    folder = require_shared("seed")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    text = (folder / expected["article"]).read_text(encoding="utf-8")
    document = onrecord.extract(text, published=expected.get("published"), tagger=request.param)
    return expected, document


def required_ids():
    return [f"required-{n}" for n in range(15)]


@pytest.mark.parametrize("n", range(15), ids=required_ids())
def test_required_attribution_found_with_its_speaker(seed, n):
    expected, document = seed
    item = expected["required"][n]
    matches = [
        a
        for a in document.attributions
        if item["snippet"] in a.content.text
        and a.speaker is not None
        and item["speaker"].lower() in a.speaker.name.lower()
    ]
    assert matches, f"no attribution of {item['snippet']!r} to {item['speaker']!r}"


def test_no_forbidden_snippet_in_any_content(seed):
    expected, document = seed
    for snippet in expected["forbidden"]:
        assert not [a for a in document.attributions if snippet in a.content.text], snippet


def test_people_are_entities_with_their_titles(seed):
    expected, document = seed
    for person in expected["people"]:
        found = [e for e in document.entities if e.name == person["name"]]
        assert found, person["name"]
        if "title" in person:
            titles = {(e.title or "").lower().removeprefix("the ") for e in found}
            assert person["title"].lower().removeprefix("the ") in titles, person


def test_seed_output_is_valid(seed, check_output):
    _, document = seed
    check_output(document.to_dict())
