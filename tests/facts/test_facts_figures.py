"""Amounts with their values, units and modifiers, and whose claim they are."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.facts.figures import find_figures


def figures_of(nlp, text: str) -> dict[str, tuple]:
    doc = nlp(text)
    figures = find_figures(doc.ents, doc.text, [])
    return {f.span.text: (f.value, f.unit, f.modifier) for f in figures}


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("The port spent $4.5 billion on the new quay.", "$4.5 billion", (4.5e9, "USD", None)),
        ("Over 70% of the fishermen voted for it.", "Over 70%", (70.0, "percent", ">")),
        ("Turnout rose to 62 percent this year.", "62 percent", (62.0, "percent", None)),
        ("More than 300 nurses signed the letter.", "More than 300", (300.0, "people", ">")),
        ("At least 12 boats sank in the storm.", "At least 12", (12.0, "boats", ">=")),
        ("The town owes about €30 million to the bank.", "about €30 million", (3e7, "EUR", "~")),
        ("A ticket costs 50 cents more than last year.", "50 cents", (0.5, "USD", None)),
        ("The council hired 25 new teachers in June.", "25", (25.0, "people", None)),
        ("The fund lent £2,500 to each family.", "£2,500", (2500.0, "GBP", None)),
        ("Nearly two thousand voters stayed home.", "Nearly two thousand", (2000.0, "people", "~")),
    ],
)
def test_figure_values(nlp, text, figure, expected):
    found = figures_of(nlp, text)
    assert found.get(figure) == expected, found


def test_counts_that_count_nothing_are_not_figures(nlp):
    found = figures_of(nlp, "One of the pilots said the two of them would fly in 2031.")
    assert "One" not in found
    assert "2031" not in found


def test_a_figure_inside_a_quotation_is_its_speakers_claim(extractor):
    text = (
        "The harbour lost 40 boats last winter. "
        "“We will need 15 new boats before spring,” the harbour master, Tobias Renn, said."
    )
    document = onrecord.extract(text, published="2031-03-12")
    owners = {f.span.text: f.attribution for f in document.figures}
    quoting = next(a for a in document.attributions if "15 new boats" in a.content.text)
    assert owners["15"] == quoting.id
    assert owners["40"] is None
