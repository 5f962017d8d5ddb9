"""The job description, person specification and training record as tagged PDF/UA-1.

One font configuration and the parsed stylesheets are kept for the whole process, so that a
batch of posts parses the fonts and print.css once rather than once per document.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML
from weasyprint.logger import LOGGER
from weasyprint.text.fonts import FontConfiguration

from jdbuilder.errors import InvalidInput, Problem, display_path
from jdbuilder.model import JobPack
from jdbuilder.render.content import documents
from jdbuilder.render.html import (
    FONTS_STYLESHEET,
    STYLESHEET,
    find_template_file,
    render_html,
    template_search_path,
)

PDF_VARIANT = "pdf/ua-1"


@cache
def font_config() -> FontConfiguration:
    """The process's one font configuration: it holds the bundled fonts once loaded."""
    return FontConfiguration()


#: how WeasyPrint words a declaration it drops: "Ignored `width: ` at 1:33, no value."
IGNORED_DECLARATION = re.compile(
    r"^Ignored (?P<what>.*) at (?P<line>\d+):(?P<column>\d+), (?P<why>.*?)\.?$"
)


class _Collected(logging.Handler):
    """Keeps the warnings WeasyPrint logs while a stylesheet is parsed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _stylesheet_problem(path: Path, message: str) -> Problem:
    found = IGNORED_DECLARATION.match(message)
    if found is None:
        return Problem(display_path(path), 0, 0, "", message)
    return Problem(
        display_path(path),
        int(found["line"]),
        int(found["column"]),
        "",
        f"{found['what']} is not valid CSS here ({found['why']}); fix or remove it",
    )


@cache
def _parsed(path: Path, modified: float) -> CSS:
    """A stylesheet parsed once; a declaration WeasyPrint would drop is an error, not a
    quietly different document."""
    del modified  # part of the cache key only: an edited local stylesheet is parsed again
    collected = _Collected()
    LOGGER.addHandler(collected)
    try:
        css = CSS(filename=str(path), font_config=font_config())
    finally:
        LOGGER.removeHandler(collected)
    if collected.messages:
        raise InvalidInput([_stylesheet_problem(path, message) for message in collected.messages])
    return css


def stylesheets(template_dirs: Sequence[Path] = ()) -> list[CSS]:
    """fonts.css and print.css from the template search path, parsed once each."""
    paths = [find_template_file(name, template_dirs) for name in (FONTS_STYLESHEET, STYLESHEET)]
    return [_parsed(path, path.stat().st_mtime) for path in paths]


#: images WeasyPrint has decoded (the trust logo), shared by every document of the process
_image_cache: dict[str, Any] = {}


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off while WeasyPrint works, as it was before.

    A document makes hundreds of thousands of objects that live until it is written, and the
    collector kept walking them all: pausing it saves about a tenth of the time. Memory stays
    flat, since nearly all of them are freed by reference counting once the PDF is written.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_pdf(pack: JobPack, document: str, template_dirs: Sequence[Path] = ()) -> bytes:
    """One document as a tagged PDF/UA-1 file."""
    html = render_html(pack, document, template_dirs)
    # relative addresses in a template (an image beside a local template) resolve against
    # the first template folder
    base_url = template_search_path(template_dirs)[0].resolve().as_uri() + "/"
    with _cycle_collector_paused():
        pdf: bytes = HTML(string=html, base_url=base_url).write_pdf(
            stylesheets=stylesheets(template_dirs),
            font_config=font_config(),
            pdf_variant=PDF_VARIANT,
            cache=_image_cache,
        )
    return pdf


def render_files(pack: JobPack, template_dirs: Sequence[Path] = ()) -> dict[str, bytes]:
    return {
        f"{document}.pdf": render_pdf(pack, document, template_dirs) for document in documents(pack)
    }
