"""Universal part-of-speech tags for pipelines run without their attribute_ruler.

spaCy's English pipelines set ``token.pos_`` in the attribute_ruler, which costs about as
much as the parser. The resolver needs only coarse classes (noun, proper noun, pronoun,
verb), and those follow from the fine-grained Penn tag the tagger already gives. When a
pipeline does set ``pos_`` (another model, or a user who kept the ruler), it is left alone.
"""

from __future__ import annotations

import numpy
from spacy.attrs import POS, TAG
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc

# Penn Treebank tag -> Universal POS, as in spaCy's English tag map.
PENN_TO_UPOS = {
    "$": "SYM", "``": "PUNCT", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT",
    "-RRB-": "PUNCT", ".": "PUNCT", ":": "PUNCT", "ADD": "X", "AFX": "ADJ", "CC": "CCONJ",
    "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT", "IN": "ADP",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NFP": "PUNCT",
    "NIL": "X", "NN": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET",
    "POS": "PART", "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "RP": "ADP", "SP": "SPACE", "_SP": "SPACE", "SYM": "SYM", "TO": "PART", "UH": "INTJ",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "WDT": "PRON", "WP": "PRON", "WP$": "PRON", "WRB": "ADV", "XX": "X",
}  # fmt: skip


def fill_pos_from_tags(doc: Doc) -> None:
    """Set ``pos_`` from ``tag_`` on a doc whose pipeline left it empty."""
    if not doc or doc.to_array(POS)[:50].any():
        return
    tags = doc.to_array(TAG).tolist()
    strings = doc.vocab.strings
    pos_of_tag = {tag: UPOS_IDS[PENN_TO_UPOS.get(strings[tag], "X")] for tag in set(tags)}
    pos = numpy.array([pos_of_tag[tag] for tag in tags], dtype="uint64")
    doc.from_array([POS], pos.reshape(-1, 1))
