"""The corpus queries on a real corpus: the seed article and PolNeAR train articles."""

from __future__ import annotations

import datetime

import pytest

from onrecord.errors import StoreError
from onrecord.store import Store
from onrecord.store.query import (
    QuoteFilter,
    article,
    count_quotes,
    overview,
    quotes,
    read_only_sql,
    speaker,
    speakers,
)


@pytest.fixture(scope="module")
def con(corpus_db):
    with Store(corpus_db, read_only=True) as store:
        yield store.con


def test_quotes_by_speaker_include_pronoun_and_speakerless_attributions(con):
    found = quotes(con, QuoteFilter(speaker="baumann"))
    contents = " | ".join(row["content"] for row in found)
    assert {row["speaker"] for row in found} == {"Franz Baumann"}
    assert "should have gone to Moscow to ask Putin" in contents  # "He said that ..."
    assert "It’s not enough to simply condemn something" in contents  # "... he remarked"
    assert "Then he should have gone to the major capitals" in contents  # no speaker named
    sources = {row["source"] for row in found}
    assert {"He", "he"} <= sources


def test_each_filter_narrows_the_result(con):
    everything = count_quotes(con, QuoteFilter())
    for where in (
        QuoteFilter(kind="direct"),
        QuoteFilter(contains="said"),
        QuoteFilter(since="2022-01-01"),
        QuoteFilter(until="2021-12-31"),
        QuoteFilter(outlet="breitbart"),
    ):
        rows = quotes(con, where, limit=1000)
        assert 0 < len(rows) < everything, where
    assert all(r["kind"] == "direct" for r in quotes(con, QuoteFilter(kind="direct")))
    assert all(
        r["published"] >= datetime.date(2022, 1, 1)
        for r in quotes(con, QuoteFilter(since="2022-01-01"))
    )
    assert all("breitbart" in r["outlet"] for r in quotes(con, QuoteFilter(outlet="breitbart")))


def test_like_wildcards_in_a_filter_are_taken_literally(con):
    everything = quotes(con, QuoteFilter(), limit=1000)
    for wildcard in ("%", "_"):
        expected = [row for row in everything if wildcard in row["content"]]
        assert quotes(con, QuoteFilter(contains=wildcard), limit=1000) == expected
    assert quotes(con, QuoteFilter(speaker="B_umann")) == []
    assert quotes(con, QuoteFilter(speaker="Baumann"))


def test_an_injected_filter_is_only_text(con):
    assert quotes(con, QuoteFilter(speaker="x' OR 1=1 --")) == []
    assert count_quotes(con, QuoteFilter()) > 0  # the table is still there


def test_an_unknown_kind_is_a_clear_error(con):
    with pytest.raises(StoreError, match="unknown kind"):
        quotes(con, QuoteFilter(kind="rumour"))


def test_pages_do_not_overlap(con):
    first = quotes(con, QuoteFilter(), limit=5)
    second = quotes(con, QuoteFilter(), limit=5, offset=5)
    keys = lambda rows: {(r["article_id"], r["id"]) for r in rows}  # noqa: E731
    assert len(keys(first)) == 5 and not keys(first) & keys(second)


def test_speakers_counts_and_titles(con):
    top = speakers(con, top=200)
    counts = [row["attributions"] for row in top]
    assert counts == sorted(counts, reverse=True)
    baumann = [row for row in top if "Baumann" in row["name"]]
    assert len(baumann) == 1
    assert baumann[0]["titles"] == ["a UN assistant secretary general until 2015"]
    assert baumann[0]["attributions"] == len(quotes(con, QuoteFilter(speaker="Baumann")))


def test_a_speaker_page_has_titles_outlets_and_company(con):
    baumann = speakers(con, name="Baumann")[0]
    page = speaker(con, baumann["id"])
    assert page["name"] == "Franz Baumann"
    assert page["titles"][0]["title"] == "a UN assistant secretary general until 2015"
    assert page["titles"][0]["first_seen"] == datetime.date(2022, 4, 26)
    assert page["attributions"] == baumann["attributions"]
    assert any("Guterres" in other["name"] for other in page["alongside"])
    with pytest.raises(StoreError, match="no speaker"):
        speaker(con, 10**9)


def test_an_article_comes_back_with_offsets_that_cut_its_text(con):
    baumann = quotes(con, QuoteFilter(speaker="Baumann"))[0]
    found = article(con, baumann["article_id"])
    text = found["text"]
    for attribution in found["attributions"]:
        pieces = [text[start:end] for start, end in attribution["content_slices"]]
        assert " ".join(pieces) == attribution["content"]
    with pytest.raises(StoreError, match="no article"):
        article(con, 10**9)


def test_overview_adds_up(con):
    summary = overview(con)
    assert summary["articles"] == 9
    assert sum(row["attributions"] for row in summary["by_kind"]) == summary["attributions"]
    assert sum(row["attributions"] for row in summary["by_source_type"]) == summary["attributions"]
    assert {row["month"] for row in summary["by_month"]} >= {"2022-04"}


def test_sql_is_read_only(con):
    columns, rows = read_only_sql(con, "SELECT count(*) AS n FROM articles")
    assert columns == ["n"] and rows == [(9,)]
    with pytest.raises(StoreError, match="SQL error"):
        read_only_sql(con, "DELETE FROM articles")
    with pytest.raises(StoreError, match="SQL error"):
        read_only_sql(con, "SELEC nonsense")


def test_quotes_by_when_and_where_they_were_said(con):
    on_the_day = quotes(con, QuoteFilter(said_on="2022-04-23"))
    assert any("Zelenskiy" in (row["speaker"] or "") for row in on_the_day)
    assert all(row["said_on"] == "2022-04-23" for row in on_the_day)
    in_the_month = quotes(con, QuoteFilter(said_on="2022-04"), limit=1000)
    assert len(in_the_month) > len(on_the_day)
    assert all(row["said_on"].startswith("2022-04") for row in in_the_month)
    in_kyiv = quotes(con, QuoteFilter(place="kyiv"))
    assert in_kyiv and all(row["said_in"] == "Kyiv" for row in in_kyiv)
    assert quotes(con, QuoteFilter(place="UA")) == in_kyiv


def test_an_article_carries_its_dates_places_and_figures(con):
    article_id = quotes(con, QuoteFilter(speaker="Baumann"))[0]["article_id"]
    found = article(con, article_id)
    text = found["text"]
    for table in ("dates", "places", "figures"):
        assert found[table], table
        for row in found[table]:
            assert text[row["start_char"] : row["end_char"]] == row["text"]
    assert any(row["unit"] == "USD" and row["value"] == 1.9e9 for row in found["figures"])
