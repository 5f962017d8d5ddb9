"""The job description and person specification, read back from DOCX and PDF."""

from __future__ import annotations

import datetime
import gc
import itertools
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import AS_OF, EXAMPLES
from docx.oxml.ns import qn
from readback import (
    assert_in_order,
    docx_paragraphs,
    docx_text,
    heading_levels,
    hex_colour,
    marked_text,
    normalise,
    open_docx,
    open_pdf,
    page_fonts,
    pdf_body_text,
    pdf_text,
    structure_tree,
    text_styles,
)

from jdbuilder.build import render_pack
from jdbuilder.cli import cli
from jdbuilder.compose import compose
from jdbuilder.inputs import load_role
from jdbuilder.library import Library
from jdbuilder.model import JobPack
from jdbuilder.render import content
from jdbuilder.render.content import footer_lines
from jdbuilder.render.pdf import render_pdf
from jdbuilder.wording import long_date

pytestmark = pytest.mark.slow

POSTS = {
    "radiography": ("radiography.yaml", False),
    "radiography-trainee": ("radiography.yaml", True),
    "stroke-rehabilitation": ("stroke-rehabilitation.yaml", False),
    "theatres": ("theatres.yaml", False),
}
DOCUMENTS = ("job-description", "person-specification")
BUILT_IN_STYLES = {"Normal", "Title", "Heading 1", "Heading 2", "List Bullet"}


@pytest.fixture(scope="module")
def built(library: Library) -> dict[str, tuple[JobPack, dict[str, bytes]]]:
    """Each example post composed and rendered in DOCX and PDF, in memory."""
    result = {}
    for name, (role_file, trainee) in POSTS.items():
        pack = compose(load_role(EXAMPLES / role_file, library), library, AS_OF, trainee=trainee)
        result[name] = (pack, render_pack(pack, ["docx", "pdf"]))
    return result


def post_folder(tmp_path: Path, trust: dict[str, Any] | None = None, **role: Any) -> Path:
    """A copy of the example trust folder with changes; returns the radiography role file."""
    folder = tmp_path / "trust"
    shutil.copytree(EXAMPLES, folder)
    if trust:
        data = yaml.safe_load((folder / "trust.yaml").read_text())
        (folder / "trust.yaml").write_text(yaml.safe_dump({**data, **trust}))
    role_file = folder / "radiography.yaml"
    if role:
        data = yaml.safe_load(role_file.read_text())
        role_file.write_text(yaml.safe_dump({**data, **role}))
    return role_file


def build(library: Library, role_file: Path, formats: list[str], **options: Any) -> Any:
    pack = compose(load_role(role_file, library), library, options.pop("as_of", AS_OF))
    return pack, render_pack(pack, formats, **options)


# -- same words in both formats ----------------------------------------------------------


@pytest.mark.parametrize("post", POSTS)
def test_every_duty_and_criterion_is_in_both_formats_in_order(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], post: str
) -> None:
    pack, files = built[post]
    duties = [duty.text for duty in pack.duties]
    criteria = [criterion.text for criterion in pack.criteria]
    assert duties and criteria
    jd_docx = docx_text(open_docx(files["job-description.docx"]))
    ps_docx = docx_text(open_docx(files["person-specification.docx"]))
    jd_pdf = pdf_text(open_pdf(files["job-description.pdf"]))
    ps_pdf = pdf_text(open_pdf(files["person-specification.pdf"]))
    assert_in_order(jd_docx, duties, f"{post} JD docx")
    assert_in_order(jd_pdf, duties, f"{post} JD pdf")
    assert_in_order(ps_docx, criteria, f"{post} PS docx")
    assert_in_order(ps_pdf, criteria, f"{post} PS pdf")
    # the person specification also says, for each criterion, what a reader must know
    for criterion in pack.criteria:
        assessed = content.assessed_text(criterion.assessed)
        need = content.NEED_TEXT[criterion.need]
        assert normalise(f"{criterion.text} {need} {assessed}") in normalise(ps_pdf)
    legend = content.legend_text(pack)
    for text in (ps_docx, ps_pdf):
        assert normalise(legend) in normalise(text)


@pytest.mark.parametrize("post", POSTS)
def test_job_description_carries_every_section(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], post: str
) -> None:
    pack, files = built[post]
    expected = [
        pack.job_title,
        f"£{pack.pay.minimum:,} to £{pack.pay.maximum:,} a year ({pack.pay.pay_year} Agenda "
        "for Change rates)",
        pack.base,
        pack.reports_to,
        pack.accountable_to,
        "Job purpose",
        pack.purpose,
        *(area.title for area in pack.duty_areas),
        "Working relationships",
        *pack.working_relationships["internal"],
        "Core standards this post meets",
        "CS1.1",
        "Not assessed:",
        "Our values",
        *(value["name"] for value in pack.nhs_values),
        *(clause.text for clause in pack.clauses),
    ]
    if pack.training:
        after_duties = 7 + len(pack.duty_areas)
        expected[after_duties:after_duties] = [
            "Training programme",
            pack.training.programme,
            pack.training.progression,
        ]
    assert_in_order(docx_text(open_docx(files["job-description.docx"])), expected, "docx")
    running = (*footer_lines(pack), pack.trust.address or "")
    assert_in_order(pdf_body_text(open_pdf(files["job-description.pdf"]), running), expected, "pdf")


def test_trainee_pack_prints_the_training_programme(
    built: dict[str, tuple[JobPack, dict[str, bytes]]],
) -> None:
    pack, files = built["radiography-trainee"]
    assert pack.training is not None and pack.band == 3
    rows = content.training_rows(pack)
    assert [label for label, _ in rows] == [
        "Programme",
        "Duration",
        "Care Certificate",
        "English and maths",
        "Minimum hours",
        "Supervision",
        "Progression",
        "Pay basis",
    ]
    lines = [f"{label} {value}" for label, value in rows]
    assert_in_order(pdf_text(open_pdf(files["job-description.pdf"])), lines, "pdf")
    assert_in_order(docx_text(open_docx(files["job-description.docx"])), [v for _, v in rows], "")
    _, qualified = built["radiography"]
    assert "Training programme" not in pdf_text(open_pdf(qualified["job-description.pdf"]))


# -- PDF: tagged and accessible ----------------------------------------------------------


@pytest.mark.parametrize("document", DOCUMENTS)
def test_pdf_is_tagged_with_language_title_and_ordered_headings(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], document: str
) -> None:
    pack, files = built["radiography"]
    reader = open_pdf(files[f"{document}.pdf"])
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    title = content.document_title(pack, document)
    assert reader.metadata is not None and reader.metadata.title == title
    assert reader.metadata.author == pack.trust.name
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp
    page = reader.pages[0].mediabox
    assert (round(float(page.width)), round(float(page.height))) == (595, 842)  # A4

    tree = structure_tree(reader)
    levels = heading_levels(tree.tags)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert {"/Table", "/TH", "/TD", "/P"} <= set(tree.tags)
    assert [str(f["/Alt"]) for f in tree.figures] == [pack.trust.logo_alt]


def test_footer_is_kept_out_of_the_structure_tree(
    built: dict[str, tuple[JobPack, dict[str, bytes]]],
) -> None:
    """WeasyPrint 70 tags margin-box text but leaves it out of the structure tree (it does not
    mark it /Artifact: see weasyprint/pdf/tags.py), so a screen reader following the tags
    reads the footer once in the document properties rather than on every page."""
    pack, files = built["radiography"]
    reader = open_pdf(files["job-description.pdf"])
    tree = structure_tree(reader)
    page_count = len(reader.pages)
    for number, page in enumerate(reader.pages):
        texts = marked_text(reader, number)
        footer = [
            key for key, text in texts.items() if text == f"Page {number + 1} of {page_count}"
        ]
        assert len(footer) == 1, texts
        key = footer[0]
        assert (
            key == "artifact" or (page.indirect_reference.idnum, int(key[5:])) not in tree.content
        )
        review = long_date(pack.review_date)
        assert f"Version {pack.version} · Review date {review}" in texts.values()
        # the body text on the page is in the tree
        body = [k for k, t in texts.items() if k.startswith("mcid:") and t == pack.purpose[:20]]
        for key in body:
            assert (page.indirect_reference.idnum, int(key[5:])) in tree.content


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_rendering_a_pdf_leaves_the_cycle_collector_as_it_found_it(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], enabled: bool
) -> None:
    """WeasyPrint runs with the collector paused; the caller's setting comes back after."""
    pack, _ = built["radiography"]
    was_enabled = gc.isenabled()
    set_collector(enabled)
    try:
        made = render_pdf(pack, "person-specification")
        assert gc.isenabled() is enabled
    finally:
        set_collector(was_enabled)
    assert "Person specification" in pdf_text(open_pdf(made))


def set_collector(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("post", ["radiography", "theatres"])
def test_pdf_embeds_only_the_bundled_font(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], post: str
) -> None:
    _, files = built[post]
    for document in DOCUMENTS:
        reader = open_pdf(files[f"{document}.pdf"])
        assert page_fonts(reader) == {"Liberation-Sans", "Liberation-Sans-Bold"}
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                descriptor = font.get_object()["/DescendantFonts"][0].get_object()
                assert "/FontFile2" in descriptor["/FontDescriptor"]  # embedded, not referenced


def test_pdf_font_does_not_depend_on_installed_fonts(tmp_path: Path) -> None:
    """With Fontconfig told about no fonts at all, the PDF still carries Liberation Sans."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n"
    )
    probe = (
        "import sys\nfrom jdbuilder.cli import cli\n"
        f"cli(['build', {str(EXAMPLES / 'stroke-rehabilitation.yaml')!r}, '-f', 'pdf', "
        f"'-o', {str(tmp_path / 'out')!r}, '--as-of', '2026-01-15'])\n"
    )
    env = {"FONTCONFIG_FILE": str(config), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "No fonts configured" in result.stderr  # Fontconfig really saw no fonts
    for path in (tmp_path / "out").glob("*.pdf"):
        assert page_fonts(open_pdf(path.read_bytes())) == {
            "Liberation-Sans",
            "Liberation-Sans-Bold",
        }


def test_person_specification_header_row_repeats_on_every_page(
    built: dict[str, tuple[JobPack, dict[str, bytes]]],
) -> None:
    for post in POSTS:
        reader = open_pdf(built[post][1]["person-specification.pdf"])
        pages = [normalise(page.extract_text()) for page in reader.pages]
        with_rows = [text for text in pages if "Essential" in text.replace("Essential or", "")]
        assert len(with_rows) >= 2, f"{post}: the table should span pages"
        for text in with_rows:
            assert "Category Criterion Essential or desirable How assessed" in text


# -- DOCX: real Word structure -----------------------------------------------------------


@pytest.mark.parametrize("document", DOCUMENTS)
def test_docx_uses_built_in_styles_and_word_structure(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], document: str
) -> None:
    pack, files = built["radiography"]
    word = open_docx(files[f"{document}.docx"])
    paragraphs = list(docx_paragraphs(word))
    used = {p.style.name for p in paragraphs}
    assert used <= BUILT_IN_STYLES and {"Title", "Heading 1"} <= used
    assert all(word.styles[name].builtin for name in used)
    empty = [p for p in paragraphs if not p.text.strip()]
    assert [p._p.xpath(".//wp:docPr") != [] for p in empty] == [True], "only the logo's paragraph"
    body = word.element.body.xml
    assert "<w:tab/>" not in body and "\t" not in docx_text(word), "no tabs for layout"
    # headings in order: the title, then Heading 1, with Heading 2 only inside a Heading 1
    outline = [
        p.style.name for p in paragraphs if p.style.name in ("Title", "Heading 1", "Heading 2")
    ]
    assert outline[0] == "Title" and outline.count("Title") == 1
    assert outline[1] == "Heading 1"
    assert paragraphs[[p.style.name for p in paragraphs].index("Title")].text == pack.job_title
    assert all(table.style.name == "Table Grid" for table in word.tables)
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)

    properties = word.core_properties
    assert properties.title == content.document_title(pack, document)
    assert properties.author == pack.trust.name
    assert properties.language == "en-GB"
    assert pack.job_title in properties.keywords and properties.subject
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    normal = word.styles["Normal"]
    assert normal.font.name == "Arial" and normal.font.size.pt >= 11
    assert "w:asciiTheme" not in normal.element.xml  # the theme font would win over Arial

    footer = section.footer
    footer_xml = footer._element.xml
    assert (
        "PAGE" in footer_xml and "NUMPAGES" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    )
    footer_text = normalise(" ".join(p.text for p in footer.paragraphs))
    for line in content.footer_lines(pack):
        assert line in footer_text
    assert "Page 1 of 1" in footer_text  # field placeholders, updated by Word and LibreOffice


def test_docx_person_specification_table_repeats_its_header_row(
    built: dict[str, tuple[JobPack, dict[str, bytes]]],
) -> None:
    pack, files = built["radiography"]
    word = open_docx(files["person-specification.docx"])
    criteria = word.tables[-1]
    header = criteria.rows[0]
    assert [c.text for c in header.cells] == [
        "Category",
        "Criterion",
        "Essential or desirable",
        "How assessed",
    ]
    caption = criteria._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == "Person specification criteria"  # alt text for the table
    repeat = header._tr.trPr.find(qn("w:tblHeader"))
    assert repeat is not None and repeat.get(qn("w:val")) == "true"
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in criteria.rows[1:])
    rows = [[c.text for c in row.cells] for row in criteria.rows[1:]]
    assert [row[1] for row in rows] == [c.text for c in pack.criteria]
    titles = {c.id: c.title for c in pack.person_spec}
    assert [row[0] for row in rows] == [titles[c.category] for c in pack.criteria]
    assert {row[2] for row in rows} <= {"Essential", "Desirable"}


def test_docx_logo_has_alt_text(built: dict[str, tuple[JobPack, dict[str, bytes]]]) -> None:
    pack, files = built["radiography"]
    for document in DOCUMENTS:
        word = open_docx(files[f"{document}.docx"])
        assert len(word.inline_shapes) == 1
        doc_pr = word.inline_shapes[0]._inline.docPr
        assert doc_pr.get("descr") == pack.trust.logo_alt


# -- what the trust and role control ------------------------------------------------------


def test_example_trust_is_announced_on_the_first_page(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], library: Library, tmp_path: Path
) -> None:
    _, files = built["radiography"]
    notice = "Example Valley NHS Foundation Trust is a fictional example trust"
    for document in DOCUMENTS:
        assert notice in normalise(open_pdf(files[f"{document}.pdf"]).pages[0].extract_text())
        assert notice in docx_text(open_docx(files[f"{document}.docx"]))
    real_trust = {"example": False, "name": "Real Place NHS Trust", "about": "A real trust."}
    role = post_folder(tmp_path, trust=real_trust)
    _, real = build(library, role, ["docx", "pdf"])
    assert "fictional" not in pdf_text(open_pdf(real["job-description.pdf"]))
    assert "fictional" not in docx_text(open_docx(real["person-specification.docx"]))


def test_out_of_date_pay_is_shown_with_its_year(library: Library) -> None:
    pack, files = build(
        library, EXAMPLES / "theatres.yaml", ["docx", "pdf"], as_of=datetime.date(2027, 6, 1)
    )
    assert any("may be out of date" in w for w in pack.warnings)
    salary = "£27,485 to £30,162 a year (2025/26 Agenda for Change rates)"
    note = "Pay is shown at 2025/26 rates"
    for text in (
        pdf_text(open_pdf(files["job-description.pdf"])),
        docx_text(open_docx(files["job-description.docx"])),
    ):
        assert_in_order(text, [salary, note], "pay")


def test_markup_in_a_duty_prints_as_text(library: Library, tmp_path: Path) -> None:
    duty = "Check <b>doses</b> & record {{ pack.band }} readings"
    role = post_folder(
        tmp_path, duties={"add": [{"area": "records", "text": duty, "standards": ["CS1.4"]}]}
    )
    _, files = build(library, role, ["docx", "pdf", "html"])
    assert duty in pdf_text(open_pdf(files["job-description.pdf"]))
    assert duty in docx_text(open_docx(files["job-description.docx"]))
    html = files["job-description.html"].decode()
    assert "Check &lt;b&gt;doses&lt;/b&gt; &amp; record {{ pack.band }} readings" in html


def test_light_brand_colour_is_decoration_only(library: Library, tmp_path: Path) -> None:
    warm_yellow = "#FFB81C"
    assert content.contrast_ratio(warm_yellow, "#FFFFFF") < content.MIN_CONTRAST
    assert content.contrast_ratio("#005EB8", "#FFFFFF") >= content.MIN_CONTRAST
    assert content.heading_colour("#005eb8") == "#005EB8"
    assert content.heading_colour(warm_yellow) == content.TEXT_COLOUR
    role = post_folder(tmp_path, trust={"brand_colour": warm_yellow})
    _, files = build(library, role, ["docx", "html"])
    html = files["job-description.html"].decode()
    assert f"h1, h2 {{ color: {content.TEXT_COLOUR}; }}" in html
    assert f"border-top-color: {warm_yellow}" in html  # still used for the rule
    word = open_docx(files["job-description.docx"])
    for style in ("Title", "Heading 1", "Heading 2", "Normal"):
        colour = f"#{word.styles[style].font.color.rgb}"
        assert content.contrast_ratio(colour, "#FFFFFF") >= content.MIN_CONTRAST, style


def test_svg_logo_goes_in_the_pdf_and_the_docx_names_the_trust(
    runner: CliRunner, tmp_path: Path
) -> None:
    role = post_folder(tmp_path, trust={"logo": "logo.svg", "logo_alt": "Our logo"})
    (role.parent / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
        '<rect width="300" height="100" fill="#005EB8"/></svg>'
    )
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(role), "-o", str(out), "--as-of", "2026-01-15"])
    assert result.exit_code == 0, result.output
    assert "warning: the DOCX files show the trust name instead of the logo" in result.stderr
    pdf = next(out.glob("*-job-description.pdf")).read_bytes()
    figures = structure_tree(open_pdf(pdf)).figures
    assert [str(f["/Alt"]) for f in figures] == ["Our logo"]
    word = open_docx(next(out.glob("*-job-description.docx")).read_bytes())
    assert len(word.inline_shapes) == 0
    assert word.paragraphs[0].text == "Example Valley NHS Foundation Trust"


# -- the command line --------------------------------------------------------------------


def test_build_writes_both_documents_in_both_formats(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(
        cli,
        ["build", str(EXAMPLES / "radiography.yaml"), "-o", "new/folder", "--as-of", "2026-01-15"],
    )
    assert result.exit_code == 0, result.output
    stem = "new/folder/example-valley-assistant-practitioner-diagnostic-radiography-band4"
    assert result.stdout.split() == [
        f"{stem}-job-description.docx",
        f"{stem}-person-specification.docx",
        f"{stem}-job-description.pdf",
        f"{stem}-person-specification.pdf",
        f"{stem}-pack.json",
    ]
    assert sorted(p.name for p in (in_tmp / "new" / "folder").iterdir()) == sorted(
        Path(p).name for p in result.stdout.split()
    )
    assert result.stderr == ""


def test_local_template_layers_over_the_built_in_ones(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "local").mkdir()
    (in_tmp / "local" / "job_description.html.j2").write_text(
        '{% extends "base.html.j2" %}\n{% block content %}\n'
        "<h2>Local layout</h2>\n<p>Written from our own template for {{ pack.job_title }}.</p>\n"
        "{% endblock %}\n"
    )
    args = ["build", str(EXAMPLES / "radiography.yaml"), "-f", "pdf", "-o", "o"]
    result = runner.invoke(cli, ["--templates", "local", *args, "--as-of", "2026-01-15"])
    assert result.exit_code == 0, result.output
    jd = pdf_text(open_pdf(next((in_tmp / "o").glob("*-job-description.pdf")).read_bytes()))
    assert "Written from our own template for Assistant Practitioner (Diagnostic" in jd
    assert "Job purpose" not in jd
    ps = pdf_text(open_pdf(next((in_tmp / "o").glob("*-person-specification.pdf")).read_bytes()))
    assert "How assessed" in ps  # the person specification still comes from the built-in one


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            '{% extends "base.html.j2" %}\n{% block content %}\n<p>{{ pack.salary_band }}</p>\n'
            "{% endblock %}\n",
            "job_description.html.j2:3: 'jdbuilder.model.JobPack object' has no attribute "
            "'salary_band'",
        ),
        (
            '{% extends "base.html.j2" %}\n{% block content %}\n{% if %}\n{% endblock %}\n',
            "job_description.html.j2:3: template syntax error:",
        ),
    ],
)
def test_template_mistake_is_an_error_naming_template_and_line(
    runner: CliRunner, in_tmp: Path, template: str, message: str
) -> None:
    (in_tmp / "local").mkdir()
    (in_tmp / "local" / "job_description.html.j2").write_text(template)
    result = runner.invoke(
        cli,
        ["--templates", "local", "build", str(EXAMPLES / "radiography.yaml"), "-o", "o"],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (in_tmp / "o").exists()


def test_invalid_css_in_a_local_stylesheet_is_an_error_naming_file_and_line(
    runner: CliRunner, in_tmp: Path
) -> None:
    """WeasyPrint drops a declaration it cannot use; a build would quietly look different."""
    (in_tmp / "local").mkdir()
    (in_tmp / "local" / "print.css").write_text("h1 {\n  colour: red;\n  width: ;\n}\n")
    args = ["build", str(EXAMPLES / "radiography.yaml"), "-f", "pdf", "-o", "o"]
    result = runner.invoke(cli, ["--templates", "local", *args])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "local/print.css:2:3: `colour: red` is not valid CSS here (unknown property); "
        "fix or remove it",
        "local/print.css:3:3: `width: ` is not valid CSS here (no value); fix or remove it",
        "2 problems found",
    ]
    assert not (in_tmp / "o").exists()


# -- real clients ------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not on PATH: install libreoffice-writer-nogui to run this",
)
def test_libreoffice_opens_every_docx(
    built: dict[str, tuple[JobPack, dict[str, bytes]]], tmp_path: Path
) -> None:
    pages = {
        "job-description": range(4, 10),
        "trainee-job-description": range(10, 18),  # with the "what changes" appendix
        "person-specification": range(1, 5),
        "training-record": range(6, 14),
    }
    sources = []
    for post, (pack, files) in built.items():
        for document in content.documents(pack):
            path = tmp_path / f"{post}-{document}.docx"
            path.write_bytes(files[f"{document}.docx"])
            sources.append(path)
    assert any(source.stem.endswith("training-record") for source in sources)
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for source in sources:
        converted = tmp_path / "pdf" / f"{source.stem}.pdf"
        assert converted.is_file(), f"LibreOffice did not convert {source.name}: {result.stderr}"
        document = next(d for d in content.DOCUMENTS if source.stem.endswith(d))
        if document == "job-description" and "trainee" in source.stem:
            document = "trainee-job-description"
        reader = open_pdf(converted.read_bytes())
        count = len(reader.pages)
        assert count in pages[document], f"{source.name}: {count} pages"
        box = reader.pages[0].mediabox
        size = (round(float(box.width)), round(float(box.height)))
        assert size == ((842, 595) if document == "training-record" else (595, 842)), source.name


def test_weasyprint_reports_no_problem(
    library: Library, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No missing image, font, language or unsupported CSS, which WeasyPrint only logs."""
    local = tmp_path / "local"
    local.mkdir()
    (local / "person_specification.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block content %}<img src="missing.png" alt="x">'
        "{% endblock %}"
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        build(library, EXAMPLES / "radiography.yaml", ["pdf"])
        assert caplog.records == []
        build(library, EXAMPLES / "radiography.yaml", ["pdf"], template_dirs=[local])
    assert any("missing.png" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("brand_colour", ["#005EB8", "#FFB81C", "#41B6E6"])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_pdf_text_is_left_aligned_large_enough_and_dark_enough(
    library: Library, tmp_path: Path, brand_colour: str, document: str
) -> None:
    role = post_folder(tmp_path, trust={"brand_colour": brand_colour})
    pack = compose(load_role(role, library), library, AS_OF)
    styles = text_styles(pack, document)
    body = [style for in_margin, style in styles if not in_margin]
    footer = [style for in_margin, style in styles if in_margin]
    assert body and footer
    points = 3 / 4  # WeasyPrint lays out in CSS pixels
    assert min(style["font_size"] for style in body) * points >= 11
    assert min(style["font_size"] for style in footer) * points >= 9
    assert {style["text_align_all"] for style in body} == {"left"}
    for style in body + footer:
        assert content.contrast_ratio(hex_colour(style["color"]), "#FFFFFF") >= content.MIN_CONTRAST
