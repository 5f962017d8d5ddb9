"""Audit a folder of job descriptions: check each, then a matrix, overdue reviews and totals."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdbuilder.check.document import UnreadableDocument
from jdbuilder.check.extract import LEGACY_WORD, MAX_FILE_BYTES, kind_of
from jdbuilder.check.read_pack import load_pack
from jdbuilder.check.results import FileReport
from jdbuilder.check.run import Checker
from jdbuilder.errors import JDBuilderError, display_path

#: `jdbuilder build -f advert` writes NAME-advert.txt beside the job description
ADVERT_SUFFIX = "-advert"


@dataclass
class Skipped:
    """A file under the folder that is not a job description."""

    path: str
    reason: str


@dataclass
class Audit:
    """Every job description found under a folder, checked, and the files passed over."""

    folder: str
    reports: list[FileReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _is_pack(path: Path) -> bool:
    if path.stat().st_size > MAX_FILE_BYTES:
        return True  # let the checker refuse it, with its reason
    try:
        load_pack(path.read_bytes())
    except (OSError, UnreadableDocument):
        return False
    return True


def _is_role(path: Path) -> bool:
    from jdbuilder.sources import load_yaml
    from jdbuilder.validate import file_kind

    try:
        return file_kind(load_yaml(path)) == "role"
    except JDBuilderError:
        return False


def find_documents(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """Job descriptions under the folder (hidden files and Word lock files left out)."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith((".", "~$")):
                continue
            kind = kind_of(path)
            if kind is None and path.suffix.lower() in LEGACY_WORD:
                found.append(path)  # reported as unreadable, with how to convert it
            elif kind is None:
                skipped.append(Skipped(display_path(path), "not a job description format"))
            elif path.stem.endswith(ADVERT_SUFFIX):
                skipped.append(Skipped(display_path(path), "a jdbuilder NHS Jobs advert"))
            elif kind == "pack" and not _is_pack(path):
                skipped.append(Skipped(display_path(path), "JSON that is not a jdbuilder pack"))
            elif kind == "role" and not _is_role(path):
                skipped.append(Skipped(display_path(path), "YAML that is not a role file"))
            else:
                found.append(path)
    return found, skipped


def audit(folder: Path, checker: Checker) -> Audit:
    """Check every job description under the folder."""
    if not folder.is_dir():
        raise JDBuilderError(f"{display_path(folder)} is not a folder")
    paths, skipped = find_documents(folder)
    if not paths:
        raise JDBuilderError(
            f"no job descriptions found under {display_path(folder)} (looked for .docx, .pdf, "
            ".txt, .md, jdbuilder packs (.json) and role files (.yaml))"
        )
    return Audit(display_path(folder), checker.check_paths(paths), skipped)


def columns(result: Audit) -> list[tuple[str, str]]:
    """(id, title) of each matrix column: the core standards, then the standard clauses."""
    checked = [r for r in result.reports if not r.unreadable]
    if not checked:
        return []
    first = checked[0]
    return [(s.id, s.title or s.id) for s in first.standards] + [
        (c.id, c.title) for c in first.clauses
    ]


def cells(report: FileReport) -> dict[str, str]:
    """A file's status in each column: met, partial, missing or not_assessed."""
    return {s.id: s.status for s in report.standards} | {c.id: c.status for c in report.clauses}


def totals(result: Audit) -> dict[str, Any]:
    """Counts over the folder."""
    reports = result.reports
    checked = [r for r in reports if not r.unreadable]
    per_column: dict[str, Counter[str]] = {}
    for report in checked:
        for column, status in cells(report).items():
            per_column.setdefault(column, Counter())[status] += 1
    return {
        "documents": len(reports),
        "checked": len(checked),
        "unreadable": len(reports) - len(checked),
        "compliant": sum(1 for r in reports if r.compliant),
        "not_compliant": sum(1 for r in reports if not r.compliant),
        "overdue": sum(1 for r in checked if r.facts.review_overdue),
        "no_review_date": sum(1 for r in checked if r.facts.review_date is None),
        "not_ap": sum(1 for r in checked if not r.facts.is_ap),
        "skipped": len(result.skipped),
        "columns": {column: dict(counts) for column, counts in per_column.items()},
    }


def overdue(result: Audit) -> list[FileReport]:
    return [r for r in result.reports if r.facts.review_overdue]
