"""YAML loading: positions for every key, and a clear error for every bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.errors import InvalidInput
from jdbuilder.sources import load_yaml


def error_text(path: Path) -> str:
    with pytest.raises(InvalidInput) as caught:
        load_yaml(path)
    return str(caught.value)


def test_positions_of_keys_and_list_items(in_tmp: Path) -> None:
    (in_tmp / "a.yaml").write_text("name: x\nitems:\n  - a: 1\n    b: 2026-01-02\n")
    source = load_yaml(in_tmp / "a.yaml")
    assert source.positions[("items",)] == (2, 1)
    assert source.positions[("items", 0, "b")] == (4, 5)
    assert source.position(("items", 0, "missing")) == (3, 5)
    assert source.data["items"][0]["b"].isoformat() == "2026-01-02"


def test_missing_file(in_tmp: Path) -> None:
    assert error_text(in_tmp / "nope.yaml") == "nope.yaml: file not found"


def test_directory(in_tmp: Path) -> None:
    (in_tmp / "folder.yaml").mkdir()
    assert error_text(in_tmp / "folder.yaml") == "folder.yaml: is a folder, not a file"


def test_empty_file(in_tmp: Path) -> None:
    (in_tmp / "e.yaml").write_text("  \n")
    assert error_text(in_tmp / "e.yaml") == (
        "e.yaml: file is empty; it needs YAML keys such as `name: ...`"
    )


def test_comments_only(in_tmp: Path) -> None:
    (in_tmp / "c.yaml").write_text("# nothing here\n")
    assert "file has only comments" in error_text(in_tmp / "c.yaml")


def test_not_utf8(in_tmp: Path) -> None:
    (in_tmp / "latin.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    assert error_text(in_tmp / "latin.yaml") == (
        "latin.yaml: is not UTF-8 text (byte 9 cannot be read); save it as UTF-8"
    )


def test_binary_file(in_tmp: Path) -> None:
    (in_tmp / "bin.yaml").write_bytes(b"name: a\x00b\n")
    assert error_text(in_tmp / "bin.yaml") == (
        "bin.yaml: is not a text file (it contains NUL bytes)"
    )


def test_syntax_error_has_its_line(in_tmp: Path) -> None:
    (in_tmp / "s.yaml").write_text("name: x\nlist: [1, 2\nother: 3\n")
    assert error_text(in_tmp / "s.yaml") == (
        "s.yaml:3:6: YAML syntax error: expected ',' or ']', but got ':'"
    )


def test_root_must_be_a_mapping(in_tmp: Path) -> None:
    (in_tmp / "l.yaml").write_text("- a\n- b\n")
    assert error_text(in_tmp / "l.yaml") == (
        "l.yaml:1:1: the file must be a mapping of keys (key: value), but it is a list"
    )


def test_duplicate_keys(in_tmp: Path) -> None:
    (in_tmp / "d.yaml").write_text("name: a\nband: 4\nname: b\n")
    assert error_text(in_tmp / "d.yaml") == (
        "d.yaml:3:1: name: duplicate key (first given on line 1); keep only one"
    )


def test_duplicate_nested_keys_all_reported(in_tmp: Path) -> None:
    (in_tmp / "d.yaml").write_text("a:\n  x: 1\n  x: 2\nb:\n  - y: 1\n    y: 2\n")
    assert error_text(in_tmp / "d.yaml").splitlines() == [
        "d.yaml:3:3: a.x: duplicate key (first given on line 2); keep only one",
        "d.yaml:6:5: b[0].y: duplicate key (first given on line 5); keep only one",
    ]


def test_file_over_one_megabyte(in_tmp: Path) -> None:
    (in_tmp / "big.yaml").write_text("name: " + "x" * 1_000_001 + "\n")
    assert error_text(in_tmp / "big.yaml") == (
        "big.yaml: file is 1,000,008 bytes; the limit is 1,000,000 bytes"
    )
