"""Which existing corpus speaker a new article's name belongs to, if any.

The index keeps every name each corpus speaker was seen under and files it in blocks by a
key that all spellings of the name share, so ``match`` compares a new name only with the
names in its own blocks, never with the whole corpus:

- people by the transliteration key of their surname (Zelenskiy, Zelensky and Zelenskyy
  share a block; so do "Clinton" and every Clinton);
- organisations by their normalised name, their initials ("fbi" for "Federal Bureau of
  Investigation") and, for typos, by word count with first or last word;
- groups and documents by type and normalised name;
- descriptions ("the company", "Chinese official") nowhere: they never link (see
  ``onrecord.link.names``);
- every name of two words or more also by its normalised name alone, where an ``unknown``
  record finds a typed speaker of the same name.

Within a block, ``same_speaker`` says which names are compatible. Deciding between several
compatible speakers is the index's job, because it alone sees who else carries a name:

- A full name ("Hillary Clinton") links to the one speaker that has a compatible full name.
  If several have one ("George Bush" against George W. and George H. W.), it is ambiguous
  and the name becomes a new speaker: a duplicate can be merged later, a wrong merge mixes
  two people's statements. With no full-name match it may adopt a speaker known only by
  that surname, if that speaker is the only one with the surname.
- A surname alone ("Clinton", "Mr. Clinton") links when one speaker is left after dropping
  those whose courtesy title tells the other gender: the only person with that surname, or
  one whose weight (how many names the store registered for it) is at least
  ``DOMINANCE`` times that of the next. Two comparable Clintons leave "Clinton" a speaker
  of its own, and later "Clinton"s join that speaker (the one known by exactly that name).
  Three to one is a bar, not a measured optimum: it keeps a surname on a figure the corpus
  is plainly about while refusing to guess between peers.
- The index never picks arbitrarily between speakers: an answer is the only fit, the
  dominant one, or none. So answers depend only on the adds made (never on hash order), and
  the same adds in the same order give the same answers.

Weight counts ``add`` calls, repeats included (a repeated name adds weight, not an entry).
A store that calls ``add`` for every entity it links, not only for new names, gives the
dominance rule mentions to count rather than distinct spellings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from onrecord.link.names import (
    ORGANIZATION,
    PERSON,
    UNKNOWN,
    NameRecord,
    PersonName,
    acronym_forms,
    is_acronym,
    is_generic,
    is_unnamed_person,
    normalise_name,
    organisation_order,
    organisation_words,
    parse_person,
    persons_match,
    same_speaker,
    spelling_key,
    surname_key,
)

# A surname alone goes to the heaviest of several speakers only this many times heavier
# than the next.
DOMINANCE = 3


@dataclass(frozen=True)
class _Entry:
    """One registered name: its speaker, the record, and (for people) its parsed form."""

    speaker_id: int
    record: NameRecord
    person: PersonName | None


class SpeakerIndex:
    """Corpus speakers' names, blocked for lookup; see the module docstring for the rules."""

    def __init__(self) -> None:
        self._blocks: dict[str, list[_Entry]] = defaultdict(list)
        self._seen: set[tuple[int, NameRecord]] = set()
        self._weight: Counter[int] = Counter()
        self._order: dict[int, int] = {}
        self._full_names: Counter[int] = Counter()
        self._genders: dict[int, set[str]] = defaultdict(set)

    def __len__(self) -> int:
        """The number of speakers registered."""
        return len(self._order)

    def add(self, speaker_id: int, record: NameRecord) -> None:
        """Register one name of a speaker. Adding the same name again adds weight (evidence
        that a surname alone means this speaker) but no new entry."""
        self._order.setdefault(speaker_id, len(self._order))
        self._weight[speaker_id] += 1
        key = (speaker_id, NameRecord(record.name, record.type))
        if key in self._seen or not is_linkable(record):
            return
        self._seen.add(key)
        person = parse_person(record.name) if record.type == PERSON else None
        entry = _Entry(speaker_id, record, person)
        if person is not None:
            if not person.is_surname_only:
                self._full_names[speaker_id] += 1
            if person.gender:
                self._genders[speaker_id].add(person.gender)
        for block in block_keys(record, person):
            self._blocks[block].append(entry)

    def match(self, record: NameRecord) -> int | None:
        """The existing speaker ``record`` names, or None when it is a new speaker (or when
        several speakers fit equally well)."""
        if not normalise_name(record.name) or not is_linkable(record):
            return None
        if record.type == PERSON:
            person = parse_person(record.name)
            if person is None:
                return None
            return self._match_person(record, person)
        return self._match_other(record)

    def candidates(self, record: NameRecord) -> list[tuple[int, NameRecord]]:
        """The registered names ``match`` compares ``record`` with: those sharing a block."""
        person = parse_person(record.name) if record.type == PERSON else None
        return [(e.speaker_id, e.record) for e in self._candidates(record, person)]

    # --- people ---------------------------------------------------------------------------

    def _match_person(self, record: NameRecord, person: PersonName) -> int | None:
        entries = [
            e
            for e in self._candidates(record, person)
            if e.person is not None and persons_match(person, e.person)
        ]
        entries += self._unknown_entries(record)
        if not entries:
            return None
        if person.is_surname_only:
            return self._match_surname(person, entries)
        return self._match_full_name(person, entries)

    def _match_full_name(self, person: PersonName, entries: list[_Entry]) -> int | None:
        """One speaker with a compatible full name; else a speaker known by the surname
        alone, when no other speaker has the surname."""
        full = self._speakers(e for e in entries if e.person and not e.person.is_surname_only)
        full |= self._speakers(e for e in entries if e.record.type == UNKNOWN)
        if len(full) == 1:
            return next(iter(full))
        if full:
            return None
        surname_only = self._speakers(entries)
        if len(surname_only) != 1:
            return None
        (speaker,) = surname_only
        if self._full_names[speaker]:
            return None  # its full names conflict with this one
        everyone = self._speakers(
            e for e in self._blocks[person_block(person)] if e.person is not None
        )
        return speaker if everyone == {speaker} else None

    def _match_surname(self, person: PersonName, entries: list[_Entry]) -> int | None:
        """The only, or the clearly dominant, speaker with the surname; failing that, the one
        speaker already known by this very surname, so that an ambiguous "Obama" makes one
        new speaker, not one per article."""
        if person.gender:
            entries = [e for e in entries if self._genders[e.speaker_id] <= {person.gender}]
        found = self._dominant(self._speakers(entries))
        if found is not None:
            return found
        same_name = self._speakers(e for e in entries if e.person == person)
        return next(iter(same_name)) if len(same_name) == 1 else None

    def _dominant(self, speakers: set[int]) -> int | None:
        if not speakers:
            return None
        ranked = sorted(speakers, key=lambda s: (-self._weight[s], self._order[s]))
        if len(ranked) == 1:
            return ranked[0]
        first, second = ranked[0], ranked[1]
        return first if self._weight[first] >= DOMINANCE * self._weight[second] else None

    # --- everything else ------------------------------------------------------------------

    def _match_other(self, record: NameRecord) -> int | None:
        """Organisations by the pairwise rule; groups, documents and unknown names by
        equality. Several fits: the one named exactly so, else the dominant one."""
        entries = [e for e in self._candidates(record, None) if same_speaker(record, e.record)]
        speakers = self._speakers(entries)
        if len(speakers) <= 1:
            return next(iter(speakers), None)
        normal = normalise_name(record.name)
        exact = self._speakers(e for e in entries if normalise_name(e.record.name) == normal)
        if len(exact) == 1:
            return next(iter(exact))
        return self._dominant(exact or speakers)

    # --- blocks ---------------------------------------------------------------------------

    def _candidates(self, record: NameRecord, person: PersonName | None) -> list[_Entry]:
        """The entries of every block the record falls in, each once, in insertion order."""
        seen: set[int] = set()
        found = []
        for block in block_keys(record, person):
            for entry in self._blocks.get(block, ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    found.append(entry)
        return found

    def _unknown_entries(self, record: NameRecord) -> list[_Entry]:
        """Entries typed ``unknown`` with the same (multi-word) name as a person record."""
        block = self._blocks.get(exact_block(record), ())
        return [e for e in block if e.record.type == UNKNOWN and same_speaker(record, e.record)]

    def _speakers(self, entries) -> set[int]:
        return {e.speaker_id for e in entries}


def is_linkable(record: NameRecord) -> bool:
    """Descriptions and unnamed people never link (see ``onrecord.link.names``)."""
    if is_generic(record.name):
        return False
    return record.type != PERSON or not is_unnamed_person(record.name)


def block_keys(record: NameRecord, person: PersonName | None) -> list[str]:
    """Every block a name is filed under (see the module docstring)."""
    keys = []
    normal = normalise_name(record.name)
    if record.type == PERSON and person is not None:
        keys.append(person_block(person))
    elif record.type == ORGANIZATION:
        keys.extend(organisation_blocks(record.name))
    elif record.type != UNKNOWN:
        keys.append(f"{record.type}:{normal}")
    if len(normal.split()) >= 2 or record.type == UNKNOWN:
        keys.append(exact_block(record))
    return keys


def person_block(person: PersonName) -> str:
    return f"person:{surname_key(person.surname)}"


def exact_block(record: NameRecord) -> str:
    return f"name:{normalise_name(record.name)}"


def organisation_blocks(name: str) -> list[str]:
    """Its words, its initials (or itself, if an acronym), and word count with first or
    last word's spelling key for typos elsewhere in the name."""
    words = organisation_words(name)
    if not words:
        return []
    ordered = organisation_order(words)
    keys = [f"org:{' '.join(ordered)}"]
    keys += [f"org:{form}" for form in sorted(acronym_forms(words))]
    if is_acronym(words):
        keys.append(f"org:{words[0]}")
    keys.append(f"org-first:{len(ordered)}:{spelling_key(ordered[0])}")
    keys.append(f"org-last:{len(ordered)}:{spelling_key(ordered[-1])}")
    return keys
