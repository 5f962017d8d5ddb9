"""The data jdbuilder writes from: standards and specialty profiles, built-in or local."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jdbuilder import rules
from jdbuilder.errors import InvalidInput, JDBuilderError, KeyPath, Problem
from jdbuilder.resources import builtin
from jdbuilder.sources import Source, load_yaml
from jdbuilder.validate import schema_problems

STANDARD_FILES = {
    "core_standards": "core_standards.yaml",
    "afc_terms": "afc_terms.yaml",
    "clauses": "clauses.yaml",
    "person_spec": "person_spec.yaml",
    "nhs_jobs": "nhs_jobs.yaml",
    "check": "check.yaml",
    "language": "language.yaml",
}
CORE_ID = "_core"


@dataclass
class Item:
    """A duty or criterion as written in a profile, and where it was written."""

    data: dict[str, Any]
    source: Source
    path: KeyPath

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def origin(self) -> str:
        line, _ = self.source.position(self.path)
        return f"{self.source.name}:{line}"


@dataclass
class Profile:
    """A specialty profile merged with the shared core."""

    id: str
    source: Source
    fields: dict[str, Any]
    duties: list[Item]
    criteria: list[Item]


class Library:
    """Loads, validates and caches the standards and profiles, local folders first."""

    def __init__(
        self, profile_dirs: Sequence[Path] = (), standards_dir: Path | None = None
    ) -> None:
        self.profile_dirs = [*profile_dirs, builtin("profiles")]
        self.standards_dir = standards_dir
        self._profiles: dict[str, Profile] = {}
        #: validated trust files by resolved path, kept by inputs.load_trust: a batch of posts
        #: for one trust reads and checks its file once
        self.trusts: dict[Path, Source] = {}

    def standards_path(self, kind: str) -> Path:
        """Where a standards file is read from: the local copy if there is one, else the built-in."""
        name = STANDARD_FILES[kind]
        if self.standards_dir and (self.standards_dir / name).is_file():
            return self.standards_dir / name
        return builtin("standards") / name

    def standards_file(self, kind: str) -> Source:
        """A validated standards file: the local copy if there is one, else the built-in."""
        source = load_yaml(self.standards_path(kind))
        problems = schema_problems(source, kind)
        if problems:
            raise InvalidInput(problems)
        return source

    @cached_property
    def core_standards(self) -> Source:
        return self.standards_file("core_standards")

    @cached_property
    def afc_terms(self) -> Source:
        return self.standards_file("afc_terms")

    @cached_property
    def clauses(self) -> Source:
        return self.standards_file("clauses")

    @cached_property
    def person_spec(self) -> Source:
        return self.standards_file("person_spec")

    @cached_property
    def nhs_jobs(self) -> Source:
        return self.standards_file("nhs_jobs")

    @cached_property
    def full_time_hours(self) -> float:
        """Full-time weekly hours under Agenda for Change, from afc_terms.yaml (37.5)."""
        return float(self.afc_terms.data["hours"]["full_time_per_week"])

    @cached_property
    def clause_ids(self) -> dict[str, bool]:
        """Every core standard clause id, mapped to whether its text is verified."""
        return {
            clause["id"]: bool(clause["verified"])
            for standard in self.core_standards.data["standards"]
            for clause in standard["clauses"]
        }

    @cached_property
    def assessment_codes(self) -> list[str]:
        return [entry["code"] for entry in self.person_spec.data["assessment"]]

    @cached_property
    def standard_clause_ids(self) -> list[str]:
        """Ids of the standard JD clauses (safeguarding, ...)."""
        return [clause["id"] for clause in self.clauses.data["clauses"]]

    def profile_paths(self) -> dict[str, Path]:
        """Every specialty profile by id; a local profile hides a built-in one of the same id."""
        found: dict[str, Path] = {}
        for folder in reversed(self.profile_dirs):
            if folder.is_dir():
                for path in sorted(folder.glob("*.yaml")):
                    if path.stem != CORE_ID:
                        found[path.stem] = path
        return dict(sorted(found.items()))

    def core_path(self) -> Path:
        for folder in self.profile_dirs:
            if (folder / f"{CORE_ID}.yaml").is_file():
                return folder / f"{CORE_ID}.yaml"
        raise JDBuilderError(f"no {CORE_ID}.yaml found in {', '.join(map(str, self.profile_dirs))}")

    def profile(self, profile_id: str) -> Profile:
        """A validated specialty profile merged with the core."""
        if profile_id not in self._profiles:
            paths = self.profile_paths()
            if profile_id not in paths:
                raise JDBuilderError(rules.unknown_specialty_message(profile_id, list(paths)))
            self._profiles[profile_id] = self.load_profile(paths[profile_id])
        return self._profiles[profile_id]

    @cached_property
    def _core(self) -> tuple[Source, list[Problem]]:
        """The shared core profile and its schema problems, read once for every profile."""
        core = load_yaml(self.core_path())
        return core, schema_problems(core, "profile")

    def load_profile(self, path: Path) -> Profile:
        """Load, validate and merge one profile file; raise every problem at once."""
        core, core_problems = self._core
        source = load_yaml(path)
        problems = core_problems + schema_problems(source, "profile")
        if problems:
            raise InvalidInput(problems)
        profile = merge_with_core(source, core)
        problems = rules.profile_problems(profile, core, self)
        if problems:
            raise InvalidInput(problems)
        return profile


def _items(source: Source, key: str) -> list[Item]:
    return [Item(data, source, (key, i)) for i, data in enumerate(source.data.get(key, []))]


def merge_with_core(source: Source, core: Source) -> Profile:
    """The profile's fields over the core's, with core items dropped or replaced by id."""
    changes = source.data.get("core", {})
    dropped = set(changes.get("drop", []))
    replacements = {
        entry["id"]: Item(entry, source, ("core", "replace", i))
        for i, entry in enumerate(changes.get("replace", []))
    }

    def merged(key: str) -> list[Item]:
        items = []
        for item in _items(core, key):
            if item.id in dropped:
                continue
            if item.id in replacements:
                new = replacements[item.id]
                item = Item({**item.data, **new.data}, new.source, new.path)
            items.append(item)
        return items + _items(source, key)

    return Profile(
        id=str(source.data["id"]),
        source=source,
        fields=source.data,
        duties=merged("duties"),
        criteria=merged("criteria"),
    )
