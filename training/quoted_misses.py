"""Where quoted contents are lost: each gold content with a quotation mark, by what became of it.

    python training/quoted_misses.py ../shared/polnear/train --model-dir DIR [--half odd]
        [--limit 200] [--examples 5]

Direct recall counts a quoted gold content as found when a prediction matches it (the eval
metric's Jaccard of at least 0.5) and the sources agree. This sorts the rest: a prediction
covering the gold one and much more ("inside a longer prediction", most often a scare quote
nested in another attribution's content), one covering only part of it ("shorter"), some
overlap either way ("partial"), no overlap ("no prediction"); and for matched contents, a
source missing, extra, or elsewhere. Run it on the half of train that ``training/heldout.py
--keep DIR`` did not fit, never on dev.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

from heldout import extract_with

from onrecord.eval.metric import (
    has_quotation_mark,
    match_contents,
    predicted_source,
    source_offsets,
    sources_agree,
    word_offsets,
)
from onrecord.eval.polnear import GoldArticle, load_compartment
from onrecord.settings import DEFAULT_MODEL
from onrecord.types import Attribution, join_slices

COVERED = 0.9  # the share of one side's word characters the other must hold to "cover" it


def fates(article: GoldArticle, predicted: list[Attribution]) -> list[tuple[str, str]]:
    """(what became of it, an example line) for each quoted gold content of the article."""
    text = article.text
    gold = [word_offsets(text, g.content) for g in article.attributions]
    found = [word_offsets(text, p.content.slices) for p in predicted]
    matched = {g: p for g, p, _ in match_contents(gold, found)}
    out = []
    for g, attribution in enumerate(article.attributions):
        content = join_slices(text, attribution.content)
        if not has_quotation_mark(content):
            continue
        if g in matched:
            p = predicted[matched[g]]
            gold_source = source_offsets(text, attribution.source)
            if sources_agree(gold_source, source_offsets(text, predicted_source(p))):
                out.append(("found", ""))
                continue
            said = join_slices(text, attribution.source) if attribution.source else None
            ours = p.source.text if p.source else None
            example = f"gold {said!r}, predicted {ours!r}: {content[:90]!r}"
            out.append((_source_fate(said, ours), example))
            continue
        overlaps = [f for f in found if gold[g] & f]
        out.append((_unmatched_fate(gold[g], overlaps), f"{content[:120]!r}"))
    return out


def _source_fate(said: str | None, ours: str | None) -> str:
    if said is None:
        return "source extra"
    if ours is None:
        return "source missing"
    return "source elsewhere"


def _unmatched_fate(gold: frozenset[int], overlaps: list[frozenset[int]]) -> str:
    if not overlaps:
        return "no prediction"
    if any(len(gold & f) >= COVERED * len(gold) for f in overlaps):
        return "inside a longer prediction"
    if any(len(gold & f) >= COVERED * len(f) for f in overlaps):
        return "shorter prediction"
    return "partial"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("compartment", type=Path, help="PolNeAR train compartment")
    parser.add_argument("--model-dir", type=Path, required=True, help="a fitted tagger")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to parse with")
    parser.add_argument("--half", choices=("even", "odd"), default="odd")
    parser.add_argument("--limit", type=int, default=200, help="articles of that half")
    parser.add_argument("--examples", type=int, default=5, help="examples per kind")
    args = parser.parse_args(argv)

    articles = load_compartment(args.compartment)[args.half == "odd" :: 2][: args.limit]
    documents = extract_with(articles, args.model_dir, args.model)
    counts: Counter[str] = Counter()
    examples: defaultdict[str, list[str]] = defaultdict(list)
    for article, document in zip(articles, documents, strict=True):
        for fate, example in fates(article, list(document.attributions)):
            counts[fate] += 1
            examples[fate].append(f"{article.name}: {example}")
    total = sum(counts.values())
    print(f"{total} quoted gold contents in {len(articles)} articles ({args.half} half)")
    for fate, n in counts.most_common():
        print(f"{n:6d}  {n / total:6.1%}  {fate}")
    shown = random.Random(0)
    for fate, lines in examples.items():
        if fate == "found" or not args.examples:
            continue
        print(f"\n{fate}:")
        for line in shown.sample(lines, min(args.examples, len(lines))):
            print(f"  {line}")


if __name__ == "__main__":
    main()
