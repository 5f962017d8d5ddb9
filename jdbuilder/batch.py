"""Many posts at once: a folder each under the output folder, rendered by worker processes,
skipping posts whose inputs have not changed, with an index of them all.

The parent process composes every post in the order asked (composing is cheap), which fixes each
post's folder and decides what to skip before any rendering starts; only the rendering (the slow
part) goes to the workers. So the outputs are the same whatever the number of workers, and a
build where nothing changed starts no worker at all.
"""

from __future__ import annotations

import datetime
import os
import re
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jdbuilder.build import post_warnings, renderer, write_post
from jdbuilder.compose import compose
from jdbuilder.errors import InvalidInput, JDBuilderError, display_path
from jdbuilder.fingerprint import Fingerprinter, ManifestEntry, read_manifest, write_manifest
from jdbuilder.index import IndexFailure, IndexPost, index_document, index_html, index_json
from jdbuilder.inputs import load_role, role_from_options
from jdbuilder.library import Library
from jdbuilder.model import JobPack
from jdbuilder.output import file_stem, write_atomic

Status = Literal["built", "skipped", "failed"]
#: a role file names its specialty; trust and profile files do not have this key at the top
ROLE_KEY = re.compile(r"^specialty\s*:", re.MULTILINE)
INDEX_FILES = ("index.html", "index.json")
WORKER_DIED = (
    "a worker process stopped unexpectedly (out of memory, or a renderer that could not load); "
    "run again with -j 1 to see why: the posts already built are kept"
)


@dataclass(frozen=True)
class PostRequest:
    """One post to build: a role file, or a specialty and band for a trust."""

    label: str
    role_path: Path | None = None
    specialty: str | None = None
    band: int = 4
    trust_path: Path | None = None
    trainee: bool | None = None


@dataclass
class PostOutcome:
    """What happened to one post."""

    request: PostRequest
    status: Status
    folder: str | None = None
    files: list[Path] = field(default_factory=list)
    error: str | None = None


@dataclass
class BatchResult:
    """Every post's outcome (in the order asked), the index files and the time taken."""

    outcomes: list[PostOutcome]
    index_files: list[Path]
    seconds: float
    warnings: list[str]

    def count(self, status: Status) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


Reporter = Callable[[PostOutcome], None]


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def role_files_in(folder: Path) -> list[Path]:
    """Every *.yaml in the folder (not its subfolders) with a top-level `specialty:` key."""
    found = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            found.append(path)  # unreadable: building it reports why
            continue
        if ROLE_KEY.search(text):
            found.append(path)
    return found


def requests_from_paths(paths: Sequence[Path], *, trainee: bool | None) -> list[PostRequest]:
    """A post per role file; a folder stands for the role files in it."""
    requests = []
    for path in paths:
        files = role_files_in(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise JDBuilderError(
                f"{display_path(path)} holds no role files (YAML files with a `specialty:` key)"
            )
        requests += [
            PostRequest(display_path(file), role_path=file, trainee=trainee) for file in files
        ]
    return requests


def requests_for_specialties(
    library: Library, trust_path: Path | None, bands: Sequence[int] = (4, 3)
) -> list[PostRequest]:
    """Every specialty profile at each band (band 3 is the trainee post), for one trust."""
    return [
        PostRequest(
            f"{specialty} band {band}", specialty=specialty, band=band, trust_path=trust_path
        )
        for specialty in library.profile_paths()
        for band in bands
    ]


def _one_line(error: JDBuilderError) -> str:
    if isinstance(error, InvalidInput):
        return "; ".join(str(problem) for problem in error.problems)
    return " ".join(str(error).split())


def compose_request(request: PostRequest, library: Library, as_of: datetime.date) -> JobPack:
    """Load, validate and compose one post; raises JDBuilderError for anything wrong."""
    if request.role_path is not None:
        role_input = load_role(request.role_path, library)
    else:
        role_input = role_from_options(
            str(request.specialty), request.band, request.trust_path, library
        )
    return compose(role_input, library, as_of, trainee=request.trainee)


@dataclass
class _Planned:
    """A composed post with its folder and fingerprint, waiting to be rendered."""

    index: int
    pack: JobPack
    folder: str
    fingerprint: str


def _render_post(
    pack: JobPack, formats: Sequence[str], folder: Path, template_dirs: Sequence[Path]
) -> list[Path] | str:
    """Render and write one post: its files, or the reason it failed (runs in a worker)."""
    try:
        return write_post(pack, formats, folder, template_dirs)
    except JDBuilderError as error:
        return _one_line(error)
    except OSError as error:
        return f"cannot write {error.filename or folder}: {error.strerror or error}"


def _start_worker(formats: Sequence[str]) -> None:
    """Import each renderer once per worker, so every post the worker renders reuses it.

    Ctrl-C is left to the parent, which cancels the posts not started and waits for the rest.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in formats:
        renderer(name)


def _relative(path: Path, out_dir: Path) -> str:
    return path.relative_to(out_dir).as_posix()


def _write_if_changed(path: Path, content: bytes) -> None:
    if not (path.is_file() and path.read_bytes() == content):
        write_atomic(path, content)


def build_batch(
    requests: Sequence[PostRequest],
    library: Library,
    formats: Sequence[str],
    out_dir: Path,
    as_of: datetime.date,
    *,
    jobs: int = 1,
    force: bool = False,
    report: Reporter | None = None,
    template_dirs: Sequence[Path] = (),
) -> BatchResult:
    """Build every post into its own folder under out_dir, then write the index.

    A post whose fingerprint matches the last build's, and whose files are all still there,
    is skipped unless `force`. `report` is called with each outcome as it happens.
    """
    started = time.perf_counter()
    notify: Reporter = report or (lambda outcome: None)
    outcomes: dict[int, PostOutcome] = {}

    def settle(index: int, outcome: PostOutcome) -> None:
        outcomes[index] = outcome
        notify(outcome)

    previous = read_manifest(out_dir)
    manifest = dict(previous)
    fingerprints = Fingerprinter(library, formats, template_dirs)
    packs: dict[int, JobPack] = {}
    claimed: dict[str, PostRequest] = {}
    to_render: list[_Planned] = []
    warnings: list[str] = []
    for index, request in enumerate(requests):
        try:
            pack = compose_request(request, library, as_of)
        except JDBuilderError as error:
            settle(index, PostOutcome(request, "failed", error=_one_line(error)))
            continue
        folder = file_stem(pack)
        if folder in claimed:
            message = (
                f"makes the same post as {claimed[folder].label} (same trust, job title and band), "
                f"so both would write to {folder}/; give one of them its own job_title"
            )
            settle(index, PostOutcome(request, "failed", folder=folder, error=message))
            continue
        claimed[folder] = request
        packs[index] = pack
        warnings += [w for w in post_warnings(pack, formats) if w not in warnings]
        fingerprint = fingerprints.post(pack)
        entry = previous.get(folder)
        if not force and entry is not None and entry.is_current(fingerprint, out_dir):
            files = [out_dir / name for name in entry.files]
            settle(index, PostOutcome(request, "skipped", folder=folder, files=files))
        else:
            to_render.append(_Planned(index, pack, folder, fingerprint))

    def finish(planned: _Planned, result: list[Path] | str) -> None:
        request = requests[planned.index]
        if isinstance(result, str):
            manifest.pop(planned.folder, None)
            settle(planned.index, PostOutcome(request, "failed", planned.folder, error=result))
            return
        manifest[planned.folder] = ManifestEntry(
            planned.fingerprint, [_relative(path, out_dir) for path in result]
        )
        settle(planned.index, PostOutcome(request, "built", planned.folder, files=result))

    try:
        _render_all(to_render, formats, tuple(template_dirs), out_dir, jobs, finish)
    finally:
        # Record what was built even if the build was interrupted, so it is not built again.
        if manifest != previous:
            write_manifest(out_dir, manifest)

    ordered = [outcomes[index] for index in range(len(requests))]
    index_files = _write_index(ordered, packs, out_dir, as_of)
    return BatchResult(ordered, index_files, time.perf_counter() - started, warnings)


def _render_all(
    planned: list[_Planned],
    formats: Sequence[str],
    template_dirs: tuple[Path, ...],
    out_dir: Path,
    jobs: int,
    finish: Callable[[_Planned, list[Path] | str], None],
) -> None:
    """Render every planned post: in this process for one job, else in a pool of workers."""
    workers = min(jobs, len(planned))
    if workers <= 1:
        for post in planned:
            finish(post, _render_post(post.pack, formats, out_dir / post.folder, template_dirs))
        return
    # trainee posts, the longest (a training record and a longer job description), go first,
    # so that the last post to finish is a short one and no worker idles long at the end
    longest_first = sorted(planned, key=lambda post: post.pack.training_record is None)
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(tuple(formats),)
    )
    try:
        futures: dict[Future[list[Path] | str], _Planned] = {
            pool.submit(
                _render_post, post.pack, tuple(formats), out_dir / post.folder, template_dirs
            ): post
            for post in longest_first
        }
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                result = WORKER_DIED
            finish(futures[future], result)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _write_index(
    outcomes: list[PostOutcome], packs: dict[int, JobPack], out_dir: Path, as_of: datetime.date
) -> list[Path]:
    posts = [
        IndexPost(
            outcome.request.label,
            str(outcome.folder),
            [_relative(path, out_dir) for path in outcome.files],
            packs[index],
        )
        for index, outcome in enumerate(outcomes)
        if outcome.status != "failed"
    ]
    failures = [
        IndexFailure(outcome.request.label, str(outcome.error))
        for outcome in outcomes
        if outcome.status == "failed"
    ]
    document = index_document(posts, failures, as_of)
    paths = [out_dir / name for name in INDEX_FILES]
    _write_if_changed(paths[0], index_html(document))
    _write_if_changed(paths[1], index_json(document))
    return paths
