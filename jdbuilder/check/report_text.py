"""The check's results as a readable terminal report."""

from __future__ import annotations

from collections.abc import Iterator

from jdbuilder.check.results import ClauseResult, FileReport, Finding
from jdbuilder.check.text import shorten

KIND_NAMES = {
    "docx": "Word document",
    "pdf": "PDF",
    "text": "text file",
    "role": "jdbuilder role file",
    "pack": "jdbuilder pack",
    "unknown": "file",
}
STATUS_WORDS = {
    "met": "met",
    "partial": "partly met",
    "missing": "MISSING",
    "not_assessed": "not assessed",
}
CLAUSE_WORDS = {"met": "present", "partial": "partly present", "missing": "missing"}
QUOTE = 90
#: info findings shown in another form (the standard clause lines, the gender word lists)
SUMMARISED = (
    "clause-present-",
    "clause-partial-",
    "clause-missing-",
    "lang-gender-masculine",
    "lang-gender-feminine",
)
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}


def _where(location: str | None) -> str:
    return f" ({location})" if location else ""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def verdict(report: FileReport) -> str:
    if report.unreadable:
        return "NOT CHECKED (cannot be read)"
    counts = (
        f"{_plural(report.count('error'), 'error')}, {_plural(report.count('warning'), 'warning')}"
    )
    return f"COMPLIANT, {counts}" if report.compliant else f"NOT COMPLIANT, {counts}"


def _evidence_line(clause: ClauseResult) -> str:
    name = clause.id.removeprefix("CS")
    line = f"      {name:<5} {STATUS_WORDS[clause.status]:<11}"
    if clause.evidence:
        first = clause.evidence[0]
        line += f" “{shorten(first.text, QUOTE)}”{_where(first.location)}"
    return line.rstrip()


def _gender_words(findings: list[Finding]) -> Iterator[str]:
    for gender in ("masculine", "feminine"):
        words = [
            f.message.split("”")[0].lstrip("“")
            for f in findings
            if f.code == f"lang-gender-{gender}"
        ]
        if words:
            yield f"    {gender.capitalize()}-coded words: {', '.join(words)}"


def file_lines(report: FileReport) -> Iterator[str]:
    """The lines for one file."""
    yield f"{report.path} ({KIND_NAMES.get(report.kind, report.kind)}): {verdict(report)}"
    if report.unreadable:
        for finding in report.findings:
            yield f"  {finding.message}"
        return
    yield "  Core standards for assistant practitioners (Skills for Health, 2009)"
    for standard in report.standards:
        yield f"    {standard.id}  {STATUS_WORDS[standard.status]}"
        if standard.status == "not_assessed" and standard.reason:
            yield f"      {shorten(standard.reason, 150)}"
        for clause in standard.clauses:
            yield _evidence_line(clause)
        if standard.status != "not_assessed" and standard.reason:
            yield "      (only the clauses above have verified text; the rest are not assessed)"
    yield "  Standard clauses"
    for status in ("met", "partial", "missing"):
        titles = [c.title for c in report.clauses if c.status == status]
        if titles:
            yield f"    {CLAUSE_WORDS[status].capitalize()}: {', '.join(titles)}"
    for severity in ("error", "warning", "info"):
        shown = [
            f
            for f in report.findings
            if f.severity == severity and not (severity == "info" and f.code.startswith(SUMMARISED))
        ]
        if not shown:
            continue
        yield f"  {HEADINGS[severity]}"
        for finding in shown:
            yield f"    {finding.code}: {finding.message}{_where(finding.location)}"
        if severity == "info":
            yield from _gender_words(report.findings)


def summary_line(reports: list[FileReport]) -> str:
    unreadable = sum(1 for r in reports if r.unreadable)
    compliant = sum(1 for r in reports if r.compliant)
    files = "file" if len(reports) == 1 else "files"
    line = f"{len(reports)} {files} checked: {compliant} compliant, {len(reports) - compliant} not compliant"
    return line + (f" ({unreadable} could not be read)" if unreadable else "")


def check_text(reports: list[FileReport]) -> str:
    """The whole terminal report."""
    sections = ["\n".join(file_lines(report)) for report in reports]
    return "\n\n".join([*sections, summary_line(reports)]) + "\n"
