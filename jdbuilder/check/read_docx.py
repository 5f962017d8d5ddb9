"""Word documents (.docx): paragraphs and table rows in document order, then headers,
footers and text boxes, each located as a reader would find it ("paragraph 12",
"table 2, row 3", "footer (section 1)").

The zip container is inspected before anything is unpacked: too many parts, or a declared
unpacked size out of proportion to the file (a zip bomb), is refused. Python's zipfile never
inflates a part beyond its declared size, so the declared sizes bound the memory used.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from jdbuilder.check.document import Block, UnreadableDocument
from jdbuilder.check.text import normalise

MAX_PARTS = 1000
#: a .docx may unpack to this many times its size before it is treated as a zip bomb ...
MAX_RATIO = 100
#: ... once it unpacks to more than this; and never to more than MAX_UNPACKED
RATIO_FROM = 10 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def check_container(data: bytes) -> None:
    """Refuse what is not a .docx, is encrypted, or would unpack out of proportion."""
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in data:
            raise UnreadableDocument(
                "is password-protected (encrypted); remove the password in Word (File, Info, "
                "Protect Document) and save it again"
            )
        raise UnreadableDocument(
            "is an older Word 97-2003 document (.doc), not .docx; open it in Word or "
            "LibreOffice and save it as .docx"
        )
    if data.startswith(b"%PDF"):
        raise UnreadableDocument("is a PDF with a .docx name; rename it to .pdf")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise UnreadableDocument(f"is damaged or not a Word document (.docx): {error}") from None
    if len(parts) > MAX_PARTS:
        raise UnreadableDocument(
            f"has {len(parts):,} parts inside; a Word document has far fewer (limit {MAX_PARTS:,})"
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED or (unpacked > RATIO_FROM and unpacked > MAX_RATIO * len(data)):
        raise UnreadableDocument(
            f"would unpack to {unpacked / 1024 / 1024:,.0f} MB from a {len(data) / 1024:,.0f} KB "
            "file, out of all proportion for a Word document (a zip bomb?); it was not unpacked"
        )
    if any(part.flag_bits & 0x1 for part in parts):
        raise UnreadableDocument("has encrypted parts; remove the password and save it again")
    if "word/document.xml" not in {part.filename for part in parts}:
        raise UnreadableDocument(
            "is a zip file but not a Word document (it has no word/document.xml)"
        )


def _cells(row: Any) -> list[Any]:
    """The row's cells, each merged cell once."""
    cells: list[Any] = []
    for cell in row.cells:
        if not cells or cell._tc is not cells[-1]._tc:
            cells.append(cell)
    return cells


def _cell_text(cell: Any) -> str:
    parts = [paragraph.text for paragraph in cell.paragraphs]
    for table in cell.tables:
        parts.extend(" ; ".join(_cell_text(c) for c in _cells(row)) for row in table.rows)
    return normalise("\n".join(parts))


def _table_blocks(table: Any, name: str) -> Iterator[Block]:
    for number, row in enumerate(table.rows, start=1):
        texts = [text for text in (_cell_text(cell) for cell in _cells(row)) if text]
        if texts:
            yield Block(" | ".join(texts), f"{name}, row {number}")


def _story_blocks(story: Any, name: str) -> Iterator[Block]:
    """Paragraphs and tables of a header or footer."""
    for item in story.iter_inner_content():
        if hasattr(item, "rows"):
            yield from _table_blocks(item, name)
        elif text := normalise(item.text):
            yield Block(text, name)


def _headers_and_footers(document: Any) -> tuple[list[Block], list[Block]]:
    headers: list[Block] = []
    footers: list[Block] = []
    for number, section in enumerate(document.sections, start=1):
        stories = [("header", section.header, headers), ("footer", section.footer, footers)]
        if section.different_first_page_header_footer:
            stories += [
                ("first-page header", section.first_page_header, headers),
                ("first-page footer", section.first_page_footer, footers),
            ]
        for label, story, into in stories:
            if number > 1 and story.is_linked_to_previous:
                continue
            into.extend(_story_blocks(story, f"{label} (section {number})"))
    return headers, footers


def _text_boxes(document: Any) -> Iterator[Block]:
    from docx.oxml.ns import qn

    body = document.element.body
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    number = 0
    for box in body.iter(qn("w:txbxContent")):
        if any(ancestor.tag == fallback for ancestor in box.iterancestors()):
            continue
        text = normalise(
            "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in box.iter(qn("w:p")))
        )
        if text:
            number += 1
            yield Block(text, f"text box {number}")


def read_docx(data: bytes) -> list[Block]:
    """Every piece of text in the document, with its location."""
    check_container(data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        body: list[Block] = []
        paragraphs = tables = 0
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                tables += 1
                body.extend(_table_blocks(item, f"table {tables}"))
            else:
                paragraphs += 1
                if text := normalise(item.text):
                    body.append(Block(text, f"paragraph {paragraphs}"))
        headers, footers = _headers_and_footers(document)
        boxes = list(_text_boxes(document))
        has_images = bool(document.inline_shapes) or any(
            part.content_type.startswith("image/") for part in document.part.package.iter_parts()
        )
    except UnreadableDocument:
        raise
    except Exception as error:  # python-docx raises many kinds of error on a damaged file
        raise UnreadableDocument(
            f"is damaged and cannot be read as a Word document: {error}"
        ) from None
    blocks = headers + body + boxes + footers
    if not blocks:
        raise UnreadableDocument(
            "has no text, only images (a scanned page?); jdbuilder needs the text: use the "
            "original document, or run it through text recognition (OCR) first"
            if has_images
            else "has no text"
        )
    return blocks
