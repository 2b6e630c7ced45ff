import pytest

from onrecord.component import load_parsing_pipeline
from onrecord.settings import DEFAULT_MODEL


@pytest.fixture(scope="session")
def parse():
    """Parse a text with the same spaCy pipeline onrecord runs (no onrecord component)."""
    return load_parsing_pipeline(DEFAULT_MODEL)
