"""The resolver's word lists and the name matching built on them."""

from __future__ import annotations

import pytest

from onrecord.lexicon import singular
from onrecord.resolve.entities import names_agree, normalise_title, org_key


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("advisers", "adviser"),
        ("agencies", "agency"),
        ("spokesmen", "spokesman"),
        ("businesses", "business"),
        ("people", "person"),
        ("press", "press"),
        ("analysis", "analysis"),
    ],
)
def test_singular(plural, expected):
    assert singular(plural) == expected


@pytest.mark.parametrize(
    ("known", "given", "same"),
    [
        (("Jane", "Roe"), ("Roe",), True),
        (("Jane", "Roe"), ("Jane", "Roe"), True),
        (("Jane", "Roe"), ("J.", "Roe"), True),
        (("Jane", "Roe"), ("John", "Roe"), False),
        (("Mario", "Vargas", "Llosa"), ("Vargas", "Llosa"), True),
        (("John", "Roe", "Jr."), ("John", "Roe"), True),
    ],
)
def test_names_agree(known, given, same):
    assert names_agree(known, given) is same


def test_titles_are_compared_without_articles_possessives_or_hyphens():
    assert normalise_title("the WHO Director-General") == "who director general"
    assert normalise_title("Brazil’s president") == "brazil president"


def test_organisation_key_drops_the_article():
    assert org_key("The New York Times") == org_key("New York Times")
