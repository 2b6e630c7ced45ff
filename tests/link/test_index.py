"""The corpus index: which speaker a new name joins, when several could, and that it only
looks inside the name's block."""

from __future__ import annotations

from onrecord.link import NameRecord, SpeakerIndex


def person(name: str) -> NameRecord:
    return NameRecord(name, "person")


def index_of(*speakers: tuple[int, str]) -> SpeakerIndex:
    index = SpeakerIndex()
    for speaker_id, name in speakers:
        index.add(speaker_id, person(name))
    return index


def test_spellings_of_one_name_join_one_speaker():
    index = index_of((1, "Volodymyr Zelenskiy"))
    for name in ("Zelenskiy", "Zelensky", "Volodymyr Zelenskyy", "Mr. Zelenskyy"):
        assert index.match(person(name)) == 1
    assert index.match(person("Ukraine's president Volodymyr Zelenskiy")) == 1


def test_full_names_of_different_people_stay_apart():
    index = index_of((1, "Hillary Clinton"))
    assert index.match(person("Bill Clinton")) is None
    index.add(2, person("Bill Clinton"))
    assert index.match(person("Hillary Rodham Clinton")) == 1
    assert index.match(person("William Jefferson Clinton")) == 2
    assert index.match(person("Chelsea Clinton")) is None


def test_a_surname_alone_joins_the_only_speaker_with_it():
    index = index_of((1, "Hillary Clinton"), (2, "Donald Trump"))
    assert index.match(person("Clinton")) == 1
    assert index.match(person("Mr. Trump")) == 2


def test_a_surname_alone_between_comparable_speakers_is_a_new_speaker():
    index = index_of((1, "Hillary Clinton"), (2, "Bill Clinton"))
    assert index.match(person("Clinton")) is None


def test_a_surname_alone_joins_a_clearly_dominant_speaker():
    """Weight is the number of adds; the bar is three to one."""
    index = index_of((1, "Hillary Clinton"), (2, "Bill Clinton"))
    index.add(1, person("Mrs. Clinton"))
    assert index.match(person("Clinton")) is None  # 2 to 1
    index.add(1, person("Hillary Clinton"))
    assert index.match(person("Clinton")) == 1  # 3 to 1
    index.add(2, person("Mr. Clinton"))
    assert index.match(person("Clinton")) is None  # 3 to 2


def test_a_courtesy_title_picks_between_speakers_of_one_surname():
    index = index_of((1, "Mrs. Clinton"), (1, "Hillary Clinton"), (2, "Bill Clinton"))
    assert index.match(person("Mr. Clinton")) == 2


def test_a_full_name_adopts_a_surname_only_speaker_only_when_no_one_else_has_the_surname():
    alone = index_of((1, "Clinton"))
    assert alone.match(person("Hillary Clinton")) == 1
    crowded = index_of((1, "Clinton"), (2, "Bill Clinton"))
    assert crowded.match(person("Hillary Clinton")) is None


def test_a_full_name_that_fits_two_speakers_is_a_new_speaker():
    index = index_of((1, "George W. Bush"), (2, "George H.W. Bush"))
    assert index.match(person("George Bush")) is None
    assert index.match(person("President George W. Bush")) == 1


def test_organisations_by_acronym_and_exact_name():
    index = SpeakerIndex()
    index.add(1, NameRecord("the Federal Bureau of Investigation", "organization"))
    index.add(2, NameRecord("The Democratic National Committee", "organization"))
    assert index.match(NameRecord("FBI", "organization")) == 1
    assert index.match(NameRecord("the DNC", "organization")) == 2
    assert index.match(NameRecord("RNC", "organization")) is None


def test_groups_link_on_equal_names_and_descriptions_never():
    index = SpeakerIndex()
    index.add(1, NameRecord("Republicans", "group"))
    index.add(2, NameRecord("voters", "group"))
    assert index.match(NameRecord("the Republicans", "group")) == 1
    assert index.match(NameRecord("House Republicans", "group")) is None
    assert index.match(NameRecord("voters", "group")) is None


def test_types_do_not_mix_but_unknown_finds_an_equal_full_name():
    index = index_of((1, "Donald Trump"))
    index.add(2, NameRecord("Ford", "organization"))
    assert index.match(NameRecord("Donald Trump", "unknown")) == 1
    assert index.match(NameRecord("Trump", "unknown")) is None
    assert index.match(person("Ford")) is None
    index.add(3, NameRecord("Judicial Watch", "unknown"))
    assert index.match(NameRecord("Judicial Watch", "organization")) == 3


def test_same_adds_in_the_same_order_give_the_same_answers():
    adds = [(1, "Hillary Clinton"), (2, "Bill Clinton"), (3, "Jeb Bush"), (1, "Clinton")]
    adds += [(4, "George W. Bush"), (3, "Mr. Bush"), (5, "Donald Trump")]
    queries = ["Clinton", "Bush", "Mr. Bush", "George Bush", "Trump", "Hillary", "Jeb"]
    answers = [[index_of(*adds).match(person(q)) for q in queries] for _ in range(2)]
    assert answers[0] == answers[1]


def test_match_compares_a_name_only_with_its_block():
    index = SpeakerIndex()
    for number in range(3000):
        index.add(number, person(f"Jane Name{number:04d}x"))
    index.add(5000, person("Volodymyr Zelenskiy"))
    index.add(5001, person("Zelenska"))
    compared = index.candidates(person("Zelensky"))
    assert [speaker for speaker, _ in compared] == [5000]
    assert len(index) == 3002


def test_an_ambiguous_surname_makes_one_new_speaker_not_one_per_article():
    index = index_of((1, "Barack Obama"), (2, "Michelle Obama"))
    assert index.match(person("Obama")) is None
    index.add(3, person("Obama"))
    assert index.match(person("Obama")) == 3


def test_descriptions_of_people_never_link():
    index = index_of((1, "Chinese official"), (2, "Ahmed al Ashry and"))
    assert index.match(person("Chinese official")) is None
    assert index.match(person("Ahmed al Ashry and")) is None
    assert index.candidates(person("Chinese official")) == []
