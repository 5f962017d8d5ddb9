"""`jdbuilder check` and `jdbuilder audit` on job descriptions written for the tests.

The samples (tests/jd_samples.py) are written with python-docx, WeasyPrint and LibreOffice
directly, never by jdbuilder, in the forms trusts hold them: Word, PDF, Markdown, plain text.
"""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from jd_samples import GOOD, SAMPLES, SampleJD, to_markdown, to_text, write_docx, write_pdf

from jdbuilder.cli import cli

AS_OF = "2026-01-15"
LOGO = EXAMPLES.parent / "starter" / "logo.png"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample in every form: NAME.docx, NAME.pdf, NAME.md, NAME.txt."""
    folder = tmp_path_factory.mktemp("samples")
    for name, jd in SAMPLES.items():
        write_docx(jd, folder / f"{name}.docx")
        write_pdf(jd, folder / f"{name}.pdf")
        (folder / f"{name}.md").write_text(to_markdown(jd), encoding="utf-8")
        (folder / f"{name}.txt").write_text(to_text(jd), encoding="utf-8")
    return folder


def check_json(runner: CliRunner, *args: str | Path) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(cli, ["check", "--as-of", AS_OF, "--json", *map(str, args)])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def by_path(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(entry["path"]).name: entry for entry in data["files"]}


def codes(entry: dict[str, Any], *severities: str) -> set[str]:
    return {f["code"] for f in entry["findings"] if not severities or f["severity"] in severities}


def statuses(entry: dict[str, Any]) -> dict[str, str]:
    return {
        f"{standard}.{clause}" if clause else standard: (value if clause else data["status"])
        for standard, data in entry["standards"].items()
        for clause, value in [("", None), *((c, v["status"]) for c, v in data["clauses"].items())]
    }


# --- the JSON shape (pinned) -------------------------------------------------------------------


def test_json_shape_is_the_one_in_the_issue(runner: CliRunner, samples: Path) -> None:
    code, data = check_json(runner, samples / "good.docx")
    assert code == 0
    assert list(data) == ["files"]
    [entry] = data["files"]
    assert list(entry) == ["path", "kind", "standards", "findings", "compliant"]
    assert entry["path"].endswith("good.docx") and entry["kind"] == "docx"
    assert entry["compliant"] is True
    assert list(entry["standards"]) == ["CS1", "CS2", "CS3", "CS4", "CS5", "CS6"]
    cs1 = entry["standards"]["CS1"]
    assert list(cs1) == ["status", "clauses"]
    assert cs1["status"] == "met"
    assert list(cs1["clauses"]) == ["1.1", "1.2", "1.3", "1.4"]
    assert cs1["clauses"]["1.4"] == {
        "status": "met",
        "evidence": [
            {
                "text": "This job description will be reviewed annually as part of the appraisal "
                "process, and in the light of changes to the service.",
                "location": "paragraph 40",
            }
        ],
    }
    cs4 = entry["standards"]["CS4"]
    assert list(cs4) == ["status", "clauses", "reason"]
    assert cs4["status"] == "not_assessed" and cs4["clauses"] == {}
    assert "was not retrieved" in cs4["reason"]
    assert entry["standards"]["CS6"]["status"] == "met"  # its clause 6.1 is verified
    for finding in entry["findings"]:
        assert list(finding) == ["severity", "code", "message", "location"]
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["location"] is None or isinstance(finding["location"], str)


# --- realistic job descriptions in every format ------------------------------------------------


@pytest.mark.parametrize("form", ["docx", "pdf", "md", "txt"])
def test_good_jd_is_compliant_in_every_format(runner: CliRunner, samples: Path, form: str) -> None:
    code, data = check_json(runner, samples / f"good.{form}")
    [entry] = data["files"]
    assert code == 0, codes(entry, "error")
    found = statuses(entry)
    assert {k: v for k, v in found.items() if k[:3] in ("CS4", "CS5")} == {
        "CS4": "not_assessed",
        "CS5": "not_assessed",
    }
    assert all(v == "met" for k, v in found.items() if k[:3] not in ("CS4", "CS5"))
    assert codes(entry, "error") == set()
    info = {f["code"]: f for f in entry["findings"] if f["severity"] == "info"}
    assert info["salary-matches"]["message"] == (
        "The salary £27,485 to £30,162 matches the band 4 pay points for 2025/26."
    )
    assert info["band-stated"]["message"] == "Band 4 is stated."
    assert info["hours-stated"]["message"] == "37.5 hours a week."
    assert info["review-date"]["message"].startswith("Last reviewed on 2025-03-31")
    assert "HCPC registered physiotherapists" in info["directed-by"]["message"]
    assert "accountable for their own actions" in info["accountability"]["message"]
    assert info["ps-level5"]["message"].startswith(
        "Level 5 qualification (essential): “Foundation degree"
    )
    assert {
        f"clause-present-{c}" for c in ("safeguarding", "dbs", "flexibility", "code-of-conduct")
    } <= set(info)


def test_locations_say_where_a_reader_finds_the_text(runner: CliRunner, samples: Path) -> None:
    _, data = check_json(
        runner,
        samples / "good.docx",
        samples / "good.pdf",
        samples / "good.md",
        samples / "good.txt",
    )
    files = by_path(data)
    salary = {
        name: next(f for f in e["findings"] if f["code"] == "salary-matches")
        for name, e in files.items()
    }
    assert salary["good.docx"]["location"] == "table 1, row 3"
    assert salary["good.pdf"]["location"] == "page 1"
    assert salary["good.md"]["location"] == "line 9"
    assert salary["good.txt"]["location"] == "line 7"
    review = next(f for f in files["good.docx"]["findings"] if f["code"] == "review-date")
    assert review["location"] == "footer (section 1)"
    review_pdf = next(f for f in files["good.pdf"]["findings"] if f["code"] == "review-date")
    assert review_pdf["location"].startswith("page ")


@pytest.mark.parametrize("form", ["docx", "pdf", "md", "txt"])
def test_thin_jd_fails_with_the_gaps_named(runner: CliRunner, samples: Path, form: str) -> None:
    code, data = check_json(runner, samples / f"thin.{form}")
    [entry] = data["files"]
    assert code == 1 and entry["compliant"] is False
    assert codes(entry, "error") == {
        "CS1.4-missing",
        "directed-by-missing",
        "accountability-missing",
        "ps-missing",
        "ps-level5-missing",
    }
    assert {
        "hours-missing",
        "review-date-missing",
        "clause-missing-safeguarding",
        "clause-missing-dbs",
    } <= codes(entry, "warning")
    assert "clause-partial-information-governance" in codes(entry, "info")
    assert entry["standards"]["CS2"]["status"] == "missing"


@pytest.mark.parametrize("form", ["docx", "pdf", "md", "txt"])
def test_old_jd_is_overdue_and_its_salary_out_of_date(
    runner: CliRunner, samples: Path, form: str
) -> None:
    code, data = check_json(runner, samples / f"old.{form}")
    [entry] = data["files"]
    assert code == 1
    assert codes(entry, "error") == {"review-overdue"}
    overdue = next(f for f in entry["findings"] if f["code"] == "review-overdue")
    assert "reviewed on 2023-06-12, more than 12 months before 2026-01-15" in overdue["message"]
    salary = next(f for f in entry["findings"] if f["code"].startswith("salary"))
    assert salary["severity"] == "warning" and salary["code"] == "salary-out-of-date"
    assert "2023/24" in salary["message"] and "2025/26" in salary["message"]


def test_review_months_and_as_of_change_what_is_overdue(runner: CliRunner, samples: Path) -> None:
    old = samples / "old.docx"
    result = runner.invoke(cli, ["check", str(old), "--as-of", AS_OF, "--review-months", "36"])
    assert result.exit_code == 0, result.output
    assert "Last reviewed on 2023-06-12; next review by 2026-06-12." in result.stdout
    good = samples / "good.docx"
    assert runner.invoke(cli, ["check", str(good), "--as-of", "2026-03-31"]).exit_code == 0
    later = runner.invoke(cli, ["check", str(good), "--as-of", "2026-04-01"])
    assert later.exit_code == 1
    assert "it was reviewed on 2025-03-31, more than 12 months before 2026-04-01" in later.stdout


@pytest.mark.parametrize("form", ["docx", "pdf", "md", "txt"])
def test_trainee_jd_is_checked_as_a_trainee_post(
    runner: CliRunner, samples: Path, form: str
) -> None:
    code, data = check_json(runner, samples / f"trainee.{form}")
    [entry] = data["files"]
    assert code == 0, codes(entry, "error")
    info = {f["code"]: f["message"] for f in entry["findings"] if f["severity"] == "info"}
    assert info["band-stated"] == "Band 3 is stated."  # "moving to band 4" is progression
    assert "band 3 pay points for 2025/26" in info["salary-matches"]
    assert "level 5 Assistant Practitioner (Health) apprenticeship" in info["trainee-programme"]
    assert "ps-level5-missing" not in codes(entry)
    # a trainee works under direct supervision, so distant guidance (clause 1.2) is not shown
    assert entry["standards"]["CS1"]["clauses"]["1.2"]["status"] == "missing"
    assert "CS1.2-missing" in codes(entry, "warning")


def test_a_trainee_post_without_its_programme_is_an_error(runner: CliRunner, in_tmp: Path) -> None:
    jd = SampleJD(
        trust=GOOD.trust,
        title="Trainee Assistant Practitioner",
        details=[("Job title", "Trainee Assistant Practitioner"), ("Band", "3")],
        sections=[("Duties", ["Help the therapists with patient care."])],
    )
    (in_tmp / "trainee.txt").write_text(to_text(jd))
    _, data = check_json(runner, "trainee.txt")
    assert "trainee-programme-missing" in codes(data["files"][0], "error")


@pytest.mark.parametrize("form", ["docx", "pdf", "md", "txt"])
def test_non_ap_jd_is_flagged(runner: CliRunner, samples: Path, form: str) -> None:
    code, data = check_json(runner, samples / f"non_ap.{form}")
    [entry] = data["files"]
    assert code == 1
    assert "role-not-ap" in codes(entry, "warning")
    band = next(f for f in entry["findings"] if f["code"] == "band-not-ap")
    assert band["severity"] == "error"
    assert band["message"] == "The post is band 5; an assistant practitioner post is band 4."
    assert "ps-level5-missing" in codes(entry, "error")


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_pdf_made_by_libreoffice_from_word(
    runner: CliRunner, samples: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(samples / "old.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    code, data = check_json(runner, tmp_path / "old.pdf")
    [entry] = data["files"]
    assert code == 1 and entry["kind"] == "pdf"
    assert codes(entry, "error") == {"review-overdue"}  # the footer is read from the PDF too
    assert statuses(entry)["CS3"] == "met"


def test_a_job_description_is_read_with_its_person_specification(
    runner: CliRunner, in_tmp: Path
) -> None:
    jd_part = SampleJD(GOOD.trust, GOOD.title, GOOD.details, GOOD.sections, [], GOOD.footer)
    ps_part = SampleJD(GOOD.trust, GOOD.title, [], [], GOOD.person_spec)
    write_docx(jd_part, in_tmp / "ap-band4-job-description.docx")
    write_docx(ps_part, in_tmp / "ap-band4-person-specification.docx")
    code, data = check_json(
        runner, "ap-band4-job-description.docx", "ap-band4-person-specification.docx"
    )
    [entry] = data["files"]  # the person specification is not reported on its own
    assert code == 0
    assert entry["path"] == "ap-band4-job-description.docx"
    assert entry["findings"][0]["message"] == (
        "Read with its person specification, ap-band4-person-specification.docx."
    )
    level5 = next(f for f in entry["findings"] if f["code"] == "ps-level5")
    assert level5["location"] == "ap-band4-person-specification.docx, table 2, row 2"


# --- bad files: each refused clearly, the rest still checked -----------------------------------


def _image_only_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_picture(str(LOGO))
    document.save(str(path))


def _image_only_pdf(path: Path) -> None:
    from weasyprint import HTML

    data = base64.b64encode(LOGO.read_bytes()).decode()
    HTML(string=f"<img src='data:image/png;base64,{data}' alt='scan'>").write_pdf(str(path))


def _encrypted_pdf(source: Path, path: Path, password: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="RC4-128")
    writer.write(path)


def _zip_bomb(path: Path) -> None:
    """A .docx whose one extra part inflates 20 MB of zeros from a few kilobytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/filler.bin", "w") as part:
            for _ in range(20):
                part.write(bytes(1024 * 1024))


def _many_parts(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(1001):
            archive.writestr(f"word/part{index}.xml", "<x/>")


BAD_FILES = {
    "corrupt.docx": "is damaged or not a Word document (.docx)",
    "corrupt.pdf": "is damaged and cannot be read as a PDF",
    "encrypted.pdf": "is password-protected (encrypted)",
    "encrypted.docx": "is password-protected (encrypted); remove the password in Word",
    "legacy-with-docx-name.docx": "is an older Word 97-2003 document (.doc), not .docx",
    "empty.docx": "is empty (0 bytes)",
    "empty.pdf": "is empty (0 bytes)",
    "blank.txt": "has no text",
    "scan.docx": "has no text, only images (a scanned page?)",
    "scan.pdf": "has no text on any of its 1 page, only images (a scanned document?)",
    "bomb.docx": "would unpack to 20 MB from a",
    "many-parts.docx": "has 1,002 parts inside",
    "huge.pdf": "is 21.0 MB, over the 20 MB limit",
    "old-format.doc": "is a .doc file, which cannot be read; open it in Word or LibreOffice",
    "notes.json": "is JSON but not a jdbuilder pack",
    "photo.png": "is not a kind of file jdbuilder can check",
    "missing.docx": "was not found",
}


@pytest.fixture
def bad_files(in_tmp: Path, samples: Path) -> Path:
    good = (samples / "good.docx").read_bytes()
    (in_tmp / "corrupt.docx").write_bytes(good[: len(good) // 2])
    (in_tmp / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n")
    _encrypted_pdf(samples / "good.pdf", in_tmp / "encrypted.pdf", "secret")
    # What Word writes for a password-protected .docx: an OLE compound file holding an
    # "EncryptedPackage" stream (built by hand here: no encryption tool is installed).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    (in_tmp / "encrypted.docx").write_bytes(ole)
    (in_tmp / "legacy-with-docx-name.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    )
    (in_tmp / "empty.docx").write_bytes(b"")
    (in_tmp / "empty.pdf").write_bytes(b"")
    (in_tmp / "blank.txt").write_text("\n   \n\n")
    _image_only_docx(in_tmp / "scan.docx")
    _image_only_pdf(in_tmp / "scan.pdf")
    _zip_bomb(in_tmp / "bomb.docx")
    _many_parts(in_tmp / "many-parts.docx")
    with (in_tmp / "huge.pdf").open("wb") as huge:
        huge.truncate(21 * 1024 * 1024)
    (in_tmp / "old-format.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (in_tmp / "notes.json").write_text('{"notes": []}')
    shutil.copy(LOGO, in_tmp / "photo.png")
    shutil.copy(samples / "good.docx", in_tmp / "good.docx")
    return in_tmp


def test_bad_files_are_refused_one_by_one_and_the_rest_checked(
    runner: CliRunner, bad_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    opened: list[str] = []
    real_document = docx.Document
    monkeypatch.setattr(docx, "Document", lambda f: opened.append("docx") or real_document(f))
    names = ["good.docx", *BAD_FILES]
    result = runner.invoke(cli, ["check", "--as-of", AS_OF, "--json", *names])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    files = by_path(json.loads(result.stdout))
    assert files["good.docx"]["compliant"] is True
    assert statuses(files["good.docx"])["CS1"] == "met"
    for name, reason in BAD_FILES.items():
        entry = files[name]
        assert entry["compliant"] is False and entry["standards"] == {}, name
        [finding] = entry["findings"]
        assert finding["severity"] == "error" and finding["code"] == "file-unreadable", name
        assert finding["message"].startswith(f"This file {reason}"), (name, finding["message"])
    assert "a zip bomb?); it was not unpacked" in files["bomb.docx"]["findings"][0]["message"]
    # python-docx opened only the good document and the image-only one: the bomb and the
    # many-parts file were refused from the zip directory alone
    assert opened == ["docx", "docx"]


def test_unreadable_files_in_the_terminal_report(runner: CliRunner, bad_files: Path) -> None:
    result = runner.invoke(cli, ["check", "--as-of", AS_OF, "encrypted.pdf", "good.docx"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "encrypted.pdf (PDF): NOT CHECKED (cannot be read)"
    assert lines[1].startswith("  This file is password-protected (encrypted)")
    assert lines[-1] == "2 files checked: 1 compliant, 1 not compliant (1 could not be read)"


def test_a_pdf_with_only_an_owner_password_is_read(
    runner: CliRunner, samples: Path, in_tmp: Path
) -> None:
    _encrypted_pdf(samples / "good.pdf", in_tmp / "restricted.pdf", "")
    code, data = check_json(runner, "restricted.pdf")
    assert code == 0 and data["files"][0]["compliant"] is True


def test_windows_1252_text_is_read(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "jd.txt").write_bytes(to_text(GOOD).encode("cp1252"))
    code, data = check_json(runner, "jd.txt")
    assert code == 0
    assert any("£27,485 to £30,162" in f["message"] for f in data["files"][0]["findings"])


# --- terminal and HTML reports, usage errors -----------------------------------------------------


def test_terminal_report_reads_well(runner: CliRunner, samples: Path) -> None:
    result = runner.invoke(
        cli, ["check", "--as-of", AS_OF, str(samples / "good.docx"), str(samples / "thin.docx")]
    )
    assert result.exit_code == 1
    text = result.stdout
    assert f"{samples / 'good.docx'} (Word document): COMPLIANT, 0 errors, " in text
    assert f"{samples / 'thin.docx'} (Word document): NOT COMPLIANT, 5 errors, " in text
    assert (
        "    CS4  not assessed\n      The text of standard 4 (headline and clauses) was not retrieved"
        in text
    )
    assert "      1.4   met         “This job description will be reviewed annually" in text
    assert "    Missing: Safeguarding, Infection prevention and control," in text
    assert "    ps-missing: No person specification" in text
    assert "lang-readability: Flesch reading ease: " in text and "Method: 206.835 - 1.015" in text
    assert text.endswith("2 files checked: 1 compliant, 1 not compliant\n")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained_and_escaped(
    runner: CliRunner, samples: Path, in_tmp: Path
) -> None:
    hostile = SampleJD(
        trust="<script>alert('x')</script> NHS Trust",
        title="Assistant Practitioner",
        details=[("Band", "4")],
        sections=[
            (
                "Duties",
                [
                    "<script>alert(1)</script> Use the <b>SOP</b> & report to the manager each "
                    "time a patient is seen, and whenever the care of a patient changes in any "
                    "way at all during a shift."
                ],
            )
        ],
    )
    (in_tmp / "hostile.txt").write_text(to_text(hostile))
    result = runner.invoke(
        cli,
        [
            "check",
            "--as-of",
            AS_OF,
            "--html",
            "report.html",
            str(samples / "good.docx"),
            "hostile.txt",
        ],
    )
    assert result.exit_code == 1
    assert "HTML report written to report.html" in result.stderr
    page = (in_tmp / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in page
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http" not in page.split("<body>")[0]  # no external style sheets or scripts
    parser = _Text()
    parser.feed(page)
    text = " ".join(parser.text)
    assert "Job description compliance report" in text and "15 January 2026" in text
    assert "COMPLIANT, 0 errors" in text and "NOT COMPLIANT" in text
    assert "This job description will be reviewed annually" in text
    assert {"table", "th", "blockquote"} <= set(parser.tags)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "Missing argument 'FILES...'"),
        (["check", "x.docx", "--as-of", "soon"], "'soon' is not a date"),
        (["check", "x.docx", "--review-months", "0"], "0 is not in the range 1<=x<=120"),
        (["audit"], "Missing argument 'FOLDER'"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_checking_a_pack_loads_no_document_libraries(tmp_path: Path) -> None:
    import sys

    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "jdbuilder",
            "build",
            "--specialty",
            "dietetics",
            "-f",
            "json",
            "-o",
            str(tmp_path),
            "--as-of",
            AS_OF,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    pack = build.stdout.strip()
    probe = (
        "import sys\nfrom jdbuilder.cli import cli\n"
        f"try:\n    cli(['check', {pack!r}, '--as-of', {AS_OF!r}])\nexcept SystemExit as e:\n    print('EXIT', e.code)\n"
        "print('HEAVY', [m for m in ('weasyprint', 'docx', 'pypdf', 'jinja2') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "EXIT 0" in result.stdout and "HEAVY []" in result.stdout, result.stdout + result.stderr


# --- audit -------------------------------------------------------------------------------------


@pytest.fixture
def jd_folder(in_tmp: Path, samples: Path, runner: CliRunner) -> Path:
    folder = in_tmp / "jds"
    (folder / "therapies").mkdir(parents=True)
    (folder / ".git").mkdir()
    shutil.copy(samples / "good.docx", folder / "therapies" / "good.docx")
    shutil.copy(samples / "thin.pdf", folder / "thin.pdf")
    shutil.copy(samples / "old.docx", folder / "old.docx")
    shutil.copy(samples / "trainee.md", folder / "therapies" / "trainee.md")
    shutil.copy(samples / "non_ap.txt", folder / "non_ap.txt")
    for name in ("radiography.yaml", "trust.yaml", "logo.png"):
        shutil.copy(EXAMPLES / name, folder / name)
    built = runner.invoke(
        cli,
        ["build", "--specialty", "dietetics", "-f", "json", "-o", "jds/packs", "--as-of", AS_OF],
    )
    assert built.exit_code == 0, built.output
    (folder / "notes.json").write_text("[]")
    (folder / "packs" / "ap-advert.txt").write_text("Assistant Practitioner. Apply now.")
    (folder / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "~$good.docx").write_bytes(b"lock")
    (folder / ".git" / "config.txt").write_text("not a JD")
    return folder


def test_audit_prints_matrix_overdue_reviews_and_totals(runner: CliRunner, jd_folder: Path) -> None:
    result = runner.invoke(cli, ["audit", "jds", "--as-of", AS_OF])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Audit of jds on 2026-01-15 (8 job descriptions)"
    header = lines[2]
    assert header.split()[:6] == ["Document", "OK?", "Band", "Review", "CS1", "CS2"]
    assert header.split()[10:] == [
        "SAFE",
        "IPC",
        "IG",
        "H&S",
        "EDI",
        "CODE",
        "DBS",
        "VALS",
        "FLEX",
        "REVW",
        "SMOK",
        "APPR",
    ]
    row = {line.split()[0]: line for line in lines[4:12]}
    assert set(row) == {
        "jds/legacy.doc",
        "jds/non_ap.txt",
        "jds/old.docx",
        "jds/packs/example-valley-assistant-practitioner-dietetics-band4-pack.json",
        "jds/radiography.yaml",
        "jds/therapies/good.docx",
        "jds/therapies/trainee.md",
        "jds/thin.pdf",
    }
    assert row["jds/therapies/good.docx"].split()[1:] == [
        "yes",
        "4",
        "2025-03-31",
        *"YYY..Y",
        *"Y" * 12,
    ]
    assert row["jds/old.docx"].split()[1:5] == ["NO", "4", "2023-06-12!", "~"]
    assert row["jds/thin.pdf"].split()[1:4] == ["NO", "4", "none"]
    assert "cannot be read: is a .doc file" in row["jds/legacy.doc"]
    text = result.stdout
    assert "Overdue reviews (1)\n  jds/old.docx: 2023-06-12 (footer (section 1))\n" in text
    assert "  8 job descriptions: 4 compliant, 4 not compliant (1 could not be read)" in text
    assert (
        "  1 overdue for review, 1 with no review date, 1 not about an assistant practitioner"
        in text
    )
    assert "4 other files were skipped (not job descriptions)." in text


def test_audit_json_and_html(runner: CliRunner, jd_folder: Path) -> None:
    result = runner.invoke(
        cli, ["audit", "jds", "--as-of", AS_OF, "--json", "--html", "audit.html"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == [
        "folder",
        "as_of",
        "review_months",
        "files",
        "matrix",
        "overdue",
        "totals",
        "skipped",
    ]
    assert len(data["files"]) == 8
    assert all(
        list(entry) == ["path", "kind", "standards", "findings", "compliant"]
        for entry in data["files"]
    )
    columns = [c["id"] for c in data["matrix"]["columns"]]
    assert columns[:6] == ["CS1", "CS2", "CS3", "CS4", "CS5", "CS6"] and len(columns) == 18
    rows = {Path(r["path"]).name: r for r in data["matrix"]["rows"]}
    assert rows["old.docx"]["review_overdue"] is True and rows["old.docx"]["cells"]["CS3"] == "met"
    assert rows["trainee.md"]["trainee"] is True and rows["trainee.md"]["band"] == 3
    assert data["overdue"] == [
        {"path": "jds/old.docx", "review_date": "2023-06-12", "location": "footer (section 1)"}
    ]
    totals = data["totals"]
    assert (totals["documents"], totals["unreadable"], totals["compliant"], totals["overdue"]) == (
        8,
        1,
        4,
        1,
    )
    assert totals["columns"]["safeguarding"] == {"met": 6, "missing": 1}
    assert sorted(s["path"] for s in data["skipped"]) == [
        "jds/logo.png",
        "jds/notes.json",
        "jds/packs/ap-advert.txt",
        "jds/trust.yaml",
    ]
    page = (jd_folder.parent / "audit.html").read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(page)
    text = " ".join(parser.text)
    assert "Job description audit" in text and "8 job descriptions under" in text
    assert "2023-06-12 (overdue)" in text and "Overdue reviews" in text


def test_audit_of_a_folder_without_job_descriptions(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    result = runner.invoke(cli, ["audit", "empty"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no job descriptions found under empty")


def test_a_hostile_docx_never_reaches_python_docx(bad_files: Path) -> None:
    from jdbuilder.check.document import UnreadableDocument
    from jdbuilder.check.read_docx import check_container

    with pytest.raises(UnreadableDocument, match="zip bomb"):
        check_container((bad_files / "bomb.docx").read_bytes())
    small = io.BytesIO()
    with zipfile.ZipFile(small, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/ok.bin", bytes(5 * 1024 * 1024))  # large but under 10 MB
    check_container(small.getvalue())  # accepted: not out of proportion enough to refuse
