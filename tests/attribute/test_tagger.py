import shutil

import pytest

from onrecord.attribute.tagger import MODEL_FILES, Tagger, packaged_model_dir
from onrecord.errors import ModelError


def test_a_model_directory_missing_a_file_is_a_clear_error(tmp_path):
    for name in MODEL_FILES[:-1]:
        shutil.copy(packaged_model_dir() / name, tmp_path / name)
    with pytest.raises(ModelError, match=MODEL_FILES[-1]):
        Tagger(tmp_path)


def test_the_packaged_model_ships_every_file():
    tagger = Tagger()
    assert sorted(tagger.files()) == sorted(MODEL_FILES)
    assert tagger.sourceless.counts
