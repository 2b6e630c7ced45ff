"""A fine-tuned transformer's reading of each token, as extra features for the CRF.

The lower layers of all-MiniLM-L6-v2, fine-tuned on PolNeAR train as a BIO tagger of
source, cue and content (``training/encoder_tagger.py``), see the words of a whole window
at once, which the CRF's hand-picked neighbourhood cannot. Alone the encoder breaks
contents into fragments; as features of the CRF (its most likely label, and how sure it
is of each role) it adds what it sees and the CRF keeps the spans whole. It ships as
int8 ONNX and runs under onnxruntime on one thread: no PyTorch at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

ENCODER_FILE = "encoder.onnx"
TOKENIZER_FILE = "encoder_tokenizer.json"
ENCODER_FILES = (ENCODER_FILE, TOKENIZER_FILE)
LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
ROLES = ("SRC", "CUE", "CON")
CONFIDENCE_CUTS = (0.2, 0.5, 0.8, 0.95)
# Wordpieces per window, [CLS] and [SEP] included, as in training.
WINDOW = 256
BATCH = 8
# Pieces shared by neighbouring windows: a third more work than no overlap, half as much
# as overlapping by half, and no piece is read within 32 pieces of a cut.
OVERLAP = 64

Runner = Callable[[np.ndarray], np.ndarray]


def wordpieces(tokenizer, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Wordpiece ids, with a [SEP] before each piece that follows a line break (paragraph
    ends are what the model sees of layout), and each piece's character offsets ((-1, -1)
    for the inserted marks). ``tokenizer`` is a ``tokenizers.Tokenizer``."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    sep = tokenizer.token_to_id("[SEP]")
    ids: list[int] = []
    offsets: list[tuple[int, int]] = []
    last_end = 0
    for piece, (start, end) in zip(encoding.ids, encoding.offsets, strict=True):
        if ids and "\n" in text[last_end:start]:
            ids.append(sep)
            offsets.append((-1, -1))
        ids.append(piece)
        offsets.append((start, end))
        last_end = end
    return ids, offsets


def window_starts(n_pieces: int, step: int = WINDOW - 2) -> list[int]:
    """Window starts ``OVERLAP`` pieces apart less than a window, the last one flush with
    the end, so every window of an article is equally long (one batch, no padding) and
    each piece is read at least ``OVERLAP // 2`` pieces from a cut."""
    stride = step - OVERLAP
    starts = list(range(0, max(n_pieces - step, 0) + 1, stride))
    if starts[-1] + step < n_pieces:
        starts.append(n_pieces - step)
    return starts


def piece_probabilities(ids: list[int], run: Runner, cls: int, sep: int) -> np.ndarray:
    """Label probabilities per wordpiece, each read from the window where it is farthest
    from a cut (the text's own start and end are not cuts). ``run`` maps a (windows,
    length) id array to logits."""
    step = WINDOW - 2
    probs = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    if not ids:
        return probs
    starts = window_starts(len(ids), step)
    batch = np.array([[cls, *ids[s : s + step], sep] for s in starts], dtype=np.int64)
    logits = run(batch)[:, 1:-1]
    exp = np.exp(logits - logits.max(-1, keepdims=True))
    window_probs = exp / exp.sum(-1, keepdims=True)
    best = np.full(len(ids), -1.0)
    for w, start in enumerate(starts):
        length = min(step, len(ids) - start)
        j = np.arange(length)
        left = j if start > 0 else np.full(length, np.inf)
        right = length - 1 - j if start + length < len(ids) else np.full(length, np.inf)
        distance = np.minimum(left, right)
        better = distance > best[start : start + length]
        best[start : start + length][better] = distance[better]
        probs[start : start + length][better] = window_probs[w, :length][better]
    return probs


def token_probabilities(doc: Doc, offsets: list[tuple[int, int]], probs: np.ndarray) -> np.ndarray:
    """Each spaCy token gets the probabilities of its first wordpiece; space tokens and
    tokens no piece covers (control characters) are outside, with certainty."""
    first_piece: dict[int, int] = {}
    for p, (start, end) in enumerate(offsets):
        for c in range(start, end):
            first_piece.setdefault(c, p)
    out = np.zeros((len(doc), len(LABELS)), dtype=np.float32)
    out[:, 0] = 1.0
    for token in doc:
        if token.is_space:
            continue
        chars = range(token.idx, token.idx + len(token))
        p = next((first_piece[c] for c in chars if c in first_piece), None)
        if p is not None:
            out[token.i] = probs[p]
    return out


def encoder_features(probs: np.ndarray) -> list[list[str]]:
    """Per token: the encoder's most likely label, the roles it gives at least each of
    ``CONFIDENCE_CUTS`` (B and I together), and its neighbours' most likely labels."""
    best = [f"enc={LABELS[k]}" for k in probs.argmax(-1).tolist()] if len(probs) else []
    role_probs = probs[:, 1::2] + probs[:, 2::2] if len(probs) else probs
    out = []
    for i, label in enumerate(best):
        feats = [label]
        for r, role in enumerate(ROLES):
            feats.extend(f"enc{role}>{cut}" for cut in CONFIDENCE_CUTS if role_probs[i, r] >= cut)
        if i > 0:
            feats.append("p" + best[i - 1])
        if i + 1 < len(best):
            feats.append("n" + best[i + 1])
        out.append(feats)
    return out


class Encoder:
    """The exported encoder and its tokenizer, loaded once per process."""

    def __init__(self, model_dir: str | Path):
        import onnxruntime
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        self.tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls = self.tokenizer.token_to_id("[CLS]")
        self.sep = self.tokenizer.token_to_id("[SEP]")
        options = onnxruntime.SessionOptions()
        # One thread, as the rest of onrecord runs: parallelism comes from worker processes.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(model_dir / ENCODER_FILE), options, providers=["CPUExecutionProvider"]
        )
        self._input = self._session.get_inputs()[0].name

    def _run(self, batch: np.ndarray) -> np.ndarray:
        # A few windows at a time: a long article's windows at once would hold hundreds of
        # megabytes of attention weights.
        parts = [
            self._session.run(None, {self._input: batch[i : i + BATCH]})[0]
            for i in range(0, len(batch), BATCH)
        ]
        return np.concatenate(parts)

    def token_probabilities(self, doc: Doc) -> np.ndarray:
        """(tokens, labels) probabilities for ``doc``'s tokens."""
        ids, offsets = wordpieces(self.tokenizer, doc.text)
        probs = piece_probabilities(ids, self._run, self.cls, self.sep)
        return token_probabilities(doc, offsets, probs)
