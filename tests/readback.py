"""Read generated documents back as a reader (or a screen reader) would meet them."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from jdbuilder.model import JobPack


def normalise(text: str) -> str:
    """Whitespace collapsed: PDF text comes back split into lines, also after a hyphen
    ('HCPC-' at the end of one line, 'registered' on the next)."""
    return " ".join(text.split()).replace("- ", "-")


def assert_in_order(haystack: str, needles: list[str], what: str) -> None:
    """Every needle occurs in the haystack, each after the one before."""
    text = normalise(haystack)
    position = 0
    for needle in needles:
        found = text.find(normalise(needle), position)
        assert found >= 0, f"{what}: not found (in order): {needle!r}"
        position = found + len(normalise(needle))


# -- DOCX -------------------------------------------------------------------------------


def open_docx(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def docx_paragraphs(document: WordDocument) -> Iterator[Paragraph]:
    """Every paragraph of the body in reading order, table cells included."""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield block


def docx_text(document: WordDocument) -> str:
    return "\n".join(p.text for p in docx_paragraphs(document))


# -- PDF --------------------------------------------------------------------------------


def open_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_body_text(reader: PdfReader, running: tuple[str, ...]) -> str:
    """The text a reader follows across pages: without the running lines (footer, masthead)
    and page numbers, which pypdf returns in the middle of a paragraph split by a page break."""
    skip = set(running)
    lines = pdf_text(reader).splitlines()
    return "\n".join(
        line for line in lines if line not in skip and not re.fullmatch(r"Page \d+ of \d+", line)
    )


@dataclass
class StructureTree:
    """The tags of a tagged PDF: element types in tree order, and the marked content they own."""

    tags: list[str] = field(default_factory=list)
    figures: list[DictionaryObject] = field(default_factory=list)
    content: set[tuple[int, int]] = field(default_factory=set)  # (page object number, MCID)


def structure_tree(reader: PdfReader) -> StructureTree:
    tree = StructureTree()
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()

    def walk(element: DictionaryObject, page: Any) -> None:
        page = element.get("/Pg", page)
        if "/S" in element:
            tree.tags.append(str(element["/S"]))
            if element["/S"] == "/Figure":
                tree.figures.append(element)
        kids = element.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if isinstance(kid, int):
                tree.content.add((page.idnum, int(kid)))
                continue
            child = kid.get_object()
            if child.get("/Type") == "/MCR":
                tree.content.add((child["/Pg"].idnum, int(child["/MCID"])))
            elif child.get("/Type") != "/OBJR":
                walk(child, page)

    walk(root, None)
    return tree


def marked_text(reader: PdfReader, page_number: int) -> dict[str, str]:
    """A page's text by marked-content id: 'artifact', 'mcid:N', or 'unmarked'."""
    current = ["unmarked"]
    texts: dict[str, str] = {}

    def before(operator: bytes, operands: list[Any], *_: Any) -> None:
        if operator == b"BDC" and isinstance(operands[1], dict) and "/MCID" in operands[1]:
            current[0] = f"mcid:{operands[1]['/MCID']}"
        elif operator in (b"BMC", b"BDC") and operands[0] == "/Artifact":
            current[0] = "artifact"
        elif operator == b"EMC":
            current[0] = "unmarked"

    def visit(text: str, *_: Any) -> None:
        texts[current[0]] = texts.get(current[0], "") + text

    reader.pages[page_number].extract_text(visitor_operand_before=before, visitor_text=visit)
    return {key: normalise(value) for key, value in texts.items() if normalise(value)}


def heading_levels(tags: list[str]) -> list[int]:
    return [int(tag[2]) for tag in tags if re.fullmatch(r"/H[1-6]", tag)]


def page_fonts(reader: PdfReader) -> set[str]:
    """Base font names used on any page, without the subset prefix (ABCDEF+)."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


# -- PDF layout: what WeasyPrint lays out, before it is written -------------------------


def text_styles(pack: JobPack, document: str) -> list[tuple[bool, Any]]:
    """(in a page margin, style) of every piece of text WeasyPrint lays out."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    from jdbuilder.render import html, pdf

    laid_out = HTML(string=html.render_html(pack, document)).render(
        stylesheets=pdf.stylesheets(), font_config=pdf.font_config()
    )
    found: list[tuple[bool, Any]] = []

    def walk(box: Any, in_margin: bool) -> None:
        if isinstance(box, boxes.TextBox):
            found.append((in_margin, box.style))
        for child in getattr(box, "children", None) or []:
            walk(child, in_margin or isinstance(box, boxes.MarginBox))

    for page in laid_out.pages:
        walk(page._page_box, False)
    return found


def hex_colour(colour: Any) -> str:
    return "#" + "".join(f"{round(channel * 255):02X}" for channel in tuple(colour)[:3])
