"""Plain-text helpers: sentences, words, and joining lines that were wrapped."""

from __future__ import annotations

import re

#: words after which a full stop does not end a sentence
ABBREVIATIONS = frozenset(
    {
        *("e.g", "i.e", "eg", "ie", "etc", "dr", "mr", "mrs", "ms", "mx", "no", "nos", "st"),
        *("approx", "inc", "vs", "cf", "nb", "ref", "min", "max", "dept"),
    }
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(•]?[A-Z0-9])")
_PIECE_BREAK = re.compile(r"\s*(?:\n|\s\|\s|\t)\s*")
_BULLET = re.compile(r"^(?:[•·▪◦●○■□➢➤►‣⁃∙*o\-–—]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)")
WORD = re.compile(r"[A-Za-z0-9£]+(?:['’.\-/][A-Za-z0-9]+)*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")


def normalise(text: str) -> str:
    """One space between words; no control characters; curly and straight quotes kept."""
    text = text.replace("\r", "\n").replace("\u00ad", "").replace("\x0b", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def split_sentences(text: str) -> list[str]:
    """Sentences of a block; table cells, lines and list items are never joined together."""
    sentences: list[str] = []
    for piece in _PIECE_BREAK.split(text):
        piece = _BULLET.sub("", piece.strip()).strip()
        if not piece:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(piece):
            before = piece[start : match.start()].rstrip('"”’)')
            last_word = before.rsplit(maxsplit=1)[-1].rstrip(".").lower() if before else ""
            if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
            sentences.append(piece[start : match.start()].strip())
            start = match.end()
        sentences.append(piece[start:].strip())
    return [s for s in sentences if s and any(c.isalnum() for c in s)]


def words(text: str) -> list[str]:
    """The words of a sentence; figures such as 37.5 and £27,485 count as one word each."""
    return WORD.findall(text.replace(",", ""))


_NEW_PARAGRAPH_AFTER = re.compile(r"[.!?:;]$")
WRAPPED_LINE_MIN = 50


def join_wrapped_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join lines that a text file or a PDF wrapped, keeping headings and list items apart.

    A line continues the one before when that one is long (a wrapped line) or when the
    line starts with a lower-case letter, unless the line before ends a sentence or the line
    is a list item. Blank lines always end a paragraph. Returns (first line number, text).
    """
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    for number, raw in lines:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append((first, " ".join(current)))
            current = []
            continue
        previous = current[-1] if current else ""
        continues = bool(current) and (
            not _BULLET.match(line)
            and not _NEW_PARAGRAPH_AFTER.search(previous)
            and (len(previous) >= WRAPPED_LINE_MIN or line[:1].islower())
        )
        if continues:
            if previous.endswith("-"):
                current[-1] = previous + line
            else:
                current.append(line)
        else:
            if current:
                paragraphs.append((first, " ".join(current)))
            current, first = [line], number
    if current:
        paragraphs.append((first, " ".join(current)))
    return paragraphs


def shorten(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"
