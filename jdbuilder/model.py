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
    advert_text: str | None = None  # the clause for applicants; None: not in the advert


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
    annex21: list[Annex21Rate] | None = None  # trainee pay as % of band 4 maximum, if chosen
    basis: str = "band"  # "band": the band's pay points; "annex21": points are Annex 21 amounts
    warning: str | None = None  # to print next to the pay figure (Annex 21 below band 2)

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
    #: where the trust's `about` text is (file:line), or the trust file when it has none
    about_origin: str = ""


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
    programme_months: int = 24
    milestone_months: list[int] = field(default_factory=list)


@dataclass
class Annex21Rate:
    """One row of the Annex 21 schedule worked out for a pay year."""

    years_before_completion: int  # 1 = the final 12 months of training, 2 = the 12 before ...
    pct: float  # percentage of the band 4 maximum
    amount: int  # a year, full time, rounded half up to whole pounds
    below_band2: bool  # less than the band 2 rate of the same pay year
    note: str | None = None  # what to print beside the amount, such as "below the band 2 rate"


@dataclass
class PaySummary:
    """A post's pay in one line, for comparing the band 4 post with its trainee variant."""

    band: int
    basis: str
    minimum: int
    maximum: int
    text: str


@dataclass
class DutyChange:
    """A band 4 duty and its trainee form; trainee_text is None when trainees do not do it."""

    id: str
    area: str
    area_title: str
    band4_text: str
    trainee_text: str | None
    origin: str


@dataclass
class CriterionChange:
    """A band 4 person specification criterion and its trainee form (None when dropped)."""

    id: str
    category: str
    category_title: str
    band4_text: str
    band4_need: str
    trainee_text: str | None
    trainee_need: str | None
    text_changed: bool
    need_changed: bool
    origin: str


@dataclass
class TraineeDiff:
    """What differs between a band 4 post and its trainee variant, item by item."""

    specialty_id: str
    specialty_name: str
    pay_year: str
    band4_title: str
    trainee_title: str
    band4_band: int
    trainee_band: int
    band4_pay: PaySummary
    trainee_pay: PaySummary
    pay_basis_text: str
    pay_warning: str | None
    duties_changed: list[DutyChange]
    duties_dropped: list[DutyChange]
    duties_added: list[Duty]  # in the trainee post only
    duties_unchanged: list[str]  # ids of duties worded the same in both
    criteria_changed: list[CriterionChange]
    criteria_dropped: list[CriterionChange]
    criteria_added: list[Criterion]
    criteria_unchanged: list[str]
    training: Training
    band4_purpose: str = ""
    trainee_purpose: str = ""


@dataclass
class AppendixTable:
    """A table ready to print: a heading, column headings and rows of plain text."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    empty_text: str  # printed instead of the table when there are no rows


@dataclass
class Appendix:
    """An appendix of a document: a title, an introduction and its tables."""

    title: str
    introduction: str
    tables: list[AppendixTable]


@dataclass
class Competency:
    """A band 4 duty as a competency the trainee works towards."""

    id: str
    text: str  # the band 4 duty: what the trainee must be able to do on completion
    while_training: str | None  # the trainee form of the duty; None when trainees do not do it
    standards: list[str]  # core standard clause ids this competency evidences
    origin: str


@dataclass
class CompetencyArea:
    """The competencies of one duty area, in print order."""

    id: str
    title: str
    competencies: list[Competency]


@dataclass
class Milestone:
    """A review point of the training programme and what is checked there."""

    month: int
    title: str
    checks: list[str]


@dataclass
class StandardRef:
    """A core standard clause and its text, as a training record lists it."""

    id: str
    text: str


@dataclass
class TrainingRecord:
    """The trainee's record of competencies, milestones and sign-off, ready to print."""

    title: str
    trust_name: str
    trainee_title: str
    band4_title: str
    specialty_name: str
    directed_by: str
    programme: str
    programme_months: int
    supervision: str
    progression: str
    columns: list[str]  # the competency table's columns, left to right
    areas: list[CompetencyArea]
    milestones: list[Milestone]
    milestone_columns: list[str]
    standards: list[StandardRef]  # every clause a competency cites, in standard order
    not_assessed: list[str]  # core standards whose text is not verified, with the reason
    specialty_training: list[str]
    final_sign_off: list[str]  # who signs the trainee off as competent for the band 4 post


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
    full_time_hours: float  # Agenda for Change full time, from afc_terms.yaml
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
    trainee_changes: TraineeDiff | None = None  # trainee post: what differs from band 4
    training_record: TrainingRecord | None = None  # trainee post: competencies to reach

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


def to_jsonable(item: Any) -> Any:
    """A dataclass as JSON-ready data (dates as ISO strings)."""
    return _jsonable(asdict(item))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
