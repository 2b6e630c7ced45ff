"""Spark: onrecord over a corpus spread across a cluster (``onrecord spark``).

``run_job`` reads JSON Lines or Parquet of articles wherever Spark can read them and writes
Parquet of articles, attributions, speakers (entities) and unreadable records;
``documents_from_spark_output`` turns that output back into Documents without Spark.
Importing this package does not import pyspark: only ``run_job`` needs it.
"""

from __future__ import annotations

from onrecord.spark.job import TABLES, run_job
from onrecord.spark.load import document_from_dict, documents_from_spark_output

__all__ = ["TABLES", "document_from_dict", "documents_from_spark_output", "run_job"]
