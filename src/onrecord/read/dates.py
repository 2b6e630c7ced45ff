"""Publication dates as ISO ``YYYY-MM-DD`` strings, the only form an Article carries."""

from __future__ import annotations

import datetime as dt
import re

# A bare date, or the date part of an ISO timestamp ("2021-03-04T10:00:00Z").
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?")


def iso_date(value: object) -> str | None:
    """The ``YYYY-MM-DD`` date in ``value`` (``None`` stays ``None``); ``ValueError`` otherwise.

    Relative dates ("today") are refused: speakers' titles are resolved as of this date,
    so a guess would be worse than no date.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected a YYYY-MM-DD date, got {type(value).__name__} {value!r}")
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"expected a YYYY-MM-DD date, got {value!r}")
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        raise ValueError(f"not a calendar date: {value!r}") from None
