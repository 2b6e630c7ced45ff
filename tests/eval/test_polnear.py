"""The BRAT loader on a compartment written by hand, one quirk of the real corpus per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import EvalError
from onrecord.eval.polnear import load_article, load_compartment, parse_ann
from onrecord.types import join_slices

TEXT = (
    "“We will win,” Smith said, “and soon.”\n"
    "A poll found that voters are tired.\n"
    "Jones says taxes\nwill rise, and fast."
)


def offsets(fragment: str) -> str:
    start = TEXT.index(fragment)
    return f"{start} {start + len(fragment)}"


def text_bound(ident: str, kind: str, *fragments: str) -> str:
    spans = ";".join(offsets(f) for f in fragments)
    return f"{ident}\t{kind} {spans}\t{' '.join(fragments)}"


FIRST_ANNOTATOR = "\n".join(
    [
        # a quotation split by its cue: one discontinuous Content span
        text_bound("T1", "Source", "Smith"),
        text_bound("T2", "Cue", "said"),
        text_bound("T3", "Content", "“We will win,”", "“and soon.”"),
        text_bound("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # no source
        text_bound("T5", "Cue", "found"),
        text_bound("T6", "Content", "that voters are tired"),
        text_bound("T7", "Attribution-no-source", "found"),
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
        # content continued by Content2; the first part's echoed text runs over a line break
        text_bound("T8", "Source", "Jones"),
        text_bound("T9", "Cue", "says"),
        text_bound("T10", "Content", "taxes\nwill rise"),
        text_bound("T11", "Content", "and fast"),
        text_bound("T12", "Attribution", "says"),
        "E3\tAttribution:T12 Content:T10 Content2:T11 Cue:T9 Source:T8",
        # an attribution left without content, a note and a Discuss span: all ignored
        text_bound("T13", "Cue", "poll"),
        text_bound("T14", "Attribution-no-source", "poll"),
        "E4\tAttribution-no-source:T14 Cue:T13",
        "#1\tAnnotatorNotes T3\tcheck this one",
        text_bound("T15", "Discuss", "voters"),
    ]
)
SECOND_ANNOTATOR = "\n".join(
    [
        text_bound("T1", "Cue", "found"),
        text_bound("T2", "Content", "that voters are tired"),
        text_bound("T3", "Attribution-no-source", "found"),
        "E1\tAttribution-no-source:T3 Content:T2 Cue:T1",
    ]
)


@pytest.fixture
def compartment(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "story_b2.ann").write_text(SECOND_ANNOTATOR, encoding="utf-8")
    (tmp_path / "attributions" / "story_a1.ann").write_text(FIRST_ANNOTATOR, encoding="utf-8")
    return tmp_path


def test_first_annotator_is_used_and_contentless_attributions_are_skipped(compartment: Path):
    [article] = load_compartment(compartment)
    assert article.name == "story"
    assert article.text == TEXT
    assert [a.id for a in article.attributions] == ["E1", "E2", "E3"]


def test_discontinuous_content_keeps_both_slices(compartment: Path):
    quote = load_article(compartment, "story").attributions[0]
    assert join_slices(TEXT, quote.content) == "“We will win,” “and soon.”"
    assert join_slices(TEXT, quote.source) == "Smith"
    assert join_slices(TEXT, quote.cue) == "said"


def test_attribution_without_source_has_empty_source(compartment: Path):
    poll = load_article(compartment, "story").attributions[1]
    assert poll.source == ()
    assert join_slices(TEXT, poll.content) == "that voters are tired"


def test_content2_continues_the_content(compartment: Path):
    taxes = load_article(compartment, "story").attributions[2]
    assert join_slices(TEXT, taxes.content) == "taxes\nwill rise and fast"
    assert len(taxes.content) == 2


def test_echoed_text_over_a_line_break_is_read_whole():
    spans, events = parse_ann(FIRST_ANNOTATOR)
    assert spans["T10"].echoed == "taxes\nwill rise"
    assert spans["T11"].echoed == "and fast"
    assert [e.id for e in events] == ["E1", "E2", "E3", "E4"]


def test_crlf_text_keeps_the_corpus_offsets(tmp_path: Path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "Intro.\r\nSmith said hi."
    (tmp_path / "text" / "crlf.txt").write_bytes(text.encode("utf-8"))
    start = text.index("hi")
    ann = f"T1\tContent {start} {start + 2}\thi\nT2\tAttribution 14 18\tsaid\n"
    ann += "E1\tAttribution-no-source:T2 Content:T1\n"
    (tmp_path / "attributions" / "crlf_x.ann").write_text(ann, encoding="utf-8")
    [article] = load_compartment(tmp_path)
    assert join_slices(article.text, article.attributions[0].content) == "hi"


def test_missing_compartment_is_an_eval_error(tmp_path: Path):
    with pytest.raises(EvalError, match="not found"):
        load_compartment(tmp_path / "nowhere")


def test_compartment_without_texts_is_an_eval_error(tmp_path: Path):
    (tmp_path / "text").mkdir()
    with pytest.raises(EvalError, match="no articles"):
        load_compartment(tmp_path)


def test_text_without_annotations_is_an_eval_error(compartment: Path):
    (compartment / "text" / "orphan.txt").write_text("Nothing here.", encoding="utf-8")
    with pytest.raises(EvalError, match="orphan_<annotator>.ann"):
        load_compartment(compartment)


def test_event_pointing_nowhere_names_file_and_line(compartment: Path):
    broken = compartment / "attributions" / "story_a1.ann"
    broken.write_text(FIRST_ANNOTATOR + "\nE9\tAttribution:T4 Content:T99\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"story_a1\.ann:\d+: event E9 refers to undefined T99"):
        load_article(compartment, "story")
