"""Check one job description, or many: read it, run every check, collect the findings."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jdbuilder.check import language, person_spec, review, standards, terms
from jdbuilder.check.config import CheckData, load_check_data
from jdbuilder.check.document import Block, Document, UnreadableDocument
from jdbuilder.check.extract import kind_of, read_document
from jdbuilder.check.results import Facts, FileReport, Finding
from jdbuilder.errors import display_path
from jdbuilder.library import Library


@dataclass(frozen=True)
class Settings:
    """The date to check against and how often a job description must be reviewed."""

    as_of: datetime.date
    review_months: int | None = None  # None: the data's default (check.yaml review.months)


class Checker:
    """Checks documents against the standards data of one library."""

    def __init__(self, library: Library, settings: Settings) -> None:
        self.library = library
        self.settings = settings
        self.data: CheckData = load_check_data(library)

    @property
    def review_months(self) -> int:
        return self.settings.review_months or self.data.rules.review_months

    def check_path(self, path: Path, person_spec: Path | None = None) -> FileReport:
        """The report for one file (with its separate person specification, if given);
        a file that cannot be read gets an error finding."""
        reading = path
        try:
            document = read_document(path, self.library, self.settings.as_of)
            if person_spec is not None:
                reading = person_spec
                extra = read_document(person_spec, self.library, self.settings.as_of)
                document = with_person_spec(document, extra)
        except UnreadableDocument as error:
            return FileReport(
                path=display_path(path),
                kind=kind_of(path) or "unknown",
                findings=[
                    Finding(
                        "error",
                        "file-unreadable",
                        f"This file {error}."
                        if reading == path
                        else f"Its person specification {display_path(reading)} {error}.",
                    )
                ],
                unreadable=str(error),
            )
        report = self.check_document(document)
        if person_spec is not None:
            report.findings.insert(
                0,
                Finding(
                    "info",
                    "person-spec-file",
                    f"Read with its person specification, {display_path(person_spec)}.",
                ),
            )
        return report

    def check_document(self, document: Document) -> FileReport:
        """Every check on a document that was read."""
        data, rules = self.data, self.data.rules
        findings: list[Finding] = []
        facts = Facts(is_ap=terms.is_ap(document, rules), trainee=terms.is_trainee(document, rules))
        if not facts.is_ap:
            findings.append(
                Finding(
                    "warning",
                    "role-not-ap",
                    "This does not look like an assistant practitioner job description (it "
                    "never mentions an assistant or associate practitioner); the checks assume one.",
                )
            )
        core, core_findings = standards.core_standards(document, data)
        clauses, clause_findings = standards.standard_clauses(document, data)
        facts.band, band_findings = terms.band(document, rules, facts.trainee)
        expected = rules.trainee_band if facts.trainee else rules.ap_band
        findings += band_findings
        findings += terms.salary(document, rules, facts.band or expected, self.settings.as_of)
        findings += terms.hours(document, rules)
        findings += terms.directed_by(document, rules)
        findings += terms.accountability(document, rules)
        level5 = data.signals_of("CS3.2")
        findings += person_spec.person_spec(document, rules, facts.trainee, level5)
        date, facts.review_overdue, review_findings = review.review(
            document, rules, self.settings.as_of, self.review_months
        )
        if date is not None:
            facts.review_date, facts.review_location = date.date, date.location
        findings += review_findings
        findings += core_findings + clause_findings
        findings += language.long_sentences(document, data.language)
        findings += language.acronyms(document, data.language)
        findings += language.gender_coding(document, data.language)
        findings.append(language.readability(document, data.language))
        return FileReport(document.path, document.kind, core, clauses, findings, facts)

    def check_paths(self, paths: Iterable[Path]) -> list[FileReport]:
        """Each file's report; a jdbuilder job description is read with its person spec."""
        return [self.check_path(path, person_spec) for path, person_spec in pair_documents(paths)]


#: jdbuilder writes the job description and the person specification as two files, each name
#: ending in its document key
JD_SUFFIX, PS_SUFFIX = "-job-description", "-person-specification"


def person_spec_for(path: Path) -> Path | None:
    """The person specification written beside a jdbuilder job description, if it is there."""
    if not path.stem.endswith(JD_SUFFIX):
        return None
    companion = path.with_name(path.stem.removesuffix(JD_SUFFIX) + PS_SUFFIX + path.suffix)
    return companion if companion.is_file() else None


def pair_documents(paths: Iterable[Path]) -> list[tuple[Path, Path | None]]:
    """Each path with its person specification; a person spec so paired is not listed alone."""
    paths = list(paths)
    pairs = [(path, person_spec_for(path)) for path in paths]
    paired = {ps.resolve() for _, ps in pairs if ps is not None}
    return [(path, ps) for path, ps in pairs if path.resolve() not in paired]


def with_person_spec(document: Document, person_spec: Document) -> Document:
    """One document: the job description, then its person specification's blocks."""
    name = Path(person_spec.path).name
    blocks = [Block(b.text, f"{name}, {b.location}") for b in person_spec.blocks]
    return Document(document.path, document.kind, [*document.blocks, *blocks])
