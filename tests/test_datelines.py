"""One definition of a dateline, for the attribution finder and the speaker resolver alike."""

import pytest
from spacy.lang.en import English

from onrecord.datelines import dateline_end, in_dateline


@pytest.fixture(scope="module")
def tokenize():
    return English()


def opening(tokenize, paragraph: str):
    """The paragraph after a headline, and the index of its first token."""
    doc = tokenize("Headline\n\n" + paragraph)
    return doc, doc.char_span(len("Headline\n\n"), len(doc.text), alignment_mode="expand").start


@pytest.mark.parametrize(
    ("paragraph", "first_after"),
    [
        ("WASHINGTON (AP) — The city faces a gap.", "The"),
        ("JACKSON, Miss. - U.S. District Judge Ann Roe ruled.", "U.S."),
        ("LOS ANGELES, Feb. 2 (UPI) — The record is done.", "The"),
        ("New York (AFP) – Vice President Joe Biden spoke.", "Vice"),
        ("RANGOON, Burma - Her allies claimed victory.", "Her"),
        ("WASHINGTON -- The deficit will grow.", "The"),
    ],
)
def test_a_dateline_ends_at_its_dash(tokenize, paragraph, first_after):
    doc, start = opening(tokenize, paragraph)
    end = dateline_end(doc, start)
    assert end is not None and doc[end].text == first_after


@pytest.mark.parametrize(
    "paragraph",
    [
        "Sen. Ted Cruz (R-Texas) — Announced March 23, 2015",  # a party, no agency
        "Springfield — The city faces a gap.",  # no capitals, no agency
        "AFL-CIO leaders agreed.",  # a hyphen inside a word
        "OSLO said nothing - the talks went on.",  # a lower-case word before the dash
    ],
)
def test_no_dateline(tokenize, paragraph):
    doc, start = opening(tokenize, paragraph)
    assert dateline_end(doc, start) is None


def test_a_dateline_opens_a_paragraph(tokenize):
    doc = tokenize("In short, NATO - the alliance - agreed.")
    assert dateline_end(doc, 3) is None


def test_the_agency_is_in_the_dateline(tokenize):
    doc = tokenize("Headline\n\nLONDON (Reuters) - Acme cut jobs.")
    words = [t.text for t in doc]
    reuters, acme = words.index("Reuters"), words.index("Acme")
    assert in_dateline(doc, reuters, reuters + 1)
    assert not in_dateline(doc, acme, acme + 1)
