"""The review date of a job description, and whether the review is overdue.

A date with no day ("June 2024") counts as the last day of its month, so a document is
never called overdue on a guess. Dates written with slashes are read day first (UK order).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from jdbuilder.check.config import Rules
from jdbuilder.check.dates import parse_date
from jdbuilder.check.document import Document
from jdbuilder.check.results import Finding
from jdbuilder.compose import add_months


@dataclass(frozen=True)
class ReviewDate:
    kind: str  # done | due | plain
    date: datetime.date
    location: str


def review_dates(document: Document, rules: Rules) -> list[ReviewDate]:
    """Every labelled review date in the document, in reading order."""
    kinds = {
        "due": rules.review_due_labels,
        "done": rules.review_done_labels,
        "plain": rules.review_plain_labels,
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
