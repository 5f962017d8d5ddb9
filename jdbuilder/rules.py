"""Rules that span files: references between roles, trusts, profiles and standards."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdbuilder.errors import InvalidInput, KeyPath, Problem
from jdbuilder.pay import annex21_years
from jdbuilder.schemas import DEFAULT_PROGRAMME_MONTHS, QUALIFIED_AREAS
from jdbuilder.sources import Source

if TYPE_CHECKING:
    from jdbuilder.library import Library, Profile

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def unknown_specialty_message(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown specialty '{name}'; {hint}run `jdbuilder specialties` to list them"


def clause_ref_problems(
    source: Source, path: KeyPath, refs: Iterable[Any], library: Library
) -> list[Problem]:
    """Each reference must name a core standard clause whose text is verified."""
    problems = []
    known = library.clause_ids
    verified = ", ".join(cid for cid, ok in known.items() if ok)
    for index, ref in enumerate(refs):
        where = (*path, index)
        if ref not in known:
            problems.append(
                source.problem(where, f"unknown core standard clause '{ref}' (allowed: {verified})")
            )
        elif not known[ref]:
            problems.append(
                source.problem(
                    where,
                    f"core standard clause '{ref}' cannot be cited: its text is not verified "
                    f"(allowed: {verified})",
                )
            )
    return problems


def assessed_problems(
    source: Source, path: KeyPath, codes: Iterable[Any], library: Library
) -> list[Problem]:
    allowed = library.assessment_codes
    return [
        source.problem(
            (*path, i), f"unknown assessment code '{code}' (allowed: {', '.join(allowed)})"
        )
        for i, code in enumerate(codes)
        if code not in allowed
    ]


def profile_problems(profile: Profile, core: Source, library: Library) -> list[Problem]:
    """Cross-file rules for a merged profile."""
    source = profile.source
    data = source.data
    problems: list[Problem] = []
    is_core = source.path.stem == "_core"
    if data["id"] != source.path.stem:
        problems.append(
            source.problem(("id",), f"'{data['id']}' must match the file name '{source.path.stem}'")
        )
    if not is_core:
        for key in ("extends", "job_title", "directed_by", "purpose"):
            if key not in data:
                problems.append(
                    source.problem((key,), "this key is required in a specialty profile")
                )
    core_ids = {item["id"] for key in ("duties", "criteria") for item in core.data.get(key, [])}
    changes = data.get("core", {})
    for index, item_id in enumerate(changes.get("drop", [])):
        if item_id not in core_ids:
            problems.append(
                source.problem(
                    ("core", "drop", index), f"'{item_id}' is not a core duty or criterion"
                )
            )
    for index, entry in enumerate(changes.get("replace", [])):
        if entry["id"] not in core_ids:
            problems.append(
                source.problem(("core", "replace", index, "id"), f"'{entry['id']}' is not in _core")
            )
    seen: dict[str, str] = {}
    for item in [*profile.duties, *profile.criteria]:
        if item.id in seen and not is_core:
            problems.append(
                item.source.problem(
                    (*item.path, "id"), f"duplicate id '{item.id}' (also at {seen[item.id]})"
                )
            )
        seen.setdefault(item.id, item.origin)
        problems += clause_ref_problems(
            item.source, (*item.path, "standards"), item.data.get("standards", []), library
        )
        if "assessed" in item.data:
            problems += assessed_problems(
                item.source, (*item.path, "assessed"), item.data["assessed"], library
            )
        problems += trainee_form_problems(item.source, item.path, item.data)
    problems += replaced_trainee_problems(source, core)
    return problems


def _words(text: Any) -> str:
    return " ".join(str(text).split())


def trainee_form_problems(source: Source, path: KeyPath, item: dict[str, Any]) -> list[Problem]:
    """A duty's or criterion's `trainee:` form: drop or text, and a real change where needed."""
    trainee = item.get("trainee") or {}
    if trainee.get("drop") and len(trainee) > 1:
        return [
            source.problem(
                (*path, "trainee"), "use either `drop: true` or a trainee `text`, not both"
            )
        ]
    if (
        item.get("area") in QUALIFIED_AREAS
        and "text" in trainee
        and _words(trainee["text"]) == _words(item.get("text", ""))
    ):
        return [
            source.problem(
                (*path, "trainee", "text"),
                f"is the same as the band 4 text, but a {item['area']} duty needs a qualified "
                "assistant practitioner: say how the trainee learns it under supervision, or use "
                "`drop: true`",
            )
        ]
    return []


def replaced_trainee_problems(source: Source, core: Source) -> list[Problem]:
    """A core item whose text a profile replaces keeps the core's trainee form unless the
    profile gives its own, and that form was written for the core's text."""
    with_form = {
        item["id"]
        for key in ("duties", "criteria")
        for item in core.data.get(key, [])
        if item.get("trainee")
    }
    return [
        source.problem(
            ("core", "replace", index, "text"),
            f"replaces the text of '{entry['id']}', whose trainee form in _core was written for "
            "the old text: give a `trainee:` form for the new text (or `trainee: {drop: true}`)",
        )
        for index, entry in enumerate(source.data.get("core", {}).get("replace", []))
        if "text" in entry and "trainee" not in entry and entry["id"] in with_form
    ]


def trust_problems(source: Source, library: Library) -> list[Problem]:
    """Cross-file rules for a trust file: its logo and clause overrides."""
    data = source.data
    problems = []
    logo = data.get("logo")
    if logo:
        folder = source.path.resolve().parent
        path = (folder / logo).resolve()
        if path.suffix.lower() not in LOGO_SUFFIXES:
            problems.append(source.problem(("logo",), f"'{logo}' must be a PNG, JPEG or SVG file"))
        elif not path.is_relative_to(folder):
            problems.append(
                source.problem(("logo",), f"'{logo}' must be inside the trust file's folder")
            )
        elif not path.is_file():
            problems.append(source.problem(("logo",), f"logo file '{logo}' not found"))
    if data.get("dbs", {}).get("level") == "standard" and "dbs" not in data.get("clauses", {}):
        problems.append(
            source.problem(
                ("dbs", "level"),
                "a standard check includes no barred list check, but the built-in DBS clause "
                "names one: use `enhanced`, or give your own wording in `clauses: dbs:`",
            )
        )
    problems += trainee_settings_problems(source, library)
    known = library.standard_clause_ids
    for key in data.get("clauses", {}):
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                source.problem(
                    ("clauses", key),
                    f"unknown clause; {hint}(allowed: {', '.join(known)})",
                )
            )
    return problems


def role_problems(source: Source, library: Library) -> list[Problem]:
    """Cross-file rules for a role: its specialty, band, hours and local changes."""
    data = source.data
    problems = []
    trainee = bool(data.get("trainee", False))
    band = data.get("band")
    if band == 3 and not trainee:
        problems.append(
            source.problem(
                ("band",), "band 3 is only for a trainee post: add `trainee: true` or use band 4"
            )
        )
    if band == 4 and trainee:
        problems.append(source.problem(("band",), "a trainee post is band 3, not band 4"))
    hours = data.get("hours_per_week")
    if (
        isinstance(hours, int | float)
        and not isinstance(hours, bool)
        and not 0 < hours <= library.full_time_hours
    ):
        problems.append(
            source.problem(
                ("hours_per_week",),
                f"must be more than 0 and at most {library.full_time_hours:g} (full time), "
                f"not {hours}",
            )
        )
    if "fixed_term_months" in data and data.get("contract") != "fixed_term":
        problems.append(
            source.problem(("fixed_term_months",), "only applies with `contract: fixed_term`")
        )
    trust = data.get("trust")
    if isinstance(trust, str) and not (source.path.parent / trust).is_file():
        problems.append(source.problem(("trust",), f"trust file '{trust}' not found"))
    specialty = data.get("specialty")
    if not isinstance(specialty, str):
        return problems
    known = library.profile_paths()
    if specialty not in known:
        problems.append(
            source.problem(("specialty",), unknown_specialty_message(specialty, list(known)))
        )
        return problems
    try:
        profile = library.profile(specialty)
    except InvalidInput as error:
        return problems + error.problems
    for key, items in (("duties", profile.duties), ("criteria", profile.criteria)):
        ids = {item.id for item in items}
        changes = data.get(key, {})
        for index, item_id in enumerate(changes.get("drop", [])):
            if item_id not in ids:
                close = difflib.get_close_matches(item_id, sorted(ids), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(
                    source.problem(
                        (key, "drop", index), f"'{item_id}' is not in the {specialty} profile{hint}"
                    )
                )
        for index, entry in enumerate(changes.get("add", [])):
            path = (key, "add", index)
            problems += trainee_form_problems(source, path, entry)
            problems += clause_ref_problems(
                source, (*path, "standards"), entry.get("standards", []), library
            )
            problems += assessed_problems(
                source, (*path, "assessed"), entry.get("assessed", []), library
            )
    return problems


def trust_path_for(role: Source) -> Path | None:
    """The trust file a role names, resolved against the role file's folder."""
    trust = role.data.get("trust")
    return (role.path.parent / trust) if isinstance(trust, str) else None


def trainee_settings_problems(source: Source, library: Library) -> list[Problem]:
    """The trust's trainee settings: review months inside the programme, Annex 21 rows enough."""
    settings = source.data.get("trainee") or {}
    months = settings.get("programme_months", DEFAULT_PROGRAMME_MONTHS)
    problems = []
    reviews = settings.get("milestone_months") or []
    if reviews != sorted(set(reviews)):
        problems.append(
            source.problem(
                ("trainee", "milestone_months"),
                "list each review month once, earliest first, such as [6, 12, 18]",
            )
        )
    for index, month in enumerate(reviews):
        if month >= months:
            problems.append(
                source.problem(
                    ("trainee", "milestone_months", index),
                    f"month {month} is not before the end of the {months}-month programme "
                    "(trainee.programme_months); completion is always the last milestone",
                )
            )
    if settings.get("pay_basis") == "annex21":
        schedule = (library.afc_terms.data.get("annex21") or {}).get("schedule") or []
        years = annex21_years(months)
        if len(schedule) < years:
            problems.append(
                source.problem(
                    ("trainee", "programme_months"),
                    f"a {months}-month programme spans {years} years of the Annex 21 schedule, "
                    f"but afc_terms.yaml has {len(schedule)} row(s): shorten the programme or "
                    "add the rows to your afc_terms.yaml",
                )
            )
    return problems
