"""Properties that hold for any text, checked by hypothesis on article-like text
(``strategies.py``): spans lie inside the text and their ``text`` is their slices cut from
it; extraction is deterministic; ingesting twice leaves what ingesting once left; reading
any bytes gives articles or one-line errors.

CI runs few, derandomised examples (the pipeline is slow); the long random search is
``fuzz_extract.py``, run by hand.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_article_text

from onrecord.errors import OnrecordError
from onrecord.read import iter_articles
from onrecord.store import Store, ingest
from onrecord.types import Article

CI_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@CI_SETTINGS
@given(text=any_article_text())
def test_every_span_cuts_its_text_out_of_the_article(extractor, check_output, text):
    check_output(extractor.extract(Article(text=text)).to_dict())


@settings(CI_SETTINGS, max_examples=15)
@given(text=any_article_text())
def test_extraction_is_deterministic(extractor, text):
    first = extractor.extract(Article(text=text)).to_dict()
    assert extractor.extract(Article(text=text)).to_dict() == first


def corpus(db: Path) -> list[tuple]:
    """What a corpus holds, row by row, independent of the order of its ids."""
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT a.text_hash, a.version, a.is_current, t.kind, t.content, t.source, s.name
               FROM articles a LEFT JOIN attributions t ON t.article_id = a.id
               LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY ALL"""
        ).fetchall()


@settings(CI_SETTINGS, max_examples=10)
@given(texts=st.lists(any_article_text(), min_size=1, max_size=3))
def test_ingesting_twice_equals_ingesting_once(extractor, texts):
    articles = [Article(text=text, id=f"t{n}") for n, text in enumerate(texts)]
    with tempfile.TemporaryDirectory() as folder:
        once, twice = Path(folder, "once.duckdb"), Path(folder, "twice.duckdb")
        with Store(once) as store:
            ingest(articles, store)
        with Store(twice) as store:
            ingest(articles, store)
            again = ingest(articles, store)
        assert again.added == 0 and again.present == len(texts)
        assert corpus(twice) == corpus(once)


@settings(CI_SETTINGS, max_examples=60)
@given(data=st.one_of(st.binary(max_size=300), any_article_text().map(str.encode)))
def test_any_bytes_read_as_articles_or_one_line_errors(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input")
        path.write_bytes(data)
        for item in iter_articles([path]):
            if isinstance(item, OnrecordError):
                assert "\n" not in str(item) and str(item).startswith("[E100] ")
            else:
                assert isinstance(item, Article) and item.text.strip()
