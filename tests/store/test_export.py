"""Exports read back: Parquet, CSV and JSON Lines through DuckDB, BRAT through the same
PolNeAR reader the evaluation uses."""

from __future__ import annotations

import duckdb
import pytest

from onrecord.errors import StoreError
from onrecord.eval.polnear import load_article
from onrecord.store import Store
from onrecord.store.export import export_table, write_brat
from onrecord.store.query import QuoteFilter, article, quotes

READERS = {
    "parquet": "read_parquet",
    "csv": "read_csv_auto",
    "jsonl": "read_json_auto",
}


@pytest.fixture(scope="module")
def con(corpus_db):
    with Store(corpus_db, read_only=True) as store:
        yield store.con


@pytest.mark.parametrize("fmt", sorted(READERS))
@pytest.mark.parametrize("table", ["attributions", "speakers"])
def test_a_table_export_reads_back_whole(con, tmp_path, fmt, table):
    path = tmp_path / f"{table}.{fmt}"
    written = export_table(con, table, path, fmt)
    back = duckdb.sql(f"SELECT * FROM {READERS[fmt]}('{path}')")
    assert written == len(back.fetchall()) > 0
    if table == "attributions":
        assert "content" in back.columns and "speaker" in back.columns


def test_an_unknown_table_or_format_is_a_clear_error(con, tmp_path):
    with pytest.raises(StoreError, match="cannot export"):
        export_table(con, "secrets", tmp_path / "x", "csv")
    with pytest.raises(StoreError, match="unknown format"):
        export_table(con, "speakers", tmp_path / "x", "xlsx")  # type: ignore[arg-type]


def test_brat_round_trips_through_the_polnear_reader(con, tmp_path):
    article_id = quotes(con, QuoteFilter(speaker="Baumann"))[0]["article_id"]
    write_brat(con, article_id, tmp_path / "text")
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / f"{article_id}.ann").rename(
        tmp_path / "attributions" / f"{article_id}_onrecord.ann"
    )
    gold = load_article(tmp_path, str(article_id))
    stored = article(con, article_id)
    assert gold.text == stored["text"]
    assert len(gold.attributions) == len(stored["attributions"])
    for read, original in zip(
        sorted(gold.attributions, key=lambda a: a.content),
        sorted(stored["attributions"], key=lambda a: [tuple(s) for s in a["content_slices"]]),
        strict=True,
    ):
        assert read.content == tuple(tuple(s) for s in original["content_slices"])
        assert read.source == tuple(tuple(s) for s in original["source_slices"])
        assert read.cue == tuple(tuple(s) for s in original["cue_slices"])
