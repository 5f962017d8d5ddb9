"""The trainee pack's documents: the training record, the Annex 21 pay row and the appendix."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import AS_OF, EXAMPLES
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from readback import (
    assert_in_order,
    docx_paragraphs,
    docx_text,
    heading_levels,
    hex_colour,
    normalise,
    open_docx,
    open_pdf,
    page_fonts,
    pdf_body_text,
    structure_tree,
    text_styles,
)

from jdbuilder.build import render_pack
from jdbuilder.cli import cli
from jdbuilder.compose import compose
from jdbuilder.inputs import load_role, role_from_options
from jdbuilder.library import Library
from jdbuilder.model import JobPack, TrainingRecord
from jdbuilder.render import content

pytestmark = pytest.mark.slow

Built = dict[str, tuple[JobPack, dict[str, bytes]]]
BUILT_IN_STYLES = {"Normal", "Title", "Heading 1", "Heading 2", "List Bullet"}


def annex21_role(folder: Path) -> Path:
    """The example radiography role in a copy of the example trust that pays by Annex 21."""
    shutil.copytree(EXAMPLES, folder)
    trust = folder / "trust.yaml"
    trust.write_text(trust.read_text().replace("pay_basis: band", "pay_basis: annex21"))
    return folder / "radiography.yaml"


@pytest.fixture(scope="module")
def built(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Trainee posts in DOCX and PDF: the example radiography role (banded and Annex 21) and
    community nursing, whose profile leaves a duty out of the trainee post."""
    roles = {
        "radiography": load_role(EXAMPLES / "radiography.yaml", library),
        "annex21": load_role(annex21_role(tmp_path_factory.mktemp("a21") / "trust"), library),
        "community-nursing": role_from_options("community_nursing", 3, None, library),
    }
    result = {}
    for name, role in roles.items():
        pack = compose(role, library, AS_OF, trainee=True)
        result[name] = (pack, render_pack(pack, ["docx", "pdf"]))
    return result


def record_of(pack: JobPack) -> TrainingRecord:
    assert pack.training_record is not None
    return pack.training_record


def running_lines(pack: JobPack) -> tuple[str, ...]:
    return (*content.footer_lines(pack), pack.trust.address or "")


def competency_texts(record: TrainingRecord) -> list[str]:
    return [c.text for area in record.areas for c in area.competencies]


# -- which files ----------------------------------------------------------------------------


def test_trainee_build_writes_the_training_record(runner: CliRunner, in_tmp: Path) -> None:
    role = str(EXAMPLES / "radiography.yaml")
    result = runner.invoke(cli, ["build", role, "--trainee", "-o", "t", "--as-of", "2026-01-15"])
    assert result.exit_code == 0, result.output
    stem = "t/example-valley-trainee-assistant-practitioner-diagnostic-radiography-band3"
    written = result.stdout.split()
    assert f"{stem}-training-record.docx" in written
    assert f"{stem}-training-record.pdf" in written
    assert all(Path(path).is_file() for path in written)
    band4 = runner.invoke(cli, ["build", role, "-o", "q", "--as-of", "2026-01-15"])
    assert band4.exit_code == 0, band4.output
    assert not [p for p in (in_tmp / "q").iterdir() if "training-record" in p.name]


# -- the competencies -------------------------------------------------------------------------


@pytest.mark.parametrize("post", ["radiography", "community-nursing"])
def test_every_band4_duty_is_a_competency_in_order(built: Built, post: str) -> None:
    pack, files = built[post]
    record = record_of(pack)
    assert pack.trainee_changes is not None
    band4_duties = [
        *(c.band4_text for c in pack.trainee_changes.duties_changed),
        *(c.band4_text for c in pack.trainee_changes.duties_dropped),
    ]
    texts = competency_texts(record)
    assert sorted(texts) == sorted(
        band4_duties
        + [d.text for d in pack.duties if d.id in pack.trainee_changes.duties_unchanged]
    )
    numbered = [f"{n}. {text}" for n, text in enumerate(texts, 1)]
    areas_then_duties = [
        item for area in record.areas for item in (area.title, *(c.text for c in area.competencies))
    ]
    pdf = pdf_body_text(open_pdf(files["training-record.pdf"]), running_lines(pack))
    word = open_docx(files["training-record.docx"])
    for text, what in ((pdf, "pdf"), (docx_text(word), "docx")):
        assert_in_order(text, numbered, f"{post} {what}")
        assert_in_order(text, areas_then_duties, f"{post} {what}")
    # DOCX: one real table per duty area, a row per competency, cells left empty to write in
    tables = [t for t in word.tables if t.rows[0].cells[0].text == "Competency"]
    assert len(tables) == len(record.areas)
    rows = [row for table in tables for row in table.rows[1:]]
    assert [normalise(row.cells[0].paragraphs[0].text) for row in rows] == numbered
    for row, competency in zip(
        rows, [c for area in record.areas for c in area.competencies], strict=True
    ):
        cells = [cell.text for cell in row.cells]
        assert cells[1] and set(cells[1].split(", ")) == set(competency.standards)
        assert cells[2:] == ["", "", ""]
        assert row.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST and row.height.mm >= 20


def test_a_duty_left_out_of_the_trainee_post_is_still_a_competency(built: Built) -> None:
    pack, files = built["community-nursing"]
    assert pack.trainee_changes is not None
    dropped = pack.trainee_changes.duties_dropped
    assert dropped, "the community nursing profile leaves a duty out of the trainee post"
    note = content.NOT_DONE_WHILE_TRAINING
    pdf = pdf_body_text(open_pdf(files["training-record.pdf"]), running_lines(pack))
    docx = docx_text(open_docx(files["training-record.docx"]))
    for text in (pdf, docx):
        assert normalise(text).count(note) == len(dropped)
        for change in dropped:
            assert_in_order(text, [change.band4_text, note], "dropped duty")


def test_docx_tables_repeat_their_header_rows(built: Built) -> None:
    pack, files = built["radiography"]
    record = record_of(pack)
    word = open_docx(files["training-record.docx"])
    headed = {
        tuple(record.columns): len(record.areas),
        tuple(record.milestone_columns): 1,
        ("Clause", "What it says"): 1,
        tuple(content.SIGN_OFF_COLUMNS): 1,
    }
    found: dict[tuple[str, ...], int] = {}
    for table in word.tables:
        header = tuple(cell.text for cell in table.rows[0].cells)
        if header not in headed:
            continue
        found[header] = found.get(header, 0) + 1
        repeat = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert repeat is not None and repeat.get(qn("w:val")) == "true", header
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
    assert found == headed


def test_pdf_column_headings_are_on_every_page_of_the_competency_table(built: Built) -> None:
    pack, files = built["radiography"]
    record = record_of(pack)
    pages = [
        normalise(page.extract_text()) for page in open_pdf(files["training-record.pdf"]).pages
    ]
    headings = " ".join(record.columns)
    starts = [f"{n}. {text[:30]}" for n, text in enumerate(competency_texts(record), 1)]
    on_pages = {i: [s for s in starts if s in text] for i, text in enumerate(pages)}
    on_pages = {i: found for i, found in on_pages.items() if found}
    assert sum(len(found) for found in on_pages.values()) == len(starts)
    assert len(on_pages) >= 3, "the competency table should run over several pages"
    for i, found in on_pages.items():
        position = pages[i].find(headings)
        assert position >= 0, f"page {i + 1}: no column headings above {found[0]!r}"
        assert position < pages[i].find(found[0]), f"page {i + 1}: headings after the first row"


def test_no_short_duty_area_is_split_across_pages(built: Built) -> None:
    """An area of a few competencies starts a new page rather than leave a row behind."""
    pack, files = built["radiography"]
    record = record_of(pack)
    reader = open_pdf(files["training-record.pdf"])
    pages = [normalise(page.extract_text()) for page in reader.pages]
    number = 0
    for area in record.areas:
        numbers = range(number + 1, number + len(area.competencies) + 1)
        number += len(area.competencies)
        if len(area.competencies) > content.KEEP_TOGETHER_ROWS:
            continue
        on = {i for i, text in enumerate(pages) for n in numbers if f" {n}. " in f" {text}"}
        assert len(on) == 1, f"{area.title} is split over pages {sorted(on)}"
        assert area.title in pages[on.pop()]


# -- milestones, standards, sign-off -----------------------------------------------------------


def test_milestones_standards_and_sign_off_are_in_both_formats(built: Built) -> None:
    pack, files = built["radiography"]
    record = record_of(pack)
    assert [m.title for m in record.milestones] == [
        "6-month review",
        "12-month review",
        "18-month review",
        "Completion (24 months)",
    ]
    expected = [
        "Milestones",
        " ".join(record.milestone_columns),
        *(item for m in record.milestones for item in (m.title, *m.checks)),
        "Core standards",
        *(item for ref in record.standards for item in (ref.id, ref.text)),
        "CS4",
        "Not assessed: The text of standard 4",
        "CS5",
        "Training and qualifications in this specialty",
        *record.specialty_training,
        "Final sign-off",
        content.final_statement(record),
        " ".join(content.SIGN_OFF_COLUMNS),
        *record.final_sign_off,
    ]
    pdf = pdf_body_text(open_pdf(files["training-record.pdf"]), running_lines(pack))
    assert_in_order(pdf, expected, "pdf")
    word = open_docx(files["training-record.docx"])
    assert_in_order(docx_text(word).replace("\n", " "), expected, "docx")
    # every clause a competency cites is in the legend
    cited = {ref for area in record.areas for c in area.competencies for ref in c.standards}
    assert cited == {ref.id for ref in record.standards}
    # milestone checks are a list in the Check cell; date and sign-off are left to fill in
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Review")
    for row, milestone in zip(table.rows[1:], record.milestones, strict=True):
        check = row.cells[1].paragraphs
        assert [p.text for p in check] == milestone.checks
        assert {p.style.name for p in check} == {"List Bullet"}
        assert [row.cells[2].text, row.cells[3].text] == ["", ""]
    sign_off = word.tables[-1]
    assert [row.cells[0].text for row in sign_off.rows[1:]] == [
        "Trainee",
        "Assessor",
        "Line manager",
    ]
    assert all(cell.text == "" for row in sign_off.rows[1:] for cell in row.cells[1:])


def test_first_page_names_the_post_the_programme_and_the_route(built: Built) -> None:
    pack, files = built["radiography"]
    record = record_of(pack)
    first_page = normalise(open_pdf(files["training-record.pdf"]).pages[0].extract_text())
    for label, value in content.record_details_rows(record):
        assert normalise(f"{label} {value}") in first_page
    assert "Training record" in first_page and pack.trust.name in first_page
    assert "Assistant Practitioner (Diagnostic Radiography), band 4" in first_page
    assert "24 months" in first_page
    word = open_docx(files["training-record.docx"])
    assert [row.cells[0].text for row in word.tables[1].rows] == content.TRAINEE_FIELDS
    assert all(row.cells[1].text == "" for row in word.tables[1].rows)


# -- accessibility --------------------------------------------------------------------------


def test_pdf_is_tagged_landscape_and_titled(built: Built) -> None:
    pack, files = built["radiography"]
    reader = open_pdf(files["training-record.pdf"])
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata is not None
    assert reader.metadata.title == record_of(pack).title
    assert reader.metadata.title == content.document_title(pack, "training-record")
    assert reader.metadata.author == pack.trust.name
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    tree = structure_tree(reader)
    levels = heading_levels(tree.tags)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert levels.count(3) == len(record_of(pack).areas)
    assert {"/Table", "/TH", "/TD", "/L", "/LI"} <= set(tree.tags)
    assert [str(f["/Alt"]) for f in tree.figures] == [pack.trust.logo_alt]
    for post in built:
        fonts = page_fonts(open_pdf(built[post][1]["training-record.pdf"]))
        assert fonts == {"Liberation-Sans", "Liberation-Sans-Bold"}, post  # the bundled ones


def test_pdf_text_is_left_aligned_large_enough_and_dark_enough(built: Built) -> None:
    pack, _ = built["community-nursing"]  # with a dropped duty's note
    styles = text_styles(pack, "training-record")
    body = [style for in_margin, style in styles if not in_margin]
    footer = [style for in_margin, style in styles if in_margin]
    assert body and footer
    points = 3 / 4
    assert min(style["font_size"] for style in body) * points >= 11
    assert min(style["font_size"] for style in footer) * points >= 9
    assert {style["text_align_all"] for style in body} == {"left"}
    for style in body + footer:
        assert content.contrast_ratio(hex_colour(style["color"]), "#FFFFFF") >= 4.5


def test_docx_is_landscape_with_word_structure(built: Built) -> None:
    pack, files = built["radiography"]
    word = open_docx(files["training-record.docx"])
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    paragraphs = list(docx_paragraphs(word))
    used = {p.style.name for p in paragraphs}
    assert used <= BUILT_IN_STYLES and {"Title", "Heading 1", "Heading 2"} <= used
    outline = [p.text for p in paragraphs if p.style.name in ("Title", "Heading 1")]
    assert outline == [
        pack.job_title,
        "The trainee",
        "Competencies to reach",
        "Milestones",
        "Core standards",
        "Training and qualifications in this specialty",
        "Final sign-off",
    ]
    assert all(table.style.name == "Table Grid" for table in word.tables)
    properties = word.core_properties
    assert properties.title == record_of(pack).title
    assert properties.language == "en-GB" and properties.author == pack.trust.name
    assert "training record" in properties.keywords
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    footer_text = normalise(" ".join(p.text for p in section.footer.paragraphs))
    for line in content.footer_lines(pack):
        assert line in footer_text
    assert len(word.inline_shapes) == 1
    assert word.inline_shapes[0]._inline.docPr.get("descr") == pack.trust.logo_alt


# -- the trainee job description ------------------------------------------------------------


def test_annex21_pay_row_shows_the_amounts_and_the_warning(built: Built) -> None:
    pack, files = built["annex21"]
    assert pack.pay.basis == "annex21" and pack.pay.warning
    pay = (
        "£21,113 to £22,622 a year while training, at 2025/26 Agenda for Change Annex 21 rates. "
        "From 1 to 2 years before completion: 70% of the band 4 maximum. "
        "In the final 12 months before completion: 75%."
    )
    assert content.pay_text(pack) == pay
    warning = f"Warning: {pack.pay.warning}."
    pdf = pdf_body_text(open_pdf(files["job-description.pdf"]), running_lines(pack))
    assert_in_order(pdf, ["Band Agenda for Change band 3", f"Pay {pay}", warning, "Hours"], "pdf")
    word = open_docx(files["job-description.docx"])
    row = next(r for r in word.tables[0].rows if r.cells[0].text == "Pay")
    assert [p.text for p in row.cells[1].paragraphs] == [pay, warning]
    # a banded trainee post has no warning, and says which rates it shows
    banded, banded_files = built["radiography"]
    assert banded.pay.warning is None and content.details_notes(banded) == {}
    banded_pdf = pdf_body_text(open_pdf(banded_files["job-description.pdf"]), ())
    assert "£24,937 to £26,598 a year (2025/26 Agenda for Change rates)" in normalise(banded_pdf)
    assert "Warning: Annex 21" not in normalise(banded_pdf).split("Job purpose")[0]


@pytest.mark.parametrize("post", ["community-nursing", "annex21"])
def test_trainee_job_description_ends_with_what_changes(built: Built, post: str) -> None:
    pack, files = built[post]
    diff = pack.trainee_changes
    assert diff is not None and diff.duties_changed
    appendix = content.trainee_appendix(pack)
    assert appendix is not None
    expected = [
        content.appendix_heading(appendix),
        "The post",
        diff.band4_title,
        diff.trainee_title,
        "Duties changed for the trainee post",
        *(text for c in diff.duties_changed for text in (c.band4_text, c.trainee_text or "")),
        "Duties left out of the trainee post",
        *(c.band4_text for c in diff.duties_dropped),
        "Person specification criteria changed",
        "Training section added",
    ]
    if not diff.duties_dropped:
        expected.insert(expected.index("Duties left out of the trainee post") + 1, "None:")
    pdf = pdf_body_text(open_pdf(files["job-description.pdf"]), running_lines(pack))
    after_about = pdf[pdf.index(f"About {pack.trust.name}") :]
    assert_in_order(after_about, expected, f"{post} pdf")
    word = open_docx(files["job-description.docx"])
    docx = docx_text(word)
    assert_in_order(docx[docx.index(f"About {pack.trust.name}") :], expected, f"{post} docx")
    heading = next(p for p in word.paragraphs if p.text == content.appendix_heading(appendix))
    assert heading.style.name == "Heading 1"
    assert heading.paragraph_format.page_break_before is True
    changed = next(
        t
        for t in word.tables
        if t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
        == "Duties changed for the trainee post"
    )
    assert changed.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [row.cells[1].text for row in changed.rows[1:]] == [
        c.band4_text for c in diff.duties_changed
    ]
    if post == "annex21":
        assert f"Warning: {pack.pay.warning}." in normalise(after_about)


def test_band4_job_description_has_no_appendix(library: Library) -> None:
    pack = compose(load_role(EXAMPLES / "radiography.yaml", library), library, AS_OF)
    assert content.trainee_appendix(pack) is None
    assert content.documents(pack) == ["job-description", "person-specification"]
    files: dict[str, Any] = render_pack(pack, ["docx"])
    assert sorted(files) == ["job-description.docx", "person-specification.docx"]
    assert "What changes from the band 4 post" not in docx_text(
        open_docx(files["job-description.docx"])
    )
