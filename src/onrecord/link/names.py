"""Whether two article-level names can be the same speaker, decided from the names alone.

Every article names its speakers its own way ("Volodymyr Zelenskiy", "Mr. Zelensky",
"Ukraine's president Volodymyr Zelenskyy"), so the corpus store needs a pairwise rule that is
strict enough never to fuse two people and loose enough to see through spelling. The rules,
and why:

- **Types.** Records of different types never link: an organisation named like a person
  ("Ford") is another speaker. The one exception is ``unknown``, which the resolver uses when
  it could not tell a type, not to say "not a person": an ``unknown`` record links to a
  record of any type only when the normalised names are equal and have at least two words
  (a one-word name such as "Paul" is too weak without a type).
- **People.** Titles, descriptions and comments around a name are cut first ("Texas Sen.
  Ted Cruz", "retired neurosurgeon Ben Carson", "Ron Johnson, R-Wis."). Surnames must then
  match, with spelling tolerance: equal, or equal under a transliteration key (consonants
  that spellings swap merge: q/g/c -> k, z -> s, w -> v, ph -> f, h is dropped; doubled
  letters merge; vowels stay, except that i/y/ie/ei count as one) and close by rapidfuzz's
  ratio. So Zelenskiy/Zelensky/Zelenskyy, Gadhafi/Gaddafi/Qaddafi and Yanukovych/Yanukovich
  agree, while Fallin/Fallon, Hanson/Henson and Sanders/Saunders, which are different
  people far more often than misspellings, do not; short names must also share their first
  letter (Cross/Gross). Plain typos in a surname are not forgiven unless the key absorbs
  them (Labott/Labbot): near surnames are more often different people.
  When both names have first names, the first names must agree (equal, or the same looser
  key in which every vowel run is one vowel, Muammar/Moammar; an initial "H." for
  "Hillary"; a common nickname "Bill"/"William"); middle names agree when either side has
  none, when the initials are the same ("George W." vs "George H. W." differ) or when one
  side's full middle names appear in the other's. A generational suffix tells people apart
  ("Donald Trump Jr." is not "Donald Trump"), and so does a gendered courtesy title ("Mr.
  Clinton" is not "Mrs. Clinton"). A name with no first name ("Clinton"), or a full name
  without its first word ("Wasserman Schultz" against "Debbie Wasserman Schultz"), is
  *compatible* with the full name: whether it really is that person depends on who else
  carries the surname, which only the corpus index knows (see ``onrecord.link.index``).
- **Organisations.** Equal after normalisation; an acronym against the initials of the other
  name ("FBI" / "Federal Bureau of Investigation", "U.N." / "United Nations");
  "Department of X" read as "X Department"; a transliteration word by word ("Al Qaeda" /
  "al-Qaida"); or a typo: the same number of words, each pair of words close and the whole
  string very close ("Qunnipiac University"). Word by word, so that "Democratic National
  Committee" and "Republican National Committee" stay apart. An acronym is matched to any
  name with its initials, so "RNC" also fits "Republican National Convention".
- **Groups, documents, unknown.** Only equal normalised names: "Republicans" and "House
  Republicans" are different groups, and nothing in the words says otherwise.
- **Descriptions never link**, whatever the type: a name with no capital letter once a
  leading article is gone ("the company", "The poll", "officials"), or only pronouns and
  quantifiers ("Others"), describes something the article introduced, and two articles'
  "the poll" are two polls. Nor does a person whose "name" ends in a lower-case word
  ("Chinese official", a mis-cut "Al Ashry and") or is a phrase about someone else
  ("spokesman for Bernie Sanders").

The ``title`` of a record is not used: one person has many titles, and two people share one.
This module is pure Python plus rapidfuzz, so the store can use it without spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from onrecord.lexicon import HONORIFICS

PERSON, ORGANIZATION, UNKNOWN = "person", "organization", "unknown"

# Courtesy titles; the gender they tell keeps "Mr. Clinton" apart from "Mrs. Clinton".
COURTESY_GENDER = {**HONORIFICS, "prof": None, "hon": None}
# Titles cut from the front of any name by ``normalise_name`` ("Sen. Ted Cruz", "President
# Obama"): only titles that do not start organisation names ("Justice Department", "Speaker's
# office" keep theirs).
LEADING_TITLES = frozenset(COURTESY_GENDER) | frozenset(
    """
    president pres vice sen senator rep representative gov governor congressman congresswoman
    gen col lt sgt capt adm atty amb
    """.split()
)
# Office and role words: for people, everything up to the last of these is a title, not the
# name ("Texas Sen. Ted Cruz", "White House press secretary Josh Earnest").
PERSON_TITLE_WORDS = LEADING_TITLES | frozenset(
    """
    secretary sec mayor judge justice chancellor premier speaker minister chairman chairwoman
    chair chairperson leader spokesman spokeswoman spokesperson attorney general ambassador
    commissioner director chief executive ceo founder candidate nominee hopeful front-runner
    frontrunner president-elect king queen prince princess pope cardinal bishop rabbi imam
    host anchor pollster strategist adviser advisor aide manager deputy envoy rival opponent
    challenger incumbent lawmaker officer commander moderator columnist commentator reporter
    correspondent editor publisher analyst economist professor billionaire businessman
    businesswoman activist
    """.split()
)
# Office domains after "of" ("Secretary of State Hillary Clinton").
OFFICE_DOMAINS = frozenset(
    """
    state defense labor treasury commerce energy education health homeland security
    transportation agriculture interior justice
    """.split()
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that belong to the surname that follows them ("de Blasio", "al-Assad", "Le Pen").
SURNAME_PARTICLES = frozenset("de del della der den di da du dos das la le van von bin ibn".split())
# Joined by a hyphen they are particles too, and so are "al"/"el" ("al-Assad"); standing alone
# "Al" is a first name ("Al Sharpton").
HYPHEN_PARTICLES = SURNAME_PARTICLES | {"al", "el"}
# Words that stand for someone without naming them: never a name to link.
PRONOUNS_AND_QUANTIFIERS = frozenset(
    """
    i me we us you he him she her it they them who whom which that this these those
    nobody someone somebody anyone anybody everyone everybody no one others other another
    some many most few several both all each either neither none why
    """.split()
)
# A description holding one of these is about someone else ("adviser to Mr. Obama").
PREPOSITIONS = frozenset("for to of at in with by from about on as against near".split())
# Words skipped when reading an organisation's initials ("Department of Justice" -> DOJ/DJ).
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "at", "to", "a", "an"})

# Common English nickname pairs (both directions are checked); optional evidence, so short.
NICKNAMES = {
    "william": {"bill", "billy", "will", "willie"},
    "robert": {"bob", "bobby", "rob"},
    "richard": {"dick", "rick", "ricky", "rich"},
    "michael": {"mike"},
    "james": {"jim", "jimmy", "jamie"},
    "joseph": {"joe", "joey"},
    "edward": {"ted", "ed", "eddie", "ned"},
    "theodore": {"ted", "teddy"},
    "thomas": {"tom", "tommy"},
    "christopher": {"chris"},
    "charles": {"chuck", "charlie"},
    "bernard": {"bernie"},
    "anthony": {"tony"},
    "daniel": {"dan", "danny"},
    "david": {"dave"},
    "elizabeth": {"liz", "beth", "betsy"},
    "kathleen": {"kathy", "kate"},
    "katherine": {"kathy", "kate", "katie"},
    "margaret": {"maggie", "peggy"},
    "patricia": {"pat", "patty"},
    "deborah": {"debbie", "deb"},
    "jennifer": {"jen", "jenny"},
    "newton": {"newt"},
    "steven": {"steve"},
    "stephen": {"steve"},
    "timothy": {"tim"},
    "nicholas": {"nick"},
    "benjamin": {"ben"},
    "samuel": {"sam"},
    "alexander": {"alex"},
    "andrew": {"andy"},
    "gerald": {"jerry"},
    "kenneth": {"ken"},
    "lawrence": {"larry"},
    "ronald": {"ron"},
    "donald": {"don"},
    "gregory": {"greg"},
    "matthew": {"matt"},
    "peter": {"pete"},
    "frederick": {"fred"},
    "harold": {"harry"},
    "henry": {"harry", "hank"},
    "john": {"jack", "johnny"},
    "mitchell": {"mitch"},
    "vladimir": {"vlad"},
}
NICKNAME_PAIRS = frozenset(
    frozenset((full, short)) for full, shorts in NICKNAMES.items() for short in shorts
)

# Fuzzy bars (rapidfuzz ratio, 0-100) for two words already sharing a transliteration key:
# short words need more, as their keys collide more often, and must start with the same
# letter ("Qaeda"/"Qaida" agree, "Cross"/"Gross" do not).
SHORT_WORD = 5
SHORT_KEY_MATCH = 80
LONG_KEY_MATCH = 65
# Organisation typos: every word pair at least this close, and the whole name closer still.
ORG_WORD_MATCH = 80
ORG_NAME_MATCH = 90

# Display names: longer "names" are mostly cuts of a sentence ("Pence Endorses Paul Ryan"
# has four words, "Presumptive Democratic presidential nominee Hillary Clinton" six), and a
# name used less than a tenth as often as a speaker's commonest is not shown for it.
MAX_NAME_WORDS = 4
DISPLAY_SHARE = 0.1

APOSTROPHES = "'’‘`´"
POSSESSIVE = re.compile(r"(?<=\w)[" + APOSTROPHES + r"]s?(?=\s|$)")
PARENTHESIS = re.compile(r"\([^)]*\)")
INITIALISM_DOTS = re.compile(r"\b(?:\w\.){2,}")
NOT_WORD = re.compile(r"[^\w\s-]+")
LOOSE_HYPHEN = re.compile(r"(?<!\w)-|-(?!\w)")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NameRecord:
    """One name under which a speaker appears in one article, with the article's type."""

    name: str
    type: str
    title: str | None = None


@dataclass(frozen=True)
class PersonName:
    """A person's name cut into the parts the rules compare; words are normalised."""

    given: tuple[str, ...]
    surname: str
    suffix: str | None
    gender: str | None

    @property
    def is_surname_only(self) -> bool:
        return not self.given

    @property
    def words(self) -> tuple[str, ...]:
        return (*self.given, *self.surname.split())


# --- normalisation -------------------------------------------------------------------------


@lru_cache(maxsize=131072)
def normalise_name(name: str) -> str:
    """The form two spellings of one name share: case and accents folded, punctuation,
    possessive "'s", a leading "the" and leading courtesy titles and offices removed.

    Hyphens inside a word stay ("Mark-Viverito"): a hyphenated surname is one surname.
    """
    return " ".join(strip_leading_titles(normal_words(name)))


def normal_words(name: str) -> list[str]:
    """Folded words of a name, with nothing removed but punctuation and possessives."""
    return list(_normal_words(name))


@lru_cache(maxsize=131072)
def _normal_words(name: str) -> tuple[str, ...]:
    text = fold_accents(name).casefold()
    text = PARENTHESIS.sub(" ", text)  # "Bernie Sanders (I-Vt.)"
    text = INITIALISM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)  # "U.N." -> "un"
    text = POSSESSIVE.sub("", text)
    text = text.replace("&", " and ")
    text = NOT_WORD.sub(" ", text.replace("_", " "))
    text = LOOSE_HYPHEN.sub(" ", text)
    return tuple(SPACES.sub(" ", text).strip().split())


def fold_accents(text: str) -> str:
    """Accents off: "Peña" -> "Pena", "Jäger" -> "Jager"; other letters stay."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_leading_titles(words: list[str]) -> list[str]:
    """Drop a leading "the" and leading titles, but never the last word (a title alone, or
    "Speaker" as a surname, is still the name)."""
    start = 0
    while start < len(words) - 1 and (words[start] == "the" or words[start] in LEADING_TITLES):
        start += 1
    return words[start:]


# --- spelling keys -------------------------------------------------------------------------

_KEY_REWRITES = (("ph", "f"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"), ("g", "k"))
_KEY_LETTERS = str.maketrans({"z": "s", "w": "v", "h": None, "-": None, " ": None})
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
# Vowel runs that spell one vowel ("Moussa"/"Musa"). German umlauts written out ("Jaeger"
# for "Jäger") are left out: "oe" for "o" would make "Cohen" of "Cohn".
VOWEL_SPELLINGS = {"ou": "u"}


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A loose transliteration key, for first names and organisation words: consonants
    that English spellings of one foreign name swap are merged and every vowel run is one
    vowel (Muammar/Moammar, Muhammad/Mohamed -> "mamad")."""
    return _REPEATS.sub(r"\1", _VOWEL_RUN.sub("a", consonant_skeleton(word)))


@lru_cache(maxsize=65536)
def surname_key(surname: str) -> str:
    """A stricter key for surnames, without particles ("al-Assad" = "Assad"): vowel runs
    keep their vowels, so Fallin/Fallon, Hanson/Henson and Sanders/Saunders stay apart, but
    i/y/ie/ei count as one (Zelenskiy/Zelensky/Zelenskyy, Yanukovych/Yanukovich), and so do
    the spellings in ``VOWEL_SPELLINGS``."""
    key = consonant_skeleton(bare_surname(surname))
    return _REPEATS.sub(r"\1", _VOWEL_RUN.sub(lambda run: vowel_class(run.group(0)), key))


def consonant_skeleton(word: str) -> str:
    key = word.casefold()
    for old, new in _KEY_REWRITES:
        key = key.replace(old, new)
    return key.translate(_KEY_LETTERS)


def vowel_class(run: str) -> str:
    run = _REPEATS.sub(r"\1", run.replace("y", "i"))
    if set(run) == {"i"} or run in ("ie", "ei"):
        return "i"
    return VOWEL_SPELLINGS.get(run, run)


def words_match(first: str, second: str, key=spelling_key) -> bool:
    """Equal, or the same key and close enough for the words' length."""
    if first == second:
        return True
    if key(first) != key(second):
        return False
    if min(len(first), len(second)) <= SHORT_WORD:
        return first[0] == second[0] and fuzz.ratio(first, second) >= SHORT_KEY_MATCH
    return fuzz.ratio(first, second) >= LONG_KEY_MATCH


def bare_surname(surname: str) -> str:
    """The surname without particles or spaces: "de Blasio" -> "blasio", "al-Assad" ->
    "assad", "Wasserman-Schultz" -> "wassermanschultz"."""
    parts = [p for p in re.split(r"[\s-]+", surname) if p]
    while len(parts) > 1 and parts[0] in HYPHEN_PARTICLES:
        parts.pop(0)
    return "".join(parts)


# --- people --------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def parse_person(name: str) -> PersonName | None:
    """Given names, surname, suffix and courtesy gender of a person's name; None if empty."""
    words = normal_words(" ".join(person_tokens(name)))
    gender = next((COURTESY_GENDER[w] for w in words if COURTESY_GENDER.get(w)), None)
    suffix = None
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        suffix = words.pop()
    words = strip_person_titles(words)
    if not words:
        return None
    start = len(words) - 1
    while start > 0 and words[start - 1] in SURNAME_PARTICLES:
        start -= 1
    given = tuple(words[:start])
    return PersonName(given, " ".join(words[start:]), suffix, gender)


def person_tokens(name: str) -> list[str]:
    """The raw words of a person's name without what is written around it: a comment after
    a comma or in parentheses, a place after "of", a lower-case description before it."""
    tokens = PARENTHESIS.sub(" ", before_comment(name)).split()
    return drop_descriptions(cut_trailing_place(tokens))


def before_comment(name: str) -> str:
    """Cut a comment after a comma ("Ron Johnson, R-Wis."), but keep a suffix ("King, Jr.")."""
    head, *rest = name.split(",")
    suffixes = [part for part in rest if normal_words(part)[:1] in ([s] for s in NAME_SUFFIXES)]
    return " ".join([head, *suffixes[:1]])


def cut_trailing_place(tokens: list[str]) -> list[str]:
    """Cut a place after "of" ("Angela Merkel of Germany"), but not an office ("Secretary
    of State Hillary Clinton"): a short "of" phrase after two words or more."""
    for i in range(len(tokens) - 2, 1, -1):
        after = tokens[i + 1 :]
        if tokens[i] == "of" and len(after) <= 3 and after[0].casefold() not in OFFICE_DOMAINS:
            return tokens[:i]
    return tokens


def drop_descriptions(tokens: list[str]) -> list[str]:
    """Names are capitalised, so a lower-case word before the name ends a description
    ("retired neurosurgeon Ben Carson"); particles ("de Blasio", "Ahmed al Ashry") and "of"
    are not one."""
    last = -1
    for i, token in enumerate(tokens[:-1]):
        bare = token.strip(APOSTROPHES + '"“”.')
        if bare[:1].islower() and bare.casefold() not in HYPHEN_PARTICLES and bare != "of":
            last = i
    return tokens[last + 1 :]


def strip_person_titles(words: list[str]) -> list[str]:
    """Everything up to the last title word before the name ("Republican presidential
    candidate Donald Trump", "Secretary of State Hillary Clinton") is a title."""
    words = strip_leading_titles(words)
    last = max((i for i, w in enumerate(words[:-1]) if w in PERSON_TITLE_WORDS), default=-1)
    start = last + 1
    if start < len(words) - 2 and words[start] == "of" and words[start + 1] in OFFICE_DOMAINS:
        start += 2
    while start < len(words) - 1 and words[start] in OFFICE_DOMAINS and last >= 0:
        start += 1
    return words[start:]


def persons_match(first: PersonName, second: PersonName) -> bool:
    """Whether two people's names can be one person (see the module docstring)."""
    if first.gender and second.gender and first.gender != second.gender:
        return False
    if is_tail_of(first, second) or is_tail_of(second, first):
        return not suffixes_conflict(first, second, partial=True)
    if not surnames_match(first.surname, second.surname):
        return False
    if first.is_surname_only or second.is_surname_only:
        return not suffixes_conflict(first, second, partial=True)
    if suffixes_conflict(first, second, partial=False):
        return False
    return given_names_match(first.given, second.given)


def is_tail_of(short: PersonName, long: PersonName) -> bool:
    """Whether the short name is the long one without its first word ("Wasserman Schultz"
    in "Debbie Wasserman Schultz"): then it is the long one's surname without the first
    name. One word only: "Ted Cruz" is not the surname of a headline read as a name ("Carly
    Fiorina Endorses Ted Cruz")."""
    short_words, long_words = short.words, long.words
    return 1 < len(short_words) == len(long_words) - 1 and long_words[1:] == short_words


def surnames_match(first: str, second: str) -> bool:
    if first == second or first.replace("-", " ") == second.replace("-", " "):
        return True
    bare_first, bare_second = bare_surname(first), bare_surname(second)
    return words_match(bare_first, bare_second, key=surname_key)


def suffixes_conflict(first: PersonName, second: PersonName, *, partial: bool) -> bool:
    """Whether suffixes conflict: "Jr." against "Sr.", or a full name with "Jr." against
    the same full name without, since a junior shares his father's name and the plain name
    is the father. A surname alone says nothing about which of them it is (``partial``)."""
    if first.suffix and second.suffix:
        return first.suffix != second.suffix
    if partial:
        return False
    return first.suffix != second.suffix


def given_names_match(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """The first given names agree, and so do the middle names where both have them."""
    if not first_names_match(first[0], second[0]):
        return False
    return middle_names_match(first[1:], second[1:])


def first_names_match(first: str, second: str) -> bool:
    if is_initial(first) or is_initial(second):
        return first[0] == second[0]
    if frozenset((first, second)) in NICKNAME_PAIRS:
        return True
    return words_match(first, second)


def middle_names_match(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Either side silent, the same initials, or one side's full middle names all found in
    the other's ("Hillary Rodham Clinton" / "Hillary Diane Rodham Clinton")."""
    if not first or not second:
        return True
    if initials(first) == initials(second):
        return True
    for short, long in ((first, second), (second, first)):
        full = [w for w in short if not is_initial(w)]
        if full and len(full) == len(short) and all(w in long for w in full):
            return True
    return False


def is_initial(word: str) -> bool:
    return len(word) == 1


def initials(words: tuple[str, ...]) -> str:
    """Middle names as initials: "W" -> "w", "HW" (written "H.W.") -> "hw", "Rodham" -> "r"."""
    return "".join(w if len(w) <= 2 and not _VOWEL_RUN.search(w) else w[0] for w in words)


# --- organisations -------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def organisation_words(name: str) -> tuple[str, ...]:
    """Normalised words without a leading "the"; hyphens split ("al-Qaida" = "Al Qaeda")."""
    words = " ".join(normal_words(name)).replace("-", " ").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(words)


def organisation_order(words: tuple[str, ...]) -> tuple[str, ...]:
    """Word order news mostly uses: "Department of Justice" read as "Justice Department"."""
    if len(words) >= 3 and words[0] == "department" and words[1] == "of":
        return (*words[2:], "department")
    return words


def acronym_forms(words: tuple[str, ...]) -> frozenset[str]:
    """The initials a long name could be shortened to, with and without its function words
    ("Department of Defense" -> "dod", "dd")."""
    if len(words) < 2:
        return frozenset()
    every = "".join(w[0] for w in words if w != "the")
    content = "".join(w[0] for w in words if w not in FUNCTION_WORDS)
    return frozenset({every, content} - {""})


def is_acronym(words: tuple[str, ...]) -> bool:
    return len(words) == 1 and 2 <= len(words[0]) <= 8 and words[0].isalpha()


def organisations_match(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    if not first or not second:
        return False
    if organisation_order(first) == organisation_order(second):
        return True
    if is_acronym(first) and first[0] in acronym_forms(second):
        return True
    if is_acronym(second) and second[0] in acronym_forms(first):
        return True
    return organisation_spelling(organisation_order(first), organisation_order(second))


def organisation_spelling(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """The same words spelt differently: each word pair a transliteration ("Qaeda"/"Qaida")
    or, in a name long enough to judge, a small typo, with the whole name very close."""
    if len(first) != len(second):
        return False
    pairs = list(zip(first, second, strict=True))
    if all(words_match(a, b) for a, b in pairs):
        return True
    if len(" ".join(first)) < 8:
        return False
    if any(fuzz.ratio(a, b) < ORG_WORD_MATCH for a, b in pairs):
        return False
    return fuzz.ratio(" ".join(first), " ".join(second)) >= ORG_NAME_MATCH


def is_generic(name: str) -> bool:
    """A description, not a name: no capital letter once leading articles are gone ("the
    company", "The poll", "officials"), or only pronouns and quantifiers ("Others",
    "Nobody"). Two articles' "the poll" are two polls."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in {"the", "a", "an"}:
        words = words[1:]
    if not any(c.isupper() for c in "".join(words)):
        return True
    return all(w in PRONOUNS_AND_QUANTIFIERS for w in normal_words(name))


def is_unnamed_person(name: str) -> bool:
    """A person "named" by a description ("Chinese official"), by a cut that ends on a
    function word ("Al Ashry and"; the last word of a name has a capital, as "al-Assad"
    does) or by a phrase about someone else ("spokesman for Bernie Sanders")."""
    tokens = PARENTHESIS.sub(" ", before_comment(name)).split()
    tokens = cut_trailing_place(tokens)
    kept = drop_descriptions(tokens)
    if not kept or not any(c.isupper() for c in kept[-1]):
        return True
    dropped = tokens[: len(tokens) - len(kept)]
    return any(token.casefold() in PREPOSITIONS for token in dropped)


# --- the pairwise decision -----------------------------------------------------------------


def same_speaker(first: NameRecord, second: NameRecord) -> bool:
    """Whether two names, each from some article, can be one corpus speaker.

    For a surname without first names this answers "compatible": ``SpeakerIndex.match``
    then decides whether the surname is unambiguous in the corpus.
    """
    if is_generic(first.name) or is_generic(second.name):
        return False
    if first.type != second.type:
        return unknown_matches(first, second)
    if first.type == PERSON:
        if is_unnamed_person(first.name) or is_unnamed_person(second.name):
            return False
        first_person, second_person = parse_person(first.name), parse_person(second.name)
        if first_person is None or second_person is None:
            return False
        return persons_match(first_person, second_person)
    if first.type == ORGANIZATION:
        return organisations_match(organisation_words(first.name), organisation_words(second.name))
    normal = normalise_name(first.name)
    return bool(normal) and normal == normalise_name(second.name)


def unknown_matches(first: NameRecord, second: NameRecord) -> bool:
    """An ``unknown`` record and a typed one: equal names of two words or more."""
    if UNKNOWN not in (first.type, second.type):
        return False
    normal = normalise_name(first.name)
    return len(normal.split()) >= 2 and normal == normalise_name(second.name)


# --- display -------------------------------------------------------------------------------


def canonical_name(names: Iterable[str] | Mapping[str, int]) -> str:
    """The name to show for a speaker.

    Among the names used at least ``DISPLAY_SHARE`` as often as its most used name (a name
    seen once in a speaker of hundreds of mentions is more likely a mis-cut than its best
    name), the most complete one: most words once titles and comments are cut. Then one
    written without a title, honorific, possessive or parenthesis, then the most frequent,
    then the alphabetically first, so the choice never depends on order. Names of more than
    ``MAX_NAME_WORDS`` words come last: they are mostly cuts of a sentence.

    ``names`` may repeat a name, or map each name to how often it was used.
    """
    counts = Counter(names) if not isinstance(names, Mapping) else Counter(dict(names))
    if not counts:
        raise ValueError("a speaker needs at least one name")
    floor = max(counts.values()) * DISPLAY_SHARE
    frequent = [name for name, uses in counts.items() if uses >= floor]
    return min(frequent, key=lambda name: _display_rank(name, counts[name]))


def _display_rank(name: str, uses: int) -> tuple[bool, int, int, int, str]:
    words = normal_words(name)
    name_words = len(strip_person_titles(normal_words(" ".join(person_tokens(name)))))
    decorated = 1 if PARENTHESIS.search(name) or POSSESSIVE.search(name) else 0
    too_long = len(words) > MAX_NAME_WORDS
    return (too_long, -name_words, len(words) - name_words + decorated, -uses, name)
