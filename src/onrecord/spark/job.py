"""``onrecord spark``: extraction over a corpus too big for one machine, on Apache Spark.

Spark does the reading, the spreading over executors and the writing; onrecord only turns
each input record into rows. Records reach the Python workers as JSON text (a JSON Lines
line as written, a Parquet row through ``to_json``), so both inputs go through the same
checks as ``onrecord extract`` on JSON Lines, and a bad record becomes a row of
``OUTPUT/errors`` instead of a failed job. Each Python worker loads the pipeline once
(``get_extractor`` caches it per process) and keeps it for every batch it is given.

The workers return one long table of ``(table, row JSON)`` pairs, which is kept (memory,
then disk) so extraction runs once, then split into one Parquet folder per table. Only the
functions that talk to Spark import pyspark; building rows needs onrecord alone.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from onrecord.errors import OnrecordError, ReadError
from onrecord.parallel import extract_all, single_threaded_env
from onrecord.read.jsonl import jsonl_articles
from onrecord.settings import TAGGER_VARIABLE
from onrecord.store.database import text_hash
from onrecord.types import Article, Document, Span

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

# The columns of each output table, as Spark DDL. Where a column is also in the corpus
# database (onrecord.store.schema) it has the same name; ``article_id`` is the record's own
# id, else the hash of its text (the database's ``text_hash``).
TABLES: dict[str, str] = {
    "articles": (
        "article_id STRING, text_hash STRING, title STRING, url STRING, published DATE,"
        " outlet STRING, author STRING, path STRING, model STRING, text STRING,"
        " document STRING"
    ),
    "attributions": (
        "article_id STRING, id STRING, kind STRING,"
        " content STRING, content_start INT, content_end INT, content_spans STRING,"
        " cue STRING, cue_start INT, cue_end INT, cue_spans STRING,"
        " source STRING, source_start INT, source_end INT, source_spans STRING,"
        " entity STRING, speaker_name STRING, speaker_type STRING, speaker_title STRING,"
        " confidence DOUBLE"
    ),
    "entities": (
        "article_id STRING, entity STRING, type STRING, name STRING, title STRING, mentions INT"
    ),
    "errors": "path STRING, record STRING, code STRING, message STRING",
}
OUTCOME_SCHEMA = "table STRING, row STRING"

# How much of a bad record its error row keeps: enough to find it, not a whole article.
RECORD_EXCERPT = 200
# The fallback id prefix handed to the JSON Lines reader; a record that gets it had no id.
_NO_ID = "\x00onrecord-no-id"
_PARQUET_SUFFIXES = (".parquet", ".parq", ".pq")
_SQLSTATE = re.compile(r"\s*SQLSTATE: \w+\s*$")


def run_job(
    input: str,
    output: str,
    *,
    partitions: int | None = None,
    model: str | None = None,
    tagger: str | None = None,
    master: str | None = None,
    input_format: str | None = None,
) -> dict[str, int]:
    """Extract every article under ``input`` and write ``output/{articles,attributions,
    entities,errors}`` as Parquet; return the row count of each.

    ``input`` is any path or glob Spark reads (local, ``hdfs://``, ``s3a://``): JSON Lines
    or Parquet, told apart by ``input_format`` ("jsonl" or
    "parquet"), else by the name. ``partitions`` spreads the records over that many tasks
    first. With no ``master`` an active session is reused, else one is started with
    Spark's own defaults (``local[*]`` unless spark-submit or spark-defaults.conf says
    otherwise). Raises OnrecordError, with Spark's message cut to one line, when PySpark
    or Java is missing, the input cannot be read, an output folder already exists or the
    job fails.
    """
    try:
        from pyspark.errors import AnalysisException, PythonException
        from pyspark.storagelevel import StorageLevel
    except ImportError:
        raise OnrecordError("onrecord spark needs PySpark: pip install 'onrecord[spark]'") from None

    spark, started_here = spark_session(master)
    try:
        try:
            records = read_records(spark, input, input_format or guess_format(input))
        except AnalysisException as error:
            raise ReadError(f"Spark cannot read it: {_spark_message(error)}", path=input) from None
        if partitions:
            records = records.repartition(partitions)
        extract = partial(extract_batches, model=model, tagger=tagger)
        outcomes = records.mapInPandas(extract, OUTCOME_SCHEMA)
        outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK)
        for table in TABLES:
            table_frame(outcomes, table).write.mode("errorifexists").parquet(
                f"{output.rstrip('/')}/{table}"
            )
        found = {row["table"]: row["count"] for row in outcomes.groupBy("table").count().collect()}
        outcomes.unpersist()
        return {table: found.get(table, 0) for table in TABLES}
    except AnalysisException as error:
        if _condition(error) == "PATH_ALREADY_EXISTS":
            message = "an output folder already exists: choose a new OUTPUT"
            raise OnrecordError(message, path=output) from None
        raise OnrecordError(f"Spark: {_spark_message(error)}") from None
    except PythonException as error:
        raise OnrecordError(f"Spark worker failed: {_last_line(error)}") from None
    finally:
        if started_here:
            spark.stop()


def spark_session(master: str | None) -> tuple[SparkSession, bool]:
    """The session to run on, and whether it was started here (and so is stopped after)."""
    from pyspark.errors import PySparkRuntimeError
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active, False
    _use_this_python_for_local_workers(master)
    builder = SparkSession.builder.appName("onrecord")
    if master:
        builder = builder.master(master)
    # Spark already runs a task per core; a worker imports numpy (through pandas) before
    # any onrecord code could keep its BLAS to one thread (``keep_single_threaded``).
    for name, value in single_threaded_env().items():
        builder = builder.config(f"spark.executorEnv.{name}", value)
    try:
        return builder.getOrCreate(), True
    except PySparkRuntimeError as error:  # most often: no Java runtime
        message = f"Spark did not start (is Java installed?): {_spark_message(error)}"
        raise OnrecordError(message) from None


def _use_this_python_for_local_workers(master: str | None) -> None:
    """Local Python workers start ``PYSPARK_PYTHON`` ("python3" when unset), which may not
    be the interpreter onrecord is installed in; on a cluster that choice is the user's."""
    launched_by_spark_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if launched_by_spark_submit or "PYSPARK_PYTHON" in os.environ:
        return
    if master is None or master.startswith("local"):
        os.environ["PYSPARK_PYTHON"] = sys.executable


def guess_format(path: str) -> str:
    """The input format a name suggests: Parquet by its suffix, else JSON Lines (a folder of
    Parquet files needs ``input_format="parquet"``)."""
    return "parquet" if path.rstrip("/").lower().endswith(_PARQUET_SUFFIXES) else "jsonl"


def read_records(spark: SparkSession, path: str, input_format: str) -> DataFrame:
    """One row per input record: ``record`` (a JSON object as text) and ``path`` (its file)."""
    from pyspark.sql import functions as F

    file_path = F.col("_metadata.file_path").alias("path")
    if input_format == "parquet":
        frame = spark.read.parquet(path)
        as_json = F.to_json(F.struct(*[frame[name] for name in frame.columns]))
        return frame.select(as_json.alias("record"), file_path)
    if input_format == "jsonl":
        lines = spark.read.text(path)
        lines = lines.select(F.col("value").alias("record"), file_path)
        return lines.where(F.trim("record") != "")
    raise ReadError(f"unknown input format {input_format!r}: expected 'jsonl' or 'parquet'")


def table_frame(outcomes: DataFrame, table: str) -> DataFrame:
    """The rows of one output table, typed by its DDL."""
    from pyspark.sql import functions as F

    rows = outcomes.where(F.col("table") == table)
    return rows.select(F.from_json("row", TABLES[table]).alias("r")).select("r.*")


def _condition(error: Exception) -> str | None:
    """Spark's name for the error ("PATH_NOT_FOUND"); ``getErrorClass`` before Spark 4."""
    getter = getattr(error, "getCondition", None) or getattr(error, "getErrorClass", None)
    return getter() if getter else None


def _spark_message(error: Exception) -> str:
    """The first line of Spark's message, without the SQLSTATE code at its end."""
    first = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
    return _SQLSTATE.sub("", first)


def _last_line(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


# --- in the Python workers ----------------------------------------------------------------


def extract_batches(
    batches: Iterable[pd.DataFrame], model: str | None, tagger: str | None = None
) -> Iterator[pd.DataFrame]:
    """The ``mapInPandas`` function: ``(record, path)`` batches in, ``(table, row)`` out.
    ``tagger`` reaches the executor's Python worker here, not through the environment."""
    import pandas as pd

    if tagger:
        os.environ[TAGGER_VARIABLE] = tagger

    for batch in batches:
        rows = list(table_rows(zip(batch["record"], batch["path"], strict=True), model))
        if rows:
            yield pd.DataFrame(rows, columns=["table", "row"])


def table_rows(
    records: Iterable[tuple[str, str | None]], model: str | None
) -> Iterator[tuple[str, str]]:
    """``(table name, row as JSON)`` for every record: its article, attribution and entity
    rows, or one error row when it cannot be read or extracted."""
    readable: list[tuple[str, Article]] = []
    for record, path in records:
        try:
            article = article_from_record(record, path)
        except ReadError as error:
            yield "errors", _to_json(error_row(record, path, error))
            continue
        if article is not None:
            readable.append((record, article))
    if not readable:
        return
    outcomes = extract_all((article for _, article in readable), model=model)
    for (record, article), (_, outcome) in zip(readable, outcomes, strict=True):
        if isinstance(outcome, Document):
            yield from ((table, _to_json(row)) for table, row in document_rows(outcome))
        else:
            yield "errors", _to_json(error_row(record, article.path, outcome))


def article_from_record(record: str, path: str | None) -> Article | None:
    """The Article in one JSON record, read exactly as a JSON Lines line is (None for a
    blank record); without an id it is keyed by the hash of its text."""
    outcome = next(jsonl_articles(record, path, _NO_ID), None)
    if isinstance(outcome, ReadError):
        raise ReadError(outcome.message, path=path)
    if outcome is not None and outcome.id == f"{_NO_ID}-1":
        return replace(outcome, id=text_hash(outcome.text))
    return outcome


def error_row(record: str, path: str | None, error: OnrecordError) -> dict[str, Any]:
    excerpt = record if len(record) <= RECORD_EXCERPT else record[:RECORD_EXCERPT] + "…"
    return {"path": path, "record": excerpt, "code": error.code, "message": error.message}


def document_rows(document: Document) -> Iterator[tuple[str, dict[str, Any]]]:
    """The article row, then a row per attribution and per entity."""
    article = document.article
    article_id = article.id or text_hash(article.text)
    yield (
        "articles",
        {
            "article_id": article_id,
            "text_hash": text_hash(article.text),
            **{name: getattr(article, name) for name in ("title", "url", "published")},
            **{name: getattr(article, name) for name in ("outlet", "author", "path")},
            "model": document.model,
            "text": article.text,
            "document": _to_json(document.to_dict()),
        },
    )
    for attribution in document.attributions:
        speaker = attribution.speaker
        yield (
            "attributions",
            {
                "article_id": article_id,
                "id": attribution.id,
                "kind": attribution.kind,
                **span_columns("content", attribution.content),
                **span_columns("cue", attribution.cue),
                **span_columns("source", attribution.source),
                "entity": speaker.entity if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "speaker_type": speaker.type if speaker else None,
                "speaker_title": speaker.title if speaker else None,
                "confidence": attribution.confidence,
            },
        )
    for entity in document.entities:
        yield (
            "entities",
            {
                "article_id": article_id,
                "entity": entity.id,
                "type": entity.type,
                "name": entity.name,
                "title": entity.title,
                "mentions": len(entity.mentions),
            },
        )


def span_columns(role: str, span: Span | None) -> dict[str, Any]:
    """``role``, ``role_start``, ``role_end`` and ``role_spans`` (slices as JSON), as the
    corpus database stores a span."""
    if span is None:
        return {role: None, f"{role}_start": None, f"{role}_end": None, f"{role}_spans": None}
    return {
        role: span.text,
        f"{role}_start": span.start,
        f"{role}_end": span.end,
        f"{role}_spans": json.dumps([list(s) for s in span.slices]),
    }


def _to_json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)
