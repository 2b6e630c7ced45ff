"""training/quoted_misses.py sorts each quoted gold content by what became of it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from quoted_misses import fates  # noqa: E402

from onrecord.eval.polnear import GoldArticle, GoldAttribution  # noqa: E402
from onrecord.types import Attribution, Span  # noqa: E402

TEXT = (
    "“We will win,” Ann Lee said. "
    "Bob Roe called the plan “a disaster” that nobody wanted and everyone would pay for. "
    "“Never,” he added. Nobody asked. “Out,” Cy Doe said."
)


def at(part: str) -> tuple[tuple[int, int], ...]:
    start = TEXT.index(part)
    return ((start, start + len(part)),)


def predicted(content: str, source: str | None = None) -> Attribution:
    return Attribution(
        id="a",
        kind="direct",
        content=Span.from_slices(TEXT, at(content)),
        source=Span.from_slices(TEXT, at(source)) if source else None,
    )


def test_each_quoted_gold_content_gets_its_fate():
    gold = GoldArticle(
        name="made-up",
        text=TEXT,
        attributions=[
            GoldAttribution(content=at("“We will win,”"), source=at("Ann Lee")),
            GoldAttribution(content=at("the plan “a disaster”"), source=at("Bob Roe")),
            GoldAttribution(content=at("“Never,”"), source=at("he")),
            GoldAttribution(content=at("“Out,”"), source=at("Cy Doe")),
            GoldAttribution(content=at("Nobody asked.")),  # unquoted: not counted
        ],
    )
    ours = [
        predicted("“We will win,”", "Ann Lee"),
        predicted("the plan “a disaster” that nobody wanted and everyone would pay for"),
        predicted("“Never,”", "Bob Roe"),
    ]
    assert [fate for fate, _ in fates(gold, ours)] == [
        "found",
        "inside a longer prediction",
        "source elsewhere",
        "no prediction",
    ]
