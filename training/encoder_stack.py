"""An experiment, not shipped: the CRF with a fine-tuned encoder's labels as extra features.

    python training/encoder_stack.py ../shared/polnear/train --oof E0.json E1.json \
        --probs ODD.json --cache PARSES --out DIR

Fits the tagger on the even half of train, each token carrying, beside its usual features,
the encoder's most likely label and which roles it gives at least 0.2, 0.5, 0.8 or 0.95
(and its neighbours' most likely labels); scores the odd half as ``onrecord eval`` scores
dev. The even half's probabilities must be out of fold (``--oof``: an encoder fitted on
even:0 predicting even:1 and the reverse, from ``training/encoder_tagger.py``), or the CRF
learns to trust an encoder that has seen the answers; ``--probs`` are those of an encoder
fitted on the whole even half, predicting the odd half.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import train_tagger
from regroup import CachedTagger, regroup

import onrecord.attribute.tagger as tagger_module
from onrecord.eval.polnear import load_compartment
from onrecord.settings import DEFAULT_MODEL

LABELS = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"]
ROLES = ("SRC", "CUE", "CON")
ENC: dict[str, list[list[float]]] = {}
base = train_tagger.article_features


def token_labels(probs):
    out = []
    for row in probs:
        feats = [f"enc={LABELS[max(range(len(LABELS)), key=lambda k: row[k])]}"]
        for r, role in enumerate(ROLES):
            p = row[1 + 2 * r] + row[2 + 2 * r]
            for cut in (0.2, 0.5, 0.8, 0.95):
                if p >= cut:
                    feats.append(f"enc{role}>{cut}")
        out.append(feats)
    return out


def with_encoder(doc, quotations, lexicon, leave_out=None):
    features = base(doc, quotations, lexicon, leave_out=leave_out)
    labels = token_labels(ENC[doc.text])
    n = len(labels)
    for i, own in enumerate(features):
        own.extend(labels[i])
        if i > 0:
            own.append("p" + labels[i - 1][0])
        if i + 1 < n:
            own.append("n" + labels[i + 1][0])
    return features


def main():
    p = argparse.ArgumentParser()
    p.add_argument("train", type=Path)
    p.add_argument("--oof", nargs="+", type=Path, required=True)
    p.add_argument("--probs", type=Path, required=True)
    p.add_argument("--cache", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--c1", type=float, default=train_tagger.PARAMS["c1"] / 2)
    args = p.parse_args()
    for path in [*args.oof, args.probs]:
        ENC.update(json.loads(path.read_text()))
    train_tagger.article_features = with_encoder
    tagger_module.article_features = with_encoder
    articles = load_compartment(args.train)
    docs = train_tagger.parse(articles, DEFAULT_MODEL, args.cache)
    params = {**train_tagger.PARAMS, "c1": args.c1}
    train_tagger.fit(docs[0::2], articles[0::2], args.out, params)
    print(regroup(articles[1::2], docs[1::2], CachedTagger(args.out, {})).format())


if __name__ == "__main__":
    main()
