"""Universal part-of-speech tags for pipelines run without their attribute_ruler.

spaCy's English pipelines set ``token.pos_`` in the attribute_ruler, which costs about as
much as the parser. The resolver needs only coarse classes (noun, proper noun, pronoun,
verb), and those follow from the fine-grained Penn tag the tagger already gives. When a
pipeline does set ``pos_`` (another model, or a user who kept the ruler), it is left alone.
"""

from __future__ import annotations

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
    if not doc or any(token.pos for token in doc[:50]):
        return
    for token in doc:
        token.pos_ = PENN_TO_UPOS.get(token.tag_, "X")
