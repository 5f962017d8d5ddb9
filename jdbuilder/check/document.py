"""A job description as the check sees it: blocks of text, each with where it was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from jdbuilder.errors import JDBuilderError


@dataclass(frozen=True)
class Block:
    """A paragraph, a table row (cells joined by ' | '), a text line or a page line."""

    text: str
    location: str


@dataclass(frozen=True)
class Sentence:
    """One sentence (or table cell, heading or list item) and the block it came from."""

    text: str
    location: str


@dataclass
class Document:
    """The text of one job description, in reading order."""

    path: str
    kind: str
    blocks: list[Block] = field(default_factory=list)

    @cached_property
    def sentences(self) -> list[Sentence]:
        from jdbuilder.check.text import split_sentences

        return [
            Sentence(text, block.location)
            for block in self.blocks
            for text in split_sentences(block.text)
        ]


class UnreadableDocument(JDBuilderError):
    """A file that cannot be checked; the message says why and what to do."""
