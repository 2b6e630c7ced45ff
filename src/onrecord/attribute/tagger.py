"""The learned tagger: a linear-chain CRF over article tokens (python-crfsuite).

A CRF is small, fast on one core, needs no PyTorch, and learns from PolNeAR train both
which words report ("said", "believes", "a poll found") and which syntactic positions
carry content. ``training/train_tagger.py`` rebuilds it, with its cue lexicon and its table
of sourceless cue shapes (which the grouping reads), from the train split; all three files
ship in ``onrecord/models``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from onrecord.attribute.encoder import ENCODER_FILE, ENCODER_FILES, Encoder
from onrecord.attribute.features import article_features
from onrecord.attribute.lexicon import CueLexicon, SourcelessCues
from onrecord.attribute.quotes import Quotation
from onrecord.errors import ModelError
from onrecord.settings import DEFAULT_TAGGER, TAGGER_VARIABLE, TAGGERS

MODEL_FILE = "attribution.crfsuite"
LEXICON_FILE = "cue_lexicon.json"
SOURCELESS_FILE = "sourceless_cues.json"
MODEL_FILES = (MODEL_FILE, LEXICON_FILE, SOURCELESS_FILE)


def packaged_model_dir(tagger: str = DEFAULT_TAGGER) -> Path:
    """Where a shipped tagger's files are inside the package."""
    models = Path(str(resources.files("onrecord") / "models"))
    return models if tagger == DEFAULT_TAGGER else models / tagger


def model_dir_for(tagger: str | Path | None) -> Path:
    """A shipped tagger's name (``settings.TAGGERS``), or a folder; None is the one named by
    the ``ONRECORD_TAGGER`` environment variable, else the default."""
    if tagger is None:
        tagger = os.environ.get(TAGGER_VARIABLE) or DEFAULT_TAGGER
    if str(tagger) in TAGGERS:
        return packaged_model_dir(str(tagger))
    path = Path(tagger)
    if not path.is_dir():
        raise ModelError(
            f"no tagger {str(tagger)!r}: name one of {', '.join(TAGGERS)}, or a folder with a "
            "trained tagger"
        )
    return path


class Tagger:
    """BIO tags (SRC, CUE, CON) and their probabilities for one article's tokens."""

    def __init__(self, model_dir: str | Path | None = None):
        self.model_dir = model_dir_for(model_dir)
        missing = [name for name in MODEL_FILES if not (self.model_dir / name).is_file()]
        if missing:
            raise ModelError(
                f"no attribution model in {self.model_dir} (missing {', '.join(missing)}); "
                "rebuild it with training/train_tagger.py, or, for a spaCy pipeline saved by "
                "an older onrecord, add onrecord to it again and save it"
            )
        self.lexicon = CueLexicon.from_path(self.model_dir / LEXICON_FILE)
        self.sourceless = SourcelessCues.from_path(self.model_dir / SOURCELESS_FILE)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(self.model_dir / MODEL_FILE))
        # A CRF fitted with the encoder's features ships beside it, in the same folder.
        has_encoder = (self.model_dir / ENCODER_FILE).is_file()
        self.encoder = Encoder(self.model_dir) if has_encoder else None

    def tag(self, doc: Doc, quotations: list[Quotation]) -> tuple[list[str], list[float]]:
        """The best tag sequence and, per token in a role, the probability of its tag (outside
        tokens get 0.0: nothing reads their score, and each marginal costs a lattice pass)."""
        if len(doc) == 0:
            return [], []
        if self.encoder is None:
            features = article_features(doc, quotations, self.lexicon)
        else:
            probs = self.encoder.token_probabilities(doc)
            features = article_features(doc, quotations, self.lexicon, encoder_probs=probs)
        tags = self._crf.tag(features)
        scores = [0.0 if tag == "O" else self._crf.marginal(tag, i) for i, tag in enumerate(tags)]
        return tags, scores

    def files(self) -> dict[str, bytes]:
        """The model's files by name, for saving a pipeline to disk."""
        names = MODEL_FILES + (ENCODER_FILES if self.encoder is not None else ())
        return {name: (self.model_dir / name).read_bytes() for name in names}
