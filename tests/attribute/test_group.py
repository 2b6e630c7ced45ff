"""Mending and grouping, tested on hand-tagged sentences so they are checked apart from
the model."""

import pytest

from onrecord.attribute.group import cue_shapes, group_spans, kind_of
from onrecord.attribute.lexicon import MIN_COUNT, SourcelessCues
from onrecord.attribute.quotes import find_quotations
from onrecord.attribute.spans import (
    add_missed_quotations,
    join_fragments,
    role_spans,
    speakers_after_quotations,
    split_at_sentence_starts,
)


def tags_for(doc, roles: dict[str, str]) -> list[str]:
    """BIO tags from {"exact phrase": "ROLE"} (first occurrence of each phrase)."""
    tags = ["O"] * len(doc)
    for phrase, role in roles.items():
        start = doc.text.index(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        for k, i in enumerate(range(span.start, span.end)):
            tags[i] = ("B-" if k == 0 else "I-") + role
    return tags


def trained_on_cue_of(doc, tags, sourceless: bool) -> SourcelessCues:
    """A table that has seen the shape of the one cue in ``tags`` often enough to count,
    each time without a source if ``sourceless``, else each time with one."""
    (cue,) = [s for s in role_spans(doc, tags) if s.role == "CUE"]
    table = SourcelessCues()
    for _ in range(MIN_COUNT):
        table.add(cue_shapes(doc, cue), sourceless=sourceless)
    return table


def texts(doc, group):
    cue = doc[group.cue.start : group.cue.end].text if group.cue else None
    source = doc[group.source.start : group.source.end].text if group.source else None
    contents = [doc[c.start : c.end].text for c in group.contents]
    return contents, cue, source


def sources_by_cue(doc, groups) -> dict[str | None, str | None]:
    """Each group's source text by its cue text."""
    return {texts(doc, g)[1]: texts(doc, g)[2] for g in groups}


def test_reported_speech_ties_content_cue_and_source(parse):
    doc = parse("The mayor told reporters that the bridge would reopen in May.")
    tags = tags_for(
        doc,
        {"The mayor": "SRC", "told reporters": "CUE", "that the bridge would reopen in May": "CON"},
    )
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (
        ["that the bridge would reopen in May"],
        "told reporters",
        "The mayor",
    )
    assert kind_of(doc, group, find_quotations(doc.text)) == "indirect"


@pytest.mark.parametrize(
    ("sentence", "roles", "contents", "cue", "source"),
    [
        (
            "“The plan is dead,” the minister said. “We start again next week.”",
            {
                "The plan is dead": "CON",
                "the minister": "SRC",
                "said": "CUE",
                "We start again next week.": "CON",
            },
            ["The plan is dead", "We start again next week"],
            "said",
            "the minister",
        ),
        (  # however much attribution lies between the two quotations
            "“We were never asked,” said Jane Doe, who chaired the county board from 2004 "
            "until 2011. “Nobody called us once.”",
            {
                "“We were never asked,”": "CON",
                "said": "CUE",
                "Jane Doe": "SRC",
                "“Nobody called us once.”": "CON",
            },
            ["“We were never asked,”", "“Nobody called us once.”"],
            "said",
            "Jane Doe",
        ),
    ],
)
def test_split_quotation_is_one_attribution(parse, sentence, roles, contents, cue, source):
    doc = parse(sentence)
    (group,) = group_spans(doc, role_spans(doc, tags_for(doc, roles)))
    assert texts(doc, group) == (contents, cue, source)
    assert kind_of(doc, group, find_quotations(doc.text)) == "direct"


def test_split_reported_speech_is_one_attribution(parse):
    doc = parse("The budget, the minister said, would be cut in half.")
    tags = tags_for(
        doc,
        {"The budget": "CON", "the minister": "SRC", "said": "CUE", "would be cut in half": "CON"},
    )
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["The budget", "would be cut in half"], "said", "the minister")


def test_a_quotation_and_an_unquoted_clause_beside_its_cue_stay_apart(parse):
    doc = parse("“All the way!” Dawson shouted, waving a sign that the crowd could not read.")
    tags = tags_for(
        doc,
        {
            "All the way!": "CON",
            "Dawson": "SRC",
            "shouted": "CUE",
            "waving a sign that the crowd could not read": "CON",
        },
    )
    groups = group_spans(doc, role_spans(doc, tags))
    assert [texts(doc, g)[0] for g in groups] == [
        ["All the way!"],
        ["waving a sign that the crowd could not read"],
    ]


def test_a_verbless_aside_after_a_quotation_s_cue_is_not_a_content(parse):
    doc = parse("“He was a fine governor,” Smith said of Bill Clinton.")
    tags = tags_for(
        doc,
        {"He was a fine governor": "CON", "Smith": "SRC", "said of": "CUE", "Bill Clinton": "CON"},
    )
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["He was a fine governor"], "said of", "Smith")


def test_two_statements_of_one_speaker_stay_apart(parse):
    doc = parse(
        "Smith said taxes would fall. Later in the long interview, the senator said "
        "that schools would get more money."
    )
    tags = tags_for(
        doc,
        {
            "Smith": "SRC",
            "said": "CUE",
            "taxes would fall": "CON",
            "the senator": "SRC",
            "that schools would get more money": "CON",
        },
    )
    tags[[t.text for t in doc].index("said", 5)] = "B-CUE"
    groups = group_spans(doc, role_spans(doc, tags))
    assert [texts(doc, g)[2] for g in groups] == ["Smith", "the senator"]


def test_speakerless_quotation_paragraph_continues_previous_speaker(parse):
    doc = parse("“We will appeal,” the lawyer said.\n“Nobody should doubt our resolve here.”")
    tags = tags_for(
        doc,
        {
            "We will appeal": "CON",
            "the lawyer": "SRC",
            "said": "CUE",
            "Nobody should doubt our resolve here.": "CON",
        },
    )
    (group,) = group_spans(doc, role_spans(doc, tags))
    contents, cue, source = texts(doc, group)
    assert contents == ["We will appeal", "Nobody should doubt our resolve here"]
    assert source == "the lawyer"


def test_speakerless_quotation_after_reported_speech_is_a_statement_of_its_own(parse):
    """Same speaker, but not more of what was reported: "that the plan would fail" and the
    quotation below it are two things the lawyer said."""
    doc = parse(
        "The lawyer said on Friday that the plan would fail.\n“Nobody should doubt our "
        "resolve here.”"
    )
    roles = {
        "The lawyer": "SRC",
        "said on Friday": "CUE",
        "that the plan would fail": "CON",
        "Nobody should doubt our resolve here.": "CON",
    }
    groups = group_spans(doc, role_spans(doc, tags_for(doc, roles)))
    assert [texts(doc, g) for g in groups] == [
        (["that the plan would fail"], "said on Friday", "The lawyer"),
        (["Nobody should doubt our resolve here"], "said on Friday", "The lawyer"),
    ]


def test_according_to_kind(parse):
    doc = parse("According to the report, prices rose sharply last year.")
    tags = tags_for(
        doc,
        {"According to": "CUE", "the report": "SRC", "prices rose sharply last year": "CON"},
    )
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["prices rose sharply last year"], "According to", "the report")
    assert kind_of(doc, group, find_quotations(doc.text)) == "according_to"


def test_content_without_cue_has_no_source(parse):
    doc = parse("The river rose overnight. Officials were not available.")
    tags = tags_for(doc, {"The river rose overnight": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert group.cue is None and group.source is None


def test_missed_sentence_quotation_is_added(parse):
    doc = parse("He paused. “We have done nothing wrong at all,” he said.")
    spans = add_missed_quotations(doc, [], find_quotations(doc.text))
    assert [doc[s.start : s.end].text for s in spans] == ["We have done nothing wrong at all,"]


def test_scare_quotes_are_not_added(parse):
    doc = parse("The so-called “reform” was debated.")
    assert add_missed_quotations(doc, [], find_quotations(doc.text)) == []


def test_according_to_inside_a_clause_is_found(parse):
    from onrecord.attribute.according import according_to_spans

    doc = parse("The alliance, according to the envoy, has become a target.")
    spans = according_to_spans(doc, [])
    (group,) = group_spans(doc, spans)
    contents, cue, source = texts(doc, group)
    assert contents == ["The alliance", "has become a target"]
    assert (cue, source) == ("according to", "the envoy")


def test_according_to_with_tagged_content_is_left_alone(parse):
    from onrecord.attribute.according import according_to_spans

    doc = parse("According to the report, prices rose sharply.")
    tags = tags_for(doc, {"According to": "CUE", "prices rose sharply": "CON"})
    spans = according_to_spans(doc, role_spans(doc, tags))
    (group,) = group_spans(doc, spans)
    assert texts(doc, group) == (["prices rose sharply"], "According to", "the report")


def test_according_to_cue_overrunning_its_source_is_cut_back(parse):
    from onrecord.attribute.according import according_to_spans

    doc = parse("According to the rules of the club, members must pay dues.")
    tags = tags_for(doc, {"According to the rules of": "CUE", "the club, members must": "CON"})
    (group,) = group_spans(doc, according_to_spans(doc, role_spans(doc, tags)))
    contents, cue, source = texts(doc, group)
    assert (cue, source) == ("According to", "the rules of the club")
    assert contents == ["members must"]


def test_according_to_with_only_cue_tagged_gets_its_content(parse):
    from onrecord.attribute.according import according_to_spans

    doc = parse("The alliance, according to the envoy, has become a target.")
    tags = tags_for(doc, {"according to": "CUE", "the envoy": "SRC"})
    (group,) = group_spans(doc, according_to_spans(doc, role_spans(doc, tags)))
    assert texts(doc, group) == (
        ["The alliance", "has become a target"],
        "according to",
        "the envoy",
    )


@pytest.mark.parametrize(
    ("sentence", "roles", "expected"),
    [
        # a statement tagged inside the clause: the whole clause is what X reported
        (
            "Some of the mayor's aides urged her to resign, according to two officials "
            "familiar with the talks.",
            {
                "Some of the mayor's aides": "SRC",
                "urged": "CUE",
                "her to resign": "CON",
                "according to": "CUE",
                "two officials familiar with the talks": "SRC",
            },
            (
                ["Some of the mayor's aides urged her to resign"],
                "according to",
                "two officials familiar with the talks",
            ),
        ),
        # the tagger's source runs over the comma into the clause, and it reads the
        # clause's auxiliary as a cue
        (
            "According to an analysis by the state university, similar deals have rarely "
            "paid off for cities.",
            {
                "According to": "CUE",
                "an analysis by the state university, similar deals": "SRC",
                "have": "CUE",
                "rarely paid off for cities": "CON",
            },
            (
                ["similar deals have rarely paid off for cities"],
                "According to",
                "an analysis by the state university",
            ),
        ),
    ],
)
def test_according_to_takes_the_whole_clause_over_what_the_tagger_marked_in_it(
    parse, sentence, roles, expected
):
    from onrecord.attribute.according import according_to_spans

    doc = parse(sentence)
    tags = tags_for(doc, roles)
    (group,) = group_spans(doc, according_to_spans(doc, role_spans(doc, tags)))
    assert texts(doc, group) == expected


def test_parse_running_over_a_paragraph_break_does_not_pick_the_source(nlp):
    """The parser may hang a quotation paragraph below the previous paragraph's verb, as
    one sentence; the speaker named in the quotation's own paragraph is still the source."""
    from spacy.tokens import Doc

    words = ["The", "mayor", "sought", "help", ".", "\n\n", "“", "We", "wait", ",", "”"]
    words += ["Ms.", "Lee", "said", "."]
    spaces = [True, True, True, False, False, False, False, True, False, False, True]
    spaces += [True, True, False, False]
    # One sentence for both paragraphs, rooted at "said", as the parser sometimes has it.
    heads = [1, 2, 13, 2, 2, 4, 8, 8, 13, 13, 13, 12, 13, 13, 13]
    deps = ["det", "nsubj", "ccomp", "dobj", "punct", "dep", "punct", "nsubj", "ccomp"]
    deps += ["punct", "punct", "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    tags = tags_for(doc, {"The mayor": "SRC", "sought": "CUE", "help": "CON"})
    tags = [t if i < 6 else "O" for i, t in enumerate(tags)]
    tags[7:9] = ["B-CON", "I-CON"]
    tags[11:14] = ["B-SRC", "I-SRC", "B-CUE"]
    groups = group_spans(doc, role_spans(doc, tags))
    quoted = next(g for g in groups if doc[g.contents[0].start].text == "We")
    assert texts(doc, quoted) == (["We wait"], "said", "Ms. Lee")


def test_a_colon_alone_can_be_the_cue(parse):
    doc = parse("Smith: “We will win the vote.”")
    tags = tags_for(doc, {"Smith": "SRC", ":": "CUE", "We will win the vote.": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["We will win the vote"], ":", "Smith")


def test_a_cue_left_without_source_takes_its_subject(parse):
    doc = parse("“We will win,” said Jane Doe, a spokeswoman for the campaign.")
    tags = tags_for(doc, {"We will win": "CON", "said": "CUE"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "Jane Doe, a spokeswoman for the campaign"


def test_a_participle_cue_takes_the_subject_of_its_verb(parse):
    doc = parse("The senator apologized on Monday, saying the remark was wrong.")
    tags = tags_for(doc, {"saying": "CUE", "the remark was wrong": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "The senator"


def test_a_cue_joined_to_a_passive_verb_takes_that_verb_s_subject(parse):
    doc = parse("Mr. Trump was forced into damage control and said his words were misconstrued.")
    tags = tags_for(doc, {"said": "CUE", "his words were misconstrued": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "Mr. Trump"


def test_a_speaker_after_the_verb_read_as_its_object_is_the_source(parse):
    # The small parser reads "Voters" as the subject of "added" and the speaker as its object.
    doc = parse("“Voters like the guy,” added another Democrat.")
    tags = tags_for(doc, {"Voters like the guy": "CON", "added": "CUE"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "another Democrat"


def test_the_listener_after_the_verb_is_not_the_source(parse):
    doc = parse("“It is over,” told reporters on Monday.")
    tags = tags_for(doc, {"It is over": "CON", "told": "CUE"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert group.source is None


def test_a_passive_cue_gets_no_subject_as_source(parse):
    doc = parse("The mayor was asked whether the bridge would reopen.")
    tags = tags_for(doc, {"was asked": "CUE", "whether the bridge would reopen": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert group.source is None


def test_an_untagged_verb_governing_the_content_becomes_its_cue(parse):
    doc = parse("“The plan is dead,” the minister said on Monday.")
    tags = tags_for(doc, {"The plan is dead": "CON", "the minister": "SRC"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["The plan is dead"], "said", "the minister")


def test_an_untagged_verb_in_the_content_s_sentence_beats_a_cue_in_the_next(parse):
    doc = parse(
        "At the rally, Jones declared, “We will win this seat.” "
        "The candidate repeated: “Nobody can stop us now.”"
    )
    tags = tags_for(
        doc,
        {
            "We will win this seat.": "CON",
            "The candidate": "SRC",
            "repeated": "CUE",
            "Nobody can stop us now.": "CON",
        },
    )
    groups = group_spans(doc, role_spans(doc, tags))
    assert [texts(doc, g)[:2] for g in groups] == [
        (["We will win this seat"], "declared"),
        (["Nobody can stop us now"], "repeated"),
    ]


@pytest.mark.parametrize(
    ("sentence", "source", "contents"),
    [
        # parenthetical: the parser hangs "said" from "is" as parataxis
        ("The plan, the minister said, is dead.", "the minister", [["The plan", "is dead"]]),
        (
            "The mayor said the bridge would reopen in May.",
            "The mayor",
            [["the bridge would reopen in May"]],
        ),
        ("The mayor said so on Tuesday.", "The mayor", []),  # no clause to report
        # the clause before an inverted cue, without a dateline opening its paragraph
        (
            "The bridge will reopen in May, the mayor said.",
            "the mayor",
            [["The bridge will reopen in May"]],
        ),
        (
            "SPRINGFIELD (Reuters) — The bridge will reopen in May, the mayor said.",
            "the mayor",
            [["The bridge will reopen in May"]],
        ),
        (
            "Residents cheered.\n\nBERN — The bridge will reopen in May, the mayor said.",
            "the mayor",
            [["The bridge will reopen in May"]],
        ),
        # capitals inside a sentence are no dateline
        (
            "In short, NATO — the alliance — is dead, the minister said.",
            "the minister",
            [["In short, NATO — the alliance — is dead"]],
        ),
    ],
)
def test_a_cue_the_tagger_gave_no_content_reports_its_clause(parse, sentence, source, contents):
    doc = parse(sentence)
    tags = tags_for(doc, {source: "SRC", "said": "CUE"})
    groups = group_spans(doc, role_spans(doc, tags))
    assert [texts(doc, g) for g in groups] == [(c, "said", source) for c in contents]


def test_the_cue_subject_beats_a_tagged_source_from_another_sentence(parse):
    doc = parse("Her allies were worried. The governor says that the plan will work.")
    tags = tags_for(doc, {"Her allies": "SRC", "says": "CUE", "that the plan will work": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "The governor"


def test_a_cue_after_a_preposition_takes_the_subject_of_the_main_verb(parse):
    doc = parse("The senator deflected questions before saying that the bill would pass.")
    tags = tags_for(doc, {"saying": "CUE", "that the bill would pass": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "The senator"


def test_subject_of_a_clause_before_the_cue_is_not_its_source(parse):
    doc = parse(
        "When Sanders accused Clinton of being too close to the banks, she said "
        "she had stood up to them."
    )
    tags = tags_for(
        doc,
        {"Sanders": "SRC", "she said": "CUE", "she had stood up to them": "CON"},
    )
    tags[[t.text for t in doc].index("she")] = "B-SRC"
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["she had stood up to them"], "said", "she")


def test_content_running_into_a_quoted_sentence_is_cut_before_the_quotation(parse):
    doc = parse(
        "The senator said there had been fraud in the count. "
        "“We feel like democracy has been stolen,” a voter said."
    )
    tags = tags_for(
        doc,
        {
            "The senator": "SRC",
            "said": "CUE",
            "there had been fraud in the count. “We feel like democracy has been stolen": "CON",
            "a voter": "SRC",
        },
    )
    tags[[t.text for t in doc].index("said", 3)] = "B-CUE"
    groups = group_spans(doc, role_spans(doc, tags))
    assert [texts(doc, g) for g in groups] == [
        (["there had been fraud in the count"], "said", "The senator"),
        (["“We feel like democracy has been stolen"], "said", "a voter"),
    ]


def test_a_loosely_spaced_straight_quotation_is_read_as_the_quotation_finder_reads_it(parse):
    # The opening mark stands apart from its first word, as careless copy has it: the
    # grouping asks the quotation finder, not the mark's spacing, where a quotation opens.
    doc = parse(
        "The senator said there had been fraud in the count. "
        '" We feel like democracy has been stolen, " a voter said.'
    )
    tags = tags_for(
        doc,
        {
            "The senator": "SRC",
            "said": "CUE",
            'there had been fraud in the count. " We feel like democracy has been stolen': "CON",
            "a voter": "SRC",
        },
    )
    tags[[t.text for t in doc].index("said", 3)] = "B-CUE"
    groups = group_spans(doc, role_spans(doc, tags))
    assert [texts(doc, g)[0] for g in groups] == [
        ["there had been fraud in the count"],
        ['" We feel like democracy has been stolen'],
    ]


def test_cueless_quotation_later_in_the_paragraph_continues_the_quotation_before(parse):
    doc = parse(
        "“I don't know exactly where he stands on that,” said Mary Smith, a retired "
        "teacher who drove two hours with her sister and three neighbours to hear the "
        "candidate speak at the old barn on the edge of the town on Saturday evening. "
        "“Some sort of amnesty, I think, is part of his plan.”"
    )
    tags = tags_for(
        doc,
        {
            "“I don't know exactly where he stands on that,”": "CON",
            "said": "CUE",
            "Mary Smith": "SRC",
            "“Some sort of amnesty, I think, is part of his plan.”": "CON",
        },
    )
    (group,) = group_spans(doc, role_spans(doc, tags))
    contents, cue, source = texts(doc, group)
    assert contents == [
        "“I don't know exactly where he stands on that,”",
        "“Some sort of amnesty, I think, is part of his plan.”",
    ]
    assert (cue, source) == ("said", "Mary Smith")


def test_content_pieces_split_by_a_comma_are_joined(parse):
    doc = parse("He wants the minimum wage, now $7.25 an hour, to be raised to $15.")
    tags = tags_for(
        doc, {"He": "SRC", "wants": "CUE", "the minimum wage": "CON", "now $7.25 an hour": "CON"}
    )
    spans = join_fragments(doc, role_spans(doc, tags))
    (group,) = group_spans(doc, spans)
    assert texts(doc, group)[0] == ["the minimum wage, now $7.25 an hour"]


def test_content_pieces_split_by_a_word_or_a_paragraph_stay_apart(parse):
    doc = parse("Smith said taxes would fall and Jones said rents would rise.\n\nThey will.")
    tags = tags_for(doc, {"taxes would fall": "CON", "rents would rise": "CON"})
    assert len([s for s in join_fragments(doc, role_spans(doc, tags)) if s.role == "CON"]) == 2
    doc = parse("Smith said taxes would fall.\n\n“They will,” he added.")
    tags = tags_for(doc, {"taxes would fall": "CON", "They will": "CON"})
    assert len([s for s in join_fragments(doc, role_spans(doc, tags)) if s.role == "CON"]) == 2


def test_cue_shape_says_how_the_cue_gets_its_subject(parse):
    doc = parse("She is expected to win the primary.")
    tags = tags_for(doc, {"expected": "CUE"})
    (cue,) = role_spans(doc, tags)
    assert cue_shapes(doc, cue) == ("expected|passive", "expected")
    doc = parse("The statistics appear to be fabricated.")
    (cue,) = role_spans(doc, tags_for(doc, {"appear": "CUE"}))
    assert cue_shapes(doc, cue) == ("appear|own", "appear")


def test_a_cue_shape_that_goes_without_source_in_training_gets_none(parse):
    doc = parse("The statistics appear to be fabricated.")
    tags = tags_for(doc, {"The statistics": "SRC", "appear": "CUE", "to be fabricated": "CON"})
    sourceless = trained_on_cue_of(doc, tags, sourceless=True)
    (group,) = group_spans(doc, role_spans(doc, tags), sourceless)
    assert group.source is None
    (group,) = group_spans(doc, role_spans(doc, tags), SourcelessCues())
    assert texts(doc, group)[2] == "The statistics"


@pytest.mark.parametrize("sourceless_in_training", [True, False])
def test_a_passive_cue_s_agent_is_its_source(parse, sourceless_in_training):
    doc = parse("The senator was asked by the host whether she would run again.")
    tags = tags_for(doc, {"was asked": "CUE", "whether she would run again": "CON"})
    sourceless = trained_on_cue_of(doc, tags, sourceless=sourceless_in_training)
    (group,) = group_spans(doc, role_spans(doc, tags), sourceless)
    assert texts(doc, group)[2] == "the host"


def test_unquoted_content_running_into_the_next_sentence_is_cut_there(parse):
    doc = parse("Officials said that the plan had failed. Critics welcomed the news on Monday.")
    tags = tags_for(doc, {"that the plan had failed. Critics welcomed the news": "CON"})
    spans = split_at_sentence_starts(doc, role_spans(doc, tags), find_quotations(doc.text))
    assert [doc[s.start : s.end].text for s in spans] == [
        "that the plan had failed",
        "Critics welcomed the news",
    ]


def test_a_quotation_of_several_sentences_stays_whole(parse):
    doc = parse("“We lost. We will be back next year,” she said.")
    tags = tags_for(doc, {"We lost. We will be back next year": "CON"})
    spans = split_at_sentence_starts(doc, role_spans(doc, tags), find_quotations(doc.text))
    assert [doc[s.start : s.end].text for s in spans] == ["We lost. We will be back next year"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The mayor's deputy answered:\n\n“We will rebuild the bridge by May.”",
            "The mayor's deputy",
        ),
        (
            "The council was blunt in its ruling: “We will rebuild the bridge by May.”",
            "The council",
        ),
        (
            "The Herald confirmed that, reporting:\n“We will rebuild the bridge by May.”",
            "The Herald",
        ),
        ("Prices matter more now - Jane Doe:\n“We will rebuild the bridge by May.”", "Jane Doe"),
    ],
)
def test_a_quotation_with_no_cue_after_a_colon_is_cued_by_it(parse, text, source):
    doc = parse(text)
    tags = tags_for(doc, {"We will rebuild the bridge by May.": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group) == (["We will rebuild the bridge by May"], ":", source)


def test_a_colon_two_paragraphs_back_does_not_cue_a_quotation(parse):
    doc = parse("The deputy answered:\n\nNothing more.\n\n“We will rebuild the bridge by May.”")
    tags = tags_for(doc, {"We will rebuild the bridge by May.": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert group.cue is None and group.source is None


def speakers_mended(parse, text: str, roles: dict[str, str]):
    """The text parsed, its quotations, and its tagged runs after
    ``speakers_after_quotations``."""
    doc = parse(text)
    quotations = find_quotations(doc.text)
    spans = speakers_after_quotations(doc, role_spans(doc, tags_for(doc, roles)), quotations)
    return doc, quotations, spans


def test_a_speaker_after_an_inverted_cue_tagged_as_content_is_the_source(parse):
    text = (
        "“The budget is a disgrace,” said Marta Lindqvist, a council member who chairs the"
        " finance committee."
    )
    speaker = "Marta Lindqvist, a council member who chairs the finance committee"
    roles = {"“The budget is a disgrace,”": "CON", "said": "CUE", speaker: "CON"}
    doc, quotations, spans = speakers_mended(parse, text, roles)
    (group,) = group_spans(doc, spans, quotations=quotations)
    assert texts(doc, group) == (["“The budget is a disgrace,”"], "said", "Marta Lindqvist")


def test_a_sentence_after_the_inverted_speaker_stays_content(parse):
    text = "“We waited too long,” recalled Mr. Okafor. “Then the river rose overnight.”"
    after = "Mr. Okafor. “Then the river rose overnight.”"
    roles = {"“We waited too long,”": "CON", "recalled": "CUE", after: "CON"}
    doc, _, spans = speakers_mended(parse, text, roles)
    assert [(s.role, doc[s.start : s.end].text) for s in spans[2:]] == [
        ("SRC", "Mr. Okafor"),
        ("CON", "“Then the river rose overnight.”"),
    ]


def test_content_after_a_cue_with_its_subject_before_a_scare_quote_stays_content(parse):
    doc = parse("Ortiz, the host of “Night Desk,” thanked the volunteers for their work.")
    quotations = find_quotations(doc.text)
    tags = tags_for(doc, {"thanked": "CUE", "the volunteers for their work": "CON"})
    spans = role_spans(doc, tags)
    assert speakers_after_quotations(doc, spans, quotations) == spans


def test_participle_cue_takes_the_tagged_source_that_is_its_subject(parse):
    """Not the nearest one that no cue has taken yet: that one is the next cue's."""
    doc = parse(
        "The governor edged close to an admission that taxes would rise, saying, “We never "
        "ruled out new taxes,” but she denied that a bill was ready."
    )
    roles = {
        "The governor": "SRC",
        "edged close to an admission": "CUE",
        "that taxes would rise": "CON",
        "saying": "CUE",
        "We never ruled out new taxes,": "CON",
        "she": "SRC",
        "denied": "CUE",
        "that a bill was ready": "CON",
    }
    groups = group_spans(doc, role_spans(doc, tags_for(doc, roles)))
    sources = sources_by_cue(doc, groups)
    assert sources["saying"] == "The governor"
    assert sources["denied"] == "she"


def test_of_subjects_joined_by_and_the_parse_names_neither(nlp):
    """The small parser may join two subjects of two clauses ("a group of rabbis called
    for a boycott, and the League denounced it and said ..."): the first is not the
    speaker of every verb below it."""
    from spacy.tokens import Doc

    words = ["Pastors", "and", "the", "League", "denounced", "it", "and", "said", "it"]
    words += ["erred", "."]
    heads = [4, 0, 3, 0, 4, 4, 4, 4, 9, 7, 4]
    deps = ["nsubj", "cc", "det", "conj", "ROOT", "dobj", "cc", "conj", "nsubj", "ccomp"]
    deps += ["punct"]
    tags = ["NNS", "CC", "DT", "NNP", "VBD", "PRP", "CC", "VBD", "PRP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    roles = ["B-SRC", "O", "B-SRC", "I-SRC", "B-CUE", "B-CON", "O", "B-CUE", "B-CON"]
    roles += ["I-CON", "O"]
    groups = group_spans(doc, role_spans(doc, roles))
    sources = sources_by_cue(doc, groups)
    assert sources == {"denounced": "Pastors", "said": "the League"}


def test_a_cue_controlled_by_an_object_takes_the_object_as_speaker(parse):
    """ "forced the bank to admit": the bank admits, not the crisis."""
    doc = parse("The crisis forced the bank to admit that it had lost money.")
    tags = tags_for(doc, {"to admit": "CUE", "that it had lost money": "CON"})
    (group,) = group_spans(doc, role_spans(doc, tags))
    assert texts(doc, group)[2] == "the bank"


def test_a_datelines_place_is_no_subject_to_take_as_source(parse):
    """The parser may read "DENVER" as the subject of the verb after the dash."""
    doc = parse(
        "Headline here.\n\nDENVER (AP) — Jane Roe and her campaign dove deeper into the "
        "senator's record Tuesday, launching a new round of attacks designed to paint the "
        "rancher as profiting off the drought."
    )
    roles = {"launching": "CUE", "a new round of attacks": "CON"}
    (group,) = group_spans(doc, role_spans(doc, tags_for(doc, roles)))
    assert texts(doc, group)[2] is None


def test_a_subject_inside_a_quotation_is_no_source_for_a_cue_outside_it(parse):
    """The parser hangs "accused" on the quotation's "have", whose subject "we" said
    nothing."""
    doc = parse(
        "Sen. Dana Whitfield (R-Ohio) said the bill “spends money we simply do not have” "
        "and accused negotiators of hiding the cost. The senator told reporters she would "
        "vote no."
    )
    roles = {
        "Sen. Dana Whitfield (R-Ohio": "SRC",
        "said": "CUE",
        "the bill “spends money we simply do not have”": "CON",
        "accused": "CUE",
        "negotiators of hiding the cost": "CON",
        "The senator": "SRC",
        "told reporters": "CUE",
        "she would vote no": "CON",
    }
    groups = group_spans(doc, role_spans(doc, tags_for(doc, roles)))
    sources = sources_by_cue(doc, groups)
    assert sources["accused"] != "we"
