"""File names for a post's documents, and writes that never leave half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from jdbuilder.compose import slug
from jdbuilder.model import JobPack


def file_stem(pack: JobPack) -> str:
    """{trust}-{job-title}-band{N}, the start of every file name for the post."""
    return f"{pack.trust.short_name}-{slug(pack.job_title)}-band{pack.band}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: bytes) -> None:
    """Write to a temporary file beside path, then rename it into place.

    The file gets the permissions any new file would (0666 less the umask), not mkstemp's 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        Path(temporary).chmod(0o666 & ~_umask())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every rendered document, each atomically; all rendering is done before this."""
    for path, content in outputs.items():
        write_atomic(path, content)
    return list(outputs)
