"""Plain text and Markdown: paragraphs (wrapped lines joined), located by line number."""

from __future__ import annotations

import re

from jdbuilder.check.document import Block, UnreadableDocument
from jdbuilder.check.text import join_wrapped_lines, normalise

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), else Windows-1252, the usual Word export."""
    if b"\x00" in data:
        raise UnreadableDocument("is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableDocument(
                "is not readable text: save it as UTF-8 (Plain Text, Unicode)"
            ) from None


def _markdown_line(line: str) -> str:
    if _TABLE_RULE.match(line):
        return ""
    line = _QUOTE.sub("", _HEADING.sub("", line))
    if line.strip().startswith("|"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        line = " | ".join(cell for cell in cells if cell)
    return _EMPHASIS.sub("", _LINK.sub(r"\1", line))


def read_text(data: bytes, *, markdown: bool) -> list[Block]:
    """Blocks of a text file: each paragraph, heading, list item or table row, by line."""
    text = decode(data)
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        is_heading_or_row = markdown and bool(_HEADING.match(raw) or raw.strip().startswith("|"))
        line = normalise(_markdown_line(raw) if markdown else raw)
        if is_heading_or_row and line:
            lines.extend([(number, ""), (number, line), (number, "")])
        else:
            lines.append((number, line))
    return [Block(paragraph, f"line {number}") for number, paragraph in join_wrapped_lines(lines)]
