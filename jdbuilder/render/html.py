"""The job description, person specification and training record as HTML, from Jinja2.

Templates are looked up in the local template folders first (`--templates DIR`), then in the
built-in `templates/`. The environment is strict: a field the pack does not have is an error
naming the template and line, and every value is HTML-escaped, so a duty containing `<`, `&`
or `{{` prints as text.
"""

from __future__ import annotations

import base64
import traceback
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from jdbuilder.errors import JDBuilderError
from jdbuilder.model import JobPack
from jdbuilder.render import content
from jdbuilder.resources import builtin
from jdbuilder.templating import strict_environment
from jdbuilder.wording import long_date

#: document key -> template file
TEMPLATES = {
    "job-description": "job_description.html.j2",
    "person-specification": "person_specification.html.j2",
    "training-record": "training_record.html.j2",
}
STYLESHEET = "print.css"
FONTS_STYLESHEET = "fonts.css"
LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}


def template_search_path(template_dirs: Sequence[Path] = ()) -> tuple[Path, ...]:
    """Local template folders first, then the built-in one."""
    return (*(Path(d) for d in template_dirs), builtin("templates"))


def find_template_file(name: str, template_dirs: Sequence[Path] = ()) -> Path:
    """The first file called `name` on the template search path (stylesheets, fonts)."""
    for folder in template_search_path(template_dirs):
        if (folder / name).is_file():
            return folder / name
    raise JDBuilderError(f"template file {name!r} not found in the template folders")


def css_string(text: str) -> Markup:
    """A quoted CSS string: quotes, backslashes, markup characters and newlines escaped."""
    escaped = "".join(
        f"\\{ord(char):X} " if char in "\"'\\<>&" or ord(char) < 32 else char for char in text
    )
    return Markup(f'"{escaped}"')


@cache
def environment(search_path: tuple[Path, ...]) -> jinja2.Environment:
    """One strict, autoescaping environment per template search path, kept for the process."""
    env = strict_environment(search_path)
    env.filters["css_string"] = css_string
    env.globals.update(
        details_rows=content.details_rows,
        details_notes=content.details_notes,
        ps_details_rows=content.ps_details_rows,
        training_rows=content.training_rows,
        standards_rows=content.standards_rows,
        pay_note=content.pay_note,
        legend_text=content.legend_text,
        assessed_text=content.assessed_text,
        example_notice=content.example_notice,
        footer_lines=content.footer_lines,
        heading_colour=content.heading_colour,
        keywords=content.keywords,
        long_date=long_date,
        need_text=content.NEED_TEXT,
        ps_intro=content.PS_INTRO,
        trainee_intro=content.TRAINEE_INTRO,
        standards_intro=content.STANDARDS_INTRO,
        trainee_appendix=content.trainee_appendix,
        appendix_heading=content.appendix_heading,
        record_details_rows=content.record_details_rows,
        record_intro=content.record_intro,
        competency_groups=content.competency_groups,
        record_not_assessed=content.record_not_assessed,
        final_statement=content.final_statement,
        trainee_fields=content.TRAINEE_FIELDS,
        sign_off_columns=content.SIGN_OFF_COLUMNS,
        record_standards_intro=content.RECORD_STANDARDS_INTRO,
        keep_together_rows=content.KEEP_TOGETHER_ROWS,
    )
    return env


def logo_data_uri(pack: JobPack) -> str | None:
    """The trust logo as a data: URI, so the HTML carries it wherever it is opened."""
    if not pack.trust.logo_path:
        return None
    path = Path(pack.trust.logo_path)
    mime = LOGO_TYPES.get(path.suffix.lower())
    if mime is None:
        raise JDBuilderError(f"logo {path}: must be a PNG, JPEG or SVG file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise JDBuilderError(f"logo {path}: cannot be read ({error.strerror})") from None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def template_error(error: Exception, name: str) -> JDBuilderError:
    """A template failure as a user error naming the template file and line."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or error.name or name}:{error.lineno}"
        return JDBuilderError(f"{where}: template syntax error: {error.message}")
    if isinstance(error, jinja2.TemplateNotFound):
        return JDBuilderError(
            f"template {error.name!r} (needed by {name}) not found in the template folders"
        )
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename.endswith(".j2")
    ]
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
    if isinstance(error, jinja2.UndefinedError):
        return JDBuilderError(f"{where}: {error} (the template uses something the job pack lacks)")
    return JDBuilderError(f"{where}: the template failed: {type(error).__name__}: {error}")


def render_html(
    pack: JobPack,
    document: str,
    template_dirs: Sequence[Path] = (),
    *,
    inline_css: str = "",
) -> str:
    """One document as HTML. With inline_css, the stylesheet is written into the page."""
    name = TEMPLATES[document]
    try:
        template = environment(template_search_path(template_dirs)).get_template(name)
        return template.render(
            pack=pack,
            document=document,
            kind=content.DOCUMENTS[document],
            title=content.document_title(pack, document),
            logo=logo_data_uri(pack),
            inline_css=Markup(inline_css),
        )
    except jinja2.TemplateError as error:
        raise template_error(error, name) from None
    except (TypeError, AttributeError, KeyError, ValueError) as error:
        # a mistake in a (local) template's own expressions, such as {{ pack.band + "x" }};
        # anything raised outside template code is a bug in jdbuilder and keeps its traceback
        if not traceback.extract_tb(error.__traceback__)[-1].filename.endswith(".j2"):
            raise
        raise template_error(error, name) from None


def render_files(pack: JobPack, template_dirs: Sequence[Path] = ()) -> dict[str, bytes]:
    """Every document of the pack as a standalone HTML page (stylesheet inline, logo embedded)."""
    css = find_template_file(STYLESHEET, template_dirs).read_text(encoding="utf-8")
    return {
        f"{document}.html": render_html(pack, document, template_dirs, inline_css=css).encode()
        for document in content.documents(pack)
    }
