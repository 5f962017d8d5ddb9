"""Compose a JobPack from a role, its trust, its specialty profile and the standards."""

from __future__ import annotations

import datetime
import re
from typing import Any

from jdbuilder.advert import advert_rules
from jdbuilder.changes import trainee_diff
from jdbuilder.inputs import RoleInput
from jdbuilder.library import Item, Library, Profile
from jdbuilder.model import (
    Category,
    Clause,
    ClauseEvidence,
    Contact,
    Criterion,
    Duty,
    DutyArea,
    JobPack,
    StandardEvidence,
    Trust,
)
from jdbuilder.pay import pay_for, source_refs
from jdbuilder.schemas import AREAS, QUALIFIED_AREAS
from jdbuilder.sources import Source
from jdbuilder.trainee import (
    TraineeSettings,
    band4_job_title,
    compose_training,
    hours_warning,
    pay_basis_text,
    trainee_pay,
    trainee_purpose,
)
from jdbuilder.training_record import training_record
from jdbuilder.wording import join_words, lower_first

NHS_BLUE = "#005EB8"
AREA_TITLES = {
    "clinical": "Clinical and technical practice",
    "communication": "Communication and relationships",
    "teaching": "Supervising and teaching others",
    "governance": "Quality, safety and governance",
    "records": "Information and records",
    "improvement": "Service improvement",
    "development": "Own development",
}
CONTRACT_TEXT = {
    "permanent": "Permanent",
    "secondment": "Secondment",
    "bank": "Bank",
}


def slug(text: str) -> str:
    """Lower-case words joined by hyphens, for file names."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def compose(
    role_input: RoleInput,
    library: Library,
    as_of: datetime.date,
    *,
    trainee: bool | None = None,
) -> JobPack:
    """The job pack for one post. `trainee` overrides the role file's own setting."""
    role = role_input.role.data
    is_trainee = bool(role.get("trainee", False)) if trainee is None else trainee
    band = 3 if is_trainee else 4
    profile = library.profile(role["specialty"])
    fields = profile.fields
    trust = compose_trust(role_input.trust)
    directed_by = fields["directed_by"]
    words = profile_words(fields)
    pay, warnings = pay_for(library.afc_terms.data, band, as_of, trust.hcas_zone)
    hours = float(role.get("hours_per_week", library.full_time_hours))
    settings = TraineeSettings.from_trust(role_input.trust)
    if is_trainee:
        pay, pay_warnings = trainee_pay(library.afc_terms.data, pay, settings)
        warnings += pay_warnings
        warnings += filter(None, [hours_warning(hours, settings)])
    band4_title = band4_job_title(role.get("job_title") or fields["job_title"])
    job_title = f"Trainee {band4_title}" if is_trainee else band4_title
    purpose = fill(fields["purpose"], words)
    if is_trainee:
        purpose = trainee_purpose(purpose, band4_title, directed_by)
    department = role.get("department") or fields.get("department", "")
    duties = compose_duties(profile, role_input.role, words, is_trainee)
    criteria = compose_criteria(profile, role_input.role, words, is_trainee)
    review_date = role.get("review_date") or add_months(as_of, trust.review_months)
    contract = role.get("contract", "permanent")
    unverified = [
        u if isinstance(u, str) else "; ".join(f"{k}: {v}" for k, v in u.items())
        for u in fields.get("unverified", [])
    ]
    pack = JobPack(
        trust=trust,
        specialty_id=profile.id,
        specialty_name=fields["name"],
        job_title=job_title,
        band=band,
        trainee=is_trainee,
        pay=pay,
        hours_per_week=hours,
        full_time_hours=library.full_time_hours,
        contract=contract,
        contract_text=contract_text(contract, role.get("fixed_term_months")),
        working_pattern=list(role.get("working_pattern", ["full_time"])),
        base=role.get("base") or f"{department}, {trust.name}",
        department=department,
        reports_to=role.get("reports_to") or f"Team leader, {department}",
        accountable_to=role.get("accountable_to") or f"Service manager, {department}",
        directed_by=directed_by,
        closing_date=role.get("closing_date"),
        reference=role.get("reference"),
        version=str(role.get("version", "1.0")),
        review_date=review_date,
        generated_on=as_of,
        purpose=purpose,
        setting=fill(fields.get("setting", ""), words),
        duty_areas=[
            DutyArea(area, AREA_TITLES[area], [d for d in duties if d.area == area])
            for area in AREAS
            if any(d.area == area for d in duties)
        ],
        working_relationships=compose_relationships(fields, role),
        clauses=compose_clauses(library, role_input.trust, trust),
        nhs_values=list(library.person_spec.data.get("nhs_values", {}).get("values", [])),
        person_spec=[
            Category(cat["id"], cat["title"], [c for c in criteria if c.category == cat["id"]])
            for cat in library.person_spec.data["categories"]
        ],
        assessment_legend=list(library.person_spec.data["assessment"]),
        core_standards=compose_evidence(library, [*duties, *criteria]),
        specialty_training=[t["text"].strip() for t in fields.get("training", [])],
        training=compose_training(
            settings, band4_title, directed_by, pay_basis_text(pay, library.afc_terms.data)
        )
        if is_trainee
        else None,
        sources=source_refs(fields.get("sources")),
        unverified=unverified,
        warnings=warnings,
        advert_rules=advert_rules(library.nhs_jobs.data),
    )
    if is_trainee:
        band4 = compose(role_input, library, as_of, trainee=False)
        pack.trainee_changes = trainee_diff(band4, pack)
        pack.training_record = training_record(band4, pack)
    return pack


Words = dict[str, str]


def profile_words(fields: dict[str, Any]) -> Words:
    """The values of the placeholders a profile's text may use."""
    return {"{directed_by}": fields["directed_by"], "{people}": fields.get("people", "patients")}


def fill(text: str, words: Words) -> str:
    """Replace the profile placeholders and fold the whitespace of YAML block text."""
    for placeholder, value in words.items():
        text = text.replace(placeholder, value)
    return " ".join(text.split())


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def contract_text(contract: str, months: int | None) -> str:
    if contract == "fixed_term":
        return f"Fixed term: {months} months" if months else "Fixed term"
    return CONTRACT_TEXT[contract]


def compose_trust(source: Source) -> Trust:
    data = source.data
    logo = data.get("logo")
    contact = data.get("contact", {})
    dbs = data.get("dbs", {})
    return Trust(
        name=data["name"],
        short_name=data.get("short_name") or slug(data["name"]),
        example=bool(data.get("example", False)),
        logo_path=str((source.path.parent / logo).resolve()) if logo else None,
        logo_alt=data.get("logo_alt") or f"{data['name']} logo",
        address=data.get("address"),
        website=data.get("website"),
        brand_colour=data.get("brand_colour", NHS_BLUE),
        values=[dict(v) for v in data.get("values", [])],
        about=" ".join(data["about"].split()) if data.get("about") else None,
        contact=Contact(**contact),
        hcas_zone=data.get("hcas_zone", "none"),
        dbs_level=dbs.get("level", "enhanced"),
        dbs_barred_lists=list(dbs.get("barred_lists", ["adults"])),
        review_months=int(data.get("review_months", 12)),
        about_origin=(
            f"{source.name}:{source.position(('about',))[0]}" if "about" in data else source.name
        ),
    )


def _trainee_duty_text(item: Item, words: Words) -> str | None:
    """The trainee wording of a duty, or None when trainees do not do it.

    The duty's own `trainee:` form wins; otherwise a clinical or teaching duty, which needs a
    qualified assistant practitioner, becomes something the trainee learns under direct
    supervision, and a duty in any other area reads the same for a trainee.
    """
    trainee = item.data.get("trainee") or {}
    if trainee.get("drop"):
        return None
    text = fill(item.data["text"], words)
    if trainee.get("text"):
        return fill(trainee["text"], words)
    if item.data["area"] in QUALIFIED_AREAS:
        supervisor = words["{directed_by}"]
        return f"Learn to {lower_first(text.rstrip('.'))}, under the direct supervision of the {supervisor}."
    return text


def with_local_changes(items: list[Item], role: Source, key: str) -> list[Item]:
    """The profile's items less those the role drops, then the role's own additions."""
    changes = role.data.get(key, {})
    dropped = set(changes.get("drop", []))
    prefix = "local-duty" if key == "duties" else "local-criterion"
    added = [
        Item({"id": f"{prefix}-{index + 1}", **entry}, role, (key, "add", index))
        for index, entry in enumerate(changes.get("add", []))
    ]
    return [item for item in items if item.id not in dropped] + added


def compose_duties(profile: Profile, role: Source, words: Words, trainee: bool) -> list[Duty]:
    duties = []
    for item in with_local_changes(profile.duties, role, "duties"):
        text = fill(item.data["text"], words)
        band4_text = None
        if trainee:
            trainee_text = _trainee_duty_text(item, words)
            if trainee_text is None:
                continue
            band4_text, text = text, trainee_text
        standards = list(item.data["standards"])
        duties.append(Duty(item.id, item.data["area"], text, standards, item.origin, band4_text))
    return duties


def compose_criteria(
    profile: Profile, role: Source, words: Words, trainee: bool
) -> list[Criterion]:
    criteria = []
    for item in with_local_changes(profile.criteria, role, "criteria"):
        data = item.data
        text, need = fill(data["text"], words), data["need"]
        band4_text = band4_need = None
        if trainee:
            form = data.get("trainee") or {}
            if form.get("drop"):
                continue
            band4_text, band4_need = text, need
            text = fill(form.get("text", text), words)
            need = form.get("need", need)
        criteria.append(
            Criterion(
                item.id,
                data["category"],
                text,
                need,
                list(data["assessed"]),
                list(data["standards"]),
                item.origin,
                band4_text,
                band4_need,
            )
        )
    essential_first = {"essential": 0, "desirable": 1}
    return sorted(criteria, key=lambda c: essential_first[c.need])


def compose_relationships(fields: dict[str, Any], role: dict[str, Any]) -> dict[str, list[str]]:
    base = fields.get("working_relationships", {})
    local = role.get("working_relationships", {})
    return {side: [*base.get(side, []), *local.get(side, [])] for side in ("internal", "external")}


def compose_clauses(library: Library, trust_source: Source, trust: Trust) -> list[Clause]:
    overrides = trust_source.data.get("clauses", {})
    lists = {"adults": "adults'", "children": "children's"}
    barred = [lists[b] for b in trust.dbs_barred_lists]
    values = [v["name"] for v in trust.values] or ["as the trust publishes them"]
    placeholders = {
        "{dbs_level}": trust.dbs_level,
        # "adults' barred list", or "adults' and children's barred lists"
        "{barred_lists}": f"{join_words(barred)} barred list{'s' if len(barred) > 1 else ''}",
        "{trust_values}": join_words(values),
        "{review_months}": str(trust.review_months),
    }

    def filled(text: str) -> str:
        for placeholder, value in placeholders.items():
            text = text.replace(placeholder, value)
        return " ".join(text.split())

    clauses = []
    for clause in library.clauses.data["clauses"]:
        text = overrides.get(clause["id"], clause["text"])
        origin = trust_source.name if clause["id"] in overrides else library.clauses.name
        # a clause is in the advert when it has advert text; the trust's own wording
        # replaces that too, so the job description and the advert never disagree
        advert = (
            (text if clause["id"] in overrides else clause["advert"])
            if clause.get("advert")
            else None
        )
        clauses.append(
            Clause(
                clause["id"],
                clause["title"],
                filled(text),
                origin,
                filled(advert) if advert else None,
            )
        )
    return clauses


def compose_evidence(library: Library, items: list[Duty | Criterion]) -> list[StandardEvidence]:
    evidence = []
    for standard in library.core_standards.data["standards"]:
        clauses = [
            ClauseEvidence(
                clause["id"],
                " ".join(clause["text"].split()),
                " ".join((clause.get("statement") or "").split()),
                [item.id for item in items if clause["id"] in item.standards],
            )
            for clause in standard["clauses"]
            if clause["verified"]
        ]
        reason = None
        if not clauses:
            reason = " ".join((standard.get("unverified_reason") or "text not verified").split())
        evidence.append(
            StandardEvidence(
                standard["id"], standard.get("title"), standard["verified"], clauses, reason
            )
        )
    return evidence
