"""The NHS Jobs advert: its boxes, their limits (read from standards/nhs_jobs.yaml), the
choices the composer makes to fit, and the files and command that deliver it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import AS_OF, EXAMPLES, ROOT

from jdbuilder.advert import (
    DESCRIPTION_NOTE,
    AdvertField,
    compose_advert,
    duty_priority,
    you_will,
)
from jdbuilder.cli import cli
from jdbuilder.compose import compose
from jdbuilder.inputs import load_role
from jdbuilder.library import Library
from jdbuilder.model import AdvertBox
from jdbuilder.paste import count_characters, paste_safe

NHS_JOBS = yaml.safe_load((ROOT / "standards" / "nhs_jobs.yaml").read_text())
BOXES = {
    box_id: AdvertBox(box_id, box["label"], box["min"], box["max"])
    for box_id, box in NHS_JOBS["fields"].items()
}
BOX_IDS = [
    "vacancy_title",
    "job_overview",
    "skills_and_qualities",
    "working_for_your_organisation",
    "job_description",
]
AS_OF_ARGS = ["--as-of", AS_OF.isoformat()]
EXAMPLE_ROLES = ["radiography.yaml", "stroke-rehabilitation.yaml", "theatres.yaml"]
INVISIBLE = re.compile(
    "[\t\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff\u00ad\u2018\u2019\u201c\u201d\u2013\u2014]"
)


def advert_for(library: Library, role_file: Path, **kwargs: Any) -> Any:
    return compose_advert(compose(load_role(role_file, library), library, AS_OF, **kwargs))


def write_role(folder: Path, trust: Path | None = None, **fields: Any) -> Path:
    """A diagnostic radiography role file in folder, with extra fields."""
    data = {
        "trust": str(trust or EXAMPLES / "trust.yaml"),
        "specialty": "diagnostic_radiography",
        "band": 4,
        **fields,
    }
    path = folder / "role.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def write_trust(folder: Path, **changes: Any) -> Path:
    """A copy of the example trust file (and its logo) in folder, with changes."""
    data = yaml.safe_load((EXAMPLES / "trust.yaml").read_text())
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    shutil.copy(EXAMPLES / "logo.png", folder / "logo.png")
    path = folder / "trust.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def local_duties(count: int, length: int) -> list[dict[str, Any]]:
    """Distinct clinical duties of about `length` characters each."""
    duties = []
    for index in range(1, count + 1):
        text = f"Local duty {index}: cover the weekend trauma list"
        while len(text) < length - 30:
            text += ", checking each request against the protocol"
        duties.append({"area": "clinical", "text": text + ".", "standards": ["CS1.3"]})
    return duties


# -- the limits are data -------------------------------------------------------------------


def test_limits_come_from_the_data(library: Library) -> None:
    pack = compose(load_role(EXAMPLES / "radiography.yaml", library), library, AS_OF)
    assert pack.advert_rules is not None
    assert [box.id for box in pack.advert_rules.boxes] == BOX_IDS
    assert {box.id: box for box in pack.advert_rules.boxes} == BOXES
    assert pack.advert_rules.source.url == NHS_JOBS["source"]["url"]
    advert = compose_advert(pack)
    for box in advert.boxes:
        assert (box.label, box.minimum, box.maximum) == (
            BOXES[box.id].label,
            BOXES[box.id].minimum,
            BOXES[box.id].maximum,
        )


def _limits() -> list[tuple[str, str, int]]:
    cases = [(box.id, "max", box.maximum) for box in BOXES.values()]
    cases += [(box.id, "min", box.minimum) for box in BOXES.values() if box.minimum]
    return cases


@pytest.mark.parametrize(("box_id", "which", "limit"), _limits())
def test_every_limit_at_just_under_and_just_over(box_id: str, which: str, limit: int) -> None:
    box = BOXES[box_id]

    def field(length: int) -> AdvertField:
        text = paste_safe("word " * (length // 5) + "x" * (length % 5))
        text = text + "y" * (length - len(text))  # paste_safe drops the trailing space
        return AdvertField(
            box.id, box.label, text, count_characters(text), box.minimum, box.maximum
        )

    inside, outside = (limit - 1, limit + 1) if which == "max" else (limit + 1, limit - 1)
    assert field(limit).characters == limit
    assert field(limit).problem is None
    assert field(inside).problem is None
    problem = field(outside).problem
    side = "over the maximum" if which == "max" else "under the minimum"
    assert problem is not None
    assert problem.startswith(
        f"{box.label} ({box.id}): {outside:,} characters, 1 {side} of {limit:,}."
    )


@pytest.mark.parametrize(("length", "fits"), [(69, True), (70, True), (71, False)])
def test_vacancy_title_limit_end_to_end(
    runner: CliRunner, in_tmp: Path, length: int, fits: bool
) -> None:
    maximum = BOXES["vacancy_title"].maximum
    assert maximum == 70  # the cases above are written for this limit
    title = ("Assistant Practitioner " * 4)[: length - 1].strip().ljust(length - 1, "x") + "\u2019"
    assert len(paste_safe(title)) == length
    write_role(in_tmp, job_title=title)
    result = runner.invoke(cli, ["build", "role.yaml", "-f", "advert", "-o", "out", *AS_OF_ARGS])
    if fits:
        assert result.exit_code == 0, result.output
        data = json.loads(next((in_tmp / "out").glob("*-advert.json")).read_text())
        assert data["vacancy_title"]["characters"] == length
        assert data["vacancy_title"]["text"].endswith("'")
    else:
        assert result.exit_code == 1
        assert (
            f"Vacancy Title (vacancy_title): {length} characters, 1 over the maximum of 70."
            in result.stderr
        )
        assert "Shorten `job_title` in the role file" in result.stderr
        assert not (in_tmp / "out").exists()


@pytest.mark.parametrize(
    ("length", "fits"),
    [(99, False), (100, True), (101, True), (1499, True), (1500, True), (1501, False)],
)
def test_about_limits_end_to_end(library: Library, in_tmp: Path, length: int, fits: bool) -> None:
    box = BOXES["working_for_your_organisation"]
    assert (box.minimum, box.maximum) == (100, 1500)  # the cases above are written for these
    # invisible and typographic characters pasted in from a document do not count
    about = "We\u2019re a trust.\u200b\u00a0" + "x" * (length - 15) + "   "
    assert len(paste_safe(about)) == length
    trust = write_trust(in_tmp, about=about)
    advert = advert_for(library, write_role(in_tmp, trust))
    field = advert.box("working_for_your_organisation")
    assert field.characters == length and field.text.startswith("We're a trust. x")
    assert (field.problem is None) == fits


def test_missing_about_is_reported_with_the_key(runner: CliRunner, in_tmp: Path) -> None:
    trust = write_trust(in_tmp, about=None)
    write_role(in_tmp, trust)
    result = runner.invoke(
        cli, ["build", "role.yaml", "-f", "advert,json", "-o", "out", *AS_OF_ARGS]
    )
    assert result.exit_code == 1
    assert (
        "Working for your Organisation (working_for_your_organisation): 0 characters, "
        "100 under the minimum of 100. trust.yaml has no `about` text: write 100 to 1,500 "
        "characters about working for the trust under `about`." in result.stderr
    )
    assert not (in_tmp / "out").exists()  # nothing written for the post, not even pack.json


def test_local_standards_change_the_limits(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "std").mkdir()
    data = yaml.safe_load((ROOT / "standards" / "nhs_jobs.yaml").read_text())
    data["fields"]["vacancy_title"]["max"] = 40
    data["counting"]["line_break_counts_as"] = 2
    (in_tmp / "std" / "nhs_jobs.yaml").write_text(yaml.safe_dump(data))
    role = str(EXAMPLES / "radiography.yaml")
    result = runner.invoke(cli, ["--standards", "std", "advert", role, "--json", *AS_OF_ARGS])
    assert result.exit_code == 1
    assert (
        "Vacancy Title (vacancy_title): 47 characters, 7 over the maximum of 40." in result.stderr
    )
    printed = json.loads(result.stdout)  # the advert is still printed, to show what is over
    overview = printed["skills_and_qualities"]
    assert overview["characters"] == len(overview["text"]) + overview["text"].count("\n")


def test_broken_local_limits_file_is_reported(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "std").mkdir()
    text = (ROOT / "standards" / "nhs_jobs.yaml").read_text()
    (in_tmp / "std" / "nhs_jobs.yaml").write_text(
        text.replace("    max: 1500\n", "    max: lots\n", 1)
    )
    role = str(EXAMPLES / "radiography.yaml")
    result = runner.invoke(cli, ["--standards", "std", "advert", role, *AS_OF_ARGS])
    assert result.exit_code == 1
    assert re.search(
        r"nhs_jobs\.yaml:\d+:\d+: fields\.job_overview\.max: must be a whole number", result.stderr
    )


# -- what the composer chooses ------------------------------------------------------------


def test_duty_priority_local_then_specialty_then_core(library: Library, in_tmp: Path) -> None:
    role = write_role(in_tmp, duties={"add": local_duties(1, 120)})
    pack = compose(load_role(role, library), library, AS_OF)
    kinds = [
        "local"
        if d.id.startswith("local-")
        else "core"
        if d.id.startswith("core-")
        else "specialty"
        for d in duty_priority(pack)
    ]
    assert kinds == sorted(kinds, key=["local", "specialty", "core"].index)
    assert kinds[0] == "local" and "specialty" in kinds and "core" in kinds


def test_main_duties_are_chosen_to_fit(library: Library) -> None:
    advert = advert_for(library, EXAMPLES / "radiography.yaml")
    box = advert.box("skills_and_qualities")
    lines = box.text.split("\n")
    assert lines[0] == "In this role you will:"
    listed = [line[2:] for line in lines if line.startswith("- ")]
    pack = compose(load_role(EXAMPLES / "radiography.yaml", library), library, AS_OF)
    ordered = [d.text for d in duty_priority(pack)]
    assert listed == [text for text in ordered if text in listed]  # most important first
    assert 0 < len(listed) < len(ordered)
    assert (
        lines[-1]
        == f"These are the main duties. The full job description is attached and lists all {len(ordered)} duties."
    )
    assert box.characters <= box.maximum
    # the job description box carries every duty
    description = advert.box("job_description").text
    assert all(text in description for text in ordered)
    assert DESCRIPTION_NOTE not in description


def test_local_additions_push_out_lower_priority_duties(library: Library, in_tmp: Path) -> None:
    added = local_duties(10, 300)
    advert = advert_for(library, write_role(in_tmp, duties={"add": added}))
    assert advert.problems == []
    skills = advert.box("skills_and_qualities")
    assert skills.text.split("\n")[1].startswith("- Local duty 1:")
    assert "Local duty 4:" in skills.text and "Local duty 10:" not in skills.text
    assert "Carry out activities delegated" not in skills.text  # a core duty
    description = advert.box("job_description")
    assert description.characters <= description.maximum
    assert all(duty["text"] in description.text for duty in added)
    # the policies go first, before any duty; the text says the full JD is attached
    pack = compose(load_role(in_tmp / "role.yaml", library), library, AS_OF)
    assert all(duty.text in description.text for duty in pack.duties)
    policies = [c for c in pack.clauses if c.advert_text and c.id != "dbs"]
    kept = [c for c in policies if f"{c.title}: {c.advert_text}" in description.text]
    assert len(kept) < len(policies)
    assert description.text.endswith(DESCRIPTION_NOTE)


def test_many_local_additions_drop_core_duties_before_specialty_ones(
    library: Library, in_tmp: Path
) -> None:
    added = local_duties(17, 300)
    role = write_role(in_tmp, duties={"add": added})
    pack = compose(load_role(role, library), library, AS_OF)
    advert = compose_advert(pack)
    description = advert.box("job_description")
    assert advert.problems == [] and description.characters <= description.maximum
    kept = {d.id for d in pack.duties if f"- {d.text}\n" in description.text + "\n"}
    core = {d.id for d in pack.duties if d.id.startswith("core-")}
    specialty = {d.id for d in pack.duties if d.id.startswith("rad-")}
    assert specialty <= kept
    assert core - kept  # some core duties left out ...
    assert {d.id for d in pack.duties if d.id.startswith("local-")} <= kept  # ... never a local one
    assert description.text.endswith(DESCRIPTION_NOTE)


def test_enormous_local_duty_fails_and_writes_nothing(runner: CliRunner, in_tmp: Path) -> None:
    write_role(in_tmp, duties={"add": local_duties(1, 9000)})
    result = runner.invoke(
        cli, ["build", "role.yaml", "-f", "advert,json", "-o", "out", *AS_OF_ARGS]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: the NHS Jobs advert for Assistant Practitioner (Diagnostic Radiography) breaks "
        "1 character limit (nothing is written for the post until it fits):\n  Job Description (job_description): "
    )
    assert re.search(
        r"\d{2},\d{3} characters, \d[\d,]* over the maximum of 10,000\.", result.stderr
    )
    assert "Shorten the duties added in the role file (role.yaml:" in result.stderr
    assert "Traceback" not in result.output
    assert not (in_tmp / "out").exists()
    # the advert command prints the advert, so the user can see what is over, and exits 1
    result = runner.invoke(cli, ["advert", "role.yaml", *AS_OF_ARGS])
    assert result.exit_code == 1
    assert "=== Job Description (" in result.stdout and "Local duty 1:" in result.stdout
    assert "over the maximum of 10,000" in result.stderr


def test_enormous_about_text_fails(runner: CliRunner, in_tmp: Path) -> None:
    trust = write_trust(in_tmp, about="We care. " * 200)
    write_role(in_tmp, trust)
    rows = trust.read_text().splitlines()
    line = next(number for number, row in enumerate(rows, 1) if row.startswith("about:"))
    result = runner.invoke(cli, ["build", "role.yaml", "-f", "advert", "-o", "out", *AS_OF_ARGS])
    assert result.exit_code == 1
    assert (
        "Working for your Organisation (working_for_your_organisation): 1,799 characters, "
        f"299 over the maximum of 1,500. Change the length of `about` (trust.yaml:{line})."
        in result.stderr
    )
    assert not (in_tmp / "out").exists()


# -- the example trust's adverts ----------------------------------------------------------


@pytest.mark.parametrize("role_file", EXAMPLE_ROLES)
@pytest.mark.parametrize("trainee", [False, True])
def test_example_adverts_fit_and_are_paste_safe(
    runner: CliRunner, in_tmp: Path, role_file: str, trainee: bool
) -> None:
    args = ["build", str(EXAMPLES / role_file), "-f", "advert", "-o", "out", *AS_OF_ARGS]
    result = runner.invoke(cli, [*args, *(["--trainee"] if trainee else [])])
    assert result.exit_code == 0, result.output
    txt_path, json_path = (Path(line) for line in result.stdout.split())
    assert txt_path.name.endswith("-advert.txt") and json_path.name.endswith("-advert.json")
    data = json.loads(json_path.read_text())
    text = txt_path.read_text()
    for box_id in BOX_IDS:
        box = data[box_id]
        assert set(box) == {"label", "text", "characters", "min", "max"}
        assert (box["label"], box["min"], box["max"]) == (
            BOXES[box_id].label,
            BOXES[box_id].minimum,
            BOXES[box_id].maximum,
        )
        assert box["characters"] == len(box["text"])  # no emoji, a line break counts 1
        assert (box["min"] or 0) <= box["characters"] <= box["max"]
        assert paste_safe(box["text"]) == box["text"]
        assert not INVISIBLE.search(box["text"]) and "\r" not in box["text"]
        assert all(line == line.rstrip() for line in box["text"].split("\n"))
        count = f"({box['characters']:,} of {box['max']:,} characters"
        assert f"=== {box['label']} {count}" in text
        assert box["text"] in text
    assert not INVISIBLE.search(text)


def test_advert_json_shape(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["advert", str(EXAMPLES / "theatres.yaml"), "--json", *AS_OF_ARGS])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "jdbuilder_advert",
        *BOX_IDS,
        "employer",
        "location",
        "pay_scheme",
        "band",
        "salary",
        "contract",
        "working_pattern",
        "hours",
        "closing_date",
        "reference",
        "contact",
        "dbs",
        "pay_year",
        "person_specification",
        "labels",
        "line_break_counts_as",
        "limits_source",
    ]
    assert data["jdbuilder_advert"] == 1
    assert data["vacancy_title"]["text"] == "Assistant Theatre Practitioner"
    assert {key: data[key] for key in ("pay_scheme", "band", "contract", "hours")} == {
        "pay_scheme": "Agenda for Change",
        "band": "Band 4",
        "contract": "Fixed term: 12 months",
        "hours": "37.5 hours a week",
    }
    assert data["salary"] == (
        "£27,485 to £30,162 a year, pro rata for part time (Agenda for Change pay rates for 2025/26)"
    )
    assert data["working_pattern"] == "Full time, Shifts, On call"
    assert (data["closing_date"], data["reference"], data["pay_year"]) == (
        "2026-12-14",
        "403-AP-THR-26",
        "2025/26",
    )
    assert data["contact"] == {
        "name": "Sam Taylor",
        "job_title": "Recruitment Lead, Allied Health Professions",
        "email": "recruitment@example.org",
        "phone": "01632 960000",
    }
    assert data["dbs"] == (
        "If you are offered the post, you will need a satisfactory enhanced Disclosure and "
        "Barring Service (DBS) check. This includes a check of the adults' barred list."
    )
    categories = [entry["category"] for entry in data["person_specification"]]
    assert categories[0] == "Qualifications and training"
    assert all(
        set(entry) == {"category", "essential", "desirable"}
        for entry in data["person_specification"]
    )
    assert data["labels"]["salary"] == "Salary" and data["limits_source"]["status"] == "OFFICIAL"


def test_advert_text_layout(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["advert", str(EXAMPLES / "stroke-rehabilitation.yaml"), *AS_OF_ARGS]
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("NHS Jobs advert: Assistant Practitioner (Stroke Rehabilitation)\n")
    assert (
        "=== Vacancy Title (46 of 70 characters) ===\nAssistant Practitioner (Stroke Rehabilitation)\n"
        in text
    )
    assert re.search(r"=== Job Overview \(\d{3} of 1,500 characters, at least 100\) ===\n", text)
    assert "\nHours: 30 hours a week\n" in text
    assert "\nWorking pattern: Part time, Flexible working\n" in text
    assert "\nClosing date: 14 December 2026\n" in text
    assert "\nPay scheme: Agenda for Change\nBand: Band 4\n" in text


def test_trainee_advert_says_band_3_and_the_trainee_title(runner: CliRunner) -> None:
    args = ["advert", str(EXAMPLES / "radiography.yaml"), "--trainee", "--json", *AS_OF_ARGS]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["band"] == "Band 3"
    assert (
        data["vacancy_title"]["text"] == "Trainee Assistant Practitioner (Diagnostic Radiography)"
    )
    assert data["salary"].startswith("£24,937 to £26,598 a year, pro rata for part time")
    overview = data["job_overview"]["text"]
    assert "looking for a Trainee Assistant Practitioner (Diagnostic Radiography)" in overview
    assert "You will learn to perform standard" in overview
    assert "This is a trainee post" in overview
    assert "Your training\n" in data["job_description"]["text"]
    by_specialty = runner.invoke(
        cli, ["advert", "--specialty", "pathology", "--band", "3", "--json", *AS_OF_ARGS]
    )
    assert json.loads(by_specialty.stdout)["band"] == "Band 3"


def test_overview_is_written_for_an_applicant(library: Library) -> None:
    advert = advert_for(library, EXAMPLES / "radiography.yaml")
    overview = advert.box("job_overview").text
    sentences = re.split(r"(?<=\.) (?=[A-Z])", overview)
    assert 2 <= len(sentences) <= 5
    assert sentences[0] == (
        "Example Valley NHS Foundation Trust is looking for an Assistant Practitioner "
        "(Diagnostic Radiography) to join our diagnostic imaging team."
    )
    assert sentences[1].startswith("You will perform standard, protocol-driven plain-film")
    assert "The registered diagnostic radiographer directs your work." in sentences
    assert "postholder" not in overview.lower()


@pytest.mark.parametrize(
    ("purpose", "applicant"),
    [
        ("Perform spirometry safely.", "You will perform spirometry safely."),
        ("The assistant practitioner delivers planned care.", "You will deliver planned care."),
        ("The postholder carries out delegated tasks.", "You will carry out delegated tasks."),
        (
            "The assistant practitioner applies, changes and removes casts, and teaches patients.",
            "You will apply, change and remove casts, and teach patients.",
        ),
        (
            "The assistant practitioner receives, prepares and analyses samples.",
            "You will receive, prepare and analyse samples.",
        ),
        ("The assistant practitioner is part of the team.", "You will be part of the team."),
        (
            "The assistant practitioner coordinates and delivers planned care.",
            "You will coordinate and deliver planned care.",
        ),
        ("A hospital laboratory team.", "A hospital laboratory team."),  # left as written
    ],
)
def test_purpose_in_the_second_person(purpose: str, applicant: str) -> None:
    assert you_will(purpose) == applicant


def test_every_builtin_specialty_overview_speaks_to_the_applicant(library: Library) -> None:
    from jdbuilder.inputs import role_from_options

    for specialty in library.profile_paths():
        for band in (4, 3):
            pack = compose(role_from_options(specialty, band, None, library), library, AS_OF)
            advert = compose_advert(pack)
            assert advert.problems == [], (specialty, band)
            second = re.split(r"(?<=\.) (?=[A-Z])", advert.box("job_overview").text)[1]
            start = "You will learn to " if band == 3 else "You will "
            assert second.startswith(start), (specialty, second)


def test_high_cost_area_supplement_in_the_salary(library: Library, in_tmp: Path) -> None:
    import datetime

    trust = write_trust(in_tmp, hcas_zone="outer_london")
    role = load_role(write_role(in_tmp, trust), library)
    advert = compose_advert(compose(role, library, datetime.date(2024, 6, 1)))
    assert advert.details["salary"] == (
        "£26,530 to £29,114 a year, pro rata for part time, plus a high cost area supplement "
        "(outer London) of 15% of basic pay, at least £4,552 and at most £5,735 a year "
        "(Agenda for Change pay rates for 2024/25)"
    )


def test_trust_clause_wording_replaces_the_advert_text(library: Library, in_tmp: Path) -> None:
    own = "Our own safeguarding words, which we use everywhere."
    trust = write_trust(in_tmp, clauses={"safeguarding": own, "dbs": "We check with the DBS."})
    advert = advert_for(library, write_role(in_tmp, trust))
    assert f"Safeguarding: {own}" in advert.box("job_description").text
    assert advert.details["dbs"] == "We check with the DBS."


def test_advert_command_does_not_import_renderers_for_documents() -> None:
    probe = (
        "import sys\nfrom jdbuilder.cli import cli\n"
        f"try:\n    cli(['advert', {str(EXAMPLES / 'radiography.yaml')!r}, '--as-of', '2026-01-15'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('weasyprint', 'docx') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stderr, result.stderr


def test_annex21_trainee_salary_says_how_it_is_paid(library: Library, in_tmp: Path) -> None:
    trust = write_trust(in_tmp, trainee={"pay_basis": "annex21"})
    role = load_role(write_role(in_tmp, trust), library)
    advert = compose_advert(compose(role, library, AS_OF, trainee=True))
    assert advert.details["band"] == "Band 3"
    assert advert.details["salary"] == (
        "£21,113 to £22,622 a year while you train, pro rata for part time, paid under Annex 21 "
        "as a percentage of the band 4 maximum (Agenda for Change pay rates for 2025/26)"
    )
