"""The metric on hand-made articles small enough to count by eye."""

from __future__ import annotations

import pytest

from onrecord.eval.metric import (
    Counts,
    has_quotation_mark,
    jaccard,
    score_article,
    word_offsets,
)
from onrecord.eval.polnear import GoldArticle, GoldAttribution
from onrecord.types import Attribution, Span


def slices_of(text: str, fragment: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """The slice of ``fragment`` in ``text``, so tests read as words, not offsets."""
    begin = text.index(fragment, start)
    return ((begin, begin + len(fragment)),)


def predicted(text: str, content: str, source: str | None = None) -> Attribution:
    return Attribution(
        id="p",
        kind="indirect",
        content=Span.from_slices(text, slices_of(text, content)),
        source=Span.from_slices(text, slices_of(text, source)) if source else None,
    )


def gold(text: str, content: str, source: str | None = None) -> GoldAttribution:
    return GoldAttribution(
        content=slices_of(text, content), source=slices_of(text, source) if source else ()
    )


def test_word_offsets_drop_spaces_and_punctuation_but_keep_symbols():
    text = "“Go, $5!” he said."
    kept = "".join(text[i] for i in sorted(word_offsets(text, ((0, len(text)),))))
    assert kept == "Go$5hesaid"


def test_overlap_of_exactly_one_half_matches():
    text = "abcd efgh"
    # gold covers abcd efgh (8 word characters), prediction covers abcd: 4 / 8 = 0.5
    counts = score_article([gold(text, "abcd efgh")], [predicted(text, "abcd")], text)
    assert jaccard(word_offsets(text, ((0, 9),)), word_offsets(text, ((0, 4),))) == 0.5
    assert counts.content_matched == 1
    assert counts.content_precision == counts.content_recall == 1.0


def test_overlap_just_below_one_half_does_not_match():
    text = "a" * 49 + "b" * 51
    # 49 shared characters over a union of 100
    counts = score_article([gold(text, text)], [predicted(text, "a" * 49)], text)
    assert counts.content_matched == 0
    assert counts.content_f1 == 0.0


def test_punctuation_and_spacing_do_not_count_against_a_match():
    text = 'He said: "We will win."  Then he left.'
    counts = score_article([gold(text, '"We will win."')], [predicted(text, "We will win")], text)
    assert counts.content_matched == 1


def test_one_prediction_overlapping_two_golds_matches_only_one_of_them():
    text = "alpha beta. gamma delta."
    golds = [gold(text, "alpha beta"), gold(text, "gamma delta")]
    # covering both equal halves: an overlap of exactly 0.5 with each gold, yet one match
    counts = score_article(golds, [predicted(text, "alpha beta. gamma delta")], text)
    assert counts.content_matched == 1
    assert (counts.content_precision, counts.content_recall) == (1.0, 0.5)


def test_best_overlap_first_frees_the_other_gold_for_the_wide_prediction():
    text = "alpha beta. gamma delta."
    golds = [gold(text, "alpha beta"), gold(text, "gamma delta")]
    guesses = [predicted(text, "alpha beta. gamma delta"), predicted(text, "alpha beta")]
    # the exact pair (1.0) is taken first, so the wide prediction gets the second gold (0.5)
    counts = score_article(golds, guesses, text)
    assert counts.content_matched == 2


def test_greedy_takes_the_best_overlap_first():
    text = "Smith said one two three four. Jones agreed."
    golds = [gold(text, "one two three four", "Smith")]
    # the partial guess (11/15) comes first and has the wrong source; the exact one must win
    guesses = [
        predicted(text, "one two three", "Jones"),
        predicted(text, "one two three four", "Smith"),
    ]
    counts = score_article(golds, guesses, text)
    assert counts.content_matched == 1
    assert counts.attribution_matched == 1


def test_sources_agree_when_both_are_absent():
    text = "Taxes will rise, the report found."
    counts = score_article(
        [gold(text, "Taxes will rise")], [predicted(text, "Taxes will rise")], text
    )
    assert counts.attribution_matched == 1


def test_sources_disagree_when_only_one_is_absent():
    text = "Taxes will rise, Smith said."
    with_source = score_article(
        [gold(text, "Taxes will rise", "Smith")], [predicted(text, "Taxes will rise")], text
    )
    without_source = score_article(
        [gold(text, "Taxes will rise")], [predicted(text, "Taxes will rise", "Smith")], text
    )
    assert with_source.content_matched == without_source.content_matched == 1
    assert with_source.attribution_matched == without_source.attribution_matched == 0


def test_sources_that_share_only_punctuation_disagree():
    text = "Taxes will rise, Smith, the mayor, said."
    counts = score_article(
        [gold(text, "Taxes will rise", "Smith,")],
        [predicted(text, "Taxes will rise", ", the mayor")],
        text,
    )
    assert counts.content_matched == 1
    assert counts.attribution_matched == 0


def test_sources_that_share_a_word_character_agree():
    text = "Taxes will rise, Mayor Jane Smith said."
    counts = score_article(
        [gold(text, "Taxes will rise", "Mayor Jane Smith")],
        [predicted(text, "Taxes will rise", "Smith")],
        text,
    )
    assert counts.attribution_matched == 1
    assert counts.attribution_f1 == 1.0


def test_direct_recall_counts_quoted_gold_found_with_its_source():
    text = "“We will win,” Smith said. Jones said taxes will rise. “No,” Lee said."
    golds = [
        gold(text, "“We will win,”", "Smith"),
        gold(text, "taxes will rise", "Jones"),
        gold(text, "“No,”", "Lee"),
    ]
    guesses = [
        predicted(text, "We will win", "Smith"),
        predicted(text, "taxes will rise", "Jones"),
        predicted(text, "No", "Jones"),
    ]
    counts = score_article(golds, guesses, text)
    assert counts.direct_gold == 2
    assert counts.direct_content_matched == 2
    assert counts.direct_attribution_matched == 1
    assert counts.direct_recall == 0.5
    assert counts.direct_content_recall == 1.0


@pytest.mark.parametrize(
    ("content", "quoted"),
    [
        ("“We will win”", True),
        ('"We will win"', True),
        ("''We will win,'' he", True),
        ("the ‘deplorables’", True),
        ("Trump’s plan", False),
        ("don't worry", False),
    ],
)
def test_quotation_marks_exclude_apostrophes(content: str, quoted: bool):
    assert has_quotation_mark(content) is quoted


def test_counts_add_up_as_a_micro_average():
    first = Counts(predicted=2, gold=4, content_matched=2, attribution_matched=1)
    second = Counts(predicted=8, gold=6, content_matched=6, attribution_matched=6)
    total = sum([first, second])
    assert total == Counts(predicted=10, gold=10, content_matched=8, attribution_matched=7)
    assert total.content_precision == total.content_recall == 0.8
    assert total.content_f1 == pytest.approx(0.8)
    assert total.attribution_f1 == pytest.approx(0.7)


def test_no_predictions_scores_zero_not_an_error():
    text = "Taxes will rise, Smith said."
    counts = score_article([gold(text, "Taxes will rise", "Smith")], [], text)
    assert (counts.content_precision, counts.content_recall, counts.content_f1) == (0, 0, 0)


def test_discontinuous_prediction_is_scored_on_all_its_slices():
    text = "“We will,” Smith said, “win.”"
    article = GoldArticle("a", text, [gold(text, "“We will,”"), gold(text, "“win.”")])
    both = Attribution(
        id="p",
        kind="direct",
        content=Span.from_slices(text, slices_of(text, "We will") + slices_of(text, "win")),
    )
    # one prediction covering both halves: 6/9 with the first gold, 3/9 with the second
    counts = score_article(article.attributions, [both], text)
    assert counts.content_matched == 1
    assert counts.content_recall == 0.5
