"""Shared fixtures: the built-in library, the example files, a pinned date."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdbuilder.library import Library

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "example-trust"
#: a date inside the 2025/26 pay year, whose pay points are in the data, so no pay warning
AS_OF = datetime.date(2026, 1, 15)


@pytest.fixture(scope="session")
def library() -> Library:
    return Library()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test inside an empty folder, so relative paths and outputs land there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
