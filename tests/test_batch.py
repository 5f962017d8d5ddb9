"""Batch builds: many posts, a folder each, parallel workers, incremental rebuilds, the index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import EXAMPLES

from jdbuilder.build import FORMATS, default_formats
from jdbuilder.cli import cli
from jdbuilder.fingerprint import MANIFEST_NAME
from jdbuilder.library import Library
from jdbuilder.model import JobPack

AS_OF = "2026-01-15"
RADIOGRAPHY = "example-valley-assistant-practitioner-diagnostic-radiography-band4"
STROKE = "example-valley-assistant-practitioner-stroke-rehabilitation-band4"
THEATRES = "example-valley-assistant-theatre-practitioner-band4"
EXAMPLE_FOLDERS = [RADIOGRAPHY, STROKE, THEATRES]


def build(runner: CliRunner, *args: str, formats: str | None = "json") -> Result:
    extra = ["-f", formats] if formats else []
    return runner.invoke(cli, ["build", *args, *extra, "--as-of", AS_OF])


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def statuses(result: Result) -> dict[str, str]:
    """post label -> built | skipped | failed, from the plain (not a terminal) output."""
    found = {}
    for line in result.stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("built", "skipped", "failed"):
            found[rest.strip().split(" -> ")[0].split(": ")[0]] = word
    return found


@pytest.fixture
def trust_dir(in_tmp: Path) -> Path:
    """A copy of the example trust folder (trust.yaml, logo and three role files) to edit."""
    shutil.copytree(EXAMPLES, in_tmp / "trust")
    return in_tmp / "trust"


def test_several_role_files_each_get_a_folder(runner: CliRunner, trust_dir: Path) -> None:
    result = build(runner, "trust/radiography.yaml", "trust/theatres.yaml", "-o", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert statuses(result) == {"trust/radiography.yaml": "built", "trust/theatres.yaml": "built"}
    assert f"built    trust/radiography.yaml -> out/{RADIOGRAPHY}/" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1].startswith(
        "2 posts: 2 built, 0 skipped, 0 failed in "
    ) and result.stdout.rstrip().endswith("s; index: out/index.html")
    out = trust_dir.parent / "out"
    assert files_under(out) == sorted(
        [
            MANIFEST_NAME,
            "index.html",
            "index.json",
            f"{RADIOGRAPHY}/{RADIOGRAPHY}-pack.json",
            f"{THEATRES}/{THEATRES}-pack.json",
        ]
    )
    pack = json.loads((out / THEATRES / f"{THEATRES}-pack.json").read_text())
    assert pack["specialty_id"] == "operating_theatres"
    assert pack["contract_text"] == "Fixed term: 12 months"


def test_a_batch_gives_the_warnings_a_single_build_gives_once_each(
    runner: CliRunner, trust_dir: Path
) -> None:
    """An SVG logo cannot go in the DOCX files: said once for the batch, as for one post."""
    trust = trust_dir / "trust.yaml"
    trust.write_text(trust.read_text().replace("logo.png", "logo.svg"))
    (trust_dir / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"><rect width="30" '
        'height="10"/></svg>'
    )
    roles = ["trust/radiography.yaml", "trust/theatres.yaml"]
    result = build(runner, *roles, "-o", "out", "-j", "1", formats="docx")
    assert result.exit_code == 0, result.output
    warning = "warning: the DOCX files show the trust name instead of the logo"
    assert sum(line.startswith(warning) for line in result.stderr.splitlines()) == 1


def test_a_folder_builds_every_role_file_in_it(runner: CliRunner, trust_dir: Path) -> None:
    result = build(runner, "trust", "-o", "out")
    assert result.exit_code == 0, result.output
    # trust.yaml has no `specialty:` key, so it is not taken for a post
    assert sorted(statuses(result)) == [
        "trust/radiography.yaml",
        "trust/stroke-rehabilitation.yaml",
        "trust/theatres.yaml",
    ]
    assert sorted(p.name for p in (trust_dir.parent / "out").iterdir() if p.is_dir()) == sorted(
        EXAMPLE_FOLDERS
    )


def test_trainee_flag_applies_to_every_role(runner: CliRunner, trust_dir: Path) -> None:
    result = build(runner, "trust", "--trainee", "-o", "out")
    assert result.exit_code == 0, result.output
    index = json.loads((trust_dir.parent / "out" / "index.json").read_text())
    assert [(p["band"], p["trainee"]) for p in index["posts"]] == [(3, True)] * 3


def test_all_specialties_builds_every_profile_at_both_bands(
    runner: CliRunner, in_tmp: Path, library: Library
) -> None:
    result = build(runner, "--all-specialties", "-o", "all", "-j", "2")
    assert result.exit_code == 0, result.output
    profiles = list(library.profile_paths())
    index = json.loads((in_tmp / "all" / "index.json").read_text())
    assert len(index["posts"]) == 2 * len(profiles) == len(statuses(result))
    posts = {(p["specialty"]["id"], p["band"], p["trainee"]) for p in index["posts"]}
    assert posts == {(s, 4, False) for s in profiles} | {(s, 3, True) for s in profiles}
    assert {p["trust"] for p in index["posts"]} == {"Example Valley NHS Foundation Trust"}
    assert len([p for p in (in_tmp / "all").iterdir() if p.is_dir()]) == 2 * len(profiles)


def test_all_specialties_for_a_given_trust_and_band(runner: CliRunner, trust_dir: Path) -> None:
    text = (trust_dir / "trust.yaml").read_text()
    (trust_dir / "trust.yaml").write_text(
        text.replace("name: Example Valley NHS Foundation Trust", "name: Hill & Dale NHS Trust")
        .replace("short_name: example-valley", "short_name: hill-dale")
        .replace("example: true", "example: false")
    )
    result = build(
        runner, "--all-specialties", "--trust", "trust/trust.yaml", "--band", "4", "-o", "o"
    )
    assert result.exit_code == 0, result.output
    index = json.loads((trust_dir.parent / "o" / "index.json").read_text())
    assert {p["band"] for p in index["posts"]} == {4}
    assert {p["trust"] for p in index["posts"]} == {"Hill & Dale NHS Trust"}
    assert all(p["folder"].startswith("hill-dale-") for p in index["posts"])
    assert not any(p["example_trust"] for p in index["posts"])
    html = (trust_dir.parent / "o" / "index.html").read_text()
    assert "<title>Job descriptions: Hill &amp; Dale NHS Trust</title>" in html
    assert "fictional example trust" not in html


@pytest.mark.slow
def test_parallel_build_matches_serial_build(runner: CliRunner, trust_dir: Path) -> None:
    """Every registered default format: the same files, and the JSON byte for byte."""
    serial = build(runner, "trust", "--trainee", "-o", "serial", "-j", "1", formats=None)
    parallel = build(runner, "trust", "--trainee", "-o", "parallel", "-j", "2", formats=None)
    assert serial.exit_code == parallel.exit_code == 0, serial.output + parallel.output
    assert statuses(serial) == statuses(parallel)
    root = trust_dir.parent
    names = files_under(root / "serial")
    assert names == files_under(root / "parallel")
    # one file per format and post at least, plus the index and the manifest
    assert len(names) >= 3 * len(default_formats()) + 3
    compared = [name for name in names if name.endswith((".json", ".html"))]
    assert MANIFEST_NAME in compared and "index.json" in compared
    for name in compared:
        serial_bytes = (root / "serial" / name).read_bytes()
        assert serial_bytes == (root / "parallel" / name).read_bytes(), name


def test_unchanged_posts_are_skipped_and_force_rebuilds(runner: CliRunner, trust_dir: Path) -> None:
    out = trust_dir.parent / "out"
    assert build(runner, "trust", "-o", "out").exit_code == 0
    inodes = {name: (out / name).stat().st_ino for name in files_under(out)}

    again = build(runner, "trust", "-o", "out", "-j", "1")
    assert again.exit_code == 0
    assert set(statuses(again).values()) == {"skipped"}
    assert "3 posts: 0 built, 3 skipped, 0 failed" in again.stdout
    assert {name: (out / name).stat().st_ino for name in files_under(out)} == inodes

    forced = build(runner, "trust", "-o", "out", "--force")
    assert set(statuses(forced).values()) == {"built"}
    pack = f"{STROKE}/{STROKE}-pack.json"
    assert (out / pack).stat().st_ino != inodes[pack]


def test_only_the_changed_post_is_rebuilt(runner: CliRunner, trust_dir: Path) -> None:
    assert build(runner, "trust", "-o", "out").exit_code == 0
    role = trust_dir / "theatres.yaml"
    role.write_text(role.read_text().replace("Theatres Matron", "Head of Theatres"))
    (trust_dir.parent / "out" / STROKE / f"{STROKE}-pack.json").unlink()
    result = build(runner, "trust", "-o", "out")
    assert statuses(result) == {
        "trust/radiography.yaml": "skipped",
        "trust/stroke-rehabilitation.yaml": "built",  # its file was deleted
        "trust/theatres.yaml": "built",  # its role changed
    }
    pack = json.loads((trust_dir.parent / "out" / THEATRES / f"{THEATRES}-pack.json").read_text())
    assert pack["accountable_to"] == "Head of Theatres"


def test_changing_formats_rebuilds(runner: CliRunner, trust_dir: Path) -> None:
    assert build(runner, "trust", "-o", "out").exit_code == 0
    others = [name for name in FORMATS if name != "json"]
    result = build(runner, "trust", "-o", "out", formats=",".join(["json", *others]))
    expected = "built" if others else "skipped"
    assert set(statuses(result).values()) == {expected}


def test_a_trust_clause_override_rebuilds_every_post(runner: CliRunner, trust_dir: Path) -> None:
    assert build(runner, "trust", "-o", "out").exit_code == 0
    with (trust_dir / "trust.yaml").open("a") as stream:
        stream.write("clauses:\n  safeguarding: Our own safeguarding wording for every post.\n")
    result = build(runner, "trust", "-o", "out")
    assert result.exit_code == 0, result.output
    assert list(statuses(result).values()) == ["built"] * 3
    for folder in EXAMPLE_FOLDERS:
        pack = json.loads((trust_dir.parent / "out" / folder / f"{folder}-pack.json").read_text())
        clause = next(c for c in pack["clauses"] if c["id"] == "safeguarding")
        assert clause["text"] == "Our own safeguarding wording for every post."


def test_a_changed_standard_clause_rebuilds_every_post(runner: CliRunner, in_tmp: Path) -> None:
    args = ["--all-specialties", "--band", "4", "-o", "all"]
    first = build(runner, *args)
    assert first.exit_code == 0, first.output
    count = len(statuses(first))
    standards = in_tmp / "standards"
    standards.mkdir()
    builtin = EXAMPLES.parent.parent / "standards" / "clauses.yaml"
    data = yaml.safe_load(builtin.read_text())
    data["clauses"][0]["text"] = "Changed wording of the first standard clause."
    (standards / "clauses.yaml").write_text(yaml.safe_dump(data))

    changed = runner.invoke(
        cli, ["--standards", "standards", "build", *args, "-f", "json", "--as-of", AS_OF]
    )
    assert changed.exit_code == 0, changed.output
    assert list(statuses(changed).values()) == ["built"] * count
    unchanged = runner.invoke(
        cli, ["--standards", "standards", "build", *args, "-f", "json", "--as-of", AS_OF]
    )
    assert list(statuses(unchanged).values()) == ["skipped"] * count
    index = json.loads((in_tmp / "all" / "index.json").read_text())
    folder = index["posts"][0]["folder"]
    pack = json.loads((in_tmp / "all" / folder / f"{folder}-pack.json").read_text())
    assert pack["clauses"][0]["text"] == "Changed wording of the first standard clause."


def test_one_bad_role_fails_alone(runner: CliRunner, trust_dir: Path) -> None:
    (trust_dir / "bad.yaml").write_text(
        "trust: trust.yaml\nspecialty: diagnostic_radiography\nband: 5\n"
    )
    result = build(runner, "trust", "-o", "out")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.stdout.splitlines() if line.startswith("failed")]
    assert len(failed) == 1
    assert failed[0].startswith("failed   trust/bad.yaml: trust/bad.yaml:3:")
    assert "band" in failed[0]
    assert "4 posts: 3 built, 0 skipped, 1 failed" in result.stdout
    out = trust_dir.parent / "out"
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(EXAMPLE_FOLDERS)
    index = json.loads((out / "index.json").read_text())
    assert len(index["posts"]) == 3
    assert [f["source"] for f in index["failed"]] == ["trust/bad.yaml"]
    assert "trust/bad.yaml:3:" in (out / "index.html").read_text()
    # the failed post is tried again next time; the others are skipped
    again = build(runner, "trust", "-o", "out")
    assert statuses(again)["trust/bad.yaml"] == "failed"
    assert list(statuses(again).values()).count("skipped") == 3


def test_a_post_that_cannot_be_written_fails_alone(runner: CliRunner, trust_dir: Path) -> None:
    out = trust_dir.parent / "out"
    out.mkdir()
    (out / STROKE).write_text("a file where the post's folder should be\n")
    result = build(runner, "trust", "-o", "out", "-j", "2")
    assert result.exit_code == 1
    assert statuses(result)["trust/stroke-rehabilitation.yaml"] == "failed"
    assert f"cannot write out/{STROKE}: " in result.stdout
    assert "3 posts: 2 built, 0 skipped, 1 failed" in result.stdout


def test_two_roles_for_the_same_post_do_not_overwrite_each_other(
    runner: CliRunner, trust_dir: Path
) -> None:
    shutil.copyfile(trust_dir / "radiography.yaml", trust_dir / "radiography-copy.yaml")
    result = build(runner, "trust/radiography.yaml", "trust/radiography-copy.yaml", "-o", "out")
    assert result.exit_code == 1
    assert (
        "failed   trust/radiography-copy.yaml: makes the same post as trust/radiography.yaml"
        in result.stdout
    )


def test_index_lists_every_post_with_working_links(runner: CliRunner, trust_dir: Path) -> None:
    result = build(runner, "trust", "trust/radiography.yaml", "--trainee", "-o", "out")
    # radiography.yaml twice: the second makes the same post, so it fails
    assert result.exit_code == 1
    out = trust_dir.parent / "out"
    index = json.loads((out / "index.json").read_text())
    assert index["as_of"] == AS_OF
    posts = index["posts"]
    assert [p["source"] for p in posts] == [
        "trust/radiography.yaml",
        "trust/stroke-rehabilitation.yaml",
        "trust/theatres.yaml",
    ]
    first = posts[0]
    assert first["job_title"] == "Trainee Assistant Practitioner (Diagnostic Radiography)"
    assert (first["band"], first["trainee"]) == (3, True)
    assert first["specialty"] == {"id": "diagnostic_radiography", "name": "Diagnostic radiography"}
    assert [d["name"] for d in first["documents"]] == ["pack.json"]
    for post in posts:
        for document in post["documents"]:
            assert (out / document["href"]).is_file()
    # the matrix agrees with each pack's own core standards evidence
    assert [s["id"] for s in index["standards"]] == ["CS1", "CS2", "CS3", "CS4", "CS5", "CS6"]
    for post in posts:
        pack = json.loads((out / post["documents"][0]["href"]).read_text())
        for standard in pack["core_standards"]:
            clauses = post["standards"][standard["id"]]["clauses"]
            assert clauses == {c["id"]: bool(c["evidenced_by"]) for c in standard["clauses"]}
            if not standard["clauses"]:
                assert post["standards"][standard["id"]]["evidenced"] is None

    page = IndexPage.parse((out / "index.html").read_text())
    assert page.lang == "en-GB"
    assert page.tables == 2 and page.captions == 2
    assert page.header_scopes >= {"col", "row", "colgroup"}
    assert sorted(page.links) == sorted(d["href"] for p in posts for d in p["documents"])
    assert all((out / link).is_file() for link in page.links)
    assert "Trainee Assistant Practitioner (Diagnostic Radiography)" in page.text
    assert "Not assessed" in page.text and "CS1.4" in page.text
    assert all(post["example_trust"] for post in posts)
    assert "These are built for a fictional example trust." in page.text


class IndexPage(HTMLParser):
    """What a reader (or screen reader) of index.html gets: language, tables, headers, links."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.tables = 0
        self.captions = 0
        self.header_scopes: set[str] = set()
        self.links: list[str] = []
        self.text = ""

    @classmethod
    def parse(cls, html: str) -> IndexPage:
        page = cls()
        page.feed(html)
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "th" and attributes.get("scope"):
            self.header_scopes.add(str(attributes["scope"]))
        elif tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))

    def handle_data(self, data: str) -> None:
        self.text += data


def test_single_role_still_writes_into_the_output_folder(
    runner: CliRunner, trust_dir: Path
) -> None:
    result = build(runner, "trust/radiography.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [f"out/{RADIOGRAPHY}-pack.json"]
    assert files_under(trust_dir.parent / "out") == [f"{RADIOGRAPHY}-pack.json"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--all-specialties", "trust/radiography.yaml"], "give either a ROLE file"),
        (["--all-specialties", "--specialty", "dietetics"], "give either a ROLE file"),
        (["--all-specialties", "--trainee"], "builds the trainee band 3 posts already"),
        (["trust", "-j", "0"], "0 is not in the range x>=1"),
    ],
)
def test_batch_usage_errors_exit_2(
    runner: CliRunner, trust_dir: Path, args: list[str], message: str
) -> None:
    result = build(runner, *args, "-o", "out")
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (trust_dir.parent / "out").exists()


def test_a_folder_without_role_files_is_an_error(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    (in_tmp / "empty" / "trust.yaml").write_text("name: A trust\n")
    result = build(runner, "empty", "trust.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: empty holds no role files (YAML files with a `specialty:` key)\n"
    )


def test_progress_bar_on_a_terminal(trust_dir: Path) -> None:
    """On a terminal: a bar with counts and the current post, failures after it, a summary."""
    (trust_dir / "bad.yaml").write_text("specialty: nope\nband: 4\n")
    leader, follower = os.openpty()
    command = [sys.executable, "-m", "jdbuilder", "build", "trust", "-o", "out", "-f", "json"]
    process = subprocess.Popen(
        [*command, "-j", "1", "--as-of", AS_OF],
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=trust_dir.parent,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    stderr = process.communicate()[1].decode()
    shown = b"".join(chunks).decode()
    assert process.returncode == 1
    assert "Building 4 posts" in shown and "4/4" in shown
    assert "built trust/theatres.yaml" in shown  # the current post, beside the bar
    assert "\nbuilt    " not in shown  # no plain per-post lines on a terminal
    assert "4 posts: 3 built, 0 skipped, 1 failed" in shown
    assert "failed   trust/bad.yaml: trust/bad.yaml:1:1: specialty: unknown specialty" in stderr


def test_a_json_batch_build_does_not_import_renderers(tmp_path: Path) -> None:
    args = ["build", str(EXAMPLES), "-f", "json", "-o", str(tmp_path), "-j", "1"]
    probe = (
        "import sys\nfrom jdbuilder.cli import cli\n"
        f"try:\n    cli({args!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('weasyprint', 'docx') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stderr, result.stderr
    assert (tmp_path / "index.html").is_file()


def render_summary(pack: JobPack) -> dict[str, bytes]:
    """A stand-in renderer: a batch builds whatever formats are registered."""
    return {"summary.txt": f"{pack.job_title}, band {pack.band}\n".encode()}


def render_or_die(pack: JobPack) -> dict[str, bytes]:
    """A renderer whose process dies (as if out of memory) on one post."""
    if pack.specialty_id == "stroke_rehabilitation":
        os._exit(3)
    return render_summary(pack)


def test_every_registered_format_is_built_by_the_workers(
    runner: CliRunner, trust_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(FORMATS, "summary", f"{__name__}:render_summary")
    result = build(runner, "trust", "-o", "out", "-j", "2", formats="json,summary")
    assert result.exit_code == 0, result.output
    out = trust_dir.parent / "out"
    index = json.loads((out / "index.json").read_text())
    for post in index["posts"]:
        assert [d["name"] for d in post["documents"]] == ["pack.json", "summary.txt"]
    summary = out / THEATRES / f"{THEATRES}-summary.txt"
    assert summary.read_text() == "Assistant Theatre Practitioner, band 4\n"


def test_a_worker_that_dies_fails_its_posts_without_a_traceback(
    runner: CliRunner, trust_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(FORMATS, "fragile", f"{__name__}:render_or_die")
    result = build(runner, "trust", "-o", "out", "-j", "2", formats="fragile")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert statuses(result)["trust/stroke-rehabilitation.yaml"] == "failed"
    assert "a worker process stopped unexpectedly" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("3 posts: ")


def test_local_templates_reach_the_workers_and_a_change_rebuilds(
    runner: CliRunner, trust_dir: Path
) -> None:
    local = trust_dir.parent / "mytemplates"
    local.mkdir()
    builtin = Path(__file__).resolve().parent.parent / "templates" / "job_description.html.j2"
    marked = builtin.read_text().replace(
        "<h2>Job purpose</h2>", "<h2>Job purpose</h2>\n<p>Local mark one</p>"
    )
    (local / builtin.name).write_text(marked)

    def run(*args: str) -> Result:
        return runner.invoke(
            cli,
            [
                "--templates",
                str(local),
                "build",
                "trust",
                "-o",
                "out",
                "-f",
                "html",
                "-j",
                "2",
                "--as-of",
                AS_OF,
                *args,
            ],
        )

    assert run().exit_code == 0
    page = trust_dir.parent / "out" / STROKE / f"{STROKE}-job-description.html"
    assert "Local mark one" in page.read_text()
    assert set(statuses(run()).values()) == {"skipped"}
    template = local / builtin.name
    template.write_text(template.read_text().replace("Local mark one", "Local mark two"))
    assert set(statuses(run()).values()) == {"built"}
    assert "Local mark two" in page.read_text()
