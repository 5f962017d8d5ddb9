"""Schema and cross-file validation: every mistake at once, in plain English, with positions."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES

from jdbuilder.cli import cli

GOOD_ROLE = """\
trust: trust.yaml
specialty: diagnostic_radiography
band: 4
hours_per_week: 37.5
closing_date: 2026-12-14
"""


def trust_folder(tmp: Path) -> Path:
    shutil.copy(EXAMPLES / "trust.yaml", tmp / "trust.yaml")
    shutil.copy(EXAMPLES / "logo.png", tmp / "logo.png")
    return tmp


def validate(runner: CliRunner, *files: str) -> tuple[int, list[str], str]:
    result = runner.invoke(cli, ["validate", *files])
    return result.exit_code, result.stderr.splitlines(), result.stdout


def test_valid_files_pass(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(GOOD_ROLE)
    code, errors, out = validate(runner, "trust.yaml", "role.yaml")
    assert (code, errors) == (0, [])
    assert out.splitlines() == ["ok  trust.yaml: trust", "ok  role.yaml: role"]


def test_every_schema_error_at_once_sorted_by_line(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        "trust: trust.yaml\n"
        "specialty: diagnostic_radiography\n"
        "band: five\n"
        "hours_per_wek: 37.5\n"
        "closing_date: 14/12/2026\n"
        "contract: permenant\n"
    )
    code, errors, _ = validate(runner, "role.yaml")
    assert code == 1
    assert errors == [
        "role.yaml:3:1: band: must be a whole number, not 'five'",
        "role.yaml:4:1: hours_per_wek: unknown key; did you mean `hours_per_week`?",
        "role.yaml:5:1: closing_date: '14/12/2026' is not a date; write it as YYYY-MM-DD, "
        "such as 2026-12-15",
        "role.yaml:6:1: contract: 'permenant' is not allowed "
        "(allowed: permanent, fixed_term, secondment, bank)",
        "4 problems found",
    ]


def test_unknown_core_standard_clause(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        GOOD_ROLE
        + "duties:\n  add:\n"
        + "    - area: clinical\n      text: Perform mobile radiography on the wards.\n"
        + "      standards: [CS1.3]\n"
        + "    - area: clinical\n      text: Help in the fluoroscopy suite.\n"
        + "      standards: [CS1.3, CS9.1, CS4.1]\n"
    )
    code, errors, _ = validate(runner, "role.yaml")
    allowed = "CS1.1, CS1.2, CS1.3, CS1.4, CS2.1, CS2.2, CS2.3, CS2.4, CS2.5, CS3.1, CS3.2, CS6.1"
    assert code == 1
    assert errors[0] == (
        f"role.yaml:13:26: duties.add[1].standards[1]: unknown core standard clause 'CS9.1' "
        f"(allowed: {allowed})"
    )


def test_band_and_hours_rules(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        "trust: trust.yaml\nspecialty: diagnostic_radiography\nband: 3\nhours_per_week: 40\n"
    )
    code, errors, _ = validate(runner, "role.yaml")
    assert code == 1
    assert errors[:2] == [
        "role.yaml:3:1: band: band 3 is only for a trainee post: add `trainee: true` or use band 4",
        "role.yaml:4:1: hours_per_week: must be more than 0 and at most 37.5 (full time), not 40",
    ]


def test_zero_hours_and_trainee_at_band_4(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        "trust: trust.yaml\nspecialty: diagnostic_radiography\nband: 4\ntrainee: true\n"
        "hours_per_week: 0\n"
    )
    _, errors, _ = validate(runner, "role.yaml")
    assert errors[:2] == [
        "role.yaml:3:1: band: a trainee post is band 3, not band 4",
        "role.yaml:5:1: hours_per_week: must be more than 0 and at most 37.5 (full time), not 0",
    ]


def test_unknown_specialty_suggests(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        "trust: trust.yaml\nspecialty: diagnostic_radiograhy\nband: 4\n"
    )
    _, errors, _ = validate(runner, "role.yaml")
    assert errors[0] == (
        "role.yaml:2:1: specialty: unknown specialty 'diagnostic_radiograhy'; did you mean "
        "'diagnostic_radiography'? run `jdbuilder specialties` to list them"
    )


def test_missing_required_key(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "role.yaml").write_text("specialty: diagnostic_radiography\n")
    _, errors, _ = validate(runner, "role.yaml")
    assert errors[0] == "role.yaml:1:1: band: this key is required but missing"


def test_logo_rules(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "inner").mkdir()
    (in_tmp / "logo.png").write_bytes(b"png")
    (in_tmp / "inner" / "logo.gif").write_bytes(b"gif")
    (in_tmp / "inner" / "a.yaml").write_text("name: A Trust\nlogo: ../logo.png\n")
    (in_tmp / "inner" / "b.yaml").write_text("name: B Trust\nlogo: logo.gif\n")
    (in_tmp / "inner" / "c.yaml").write_text("name: C Trust\nlogo: missing.svg\n")
    _, errors, _ = validate(runner, "inner/a.yaml", "inner/b.yaml", "inner/c.yaml")
    assert errors == [
        "inner/a.yaml:2:1: logo: '../logo.png' must be inside the trust file's folder",
        "inner/b.yaml:2:1: logo: 'logo.gif' must be a PNG, JPEG or SVG file",
        "inner/c.yaml:2:1: logo: logo file 'missing.svg' not found",
        "3 problems found",
    ]


def test_trust_clause_override_typo(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "t.yaml").write_text("name: A Trust\nclauses:\n  safegarding: Our words.\n")
    _, errors, _ = validate(runner, "t.yaml")
    assert errors[0].startswith(
        "t.yaml:3:3: clauses.safegarding: unknown clause; did you mean `safeguarding`?"
    )


def test_an_empty_barred_list_is_an_error_not_a_crash(runner: CliRunner, in_tmp: Path) -> None:
    """The DBS clause names the barred lists checked; with none it could not be written."""
    (in_tmp / "t.yaml").write_text("name: A Trust\ndbs:\n  level: enhanced\n  barred_lists: []\n")
    code, errors, _ = validate(runner, "t.yaml")
    assert code == 1
    assert errors == ["t.yaml:4:3: dbs.barred_lists: needs at least 1 item(s)", "1 problem found"]


def test_wrong_types_in_nested_lists(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        GOOD_ROLE + "criteria:\n  add:\n    - category: skils\n      text: ''\n"
        "      need: essential\n      assessed: A\n      standards: []\n"
    )
    _, errors, _ = validate(runner, "role.yaml")
    assert errors[:3] == [
        "role.yaml:8:7: criteria.add[0].category: 'skils' is not allowed "
        "(allowed: qualifications, experience, knowledge, skills, values)",
        "role.yaml:9:7: criteria.add[0].text: must not be empty",
        "role.yaml:11:7: criteria.add[0].assessed: must be a list (lines starting with '- '), not 'A'",
    ]


def test_file_of_unknown_kind(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "x.yaml").write_text("colour: blue\n")
    _, errors, _ = validate(runner, "x.yaml")
    assert errors[0] == (
        "x.yaml:1:1: cannot tell what this file is: a role has `specialty:`, a profile has "
        "`extends:`, a trust has `name:`"
    )


def test_bad_and_good_files_together(runner: CliRunner, in_tmp: Path) -> None:
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(GOOD_ROLE)
    (in_tmp / "empty.yaml").write_text("")
    code, errors, out = validate(runner, "role.yaml", "empty.yaml", "gone.yaml")
    assert code == 1
    assert out == "ok  role.yaml: role\n"
    assert errors == [
        "empty.yaml: file is empty; it needs YAML keys such as `name: ...`",
        "gone.yaml: file not found",
        "2 problems found",
    ]


def test_every_builtin_file_is_valid(runner: CliRunner) -> None:
    root = EXAMPLES.parent.parent
    files = sorted(str(p) for p in [*root.glob("standards/*.yaml"), *root.glob("profiles/*.yaml")])
    code, errors, _ = validate(runner, *files)
    assert (code, errors) == (0, [])


def test_one_mistake_does_not_hide_another(runner: CliRunner, in_tmp: Path) -> None:
    """A schema error in one key and a cross-file error in another are reported together."""
    trust_folder(in_tmp)
    (in_tmp / "role.yaml").write_text(
        "trust: trsut.yaml\nspecialty: diagnostic_radiography\nband: 4\nhours_per_wek: 37.5\n"
    )
    (in_tmp / "t.yaml").write_text("name: A Trust\nlogo: ../x.png\nbrand_colour: blue\n")
    code, errors, _ = validate(runner, "role.yaml", "t.yaml")
    assert code == 1
    assert errors == [
        "role.yaml:1:1: trust: trust file 'trsut.yaml' not found",
        "role.yaml:4:1: hours_per_wek: unknown key; did you mean `hours_per_week`?",
        "t.yaml:2:1: logo: '../x.png' must be inside the trust file's folder",
        "t.yaml:3:1: brand_colour: 'blue' is not a colour written #RRGGBB, such as #005EB8",
        "4 problems found",
    ]
