"""Mentions: every place the article refers to a possible speaker, read off the parse, and
the builders that make one from a name, a pronoun or a common-noun phrase.

Resolution reads them in text order (``speakers.collect_mentions``): each attribution's
source span (``sources.source_mention``), every named entity that can be a speaker, and
subject pronouns outside sources, which only tell a gender.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spacy.attrs import LOWER
from spacy.tokens import Token

from onrecord.lexicon import (
    AGENT_SUFFIXES,
    ARTICLES,
    COLLECTIVE_NOUNS,
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    EPITHET_NOUNS,
    FIRST_PERSON_PLURAL,
    GENDERED_NOUNS,
    NEUTER_PRONOUNS,
    OFFICES,
    ORGANIZATION_NOUNS,
    PARTY_MEMBERS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PLATFORM_NAMES,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    QUANTIFIERS,
    RANK_MODIFIERS,
    SHARE_NOUNS,
    SINGULAR_QUANTIFIERS,
    TITLE_ABBREVIATIONS,
    clean_word,
    singular,
)
from onrecord.resolve.names import (
    Headline,
    Name,
    entity_name,
    first_name_genders,
    is_dateline,
    is_modifier,
    name_in_body,
    starts_with_first_name,
    usual_gender,
)
from onrecord.resolve.parsed import Parsed
from onrecord.resolve.titles import ROLE, Title, glued_prefix, honorific_gender, title_of
from onrecord.types import SpeakerType

MentionKind = Literal["name", "pronoun", "nominal", "gender", "together"]

SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Named entities outside sources worth tracking: nationalities ("French") are modifiers far
# more often than speakers, so they only count when a source is one.
# "": a name whose label NER gave to a dateline run into it (``parsed.split_at_dashes``).
TRACKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC", ""})
DOCUMENT_LABELS = frozenset({"LAW", "WORK_OF_ART"})
LABEL_TYPES: dict[str, SpeakerType] = {
    "PERSON": "person",
    "FAMILY": "group",
    "ORG": "organization",
    "GPE": "organization",
    "NORP": "organization",
    "FAC": "organization",
    "LAW": "document",
    "WORK_OF_ART": "document",
}
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
HYPHENED_NOUNS = frozenset(
    w for w in PERSON_NOUNS | OFFICES | EPITHET_NOUNS | set(GENDERED_NOUNS) if "-" in w
)
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PLURAL_DEMONSTRATIVES = frozenset({"those", "these"})
OWNING_PRONOUNS = frozenset({"his", "her"})
OWNING_PREPOSITIONS = frozenset({"for", "of"})


@dataclass(frozen=True)
class Mention:
    """One reference to a possible speaker. ``start`` orders mentions; ``token`` places the
    mention in its sentence; ``attribution`` is set on the source of an attribution."""

    kind: MentionKind
    start: int
    slices: tuple[tuple[int, int], ...]
    token: int
    type: SpeakerType
    text: str
    name: Name | None = None
    title: Title | None = None
    head_word: str = ""
    definite: bool = False
    # A nominal naming more than one ("the companies", "some officials").
    plural: bool = False
    # The nouns compounded to a nominal's head, lower case ("trade" in "the trade group").
    compounds: tuple[str, ...] = ()
    gender: str | None = None
    attribution: int | None = None
    subject: bool = False
    # The subject of its sentence's main clause.
    main_subject: bool = False
    # The usual gender of a name's first name: used where the article tells none (a courtesy
    # title, "spokeswoman"), and never a hint that a person is meant.
    usual_gender: str | None = None
    # Inside another attribution's content: a subject there is the quoted speaker's topic,
    # not the narrative's.
    in_content: bool = False
    # The name a nominal's head belongs to ("Sanders" in "Bernie Sanders' campaign" and in
    # "the Sanders campaign"), lower case; empty when none is named.
    owner: str = ""
    # "his" or "her" when a possessive pronoun owns the nominal ("his campaign").
    owner_pronoun: str = ""
    # For a "who" source whose antecedent lies in another attribution's source, that
    # attribution's number: the two sources are one mention of one speaker.
    repeats: int | None = None

    @property
    def person_hint(self) -> bool:
        """Whether the context says a person is meant (a role title or a courtesy title)."""
        return self.gender is not None or (self.title is not None and self.title.rank <= ROLE)


def entity_mentions(parsed: Parsed, consumed: set[int], headline: Headline) -> list[Mention]:
    """Named entities that can speak, except those a source mention already stands for."""
    mentions = []
    for number, ent in enumerate(parsed.ents):
        if number in consumed or ent.label_ not in TRACKED_LABELS:
            continue
        name = entity_name(parsed, ent)
        if name is not None and headline.covers(ent.start_char):
            name = name_in_body(parsed, name, headline)
        if name is None or headed_by_office(parsed, name):
            continue
        if is_dateline(parsed, name) or is_modifier(parsed, name):
            continue
        mentions.append(named_mention(parsed, name, None))
    return mentions


def first_names_sharing_a_surname(parsed: Parsed) -> list[Mention]:
    """The first person of "David and Charles Koch" or "Bill and Hillary Clinton", whom NER
    leaves out of the name or tags alone: a first name (known as one, or named in full with
    that surname elsewhere: "Khizr Khan"), then "and", then a person's full name, is that
    first name with the same surname. Not a word that is a surname
    elsewhere ("Clinton and Donald Trump", "Todd Rogers and Adan Acevedo"), the first name
    of someone else named in full ("Hillary and Tim Kaine" after "Hillary Clinton"), the end
    of a list ("Brandy, Monica and Lauryn Hill"), a title-case headline's "And", or a
    body's name ("William and Flora Hewlett Foundation")."""
    doc = parsed.doc
    people = [e for e in parsed.ents if e.label_ == "PERSON"]
    mentions = []
    for ent in people:
        if len(ent) < 2 or ent.start < 2 or doc[ent.start - 1].text != "and":
            continue
        first, surname = doc[ent.start - 2], ent[-1]
        if not _first_name_alone(parsed, first, surname.lower_, people):
            continue
        if singular(clean_word(surname.text)) in ORGANIZATION_NOUNS:
            continue
        words = (first.text, surname.text)
        name = Name(first.i, first.i + 1, first.i, " ".join(words), words, "PERSON")
        mention = named_mention(parsed, name, None)
        slices = ((first.idx, first.idx + len(first.text)),)
        mentions.append(replace(mention, start=first.idx, slices=slices))
    return mentions


def _first_name_alone(parsed: Parsed, first: Token, surname: str, people: list) -> bool:
    """Whether a word before "and" is a first name standing alone (see the caller)."""
    doc = parsed.doc
    word = first.lower_
    if first.pos_ != "PROPN" or not first.is_title:
        return False
    if word not in first_name_genders() and not _named_in_full(word, surname, people):
        return False  # "Khizr and Ghazala Khan" counts once "Khizr Khan" is named
    before = doc[first.i - 2 : first.i]
    if before and before[-1].pos_ == "PROPN":
        return False  # "Todd Rogers and Adan Acevedo"
    if len(before) == 2 and before[-1].text == "," and before[0].pos_ == "PROPN":
        return False  # "Brandy, Monica and Lauryn Hill"
    own = parsed.ent_of[first.i]
    if own >= 0 and (parsed.ents[own].label_ != "PERSON" or len(parsed.ents[own]) > 1):
        return False
    for person in people:
        if person.start == first.i:
            continue
        if person[-1].lower_ == word:
            return False  # a surname here
        if len(person) > 1 and person[0].lower_ == word and person[-1].lower_ != surname:
            return False  # someone else's first name
    return True


def _named_in_full(first: str, surname: str, people: list) -> bool:
    """Whether a person's name elsewhere is this first name and this surname."""
    return any(
        len(person) > 1 and person[0].lower_ == first and person[-1].lower_ == surname
        for person in people
    )


def gender_cues(parsed: Parsed, source_tokens: set[int]) -> list[Mention]:
    """Gendered subject pronouns that are not themselves sources. (Possessives, tried too,
    misled more than they told: "Clinton ... his" is often someone else's.)"""
    cues = []
    doc = parsed.doc
    lowers = doc.to_array(LOWER).tolist()
    pronouns = {i for i in set(lowers) if doc.vocab.strings[i] in PRONOUN_GENDER}
    for i in (i for i, lower in enumerate(lowers) if lower in pronouns):
        token = doc[i]
        gender = PRONOUN_GENDER[token.lower_]
        if gender and token.dep_ in SUBJECT_DEPS and token.i not in source_tokens:
            slices = ((token.idx, token.idx + len(token.text)),)
            cue = Mention("gender", token.idx, slices, token.i, "person", token.text, gender=gender)
            cues.append(cue)
    return cues


def people_together(parsed: Parsed, source_tokens: set[int]) -> list[Mention]:
    """People named together as a subject who are not a source ("Cruz and Rubio pressed
    Trump"): a "they" soon after means the two of them, not the last group that spoke."""
    together = []
    for ent in parsed.ents:
        first = ent.root
        if ent.label_ != "PERSON" or first.dep_ not in SUBJECT_DEPS or first.i in source_tokens:
            continue
        partners = [parsed.ent_at(c) for c in first.conjuncts if c.i > first.i]
        if not partners or any(p is None or p.label_ != "PERSON" for p in partners):
            continue
        start, end = ent.start_char, max(p.end_char for p in partners if p is not None)
        text = parsed.text[start:end]
        slices = ((start, end),)
        mention = Mention("together", start, slices, first.i, "group", text, subject=True)
        together.append(mention)
    return together


def headed_by_office(parsed: Parsed, name: Name) -> bool:
    """A capitalised title with no name after it ("the Attorney-General") is a nominal; but
    a known first name makes a surname that is an office word a name ("Peter King"), and so
    do one or two first names NER tells a person by ("Charlie King": no clear man's or
    woman's name, so not in the table), when they are no words of a title; more are most
    often a title ("Sandy Hook Elementary Principal")."""
    if clean_word(parsed.doc[name.head].text) not in OFFICES or usual_gender(name) is not None:
        return False
    first_names = name.first_names
    return not (name.label == "PERSON" and 1 <= len(first_names) <= 2 and not _titled(first_names))


def _titled(words: tuple[str, ...]) -> bool:
    """Whether any of the words is one of a title ("attorney", "vice", "chief")."""
    return any(
        word in OFFICES or word in RANK_MODIFIERS or word in TITLE_ABBREVIATIONS
        for word in (clean_word(w) for w in words)
    )


# --- mention builders ---------------------------------------------------------------------------


def named_mention(parsed: Parsed, name: Name, number: int | None) -> Mention:
    """A proper name, with the title and any gender its context gives."""
    if name.label in ("PERSON", "") and _is_organization(parsed, name):
        name = replace(name, label="ORG")
    if name.label == "PERSON" and _is_family(parsed, name):
        name = replace(name, label="FAMILY")
    title = title_of(parsed, name)
    gender = name.gender or honorific_gender(parsed, name) or (title.gender if title else None)
    mention_type = LABEL_TYPES.get(name.label) or _unlabelled_type(parsed, name)
    if name.label == "NORP" and _names_a_people(parsed, name):
        mention_type = "group"
    slices = ((parsed.doc[name.start].idx, parsed.doc[name.start].idx + len(name.text)),)
    return Mention(
        "name",
        slices[0][0],
        slices,
        name.head,
        mention_type,
        name.text,
        name=name,
        title=title,
        gender=gender,
        attribution=number,
        subject=_is_subject(parsed.doc[name.head]),
        main_subject=_is_main_subject(parsed.doc[name.head]),
        usual_gender=None if gender else usual_gender(name),
    )


def _names_a_people(parsed: Parsed, name: Name) -> bool:
    """A plural nationality, faith or people ("Americans", "the Russians") is a group of
    people; a party's plural ("Republicans said") stands for the party, unless a clause or
    a phrase after it picks out some of its members ("Republicans who came of age in the
    1970s", "Democrats in Congress")."""
    head = parsed.doc[name.head]
    if head.tag_ != "NNPS" and not head.text.endswith("s"):
        return False
    if singular(clean_word(head.text)) not in PARTY_MEMBERS:
        return True
    return any(c.i >= name.end and c.dep_ in ("relcl", "acl", "prep") for c in head.rights)


def _is_subject(token: Token) -> bool:
    """A clause's subject, or a name in apposition to one ("Ukraine's foreign minister,
    Andriy Koval, struck a softer tone"), which the parser hangs on the title."""
    if token.dep_ == "appos":
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _is_main_subject(token: Token) -> bool:
    """The subject of its sentence's main clause, not of a clause inside it: in "Andrew Hale
    took his daughter there to explain who Ali was", Hale, not Ali."""
    if not _is_subject(token):
        return False
    verb = token.head.head if token.dep_ == "appos" else token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _is_family(parsed: Parsed, name: Name) -> bool:
    """A surname made plural after "the" names a family ("the Clintons", "the Kochs"): NER
    calls it a person, onrecord a group (its own label, ``FAMILY``)."""
    if len(name.words) != 1 or not name.words[0].endswith("s") or name.start == 0:
        return False
    return parsed.doc[name.start - 1].lower_ == "the"


def _is_organization(parsed: Parsed, name: Name) -> bool:
    """A social platform ("Twitter"), or a name the text makes a body."""
    if len(name.words) == 1 and clean_word(name.words[0]) in PLATFORM_NAMES:
        return True
    return name.label == "PERSON" and _described_as_organization(parsed, name)


def _described_as_organization(parsed: Parsed, name: Name) -> bool:
    """NER's "person" that is a body by its last word ("Our Principles PAC") or by the
    common noun that describes it ("Xinhua, the official news agency"; "Citizens United,
    the group"); not past a phrase of the name's own, as in "Jane Roe of Acme Corp, a
    consulting firm", where the firm is Acme."""
    last_word = singular(clean_word(name.words[-1]))
    if last_word in ORGANIZATION_NOUNS and usual_gender(name) is None:
        return True  # "Our Principles PAC"; but "Margaret Court" is a woman
    head = parsed.doc[name.head]
    if _after_a_body_noun(parsed, name):
        return True  # "the dredging company, Harwick Marine"
    for child in head.rights:
        if child.dep_ == "prep" and child.i >= name.end:
            return False
        if child.dep_ == "appos" and child.i >= name.end:
            return _names_a_body(child)  # not "Jane Roe, Acme News Service"
    return False


def _after_a_body_noun(parsed: Parsed, name: Name) -> bool:
    """Whether the name stands in apposition right after a noun for a body, set off by a
    comma ("the company, Harwick Marine"); not in brackets ("the country (Donald Trump)"),
    and not a name that opens with a first name."""
    doc, start = parsed.doc, name.start
    if start < 2 or doc[start - 1].text != "," or starts_with_first_name(name.words):
        return False
    noun, head = doc[start - 2], doc[name.head]
    return head.dep_ == "appos" and head.head.i == noun.i and _names_a_body(noun)


def _names_a_body(token: Token) -> bool:
    """A common noun for a body ("company", "agency"), not for one of its people."""
    word = singular(clean_word(token.text))
    body = word in ORGANIZATION_NOUNS and not word.endswith(AGENT_SUFFIXES)
    return body and token.pos_ == "NOUN"


def _unlabelled_type(parsed: Parsed, name: Name) -> SpeakerType:
    """A proper noun NER left unlabelled: its last word may still say what it is; a plural
    ("the Founding Fathers") is a group and an acronym an organisation; a lone word is
    anyone's guess, and several capitalised words most often a person's name."""
    word = singular(clean_word(name.words[-1]))
    if word in ORGANIZATION_NOUNS:
        return "organization"
    if word in DOCUMENT_NOUNS:
        return "document"
    if parsed.doc[name.head].tag_ == "NNPS":
        return "group"
    if len(name.words) == 1:
        return "organization" if len(word) > 1 and name.words[0].isupper() else "unknown"
    return "person"


def pronoun_mention(token: Token) -> Mention:
    word = token.lower_
    mention_type: SpeakerType = "person"
    if word in PLURAL_PRONOUNS or word in FIRST_PERSON_PLURAL:
        mention_type = "group"
    elif word in NEUTER_PRONOUNS:
        mention_type = "unknown"
    slices = ((token.idx, token.idx + len(token.text)),)
    return Mention(
        "pronoun",
        token.idx,
        slices,
        token.i,
        mention_type,
        token.text,
        gender=PRONOUN_GENDER.get(word),
    )


def nominal_mention(
    parsed: Parsed, head: Token, phrase: tuple[int, int], quantifier: str | None
) -> Mention:
    """A common-noun phrase; its head noun (not any name inside it) decides what it is."""
    plural = head.tag_ in PLURAL_TAGS or (
        quantifier is not None and quantifier not in SINGULAR_QUANTIFIERS
    )
    word = _with_hyphened_prefix(parsed, head)
    head_word = singular(word) if head.tag_ in PLURAL_TAGS else word
    text = parsed.text_of(*phrase)
    return Mention(
        "nominal",
        0,
        (),
        head.i,
        nominal_type(parsed, head, head_word, plural),
        text,
        head_word=head_word,
        definite=_is_definite(parsed, head, phrase),
        plural=plural,
        compounds=tuple(clean_word(c.text) for c in head.lefts if c.dep_ == "compound"),
        gender=GENDERED_NOUNS.get(head_word),
        owner=_owner(head),
        owner_pronoun=_owner_pronoun(head),
    )


def _with_hyphened_prefix(parsed: Parsed, head: Token) -> str:
    """The head noun with a word the tokenizer split off at a hyphen, when the whole is a
    noun onrecord knows ("front-runner", not "runner"); else the head alone ("president" of
    "vice-president")."""
    word = clean_word(head.text)
    prefix = glued_prefix(parsed.doc, head.i, ("-", "‐"))
    if prefix is None:
        return word
    whole = f"{clean_word(parsed.doc[prefix].text)}-{word}"
    return whole if whole in HYPHENED_NOUNS else word


def _owner(head: Token) -> str:
    """The surname or name word of the name that owns a noun: its possessor, the last
    proper noun compounded to it ("Bernie Sanders' campaign", "the Sanders campaign") or the
    name after "for" or "of" ("the trade group for Halden Insurance", which is not the
    company named before it)."""
    objects = (
        thing
        for preposition in head.rights
        if preposition.dep_ == "prep" and preposition.lower_ in OWNING_PREPOSITIONS
        for thing in preposition.children
        if thing.dep_ == "pobj"
    )
    return _name_before(head) or next(map(_name_word, objects), "")


def _name_word(thing: Token) -> str:
    """A name's last word, or the name owning a noun ("the Blue Cross Blue Shield plans")."""
    return clean_word(thing.text) if thing.pos_ == "PROPN" else _name_before(thing)


def _name_before(head: Token) -> str:
    owners = [c for c in head.lefts if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
    return clean_word(owners[-1].text) if owners else ""


def _owner_pronoun(head: Token) -> str:
    """ "his" or "her" when that possessive owns the noun ("his campaign"), else ""."""
    pronouns = [c.lower_ for c in head.lefts if c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS]
    return pronouns[0] if pronouns else ""


def nominal_type(parsed: Parsed, head: Token, head_word: str, plural: bool) -> SpeakerType:
    ent = parsed.ent_at(head)
    if (ent is not None and ent.label_ in DOCUMENT_LABELS) or head_word in DOCUMENT_NOUNS:
        return "document"
    if head_word in ORGANIZATION_NOUNS:
        # "the groups", "authorities": several bodies; but "police" is one, in any number
        several = plural and clean_word(head.text) != head_word
        return "group" if several else "organization"
    if head_word in COLLECTIVE_NOUNS or head_word in SHARE_NOUNS or _is_share(head):
        return "group"
    if head_word in QUANTIFIERS and head_word not in SINGULAR_QUANTIFIERS:
        return "group"  # "some said", "many agree"
    if head_word in OFFICES or head_word in PERSON_NOUNS or head_word in GENDERED_NOUNS:
        return "group" if plural else "person"
    if head.pos_ == "NOUN" and head_word.endswith(PERSON_SUFFIXES):
        return "group" if plural else "person"
    return "group" if plural else "unknown"


def _is_share(head: Token) -> bool:
    """A number read as a share of people: "six in 10 (voters)", "one in three", "four out
    of five"."""
    return head.tag_ == "CD" and any(
        c.lower_ in ("in", "out") and c.dep_ in ("quantmod", "prep") for c in head.children
    )


def _is_definite(parsed: Parsed, head: Token, phrase: tuple[int, int]) -> bool:
    """Whether the phrase points back to something known ("the report", "Roe's aides");
    "those who ..." points forward, to whoever its clause describes."""
    if any(child.dep_ == "poss" for child in head.children):
        return True
    if head.lower_ in PLURAL_DEMONSTRATIVES and any(c.dep_ == "relcl" for c in head.children):
        return False
    first = parsed.doc[phrase[0]].lower_
    return first in DEFINITE_DETERMINERS


def bare_text(text: str) -> str:
    """A nominal's name: its text without a leading article ("the report" -> "report")."""
    first, _, rest = text.partition(" ")
    return rest if first.lower() in ARTICLES and rest else text
