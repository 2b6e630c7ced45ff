import pytest
import spacy

from onrecord.settings import DEFAULT_MODEL, UNUSED_COMPONENTS


@pytest.fixture(scope="session")
def parse():
    """Parse a text with the same spaCy pipeline onrecord runs (no onrecord component)."""
    nlp = spacy.load(DEFAULT_MODEL, exclude=list(UNUSED_COMPONENTS))
    return nlp
