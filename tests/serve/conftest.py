"""Fixtures: a small real corpus for the API and the page (see serve_corpus.py), ingested
once per session with the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_corpus import (
    SEED_TITLE,
    TRAIN_ARTICLES,
    hostile_document,
    spread_train_names,
    train_jsonl,
)


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory, extractor) -> Path:
    """The corpus database: train articles and the seed through the real pipeline, then the
    hostile one."""
    from onrecord.read import iter_articles
    from onrecord.store import Store, ingest

    folder = tmp_path_factory.mktemp("serve")
    jsonl = train_jsonl(spread_train_names(TRAIN_ARTICLES), folder / "train.jsonl")
    db = folder / "corpus.duckdb"
    with Store(db) as store:
        report = ingest(iter_articles([jsonl]), store)
        assert report.failed == [] and report.added == TRAIN_ARTICLES + 1
        assert store.add(hostile_document()) is not None
    return db


@pytest.fixture(scope="session")
def hostile_article_id(serve_db) -> int:
    from onrecord.store import Store

    with Store(serve_db, read_only=True) as store:
        row = store.con.execute(
            "SELECT id FROM articles WHERE title LIKE '%Hostile headline'"
        ).fetchone()
    return row[0]


@pytest.fixture(scope="session")
def seed_article_id(serve_db) -> int:
    from onrecord.store import Store

    with Store(serve_db, read_only=True) as store:
        row = store.con.execute(
            "SELECT id FROM articles WHERE title = ? AND is_current", [SEED_TITLE]
        ).fetchone()
    return row[0]
