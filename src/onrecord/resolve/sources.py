"""What an attribution's source span refers to: a name, a pronoun, a relative pronoun's
antecedent, or a nominal whose head noun decides its type ("some of Roe's aides" is a group
of aides, not Roe; "the report" is a document; "the mayor" is a person known by a title).
The span is the tagger's, so the name in it is checked against the attribution's cue and
the article's headline before it is trusted.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from onrecord.datelines import is_dash
from onrecord.lexicon import (
    ABBREVIATED_TITLES,
    AGENT_SUFFIXES,
    ARTICLES,
    COLLECTIVE_NOUNS,
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    EPITHET_NOUNS,
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    GENDERED_NOUNS,
    NEUTER_PRONOUNS,
    OFFICES,
    ORGANIZATION_NOUNS,
    PARTY_MEMBERS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    QUANTIFIERS,
    SINGULAR_QUANTIFIERS,
    clean_word,
    singular,
)
from onrecord.resolve.mentions import (
    NOMINAL_POS,
    PLURAL_DEMONSTRATIVES,
    PLURAL_TAGS,
    SPEAKING_LABELS,
    Mention,
    headed_by_office,
    named_mention,
    nominal_mention,
    pronoun_mention,
)
from onrecord.resolve.names import (
    Headline,
    Name,
    is_dateline,
    is_modifier,
    name_at,
    name_in_body,
    trim_name,
)
from onrecord.resolve.parsed import Parsed
from onrecord.resolve.titles import apposed_noun
from onrecord.types import Span

RELATIVE_TAGS = frozenset({"WP", "WDT"})
CLAUSE_RELATIVE_TAGS = RELATIVE_TAGS | {"WP$"}  # "who", "which", "whose"
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each", "alike"})
PERSONAL_RELATIVES = frozenset({"who", "whom"})
ANTECEDENT_HOPS = 3
# How a word before a plural name picks some of its members ("some", "many", "leading").
PICKING_DEPS = frozenset({"det", "amod", "predet"})
PICKING_POS = frozenset({"DET", "ADJ", "NUM"})
# "the Democrats" is the party; "a" before a plural name is a misparse ("a tactic Democrats").
NOT_PICKING = DEFINITE_DETERMINERS | ARTICLES
ONE_OF = frozenset({"a", "an", "one", "another"})
# A clause or apposition set off after a nominal's head describes it; it is not its name.
ASIDE_DEPS = frozenset({"relcl", "acl", "appos"})
TIME_LABELS = frozenset({"DATE", "TIME"})
ASIDE_OPENERS = frozenset({",", "(", "—", "–", "-"})


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


def relative_antecedent(parsed: Parsed, tokens: list[Token]) -> Token | None:
    """For a source that is a relative "who", the noun it refers back to; else None."""
    if not tokens:
        return None
    picked = pick_root(parsed, tokens)
    if picked.lower_ not in PERSONAL_RELATIVES:
        return None
    root = _antecedent(parsed, picked)
    return root if root.i != picked.i else None


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
    noun = _before_an_aside(parsed, token, token.head.head)
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


def _before_an_aside(parsed: Parsed, token: Token, noun: Token) -> Token:
    """A relative pronoun right after an aside between dashes describes the noun before the
    aside, not the one the parser hung it on inside it: "candidates - like Republican
    front-runner Donald Trump - who say the country is in decline" are the candidates."""
    doc, sentence = parsed.doc, parsed.sent_of[token.i]
    if token.i == 0 or not is_dash(doc[token.i - 1]) or noun.i >= token.i:
        return noun
    for k in range(noun.i - 1, 0, -1):
        if parsed.sent_of[k] != sentence:
            return noun
        if is_dash(doc[k]):
            before = doc[k - 1]
            return before if before.pos_ in NOMINAL_POS and k - 1 != noun.i else noun
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
        or _names_someone(word)
        or word in QUANTIFIERS
        or word in PLURAL_DEMONSTRATIVES
    )


def _names_someone(word: str) -> bool:
    """A common noun for a person or a body of people ("aide", "hacker", "campaign")."""
    return (
        word in PERSON_NOUNS
        or word in OFFICES
        or word in GENDERED_NOUNS
        or word in COLLECTIVE_NOUNS
        or word in ORGANIZATION_NOUNS
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
        titled = _name_after_bare_titles(parsed, root, in_span)
        if titled is not None:
            return named_mention(parsed, titled, None)
        if _one_person_described_twice(root, in_span):
            return nominal_mention(parsed, root, _phrase(parsed, root, in_span), None)
        return _group_of_several(parsed, root, in_span)
    name = name_at(parsed, root) if _is_name_token(parsed, root) else None
    if name is not None and _some_of_a_plural_name(root, name):
        return nominal_mention(parsed, root, _phrase(parsed, root, in_span), None)
    if name is not None and _one_member(root, name):
        nominal = nominal_mention(parsed, root, _phrase(parsed, root, in_span), None)
        return replace(nominal, type="person")
    if name is not None:
        name = _before_cue(parsed, name, root, cue)
    if name is not None and headline is not None and headline.covers(parsed.doc[name.start].idx):
        name = _as_in_body(parsed, name, headline)
    if name is not None and is_dateline(parsed, name):
        name = _person_after(parsed, name.end, in_span) or name
    if name is not None and _indefinite(root, name):
        # "a super PAC supporting Mrs. Clinton's candidacy, Priorities USA Action": the one
        # word NER took for a name is a common noun; the apposition names the body.
        named = _appositive_name(parsed, root)
        name = named or name
    if name is not None and not headed_by_office(parsed, name):
        return named_mention(parsed, name, None)
    named = _appositive_name(parsed, root)
    if named is not None:
        return named_mention(parsed, named, None)
    if root.pos_ == "PRON" and _is_personal_pronoun(root):
        return pronoun_mention(root)
    return nominal_mention(parsed, root, _phrase(parsed, root, in_span), None)


def _some_of_a_plural_name(root: Token, name: Name) -> bool:
    """A plural name with a word before it that picks some of its members ("some
    Republicans", "many Americans", "leading Democrats") is a group of people, not the party
    or the nation the name alone stands for."""
    if root.tag_ != "NNPS" and not (root.ent_type_ == "NORP" and root.text.endswith("s")):
        return False
    return any(
        child.i < name.start and child.lower_ not in NOT_PICKING and _picks(child)
        for child in root.lefts
    )


def _one_member(root: Token, name: Name) -> bool:
    """ "A Democrat familiar with the talks", "one Republican", "the Wisconsin Republican":
    a person, not the party; after "the", most often the person just written about. Not
    "The Tennessean", a newspaper."""
    if root.ent_type_ != "NORP" or root.tag_ != "NNP" or root.text.endswith("s"):
        return False
    determiners = ONE_OF | {"the"} if clean_word(root.text) in PARTY_MEMBERS else ONE_OF
    return any(c.i < name.start and c.lower_ in determiners for c in root.lefts)


def _picks(child: Token) -> bool:
    """A number ("a dozen"), a determiner or an adjective ("other", "leading"), a proper noun
    that names a chamber, a place or a kind of a party's or a faith's people ("Senate
    Democrats", "Wyoming Republicans", "Latino Republicans"), but not a participle that
    names a backer ("Koch-backed")."""
    if child.dep_ == "nummod":
        return True
    if child.dep_ == "compound" and child.pos_ == "PROPN":
        return child.head.ent_type_ == "NORP"  # not "Mr." before a surname tagged plural
    return child.dep_ in PICKING_DEPS and (child.pos_ in PICKING_POS or child.tag_ == "VBG")


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
    describes = last.tag_ in PLURAL_TAGS or _names_someone(word) or word in DOCUMENT_NOUNS
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


def _conjuncts(root: Token, in_span: set[int]) -> list[Token]:
    """The words joined to the source's head by "and" or "or" inside the source span."""
    return [c for c in root.children if c.dep_ == "conj" and c.i in in_span]


def _name_after_bare_titles(parsed: Parsed, root: Token, in_span: set[int]) -> Name | None:
    """One person under several titles ("Former House speaker and Ohioan Jane Roe"): a
    singular common noun with no determiner or possessor is a title, not someone else, so
    the one name conjoined to it is the speaker ("the mayor and Jane Roe" are two)."""
    if root.tag_ != "NN" or root.ent_type_ or not _names_someone(clean_word(root.text)):
        return None  # not "Everyone but Roe", nor a name the tagger took for a noun
    if any(c.dep_ in ("det", "poss") for c in root.children):
        return None
    conjuncts = _conjuncts(root, in_span)
    if len(conjuncts) != 1 or conjuncts[0].ent_type_ != "PERSON":
        return None
    return name_at(parsed, conjuncts[0])


def _one_person_described_twice(root: Token, in_span: set[int]) -> bool:
    """ "The businessman and reality star", "the Florida senator and Republican presidential
    candidate": two singular nouns for people under one determiner are one person; with a
    determiner each ("the mayor and the judge") they are two."""
    conjuncts = _conjuncts(root, in_span)
    if root.tag_ != "NN" or len(conjuncts) != 1 or conjuncts[0].tag_ != "NN":
        return False
    second = conjuncts[0]
    if any(c.dep_ in ("det", "poss") for c in second.children):
        return False
    return all(_is_person_noun(clean_word(t.text)) for t in (root, second))


def _is_person_noun(word: str) -> bool:
    """A noun for one person, by what they are ("senator", "businessman", "socialist");
    unlike ``_names_someone``, not a body or a collective ("campaign", "public")."""
    return (
        word in PERSON_NOUNS
        or word in OFFICES
        or word in EPITHET_NOUNS
        or word in GENDERED_NOUNS
        or word.endswith(PERSON_SUFFIXES)
    )


def _group_of_several(parsed: Parsed, root: Token, in_span: set[int]) -> Mention:
    """Several speakers named together ("Roe and Doe") are one group, named without a title
    before the first name ("Sens. Jane Roe and Ed Poe", "Sen. Jane Roe and Mayor Ed Poe"):
    it is theirs, not the group's. Several texts ("Some emails and other records") are
    documents, as one is."""
    start, end = _phrase(parsed, root, in_span)
    while end - start > 1 and clean_word(parsed.doc[start].text) in ABBREVIATED_TITLES:
        start += 1
    text = parsed.text_of(start, end)
    heads = [root, *_conjuncts(root, in_span)]
    texts = all(singular(clean_word(t.text)) in DOCUMENT_NOUNS for t in heads)
    kind = "document" if texts else "group"
    return Mention("nominal", 0, (), root.i, kind, text, head_word=text.lower())


def _is_name_token(parsed: Parsed, token: Token) -> bool:
    """A word of a name: in a named entity that can speak, or a proper noun (a capitalised
    law or work, "the Patriot Act", is a name too, though "article 5" is a nominal). A
    lower-case common noun NER ran a name into is none ("the Republican hopefuls")."""
    ent = parsed.ent_at(token)
    if ent is not None and ent.label_ in SPEAKING_LABELS:
        return not (token.pos_ == "NOUN" and token.text[:1].islower())
    return token.pos_ == "PROPN"


def _indefinite(root: Token, name: Name) -> bool:
    """A one-word "name" under an indefinite article ("a super PAC") is a common noun."""
    return len(name.words) == 1 and any(
        child.dep_ == "det" and child.lower_ in {"a", "an"} for child in root.lefts
    )


def _appositive_name(parsed: Parsed, token: Token) -> Name | None:
    """A name in apposition to a nominal ("the city's mayor, Jane Roe"); several names
    ("two analysts, Jane Roe and John Doe") leave the nominal a group."""
    for child in _appositions(token):
        several = any(c.dep_ == "conj" for c in child.children)
        if not several and _is_name_token(parsed, child):
            name = name_at(parsed, child)
            if name is not None and not headed_by_office(parsed, name):
                return name
    return None


def _appositions(token: Token) -> list[Token]:
    """What stands in apposition to a nominal: its own appositions, those of a description in
    apposition to it ("The other man, his cousin Tom Vance"), and a name the parser hung on
    a name closing a phrase of it ("One pastor backing Mr. Brack, Lena Ortiz")."""
    direct = [c for c in token.children if c.dep_ == "appos"]
    described = [c for d in direct for c in d.children if c.dep_ == "appos" and d.pos_ == "NOUN"]
    hung = [t for t in token.subtree if t.dep_ == "appos" and t.head != token]
    return direct + described + [t for t in hung if apposed_noun(t) == token]


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
    start, end = min(inside), max(inside) + 1
    end = _before_relative_clause(parsed.doc, start, _without_aside(parsed, root, end))
    end = _before_a_dated_participle(parsed.doc, start, end)
    while end - start > 1 and _dangles(parsed.doc[end - 1]):
        end -= 1
    return parsed.phrase(start, end) or (root.i, root.i + 1)


def _before_a_dated_participle(doc: Doc, start: int, end: int) -> int:
    """The phrase's end before a participle that only dates it ("A state audit released
    Thursday", "the CBS News poll conducted last week", "a report published on Monday"):
    when the text came out is no part of its name. A participle with more after it keeps it
    all ("a memo released Friday by the agency's watchdog")."""
    i = end
    while i > start and doc[i - 1].ent_type_ in TIME_LABELS:
        i -= 1
    if i == end:
        return end
    if i > start and doc[i - 1].lower_ == "on":
        i -= 1
    if i - 1 <= start:
        return end
    participle = doc[i - 1]
    return i - 1 if participle.tag_ == "VBN" and participle.dep_ == "acl" else end


def _dangles(token: Token) -> bool:
    """A word that ends a source's phrase without being part of its name: a floating
    quantifier ("Hillary Clinton and Bernie Sanders both") or a conjunction whose other
    half the parser hung elsewhere ("The emails and | the memo showed")."""
    return token.lower_ in FLOATING_QUANTIFIERS or token.dep_ == "cc"


def _before_relative_clause(doc: Doc, start: int, end: int) -> int:
    """The phrase's end before a relative clause set off by a comma, on any of its words
    ("the trade group for the Blue Cross plans, which dominate ...", "Jane Roe and Ed Poe,
    who are both ..."): it tells something about them, and is no part of a name."""
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and doc[i + 1].tag_ in CLAUSE_RELATIVE_TAGS:
            return i
    return end


def _without_aside(parsed: Parsed, root: Token, end: int) -> int:
    """The phrase's end before an aside that closes it ("a senior official, who spoke on
    condition of anonymity", "Jane Roe and Ann Doe, economists at the bank"). It stays after
    a lone capitalised head ("Teck, the Canadian mining company": the aside is all that says
    what a name NER missed is) and when it names the noun ("the other man, his cousin Jim
    Roe")."""
    if not root.is_lower and not any(c.dep_ == "conj" for c in root.children):
        return end
    doc = root.doc
    for child in root.rights:
        before = child.left_edge.i - 1
        if (
            child.dep_ in ASIDE_DEPS
            and root.i < before < end
            and doc[before].text in ASIDE_OPENERS
            and (doc[before].text != "-" or doc[before - 1].whitespace_)  # not "co-founder"
            and parsed.phrase(child.right_edge.i + 1, end) is None
            and not (child.dep_ == "appos" and _names_someone_within(child))
        ):
            return before
    return end


def _names_someone_within(token: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in token.subtree)
