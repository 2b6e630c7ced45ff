"""Measured accuracy of date and figure normalisation on hand-checked PolNeAR train sentences.

``tests/data/facts_expressions.tsv`` holds date and figure expressions from PolNeAR train
articles, each normalised by hand after reading its sentence, against the article's
publication date from PolNeAR's metadata. Two sets: "tuning" (107 expressions from 17
articles, which the code was corrected against) and "held-out" (64 spaCy entities sampled
systematically, every fifth, from 14 other articles, annotated and then measured once with
the code frozen). Every article runs through the whole pipeline; an expression counts as
right when a found date or figure overlaps it and has the expected value (and granularity,
or unit and modifier). An expected "no value" (an empty value: a duration, an age, a count
of nothing) is also right when nothing was found there: the output then claims nothing.
The counts are pinned: a change that moves them must update them here and in the README.

    python -m pytest -q -s tests/facts/test_facts_expressions.py
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import require_shared

from onrecord.types import Article, DateMention, Document, Figure

TABLE = Path(__file__).resolve().parents[1] / "data" / "facts_expressions.tsv"

# (set, kind): (right, total), measured on 2026-11-29; see the README's "Dates, places and
# figures".
PINNED = {
    ("tuning", "date"): (66, 71),
    ("tuning", "figure"): (31, 36),
    ("held-out", "date"): (34, 37),
    ("held-out", "figure"): (20, 27),
}


@dataclass(frozen=True)
class Expected:
    article: str
    published: str
    kind: str
    expression: str
    context: str
    value: str
    detail: str
    modifier: str
    set: str


def read_table() -> list[Expected]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Expected(*(row[name] for name in reader.fieldnames)) for row in reader]


@pytest.fixture(scope="module")
def documents(extractor) -> dict[str, Document]:
    folder = require_shared("polnear", "train", "text")
    rows = read_table()
    published = {row.article: row.published for row in rows}
    articles = [
        Article(text=(folder / f"{name}.txt").read_text(encoding="utf-8"), id=name, published=day)
        for name, day in published.items()
    ]
    return {document.article.id: document for document in extractor.extract_many(articles)}


def test_the_table_has_at_least_60_expressions_each_found_once_in_its_article():
    rows = read_table()
    assert len(rows) >= 60
    assert {row.kind for row in rows} == {"date", "figure"}
    assert {row.set for row in rows} == {"tuning", "held-out"}
    folder = require_shared("polnear", "train", "text")
    for row in rows:
        text = (folder / f"{row.article}.txt").read_text(encoding="utf-8")
        assert text.count(row.context) == 1, row
        assert row.expression in row.context, row


def test_measured_accuracy_is_pinned(documents):
    results = {key: [] for key in PINNED}
    for row in read_table():
        results[row.set, row.kind].append((row, is_right(row, documents[row.article])))
    for (part, kind), checked in results.items():
        right = sum(ok for _, ok in checked)
        print(f"\n{part} {kind}: {right}/{len(checked)} right ({right / len(checked):.3f})")
        for row, ok in checked:
            if not ok:
                print(f"  wrong: {row.article} {row.expression!r} expected {row.value!r}")
    measured = {kind: (sum(ok for _, ok in c), len(c)) for kind, c in results.items()}
    assert measured == PINNED


def is_right(row: Expected, document: Document) -> bool:
    start = document.text.index(row.context) + row.context.index(row.expression)
    end = start + len(row.expression)
    if row.kind == "date":
        found = overlapping(document.dates, start, end)
        if found is None:
            return row.value == ""
        return date_matches(row, found)
    found = overlapping(document.figures, start, end)
    if found is None:
        return row.value == ""
    return row.value != "" and figure_matches(row, found)


def overlapping(mentions, start: int, end: int):
    """The mention sharing the most characters with [start, end), or None."""
    best, best_overlap = None, 0
    for mention in mentions:
        overlap = min(end, mention.span.end) - max(start, mention.span.start)
        if overlap > best_overlap:
            best, best_overlap = mention, overlap
    return best


def date_matches(row: Expected, found: DateMention) -> bool:
    if row.value == "":
        return found.value is None
    return found.value == row.value and found.granularity == row.detail


def figure_matches(row: Expected, found: Figure) -> bool:
    return (
        math.isclose(found.value, float(row.value), rel_tol=1e-9)
        and found.unit == row.detail
        and (found.modifier or "") == row.modifier
    )
