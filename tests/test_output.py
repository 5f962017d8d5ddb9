"""Atomic writes: whole files or none, with ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdbuilder.output import write_atomic


def test_written_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a" / "doc.pdf", b"data")
    finally:
        os.umask(old)
    path = tmp_path / "a" / "doc.pdf"
    assert path.read_bytes() == b"data"
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["doc.pdf"]


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, target: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(tmp_path / "doc.pdf", b"data")
    assert list(tmp_path.iterdir()) == []
