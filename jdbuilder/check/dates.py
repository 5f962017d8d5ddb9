"""Dates as job descriptions write them: "1 June 2026", "June 2026", "01/06/2026", "2026-06-01".

A date with no day ("June 2024") is the last day of its month. Dates written with slashes are
read day first (UK order).
"""

from __future__ import annotations

import calendar
import datetime
import re

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}})"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_DAY_MONTH_YEAR = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})", re.I
)
_MONTH_YEAR = re.compile(rf"({_MONTH}),?\s+(\d{{4}})", re.I)


def parse_date(text: str) -> datetime.date | None:
    """A date written in one of the forms of DATE, or None if it is not a real date."""
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = (int(g) for g in match.groups())
        elif match := _SLASHED.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            year += 2000 if year < 100 else 0
        elif match := _DAY_MONTH_YEAR.fullmatch(text):
            day, year = int(match.group(1)), int(match.group(3))
            month = MONTHS[_month_key(match.group(2))]
        elif match := _MONTH_YEAR.fullmatch(text):
            month, year = MONTHS[_month_key(match.group(1))], int(match.group(2))
            day = calendar.monthrange(year, month)[1]
        else:
            return None
        return datetime.date(year, month, day)
    except (ValueError, KeyError):
        return None


def _month_key(text: str) -> str:
    word = text.lower().rstrip(".")
    return word if word in MONTHS else word[:3]
