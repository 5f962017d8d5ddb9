"""PDF: the text of each page (wrapped lines joined into paragraphs), located by page.

A PDF with only an owner password (printing or copying restricted) opens with an empty
password and is read; a PDF that needs a password to open is refused.
"""

from __future__ import annotations

import io
import logging

from jdbuilder.check.document import Block, UnreadableDocument
from jdbuilder.check.text import join_wrapped_lines, normalise

MAX_PAGES = 300


def read_pdf(data: bytes) -> list[Block]:
    """Every page's text as paragraphs, with "page N" locations."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument("is not a PDF (it does not start with %PDF)")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported, not logged
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError):
                opened = False
            if not opened:
                raise UnreadableDocument(
                    "is password-protected (encrypted); save an unprotected copy and check that"
                )
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise UnreadableDocument(
                f"has {count:,} pages; the limit is {MAX_PAGES} (a job description is far shorter)"
            )
        pages = [normalise(page.extract_text() or "") for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds of error on a damaged file
        raise UnreadableDocument(f"is damaged and cannot be read as a PDF: {error}") from None
    if count == 0:
        raise UnreadableDocument("has no pages")
    blocks = [
        Block(paragraph, f"page {number}")
        for number, text in enumerate(pages, start=1)
        for _, paragraph in join_wrapped_lines(list(enumerate(text.split("\n"), start=1)))
    ]
    if not blocks:
        raise UnreadableDocument(
            f"has no text on any of its {count} page{'s' if count != 1 else ''}, only images "
            "(a scanned document?); jdbuilder needs the text: use the original document, or "
            "run it through text recognition (OCR) first"
        )
    return blocks
