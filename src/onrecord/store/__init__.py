"""Store: a corpus of extracted articles in an embedded DuckDB database.

``Store`` opens (and migrates) a database; ``ingest`` extracts articles in parallel and
writes each one whole; ``query`` holds the questions the CLI, API and web page ask;
``export`` writes Parquet, CSV, JSON Lines and BRAT.
"""

from __future__ import annotations

from onrecord.settings import DEFAULT_DB
from onrecord.store.database import Store, text_hash
from onrecord.store.ingest import IngestReport, ingest, ingest_documents

__all__ = ["DEFAULT_DB", "IngestReport", "Store", "ingest", "ingest_documents", "text_hash"]
