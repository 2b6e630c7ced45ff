"""The pairwise rule on names small enough to judge by eye (the issue's own examples and
textbook cases); its measured quality on real pairs is in tests/eval/test_linking.py."""

from __future__ import annotations

import pytest

from onrecord.link import NameRecord, canonical_name, normalise_name, same_speaker
from onrecord.link.names import parse_person


def person(name: str) -> NameRecord:
    return NameRecord(name, "person")


def organisation(name: str) -> NameRecord:
    return NameRecord(name, "organization")


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("Mr. Trump's", "trump"),
        ("the U.N.", "un"),
        ("Sen. Bernie Sanders (I-Vt.)", "bernie sanders"),
        ("Enrique Peña Nieto", "enrique pena nieto"),
        ("Sanders’", "sanders"),
        ("Dr. Ben Carson", "ben carson"),
        ("The New York Times", "new york times"),
        ("Melissa Mark-Viverito", "melissa mark-viverito"),
        ("President", "president"),
    ],
)
def test_normalise_name_folds_case_accents_punctuation_titles_and_possessives(name, normal):
    assert normalise_name(name) == normal


@pytest.mark.parametrize(
    ("name", "given", "surname"),
    [
        ("Ukraine's president Volodymyr Zelenskiy", ("volodymyr",), "zelenskiy"),
        ("former Secretary of State Hillary Clinton", ("hillary",), "clinton"),
        ("House Speaker Paul D. Ryan of Wisconsin", ("paul", "d"), "ryan"),
        ("Sen. Ron Johnson, R-Wis.", ("ron",), "johnson"),
        ("retired neurosurgeon Ben Carson", ("ben",), "carson"),
        ("Mayor Bill de Blasio", ("bill",), "de blasio"),
        ("Al Sharpton", ("al",), "sharpton"),
        ("Martin Luther King, Jr.", ("martin", "luther"), "king"),
    ],
)
def test_parse_person_cuts_titles_descriptions_and_comments(name, given, surname):
    parsed = parse_person(name)
    assert (parsed.given, parsed.surname) == (given, surname)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Zelenskiy", "Zelensky"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskyy", "Ukraine's president Volodymyr Zelenskiy"),
        ("H. Clinton", "Hillary Clinton"),
        ("Bill Clinton", "William Jefferson Clinton"),
        ("Donald Trump", "Donald J. Trump"),
        ("Wasserman Schultz", "Debbie Wasserman Schultz"),
        ("Assad", "Bashar al-Assad"),
        ("Moammar Gadhafi", "Muammar Gaddafi"),
        ("Hillary Rodham Clinton", "Hillary Diane Rodham Clinton"),
    ],
)
def test_variants_of_one_person_are_the_same_speaker(first, second):
    assert same_speaker(person(first), person(second))
    assert same_speaker(person(second), person(first))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Mr. Clinton", "Mrs. Clinton"),
        ("George W. Bush", "George H.W. Bush"),
        ("Donald Trump Jr.", "Donald Trump"),
        ("Ivanka Trump", "Ivana Trump"),
        ("Fallin", "Fallon"),
        ("Cross", "Gross"),
        ("Bush", "Bash"),
    ],
)
def test_different_people_sharing_or_nearly_sharing_a_surname_stay_apart(first, second):
    assert not same_speaker(person(first), person(second))
    assert not same_speaker(person(second), person(first))


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("FBI", "the Federal Bureau of Investigation", True),
        ("the U.N.", "United Nations", True),
        ("DHS", "the Department of Homeland Security", True),
        ("Department of Justice", "the Justice Department", True),
        ("Quinnipiac University", "Qunnipiac University", True),
        ("DNC", "RNC", False),
        ("Democratic National Committee", "Republican National Committee", False),
        ("The Washington Post", "The Washington Times", False),
        ("the State Department", "the Justice Department", False),
    ],
)
def test_organisations_link_by_acronym_word_order_and_typo_only(first, second, same):
    assert same_speaker(organisation(first), organisation(second)) is same


def test_groups_and_documents_link_only_on_equal_names():
    assert same_speaker(NameRecord("Republicans", "group"), NameRecord("the Republicans", "group"))
    assert not same_speaker(
        NameRecord("Republicans", "group"), NameRecord("House Republicans", "group")
    )


def test_descriptions_never_link():
    assert not same_speaker(NameRecord("the poll", "document"), NameRecord("The poll", "document"))
    assert not same_speaker(organisation("the company"), organisation("the company"))


def test_types_never_mix_except_unknown_with_an_equal_full_name():
    assert not same_speaker(person("Ford"), organisation("Ford"))
    assert same_speaker(NameRecord("Donald Trump", "unknown"), person("Donald Trump"))
    assert not same_speaker(NameRecord("Trump", "unknown"), person("Trump"))


def test_canonical_name_prefers_the_most_complete_plain_name():
    names = ["Zelenskiy", "Zelensky", "Ukraine's president Volodymyr Zelenskiy"]
    names += ["Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
    assert canonical_name(names) == "Volodymyr Zelenskyy"


def test_canonical_name_reads_counts_from_a_mapping_and_ignores_order():
    counts = {"Mr. Trump": 9, "Donald Trump": 20, "Donald J. Trump": 4, "Trump": 30}
    assert canonical_name(counts) == "Donald J. Trump"
    assert canonical_name(dict(reversed(counts.items()))) == "Donald J. Trump"
    assert canonical_name({"Trump": 1, "Mr. Trump": 5}) == "Trump"


def test_canonical_name_passes_over_rare_and_sentence_long_names():
    assert canonical_name({"Hillary Clinton": 161, "Hillary Rodham Clinton": 4}) == (
        "Hillary Clinton"
    )
    assert canonical_name({"Jeb Bush": 20, "Floridians Jeb Bush": 1}) == "Jeb Bush"
    assert canonical_name({"King": 1, "Representative Peter T. King of New York, who": 2}) == (
        "King"
    )


def test_canonical_name_needs_a_name():
    with pytest.raises(ValueError):
        canonical_name([])
