"""Place names to gazetteer entries, and place mentions in parsed text."""

from __future__ import annotations

import pytest

from onrecord.facts.places import find_places, look_up


@pytest.mark.parametrize(
    ("name", "canonical", "kind", "country"),
    [
        ("Kyiv", "Kyiv", "city", "UA"),
        ("Kiev", "Kyiv", "city", "UA"),
        ("Odessa", "Odesa", "city", "UA"),
        ("Bangalore", "Bengaluru", "city", "IN"),
        ("U.S.", "United States", "country", "US"),
        ("the United States", "United States", "country", "US"),
        ("America", "United States", "country", "US"),
        ("Britain", "United Kingdom", "country", "GB"),
        ("U.K.", "United Kingdom", "country", "GB"),
        ("Russia’s", "Russia", "country", "RU"),
        ("Iran", "Iran", "country", "IR"),
        ("Washington", "Washington", "city", "US"),
        ("New York", "New York City", "city", "US"),
        ("Iowa", "Iowa", "region", "US"),
        ("Europe", "Europe", "region", None),
        ("Cleveland", "Cleveland", "city", "US"),
    ],
)
def test_look_up(name, canonical, kind, country):
    entry = look_up(name)
    assert entry is not None, name
    assert (entry.name, entry.kind, entry.country_code) == (canonical, kind, country)


def test_two_spellings_share_one_gazetteer_id():
    assert look_up("Kiev").geonames_id == look_up("Kyiv").geonames_id is not None


@pytest.mark.parametrize("name", ["the White House", "Middle East Eye", "Trump", "Bloggs"])
def test_unknown_names_are_not_guessed(name):
    assert look_up(name) is None


def test_places_in_a_parsed_sentence(nlp):
    doc = nlp("The minister flew from Kiev to Paris and then to France.")
    places = {
        p.span.text: (p.name, p.kind, p.country_code) for p in find_places(doc, doc.ents, doc.text)
    }
    assert places["Kiev"] == ("Kyiv", "city", "UA")
    assert places["France"] == ("France", "country", "FR")
    for place in find_places(doc, doc.ents, doc.text):
        assert doc.text[place.span.start : place.span.end] == place.span.text
