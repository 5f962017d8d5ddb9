"""Errors a user can cause and fix, each pointing at a file, line and key path."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """Render ('duties', 'add', 2, 'standards', 0) as duties.add[2].standards[0]."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file."""

    file: str
    line: int
    column: int
    key_path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return (
            f"{where}: {self.key_path}: {self.message}"
            if self.key_path
            else f"{where}: {self.message}"
        )


class JDBuilderError(Exception):
    """A failure the user can fix; the message says what and how."""


@dataclass
class InvalidInput(JDBuilderError):
    """One or more problems found in the input files, all reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.problems = sorted(set(self.problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """A path as the user would recognise it: relative to the working folder when inside it."""
    return _display_path(path, Path.cwd())


@lru_cache(maxsize=4096)
def _display_path(path: Path, cwd: Path) -> str:
    # cached: every duty and criterion names its file, and resolve() costs a system call a part
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)
