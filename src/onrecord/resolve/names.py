"""Proper names: where a name starts and ends, and which of its words are the surname.

A name is cut from the named entity around a token (or, where NER missed it, from the run
of proper nouns around it). Titles written before it ("Health Secretary Jane Roe") and
courtesy titles ("Mr") are not part of the name, nor is a possessive "'s": the name keeps
the text's own spelling otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from onrecord.datelines import in_dateline
from onrecord.lexicon import (
    ABBREVIATED_TITLES,
    EPITHET_NOUNS,
    FIRST_NAME_OFFICES,
    HONORIFICS,
    NAME_SUFFIXES,
    OFFICE_WORDS,
    ORGANIZATION_NOUNS,
    SURNAME_PARTICLES,
    clean_word,
    singular,
)
from onrecord.resolve.parsed import (
    EDGE_PUNCTUATION,
    POSSESSIVE_ENDINGS,
    Parsed,
    without_ending,
)

# Possessive endings glued to a name's last word, which are not part of the name.
GLUED_POSSESSIVES = ("'s", "’s", "‘s")  # the last a typing slip: "Donald Trump‘s"
# Labels under which a leading office word is a title, not part of the name ("President
# Biden"); in an organisation's name it is part of the name ("General Motors").
TITLED_LABELS = frozenset({"PERSON", ""})
NAME_HYPHENS = frozenset({"-", "‐"})
# Parts of speech NER sometimes sweeps into the front of a name.
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "ADP", "PRON", "SCONJ", "CCONJ", "NUM"})
# The most words an article's first line may have to be read as a headline at all.
HEADLINE_MAX_WORDS = 25
# An article's first line is a headline in title case ("Donald Trump Rampages Through Iowa")
# when it has at least this many words and every word but these small ones is capitalised
# ("Maria Lind met Peter Olsen" is a sentence).
HEADLINE_WORDS = 4
HEADLINE_SMALL_WORDS = frozenset(
    """
    a an the and but or nor for so yet of in on at to by up as from with into over via vs
    is are be was were its it's his her their
    """.split()
)
WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Common first names and their usual gender, cut from nomquamgender's figures by
# training/first_name_genders.py.
FIRST_NAME_GENDERS = ("models", "first_name_genders.tsv")


@dataclass(frozen=True)
class Name:
    """A proper name as written: token range ``[start, end)``, its head token and NER label."""

    start: int
    end: int
    head: int
    text: str
    words: tuple[str, ...]
    label: str
    gender: str | None = None

    @property
    def surname(self) -> str:
        """The word people are indexed by: the last word that is not a suffix ("Jr.")."""
        words = [w.lower() for w in self.words]
        while len(words) > 1 and clean_word(words[-1]) in NAME_SUFFIXES:
            words.pop()
        return words[-1]

    @property
    def first_names(self) -> tuple[str, ...]:
        words = [w.lower() for w in self.words]
        while len(words) > 1 and clean_word(words[-1]) in NAME_SUFFIXES:
            words.pop()
        return tuple(words[:-1])

    def looks_personal(self) -> bool:
        """Whether the name could be a person's: one to four capitalised words, lower-case
        surname particles aside ("Pierre de Vos"), and no colon, which marks the title of a
        work ("Perfect Enough: Carly Fiorina and ...")."""
        words = [w for w in self.words if w not in SURNAME_PARTICLES]
        capitalised = self.words[-1][:1].isupper() and all(w[:1].isupper() for w in words)
        return 1 <= len(words) <= 4 and capitalised and ":" not in self.text


@dataclass(frozen=True)
class Headline:
    """The article's first line when it is a headline in title case, where NER takes any
    capitalised run for a name ("Donald Trump Rampages", "Email Server"), and the article's
    text after it."""

    end: int
    body: str

    @classmethod
    def of(cls, text: str) -> Headline:
        first = text.lstrip().split("\n", 1)[0]
        words = WORD.findall(first)
        title_case = len(words) >= HEADLINE_WORDS and all(
            w[0].isupper() or w.lower() in HEADLINE_SMALL_WORDS for w in words
        )
        end = len(text) - len(text.lstrip()) + len(first) if title_case else 0
        return cls(end, text[end:])

    def covers(self, position: int) -> bool:
        return position < self.end


def headline_end(text: str) -> int:
    """Where the article's first line ends when it may be a headline, title case or not: a
    line of at most ``HEADLINE_MAX_WORDS`` words (PolNeAR's headlines end with a full stop,
    so that tells nothing); else 0."""
    first = text.lstrip().split("\n", 1)[0].rstrip()
    if not first or len(WORD.findall(first)) > HEADLINE_MAX_WORDS:
        return 0
    return len(text) - len(text.lstrip()) + len(first)


def name_in_body(parsed: Parsed, name: Name, headline: Headline) -> Name | None:
    """For a name in the headline, the longest run of it that the article's body writes
    too ("Donald Trump" of "Donald Trump Rampages" or of "Offensive Things Donald Trump
    Has Said"), or that is a known first name and a surname the body writes ("Karen Voss"
    of "Karen Voss Slams Budget", then "Voss"); else None. Of two runs as long, the first.
    A run inside the name must be a first name and a surname, for a lone word there is
    more often a place in a slogan ("Make Mexico Great Again") than a person."""
    spans = range(name.start, name.end)
    runs = sorted(
        ((start, end) for start in spans for end in range(start + 1, name.end + 1)),
        key=lambda run: (run[0] - run[1], run[0]),
    )
    for start, end in runs:
        piece = trim_name(parsed, start, end, name.label)
        if piece is None or (start > name.start and not starts_with_first_name(piece.words)):
            continue
        if _writes(headline.body, piece.text):
            return piece
        surname = piece.words[-1]
        if len(piece.words) == 2 and surname.istitle() and _writes(headline.body, surname):
            if starts_with_first_name(piece.words):
                return piece
    return None


def _writes(text: str, words: str) -> bool:
    """Whether ``text`` has ``words`` as whole words ("Airline" is not in "Airlines")."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def usual_gender(name: Name) -> str | None:
    """The usual gender of the name's first name ("Hillary Clinton": f), if it has one and
    the name is clearly a man's or a woman's name; a lone surname tells nothing."""
    first_names = name.first_names
    return first_name_genders().get(first_names[0]) if first_names else None


@cache
def first_name_genders() -> dict[str, str]:
    table = resources.files("onrecord").joinpath(*FIRST_NAME_GENDERS).read_text("utf-8")
    rows = (line.split("\t") for line in table.splitlines() if not line.startswith("#"))
    return {name: gender for name, gender in rows}


def name_at(parsed: Parsed, token: Token) -> Name | None:
    """The name a token belongs to: its named entity, else its run of proper nouns."""
    ent = parsed.ent_at(token)
    if ent is not None:
        cut = _person_before_preposition(parsed, ent, token)
        if cut is not None:  # "Jane Roe of Acme Corp" taken by NER for one organisation
            return trim_name(parsed, ent.start, cut, "")
        return entity_name(parsed, ent)
    if token.pos_ != "PROPN":
        return None
    start, end = proper_noun_run(parsed, token)
    return trim_name(parsed, start, end, "")


def entity_name(parsed: Parsed, ent) -> Name | None:
    """A named entity's name, with the known first name NER sometimes leaves out of a
    person's ("Paloma" before a "Wu" tagged alone)."""
    start = ent.start
    if ent.label_ == "PERSON" and ent.end - start == 1 and start > 0:
        before = parsed.doc[start - 1]
        if (
            before.pos_ == "PROPN"
            and before.dep_ == "compound"
            and before.head.i == start
            and not before.ent_type_
            and before.text[:1].isupper()
            and starts_with_first_name((before.text, ent.text))
        ):
            start -= 1
    return trim_name(parsed, start, ent.end, ent.label_)


def _person_before_preposition(parsed: Parsed, ent, token: Token) -> int | None:
    """Where a person's name ends inside an organisation entity that NER stretched over
    "Jane Roe of Acme Corp": at a preposition hanging off the token, after two or three
    proper nouns that do not end in an organisation word ("University of Chicago" and
    "Federal Reserve Bank of New York" stay whole)."""
    if ent.label_ != "ORG":
        return None
    for child in token.rights:
        if child.i < ent.end and child.dep_ == "prep":
            before = parsed.doc[ent.start : child.i]
            personal = 2 <= len(before) <= 3 and all(t.pos_ == "PROPN" for t in before)
            if personal and singular(clean_word(before[-1].text)) not in ORGANIZATION_NOUNS:
                return child.i
    return None


def proper_noun_run(parsed: Parsed, token: Token) -> tuple[int, int]:
    """The proper nouns around a token in its sentence, hyphenated parts included."""
    doc, sentence = parsed.doc, parsed.sent_of[token.i]

    def joins(i: int) -> bool:
        if not 0 <= i < len(doc) or parsed.sent_of[i] != sentence:
            return False
        if doc[i].pos_ == "PROPN":
            return True
        return doc[i].text in NAME_HYPHENS and _propn(doc, i - 1) and _propn(doc, i + 1)

    start = token.i
    while joins(start - 1) and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i + 1
    while joins(end) and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return start, end


def _propn(doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN"


def trim_name(parsed: Parsed, start: int, end: int, label: str) -> Name | None:
    """Cut articles, possessors, titles and courtesy titles off the front and a possessive
    off the end."""
    doc = parsed.doc
    gender = None
    while start < end and _is_filler(doc[start]):
        start += 1
    while start < end - 1 and doc[start].pos_ in NOT_NAME_POS:  # "Asserting Clinton"
        start += 1
    # "Breitbart's Joel Pollak": the name is what the possessive modifies; but not in "the
    # Legislative Analyst's Office", where it is one word for a body.
    possessives = [i for i in range(start, end - 1) if _is_possessive(doc[i])]
    if possessives and not _body_word_after(doc, possessives[-1], end):
        start = possessives[-1] + 1
        if starts_with_first_name([t.text for t in doc[start:end] if _is_word(t)]):
            label = "PERSON"  # NER's ORG was the possessor's, "Commentary's"
    last_title = max(
        (i for i in range(start, end - 1) if _is_title_word(doc, i, end)), default=None
    )
    if last_title is not None and _title_is_separate(doc, label, last_title + 1, end):
        for i in range(start, last_title + 1):
            gender = HONORIFICS.get(clean_word(doc[i].text), gender)
        start = last_title + 1
        while start < end and _is_filler(doc[start]):
            start += 1
    while end > start and (_is_filler(doc[end - 1]) or _is_possessive(doc[end - 1])):
        end -= 1
    if end <= start:
        return None
    words = tuple(without_ending(t.text, GLUED_POSSESSIVES) for t in doc[start:end] if _is_word(t))
    if not words:
        return None
    text = without_ending(parsed.text_of(start, end), GLUED_POSSESSIVES)
    return Name(start, end, _head_of(doc, start, end), text, words, label, gender)


def starts_with_first_name(words: Sequence[str]) -> bool:
    """Whether a name of two words or more opens with a known first name ("John Kasich")."""
    return len(words) >= 2 and words[0].lower() in first_name_genders()


def _title_is_separate(doc, label: str, start: int, end: int) -> bool:
    """Whether leading title words are a title and not part of the name: always for people;
    for anything else only when a person's full name follows ("Spokeswoman Jane Roe" tagged
    ORG), never when one word does ("General Motors")."""
    if label in TITLED_LABELS:
        return True
    rest = [t for t in doc[start:end] if _is_word(t) and not _is_possessive(t)]
    return len(rest) >= 2 and all(t.text[:1].isupper() for t in rest)


def _is_filler(token: Token) -> bool:
    return (
        token.is_space
        or token.text in EDGE_PUNCTUATION
        or token.pos_ == "DET"
        or _is_possessive(token)
    )


def _is_title_word(doc, i: int, end: int) -> bool:
    """A title before a name; an abbreviation only with its full stop or before a full name
    ("Gen. Roe", "Gen Jane Roe", but not "Gen Roe", where Gen may be a first name)."""
    word = clean_word(doc[i].text)
    if word in FIRST_NAME_OFFICES and _first_name_here(doc, word, _words_after(doc, i, end)):
        return False
    if word in HONORIFICS or word in OFFICE_WORDS:
        return True
    if word in EPITHET_NOUNS:  # "Billionaire Donald Trump", "Filmmaker Jack Marino"
        return starts_with_first_name(_words_after(doc, i, end))
    if word not in ABBREVIATED_TITLES:
        return False
    return doc[i].text.endswith(".") or len(_words_after(doc, i, end)) >= 2


def _words_after(doc: Doc, i: int, end: int) -> list[str]:
    return [t.text for t in doc[i + 1 : end] if _is_word(t)]


def _first_name_here(doc: Doc, word: str, words_after: list[str]) -> bool:
    """Whether an office word that is also a first name is one here: before a lone surname,
    in an article that does not use it as an office ("Dean Baker"; not "Dean Amar" after
    "Vikram Amar, dean of the law school")."""
    return len(words_after) == 1 and re.search(rf"\b{word}\b", doc.text) is None


def is_dateline(parsed: Parsed, name: Name) -> bool:
    """Whether the name is part of a story's dateline: its place, or the agency in its
    brackets ("WASHINGTON (AP) —", "RYE, N.H. -", "New York (AFP) –", "LONDON (Reuters) -").
    The parser hangs the words after it on the place, which would make "NEW YORK" a person
    titled "Democratic presidential candidate", and an agency counted as an organisation
    would leave "the company" two bodies to choose from."""
    return in_dateline(parsed.doc, name.start, name.end)


def is_modifier(parsed: Parsed, name: Name) -> bool:
    """Whether the name is one word glued by a hyphen to a lower-case word ("Oscar-winning
    actress", "Johnny-come-lately", "Mar-a-Lago"): a modifier, not a mention of anyone,
    though NER often tags it a person. A full name stays a mention even so ("the Hilary
    Clinton-run State Department" names her)."""
    doc, end = parsed.doc, name.end
    if len(name.words) > 1 or end + 1 >= len(doc) or doc[end].text not in NAME_HYPHENS:
        return False
    return not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_lower


def _body_word_after(doc: Doc, possessive: int, end: int) -> bool:
    """Whether a name ends in one capitalised word for a body after its possessive."""
    rest = [t for t in doc[possessive + 1 : end] if _is_word(t)]
    return (
        len(rest) == 1
        and rest[0].text[:1].isupper()
        and singular(clean_word(rest[0].text)) in ORGANIZATION_NOUNS
    )


def is_possessor(parsed: Parsed, name: Name) -> bool:
    """Whether the name is written as a possessor ("Sanders’ son"): the parser sometimes
    reads the noun after it as an apposition, which would make "son" her title."""
    doc = parsed.doc
    glued = doc[name.end - 1].text.endswith(POSSESSIVE_ENDINGS)
    return glued or (name.end < len(doc) and _is_possessive(doc[name.end]))


def _is_possessive(token: Token) -> bool:
    return token.tag_ == "POS" or token.text in POSSESSIVE_ENDINGS


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _head_of(doc, start: int, end: int) -> int:
    """The token of the range whose syntactic head lies outside it (its last, if several)."""
    outside = [i for i in range(start, end) if not start <= doc[i].head.i < end]
    return outside[-1] if outside else end - 1
