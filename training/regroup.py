"""Score a change to the grouping in seconds: the held-out half is parsed and tagged once.

    python training/regroup.py ../shared/polnear/train --model-dir DIR --cache PARSES
        [--tags TAGS.json] [--half odd]

``training/heldout.py --keep DIR`` fits the tagger on one half of train and scores the other
half end to end, parsing and tagging it again on every run (two minutes or more), while a
change to ``onrecord.attribute.group`` changes neither the parses nor the tags. This keeps
both (``--cache`` for the parses, ``--tags`` for the tagger's output on the scored half),
runs ``find`` over them and scores the half as ``onrecord eval`` scores dev. For the same
model it gave the same counts as ``heldout.py`` (checked on both halves of train); since
extraction splits quotation marks glued to words and training parses do not
(``onrecord.component.split_glued_quotation_marks``), the ten or so articles of a half with
such marks can now differ by a few attributions. Run it on the half the model was not
fitted on, never on dev.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Doc
from train_tagger import parse

from onrecord.attribute.find import find
from onrecord.attribute.quotes import Quotation, find_quotations
from onrecord.attribute.tagger import Tagger
from onrecord.eval.metric import Report, score_articles
from onrecord.eval.polnear import GoldArticle, load_compartment
from onrecord.settings import DEFAULT_MODEL

Tags = tuple[list[str], list[float]]


class CachedTagger(Tagger):
    """The tagger in ``model_dir``, answering from ``cached`` (by article text) where it can."""

    def __init__(self, model_dir: Path, cached: dict[str, Tags]):
        super().__init__(model_dir)
        self.cached = cached

    def tag(self, doc: Doc, quotations: list[Quotation]) -> Tags:
        if doc.text in self.cached:
            return self.cached[doc.text]
        return super().tag(doc, quotations)


def cached_tags(docs: list[Doc], tagger: Tagger, path: Path | None) -> dict[str, Tags]:
    """``tagger``'s output for each doc, read from ``path`` if it holds them all, else
    computed (and written to ``path``)."""
    if path is not None and path.exists():
        stored = json.loads(path.read_text(encoding="utf-8"))
        if all(doc.text in stored for doc in docs):
            return {text: (tags, scores) for text, (tags, scores) in stored.items()}
    computed = {doc.text: tagger.tag(doc, find_quotations(doc.text)) for doc in docs}
    if path is not None:
        path.write_text(json.dumps(computed), encoding="utf-8")
    return computed


def regroup(articles: list[GoldArticle], docs: list[Doc], tagger: Tagger) -> Report:
    """The articles' attributions found from ``tagger``'s tags and scored against their gold."""
    predicted = [find(doc, tagger) for doc in docs]
    return score_articles(articles, predicted)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("compartment", type=Path, help="PolNeAR train compartment")
    parser.add_argument("--model-dir", type=Path, required=True, help="a fitted tagger")
    parser.add_argument("--cache", type=Path, required=True, help="DocBin cache of the parses")
    parser.add_argument("--tags", type=Path, default=None, help="JSON cache of the tags")
    parser.add_argument("--half", choices=("even", "odd"), default="odd")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to parse with")
    args = parser.parse_args(argv)

    articles = load_compartment(args.compartment)
    docs = parse(articles, args.model, args.cache)
    scored = slice(1 if args.half == "odd" else 0, None, 2)
    articles, docs = articles[scored], docs[scored]
    tagger = CachedTagger(args.model_dir, {})  # answers nothing from cache until it is filled
    tagger.cached = cached_tags(docs, tagger, args.tags)
    print(regroup(articles, docs, tagger).format())


if __name__ == "__main__":
    main()
