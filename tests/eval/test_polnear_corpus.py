"""The loader and metric on the real PolNeAR dev compartment (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval import evaluate, gold_as_predictions, load_compartment
from onrecord.eval.polnear import annotation_file, parse_ann, read_text

POLNEAR = Path(__file__).parents[2].parent / "shared" / "polnear"
DEV = POLNEAR / "dev"

pytestmark = pytest.mark.skipif(
    not (DEV / "text").is_dir(), reason=f"PolNeAR dev compartment not found at {DEV}"
)


def test_gold_scored_against_itself_is_perfect():
    report = evaluate(DEV, lambda articles: [gold_as_predictions(a) for a in articles])
    assert report.articles == 84
    assert report.misaligned == 0
    assert report.counts.gold > 1000
    assert report.counts.direct_gold > 100
    assert set(report.to_dict()["scores"].values()) == {1.0}
    assert "attribution" in report.format()


def test_every_span_offset_cuts_the_text_the_annotation_echoes():
    mismatched = []
    for article in load_compartment(DEV):
        ann = annotation_file(DEV, article.name)
        spans, _ = parse_ann(read_text(ann))
        for ident, span in spans.items():
            cut = " ".join(article.text[start:end] for start, end in span.slices)
            if cut != span.echoed:
                mismatched.append(f"{ann.name} {ident}")
    assert mismatched == []


def test_limit_takes_the_first_articles_by_name():
    names = [a.name for a in load_compartment(DEV)]
    assert names == sorted(names)
    report = evaluate(DEV, lambda articles: [[] for _ in articles], limit=3)
    assert report.articles == 3
    assert report.counts.predicted == 0
    assert report.counts.attribution_recall == 0.0
