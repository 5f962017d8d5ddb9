"""The trainee band 3 variant: derived duties and criteria, pay basis, the diff, the record."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import AS_OF, EXAMPLES, ROOT

from jdbuilder.build import build_post
from jdbuilder.changes import diff_appendix, trainee_diff
from jdbuilder.cli import cli
from jdbuilder.compose import compose
from jdbuilder.inputs import load_role, role_from_options
from jdbuilder.library import Library
from jdbuilder.model import JobPack
from jdbuilder.pay import whole_pounds
from jdbuilder.training_record import training_record

PROFILE_IDS = sorted(Library().profile_paths())
QUALIFIED_AREAS = ("clinical", "teaching")


def packs(library: Library, profile_id: str, trust: Path | None = None) -> tuple[JobPack, JobPack]:
    """The band 4 post and its trainee variant for a specialty."""
    role = role_from_options(profile_id, 3, trust, library)
    return (
        compose(role, library, AS_OF, trainee=False),
        compose(role, library, AS_OF, trainee=True),
    )


def trust_with(folder: Path, trainee_settings: str) -> Path:
    """A copy of the example trust whose `trainee:` block is replaced."""
    text = (EXAMPLES / "trust.yaml").read_text()
    text = text[: text.index("trainee:")] + "trainee:\n" + trainee_settings
    (folder / "trust.yaml").write_text(text)
    shutil.copy(EXAMPLES / "logo.png", folder / "logo.png")
    return folder / "trust.yaml"


# --- every profile -------------------------------------------------------------------------


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_every_profile_builds_a_valid_trainee_pack(
    library: Library, profile_id: str, tmp_path: Path
) -> None:
    role = role_from_options(profile_id, 3, None, library)
    result = build_post(role, library, ["json"], tmp_path, AS_OF)
    data = json.loads(result.files[0].read_text())
    assert result.files[0].name.endswith("-band3-pack.json")
    assert (data["band"], data["trainee"], data["pay"]["band"]) == (3, True, 3)
    assert data["job_title"] == f"Trainee {library.profile(profile_id).fields['job_title']}"
    assert data["pay"]["range_text"] == "£24,937 to £26,598 a year"
    assert data["training"]["pay_basis"] == "band"
    assert data["trainee_changes"]["trainee_title"] == data["job_title"]
    band4_ids = [d["band4_text"] for d in data["trainee_changes"]["duties_changed"]]
    band4_ids += [d["band4_text"] for d in data["trainee_changes"]["duties_dropped"]]
    competencies = [c for a in data["training_record"]["areas"] for c in a["competencies"]]
    assert len(competencies) == len(band4_ids) + len(data["trainee_changes"]["duties_unchanged"])
    assert data["warnings"] == []


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_no_duty_needing_a_qualified_ap_is_left_unqualified(
    library: Library, profile_id: str
) -> None:
    band4, trainee = packs(library, profile_id)
    trainee_text = {duty.id: duty.text for duty in trainee.duties}
    profile = library.profile(profile_id)
    flagged_drop = {i.id for i in profile.duties if (i.data.get("trainee") or {}).get("drop")}
    for duty in band4.duties:
        if duty.area in QUALIFIED_AREAS:
            assert duty.id in flagged_drop or trainee_text[duty.id] != duty.text, duty.id
    diff = trainee.trainee_changes
    assert diff is not None
    assert {c.id for c in diff.duties_dropped} == flagged_drop
    assert all(c.trainee_text is None for c in diff.duties_dropped)
    accounted = [
        *(c.id for c in diff.duties_changed),
        *(c.id for c in diff.duties_dropped),
        *diff.duties_unchanged,
    ]
    assert sorted(accounted) == sorted(duty.id for duty in band4.duties)
    areas = {duty.id: duty.area for duty in band4.duties}
    assert [i for i in diff.duties_unchanged if areas[i] in QUALIFIED_AREAS] == []
    assert diff.duties_added == []


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_trainee_person_spec_asks_for_level_3_experience_and_commitment(
    library: Library, profile_id: str
) -> None:
    band4, trainee = packs(library, profile_id)
    level5 = {c.id: c for c in trainee.criteria}["core-ps-level5"]
    assert level5.text.startswith("Commitment to complete a ") and level5.need == "essential"
    assert not {c.id: c for c in band4.criteria}["core-ps-level5"].text.startswith("Commitment")
    essential = [c for c in trainee.criteria if c.need == "essential"]
    assert any(
        c.category == "qualifications" and "level 3 qualification in health" in c.text
        for c in essential
    ), profile_id
    assert any(c.category == "experience" and "healthcare support" in c.text for c in essential), (
        profile_id
    )


# --- band, pay and title for two pay years ------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "year", "points"),
    [
        (datetime.date(2025, 1, 15), "2024/25", [24071, 25674]),
        (datetime.date(2026, 1, 15), "2025/26", [24937, 26598]),
    ],
)
@pytest.mark.parametrize("route", ["--trainee", "trainee: true"])
def test_band_pay_and_title_for_two_pay_years(
    library: Library, in_tmp: Path, as_of: datetime.date, year: str, points: list[int], route: str
) -> None:
    text = (EXAMPLES / "radiography.yaml").read_text().replace("trust: trust.yaml", "")
    if route == "trainee: true":
        text = text.replace("band: 4", "band: 3\ntrainee: true")
    (in_tmp / "role.yaml").write_text(text)
    role = load_role(in_tmp / "role.yaml", library)
    pack = compose(role, library, as_of, trainee=True if route == "--trainee" else None)
    assert (pack.band, pack.pay.band, pack.trainee) == (3, 3, True)
    assert pack.job_title == "Trainee Assistant Practitioner (Diagnostic Radiography)"
    assert (pack.pay.pay_year, pack.pay.points, pack.pay.basis) == (year, points, "band")
    assert pack.pay.range_text == f"£{points[0]:,} to £{points[1]:,} a year"
    assert pack.warnings == []


def test_build_trainee_from_the_command_line(runner: CliRunner, in_tmp: Path) -> None:
    args = ["build", str(EXAMPLES / "radiography.yaml"), "--trainee", "-f", "json"]
    result = runner.invoke(cli, [*args, "--as-of", "2025-01-15"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith(
        "example-valley-trainee-assistant-practitioner-diagnostic-radiography-band3-pack.json"
    )
    data = json.loads((in_tmp / result.stdout.strip()).read_text())
    assert (data["pay"]["pay_year"], data["pay"]["range_text"]) == (
        "2024/25",
        "£24,071 to £25,674 a year",
    )


# --- the training section and the trust's settings ----------------------------------------


def test_training_section_states_programme_hours_supervision_and_progression(
    library: Library,
) -> None:
    _, trainee = packs(library, "diagnostic_radiography")
    training = trainee.training
    assert training is not None
    assert "ST0215" in training.programme and "foundation degree" in training.programme
    assert training.duration.startswith("24 months")
    assert training.care_certificate == (
        "Complete the Care Certificate in the first part of the programme"
    )
    assert training.english_and_maths == (
        "Hold English and maths at level 2 by the end of the programme"
    )
    assert training.min_weekly_hours == 30
    assert training.supervision == (
        "Direct supervision by a registered professional, the registered diagnostic "
        "radiographer, except on tasks you have been signed off as competent to do"
    )
    assert training.progression.startswith(
        "You will be appointed to the band 4 assistant practitioner post"
    )
    assert training.pay_basis_text == (
        "Band 3 pay (£24,937 to £26,598 a year in 2025/26) while training, and band 4 pay once "
        "appointed to the band 4 post"
    )
    assert (training.programme_months, training.milestone_months) == (24, [6, 12, 18])
    band4, _ = packs(library, "diagnostic_radiography")
    assert trainee.purpose == (
        "This is a training post leading to the band 4 Assistant Practitioner (Diagnostic "
        "Radiography) post. The postholder completes a level 5 programme and is directly "
        "supervised by the registered diagnostic radiographer. They take on the work described "
        f"here only once signed off as competent in it. {band4.purpose}"
    )


def test_trust_sets_hours_programme_milestones_and_progression(
    library: Library, tmp_path: Path
) -> None:
    trust = trust_with(
        tmp_path,
        "  min_weekly_hours: 32\n  programme_months: 18\n  milestone_months: [3, 9, 15]\n"
        "  progression: You move to the band 4 post when signed off.\n",
    )
    _, trainee = packs(library, "physiotherapy", trust)
    training = trainee.training
    assert training is not None
    assert (training.min_weekly_hours, training.programme_months) == (32, 18)
    assert training.duration.startswith("18 months")
    assert training.progression == "You move to the band 4 post when signed off."
    record = trainee.training_record
    assert record is not None
    assert [m.month for m in record.milestones] == [3, 9, 15, 18]


def test_part_time_trainee_post_below_the_minimum_hours_warns(
    library: Library, in_tmp: Path
) -> None:
    (in_tmp / "role.yaml").write_text(
        "specialty: occupational_therapy\nband: 3\ntrainee: true\nhours_per_week: 22.5\n"
    )
    pack = compose(load_role(in_tmp / "role.yaml", library), library, AS_OF)
    assert pack.warnings == [
        "this trainee post is 22.5 hours a week, fewer than the 30 hours the trust sets as the "
        "minimum for an apprenticeship (trust file, trainee.min_weekly_hours): raise the hours "
        "in the role file or check the programme with the education provider"
    ]


# --- Annex 21 ------------------------------------------------------------------------------


def test_whole_pounds_rounds_halves_up() -> None:
    values = ("22621.5", "21113.4", "2.5", "21112.5", "0.49")
    assert [whole_pounds(Decimal(v)) for v in values] == [22622, 21113, 3, 21113, 0]


ANNEX21_WARNING_2025 = (
    "Annex 21 pay is below the band 2 rate for 2025/26 (£24,465): 75% of the band 4 maximum "
    "of £30,162 is £22,622, 70% is £21,113, 65% is £19,605 and 60% is £18,097. Annex 21 "
    "percentages do not suit this post unless the trust protects pay: check with human resources (HR)"
)


def test_annex21_amounts_and_band2_warning_for_2025_26(library: Library, tmp_path: Path) -> None:
    trust = trust_with(tmp_path, "  pay_basis: annex21\n  programme_months: 48\n")
    _, trainee = packs(library, "stroke_rehabilitation", trust)
    pay = trainee.pay
    assert pay.basis == "annex21" and pay.annex21 is not None
    rows = [(r.years_before_completion, r.pct, r.amount, r.below_band2) for r in pay.annex21]
    assert rows == [
        (4, 60, 18097, True),
        (3, 65, 19605, True),
        (2, 70, 21113, True),
        (1, 75, 22622, True),
    ]
    assert {r.note for r in pay.annex21} == {"below the band 2 rate for 2025/26 (£24,465)"}
    assert (pay.points, pay.range_text) == (
        [18097, 19605, 21113, 22622],
        "£18,097 to £22,622 a year",
    )
    assert pay.warning == ANNEX21_WARNING_2025
    assert trainee.warnings == [ANNEX21_WARNING_2025]
    assert pay.status == "SECONDARY"  # the Annex 21 schedule's own status, the weaker one
    assert any("Annex U" in source.title for source in pay.sources)
    assert trainee.training is not None and trainee.training.pay_basis == "annex21"
    assert trainee.training.pay_basis_text == (
        "Agenda for Change Annex 21 (pay and banding of trainees): a percentage of the band 4 "
        "maximum (£30,162 in 2025/26), rising during training. "
        "From 3 to 4 years before completion: 60% (£18,097 a year). "
        "From 2 to 3 years before completion: 65% (£19,605 a year). "
        "From 1 to 2 years before completion: 70% (£21,113 a year). "
        "In the final 12 months before completion: 75% (£22,622 a year). "
        "Warning: every Annex 21 amount is below the band 2 rate for 2025/26 (£24,465). So "
        "Annex 21 percentages do not suit this post unless the trust protects pay: check with "
        "human resources (HR)."
    )


@pytest.mark.parametrize(
    ("months", "years"), [(12, [1]), (18, [2, 1]), (24, [2, 1]), (36, [3, 2, 1])]
)
def test_programme_length_decides_the_annex21_rows(
    library: Library, tmp_path: Path, months: int, years: list[int]
) -> None:
    trust = trust_with(tmp_path, f"  pay_basis: annex21\n  programme_months: {months}\n")
    _, trainee = packs(library, "dietetics", trust)
    assert trainee.pay.annex21 is not None
    assert [r.years_before_completion for r in trainee.pay.annex21] == years


def test_annex21_for_2024_25_rounds_half_up(library: Library, tmp_path: Path) -> None:
    trust = trust_with(tmp_path, "  pay_basis: annex21\n")
    role = role_from_options("dietetics", 3, trust, library)
    pack = compose(role, library, datetime.date(2025, 1, 15))
    assert pack.pay.annex21 is not None
    # band 4 maximum £29,114: 70% is £20,379.80 and 75% is £21,835.50, both below band 2 (£23,615)
    assert [(r.pct, r.amount, r.below_band2) for r in pack.pay.annex21] == [
        (70, 20380, True),
        (75, 21836, True),
    ]
    assert pack.warnings[0].startswith(
        "Annex 21 pay is below the band 2 rate for 2024/25 (£23,615): 75% of the band 4 "
        "maximum of £29,114 is £21,836 and 70% is £20,380."
    )


def test_annex21_amounts_at_or_above_band2_are_not_flagged(tmp_path: Path) -> None:
    standards = tmp_path / "standards"
    standards.mkdir()
    afc = (ROOT / "standards" / "afc_terms.yaml").read_text()
    afc = afc.replace(
        "{years_before_completion: 1, pct: 75}", "{years_before_completion: 1, pct: 90}"
    )
    (standards / "afc_terms.yaml").write_text(afc)
    library = Library(standards_dir=standards)
    trust = trust_with(tmp_path, "  pay_basis: annex21\n")
    _, trainee = packs(library, "dietetics", trust)
    assert trainee.pay.annex21 is not None
    assert [(r.pct, r.amount, r.below_band2, r.note) for r in trainee.pay.annex21] == [
        (70, 21113, True, "below the band 2 rate for 2025/26 (£24,465)"),
        (90, 27146, False, None),
    ]
    assert trainee.warnings == [
        "Annex 21 pay is below the band 2 rate for 2025/26 (£24,465): 70% of the band 4 maximum "
        "of £30,162 is £21,113. Annex 21 percentages do not suit this post unless the trust "
        "protects pay: check with human resources (HR)"
    ]
    assert trainee.training is not None
    assert (
        "Warning: the Annex 21 amount at 70% is below the band 2 rate"
        in trainee.training.pay_basis_text
    )


def test_build_prints_the_annex21_warning(runner: CliRunner, in_tmp: Path) -> None:
    trust = trust_with(in_tmp, "  pay_basis: annex21\n  programme_months: 48\n")
    result = runner.invoke(
        cli,
        [
            *["build", "--specialty", "audiology", "--band", "3", "--trust", str(trust)],
            *["-f", "json", "--as-of", "2026-01-15"],
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"warning: {ANNEX21_WARNING_2025}\n"
    data = json.loads((in_tmp / result.stdout.strip()).read_text())
    assert [r["below_band2"] for r in data["pay"]["annex21"]] == [True] * 4
    assert data["pay"]["warning"] == ANNEX21_WARNING_2025


# --- validation of the trainee settings and forms ------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "  programme_months: 60\n",
            "trainee.programme_months: must be at most 48, not 60",
        ),
        (
            "  programme_months: 6\n",
            "trainee.programme_months: must be at least 12, not 6",
        ),
        (
            "  pay_basis: annex\n",
            "trainee.pay_basis: 'annex' is not allowed (allowed: band, annex21)",
        ),
        (
            "  milestone_months: [12, 6]\n",
            "trainee.milestone_months: list each review month once, earliest first, such as "
            "[6, 12, 18]",
        ),
        (
            "  programme_months: 18\n  milestone_months: [6, 18]\n",
            "trainee.milestone_months[1]: month 18 is not before the end of the 18-month "
            "programme (trainee.programme_months); completion is always the last milestone",
        ),
    ],
)
def test_trust_trainee_settings_are_validated(
    runner: CliRunner, in_tmp: Path, settings: str, message: str
) -> None:
    trust_with(in_tmp, settings)
    result = runner.invoke(cli, ["validate", "trust.yaml"])
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


def test_annex21_schedule_too_short_for_the_programme(runner: CliRunner, in_tmp: Path) -> None:
    standards = in_tmp / "standards"
    standards.mkdir()
    afc = (ROOT / "standards" / "afc_terms.yaml").read_text()
    cut = afc.index("    - {years_before_completion: 3")
    afc = afc[:cut] + afc[afc.index("  note:", cut) :]
    (standards / "afc_terms.yaml").write_text(afc)
    trust_with(in_tmp, "  pay_basis: annex21\n  programme_months: 36\n")
    result = runner.invoke(cli, ["--standards", "standards", "validate", "trust.yaml"])
    assert result.exit_code == 1
    assert (
        "trainee.programme_months: a 36-month programme spans 3 years of the Annex 21 "
        "schedule, but afc_terms.yaml has 2 row(s)"
    ) in result.stderr


def test_profile_trainee_text_must_change_a_clinical_duty(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "local_x.yaml").write_text(
        "id: local_x\nextends: _core\nname: X\njob_title: Assistant Practitioner (X)\n"
        "directed_by: registered nurse\npurpose: Help.\n"
        "duties:\n"
        "  - id: x-dress\n    area: clinical\n    text: Dress wounds.\n    standards: [CS1.3]\n"
        "    trainee:\n      text: Dress   wounds.\n"
        "  - id: x-both\n    area: clinical\n    text: Take bloods.\n    standards: [CS1.3]\n"
        "    trainee: {drop: true, text: Learn it.}\n"
        "core:\n  replace:\n    - id: core-assessment\n      text: Assess patients.\n"
        "sources:\n  - {title: T, url: 'https://example.org', status: SECONDARY}\n"
    )
    result = runner.invoke(cli, ["validate", "local_x.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        "local_x.yaml:13:7: duties[0].trainee.text: is the same as the band 4 text, but a "
        "clinical duty needs a qualified assistant practitioner: say how the trainee learns it "
        "under supervision, or use `drop: true`",
        "local_x.yaml:18:5: duties[1].trainee: use either `drop: true` or a trainee `text`, "
        "not both",
        "local_x.yaml:22:7: core.replace[0].text: replaces the text of 'core-assessment', "
        "whose trainee form in _core was written for the old text: give a `trainee:` form for "
        "the new text (or `trainee: {drop: true}`)",
    ]


# --- the default rule and local duties -----------------------------------------------------


def test_local_duties_take_trainee_forms_or_the_default_rule(
    library: Library, in_tmp: Path
) -> None:
    (in_tmp / "role.yaml").write_text(
        "specialty: diagnostic_radiography\nband: 3\ntrainee: true\n"
        "duties:\n  add:\n"
        "    - area: clinical\n      text: Perform mobile radiography on the wards.\n"
        "      standards: [CS1.3]\n"
        "    - area: clinical\n      text: ECG recording for cardiac patients.\n"
        "      standards: [CS1.3]\n"
        "    - area: teaching\n      text: Run the department's induction for new staff.\n"
        "      standards: [CS3.1]\n      trainee: {drop: true}\n"
        "    - area: records\n      text: Keep the equipment log.\n      standards: [CS2.4]\n"
    )
    pack = compose(load_role(in_tmp / "role.yaml", library), library, AS_OF)
    local = {d.id: d.text for d in pack.duties if d.id.startswith("local-")}
    assert local == {
        "local-duty-1": "Learn to perform mobile radiography on the wards, under the direct "
        "supervision of the registered diagnostic radiographer.",
        "local-duty-2": "Learn to ECG recording for cardiac patients, under the direct "
        "supervision of the registered diagnostic radiographer.",
        "local-duty-4": "Keep the equipment log.",
    }
    diff = pack.trainee_changes
    assert diff is not None
    assert [c.id for c in diff.duties_dropped] == ["local-duty-3"]
    assert diff.duties_unchanged == ["local-duty-4"]
    record = pack.training_record
    assert record is not None
    competency = next(c for a in record.areas for c in a.competencies if c.id == "local-duty-3")
    assert competency.while_training is None
    assert competency.text == "Run the department's induction for new staff."


# --- the diff ------------------------------------------------------------------------------

COMMUNITY_NURSING_DUTIES_CHANGED = [
    "core-delegated-care",
    "core-indirect-supervision",
    "core-assessment",
    "cn-home-visits",
    "cn-wound-care",
    "cn-compression",
    "cn-catheter-continence",
    "cn-palliative-home",
    "cn-observations",
    "cn-venepuncture",
    "core-person-centred",
    "core-mdt",
    "core-supervise-teach",
    "core-incidents-risk",
    "core-records",
    "core-audit-improvement",
    "core-cpd",
]
COMMUNITY_NURSING_CRITERIA_CHANGED = [
    "core-ps-level5",
    "core-ps-english-maths",
    "core-ps-care-certificate",
    "core-ps-experience",
    "cn-ps-community-experience",
    "core-ps-scope",
    "core-ps-governance-knowledge",
    "cn-ps-deterioration-knowledge",
    "core-ps-communication",
    "core-ps-it",
    "cn-ps-clinical-skills",
    "core-ps-values",
]


def test_diff_lists_exactly_the_changes_for_community_nursing(library: Library) -> None:
    band4, trainee = packs(library, "community_nursing")
    diff = trainee_diff(band4, trainee)
    assert (diff.band4_title, diff.trainee_title) == (
        "Assistant Practitioner (Community Nursing)",
        "Trainee Assistant Practitioner (Community Nursing)",
    )
    assert (diff.band4_band, diff.trainee_band, diff.pay_year) == (4, 3, "2025/26")
    assert (diff.band4_pay.text, diff.trainee_pay.text) == (
        "£27,485 to £30,162 a year",
        "£24,937 to £26,598 a year",
    )
    assert diff.pay_warning is None
    assert [c.id for c in diff.duties_changed] == COMMUNITY_NURSING_DUTIES_CHANGED
    assert [(c.id, c.trainee_text) for c in diff.duties_dropped] == [("cn-medicines", None)]
    assert diff.duties_dropped[0].band4_text.startswith("Give medicines, including insulin")
    assert (diff.duties_added, diff.duties_unchanged) == ([], [])
    assert [c.id for c in diff.criteria_changed] == COMMUNITY_NURSING_CRITERIA_CHANGED
    assert all(c.text_changed and not c.need_changed for c in diff.criteria_changed)
    assert [c.id for c in diff.criteria_dropped] == ["cn-ps-medicines-scope", "cn-ps-compression"]
    assert diff.criteria_added == []
    assert diff.criteria_unchanged == [
        "cn-ps-wound-catheter-experience",
        "cn-ps-travel",
        "cn-ps-venepuncture",
        "cn-ps-values",
    ]
    assert diff == trainee.trainee_changes


def test_diff_reports_essential_to_desirable(library: Library) -> None:
    band4, trainee = packs(library, "diagnostic_radiography")
    diff = trainee_diff(band4, trainee)
    assert [
        (c.id, c.band4_need, c.trainee_need) for c in diff.criteria_changed if c.need_changed
    ] == [
        ("rad-ps-imaging-experience", "essential", "desirable"),
        ("rad-ps-radiation-protection", "essential", "desirable"),
    ]


def test_diff_appendix_tables(library: Library) -> None:
    band4, trainee = packs(library, "community_nursing")
    appendix = diff_appendix(trainee_diff(band4, trainee))
    assert appendix.title == (
        "What changes from the band 4 post: Assistant Practitioner (Community Nursing)"
    )
    assert "No duties and 4 criteria read the same in both posts." in appendix.introduction
    tables = {table.title: table for table in appendix.tables}
    assert list(tables) == [
        "The post",
        "Duties changed for the trainee post",
        "Duties left out of the trainee post",
        "Person specification criteria changed",
        "Person specification criteria left out of the trainee post",
        "Training section added",
    ]
    assert tables["The post"].rows == [
        [
            "Job title",
            "Assistant Practitioner (Community Nursing)",
            "Trainee Assistant Practitioner (Community Nursing)",
        ],
        ["Band", "Band 4", "Band 3"],
        ["Pay (2025/26)", "£27,485 to £30,162 a year", "£24,937 to £26,598 a year"],
        ["Job purpose", band4.purpose, trainee.purpose],
    ]
    assert len(tables["Duties changed for the trainee post"].rows) == 17
    dropped = tables["Duties left out of the trainee post"]
    assert dropped.columns == ["Area", "Band 4 duty"]
    assert [row[0] for row in dropped.rows] == ["Clinical and technical practice"]
    criteria = tables["Person specification criteria left out of the trainee post"].rows
    assert [row[1].endswith(("(essential)", "(desirable)")) for row in criteria] == [True, True]
    assert [row[0] for row in tables["Training section added"].rows][-1] == "Pay basis"


def test_diff_command_text_and_json(runner: CliRunner) -> None:
    args = ["diff", "--specialty", "community_nursing", "--as-of", "2026-01-15"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Band:  4 -> 3\n" in text
    assert "Purpose: the trainee post adds, before the band 4 purpose:\n       This is a " in text
    assert "Pay:   £27,485 to £30,162 a year\n    -> £24,937 to £26,598 a year" in text
    assert "Duties changed (17):" in text and "Duties dropped (1):\n  cn-medicines (" in text
    assert "Criteria dropped (2):" in text and "Criteria added (0): none" in text
    assert "  Minimum hours:      At least 30 hours a week\n" in text
    data = json.loads(runner.invoke(cli, [*args, "--json"]).stdout)
    assert [c["id"] for c in data["duties_dropped"]] == ["cn-medicines"]
    assert data["band4_pay"]["minimum"] == 27485 and data["trainee_pay"]["maximum"] == 26598
    assert data["training"]["min_weekly_hours"] == 30


def test_diff_command_with_a_role_file(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["diff", str(EXAMPLES / "theatres.yaml"), "--as-of", "2025-01-15", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["specialty_id"] == "operating_theatres"
    assert (data["band4_pay"]["text"], data["trainee_pay"]["text"]) == (
        "£26,530 to £29,114 a year",
        "£24,071 to £25,674 a year",
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["diff"], 2, "give either a ROLE file or --specialty ID"),
        (["diff", "--specialty", "radiograpy"], 1, "unknown specialty 'radiograpy'"),
    ],
)
def test_diff_command_errors(runner: CliRunner, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output


def test_diff_command_does_not_import_renderers() -> None:
    probe = (
        "import sys\nfrom jdbuilder.cli import cli\n"
        "try:\n    cli(['diff', '--specialty', 'pathology', '--as-of', '2026-01-15'])\n"
        "except SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('weasyprint', 'docx') if m in sys.modules], file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stderr, result.stderr


# --- the training record -------------------------------------------------------------------


def test_training_record_has_every_band4_duty_as_a_competency(library: Library) -> None:
    band4, trainee = packs(library, "community_nursing")
    record = training_record(band4, trainee)
    assert record == trainee.training_record
    assert record.title == "Training record: Trainee Assistant Practitioner (Community Nursing)"
    assert record.columns == [
        "Competency",
        "Core standards",
        "Evidence",
        "Date achieved",
        "Assessor sign-off",
    ]
    assert [a.id for a in record.areas] == [a.id for a in band4.duty_areas]
    competencies = [c for a in record.areas for c in a.competencies]
    assert [(c.id, c.text) for c in competencies] == [(d.id, d.text) for d in band4.duties]
    while_training = {c.id: c.while_training for c in competencies}
    assert while_training["cn-medicines"] is None
    assert (
        while_training["cn-wound-care"] == {d.id: d.text for d in trainee.duties}["cn-wound-care"]
    )
    cited = {ref for c in competencies for ref in c.standards}
    assert {s.id for s in record.standards} == cited and all(s.text for s in record.standards)
    assert [n.split(":")[0] for n in record.not_assessed] == ["CS4", "CS5"]
    assert [(m.month, m.title) for m in record.milestones] == [
        (6, "6-month review"),
        (12, "12-month review"),
        (18, "18-month review"),
        (24, "Completion (24 months)"),
    ]
    assert record.milestones[0].checks[0].startswith("Care Certificate standards met")
    assert f"All {len(competencies)} competencies in this record signed off by an assessor" in (
        record.milestones[-1].checks
    )
    assert record.final_sign_off == ["Trainee", "Assessor", "Line manager"]


def test_band4_pack_has_no_trainee_parts(library: Library) -> None:
    band4, _ = packs(library, "audiology")
    assert (band4.training, band4.trainee_changes, band4.training_record) == (None, None, None)
    assert band4.pay.basis == "band" and band4.pay.annex21 is None


def test_role_titled_trainee_keeps_one_trainee_and_a_band4_title(
    library: Library, in_tmp: Path
) -> None:
    trust_with(in_tmp, "  pay_basis: band\n")
    (in_tmp / "role.yaml").write_text(
        "trust: trust.yaml\nspecialty: orthopaedics\nband: 3\ntrainee: true\n"
        "job_title: Trainee Assistant Practitioner (Plaster Room)\n"
    )
    pack = compose(load_role(in_tmp / "role.yaml", library), library, AS_OF)
    assert pack.job_title == "Trainee Assistant Practitioner (Plaster Room)"
    assert pack.trainee_changes is not None
    assert pack.trainee_changes.band4_title == "Assistant Practitioner (Plaster Room)"
    assert pack.training is not None
    assert pack.training.progression == (
        "On completing the level 5 qualification and being signed off as competent, you move "
        "to the band 4 Assistant Practitioner (Plaster Room) post."
    )


def test_role_added_duty_trainee_form_is_validated(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "role.yaml").write_text(
        "specialty: physiotherapy\nband: 4\n"
        "duties:\n  add:\n"
        "    - area: teaching\n      text: Teach the falls class.\n      standards: [CS3.1]\n"
        "      trainee: {text: Teach the falls class.}\n"
    )
    result = runner.invoke(cli, ["validate", "role.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "role.yaml:8:17: duties.add[0].trainee.text: is the same as the band 4 text, but a "
        "teaching duty needs a qualified assistant practitioner: say how the trainee learns it "
        "under supervision, or use `drop: true`"
    )
