"""What differs between a band 4 post and its trainee variant: as data, a table appendix, text."""

from __future__ import annotations

import textwrap

from jdbuilder.model import (
    Appendix,
    AppendixTable,
    CriterionChange,
    DutyChange,
    JobPack,
    Pay,
    PaySummary,
    TraineeDiff,
)


def pay_summary(pay: Pay) -> PaySummary:
    return PaySummary(pay.band, pay.basis, pay.minimum, pay.maximum, pay.range_text)


def trainee_diff(band4: JobPack, trainee: JobPack) -> TraineeDiff:
    """Every difference between the band 4 post and its trainee variant, item by item.

    Duties and criteria are matched by id; the band 4 print order is kept.
    """
    if trainee.training is None:
        raise ValueError("the second pack must be a trainee post")
    area_titles = {area.id: area.title for area in band4.duty_areas + trainee.duty_areas}
    category_titles = {cat.id: cat.title for cat in band4.person_spec}
    trainee_duties = {duty.id: duty for duty in trainee.duties}
    band4_duty_ids = {duty.id for duty in band4.duties}
    changed, dropped, unchanged = [], [], []
    for duty in band4.duties:
        later = trainee_duties.get(duty.id)
        change = DutyChange(
            duty.id,
            duty.area,
            area_titles[duty.area],
            duty.text,
            later.text if later else None,
            duty.origin,
        )
        if later is None:
            dropped.append(change)
        elif later.text != duty.text:
            changed.append(change)
        else:
            unchanged.append(duty.id)
    trainee_criteria = {criterion.id: criterion for criterion in trainee.criteria}
    band4_criterion_ids = {criterion.id for criterion in band4.criteria}
    c_changed, c_dropped, c_unchanged = [], [], []
    for criterion in band4.criteria:
        later_c = trainee_criteria.get(criterion.id)
        c_change = CriterionChange(
            criterion.id,
            criterion.category,
            category_titles[criterion.category],
            criterion.text,
            criterion.need,
            later_c.text if later_c else None,
            later_c.need if later_c else None,
            text_changed=later_c is not None and later_c.text != criterion.text,
            need_changed=later_c is not None and later_c.need != criterion.need,
            origin=criterion.origin,
        )
        if later_c is None:
            c_dropped.append(c_change)
        elif c_change.text_changed or c_change.need_changed:
            c_changed.append(c_change)
        else:
            c_unchanged.append(criterion.id)
    return TraineeDiff(
        specialty_id=trainee.specialty_id,
        specialty_name=trainee.specialty_name,
        pay_year=trainee.pay.pay_year,
        band4_title=band4.job_title,
        trainee_title=trainee.job_title,
        band4_band=band4.band,
        trainee_band=trainee.band,
        band4_pay=pay_summary(band4.pay),
        trainee_pay=pay_summary(trainee.pay),
        pay_basis_text=trainee.training.pay_basis_text,
        pay_warning=trainee.pay.warning,
        duties_changed=changed,
        duties_dropped=dropped,
        duties_added=[d for d in trainee.duties if d.id not in band4_duty_ids],
        duties_unchanged=unchanged,
        criteria_changed=c_changed,
        criteria_dropped=c_dropped,
        criteria_added=[c for c in trainee.criteria if c.id not in band4_criterion_ids],
        criteria_unchanged=c_unchanged,
        training=trainee.training,
        band4_purpose=band4.purpose,
        trainee_purpose=trainee.purpose,
    )


def _with_need(text: str, need: str | None) -> str:
    return f"{text} ({need})" if need else text


def training_rows(diff: TraineeDiff) -> list[list[str]]:
    """The trainee post's training section as (label, text) rows."""
    training = diff.training
    return [
        ["Programme", training.programme],
        ["Duration", training.duration],
        ["Care Certificate", training.care_certificate],
        ["English and maths", training.english_and_maths],
        ["Minimum hours", f"At least {training.min_weekly_hours:g} hours a week"],
        ["Supervision", training.supervision],
        ["Progression", training.progression],
        ["Pay basis", training.pay_basis_text],
    ]


def diff_appendix(diff: TraineeDiff) -> Appendix:
    """The differences as tables of plain text, ready for a document's appendix."""
    pay_note = f". Warning: {diff.pay_warning}." if diff.pay_warning else ""
    post = AppendixTable(
        "The post",
        ["", "Band 4 post", "Trainee post"],
        [
            ["Job title", diff.band4_title, diff.trainee_title],
            ["Band", f"Band {diff.band4_band}", f"Band {diff.trainee_band}"],
            [
                f"Pay ({diff.pay_year})",
                diff.band4_pay.text,
                f"{diff.trainee_pay.text}{pay_note}",
            ],
            ["Job purpose", diff.band4_purpose, diff.trainee_purpose],
        ],
        "",
    )
    duties_changed = AppendixTable(
        "Duties changed for the trainee post",
        ["Area", "Band 4 duty", "Trainee duty"],
        [[c.area_title, c.band4_text, c.trainee_text or ""] for c in diff.duties_changed],
        "None.",
    )
    duties_dropped = AppendixTable(
        "Duties left out of the trainee post",
        ["Area", "Band 4 duty"],
        [[c.area_title, c.band4_text] for c in diff.duties_dropped],
        "None: the trainee post has a form of every band 4 duty.",
    )
    duties_added = AppendixTable(
        "Duties of the trainee post only",
        ["Area", "Trainee duty"],
        [[d.area, d.text] for d in diff.duties_added],
        "None.",
    )
    criteria_changed = AppendixTable(
        "Person specification criteria changed",
        ["Category", "Band 4 criterion", "Trainee criterion"],
        [
            [
                c.category_title,
                _with_need(c.band4_text, c.band4_need),
                _with_need(c.trainee_text or "", c.trainee_need),
            ]
            for c in diff.criteria_changed
        ],
        "None.",
    )
    criteria_dropped = AppendixTable(
        "Person specification criteria left out of the trainee post",
        ["Category", "Band 4 criterion"],
        [[c.category_title, _with_need(c.band4_text, c.band4_need)] for c in diff.criteria_dropped],
        "None.",
    )
    criteria_added = AppendixTable(
        "Person specification criteria of the trainee post only",
        ["Category", "Trainee criterion"],
        [[c.category, _with_need(c.text, c.need)] for c in diff.criteria_added],
        "None.",
    )
    training = AppendixTable(
        "Training section added", ["", "Trainee post"], training_rows(diff), ""
    )
    unchanged = len(diff.duties_unchanged), len(diff.criteria_unchanged)
    return Appendix(
        title=f"What changes from the band 4 post: {diff.band4_title}",
        introduction=(
            f"The trainee post is derived from the band 4 {diff.band4_title} post. These tables "
            "list every difference, for human resources and job evaluation panels. "
            f"{_count(unchanged[0], 'duty', 'duties').capitalize()} and "
            f"{_count(unchanged[1], 'criterion', 'criteria')} read the same in both posts."
        ),
        tables=[
            post,
            duties_changed,
            duties_dropped,
            *([duties_added] if diff.duties_added else []),
            criteria_changed,
            criteria_dropped,
            *([criteria_added] if diff.criteria_added else []),
            training,
        ],
    )


def _count(number: int, one: str, many: str) -> str:
    word = one if number == 1 else many
    return f"{'no' if number == 0 else number} {word}"


def diff_text(diff: TraineeDiff, width: int = 100) -> str:
    """The differences as plain text for a terminal."""
    out: list[str] = [
        f"Band 4 post -> trainee post ({diff.specialty_name}; pay year {diff.pay_year})",
        "",
        f"Title: {diff.band4_title}",
        f"    -> {diff.trainee_title}",
        f"Band:  {diff.band4_band} -> {diff.trainee_band}",
        f"Pay:   {diff.band4_pay.text}",
        f"    -> {diff.trainee_pay.text} ({_basis_words(diff.trainee_pay)})",
    ]
    if diff.pay_warning:
        out += _wrapped(f"Warning: {diff.pay_warning}.", width, "       ", first="       ")
    if diff.trainee_purpose != diff.band4_purpose:
        added = diff.trainee_purpose.removesuffix(diff.band4_purpose).strip()
        if added != diff.trainee_purpose:
            out += ["Purpose: the trainee post adds, before the band 4 purpose:"]
            out += _wrapped(added, width, " " * 7, first=" " * 7)
        else:
            out += _wrapped(diff.trainee_purpose, width, " " * 7, first="Purpose: ")
    sections: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]] = [
        (
            "Duties changed",
            [
                (
                    f"{c.id} ({c.area_title})",
                    [("band 4", c.band4_text), ("trainee", c.trainee_text or "")],
                )
                for c in diff.duties_changed
            ],
        ),
        (
            "Duties dropped",
            [(f"{c.id} ({c.area_title})", [("band 4", c.band4_text)]) for c in diff.duties_dropped],
        ),
        (
            "Duties added",
            [(f"{d.id} ({d.area})", [("trainee", d.text)]) for d in diff.duties_added],
        ),
        (
            "Criteria changed",
            [
                (
                    f"{c.id} ({c.category_title})",
                    [
                        ("band 4", _with_need(c.band4_text, c.band4_need)),
                        ("trainee", _with_need(c.trainee_text or "", c.trainee_need)),
                    ],
                )
                for c in diff.criteria_changed
            ],
        ),
        (
            "Criteria dropped",
            [
                (
                    f"{c.id} ({c.category_title})",
                    [("band 4", _with_need(c.band4_text, c.band4_need))],
                )
                for c in diff.criteria_dropped
            ],
        ),
        (
            "Criteria added",
            [
                (f"{c.id} ({c.category})", [("trainee", _with_need(c.text, c.need))])
                for c in diff.criteria_added
            ],
        ),
    ]
    for title, entries in sections:
        out += ["", f"{title} ({len(entries)}){':' if entries else ': none'}"]
        for heading, lines in entries:
            out.append(f"  {heading}")
            for label, text in lines:
                out += _wrapped(text, width, " " * 13, first=f"    {label + ':':<9}")
    out += [
        "",
        f"Unchanged: {len(diff.duties_unchanged)} duties, {len(diff.criteria_unchanged)} criteria",
        "",
        "Training section added:",
    ]
    for label, text in training_rows(diff):
        out += _wrapped(text, width, " " * 22, first=f"  {label + ':':<20}")
    return "\n".join(out) + "\n"


def _basis_words(pay: PaySummary) -> str:
    return (
        "Annex 21 percentages of the band 4 maximum"
        if pay.basis == "annex21"
        else "a banded band 3 post"
    )


def _wrapped(text: str, width: int, indent: str, *, first: str) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=indent) or [first]
