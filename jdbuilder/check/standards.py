"""Core standards and standard JD clauses: met, partial or missing, with quoted evidence."""

from __future__ import annotations

from jdbuilder.check.config import CheckData
from jdbuilder.check.document import Document
from jdbuilder.check.results import ClauseResult, Finding, StandardResult
from jdbuilder.check.signals import assess


def standard_status(clauses: list[ClauseResult]) -> str:
    """met when every verified clause is met, missing when none has evidence."""
    if not clauses:
        return "not_assessed"
    statuses = {clause.status for clause in clauses}
    if statuses == {"met"}:
        return "met"
    if statuses == {"missing"}:
        return "missing"
    return "partial"


def core_standards(
    document: Document, data: CheckData
) -> tuple[list[StandardResult], list[Finding]]:
    """Each core standard with its verified clauses assessed from the document's sentences."""
    results: list[StandardResult] = []
    findings: list[Finding] = []
    for standard in data.standards:
        clauses = []
        for spec in standard.clauses:
            status, evidence = assess(spec.signals, document.sentences)
            clauses.append(ClauseResult(spec.id, spec.text, status, evidence))
            if status == "missing":
                severity = "error" if spec.id in data.rules.core_clause_errors else "warning"
                findings.append(
                    Finding(
                        severity,
                        f"{spec.id}-missing",
                        f"No evidence of core standard clause {spec.id[2:]}: {spec.text}",
                    )
                )
            elif status == "partial":
                findings.append(
                    Finding(
                        "info",
                        f"{spec.id}-partial",
                        f"Only part of core standard clause {spec.id[2:]} is evidenced: "
                        f"{spec.text}",
                        evidence[0].location if evidence else None,
                    )
                )
        status = standard_status(clauses)
        reason = None if standard.verified and len(clauses) else standard.reason
        if status == "not_assessed":
            findings.append(
                Finding(
                    "info",
                    f"{standard.id}-not-assessed",
                    f"Core standard {standard.id[2:]} is not assessed: its text is not "
                    "verified in the data (run `jdbuilder standards` for the reason).",
                )
            )
        results.append(StandardResult(standard.id, standard.title, status, clauses, reason))
    return results, findings


def standard_clauses(
    document: Document, data: CheckData
) -> tuple[list[ClauseResult], list[Finding]]:
    """Each standard JD clause (safeguarding, DBS ...) found, partly found or missing."""
    results: list[ClauseResult] = []
    findings: list[Finding] = []
    for spec in data.clauses:
        status, evidence = assess(spec.signals, document.sentences, topic_first=True)
        results.append(ClauseResult(spec.id, spec.title, status, evidence))
        code = spec.id.replace("_", "-")
        where = evidence[0].location if evidence else None
        if status == "met":
            findings.append(
                Finding("info", f"clause-present-{code}", f"{spec.title} clause found.", where)
            )
        elif status == "partial":
            findings.append(
                Finding(
                    "info",
                    f"clause-partial-{code}",
                    f"{spec.title} clause only partly found; a full clause reads like: "
                    f"“{spec.text}”",
                    where,
                )
            )
        else:
            severity = "warning" if spec.id in data.rules.required_clauses else "info"
            findings.append(
                Finding(
                    severity,
                    f"clause-missing-{code}",
                    f"No “{spec.title}” clause; a typical one reads: “{spec.text}”",
                )
            )
    return results, findings
