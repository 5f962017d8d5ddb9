#!/usr/bin/env python3
"""jdbuilder benchmark, run by hand with `make bench` (never as a test).

Measures, side by side in one run: cold `jdbuilder --help`; cold `validate` of one role; one
post in every registered format, cold and warm; the whole built-in library with -j 1 and -j 2;
peak memory of the main process and of the largest worker; and, where `soffice` is installed
and jdbuilder has DOCX and PDF renderers, LibreOffice converting the same DOCX files to PDF in
one call, as a ratio, then the same for each kind of document on its own (job description,
person specification, training record), which shows how the ratio depends on length. Prints a
markdown table and saves it (and the raw figures as JSON) in bench/results/. See
bench/README.md for the method.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
EXAMPLE_ROLE = ROOT / "examples" / "example-trust" / "radiography.yaml"
EXAMPLE_TRUST = ROOT / "examples" / "example-trust" / "trust.yaml"
AS_OF = "2026-01-15"
MB = 1_000_000

#: runs jdbuilder's CLI in this process, then records its own peak memory and that of the
#: largest child (worker) it waited for: ru_maxrss is in KiB on Linux
RUSAGE_WRAPPER = """
import json, os, resource, sys
from jdbuilder.cli import cli
code = 0
try:
    cli(sys.argv[1:], prog_name="jdbuilder")
except SystemExit as exit:
    code = exit.code or 0
with open(os.environ["JDB_BENCH_RUSAGE"], "w") as stream:
    json.dump({
        "main_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }, stream)
sys.exit(code)
"""

#: renders one composed post in every format again and again in one process: the warm figures
WARM_SCRIPT = """
import datetime, json, statistics, sys, time
from pathlib import Path
from jdbuilder.build import FORMATS, renderer
from jdbuilder.compose import compose
from jdbuilder.inputs import load_role
from jdbuilder.library import Library
library = Library()
as_of = datetime.date.fromisoformat(sys.argv[2])
pack = compose(load_role(Path(sys.argv[1]), library), library, as_of)
runs = int(sys.argv[3])
figures = {}
for name in FORMATS:
    started = time.perf_counter()
    render = renderer(name)
    documents = render(pack)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render(pack)
        times.append(time.perf_counter() - started)
    figures[name] = {"first": first, "median": statistics.median(times), "documents": len(documents)}
print(json.dumps(figures))
"""

#: renders every post of the library as DOCX and PDF in one process, timing each document kind
KINDS_SCRIPT = """
import datetime, io, json, sys, time
from pathlib import Path
import pypdf
from jdbuilder.batch import compose_request, requests_for_specialties
from jdbuilder.library import Library
from jdbuilder.render import docx, pdf
from jdbuilder.render.content import documents
library = Library()
as_of = datetime.date.fromisoformat(sys.argv[2])
requests = requests_for_specialties(library, Path(sys.argv[1]))
packs = [compose_request(request, library, as_of) for request in requests]
docx.render_files(packs[0]), pdf.render_files(packs[0])  # imports and first-use caches
kinds = {}
for pack in packs:
    for kind in documents(pack):
        figures = kinds.setdefault(kind, {"documents": 0, "pages": 0, "docx": 0.0, "pdf": 0.0})
        started = time.perf_counter()
        docx.render_docx(pack, kind)
        figures["docx"] += time.perf_counter() - started
        started = time.perf_counter()
        made = pdf.render_pdf(pack, kind)
        figures["pdf"] += time.perf_counter() - started
        figures["documents"] += 1
        figures["pages"] += len(pypdf.PdfReader(io.BytesIO(made)).pages)
print(json.dumps(kinds))
"""


@dataclass
class Row:
    """One line of the results table."""

    what: str
    value: str
    runs: str
    target: str = ""
    verdict: str = ""


def jdbuilder_command() -> list[str]:
    script = Path(sys.executable).parent / "jdbuilder"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jdbuilder"]


def build_command(
    prefix: Sequence[str], what: str, formats: Sequence[str], out: Path, *extra: str
) -> list[str]:
    """`jdbuilder build WHAT -f FORMATS -o OUT ...` with the pinned date."""
    return [
        *prefix,
        "build",
        what,
        "-f",
        ",".join(formats),
        "-o",
        str(out),
        *extra,
        "--as-of",
        AS_OF,
    ]


def run(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds one command takes, output discarded; stops the benchmark if it fails."""
    started = time.perf_counter()
    completed = subprocess.run(
        list(command), capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"benchmark command failed: {' '.join(command)}\n{completed.stderr}")
    return seconds


def script_json(script: str, *args: str) -> Any:
    """Run one of the scripts above in a fresh Python and return the JSON it prints."""
    completed = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(completed.stdout)


def medians(measure: Callable[[], float], runs: int) -> tuple[float, list[float]]:
    times = [measure() for _ in range(runs)]
    return statistics.median(times), times


def verdict(ok: bool) -> str:
    return "meets" if ok else "misses"


def registered_formats() -> list[str]:
    from jdbuilder.build import FORMATS

    return list(FORMATS)


def library_build(formats: Sequence[str], jobs: int, out: Path) -> dict[str, float]:
    """One cold build of every built-in specialty at both bands; time and peak memory."""
    if out.exists():
        shutil.rmtree(out)
    with tempfile.NamedTemporaryFile(suffix=".json") as rusage:
        env = {**os.environ, "JDB_BENCH_RUSAGE": rusage.name}
        wrapper = [sys.executable, "-c", RUSAGE_WRAPPER]
        seconds = run(
            build_command(wrapper, "--all-specialties", formats, out, "-j", str(jobs)), env
        )
        memory = json.loads(Path(rusage.name).read_text())
    return {
        "seconds": seconds,
        "main_mb": memory["main_kib"] * 1024 / MB,
        "worker_mb": memory["worker_kib"] * 1024 / MB,
    }


def soffice_convert(files: Sequence[Path], out: Path, profile: Path) -> float:
    """Seconds LibreOffice takes to convert the files to PDF in one headless call."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    command = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, files),
    ]
    seconds = run(command)
    made = list(out.glob("*.pdf"))
    if len(made) != len(files):
        sys.exit(f"LibreOffice made {len(made)} PDFs from {len(files)} DOCX files")
    return seconds


def environment(formats: list[str], jobs_default: int) -> dict[str, Any]:
    from jdbuilder.fingerprint import jdbuilder_version

    harfbuzz = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", "libharfbuzz-subset0"],
        capture_output=True,
        text=True,
        check=False,
    )
    soffice = shutil.which("soffice")
    soffice_version = ""
    if soffice:
        soffice_version = subprocess.run(
            [soffice, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "jdbuilder": jdbuilder_version(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": jobs_default,
        "formats": formats,
        "libharfbuzz_subset0": harfbuzz.stdout.strip() or "not installed (or not Debian)",
        "soffice": soffice_version or "not installed",
        "load_before": os.getloadavg()[0],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each quick measurement")
    parser.add_argument(
        "--library-runs", type=int, default=3, help="runs of each whole-library build"
    )
    options = parser.parse_args(argv)

    from jdbuilder.batch import default_jobs

    formats = registered_formats()
    info = environment(formats, default_jobs())
    jdbuilder = jdbuilder_command()
    rows: list[Row] = []
    raw: dict[str, Any] = {"environment": info}
    work = Path(tempfile.mkdtemp(prefix="jdbuilder-bench-"))
    try:
        print(f"Benchmarking jdbuilder {info['jdbuilder']} ({', '.join(formats)}) ...")
        # 1. cold start-up: a fresh process each run
        help_s, raw["help"] = medians(lambda: run([*jdbuilder, "--help"]), options.runs)
        rows.append(
            Row("cold `jdbuilder --help`", f"{help_s:.3f} s", str(options.runs), "< 0.25 s")
        )
        rows[-1].verdict = verdict(help_s < 0.25)
        validate_s, raw["validate"] = medians(
            lambda: run([*jdbuilder, "validate", str(EXAMPLE_ROLE)]), options.runs
        )
        rows.append(
            Row("cold `jdbuilder validate` of one role", f"{validate_s:.3f} s", str(options.runs))
        )
        rows[-1].target, rows[-1].verdict = "< 0.5 s", verdict(validate_s < 0.5)

        # 2. one post in every format: a fresh process, then warm in one process
        post_out = work / "post"
        cold_s, raw["post_cold"] = medians(
            lambda: run(build_command(jdbuilder, str(EXAMPLE_ROLE), formats, post_out)),
            options.runs,
        )
        rows.append(
            Row(
                f"one post, all formats ({', '.join(formats)}), cold",
                f"{cold_s:.3f} s",
                str(options.runs),
            )
        )
        warm = script_json(WARM_SCRIPT, str(EXAMPLE_ROLE), AS_OF, str(options.runs))
        raw["post_warm"] = warm
        total_warm = sum(figures["median"] for figures in warm.values())
        rows.append(Row("one post, all formats, warm", f"{total_warm:.3f} s", str(options.runs)))
        for name, figures in warm.items():
            per_document = figures["median"] / max(figures["documents"], 1)
            row = Row(
                f"  {name}: warm, per document ({figures['documents']} per post)",
                f"{per_document:.3f} s",
                str(options.runs),
            )
            if name == "pdf":
                row.target, row.verdict = "≤ 0.25 s", verdict(per_document <= 0.25)
            rows.append(row)
            rows.append(
                Row(
                    f"  {name}: first render in a process (with imports)",
                    f"{figures['first']:.3f} s",
                    "1",
                )
            )
        for name in ("docx", "pdf"):
            if name not in warm:
                rows.append(Row(f"  {name}", "not available (no renderer on this build)", "-"))

        # 3. the whole built-in library, serial and parallel, with peak memory
        worker_peaks = []
        library_out = work / "library"
        for jobs in (1, 2):
            builds = [
                library_build(formats, jobs, library_out) for _ in range(options.library_runs)
            ]
            raw[f"library_j{jobs}"] = builds
            seconds = statistics.median(b["seconds"] for b in builds)
            posts = sum(1 for p in library_out.iterdir() if p.is_dir())
            label = f"whole library ({posts} posts, {', '.join(formats)}), `-j {jobs}`"
            rows.append(Row(label, f"{seconds:.2f} s", str(options.library_runs)))
            main_mb = max(b["main_mb"] for b in builds)
            rows.append(
                Row(
                    f"  peak memory, main process, `-j {jobs}`",
                    f"{main_mb:.0f} MB",
                    str(options.library_runs),
                )
            )
            # -j 1 renders in the main process; with workers, the largest child is the figure
            worker_peaks.append(main_mb if jobs == 1 else max(b["worker_mb"] for b in builds))
        peak_worker = max(worker_peaks)
        rows.append(
            Row(
                "  peak memory per worker (largest, any -j)",
                f"{peak_worker:.0f} MB",
                "",
                "≤ 200 MB",
            )
        )
        rows[-1].verdict = verdict(peak_worker <= 200)
        nothing_s, raw["library_unchanged"] = medians(
            lambda: run(build_command(jdbuilder, "--all-specialties", formats, library_out)),
            options.runs,
        )
        rows.append(
            Row(
                "whole library again, nothing changed (all skipped)",
                f"{nothing_s:.2f} s",
                str(options.runs),
            )
        )

        # 4. LibreOffice converting the same DOCX files, paired run by run
        rows += libreoffice_rows(formats, work, options.library_runs, raw)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(info, rows, raw)


def libreoffice_rows(formats: list[str], work: Path, runs: int, raw: dict[str, Any]) -> list[Row]:
    what = "whole library DOCX+PDF `-j 2` / LibreOffice DOCX→PDF (one call)"
    if not shutil.which("soffice"):
        return [Row(what, "not available (soffice is not installed)", "-", "≤ 0.6")]
    if not {"docx", "pdf"} <= set(formats):
        return [Row(what, "not available (no DOCX and PDF renderers on this build)", "-", "≤ 0.6")]
    profile = work / "soffice-profile"
    ours_out, theirs_out = work / "docx-pdf", work / "soffice-pdf"
    library_build(["docx", "pdf"], 2, ours_out)
    docx_files = sorted(ours_out.rglob("*.docx"))
    soffice_convert(docx_files, theirs_out, profile)  # warm-up: creates the user profile
    pairs = []
    for _ in range(runs):
        ours = library_build(["docx", "pdf"], 2, ours_out)["seconds"]
        theirs = soffice_convert(docx_files, theirs_out, profile)
        pairs.append({"jdbuilder": ours, "soffice": theirs, "ratio": ours / theirs})
    raw["libreoffice"] = pairs
    ratio = statistics.median(p["ratio"] for p in pairs)
    soffice_s = statistics.median(p["soffice"] for p in pairs)
    return [
        Row(
            f"LibreOffice: {len(docx_files)} DOCX to PDF in one call",
            f"{soffice_s:.2f} s ({soffice_s / len(docx_files):.3f} s per document)",
            str(runs),
        ),
        Row(what, f"{ratio:.2f}", f"{runs} paired", "≤ 0.6", verdict(ratio <= 0.6)),
        *kind_rows(docx_files, work, profile, raw),
    ]


def kind_rows(docx_files: list[Path], work: Path, profile: Path, raw: dict[str, Any]) -> list[Row]:
    """Each kind of document on its own: where the time goes as documents get longer.

    jdbuilder renders every document of the kind in one process; LibreOffice converts them in
    one call per kind (its start-up, about a second, included). jdbuilder's share of the
    ratio is its time halved, as two workers give it about twice the throughput of one.
    """
    ours = script_json(KINDS_SCRIPT, str(EXAMPLE_TRUST), AS_OF)
    raw["by_kind"] = ours
    rows = [Row("by kind of document (one run each):", "", "")]
    for kind, figures in ours.items():
        files = [path for path in docx_files if path.name.endswith(f"-{kind}.docx")]
        theirs = soffice_convert(files, work / f"soffice-{kind}", profile) / len(files)
        count = figures["documents"]
        docx_s, pdf_s = figures["docx"] / count, figures["pdf"] / count
        figures["soffice_per_document"] = theirs
        rows.append(
            Row(
                f"  {kind}: {count} documents, {figures['pages'] / count:.1f} pages on average",
                f"jdbuilder {docx_s:.3f} s DOCX + {pdf_s:.3f} s PDF a document; "
                f"LibreOffice {theirs:.3f} s; ratio with 2 workers "
                f"{(docx_s + pdf_s) / 2 / theirs:.2f}",
                "1",
            )
        )
    return rows


def report(info: dict[str, Any], rows: list[Row], raw: dict[str, Any]) -> None:
    lines = [
        f"## jdbuilder benchmark, {info['date']}",
        "",
        f"jdbuilder {info['jdbuilder']}, Python {info['python']}, {info['cpus']} CPUs, "
        f"{info['platform']}; formats: {', '.join(info['formats'])}; "
        f"libharfbuzz-subset0: {info['libharfbuzz_subset0']}; LibreOffice: {info['soffice']}.",
        f"Load average (1 min) {info['load_before']:.2f} before, {os.getloadavg()[0]:.2f} after: "
        f"above 0.5 other work shared the CPUs and the figures are slower than they would be.",
        "Medians; cold = a fresh process each run (the operating system's file cache is warm).",
        "",
        "| measurement | median | runs | target | verdict |",
        "|---|---|---|---|---|",
        *(f"| {r.what} | {r.value} | {r.runs} | {r.target} | {r.verdict} |" for r in rows),
    ]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"{stamp}.md").write_text(text, encoding="utf-8")
    raw["rows"] = [asdict(r) for r in rows]
    (RESULTS / f"{stamp}.json").write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    print(f"saved in {(RESULTS / stamp).relative_to(ROOT)}.md and .json")


if __name__ == "__main__":
    main()
