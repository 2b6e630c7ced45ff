"""article_from_html: the article's words and metadata, nothing from scripts or frames."""

from __future__ import annotations

import socket

import pytest

from onrecord.errors import ReadError
from onrecord.read import article_from_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour board backs ferry terminal | The Coastline Courier</title>
<meta property="og:title" content="Harbour board backs ferry terminal">
<meta property="og:site_name" content="The Coastline Courier">
<meta property="og:url" content="https://courier.example/news/ferry-terminal">
<meta name="author" content="Tomas Reyes">
<meta property="article:published_time" content="2022-09-14T08:30:00+00:00">
<script>window.tracker = "SCRIPT_IN_HEAD";</script>
<style>p { color: red; } .STYLE_RULE {}</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header>
<article>
<h1>Harbour board backs ferry terminal</h1>
<p>The harbour board voted on Wednesday to build a new ferry terminal on the east pier,
ending a decade of argument over the crumbling old one.</p>
<p>“We have waited ten years for this,” said Ines Marlow, who chairs the board.
“The islanders deserve a terminal that does not leak.”</p>
<iframe src="https://ads.example/frame">IFRAME_FALLBACK_TEXT</iframe>
<script>document.write("SCRIPT_IN_BODY");</script>
<p>Critics said the plan ignored cyclists and that the budget, put at twelve million pounds,
would grow once building began.</p>
<noscript>NOSCRIPT_TEXT</noscript>
</article>
<footer>Copyright The Coastline Courier</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def article():
    return article_from_html(PAGE, "pages/ferry.html")


def test_body_text_is_extracted(article):
    assert "The harbour board voted on Wednesday" in article.text
    assert "“We have waited ten years for this,” said Ines Marlow" in article.text
    assert "Critics said the plan ignored cyclists" in article.text


@pytest.mark.parametrize(
    "leak", ["SCRIPT_IN_HEAD", "SCRIPT_IN_BODY", "IFRAME_FALLBACK_TEXT", "NOSCRIPT_TEXT", "STYLE"]
)
def test_scripts_frames_and_styles_do_not_leak(article, leak):
    assert leak not in article.text


def test_paragraphs_are_separated_by_newlines(article):
    paragraphs = article.text.split("\n")
    starts = [p for p in paragraphs if p.startswith(("The harbour", "“We have", "Critics"))]
    assert len(starts) == 3


def test_metadata(article):
    assert article.title == "Harbour board backs ferry terminal"
    assert article.published == "2022-09-14"
    assert article.outlet == "The Coastline Courier"
    assert article.url == "https://courier.example/news/ferry-terminal"
    assert article.author and "Reyes" in article.author
    assert article.path == "pages/ferry.html"


def test_title_heading_is_not_repeated_in_the_text(article):
    assert not article.text.startswith("Harbour board backs")


def test_a_fragment_without_html_tag_is_read():
    fragment = "<p>“No,” said the harbour master, when asked if the pier was safe.</p>"
    article = article_from_html(fragment)
    assert article.text == "“No,” said the harbour master, when asked if the pier was safe."
    assert article.published is None


def test_page_without_a_date_has_none():
    page = "<html><body><article><p>A short note with no date at all, said nobody.</p></article>"
    assert article_from_html(page + "</body></html>").published is None


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n",
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>var onlyScript = 1;</script></body></html>",
    ],
)
def test_nothing_to_extract_is_a_read_error(html):
    with pytest.raises(ReadError, match="no article text|empty HTML"):
        article_from_html(html, "empty.html")


def test_nothing_is_fetched(monkeypatch):
    """Links and canonical URLs stay text: any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("article_from_html tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (
        '<html><head><link rel="canonical" href="http://unreachable.invalid/a"></head><body>'
        '<p>The report <a href="http://unreachable.invalid/r">was published</a> on Friday, '
        "the agency said in a statement to reporters.</p></body></html>"
    )
    article = article_from_html(page)
    assert "The report was published on Friday" in article.text
