"""Fixtures for the resolve tests: the bare spaCy pipeline, loaded once.

The resolve stage reads only the parse and the named entities, so its tests load the spaCy
model without the onrecord component: they do not depend on the attribution model.
"""

from __future__ import annotations

import pytest

from onrecord.component import load_parsing_pipeline
from onrecord.settings import DEFAULT_MODEL


@pytest.fixture(scope="session")
def parser_nlp():
    return load_parsing_pipeline(DEFAULT_MODEL)
