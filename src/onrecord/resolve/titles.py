"""The title an article gives a named person, read from the parse around the name.

News English gives titles in three places: before the name ("Finance Minister Jane Roe"),
in an appositive after it ("Jane Roe, a former city treasurer,") and in a nominal the name
is appositive to ("the city's mayor, Jane Roe"). When an article gives
several descriptions ("one of the founders, Jane Roe, the party's treasurer"), an office
beats a role, which beats any other description; ties go to the earlier place in the list
above. A description with a coordination of two noun phrases ("a farmer and a former
mayor") is split, so the office can be picked out of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.datelines import is_dash
from onrecord.lexicon import (
    AGENT_SUFFIXES,
    ARTICLES,
    EPITHET_NOUNS,
    GENDERED_NOUNS,
    HONORIFICS,
    OFFICES,
    PARTY_MEMBERS,
    PERSON_NOUNS,
    PLURAL_TITLE_ABBREVIATIONS,
    QUANTIFIERS,
    clean_word,
    singular,
)
from onrecord.resolve.names import Name, is_possessor
from onrecord.resolve.parsed import Parsed

OFFICE, ROLE, DESCRIPTION = 0, 1, 2
MAX_TITLE_TOKENS = 30
# How many words (a verb, a preposition) a name may climb past, from the name it is hung on
# to the noun it renames (``apposed_noun``).
APPOSITION_HOPS = 3
# Tokens that end a title written before a name when walking left from it (dashes, spaced
# hyphens included, are `names.is_dash`).
PRENAME_STOPS = frozenset({",", ";", ":", "(", ")", "“", "”", '"', "‘", "’"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
DETACHED_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
TITLE_DEPS = frozenset({"compound", "nmod"})
QUALIFIER_DEPS = TITLE_DEPS | {"amod"}  # "Ranking Democrat", "fellow Democrat"
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# NER labels of amounts and times, which head a score or a date, never a title.
AMOUNT_LABELS = frozenset({"PERCENT", "CARDINAL", "QUANTITY", "MONEY", "DATE", "TIME"})
PERCENT_WORDS = frozenset({"percent", "%"})
# Words that open a relative clause ("whose", "who", "which"), never a title.
WH_TAGS = frozenset({"WP$", "WP", "WDT"})


@dataclass(frozen=True)
class Title:
    """A title as written, how strongly it is one (``OFFICE`` best), and any gender it tells."""

    text: str
    rank: int
    gender: str | None = None


def title_of(parsed: Parsed, name: Name) -> Title | None:
    """The best title the text gives the name, or None."""
    candidates = [
        (title.rank, order, title)
        for order, found in enumerate(
            (
                [prename_title(parsed, name)],
                appositive_titles(parsed, name),
                [nominal_title(parsed, name)],
            )
        )
        for title in found
        if title is not None
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def honorific_gender(parsed: Parsed, name: Name) -> str | None:
    """The gender a courtesy title just before the name tells ("Ms Roe")."""
    if name.start == 0:
        return None
    return HONORIFICS.get(clean_word(parsed.doc[name.start - 1].text))


def prename_title(parsed: Parsed, name: Name) -> Title | None:
    """A title written before the name, in the name's own noun phrase."""
    doc = parsed.doc
    head = doc[name.head]
    end = name.start
    while end > head.left_edge.i and clean_word(doc[end - 1].text) in HONORIFICS:
        end -= 1
    start = end
    while start > head.left_edge.i and not _stops_prename(doc[start - 1]):
        start -= 1
    while start < end and (doc[start].pos_ == "DET" or doc[start].is_punct):
        start += 1
    if start >= end:
        return _detached_prename_title(parsed, name, end)
    if start > 0 and doc[start - 1].lower_ in INDEFINITE_ARTICLES:
        return None  # "an agenda a President Clinton could hope to see work" imagines one
    head_of_title = _title_head(doc[end - 1], start, name)
    if not _heads_title(head_of_title):
        return None
    if head_of_title.tag_ == "NNS" or _is_plural_abbreviation(head_of_title):
        return None  # "rivals Jane Roe and John Doe" describes a list, not Roe
    return _title(parsed, start, end)


def _detached_prename_title(parsed: Parsed, name: Name, end: int) -> Title | None:
    """A title right before a person's name that the parser cut off from it: it reads a
    capitalised first word as a verb ("Presumptive Democratic presidential nominee Hillary
    Clinton called ...") or hangs the title on a noun coordinated with it ("civil rights
    leader and television host Al Sharpton"). The title is the run of adjectives and nouns
    before the name, when the word next to the name is an office or a role word
    (``lexicon.OFFICES``, ``PERSON_NOUNS``, not a mere agent suffix: "a moment", "rubber")
    and is not the subject of a verb itself ("The federal judge Trump was referring to").
    On train it changed 32 titles: 28 right only after, one as good either way, and three on
    names NER had got wrong ("Indiana GOP" a person)."""
    doc = parsed.doc
    if end == 0 or name.label != "PERSON" or not _names_office_or_role(doc[end - 1]):
        return None
    title_word, name_head = doc[end - 1], doc[name.head]
    if title_word.tag_ in PLURAL_TAGS or _is_plural_abbreviation(title_word):
        return None
    if title_word.dep_ in {"nsubj", "nsubjpass"}:
        return None
    if name.start <= title_word.head.i < name.end or name_head.head.i == title_word.i:
        return None  # attached after all ("his son Eric": the apposition is read elsewhere)
    start = end - 1
    sentence = parsed.sent_of[start]
    while start > 0 and parsed.sent_of[start - 1] == sentence:
        before = doc[start - 1]
        if _stops_prename(before) or before.ent_type_ == "PERSON" or before.pos_ == "DET":
            break
        if before.pos_ not in DETACHED_TITLE_POS and not before.text.istitle():
            break
        start -= 1
    return _title(parsed, start, end)


def _is_plural_abbreviation(token: Token) -> bool:
    """ "Sens.", "Reps.": the title of a list of names, which the tagger reads as singular."""
    return clean_word(token.text) in PLURAL_TITLE_ABBREVIATIONS


def _names_office_or_role(token: Token) -> bool:
    word = singular(clean_word(token.text))
    return token.pos_ in NOMINAL_POS and (word in OFFICES or word in PERSON_NOUNS)


def _stops_prename(token: Token) -> bool:
    return (
        token.text in PRENAME_STOPS
        or is_dash(token)  # "JERUSALEM - Israeli Prime Minister Benjamin Netanyahu"
        or token.is_space
        or "\n" in token.whitespace_
        or token.dep_ == "cc"
    )


def _title_head(token: Token, start: int, name: Name) -> Token | None:
    """The word of a title before a name that the parse attaches to the name: the title's
    head ("Secretary" in "Deputy Secretary of State Jane Roe"), if the title is one."""
    for _ in range(name.start - start):
        if name.start <= token.head.i < name.end:
            return token if token.dep_ in TITLE_DEPS else None
        if not start <= token.head.i < name.start:
            return None
        token = token.head
    return None


def _heads_title(token: Token | None) -> bool:
    """A title's head names an office or a role, or is a common noun that names someone who
    does something ("neurosurgeon", "novelist"), not a thing ("the real-life Roe")."""
    if token is None:
        return False
    if _names_office_or_role(token):
        return True
    if token.pos_ == "PROPN":  # "Filmmaker Jack Marino", tagged a proper noun
        return clean_word(token.text) in EPITHET_NOUNS or _party_member_role(token)
    return token.pos_ == "NOUN" and singular(clean_word(token.text)).endswith(AGENT_SUFFIXES)


def _party_member_role(token: Token) -> bool:
    """A party member's word names a role when something qualifies it ("Senate Intelligence
    Ranking Democrat Dianne Feinstein", "fellow Democrat Alan Grayson"); alone ("Democrat
    Hillary Clinton") it gives only the party."""
    if token.tag_ != "NNP" or clean_word(token.text) not in PARTY_MEMBERS:
        return False
    return any(child.dep_ in QUALIFIER_DEPS for child in token.lefts)


def appositive_titles(parsed: Parsed, name: Name) -> list[Title | None]:
    """Descriptions in apposition after the name, each coordinated phrase on its own."""
    doc = parsed.doc
    titles: list[Title | None] = []
    if is_possessor(parsed, name):
        return titles
    head = doc[name.head]
    rights = list(head.rights)
    for child in _appositions_of(head, name.end):
        if not _describes(child):
            continue
        if any(doc[i].text == ":" for i in range(name.end, child.left_edge.i)):
            continue  # "Roe: hero or villain?" introduces a question, not a description
        if any(c.dep_ == "relcl" and c.i < child.left_edge.i for c in rights):
            continue  # "Roe - who fired Doe, the police chief, -": the chief is Doe
        if _is_score_or_date(child):
            continue  # "Clinton, 46%-35%", "Sanders, 73 percent to 63 percent", "Last week"
        start, end = _with_hyphened_prefix(doc, child.left_edge.i), child.right_edge.i + 1
        for clause in _relative_clauses(child):
            end = min(end, clause.left_edge.i)
        end = next(
            (i for i in range(child.i, end) if doc[i].text == "," and not _in_place(doc, i)), end
        )
        if end - start > MAX_TITLE_TOKENS:
            continue
        for s, e in split_coordination(parsed, start, end):
            title = _title(parsed, s, e)
            if title is not None and (not _plural(doc[s:e]) or _shared(title, head)):
                titles.append(title)
    return titles


def _relative_clauses(head: Token) -> list[Token]:
    """The relative clauses in a description, which tell more about someone than what they
    are: the head's own ("a professor who has researched ...") and, further in, those a
    relative word opens ("aiming at voters who often seems ..."; not "by the time her
    husband landed", which ends an adverbial)."""
    return [
        token
        for token in head.subtree
        if token.dep_ == "relcl"
        and token.i > head.i
        and (token.head.i == head.i or token.left_edge.tag_ in WH_TAGS)
    ]


def _plural(span: SpacySpan) -> bool:
    """Whether a description is about several: its head noun is plural ("the party leaders
    who ...", "the young people dancing at the club"), or of nouns joined by "and" its last
    ("Facebook's global politics and government outreach director" is one)."""
    head = span.root
    while conjuncts := [c for c in head.rights if c.dep_ == "conj" and c.i < span.end]:
        head = conjuncts[-1]
    return head.tag_ in PLURAL_TAGS


def _shared(title: Title, head: Token) -> bool:
    """Whether a plural description is the title of the name it hangs on: only when it
    names an office or a role and the name is one of several joined by "and" ("Jane Roe and
    John Doe, both senators"). After a lone name it is the parser's slip, hanging a noun
    further on there ("Roe leads thanks to superdelegates, the party leaders who ...")."""
    joined = head.dep_ == "conj" or any(child.dep_ == "conj" for child in head.children)
    return title.rank <= ROLE and joined


def _in_place(doc, i: int) -> bool:
    """Whether the comma at ``i`` joins a place to its state or country ("a truck driver
    from Ava, Mo.", "a lawyer from Austin, Texas"): a title does not end there."""
    if i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return before.ent_type_ == "GPE" and after.ent_type_ == "GPE" and after.ent_iob_ == "B"


def _appositions_of(head: Token, name_end: int) -> list[Token]:
    """The appositions after a name that may describe it. Its own, unless another name is
    joined to it before a singular one ("Jane Roe and John Doe, the club's manager": the
    manager is Doe); and, for the last of names joined by "and", a singular apposition the
    parser hung on the first, when its head names someone ("the club's manager"; not
    "Hampstead, New Hampshire, coffee shop")."""
    rights = list(head.rights)
    candidates = [c for c in rights if c.dep_ == "appos" and c.i >= name_end]
    if head.dep_ == "conj":
        siblings = list(head.head.rights)
        candidates += [
            c
            for c in siblings
            if c.dep_ == "appos"
            and c.i >= name_end
            and _heads_title(c)
            and c.tag_ not in PLURAL_TAGS
            and not _conjunct_between(siblings, head.i, c.i)
        ]
    return [
        c
        for c in candidates
        if c.tag_ in PLURAL_TAGS or not _conjunct_between(rights, name_end - 1, c.i)
    ]


def _conjunct_between(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a conjunct among ``tokens`` stands strictly between positions start and end."""
    return any(t.dep_ == "conj" and start < t.i < end for t in tokens)


def _with_hyphened_prefix(doc, start: int) -> int:
    """The parser may read "co-chair" as three appositions, "co", "-" and "chair": the
    title starts at the prefix glued to it by the hyphen."""
    while (prefix := glued_prefix(doc, start, ("-",))) is not None:
        start = prefix
    return start


def glued_prefix(doc, i: int, hyphens: tuple[str, ...]) -> int | None:
    """The position of the word a hyphen glues to token ``i`` ("co" of "co-chair"), which
    the tokenizer split off; None when there is none."""
    if i >= 2 and doc[i - 1].text in hyphens and _glued(doc[i - 2], doc[i - 1]):
        return i - 2
    return None


def _glued(*tokens: Token) -> bool:
    return not any(token.whitespace_ for token in tokens)


def _is_score_or_date(token: Token) -> bool:
    """An apposition that is a percentage ("73 percent to 63 percent") or nothing but an
    amount or a date ("Last week"); "eight years his brother's senior" and "the Republican
    half of a polling team" are descriptions."""
    if clean_word(token.text) in PERCENT_WORDS:
        return True
    return token.ent_type_ in AMOUNT_LABELS and all(t.ent_type_ for t in token.subtree)


def _describes(token: Token) -> bool:
    """A description rather than another name or a number ("Roe, 45,"). A capitalised
    word counts when it is an office, or a person's role after "the" or "a" ("Morton
    Blackwell, the Republican National Committeeman from Virginia")."""
    if token.pos_ == "NOUN":
        return True
    if token.pos_ != "PROPN":
        return False
    word = clean_word(token.text)
    if word in OFFICES:
        return True
    opening = token.doc[token.left_edge.i].lower_
    return token.tag_ == "NNP" and word.endswith(AGENT_SUFFIXES) and opening in ARTICLES


def split_coordination(parsed: Parsed, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a description at each "and"/"or" that starts a new noun phrase ("a farmer and a
    former mayor"), but not inside one ("a farmer and activist")."""
    doc = parsed.doc
    pieces, piece_start = [], start
    for i in range(start, end - 1):
        if doc[i].dep_ == "cc" and (doc[i + 1].pos_ == "DET" or doc[i + 1].tag_ == "PRP$"):
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [p for p in (parsed.phrase(s, e) for s, e in pieces) if p is not None]


def nominal_title(parsed: Parsed, name: Name) -> Title | None:
    """The noun phrase a name stands in apposition to ("the city's mayor, Jane Roe")."""
    doc = parsed.doc
    head = doc[name.head]
    governor = apposed_noun(head)
    if head.dep_ != "appos" or governor.i >= name.start:
        return None
    if (governor.tag_ in PLURAL_TAGS and governor.is_lower) or _is_plural_abbreviation(governor):
        # "Democratic candidates Hillary Clinton and Bernie Sanders" titles the list; a name
        # tagged plural ("Sanders' son, Tywanza") is the tagger's slip.
        return None
    word = clean_word(governor.text)
    if not (_heads_title(governor) or governor.pos_ == "NUM" or word in QUANTIFIERS):
        return None  # "her use of a private email server as secretary of state, Clinton"
    piece = parsed.phrase(_after_last_break(doc, governor), head.left_edge.i)
    if piece is None or piece[1] - piece[0] > MAX_TITLE_TOKENS:
        return None
    title = _title(parsed, *piece)
    # "the ambitions of three hopefuls, Roe, ..." lists names; it describes none of them.
    return title if title is not None and title.rank <= ROLE else None


def apposed_noun(head: Token) -> Token:
    """The noun a name in apposition renames. The parser hangs the name on the nearest noun
    before its comma, which may be another person's name closing a phrase ("One pastor
    backing Mr. Brack, Lena Ortiz"); a person's full name seldom renames a name, so past one
    it renames the noun that phrase hangs from. A place or a party ("Sen. Rand Paul, Ky.")
    stays with the name."""
    governor = head.head
    if governor.ent_type_ != "PERSON" or governor.dep_ not in ("dobj", "pobj"):
        return governor
    if not _full_name_set_off(head):
        return governor
    above = governor.head
    for _ in range(APPOSITION_HOPS):
        if above.pos_ in NOMINAL_POS:
            return above
        if above.head.i == above.i:
            break
        above = above.head
    return governor


def _full_name_set_off(head: Token) -> bool:
    """Whether a name is a person's, of two capitalised words or more, after a comma."""
    doc, start = head.doc, head.left_edge.i
    words = doc[start : head.i + 1]
    return (
        start > 0
        and doc[start - 1].text == ","
        and head.ent_type_ in ("PERSON", "")
        and len(words) >= 2
        and all(w.text[:1].isupper() and w.text.rstrip(".").isalpha() for w in words)
    )


def _after_last_break(doc, governor: Token) -> int:
    """Where the phrase a governor heads starts, past the last dash or line break before the
    governor: a dateline the parser hung on it ("NEW YORK - Republican presidential
    candidate, Donald Trump") or anything else a dash sets off. Wider than
    ``onrecord.datelines``: a break inside the phrase ends a title too."""
    start = governor.left_edge.i
    for i in range(start, governor.i):
        if is_dash(doc[i]) or "\n" in doc[i].whitespace_:
            start = i + 1
    return start


def _title(parsed: Parsed, start: int, end: int) -> Title | None:
    piece = parsed.phrase(start, end)
    if piece is None:
        return None
    tokens = parsed.doc[piece[0] : piece[1]]
    if tokens[0].tag_ in WH_TAGS:  # "Roe, whose husband, ...", parsed as an apposition
        return None
    rank, gender = rank_of(tokens)
    return Title(parsed.text_of(*piece), rank, gender)


def rank_of(tokens) -> tuple[int, str | None]:
    """How much of a title the words make (office, role or mere description), and the gender
    a gendered noun among them tells ("spokeswoman"). A possessor's words tell neither: "the
    congressman's longtime adviser" is an adviser, and may be a woman."""
    possessors = {t.i for token in tokens if token.dep_ == "poss" for t in token.subtree}
    words = [
        singular(part)
        for token in tokens
        if token.pos_ in NOMINAL_POS and token.i not in possessors
        for part in clean_word(token.text).split("-")
    ]
    gender = next((GENDERED_NOUNS[w] for w in words if w in GENDERED_NOUNS), None)
    if any(w in OFFICES for w in words):
        return OFFICE, gender
    if any(w in PERSON_NOUNS or w in GENDERED_NOUNS for w in words):
        return ROLE, gender
    return DESCRIPTION, gender
