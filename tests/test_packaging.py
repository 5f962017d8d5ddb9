"""A non-editable install works from any folder, with its data inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("jdbuilder-*.whl"))


def test_wheel_carries_the_data_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "jdbuilder/_data/standards/core_standards.yaml",
        "jdbuilder/_data/standards/afc_terms.yaml",
        "jdbuilder/_data/standards/clauses.yaml",
        "jdbuilder/_data/profiles/_core.yaml",
        "jdbuilder/_data/profiles/diagnostic_radiography.yaml",
        "jdbuilder/_data/examples/example-trust/trust.yaml",
        "jdbuilder/_data/examples/starter/role.yaml",
    ]
    assert [name for name in expected if name not in names] == []
    for folder in ("templates", "standards", "profiles"):
        source_files = {
            p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file()
        }
        packaged = {f"jdbuilder/_data/{name}" for name in source_files}
        assert packaged <= names, folder


def test_installed_wheel_works_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel alone into a new venv; its dependencies come from this venv."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # a plain path line: this venv's packages become importable, but its .pth files (the
    # editable jdbuilder among them) are not run, so only the wheel's jdbuilder is found
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    jdbuilder = str(venv / "bin" / "jdbuilder")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([jdbuilder, *args], cwd=work, env=env, capture_output=True, text=True)

    where = subprocess.run(
        [str(python), "-c", "import jdbuilder.resources as r; print(r.data_root())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), where
    assert run("init", "mytrust").returncode == 0
    checked = run("validate", "mytrust/trust.yaml", "mytrust/role.yaml")
    assert checked.returncode == 0, checked.stderr
    built = run("build", "mytrust/role.yaml", "-f", "json", "--as-of", "2026-01-15")
    assert built.returncode == 0, built.stderr
    pack = json.loads((work / built.stdout.strip()).read_text())
    assert pack["specialty_id"] == "diagnostic_radiography"
    documents = run(
        "build", "mytrust/role.yaml", "-f", "pdf", "-o", "docs", "--as-of", "2026-01-15"
    )
    assert documents.returncode == 0, documents.stderr
    assert len(list((work / "docs").glob("*.pdf"))) == 2  # templates and fonts from the wheel
    module = subprocess.run(
        [str(python), "-m", "jdbuilder", "specialties"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert module.returncode == 0 and "stroke_rehabilitation" in module.stdout
