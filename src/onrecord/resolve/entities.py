"""The article's entities as resolution builds them, with the indexes that keep it linear.

Mentions arrive in text order and each is resolved against what came before:

- a name joins the person with the same surname whose first names and gender do not
  disagree ("Roe" = "Jane Roe", but "John Roe" and "Mr. Roe" are someone else), the most
  mentioned if several do, else the organisation with the same name or acronym, else
  starts an entity: a person when NER or the context (a title, "Ms") says so. NER often
  tags a lone surname ORG, so such a name still finds its person (and a full name NER
  tagged ORG becomes the person its surname is); a place or nationality label is trusted
  ("Washington" is not George Washington);
- a pronoun takes what it can refer to (type, number, known gender: the first the article
  tells, by a courtesy title, a gendered noun or a pronoun, else the first name's usual
  one): for "he" or "she", first a person who is the subject of its sentence or of the one
  before, outside any quotation or reported content (of the nearer sentence that has one,
  its main clause's subject before one inside a clause); else the most recent source speaker
  within a few sentences; else the most recent such person (a subject before an object
  within a sentence) or organisation/group mentioned at all; "they" after people named
  together as the subject of its sentence or the one before ("Cruz and Rubio") is the
  two of them, a group, unless a group or body that spoke was mentioned since;
- a definite nominal person ("the mayor") takes the person whose title matches it best
  (fuzzy, and never across a rank: "the minister" is not "the deputy minister"), else,
  when it is "the" + an office or an epithet ("the retired neurosurgeon"), the named
  person this sentence or the one before is about, if nothing rules that person out; other
  nominals join an entity with the same phrase, or, when definite, the latest one with the
  same head noun ("the report" after "a report by the agency") and no other owner ("Doe's
  campaign" is not "Roe's"); "his campaign" is the campaign of the person "his" means when
  that person is the subject of the sentence or the one before.

Every look-up goes through a dictionary keyed by surname, name, title word or head noun,
and the scans back through recent mentions are bounded, so an article's resolution time
grows with its number of mentions, not their square.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz

from onrecord.lexicon import (
    ARTICLES,
    EPITHET_NOUNS,
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    NAME_SUFFIXES,
    NEUTER_PRONOUNS,
    OFFICES,
    PARTY_MEMBERS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    RANK_MODIFIERS,
    TITLE_ABBREVIATIONS,
    clean_word,
)
from onrecord.resolve.mentions import Mention, bare_text
from onrecord.resolve.names import Name, first_name_genders, starts_with_first_name
from onrecord.resolve.titles import Title
from onrecord.types import SpeakerType

RECENT_WINDOW = 200
# How many sentences back a speaker stays the first guess for a "he" or "she".
SPEAKER_REACH = 5
# How many sentences back a speaker may be called by a description ("“...,” Roe said. “...”
# The senator said ...").
DESCRIBED_REACH = 2
# Heads of a "the" + noun that may describe the person just written about ("the senator",
# "the billionaire businessman", "the Wisconsin Republican"); not a spokesman or a speaker,
# who is someone else's voice.
DESCRIPTIONS = (OFFICES | EPITHET_NOUNS | PARTY_MEMBERS) - {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "speaker",
}
# Nouns for a body that "the" + noun may refer back to once it is named ("the company").
# Not outlets ("the newspaper"): an article names the outlet it quotes beside the body the
# outlet writes about, and the nearest is too often the wrong one.
BODY_NOUNS = frozenset(
    "company firm corporation group organization organisation agency union pac".split()
)
TITLE_CANDIDATES = 50
TITLE_MATCH = 80
NON_WORD = re.compile(r"[^\w\s]+")
POSSESSIVE = re.compile(r"\w[’'](?:s\b|\s|$)")
# NER labels for places and peoples, trusted over a matching surname ("Washington" is not
# George Washington); an organisation label is not, as NER gives it to many lone surnames.
PLACE_LABELS = frozenset({"GPE", "NORP", "FAC"})


@dataclass(eq=False)
class Tracked:
    """An entity under construction; ``merged_into`` points at the entity that absorbed it."""

    uid: int
    type: SpeakerType
    name: str
    words: tuple[str, ...] = ()
    label: str = ""
    title: Title | None = None
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    # Whether ``gender`` is only the usual gender of the first name ("Marty" is usually a
    # man's), which a pronoun may overrule.
    gender_guessed: bool = False
    # The gender a courtesy title or a gendered title of a name mention gave ("Mr. Obama").
    titled_gender: str | None = None
    # For a nominal, the name word that owns it ("roe" for "Jane Roe's campaign").
    owner: str = ""
    # For a nominal, whether it names more than one; a named entity is one.
    plural: bool = False
    slices: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    named: bool = False
    speaker: bool = False
    narrator: bool = False
    last: int = -1
    last_sentence: int = -1
    merged_into: Tracked | None = None
    # Mentions by the surname alone ("Trump", "Mr. Trump"): who a lone surname most often
    # meant so far, whatever else the person is called ("Freddy").
    by_surname_alone: int = 0

    @property
    def first_start(self) -> int:
        """Where the entity is first mentioned."""
        return min(s[0][0] for s in self.slices)

    def final(self) -> Tracked:
        entity = self
        while entity.merged_into is not None:
            entity = entity.merged_into
        return entity


@dataclass(frozen=True)
class PersonMention:
    """A person mentioned in a sentence, whether as the subject of a clause, and whether
    inside an attribution's content."""

    entity: Tracked
    sentence: int
    subject: bool
    in_content: bool = False
    main_subject: bool = False


class EntityStore:
    """Resolves mentions one at a time, in text order."""

    def __init__(self) -> None:
        self.entities: list[Tracked] = []
        self.by_surname: dict[str, list[Tracked]] = {}
        self.by_first_name: dict[str, list[Tracked]] = {}
        self.by_org_key: dict[str, Tracked] = {}
        self.by_org_word: dict[str, list[Tracked]] = {}
        self.by_title_word: dict[str, list[Tracked]] = {}
        self.by_phrase: dict[tuple[str, str], Tracked] = {}
        self.by_head: dict[tuple[str, str], list[Tracked]] = {}
        self.speakers: list[Tracked] = []
        self.people: list[PersonMention] = []
        self.collectives: list[Tracked] = []
        self.sentence: int = -1
        self.sentence_people: list[Tracked] = []
        # Named organisations in mention order, with the sentence of each mention.
        self.named_bodies: list[tuple[int, Tracked]] = []
        # People known only by a description, with the mention that described them first.
        self.described_people: list[tuple[Tracked, Mention]] = []
        # The last people named together as a subject, with its sentence: a group only once
        # a "they" means them.
        self.together: tuple[int, Mention] | None = None

    # --- the one entry point -------------------------------------------------------------------

    def add(self, mention: Mention, sentence: int) -> Tracked | None:
        """Resolve a mention and record it; returns its entity (None for a gender cue)."""
        self._enter(sentence)
        if mention.kind == "gender":
            self._note_gender(mention.gender)
            self._carry_salience(mention)
            return None
        if mention.kind == "together":
            if not mention.in_content:
                self.together = (self.sentence, mention)
            return None
        if mention.kind == "name":
            entity = self._resolve_name(mention)
        elif mention.kind == "pronoun":
            entity = self._resolve_pronoun(mention)
        else:
            entity = self._resolve_nominal(mention)
        self._record(entity, mention)
        return entity

    def add_to(self, entity: Tracked, mention: Mention, sentence: int) -> Tracked:
        """Record a mention of an entity already known (a "who" repeating another source)."""
        self._enter(sentence)
        entity = entity.final()
        self._record(entity, mention)
        return entity

    def most_mentioned_person(self, before: int) -> Tracked | None:
        """The named person mentioned most often before a position, the first named of
        equals (the person an interview's introduction is about)."""
        counts: dict[int, tuple[int, int, Tracked]] = {}
        for entity in self.entities:
            entity = entity.final()
            if entity.type == "person" and entity.words and not entity.narrator:
                starts = [s[0][0] for s in entity.slices if s and s[0][0] < before]
                if starts:
                    counts[id(entity)] = (len(starts), -min(starts), entity)
        return max(counts.values(), key=lambda c: c[:2])[2] if counts else None

    def _enter(self, sentence: int) -> None:
        if sentence != self.sentence:
            self.sentence, self.sentence_people = sentence, []

    def _record(self, entity: Tracked, mention: Mention) -> None:
        entity.slices.append(mention.slices)
        entity.last, entity.last_sentence = mention.start, self.sentence
        if entity.type == "person" and entity.gender is None:
            entity.gender = mention.gender or mention.usual_gender
            entity.gender_guessed = mention.gender is None and mention.usual_gender is not None
        if mention.kind == "name" and entity.titled_gender is None:
            entity.titled_gender = mention.gender
        if mention.attribution is not None:
            entity.speaker = True
        if entity.narrator:
            return
        if mention.attribution is not None:
            self.speakers.append(entity)
        if entity.type == "person":
            person = PersonMention(
                entity, self.sentence, mention.subject, mention.in_content, mention.main_subject
            )
            self.people.append(person)
            self.sentence_people.append(entity)
        elif entity.type in ("organization", "group"):
            self.collectives.append(entity)
            if entity.type == "organization" and mention.kind == "name":
                self.named_bodies.append((self.sentence, entity))

    def _new(self, mention_type: SpeakerType, name: str) -> Tracked:
        entity = Tracked(len(self.entities), mention_type, name)
        self.entities.append(entity)
        return entity

    # --- names ---------------------------------------------------------------------------------

    def _resolve_name(self, mention: Mention) -> Tracked:
        name = mention.name
        assert name is not None
        trusted_place = name.label in PLACE_LABELS and not mention.person_hint
        may_be_person = not trusted_place and name.looks_personal()
        if trusted_place and len(name.words) == 1:
            person = self._person_surnamed(name.words[0], place=True)
            if person is not None:  # "Sen. Al Franken ... Franken said", Franken a GPE
                return self._grow_person(person, mention)
        if may_be_person:
            person = self._find_person(name, mention.gender, mention.usual_gender)
            if person is not None:
                return self._grow_person(person, mention)
            body = self._body_named_in_full(name)
            if body is not None and not mention.person_hint:
                return self._grow_named(body, mention)
            if name.label == "PERSON" or mention.person_hint or mention.type == "person":
                person = self._person_taken_for_organization(name)
                return self._grow_person(person or self._new("person", name.text), mention)
        organization = self.by_org_key.get(org_key(name.text)) or self._body_opening_with(name)
        if organization is not None:
            return self._grow_named(organization.final(), mention)
        return self._new_organization(mention)

    def _body_opening_with(self, name: Name) -> Tracked | None:
        """The one organisation named in full that a lone word opens: a body's short name
        ("Meridian" after "Meridian Correctional Health", "State" after "State Department").
        Not the surname of a person already named ("Trump" is no short "Trump Train"), nor
        a word that opens several bodies."""
        if len(name.words) != 1 or name.label != "ORG" or name.surname in self.by_surname:
            return None
        word = name.words[0].lower()
        bodies: list[Tracked] = []
        for entity in self.by_org_word.get(word, []):
            entity = entity.final()
            opens = len(entity.words) > 1 and entity.words[0].lower() == word
            if entity.type == "organization" and opens and all(b is not entity for b in bodies):
                bodies.append(entity)
        return bodies[0] if len(bodies) == 1 else None

    def _find_person(
        self, name: Name, gender: str | None, usual_gender: str | None = None
    ) -> Tracked | None:
        """The person with this surname whose first names and gender agree with the
        mention's ("Mr. Clinton" is not Hillary Clinton), the most mentioned if several do: a
        lone "Trump" is the candidate, not the son the last paragraph named. A lone word that
        is nobody's surname may be someone's first name. A first name's usual gender is
        weighed only against a courtesy title ("Karen Pike" is not an earlier "Mr. Pike"),
        not against a gender a pronoun lent the person, which may have been resolved wrongly."""
        first_names = name.first_names
        candidates = [
            e.final()
            for e in self.by_surname.get(name.surname, ())
            if names_agree(e.final().words, name.words)
        ]
        if not candidates and not first_names and name.label == "PERSON":
            candidates = [e.final() for e in self.by_first_name.get(name.surname, ())]
        candidates = [
            e
            for e in candidates
            if e.type == "person"
            and genders_agree(e, gender)
            and _may_be(e.titled_gender, usual_gender)
        ]
        return max(candidates, key=_surname_weight) if candidates else None

    def _body_named_in_full(self, name: Name) -> Tracked | None:
        """The organisation already named with all of these words, when they do not open with
        a first name: NER may call "Harwick Marine" a person after the text made it "the
        dredging company, Harwick Marine"; but "Carly Fiorina", called an organisation once,
        is still a person."""
        if len(name.words) < 2 or starts_with_first_name(name.words):
            return None
        body = self.by_org_key.get(org_key(name.text))
        if body is None:
            return None
        body = body.final()
        return body if body.type == "organization" else None

    def _person_taken_for_organization(self, name: Name) -> Tracked | None:
        """The earlier full name that a lone surname or the same full name, given to a
        person here, shows to be a person: NER may call "Carly Fiorina" an organisation and
        "Fiorina" a person, or a headline's "Darrell Scott" an organisation and the body's
        "Pastor Darrell Scott" a person. Only a known first name and this surname count
        ("Washington Post" is no "Ms. Post")."""
        if len(name.words) == 1:
            return self._person_named_as_a_body(name.surname)
        if len(name.words) == 2:
            return self._person_named_as_a_body(name.surname, first=name.words[0])
        return None

    def _person_named_as_a_body(
        self, surname: str, gender: str | None = None, first: str | None = None
    ) -> Tracked | None:
        """The latest two-word organisation that is a known first name (``first``, if given)
        and this surname, made the person it is, if the first name's usual gender agrees
        with ``gender``."""
        for candidate in reversed(self.by_org_word.get(surname, [])):
            entity = candidate.final()
            words = entity.words
            if entity.type != "organization" or len(words) != 2 or not entity.named:
                continue
            if words[-1].lower() != surname or not starts_with_first_name(words):
                continue
            if first is not None and words[0].lower() != first.lower():
                continue
            if not _may_be(first_name_genders().get(words[0].lower()), gender):
                continue
            entity.type = "person"
            self._index(self.by_surname, surname, entity)
            self._index(self.by_first_name, words[0].lower(), entity)
            return entity
        return None

    def _grow_person(self, person: Tracked, mention: Mention) -> Tracked:
        """Add what a name mention tells about a person: a fuller name, a better title."""
        name = mention.name
        assert name is not None
        if len(name.words) > len(person.words):
            person.name, person.words = name.text, name.words
            self._index(self.by_surname, name.surname, person)
            for first in name.first_names:
                self._index(self.by_first_name, first, person)
            if starts_with_first_name(name.words):
                self._absorb_first_name(person, name.words[0].lower())
        if len(name.words) == 1 and name.surname == _name_key(person.words)[-1]:
            person.by_surname_alone += 1
        return self._grow_named(person, mention)

    def _absorb_first_name(self, person: Tracked, first: str) -> None:
        """A person so far known by the first name alone is the one now named in full: "Bill
        is back" in a headline, then "Bill Clinton's hair was whiter". The lone first name is
        indexed as a surname, as any one-word name is."""
        for entity in self.by_surname.get(first, ()):
            if entity.merged_into is None and entity is not person and entity.type == "person":
                if entity.named and len(entity.words) == 1:
                    _merge(entity, person)

    def _grow_named(self, entity: Tracked, mention: Mention) -> Tracked:
        entity.named = True
        if mention.title is not None:
            self._add_title(entity, mention.title)
        return entity

    def _new_organization(self, mention: Mention) -> Tracked:
        name = mention.name
        assert name is not None
        entity = self._new(mention.type, name.text)
        entity.words, entity.label = name.words, name.label
        for key in (org_key(name.text), acronym(name.words)):
            if key and key not in self.by_org_key:
                self.by_org_key[key] = entity
        for word in name.words:
            self._index(self.by_org_word, word.lower(), entity)
        return self._grow_named(entity, mention)

    def _add_title(self, entity: Tracked, title: Title) -> None:
        if entity.title is None or title.rank < entity.title.rank:
            entity.title = title
        if entity.gender is None:
            entity.gender = title.gender
        if title.text not in entity.titles:
            entity.titles.append(title.text)
            for word in normalise_title(title.text).split():
                self._index(self.by_title_word, word, entity)

    @staticmethod
    def _index(index: dict[Any, list[Tracked]], key: Hashable, entity: Tracked) -> None:
        bucket = index.setdefault(key, [])
        if entity not in bucket[-TITLE_CANDIDATES:]:
            bucket.append(entity)

    # --- pronouns ------------------------------------------------------------------------------

    def _resolve_pronoun(self, mention: Mention) -> Tracked:
        word = mention.text.lower()
        if word in FIRST_PERSON_SINGULAR or word in FIRST_PERSON_PLURAL:
            return self._narrator(word)
        fits = pronoun_fit(word, mention.gender)
        if word in NEUTER_PRONOUNS:
            # An "it" that speaks means a body or a text named in its sentence or the one
            # before; further back, an "it" source is far more often "It is unclear whether
            # ..." than the newspaper three paragraphs up, and a wrong name is worse than none.
            fits = self._within(fits, 1)
        if mention.type == "person":
            entity = self._person_meant(fits, mention.gender)
        else:
            entity = self._latest(self.speakers, fits)
            if word == "they":
                entity = self._people_together(after=entity.last if entity else -1) or entity
        if entity is None and mention.type in ("group", "unknown"):
            entity = self._latest(self.collectives, fits)
        if entity is None:
            return self._new(mention.type, mention.text)
        return entity

    def _person_meant(self, fits: Callable[[Tracked], bool], gender: str | None) -> Tracked | None:
        """The person a "he" or "she" means: the subject of this sentence or the one before,
        else the latest speaker mentioned within the last few sentences, else the latest
        person mentioned; failing all of these, a subject whose gender was only guessed from
        the first name, which the pronoun then settles. (A speaker quoted paragraphs ago is
        rarely meant over a person just named: "That will not deter Sanders. He sees ...")"""
        entity = self._salient_person(fits) if gender else None
        entity = entity or self._latest(self.speakers, self._within(fits, SPEAKER_REACH))
        entity = entity or self._latest_person(fits)
        if entity is None and gender is not None:
            entity = self._salient_person(lambda e: e.type == "person" and e.gender_guessed)
            if entity is not None:  # "Marty Walz ... She said": the first name misled
                entity.gender, entity.gender_guessed = gender, False
        if entity is None and gender is not None:
            entity = self._speaking_body_that_is_a_person(gender)
        return entity

    def _people_together(self, after: int) -> Tracked | None:
        """The people named together as the subject of this sentence or the one before
        ("Cruz and Rubio ... locked on Trump. They pushed him ..."), as one group; unless a
        group or body that spoke was mentioned since."""
        if self.together is None:
            return None
        sentence, mention = self.together
        if sentence < self.sentence - 1 or mention.start < after:
            return None
        key = ("group", normalise_title(mention.text))
        entity = self.by_phrase.get(key)
        if entity is None:
            entity = self.by_phrase[key] = self._new("group", mention.text)
            self._record(entity, mention)
        return entity.final()

    def _speaking_body_that_is_a_person(self, gender: str) -> Tracked | None:
        """NER may call a person an organisation all through an article ("Carly Fiorina",
        then "Fiorina, 61, declined ... she defended"): a "he" or "she" that finds no person
        at all takes the latest organisation that spoke in this sentence or the one before,
        if it is a known first name and a surname, or such a surname alone."""
        for entity in reversed(self.speakers[-RECENT_WINDOW:]):
            entity = entity.final()
            if entity.last_sentence < self.sentence - 1:
                return None
            if entity.type != "organization" or not entity.named or len(entity.words) > 2:
                continue
            person = self._person_named_as_a_body(entity.words[-1].lower(), gender)
            if person is not None:
                if person is not entity:
                    _merge(entity, person)
                person.gender = gender
                return person
        return None

    def _carry_salience(self, mention: Mention) -> None:
        """A subject pronoun that is no source keeps the person it continues the subject: in
        "Jane Roe is one of those workers. After 14 years, she earns $21 an hour. When she
        saw the news, all she could do was shout. “I loved it,” she said." the last "she" is
        Roe, three sentences after her name. Only a chain that starts at a person named as a
        subject is carried on: a weaker guess ("He's back." under a headline) would carry a
        wrong person on as far."""
        entity = self._salient_person(pronoun_fit(mention.text.lower(), mention.gender))
        if entity is not None:
            self.people.append(PersonMention(entity, self.sentence, True, mention.in_content))

    def _within(self, fits: Callable[[Tracked], bool], sentences: int) -> Callable[[Tracked], bool]:
        """``fits``, for an entity mentioned in this sentence or the ``sentences`` before."""
        return lambda e: fits(e) and e.last_sentence >= self.sentence - sentences

    def _narrator(self, word: str) -> Tracked:
        """First person outside any quotation is the article's own voice: one entity for
        "I" and one for "we", never an antecedent for "he" or "they". (Inside a quotation
        it is the quoted speaker, which the caller settles.)"""
        mention_type: SpeakerType = "person" if word in FIRST_PERSON_SINGULAR else "group"
        key = (mention_type, "first person")
        entity = self.by_phrase.get(key)
        if entity is None:
            entity = self._new(mention_type, "I" if mention_type == "person" else "we")
            entity.narrator = True
            self.by_phrase[key] = entity
        return entity

    def attach(self, entity: Tracked, mention: Mention) -> None:
        """Record a mention resolved outside the store (a quoted "I" is its quoter)."""
        self._record(entity.final(), mention)

    @staticmethod
    def _latest(history: list[Tracked], fits: Callable[[Tracked], bool]) -> Tracked | None:
        for entity in reversed(history[-RECENT_WINDOW:]):
            entity = entity.final()
            if fits(entity):
                return entity
        return None

    def _salient_person(self, fits: Callable[[Tracked], bool]) -> Tracked | None:
        """A fitting person who is the subject of this sentence (before the pronoun) or of
        the one before, outside any content: "Sanders wasn't impressed. “…,” he noted." is
        Sanders even when someone else spoke last. Of the nearer sentence with such a
        subject, the main clause's comes first ("Hale took his daughter there to explain
        who Ali was. He said: ..." is Hale); on train this moved 16 pronoun speakers, 11
        right only after and 3 wrong only after."""
        subjects = []
        for mention in reversed(self.people[-RECENT_WINDOW:]):
            if mention.sentence < self.sentence - 1:
                break
            if mention.subject and not mention.in_content and fits(mention.entity.final()):
                subjects.append(mention)
        if not subjects:
            return None
        nearest = [m for m in subjects if m.sentence == subjects[0].sentence]
        main = [m for m in nearest if m.main_subject]
        return (main or nearest)[0].entity.final()

    def _latest_person(self, fits: Callable[[Tracked], bool]) -> Tracked | None:
        """The latest fitting person mentioned, preferring, within the sentence that person
        is in, one mentioned as a subject (subjects are the more salient)."""
        found, found_sentence = None, -1
        for mention in reversed(self.people[-RECENT_WINDOW:]):
            if found is not None and mention.sentence != found_sentence:
                break
            entity = mention.entity.final()
            if not fits(entity):
                continue
            if found is None:
                found, found_sentence = entity, mention.sentence
            if mention.subject:
                return entity
        return found

    def _note_gender(self, gender: str | None) -> None:
        """A gendered subject pronoun after exactly one named person in its sentence."""
        people = {id(e.final()): e.final() for e in self.sentence_people}
        if len(people) == 1:
            (person,) = people.values()
            person.gender = person.gender or gender

    # --- nominals ------------------------------------------------------------------------------

    def _resolve_nominal(self, mention: Mention) -> Tracked:
        if mention.type == "person":
            match = self._match_title(mention) if mention.definite else None
            match = match or self._person_described(mention)
            return match or self._new_nominal_person(mention)
        if mention.owner_pronoun and not mention.owner:
            mention = self._owned_by_the_person_meant(mention)
        key = (mention.type, normalise_title(mention.text))
        entity = self.by_phrase.get(key)
        if entity is None and mention.definite:
            entity = self._latest_with_head(mention)
        if entity is None and mention.definite and mention.head_word in BODY_NOUNS:
            entity = self._body_just_named(mention)
            if entity is not None:  # so that "the company" later finds it too
                self._index(self.by_head, (mention.type, mention.head_word), entity)
        if entity is not None:
            return entity.final()
        entity = self._new(mention.type, bare_text(mention.text))
        entity.owner, entity.plural = mention.owner, mention.plural
        self.by_phrase[key] = entity
        self._index(self.by_head, (mention.type, mention.head_word), entity)
        return entity

    def _owned_by_the_person_meant(self, mention: Mention) -> Mention:
        """ "his campaign" as the campaign of the named person who is the subject of this
        sentence or the one before, named after them ("Jane Roe's campaign"), so that it
        joins "Roe's campaign" and tells a reader whose it is. Further back a possessive is
        too often the article's main figure rather than the person last quoted, and a wrong
        owner is worse than "his"."""
        first, _, owned = mention.text.partition(" ")
        if first.lower() != mention.owner_pronoun or not owned:
            return mention  # the source span leaves the pronoun out
        gender = PRONOUN_GENDER[mention.owner_pronoun]
        person = self._salient_person(pronoun_fit(mention.owner_pronoun, gender))
        if person is None or not person.named:
            return mention
        surname = _name_key(person.words or (person.name,))[-1]
        return replace(mention, text=f"{person.name}'s {owned}", owner=surname)

    def _latest_with_head(self, mention: Mention) -> Tracked | None:
        """The latest entity with the nominal's head noun and its number ("the companies"
        are not the one company named before); for one a name owns ("Roe's campaign"), not
        another owner's ("Doe's campaign")."""
        candidates = list(self.by_head.get((mention.type, mention.head_word), ()))
        if mention.type == "organization":
            candidates += [
                e
                for e in self.by_org_word.get(mention.head_word, ())
                if e.type == "organization" and _name_holds(e, mention.compounds)
            ]
        candidates = [e.final() for e in candidates]
        candidates = [e for e in candidates if e.plural == mention.plural]
        if mention.owner:
            candidates = [e for e in candidates if _may_be_owned_by(e, mention.owner)]
        return max(candidates, key=lambda e: e.last) if candidates else None

    def _body_just_named(self, mention: Mention) -> Tracked | None:
        """ "The company" right after a company is named is that company ("Business Insider
        also commented ... “We are sorry,” the company said"): the latest named organisation
        of this sentence or the one before, when there is exactly one there."""
        if mention.owner or mention.owner_pronoun or mention.text.split()[0].lower() != "the":
            return None
        if mention.plural:
            return None  # "the companies" are more than the one just named
        recent: dict[int, Tracked] = {}
        for sentence, entity in reversed(self.named_bodies):
            if sentence < self.sentence - 1:
                break
            if entity.final().type == "organization":
                recent[id(entity.final())] = entity.final()
        return next(iter(recent.values())) if len(recent) == 1 else None

    def _match_title(self, mention: Mention) -> Tracked | None:
        """The person whose title the nominal best matches, the latest among equals."""
        wanted = normalise_title(mention.text)
        best, best_key = None, (0.0, -1)
        for candidate in self.by_title_word.get(mention.head_word, ())[-TITLE_CANDIDATES:]:
            entity = candidate.final()
            if entity.type != "person":
                continue
            score = max(_title_match(wanted, title) for title in entity.titles)
            if score >= TITLE_MATCH and (score, entity.last) > best_key:
                best, best_key = entity, (score, entity.last)
        return best

    def _person_described(self, mention: Mention) -> Tracked | None:
        """ "The retired neurosurgeon", "the Democratic presidential candidate": news writing
        calls the person it is writing about by a description instead of the name, so a
        "the" + an office or an epithet, outside any content, that matches no title is the
        named person who is the subject of this sentence or the one before, else the one who
        spoke in the last two, if the gender agrees and no office of theirs rules it out
        ("the governor" is not Sen. Rubio). Nouns for people met in passing ("the nurse",
        "the narrator") are left alone: they are seldom the person just named."""
        if not mention.definite or mention.owner_pronoun or mention.in_content:
            return None
        if mention.owner and mention.owner in self.by_surname:
            return None  # "the Trump campaign manager"; but "the Ohio governor" may be Kasich
        if mention.text.split()[0].lower() != "the" or mention.head_word not in DESCRIPTIONS:
            return None
        if POSSESSIVE.search(mention.text.removesuffix("’s").removesuffix("'s")):
            return None  # "the program's host" is the program's, not the person just named
        fits = _named_person_of_gender(mention.gender)
        # A state and a party ("the Wisconsin Republican") name a politician named further
        # back, past the sentences of a long quotation.
        reach = SPEAKER_REACH if mention.head_word in PARTY_MEMBERS else DESCRIBED_REACH
        near = self._within(fits, reach)
        person = self._salient_person(fits) or self._latest(self.speakers, near)
        if person is None or _holds_another_office(person, mention):
            return None
        return person

    def _new_nominal_person(self, mention: Mention) -> Tracked:
        entity = self._new("person", bare_text(mention.text))
        self._add_title(entity, Title(mention.text, 0, mention.gender))
        self.described_people.append((entity, mention))
        return entity

    # --- after the last mention ----------------------------------------------------------------

    def absorb_headline_descriptions(self, body_start: int) -> None:
        """A person a headline describes without a name ("Indiana governor endorses Cruz",
        "Judge blocks law") is the first person the body names with a title of the same head
        word and rank ("Gov. Mike Pence", "U.S. District Judge Carlton Reeves"): a headline
        gives the role, the body the name. Only a description the body does not use again,
        which resolved as it went."""
        for entity, mention in self.described_people:
            if entity.merged_into is not None or mention.start >= body_start:
                continue
            if any(start >= body_start for (start, _), *_ in entity.slices):
                continue
            wanted = normalise_title(mention.text)
            named = {
                id(e.final()): e.final()
                for e in self.by_title_word.get(mention.head_word, ())
                if e.final().named and e.final().type == "person"
            }
            fits = [
                e
                for e in named.values()
                if any(_ranks(normalise_title(t)) == _ranks(wanted) for t in e.titles)
            ]
            if fits:
                _merge(entity, min(fits, key=lambda e: e.first_start))

    def absorb_stray_surnames(self) -> None:
        """A lone word that is one known person's surname was that person all along: NER
        often labels a lone surname ORG, or even a place ("Kasich"), before the full name
        appears, and the tagger may read one as a common noun ("Sanders", "Will"). A place
        label yields only to a full name that starts with a known first name ("John
        Kasich"; never "Kerry Washington" or "White America")."""
        for entity in self.entities:
            if entity.merged_into is not None or entity.type == "person":
                continue
            word = _lone_word(entity)
            person = word and self._person_surnamed(word, entity.label in PLACE_LABELS)
            if person:
                _merge(entity, person)

    def _person_surnamed(self, word: str, place: bool) -> Tracked | None:
        """The person known so far whose surname a lone word is: of several, the one a lone
        surname has meant most ("Trump" beside Donald and Melania Trump), as for names. A
        word NER took for a place yields only to the one full name that starts with a known
        first name."""
        people = {
            id(e.final()): e.final()
            for e in self.by_surname.get(word.lower(), ())
            if e.final().type == "person"
        }
        if place:
            people = {k: e for k, e in people.items() if starts_with_first_name(e.words)}
            return next(iter(people.values())) if len(people) == 1 else None
        return max(people.values(), key=_surname_weight) if people else None


def _ranks(normalised: str) -> set[str]:
    """The rank words of a normalised title or description ("former", "acting", ...)."""
    return set(normalised.split()) & RANK_MODIFIERS


def _title_match(wanted: str, title: str) -> float:
    """How well a normalised description matches a title (0 to 100): the same rank ("former"
    or not), and all the description's words where the title is an abbreviation ("Sen." is
    any senator: "the Florida senator" needs "Florida")."""
    given = normalise_title(title)
    if _ranks(given) != _ranks(wanted):
        return 0.0
    if _abbreviated(title) and not set(wanted.split()) <= set(given.split()):
        return 0.0
    return fuzz.token_set_ratio(wanted, given)


def _merge(entity: Tracked, into: Tracked) -> None:
    """``entity`` was ``into`` all along: its mentions become ``into``'s."""
    into.slices.extend(entity.slices)
    into.speaker = into.speaker or entity.speaker
    entity.merged_into = into


def _lone_word(entity: Tracked) -> str | None:
    """The one word of a name, or of a capitalised nominal ("Sanders" tagged a plural noun)."""
    if entity.named:
        return entity.words[0] if len(entity.words) == 1 else None
    if " " in entity.name or not entity.name[:1].isupper():
        return None
    return entity.name


# --- matching helpers ---------------------------------------------------------------------------


def _surname_weight(entity: Tracked) -> tuple[int, int, int]:
    """How likely a lone surname means this person: the one it has meant most often so far,
    then the most mentioned, then the latest."""
    return entity.by_surname_alone, len(entity.slices), entity.last


def _name_holds(entity: Tracked, compounds: tuple[str, ...]) -> bool:
    """Whether a name holds every noun compounded to a nominal's head: "the trade group" is
    not "UnitedHealth Group", nor "the appeals court" the Supreme Court, while "the Rules
    Committee" may be the House Rules Committee."""
    words = {clean_word(w) for w in entity.words}
    return all(c in words for c in compounds)


def _may_be_owned_by(entity: Tracked, owner: str) -> bool:
    """Whether an entity may be the one a name owns: a nominal with no owner named or the
    same one ("the report" may be "Roe's report", "Doe's report" is not), or a name with
    that word ("Roe Campaign" tagged ORG; not "Campaign Legal Center")."""
    if entity.named:
        return owner in (w.lower() for w in entity.words)
    return entity.owner in ("", owner)


def names_agree(known: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """Two names with one surname are one person's when one is the end of the other ("Llosa",
    "Vargas Llosa", "Mario Vargas Llosa"), or their first names match, initials included
    ("J. Roe" is "John Roe"); "Jane Roe" and "John Roe" are two people."""
    known_words, given_words = _name_key(known), _name_key(given)
    shorter, longer = sorted((known_words, given_words), key=len)
    if not shorter or longer[len(longer) - len(shorter) :] == shorter:
        return True
    a, b = known_words[0].rstrip("."), given_words[0].rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return a == b


def genders_agree(entity: Tracked, gender: str | None) -> bool:
    """Whether an entity may be meant by a mention of this gender (None: either)."""
    return _may_be(entity.gender, gender)


def _may_be(known: str | None, given: str | None) -> bool:
    """Whether two genders may be one: either unknown, or the same."""
    return known is None or given is None or known == given


def _name_key(words: tuple[str, ...]) -> tuple[str, ...]:
    key = [w.lower() for w in words]
    while len(key) > 1 and key[-1].rstrip(".") in NAME_SUFFIXES:
        key.pop()
    return tuple(key)


def _named_person_of_gender(gender: str | None) -> Callable[[Tracked], bool]:
    return lambda e: e.type == "person" and e.named and (gender is None or genders_agree(e, gender))


def _holds_another_office(person: Tracked, mention: Mention) -> bool:
    """Whether the person's titles name an office and none of them is this one, or name
    this one at another rank ("mayor", not "the deputy mayor")."""
    head_word = mention.head_word
    titles = [set(normalise_title(title).split()) for title in person.titles]
    same_office = [words for words in titles if head_word in words]
    if same_office:
        wanted_ranks = set(normalise_title(mention.text).split()) & RANK_MODIFIERS
        return all(words & RANK_MODIFIERS != wanted_ranks for words in same_office)
    return head_word in OFFICES and any(words & OFFICES for words in titles)


def pronoun_fit(word: str, gender: str | None) -> Callable[[Tracked], bool]:
    """Which entities a pronoun can refer to."""
    if gender is not None:
        return lambda e: e.type == "person" and genders_agree(e, gender)
    if word in PLURAL_PRONOUNS:
        return lambda e: e.type in ("group", "organization")
    if word in NEUTER_PRONOUNS:
        return lambda e: e.type in ("organization", "document")
    return lambda e: False


def org_key(text: str) -> str:
    """An organisation's name for matching: lower case, no article, no punctuation."""
    words = NON_WORD.sub(" ", text.lower().replace("’", "'")).split()
    if words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def acronym(words: tuple[str, ...]) -> str:
    """ "United Nations" -> "un", so the short form finds the long one."""
    capitals = [w[0] for w in words if w[:1].isupper()]
    return "".join(capitals).lower() if len(capitals) >= 2 else ""


def _abbreviated(title: str) -> bool:
    """Whether the title abbreviates a word ("Sen.", "Texas Gov.")."""
    return any(w in TITLE_ABBREVIATIONS for w in NON_WORD.sub(" ", title.lower()).split())


def normalise_title(text: str) -> str:
    """A title for fuzzy matching: lower case, no articles, possessives or punctuation,
    hyphenated words split and abbreviations spelled out ("the WHO Director-General" -> "who
    director general", "Sen." -> "senator")."""
    text = text.lower().replace("’", "'").replace("'s", " ")
    words = NON_WORD.sub(" ", text).split()
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words if w not in ARTICLES)
