"""The review date of a job description, and whether the review is overdue.

A date with no day ("June 2024") counts as the last day of its month, so a document is
never called overdue on a guess. Dates written with slashes are read day first (UK order).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from jdbuilder.check.config import Pattern, Rules
from jdbuilder.check.document import Document
from jdbuilder.check.results import Finding

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


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReviewDate:
    kind: str  # done | due | plain
    date: datetime.date
    location: str


def _labelled(labels: tuple[Pattern, ...], gap: int) -> list[Pattern]:
    return [
        re.compile(rf"(?:{label.pattern})[^0-9]{{0,{gap}}}?(?P<date>{DATE})", re.IGNORECASE)
        for label in labels
    ]


def review_dates(document: Document, rules: Rules) -> list[ReviewDate]:
    """Every labelled review date in the document, in reading order."""
    kinds = {
        "due": _labelled(rules.review_due_labels, rules.review_label_gap),
        "done": _labelled(rules.review_done_labels, rules.review_label_gap),
        "plain": _labelled(rules.review_plain_labels, rules.review_label_gap),
    }
    found: list[ReviewDate] = []
    for block in document.blocks:
        taken: set[int] = set()
        for kind, patterns in kinds.items():
            for pattern in patterns:
                for match in pattern.finditer(block.text):
                    date = parse_date(match.group("date").strip())
                    if date is not None and match.start("date") not in taken:
                        taken.add(match.start("date"))
                        found.append(ReviewDate(kind, date, block.location))
    return found


def review(
    document: Document, rules: Rules, as_of: datetime.date, months: int
) -> tuple[ReviewDate | None, bool, list[Finding]]:
    """The review date that decides, whether the review is overdue, and the findings."""
    dates = review_dates(document, rules)
    if not dates:
        return (
            None,
            False,
            [
                Finding(
                    "warning",
                    "review-date-missing",
                    "No review date found (such as “Review date: 1 June 2026” or “Date reviewed: "
                    "June 2025”); core standard 1.4 expects job descriptions to be reviewed "
                    "regularly.",
                )
            ],
        )
    due = [d for d in dates if d.kind == "due"]
    if due:
        latest = max(due, key=lambda d: d.date)
        if latest.date < as_of:
            return (
                latest,
                True,
                [_overdue(f"its next review was due on {latest.date.isoformat()}", latest)],
            )
        return latest, False, [_ok(f"Next review due on {latest.date.isoformat()}.", latest)]
    latest = max(dates, key=lambda d: d.date)
    limit = add_months(latest.date, months)
    what = "reviewed" if latest.kind == "done" else "dated for review"
    if limit < as_of:
        return (
            latest,
            True,
            [
                _overdue(
                    f"it was {what} on {latest.date.isoformat()}, more than {months} months before "
                    f"{as_of.isoformat()}",
                    latest,
                )
            ],
        )
    if latest.kind == "plain" and latest.date < as_of:
        message = (
            f"Review date {latest.date.isoformat()} is in the past; if it was the date set for the "
            "next review, the review is due now."
        )
    elif latest.kind == "plain":
        message = f"Review date {latest.date.isoformat()}."
    else:
        message = f"Last reviewed on {latest.date.isoformat()}; next review by {limit.isoformat()}."
    return latest, False, [_ok(message, latest)]


def _overdue(reason: str, date: ReviewDate) -> Finding:
    return Finding(
        "error",
        "review-overdue",
        f"The job description is overdue for review: {reason} (core standard 1.4: job "
        "descriptions are reviewed regularly).",
        date.location,
    )


def _ok(message: str, date: ReviewDate) -> Finding:
    return Finding("info", "review-date", message, date.location)
