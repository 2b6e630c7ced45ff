"""The encoder's windowing and per-token reading, with a stand-in network where the real one
is not needed: these are the parts a wrong index would silently spoil."""

import numpy as np
import pytest
import spacy

from onrecord.attribute.encoder import (
    LABELS,
    OVERLAP,
    WINDOW,
    encoder_features,
    piece_probabilities,
    token_probabilities,
    window_starts,
    wordpieces,
)

STEP = WINDOW - 2
CLS, SEP = 101, 102


@pytest.mark.parametrize("n", [0, 1, STEP - 1, STEP, STEP + 1, 3 * STEP, 1000, 4321])
def test_windows_cover_every_piece_and_end_flush(n):
    starts = window_starts(n)
    assert starts[0] == 0
    covered = set()
    for s in starts:
        covered.update(range(s, min(s + STEP, n)))
    assert covered == set(range(n))
    if n > STEP:
        assert starts[-1] + STEP == n
        gaps = np.diff(starts)
        assert (gaps <= STEP - OVERLAP).all() and (gaps > 0).all()


def positional_runner(batch):
    """Logits that say, for each position, which window and which column it was read from:
    label 1 for the window number's parity, and a column-dependent margin."""
    windows, length = batch.shape
    logits = np.zeros((windows, length, len(LABELS)), dtype=np.float32)
    for w in range(windows):
        logits[w, :, 1 + w % 2] = 10.0
    return logits


@pytest.mark.parametrize("n", [5, STEP, STEP + 7, 700])
def test_each_piece_is_read_from_the_window_where_it_is_farthest_from_a_cut(n):
    ids = list(range(1000, 1000 + n))
    seen = []

    def runner(batch):
        seen.append(batch.copy())
        return positional_runner(batch)

    probs = piece_probabilities(ids, runner, CLS, SEP)
    batch = seen[0]
    assert (batch[:, 0] == CLS).all() and (batch[:, -1] == SEP).all()
    assert probs.shape == (n, len(LABELS))
    np.testing.assert_allclose(probs.sum(-1), 1.0, rtol=1e-5)
    starts = window_starts(n)
    for p in range(n):
        distances = []
        for w, s in enumerate(starts):
            length = min(STEP, n - s)
            if s <= p < s + length:
                left = p - s if s > 0 else np.inf
                right = s + length - 1 - p if s + length < n else np.inf
                distances.append((min(left, right), w))
        best = max(d for d, _ in distances)
        chosen_parity = int(probs[p].argmax()) - 1
        assert chosen_parity in {w % 2 for d, w in distances if d == best}
        # every window's pieces were the article's, in order
    for w, s in enumerate(starts):
        length = min(STEP, n - s)
        assert list(batch[w, 1 : 1 + length]) == ids[s : s + length]


def test_an_empty_article_needs_no_network():
    def runner(batch):
        raise AssertionError("called")

    assert piece_probabilities([], runner, CLS, SEP).shape == (0, len(LABELS))


class SplitOnSpace:
    """A stand-in for ``tokenizers.Tokenizer``: one piece per word, split in two when long."""

    def encode(self, text, add_special_tokens=False):
        ids, offsets = [], []
        pos = 0
        for word in text.split():
            start = text.index(word, pos)
            pos = start + len(word)
            cut = start + 4 if len(word) > 6 else pos
            for s, e in ((start, cut), (cut, pos)):
                if s < e:
                    ids.append(len(ids) + 200)
                    offsets.append((s, e))

        class Encoding:
            pass

        encoding = Encoding()
        encoding.ids, encoding.offsets = ids, offsets
        return encoding

    def token_to_id(self, token):
        return SEP


def test_a_line_break_becomes_a_separator_with_no_characters():
    ids, offsets = wordpieces(SplitOnSpace(), "He said.\n\nShe replied.")
    assert ids.count(SEP) == 1
    assert offsets[ids.index(SEP)] == (-1, -1)
    assert len(ids) == len(offsets) == 6  # "replied." is two pieces


def test_tokens_take_their_first_pieces_reading_and_spaces_are_outside():
    nlp = spacy.blank("en")
    text = "Officials reiterated it.\n\nNo."
    doc = nlp(text)
    ids, offsets = wordpieces(SplitOnSpace(), text)
    probs = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    for p in range(len(ids)):
        probs[p, p % len(LABELS)] = 1.0
    out = token_probabilities(doc, offsets, probs)
    assert out.shape == (len(doc), len(LABELS))
    for token in doc:
        if token.is_space:
            assert out[token.i].argmax() == 0
            continue
        first = next(p for p, (s, e) in enumerate(offsets) if s <= token.idx < e)
        assert out[token.i].argmax() == first % len(LABELS)


def test_features_name_the_best_label_the_confident_roles_and_the_neighbours():
    probs = np.array(
        [
            [0.9, 0.05, 0.05, 0, 0, 0, 0],
            [0.1, 0, 0, 0.3, 0.6, 0, 0],
            [0.0, 0, 0, 0, 0, 0.5, 0.5],
        ],
        dtype=np.float32,
    )
    first, cue, content = encoder_features(probs)
    assert first == ["enc=O", "nenc=I-CUE"]
    assert cue[0] == "enc=I-CUE"
    assert {"encCUE>0.2", "encCUE>0.5", "encCUE>0.8"} <= set(cue)
    assert "encCUE>0.95" not in cue
    assert {"penc=O", "nenc=B-CON"} <= set(cue)
    assert {"encCON>0.95", "penc=I-CUE"} <= set(content)
    assert encoder_features(np.zeros((0, len(LABELS)), dtype=np.float32)) == []
