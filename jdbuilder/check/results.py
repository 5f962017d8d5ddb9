"""What the check found in one file: plain data for the text, JSON and HTML reports."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """One thing the reader should know: severity, a stable code, a message and where."""

    severity: str  # error | warning | info
    code: str
    message: str
    location: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence quoted from the document and where it is."""

    text: str
    location: str


@dataclass
class ClauseResult:
    """A core standard clause or a standard JD clause: met, partial or missing."""

    id: str
    title: str
    status: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class StandardResult:
    """A core standard: the status of its verified clauses, or why it is not assessed."""

    id: str
    title: str | None
    status: str
    clauses: list[ClauseResult]
    reason: str | None = None


@dataclass
class Facts:
    """What the check read from the document, for the audit's matrix and totals."""

    is_ap: bool = False
    trainee: bool = False
    band: int | None = None
    review_date: datetime.date | None = None
    review_overdue: bool = False
    review_location: str | None = None


@dataclass
class FileReport:
    """Everything found in one file; `unreadable` says why a file could not be checked."""

    path: str
    kind: str
    standards: list[StandardResult] = field(default_factory=list)
    clauses: list[ClauseResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    unreadable: str | None = None

    @property
    def compliant(self) -> bool:
        return not any(finding.severity == "error" for finding in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)
