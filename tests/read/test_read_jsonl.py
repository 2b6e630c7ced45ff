"""articles_from_jsonl: good lines become Articles, bad lines errors with their line number."""

from __future__ import annotations

import json

import pytest

from onrecord.errors import ReadError
from onrecord.read import articles_from_jsonl
from onrecord.types import Article


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_records_with_text_and_metadata():
    text = "\n".join(
        [
            line(
                id="a1",
                text="“Yes,” said the mayor.",
                title="Mayor agrees",
                url="https://news.example/a1",
                published="2020-05-06",
                outlet="News Example",
                author="R. Quill",
            ),
            line(text="The port reopened, officials said.", published="2020-05-07T09:00:00Z"),
        ]
    )
    first, second = articles_from_jsonl(text, "batch/crawl.jsonl")
    assert first == Article(
        text="“Yes,” said the mayor.",
        id="a1",
        title="Mayor agrees",
        url="https://news.example/a1",
        published="2020-05-06",
        outlet="News Example",
        author="R. Quill",
        path="batch/crawl.jsonl",
    )
    assert second.text == "The port reopened, officials said."
    assert second.published == "2020-05-07"
    assert second.id == "crawl-2"


def test_html_records_are_extracted_and_record_metadata_wins():
    html = (
        "<html><head><title>Page title</title></head><body><article>"
        "<p>“We will rebuild the pier,” the harbour master said on Tuesday.</p>"
        "</article></body></html>"
    )
    (article,) = articles_from_jsonl(line(html=html, title="Record title", id=7), None)
    assert article.text == "“We will rebuild the pier,” the harbour master said on Tuesday."
    assert article.title == "Record title"
    assert article.id == "7"


def test_malformed_lines_are_reported_with_line_numbers_and_good_lines_kept():
    text = "\n".join(
        [
            line(text="First good article."),
            "{not json",
            "",
            "[1, 2, 3]",
            line(title="no body"),
            line(text="   "),
            line(text="Second good article.", published="yesterday"),
            line(text=42),
            line(text="Third good article.", author=["two", "names"]),
            line(text="Fourth good article."),
        ]
    )
    results = list(articles_from_jsonl(text, "feed.jsonl"))
    good = [r.text for r in results if isinstance(r, Article)]
    errors = {r.line: r for r in results if isinstance(r, ReadError)}
    assert good == ["First good article.", "Fourth good article."]
    assert sorted(errors) == [2, 4, 5, 6, 7, 8, 9]
    assert "not valid JSON" in errors[2].message
    assert "JSON object" in errors[4].message
    assert "'text' or 'html'" in errors[5].message
    assert "empty" in errors[6].message
    assert "published" in errors[7].message
    assert "'text' must be a string" in errors[8].message
    assert "'author'" in errors[9].message
    assert str(errors[2]).startswith("[E100] feed.jsonl:2: ")
    assert all(e.path == "feed.jsonl" for e in errors.values())


def test_blank_lines_and_crlf_line_ends_are_tolerated():
    text = "\r\n" + line(text="One.") + "\r\n\r\n   \r\n" + line(text="Two.") + "\r\n"
    results = list(articles_from_jsonl(text, None))
    assert [r.text for r in results] == ["One.", "Two."]
    assert [r.id for r in results] == ["line-2", "line-5"]


def test_line_separator_inside_a_string_does_not_split_the_line():
    text = '{"text": "One\u2028sentence."}\n{"text": "Two."}'
    results = list(articles_from_jsonl(text, None))
    assert [r.text for r in results] == ["One\u2028sentence.", "Two."]


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_no_records_yields_nothing(text):
    assert list(articles_from_jsonl(text, None)) == []


def test_text_keeps_its_exact_characters():
    body = "Line one.\r\n  “Quoted,” she said.\t\n"
    (article,) = articles_from_jsonl(line(text=body), None)
    assert article.text == body
