"""Dates as people type them into a search box (the patient search and the registration form)."""

from __future__ import annotations

import datetime as dt
import re

_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})$"),
)


def parse_search_date(text: str) -> dt.date | None:
    """A date typed into the search box: 1970-02-03, 03.02.1970 or 03/02/1970 (day first)."""
    for pattern in _DATE_FORMS:
        match = pattern.match(text.strip())
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None
