"""iter_articles: files, folders and stdin, with errors yielded so a batch goes on."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.read import iter_articles
from onrecord.types import Article

HTML_PAGE = (
    "<html><head><title>Pier closes</title>"
    '<meta property="article:published_time" content="2019-11-02">'
    "</head><body><article><p>“The pier is closed until spring,” the council said "
    "in a statement on Saturday.</p></article></body></html>"
)


def split(results) -> tuple[list[Article], list[ReadError]]:
    results = list(results)
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert len(articles) + len(errors) == len(results)
    return articles, errors


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of mixed inputs, with things that must be skipped."""
    (tmp_path / "b_note.txt").write_text("“Fine,” said Ada.\r\nThen she left.\r\n", "utf-8")
    (tmp_path / "a_page.html").write_text(HTML_PAGE, "utf-8")
    (tmp_path / "z_last.TXT").write_text("Upper-case extensions count too.")
    nested = tmp_path / "nested" / "deeper"
    nested.mkdir(parents=True)
    (nested / "c_feed.jsonl").write_text(
        json.dumps({"text": "Feed one."}) + "\n" + json.dumps({"text": "Feed two."}) + "\n"
    )
    (tmp_path / "nested" / "d_readme.md").write_text("# Notes\n\nA markdown note.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("hidden")
    hidden_dir = tmp_path / ".cache"
    hidden_dir.mkdir()
    (hidden_dir / "x.txt").write_text("also hidden")
    return tmp_path


def test_directory_is_read_recursively_in_sorted_order(corpus):
    articles, errors = split(iter_articles([corpus]))
    assert errors == []
    assert [a.id for a in articles] == [
        "a_page",
        "b_note",
        "d_readme",
        "c_feed-1",
        "c_feed-2",
        "z_last",
    ]
    assert articles[1].path == str(corpus / "b_note.txt")
    assert articles[1].text == "“Fine,” said Ada.\r\nThen she left.\r\n"
    assert articles[0].published == "2019-11-02"
    assert articles[0].title == "Pier closes"


def test_a_single_path_string_is_one_path(corpus):
    (article,) = iter_articles(str(corpus / "b_note.txt"))
    assert article.id == "b_note"


def test_directory_without_recursion_reads_only_its_own_files(corpus):
    articles, errors = split(iter_articles([corpus], recursive=False))
    assert errors == []
    assert [a.id for a in articles] == ["a_page", "b_note", "z_last"]


def test_files_given_one_by_one(corpus):
    paths = [corpus / "b_note.txt", str(corpus / "nested" / "deeper" / "c_feed.jsonl")]
    articles, errors = split(iter_articles(paths))
    assert errors == []
    assert [a.text for a in articles] == [
        "“Fine,” said Ada.\r\nThen she left.\r\n",
        "Feed one.",
        "Feed two.",
    ]


def test_published_fills_only_missing_dates(corpus):
    articles, _ = split(iter_articles([corpus], published="2024-01-31"))
    dates = {a.id: a.published for a in articles}
    assert dates["a_page"] == "2019-11-02"
    assert dates["b_note"] == "2024-01-31"
    assert dates["c_feed-1"] == "2024-01-31"


@pytest.mark.parametrize("bad", ["31/01/2024", "2024-02-30", "today", "2024-1-5"])
def test_invalid_published_is_one_read_error(corpus, bad):
    articles, errors = split(iter_articles([corpus], published=bad))
    assert articles == []
    assert len(errors) == 1
    assert "date" in errors[0].message


def test_errors_are_yielded_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("A good article.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text(" \n\t\n")
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 society.")
    (tmp_path / "zipped.txt").write_bytes(b"\x1f\x8b\x08\x00rest")
    missing = tmp_path / "nowhere.txt"
    results = list(iter_articles([missing, tmp_path]))
    articles, errors = split(results)
    assert [a.text for a in articles] == ["A good article."]
    assert isinstance(results[0], ReadError)
    assert "no such file" in results[0].message
    assert results[0].path == str(missing)
    messages = {Path(e.path).name: e.message for e in errors}
    assert "empty" in messages["empty.txt"]
    assert "whitespace" in messages["blank.txt"]
    assert "byte offset 3" in messages["latin.txt"]
    assert "gzip" in messages["zipped.txt"]


def test_directory_without_article_files_is_reported(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _, errors = split(iter_articles([tmp_path]))
    assert len(errors) == 1
    assert "no article files" in errors[0].message


def test_html_file_in_a_declared_legacy_charset(tmp_path):
    page = HTML_PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "the council said", "the café owner said"
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    (article,) = iter_articles([path])
    assert "the café owner said" in article.text
    assert article.id == "legacy"


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path):
    path = tmp_path / "story.dat"
    path.write_text(HTML_PAGE)
    (article,) = iter_articles([path])
    assert article.title == "Pier closes"
    assert article.id == "story"


def use_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch):
    use_stdin(monkeypatch, "“Go,” she said.\r\n".encode())
    (article,) = iter_articles(["-"])
    assert article.text == "“Go,” she said.\r\n"
    assert article.id == "stdin"
    assert article.path == "<stdin>"


def test_stdin_html_is_sniffed(monkeypatch):
    use_stdin(monkeypatch, b"\n  " + HTML_PAGE.encode())
    (article,) = iter_articles(["-"])
    assert article.title == "Pier closes"
    assert article.text.startswith("“The pier is closed until spring,”")


def test_stdin_jsonl_is_sniffed_and_bad_lines_reported(monkeypatch):
    data = json.dumps({"text": "One."}) + "\n" + "{broken\n" + json.dumps({"text": "Two."})
    use_stdin(monkeypatch, data.encode())
    articles, errors = split(iter_articles(["-"], published="2021-06-01"))
    assert [(a.text, a.id, a.published) for a in articles] == [
        ("One.", "stdin-1", "2021-06-01"),
        ("Two.", "stdin-3", "2021-06-01"),
    ]
    assert [(e.path, e.line) for e in errors] == [("<stdin>", 2)]


def test_stdin_text_starting_with_a_brace_is_text(monkeypatch):
    use_stdin(monkeypatch, b"{Editor's note} The pier reopened.")
    (article,) = iter_articles(["-"])
    assert article.text == "{Editor's note} The pier reopened."


def test_stdin_binary_is_refused(monkeypatch):
    use_stdin(monkeypatch, b"\x89PNG\r\n\x1a\n\x00\x00")
    (error,) = iter_articles(["-"])
    assert isinstance(error, ReadError)
    assert error.path == "<stdin>"


def test_stdin_without_a_byte_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Plain words from a text stream."))
    (article,) = iter_articles(["-"])
    assert article.text == "Plain words from a text stream."


def test_twenty_megabyte_text_file_is_read_whole(tmp_path):
    paragraph = "“The terminal will open in May,” a spokesperson said on Friday.\n"
    repeats = 20_000_000 // len(paragraph.encode()) + 1
    path = tmp_path / "huge.txt"
    path.write_text(paragraph * repeats, "utf-8")
    (article,) = iter_articles([path])
    assert len(article.text) == len(paragraph) * repeats
    assert path.stat().st_size >= 20_000_000
    assert article.text.endswith(paragraph)


def test_html_file_not_in_utf8_without_a_declared_charset_is_refused(tmp_path):
    path = tmp_path / "undeclared.html"
    path.write_bytes(HTML_PAGE.replace("council", "caf\xe9").encode("cp1252"))
    (error,) = iter_articles([path])
    assert isinstance(error, ReadError)
    assert str(error).startswith(f"[E100] {path}: not valid UTF-8")
