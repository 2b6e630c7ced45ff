"""Speaker resolution on short made-up articles, with attributions built by hand.

Each test writes the attribution stage's output itself (content and source spans, speaker
unset), so these tests exercise resolution alone.
"""

from __future__ import annotations

import re
import time

import pytest
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from onrecord.resolve import resolve_speakers
from onrecord.resolve.names import name_at, usual_gender
from onrecord.resolve.parsed import Parsed
from onrecord.types import Attribution, Entity, Span


def at(text: str, snippet: str, nth: int = 1) -> Span:
    """The span of the nth occurrence of a snippet as whole words ("he" is not in "the")."""
    found = list(re.finditer(rf"(?<!\w){re.escape(snippet)}(?!\w)", text))
    assert len(found) >= nth, f"{snippet!r} not found {nth} times"
    return Span.from_slices(text, [found[nth - 1].span()])


def said(text: str, content: str, source: str | None, nth: int = 1) -> Attribution:
    """An attribution of ``content`` to the nth occurrence of ``source``."""
    return Attribution(
        id=f"a{abs(hash((content, source, nth))) % 10_000}",
        kind="indirect",
        content=at(text, content),
        source=at(text, source, nth) if source else None,
    )


def resolve(nlp, text: str, attributions: list[Attribution]):
    resolved, entities = resolve_speakers(nlp(text), attributions)
    assert [a.id for a in resolved] == [a.id for a in attributions]
    assert all(
        a.content == b.content and a.source == b.source
        for a, b in zip(resolved, attributions, strict=True)
    )
    return resolved, entities


def entity_named(entities: list[Entity], name: str) -> Entity:
    (entity,) = [e for e in entities if e.name == name]
    return entity


# --- names and titles ---------------------------------------------------------------------------


def test_appositive_after_the_name_is_the_title(parser_nlp):
    text = "Jane Roe, a former city treasurer, said the budget was wrong."
    source = "Jane Roe, a former city treasurer"
    (attribution,), entities = resolve(parser_nlp, text, [said(text, "the budget", source)])
    speaker = attribution.speaker
    assert (speaker.name, speaker.type, speaker.title) == (
        "Jane Roe",
        "person",
        "a former city treasurer",
    )
    assert entity_named(entities, "Jane Roe").id == speaker.entity


def test_a_first_name_ner_left_out_is_part_of_the_name(parser_nlp):
    """NER tags "Wu" alone here; the known first name before it is hers."""
    text = "Pilar Wu, a lawyer, said the fear was real."
    (attribution,), entities = resolve(
        parser_nlp, text, [said(text, "the fear was real", "Pilar Wu, a lawyer")]
    )
    assert (attribution.speaker.name, attribution.speaker.title) == ("Pilar Wu", "a lawyer")
    assert "Wu" not in [e.name for e in entities]


def test_title_before_the_name_is_split_off(parser_nlp):
    text = "Health Minister Tomas Varga said hospitals were full."
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "hospitals were full", "Health Minister Tomas Varga")]
    )
    assert attribution.speaker.name == "Tomas Varga"
    assert attribution.speaker.title == "Health Minister"


def test_a_capitalised_epithet_before_a_full_name_is_split_off(parser_nlp):
    text = "The ad was paid for by Billionaire Tom Vance, who said it was fair."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "it was fair", "who")])
    assert (attribution.speaker.name, attribution.speaker.title) == ("Tom Vance", "Billionaire")


@pytest.mark.parametrize(
    ("source", "name", "title"),
    [
        (  # tagged a proper noun, and qualified: a role
            "Senate Intelligence Ranking Democrat Kay Brandt",
            "Kay Brandt",
            "Senate Intelligence Ranking Democrat",
        ),
        ("Democrat Kay Brandt", "Kay Brandt", None),  # the party alone
    ],
)
def test_a_qualified_party_member_before_a_name_is_a_title(parser_nlp, source, name, title):
    text = f"{source} said the plan failed."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the plan failed", source)])
    assert (attribution.speaker.name, attribution.speaker.title) == (name, title)


@pytest.mark.parametrize(
    ("source", "name", "title"),
    [
        ("Filmmaker Jack Marino", "Jack Marino", "Filmmaker"),  # NER takes the trade in
        ("Novelist Jane Roe", "Jane Roe", "Novelist"),  # NER leaves it out
        ("Christian Anne Roe", "Christian Anne Roe", None),  # a first name, not a trade
    ],
)
def test_a_capitalised_trade_before_a_full_name_is_its_title(parser_nlp, source, name, title):
    """A noun that says what someone does, tagged a proper noun at the start of a sentence."""
    text = f"{source} said the group was gone."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the group was gone", source)])
    assert (attribution.speaker.name, attribution.speaker.title) == (name, title)


@pytest.mark.parametrize(
    ("text", "source", "name", "title"),
    [
        (
            "Dean Hollis, a salesman, said he would vote.",
            "Dean Hollis, a salesman",
            "Dean Hollis",
            "a salesman",
        ),
        (
            "Vikram Osei, dean of the law school, spoke. Dean Osei said he would vote.",
            "Dean Osei",
            "Vikram Osei",
            "dean of the law school",
        ),
    ],
)
def test_dean_before_a_lone_surname_is_a_first_name_unless_the_article_has_a_dean(
    parser_nlp, text, source, name, title
):
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "he would vote", source)])
    assert (attribution.speaker.name, attribution.speaker.title) == (name, title)


def test_a_possessive_typed_with_an_opening_quotation_mark_is_no_part_of_a_name(parser_nlp):
    text = "Critics of Tom Vance‘s plan said it was bold."
    doc = with_labels(parser_nlp, text, {("Tom Vance‘s", 1): "PERSON"})
    name = name_at(Parsed.of(doc), doc[2])
    assert (name.text, name.words) == ("Tom Vance", ("Tom", "Vance"))


def test_a_title_the_parser_cut_off_from_the_name_is_still_its_title(parser_nlp):
    """The parser hangs "television host" on "leader", not on the name it stands before."""
    text = "Hospitals were full and civil rights leader and television host Hilda Varga said so."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "so", "Hilda Varga")])
    assert (attribution.speaker.name, attribution.speaker.title) == (
        "Hilda Varga",
        "television host",
    )
    text = "The federal judge Varga was referring to is Tomas Quill, Varga said."
    attribution = said(text, "The federal judge Varga was referring to is Tomas Quill", "Varga", 2)
    (attribution,), _ = resolve(parser_nlp, text, [attribution])
    assert attribution.speaker.title is None


def test_nominal_before_an_appositive_name_is_the_title(parser_nlp):
    text = "“We are ready,” the country's foreign minister, Elena Marsh, told reporters."
    source = "the country's foreign minister, Elena Marsh"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "We are ready", source)])
    assert attribution.speaker.name == "Elena Marsh"
    assert attribution.speaker.title == "the country's foreign minister"


def test_possessive_is_not_part_of_the_name(parser_nlp):
    text = "Officials met on Tuesday. Omar Haddad's plan, he said, would cut costs."
    (_, entities) = resolve(parser_nlp, text, [said(text, "would cut costs", "he")])
    assert "Omar Haddad" in [e.name for e in entities]


def test_a_possessor_takes_no_title_from_the_noun_it_owns(parser_nlp):
    """The parser reads "son" as an apposition of "Alvarez" after a bare apostrophe."""
    text = (
        "The fire killed two people, including Alvarez’ son, 19-year-old Marco. "
        "Alvarez said the alarm never rang."
    )
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "the alarm never rang", "Alvarez", nth=2)]
    )
    assert attribution.speaker.name == "Alvarez"
    assert attribution.speaker.title is None


@pytest.mark.parametrize(
    "text",
    [
        "Democratic candidates Jane Roe and Ann Doe backed the union. Roe said so.",
        "The two pollsters, Jane Roe and Ann Doe, disagreed. Roe said so.",
    ],
)
def test_a_plural_noun_before_a_list_of_names_is_no_title_of_one(parser_nlp, text):
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "so", "Roe", 2)])
    assert (attribution.speaker.name, attribution.speaker.title) == ("Jane Roe", None)


def test_a_relative_clause_is_not_a_title(parser_nlp):
    text = (
        "Dorothy Pike, whose husband, Navy pilot Tom Pike, died in 2012, spoke to reporters. "
        "Pike said she wanted answers."
    )
    (_, entities) = resolve(parser_nlp, text, [said(text, "she wanted answers", "Pike", nth=3)])
    assert entity_named(entities, "Tom Pike").title is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # the clause hangs from "voters", but tells about Rubio, not what he is
            "It is a habit with Rubio, a candidate aiming at moderate and conservative voters "
            "who often seems to advocate two positions at once. Rubio said he would win.",
            "a candidate aiming at moderate and conservative voters",
        ),
        (  # no relative word opens it: it ends a phrase of time
            "Marco Rubio, the provincial minister of finance at the time the tax was introduced, "
            "said it worked. Rubio said he would win.",
            "the provincial minister of finance at the time the tax was introduced",
        ),
    ],
)
def test_a_title_ends_before_a_relative_clause_a_relative_word_opens(parser_nlp, text, title):
    (rubio,), _ = resolve(parser_nlp, text, [said(text, "he would win", "Rubio", 2)])
    assert rubio.speaker.title == title


def test_a_dateline_is_neither_a_speaker_nor_part_of_a_title(parser_nlp):
    text = (
        "DALLAS (AP) — Democratic presidential candidate Martin Pike said his campaign "
        "would move staff.\n\nJERUSALEM - Israeli Prime Minister Ezra Cohen said he "
        "rejected the plan."
    )
    attributions = [
        said(
            text,
            "his campaign would move staff",
            "DALLAS (AP) — Democratic presidential candidate Martin Pike",
        ),
        said(text, "he rejected the plan", "Israeli Prime Minister Ezra Cohen"),
    ]
    (pike, cohen), entities = resolve(parser_nlp, text, attributions)
    assert (pike.speaker.name, pike.speaker.title) == (
        "Martin Pike",
        "Democratic presidential candidate",
    )
    assert (cohen.speaker.name, cohen.speaker.title) == ("Ezra Cohen", "Israeli Prime Minister")
    assert sorted(e.name for e in entities) == ["Ezra Cohen", "Martin Pike"]


def test_a_place_before_a_dash_mid_article_is_no_dateline(parser_nlp):
    """Only a paragraph's opening place, in capitals or before an agency, is a dateline."""
    text = "Officials met on Monday.\n\nMurphy — a former prosecutor — said the bill was dead."
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "the bill was dead", "Murphy — a former prosecutor")]
    )
    assert attribution.speaker.name == "Murphy"


def test_a_one_word_name_hyphened_to_a_word_is_a_modifier_not_a_person(parser_nlp):
    """NER tags "Oscar" in "Oscar-winning" a person."""
    text = "Oscar-winning actress Maria Voss said she would vote in March."
    (_, entities) = resolve(
        parser_nlp,
        text,
        [said(text, "she would vote in March", "Oscar-winning actress Maria Voss")],
    )
    assert [e.name for e in entities] == ["Maria Voss"]


def test_a_title_case_headline_gives_only_the_names_the_body_bears_out(parser_nlp):
    """NER reads "Karen Voss Slams Budget" and "Donald Pike Rampages" as names."""
    text = (
        "Karen Voss Slams Budget Deal as Donald Pike Rampages Through Iowa\n\n"
        "The deal was a mistake, Voss told reporters. Donald Pike was in Des Moines."
    )
    (attribution,), entities = resolve(
        parser_nlp, text, [said(text, "The deal was a mistake", "Voss", nth=2)]
    )
    assert attribution.speaker.name == "Karen Voss"
    assert sorted(e.name for e in entities) == ["Donald Pike", "Karen Voss"]


def test_a_headline_word_is_borne_out_only_by_the_same_whole_word(parser_nlp):
    """NER reads "Airline Cancels 300 Flights as" as an organisation; "Northway Airlines" in
    the body does not bear out "Airline", and "the company" has one body to mean."""
    text = (
        "Airline Cancels 300 Flights as Pilots Strike\n\n"
        "Northway Airlines cancelled 300 flights on Friday, the company said."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {("Airline Cancels 300 Flights as", 1): "ORG", ("Northway Airlines", 1): "ORG"},
    )
    attributions = [said(text, "Northway Airlines cancelled 300 flights on Friday", "the company")]
    (company,), _ = resolve_speakers(doc, attributions)
    assert company.speaker.name == "Northway Airlines"


def test_people_mentioned_but_not_quoted_are_entities_with_titles(parser_nlp):
    text = (
        "Senator Ruth Adler will meet Finance Minister Karim Nasser. “It will be hard,” she said."
    )
    (attribution,), entities = resolve(parser_nlp, text, [said(text, "It will be hard", "she")])
    nasser = entity_named(entities, "Karim Nasser")
    assert nasser.type == "person" and nasser.title == "Finance Minister"
    assert attribution.speaker.name == "Ruth Adler"


# --- one entity per person ----------------------------------------------------------------------


def test_surname_joins_the_full_name(parser_nlp):
    text = (
        "Karl Brandt, the union leader, said the strike would go on. "
        "Brandt added that talks had failed."
    )
    attributions = [
        said(text, "the strike would go on", "Karl Brandt, the union leader"),
        said(text, "talks had failed", "Brandt", nth=2),
    ]
    (first, second), entities = resolve(parser_nlp, text, attributions)
    assert first.speaker == second.speaker
    assert second.speaker.name == "Karl Brandt"
    assert second.speaker.title == "the union leader"
    brandt = entity_named(entities, "Karl Brandt")
    assert [m.text for m in brandt.mentions] == ["Karl Brandt, the union leader", "Brandt"]


def test_a_lone_surname_shared_by_two_is_the_more_mentioned(parser_nlp):
    """After "His son, Eric Pike", a lone "Pike" is still the man the article is about."""
    text = (
        "Donald Pike said the mill would reopen. Pike said jobs would follow. "
        "Pike added that taxes would fall. His son, Eric Pike, runs the firm. "
        "Pike said the plan was final."
    )
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the plan was final", "Pike", 5)])
    assert attribution.speaker.name == "Donald Pike"


def test_two_people_with_one_surname_stay_apart(parser_nlp):
    text = (
        "Anna Berg and Tom Berg run the farm together. Anna Berg said the harvest was poor. "
        "Tom Berg said prices were low."
    )
    attributions = [
        said(text, "the harvest was poor", "Anna Berg", nth=2),
        said(text, "prices were low", "Tom Berg", nth=2),
    ]
    (anna, tom), entities = resolve(parser_nlp, text, attributions)
    assert anna.speaker.name == "Anna Berg" and tom.speaker.name == "Tom Berg"
    assert anna.speaker.entity != tom.speaker.entity
    assert sorted(e.name for e in entities if e.type == "person") == ["Anna Berg", "Tom Berg"]


# --- pronouns -----------------------------------------------------------------------------------


def test_pronoun_skips_the_latest_speaker_of_the_other_gender(parser_nlp):
    text = (
        "Maria Lind met Peter Olsen on Monday. “We made progress,” Ms Lind said. "
        "“Nothing was agreed,” Mr Olsen said. “I remain hopeful,” she said. "
        "“We will see,” he said."
    )
    attributions = [
        said(text, "We made progress", "Ms Lind"),
        said(text, "Nothing was agreed", "Mr Olsen"),
        said(text, "I remain hopeful", "she"),
        said(text, "We will see", "he"),
    ]
    resolved, _ = resolve(parser_nlp, text, attributions)
    names = [a.speaker.name for a in resolved]
    assert names == ["Maria Lind", "Peter Olsen", "Maria Lind", "Peter Olsen"]


def test_pronoun_gender_learnt_from_an_earlier_sentence(parser_nlp):
    """ "Quist said she ..." tells Quist's gender, so the later "he" skips her. (Robin and
    Jordan are given to men and women alike, so the names themselves tell nothing.)"""
    text = (
        "Robin Ek said the plan was late. Jordan Quist said she had read the plan. "
        "Later he said it would be fixed."
    )
    attributions = [
        said(text, "the plan was late", "Robin Ek"),
        said(text, "had read the plan", "Jordan Quist"),
        said(text, "it would be fixed", "he"),
    ]
    resolved, _ = resolve(parser_nlp, text, attributions)
    assert resolved[2].speaker.name == "Robin Ek"
    assert resolved[2].speaker.entity == resolved[0].speaker.entity


def test_pronoun_takes_the_subject_of_the_sentence_before_over_the_last_speaker(parser_nlp):
    text = (
        "“The budget is balanced,” said Mayor Tom Reyes. Council member Paul Ortiz was not "
        "convinced. “The numbers do not add up,” he said."
    )
    attributions = [
        said(text, "The budget is balanced", "Mayor Tom Reyes"),
        said(text, "The numbers do not add up", "he"),
    ]
    resolved, _ = resolve(parser_nlp, text, attributions)
    assert resolved[1].speaker.name == "Paul Ortiz"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            "Paul Ortiz took his daughter to the museum to show her who Tom Reyes was. "
            "He said the visit was worth it.",
            "He",
            "Paul Ortiz",
        ),
        (
            "Paul Ortiz spoke first. While Tom Reyes has cautioned against haste, he said the "
            "visit was worth it.",
            "he",
            "Tom Reyes",
        ),
    ],
)
def test_a_pronoun_takes_the_main_clause_s_subject_of_the_nearest_sentence(
    parser_nlp, text, source, speaker
):
    """Within the sentence that has a subject, the main clause's; but a subject in the
    pronoun's own sentence comes before the one of the sentence before."""
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the visit was worth it", source)])
    assert attribution.speaker.name == speaker


def test_a_subject_inside_a_quotation_is_not_the_narratives(parser_nlp):
    """Ortiz is the subject of the sentence before "he", but inside Reyes's quotation."""
    text = "“We will win,” Tom Reyes said. “Paul Ortiz has no plan.” “We are ready,” he added."
    attributions = [
        said(text, "We will win", "Tom Reyes"),
        said(text, "Paul Ortiz has no plan", None),
        said(text, "We are ready", "he"),
    ]
    resolved, _ = resolve(parser_nlp, text, attributions)
    assert resolved[2].speaker.name == "Tom Reyes"


def test_pronoun_skips_a_speaker_whose_first_name_is_the_other_gender(parser_nlp):
    """Nothing in the article says Pike is a man; his first name does."""
    text = (
        "Donald Pike said the plan was sound. Karen Voss, a councillor, was at the meeting. "
        "“It is a disaster,” she said."
    )
    attributions = [
        said(text, "the plan was sound", "Donald Pike"),
        said(text, "It is a disaster", "she"),
    ]
    resolved, _ = resolve(parser_nlp, text, attributions)
    assert resolved[1].speaker.name == "Karen Voss"


def test_courtesy_title_of_the_other_gender_is_another_person(parser_nlp):
    """ "Mr. Pike" after "Karen Pike" is her husband, not her."""
    text = (
        "Karen Pike spoke in Reno on Friday. Her husband campaigned in Iowa. "
        "Mr. Pike said the race was close. “We will win,” he said. "
        "Mrs. Pike said she was confident."
    )
    attributions = [
        said(text, "the race was close", "Mr. Pike"),
        said(text, "We will win", "he"),
        said(text, "she was confident", "Mrs. Pike"),
    ]
    (husband, he, wife), _ = resolve(parser_nlp, text, attributions)
    assert wife.speaker.name == "Karen Pike"
    assert husband.speaker.name == he.speaker.name == "Pike"
    assert husband.speaker.entity == he.speaker.entity != wife.speaker.entity


def test_a_full_name_of_the_other_gender_is_not_the_earlier_courtesy_title(parser_nlp):
    """ "Karen Pike" after "Mr. Pike" is someone else: her first name says she is a woman."""
    text = (
        "Mr. Pike said the race was close. "
        "Karen Pike said she was confident. “We will win,” Mr. Pike said."
    )
    attributions = [
        said(text, "the race was close", "Mr. Pike"),
        said(text, "she was confident", "Karen Pike"),
        said(text, "We will win", "Mr. Pike", nth=2),
    ]
    (husband, wife, again), _ = resolve(parser_nlp, text, attributions)
    assert wife.speaker.name == "Karen Pike"
    assert husband.speaker.name == again.speaker.name == "Pike"
    assert husband.speaker.entity == again.speaker.entity != wife.speaker.entity


def test_a_full_name_taken_for_an_organisation_is_the_person_its_surname_is(parser_nlp):
    """NER calls "Carly Voss" an organisation here, and the later "Voss" a person."""
    text = (
        'Jon Hale called Reed a "liar." Carly Voss said Dunn "says whatever he needs to say." '
        "Later, Voss added that the race was tight."
    )
    attributions = [
        said(text, "says whatever he needs to say", "Carly Voss"),
        said(text, "the race was tight", "Voss"),
    ]
    (first, later), _ = resolve(parser_nlp, text, attributions)
    assert (first.speaker.name, first.speaker.type) == ("Carly Voss", "person")
    assert later.speaker.entity == first.speaker.entity


def test_usual_gender_of_a_first_name(parser_nlp):
    doc = parser_nlp("Hillary Clinton, Jordan Smith and Clinton met Mark Olsen.")
    parsed = Parsed.of(doc)
    names = [name_at(parsed, doc[i]) for i in (0, 3, 6, 8)]
    assert [n.text for n in names] == ["Hillary Clinton", "Jordan Smith", "Clinton", "Mark Olsen"]
    assert [usual_gender(n) for n in names] == ["f", None, None, "m"]


def test_pronoun_without_an_earlier_speaker_takes_the_latest_person(parser_nlp):
    text = "The board met Ruth Kane in May. Later she said the deal was done."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the deal was done", "she")])
    assert attribution.speaker.name == "Ruth Kane"


def test_they_refers_to_a_group_not_a_person(parser_nlp):
    text = (
        "Nurses at the hospital said wages were too low. Director Ian Moss disagreed. "
        "They said they would strike."
    )
    attributions = [
        said(text, "wages were too low", "Nurses at the hospital"),
        said(text, "they would strike", "They"),
    ]
    (nurses, they), _ = resolve(parser_nlp, text, attributions)
    assert nurses.speaker.type == "group"
    assert they.speaker == nurses.speaker


# --- groups, documents, organisations -------------------------------------------------------------


def test_group_around_a_person_is_a_group_and_not_the_person(parser_nlp):
    text = (
        "John Smith is running for governor. "
        "Some of Smith's aides said the campaign was short of money."
    )
    attributions = [said(text, "the campaign was short", "Some of Smith's aides")]
    (attribution,), entities = resolve(parser_nlp, text, attributions)
    speaker = attribution.speaker
    assert speaker.type == "group"
    assert "aides" in speaker.name
    smith = entity_named(entities, "John Smith")
    assert smith.id != speaker.entity and smith.type == "person"


@pytest.mark.parametrize(
    "source",
    ["officials", "experts", "critics", "sources close to the minister", "his advisers"],
)
def test_unnamed_plural_sources_are_groups(parser_nlp, source):
    text = f"The talks were hard. Afterwards {source} said the deal was weak."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the deal was weak", source)])
    assert attribution.speaker.type == "group"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Business groups", "group"),
        ("Three television networks", "group"),
        ("Federal courts", "group"),
        ("Police", "organization"),
        ("The company", "organization"),
        ("Early results of the exit poll", "document"),
    ],
)
def test_several_bodies_are_a_group_and_a_poll_s_results_a_document(parser_nlp, source, kind):
    text = f"{source} said the rule would cost jobs."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the rule", source)])
    assert attribution.speaker.type == kind


def test_some_of_a_plural_name_is_a_group_not_the_party(parser_nlp):
    """ "Some Republicans" are some people, not the party "Republicans" names."""
    text = "Republicans said the bill was sound. Some Republicans said it would fail."
    party, some = resolve(
        parser_nlp,
        text,
        [
            said(text, "the bill was sound", "Republicans"),
            said(text, "it would fail", "Some Republicans"),
        ],
    )[0]
    assert (some.speaker.name, some.speaker.type) == ("Some Republicans", "group")
    assert some.speaker.entity != party.speaker.entity


def test_a_chamber_s_or_a_state_s_party_members_are_a_group_not_the_party(parser_nlp):
    """ "Senate Democrats" and "Ohio Republicans" are some of the party's people."""
    text = (
        "Democrats said the bill was sound. Senate Democrats said it would fail. "
        "Ohio Republicans said it would pass."
    )
    party, senate, state = resolve(
        parser_nlp,
        text,
        [
            said(text, "the bill was sound", "Democrats"),
            said(text, "it would fail", "Senate Democrats"),
            said(text, "it would pass", "Ohio Republicans"),
        ],
    )[0]
    assert (senate.speaker.name, senate.speaker.type) == ("Senate Democrats", "group")
    assert (state.speaker.name, state.speaker.type) == ("Ohio Republicans", "group")
    assert senate.speaker.entity != party.speaker.entity


def test_a_courtesy_title_does_not_make_a_plural_looking_surname_a_group(parser_nlp):
    """The tagger reads "Plaats" as a plural proper noun; "Mr." before it picks no members."""
    text = "Mr. Vander Plaats said the race was close."
    doc = parser_nlp(text)
    assert next(t for t in doc if t.text == "Plaats").tag_ == "NNPS"  # the parse in question
    (attribution,), _ = resolve_speakers(
        doc, [said(text, "the race was close", "Mr. Vander Plaats")]
    )
    assert attribution.speaker.type == "person"


def test_one_member_of_a_party_is_a_person(parser_nlp):
    """ "A Democrat familiar with the talks" is someone, not the Democratic Party."""
    text = "A Democrat familiar with the talks said the plan was dead."
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "the plan was dead", "A Democrat familiar with the talks")]
    )
    assert attribution.speaker.type == "person"
    assert attribution.speaker.name == "Democrat familiar with the talks"


@pytest.mark.parametrize(
    ("text", "place", "party", "source", "content"),
    [
        (
            "Rep. Tom Brack met the president on Monday. In an interview, the Wisconsin "
            "Republican said allies wanted more.",
            "Wisconsin",
            "Republican",
            "the Wisconsin Republican",
            "allies wanted more",
        ),
        (
            "Sen. Tom Brack spoke on Monday. After the vote, the Nevada Democrat’s biggest "
            "takeaway is a belief that the rules hurt voters.",
            "Nevada",
            "Democrat",
            "the Nevada Democrat’s",
            "the rules hurt voters",
        ),
    ],
)
def test_the_member_of_a_party_is_the_person_just_named(
    parser_nlp, text, place, party, source, content
):
    """ "the Wisconsin Republican" describes the congressman the sentence before named, and
    "the Nevada Democrat’s" owns what follows it as that senator."""
    labels = {
        ("Tom Brack", 1): "PERSON",
        ("Monday", 1): "DATE",
        (place, 1): "GPE",
        (party, 1): "NORP",
    }
    doc = with_labels(parser_nlp, text, labels)
    (attribution,), entities = resolve_speakers(doc, [said(text, content, source)])
    assert (attribution.speaker.name, attribution.speaker.type) == ("Tom Brack", "person")
    assert party not in [e.name for e in entities]


def test_a_newspaper_named_for_its_readers_is_no_person(parser_nlp):
    text = "The Tennessean reported that the mayor would resign."
    doc = with_labels(parser_nlp, text, {("Tennessean", 1): "NORP"})
    (attribution,), _ = resolve_speakers(
        doc, [said(text, "that the mayor would resign", "The Tennessean")]
    )
    assert attribution.speaker.type == "organization"


@pytest.mark.parametrize(
    ("text", "source", "content", "speaker_type"),
    [
        ("Americans told pollsters that prices rose.", "Americans", "that prices rose", "group"),
        (
            "Republicans who came of age in the 1970s see inflation everywhere.",
            "Republicans who came of age in the 1970s",
            "inflation everywhere",
            "group",
        ),
        ("Republicans said the bill was dead.", "Republicans", "the bill was dead", "organization"),
    ],
)
def test_a_people_is_a_group_and_a_party_an_organisation(
    parser_nlp, text, source, content, speaker_type
):
    """A nation's or a faith's people are a group; a party's plural name stands for the
    party unless a clause picks out some of its members."""
    name = source.split()[0]
    doc = with_labels(parser_nlp, text, {(name, 1): "NORP"})
    (attribution,), _ = resolve_speakers(doc, [said(text, content, source)])
    assert attribution.speaker.type == speaker_type


def test_a_common_noun_ner_ran_into_a_name_is_a_nominal(parser_nlp):
    text = "As the Republican hopefuls sparred over spending, the senator said nothing."
    doc = with_labels(parser_nlp, text, {("the Republican hopefuls", 1): "ORG"})
    (attribution,), _ = resolve_speakers(doc, [said(text, "spending", "the Republican hopefuls")])
    assert (attribution.speaker.name, attribution.speaker.type) == ("Republican hopefuls", "group")


@pytest.mark.parametrize(
    ("text", "source", "content", "name", "speaker_type", "title"),
    [
        (
            "Assemblywoman Ana Lopes said the race was close.",
            "Assemblywoman Ana Lopes",
            "the race was close",
            "Ana Lopes",
            "person",
            "Assemblywoman",
        ),
        (
            "Stories have emerged describing the talks.",
            "Stories",
            "the talks",
            "Stories",
            "document",
            None,
        ),
        (
            "Each faction projected its own views onto the mayor.",
            "Each faction",
            "its own views",
            "Each faction",
            "group",
            None,
        ),
    ],
)
def test_words_the_lexicon_knows(parser_nlp, text, source, content, name, speaker_type, title):
    (attribution,), _ = resolve(parser_nlp, text, [said(text, content, source)])
    speaker = attribution.speaker
    assert (speaker.name, speaker.type, speaker.title) == (name, speaker_type, title)


def test_document_source(parser_nlp):
    text = "According to the report, exports fell sharply last year."
    (attribution,), entities = resolve(parser_nlp, text, [said(text, "exports fell", "the report")])
    assert attribution.speaker.type == "document"
    assert "report" in attribution.speaker.name
    assert [e.type for e in entities] == ["document"]


def test_same_definite_document_is_one_entity(parser_nlp):
    text = "A study by the institute found that rents rose. The study also said that wages fell."
    attributions = [
        said(text, "rents rose", "A study by the institute"),
        said(text, "wages fell", "The study"),
    ]
    (first, second), _ = resolve(parser_nlp, text, attributions)
    assert first.speaker.type == "document"
    assert first.speaker.entity == second.speaker.entity


def test_campaigns_of_two_people_stay_two(parser_nlp):
    """ "Tom Reed's campaign" is not the "Karen Voss's campaign" before it; "the campaign"
    after it is Reed's."""
    text = (
        "Karen Voss's campaign said it raised $3 million. "
        "Tom Reed's campaign said it raised $2 million. "
        "The campaign said most gifts were small."
    )
    attributions = [
        said(text, "it raised $3 million", "Karen Voss's campaign"),
        said(text, "it raised $2 million", "Tom Reed's campaign"),
        said(text, "most gifts were small", "The campaign"),
    ]
    (voss, reed, latest), _ = resolve(parser_nlp, text, attributions)
    assert voss.speaker.entity != reed.speaker.entity == latest.speaker.entity
    assert reed.speaker.type == "organization"


def test_a_campaign_a_pronoun_owns_is_named_after_the_person_meant(parser_nlp):
    """ "Her campaign" is Karen Voss's, and "Voss's campaign" later is the same one."""
    text = (
        "Karen Voss spoke in Reno on Friday. Her campaign said it raised $3 million. "
        "Tom Reed spoke in Elko. Voss's campaign said most gifts were small."
    )
    attributions = [
        said(text, "it raised $3 million", "Her campaign"),
        said(text, "most gifts were small", "Voss's campaign"),
    ]
    (first, later), _ = resolve(parser_nlp, text, attributions)
    assert (first.speaker.name, first.speaker.type) == ("Karen Voss's campaign", "organization")
    assert later.speaker.entity == first.speaker.entity


def test_a_campaign_named_after_a_junior_joins_his_surname_s(parser_nlp):
    """ "His campaign" after "Tom Reed Jr." is owned by Reed, not by "Jr.", so "Reed's
    campaign" is the same one."""
    text = (
        "Tom Reed Jr. spoke in Elko on Friday. His campaign said it raised $3 million. "
        "Karen Voss spoke in Reno. Reed's campaign said most gifts were small."
    )
    attributions = [
        said(text, "it raised $3 million", "His campaign"),
        said(text, "most gifts were small", "Reed's campaign"),
    ]
    (first, later), _ = resolve(parser_nlp, text, attributions)
    assert first.speaker.name == "Tom Reed Jr.'s campaign"
    assert later.speaker.entity == first.speaker.entity


def test_country_source_is_an_organization(parser_nlp):
    text = "France has criticised the plan, saying it breaks the treaty."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "it breaks the treaty", "France")])
    assert (attribution.speaker.name, attribution.speaker.type) == ("France", "organization")


def test_organisation_head_noun(parser_nlp):
    text = "The election campaign said turnout would be high."
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "turnout would be high", "The election campaign")]
    )
    assert attribution.speaker.type == "organization"


# --- nominals -------------------------------------------------------------------------------------


def test_nominal_resolves_to_the_person_with_that_title(parser_nlp):
    text = (
        "Lena Park, the city's mayor, opened the bridge on Friday. "
        "Tom Ash, a local engineer, was there too. The mayor said it was safe."
    )
    (attribution,), entities = resolve(parser_nlp, text, [said(text, "it was safe", "The mayor")])
    assert attribution.speaker.name == "Lena Park"
    assert attribution.speaker.entity == entity_named(entities, "Lena Park").id


def test_nominal_never_matches_another_rank(parser_nlp):
    text = "Lena Park, the city's mayor, opened the bridge. The deputy mayor said it was late."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "it was late", "The deputy mayor")])
    assert attribution.speaker.type == "person"
    assert attribution.speaker.name != "Lena Park"


def test_unmatched_nominal_is_its_own_person(parser_nlp):
    text = "A police spokesman said the road would reopen."
    (attribution,), entities = resolve(
        parser_nlp, text, [said(text, "the road would reopen", "A police spokesman")]
    )
    assert attribution.speaker.type == "person"
    assert "police spokesman" in attribution.speaker.name
    assert len(entities) == 1


# --- what is left alone -------------------------------------------------------------------------


def test_attribution_without_source_gets_no_speaker(parser_nlp):
    text = "Prices rose again, it was reported. Maria Lind said prices rose."
    attributions = [said(text, "Prices rose again", None), said(text, "prices rose", "Maria Lind")]
    (unsourced, sourced), _ = resolve(parser_nlp, text, attributions)
    assert unsourced.speaker is None
    assert sourced.speaker.name == "Maria Lind"


def test_article_without_attributions_still_lists_its_people(parser_nlp):
    attributions, entities = resolve(parser_nlp, "Maria Lind met Peter Olsen in Oslo.", [])
    assert attributions == []
    assert [e.name for e in entities] == ["Maria Lind", "Peter Olsen"]
    assert [e.id for e in entities] == ["e1", "e2"]


def test_mentions_cut_the_text_at_their_offsets(parser_nlp):
    text = "Karl Brandt said it was over. Brandt's union agreed. “Yes,” he said."
    attributions = [said(text, "it was over", "Karl Brandt"), said(text, "Yes", "he")]
    _, entities = resolve(parser_nlp, text, attributions)
    for entity in entities:
        for mention in entity.mentions:
            assert mention.text == " ".join(text[s:e] for s, e in mention.slices)


# --- scale --------------------------------------------------------------------------------------


def test_many_attributions_resolve_in_linear_time(parser_nlp):
    """2,000 quotations by 200 people: resolution must not compare all pairs. (The article
    is one parsed block of 200 quotations repeated, so the test parses little.)"""
    first_names = ["Anna", "Peter", "Maria", "John", "Laura", "David", "Sara", "Paul"]
    surnames = (
        "Berg Olsen Lind Moss Kane Brandt Quist Haddad Park Ash Toll Lopes Costa Varga Marsh "
        "Adler Nasser Roe Ek Hahn Stone Klein Darby Ortega Wilson"
    ).split()
    people = [f"{first} {last}" for last in surnames for first in first_names]
    sentences = [
        f"“We agree on item {n},” {'he' if n % 3 else people[n]} said." for n in range(200)
    ]
    block = parser_nlp(" ".join(sentences))
    doc = Doc.from_docs([block] * 10)
    text = doc.text
    attributions = []
    for match in re.finditer(r"“(We agree on item \d+),” (he|\w+ \w+) said", text):
        content = Span.from_slices(text, [match.span(1)])
        source = Span.from_slices(text, [match.span(2)])
        attributions.append(Attribution(f"a{len(attributions)}", "direct", content, source=source))
    assert len(attributions) == 2000
    started = time.perf_counter()
    resolved, entities = resolve_speakers(doc, attributions)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"resolution took {elapsed:.1f}s"
    assert all(a.speaker is not None for a in resolved)
    assert len(entities) >= 50


# --- more shapes of source ------------------------------------------------------------------------


def test_coordinated_description_gives_the_office_as_title(parser_nlp):
    text = "Omar Haddad, a farmer and a former city councillor, said the river had flooded."
    source = "Omar Haddad, a farmer and a former city councillor"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the river had flooded", source)])
    assert attribution.speaker.title == "a former city councillor"


def test_quoted_first_person_is_the_quoter(parser_nlp):
    text = "“I told them the plan was dead,” Mayor Ines Toll said."
    attributions = [
        said(text, "I told them the plan was dead", "Mayor Ines Toll"),
        said(text, "the plan was dead", "I"),
    ]
    (outer, inner), _ = resolve(parser_nlp, text, attributions)
    assert outer.speaker.name == "Ines Toll" and outer.speaker.title == "Mayor"
    assert inner.speaker == outer.speaker


def test_unquoted_first_person_is_the_article_voice_not_a_named_person(parser_nlp):
    text = "Karl Brandt spoke first. I believe the vote was fair. “It was,” he said."
    attributions = [said(text, "the vote was fair", "I"), said(text, "It was", "he")]
    (narrator, he), _ = resolve(parser_nlp, text, attributions)
    assert narrator.speaker.name == "I"
    assert he.speaker.name == "Karl Brandt"


def test_relative_pronoun_source_is_its_antecedent(parser_nlp):
    text = "The plan was criticised by Karl Brandt, who said it would fail."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "it would fail", "who")])
    assert attribution.speaker.name == "Karl Brandt"


def test_titles_conjoined_to_one_name_are_that_person_s(parser_nlp):
    """A bare title ("Former city treasurer", no article) and a name are one person; "the
    mayor and Karen Voss" are two."""
    text = (
        "Former city treasurer and mayoral candidate Karen Voss said the budget was wrong. "
        "The mayor and Karen Voss said the vote was close."
    )
    one, two = resolve(
        parser_nlp,
        text,
        [
            said(
                text,
                "the budget was wrong",
                "Former city treasurer and mayoral candidate Karen Voss",
            ),
            said(text, "the vote was close", "The mayor and Karen Voss"),
        ],
    )[0]
    assert (one.speaker.name, one.speaker.type) == ("Karen Voss", "person")
    assert two.speaker.type == "group"


def test_names_listed_in_apposition_make_a_group(parser_nlp):
    text = "Two analysts, Ana Lopes and Rui Costa, said the figures were wrong."
    source = "Two analysts, Ana Lopes and Rui Costa"
    (attribution,), entities = resolve(parser_nlp, text, [said(text, "the figures", source)])
    assert attribution.speaker.type == "group"
    assert {"Ana Lopes", "Rui Costa"} <= {e.name for e in entities}


def test_a_surname_that_is_an_office_word_is_still_a_name(parser_nlp):
    """The words "Bishop" and "Dean" name offices, but after a first name they are surnames."""
    text = (
        "“The vote will be close,” said Representative Walter T. Bishop of Ohio, who "
        "backed the bill. Marcus Dean said the budget was wrong."
    )
    attributions = [
        said(text, "The vote will be close", "Representative Walter T. Bishop of Ohio"),
        said(text, "the budget was wrong", "Marcus Dean"),
    ]
    (bishop, dean), _ = resolve(parser_nlp, text, attributions)
    assert (bishop.speaker.name, bishop.speaker.title) == ("Walter T. Bishop", "Representative")
    assert (dean.speaker.name, dean.speaker.type) == ("Marcus Dean", "person")


def test_a_surname_that_is_an_office_word_after_any_first_name_is_a_name(parser_nlp):
    """ "Charlie" is no clear man's or woman's name, but a person's first name all the same;
    a title word before the office word is not ("the Attorney General")."""
    text = (
        "Charlie King, a former director of the state party, said the vote was close. "
        "The Attorney General said the count was fair."
    )
    labels = {("Charlie King", 1): "PERSON", ("Attorney General", 1): "PERSON"}
    doc = with_labels(parser_nlp, text, labels)
    attributions = [
        said(text, "the vote was close", "Charlie King, a former director of the state party"),
        said(text, "the count was fair", "The Attorney General"),
    ]
    (king, attorney), _ = resolve_speakers(doc, attributions)
    assert (king.speaker.name, king.speaker.title) == (
        "Charlie King",
        "a former director of the state party",
    )
    assert attorney.speaker.name == "Attorney General"


@pytest.mark.parametrize(
    ("text", "source", "name", "title"),
    [
        (
            "One pastor backing Mr. Brack, Lena Ortiz of Grace Church, said she was torn.",
            "One pastor backing Mr. Brack, Lena Ortiz of Grace Church",
            "Lena Ortiz",
            "One pastor backing Mr. Brack",
        ),
        (
            "The other man, his lawyer Tom Vance, 40, said he was tired.",
            "The other man, his lawyer Tom Vance, 40",
            "Tom Vance",
            "his lawyer",
        ),
    ],
)
def test_a_name_set_off_after_a_description_names_the_speaker(
    parser_nlp, text, source, name, title
):
    """The parser hangs the name on the nearest noun, another name ("Mr. Brack") or a
    description in apposition ("his lawyer"); a name seldom renames a name, so it names the
    noun phrase the source opens with."""
    content = text.split(" said ")[1].rstrip(".")
    (attribution,), _ = resolve(parser_nlp, text, [said(text, content, source)])
    assert (attribution.speaker.name, attribution.speaker.title) == (name, title)


def test_a_name_set_off_after_a_person_noun_in_a_phrase_names_that_person(parser_nlp):
    """ "the mayor, Jane Roe": Roe is the mayor, not the spokeswoman."""
    text = "A spokeswoman for the mayor, Jane Roe, said the vote was close."
    source = "A spokeswoman for the mayor, Jane Roe"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the vote was close", source)])
    assert attribution.speaker.name != "Jane Roe"


def test_a_speaker_name_keeps_the_bracket_it_opens(parser_nlp):
    text = "Tom Brack and Sen. Ana Lopes (R-Utah) said the bill was dead."
    source = "Tom Brack and Sen. Ana Lopes (R-Utah)"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the bill was dead", source)])
    assert attribution.speaker.name == source


def test_a_body_named_by_a_possessive_keeps_it(parser_nlp):
    """ "the Budget Analyst's Office" is the office's name; "Acme's Jane Roe" is Roe's."""
    text = (
        "According to the Budget Analyst's Office, the plan will cost $4 billion. "
        "Acme's Jane Roe said the plan was fair."
    )
    labels = {("the Budget Analyst's Office", 1): "ORG", ("Acme's Jane Roe", 1): "ORG"}
    doc = with_labels(parser_nlp, text, labels)
    attributions = [
        said(text, "the plan will cost $4 billion", "the Budget Analyst's Office"),
        said(text, "the plan was fair", "Acme's Jane Roe"),
    ]
    (office, roe), _ = resolve_speakers(doc, attributions)
    assert office.speaker.name == "Budget Analyst's Office"
    assert roe.speaker.name == "Jane Roe"


def test_a_description_after_a_relative_clause_is_not_the_name_s(parser_nlp):
    """The parser hangs "the Chicago police chief" on Dunn; it describes McCarthy."""
    text = (
        "Dunn - who abruptly fired McCarthy, the Chicago police chief, on Tuesday after "
        "strongly backing him a few days earlier - said the city was safe."
    )
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the city was safe", "Dunn")])
    assert attribution.speaker.name == "Dunn"
    assert attribution.speaker.title is None


def test_a_plural_title_before_a_list_of_names_is_no_one_s_title(parser_nlp):
    """ "rivals Tom Reed and Dan Pike" describes the pair, not Reed."""
    text = (
        "Karen Voss now trails rivals Tom Reed and Dan Pike in Iowa. Reed said the race was open."
    )
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the race was open", "Reed", 2)])
    assert attribution.speaker.name == "Tom Reed"
    assert attribution.speaker.title is None


def test_a_poll_score_in_apposition_is_not_a_title(parser_nlp):
    """ "Karen Voss, 46%-35%," gives her standing in a poll, not a title."""
    text = "Karen Voss, 46%-35%, said the lead was safe."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the lead was safe", "Karen Voss")])
    assert attribution.speaker.name == "Karen Voss"
    assert attribution.speaker.title is None


def test_words_after_a_colon_are_not_a_title(parser_nlp):
    """A headline's "Name: this or that?" asks a question; it does not describe the name."""
    text = (
        "Karl Brandt: reformer or another career politician?\n\n"
        "Karl Brandt said the plan would pass."
    )
    (_, entities) = resolve(parser_nlp, text, [said(text, "the plan would pass", "Karl Brandt", 2)])
    assert entity_named(entities, "Karl Brandt").title is None


def test_who_hung_from_a_thing_means_the_person_above_it(parser_nlp):
    """The parser hangs the clause from "talks"; "who" can only mean the aide."""
    text = (
        "“It was a mess,” said one aide familiar with the talks, who added that the deal was dead."
    )
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the deal was dead", "who")])
    assert (attribution.speaker.name, attribution.speaker.type) == ("one aide", "person")


def test_a_name_in_apposition_to_the_subject_is_the_subject_a_he_means(parser_nlp):
    text = (
        "The Kremlin spokesman, Dmitry Orlov, dismissed the remarks. "
        "Ruritania's foreign minister, Zorvan Kell, struck a softer tone. "
        "“Diplomacy never stops,” he wrote."
    )
    attributions = [
        said(text, "the remarks", "The Kremlin spokesman, Dmitry Orlov"),
        said(text, "Diplomacy never stops", "he"),
    ]
    (_, wrote), _ = resolve(parser_nlp, text, attributions)
    assert wrote.speaker.name == "Zorvan Kell"


def test_who_inside_another_source_is_that_source_s_speaker(parser_nlp):
    """The tagger marks the whole noun phrase as one source and its "who" as another's: the
    clause hangs from the bank or the talks, but both sources are one speaker."""
    text = (
        "Lena Moss, an economist at Brightwater Bank, who asked not to be named, said the "
        "rate would rise. A person familiar with the talks, who requested anonymity, said "
        "they had stalled."
    )
    attributions = [
        said(text, "not to be named", "who"),
        said(text, "the rate would rise", "Lena Moss, an economist at Brightwater Bank"),
        said(text, "anonymity", "who", 2),
        said(text, "they had stalled", "A person familiar with the talks"),
    ]
    (who, moss, who_2, person), entities = resolve(parser_nlp, text, attributions)
    assert who.speaker == moss.speaker
    assert who.speaker.name == "Lena Moss"
    assert who_2.speaker == person.speaker
    assert len(entity_named(entities, person.speaker.name).mentions) == 2


def test_who_makes_an_untyped_noun_a_person_or_a_group(parser_nlp):
    """The lexicon does not know "hacker"; "who" says it is someone, and "those who" some."""
    text = (
        "The accounts were opened by a hacker, who said he acted alone. "
        "Those who attended said the meeting was tense."
    )
    attributions = [
        said(text, "he acted alone", "who"),
        said(text, "the meeting was tense", "Those who"),
    ]
    (hacker, attendees), _ = resolve(parser_nlp, text, attributions)
    assert (hacker.speaker.name, hacker.speaker.type) == ("hacker", "person")
    assert attendees.speaker.type == "group"


def test_two_groups_of_those_who_stay_two(parser_nlp):
    """ "Those who ..." is whoever its clause describes, not the "those" named before."""
    text = (
        "Those who voted early said the lines were short. "
        "Those who came on the day said the wait was long."
    )
    attributions = [
        said(text, "the lines were short", "Those who voted early"),
        said(text, "the wait was long", "Those who came on the day"),
    ]
    (early, late), _ = resolve(parser_nlp, text, attributions)
    assert early.speaker.type == late.speaker.type == "group"
    assert early.speaker.entity != late.speaker.entity


def test_a_lone_surname_taken_for_a_place_is_the_person(parser_nlp):
    """NER labels a lone "Medina" a place; the article's Carlos Medina is who spoke."""
    text = "Medina said the plan was dead. Later, Carlos Medina told reporters he was tired."
    attributions = [
        said(text, "the plan was dead", "Medina"),
        said(text, "he was tired", "Carlos Medina"),
    ]
    (first, second), _ = resolve(parser_nlp, text, attributions)
    assert first.speaker.entity == second.speaker.entity
    assert (first.speaker.name, first.speaker.type) == ("Carlos Medina", "person")


def test_a_place_is_no_surname_of_a_name_without_a_known_first_name(parser_nlp):
    """ "Toledo" stays a place beside "Xolo Toledo": no known first name vouches for it."""
    text = "Toledo said the plan was dead. Later, Xolo Toledo told reporters he was tired."
    attributions = [
        said(text, "the plan was dead", "Toledo"),
        said(text, "he was tired", "Xolo Toledo"),
    ]
    (first, second), _ = resolve(parser_nlp, text, attributions)
    assert first.speaker.entity != second.speaker.entity


def test_a_surname_read_as_a_common_noun_is_the_person(parser_nlp):
    """The tagger reads "Will" as a verb; the columnist George Will is who urged."""
    text = (
        "The columnist George Will wrote about the race. Citing the attacks, Will urged "
        "voters to back the governor."
    )
    attributions = [said(text, "voters to back the governor", "Will", nth=2)]
    (urged,), entities = resolve(parser_nlp, text, attributions)
    assert urged.speaker.name == "George Will"
    assert urged.speaker.entity == entity_named(entities, "George Will").id


def test_a_speaker_name_ends_before_its_cue(parser_nlp):
    """NER reads "Dunn assured Reed" as the title of a work; the speaker is Alan Dunn."""
    text = (
        "Alan Dunn met the press on Monday. "
        '"Your reputation is amazing," Dunn assured Reed, after Reed praised him.'
    )
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=at(text, "Your reputation is amazing"),
        source=at(text, "Dunn", 2),
        cue=at(text, "assured"),
    )
    (resolved,), entities = resolve(parser_nlp, text, [attribution])
    assert (resolved.speaker.name, resolved.speaker.type) == ("Alan Dunn", "person")
    assert not [e for e in entities if "assured" in e.name]


def test_a_name_described_as_a_firm_is_an_organisation(parser_nlp):
    """NER calls "Ortega Partners" a person; its apposition says it is a firm."""
    text = (
        "Ortega Partners, the firm behind a viral campaign for a toilet aid, said the ad "
        "cost little."
    )
    source = "Ortega Partners, the firm behind a viral campaign for a toilet aid"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the ad cost little", source)])
    assert (attribution.speaker.name, attribution.speaker.type) == (
        "Ortega Partners",
        "organization",
    )


def test_a_person_after_an_outlet_s_possessive_is_a_person(parser_nlp):
    """NER labels "Breitbart's Joel Varga" an organisation; after the possessor it is a man."""
    text = "Breitbart's Joel Varga said the race was over."
    source = "Breitbart's Joel Varga"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the race was over", source)])
    assert (attribution.speaker.name, attribution.speaker.type) == ("Joel Varga", "person")


def test_it_reaches_back_one_sentence_only(parser_nlp):
    """A speaking "it" means a body named just before; three sentences on, an "It" source
    is far more often "It is unclear whether ..." than that body."""
    text = (
        "The Harbor Council said the plan was costly. It said the vote would wait. "
        "Builders met on Monday. Tenants met on Tuesday. "
        "It is unclear whether the plan will pass."
    )
    attributions = [
        said(text, "the plan was costly", "The Harbor Council"),
        said(text, "the vote would wait", "It"),
        said(text, "whether the plan will pass", "It", nth=2),
    ]
    (council, near, far), _ = resolve(parser_nlp, text, attributions)
    assert near.speaker.entity == council.speaker.entity
    assert far.speaker.entity != council.speaker.entity


def test_a_headline_source_is_named_as_far_as_the_body_has_the_name(parser_nlp):
    """NER runs "Pike May Not Have Suggested A Registry" together in a title-case headline."""
    text = (
        "Pike May Not Have Suggested A Registry, But He Fully Supported One\n\n"
        "Karl Pike, the mayor, said on Friday that he never suggested a registry."
    )
    attribution = Attribution(
        id="a1",
        kind="indirect",
        content=at(text, "A Registry"),
        source=at(text, "Pike"),
        cue=at(text, "Suggested"),
    )
    (resolved,), _ = resolve(parser_nlp, text, [attribution])
    assert (resolved.speaker.name, resolved.speaker.type) == ("Karl Pike", "person")


def test_a_social_platform_is_an_organisation_not_a_person(parser_nlp):
    """NER labels "Twitter" a person in nearly every sentence that names it."""
    text = "Ana Ruiz said on Twitter that the vote was rigged. Twitter said it had checked."
    attributions = [
        said(text, "the vote was rigged", "Ana Ruiz"),
        said(text, "it had checked", "Twitter", nth=2),
    ]
    (_, platform), entities = resolve(parser_nlp, text, attributions)
    assert (platform.speaker.name, platform.speaker.type) == ("Twitter", "organization")
    assert [e.name for e in entities if e.type == "person"] == ["Ana Ruiz"]


def test_a_plural_surname_after_the_is_a_family(parser_nlp):
    """NER calls "the Varlands" a person; it is a family, a group."""
    text = "The Varlands said the dinner would go ahead."
    attributions = [said(text, "the dinner would go ahead", "The Varlands")]
    (family,), entities = resolve(parser_nlp, text, attributions)
    assert (family.speaker.name, family.speaker.type) == ("Varlands", "group")
    assert not [e for e in entities if e.type == "person"]


def test_a_dash_inside_an_entity_separates_two_names(parser_nlp):
    """NER runs one person over "Marla Joan Prewitt - Vance's"; the spaced dash is
    punctuation between two people, so "Prewitt" later is Marla Joan Prewitt, and a hyphen
    inside a name stays."""
    text = (
        "In an interview, Marla Joan Prewitt - Vance's partner and co-host - said the show"
        " would go on. Prewitt says the station backed them. Ada Lloyd-Jones agreed."
    )
    attributions = [
        said(text, "the show would go on", "Marla Joan Prewitt"),
        said(text, "the station backed them", "Prewitt"),
    ]
    (first, second), entities = resolve(parser_nlp, text, attributions)
    assert first.speaker.name == second.speaker.name == "Marla Joan Prewitt"
    assert first.speaker.entity == second.speaker.entity
    assert "Vance" in {e.name for e in entities}
    doc = parser_nlp(text)
    start = [t.i for t in doc if t.text == "Ada"][0]
    doc.ents = [SpacySpan(doc, start, start + 4, label="PERSON")]
    assert [e.text for e in Parsed.of(doc).ents] == ["Ada Lloyd-Jones"]


def test_a_lone_surname_ner_missed_still_marks_its_person_as_the_subject(parser_nlp):
    """NER leaves "Quillan" in the last paragraph untagged; it is still the surname of Tom
    Quillan, the subject of the sentence before "he said", not the latest speaker."""
    text = (
        "“We will build it,” said Tom Quillan, chair of the council.\n\n"
        "Bill Tolman said the vote was wrong.\n\n"
        "Quillan approaches it a bit more diplomatically. “We will see,” he said."
    )
    attributions = [
        said(text, "We will build it", "Tom Quillan, chair of the council"),
        said(text, "the vote was wrong", "Bill Tolman"),
        said(text, "We will see", "he"),
    ]
    (_, _, pronoun), _ = resolve(parser_nlp, text, attributions)
    assert pronoun.speaker.name == "Tom Quillan"


def test_she_overrules_the_usual_gender_of_the_salient_person_s_first_name(parser_nlp):
    """Marty is usually a man's name; with no woman in reach, "She" after a sentence whose
    subject is Marty Quillan is Marty Quillan."""
    text = (
        "“We will build it,” said Marty Quillan, chair of the council.\n\n"
        "Quillan approaches it a bit more diplomatically. She said the money should go to"
        " schools."
    )
    attributions = [
        said(text, "We will build it", "Marty Quillan, chair of the council"),
        said(text, "the money should go to schools", "She"),
    ]
    (_, pronoun), entities = resolve(parser_nlp, text, attributions)
    assert pronoun.speaker.name == "Marty Quillan"
    assert len([e for e in entities if e.type == "person"]) == 1


def test_subject_pronouns_carry_a_named_subject_on_to_a_later_she_said(parser_nlp):
    """Two sentences of "she" that are no sources lie between the name and "she said";
    the executive who spoke last is not meant."""
    text = (
        "“This is strictly a business decision,” a factory executive tells employees.\n\n"
        "Jenna Hollowell-Price is one of those workers who listened to the announcement."
        " After 14 years on the line, she earns $21 an hour.\n\n"
        "And when she saw the news, all she could do was shout. “I loved it,” she said."
    )
    attributions = [
        said(text, "This is strictly a business decision", "a factory executive"),
        said(text, "I loved it", "she", 4),
    ]
    (_, worker), _ = resolve(parser_nlp, text, attributions)
    assert worker.speaker.name == "Jenna Hollowell-Price"


def test_a_person_first_known_by_the_first_name_alone_is_the_one_named_in_full(parser_nlp):
    text = (
        "Tomas is back: the mayor's brother on the trail.\n\n"
        "He's back.\n\n"
        "Tomas Varga's hair was whiter than when he ran in 1992. “We will win,” he said."
    )
    (attribution,), entities = resolve(parser_nlp, text, [said(text, "We will win", "he", 2)])
    assert attribution.speaker.name == "Tomas Varga"
    assert [e.name for e in entities if e.type == "person"] == ["Tomas Varga"]


def test_an_indefinite_one_word_name_gives_way_to_the_name_in_apposition(parser_nlp):
    """NER tags "PAC" a name; under "a" it is a common noun, and the apposition names it."""
    text = (
        "But a super PAC supporting Mrs. Clinton's candidacy, Priorities USA Action, said it"
        " would spend $20 million."
    )
    source = "a super PAC supporting Mrs. Clinton's candidacy, Priorities USA Action"
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "it would spend $20 million", source)]
    )
    assert (attribution.speaker.name, attribution.speaker.type) == (
        "Priorities USA Action",
        "organization",
    )


def test_who_after_an_aside_between_dashes_is_the_noun_before_the_aside(parser_nlp):
    text = (
        "The mayor pushed back against council members — like Councillor Ada Brandt — who"
        " say the budget is too small."
    )
    attributions = [said(text, "the budget is too small", "who")]
    (attribution,), _ = resolve(parser_nlp, text, attributions)
    assert attribution.speaker.name == "council members"


def test_a_lone_surname_means_whom_it_has_meant_not_whom_a_first_name_means(parser_nlp):
    """The article calls Tom Varga "Varga" and his brother "Frank": "Mr. Varga" is Tom,
    however often Frank's first name comes up."""
    text = (
        "Tom Varga spoke first. Varga said the plan was sound. His brother, Frank Varga,"
        " listened. Frank nodded. Frank smiled. Frank laughed. Mr. Varga said it would pass."
    )
    attributions = [
        said(text, "the plan was sound", "Varga", 2),
        said(text, "it would pass", "Mr. Varga"),
    ]
    (first, second), _ = resolve(parser_nlp, text, attributions)
    assert first.speaker.name == second.speaker.name == "Tom Varga"


def test_the_senator_is_the_latest_person_titled_sen(parser_nlp):
    text = (
        "Sen. Ines Marlowe objected to the bill. Sen. Piet Vandermolen, who wrote it, said he "
        "would try again. Vandermolen has pushed for it for a year. The senator said the fight "
        "was not over."
    )
    attributions = [
        said(text, "would try again", "he"),
        said(text, "the fight was not over", "The senator"),
    ]
    (_, senator), entities = resolve(parser_nlp, text, attributions)
    assert senator.speaker.name == "Piet Vandermolen"
    assert "senator" not in [e.name for e in entities]


def test_an_aside_after_a_nominal_source_is_neither_its_name_nor_its_title(parser_nlp):
    text = (
        "A senior trade official, who spoke on condition of anonymity because the talks "
        "were private, said the tariffs would stay."
    )
    source = (
        "A senior trade official, who spoke on condition of anonymity because the talks "
        "were private"
    )
    (official,), _ = resolve(parser_nlp, text, [said(text, "the tariffs would stay", source)])
    assert (official.speaker.name, official.speaker.title) == (
        "senior trade official",
        "A senior trade official",
    )


def test_a_clause_after_the_source_span_stays_out_of_its_name(parser_nlp):
    """The parser hangs ", providing ..." from "majority", outside the source span."""
    text = (
        "A majority of voters looking for an outsider candidate supported Osei, "
        "providing a boost to the first-time candidate for office."
    )
    (voters,), _ = resolve(parser_nlp, text, [said(text, "supported Osei", "A majority of voters")])
    assert voters.speaker.name == "majority of voters"


def test_an_apposition_that_names_the_source_stays_in_it(parser_nlp):
    text = "One protester, a teacher named Anna Berglund, said the plant would close."
    source = "One protester, a teacher named Anna Berglund"
    (protester,), _ = resolve(parser_nlp, text, [said(text, "the plant would close", source)])
    assert "Berglund" in protester.speaker.name


def test_an_aside_after_two_names_is_not_their_name(parser_nlp):
    text = "Tom Reyes and Ana Lutz, the parents of two students, said the school failed."
    source = "Tom Reyes and Ana Lutz, the parents of two students"
    (pair,), _ = resolve(parser_nlp, text, [said(text, "the school failed", source)])
    assert pair.speaker.name == "Tom Reyes and Ana Lutz"


def test_a_share_of_people_is_a_group(parser_nlp):
    text = "About 4 in 10 said they were angry. One in three said the party had failed them."
    attributions = [
        said(text, "they were angry", "About 4 in 10"),
        said(text, "the party had failed them", "One in three"),
    ]
    resolved, _ = resolve(parser_nlp, text, attributions)
    assert [a.speaker.type for a in resolved] == ["group", "group"]


def test_polling_is_a_document(parser_nlp):
    text = "Recent polling shows the mayor ahead by six points."
    (polling,), _ = resolve(
        parser_nlp, text, [said(text, "the mayor ahead by six points", "Recent polling")]
    )
    assert polling.speaker.type == "document"


def test_the_company_just_named_is_that_company(parser_nlp):
    text = "Acme Corp. also commented on the deal. “We wish them well,” the company said."
    (company,), _ = resolve(parser_nlp, text, [said(text, "We wish them well", "the company")])
    assert (company.speaker.name, company.speaker.type) == ("Acme Corp.", "organization")


def test_the_trade_group_is_not_a_company_named_group(parser_nlp):
    """ "the trade group" says more than "Acme Group" does: another body."""
    text = (
        "Acme Group said on Monday that its losses grew. Rivals did better. Prices rose. "
        "This week, the trade group for the smaller insurers said its members lost money too."
    )
    attributions = [
        said(text, "that its losses grew", "Acme Group"),
        said(text, "its members lost money too", "the trade group for the smaller insurers"),
    ]
    (acme, trade), _ = resolve(parser_nlp, text, attributions)
    assert trade.speaker.entity != acme.speaker.entity


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Jane Roe and Ed Poe both", "Jane Roe and Ed Poe"),
        ("Strategists for Tom Vance and Ann Doe all", "Strategists for Tom Vance and Ann Doe"),
    ],
)
def test_a_floating_quantifier_is_no_part_of_a_group_s_name(parser_nlp, source, name):
    text = f"{source} said the plan was bad."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the plan was bad", source)])
    assert attribution.speaker.name == name


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("A state audit released Thursday", "state audit"),
        ("The CBS News poll conducted last week", "CBS News poll"),
        ("A report published on Monday", "report"),
        (  # more than a date after the participle: all of it names the text
            "A memo released Friday by the agency's watchdog",
            "memo released Friday by the agency's watchdog",
        ),
    ],
)
def test_a_participle_that_only_dates_a_text_is_no_part_of_its_name(parser_nlp, source, name):
    text = f"{source} found that the plan had failed."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "that the plan had failed", source)])
    assert (attribution.speaker.name, attribution.speaker.type) == (name, "document")


def test_a_conjunction_the_parser_left_dangling_is_no_part_of_a_name(parser_nlp):
    """The parser reads "the memo" as a second subject and leaves "and" under "emails"."""
    text = "The emails and the memo showed that aides were worried."
    doc = parser_nlp(text)
    assert [t.text for t in doc[1].subtree] == ["The", "emails", "and"]  # the parse in question
    (attribution,), _ = resolve_speakers(
        doc, [said(text, "that aides were worried", "The emails and the memo")]
    )
    assert (attribution.speaker.name, attribution.speaker.type) == ("emails", "document")


def test_several_texts_named_together_are_documents(parser_nlp):
    text = "Some emails and other records described donors seeking favors."
    source = "Some emails and other records"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "donors seeking favors", source)])
    assert (attribution.speaker.name, attribution.speaker.type) == (source, "document")


@pytest.mark.parametrize(
    "group", ["The trade group for Halden Insurance", "The trade group for the Halden plans"]
)
def test_a_body_for_another_name_is_not_the_company_just_named(parser_nlp, group):
    text = (
        "Corvex Health said on Monday that its losses grew. "
        f"{group} said its members lost money too. “It is bad,” the group wrote."
    )
    attributions = [
        said(text, "that its losses grew", "Corvex Health"),
        said(text, "its members lost money too", group),
        said(text, "It is bad", "the group"),
    ]
    (corvex, trade, again), _ = resolve(parser_nlp, text, attributions)
    assert trade.speaker.entity != corvex.speaker.entity
    assert again.speaker.entity == trade.speaker.entity


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Jane Roe and Ed Poe, who are both on the committee", "Jane Roe and Ed Poe"),
        (
            "A report from the Halden Institute, which tracks prices",
            "report from the Halden Institute",
        ),
        (
            "The trade group for the Halden plans, which dominate the market",
            "trade group for the Halden plans",
        ),
    ],
)
def test_a_relative_clause_after_a_comma_is_no_part_of_a_name(parser_nlp, source, name):
    text = f"{source}, said the prices would rise."
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the prices would rise", source)])
    assert attribution.speaker.name == name


def test_the_group_is_the_company_named_group(parser_nlp):
    text = "Acme Group said on Monday that its losses grew. The group said costs rose too."
    attributions = [
        said(text, "that its losses grew", "Acme Group"),
        said(text, "costs rose too", "The group"),
    ]
    (acme, group), _ = resolve(parser_nlp, text, attributions)
    assert group.speaker.entity == acme.speaker.entity


def test_a_body_s_short_name_ner_missed_is_still_that_body(parser_nlp):
    """NER tags "Meridian Correctional Health" but not the "Meridian" the article shortens it
    to; "the company" after it is the body all the same."""
    text = (
        "The state paid Meridian Correctional Health $40 million last year.\n\n"
        "Meridian disputed the findings. The company said the audit was flawed."
    )
    doc = parser_nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Meridian Correctional Health"]
    (company,), _ = resolve_speakers(doc, [said(text, "the audit was flawed", "The company")])
    assert (company.speaker.name, company.speaker.type) == (
        "Meridian Correctional Health",
        "organization",
    )


def test_a_body_s_first_word_is_no_short_name_as_a_modifier(parser_nlp):
    text = "The state paid Harwick Marine Services $4 million. Harwick crews disputed it."
    doc = parser_nlp(text)
    assert [t.dep_ for t in doc if t.text == "Harwick"] == ["compound", "compound"]
    assert [e.text for e in Parsed.of(doc).ents] == ["Harwick Marine Services"]


def test_a_body_s_first_word_is_no_short_name_where_ner_calls_it_a_place(parser_nlp):
    """ "Lanford" of "Lanford State College" is the town where NER tags it alone."""
    text = "Ada Roe of Lanford State College spoke in Lanford on Monday. Lanford voted for her."
    labels = {("Ada Roe", 1): "PERSON", ("Lanford State College", 1): "ORG", ("Lanford", 2): "GPE"}
    parsed = Parsed.of(with_labels(parser_nlp, text, labels))
    assert [e.label_ for e in parsed.ents] == ["PERSON", "ORG", "GPE"]


def test_the_company_stays_unnamed_when_two_bodies_were_just_named(parser_nlp):
    text = (
        "Acme Corp. and Northwind Media Inc. commented on the deal. “We wish them well,” the "
        "company said."
    )
    (company,), _ = resolve(parser_nlp, text, [said(text, "We wish them well", "the company")])
    assert company.speaker.name == "company"


def test_a_person_a_headline_describes_is_the_one_the_body_names_with_that_title(parser_nlp):
    text = (
        "Judge blocks county's levy on hotels\n\n"
        "U.S. District Judge Nora Blake ruled on Friday that the levy was unlawful. "
        "Former mayor Ed Vance said the ruling was fair."
    )
    attributions = [
        said(text, "county's levy on hotels", "Judge"),
        said(text, "that the levy was unlawful", "U.S. District Judge Nora Blake"),
    ]
    (headline, ruling), _ = resolve(parser_nlp, text, attributions)
    assert headline.speaker == ruling.speaker
    assert headline.speaker.name == "Nora Blake"


def test_a_headline_description_needs_the_same_rank(parser_nlp):
    text = "Mayor backs plan\n\nFormer mayor Ed Vance said the plan was sound."
    attributions = [
        said(text, "plan", "Mayor"),
        said(text, "the plan was sound", "Former mayor Ed Vance"),
    ]
    (headline, vance), _ = resolve(parser_nlp, text, attributions)
    assert headline.speaker.entity != vance.speaker.entity


def test_the_companies_are_not_the_one_company_named_before(parser_nlp):
    text = (
        "The Harwick Shipping Company and two smaller ports signed the deal on Monday. "
        "The companies declined to say how much it cost."
    )
    (companies,), _ = resolve(parser_nlp, text, [said(text, "how much it cost", "The companies")])
    assert companies.speaker.name == "companies"


def test_the_firms_are_not_a_firm_described_before(parser_nlp):
    text = (
        "A private research firm in Ohio says the fortunes grew. In a busy year, these "
        "research firms say their estimates are fast."
    )
    attributions = [
        said(text, "the fortunes grew", "A private research firm in Ohio"),
        said(text, "their estimates are fast", "these research firms"),
    ]
    (firm, firms), _ = resolve(parser_nlp, text, attributions)
    assert firms.speaker.entity != firm.speaker.entity
    assert firms.speaker.type == "group"  # several firms


def test_the_firm_is_the_firm_described_before(parser_nlp):
    """The number must agree, and here it does."""
    text = (
        "A private research firm in Ohio says the fortunes grew. The research firm says its "
        "estimates are fast."
    )
    attributions = [
        said(text, "the fortunes grew", "A private research firm in Ohio"),
        said(text, "its estimates are fast", "The research firm"),
    ]
    (first, second), _ = resolve(parser_nlp, text, attributions)
    assert second.speaker.entity == first.speaker.entity


def test_the_news_agency_of_a_dateline_is_not_a_company_just_named(parser_nlp):
    text = "OSLO (Reuters) - Acme Corp. cut 300 jobs on Friday, the company said in a statement."
    doc = with_labels(
        parser_nlp, text, {("OSLO", 1): "GPE", ("Reuters", 1): "ORG", ("Acme Corp.", 1): "ORG"}
    )
    attributions = [said(text, "Acme Corp. cut 300 jobs on Friday", "the company")]
    (company,), _ = resolve_speakers(doc, attributions)
    assert (company.speaker.name, company.speaker.type) == ("Acme Corp.", "organization")


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Her remarks suggested that the deal was close.", "the deal was close", "Her remarks"),
        ("The new ad claims that the mayor voted twice.", "the mayor voted twice", "The new ad"),
        (
            "An editorial in the Daily Ledger argued that the plan was unfair.",
            "the plan was unfair",
            "An editorial in the Daily Ledger",
        ),
    ],
)
def test_remarks_ads_and_editorials_are_documents(parser_nlp, text, content, source):
    """What someone made says things as a text does: its speaker is a document, not a group
    of "remarks" or an unknown "ad"."""
    (attribution,), _ = resolve(parser_nlp, text, [said(text, content, source)])
    assert attribution.speaker.type == "document"


def test_it_after_an_ad_is_the_ad(parser_nlp):
    text = "The ad says the mayor lied. It also claims that taxes rose."
    attributions = [
        said(text, "the mayor lied", "The ad"),
        said(text, "taxes rose", "It"),
    ]
    (ad, it), _ = resolve(parser_nlp, text, attributions)
    assert (it.speaker.entity, it.speaker.type) == (ad.speaker.entity, "document")


def with_labels(nlp, text: str, labels: dict[tuple[str, int], str]) -> Doc:
    """The parsed text with NER's entities replaced: {(name, nth occurrence): label}."""
    doc = nlp(text)
    ents = []
    for (name, nth), label in labels.items():
        span = at(text, name, nth)
        ents.append(doc.char_span(span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def test_a_surname_ner_took_for_a_place_is_the_person_at_once(parser_nlp):
    """NER calls a lone "Brack" a place; it is Sen. Tom Brack from the start, so the
    "They" after it is not taken for a body called Brack (and folded into him at the end)."""
    text = (
        "Sen. Tom Brack joined Jane Roe on stage. “Look at what you did,” Brack said. "
        "Roe laughed. They went on joking, saying they were told to fill the time."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {("Tom Brack", 1): "PERSON", ("Jane Roe", 1): "PERSON", ("Brack", 2): "GPE"},
    )
    attributions = [
        said(text, "Look at what you did", "Brack", nth=2),
        said(text, "they were told to fill the time", "They"),
    ]
    (brack, they), _ = resolve_speakers(doc, attributions)
    assert (brack.speaker.name, brack.speaker.type) == ("Tom Brack", "person")
    assert they.speaker.entity != brack.speaker.entity
    assert they.speaker.type == "group"


def test_a_person_ner_calls_an_organisation_is_found_by_her_pronoun(parser_nlp):
    """NER labels "Karen Kessel" and "Kessel" organisations throughout; the "she" that finds
    no person takes the body that just spoke, a known first name and a surname: a woman."""
    text = (
        "Karen Kessel ran the firm for six years. Kessel, 61, said the merger was right. "
        "Later she defended the decision, saying it saved jobs."
    )
    doc = with_labels(parser_nlp, text, {("Karen Kessel", 1): "ORG", ("Kessel", 2): "ORG"})
    attributions = [
        said(text, "the merger was right", "Kessel", nth=2),
        said(text, "it saved jobs", "she"),
    ]
    (kessel, she), _ = resolve_speakers(doc, attributions)
    assert (she.speaker.name, she.speaker.type) == ("Karen Kessel", "person")
    assert kessel.speaker.entity == she.speaker.entity


def test_a_full_name_ner_calls_a_person_makes_the_same_name_called_a_body_that_person(
    parser_nlp,
):
    """A headline's "Karen Kessel", labelled a place, is the person the body names in full."""
    text = (
        "Karen Kessel: ‘We saved the mill’\n\n"
        "Mill owner Karen Kessel said on Monday that the deal saved 300 jobs."
    )
    doc = with_labels(parser_nlp, text, {("Karen Kessel", 1): "GPE", ("Karen Kessel", 2): "PERSON"})
    attributions = [
        said(text, "We saved the mill", "Karen Kessel"),
        said(text, "that the deal saved 300 jobs", "Mill owner Karen Kessel"),
    ]
    (headline, body), entities = resolve_speakers(doc, attributions)
    assert (body.speaker.name, body.speaker.type) == ("Karen Kessel", "person")
    assert headline.speaker.entity == body.speaker.entity
    assert [e.name for e in entities].count("Karen Kessel") == 1


def test_a_he_never_makes_a_womans_name_a_person(parser_nlp):
    text = (
        "Karen Kessel ran the firm. Kessel said the merger was right. "
        "He disagreed, saying it cost jobs."
    )
    doc = with_labels(parser_nlp, text, {("Karen Kessel", 1): "ORG", ("Kessel", 2): "ORG"})
    attributions = [
        said(text, "the merger was right", "Kessel", nth=2),
        said(text, "it cost jobs", "He"),
    ]
    (kessel, he), _ = resolve_speakers(doc, attributions)
    assert kessel.speaker.type == "organization"
    assert he.speaker.entity != kessel.speaker.entity


def test_a_book_named_for_a_person_is_not_that_person(parser_nlp):
    text = (
        "Karen Kessel said the budget was balanced. "
        "The biography Steady Hands: Karen Kessel says the budget was not."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {("Karen Kessel", 1): "PERSON", ("Steady Hands: Karen Kessel", 1): "WORK_OF_ART"},
    )
    attributions = [
        said(text, "the budget was balanced", "Karen Kessel"),
        said(text, "the budget was not", "Steady Hands: Karen Kessel"),
    ]
    (kessel, book), _ = resolve_speakers(doc, attributions)
    assert book.speaker.type == "document"
    assert book.speaker.entity != kessel.speaker.entity
    assert kessel.speaker.name == "Karen Kessel"


def test_a_speaker_far_back_yields_to_the_person_just_named(parser_nlp):
    """ "He" takes the latest speaker only within a few sentences; further back, the person
    just named is meant, even as an object ("That will not deter Mark Dalton. He sees ...")."""
    text = (
        "“We will win,” said Tom Brack, the campaign chair.\n\n"
        "The race moved on. Polls tightened in the east. Voters in the north were unsure. "
        "Rallies were smaller. Turnout fell in the west. The debate was postponed.\n\n"
        "None of that will deter Mark Dalton. He sees the calendar ahead as favorable."
    )
    attributions = [
        said(text, "We will win", "Tom Brack, the campaign chair"),
        said(text, "the calendar ahead as favorable", "He"),
    ]
    (_, he), _ = resolve(parser_nlp, text, attributions)
    assert he.speaker.name == "Mark Dalton"


def test_a_speaker_a_few_sentences_back_is_still_meant(parser_nlp):
    text = (
        "“We will win,” said Tom Brack, the campaign chair. Polls tightened in the east. "
        "Mark Dalton's aides were unsure. “It will be close,” he added."
    )
    attributions = [
        said(text, "We will win", "Tom Brack, the campaign chair"),
        said(text, "It will be close", "he"),
    ]
    (brack, he), _ = resolve(parser_nlp, text, attributions)
    assert he.speaker.entity == brack.speaker.entity


def test_a_hyphened_title_keeps_its_prefix(parser_nlp):
    """The parser reads "co-chair" as three appositions; the title is still "co-chair"."""
    text = "Jane Roe, co-chair of the panel, said the vote was fair."
    (roe,), _ = resolve(parser_nlp, text, [said(text, "the vote was fair", "Jane Roe")])
    assert roe.speaker.title == "co-chair of the panel"


def test_a_name_inside_a_headline_run_is_found(parser_nlp):
    """NER takes "Offensive Things Karen Voss" for one name in a title-case headline; the
    name the body writes is inside it."""
    text = (
        "9 (More) Offensive Things Karen Voss Has Said About Taxes\n\n"
        "A year ago Karen Voss ran for office. Voss said on Monday that taxes were too high."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {
            ("Offensive Things Karen Voss", 1): "PERSON",
            ("Karen Voss", 2): "PERSON",
            ("Voss", 3): "PERSON",
        },
    )
    headline = Attribution(
        id="a1",
        kind="indirect",
        content=at(text, "About Taxes"),
        source=at(text, "9 (More) Offensive Things Karen Voss"),
        cue=at(text, "Has Said"),
    )
    attributions = [headline, said(text, "taxes were too high", "Voss", nth=3)]
    (in_headline, voss), entities = resolve_speakers(doc, attributions)
    assert in_headline.speaker.name == voss.speaker.name == "Karen Voss"
    assert [e.name for e in entities] == ["Karen Voss"]


def test_a_lone_word_inside_a_headline_name_is_not_a_person(parser_nlp):
    """NER runs a name into a slogan ("Jane Roe Wear ‘Make Ohio"); "Ohio" is in the body too,
    but a lone word inside the run is a place more often than a person."""
    text = (
        "Jane Roe Wear ‘Make Ohio Great Again’ Hats at Rally\n\n"
        "Jane Roe wore a hat in Ohio. Roe said the hats sold well."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {
            ("Jane Roe Wear ‘Make Ohio", 1): "PERSON",
            ("Jane Roe", 2): "PERSON",
            ("Ohio", 2): "GPE",
            ("Roe", 3): "PERSON",
        },
    )
    (roe,), entities = resolve_speakers(doc, [said(text, "the hats sold well", "Roe", nth=3)])
    assert roe.speaker.name == "Jane Roe"
    assert [e.name for e in entities] == ["Jane Roe"]


def test_they_after_people_named_together_means_them(parser_nlp):
    """ "They" after two people named together as the subject is the two of them, a group,
    not the last group that spoke."""
    text = (
        "Union leaders said the plant was safe. Ana Ruiz and Tom Brack toured it on Monday. "
        "They said the jobs would stay."
    )
    labels = {("Ana Ruiz", 1): "PERSON", ("Tom Brack", 1): "PERSON"}
    doc = with_labels(parser_nlp, text, labels)
    attributions = [
        said(text, "the plant was safe", "Union leaders"),
        said(text, "the jobs would stay", "They"),
    ]
    (_, they), entities = resolve_speakers(doc, attributions)
    assert (they.speaker.name, they.speaker.type) == ("Ana Ruiz and Tom Brack", "group")
    assert {"Ana Ruiz", "Tom Brack"} <= {e.name for e in entities}


def test_a_group_that_spoke_since_the_people_named_together_is_meant(parser_nlp):
    text = (
        "Ana Ruiz and Tom Brack toured the plant on Monday, and union leaders said the visit "
        "was welcome. They said the jobs would stay."
    )
    labels = {("Ana Ruiz", 1): "PERSON", ("Tom Brack", 1): "PERSON"}
    doc = with_labels(parser_nlp, text, labels)
    attributions = [
        said(text, "the visit was welcome", "union leaders"),
        said(text, "the jobs would stay", "They"),
    ]
    (leaders, they), entities = resolve_speakers(doc, attributions)
    assert they.speaker.entity == leaders.speaker.entity
    assert "Ana Ruiz and Tom Brack" not in {e.name for e in entities}


def test_a_description_is_the_person_just_written_about(parser_nlp):
    """News writing calls the person by a description instead of the name."""
    text = (
        "Ben Carlo spoke to voters in Iowa on Monday. "
        "The retired neurosurgeon said his campaign would go on."
    )
    attributions = [said(text, "his campaign would go on", "The retired neurosurgeon")]
    (described,), _ = resolve(parser_nlp, text, attributions)
    assert (described.speaker.name, described.speaker.type) == ("Ben Carlo", "person")


def test_a_description_after_a_quotation_is_its_speaker(parser_nlp):
    text = (
        "“We will not give up,” Ana Ruiz said. “Never.” "
        "The Democratic front-runner said the vote would be close."
    )
    attributions = [
        said(text, "We will not give up", "Ana Ruiz"),
        said(text, "the vote would be close", "The Democratic front-runner"),
    ]
    doc = with_labels(parser_nlp, text, {("Ana Ruiz", 1): "PERSON", ("Democratic", 1): "NORP"})
    (ruiz, described), _ = resolve_speakers(doc, attributions)
    assert described.speaker.entity == ruiz.speaker.entity


@pytest.mark.parametrize(
    "second",
    [
        "The nurse said the wait was long.",  # met in passing, not a description of him
        "The governor said the wait was long.",  # another office than his
        "The clinic's director said the wait was long.",  # the clinic's, not his
    ],
)
def test_a_description_that_cannot_be_the_person_is_someone_else(parser_nlp, second):
    text = f"Sen. Tom Brack visited the clinic in Dayton on Monday. {second}"
    attributions = [said(text, "the wait was long", second.split(" said")[0])]
    (other,), _ = resolve(parser_nlp, text, attributions)
    assert other.speaker.type == "person"
    assert other.speaker.name != "Tom Brack"


def test_a_noun_for_what_someone_does_is_a_person(parser_nlp):
    text = "A social anthropologist said the town had changed."
    attributions = [said(text, "the town had changed", "A social anthropologist")]
    (attribution,), _ = resolve(parser_nlp, text, attributions)
    assert attribution.speaker.type == "person"


def test_a_description_may_name_a_place(parser_nlp):
    text = "Gov. Tom Brack spoke in Dayton on Monday. The Ohio governor said the roads were safe."
    attributions = [said(text, "the roads were safe", "The Ohio governor")]
    doc = with_labels(parser_nlp, text, {("Tom Brack", 1): "PERSON", ("Ohio", 1): "GPE"})
    (described,), _ = resolve_speakers(doc, attributions)
    assert described.speaker.name == "Tom Brack"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("the businessman and reality star", ("Tom Brack", "person")),
        ("the mayor and the judge", ("mayor and the judge", "group")),
    ],
)
def test_two_nouns_under_one_determiner_are_one_person(parser_nlp, source, expected):
    text = f"Tom Brack opened a hotel in June. Since then, {source} said the town had grown."
    doc = with_labels(parser_nlp, text, {("Tom Brack", 1): "PERSON"})
    (attribution,), _ = resolve_speakers(doc, [said(text, "the town had grown", source)])
    assert (attribution.speaker.name, attribution.speaker.type) == expected


def test_a_phrase_about_something_is_no_title(parser_nlp):
    """The parser reads the phrase before the name as its apposition; unless its head names
    someone ("the city's mayor, Jane Roe"), it is no title."""
    text = (
        "In an effort to clarify her most recent statements about her use of a private email "
        "server as secretary of state, Mary Smith on Friday only further muddled a controversy "
        "that has dogged her presidential candidacy from the start."
    )
    doc = with_labels(parser_nlp, text, {("Mary Smith", 1): "PERSON"})
    assert next(t for t in doc if t.text == "Smith").dep_ == "appos"  # the parse in question
    (smith,), _ = resolve_speakers(doc, [said(text, "only further muddled", "Mary Smith")])
    assert smith.speaker.title is None


def test_an_apposition_after_two_names_describes_the_second(parser_nlp):
    """The parser hangs "the club's entertainment manager" on the first of two names joined
    by "and"; it describes the one right before it."""
    text = (
        "Club owner Anna Kowalski and Samir Haddad, the club's entertainment manager, were "
        "honored with spots on the lead float. Kowalski said it was moving. Haddad said it was sad."
    )
    doc = parser_nlp(text)
    manager = next(t for t in doc if t.text == "manager")
    assert (manager.dep_, manager.head.text) == ("appos", "Kowalski")  # the parse in question
    attributions = [
        said(text, "it was moving", "Kowalski", 2),
        said(text, "it was sad", "Haddad", 2),
    ]
    (kowalski, haddad), _ = resolve_speakers(doc, attributions)
    assert (kowalski.speaker.name, kowalski.speaker.title) == ("Anna Kowalski", "Club owner")
    assert (haddad.speaker.name, haddad.speaker.title) == (
        "Samir Haddad",
        "the club's entertainment manager",
    )


def test_a_plural_apposition_after_a_lone_name_is_not_its_title(parser_nlp):
    """The parser hangs "the party leaders" on the subject far back; a plural describes a
    person only with others named beside them ("Voss and Reed, both senators")."""
    text = (
        "Karen Voss is far ahead in the delegate count because of early endorsements from "
        "superdelegates, the party leaders who can back anyone. Voss said the race was over."
    )
    doc = parser_nlp(text)
    leaders = next(t for t in doc if t.text == "leaders")
    assert (leaders.dep_, leaders.head.text) == ("appos", "Voss")  # the parse in question
    (voss,), _ = resolve_speakers(doc, [said(text, "the race was over", "Voss", 2)])
    assert (voss.speaker.name, voss.speaker.title) == ("Karen Voss", None)
    text = "Karen Voss and Tom Reed, both senators from Iowa, met. Voss said the race was over."
    (voss,), _ = resolve(parser_nlp, text, [said(text, "the race was over", "Voss", 2)])
    assert voss.speaker.title == "both senators from Iowa"
    text = "Kay Ruiz, the site's global politics and outreach director, said the race was over."
    (ruiz,), _ = resolve(parser_nlp, text, [said(text, "the race was over", "Kay Ruiz")])
    assert ruiz.speaker.title == "the site's global politics and outreach director"


def test_a_title_after_a_is_imagined_not_held(parser_nlp):
    """ "a President Voss" imagines her in office; it gives her no title."""
    text = (
        "Karen Voss wants lower taxes. It is an agenda a President Voss could pass in a year. "
        "Voss said the race was over."
    )
    (voss,), _ = resolve(parser_nlp, text, [said(text, "the race was over", "Voss", 3)])
    assert (voss.speaker.name, voss.speaker.title) == ("Karen Voss", None)


def test_a_title_is_shown_with_single_spaces(parser_nlp):
    text = "Lena Brandt, a Fed governor  since 2014, said rates would stay low."
    (brandt,), _ = resolve(parser_nlp, text, [said(text, "rates would stay low", "Lena Brandt")])
    assert (brandt.speaker.name, brandt.speaker.title) == (
        "Lena Brandt",
        "a Fed governor since 2014",
    )


def test_a_possessor_s_words_tell_neither_the_rank_nor_the_gender_of_a_title(parser_nlp):
    """ "The congressman's longtime adviser" is an adviser, not a congressman, and may be a
    woman: the "she" after the man named next is hers."""
    text = (
        "The congressman’s longtime adviser, Susan Hale, ran for the seat in May. "
        "Tom Vance ran too. “We will win,” she said."
    )
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "We will win", "she")])
    assert (attribution.speaker.name, attribution.speaker.title) == (
        "Susan Hale",
        "The congressman’s longtime adviser",
    )
    text = "The agency chief’s predecessor, Tom Vance, said the agency had failed."
    (attribution,), _ = resolve(
        parser_nlp, text, [said(text, "the agency had failed", "Tom Vance")]
    )
    assert attribution.speaker.title == "The agency chief’s predecessor"


def test_a_surname_with_a_lower_case_particle_is_one_person(parser_nlp):
    text = (
        "“It is a guilty pleasure,” said Karel de Smet, a professor of law in Ghent.\n\n"
        "For decades, Mr. de Smet noted, the country has sent observers abroad."
    )
    doc = with_labels(parser_nlp, text, {("Karel de Smet", 1): "PERSON", ("de Smet", 2): "PERSON"})
    attributions = [
        said(text, "It is a guilty pleasure", "Karel de Smet"),
        said(text, "the country has sent observers abroad", "Mr. de Smet"),
    ]
    (first, second), entities = resolve_speakers(doc, attributions)
    assert first.speaker.entity == second.speaker.entity
    assert (second.speaker.name, second.speaker.title) == (
        "Karel de Smet",
        "a professor of law in Ghent",
    )


def test_a_dateline_is_not_part_of_the_nominal_a_name_stands_in_apposition_to(parser_nlp):
    text = (
        "NEW YORK - Republican presidential candidate Donna Keller on Saturday tweeted an "
        "image of her rival. Keller said the image was fair."
    )
    doc = parser_nlp(text)
    keller = next(t for t in doc if t.text == "Keller")
    assert (keller.dep_, keller.head.text) == ("appos", "candidate")  # the parse in question
    (attribution,), _ = resolve_speakers(doc, [said(text, "the image was fair", "Keller", 2)])
    assert attribution.speaker.title == "Republican presidential candidate"


def test_a_surname_the_tagger_read_as_a_noun_is_the_person_it_most_often_names(parser_nlp):
    """Two people share the surname; the lone "Tramp" the tagger took for a common noun is
    the one the lone surname has meant so far, as a lone name would be."""
    text = (
        "Donald Tramp spoke first, and Donald Tramp spoke last. His wife, Melanie Tramp, stood "
        "beside him. Tramp predicts that he will win Nevada."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {
            ("Donald Tramp", 1): "PERSON",
            ("Donald Tramp", 2): "PERSON",
            ("Melanie Tramp", 1): "PERSON",
        },
    )
    noun = [t for t in doc if t.text == "Tramp"][3]
    noun.tag_, noun.pos_ = "NN", "NOUN"
    (attribution,), _ = resolve_speakers(doc, [said(text, "he will win Nevada", "Tramp", 4)])
    assert (attribution.speaker.name, attribution.speaker.type) == ("Donald Tramp", "person")


def test_a_first_name_before_and_shares_the_surname_of_the_full_name_after_it(parser_nlp):
    """ "Walter and Greta Lindqvist" are two people: Walter Lindqvist is the "Mr." later."""
    text = (
        "Walter and Greta Lindqvist arrived on Monday. Mr. Lindqvist said the trip was long. "
        "Mrs. Lindqvist said it was short."
    )
    doc = with_labels(parser_nlp, text, {("Greta Lindqvist", 1): "PERSON"})
    attributions = [
        said(text, "the trip was long", "Mr. Lindqvist"),
        said(text, "it was short", "Mrs. Lindqvist"),
    ]
    (husband, wife), entities = resolve_speakers(doc, attributions)
    assert husband.speaker.name == "Walter Lindqvist"
    assert wife.speaker.name == "Greta Lindqvist"
    assert [m.text for m in entity_named(entities, "Walter Lindqvist").mentions][0] == "Walter"


def test_a_first_name_that_is_someone_else_s_is_not_given_the_next_surname(parser_nlp):
    text = (
        "Greta Holm spoke first. Later Greta and Tomas Lindqvist arrived. Lindqvist said the "
        "trip was long."
    )
    doc = with_labels(
        parser_nlp, text, {("Greta Holm", 1): "PERSON", ("Tomas Lindqvist", 1): "PERSON"}
    )
    _, entities = resolve_speakers(doc, [said(text, "the trip was long", "Lindqvist", 2)])
    assert not [e for e in entities if e.name == "Greta Lindqvist"]


def test_a_first_name_named_in_full_elsewhere_shares_the_surname_after_and(parser_nlp):
    """ "Zarif" is in no first-name table, but the article names "Zarif Qadir" in full."""
    text = (
        "Zarif and Nadia Qadir spoke on Monday. Zarif Qadir, a lawyer, said the case was "
        "strong. Mr. Qadir added that it would go on."
    )
    doc = with_labels(
        parser_nlp,
        text,
        {("Zarif", 1): "PERSON", ("Nadia Qadir", 1): "PERSON", ("Zarif Qadir", 1): "PERSON"},
    )
    attributions = [
        said(text, "the case was strong", "Zarif Qadir, a lawyer"),
        said(text, "it would go on", "Mr. Qadir"),
    ]
    _, entities = resolve_speakers(doc, attributions)
    zarif = entity_named(entities, "Zarif Qadir")
    assert [m.text for m in zarif.mentions][0] == "Zarif"
    assert not [e for e in entities if e.name == "Zarif"]


def test_a_name_set_after_a_noun_for_a_body_is_that_body(parser_nlp):
    """ "the dredging company, Harwick Marine": NER says person, twice; it is the company,
    and the bare name later is the same company."""
    text = (
        "Investigators read emails between the mayor and the dredging company, Harwick "
        "Marine. Harwick Marine denied any wrongdoing."
    )
    labels = {("Harwick Marine", 1): "PERSON", ("Harwick Marine", 2): "PERSON"}
    doc = with_labels(parser_nlp, text, labels)
    (denied,), entities = resolve_speakers(
        doc, [said(text, "any wrongdoing", "Harwick Marine", nth=2)]
    )
    assert (denied.speaker.name, denied.speaker.type) == ("Harwick Marine", "organization")
    assert [e.type for e in entities if e.name == "Harwick Marine"] == ["organization"]


def test_a_name_in_brackets_after_a_noun_for_a_body_is_still_a_person(parser_nlp):
    """The parser hangs "(Thandiwe Okonkwo)" on "the country" as if in apposition."""
    text = (
        "Voters judge candidates who would close the country (Thandiwe Okonkwo). "
        "Okonkwo said it was fair."
    )
    labels = {("Thandiwe Okonkwo", 1): "PERSON", ("Okonkwo", 2): "PERSON"}
    doc = with_labels(parser_nlp, text, labels)
    (okonkwo,), _ = resolve_speakers(doc, [said(text, "it was fair", "Okonkwo", nth=2)])
    assert (okonkwo.speaker.name, okonkwo.speaker.type) == ("Thandiwe Okonkwo", "person")


def test_a_name_that_ner_ran_into_a_dateline_is_still_a_name(parser_nlp):
    """NER tags "ROME - Jane Roe" one organisation; past the dateline she is Jane Roe."""
    text = (
        "Roe meets the pope.\n\nROME - Jane Roe met privately with the pope on Saturday.\n\n"
        "The Democratic presidential candidate said the meeting was personal."
    )
    doc = with_labels(parser_nlp, text, {("ROME - Jane Roe", 1): "ORG"})
    (meeting,), _ = resolve_speakers(
        doc, [said(text, "the meeting was personal", "The Democratic presidential candidate")]
    )
    assert (meeting.speaker.name, meeting.speaker.type) == ("Jane Roe", "person")


def test_a_capitalised_role_after_the_is_a_title(parser_nlp):
    text = "Tom Reyes, the Republican National Committeeman from Utah, said the rules would hold."
    source = "Tom Reyes, the Republican National Committeeman from Utah"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the rules would hold", source)])
    assert attribution.speaker.name == "Tom Reyes"
    assert attribution.speaker.title == "the Republican National Committeeman from Utah"


def test_a_title_runs_on_past_the_comma_between_a_place_and_its_state(parser_nlp):
    """ "a lawyer from Austin, Texas": the comma joins the place; the next one ends it."""
    text = "Jane Roe, a lawyer from Austin, Texas, said the rule was fair."
    source = "Jane Roe, a lawyer from Austin, Texas"
    (attribution,), _ = resolve(parser_nlp, text, [said(text, "the rule was fair", source)])
    assert attribution.speaker.title == "a lawyer from Austin, Texas"


# --- interviews ---------------------------------------------------------------------------------

INTERVIEW = (
    "Q&A with Mayor Ana Lopes.\n\n"
    "Mayor Ana Lopes spoke with reporters on Monday about the budget. Lopes took office in "
    "2019. Questions and answers have been edited for length.\n\n"
    "Q: You have cut the parks budget twice. Why?\n\n"
    "A: I think we had no choice. The money was not there.\n\n"
    "Q: Will you run again?\n\n"
    "A: I have not decided.\n"
)


def test_an_i_in_an_interview_answer_is_the_person_interviewed(parser_nlp):
    text = INTERVIEW
    attributions = [
        said(text, "we had no choice", "I"),
        said(text, "decided", "I", nth=2),
        said(text, "cut the parks budget twice", "You"),
    ]
    (choice, decided, cut), entities = resolve(parser_nlp, text, attributions)
    assert choice.speaker.name == decided.speaker.name == cut.speaker.name == "Ana Lopes"
    assert "I" not in [e.name for e in entities]


def test_an_i_outside_an_interview_is_the_article_s_own_voice(parser_nlp):
    text = INTERVIEW.replace("A: ", "").replace("Q: ", "")
    (choice,), _ = resolve(parser_nlp, text, [said(text, "we had no choice", "I")])
    assert choice.speaker.name == "I"
