"""Fixtures for the resolve tests: the bare spaCy pipeline, loaded once.

The resolve stage reads only the parse and the named entities, so its tests load the spaCy
model without the onrecord component: they do not depend on the attribution model.
"""

from __future__ import annotations

import pytest
import spacy

from onrecord.settings import DEFAULT_MODEL, UNUSED_COMPONENTS


@pytest.fixture(scope="session")
def parser_nlp():
    return spacy.load(DEFAULT_MODEL, exclude=list(UNUSED_COMPONENTS))
