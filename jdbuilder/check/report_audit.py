"""The audit's matrix, overdue reviews and totals, as terminal text and as JSON data."""

from __future__ import annotations

import datetime
from typing import Any

from jdbuilder.check.audit import Audit, cells, columns, overdue, totals
from jdbuilder.check.report_json import file_data

SYMBOLS = {"met": "Y", "partial": "~", "missing": "X", "not_assessed": "."}
#: short column heads for the standard clauses; other clause ids use their first letters
SHORT = {
    "safeguarding": "SAFE",
    "infection_prevention": "IPC",
    "information_governance": "IG",
    "health_and_safety": "H&S",
    "equality": "EDI",
    "code_of_conduct": "CODE",
    "dbs": "DBS",
    "values": "VALS",
    "flexibility": "FLEX",
    "review": "REVW",
    "smoke_free": "SMOK",
    "appraisal": "APPR",
}


def short(column: str) -> str:
    return column if column.startswith("CS") else SHORT.get(column, column[:4].upper())


def audit_data(result: Audit, as_of: datetime.date, review_months: int) -> dict[str, Any]:
    """The whole `jdbuilder audit --json` document."""
    heads = columns(result)
    return {
        "folder": result.folder,
        "as_of": as_of.isoformat(),
        "review_months": review_months,
        "files": [file_data(report) for report in result.reports],
        "matrix": {
            "columns": [{"id": column, "title": title} for column, title in heads],
            "rows": [
                {
                    "path": report.path,
                    "compliant": report.compliant,
                    "readable": report.unreadable is None,
                    "band": report.facts.band,
                    "trainee": report.facts.trainee,
                    "review_date": report.facts.review_date.isoformat()
                    if report.facts.review_date
                    else None,
                    "review_overdue": report.facts.review_overdue,
                    "cells": cells(report),
                }
                for report in result.reports
            ],
        },
        "overdue": [
            {
                "path": report.path,
                "review_date": report.facts.review_date.isoformat()
                if report.facts.review_date
                else None,
                "location": report.facts.review_location,
            }
            for report in overdue(result)
        ],
        "totals": totals(result),
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
    }


def audit_text(result: Audit, as_of: datetime.date, review_months: int) -> str:
    """Matrix, overdue reviews and totals for the terminal."""
    heads = columns(result)
    names = [report.path for report in result.reports]
    width = max(len(name) for name in names)
    shorts = [short(column) for column, _ in heads]
    lines = [
        f"Audit of {result.folder} on {as_of.isoformat()} ({len(result.reports)} job descriptions)",
        "",
    ]
    header = f"{'Document':<{width}}  OK?  Band  Review      " + " ".join(f"{s:<4}" for s in shorts)
    header = header.rstrip()
    lines += [header, "-" * len(header)]
    for report in result.reports:
        name = report.path
        if report.unreadable:
            lines.append(f"{name:<{width}}  ---  cannot be read: {report.unreadable}")
            continue
        row = cells(report)
        review = report.facts.review_date.isoformat() if report.facts.review_date else "none"
        review += "!" if report.facts.review_overdue else " "
        band = str(report.facts.band) if report.facts.band else "?"
        ok = "yes" if report.compliant else "NO "
        symbols = " ".join(f"{SYMBOLS[row.get(column, 'missing')]:<4}" for column, _ in heads)
        lines.append(f"{name:<{width}}  {ok}  {band:<4}  {review:<11} {symbols}".rstrip())
    lines += [
        "",
        "Key: Y met or present, ~ partly, X missing, . not assessed (text not verified); "
        f"! review overdue (more than {review_months} months, or past its due date).",
        "Columns: "
        + "; ".join(
            f"{short(column)} {title}" for column, title in heads if not column.startswith("CS")
        ),
    ]
    late = overdue(result)
    lines += ["", f"Overdue reviews ({len(late)})"]
    lines += [
        f"  {r.path}: {r.facts.review_date.isoformat() if r.facts.review_date else '?'} ({r.facts.review_location})"
        for r in late
    ] or ["  none"]
    count = totals(result)
    lines += [
        "",
        "Totals",
        f"  {count['documents']} job descriptions: {count['compliant']} compliant, "
        f"{count['not_compliant']} not compliant ({count['unreadable']} could not be read)",
        f"  {count['overdue']} overdue for review, {count['no_review_date']} with no review date, "
        f"{count['not_ap']} not about an assistant practitioner",
    ]
    for column, title in heads:
        counts = count["columns"].get(column, {})
        parts = [
            f"{counts[s]} {w}"
            for s, w in (
                ("met", "met"),
                ("partial", "partly"),
                ("missing", "missing"),
                ("not_assessed", "not assessed"),
            )
            if counts.get(s)
        ]
        lines.append(f"  {short(column):<5} {title}: {', '.join(parts)}")
    if result.skipped:
        lines += ["", f"{len(result.skipped)} other files were skipped (not job descriptions)."]
    return "\n".join(lines) + "\n"
