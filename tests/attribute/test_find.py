"""From tags to attributions (``find``), with hand-made tags so the rules are tested apart
from the model."""

import pytest
from test_group import tags_for

from onrecord.attribute import find
from onrecord.attribute.lexicon import SourcelessCues
from onrecord.attribute.spans import after_dateline
from onrecord.types import Article


class HandTags:
    """Stands in for the tagger: the tags a test wrote, with full confidence, and no cue
    shape learned to go without a source."""

    def __init__(self, roles: dict[str, str]):
        self.roles = roles
        self.sourceless = SourcelessCues()

    def tag(self, doc, quotations):
        tags = tags_for(doc, self.roles)
        return tags, [0.0 if t == "O" else 1.0 for t in tags]


def test_unquoted_words_with_neither_cue_nor_source_are_not_an_attribution(parse):
    doc = parse(
        "The mission's best chance is to make progress on ceasefires.\n\n"
        "The mayor said the bridge would reopen."
    )
    tagger = HandTags(
        {
            "The mission's best chance is to make progress on ceasefires": "CON",
            "The mayor": "SRC",
            "said": "CUE",
            "the bridge would reopen": "CON",
        }
    )
    found = find(doc, tagger)
    assert [(a.id, a.content.text, a.source.text) for a in found] == [
        ("a1", "the bridge would reopen", "The mayor")
    ]


def test_a_quotation_with_neither_cue_nor_source_is_kept(parse):
    doc = parse("“We will rebuild the wall before the next storm comes,” the sign read.")
    tagger = HandTags({"“We will rebuild the wall before the next storm comes,”": "CON"})
    (quote,) = find(doc, tagger)
    assert quote.kind == "direct"
    assert "We will rebuild the wall" in quote.content.text


def test_a_quotation_in_single_marks_split_by_its_cue_is_one_content(parse):
    doc = parse("‘We were far too slow,’ she told reporters. ‘People waited for days.’")
    tagger = HandTags(
        {
            "‘We were far too slow,’": "CON",
            "she": "SRC",
            "told": "CUE",
            "‘People waited for days.’": "CON",
        }
    )
    (quote,) = find(doc, tagger)
    assert quote.kind == "direct"
    assert len(quote.content.slices) == 2
    assert quote.source.text == "she"


def test_british_single_quotation_marks_with_the_shipped_tagger(extractor):
    text = (
        "The health minister, Margaret Holloway, spoke on Tuesday.\n\n"
        "‘We did not move fast enough, and I am sorry for that,’ she told the BBC. "
        "‘People were left without help for days.’"
    )
    document = extractor.extract(Article(text=text))
    quotes = [a for a in document.attributions if a.kind == "direct"]
    assert [(a.source.text, a.speaker.name, len(a.content.slices)) for a in quotes] == [
        ("she", "Margaret Holloway", 2)
    ]


def test_german_quotation_marks_with_the_shipped_tagger(extractor):
    """„…“ closes with the mark that opens an American quotation."""
    text = (
        "The interior minister, Karl Brenner, spoke on Monday.\n\n"
        "„We will not give up on the people of this region,“ he said. „It is our duty.“"
    )
    document = extractor.extract(Article(text=text))
    (quote,) = [a for a in document.attributions if a.kind == "direct"]
    assert (quote.source.text, quote.speaker.name) == ("he", "Karl Brenner")
    assert [text[start] for start, _ in quote.content.slices] == ["„", "„"]


def test_a_source_does_not_end_on_the_conjunction_after_it(parse):
    doc = parse(
        '"It was a mistake," said a former official who oversaw investigations and '
        "described the case as minor."
    )
    tagger = HandTags(
        {
            '"It was a mistake,"': "CON",
            "said": "CUE",
            "a former official who oversaw investigations and": "SRC",
        }
    )
    (quote,) = find(doc, tagger)
    assert quote.source.text == "a former official who oversaw investigations"


def test_a_source_leaves_out_a_dateline_before_it_and_a_time_after_it(parse):
    doc = parse(
        "FAIRVIEW, Kan. (AP) - County Judge Nora Blake on Wednesday ruled that the levy was lawful."
    )
    tagger = HandTags(
        {
            "FAIRVIEW, Kan. (AP) - County Judge Nora Blake on Wednesday": "SRC",
            "ruled": "CUE",
            "that the levy was lawful": "CON",
        }
    )
    (ruling,) = find(doc, tagger)
    # the parse in question: the time hangs on the cue, not on the judge
    assert doc[[t.text for t in doc].index("on")].head.text == "ruled"
    assert ruling.source.text == "County Judge Nora Blake"


def test_a_source_keeps_its_closing_bracket_and_drops_a_comma(parse):
    doc = parse(
        "Sen. Ada Crane (R-Utah) last week warned that the bill would fail. "
        '"It is over," said Mr. Crane\'s former aide, Lee Park, and left.'
    )
    tagger = HandTags(
        {
            "Sen. Ada Crane (R-Utah) last week": "SRC",
            "warned": "CUE",
            "that the bill would fail": "CON",
            '"It is over,"': "CON",
            "said": "CUE",
            "Mr. Crane's former aide, Lee Park, and": "SRC",
        }
    )
    warning, quote = find(doc, tagger)
    assert warning.source.text == "Sen. Ada Crane (R-Utah)"
    assert quote.source.text == "Mr. Crane's former aide, Lee Park"


@pytest.mark.parametrize(
    ("sentence", "roles", "expected"),
    [
        (  # the closing bracket the tagger left out is taken
            "Sen. Ada Crane (R-Utah) warned that the bill would fail.",
            {"Sen. Ada Crane (R-Utah": "SRC", "warned": "CUE", "that the bill would fail": "CON"},
            "Sen. Ada Crane (R-Utah)",
        ),
        (  # a time that describes the source stays in it
            "A poll released Monday found that most voters were undecided.",
            {
                "A poll released Monday": "SRC",
                "found": "CUE",
                "that most voters were undecided": "CON",
            },
            "A poll released Monday",
        ),
    ],
)
def test_a_source_as_a_reader_would_mark_it(parse, sentence, roles, expected):
    doc = parse(sentence)
    (attribution,) = find(doc, HandTags(roles))
    assert attribution.source.text == expected


def test_a_dateline_opens_a_paragraph_in_capitals(parse):
    doc = parse(
        "Voters were told.\n\nOSLO - The vote is off. In short, NATO - the alliance - agreed."
        "\n\nAFL-CIO leaders agreed."
    )
    words = [t.text for t in doc]
    oslo, nato, afl = words.index("OSLO"), words.index("NATO"), words.index("AFL")
    assert doc[after_dateline(doc, oslo, len(doc))].text == "The"
    assert after_dateline(doc, nato, len(doc)) == nato  # inside a paragraph
    assert after_dateline(doc, 0, len(doc)) == 0  # not in capitals
    assert after_dateline(doc, afl, len(doc)) == afl  # a dash with no space around it


def test_a_content_stopping_at_a_full_stop_inside_its_quotation_runs_to_its_end(parse):
    doc = parse(
        "Speaking to the Herald, Nair said: 'We always said this would take time. "
        "The numbers will come.'"
    )
    tagger = HandTags(
        {
            "Nair": "SRC",
            "said": "CUE",
            "'We always said this would take time.": "CON",
        }
    )
    (statement,) = find(doc, tagger)
    assert statement.content.text == "'We always said this would take time. The numbers will come"
    assert statement.kind == "direct"


def test_a_content_does_not_run_over_what_else_is_tagged_in_its_quotation(parse):
    doc = parse("Nair said: 'We will win. Reid is wrong, she told him. We will win.'")
    tagger = HandTags(
        {
            "Nair": "SRC",
            "said": "CUE",
            "'We will win.": "CON",
            "she": "SRC",
            "told him": "CUE",
        }
    )
    first = find(doc, tagger)[0]
    assert first.content.text == "'We will win"
