"""The starter files `jdbuilder init` copies: the example trust, its logo and a role."""

from __future__ import annotations

from pathlib import Path

from jdbuilder.resources import builtin


def starter_files() -> dict[str, Path]:
    """File name in the new folder -> built-in file to copy."""
    folder = builtin("examples") / "starter"
    return {path.name: path for path in sorted(folder.iterdir()) if path.is_file()}
