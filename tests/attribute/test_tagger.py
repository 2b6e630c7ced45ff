import os
import shutil
import subprocess
import sys

import pytest

from onrecord.attribute.encoder import ENCODER_FILES
from onrecord.attribute.tagger import MODEL_FILES, Tagger, model_dir_for, packaged_model_dir
from onrecord.errors import ModelError
from onrecord.settings import TAGGER_VARIABLE


def test_a_model_directory_missing_a_file_is_a_clear_error(tmp_path):
    for name in MODEL_FILES[:-1]:
        shutil.copy(packaged_model_dir() / name, tmp_path / name)
    with pytest.raises(ModelError, match=MODEL_FILES[-1]):
        Tagger(tmp_path)


def test_the_packaged_model_ships_every_file():
    tagger = Tagger()
    assert sorted(tagger.files()) == sorted(MODEL_FILES)
    assert tagger.sourceless.counts


def test_a_tagger_is_named_by_argument_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv(TAGGER_VARIABLE, raising=False)
    assert model_dir_for(None) == packaged_model_dir()
    assert model_dir_for("encoder") == packaged_model_dir() / "encoder"
    monkeypatch.setenv(TAGGER_VARIABLE, "encoder")
    assert model_dir_for(None) == packaged_model_dir("encoder")
    assert model_dir_for("crf") == packaged_model_dir()
    assert model_dir_for(tmp_path) == tmp_path


def test_an_unknown_tagger_is_a_clear_error(monkeypatch):
    with pytest.raises(ModelError, match="crf, encoder"):
        model_dir_for("transformer")
    monkeypatch.setenv(TAGGER_VARIABLE, "nonsense")
    with pytest.raises(ModelError, match="nonsense"):
        Tagger()


def test_the_packaged_encoder_tagger_ships_every_file():
    tagger = Tagger("encoder")
    assert tagger.encoder is not None
    assert sorted(tagger.files()) == sorted(MODEL_FILES + ENCODER_FILES)


def test_the_default_tagger_does_not_load_onnxruntime():
    """onnxruntime starts a thread when imported that slows spaCy down; the CRF alone must
    not pay for it."""
    code = (
        "import sys; from onrecord.attribute.tagger import Tagger; Tagger('crf'); "
        "print('onnxruntime' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k != TAGGER_VARIABLE}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr
