"""The "onrecord/2" JSON Schema, the offset checker, and real output held to both."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers import offset_problems, require_shared
from jsonschema import Draft202012Validator

import onrecord
from onrecord.types import (
    SCHEMA,
    Article,
    Attribution,
    DateMention,
    Document,
    Entity,
    Figure,
    Place,
    Span,
    Speaker,
)

TEXT = (
    "“Bring the boats in early,” the harbor master said in Dover on Friday. "
    "“The storm turns at noon, with 40% more rain.”"
)


def cut(part: str) -> Span:
    start = TEXT.index(part)
    return Span.from_slices(TEXT, [(start, start + len(part))])


def hand_made_output() -> dict[str, Any]:
    """A document built from the types alone (no model): a quotation split by its cue, said
    on a day and in a place, with a figure inside its content."""
    first, second = (
        cut("“Bring the boats in early,”"),
        cut("“The storm turns at noon, with 40% more rain.”"),
    )
    source = cut("the harbor master")
    master = Entity("e1", "person", "harbor master", None, (source,))
    friday = DateMention(cut("Friday"), "2031-01-03", "day")
    dover = Place(cut("Dover"), "Dover", "city", "GB", 2651048)
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=Span.from_slices(TEXT, first.slices + second.slices),
        cue=cut("said in Dover on Friday"),
        source=source,
        speaker=Speaker("e1", "harbor master", "person"),
        confidence=0.9,
        said_on=friday,
        said_in=dover,
    )
    figure = Figure(cut("40%"), 40.0, "percent", None, "a1")
    article = Article(text=TEXT, id="storm", published="2031-01-05")
    return Document(
        article,
        (attribution,),
        (master,),
        dates=(friday,),
        places=(dover,),
        figures=(figure,),
        model="test",
    ).to_dict()


def test_the_schema_is_valid_draft_2020_12(output_schema):
    Draft202012Validator.check_schema(output_schema)
    assert output_schema["properties"]["schema"]["const"] == SCHEMA


def test_hand_made_output_passes(check_output):
    output = hand_made_output()
    assert output["attributions"][0]["content"]["text"] == (
        "“Bring the boats in early,” “The storm turns at noon, with 40% more rain.”"
    )
    assert output["attributions"][0]["said_on"]["value"] == "2031-01-03"
    assert output["attributions"][0]["said_in"]["name"] == "Dover"
    assert output["figures"][0]["attribution"] == "a1"
    check_output(output)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("attributions", 0, "kind"), "quoted"),
        (("attributions", 0, "confidence"), 1.5),
        (("attributions", 0, "speaker", "type"), "person or group"),
        (("attributions", 0, "content", "spans"), []),
        (("attributions", 0, "content", "spans"), [[0, 27, 30]]),
        (("document", "published"), "5 January 2031"),
        (("entities", 0, "surprise"), True),
        (("schema",), "onrecord/1"),
        (("attributions", 0, "said_on", "value"), "Friday"),
        (("attributions", 0, "said_in", "kind"), "village"),
        (("dates", 0, "granularity"), "hour"),
        (("places", 0, "country_code"), "GBR"),
        (("figures", 0, "modifier"), "more than"),
        (("figures", 0, "value"), "40%"),
    ],
)
def test_schema_rejects(output_schema, path: tuple, value: Any):
    output = hand_made_output()
    *parents, last = path
    target = output
    for key in parents:
        target = target[key]
    target[last] = value
    assert not Draft202012Validator(output_schema).is_valid(output)


def broken(change) -> dict[str, Any]:
    output = copy.deepcopy(hand_made_output())
    change(output)
    return output


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda o: o["attributions"][0]["cue"].update(text="says"), "not the text at its slices"),
        (lambda o: o["attributions"][0]["content"].update(end=70), "start/end"),
        (lambda o: o["attributions"][0]["source"].update(spans=[[28, 999]]), "outside the text"),
        (lambda o: o["attributions"][0]["content"].update(spans=[[52, 78], [0, 27]]), "order"),
        (lambda o: o["entities"][0]["mentions"][0].update(text="master"), "e1.mentions[0]"),
        (lambda o: o["attributions"][0]["speaker"].update(entity="e9"), "'e9' unknown"),
        (lambda o: o["entities"].append(dict(o["entities"][0])), "entity ids repeat"),
        (lambda o: o["figures"][0].update(attribution="a9"), "'a9' unknown"),
        (lambda o: o["dates"][0]["span"].update(text="Monday"), "dates[0]"),
        (lambda o: o["attributions"][0]["said_in"]["span"].update(end=3), "a1.said_in"),
    ],
)
def test_offset_checker_catches(change, expected: str):
    assert offset_problems(hand_made_output()) == []
    problems = offset_problems(broken(change))
    assert any(expected in problem for problem in problems), problems


def test_offsets_count_code_points_not_bytes(check_output):
    text = "Zoë Ångström said: “Déjà vu — again.”"
    content_start = text.index("“")
    span = Span.from_slices(text, [(content_start, len(text))])
    attribution = Attribution("a1", "direct", span, source=Span.from_slices(text, [(0, 12)]))
    check_output(Document(Article(text=text), (attribution,)).to_dict())


# --- real output ----------------------------------------------------------------------------


def test_sample_article_output_is_valid(sample_output, check_output):
    check_output(sample_output)
    kinds = {a["kind"] for a in sample_output["attributions"]}
    assert "direct" in kinds
    assert len(sample_output["attributions"]) >= 5
    assert any(a["speaker"] for a in sample_output["attributions"])


def test_sample_with_published_date(extractor, sample_text, check_output):
    output = onrecord.extract(sample_text, published="2031-04-08").to_dict()
    check_output(output)
    assert output["document"]["published"] == "2031-04-08"


def test_seed_article_output_is_valid(extractor, check_output):
    seed = require_shared("seed")
    for article in sorted(seed.glob("*.txt")):
        output = onrecord.extract(article.read_text(encoding="utf-8")).to_dict()
        check_output(output)
        assert output["attributions"]


def test_polnear_dev_output_is_valid(extractor, check_output):
    """Five real articles of varied outlets: long texts, odd quotation marks, debris."""
    dev_text = require_shared("polnear", "dev", "text")
    articles = sorted(dev_text.glob("*.txt"))
    picked = articles[:: max(1, len(articles) // 5)][:5]
    inputs = [Article(text=path.read_text(encoding="utf-8"), id=path.stem) for path in picked]
    for document in extractor.extract_many(inputs):
        check_output(document.to_dict())
