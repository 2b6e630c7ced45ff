"""Score predicted attributions against PolNeAR gold.

Contents are compared as sets of character offsets, keeping only characters that carry words:
not whitespace and not punctuation (Unicode category ``P*``). Symbols (``$``, ``%``, ``+``)
are kept because they carry meaning ("$100,000"). So a prediction that differs from the gold
only by a trailing period, the quotation marks or the spacing is the same content.

A predicted content matches a gold content when the Jaccard overlap of those sets is at least
0.5; pairs are taken greedily one-to-one, best overlap first (ties: earlier gold, then earlier
prediction). An attribution is right when its content matches and its source agrees: both
have no source, or the two source spans share a word character.

Direct recall is attribution recall restricted to gold contents that contain a quotation
mark: ``"`` ``“`` ``”`` ``„`` ``«`` ``»``, a doubled apostrophe ``''`` (some outlets' plain-text
double quote), and ``‘``. The closing single mark ``’`` and the plain ``'`` are left out: they
are far more often apostrophes ("Trump’s", "don't") than quotes.

The extractor is abstract here (any callable from articles to attributions), so this module
never loads a model.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from onrecord.eval.polnear import GoldArticle, GoldAttribution, Slices, load_compartment
from onrecord.types import Attribution, Span, join_slices

logger = logging.getLogger(__name__)

MATCH_THRESHOLD = Fraction(1, 2)
QUOTATION_MARKS = ('"', "“", "”", "„", "«", "»", "''", "‘")

Extract = Callable[[list[GoldArticle]], Iterable[Sequence[Attribution]]]


@dataclass(frozen=True)
class Counts:
    """Raw counts, summed over articles (micro-average); every rate is derived from them."""

    predicted: int = 0
    gold: int = 0
    content_matched: int = 0
    attribution_matched: int = 0
    direct_gold: int = 0
    direct_content_matched: int = 0
    direct_attribution_matched: int = 0

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def __radd__(self, other: object) -> Counts:
        """Let ``sum(counts)`` start from 0."""
        if other == 0:
            return self
        return NotImplemented

    @property
    def content_precision(self) -> float:
        return ratio(self.content_matched, self.predicted)

    @property
    def content_recall(self) -> float:
        return ratio(self.content_matched, self.gold)

    @property
    def content_f1(self) -> float:
        return harmonic_mean(self.content_precision, self.content_recall)

    @property
    def attribution_precision(self) -> float:
        return ratio(self.attribution_matched, self.predicted)

    @property
    def attribution_recall(self) -> float:
        return ratio(self.attribution_matched, self.gold)

    @property
    def attribution_f1(self) -> float:
        return harmonic_mean(self.attribution_precision, self.attribution_recall)

    @property
    def direct_recall(self) -> float:
        """Quoted gold contents found with the right source."""
        return ratio(self.direct_attribution_matched, self.direct_gold)

    @property
    def direct_content_recall(self) -> float:
        """Quoted gold contents found, whatever the source."""
        return ratio(self.direct_content_matched, self.direct_gold)

    def rates(self) -> dict[str, float]:
        names = (
            "content_precision",
            "content_recall",
            "content_f1",
            "attribution_precision",
            "attribution_recall",
            "attribution_f1",
            "direct_recall",
            "direct_content_recall",
        )
        return {name: round(getattr(self, name), 4) for name in names}


def astuple(counts: Counts) -> tuple[int, ...]:
    return tuple(asdict(counts).values())


def ratio(part: int, whole: int) -> float:
    """0.0 when there is nothing to divide by: no predictions earn no precision."""
    return part / whole if whole else 0.0


def harmonic_mean(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def word_offsets(text: str, slices: Slices) -> frozenset[int]:
    """The offsets inside ``slices`` that hold neither whitespace nor punctuation."""
    return frozenset(
        offset
        for start, end in slices
        for offset in range(max(start, 0), min(end, len(text)))
        if is_word_character(text[offset])
    )


def is_word_character(character: str) -> bool:
    return not character.isspace() and not unicodedata.category(character).startswith("P")


def jaccard(first: frozenset[int], second: frozenset[int]) -> Fraction:
    """Exact, so that an overlap of exactly one half is never lost to rounding."""
    union = len(first | second)
    return Fraction(len(first & second), union) if union else Fraction(0)


def match_contents(
    gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]]
) -> list[tuple[int, int, Fraction]]:
    """Greedy one-to-one ``(gold index, predicted index, overlap)``, best overlap first."""
    candidates = []
    for g, gold_set in enumerate(gold):
        for p, predicted_set in enumerate(predicted):
            if gold_set.isdisjoint(predicted_set):
                continue
            overlap = jaccard(gold_set, predicted_set)
            if overlap >= MATCH_THRESHOLD:
                candidates.append((-overlap, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for negative_overlap, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p, -negative_overlap))
    return pairs


def sources_agree(gold: frozenset[int] | None, predicted: frozenset[int] | None) -> bool:
    """Both absent, or both present and sharing a word character."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return not gold.isdisjoint(predicted)


def has_quotation_mark(content: str) -> bool:
    return any(mark in content for mark in QUOTATION_MARKS)


def predicted_source(attribution: Attribution) -> Slices:
    return attribution.source.slices if attribution.source else ()


def source_offsets(text: str, slices: Slices) -> frozenset[int] | None:
    """``None`` for no source; a source made of punctuation alone is present but matches none."""
    return word_offsets(text, slices) if slices else None


def score_article(
    gold: Sequence[GoldAttribution], predicted: Sequence[Attribution], text: str
) -> Counts:
    """Counts for one article; offsets of both sides index ``text``."""
    gold_contents = [word_offsets(text, g.content) for g in gold]
    predicted_contents = [word_offsets(text, p.content.slices) for p in predicted]
    quoted = [has_quotation_mark(join_slices(text, g.content)) for g in gold]
    content_matched = attribution_matched = direct_content = direct_attribution = 0
    for g, p, _ in match_contents(gold_contents, predicted_contents):
        agree = sources_agree(
            source_offsets(text, gold[g].source),
            source_offsets(text, predicted_source(predicted[p])),
        )
        content_matched += 1
        attribution_matched += agree
        direct_content += quoted[g]
        direct_attribution += quoted[g] and agree
    return Counts(
        predicted=len(predicted),
        gold=len(gold),
        content_matched=content_matched,
        attribution_matched=attribution_matched,
        direct_gold=sum(quoted),
        direct_content_matched=direct_content,
        direct_attribution_matched=direct_attribution,
    )


@dataclass(frozen=True)
class Report:
    """Micro-averaged scores over a compartment."""

    counts: Counts
    articles: int
    misaligned: int = 0  # predictions whose span text is not the article text at their offsets

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "misaligned_predictions": self.misaligned,
            "counts": asdict(self.counts),
            "scores": self.counts.rates(),
        }

    def format(self) -> str:
        """A small plain-text table for a terminal or a log."""
        c = self.counts
        rows = [
            f"{'':<14}{'P':>8}{'R':>8}{'F1':>8}",
            row("content", c.content_precision, c.content_recall, c.content_f1),
            row("attribution", c.attribution_precision, c.attribution_recall, c.attribution_f1),
            f"{'direct':<14}{'':>8}{c.direct_recall:>8.3f}{'':>8}"
            f"   (content only {c.direct_content_recall:.3f})",
            "",
            f"articles {self.articles}  gold {c.gold}  predicted {c.predicted}  "
            f"content matched {c.content_matched}  attribution matched {c.attribution_matched}",
            f"quoted gold {c.direct_gold}  found {c.direct_content_matched}  "
            f"with source {c.direct_attribution_matched}",
        ]
        if self.misaligned:
            rows.append(f"warning: {self.misaligned} predictions do not align with the text")
        return "\n".join(rows)


def row(label: str, precision: float, recall: float, f1: float) -> str:
    return f"{label:<14}{precision:>8.3f}{recall:>8.3f}{f1:>8.3f}"


def evaluate(compartment_path: str | Path, extract: Extract, limit: int | None = None) -> Report:
    """Run ``extract`` over a PolNeAR compartment and score it.

    ``extract`` gets the articles (use ``.text`` and ``.name`` only; the gold is for scoring)
    and returns one list of attributions per article, in order, with offsets into ``.text``.
    """
    articles = load_compartment(compartment_path, limit=limit)
    return score_articles(articles, list(extract(articles)))


def score_articles(
    articles: Sequence[GoldArticle], predictions: Sequence[Sequence[Attribution]]
) -> Report:
    """The articles' predictions (one list each, in order) scored against their gold."""
    if len(predictions) != len(articles):
        raise ValueError(
            f"the extractor returned {len(predictions)} results for {len(articles)} articles"
        )
    total = Counts()
    misaligned = 0
    for article, predicted in zip(articles, predictions, strict=True):
        misaligned += count_misaligned(article.text, predicted)
        total += score_article(article.attributions, predicted, article.text)
    if misaligned:
        logger.warning("%d predicted spans do not match the article text", misaligned)
    return Report(total, len(articles), misaligned)


def count_misaligned(text: str, predicted: Iterable[Attribution]) -> int:
    """Predictions made on a different text (say, one cleaned before extraction) score as noise;
    counting them makes that visible instead of a silently low score."""
    return sum(
        any(span.text != join_slices(text, span.slices) for span in (a.content, a.source) if span)
        for a in predicted
    )


def gold_as_predictions(article: GoldArticle) -> list[Attribution]:
    """The gold as predictions, to check that gold scored against itself is perfect."""
    return [
        Attribution(
            id=f"{article.name}:{gold.id}",
            kind="indirect",
            content=Span.from_slices(article.text, gold.content),
            cue=Span.from_slices(article.text, gold.cue) if gold.cue else None,
            source=Span.from_slices(article.text, gold.source) if gold.source else None,
        )
        for gold in article.attributions
    ]
