"""Onrecord's own work grows linearly with the number of quotations in an article.

An article with thousands of quotations must not take minutes, so nothing in finding,
grouping, resolving speakers or the facts stage may compare every quotation (or speaker)
with every other. Time on a shared machine is too noisy to test, so this counts work: the
Python function calls (and calls into C) the onrecord component makes on a made-up article
(``benchmarks/synthetic.py``) of N and of 4N quotations. Linear work gives about 4x as many
calls; work quadratic in quotations or speakers gives far more.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import count_calls

SYNTHETIC = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic.py"
SMALL, LARGE = 100, 400
# The calls are counted on the same parse every run, so they do not drift. Linear work gives
# about 3.8x (the large article has 3.7x the tokens); a loop over every known speaker per
# mention pushes resolution past 4.3x, so the margin above linear is kept small.
GROWTH_LIMIT = 4.2


def _quotation_article() -> Callable[[int], str]:
    spec = importlib.util.spec_from_file_location("synthetic", SYNTHETIC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.quotation_article


@pytest.fixture(scope="module")
def measured(nlp) -> dict[int, dict]:
    """Per article size: the call counts of each stage and of the whole component, and the
    component's output."""
    from onrecord.attribute import find
    from onrecord.resolve import resolve_speakers

    quotation_article = _quotation_article()
    component = nlp.get_pipe("onrecord")
    found = {}
    for n in (SMALL, LARGE):
        doc = nlp(quotation_article(n), disable=["onrecord"])
        attributions = find(doc, component.tagger)
        found[n] = {
            "find": count_calls(lambda doc=doc: find(doc, component.tagger)),
            "resolve": count_calls(lambda d=doc, a=attributions: resolve_speakers(d, a)),
            "component": count_calls(lambda doc=doc: component(doc)),
            "doc": doc,
        }
    return found


def test_the_synthetic_article_is_read_as_intended(measured):
    """Guard for the test itself: every made-up quotation is found and most have a speaker,
    so the counts below measure resolution at scale, not an empty run."""
    attributions = measured[LARGE]["doc"]._.attributions
    assert len(attributions) >= LARGE * 0.95
    speakers = {a.speaker.entity for a in attributions if a.speaker is not None}
    assert len(speakers) >= 200


@pytest.mark.parametrize("stage", ["find", "resolve", "component"])
def test_work_grows_linearly_with_quotations(measured, stage):
    growth = measured[LARGE][stage] / measured[SMALL][stage]
    message = f"{stage}: {LARGE // SMALL}x the quotations cost {growth:.2f}x the calls"
    assert growth <= GROWTH_LIMIT, message
