"""The composed job pack: plain data, nothing about layout."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SourceRef:
    """Where a fact came from."""

    title: str
    url: str | None
    status: str


@dataclass
class Duty:
    """One duty of the post, traced to the core standard clauses it evidences."""

    id: str
    area: str
    text: str
    standards: list[str]
    origin: str
    band4_text: str | None = None  # for a trainee post: the band 4 wording it was derived from


@dataclass
class DutyArea:
    """A heading of the job description and its duties, in print order."""

    id: str
    title: str
    duties: list[Duty]


@dataclass
class Criterion:
    """One person specification criterion."""

    id: str
    category: str
    text: str
    need: str
    assessed: list[str]
    standards: list[str]
    origin: str
    band4_text: str | None = None
    band4_need: str | None = None


@dataclass
class Category:
    """A person specification category and its criteria."""

    id: str
    title: str
    criteria: list[Criterion]


@dataclass
class Clause:
    """A standard job description section (safeguarding, IPC ...)."""

    id: str
    title: str
    text: str
    origin: str
    advert_text: str | None = (
        None  # the clause for applicants, when the trust keeps the standard text
    )


@dataclass
class ClauseEvidence:
    """A core standard clause and what in this post evidences it."""

    id: str
    text: str
    statement: str
    evidenced_by: list[str]


@dataclass
class StandardEvidence:
    """A core standard: its verified clauses, or why it is not assessed."""

    id: str
    title: str | None
    verified: bool
    clauses: list[ClauseEvidence]
    not_assessed_reason: str | None = None


@dataclass
class HighCostArea:
    """The high cost area supplement for the trust's zone and pay year."""

    zone: str
    pct: float
    minimum: int
    maximum: int


@dataclass
class Pay:
    """Pay for the band in the pay year in force."""

    pay_year: str
    effective_from: datetime.date
    band: int
    points: list[int]
    status: str
    sources: list[SourceRef]
    high_cost_area: HighCostArea | None
    annex21: list[dict[str, Any]] | None = None  # trainee pay as % of band 4 maximum, if chosen

    @property
    def minimum(self) -> int:
        return self.points[0]

    @property
    def maximum(self) -> int:
        return self.points[-1]

    @property
    def range_text(self) -> str:
        if self.minimum == self.maximum:
            return f"£{self.minimum:,} a year"
        return f"£{self.minimum:,} to £{self.maximum:,} a year"


@dataclass
class Contact:
    """Who applicants contact about the post."""

    name: str | None = None
    job_title: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass
class Trust:
    """The employing organisation, as the documents show it."""

    name: str
    short_name: str
    example: bool
    logo_path: str | None
    logo_alt: str
    address: str | None
    website: str | None
    brand_colour: str
    values: list[dict[str, str]]
    about: str | None
    contact: Contact
    hcas_zone: str
    dbs_level: str
    dbs_barred_lists: list[str]
    review_months: int


@dataclass
class Training:
    """What a trainee post adds: the programme and the route to band 4."""

    programme: str
    duration: str
    care_certificate: str
    english_and_maths: str
    min_weekly_hours: float
    supervision: str
    progression: str
    pay_basis: str
    pay_basis_text: str


@dataclass
class AdvertBox:
    """An NHS Jobs advert text box: its label and character limits."""

    id: str
    label: str
    minimum: int | None
    maximum: int


@dataclass
class AdvertRules:
    """What NHS Jobs allows in an advert, from standards/nhs_jobs.yaml."""

    boxes: list[AdvertBox]
    labels: dict[str, str]
    line_break_counts_as: int
    source: SourceRef


@dataclass
class JobPack:
    """Everything the documents say about one post."""

    trust: Trust
    specialty_id: str
    specialty_name: str
    job_title: str
    band: int
    trainee: bool
    pay: Pay
    hours_per_week: float
    contract: str
    contract_text: str
    working_pattern: list[str]
    base: str
    department: str
    reports_to: str
    accountable_to: str
    directed_by: str
    closing_date: datetime.date | None
    reference: str | None
    version: str
    review_date: datetime.date
    generated_on: datetime.date
    purpose: str
    setting: str
    duty_areas: list[DutyArea]
    working_relationships: dict[str, list[str]]
    clauses: list[Clause]
    nhs_values: list[dict[str, str]]
    person_spec: list[Category]
    assessment_legend: list[dict[str, str]]
    core_standards: list[StandardEvidence]
    specialty_training: list[str]
    training: Training | None
    sources: list[SourceRef]
    unverified: list[str]
    warnings: list[str] = field(default_factory=list)
    advert_rules: AdvertRules | None = None

    @property
    def duties(self) -> list[Duty]:
        return [duty for area in self.duty_areas for duty in area.duties]

    @property
    def criteria(self) -> list[Criterion]:
        return [criterion for category in self.person_spec for criterion in category.criteria]

    def to_dict(self) -> dict[str, Any]:
        """The pack as JSON-ready data (dates as ISO strings)."""
        data = asdict(self)
        data["pay"]["minimum"] = self.pay.minimum
        data["pay"]["maximum"] = self.pay.maximum
        data["pay"]["range_text"] = self.pay.range_text
        result: dict[str, Any] = _jsonable(data)
        return result


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
