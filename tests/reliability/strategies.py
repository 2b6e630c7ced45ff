"""Hypothesis strategies for article-like text, shared by the property tests and the fuzzer.

Plain random Unicode almost never looks like news, so it would never reach the attribution,
speaker and facts stages. These strategies splice random text with the pieces those stages
react to: quotation marks of every kind (balanced, nested, unbalanced), speech verbs,
names with titles, pronouns, dates, places, figures, scraper debris and line ends of every
kind, so that most examples get past the parser into onrecord's own code.
"""

from __future__ import annotations

from hypothesis import strategies as st

QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''"]

PIECES = [
    "said", "says", "told reporters", "according to", "added", "warned", "denied",
    "Mr.", "Mrs.", "Dr.", "Senator", "President", "the minister", "a spokeswoman",
    "Ada Brightwater", "Tom Okafor", "Maria", "the council", "Reuters",
    "he", "she", "they", "I", "we", "it",
    "on Monday", "last week", "in 2019", "March 3", "yesterday",
    "in Paris", "in Lagos", "New York", "Texas",
    "$5 million", "12 percent", "3,000", "half", "two-thirds",
    "[caption id=\"1\"]", "[/caption]", "<p>", "</div>", "Advertisement", "http://x.example/a",
    ".", ",", ":", ";", "?", "!", "(", ")", "[", "]", "—", "-", "...",
    "\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "\u00a0",
]  # fmt: skip


def _pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(PIECES),
        st.sampled_from(QUOTE_MARKS),
        st.text(max_size=12),
        st.text(alphabet="abcdefghij KLMNOP", min_size=1, max_size=12),
    )


@st.composite
def article_texts(draw: st.DrawFn, max_pieces: int = 60) -> str:
    """Article-like text: pieces joined by spaces or nothing, never empty or blank."""
    pieces = draw(st.lists(_pieces(), min_size=1, max_size=max_pieces))
    joiners = draw(st.lists(st.sampled_from([" ", "", " ", "\n"]), min_size=len(pieces)))
    text = "".join(p + j for p, j in zip(pieces, joiners, strict=False))
    return text if text.strip() else text + "x"


def sentence_texts() -> st.SearchStrategy[str]:
    """A news-like sentence with a quotation: fills in the slots of a template."""
    names = st.sampled_from(["Ada Brightwater", "Tom Okafor", "the mayor", "She", "A spokesman"])
    verbs = st.sampled_from(["said", "told reporters", "added", "warned"])
    quote = st.text(alphabet="abcdefg hij,.!?\u201c\u201d\"'", min_size=1, max_size=40)
    return st.builds(
        lambda name, verb, said, tail: f"\u201c{said}\u201d {name} {verb}. {tail}",
        names,
        verbs,
        quote,
        st.text(max_size=30),
    )


def any_article_text() -> st.SearchStrategy[str]:
    return st.one_of(article_texts(), sentence_texts()).filter(lambda text: text.strip() != "")
