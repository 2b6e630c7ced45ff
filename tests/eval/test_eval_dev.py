"""The whole pipeline, with each shipped tagger, scored on a few PolNeAR dev articles, with
the figures pinned.

The figures are what the shipped models computed on these articles when it was trained; a
change in the model, the grouping or the metric shows up here as a changed number, which
should then be re-measured on all of dev and updated in the README.
"""

from __future__ import annotations

import pytest
from helpers import require_shared

from onrecord.eval.metric import evaluate

ARTICLES = 5


@pytest.fixture(scope="module", params=["crf", "encoder"])
def report(request, extractor):
    dev = require_shared("polnear", "dev")
    if request.param != extractor.tagger:
        from onrecord.pipeline import get_extractor

        extractor = get_extractor(tagger=request.param)

    def extract(articles):
        from onrecord.types import Article

        documents = extractor.extract_many(Article(text=a.text, id=a.name) for a in articles)
        return [list(d.attributions) for d in documents]

    return request.param, evaluate(dev, extract, limit=ARTICLES)


def test_all_predictions_align_with_the_text(report):
    _, report = report
    assert report.articles == ARTICLES
    assert report.misaligned == 0


def test_pinned_figures(report):
    tagger, report = report
    counts = report.counts
    assert (counts.gold, counts.predicted, counts.content_matched, counts.attribution_matched) == (
        PINNED[tagger]
    )


# (gold, predicted, contents matched, attributions matched) by tagger.
PINNED = {"crf": (34, 34, 24, 18), "encoder": (34, 34, 29, 25)}
