"""Helpers any test can import (``from helpers import require_shared, offset_problems``).

``require_shared()`` skips a test whose data in ``../shared`` is missing, naming the path, and
fails it instead when ``ONRECORD_REQUIRE_SHARED=1`` (set by .ci/run), so CI can never go
green by skipping. ``offset_problems()`` lists every span in an "onrecord/2" output whose
offsets do not cut its text out of the document, and every reference to an unknown id.
``count_calls()`` counts the function calls some work makes: a measure of how work grows
with its input that, unlike time on a shared machine, does not drift.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POLNEAR = SHARED / "polnear"
REQUIRE_SHARED_VARIABLE = "ONRECORD_REQUIRE_SHARED"


def shared_is_required() -> bool:
    return os.environ.get(REQUIRE_SHARED_VARIABLE, "") not in ("", "0")


def require_shared(*parts: str) -> Path:
    """``SHARED / parts``, skipping the test when it is missing (failing when it is required)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"shared data not found at {path}"
        if shared_is_required():
            pytest.fail(f"{reason} ({REQUIRE_SHARED_VARIABLE} is set)", pytrace=False)
        pytest.skip(reason)
    return path


def offset_problems(output: dict[str, Any]) -> list[str]:
    """Every way a span or reference in ``output`` disagrees with its text; [] when none."""
    text = output["document"]["text"]
    problems = []
    for where, span in spans_of(output):
        problems.extend(f"{where}: {p}" for p in span_problems(text, span))
    entity_ids = [entity["id"] for entity in output["entities"]]
    if len(set(entity_ids)) != len(entity_ids):
        problems.append(f"entity ids repeat: {entity_ids}")
    for attribution in output["attributions"]:
        speaker = attribution["speaker"]
        if speaker is not None and speaker["entity"] not in entity_ids:
            problems.append(f"{attribution['id']}: speaker entity {speaker['entity']!r} unknown")
    attribution_ids = {attribution["id"] for attribution in output["attributions"]}
    for number, figure in enumerate(output["figures"]):
        if figure["attribution"] is not None and figure["attribution"] not in attribution_ids:
            problems.append(f"figures[{number}]: attribution {figure['attribution']!r} unknown")
    return problems


def spans_of(output: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for attribution in output["attributions"]:
        for role in ("content", "cue", "source"):
            if attribution[role] is not None:
                yield f"{attribution['id']}.{role}", attribution[role]
        for role in ("said_on", "said_in"):
            if attribution[role] is not None:
                yield f"{attribution['id']}.{role}", attribution[role]["span"]
    for entity in output["entities"]:
        for number, mention in enumerate(entity["mentions"]):
            yield f"{entity['id']}.mentions[{number}]", mention
    for key in ("dates", "places", "figures"):
        for number, item in enumerate(output[key]):
            yield f"{key}[{number}]", item["span"]


def span_problems(text: str, span: dict[str, Any]) -> list[str]:
    slices = span["spans"]
    problems = []
    previous_end = 0
    for start, end in slices:
        if not 0 <= start < end <= len(text):
            problems.append(f"slice {[start, end]} is empty or outside the text")
        if start < previous_end:
            problems.append(f"slice {[start, end]} is out of order or overlaps")
        previous_end = end
    if problems:
        return problems
    joined = " ".join(text[start:end] for start, end in slices)
    if span["text"] != joined:
        problems.append(f"text {span['text']!r} is not the text at its slices {joined!r}")
    if span["start"] != slices[0][0] or span["end"] != slices[-1][1]:
        problems.append(f"start/end {span['start']}/{span['end']} differ from slices {slices}")
    return problems


def count_calls(work: Callable[[], object]) -> int:
    """How many function calls ``work`` makes, Python and C."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count
