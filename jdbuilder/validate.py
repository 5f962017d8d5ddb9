"""Schema validation with Cerberus, its errors rewritten as plain English with positions."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from cerberus import Validator, errors

from jdbuilder.errors import KeyPath, Problem
from jdbuilder.schemas import SCHEMAS, Schema
from jdbuilder.sources import Source

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "float": "a number",
    "boolean": "true or false",
    "list": "a list (lines starting with '- ')",
    "dict": "a mapping of keys (key: value)",
    "date": "a date written YYYY-MM-DD",
}


class FileValidator(Validator):  # type: ignore[misc]
    """Cerberus with the one check our schemas name that it lacks: `check_with: regex`."""

    def _check_with_regex(self, field: str, value: Any) -> None:
        try:
            re.compile(value, re.IGNORECASE)
        except re.error as error:
            self._error(field, f"not a valid regular expression: {error}")


@cache
def _validator(kind: str) -> Validator:
    """One validator for each kind of file: making one checks its schema, which costs more
    than validating a file with it (validate() starts afresh each time)."""
    return FileValidator(SCHEMAS[kind])


def schema_problems(source: Source, kind: str) -> list[Problem]:
    """Validate a loaded file against the schema for its kind; every problem, in file order."""
    schema = SCHEMAS[kind]
    validator = _validator(kind)
    validator.validate(source.data)
    return [source.problem(path, message) for path, message in _messages(validator._errors, schema)]


def _messages(error_list: Any, schema: Schema) -> Iterator[tuple[KeyPath, str]]:
    for error in error_list:
        if error.is_group_error:
            yield from _messages(error.child_errors, schema)
        else:
            yield tuple(error.document_path), _message(error, schema)


def _message(error: Any, schema: Schema) -> str:
    path: KeyPath = tuple(error.document_path)
    field_schema = _field_schema(schema, path) or {}
    help_text = field_schema.get("meta", {}).get("help")
    code = error.code
    value = error.value
    if code == errors.UNKNOWN_FIELD.code:
        return _unknown_key(path, schema)
    if code == errors.REQUIRED_FIELD.code:
        return "this key is required but missing"
    if code == errors.CUSTOM.code:  # FileValidator's own checks word their messages
        return str(error.info[0])
    if code == errors.BAD_TYPE.code:
        wanted = error.constraint if isinstance(error.constraint, list) else [error.constraint]
        words = " or ".join(TYPE_WORDS.get(str(t), str(t)) for t in wanted)
        if "date" in wanted and isinstance(value, str):
            return f"{value!r} is not a date; write it as YYYY-MM-DD, such as 2026-12-15"
        return f"must be {words}, not {_describe(value)}"
    if code == errors.NOT_NULLABLE.code:
        return "has no value; give one or remove the key"
    if code == errors.EMPTY_NOT_ALLOWED.code:
        return "must not be empty"
    if code == errors.UNALLOWED_VALUE.code:
        allowed = ", ".join(str(v) for v in error.constraint)
        return f"{value!r} is not allowed (allowed: {allowed})"
    if code == errors.REGEX_MISMATCH.code:
        return f"{value!r} is not {help_text or 'in the expected form'}"
    if code == errors.MIN_VALUE.code:
        return f"must be at least {error.constraint}, not {value}"
    if code == errors.MAX_VALUE.code:
        return f"must be at most {error.constraint}, not {value}"
    if code == errors.MIN_LENGTH.code:
        return f"needs at least {error.constraint} item(s)"
    if code == errors.MAX_LENGTH.code:
        return f"may have at most {error.constraint} item(s)"
    return str(errors.BasicErrorHandler.messages.get(code, "is not valid")).format(
        constraint=error.constraint, value=value, field=path[-1] if path else ""
    )


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)


def _unknown_key(path: KeyPath, schema: Schema) -> str:
    key = str(path[-1])
    known = sorted(_allowed_keys(schema, path[:-1]))
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown key; did you mean `{close[0]}`?"
    return f"unknown key (allowed here: {', '.join(known)})" if known else "unknown key"


def _allowed_keys(schema: Schema, parent: KeyPath) -> list[str]:
    if not parent:
        return list(schema)
    container = _field_schema(schema, parent) or {}
    inner = container.get("schema")
    if container.get("type") == "list" and isinstance(inner, dict):
        inner = inner.get("schema")
    return list(inner) if isinstance(inner, dict) else []


def _field_schema(schema: Schema, path: KeyPath) -> Schema | None:
    """The schema rules of the field at path (list indices step into `schema`)."""
    rules: Schema | None = {"type": "dict", "schema": schema}
    for part in path:
        if rules is None:
            return None
        if isinstance(part, int):
            rules = rules.get("schema") if rules.get("type") == "list" else None
            continue
        inner = rules.get("schema")
        if isinstance(inner, dict) and part in inner:
            rules = inner[part]
        elif "valuesrules" in rules:
            rules = rules["valuesrules"]
        else:
            return None
    return rules


FILE_KINDS_BY_NAME = {
    "core_standards.yaml": "core_standards",
    "afc_terms.yaml": "afc_terms",
    "clauses.yaml": "clauses",
    "person_spec.yaml": "person_spec",
    "nhs_jobs.yaml": "nhs_jobs",
    "check.yaml": "check",
    "language.yaml": "language",
}


def file_kind(source: Source) -> str | None:
    """What kind of jdbuilder file this is, from its name or its keys."""
    if source.path.name in FILE_KINDS_BY_NAME:
        return FILE_KINDS_BY_NAME[source.path.name]
    keys = set(source.data)
    if "specialty" in keys:
        return "role"
    if "extends" in keys or "directed_by" in keys or source.path.name == "_core.yaml":
        return "profile"
    if "name" in keys and "duties" not in keys:
        return "trust"
    return None
