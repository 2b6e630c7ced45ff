"""training/regroup.py scores the grouping from cached tags: the same result as tagging anew."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from regroup import CachedTagger, cached_tags, regroup  # noqa: E402

from onrecord.attribute.quotes import find_quotations  # noqa: E402
from onrecord.attribute.tagger import Tagger, packaged_model_dir  # noqa: E402
from onrecord.component import load_parsing_pipeline  # noqa: E402
from onrecord.eval.polnear import GoldArticle, GoldAttribution  # noqa: E402
from onrecord.settings import DEFAULT_MODEL  # noqa: E402

TEXT = "“We will win the vote,” the senator said on Monday. Critics called the plan a failure."


def test_cached_tags_are_written_once_and_give_the_grouping_the_same_result(tmp_path):
    doc = load_parsing_pipeline(DEFAULT_MODEL)(TEXT)
    start = TEXT.index("We will win")
    gold = GoldArticle(
        name="made-up",
        text=TEXT,
        attributions=[
            GoldAttribution(
                content=((start, start + len("We will win the vote")),),
                source=((TEXT.index("the senator"), TEXT.index("the senator") + 11),),
            )
        ],
    )
    path = tmp_path / "tags.json"
    computed = cached_tags([doc], Tagger(), path)
    assert path.exists()
    again = cached_tags([doc], Tagger(), path)
    assert again == computed
    assert again[TEXT] == Tagger().tag(doc, find_quotations(TEXT))

    cached = regroup([gold], [doc], CachedTagger(packaged_model_dir(), again))
    fresh = regroup([gold], [doc], Tagger())
    assert cached.counts == fresh.counts
    assert cached.counts.attribution_matched == 1


def test_a_text_missing_from_the_cache_is_tagged_anew():
    doc = load_parsing_pipeline(DEFAULT_MODEL)(TEXT)
    tagger = CachedTagger(packaged_model_dir(), {"another text": (["O"], [0.0])})
    assert tagger.tag(doc, find_quotations(TEXT)) == Tagger().tag(doc, find_quotations(TEXT))
