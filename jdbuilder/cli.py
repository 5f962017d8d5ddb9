"""The jdbuilder command line: parse options, call the library, print, choose exit codes."""

from __future__ import annotations

import datetime
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jdbuilder.errors import InvalidInput, JDBuilderError

if TYPE_CHECKING:
    from jdbuilder.batch import PostRequest
    from jdbuilder.library import Library

EXIT_INVALID = 1


class Group(click.Group):
    """A command group that turns user errors into clear messages and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidInput as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            count = len(error.problems)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
            ctx.exit(EXIT_INVALID)
        except JDBuilderError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(EXIT_INVALID)


def _library(ctx: click.Context) -> Any:
    from jdbuilder.library import Library

    options = ctx.find_root().params
    return Library(
        profile_dirs=[Path(p) for p in options.get("profiles") or ()],
        standards_dir=Path(options["standards"]) if options.get("standards") else None,
    )


def _template_dirs(ctx: click.Context) -> list[Path]:
    return [Path(p) for p in ctx.find_root().params.get("templates") or ()]


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


PAY_YEAR_DATE_HELP = "The date whose pay year applies, YYYY-MM-DD (default: today)."


def _as_of_option(help_text: str = PAY_YEAR_DATE_HELP) -> Callable[..., Any]:
    """--as-of DATE, parsed to a date (today when not given)."""
    return click.option("--as-of", "as_of", callback=_parse_date, metavar="DATE", help=help_text)


def _trust_option(help_text: str) -> Callable[..., Any]:
    """--trust FILE, the trust file for a post chosen by --specialty."""
    return click.option("--trust", "trust_file", type=click.Path(path_type=Path), help=help_text)


def _warn(messages: list[str]) -> None:
    for message in messages:
        click.echo(f"warning: {message}", err=True)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jdbuilder")
@click.option(
    "--profiles",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="A folder of local specialty profiles, used before the built-in ones (repeatable).",
)
@click.option(
    "--standards",
    type=click.Path(exists=True, file_okay=False),
    help="A folder whose standards files replace the built-in ones of the same name.",
)
@click.option(
    "--templates",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="A folder of local templates (HTML and PDF), used before the built-in ones (repeatable).",
)
def cli(profiles: tuple[str, ...], standards: str | None, templates: tuple[str, ...]) -> None:
    """Job descriptions, person specifications and NHS Jobs adverts for NHS Assistant
    Practitioners (Agenda for Change band 4, trainee band 3).

    \b
    Start here:
      jdbuilder init mytrust/           a starter trust file and role file
      jdbuilder validate mytrust/*.yaml check them; every mistake with file and line
      jdbuilder build mytrust/role.yaml the job description and person specification
    """


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def specialties(ctx: click.Context, as_json: bool) -> None:
    """List the specialty profiles (built-in and local).

    \b
    Example:
      jdbuilder specialties
    """
    from jdbuilder.catalogue import specialty_rows

    rows = specialty_rows(_library(ctx))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        click.echo(f"{row['id']:<{width}}  {row['job_title']} (directed by {row['directed_by']})")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def standards(ctx: click.Context, as_json: bool) -> None:
    """Show the six Skills for Health core standards and which clauses are verified.

    \b
    Example:
      jdbuilder standards
    """
    from jdbuilder.catalogue import standards_rows, standards_text

    rows = standards_rows(_library(ctx))
    click.echo(json.dumps(rows, indent=2) if as_json else standards_text(rows))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def validate(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Check role, trust, profile and standards files; report every problem at once.

    Exit status 0 when all are valid, 1 when any problem is found.

    \b
    Example:
      jdbuilder validate mytrust/trust.yaml mytrust/role.yaml
    """
    from jdbuilder.inputs import validate_files

    problems, valid = validate_files(files, _library(ctx))
    for line in valid:
        click.echo(f"ok  {line}")
    if problems:
        raise InvalidInput(problems)


def post_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose a post: a ROLE file, or --specialty with --band and --trust;
    --trainee and --as-of. Shared by the commands that compose a post."""
    decorators = [
        click.argument("role", required=False, type=click.Path(path_type=Path)),
        click.option(
            "--specialty", help="Build for a specialty profile id instead of a role file."
        ),
        click.option(
            "--band",
            type=click.Choice(["4", "3"]),
            default="4",
            show_default=True,
            help="With --specialty: band 4, or 3 for a trainee post.",
        ),
        _trust_option("With --specialty: the trust file (default: the built-in example trust)."),
        click.option(
            "--trainee", is_flag=True, help="Build the trainee band 3 variant of the post."
        ),
        _as_of_option(),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _role_input(
    library: Any, role: Path | None, specialty: str | None, band: str, trust_file: Path | None
) -> Any:
    """The RoleInput for a ROLE file or for --specialty; a usage error unless exactly one."""
    from jdbuilder.inputs import load_role, role_from_options

    if (role is None) == (specialty is None):
        raise click.UsageError("give either a ROLE file or --specialty ID")
    if role is not None:
        return load_role(role, library)
    return role_from_options(str(specialty), int(band), trust_file, library)


@cli.command()
@click.argument("roles", nargs=-1, type=click.Path(path_type=Path))
@click.option("--specialty", help="Build for a specialty profile id instead of a role file.")
@click.option(
    "--band",
    type=click.Choice(["4", "3"]),
    default="4",
    show_default=True,
    help="With --specialty: band 4, or 3 for a trainee post (with --all-specialties: only that band).",
)
@_trust_option(
    "With --specialty or --all-specialties: the trust file (default: the built-in example trust)."
)
@click.option("--trainee", is_flag=True, help="Build the trainee band 3 variant of the post.")
@click.option(
    "-f",
    "--formats",
    "formats_text",
    metavar="LIST",
    help="Comma-separated formats (default: docx,pdf,json).",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into.",
)
@_as_of_option()
@click.option(
    "--all-specialties",
    is_flag=True,
    help="Build every specialty profile at band 4 and as a trainee band 3 post, for the trust.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="With several posts: worker processes to render with (default: the number of CPUs).",
)
@click.option(
    "--force", is_flag=True, help="With several posts: rebuild posts even when nothing changed."
)
@click.pass_context
def build(
    ctx: click.Context,
    roles: tuple[Path, ...],
    specialty: str | None,
    band: str,
    trust_file: Path | None,
    trainee: bool,
    formats_text: str | None,
    out_dir: Path,
    as_of: datetime.date,
    all_specialties: bool,
    jobs: int | None,
    force: bool,
) -> None:
    """Write the job description and person specification for a post, or for many.

    One role file (or --specialty) writes its documents straight into the output folder.
    Several role files, a folder of them, or --all-specialties give each post its own
    folder, an index.html and index.json, and rebuild only the posts whose inputs changed.

    \b
    Examples:
      jdbuilder build mytrust/role.yaml -o out/
      jdbuilder build mytrust/role.yaml --trainee -f pdf
      jdbuilder build --specialty stroke_rehabilitation --band 4 -f json
      jdbuilder build mytrust/ -o out/mytrust -j 2
      jdbuilder build --all-specialties --trust mytrust/trust.yaml -o out/all
      jdbuilder build mytrust/role.yaml -f advert
    """
    from jdbuilder.build import build_post, default_formats, parse_formats

    if sum([bool(roles), specialty is not None, all_specialties]) != 1:
        raise click.UsageError(
            "give either a ROLE file or --specialty ID "
            "(or several role files, a folder of them, or --all-specialties)"
        )
    if all_specialties and trainee:
        raise click.UsageError("--all-specialties builds the trainee band 3 posts already")
    library = _library(ctx)
    formats = parse_formats(formats_text) if formats_text else default_formats()
    if all_specialties or len(roles) > 1 or any(path.is_dir() for path in roles):
        from jdbuilder.batch import requests_for_specialties, requests_from_paths

        if all_specialties:
            explicit = ctx.get_parameter_source("band") == click.core.ParameterSource.COMMANDLINE
            bands = [int(band)] if explicit else [4, 3]
            requests = requests_for_specialties(library, trust_file, bands)
        else:
            requests = requests_from_paths(roles, trainee=True if trainee else None)
        _build_many(ctx, requests, library, formats, out_dir, as_of, jobs, force)
        return
    role_input = _role_input(library, roles[0] if roles else None, specialty, band, trust_file)
    result = build_post(
        role_input,
        library,
        formats,
        out_dir,
        as_of,
        trainee=True if trainee else None,
        template_dirs=_template_dirs(ctx),
    )
    _warn(result.warnings)
    for path in result.files:
        click.echo(str(path))


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Create a starter trust file and role file to edit; never overwrites a file.

    \b
    Example:
      jdbuilder init mytrust/
    """
    from jdbuilder.starter import starter_files

    files = starter_files()
    clashes = [name for name in files if (folder / name).exists()]
    if clashes:
        raise JDBuilderError(
            f"{', '.join(str(folder / name) for name in clashes)} already exist(s); "
            "choose an empty folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        shutil.copyfile(source, folder / name)
        click.echo(str(folder / name))
    click.echo(f"Next: edit them, then run  jdbuilder validate {folder}/*.yaml", err=True)


def _build_many(
    ctx: click.Context,
    requests: list[PostRequest],
    library: Library,
    formats: list[str],
    out_dir: Path,
    as_of: datetime.date,
    jobs: int | None,
    force: bool,
) -> None:
    """Build many posts: a progress bar on a terminal, else one line per post; a summary."""
    import sys

    from jdbuilder.batch import BatchResult, PostOutcome, build_batch, default_jobs

    def line(outcome: PostOutcome) -> str:
        where = f"{out_dir / outcome.folder}/" if outcome.folder else ""
        if outcome.status == "failed":
            return f"failed   {outcome.request.label}: {outcome.error}"
        return f"{outcome.status:<8} {outcome.request.label} -> {where}"

    def run(report: Callable[[PostOutcome], None]) -> BatchResult:
        return build_batch(
            requests,
            library,
            formats,
            out_dir,
            as_of,
            jobs=jobs or default_jobs(),
            force=force,
            report=report,
            template_dirs=_template_dirs(ctx),
        )

    if sys.stdout.isatty():
        with click.progressbar(
            length=len(requests),
            label=f"Building {len(requests)} posts",
            show_pos=True,
            item_show_func=lambda text: text,
        ) as bar:
            result = run(lambda outcome: bar.update(1, f"{outcome.status} {outcome.request.label}"))
        for outcome in result.outcomes:
            if outcome.status == "failed":
                click.echo(line(outcome), err=True)
    else:
        result = run(lambda outcome: click.echo(line(outcome)))
    _warn(result.warnings)
    posts = f"{len(requests)} post{'s' if len(requests) != 1 else ''}"
    click.echo(
        f"{posts}: {result.count('built')} built, {result.count('skipped')} "
        f"skipped, {result.count('failed')} failed in {result.seconds:.1f} s; "
        f"index: {result.index_files[0]}"
    )
    if result.failed:
        ctx.exit(EXIT_INVALID)


@cli.command()
@post_options
@click.option("--json", "as_json", is_flag=True, help="Print the advert as JSON instead of text.")
@click.pass_context
def advert(
    ctx: click.Context,
    role: Path | None,
    specialty: str | None,
    band: str,
    trust_file: Path | None,
    trainee: bool,
    as_of: datetime.date,
    as_json: bool,
) -> None:
    """Print the NHS Jobs advert for a post, each box with its character count.

    Exit status 1 when a box breaks an NHS Jobs character limit: the advert is still
    printed, and each broken limit is reported with the box and by how much.

    \b
    Examples:
      jdbuilder advert mytrust/role.yaml
      jdbuilder advert --specialty stroke_rehabilitation --band 3 --json
    """
    from jdbuilder.advert import AdvertLimitError, compose_advert
    from jdbuilder.compose import compose
    from jdbuilder.render.advert import render_json, render_text

    library = _library(ctx)
    role_input = _role_input(library, role, specialty, band, trust_file)
    pack = compose(role_input, library, as_of, trainee=True if trainee else None)
    _warn(pack.warnings)
    composed = compose_advert(pack)
    click.echo(render_json(composed) if as_json else render_text(composed), nl=False)
    if composed.problems:
        raise AdvertLimitError(composed)


def _checker(ctx: click.Context, as_of: datetime.date, review_months: int | None) -> Any:
    from jdbuilder.check.run import Checker, Settings

    return Checker(_library(ctx), Settings(as_of, review_months))


def _write_html(path: Path, content: bytes) -> None:
    from jdbuilder.output import write_atomic

    write_atomic(path, content)
    click.echo(f"HTML report written to {path}", err=True)


_check_options = [
    click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a report."),
    click.option(
        "--html",
        "html_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Also write a self-contained HTML report to this file.",
    ),
    _as_of_option("Check against this date (pay year, review age), YYYY-MM-DD (default: today)."),
    click.option(
        "--review-months",
        type=click.IntRange(1, 120),
        metavar="N",
        help="A review older than N months is overdue (default: 12, from standards/check.yaml).",
    ),
]


def _with_check_options(command: Any) -> Any:
    for option in reversed(_check_options):
        command = option(command)
    return command


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_with_check_options
@click.pass_context
def check(
    ctx: click.Context,
    files: tuple[Path, ...],
    as_json: bool,
    html_file: Path | None,
    as_of: datetime.date,
    review_months: int | None,
) -> None:
    """Check job descriptions against the AP core standards and band 4 terms.

    Reads Word (.docx), PDF, text or Markdown files, jdbuilder JSON packs and role files.
    Exit status 0 when every file is compliant, 1 when any has an error-level finding
    or cannot be read.

    \b
    Examples:
      jdbuilder check old-jds/ap-radiography.docx
      jdbuilder check *.pdf --html report.html --as-of 2026-01-15
      jdbuilder check out/radiography/*-pack.json --json
    """
    from jdbuilder.check.report_json import check_data
    from jdbuilder.check.report_text import check_text

    checker = _checker(ctx, as_of, review_months)
    reports = checker.check_paths(files)
    if html_file is not None:
        from jdbuilder.check.report_html import check_html

        _write_html(html_file, check_html(reports, as_of))
    if as_json:
        click.echo(json.dumps(check_data(reports), indent=2, ensure_ascii=False))
    else:
        click.echo(check_text(reports), nl=False)
    if not all(report.compliant for report in reports):
        ctx.exit(EXIT_INVALID)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@_with_check_options
@click.pass_context
def audit(
    ctx: click.Context,
    folder: Path,
    as_json: bool,
    html_file: Path | None,
    as_of: datetime.date,
    review_months: int | None,
) -> None:
    """Check every job description under a folder: a coverage matrix, overdue reviews, totals.

    Looks for .docx, .pdf, .txt and .md files, jdbuilder packs (.json) and role files
    (.yaml), in sub-folders too. Exit status 0 when every one is compliant, 1 otherwise.

    \b
    Examples:
      jdbuilder audit shared-drive/job-descriptions/
      jdbuilder audit jds/ --html audit.html --review-months 24
    """
    from jdbuilder.check.audit import audit as audit_folder
    from jdbuilder.check.report_audit import audit_data, audit_text

    checker = _checker(ctx, as_of, review_months)
    result = audit_folder(folder, checker)
    if html_file is not None:
        from jdbuilder.check.report_html import audit_html

        _write_html(html_file, audit_html(result, as_of, checker.review_months))
    if as_json:
        data = audit_data(result, as_of, checker.review_months)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(audit_text(result, as_of, checker.review_months), nl=False)
    if not all(report.compliant for report in result.reports):
        ctx.exit(EXIT_INVALID)


@cli.command()
@click.argument("role", required=False, type=click.Path(path_type=Path))
@click.option("--specialty", help="Compare for a specialty profile id instead of a role file.")
@_trust_option("With --specialty: the trust file (default: the built-in example trust).")
@_as_of_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def diff(
    ctx: click.Context,
    role: Path | None,
    specialty: str | None,
    trust_file: Path | None,
    as_of: datetime.date,
    as_json: bool,
) -> None:
    """Show what differs between a band 4 post and its trainee band 3 variant.

    Title, band, pay for the pay year, every duty and person specification criterion that
    changes or is dropped, and the training section the trainee post adds.

    \b
    Examples:
      jdbuilder diff mytrust/role.yaml
      jdbuilder diff --specialty diagnostic_radiography --as-of 2026-01-15 --json
    """
    from jdbuilder.changes import diff_text
    from jdbuilder.compose import compose
    from jdbuilder.model import to_jsonable

    library = _library(ctx)
    role_input = _role_input(library, role, specialty, "3", trust_file)
    pack = compose(role_input, library, as_of, trainee=True)
    assert pack.trainee_changes is not None  # compose always sets it for a trainee post
    _warn(pack.warnings)
    if as_json:
        click.echo(json.dumps(to_jsonable(pack.trainee_changes), indent=2, ensure_ascii=False))
    else:
        click.echo(diff_text(pack.trainee_changes), nl=False)


def main() -> None:
    """Console script entry point."""
    cli(prog_name="jdbuilder")
