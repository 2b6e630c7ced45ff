import pytest
from helpers import count_calls

from onrecord.attribute.quotes import find_quotations


def inner_texts(text: str) -> list[tuple[str, bool]]:
    return [(text[q.inner_start : q.inner_end], q.closed) for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", [("We will win,", True)]),
        ('"We will win," she said.', [("We will win,", True)]),
        ("``We will win,'' she said.", [("We will win,", True)]),
        ("He said: “No.” Then: “Yes, later.”", [("No.", True), ("Yes, later.", True)]),
        ("„Wir schaffen das,“ sagte sie. „Ja.“", [("Wir schaffen das,", True), ("Ja.", True)]),
        ("«We will win,» she said.", [("We will win,", True)]),
    ],
)
def test_closed_quotations(text, expected):
    assert inner_texts(text) == expected


def test_split_quotation_gives_two_pieces():
    text = "“The plan is dead,” the mayor said. “We start again.”"
    assert [t for t, _ in inner_texts(text)] == ["The plan is dead,", "We start again."]


def test_unclosed_quotation_ends_at_paragraph_end():
    text = "“Nobody told us anything. We waited all day.\nThe council met on Monday."
    (quote,) = find_quotations(text)
    assert not quote.closed
    assert (
        text[quote.inner_start : quote.inner_end] == "Nobody told us anything. We waited all day."
    )


def test_multi_paragraph_quotation_reopens_each_paragraph():
    text = "“First part of it.\n“Second part,” she said."
    assert inner_texts(text) == [("First part of it.", False), ("Second part,", True)]


def test_stray_closing_mark_is_ignored():
    assert find_quotations("[embed slug=”some-slug”] Text follows.") == []


def test_apostrophes_are_not_quotations():
    assert find_quotations("The party’s leader didn’t say it's over.") == []


def test_double_apostrophe_after_a_word_does_not_open():
    assert find_quotations("a 12'' record and nothing else") == []


def test_ten_thousand_unbalanced_marks_stay_linear():
    text = "“ word " * 10_000
    quotes = find_quotations(text)
    assert all(not q.closed for q in quotes)
    assert all(q.end <= len(text) for q in quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "‘We were too slow,’ she told the BBC. ‘I am sorry.’",
            [("We were too slow,", True), ("I am sorry.", True)],
        ),
        ("Mayor: 'We will rebuild.'", [("We will rebuild.", True)]),
        ("Critics called it ‘reckless’, ‘cruel.’", [("reckless", True), ("cruel.", True)]),
    ],
)
def test_single_quotation_marks(text, expected):
    assert inner_texts(text) == expected


def test_single_marks_inside_a_double_quotation_are_part_of_it():
    assert inner_texts("“He called it ‘a disgrace,’” she said.") == [
        ("He called it ‘a disgrace,’", True)
    ]


def test_double_marks_inside_a_single_quotation_are_part_of_it():
    assert inner_texts("‘He called it “a disgrace”,’ she said.") == [
        ("He called it “a disgrace”,", True)
    ]


def test_a_plural_possessive_does_not_close_a_single_quotation():
    text = "‘It was the dockers’ union that failed,’ he said of the dockers’ strike."
    assert inner_texts(text) == [("It was the dockers’ union that failed,", True)]


def test_a_plural_possessive_closes_when_nothing_clearer_follows():
    text = "He said ‘We love the Smiths’ and left. ‘They are great,’ she added."
    assert inner_texts(text) == [("We love the Smiths", True), ("They are great,", True)]


def test_elisions_are_not_single_quotations():
    assert find_quotations("rock 'n' roll in the '90s, and the players' union's 'em") == []


def test_unclosed_single_mark_counts_only_when_it_opens_a_paragraph():
    text = "‘First part of it.\n‘Second,’ she said. A ‘D-‘ rating."
    assert inner_texts(text) == [("First part of it.", False), ("Second,", True)]


@pytest.mark.parametrize(
    "piece", ["‘word’s ’ ", "‘a ", "‘a workers’ b ", "“a ‘b’ ", "‘a “b” c’ ", "“ word "]
)
def test_work_grows_linearly_with_unbalanced_marks(piece):
    """Counted calls, not time: four times the marks, about four times the work."""
    small = count_calls(lambda: find_quotations(piece * 1_000))
    large = count_calls(lambda: find_quotations(piece * 4_000))
    assert large < 4.5 * small
