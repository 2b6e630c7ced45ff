"""Date expressions (spaCy DATE entities) and the calendar dates they stand for.

A news article dates things against its own publication day: "Saturday" in an article of
Tuesday 26 April 2022 is 23 April (the next Saturday if the clause is in the future tense),
"February 24" the last one before publication in a past-tense clause, the next one in a
future-tense clause, else the nearest. So every expression is resolved against
``Article.published`` with dateparser (the commonest ones, "2016" or "last week", by a table
first), and one that needs the publication date stays unresolved (value None) when the
article has none. Durations ("two years"), vague stretches ("in recent weeks"), ages,
seasons and anything dateparser cannot read are kept with value None rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from spacy.tokens import Span as SpacySpan

from onrecord.types import DateMention, Granularity, Span

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
MONTH_NAME = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DECADE = re.compile(r"^(?:the\s+)?(?:early|late|mid)?[\s-]*((?:1[5-9]|20)\d)0['’]?s$")
NUMBER_WORDS = (
    r"\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|hundred|several|few|many|couple\s+of|dozen"
)
UNITS = r"(?:second|minute|hour|day|night|week|month|year|decade|centur(?:y|ie))s?"
# "two years", "the past 18 months", "a decade": how long, not when.
DURATION = re.compile(rf"\b(?:{NUMBER_WORDS})(?:\s+|-)(?:more\s+|full\s+)?{UNITS}\b", re.I)
# ... unless anchored to publication: "two years ago" ("a week later" is anchored to some
# other event, which the text gives and this does not read).
ANCHORED = re.compile(r"\b(?:ago|from now)\s*$", re.IGNORECASE)
# A stretch with no fixed end: "in recent weeks", "the past decade", "the coming months".
VAGUE = re.compile(
    r"\b(?:recent|past|the\s+last|coming|upcoming|next\s+few|these|those|once|era|age|old|daily"
    r"|weekly|monthly|annual|annually|yearly|seasons?|times?)\b",
    re.IGNORECASE,
)
# Words that place a date within a longer stretch: dropped, the stretch kept.
WITHIN = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle\s+of|end\s+of|start\s+of"
    r"|beginning\s+of)[\s-]+|this\s+past\s+)",
    re.IGNORECASE,
)
# "this Tuesday", "this November": the one in the current week or year.
THIS = re.compile(r"^this\s+", re.IGNORECASE)
BARE_YEAR = re.compile(r"^(?:in\s+)?(?:1[5-9]|20)\d\d$")
DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_PERIOD = re.compile(r"^(this|last|next)\s+(week|month|year)$")
RELATIVE_WORDS = frozenset({"last", "next", "ago"})
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo"})
Tense = Literal["past", "future"] | None


def find_dates(
    entities: tuple[SpacySpan, ...], text: str, published: str | None
) -> list[tuple[SpacySpan, DateMention]]:
    """Every DATE entity with its normalised value, paired with the entity it came from
    (``entities`` and ``text``: the Doc's, read once by the caller)."""
    found = []
    for entity in entities:
        if entity.label_ != "DATE":
            continue
        value, granularity = normalise(entity.text, published, tense=tense_of(entity))
        span = Span.from_slices(text, [(entity.start_char, entity.end_char)])
        found.append((entity, DateMention(span, value, granularity)))
    return found


def tense_of(entity: SpacySpan) -> Tense:
    """The tense of the verb a date hangs from ("will meet on Friday": future; "was revealed
    in March", "met Friday": past); None when it hangs from no verb or a tenseless one."""
    verb = entity.root.head
    if verb.dep_ == "prep":
        verb = verb.head
    if not verb.tag_.startswith("VB"):
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUXILIARIES for a in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    return None


@lru_cache(maxsize=4096)
def normalise(
    expression: str, published: str | None, *, tense: Tense = None
) -> tuple[str | None, Granularity | None]:
    """The ISO value and granularity of a date expression, or (None, None) when the text
    does not fix a date (a duration, a vague stretch, an age, or relative with no publication
    date)."""
    text = _clean(expression)
    decade = DECADE.match(text)
    if decade:
        return f"{decade.group(1)}X", "decade"
    text = WITHIN.sub("", text).strip()
    if (
        not text
        or text.isdigit()
        and len(text) < 4
        or VAGUE.search(text)
        or (DURATION.search(text) and not ANCHORED.search(text))
    ):
        return None, None
    if published is None:
        if not YEAR.search(text):
            return None, None
        base = datetime(2000, 1, 1)  # any day: the expression names its own year
    else:
        base = datetime.fromisoformat(published)
    return _resolve(text, base, tense)


def _clean(expression: str) -> str:
    text = re.sub(r"['’]s$", "", expression.strip())
    text = re.sub(r"^(?:on|in|since|by|until|from|during|of)\s+", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text)


def _resolve(text: str, base: datetime, tense: Tense) -> tuple[str | None, Granularity | None]:
    common = _common(text.lower(), base.date())
    if common is not None:
        return common
    words = set(re.findall(r"[a-z]+", text.lower()))
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    has_month = MONTH_NAME.search(text) is not None
    has_year = YEAR.search(text) is not None
    this = THIS.match(text) is not None
    if this and (weekday is not None or has_month):
        text = THIS.sub("", text)
    if weekday is not None and not has_month and not has_year and not words & RELATIVE_WORDS:
        day = _weekday_date(base.date(), weekday, tense)
        return day.isoformat(), "day"
    if has_month and not has_year and not words & RELATIVE_WORDS:
        if this:
            return _parse(f"{text} {base.year}", base, "current_period")
        return _month_date(text, base, tense)
    return _parse(text, base, "future" if "next" in words else "past")


def _common(text: str, base: date) -> tuple[str, Granularity] | None:
    """The commonest expressions, read without dateparser (which costs milliseconds a call):
    a bare year, "today", "yesterday", "tomorrow", and this/last/next week, month or year."""
    if BARE_YEAR.match(text):
        return text[-4:], "year"
    if text in DAY_OFFSETS:
        return (base + timedelta(days=DAY_OFFSETS[text])).isoformat(), "day"
    relative = RELATIVE_PERIOD.match(text)
    if relative is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[relative.group(1)]
    period = relative.group(2)
    if period == "year":
        return f"{base.year + step:04d}", "year"
    if period == "month":
        month = base.year * 12 + base.month - 1 + step
        return f"{month // 12:04d}-{month % 12 + 1:02d}", "month"
    year, week, _ = (base + timedelta(weeks=step)).isocalendar()
    return f"{year:04d}-W{week:02d}", "week"


def _weekday_date(base: date, weekday: int, tense: Tense) -> date:
    """A bare weekday: the most recent one (the publication day itself counts), or the next
    one when the clause is in the future tense."""
    if tense == "future":
        return base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _month_date(text: str, base: datetime, tense: Tense) -> tuple[str | None, Granularity | None]:
    """A month, or month and day, without a year: the last one before publication in a past
    clause, the next one in a future clause, else the one nearest to publication ("Nov. 8"
    in an October article is the coming election day, "February 24" in April the past one)."""
    if tense is not None:
        return _parse(text, base, tense)
    before = _parse_date(text, base, "past")
    after = _parse_date(text, base, "future")
    candidates = [c for c in (before, after) if c[0] is not None]
    if not candidates:
        return None, None
    moment, period = min(candidates, key=lambda c: abs((c[0] - base).days))
    return _format(moment, period)


def _parse(text: str, base: datetime, prefer: str) -> tuple[str | None, Granularity | None]:
    moment, period = _parse_date(text, base, prefer)
    if moment is None:
        return None, None
    return _format(moment, period)


def warm_up() -> None:
    """Parse one weekday now: dateparser's first call loads its English data and compiles
    its patterns (most of a second), which would otherwise land on the first article."""
    _parse_date("Saturday", datetime(2000, 1, 1), "past")


def _parse_date(text: str, base: datetime, prefer: str) -> tuple[datetime | None, str]:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "STRICT_PARSING": False},
    )
    data = parser.get_date_data(text)
    return data.date_obj, data.period or "day"


def _format(moment: datetime, period: str) -> tuple[str, Granularity]:
    if period == "year":
        return f"{moment.year:04d}", "year"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}", "month"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    return moment.date().isoformat(), "day"
