"""What is built in: specialty profiles and core standards, as rows to print."""

from __future__ import annotations

from typing import Any

from jdbuilder.library import Library
from jdbuilder.resources import builtin
from jdbuilder.sources import load_yaml


def specialty_rows(library: Library) -> list[dict[str, Any]]:
    """One row per specialty profile, with where it was found."""
    rows = []
    for profile_id, path in library.profile_paths().items():
        data = load_yaml(path).data
        rows.append(
            {
                "id": profile_id,
                "name": data.get("name", profile_id),
                "job_title": data.get("job_title", ""),
                "directed_by": data.get("directed_by", ""),
                "origin": "built-in" if path.parent == builtin("profiles") else str(path),
            }
        )
    return rows


def standards_rows(library: Library) -> list[dict[str, Any]]:
    """The core standards with their clauses, verified or not."""
    rows = []
    for standard in library.core_standards.data["standards"]:
        rows.append(
            {
                "id": standard["id"],
                "title": standard.get("title"),
                "verified": standard["verified"],
                "unverified_reason": _fold(standard.get("unverified_reason")),
                "clauses": [
                    {"id": c["id"], "text": _fold(c.get("text")), "verified": c["verified"]}
                    for c in standard["clauses"]
                ],
            }
        )
    return rows


def standards_text(rows: list[dict[str, Any]]) -> str:
    """The standards as plain text for the terminal."""
    lines = ["Skills for Health, Core Standards for Assistant Practitioners (2009)", ""]
    for row in rows:
        title = row["title"] or "(headline not verified)"
        lines.append(f"{row['id']}  {title}")
        for clause in row["clauses"]:
            mark = "" if clause["verified"] else "  [not verified]"
            lines.append(f"  {clause['id']:<6} {clause['text'] or ''}{mark}")
        if not row["verified"]:
            lines.append(f"  Not assessed in full: {row['unverified_reason']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _fold(text: str | None) -> str | None:
    return " ".join(text.split()) if text else text
