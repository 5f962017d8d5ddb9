"""What the check looks for, compiled from the standards files (no patterns live in code)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jdbuilder.check.dates import DATE
from jdbuilder.compose import fill
from jdbuilder.errors import InvalidInput, KeyPath, Problem
from jdbuilder.library import Library
from jdbuilder.sources import Source

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class Signals:
    """Groups of patterns: all groups found means met, some means partial, none missing."""

    groups: tuple[tuple[Pattern, ...], ...]


@dataclass(frozen=True)
class ClauseSpec:
    """A verified core standard clause (CS1.4) or a standard JD clause (safeguarding)."""

    id: str
    title: str
    text: str
    signals: Signals


@dataclass(frozen=True)
class StandardSpec:
    """A core standard, its verified clauses, and why the rest are not assessed."""

    id: str
    title: str | None
    verified: bool
    reason: str | None
    clauses: tuple[ClauseSpec, ...]


@dataclass(frozen=True)
class PayYear:
    """One Agenda for Change pay year whose pay points are in the data."""

    year: str
    effective_from: datetime.date
    bands: dict[int, tuple[int, ...]]


@dataclass(frozen=True)
class Rules:
    """standards/check.yaml, compiled, plus the hours limit and pay years of afc_terms.yaml."""

    core_clause_errors: frozenset[str]
    required_clauses: frozenset[str]
    role: tuple[Pattern, ...]
    trainee_title_blocks: int
    trainee: tuple[Pattern, ...]
    job_title_label: Pattern
    ap_band: int
    trainee_band: int
    band_declared: tuple[Pattern, ...]
    band_mention: Pattern
    band_not_this_post: tuple[Pattern, ...]
    salary_min_annual: int
    salary_amount: Pattern
    salary_range_joiner: Pattern
    salary_not_this_post: tuple[Pattern, ...]
    weekly_hours: tuple[Pattern, ...]
    max_weekly_hours: float
    directed_by: Signals
    accountability: Signals
    ps_heading: tuple[Pattern, ...]
    ps_essential: Pattern
    ps_desirable: Pattern
    trainee_programme: Signals
    review_months: int
    # each label followed by its date, in the named group `date`
    review_done_labels: tuple[Pattern, ...]
    review_due_labels: tuple[Pattern, ...]
    review_plain_labels: tuple[Pattern, ...]
    pay_years: tuple[PayYear, ...]


@dataclass(frozen=True)
class GenderWord:
    """An entry of the Gaucher, Friesen and Kay (2011) lists."""

    entry: str
    gender: str  # masculine | feminine

    @property
    def is_stem(self) -> bool:
        return self.entry.endswith("*")

    def matches(self, word: str) -> bool:
        if self.is_stem:
            return word.startswith(self.entry[:-1])
        return word == self.entry


@dataclass(frozen=True)
class Language:
    """standards/language.yaml, compiled."""

    gender_citation: str
    gender_words: dict[str, tuple[GenderWord, ...]]  # by first letter, for speed
    allowlist: tuple[tuple[str, tuple[Pattern, ...]], ...]
    max_sentence_words: int
    known_acronyms: frozenset[str]
    readability_method: str
    readability_formula: str
    running_text_min_words: int
    readability_bands: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class CheckData:
    """Everything the check needs from the standards files."""

    standards: tuple[StandardSpec, ...]
    clauses: tuple[ClauseSpec, ...]
    rules: Rules
    language: Language

    def signals_of(self, clause_id: str) -> Signals:
        """The signals of a verified core standard clause; none when it is not verified."""
        for standard in self.standards:
            for clause in standard.clauses:
                if clause.id == clause_id:
                    return clause.signals
        return Signals(())


class _Compiler:
    """Compiles patterns from one file, collecting every bad pattern as a Problem."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def value(self, path: KeyPath) -> Any:
        value: Any = self.source.data
        for part in path:
            value = value[part]
        return value

    def _bad(self, path: KeyPath, message: str) -> Pattern:
        self.problems.append(self.source.problem(path, message))
        return re.compile(r"(?!)")

    def pattern(self, path: KeyPath) -> Pattern:
        text = self.value(path)
        try:
            return re.compile(text, re.IGNORECASE)
        except re.error as error:
            return self._bad(path, f"not a valid regular expression: {error}")

    def patterns(self, path: KeyPath) -> tuple[Pattern, ...]:
        return tuple(self.pattern((*path, i)) for i in range(len(self.value(path) or [])))

    def dated_labels(self, path: KeyPath, gap: int) -> tuple[Pattern, ...]:
        """Each label of the list, followed within `gap` characters by a date (group `date`)."""
        return tuple(self._dated_label((*path, i), gap) for i in range(len(self.value(path) or [])))

    def _dated_label(self, path: KeyPath, gap: int) -> Pattern:
        label = self.pattern(path)
        if "date" in label.groupindex:
            return self._bad(
                path,
                "a label must not have its own (?P<date>...) group: "
                "the check finds the date that follows the label",
            )
        try:
            return re.compile(
                rf"(?:{label.pattern})[^0-9]{{0,{gap}}}?(?P<date>{DATE})", re.IGNORECASE
            )
        except re.error as error:
            return self._bad(
                path, f"not a valid regular expression when followed by a date: {error.msg}"
            )

    def signals(self, path: KeyPath) -> Signals:
        groups = self.value(path) or []
        return Signals(tuple(self.patterns((*path, i, "any")) for i in range(len(groups))))


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _standards(library: Library) -> tuple[tuple[StandardSpec, ...], list[Problem]]:
    compiler = _Compiler(library.core_standards)
    specs = []
    for s_index, standard in enumerate(library.core_standards.data["standards"]):
        clauses = tuple(
            ClauseSpec(
                clause["id"],
                clause["id"],
                _fold(clause.get("text")),
                compiler.signals(("standards", s_index, "clauses", c_index, "signals")),
            )
            for c_index, clause in enumerate(standard["clauses"])
            if clause.get("verified")
        )
        reason = _fold(standard.get("unverified_reason")) or None
        if not clauses and not reason:
            reason = "no clause of this standard has verified text in the data"
        specs.append(
            StandardSpec(
                standard["id"], standard.get("title"), standard["verified"], reason, clauses
            )
        )
    return tuple(specs), compiler.problems


#: the placeholders of clauses.yaml, shown to the reader of a check report as hints
CLAUSE_HINTS = {
    "{dbs_level}": "[standard or enhanced]",
    "{barred_lists}": "[adults' or children's] barred list",
    "{trust_values}": "[the trust's values]",
    "{review_months}": "12",
}


def _clauses(library: Library) -> tuple[tuple[ClauseSpec, ...], list[Problem]]:
    compiler = _Compiler(library.clauses)
    specs = tuple(
        ClauseSpec(
            clause["id"],
            clause["title"],
            fill(clause["text"], CLAUSE_HINTS),
            compiler.signals(("clauses", index, "signals")),
        )
        for index, clause in enumerate(library.clauses.data["clauses"])
    )
    return specs, compiler.problems


def _pay_years(afc_terms: dict[str, Any]) -> tuple[PayYear, ...]:
    years = [
        PayYear(
            str(year["year"]),
            year["effective_from"],
            {int(band): tuple(entry["points"]) for band, entry in year["bands"].items()},
        )
        for year in afc_terms["pay_years"]
        if year.get("bands")
    ]
    return tuple(sorted(years, key=lambda y: y.effective_from))


def _rules(library: Library, clause_ids: Sequence[str]) -> tuple[Rules, list[Problem]]:
    source = library.standards_file("check")
    c = _Compiler(source)
    data = source.data
    problems: list[Problem] = []
    for index, clause_id in enumerate(data["severity"]["required_clauses"]):
        if clause_id not in clause_ids:
            problems.append(
                source.problem(
                    ("severity", "required_clauses", index),
                    f"unknown clause '{clause_id}' (allowed: {', '.join(clause_ids)})",
                )
            )
    afc = library.afc_terms.data
    gap = int(data["review"]["label_gap"])
    rules = Rules(
        core_clause_errors=frozenset(data["severity"]["core_clause_missing_is_error"]),
        required_clauses=frozenset(data["severity"]["required_clauses"]),
        role=c.patterns(("role", "any")),
        trainee_title_blocks=int(data["trainee"]["title_blocks"]),
        trainee=c.patterns(("trainee", "any")),
        job_title_label=c.pattern(("trainee", "job_title_label")),
        ap_band=int(data["band"]["ap"]),
        trainee_band=int(data["band"]["trainee"]),
        band_declared=c.patterns(("band", "declared")),
        band_mention=c.pattern(("band", "mention")),
        band_not_this_post=c.patterns(("band", "not_this_post")),
        salary_min_annual=int(data["salary"]["min_annual"]),
        salary_amount=c.pattern(("salary", "amount")),
        salary_range_joiner=c.pattern(("salary", "range_joiner")),
        salary_not_this_post=c.patterns(("salary", "not_this_post")),
        weekly_hours=c.patterns(("hours", "weekly")),
        max_weekly_hours=library.full_time_hours,
        directed_by=c.signals(("directed_by",)),
        accountability=c.signals(("accountability",)),
        ps_heading=c.patterns(("person_spec", "heading")),
        ps_essential=c.pattern(("person_spec", "essential")),
        ps_desirable=c.pattern(("person_spec", "desirable")),
        trainee_programme=c.signals(("person_spec", "trainee_programme")),
        review_months=int(data["review"]["months"]),
        review_done_labels=c.dated_labels(("review", "done_labels"), gap),
        review_due_labels=c.dated_labels(("review", "due_labels"), gap),
        review_plain_labels=c.dated_labels(("review", "plain_labels"), gap),
        pay_years=_pay_years(afc),
    )
    return rules, problems + c.problems


def _language(library: Library) -> tuple[Language, list[Problem]]:
    source = library.standards_file("language")
    c = _Compiler(source)
    data = source.data
    gender = data["gender_coded"]
    words: dict[str, list[GenderWord]] = {}
    for kind in ("masculine", "feminine"):
        for entry in gender[kind]:
            word = GenderWord(str(entry).lower(), kind)
            words.setdefault(word.entry[0], []).append(word)
    allowlist = tuple(
        (str(entry["reason"]), c.patterns(("gender_coded", "allowlist", i, "patterns")))
        for i, entry in enumerate(gender.get("allowlist", []))
    )
    readability = data["readability"]
    language = Language(
        gender_citation=_fold(gender["citation"]),
        gender_words={letter: tuple(entries) for letter, entries in words.items()},
        allowlist=allowlist,
        max_sentence_words=int(data["long_sentence"]["max_words"]),
        known_acronyms=frozenset(data["acronyms"].get("known", [])),
        readability_method=str(readability["method"]),
        readability_formula=str(readability["formula"]),
        running_text_min_words=int(readability["running_text_min_words"]),
        readability_bands=tuple(
            sorted(((float(b["min"]), str(b["label"])) for b in readability["bands"]), reverse=True)
        ),
    )
    return language, c.problems


def load_check_data(library: Library) -> CheckData:
    """Compile the check's data; every bad pattern in any file is reported at once."""
    standards, problems = _standards(library)
    clauses, clause_problems = _clauses(library)
    rules, rule_problems = _rules(library, [clause.id for clause in clauses])
    language, language_problems = _language(library)
    problems += clause_problems + rule_problems + language_problems
    if problems:
        raise InvalidInput(problems)
    return CheckData(standards, clauses, rules, language)
