"""Mentions: every place the article refers to a possible speaker, read off the parse.

Three sources of mentions feed resolution, in text order:

- each attribution's source span, analysed for what it is: a name, a pronoun, or a
  nominal whose head noun decides its type ("some of Roe's aides" is a group of aides,
  not Roe; "the report" is a document; "the mayor" is a person known by a title);
- every named entity that can be a speaker (people, organisations, places), so people who
  are mentioned but not quoted get entities and later surnames or pronouns can find them;
- subject pronouns outside sources, which say nothing about who speaks but do tell the
  gender of the one person a sentence has named before them ("Roe said she ...").
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
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    GENDERED_NOUNS,
    NEUTER_PRONOUNS,
    OFFICES,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    QUANTIFIERS,
    SHARE_NOUNS,
    SINGULAR_QUANTIFIERS,
    clean_word,
    singular,
)
from onrecord.resolve.names import (
    Headline,
    Name,
    is_dateline,
    is_modifier,
    name_at,
    name_in_body,
    trim_name,
    usual_gender,
)
from onrecord.resolve.parsed import Parsed
from onrecord.resolve.titles import ROLE, Title, honorific_gender, title_of
from onrecord.types import Attribution, Span, SpeakerType

MentionKind = Literal["name", "pronoun", "nominal", "gender"]

SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Named entities outside sources worth tracking: nationalities ("French") are modifiers far
# more often than speakers, so they only count when a source is one.
TRACKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC"})
DOCUMENT_LABELS = frozenset({"LAW", "WORK_OF_ART"})
LABEL_TYPES: dict[str, SpeakerType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "organization",
    "NORP": "organization",
    "FAC": "organization",
    "LAW": "document",
    "WORK_OF_ART": "document",
}
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
PERSONAL_RELATIVES = frozenset({"who", "whom"})
PLURAL_DEMONSTRATIVES = frozenset({"those", "these"})
ANTECEDENT_HOPS = 3


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
    gender: str | None = None
    attribution: int | None = None
    subject: bool = False
    # The usual gender of a name's first name: used where the article tells none (a courtesy
    # title, "spokeswoman"), and never a hint that a person is meant.
    usual_gender: str | None = None
    # Inside another attribution's content: a subject there is the quoted speaker's topic,
    # not the narrative's.
    in_content: bool = False

    @property
    def person_hint(self) -> bool:
        """Whether the context says a person is meant (a role title or a courtesy title)."""
        return self.gender is not None or (self.title is not None and self.title.rank <= ROLE)


def collect_mentions(parsed: Parsed, attributions: list[Attribution]) -> list[Mention]:
    """All mentions of the article in text order."""
    mentions, consumed, source_tokens = [], set(), set()
    headline = Headline.of(parsed.text)
    for number, attribution in enumerate(attributions):
        if attribution.source is None:
            continue
        tokens = parsed.tokens_in(attribution.source)
        source_tokens.update(t.i for t in tokens)
        cue = frozenset(t.i for t in parsed.tokens_in(attribution.cue)) if attribution.cue else None
        mention = source_mention(
            parsed, attribution.source, tokens, number, cue or frozenset(), headline
        )
        mentions.append(mention)
        if mention.name is not None:
            consumed.add(parsed.ent_of[mention.name.head])
    mentions.extend(entity_mentions(parsed, consumed, headline))
    mentions.extend(gender_cues(parsed, source_tokens))
    kind_order = {"name": 0, "nominal": 1, "pronoun": 2, "gender": 3}
    return sorted(mentions, key=lambda m: (m.start, kind_order[m.kind]))


def entity_mentions(parsed: Parsed, consumed: set[int], headline: Headline) -> list[Mention]:
    """Named entities that can speak, except those a source mention already stands for."""
    mentions = []
    for number, ent in enumerate(parsed.ents):
        if number in consumed or ent.label_ not in TRACKED_LABELS:
            continue
        name = trim_name(parsed, ent.start, ent.end, ent.label_)
        if name is not None and headline.covers(ent.start_char):
            name = name_in_body(parsed, name, headline)
        if name is None or _headed_by_office(parsed, name):
            continue
        if is_dateline(parsed, name) or is_modifier(parsed, name):
            continue
        mentions.append(named_mention(parsed, name, None))
    return mentions


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


# --- sources ---------------------------------------------------------------------------------


def source_mention(
    parsed: Parsed,
    span: Span,
    tokens: list[Token],
    number: int,
    cue: frozenset[int] = frozenset(),
    headline: Headline | None = None,
) -> Mention:
    """What an attribution's source span refers to (``cue``: the attribution's cue tokens;
    ``headline``: the article's, where a name counts only as far as the body has it)."""
    if not tokens:
        return Mention(
            "nominal", span.start, span.slices, 0, "unknown", span.text, attribution=number
        )
    picked = pick_root(parsed, tokens)
    root = _antecedent(parsed, picked)
    in_span = {t.i for t in tokens}
    mention = _classify(parsed, root, in_span, cue, headline)
    described_by_who = (
        picked.i != root.i and picked.lower_ in PERSONAL_RELATIVES
    ) or _has_who_clause(root)
    if described_by_who and _untyped_agent(parsed, mention, root):
        # "who" settles what the lexicon could not: "a hacker who said" is a person.
        mention = replace(mention, type="group" if _is_plural(root) else "person")
    return _as_source(mention, span, number)


def _has_who_clause(token: Token) -> bool:
    """Whether a "who" clause describes the token ("those who attended")."""
    return any(
        clause.dep_ == "relcl" and any(w.lower_ in PERSONAL_RELATIVES for w in clause.children)
        for clause in token.children
    )


def _untyped_agent(parsed: Parsed, mention: Mention, root: Token) -> bool:
    """A common noun or pronoun left untyped that could name someone ("hacker", "those"),
    not a thing the parser hung the clause from ("the left, who", "this year, who")."""
    return (
        mention.kind == "nominal"
        and mention.type == "unknown"
        and root.pos_ != "PROPN"
        and not root.ent_type_
        and _could_speak(parsed, root)
    )


def _is_plural(token: Token) -> bool:
    """Plural by its tag, a plural demonstrative ("those who"), a quantifier or a number
    ("many who", "four in 10 who")."""
    word = token.lower_
    return (
        token.tag_ in PLURAL_TAGS
        or word in PLURAL_DEMONSTRATIVES
        or (word in QUANTIFIERS and word not in SINGULAR_QUANTIFIERS)
        or (token.pos_ == "NUM" and word not in SINGULAR_QUANTIFIERS)
    )


def _as_source(mention: Mention, span: Span, number: int) -> Mention:
    return replace(mention, start=span.start, slices=span.slices, attribution=number)


def pick_root(parsed: Parsed, tokens: list[Token]) -> Token:
    """The head of the source phrase: a word whose syntactic head lies outside the span. A
    span the parser broke into pieces has several; a named person among them, else the
    first nominal one, is taken (a span that swallowed part of its cue still has one). A
    preposition caught at the front ("by several people") gives way to its object."""
    inside = {t.i for t in tokens}
    roots = [_past_preposition(t) for t in tokens if t.head.i not in inside or t.head.i == t.i]
    for token in roots:
        if _in_person_name(parsed, token):
            return token
    for candidates in (roots, tokens):
        for token in candidates:
            if token.pos_ in NOMINAL_POS or token.lower_ in QUANTIFIERS:
                return token
    return roots[0] if roots else tokens[0]


def _past_preposition(token: Token) -> Token:
    while token.pos_ == "ADP":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            break
        token = objects[0]
    return token


def _in_person_name(parsed: Parsed, token: Token) -> bool:
    ent = parsed.ent_at(token)
    return ent is not None and ent.label_ == "PERSON"


def _antecedent(parsed: Parsed, token: Token) -> Token:
    """For a relative pronoun source ("Roe, who said ..."), the noun the clause modifies. The
    parser hangs the clause from the nearest noun, and a "who" hung from a thing ("an aide
    familiar with the talks, who said") means the person it belongs to, a few heads up."""
    if token.tag_ not in RELATIVE_TAGS or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    if token.lower_ not in PERSONAL_RELATIVES or _could_speak(parsed, noun):
        return noun
    above = noun
    for _ in range(ANTECEDENT_HOPS):
        if above.head.i == above.i:
            break
        above = above.head
        if above.pos_ in NOMINAL_POS and _could_speak(parsed, above):
            return above
    return noun


def _could_speak(parsed: Parsed, token: Token) -> bool:
    """A person or a body of people: a name that can speak, a pronoun, or a noun for people."""
    ent = parsed.ent_at(token)
    if ent is not None:
        return ent.label_ in SPEAKING_LABELS
    if token.pos_ == "PRON":
        return True
    word = singular(clean_word(token.text))
    return (
        token.pos_ == "PROPN"
        or word in PERSON_NOUNS
        or word in OFFICES
        or word in GENDERED_NOUNS
        or word in COLLECTIVE_NOUNS
        or word in ORGANIZATION_NOUNS
        or word in QUANTIFIERS
        or word in PLURAL_DEMONSTRATIVES
        or word.endswith(AGENT_SUFFIXES)
    )


def _classify(
    parsed: Parsed,
    root: Token,
    in_span: set[int],
    cue: frozenset[int],
    headline: Headline | None,
) -> Mention:
    word = clean_word(root.text)
    members = _of_object(root)
    if members is not None and (word in QUANTIFIERS or root.pos_ == "NUM"):
        named = _appositive_name(parsed, root)
        if named is not None:
            return named_mention(parsed, named, None)
        return nominal_mention(parsed, members, _phrase(parsed, root, in_span), word)
    if _coordinated(root, in_span):
        return _group_of_several(parsed, root, in_span)
    name = name_at(parsed, root) if _is_name_token(parsed, root) else None
    if name is not None:
        name = _before_cue(parsed, name, root, cue)
    if name is not None and headline is not None and headline.covers(parsed.doc[name.start].idx):
        name = _as_in_body(parsed, name, headline)
    if name is not None and is_dateline(parsed, name):
        name = _person_after(parsed, name.end, in_span) or name
    if name is not None and not _headed_by_office(parsed, name):
        return named_mention(parsed, name, None)
    named = _appositive_name(parsed, root)
    if named is not None:
        return named_mention(parsed, named, None)
    if root.pos_ == "PRON" and _is_personal_pronoun(root):
        return pronoun_mention(root)
    return nominal_mention(parsed, root, _phrase(parsed, root, in_span), None)


def _before_cue(parsed: Parsed, name: Name, root: Token, cue: frozenset[int]) -> Name | None:
    """A speaker's name ends before the word that says they spoke: NER runs names on into
    a verb ("Trump assured Jones", "Ted Cruz Refuses" in a headline). NER's label for the
    longer run is kept only when it is a person's."""
    cut = next((i for i in range(name.start, name.end) if i in cue), None)
    if cut is None:
        return name
    if cut <= root.i:
        return None
    return trim_name(parsed, name.start, cut, name.label if name.label == "PERSON" else "")


def _as_in_body(parsed: Parsed, name: Name, headline: Headline) -> Name:
    """A source named in a title-case headline, as far as the body bears the name out
    ("Trump May Not Have ..." is Trump); but a run that ends in a noun for people, bodies or
    texts describes its speaker and stays whole ("Former Clinton Pollster", "Trump
    Campaign", "New Polls")."""
    last = parsed.doc[name.end - 1]
    word = singular(clean_word(last.text))
    describes = (
        last.tag_ in PLURAL_TAGS
        or word in PERSON_NOUNS
        or word in OFFICES
        or word in ORGANIZATION_NOUNS
        or word in COLLECTIVE_NOUNS
        or word in DOCUMENT_NOUNS
        or word.endswith(AGENT_SUFFIXES)
    )
    return name if describes else name_in_body(parsed, name, headline) or name


def _person_after(parsed: Parsed, start: int, in_span: set[int]) -> Name | None:
    """The first person named in the source after a position (past a dateline), passing
    over a name that only makes a modifier ("Oscar-winning actress Jane Roe")."""
    doc = parsed.doc
    for i in sorted(i for i in in_span if i >= start):
        name = name_at(parsed, doc[i]) if _in_person_name(parsed, doc[i]) else None
        if name is not None and not is_modifier(parsed, name):
            return name
    return None


def _of_object(token: Token) -> Token | None:
    """The noun after "of" below a token ("some of the aides" -> "aides")."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _coordinated(root: Token, in_span: set[int]) -> bool:
    return any(c.dep_ == "conj" and c.pos_ in NOMINAL_POS and c.i in in_span for c in root.children)


def _group_of_several(parsed: Parsed, root: Token, in_span: set[int]) -> Mention:
    """Several speakers named together ("Roe and Doe") are one group."""
    start, end = _phrase(parsed, root, in_span)
    text = parsed.text_of(start, end)
    return Mention("nominal", 0, (), root.i, "group", text, head_word=text.lower())


def _is_name_token(parsed: Parsed, token: Token) -> bool:
    """A word of a name: in a named entity that can speak, or a proper noun (a capitalised
    law or work, "the Patriot Act", is a name too, though "article 5" is a nominal)."""
    ent = parsed.ent_at(token)
    if ent is not None and ent.label_ in SPEAKING_LABELS:
        return True
    return token.pos_ == "PROPN"


def _headed_by_office(parsed: Parsed, name: Name) -> bool:
    """A capitalised title with no name after it ("the Attorney-General") is a nominal; but
    a known first name makes a surname that is an office word a name ("Peter King")."""
    return clean_word(parsed.doc[name.head].text) in OFFICES and usual_gender(name) is None


def _appositive_name(parsed: Parsed, token: Token) -> Name | None:
    """A name in apposition to a nominal ("the city's mayor, Jane Roe"); several names
    ("two analysts, Jane Roe and John Doe") leave the nominal a group."""
    for child in token.children:
        several = any(c.dep_ == "conj" for c in child.children)
        if child.dep_ == "appos" and not several and _is_name_token(parsed, child):
            name = name_at(parsed, child)
            if name is not None and not _headed_by_office(parsed, name):
                return name
    return None


def _is_personal_pronoun(token: Token) -> bool:
    word = token.lower_
    return (
        word in PRONOUN_GENDER
        or word in PLURAL_PRONOUNS
        or word in NEUTER_PRONOUNS
        or word in FIRST_PERSON_SINGULAR
        or word in FIRST_PERSON_PLURAL
    )


def _phrase(parsed: Parsed, root: Token, in_span: set[int]) -> tuple[int, int]:
    """The source's words under its head (or, for an antecedent outside the span, the head
    with the words before it)."""
    if root.i not in in_span:
        return root.left_edge.i, root.i + 1
    inside = [t.i for t in root.subtree if t.i in in_span]
    return parsed.phrase(min(inside), max(inside) + 1) or (root.i, root.i + 1)


# --- mention builders ---------------------------------------------------------------------------


def named_mention(parsed: Parsed, name: Name, number: int | None) -> Mention:
    """A proper name, with the title and any gender its context gives."""
    if name.label == "PERSON" and _described_as_organization(parsed, name):
        name = replace(name, label="ORG")
    title = title_of(parsed, name)
    gender = name.gender or honorific_gender(parsed, name) or (title.gender if title else None)
    mention_type = LABEL_TYPES.get(name.label) or _unlabelled_type(parsed, name)
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
        subject=parsed.doc[name.head].dep_ in SUBJECT_DEPS,
        usual_gender=None if gender else usual_gender(name),
    )


def _described_as_organization(parsed: Parsed, name: Name) -> bool:
    """NER's "person" that is a body by its last word ("Our Principles PAC") or by the
    common noun that describes it ("Xinhua, the official news agency"; "Citizens United,
    the group"); not past a phrase of the name's own, as in "Jane Roe of Acme Corp, a
    consulting firm", where the firm is Acme."""
    last_word = singular(clean_word(name.words[-1]))
    if last_word in ORGANIZATION_NOUNS and usual_gender(name) is None:
        return True  # "Our Principles PAC"; but "Margaret Court" is a woman
    head = parsed.doc[name.head]
    for child in head.rights:
        if child.dep_ == "prep" and child.i >= name.end:
            return False
        if child.dep_ == "appos" and child.i >= name.end:
            word = singular(clean_word(child.text))
            body = word in ORGANIZATION_NOUNS and not word.endswith(AGENT_SUFFIXES)
            return body and child.pos_ == "NOUN"  # not "Jane Roe, Acme News Service"
    return False


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
    word = clean_word(head.text)
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
        gender=GENDERED_NOUNS.get(head_word),
    )


def nominal_type(parsed: Parsed, head: Token, head_word: str, plural: bool) -> SpeakerType:
    ent = parsed.ent_at(head)
    if (ent is not None and ent.label_ in DOCUMENT_LABELS) or head_word in DOCUMENT_NOUNS:
        return "document"
    if head_word in ORGANIZATION_NOUNS:
        return "organization"
    if head_word in COLLECTIVE_NOUNS or head_word in SHARE_NOUNS:
        return "group"
    if head_word in QUANTIFIERS and head_word not in SINGULAR_QUANTIFIERS:
        return "group"  # "some said", "many agree"
    if head_word in OFFICES or head_word in PERSON_NOUNS or head_word in GENDERED_NOUNS:
        return "group" if plural else "person"
    return "group" if plural else "unknown"


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
