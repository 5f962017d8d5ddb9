"""Build one post's documents: compose the pack, render each format, write atomically."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jdbuilder.compose import compose
from jdbuilder.errors import JDBuilderError
from jdbuilder.inputs import RoleInput
from jdbuilder.library import Library
from jdbuilder.model import JobPack
from jdbuilder.output import file_stem, write_all
from jdbuilder.render.content import format_warnings

Renderer = Callable[..., dict[str, bytes]]

#: format name -> "module:function"; the function returns {file name suffix: bytes}.
#: Modules are imported only when their format is asked for, so that WeasyPrint and
#: python-docx load only for the commands that render with them.
FORMATS: dict[str, str] = {
    "json": "jdbuilder.render.json:render_files",
    "html": "jdbuilder.render.html:render_files",
    "pdf": "jdbuilder.render.pdf:render_files",
    "docx": "jdbuilder.render.docx:render_files",
    "advert": "jdbuilder.render.advert:render_files",
}
#: formats whose renderer also takes `template_dirs`: local template folders (--templates)
#: searched before the built-in templates/
TEMPLATED_FORMATS = frozenset({"html", "pdf"})
DEFAULT_FORMATS = ("docx", "pdf", "json")


def default_formats() -> list[str]:
    return [name for name in DEFAULT_FORMATS if name in FORMATS]


def parse_formats(text: str) -> list[str]:
    """'docx,pdf' -> ['docx', 'pdf'], refusing names that are not formats."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise JDBuilderError(
            f"unknown format {', '.join(map(repr, unknown)) or '(none given)'} "
            f"(allowed: {', '.join(FORMATS)})"
        )
    return list(dict.fromkeys(names))


def renderer(name: str) -> Renderer:
    module_name, function = FORMATS[name].split(":")
    render: Renderer = getattr(importlib.import_module(module_name), function)
    return render


@dataclass
class BuildResult:
    """What one build made."""

    pack: JobPack
    files: list[Path]
    warnings: list[str] = field(default_factory=list)  # the pack's, then the formats'


def render_pack(
    pack: JobPack, formats: Sequence[str], template_dirs: Sequence[Path] = ()
) -> dict[str, bytes]:
    """Every document of the pack in the given formats, named by suffix, in memory."""
    documents: dict[str, bytes] = {}
    for name in formats:
        render = renderer(name)
        if name in TEMPLATED_FORMATS:
            documents.update(render(pack, template_dirs=template_dirs))
        else:
            documents.update(render(pack))
    return documents


def build_post(
    role_input: RoleInput,
    library: Library,
    formats: Sequence[str],
    out_dir: Path,
    as_of: datetime.date,
    *,
    trainee: bool | None = None,
    template_dirs: Sequence[Path] = (),
) -> BuildResult:
    """Compose and render everything first, then write: a failure leaves no partial output."""
    pack = compose(role_input, library, as_of, trainee=trainee)
    files = write_post(pack, formats, out_dir, template_dirs)
    return BuildResult(pack, files, post_warnings(pack, formats))


def post_warnings(pack: JobPack, formats: Sequence[str]) -> list[str]:
    """What to tell the user about one post: the pack's warnings and those a format adds."""
    return [*pack.warnings, *format_warnings(pack, list(formats))]


def write_post(
    pack: JobPack,
    formats: Sequence[str],
    out_dir: Path,
    template_dirs: Sequence[Path] = (),
) -> list[Path]:
    """Render every document of the pack in memory, then write them all into out_dir."""
    documents = render_pack(pack, formats, template_dirs)
    stem = file_stem(pack)
    return write_all({out_dir / f"{stem}-{suffix}": data for suffix, data in documents.items()})
