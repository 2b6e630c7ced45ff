"""From attributions with source spans to attributions with speakers, plus the entities.

The entities kept are every one that speaks and every person the article names, so people
mentioned but never quoted are listed with their titles too. Entity ids ("e1", "e2", ...)
follow first mention, so they are stable for a given text.

A first-person source inside another attribution's content ("“I told them no,” Roe said",
where "I told" is itself an attribution) is that attribution's speaker, who may be named
only after it; those are settled once everything else is resolved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.lexicon import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR
from onrecord.resolve.entities import EntityStore, Tracked
from onrecord.resolve.mentions import (
    Mention,
    entity_mentions,
    first_names_sharing_a_surname,
    gender_cues,
    people_together,
)
from onrecord.resolve.names import Headline, headline_end
from onrecord.resolve.parsed import Parsed
from onrecord.resolve.pos import fill_pos_from_tags
from onrecord.resolve.sources import relative_antecedent, source_mention
from onrecord.types import Attribution, Entity, Span, Speaker

FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL
# How many earlier-starting contents to look through for one that encloses a position;
# contents nest rarely and shallowly.
ENCLOSING_LOOKBACK = 16


def resolve_speakers(
    doc: Doc, attributions: list[Attribution]
) -> tuple[list[Attribution], list[Entity]]:
    """Fill each attribution's ``speaker`` from its source span (None where it has no source)
    and list the article's entities."""
    fill_pos_from_tags(doc)
    parsed = Parsed.of(doc)
    store = EntityStore()
    owners: dict[int, Tracked] = {}
    enclosing = EnclosingContent(attributions)
    quoted_first_person: list[tuple[Mention, int, int]] = []
    interview = Interview.of(parsed.text)
    for mention in collect_mentions(parsed, attributions):
        outer = enclosing.of(mention)
        if outer is not None and is_first_person_source(mention):
            quoted_first_person.append((mention, mention.attribution, outer))
            continue
        mention = replace(mention, in_content=outer is not None)
        sentence = parsed.sent_of[mention.token]
        repeated = owners.get(mention.repeats) if mention.repeats is not None else None
        if interview is not None and interview.means_the_interviewee(mention):
            repeated = store.most_mentioned_person(before=interview.start) or repeated
        if repeated is not None:
            entity = store.add_to(repeated, mention, sentence)
        else:
            entity = store.add(mention, sentence)
        if entity is not None and mention.attribution is not None:
            owners[mention.attribution] = entity
    settle_quoted_first_person(store, parsed, owners, quoted_first_person)
    store.absorb_stray_surnames()
    store.absorb_headline_descriptions(headline_end(parsed.text))
    return with_speakers(attributions, owners, store, parsed.text)


def collect_mentions(parsed: Parsed, attributions: list[Attribution]) -> list[Mention]:
    """All mentions of the article in text order: each attribution's source span
    (``source_mention``); every named entity that can be a speaker, so that people mentioned
    but not quoted get entities that later surnames and pronouns can find; and subject
    pronouns outside sources, which tell the gender of the one person a sentence has named
    before them ("Roe said she ..."); and people named together as a subject, whom a
    "they" may mean."""
    mentions, consumed = [], set()
    headline = Headline.of(parsed.text)
    tokens_of = {
        number: parsed.tokens_in(attribution.source)
        for number, attribution in enumerate(attributions)
        if attribution.source is not None
    }
    source_of_token = {t.i: number for number, tokens in tokens_of.items() for t in tokens}
    source_tokens = set(source_of_token)
    for number, tokens in tokens_of.items():
        attribution = attributions[number]
        cue = attribution.cue
        cue_tokens = frozenset(t.i for t in parsed.tokens_in(cue)) if cue else frozenset()
        mention = source_mention(parsed, attribution.source, tokens, number, cue_tokens, headline)
        antecedent = relative_antecedent(parsed, tokens)
        if antecedent is not None and source_of_token.get(antecedent.i, number) != number:
            # "a person familiar with the talks, who asked not to be named, said": the
            # tagger gave the noun phrase and its "who" an attribution each.
            mention = replace(mention, repeats=source_of_token[antecedent.i])
        mentions.append(mention)
        if mention.name is not None:
            consumed.add(parsed.ent_of[mention.name.head])
    for mention in first_names_sharing_a_surname(parsed):
        mentions.append(mention)  # NER's entity for the first name alone is this mention
        consumed.add(parsed.ent_of[mention.token])
    mentions.extend(entity_mentions(parsed, consumed, headline))
    mentions.extend(gender_cues(parsed, source_tokens))
    mentions.extend(people_together(parsed, source_tokens))
    kind_order = {"together": 0, "name": 1, "nominal": 2, "pronoun": 3, "gender": 4}
    return sorted(mentions, key=lambda m: (m.start, kind_order[m.kind]))


def is_first_person_source(mention: Mention) -> bool:
    return (
        mention.kind == "pronoun"
        and mention.attribution is not None
        and mention.text.lower() in FIRST_PERSON
    )


class Interview:
    """An article printed as questions and answers ("Q: ..." then "A: ..."): there an "I"
    in an answer and a "you" in a question are the person interviewed, whom the
    introduction names most, not the article's own voice."""

    QUESTION = re.compile(r"\s*Q(?:[:.]\s|(?=[A-Z]))")
    ANSWER = re.compile(r"\s*A[:.]\s")

    def __init__(self, questions: list[tuple[int, int]], answers: list[tuple[int, int]]):
        self.questions, self.answers = questions, answers
        self.start = min(questions[0][0], answers[0][0])

    @classmethod
    def of(cls, text: str) -> Interview | None:
        """The interview's question and answer paragraphs, if the text is one: two answers
        or more, and a question."""
        paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text)]
        questions = [p for p in paragraphs if cls.QUESTION.match(text, p[0])]
        answers = [p for p in paragraphs if cls.ANSWER.match(text, p[0])]
        return cls(questions, answers) if questions and len(answers) >= 2 else None

    def means_the_interviewee(self, mention: Mention) -> bool:
        if mention.attribution is None or mention.in_content:
            return False
        word = mention.text.lower()
        if word in FIRST_PERSON_SINGULAR and mention.kind == "pronoun":
            return _inside(mention.start, self.answers)
        return word == "you" and _inside(mention.start, self.questions)


def _inside(position: int, paragraphs: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in paragraphs)


class EnclosingContent:
    """Which attribution's content a position lies in, by binary search over the contents."""

    def __init__(self, attributions: list[Attribution]):
        pieces = sorted(
            (start, end, number)
            for number, attribution in enumerate(attributions)
            for start, end in attribution.content.slices
        )
        self.starts = [p[0] for p in pieces]
        self.pieces = pieces

    def of(self, mention: Mention) -> int | None:
        position = mention.start
        index = bisect_right(self.starts, position)
        for start, end, number in reversed(self.pieces[max(0, index - ENCLOSING_LOOKBACK) : index]):
            if start <= position < end and number != mention.attribution:
                return number
        return None


def settle_quoted_first_person(
    store: EntityStore,
    parsed: Parsed,
    owners: dict[int, Tracked],
    pending: list[tuple[Mention, int, int]],
) -> None:
    """Give each quoted "I" its quoter; nested quotations may need a few rounds, and an "I"
    whose quoter has no speaker falls back to the article's own voice."""
    for _ in range(3):
        waiting = []
        for mention, number, outer in pending:
            if outer in owners:
                owners[number] = owners[outer].final()
                store.attach(owners[number], mention)
            else:
                waiting.append((mention, number, outer))
        if len(waiting) == len(pending):
            break
        pending = waiting
    for mention, number, _ in pending:
        entity = store.add(mention, parsed.sent_of[mention.token])
        if entity is not None:
            owners[number] = entity


def with_speakers(
    attributions: list[Attribution], owners: dict[int, Tracked], store: EntityStore, text: str
) -> tuple[list[Attribution], list[Entity]]:
    kept = kept_entities(store)
    entities = [to_entity(text, f"e{n}", e) for n, e in enumerate(kept, start=1)]
    ids = {id(tracked): entity.id for tracked, entity in zip(kept, entities, strict=True)}
    resolved = []
    for number, attribution in enumerate(attributions):
        owner = owners.get(number)
        speaker = to_speaker(owner.final(), ids) if owner is not None else None
        resolved.append(replace(attribution, speaker=speaker))
    return resolved, entities


def to_speaker(owner: Tracked, ids: dict[int, str]) -> Speaker:
    return Speaker(
        entity=ids[id(owner)],
        name=owner.name,
        type=owner.type,
        title=owner.title.text if owner.title else None,
    )


def kept_entities(store: EntityStore) -> list[Tracked]:
    """Speakers and named people, in order of first mention."""
    kept = [
        e
        for e in store.entities
        if e.merged_into is None and e.slices and (e.speaker or (e.type == "person" and e.named))
    ]
    return sorted(kept, key=lambda e: e.first_start)


def to_entity(text: str, entity_id: str, tracked: Tracked) -> Entity:
    mentions = tuple(Span.from_slices(text, s) for s in sorted(set(tracked.slices)))
    return Entity(
        id=entity_id,
        type=tracked.type,
        name=tracked.name,
        title=tracked.title.text if tracked.title else None,
        mentions=mentions,
    )
