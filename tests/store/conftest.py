"""Corpus fixtures: a small real corpus (the seed article and PolNeAR train articles with
their metadata), ingested once for the query, export and CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import polnear_jsonl, train_names
from helpers import require_shared

TRAIN_ARTICLES = 8


@pytest.fixture(scope="session")
def corpus_inputs(tmp_path_factory) -> list[Path]:
    """The seed article (a .txt) and a JSON Lines file of PolNeAR train articles."""
    seed = require_shared("seed", "000_f2d680eedcec5112.txt")
    folder = tmp_path_factory.mktemp("inputs")
    train = require_shared("polnear", "train")
    jsonl = polnear_jsonl(train, train_names(TRAIN_ARTICLES), folder / "train.jsonl")
    return [seed, jsonl]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, corpus_inputs, extractor) -> Path:
    """A corpus database ingested once for the session (in-process, the shared pipeline)."""
    from onrecord.read import iter_articles
    from onrecord.store import Store, ingest

    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with Store(db) as store:
        report = ingest(iter_articles(corpus_inputs, published="2022-04-26"), store)
    assert report.failed == [] and report.added == TRAIN_ARTICLES + 1
    return db
