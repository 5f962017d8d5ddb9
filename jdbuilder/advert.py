"""The NHS Jobs advert for a post, composed for applicants from the job pack.

Each of the five advert text boxes NHS Jobs limits is composed to fit: where everything
will not fit, the most important items go in first and the text says that the full job
description is attached. Nothing is cut mid-sentence. A box that still breaks a limit is
reported with its name, its count and what to change; it is never shortened silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from jdbuilder.errors import JDBuilderError
from jdbuilder.library import CORE_ID
from jdbuilder.model import (
    AdvertBox,
    AdvertRules,
    Clause,
    Contact,
    Duty,
    JobPack,
    SourceRef,
    Training,
)
from jdbuilder.paste import count_characters, paste_safe
from jdbuilder.pay import ZONE_NAMES
from jdbuilder.wording import long_date, lower_first

PAY_SCHEME = "Agenda for Change"
WORKING_PATTERN_TEXT = {
    "full_time": "Full time",
    "part_time": "Part time",
    "flexible_working": "Flexible working",
    "shifts": "Shifts",
    "nights": "Nights",
    "weekends": "Weekends",
    "on_call": "On call",
    "term_time": "Term time",
    "compressed_hours": "Compressed hours",
}
#: compose names the duties a role file adds local-duty-1, local-duty-2 ...
LOCAL_DUTY_PREFIX = "local-duty-"
DUTIES_INTRO = "In this role you will:"
DUTIES_NOTE = (
    "These are the main duties. The full job description is attached and lists all {n} duties."
)
DESCRIPTION_NOTE = "The full job description is attached. It gives every duty and policy in full."
#: the standard JD sentence subjects that the overview turns into "You will ..."
SUBJECTS = ("The assistant practitioner ", "The postholder ", "The post-holder ")
IRREGULAR_VERBS = {"is": "be", "has": "have", "does": "do", "goes": "go"}

Choice = TypeVar("Choice")


def advert_rules(data: dict[str, Any]) -> AdvertRules:
    """The advert boxes, labels and counting rule from a validated nhs_jobs.yaml."""
    source = data["source"]
    return AdvertRules(
        boxes=[
            AdvertBox(box_id, box["label"], box["min"], box["max"])
            for box_id, box in data["fields"].items()
        ],
        labels=dict(data["other_fields"]["labels"]),
        line_break_counts_as=int(data["counting"]["line_break_counts_as"]),
        source=SourceRef(source["title"], source.get("url"), source["status"]),
    )


@dataclass
class AdvertField:
    """One advert text box: its paste-safe text, its count and its limits."""

    id: str
    label: str
    text: str
    characters: int
    minimum: int | None
    maximum: int
    fix: str = ""  # what to change in the input files if the text breaks a limit

    @property
    def over(self) -> int:
        return max(0, self.characters - self.maximum)

    @property
    def under(self) -> int:
        return max(0, self.minimum - self.characters) if self.minimum is not None else 0

    @property
    def problem(self) -> str | None:
        """The broken limit, by how much, and what to change; None when the text fits."""
        if self.over:
            broken = f"{self.over:,} over the maximum of {self.maximum:,}"
        elif self.under:
            broken = f"{self.under:,} under the minimum of {self.minimum:,}"
        else:
            return None
        count = f"{self.characters:,} character{'s' if self.characters != 1 else ''}"
        return f"{self.label} ({self.id}): {count}, {broken}. {self.fix}".rstrip()


@dataclass
class Advert:
    """Everything to paste into NHS Jobs for one post."""

    job_title: str
    boxes: list[AdvertField]
    details: dict[str, str | None]
    labels: dict[str, str]
    contact: Contact
    person_specification: list[dict[str, Any]]
    pay_year: str
    closing_date: str | None  # ISO date, for systems
    line_break_counts_as: int
    source: SourceRef

    @property
    def problems(self) -> list[str]:
        return [box.problem for box in self.boxes if box.problem]

    def box(self, box_id: str) -> AdvertField:
        return next(box for box in self.boxes if box.id == box_id)


class AdvertLimitError(JDBuilderError):
    """An advert box breaks an NHS Jobs character limit; every broken limit is listed."""

    def __init__(self, advert: Advert) -> None:
        self.advert = advert
        problems = advert.problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        limits = f"{len(problems)} character limit{'s' if len(problems) != 1 else ''}"
        super().__init__(
            f"the NHS Jobs advert for {advert.job_title} breaks {limits} "
            f"(nothing is written for the post until it fits):\n{lines}"
        )


def compose_advert(pack: JobPack) -> Advert:
    """The advert for the pack; check `Advert.problems` before using it."""
    rules = pack.advert_rules
    if rules is None:
        raise JDBuilderError("the job pack has no NHS Jobs advert rules (compose it again)")
    composers: dict[str, Callable[[JobPack, Callable[[str], int], int], tuple[str, str]]] = {
        "vacancy_title": _vacancy_title,
        "job_overview": _job_overview,
        "skills_and_qualities": _skills_and_qualities,
        "working_for_your_organisation": _working_for_your_organisation,
        "job_description": _job_description,
    }

    def count(text: str) -> int:
        return count_characters(paste_safe(text), rules.line_break_counts_as)

    boxes = []
    for box in rules.boxes:
        text, fix = composers[box.id](pack, count, box.maximum)
        text = paste_safe(text)
        boxes.append(
            AdvertField(box.id, box.label, text, count(text), box.minimum, box.maximum, fix)
        )
    return Advert(
        job_title=pack.job_title,
        boxes=boxes,
        details={name: _safe(value) for name, value in _details(pack).items()},
        labels=rules.labels,
        contact=pack.trust.contact,
        person_specification=[
            {
                "category": category.title,
                "essential": [
                    paste_safe(c.text) for c in category.criteria if c.need == "essential"
                ],
                "desirable": [
                    paste_safe(c.text) for c in category.criteria if c.need == "desirable"
                ],
            }
            for category in pack.person_spec
            if category.criteria
        ],
        pay_year=pack.pay.pay_year,
        closing_date=pack.closing_date.isoformat() if pack.closing_date else None,
        line_break_counts_as=rules.line_break_counts_as,
        source=rules.source,
    )


def _safe(text: str | None) -> str | None:
    return paste_safe(text) if text else None


def fit(
    render: Callable[[list[Choice]], str],
    required: Sequence[Choice],
    optional: Sequence[Choice],
    count: Callable[[str], int],
    maximum: int,
) -> list[Choice]:
    """Every required item, then each optional item (most important first) that still fits.

    `render` turns a choice of items into text; it adds its own note when items are left out.
    """
    chosen = list(required)
    for item in optional:
        if count(render([*chosen, item])) <= maximum:
            chosen.append(item)
    return chosen


def duty_priority(pack: JobPack) -> list[Duty]:
    """The post's duties, most important first: those the role file adds, then the
    specialty's own, then those every assistant practitioner post shares; each group in
    job description order (clinical first)."""

    def rank(duty: Duty) -> int:
        if _is_local(duty):
            return 0
        if duty.origin.rsplit(":", 1)[0].endswith(f"{CORE_ID}.yaml"):
            return 2
        return 1

    return sorted(pack.duties, key=rank)


def _is_local(duty: Duty) -> bool:
    return duty.id.startswith(LOCAL_DUTY_PREFIX)


def _local_duty_fix(pack: JobPack) -> str:
    local = [d.origin for d in pack.duties if _is_local(d)]
    if not local:
        return ""
    return f"Shorten the duties added in the role file ({', '.join(local)})."


# -- the five boxes: each returns (text, what to change if it breaks a limit) --------------


def _vacancy_title(pack: JobPack, count: Callable[[str], int], maximum: int) -> tuple[str, str]:
    fix = "Shorten `job_title` in the role file (without one, the title is the profile's)."
    return pack.job_title, fix


def _job_overview(pack: JobPack, count: Callable[[str], int], maximum: int) -> tuple[str, str]:
    title = pack.job_title
    team = lower_first(pack.department) if pack.department else ""
    team = team if team.lower().endswith("team") else f"{team} team".strip()
    opening = f"{pack.trust.name} is looking for {article(title)} {title} to join our {team}."
    # a trainee post's purpose starts by saying it is a training post; the work itself is
    # described by the band 4 purpose, which the trainee learns to do
    purpose = pack.trainee_changes.band4_purpose if pack.trainee_changes else pack.purpose
    doing = you_will(first_sentence(purpose), learning=pack.trainee)
    directed = f"The {pack.directed_by} directs your work."
    setting = f"You will work in {lower_first(first_sentence(pack.setting))}"
    trainee = (
        "This is a trainee post: you will study for a level 5 assistant practitioner "
        "qualification while you work."
    )
    required = [opening, doing, *([trainee] if pack.trainee else [])]
    optional = [
        # left out when the purpose already says who directs the work
        *([directed] if "direct" not in doing.lower() else []),
        *([setting] if pack.setting else []),
    ]
    order = [opening, doing, directed, setting, trainee]

    def render(chosen: list[str]) -> str:
        return " ".join(sentence for sentence in order if sentence in chosen)

    fix = (
        "Shorten the first sentence of the profile's `purpose`, the job title or the "
        "department name."
    )
    return render(fit(render, required, optional, count, maximum)), fix


def _skills_and_qualities(
    pack: JobPack, count: Callable[[str], int], maximum: int
) -> tuple[str, str]:
    duties = duty_priority(pack)

    def render(chosen: list[Duty]) -> str:
        if not chosen:
            return ""  # no duty fits: reported as under the minimum, never an empty list
        lines = [DUTIES_INTRO, *(f"- {duty.text}" for duty in chosen)]
        if len(chosen) < len(duties):
            lines += ["", DUTIES_NOTE.format(n=len(duties))]
        return "\n".join(lines)

    # a summary: every duty is optional here, as the job description box carries them all
    chosen = fit(render, [], duties, count, maximum)
    fix = "No duty of the post fits in the box: shorten the longest duties."
    return render(chosen), fix


def _working_for_your_organisation(
    pack: JobPack, count: Callable[[str], int], maximum: int
) -> tuple[str, str]:
    about = pack.trust.about or ""
    where = pack.trust.about_origin or f"the trust file for {pack.trust.name}"
    if not about:
        fix = (
            f"{where} has no `about` text: write 100 to {maximum:,} characters about "
            "working for the trust under `about`."
        )
    else:
        fix = f"Change the length of `about` ({where})."
    return about, fix


def _job_description(pack: JobPack, count: Callable[[str], int], maximum: int) -> tuple[str, str]:
    duties = duty_priority(pack)
    clauses = [c for c in pack.clauses if c.advert_text and c.id != "dbs"]
    relationships = "relationships"  # stands for the whole "who you will work with" list
    optional: list[Duty | Clause | str] = [
        *(d for d in duties if not _is_local(d)),
        relationships,
        *clauses,
    ]
    required: list[Duty | Clause | str] = [d for d in duties if _is_local(d)]

    def render(chosen: list[Duty | Clause | str]) -> str:
        picked = {id(item) for item in chosen}
        parts = [
            f"You will report to the {pack.reports_to} and be accountable to the "
            f"{pack.accountable_to}."
        ]
        parts.append("Main duties and responsibilities")
        for area in pack.duty_areas:
            lines = [f"- {d.text}" for d in area.duties if id(d) in picked]
            if lines:
                parts.append("\n".join([area.title, *lines]))
        if relationships in chosen:
            parts.append(_relationships_text(pack.working_relationships))
        if pack.training:
            parts.append(_training_text(pack.training))
        parts.append(_person_spec_text(pack))
        kept = [c for c in clauses if id(c) in picked]
        if kept:
            lines = [f"{c.title}: {c.advert_text}" for c in kept]
            parts.append("\n".join(["What we expect of everyone who works here", *lines]))
        if len(chosen) < len(required) + len(optional):
            parts.append(DESCRIPTION_NOTE)
        return "\n\n".join(part for part in parts if part)

    chosen = fit(render, required, optional, count, maximum)
    fix = " ".join(
        part
        for part in (
            "The person specification and the duties the role file adds do not fit.",
            _local_duty_fix(pack),
            "Or drop criteria with `criteria.drop`.",
        )
        if part
    )
    return render(chosen), fix


def _relationships_text(relationships: dict[str, list[str]]) -> str:
    sections = []
    for side, heading in (("internal", "In the trust"), ("external", "Outside the trust")):
        if relationships.get(side):
            sections.append("\n".join([f"{heading}:", *(f"- {w}" for w in relationships[side])]))
    return "\n".join(["Who you will work with", *sections]) if sections else ""


def _training_text(training: Training) -> str:
    lines = [
        "Your training",
        f"- {sentence(training.programme)}",
        f"- {sentence(training.duration)}",
        f"- {sentence(training.care_certificate)}",
        f"- {sentence(training.english_and_maths)}",
        f"- {sentence(training.supervision)}",
        f"- You will need to work at least {training.min_weekly_hours:g} hours a week while "
        "you train.",
        sentence(training.progression),
    ]
    return "\n".join(lines)


def _person_spec_text(pack: JobPack) -> str:
    sections = ["What we are looking for (person specification)"]
    for category in pack.person_spec:
        lines = [category.title]
        for need in ("essential", "desirable"):
            texts = [c.text for c in category.criteria if c.need == need]
            if texts:
                lines += [f"{need.capitalize()}:", *(f"- {text}" for text in texts)]
        if len(lines) > 1:
            sections.append("\n".join(lines))
    return "\n\n".join(sections)


# -- the other details ----------------------------------------------------------------------


def _details(pack: JobPack) -> dict[str, str | None]:
    contact = pack.trust.contact
    contact_parts = [contact.name, contact.job_title, contact.email, contact.phone]
    dbs = next((c for c in pack.clauses if c.id == "dbs"), None)
    return {
        "employer": pack.trust.name,
        "location": pack.base,
        "pay_scheme": PAY_SCHEME,
        "band": f"Band {pack.band}",
        "salary": salary_text(pack),
        "contract": pack.contract_text,
        "working_pattern": ", ".join(WORKING_PATTERN_TEXT[p] for p in pack.working_pattern),
        "hours": f"{pack.hours_per_week:g} hours a week",
        "closing_date": long_date(pack.closing_date) if pack.closing_date else None,
        "reference": pack.reference,
        "contact": ", ".join(str(p) for p in contact_parts if p) or None,
        "dbs": (dbs.advert_text or dbs.text) if dbs else None,
    }


def salary_text(pack: JobPack) -> str:
    """'£27,485 to £30,162 a year, pro rata for part time (Agenda for Change pay rates for
    2025/26)', with the high cost area supplement where the trust is in a zone."""
    pay = pack.pay
    text = f"{pay.range_text}, pro rata for part time"
    if pay.basis == "annex21":
        text = (
            f"{pay.range_text} while you train, pro rata for part time, paid under Annex 21 "
            "as a percentage of the band 4 maximum"
        )
    hcas = pay.high_cost_area
    if hcas:
        text += (
            f", plus a high cost area supplement ({ZONE_NAMES[hcas.zone]}) of {hcas.pct:g}% "
            f"of basic pay, at least £{hcas.minimum:,} and at most £{hcas.maximum:,} a year"
        )
    return f"{text} ({PAY_SCHEME} pay rates for {pay.pay_year})"


# -- wording helpers ------------------------------------------------------------------------


def article(noun_phrase: str) -> str:
    return "an" if noun_phrase[:1].lower() in "aeiou" else "a"


def sentence(text: str) -> str:
    """Text with a capital first letter and a full stop."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def first_sentence(text: str) -> str:
    return sentence(re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip(), maxsplit=1)[0])


def base_form(verb: str) -> str:
    """'delivers' -> 'deliver', 'carries' -> 'carry', 'teaches' -> 'teach'."""
    if verb in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[verb]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def you_will(text: str, *, learning: bool = False) -> str:
    """A job purpose sentence for an applicant: 'Perform ...' or 'The assistant practitioner
    performs ...' becomes 'You will perform ...' ('You will learn to perform ...' for a
    trainee). A sentence in any other form is kept as it is."""
    start = "You will learn to " if learning else "You will "
    for subject in SUBJECTS:
        if text.startswith(subject):
            return start + _verbs_to_base(text[len(subject) :])
    first_word = text.split(" ", 1)[0]
    if first_word.isalpha() and first_word not in ("The", "A", "An", "This", "It", "Our", "We"):
        return start + lower_first(text)
    return text


def _verbs_to_base(text: str) -> str:
    """The leading verb, any verbs listed after it ('applies, changes and removes',
    'coordinates and delivers') and a verb after ', and ' put in their base form."""
    words = text.split(" ")
    index = 0
    words[0] = _base_keeping_comma(words[0])
    while words[index].endswith(",") and index + 1 < len(words):
        index += 1
        words[index] = _base_keeping_comma(words[index])
    if index + 2 < len(words) and words[index + 1] == "and":
        words[index + 2] = base_form(words[index + 2])
    result = " ".join(words)
    return re.sub(r", and ([a-z]+s) ", lambda m: f", and {base_form(m.group(1))} ", result)


def _base_keeping_comma(word: str) -> str:
    return base_form(word[:-1]) + "," if word.endswith(",") else base_form(word)
