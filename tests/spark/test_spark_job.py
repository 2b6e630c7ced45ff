"""``run_job`` in Spark local mode equals the local extraction (slow: about a minute).

One Spark job (``local[2]``, 2 partitions) runs on 24 PolNeAR train articles and one
unreadable record; every test below reads its output. Needs pyspark and java: without them
the tests skip, or fail when ONRECORD_REQUIRE_SHARED is set (CI).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from helpers import REQUIRE_SHARED_VARIABLE, require_shared, shared_is_required

from onrecord.store import text_hash
from onrecord.types import Article

pytestmark = pytest.mark.slow

ARTICLES = 24
BAD_RECORD = '{"title": "a record with no text"}'


def require_spark() -> None:
    """Skip (fail in CI) unless pyspark and a Java runtime are installed."""
    missing = []
    if importlib.util.find_spec("pyspark") is None:
        missing.append("pyspark (pip install -e '.[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("java (apt-get install default-jre-headless)")
    if not missing:
        return
    reason = f"the Spark test needs {' and '.join(missing)}"
    if shared_is_required():
        pytest.fail(f"{reason} ({REQUIRE_SHARED_VARIABLE} is set)", pytrace=False)
    pytest.skip(reason)


def input_records(folder: Path) -> list[dict[str, Any]]:
    """The first 24 train articles; every other one has an id and a publication date (taken
    from its file name), the rest are keyed by their text's hash."""
    records = []
    for number, path in enumerate(sorted(folder.glob("*.txt"))[:ARTICLES]):
        record: dict[str, Any] = {"text": path.read_text(encoding="utf-8")}
        if number % 2 == 0:
            record["id"] = path.stem
            record["published"] = path.stem.split("_")[1]
        records.append(record)
    return records


@pytest.fixture(scope="module")
def job(tmp_path_factory) -> dict[str, Any]:
    texts = require_shared("polnear", "train", "text")
    require_spark()
    from onrecord.spark import run_job

    folder = tmp_path_factory.mktemp("spark")
    records = input_records(texts)
    lines = [json.dumps(record) for record in records]
    lines.insert(ARTICLES // 2, BAD_RECORD)
    input_path = folder / "articles.jsonl"
    input_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = folder / "out"
    counts = run_job(str(input_path), str(output), partitions=2, master="local[2]")
    return {"input": input_path, "output": output, "records": records, "counts": counts}


@pytest.fixture(scope="module")
def local_documents(job, extractor) -> dict[str, dict[str, Any]]:
    """The local extraction of the same articles, by article id, as "onrecord" dicts."""
    spark_path = f"file:{job['input']}"  # how Spark names a local input file
    documents = {}
    for record in job["records"]:
        article = Article(
            text=record["text"],
            id=record.get("id") or text_hash(record["text"]),
            published=record.get("published"),
            path=spark_path,
        )
        documents[article.id] = extractor.extract(article).to_dict()
    return documents


def query(job: dict[str, Any], table: str, sql: str) -> list[tuple]:
    pattern = str(job["output"] / table / "*.parquet")
    with duckdb.connect() as con:
        return con.execute(sql.replace("{table}", f"read_parquet('{pattern}')")).fetchall()


def test_every_table_is_written_and_counted(job, local_documents):
    attributions = sum(len(d["attributions"]) for d in local_documents.values())
    entities = sum(len(d["entities"]) for d in local_documents.values())
    assert attributions > 0
    assert job["counts"] == {
        "articles": ARTICLES,
        "attributions": attributions,
        "entities": entities,
        "errors": 1,
    }
    for table, expected in job["counts"].items():
        assert query(job, table, "SELECT count(*) FROM {table}") == [(expected,)]


def test_the_unreadable_record_is_an_error_row(job):
    rows = query(job, "errors", "SELECT path, record, code, message FROM {table}")
    assert rows == [
        (f"file:{job['input']}", BAD_RECORD, "E100", "needs a 'text' or 'html' field"),
    ]


def test_attributions_equal_the_local_extraction(job, local_documents):
    spark_rows = query(
        job,
        "attributions",
        """SELECT article_id, id, kind, content_spans, content, cue_spans, cue, source_spans,
                  source, speaker_name
           FROM {table} ORDER BY ALL""",
    )
    local_rows = sorted(
        (
            article_id,
            a["id"],
            a["kind"],
            *_span(a["content"]),
            *_span(a["cue"]),
            *_span(a["source"]),
            a["speaker"]["name"] if a["speaker"] else None,
        )
        for article_id, document in local_documents.items()
        for a in document["attributions"]
    )
    assert spark_rows == local_rows


def test_speakers_equal_the_local_entities(job, local_documents):
    spark_rows = query(
        job, "entities", "SELECT article_id, entity, type, name, title FROM {table} ORDER BY ALL"
    )
    local_rows = sorted(
        (article_id, e["id"], e["type"], e["name"], e["title"])
        for article_id, document in local_documents.items()
        for e in document["entities"]
    )
    assert spark_rows == local_rows


def test_articles_carry_their_metadata(job):
    rows = query(job, "articles", "SELECT article_id, CAST(published AS VARCHAR) FROM {table}")
    expected = {
        record.get("id") or text_hash(record["text"]): record.get("published")
        for record in job["records"]
    }
    assert dict(rows) == expected


def test_documents_round_trip_to_the_local_output(job, local_documents):
    from onrecord.spark import documents_from_spark_output

    documents = list(documents_from_spark_output(job["output"]))
    ids = [document.article.id for document in documents]
    assert ids == sorted(ids)
    assert {document.article.id: document.to_dict() for document in documents} == local_documents


def _span(span: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """A span as the attributions table holds it: slices as JSON, then text."""
    if span is None:
        return None, None
    return json.dumps(span["spans"]), span["text"]


def test_the_output_loads_into_the_corpus_like_a_local_ingest(job, tmp_path):
    """`onrecord ingest --spark-output` stores the same attributions, linked to speakers,
    as ingesting the same records locally; loading it twice adds nothing."""
    from typer.testing import CliRunner

    from onrecord.cli import app
    from onrecord.store import Store

    runner = CliRunner()
    spark_db, local_db = tmp_path / "spark.duckdb", tmp_path / "local.duckdb"
    loaded = runner.invoke(
        app, ["ingest", "--spark-output", str(job["output"]), "--db", str(spark_db)]
    )
    assert loaded.exit_code == 0, loaded.output
    again = runner.invoke(
        app, ["ingest", "--spark-output", str(job["output"]), "--db", str(spark_db)]
    )
    assert f"0 added, {len(job['records'])} already in" in again.output
    local_input = tmp_path / "local.jsonl"
    local_input.write_text(
        "".join(json.dumps(record) + "\n" for record in job["records"]), encoding="utf-8"
    )
    assert runner.invoke(app, ["ingest", str(local_input), "--db", str(local_db)]).exit_code == 0

    def rows(db):
        with Store(db, read_only=True) as store:
            return store.con.execute(
                """SELECT a.text_hash, t.content_start, t.content, s.name
                   FROM attributions t JOIN articles a ON a.id = t.article_id
                   LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY ALL"""
            ).fetchall()

    assert rows(spark_db) == rows(local_db)


def test_python_workers_keep_blas_to_one_thread(monkeypatch):
    """Each worker imports numpy before onrecord runs, so the size of BLAS's pool has to
    reach it through the session's executor environment."""
    require_spark()
    from onrecord.parallel import BLAS_THREAD_VARIABLES
    from onrecord.spark.job import spark_session

    for name in BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    spark, started_here = spark_session("local[1]")
    try:
        assert started_here

        def worker_env(batches):
            import pandas as pd

            for _ in batches:
                yield pd.DataFrame({name: [os.environ.get(name)] for name in BLAS_THREAD_VARIABLES})

        schema = ", ".join(f"{name} string" for name in BLAS_THREAD_VARIABLES)
        rows = spark.range(1).mapInPandas(worker_env, schema).collect()
    finally:
        spark.stop()
    assert [row.asDict() for row in rows] == [dict.fromkeys(BLAS_THREAD_VARIABLES, "1")]
