"""Read any supported file into a Document, or refuse it with a clear reason.

One reader per kind of file, each in its own module; python-docx and pypdf are imported only
by the readers that need them. Limits keep a hostile or broken file from using up memory.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from jdbuilder.check.document import Document, UnreadableDocument
from jdbuilder.errors import display_path
from jdbuilder.library import Library

#: no job description is this big; larger files are refused before they are read
MAX_FILE_BYTES = 20 * 1024 * 1024
#: the most text one document may yield, in characters
MAX_TEXT_CHARS = 2_000_000

SUFFIX_KINDS = {
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "pack",
    ".yaml": "role",
    ".yml": "role",
}
LEGACY_WORD = (".doc", ".rtf", ".odt", ".pages", ".wpd")


def kind_of(path: Path) -> str | None:
    """The kind of document a file name says it holds, or None when it is not supported."""
    return SUFFIX_KINDS.get(path.suffix.lower())


def read_document(path: Path, library: Library, as_of: datetime.date) -> Document:
    """The file's text as blocks with locations; raises UnreadableDocument with the reason."""
    name = display_path(path)
    kind = kind_of(path)
    if kind is None:
        if path.suffix.lower() in LEGACY_WORD:
            raise UnreadableDocument(
                f"is a {path.suffix} file, which cannot be read; open it in Word or LibreOffice "
                "and save it as a Word document (.docx) or a PDF"
            )
        raise UnreadableDocument(
            f"is not a kind of file jdbuilder can check ({path.suffix or 'no suffix'}; allowed: "
            f"{', '.join(sorted(SUFFIX_KINDS))})"
        )
    if not path.exists():
        raise UnreadableDocument("was not found")
    if path.is_dir():
        raise UnreadableDocument("is a folder; use `jdbuilder audit` to check a folder")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableDocument("is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise UnreadableDocument(
            f"is {size / 1024 / 1024:.1f} MB, over the {MAX_FILE_BYTES // 1024 // 1024} MB limit "
            "(a job description is far smaller)"
        )
    if kind == "role":
        from jdbuilder.check.read_pack import read_role

        blocks = read_role(path, library, as_of)
    else:
        data = path.read_bytes()
        if kind == "docx":
            from jdbuilder.check.read_docx import read_docx

            blocks = read_docx(data)
        elif kind == "pdf":
            from jdbuilder.check.read_pdf import read_pdf

            blocks = read_pdf(data)
        elif kind == "text":
            from jdbuilder.check.read_text import read_text

            blocks = read_text(data, markdown=path.suffix.lower() in (".md", ".markdown"))
        else:
            from jdbuilder.check.read_pack import read_pack

            blocks = read_pack(data)
    if sum(len(block.text) for block in blocks) > MAX_TEXT_CHARS:
        raise UnreadableDocument(
            f"holds more than {MAX_TEXT_CHARS:,} characters of text; a job description is far "
            "shorter"
        )
    if not blocks:
        raise UnreadableDocument("has no text")
    return Document(name, kind, blocks)
