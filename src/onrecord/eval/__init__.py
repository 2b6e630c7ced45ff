"""Evaluation against PolNeAR: a BRAT loader and the attribution metric.

Nothing here loads a model; ``evaluate`` takes any extractor as a callable.
"""

from __future__ import annotations

from onrecord.eval.metric import (
    Counts,
    Report,
    evaluate,
    gold_as_predictions,
    score_article,
)
from onrecord.eval.polnear import GoldArticle, GoldAttribution, load_article, load_compartment

__all__ = [
    "Counts",
    "GoldArticle",
    "GoldAttribution",
    "Report",
    "evaluate",
    "gold_as_predictions",
    "load_article",
    "load_compartment",
    "score_article",
]
