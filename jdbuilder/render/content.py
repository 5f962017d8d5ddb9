"""The words and colours both document formats print, worked out once so DOCX and PDF agree.

Nothing here imports WeasyPrint, python-docx or Jinja2: the HTML templates and the DOCX
writer both take their labels, derived sentences and colours from these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jdbuilder.changes import diff_appendix
from jdbuilder.model import Appendix, JobPack, StandardEvidence, TrainingRecord
from jdbuilder.trainee import years_before_text
from jdbuilder.wording import join_words, long_date

#: document key -> what the document is called; the key ends every file name
DOCUMENTS = {
    "job-description": "Job description",
    "person-specification": "Person specification",
    "training-record": "Training record",  # trainee posts only: see documents()
}
#: body text: NHS identity dark grey, 14.4:1 on white
TEXT_COLOUR = "#212B32"
#: WCAG 2 AA for normal-size text
MIN_CONTRAST = 4.5
#: logo types python-docx can embed; an SVG logo appears in the PDF only
DOCX_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")

WORKING_PATTERNS = {
    "full_time": "full time",
    "part_time": "part time",
    "flexible_working": "flexible working considered",
    "shifts": "shifts",
    "nights": "nights",
    "weekends": "weekends",
    "on_call": "on call",
    "term_time": "term time only",
    "compressed_hours": "compressed hours",
}
PS_INTRO = (
    "Essential criteria are what a candidate must have to be shortlisted. Desirable criteria "
    "help us choose between candidates who meet all the essential criteria."
)
TRAINEE_INTRO = (
    "This is a trainee post. The postholder trains to become a qualified assistant "
    "practitioner while working in it."
)
STANDARDS_INTRO = (
    "How this post meets the Skills for Health Core Standards for Assistant Practitioners (2009)."
)
NEED_TEXT = {"essential": "Essential", "desirable": "Desirable"}
PAY_OUT_OF_DATE = "may be out of date"  # the phrase pay.pay_for puts in its pay warnings


def documents(pack: JobPack) -> list[str]:
    """The documents of a pack: the training record only for a trainee post that has one."""
    return [key for key in DOCUMENTS if key != "training-record" or pack.training_record]


def hours(value: float) -> str:
    """37.5 -> '37.5', 30.0 -> '30'."""
    return f"{value:g}"


def document_title(pack: JobPack, document: str) -> str:
    """'Job description: Assistant Practitioner (Diagnostic Radiography)'."""
    return f"{DOCUMENTS[document]}: {pack.job_title}"


def pay_text(pack: JobPack) -> str:
    """The pay range with its pay year named, and any high cost area supplement.

    For an Annex 21 trainee post: the Annex 21 amounts and the percentage each one is of the
    band 4 maximum, by time before completion.
    """
    pay = pack.pay
    sentences = [f"{pay.range_text} ({pay.pay_year} Agenda for Change rates)"]
    if pay.basis == "annex21" and pay.annex21:
        # one short sentence a step: "From 1 to 2 years before completion: 70% of the ..."
        sentences = [
            f"{pay.range_text} while training, at {pay.pay_year} Agenda for Change Annex 21 rates",
            *(
                f"{sentence_case(years_before_text(rate.years_before_completion))}: "
                f"{rate.pct:g}%{' of the band 4 maximum' if index == 0 else ''}"
                for index, rate in enumerate(pay.annex21)
            ),
        ]
    area = pay.high_cost_area
    if area:
        sentences.append(
            f"A high cost area supplement of {area.pct:g}% of basic pay is added, at least "
            f"£{area.minimum:,} and at most £{area.maximum:,} a year"
        )
    return ". ".join(sentences) + ("." if len(sentences) > 1 else "")


def pay_note(pack: JobPack) -> str | None:
    """A sentence telling the reader the pay shown may be out of date, when it may be."""
    if any(PAY_OUT_OF_DATE in warning for warning in pack.warnings):
        return (
            f"Pay is shown at {pack.pay.pay_year} rates, the latest jdbuilder holds; "
            "the rates for the current pay year may be higher."
        )
    return None


def details_notes(pack: JobPack) -> dict[str, str]:
    """Warnings to print in a row of the job details table, under the row's value, by label."""
    return {"Pay": f"{pack.pay.warning}."} if pack.pay.warning else {}


def hours_text(pack: JobPack) -> str:
    full_time = "full time" if pack.hours_per_week >= pack.full_time_hours else "part time"
    return f"{hours(pack.hours_per_week)} hours a week ({full_time})"


def working_pattern_text(pack: JobPack) -> str:
    words = [WORKING_PATTERNS.get(p, p.replace("_", " ")) for p in pack.working_pattern]
    return sentence_case(join_words(words)) if words else "To be agreed"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def details_rows(pack: JobPack) -> list[tuple[str, str]]:
    """The job details table of the job description: (label, value) in print order."""
    rows = [
        ("Job title", pack.job_title),
        ("Band", f"Agenda for Change band {pack.band}"),
        ("Pay", pay_text(pack)),
        ("Hours", hours_text(pack)),
        ("Contract", pack.contract_text),
        ("Working pattern", working_pattern_text(pack)),
        ("Base", pack.base),
        ("Department", pack.department),
        ("Reports to", pack.reports_to),
        ("Accountable to", pack.accountable_to),
        ("Work directed by", sentence_case(pack.directed_by)),
    ]
    if pack.reference:
        rows.append(("Job reference", pack.reference))
    if pack.closing_date:
        rows.append(("Closing date", long_date(pack.closing_date)))
    return rows


def ps_details_rows(pack: JobPack) -> list[tuple[str, str]]:
    """The short details table at the top of the person specification."""
    rows = [
        ("Job title", pack.job_title),
        ("Band", f"Agenda for Change band {pack.band}"),
        ("Department", pack.department),
    ]
    if pack.reference:
        rows.append(("Job reference", pack.reference))
    return rows


def training_rows(pack: JobPack) -> list[tuple[str, str]]:
    """The training programme of a trainee post; empty for a qualified post."""
    training = pack.training
    if training is None:
        return []
    return [
        ("Programme", training.programme),
        ("Duration", training.duration),
        ("Care Certificate", training.care_certificate),
        ("English and maths", training.english_and_maths),
        ("Minimum hours", f"At least {hours(training.min_weekly_hours)} hours a week"),
        ("Supervision", training.supervision),
        ("Progression", training.progression),
        ("Pay basis", training.pay_basis_text),
    ]


def example_notice(pack: JobPack) -> str | None:
    """The first-page notice of a pack built for a fictional example trust."""
    if not pack.trust.example:
        return None
    return (
        f"{pack.trust.name} is a fictional example trust. This document shows what jdbuilder "
        "produces; it is not a real vacancy."
    )


def footer_lines(pack: JobPack) -> tuple[str, str, str]:
    """The running footer, without the page numbers each format adds itself."""
    return (
        pack.trust.name,
        f"{pack.job_title}, band {pack.band}",
        f"Version {pack.version} · Review date {long_date(pack.review_date)}",
    )


def assessed_text(codes: list[str]) -> str:
    return ", ".join(codes)


def legend_text(pack: JobPack) -> str:
    """'How assessed: A = Application form; I = Interview; ...'."""
    entries = "; ".join(f"{e['code']} = {e['meaning']}" for e in pack.assessment_legend)
    return f"How assessed: {entries}."


@dataclass
class StandardRow:
    """One row of the 'core standards this post meets' table."""

    standard: str  # 'CS1.1' or 'CS4'
    text: str  # the clause, or the standard's title
    evidence: str  # how the post meets it, or why it is not assessed
    where: list[str]  # where the documents show it: 'Duties: ...', 'Person specification: ...'
    assessed: bool


def evidence_places(pack: JobPack, item_ids: list[str]) -> list[str]:
    """Where in the documents the evidence is: duty areas and person specification categories."""
    areas = [a.title for a in pack.duty_areas if any(d.id in item_ids for d in a.duties)]
    categories = [c.title for c in pack.person_spec if any(k.id in item_ids for k in c.criteria)]
    places = []
    if areas:
        places.append(f"Duties: {'; '.join(areas)}.")
    if categories:
        places.append(f"Person specification: {'; '.join(categories)}.")
    return places


def short_reason(reason: str) -> str:
    """The first statement of a not-assessed reason: the data keeps the research notes."""
    first = reason.split(". ")[0].split(": ")[0].rstrip(".")
    return f"{first}."


def standards_rows(pack: JobPack) -> list[StandardRow]:
    """Every verified core standard clause with the post's evidence; the rest as not assessed."""
    rows: list[StandardRow] = []
    for standard in pack.core_standards:
        for clause in standard.clauses:
            places = evidence_places(pack, clause.evidenced_by)
            rows.append(StandardRow(clause.id, clause.text, clause.statement, places, True))
        if not standard.clauses:
            rows.append(
                StandardRow(
                    standard.id, standard_title(standard), not_assessed_text(standard), [], False
                )
            )
    return rows


def standard_title(standard: StandardEvidence) -> str:
    return standard.title or f"Standard {standard.id[2:]} (title not verified)"


def not_assessed_text(standard: StandardEvidence) -> str:
    reason = short_reason(standard.not_assessed_reason or "its text is not verified")
    return f"Not assessed: {reason}"


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#RRGGBB'."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two '#RRGGBB' colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def heading_colour(brand_colour: str) -> str:
    """The brand colour for heading text when it reaches 4.5:1 on white, else dark text.

    A light brand colour (NHS warm yellow, say) still appears as decoration: rules and borders.
    """
    if contrast_ratio(brand_colour, "#FFFFFF") >= MIN_CONTRAST:
        return brand_colour.upper()
    return TEXT_COLOUR


def logo_embeds_in_docx(pack: JobPack) -> bool:
    path = pack.trust.logo_path
    return path is None or Path(path).suffix.lower() in DOCX_LOGO_SUFFIXES


def format_warnings(pack: JobPack, formats: list[str]) -> list[str]:
    """What a user should know about how the chosen formats show this pack."""
    if "docx" in formats and not logo_embeds_in_docx(pack):
        return [
            f"the DOCX files show the trust name instead of the logo: Word documents written by "
            f"jdbuilder can carry a PNG or JPEG logo, not {Path(str(pack.trust.logo_path)).name}; "
            "add a PNG copy of the logo and name it in the trust file's `logo:`"
        ]
    return []


def keywords(pack: JobPack, document: str) -> str:
    """Document keywords for the PDF and DOCX properties."""
    words = [
        DOCUMENTS[document].lower(),
        pack.job_title,
        f"band {pack.band}",
        pack.specialty_name,
        "assistant practitioner",
        "Agenda for Change",
        "NHS",
    ]
    if pack.trainee:
        words.insert(3, "trainee")
    return ", ".join(words)


# -- the trainee job description's appendix ---------------------------------------------------


def trainee_appendix(pack: JobPack) -> Appendix | None:
    """'What changes from the band 4 post', for the end of a trainee job description."""
    return diff_appendix(pack.trainee_changes) if pack.trainee_changes else None


def appendix_heading(appendix: Appendix) -> str:
    return f"Appendix: {appendix.title}"


# -- the training record ----------------------------------------------------------------------

#: what the training lead fills in by hand on the first page of the training record
TRAINEE_FIELDS = [
    "Trainee's name",
    "Start date",
    "Planned completion date",
    "Education provider",
    "Assessor (name and role)",
    "Line manager",
]
SIGN_OFF_COLUMNS = ["Signed by", "Name", "Signature", "Date"]
NOT_DONE_WHILE_TRAINING = "Not done while training: left out of the trainee post."


def record_details_rows(record: TrainingRecord) -> list[tuple[str, str]]:
    """The first table of the training record: the post, the programme, the route to band 4."""
    return [
        ("Trainee post", f"{record.trainee_title}, band 3"),
        ("Post on completion", f"{record.band4_title}, band 4"),
        ("Specialty", record.specialty_name),
        ("Work directed by", sentence_case(record.directed_by)),
        ("Programme", record.programme),
        ("Length", f"{record.programme_months} months"),
        ("Supervision", record.supervision),
        ("Progression", record.progression),
    ]


def competency_count(record: TrainingRecord) -> int:
    return sum(len(area.competencies) for area in record.areas)


def record_intro(record: TrainingRecord) -> str:
    return (
        f"This record follows the trainee from the first day of the programme to the band 4 "
        f"{record.band4_title} post. Each of the {competency_count(record)} competencies below "
        "is a duty of the band 4 post. When the trainee can carry it out to the standard the band "
        "4 post needs, the assessor notes the evidence, writes the date and signs. Evidence can "
        "be direct observation, a case review, a reflective account or a certificate. The "
        "progress reviews are recorded under Milestones."
    )


@dataclass
class CompetencyRow:
    """One row of the competency table: the number, the duty to reach and its standards."""

    number: int
    text: str
    standards: str  # 'CS1.1, CS1.4', in the order of the legend
    note: str | None  # said of a duty the trainee does not do while training


#: a table of at most this many rows (a duty area's competencies, the milestones) fits on one
#: landscape page: both formats keep it together with its heading rather than split it
KEEP_TOGETHER_ROWS = 4


@dataclass
class CompetencyGroup:
    """A duty area of the training record and its competency rows."""

    title: str
    rows: list[CompetencyRow]

    @property
    def keep_together(self) -> bool:
        return len(self.rows) <= KEEP_TOGETHER_ROWS


def competency_groups(record: TrainingRecord) -> list[CompetencyGroup]:
    """The competencies by duty area, numbered from 1 across the whole record."""
    order = {ref.id: index for index, ref in enumerate(record.standards)}
    groups: list[CompetencyGroup] = []
    number = 0
    for area in record.areas:
        rows = []
        for competency in area.competencies:
            number += 1
            cited = sorted(competency.standards, key=lambda ref: (order.get(ref, len(order)), ref))
            note = None if competency.while_training else NOT_DONE_WHILE_TRAINING
            rows.append(CompetencyRow(number, competency.text, ", ".join(cited), note))
        groups.append(CompetencyGroup(area.title, rows))
    return groups


RECORD_STANDARDS_INTRO = (
    "The Core standards column of the competency tables names the clauses each competency "
    "evidences. They come from the Skills for Health Core Standards for Assistant Practitioners "
    "(2009)."
)


def record_not_assessed(record: TrainingRecord) -> list[tuple[str, str]]:
    """(standard id, short reason) of each core standard no competency can be checked against."""
    rows = []
    for entry in record.not_assessed:
        standard, _, reason = entry.partition(": ")
        rows.append((standard, short_reason(reason)))
    return rows


def final_statement(record: TrainingRecord) -> str:
    """What the trainee, the assessor and the line manager sign to at the end of the programme."""
    return (
        "We confirm that the trainee has achieved the level 5 qualification and has been assessed "
        f"as competent in all {competency_count(record)} competencies in this record. We also "
        f"confirm that they are ready to be appointed to the band 4 {record.band4_title} post."
    )
