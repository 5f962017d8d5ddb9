"""Fingerprints of what a post's documents are made from, and the manifest that keeps them.

A post is rebuilt when its fingerprint changes: a hash of the composed pack, the requested
formats, the jdbuilder version and code, every template file, every standards file, the shared
core profile, the post's own profile and the trust's logo.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from jdbuilder.library import STANDARD_FILES, Library
from jdbuilder.model import JobPack
from jdbuilder.output import write_atomic
from jdbuilder.resources import builtin

MANIFEST_NAME = ".jdbuilder-manifest.json"
MANIFEST_VERSION = 1
PACKAGE_DIR = Path(__file__).resolve().parent


def jdbuilder_version() -> str:
    try:
        return version("jdbuilder")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def _hash_files(digest: Any, paths: Iterable[Path], root: Path | None = None) -> None:
    """Feed each file's name and content into digest; a missing file counts as 'missing'."""
    for path in paths:
        name = path.relative_to(root).as_posix() if root else str(path)
        digest.update(f"\0{name}\0".encode())
        digest.update(path.read_bytes() if path.is_file() else b"missing")


def _files_under(folder: Path, pattern: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


class Fingerprinter:
    """Computes post fingerprints; the inputs every post shares are hashed once."""

    def __init__(
        self, library: Library, formats: Sequence[str], template_dirs: Sequence[Path] = ()
    ) -> None:
        self.library = library
        digest = hashlib.sha256()
        digest.update(f"jdbuilder {jdbuilder_version()}\0formats {sorted(formats)}".encode())
        # The code too, so that a changed renderer rebuilds even before the version moves.
        _hash_files(digest, _files_under(PACKAGE_DIR, "*.py"), PACKAGE_DIR)
        for templates in [*template_dirs, builtin("templates")]:
            _hash_files(digest, _files_under(templates, "*"), templates)
        _hash_files(digest, [library.standards_path(kind) for kind in STANDARD_FILES])
        _hash_files(digest, [library.core_path()])
        self._shared = digest.hexdigest()
        self._profile_paths = library.profile_paths()

    def post(self, pack: JobPack) -> str:
        """The fingerprint of one composed post."""
        digest = hashlib.sha256(self._shared.encode())
        pack_json = json.dumps(pack.to_dict(), sort_keys=True, ensure_ascii=False)
        digest.update(pack_json.encode())
        files = [self._profile_paths.get(pack.specialty_id, Path("(unknown profile)"))]
        if pack.trust.logo_path:
            files.append(Path(pack.trust.logo_path))
        _hash_files(digest, files)
        return digest.hexdigest()


@dataclass
class ManifestEntry:
    """What the last build of one post used and wrote (paths relative to the output folder)."""

    fingerprint: str
    files: list[str]

    def is_current(self, fingerprint: str, out_dir: Path) -> bool:
        """Same inputs, and every file it wrote is still there."""
        return self.fingerprint == fingerprint and all((out_dir / f).is_file() for f in self.files)


def read_manifest(out_dir: Path) -> dict[str, ManifestEntry]:
    """The posts recorded by the last build, by folder; empty (build all) if none is readable."""
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        if data.get("jdbuilder_manifest") != MANIFEST_VERSION:
            return {}
        return {
            folder: ManifestEntry(str(entry["fingerprint"]), [str(f) for f in entry["files"]])
            for folder, entry in data["posts"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def manifest_bytes(entries: dict[str, ManifestEntry]) -> bytes:
    document = {
        "jdbuilder_manifest": MANIFEST_VERSION,
        "posts": {
            folder: {"fingerprint": entry.fingerprint, "files": entry.files}
            for folder, entry in sorted(entries.items())
        },
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def write_manifest(out_dir: Path, entries: dict[str, ManifestEntry]) -> Path:
    path = out_dir / MANIFEST_NAME
    write_atomic(path, manifest_bytes(entries))
    return path
