"""Rebuild onrecord's attribution tagger from the PolNeAR train split alone.

    python training/train_tagger.py ../shared/polnear/train [--out src/onrecord/models]

Steps: parse the train articles with the same spaCy pipeline onrecord uses at run time
(paragraph starts marked before the parser),
learn the cue lexicon from the gold cues and, from the gold cues' parses, which cue shapes
go without a source; turn each article's gold spans into BIO tags
(SRC, CUE, CON), and fit a linear-chain CRF (L-BFGS, deterministic: the same input gives
the same model). Dev is never read here.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pycrfsuite
from spacy.tokens import Doc, DocBin

from onrecord.attribute.encoder import ENCODER_FILES, Encoder
from onrecord.attribute.features import article_features
from onrecord.attribute.group import cue_shapes
from onrecord.attribute.lexicon import CueLexicon, SourcelessCues
from onrecord.attribute.quotes import find_quotations
from onrecord.attribute.spans import RoleSpan
from onrecord.attribute.tagger import LEXICON_FILE, MODEL_FILE, SOURCELESS_FILE
from onrecord.component import load_parsing_pipeline
from onrecord.eval.polnear import GoldArticle, GoldAttribution, load_compartment
from onrecord.read import mask_debris
from onrecord.settings import DEFAULT_MODEL

ROLES = (("content", "CON"), ("cue", "CUE"), ("source", "SRC"))
PARAMS = {"c1": 6.0, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True}
# The L1 penalty with the encoder's features. On held-out train half of it, 6.0, beat 1.5,
# 3.0 and 12.0 when fitted on the even half, and lost to 3.0 by less on the swapped halves:
# a tie over both, broken by the smaller model (the encoder's features make many of the
# CRF's own redundant, and a stronger penalty drops them). With the encoders fine-tuned at
# 2e-4 it beat 3.0 again on the even half. README, "Accuracy".
ENCODER_C1 = 12.0


def shipped_c1(with_encoder: bool) -> float:
    """The L1 penalty the shipped tagger of that kind was fitted with, on all of train."""
    return ENCODER_C1 if with_encoder else PARAMS["c1"]


def parse(articles: list[GoldArticle], model: str, cache: Path | None) -> list[Doc]:
    """Parse once, the text as onrecord sees it at run time (debris blanked out, offsets
    kept); a DocBin cache makes re-training with other settings quick."""
    nlp = load_parsing_pipeline(model)
    texts = [mask_debris(a.text) for a in articles]
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        # The same texts are not enough: parses cached before a tokenizer change are stale.
        if [d.text for d in docs] == texts and all(
            [t.text for t in d] == [t.text for t in nlp.tokenizer(text)]
            for d, text in zip(docs, texts, strict=True)
        ):
            return docs
    docs = list(nlp.pipe(texts, batch_size=8, n_process=2))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def char_owners(gold: list[GoldAttribution]) -> dict[int, tuple[str, int]]:
    """For each annotated character, its (role, attribution number); the first one wins."""
    at_char: dict[int, tuple[str, int]] = {}
    for n, attribution in enumerate(gold):
        for field, role in ROLES:
            for start, end in getattr(attribution, field):
                for c in range(start, end):
                    at_char.setdefault(c, (role, n))
    return at_char


def token_owners(doc: Doc, gold: list[GoldAttribution]) -> list[tuple[str, int] | None]:
    """For each token, the (role, attribution number) covering its first character."""
    at_char = char_owners(gold)
    owners: list[tuple[str, int] | None] = []
    for token in doc:
        owner = None
        if not token.is_space:
            owner = next(
                (at_char[c] for c in range(token.idx, token.idx + len(token)) if c in at_char),
                None,
            )
        owners.append(owner)
    return owners


def bio_tags(doc: Doc, gold: list[GoldAttribution]) -> list[str]:
    """BIO tags; a run restarts (B) wherever the attribution or role changes."""
    owners = token_owners(doc, gold)
    tags, previous = [], None
    for token, owner in zip(doc, owners, strict=True):
        if owner is None:
            tags.append("O")
            if not token.is_space:
                previous = None
            continue
        tags.append(("I-" if owner == previous else "B-") + owner[0])
        previous = owner
    return tags


def article_lexicon(doc: Doc, tags: list[str]) -> CueLexicon:
    lexicon = CueLexicon()
    for token, tag in zip(doc, tags, strict=True):
        if not token.is_space:
            lexicon.add(token.lower_, tag.endswith("CUE"))
    return lexicon


def sourceless_cues(docs: list[Doc], articles: list[GoldArticle]) -> SourcelessCues:
    """Count, by cue shape, the gold attributions with no source. A gold cue may be in
    pieces ("was originally expected"); its tokens from first to last make one cue, as the
    tagger's runs do at run time."""
    table = SourcelessCues()
    for doc, article in zip(docs, articles, strict=True):
        for attribution in article.attributions:
            if not attribution.cue:
                continue
            tokens = doc.char_span(
                attribution.cue[0][0], attribution.cue[-1][1], alignment_mode="expand"
            )
            if tokens is None or len(tokens) == 0:
                continue
            cue = RoleSpan("CUE", tokens.start, tokens.end)
            table.add(cue_shapes(doc, cue), sourceless=not attribution.source)
    return table


def out_of_fold_probabilities(docs: list[Doc], encoders: list[Path]) -> list[np.ndarray]:
    """The encoder's label probabilities for each doc, from an encoder that never saw it:
    ``encoders`` are the two fitted on the docs at even and at odd positions, so each doc
    is read by the other one. A CRF fitted on in-fold probabilities would learn to trust an
    encoder that has seen the answers."""
    even, odd = (Encoder(path) for path in encoders)
    return [(odd if i % 2 == 0 else even).token_probabilities(doc) for i, doc in enumerate(docs)]


def fit(
    docs: list[Doc],
    articles: list[GoldArticle],
    out: Path,
    params: dict,
    encoder_probs: list[np.ndarray] | None = None,
) -> None:
    """Learn the cue lexicon, fit the CRF and count sourceless cue shapes on these parsed
    articles; write all three to ``out``. With ``encoder_probs`` (one array per doc, out of
    fold) the CRF also reads the encoder's features; the encoder itself is not copied."""
    started = time.time()
    tags = [bio_tags(doc, a.attributions) for doc, a in zip(docs, articles, strict=True)]
    per_article = [article_lexicon(doc, t) for doc, t in zip(docs, tags, strict=True)]
    lexicon = CueLexicon()
    for own in per_article:
        lexicon.counts.update(own.counts)
        lexicon.cue_counts.update(own.cue_counts)

    trainer = pycrfsuite.Trainer(verbose=False)
    probs = encoder_probs or [None] * len(docs)
    for doc, doc_tags, own, doc_probs in zip(docs, tags, per_article, probs, strict=True):
        quotations = find_quotations(doc.text)
        features = article_features(
            doc, quotations, lexicon, leave_out=own, encoder_probs=doc_probs
        )
        trainer.append(features, doc_tags)
    trainer.set_params(params)
    print(f"features ready in {time.time() - started:.0f} s", file=sys.stderr)

    out.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out / MODEL_FILE))
    (out / LEXICON_FILE).write_text(lexicon.to_json(), encoding="utf-8")
    sourceless = sourceless_cues(docs, articles).to_json()
    (out / SOURCELESS_FILE).write_text(sourceless, encoding="utf-8")


def copy_encoder(source: Path, out: Path) -> None:
    """Put the exported encoder beside the CRF that was fitted on its features."""
    for name in ENCODER_FILES:
        shutil.copy(source / name, out / name)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("train", type=Path, help="PolNeAR train compartment")
    parser.add_argument("--out", type=Path, default=Path("src/onrecord/models"))
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to parse with")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin cache of the parses")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    c1_help = f"L1 penalty ({PARAMS['c1']}; {ENCODER_C1} with --encoder)"
    parser.add_argument("--c1", type=float, default=None, help=c1_help)
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument(
        "--encoder",
        type=Path,
        default=None,
        help="an exported encoder fitted on all of train, to ship beside the CRF",
    )
    parser.add_argument(
        "--oof-encoders",
        type=Path,
        nargs=2,
        metavar=("EVEN", "ODD"),
        help="exported encoders fitted on train's even and odd halves (with --encoder)",
    )
    args = parser.parse_args(argv)
    if (args.encoder is None) != (args.oof_encoders is None):
        parser.error("--encoder and --oof-encoders go together")

    started = time.time()
    articles = load_compartment(args.train)
    docs = parse(articles, args.model, args.cache)
    print(f"parsed {len(docs)} articles in {time.time() - started:.0f} s", file=sys.stderr)
    c1 = args.c1 if args.c1 is not None else shipped_c1(args.encoder is not None)
    params = {**PARAMS, "c1": c1, "c2": args.c2, "max_iterations": args.iterations}
    probs = None
    if args.encoder is not None:
        probs = out_of_fold_probabilities(docs, args.oof_encoders)
        print(f"encoder features in {time.time() - started:.0f} s", file=sys.stderr)
    fit(docs, articles, args.out, params, probs)
    if args.encoder is not None:
        copy_encoder(args.encoder, args.out)
    print(f"trained in {time.time() - started:.0f} s -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
