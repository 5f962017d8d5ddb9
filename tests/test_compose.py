"""Composition of a job pack from a role, its trust, its profile and the standards."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES

from jdbuilder.compose import compose
from jdbuilder.errors import JDBuilderError
from jdbuilder.inputs import load_role, role_from_options
from jdbuilder.library import Library


@pytest.mark.parametrize(
    ("role_file", "specialty", "hours", "contract"),
    [
        ("radiography.yaml", "diagnostic_radiography", 37.5, "Permanent"),
        ("stroke-rehabilitation.yaml", "stroke_rehabilitation", 30.0, "Permanent"),
        ("theatres.yaml", "operating_theatres", 37.5, "Fixed term: 12 months"),
    ],
)
def test_example_roles_compose(
    library: Library, role_file: str, specialty: str, hours: float, contract: str
) -> None:
    pack = compose(load_role(EXAMPLES / role_file, library), library, AS_OF)
    assert pack.specialty_id == specialty
    assert pack.band == 4 and not pack.trainee
    assert pack.job_title.startswith(("Assistant Practitioner (", "Assistant Theatre Practitioner"))
    assert (pack.hours_per_week, pack.contract_text) == (hours, contract)
    assert pack.pay.pay_year == "2025/26"
    assert pack.pay.range_text == "£27,485 to £30,162 a year"
    assert pack.warnings == []
    assert pack.trust.name == "Example Valley NHS Foundation Trust" and pack.trust.example
    assert 12 <= len(pack.duties) <= 20
    assert next(area.id for area in pack.duty_areas) == "clinical"
    assert all(duty.origin.split(":")[0].endswith(".yaml") for duty in pack.duties)
    assert {c.id for c in pack.clauses} >= {"safeguarding", "dbs", "review", "code_of_conduct"}
    assert pack.review_date == datetime.date(2027, 1, 15)
    assert "{" not in " ".join(d.text for d in pack.duties)


def test_every_duty_and_criterion_traced(library: Library) -> None:
    pack = compose(load_role(EXAMPLES / "radiography.yaml", library), library, AS_OF)
    for item in [*pack.duties, *pack.criteria]:
        assert item.standards, item.id
    evidenced = {c.id for s in pack.core_standards for c in s.clauses if c.evidenced_by}
    assert {"CS1.1", "CS1.2", "CS1.3", "CS2.4", "CS3.2", "CS6.1"} <= evidenced
    not_assessed = {s.id: s.not_assessed_reason for s in pack.core_standards if not s.clauses}
    assert set(not_assessed) == {"CS4", "CS5"}
    assert all(reason and "not retrieved" in reason for reason in not_assessed.values())


def test_pay_year_chosen_by_date(library: Library) -> None:
    role = role_from_options("diagnostic_radiography", 4, None, library)
    pack = compose(role, library, datetime.date(2024, 6, 1))
    assert (pack.pay.pay_year, pack.pay.points) == ("2024/25", [26530, 29114])
    assert pack.warnings == []


def test_pay_year_with_unverified_points_warns(library: Library) -> None:
    role = role_from_options("diagnostic_radiography", 4, None, library)
    pack = compose(role, library, datetime.date(2026, 11, 22))
    assert pack.pay.pay_year == "2025/26"
    assert pack.warnings == [
        "pay points for 2026/27 are not in the data yet (the 3.3% award is confirmed, the pay "
        "table is not verified); pay shown is for 2025/26 and may be out of date: check the "
        "NHS Employers pay tables, or pass --as-of to choose the pay year"
    ]


def test_date_after_the_data_warns(library: Library) -> None:
    role = role_from_options("diagnostic_radiography", 4, None, library)
    pack = compose(role, library, datetime.date(2027, 6, 1))
    assert pack.warnings == [
        "the date 2027-06-01 is after the last pay year in the data (2026/27, to 2027-03-31); "
        "pay shown is for 2025/26 and may be out of date"
    ]


def test_date_before_the_data_is_an_error(library: Library) -> None:
    role = role_from_options("diagnostic_radiography", 4, None, library)
    with pytest.raises(
        JDBuilderError, match="no pay year in the data starts on or before 2020-01-01"
    ):
        compose(role, library, datetime.date(2020, 1, 1))


def test_local_duties_added_and_dropped(library: Library, in_tmp: Path) -> None:
    (in_tmp / "role.yaml").write_text(
        "specialty: diagnostic_radiography\nband: 4\n"
        "duties:\n  drop: [core-audit-improvement]\n  add:\n"
        "    - area: clinical\n      text: Perform mobile radiography on the wards.\n"
        "      standards: [CS1.3]\n"
        "criteria:\n  add:\n    - category: experience\n      text: Experience of mobile work\n"
        "      need: desirable\n      assessed: [A]\n      standards: [CS2.5]\n"
    )
    pack = compose(load_role(in_tmp / "role.yaml", library), library, AS_OF)
    ids = [d.id for d in pack.duties]
    assert "core-audit-improvement" not in ids
    local = next(d for d in pack.duties if d.id == "local-duty-1")
    assert (local.text, local.origin) == ("Perform mobile radiography on the wards.", "role.yaml:6")
    criterion = next(c for c in pack.criteria if c.id == "local-criterion-1")
    assert (criterion.need, criterion.origin) == ("desirable", "role.yaml:11")


def test_trainee_variant(library: Library) -> None:
    role = load_role(EXAMPLES / "radiography.yaml", library)
    band4 = compose(role, library, AS_OF)
    pack = compose(role, library, AS_OF, trainee=True)
    assert pack.trainee and pack.band == 3
    assert pack.job_title == "Trainee Assistant Practitioner (Diagnostic Radiography)"
    assert pack.pay.range_text == "£24,937 to £26,598 a year"
    assert pack.training is not None and pack.training.min_weekly_hours == 30
    level5 = next(c for c in pack.criteria if c.id == "core-ps-level5")
    assert level5.text.startswith("Commitment to complete a ")
    assert level5.band4_text is not None and level5.band4_text.startswith("A level 5 ")
    band4_texts = {d.text for d in band4.duties}
    for duty in pack.duties:
        if duty.area in ("clinical", "teaching"):
            assert duty.text not in band4_texts, duty.id


def test_profile_words_fill_core_text(library: Library) -> None:
    """Mental health posts say "service users" in the shared core duties too."""
    pack = compose(role_from_options("mental_health", 4, None, library), library, AS_OF)
    assessment = next(d for d in pack.duties if d.id == "core-assessment")
    assert assessment.text.startswith("Contribute to the assessment of service users' needs")
    assert assessment.origin.startswith("profiles/_core.yaml:")
    radiography = compose(
        role_from_options("diagnostic_radiography", 4, None, library), library, AS_OF
    )
    assert "patients' needs" in next(
        d.text for d in radiography.duties if d.id == "core-assessment"
    )


def test_local_clinical_duty_is_derived_for_a_trainee(library: Library, in_tmp: Path) -> None:
    (in_tmp / "role.yaml").write_text(
        "specialty: diagnostic_radiography\nband: 3\ntrainee: true\n"
        "duties:\n  add:\n"
        "    - area: clinical\n      text: Perform mobile radiography on the wards.\n"
        "      standards: [CS1.3]\n"
    )
    pack = compose(load_role(in_tmp / "role.yaml", library), library, AS_OF)
    local = next(d for d in pack.duties if d.id == "local-duty-1")
    assert local.text == (
        "Learn to perform mobile radiography on the wards, under the direct supervision of the "
        "registered diagnostic radiographer."
    )
    assert local.band4_text == "Perform mobile radiography on the wards."
