"""The index of a batch build: every post, links to its documents, and the core standards matrix."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from jdbuilder.model import JobPack
from jdbuilder.output import file_stem
from jdbuilder.resources import builtin

INDEX_VERSION = 1
HTML_TEMPLATE = "index.html.j2"


@dataclass
class IndexPost:
    """A post that has its documents in the output folder."""

    source: str
    folder: str
    files: list[str]  # relative to the output folder, in the order they were written
    pack: JobPack


@dataclass
class IndexFailure:
    """A post that could not be built, and why."""

    source: str
    error: str


def standard_columns(posts: list[IndexPost]) -> list[dict[str, Any]]:
    """The core standards in order, each with its verified clauses (none: not assessed)."""
    columns: dict[str, dict[str, Any]] = {}
    for post in posts:
        for standard in post.pack.core_standards:
            column = columns.setdefault(
                standard.id, {"id": standard.id, "title": standard.title, "clauses": []}
            )
            known = {clause["id"] for clause in column["clauses"]}
            column["clauses"] += [
                {"id": clause.id, "text": clause.text}
                for clause in standard.clauses
                if clause.id not in known
            ]
    return list(columns.values())


def _standards_of(pack: JobPack) -> dict[str, Any]:
    """standard id -> whether the post evidences it (None: not assessed) and each clause."""
    result: dict[str, Any] = {}
    for standard in pack.core_standards:
        clauses = {clause.id: bool(clause.evidenced_by) for clause in standard.clauses}
        result[standard.id] = {
            "evidenced": any(clauses.values()) if clauses else None,
            "clauses": clauses,
        }
    return result


def _document_name(pack: JobPack, file: str) -> str:
    """What a file is, from its name: 'pack.json' for '{folder}/{file stem}-pack.json'."""
    return file.rsplit("/", 1)[-1].removeprefix(f"{file_stem(pack)}-")


def index_document(
    posts: list[IndexPost], failures: list[IndexFailure], as_of: datetime.date
) -> dict[str, Any]:
    """The index as JSON-ready data, posts in the order they were asked for."""
    return {
        "jdbuilder_index": INDEX_VERSION,
        "as_of": as_of.isoformat(),
        "standards": standard_columns(posts),
        "posts": [
            {
                "source": post.source,
                "folder": post.folder,
                "job_title": post.pack.job_title,
                "band": post.pack.band,
                "trainee": post.pack.trainee,
                "specialty": {"id": post.pack.specialty_id, "name": post.pack.specialty_name},
                "trust": post.pack.trust.name,
                "example_trust": post.pack.trust.example,
                "documents": [
                    {"name": _document_name(post.pack, file), "href": quote(file)}
                    for file in post.files
                ],
                "standards": _standards_of(post.pack),
            }
            for post in posts
        ],
        "failed": [{"source": f.source, "error": f.error} for f in failures],
    }


def index_json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def index_html(document: dict[str, Any]) -> bytes:
    """The index as an accessible HTML page (autoescaped Jinja2 template)."""
    from jdbuilder.templating import strict_environment

    environment = strict_environment([builtin("templates")])
    html = environment.get_template(HTML_TEMPLATE).render(index=document)
    return html.encode("utf-8")
