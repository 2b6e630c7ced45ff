"""Tune the tagger on train alone: fit on one half of PolNeAR train, score the other half.

    python training/heldout.py ../shared/polnear/train [--c1 3] [--fold odd] [--cache FILE]
        [--keep DIR]

PolNeAR dev is for measuring, so choices (features, parsing, regularisation) are made here
first: the articles at even positions (in name order) are fitted and those at odd positions
are scored through the whole extraction, exactly as ``onrecord eval polnear`` scores dev;
``--fold odd`` swaps the halves. The L1 penalty defaults to half the shipped one: the
log-likelihood it is weighed against is half as large on half the articles. ``--keep DIR``
saves the fitted tagger, for ``training/quoted_misses.py`` to look into the scored half.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from train_tagger import (
    PARAMS,
    copy_encoder,
    fit,
    out_of_fold_probabilities,
    parse,
    shipped_c1,
)

from onrecord.attribute.tagger import Tagger
from onrecord.eval.metric import Report, score_articles
from onrecord.eval.polnear import GoldArticle, load_compartment
from onrecord.pipeline import Extractor
from onrecord.settings import DEFAULT_MODEL
from onrecord.types import Article, Document


def extract_with(articles: list[GoldArticle], model_dir: Path, model: str) -> Iterator[Document]:
    """The articles extracted, in order, with the tagger in ``model_dir`` in place of the
    packaged one."""
    extractor = Extractor(model)
    extractor.nlp.get_pipe("onrecord").tagger = Tagger(model_dir)
    return extractor.extract_many(Article(text=a.text, id=a.name) for a in articles)


def score(articles: list[GoldArticle], model_dir: Path, model: str) -> Report:
    """The articles extracted with the tagger in ``model_dir`` and scored against their gold."""
    documents = extract_with(articles, model_dir, model)
    return score_articles(articles, [list(d.attributions) for d in documents])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="PolNeAR train compartment")
    parser.add_argument("--fold", choices=("even", "odd"), default="even", help="half to fit")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to parse with")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin cache of the parses")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    parser.add_argument(
        "--c1", type=float, default=None, help="L1 penalty (default: half the shipped one)"
    )
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--keep", type=Path, default=None, help="save the fitted tagger here")
    parser.add_argument(
        "--encoder", type=Path, default=None, help="an exported encoder fitted on the fitted half"
    )
    parser.add_argument(
        "--oof-encoders",
        type=Path,
        nargs=2,
        metavar=("EVEN", "ODD"),
        help="exported encoders fitted on the fitted half's own even and odd halves",
    )
    args = parser.parse_args(argv)
    if (args.encoder is None) != (args.oof_encoders is None):
        parser.error("--encoder and --oof-encoders go together")

    started = time.time()
    articles = load_compartment(args.train)
    docs = parse(articles, args.model, args.cache)
    first = 0 if args.fold == "even" else 1
    fitted, scored = slice(first, None, 2), slice(1 - first, None, 2)
    # half the data: half the penalty, for the same weight against the log-likelihood
    c1 = args.c1 if args.c1 is not None else shipped_c1(args.encoder is not None) / 2
    params = {**PARAMS, "c1": c1, "c2": args.c2, "max_iterations": args.iterations}
    with tempfile.TemporaryDirectory(prefix="onrecord-heldout-") as scratch:
        model_dir = args.keep or Path(scratch)
        probs = None
        if args.encoder is not None:
            probs = out_of_fold_probabilities(docs[fitted], args.oof_encoders)
        fit(docs[fitted], articles[fitted], model_dir, params, probs)
        if args.encoder is not None:
            copy_encoder(args.encoder, model_dir)
        report = score(articles[scored], model_dir, args.model)
    print(report.format())
    print(f"fitted {args.fold} half, {params}; {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
