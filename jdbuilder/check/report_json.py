"""The check's results as JSON-ready data, in the shape the issue pins (tests hold it)."""

from __future__ import annotations

from typing import Any

from jdbuilder.check.results import FileReport, StandardResult


def standard_data(standard: StandardResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": standard.status,
        "clauses": {
            clause.id.removeprefix("CS"): {
                "status": clause.status,
                "evidence": [{"text": e.text, "location": e.location} for e in clause.evidence],
            }
            for clause in standard.clauses
        },
    }
    if standard.reason:
        data["reason"] = standard.reason
    return data


def file_data(report: FileReport) -> dict[str, Any]:
    """One file: path, kind, standards, findings, compliant."""
    return {
        "path": report.path,
        "kind": report.kind,
        "standards": {standard.id: standard_data(standard) for standard in report.standards},
        "findings": [
            {
                "severity": finding.severity,
                "code": finding.code,
                "message": finding.message,
                "location": finding.location,
            }
            for finding in report.findings
        ],
        "compliant": report.compliant,
    }


def check_data(reports: list[FileReport]) -> dict[str, Any]:
    """The whole `jdbuilder check --json` document."""
    return {"files": [file_data(report) for report in reports]}
