"""Acceptance: dates, places and figures of the seed article (nothing is tuned to it)."""

from __future__ import annotations

import json

import pytest
from helpers import require_shared

import onrecord


@pytest.fixture(scope="module")
def seed():
    folder = require_shared("seed")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    text = (folder / expected["article"]).read_text(encoding="utf-8")
    return expected, onrecord.extract(text, published=expected["published"])


def attribution_of(document, speaker: str):
    found = [a for a in document.attributions if a.speaker and speaker in a.speaker.name]
    assert found, speaker
    return found


def test_dates_are_resolved_as_expected(seed):
    expected, document = seed
    values = {d.span.text: d.value for d in document.dates}
    for text, value in expected["dates_if_published_2022_04_26"].items():
        assert values.get(text) == value, text


def test_zelenskiy_said_it_in_kyiv_on_saturday(seed):
    _, document = seed
    dated = [a for a in attribution_of(document, "Zelenskiy") if a.said_on]
    assert [a.said_on.value for a in dated] == ["2022-04-23"]
    assert dated[0].said_in is not None and dated[0].said_in.name == "Kyiv"


def test_austin_said_it_on_monday(seed):
    _, document = seed
    dated = [a for a in attribution_of(document, "Austin") if a.said_on]
    assert [a.said_on.value for a in dated] == ["2022-04-25"]


def test_the_amounts_have_their_values(seed):
    expected, document = seed
    figures = {f.span.text: (f.value, f.unit, f.modifier) for f in document.figures}
    assert set(expected["amounts"]) <= set(figures), figures
    assert figures["$1.9 billion"] == (1.9e9, "USD", None)
    assert figures["$2.3 billion"] == (2.3e9, "USD", None)
    assert figures["more than 200"] == (200.0, "people", ">")
    assert figures["Over 60%"] == (60.0, "percent", ">")


def test_seed_output_is_valid(seed, check_output):
    _, document = seed
    check_output(document.to_dict())
