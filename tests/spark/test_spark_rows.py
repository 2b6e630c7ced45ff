"""What the Spark workers do to each record, and the way back to Documents, without Spark."""

from __future__ import annotations

import json

import pytest

from onrecord.errors import ReadError
from onrecord.spark.job import TABLES, article_from_record, document_rows, table_rows
from onrecord.spark.load import document_from_dict, documents_from_spark_output
from onrecord.store import text_hash

TEXT = "The mayor said the bridge would reopen in May."


def test_a_record_with_an_id_keeps_it():
    record = json.dumps({"id": 42, "text": TEXT, "published": "2021-03-04T10:00:00.000Z"})
    article = article_from_record(record, "s3a://bucket/a.parquet")
    assert (article.id, article.published, article.path) == (
        "42",
        "2021-03-04",
        "s3a://bucket/a.parquet",
    )


def test_a_record_without_an_id_is_keyed_by_its_text():
    article = article_from_record(json.dumps({"text": TEXT, "title": " Bridge "}), None)
    assert (article.id, article.title) == (text_hash(TEXT), "Bridge")


def test_a_bad_record_raises_a_read_error_naming_its_file():
    with pytest.raises(ReadError) as caught:
        article_from_record('{"text": 5}', "file:/in.jsonl")
    assert str(caught.value) == "[E100] file:/in.jsonl: 'text' must be a string, got a number"


def test_unreadable_records_become_error_rows_without_loading_a_model():
    rows = list(table_rows([("not json", "file:/in.jsonl")], model="no-such-model"))
    assert [(table, json.loads(row)) for table, row in rows] == [
        (
            "errors",
            {
                "path": "file:/in.jsonl",
                "record": "not json",
                "code": "E100",
                "message": "not valid JSON: Expecting value (column 1)",
            },
        )
    ]


@pytest.mark.slow
def test_document_rows_have_the_columns_of_their_tables(extractor):
    document = extractor.extract(article_from_record(json.dumps({"text": TEXT}), None))
    rows = list(document_rows(document))
    assert {table for table, _ in rows} >= {"articles", "attributions", "entities"}
    for table, row in rows:
        columns = [column.split()[0] for column in TABLES[table].split(",")]
        assert list(row) == columns, table
    article = rows[0][1]
    assert json.loads(article["document"]) == document.to_dict()


@pytest.mark.slow
def test_a_document_dict_converts_back_to_the_same_document(sample_output):
    assert document_from_dict(sample_output).to_dict() == sample_output


def test_a_document_of_another_schema_is_refused(sample_text):
    with pytest.raises(ReadError, match="schema 'onrecord/0'"):
        document_from_dict({"schema": "onrecord/0", "document": {"text": sample_text}})


def test_a_folder_that_is_not_spark_output_is_refused(tmp_path):
    with pytest.raises(ReadError, match="no 'articles' folder"):
        next(documents_from_spark_output(tmp_path))
