"""mask_debris: debris becomes spaces and every other character keeps its offset."""

from __future__ import annotations

import pytest

from onrecord.read import mask_debris

ARTICLE = (
    "The harbour authority approved the new ferry terminal on Monday.\n"
    "[relatedstory slug=”harbour-budget-cut-explained/” layout=”compact”]\n"
    "“We have waited ten years for this,” said Ines Marlow, who chairs the board.\n"
    "Advertisement\n"
    "Critics said the design ignored cyclists.\n"
)


def assert_only_blanked(original: str, masked: str) -> None:
    """Every character is either kept or turned into a space; line ends never move."""
    assert len(masked) == len(original)
    for before, after in zip(original, masked, strict=True):
        assert after == before or after == " "
        if before in "\r\n":
            assert after == before


def test_shortcode_is_blanked_and_offsets_survive():
    masked = mask_debris(ARTICLE)
    assert_only_blanked(ARTICLE, masked)
    assert "relatedstory" not in masked
    assert "slug" not in masked
    quote = "“We have waited ten years for this,”"
    assert masked.index(quote) == ARTICLE.index(quote)
    start = ARTICLE.index("[relatedstory")
    end = ARTICLE.index("]", start) + 1
    assert masked[start:end] == " " * (end - start)
    assert masked[:start] == ARTICLE[:start]


def test_advertisement_line_is_blanked_but_its_line_end_kept():
    masked = mask_debris(ARTICLE)
    assert "Advertisement" not in masked
    assert masked.count("\n") == ARTICLE.count("\n")
    assert masked.endswith("Critics said the design ignored cyclists.\n")


@pytest.mark.parametrize(
    "debris",
    [
        '[caption id="attachment_52" align="alignnone" width="640"]',
        "[/caption]",
        "[gallery ids=12,13,14]",
        "[vc_row]",
        '[contact-form-7 id="9" title="Tips"]',
        "[embed]https://video.example/watch?v=abc[/embed]",
        '<img src="x.jpg" alt="a pier">',
        "</div>",
        "<br/>",
        "<!-- ad slot 3 -->",
    ],
)
def test_generic_debris_is_blanked(debris):
    text = f"Before the debris. {debris} After the debris."
    masked = mask_debris(text)
    assert_only_blanked(text, masked)
    assert masked == "Before the debris. " + " " * len(debris) + " After the debris."


def test_caption_words_are_kept_only_its_tags_go():
    text = '[caption id="a1" width="300"]The new ferry at dawn.[/caption] It sails at six.'
    masked = mask_debris(text)
    assert_only_blanked(text, masked)
    assert masked.strip().startswith("The new ferry at dawn.")
    assert masked.index("The new ferry") == text.index("The new ferry")
    assert "caption" not in masked


@pytest.mark.parametrize(
    "line",
    ["ADVERTISEMENT", "  Advertisement  ", "Read more: Ferry fares to rise", "RELATED: Port deal"],
)
def test_debris_lines_are_blanked(line):
    text = f"First line.\r\n{line}\r\nLast line."
    masked = mask_debris(text)
    assert_only_blanked(text, masked)
    assert masked == "First line.\r\n" + " " * len(line) + "\r\nLast line."


@pytest.mark.parametrize(
    "text",
    [
        "“They [the council] never asked us,” she said.",
        "“It was [sic] a disaster,” he wrote.",
        "The advertisement campaign cost more than the ferry itself.",
        "Prices rose 5% when x < y and y > z, the report said.",
        "Read the report, he said: it is all there.",
        "Scores [Team A] 3 - 1 [Team B]",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert mask_debris(text) == text


def test_a_bare_bracket_word_without_a_closer_is_kept():
    text = "“We [embed] ourselves in the community,” the chief said."
    assert mask_debris(text) == text


def test_unicode_and_crlf_lengths_are_exact():
    text = "Zoë said “ça va” 🚢.\r\n[gallery ids=1]\r\n東京 <b>bold</b> end."
    masked = mask_debris(text)
    assert_only_blanked(text, masked)
    assert "gallery" not in masked and "<b>" not in masked
    assert masked.index("東京") == text.index("東京")


def test_empty_text():
    assert mask_debris("") == ""


def test_large_text_with_unclosed_brackets_is_masked_in_one_pass():
    """Thousands of unclosed openers on one line must not make masking quadratic."""
    text = "[note " * 200_000 + "<tag " * 200_000 + "[gallery ids=1]"
    masked = mask_debris(text)
    assert len(masked) == len(text)
    assert masked.endswith(" " * len("[gallery ids=1]"))
