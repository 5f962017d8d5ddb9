"""Where the built-in templates, standards, profiles and examples live.

In an installed wheel they are package data under `jdbuilder/_data/`; in a source checkout
they are the top-level folders of the repository.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

DATA_FOLDERS = ("templates", "standards", "profiles", "examples")


@cache
def data_root() -> Path:
    """The folder holding templates/, standards/, profiles/ and examples/."""
    packaged = Path(str(files("jdbuilder"))) / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def builtin(folder: str) -> Path:
    """One of the built-in data folders."""
    if folder not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {folder!r}")
    return data_root() / folder


def example_trust_file() -> Path:
    """The built-in example trust, used when no trust file is given."""
    return builtin("examples") / "example-trust" / "trust.yaml"
