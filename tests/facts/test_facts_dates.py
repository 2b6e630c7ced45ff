"""Date expressions normalised against the publication date (no model needed)."""

from __future__ import annotations

import pytest

from onrecord.facts.dates import normalise

WEDNESDAY = "2031-03-12"  # a Wednesday in ISO week 11


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("Saturday", None, ("2031-03-08", "day")),
        ("Wednesday", None, ("2031-03-12", "day")),
        ("Tuesday night", None, ("2031-03-11", "day")),
        ("Friday", "future", ("2031-03-14", "day")),
        ("Wednesday", "future", ("2031-03-19", "day")),
        ("this Monday", None, ("2031-03-10", "day")),
        ("February 24", None, ("2031-02-24", "day")),
        ("Nov. 8", None, ("2030-11-08", "day")),
        ("May", None, ("2031-05", "month")),
        ("October", "past", ("2030-10", "month")),
        ("January", "future", ("2032-01", "month")),
        ("this November", None, ("2031-11", "month")),
        ("March 3, 2019", None, ("2019-03-03", "day")),
        ("October 2015", None, ("2015-10", "month")),
        ("1998", None, ("1998", "year")),
        ("in 1998", None, ("1998", "year")),
        ("early 2014", None, ("2014", "year")),
        ("last year", None, ("2030", "year")),
        ("two years ago", None, ("2029", "year")),
        ("last month", None, ("2031-02", "month")),
        ("late last month", None, ("2031-02", "month")),
        ("earlier this month", None, ("2031-03", "month")),
        ("this week", None, ("2031-W11", "week")),
        ("last week", None, ("2031-W10", "week")),
        ("yesterday", None, ("2031-03-11", "day")),
        ("tomorrow", None, ("2031-03-13", "day")),
        ("today", None, ("2031-03-12", "day")),
        ("next month", None, ("2031-04", "month")),
        ("next year", None, ("2032", "year")),
        ("next week", None, ("2031-W12", "week")),
        ("the 1990s", None, ("199X", "decade")),
    ],
)
def test_resolved_against_publication(expression, tense, expected):
    assert normalise(expression, WEDNESDAY, tense=tense) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("next month", ("2032-01", "month")),
        ("last month", ("2031-11", "month")),
        ("this week", ("2032-W01", "week")),
        ("last week", ("2031-W52", "week")),
    ],
)
def test_periods_across_the_turn_of_the_year(expression, expected):
    assert normalise(expression, "2031-12-29") == expected  # a Monday, ISO week 2032-W01


@pytest.mark.parametrize(
    "expression",
    [
        "in recent weeks",
        "recent weeks",
        "the past decade",
        "the last month",
        "the coming months",
        "two years",
        "another eight years",
        "a week later",
        "24",
        "57-year-old",
        "annual",
        "the weekend",
    ],
)
def test_durations_vague_stretches_and_ages_stay_unresolved(expression):
    assert normalise(expression, WEDNESDAY) == (None, None)


@pytest.mark.parametrize("expression", ["Saturday", "February 24", "last year", "this week"])
def test_relative_dates_need_a_publication_date(expression):
    assert normalise(expression, None) == (None, None)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("1998", ("1998", "year")), ("March 3, 2019", ("2019-03-03", "day"))],
)
def test_absolute_dates_need_none(expression, expected):
    assert normalise(expression, None) == expected
