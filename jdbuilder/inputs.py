"""Loading and validating the files a user gives: roles, trusts, profiles, standards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdbuilder import rules
from jdbuilder.errors import InvalidInput, Problem, display_path
from jdbuilder.library import Library, merge_with_core
from jdbuilder.resources import example_trust_file
from jdbuilder.sources import Source, load_yaml
from jdbuilder.validate import file_kind, schema_problems


@dataclass
class RoleInput:
    """A validated role and the validated trust it names (or the example trust)."""

    role: Source
    trust: Source


def _top_level_key(problem: Problem) -> str:
    return problem.key_path.split(".")[0].split("[")[0]


def _checked(source: Source, kind: str, library: Library) -> list[Problem]:
    """Schema problems and the cross-file rules for the kind, reported together.

    The rules see only the top-level keys that passed the schema, so that one mistake does
    not hide another (a typo in one key and a missing trust file are both reported).
    """
    problems = schema_problems(source, kind)
    if kind == "profile":
        if problems:
            return problems
        core = load_yaml(library.core_path())
        return rules.profile_problems(merge_with_core(source, core), core, library)
    bad_keys = {_top_level_key(problem) for problem in problems}
    valid = Source(
        source.path,
        {key: value for key, value in source.data.items() if key not in bad_keys},
        source.positions,
    )
    if kind == "role":
        problems += rules.role_problems(valid, library)
    elif kind == "trust":
        problems += rules.trust_problems(valid, library)
    return problems


def load_trust(path: Path | None, library: Library) -> Source:
    """A validated trust file; the built-in example trust when path is None."""
    key = (path or example_trust_file()).resolve()
    if key in library.trusts:
        return library.trusts[key]
    source = load_yaml(path or example_trust_file())
    problems = _checked(source, "trust", library)
    if problems:
        raise InvalidInput(problems)
    library.trusts[key] = source
    return source


def load_role(path: Path, library: Library) -> RoleInput:
    """A validated role file and its trust; every problem in both raised at once."""
    role = load_yaml(path)
    problems = _checked(role, "role", library)
    trust_path = rules.trust_path_for(role)
    trust: Source | None = None
    if trust_path is None or trust_path.is_file():
        try:
            trust = load_trust(trust_path, library)
        except InvalidInput as error:
            problems += error.problems
    if problems or trust is None:
        raise InvalidInput(problems)
    return RoleInput(role, trust)


def role_from_options(
    specialty: str, band: int, trust_path: Path | None, library: Library
) -> RoleInput:
    """A role built from command line options instead of a role file."""
    data: dict[str, Any] = {"specialty": specialty, "band": band, "trainee": band == 3}
    role = Source(path=Path("(command line)"), data=data)
    known = library.profile_paths()
    if specialty not in known:
        raise InvalidInput(
            [
                Problem(
                    "--specialty", 0, 0, "", rules.unknown_specialty_message(specialty, list(known))
                )
            ]
        )
    return RoleInput(role, load_trust(trust_path, library))


def validate_files(paths: Iterable[Path], library: Library) -> tuple[list[Problem], list[str]]:
    """Every problem in the given files, and a line per valid file saying what it is."""
    problems: list[Problem] = []
    checked: list[str] = []
    for path in paths:
        try:
            source = load_yaml(path)
        except InvalidInput as error:
            problems += error.problems
            continue
        kind = file_kind(source)
        if kind is None:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "",
                    "cannot tell what this file is: a role has `specialty:`, a profile has "
                    "`extends:`, a trust has `name:`",
                )
            )
            continue
        found = _checked(source, kind, library)
        if kind == "role" and not found:
            try:
                load_role(path, library)
            except InvalidInput as error:
                found += error.problems
        problems += found
        if not found:
            checked.append(f"{source.name}: {kind}")
    return problems, checked
