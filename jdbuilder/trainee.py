"""The trainee band 3 variant: the trust's settings, its pay basis and its training section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from jdbuilder.model import Pay, Training
from jdbuilder.pay import annex21_rates, pay_year_data, source_refs
from jdbuilder.schemas import DEFAULT_PROGRAMME_MONTHS
from jdbuilder.sources import Source
from jdbuilder.wording import join_words

DEFAULT_MIN_WEEKLY_HOURS = 30.0
MILESTONE_STEP_MONTHS = 6
STATUS_ORDER = ["OFFICIAL", "CORROBORATED", "SECONDARY", "UNCONFIRMED"]
PROGRAMME = (
    "A level 5 programme: the Assistant Practitioner (Health) apprenticeship (ST0215), "
    "a foundation degree or a level 5 diploma"
)


@dataclass
class TraineeSettings:
    """The trust's choices for its trainee posts (trust file, `trainee:`), with defaults."""

    min_weekly_hours: float = DEFAULT_MIN_WEEKLY_HOURS
    pay_basis: str = "band"
    programme_months: int = DEFAULT_PROGRAMME_MONTHS
    milestone_months: list[int] = field(default_factory=list)
    progression: str | None = None

    @classmethod
    def from_trust(cls, trust: Source) -> TraineeSettings:
        data: dict[str, Any] = trust.data.get("trainee") or {}
        months = int(data.get("programme_months", DEFAULT_PROGRAMME_MONTHS))
        return cls(
            min_weekly_hours=float(data.get("min_weekly_hours", DEFAULT_MIN_WEEKLY_HOURS)),
            pay_basis=str(data.get("pay_basis", "band")),
            programme_months=months,
            milestone_months=list(data.get("milestone_months") or default_milestones(months)),
            progression=" ".join(data["progression"].split()) if data.get("progression") else None,
        )


def default_milestones(programme_months: int) -> list[int]:
    """A review every six months before completion: 24 months -> [6, 12, 18]."""
    return list(range(MILESTONE_STEP_MONTHS, programme_months, MILESTONE_STEP_MONTHS))


def trainee_pay(
    afc_terms: dict[str, Any], band3_pay: Pay, settings: TraineeSettings
) -> tuple[Pay, list[str]]:
    """The trainee's pay: band 3 as given, or the Annex 21 amounts for the same pay year.

    For Annex 21 the pay points become the amounts the trainee moves through (lowest first)
    and pay.warning says when they fall below the band 2 rate; that warning is returned too.
    """
    if settings.pay_basis != "annex21":
        return band3_pay, []
    rates, warning = annex21_rates(afc_terms, band3_pay.pay_year, settings.programme_months)
    annex21 = afc_terms.get("annex21") or {}
    pay = replace(
        band3_pay,
        points=sorted(rate.amount for rate in rates),
        status=weaker_status(band3_pay.status, str(annex21.get("status", band3_pay.status))),
        sources=[*band3_pay.sources, *source_refs(annex21.get("sources"))],
        annex21=rates,
        basis="annex21",
        warning=warning,
    )
    return pay, [warning] if warning else []


def weaker_status(first: str, second: str) -> str:
    """The less certain of two status labels: amounts worked from both are only as sure."""
    return max(first, second, key=STATUS_ORDER.index)


def pay_basis_text(pay: Pay, afc_terms: dict[str, Any]) -> str:
    """The pay basis in words, with the figures, as the documents state it."""
    if pay.basis != "annex21" or not pay.annex21:
        return (
            f"Band 3 pay ({pay.range_text} in {pay.pay_year}) while training, and band 4 pay once "
            "appointed to the band 4 post"
        )
    bands = pay_year_data(afc_terms, pay.pay_year)["bands"]
    # one short sentence a row: "From 1 to 2 years before completion: 70% (£21,113 a year)."
    rows = [
        f"{years_before_text(rate.years_before_completion).capitalize()}: {rate.pct:g}% "
        f"(£{rate.amount:,} a year)."
        for rate in pay.annex21
    ]
    text = (
        "Agenda for Change Annex 21 (pay and banding of trainees): a percentage of the band 4 "
        f"maximum (£{bands['4']['points'][-1]:,} in {pay.pay_year}), rising during training. "
        f"{' '.join(rows)}"
    )
    below = [rate for rate in pay.annex21 if rate.below_band2]
    if below:
        percentages = join_words([f"{rate.pct:g}%" for rate in below])
        if len(below) == len(pay.annex21):
            which = "every Annex 21 amount is"
        elif len(below) == 1:
            which = f"the Annex 21 amount at {percentages} is"
        else:
            which = f"the Annex 21 amounts at {percentages} are"
        return (
            f"{text} Warning: {which} below the band 2 rate for {pay.pay_year} "
            f"(£{bands['2']['points'][0]:,}). So Annex 21 percentages do not suit this post "
            "unless the trust protects pay: check with human resources (HR)."
        )
    return f"{text} Warning: {pay.warning}." if pay.warning else text


def years_before_text(years: int) -> str:
    """When an Annex 21 row applies: 'in the final 12 months before completion'."""
    if years == 1:
        return "in the final 12 months before completion"
    return f"from {years - 1} to {years} years before completion"


def band4_job_title(title: str) -> str:
    """The qualified post's title: 'Trainee Assistant Practitioner (X)' -> 'Assistant ...'."""
    return re.sub(r"^trainee\s+", "", title.strip(), flags=re.IGNORECASE)


def compose_training(
    settings: TraineeSettings, band4_title: str, directed_by: str, basis_text: str
) -> Training:
    """The training section of a trainee post."""
    progression = settings.progression or (
        "On completing the level 5 qualification and being signed off as competent, you move "
        f"to the band 4 {band4_title} post."
    )
    return Training(
        programme=PROGRAMME,
        duration=(
            f"{settings.programme_months} months, the length the trust plans for "
            "(level 5 programmes typically take 18 to 24 months)"
        ),
        care_certificate="Complete the Care Certificate in the first part of the programme",
        english_and_maths="Hold English and maths at level 2 by the end of the programme",
        min_weekly_hours=settings.min_weekly_hours,
        supervision=(
            f"Direct supervision by a registered professional, the {directed_by}, except on tasks "
            "you have been signed off as competent to do"
        ),
        progression=progression,
        pay_basis=settings.pay_basis,
        pay_basis_text=basis_text,
        programme_months=settings.programme_months,
        milestone_months=list(settings.milestone_months),
    )


def trainee_purpose(purpose: str, band4_title: str, directed_by: str) -> str:
    """The band 4 job purpose, introduced as what the trainee works towards."""
    return (
        f"This is a training post leading to the band 4 {band4_title} post. The postholder "
        f"completes a level 5 programme and is directly supervised by the {directed_by}. "
        f"They take on the work described here only once signed off as "
        f"competent in it. {purpose}"
    )


def hours_warning(hours_per_week: float, settings: TraineeSettings) -> str | None:
    """A warning when a trainee post has fewer hours than the trust's apprenticeship minimum."""
    if hours_per_week >= settings.min_weekly_hours:
        return None
    return (
        f"this trainee post is {hours_per_week:g} hours a week, fewer than the "
        f"{settings.min_weekly_hours:g} hours the trust sets as the minimum for an "
        "apprenticeship (trust file, trainee.min_weekly_hours): raise the hours in the role "
        "file or check the programme with the education provider"
    )
