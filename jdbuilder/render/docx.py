"""The job description, person specification and training record as Word documents HR can edit.

Built-in styles only (Title, Heading 1 and 2, List Bullet, Table Grid), restyled to Arial with
colours that reach 4.5:1; repeating header rows on the person specification, appendix and
training record tables; page numbers as PAGE and NUMPAGES fields; core properties and the
document language set to en-GB. Each style's id is resolved once per document and written
straight into the paragraph: python-docx's own style setter scans every style in the document
to tell whether the one given is the default, which made that look-up most of the time taken.
The training record is landscape, with rows tall enough to write in.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from jdbuilder.model import Appendix, JobPack, TrainingRecord
from jdbuilder.render import content

FONT = "Arial"  # in Word on every PC; LibreOffice substitutes the metric-compatible Liberation Sans
LANGUAGE = "en-GB"
HEADER_FILL = "E8EDEE"  # NHS pale grey: table header rows and row labels
NOTICE_FILL = "FFF8E5"
NOTICE_RULE = "FFB81C"  # NHS warm yellow: decoration only, never text
NOTE_COLOUR = "4C6272"  # NHS mid grey, 6.2:1 on white: a note under a competency
LOGO_WIDTH = Mm(48)
CONTENT_WIDTH_MM = 174  # A4 (210 mm) less 18 mm margins
LANDSCAPE_WIDTH_MM = 261  # A4 landscape (297 mm) less 18 mm margins: the training record
#: minimum heights of the rows a training lead writes in by hand
WRITE_IN_MM = {"competency": 24, "milestone": 24, "sign-off": 17, "field": 10}


@dataclass(frozen=True)
class Styles:
    """The ids of the built-in styles a document uses besides Normal, the default."""

    title: str
    heading1: str
    heading2: str
    bullet: str
    footer: str
    table: str


def _colour(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _set_fonts(r_pr: Any) -> None:
    """Arial for every script, replacing the template's theme fonts (which win over names)."""
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _set_document_defaults(document: Any) -> None:
    """Document defaults: Arial, en-GB (spell checking and screen readers use it)."""
    r_pr = (
        document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    )
    _set_fonts(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia"):
        lang.set(qn(attribute), LANGUAGE)


def _style(style: Any, size: float, *, bold: bool, colour: str, before: float, after: float) -> Any:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = _colour(colour)
    _set_fonts(style.element.get_or_add_rPr())
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    return style


def _prepare_styles(document: Any, pack: JobPack) -> Styles:
    _set_document_defaults(document)
    styles = document.styles
    heading = content.heading_colour(pack.trust.brand_colour)
    text = content.TEXT_COLOUR
    normal = _style(styles["Normal"], 11, bold=False, colour=text, before=0, after=6)
    normal.paragraph_format.line_spacing = 1.15
    bullet = _style(styles["List Bullet"], 11, bold=False, colour=text, before=0, after=4)
    bullet.paragraph_format.line_spacing = 1.15
    title = _style(styles["Title"], 20, bold=True, colour=heading, before=6, after=12)
    heading1 = _style(styles["Heading 1"], 14, bold=True, colour=heading, before=18, after=6)
    heading2 = _style(styles["Heading 2"], 12, bold=True, colour=text, before=10, after=4)
    return Styles(
        title=title.style_id,
        heading1=heading1.style_id,
        heading2=heading2.style_id,
        bullet=bullet.style_id,
        footer=styles["Footer"].style_id,
        table=styles["Table Grid"].style_id,
    )


def _styled(paragraph: Any, style_id: str | None) -> Any:
    """The paragraph in the style with this id (None: Normal, the default, written as nothing)."""
    if style_id is not None:
        paragraph._p.style = style_id
    return paragraph


#: elements that must follow w:shd in a cell's properties, and w:tblCellMar in a table's
#: (Word refuses a document whose property elements are out of schema order)
TC_PR_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
TBL_PR_AFTER_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
P_PR_AFTER_SHD = (
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:outlineLvl",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _shading(fill: str) -> Any:
    shading = OxmlElement("w:shd")
    for attribute, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shading.set(qn(f"w:{attribute}"), value)
    return shading


def _shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().insert_element_before(_shading(fill), *TC_PR_AFTER_SHD)


def _cell_margins(table: Any) -> None:
    """Room around the text in every cell (Table Grid has none above or below)."""
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 57), ("left", 100), ("bottom", 57), ("right", 100)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.insert_element_before(margins, *TBL_PR_AFTER_CELL_MAR)


def _caption(table: Any, text: str) -> None:
    """The table's title for screen readers (Word: Table Properties, Alt Text)."""
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), text)
    table._tbl.tblPr.insert_element_before(caption, "w:tblDescription", "w:tblPrChange")


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update when they lay out."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ]
    for kind, value in parts:
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = value
            run._r.append(instr)
        elif kind == "text":
            run.text = value or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _min_height(row: Any, height_mm: float) -> None:
    """Room to write in: the row is at least this tall and grows with its text."""
    row.height = Mm(height_mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _keep_together(table: Any) -> None:
    """The table stays on one page with the heading before it (keep with next, row by row)."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


class WordDocument:
    """One document of the pack, written with python-docx."""

    def __init__(self, pack: JobPack, document: str) -> None:
        self.pack = pack
        self.document_key = document
        self.doc = docx.Document()
        self.styles = _prepare_styles(self.doc, pack)
        self.landscape = document == "training-record"
        self.width_mm = LANDSCAPE_WIDTH_MM if self.landscape else CONTENT_WIDTH_MM
        self._page_setup()
        self._properties()
        self._footer()
        self._masthead()

    # -- page, properties, footer -------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        if self.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(18)
        section.top_margin = Mm(18)
        section.bottom_margin = Mm(28)
        section.footer_distance = Mm(8)

    def _properties(self) -> None:
        pack = self.pack
        properties = self.doc.core_properties
        created = datetime.datetime.combine(pack.generated_on, datetime.time(), datetime.UTC)
        properties.title = content.document_title(pack, self.document_key)
        properties.author = pack.trust.name
        properties.last_modified_by = pack.trust.name
        properties.subject = (
            f"{content.DOCUMENTS[self.document_key]} for the post of {pack.job_title}, "
            f"Agenda for Change band {pack.band}, at {pack.trust.name}"
        )
        properties.keywords = content.keywords(pack, self.document_key)
        properties.category = content.DOCUMENTS[self.document_key]
        properties.language = LANGUAGE
        properties.version = pack.version
        properties.comments = "Written by jdbuilder"
        properties.created = properties.modified = created
        properties.revision = 1

    def _footer(self) -> None:
        footer = self.doc.sections[0].footer
        text = _styled(footer.paragraphs[0], self.styles.footer)
        for index, line in enumerate(content.footer_lines(self.pack)):
            run = text.add_run(line)
            run.font.size = Pt(9)
            if index < 2:
                run.add_break()
        pages = _styled(footer.add_paragraph(), self.styles.footer)
        pages.add_run("Page ")
        _field(pages, "PAGE", "1")
        pages.add_run(" of ")
        _field(pages, "NUMPAGES", "1")
        for paragraph in (text, pages):
            paragraph.paragraph_format.space_after = Pt(0)
            for run in paragraph.runs:
                run.font.size = Pt(9)

    # -- building blocks -------------------------------------------------------------------

    def paragraph(
        self, text: str, *, bold_lead: str | None = None, after_table: bool = False
    ) -> Any:
        """A body paragraph; after a table it keeps its distance by spacing, not empty lines."""
        paragraph = self.doc.add_paragraph()
        if after_table:
            paragraph.paragraph_format.space_before = Pt(8)
        if bold_lead:
            paragraph.add_run(bold_lead).bold = True
            text = f" {text}"
        paragraph.add_run(text)
        return paragraph

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        style = self.styles.heading1 if level == 1 else self.styles.heading2
        paragraph = _styled(self.doc.add_paragraph(text), style)
        if new_page:
            paragraph.paragraph_format.page_break_before = True

    def bullets(self, items: list[str]) -> None:
        for item in items:
            _styled(self.doc.add_paragraph(item), self.styles.bullet)

    def table(self, caption: str, header: list[str] | None, widths_mm: Sequence[float]) -> Any:
        """A Table Grid table with fixed column widths; a header row repeats on every page."""
        table = self.doc.add_table(rows=0, cols=len(widths_mm))
        table._tbl.tblStyle_val = self.styles.table
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        _cell_margins(table)
        _caption(table, caption)
        if header:
            row = self.row(table, header, bold=True, shade=True)
            row_properties = row._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            row_properties.append(repeat)
        return table

    def row(
        self,
        table: Any,
        cells: list[str],
        *,
        bold: bool = False,
        shade: bool = False,
        label: bool = False,
    ) -> Any:
        """A table row that does not split across pages; `label` makes the first cell a label."""
        row = table.add_row()
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
        # add_row gives each cell its column's width
        for index, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(2)
            run = paragraph.add_run(text)
            if bold or (label and index == 0):
                run.bold = True
            if shade or (label and index == 0):
                _shade(cell, HEADER_FILL)
        return row

    def label_table(
        self,
        caption: str,
        rows: list[tuple[str, str]],
        notes: dict[str, str] | None = None,
        *,
        height_mm: float | None = None,
    ) -> None:
        """Label and value rows; a note (a warning) goes in the value's cell, under the value."""
        table = self.table(caption, None, [56, self.width_mm - 56])
        for label, value in rows:
            row = self.row(table, [label, value], label=True)
            if height_mm:
                _min_height(row, height_mm)
            note = (notes or {}).get(label)
            if note:
                paragraph = row.cells[1].add_paragraph()
                paragraph.paragraph_format.space_after = Pt(2)
                paragraph.add_run("Warning:").bold = True
                paragraph.add_run(f" {note}")

    def cell_bullets(self, cell: Any, items: list[str]) -> None:
        """A list in a table cell, in the List Bullet style; the cell's first paragraph is used."""
        for index, item in enumerate(items):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            _styled(paragraph, self.styles.bullet)
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.add_run(item)

    # -- first page ------------------------------------------------------------------------

    def _masthead(self) -> None:
        pack = self.pack
        if pack.trust.logo_path and content.logo_embeds_in_docx(pack):
            logo = self.doc.add_paragraph()
            logo.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            logo.add_run().add_picture(pack.trust.logo_path, width=LOGO_WIDTH)
            for properties in logo._p.xpath(".//wp:docPr"):
                properties.set("descr", pack.trust.logo_alt)
                properties.set("title", pack.trust.logo_alt)
        name = self.doc.add_paragraph()
        name.add_run(pack.trust.name).bold = True
        if pack.trust.address:
            self.paragraph(pack.trust.address)
        notice = content.example_notice(pack)
        if notice:
            paragraph = self.paragraph(notice, bold_lead="Example only.")
            self._notice_box(paragraph)
        kind = self.doc.add_paragraph()
        run = kind.add_run(content.DOCUMENTS[self.document_key])
        run.bold, run.font.size = True, Pt(13)
        kind.paragraph_format.space_before = Pt(6)
        kind.paragraph_format.keep_with_next = True
        _styled(self.doc.add_paragraph(pack.job_title), self.styles.title)

    def _notice_box(self, paragraph: Any) -> None:
        """A shaded box with a yellow rule on the left (paragraph border and shading)."""
        properties = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        left = OxmlElement("w:left")
        for attribute, value in (("val", "single"), ("sz", "24"), ("space", "6")):
            left.set(qn(f"w:{attribute}"), value)
        left.set(qn("w:color"), NOTICE_RULE)
        borders.append(left)
        properties.insert_element_before(borders, "w:shd", *P_PR_AFTER_SHD)
        properties.insert_element_before(_shading(NOTICE_FILL), *P_PR_AFTER_SHD)
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.space_after = Pt(12)

    # -- the two documents -----------------------------------------------------------------

    def job_description(self) -> None:
        pack = self.pack
        self.label_table("Job details", content.details_rows(pack), content.details_notes(pack))
        note = content.pay_note(pack)
        if note:
            self.paragraph(note, bold_lead="Pay:", after_table=True)
        self.heading("Job purpose", 1)
        self.paragraph(pack.purpose)
        if pack.setting:
            self.paragraph(pack.setting)
        self.heading("Main duties and responsibilities", 1)
        for area in pack.duty_areas:
            self.heading(area.title, 2)
            self.bullets([duty.text for duty in area.duties])
        if pack.training:
            self.heading("Training programme", 1)
            self.paragraph(content.TRAINEE_INTRO)
            self.label_table("Training programme", content.training_rows(pack))
        if pack.specialty_training:
            self.heading("Training and qualifications in this specialty", 1)
            self.bullets(pack.specialty_training)
        self.heading("Working relationships", 1)
        for side, title in (("internal", "Within the trust"), ("external", "Outside the trust")):
            if pack.working_relationships.get(side):
                self.heading(title, 2)
                self.bullets(pack.working_relationships[side])
        self.heading("Core standards this post meets", 1)
        self.paragraph(content.STANDARDS_INTRO)
        table = self.table(
            "Core standards this post meets",
            ["Standard", "How this post meets it"],
            [73, CONTENT_WIDTH_MM - 73],
        )
        for standard_row in content.standards_rows(pack):
            row = self.row(table, ["", standard_row.evidence])
            cell = row.cells[0].paragraphs[0]
            cell.add_run(standard_row.standard).bold = True
            cell.add_run(f" {standard_row.text}")
            for place in standard_row.where:
                paragraph = row.cells[1].add_paragraph(place)
                paragraph.paragraph_format.space_after = Pt(2)
        self.heading("Our values", 1)
        self.heading("NHS values", 2)
        self.values(pack.nhs_values)
        if pack.trust.values:
            self.heading(f"{pack.trust.name} values", 2)
            self.values(pack.trust.values)
        self.heading("Responsibilities of all staff", 1)
        for clause in pack.clauses:
            self.heading(clause.title, 2)
            self.paragraph(clause.text)
        if pack.trust.about:
            self.heading(f"About {pack.trust.name}", 1)
            self.paragraph(pack.trust.about)
            if pack.trust.website:
                self.paragraph(f"Website: {pack.trust.website}")
        appendix = content.trainee_appendix(pack)
        if appendix:
            self.appendix(appendix)

    def appendix(self, appendix: Appendix) -> None:
        """What changes from the band 4 post, on a new page, one table for each kind of change."""
        self.heading(content.appendix_heading(appendix), 1, new_page=True)
        self.paragraph(appendix.introduction)
        for item in appendix.tables:
            self.heading(item.title, 2)
            if not item.rows:
                self.paragraph(item.empty_text)
                continue
            first = 40 if len(item.columns) == 2 else 34
            rest = (self.width_mm - first) / (len(item.columns) - 1)
            widths = [first] + [rest] * (len(item.columns) - 1)
            table = self.table(item.title, item.columns, widths)
            labelled = item.columns[0] == ""
            for cells in item.rows:
                self.row(table, cells, label=labelled)

    def values(self, values: list[dict[str, str]]) -> None:
        for value in values:
            paragraph = _styled(self.doc.add_paragraph(), self.styles.bullet)
            paragraph.add_run(value["name"]).bold = True
            if value.get("description"):
                paragraph.add_run(f": {value['description']}")

    def person_specification(self) -> None:
        pack = self.pack
        self.label_table("Post details", content.ps_details_rows(pack))
        self.paragraph(content.PS_INTRO, after_table=True)
        self.heading("Criteria", 1)
        widths = [33, 87, 28, 26]
        table = self.table(
            "Person specification criteria",
            ["Category", "Criterion", "Essential or desirable", "How assessed"],
            widths,
        )
        for category in pack.person_spec:
            for index, criterion in enumerate(category.criteria):
                row = self.row(
                    table,
                    [
                        category.title,
                        criterion.text,
                        content.NEED_TEXT[criterion.need],
                        content.assessed_text(criterion.assessed),
                    ],
                )
                _shade(row.cells[0], HEADER_FILL)
                if index == 0:
                    row.cells[0].paragraphs[0].runs[0].bold = True
        self.paragraph(content.legend_text(pack), after_table=True)

    def training_record(self) -> None:
        record = self.pack.training_record
        if record is None:
            raise ValueError("a training record needs a trainee post")
        self.label_table("The post and the programme", content.record_details_rows(record))
        self.heading("The trainee", 1)
        self.label_table(
            "The trainee: to fill in",
            [(label, "") for label in content.TRAINEE_FIELDS],
            height_mm=WRITE_IN_MM["field"],
        )
        self.heading("Competencies to reach", 1)
        self.paragraph(content.record_intro(record))
        for group in content.competency_groups(record):
            self.heading(group.title, 2)
            table = self.table(f"Competencies: {group.title}", record.columns, [99, 26, 73, 26, 37])
            for item in group.rows:
                row = self.row(table, ["", item.standards, "", "", ""])
                _min_height(row, WRITE_IN_MM["competency"])
                competency = row.cells[0].paragraphs[0]
                competency.add_run(f"{item.number}.").bold = True
                competency.add_run(f" {item.text}")
                if item.note:
                    note = row.cells[0].add_paragraph()
                    note.paragraph_format.space_after = Pt(2)
                    note.add_run(item.note).font.color.rgb = _colour(NOTE_COLOUR)
            if group.keep_together:
                _keep_together(table)
        self.milestones(record)
        self.heading("Core standards", 1)
        self.paragraph(content.RECORD_STANDARDS_INTRO)
        legend = self.table("Core standards", ["Clause", "What it says"], [31, self.width_mm - 31])
        for standard in record.standards:
            self.row(legend, [standard.id, standard.text], label=True)
        for standard_id, reason in content.record_not_assessed(record):
            self.row(legend, [standard_id, f"Not assessed: {reason}"], label=True)
        if record.specialty_training:
            self.heading("Training and qualifications in this specialty", 1)
            self.bullets(record.specialty_training)
        self.heading("Final sign-off", 1)
        self.paragraph(content.final_statement(record))
        sign_off = self.table("Final sign-off", content.SIGN_OFF_COLUMNS, [44, 86, 86, 45])
        for who in record.final_sign_off:
            _min_height(self.row(sign_off, [who, "", "", ""], label=True), WRITE_IN_MM["sign-off"])
        _keep_together(sign_off)

    def milestones(self, record: TrainingRecord) -> None:
        self.heading("Milestones", 1)
        table = self.table("Milestones", record.milestone_columns, [44, 123, 34, 60])
        for milestone in record.milestones:
            row = self.row(table, [milestone.title, "", "", ""], label=True)
            _min_height(row, WRITE_IN_MM["milestone"])
            self.cell_bullets(row.cells[1], milestone.checks)
        if len(record.milestones) <= content.KEEP_TOGETHER_ROWS:
            _keep_together(table)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_docx(pack: JobPack, document: str) -> bytes:
    """One document of the pack as DOCX bytes."""
    word = WordDocument(pack, document)
    if document == "job-description":
        word.job_description()
    elif document == "training-record":
        word.training_record()
    else:
        word.person_specification()
    return word.save()


def render_files(pack: JobPack) -> dict[str, bytes]:
    return {f"{document}.docx": render_docx(pack, document) for document in content.documents(pack)}
