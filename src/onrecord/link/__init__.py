"""Link: which corpus-level speaker each article-level entity is.

``same_speaker`` is the pairwise rule on two names (measured on
``tests/data/name_pairs.tsv`` by ``onrecord.eval.linking``); ``SpeakerIndex`` applies it to a
growing corpus, comparing a new name only with the names that share its block;
``canonical_name`` picks the name a speaker is shown under. Pure Python plus rapidfuzz, so
the store can use it without loading spaCy.
"""

from __future__ import annotations

from onrecord.link.index import SpeakerIndex
from onrecord.link.names import NameRecord, canonical_name, normalise_name, same_speaker

__all__ = ["NameRecord", "SpeakerIndex", "canonical_name", "normalise_name", "same_speaker"]
