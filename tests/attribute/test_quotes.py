import pytest

from onrecord.attribute.quotes import find_quotations, quote_marks_at


def inner_texts(text: str) -> list[tuple[str, bool]]:
    return [(text[q.inner_start : q.inner_end], q.closed) for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", [("We will win,", True)]),
        ('"We will win," she said.', [("We will win,", True)]),
        ("``We will win,'' she said.", [("We will win,", True)]),
        ("He said: “No.” Then: “Yes, later.”", [("No.", True), ("Yes, later.", True)]),
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


def test_quotation_marks_offsets():
    text = 'a "b" c'
    assert quote_marks_at(text) == {2, 4}


def test_ten_thousand_unbalanced_marks_stay_linear():
    text = "“ word " * 10_000
    quotes = find_quotations(text)
    assert all(not q.closed for q in quotes)
    assert all(q.end <= len(text) for q in quotes)
