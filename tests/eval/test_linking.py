"""Scoring ``same_speaker`` on the hand-checked pairs, and reading a pairs file.

The figures on ``tests/data/name_pairs.tsv`` are pinned: a change to the linking rules that
moves any of them must come with a look at the pairs it flips, and new pinned figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import EvalError
from onrecord.eval.linking import PairReport, load_pairs, score_pairs
from onrecord.link import same_speaker

PAIRS = Path(__file__).resolve().parents[1] / "data" / "name_pairs.tsv"
HEADER = "name_a\ttype_a\tname_b\ttype_b\tsame\tnote\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_pairs_are_enough_and_balanced():
    pairs = load_pairs(PAIRS)
    positives = sum(pair.same for pair in pairs)
    assert len(pairs) >= 150
    assert 0.3 < positives / len(pairs) < 0.7
    keys = [(p.first, p.second) for p in pairs]
    assert len(set(keys)) == len(keys)
    assert not {(b, a) for a, b in keys} & set(keys)


def test_figures_on_the_shipped_pairs_are_pinned():
    report = score_pairs(PAIRS)
    assert (report.tp, report.fp, report.fn, report.tn) == (149, 8, 14, 101)
    assert report.precision == pytest.approx(149 / 157)
    assert report.recall == pytest.approx(149 / 163)


def test_the_decision_does_not_depend_on_the_order_of_a_pair():
    for pair in load_pairs(PAIRS):
        assert same_speaker(pair.first, pair.second) == same_speaker(pair.second, pair.first)


def test_the_issue_examples_are_decided_right():
    examples = {("Volodymyr Zelenskiy", "Zelensky"), ("Hillary Clinton", "Bill Clinton")}
    assert examples <= {(p.first.name, p.second.name) for p in load_pairs(PAIRS)}
    report = score_pairs(PAIRS)
    wrong = {(p.first.name, p.second.name) for p in report.false_merges + report.missed_merges}
    assert not examples & wrong


def test_report_counts_and_lists_the_wrong_decisions(tmp_path):
    path = write(
        tmp_path,
        "# a comment\n\n" + HEADER + "Hillary Clinton\tperson\tMrs. Clinton\tperson\t1\t\n"
        "Hillary Clinton\tperson\tBill Clinton\tperson\t0\tspouses\n"
        "Mrs. Clinton\tperson\tBill Clinton\tperson\t0\tMrs. is Hillary\n"
        "Xi\tperson\tXi Jinping\tperson\t1\n",
    )
    report = score_pairs(path)
    assert (report.tp, report.fp, report.fn, report.tn) == (1, 1, 1, 1)
    assert [p.line for p in report.false_merges] == [6]
    assert [p.line for p in report.missed_merges] == [7]
    assert report.precision == report.recall == 0.5
    data = report.to_dict()
    assert data["pairs"] == 4 and data["precision"] == 0.5
    assert data["false_merges"][0]["note"] == "Mrs. is Hillary"
    text = report.format()
    assert "precision 0.500" in text and "line 7: Xi (person) ~ Xi Jinping (person)" in text


def test_an_empty_report_has_zero_rates():
    assert PairReport(0, 0, 0, 0).precision == PairReport(0, 0, 0, 0).recall == 0.0


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("name_a\tname_b\n", 1, "expected the header"),
        (HEADER + "A\tperson\tB\tperson\n", 2, "expected 6 tab-separated fields, found 4"),
        (HEADER + "A\tperson\tB\tpeople\t1\t\n", 2, "unknown type 'people'"),
        (HEADER + "A\tperson\tB\tperson\tyes\t\n", 2, "same must be 1 or 0"),
        ("# c\n" + HEADER + "A\tperson\tB\tperson\t1\t\n\tperson\tB\tperson\t0\t\n", 4, "empty"),
    ],
)
def test_a_malformed_line_is_an_eval_error_naming_it(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(EvalError) as raised:
        load_pairs(path)
    assert raised.value.line == line
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_missing_or_empty_file_is_an_eval_error(tmp_path):
    with pytest.raises(EvalError, match="cannot read"):
        load_pairs(tmp_path / "nowhere.tsv")
    with pytest.raises(EvalError, match="no pairs"):
        load_pairs(write(tmp_path, "# only a comment\n" + HEADER))
