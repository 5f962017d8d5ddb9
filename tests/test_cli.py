"""The command line: round trips, exit codes, help text and start-up weight."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from jdbuilder.cli import cli


def test_init_validate_build_round_trip(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(cli, ["init", "mytrust"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (in_tmp / "mytrust").iterdir()) == [
        "logo.png",
        "role.yaml",
        "trust.yaml",
    ]
    result = runner.invoke(cli, ["validate", "mytrust/trust.yaml", "mytrust/role.yaml"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli, ["build", "mytrust/role.yaml", "-f", "json", "-o", "packs", "--as-of", "2026-01-15"]
    )
    assert result.exit_code == 0, result.output
    written = result.stdout.split()
    assert written == [
        "packs/example-valley-assistant-practitioner-diagnostic-radiography-band4-pack.json"
    ]
    pack = json.loads((in_tmp / written[0]).read_text())
    assert pack["job_title"] == "Assistant Practitioner (Diagnostic Radiography)"
    assert pack["pay"]["range_text"] == "£27,485 to £30,162 a year"
    first_duty = pack["duty_areas"][0]["duties"][0]
    assert first_duty["origin"].startswith(("profiles/", "/")) and ".yaml:" in first_duty["origin"]


def test_init_refuses_to_overwrite(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "role.yaml").write_text("kept: true\n")
    result = runner.invoke(cli, ["init", "mine"])
    assert result.exit_code == 1
    assert result.stderr == "Error: mine/role.yaml already exist(s); choose an empty folder\n"
    assert (in_tmp / "mine" / "role.yaml").read_text() == "kept: true\n"
    assert not (in_tmp / "mine" / "trust.yaml").exists()


def test_build_by_specialty_without_files(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(
        cli,
        ["build", "--specialty", "stroke_rehabilitation", "-f", "json", "--as-of", "2026-01-15"],
    )
    assert result.exit_code == 0, result.output
    path = in_tmp / result.stdout.strip()
    assert path.parent.name == "out"
    assert json.loads(path.read_text())["specialty_id"] == "stroke_rehabilitation"


def test_build_warns_when_pay_may_be_out_of_date(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(
        cli, ["build", "--specialty", "operating_theatres", "-f", "json", "--as-of", "2027-06-01"]
    )
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: the date 2027-06-01 is after the last pay year")


def test_invalid_role_writes_nothing(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "role.yaml").write_text("specialty: nope\nband: 4\n")
    result = runner.invoke(cli, ["build", "role.yaml", "-f", "json", "-o", "o"])
    assert result.exit_code == 1
    assert "role.yaml:1:1: specialty: unknown specialty 'nope'" in result.stderr
    assert "Traceback" not in result.output
    assert not (in_tmp / "o").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "give either a ROLE file or --specialty ID"),
        (["build", "--specialty", "x", "--band", "5"], "'5' is not one of '4', '3'"),
        (
            ["build", "--specialty", "stroke_rehabilitation", "--as-of", "soon"],
            "'soon' is not a date",
        ),
        (["validate"], "Missing argument 'FILES...'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_format_is_exit_1(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(cli, ["build", "--specialty", "stroke_rehabilitation", "-f", "rtf"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown format 'rtf' (allowed: json")


def test_specialties_lists_profiles(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["specialties", "--json"])
    rows = json.loads(result.stdout)
    ids = [row["id"] for row in rows]
    assert {"diagnostic_radiography", "stroke_rehabilitation", "operating_theatres"} <= set(ids)
    assert "_core" not in ids
    assert all(row["directed_by"] and row["origin"] == "built-in" for row in rows)
    text = runner.invoke(cli, ["specialties"]).stdout
    assert "Assistant Practitioner (Diagnostic Radiography)" in text


def test_standards_say_what_is_not_verified(runner: CliRunner) -> None:
    text = runner.invoke(cli, ["standards"]).stdout
    assert "CS1.4" in text and "CS4  (headline not verified)" in text
    assert "Not assessed in full" in text
    rows = json.loads(runner.invoke(cli, ["standards", "--json"]).stdout)
    assert [row["id"] for row in rows] == ["CS1", "CS2", "CS3", "CS4", "CS5", "CS6"]
    assert [row["verified"] for row in rows] == [True, True, True, False, False, False]


def test_local_profiles_folder_layers_over_builtin(runner: CliRunner, in_tmp: Path) -> None:
    builtin = EXAMPLES.parent.parent / "profiles" / "stroke_rehabilitation.yaml"
    (in_tmp / "local").mkdir()
    text = builtin.read_text().replace("id: stroke_rehabilitation", "id: local_stroke")
    (in_tmp / "local" / "local_stroke.yaml").write_text(text)
    rows = json.loads(runner.invoke(cli, ["--profiles", "local", "specialties", "--json"]).stdout)
    local = next(row for row in rows if row["id"] == "local_stroke")
    assert local["origin"].endswith("local_stroke.yaml")


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert command.help and "Example" in result.stdout, name


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["validate", str(EXAMPLES / "radiography.yaml")],
        ["specialties"],
        ["build", str(EXAMPLES / "radiography.yaml"), "-f", "json", "-o", "{tmp}"],
    ],
)
def test_non_rendering_commands_do_not_import_renderers(args: list[str], tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    probe = (
        "import sys\nfrom jdbuilder.cli import cli\n"
        f"try:\n    cli({args!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('weasyprint', 'docx') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stderr, result.stderr
