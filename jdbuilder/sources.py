"""YAML loading that remembers the file, line and column of every key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jdbuilder.errors import InvalidInput, KeyPath, Problem, display_path, format_key_path

MAX_BYTES = 1_000_000


@dataclass
class Source:
    """A parsed YAML mapping and where each of its keys came from."""

    path: Path
    data: dict[str, Any]
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def position(self, key_path: KeyPath) -> tuple[int, int]:
        """Line and column of a key path, or of its nearest ancestor that exists."""
        path = tuple(key_path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, key_path: KeyPath, message: str) -> Problem:
        """A Problem located at key_path in this file."""
        line, column = self.position(key_path)
        return Problem(self.name, line, column, format_key_path(key_path), message)


def _fail(path: Path, message: str, line: int = 0, column: int = 0) -> InvalidInput:
    return InvalidInput([Problem(display_path(path), line, column, "", message)])


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file, refusing what is missing, a folder, too big or not text."""
    if not path.exists():
        raise _fail(path, "file not found")
    if path.is_dir():
        raise _fail(path, "is a folder, not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise _fail(path, f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail(
            path, f"is not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise _fail(path, "is not a text file (it contains NUL bytes)")
    return text


def load_yaml(path: Path) -> Source:
    """Load a YAML file whose root is a mapping, keeping the position of every key."""
    text = read_text(path)
    if not text.strip():
        raise _fail(path, "file is empty; it needs YAML keys such as `name: ...`")
    try:
        node = _compose_node(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reason = error.problem or "YAML syntax error"
        raise _fail(path, f"YAML syntax error: {reason}", line, column) from None
    except yaml.YAMLError as error:
        raise _fail(path, f"YAML error: {error}") from None
    if node is None:
        raise _fail(path, "file has only comments; it needs YAML keys such as `name: ...`")
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise _fail(
            path,
            f"the file must be a mapping of keys (key: value), but it is {kind}",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    source = Source(path=path, data={})
    builder = _Builder(source, yaml.SafeLoader(""))
    source.positions[()] = (node.start_mark.line + 1, node.start_mark.column + 1)
    source.data = builder.build(node, ())
    if builder.problems:
        raise InvalidInput(builder.problems)
    return source


def _compose_node(text: str) -> yaml.Node | None:
    """The YAML node tree, parsed by libyaml (several times faster) where PyYAML has it.

    A file libyaml refuses is parsed again by the pure-Python parser, so that syntax errors
    keep PyYAML's wording (and a file only one of them accepts still loads).
    """
    if hasattr(yaml, "CSafeLoader"):
        try:
            return _single_node(yaml.CSafeLoader(text))
        except yaml.YAMLError:
            pass
    return _single_node(yaml.SafeLoader(text))


def _single_node(loader: Any) -> yaml.Node | None:
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


class _Builder:
    """Turns a composed YAML node tree into Python values, recording positions."""

    def __init__(self, source: Source, constructor: yaml.SafeLoader) -> None:
        self.source = source
        self.constructor = constructor
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.source.positions[(*path, index)] = _mark(item)
                items.append(self.build(item, (*path, index)))
            return items
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.problems.append(self.source.problem(path, f"cannot read this value: {error}"))
            return None

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = _mark(key_node)
                self.problems.append(
                    Problem(self.source.name, line, column, "", "a key must be a plain word")
                )
                continue
            key = str(key_node.value)
            key_path = (*path, key)
            if key in result:
                first_line, _ = self.source.positions[key_path]
                line, column = _mark(key_node)
                self.problems.append(
                    Problem(
                        self.source.name,
                        line,
                        column,
                        format_key_path(key_path),
                        f"duplicate key (first given on line {first_line}); keep only one",
                    )
                )
                continue
            self.source.positions[key_path] = _mark(key_node)
            result[key] = self.build(value_node, key_path)
        return result


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
