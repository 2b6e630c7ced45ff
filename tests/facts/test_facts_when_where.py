"""When and where an attribution was made, only where the article says so."""

from __future__ import annotations

import onrecord

PUBLISHED = "2031-03-12"  # a Wednesday


def only_attribution(text: str, published: str | None = PUBLISHED):
    document = onrecord.extract(text, published=published)
    assert len(document.attributions) == 1, document.attributions
    return document.attributions[0]


def test_date_and_place_attached_to_the_cue_verb(extractor):
    attribution = only_attribution(
        "The mayor, Odessa Quill, told reporters in Lisbon on Monday that the sea wall "
        "would be rebuilt."
    )
    assert attribution.said_on is not None and attribution.said_on.value == "2031-03-10"
    assert attribution.said_on.span.text == "Monday"
    assert attribution.said_in is not None and attribution.said_in.name == "Lisbon"
    assert attribution.said_in.country_code == "PT"


def test_a_bare_date_after_said(extractor):
    attribution = only_attribution(
        "“The ferry will keep running,” the harbour master, Tobias Renn, said Tuesday."
    )
    assert attribution.said_on is not None and attribution.said_on.value == "2031-03-11"
    assert attribution.said_in is None


def test_dates_and_places_inside_the_content_are_not_when_it_was_said(extractor):
    attribution = only_attribution(
        "The mayor, Odessa Quill, said the ferry would sail to Lisbon on Friday."
    )
    assert attribution.said_on is None
    assert attribution.said_in is None


def test_no_date_means_none_not_the_publication_date(extractor):
    attribution = only_attribution("The mayor, Odessa Quill, said the ferry would keep running.")
    assert attribution.said_on is None


def test_without_publication_date_the_date_is_kept_unresolved(extractor):
    attribution = only_attribution(
        "The mayor, Odessa Quill, told reporters on Monday that the sea wall would be rebuilt.",
        published=None,
    )
    assert attribution.said_on is not None
    assert attribution.said_on.span.text == "Monday"
    assert attribution.said_on.value is None
