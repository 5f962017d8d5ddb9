"""Job descriptions written for the tests, as NHS trusts write them, and writers for each format.

None of these comes from jdbuilder: the wording follows real English NHS job descriptions
(job details table, job purpose, duties, standard trust clauses, a person specification table
and a footer with the review date). The trusts are fictional. Each sample can be written as
a Word document (python-docx, directly), as HTML for WeasyPrint, as Markdown or as plain text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SampleJD:
    """A job description: details table, sections of paragraphs or bullets, person spec, footer."""

    trust: str
    title: str
    details: list[tuple[str, str]]
    sections: list[tuple[str, list[str]]]
    person_spec: list[tuple[str, str, str]] = field(default_factory=list)  # criterion, need, how
    footer: str = ""


# Clauses as trusts commonly word them (paraphrased from the standard sections of real JDs).
STANDARD_CLAUSES = [
    (
        "Safeguarding",
        [
            "The trust is committed to safeguarding and promoting the welfare of children, young "
            "people and adults at risk. All staff must attend safeguarding training at the level "
            "required for their role and report any concerns in line with trust procedures."
        ],
    ),
    (
        "Infection prevention and control",
        [
            "All staff must comply with the trust's infection prevention and control policies, "
            "including hand hygiene and the use of personal protective equipment (PPE)."
        ],
    ),
    (
        "Confidentiality and information governance",
        [
            "The postholder must maintain the confidentiality of information about patients and "
            "staff, in line with the Data Protection Act 2018 and the trust's information "
            "governance policies."
        ],
    ),
    (
        "Health and safety",
        [
            "The postholder must take reasonable care for their own health and safety and that "
            "of others, and report all incidents, accidents and near misses using the trust's "
            "incident reporting system."
        ],
    ),
    (
        "Equality and diversity",
        [
            "The trust values equality and diversity. The postholder must treat patients, carers "
            "and colleagues with dignity and respect, and must not discriminate on the grounds "
            "of any protected characteristic."
        ],
    ),
    (
        "Code of conduct",
        [
            "The postholder must adhere to the Code of Conduct for Healthcare Support Workers and "
            "Adult Social Care Workers in England."
        ],
    ),
    (
        "Disclosure and Barring Service",
        [
            "This post is subject to an enhanced Disclosure and Barring Service (DBS) check, "
            "including a check of the adults' barred list."
        ],
    ),
    (
        "Our values",
        [
            "All staff are expected to uphold the values of the NHS Constitution and our trust "
            "values of Caring, Respectful and Open."
        ],
    ),
    (
        "No smoking",
        ["The trust operates a smoke-free policy on all of its sites."],
    ),
    (
        "Appraisal and development",
        [
            "The postholder will take part in an annual appraisal, agree a personal development "
            "plan and complete all statutory and mandatory training."
        ],
    ),
    (
        "General",
        [
            "This job description is not exhaustive and is an outline of the main duties of the "
            "post. The postholder may be asked to undertake other duties commensurate with the "
            "band to meet the needs of the service.",
            "This job description will be reviewed annually as part of the appraisal process, "
            "and in the light of changes to the service.",
        ],
    ),
]

GOOD = SampleJD(
    trust="Northshire Community Health NHS Trust",
    title="Assistant Practitioner (Community Therapy)",
    details=[
        ("Job title", "Assistant Practitioner (Community Therapy)"),
        ("Band", "Band 4 (Agenda for Change)"),
        ("Salary", "£27,485 - £30,162 per annum"),
        ("Hours", "37.5 hours per week"),
        ("Base", "Riverside Health Centre, Northshire"),
        ("Reports to", "Team Lead Physiotherapist"),
        ("Accountable to", "Head of Therapy Services"),
    ],
    sections=[
        (
            "Job purpose",
            [
                "The Assistant Practitioner works as part of the multidisciplinary community "
                "therapy team, carrying out delegated clinical tasks under the direction of "
                "HCPC registered physiotherapists and occupational therapists.",
                "The postholder will manage a caseload of patients delegated by a registered "
                "practitioner and will work without direct supervision, including lone working "
                "on home visits in line with the lone working policy.",
                "The postholder is accountable for their own actions and for the delegated tasks "
                "they accept, working within their scope of practice and asking a registered "
                "practitioner for advice when needed.",
            ],
        ),
        (
            "Main duties",
            [
                "Carry out therapy assessments and treatment programmes delegated by the "
                "registered practitioner, using agreed protocols.",
                "Review patients' progress and report changes to the supervising therapist.",
                "Teach patients and carers exercises and the safe use of equipment.",
                "Supervise and support therapy support workers and students on placement.",
                "Keep accurate electronic patient records.",
            ],
        ),
        (
            "Training and development",
            [
                "Competencies will be learned through work-based training and signed off in the "
                "workplace by registered practitioners.",
                "The postholder will keep their skills up to date through continuing "
                "professional development (CPD) and take part in an annual appraisal.",
            ],
        ),
        (
            "Recruitment",
            [
                "Applicants will be shortlisted against the person specification, and the "
                "recruiting manager and a senior therapist will interview shortlisted candidates."
            ],
        ),
        *STANDARD_CLAUSES,
    ],
    person_spec=[
        (
            "Foundation degree in health and social care, or an equivalent level 5 qualification",
            "Essential",
            "Application form, certificates",
        ),
        (
            "English and maths at GCSE grade 4 (C) or Functional Skills level 2, or equivalent",
            "Essential",
            "Application form, certificates",
        ),
        (
            "Experience of working in a health or social care setting",
            "Essential",
            "Application form, interview",
        ),
        ("Experience of community rehabilitation", "Desirable", "Application form, interview"),
        ("Able to drive and hold a full driving licence", "Desirable", "Application form"),
    ],
    footer="Date reviewed: March 2025. Version 3.",
)

THIN = SampleJD(
    trust="Westmoor Hospitals NHS Foundation Trust",
    title="Assistant Practitioner, Ward 7",
    details=[("Job title", "Assistant Practitioner"), ("Band", "4"), ("Department", "Ward 7")],
    sections=[
        ("Job summary", ["To assist the nursing team with patient care on Ward 7."]),
        (
            "Duties",
            [
                "Take and record patient observations.",
                "Help patients with personal care.",
                "Keep the ward tidy and stocked.",
                "Any other duties as required.",
            ],
        ),
        ("Confidentiality", ["All information about patients is confidential."]),
    ],
)

OLD = SampleJD(
    trust="Eastbridge University Hospitals NHS Trust",
    title="Assistant Practitioner (Imaging)",
    details=[
        ("Job title", "Assistant Practitioner (Imaging)"),
        ("Grade", "Band 4"),
        ("Salary", "£25,147 to £27,596"),
        ("Hours", "37.5 hrs per week"),
        ("Responsible to", "Superintendent Radiographer"),
    ],
    sections=[
        (
            "Job purpose",
            [
                "To undertake a range of plain film examinations under the supervision of HCPC "
                "registered radiographers, working within departmental protocols.",
                "The postholder is accountable for their own practice and for delegated "
                "examinations, and must refer to a radiographer anything outside their scope "
                "of practice.",
            ],
        ),
        (
            "Main duties",
            [
                "Perform plain film examinations of the chest and limbs as delegated.",
                "Work with the multidisciplinary team in the emergency department.",
                "Complete competency assessments signed off by a radiographer in the workplace.",
            ],
        ),
        *STANDARD_CLAUSES,
    ],
    person_spec=[
        ("Foundation degree or level 5 diploma in radiography", "Essential", "A"),
        ("Experience of working in a hospital imaging department", "Essential", "A, I"),
        ("Phlebotomy certificate", "Desirable", "A"),
    ],
    footer="Date reviewed: 12/06/2023",
)

TRAINEE = SampleJD(
    trust="Northshire Community Health NHS Trust",
    title="Trainee Assistant Practitioner (Radiography)",
    details=[
        ("Job title", "Trainee Assistant Practitioner (Radiography)"),
        ("Band", "Band 3, moving to band 4 on completion of training"),
        ("Salary", "£24,937 - £26,598 per annum"),
        ("Hours", "37.5 hours per week"),
        ("Reports to", "Superintendent Radiographer"),
    ],
    sections=[
        (
            "Job purpose",
            [
                "The trainee works towards the level 5 Assistant Practitioner (Health) "
                "apprenticeship while learning to carry out plain film examinations under the "
                "direct supervision of HCPC registered radiographers.",
                "The trainee is accountable for their own actions and accepts only delegated "
                "tasks they have been trained for, telling the radiographer at once if unsure.",
            ],
        ),
        (
            "Main duties",
            [
                "Learn to position patients for plain film examinations in the multidisciplinary "
                "imaging team.",
                "Complete work-based competencies, signed off in the workplace by radiographers.",
                "Attend university study days and complete the foundation degree programme.",
            ],
        ),
        (
            "Recruitment",
            [
                "Candidates are shortlisted against the person specification and interviewed by "
                "the imaging services manager."
            ],
        ),
        *STANDARD_CLAUSES,
    ],
    person_spec=[
        (
            "Commitment to complete a level 5 foundation degree or apprenticeship",
            "Essential",
            "Interview",
        ),
        (
            "English and maths at GCSE grade 4 (C) or Functional Skills level 2, or equivalent",
            "Essential",
            "Certificates",
        ),
        ("Experience of working in a health care setting", "Essential", "Application form"),
        ("Experience of working in imaging", "Desirable", "Application form"),
    ],
    footer="Review date: 1 September 2026",
)

NON_AP = SampleJD(
    trust="Westmoor Hospitals NHS Foundation Trust",
    title="Staff Nurse, Acute Medicine",
    details=[
        ("Job title", "Staff Nurse"),
        ("Band", "Band 5"),
        ("Hours", "37.5 hours per week"),
        ("Accountable to", "Ward Manager"),
    ],
    sections=[
        (
            "Job purpose",
            [
                "The staff nurse is an NMC registered nurse who assesses, plans and evaluates the "
                "care of a group of patients, and supervises healthcare support workers.",
            ],
        ),
        (
            "Duties",
            ["Administer medicines.", "Lead the shift in the absence of the nurse in charge."],
        ),
        *STANDARD_CLAUSES,
    ],
    person_spec=[
        ("Registered nurse (adult) with the NMC", "Essential", "Certificates"),
        ("Mentorship qualification", "Desirable", "Application form"),
    ],
    footer="Review date: January 2026",
)

SAMPLES = {"good": GOOD, "thin": THIN, "old": OLD, "trainee": TRAINEE, "non_ap": NON_AP}


def write_docx(jd: SampleJD, path: Path) -> Path:
    """A Word document as an HR team would make it: details and person spec as tables."""
    import docx

    document = docx.Document()
    document.add_paragraph(jd.trust)
    document.add_heading("Job description", level=1)
    details = document.add_table(rows=0, cols=2)
    for label, value in jd.details:
        cells = details.add_row().cells
        cells[0].text, cells[1].text = label, value
    for heading, paragraphs in jd.sections:
        document.add_heading(heading, level=2)
        bulleted = heading.lower().endswith("duties")
        for text in paragraphs:
            document.add_paragraph(text, style="List Bullet" if bulleted else None)
    if jd.person_spec:
        document.add_heading("Person specification", level=1)
        table = document.add_table(rows=1, cols=3)
        for cell, text in zip(
            table.rows[0].cells, ("Criteria", "Essential or desirable", "How assessed"), strict=True
        ):
            cell.text = text
        for criterion, need, how in jd.person_spec:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = criterion, need, how
    if jd.footer:
        document.sections[0].footer.paragraphs[0].text = jd.footer
    document.save(str(path))
    return path


def to_html(jd: SampleJD) -> str:
    """The same job description as an HTML page (for WeasyPrint)."""
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 2cm; @bottom-center { content: '"
        + e(jd.footer)
        + "'; font-size: 9pt } } body { font-family: sans-serif; font-size: 11pt }"
        " td, th { border: 1px solid #999; padding: 3pt }</style></head><body>",
        f"<p>{e(jd.trust)}</p><h1>Job description</h1><table>",
    ]
    parts += [f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in jd.details]
    parts.append("</table>")
    for heading, paragraphs in jd.sections:
        parts.append(f"<h2>{e(heading)}</h2>")
        if heading.lower().endswith("duties"):
            parts.append("<ul>" + "".join(f"<li>{e(p)}</li>" for p in paragraphs) + "</ul>")
        else:
            parts += [f"<p>{e(p)}</p>" for p in paragraphs]
    if jd.person_spec:
        parts.append(
            "<h1>Person specification</h1><table><tr><th>Criteria</th><th>Essential or desirable</th><th>How assessed</th></tr>"
        )
        parts += [
            f"<tr><td>{e(c)}</td><td>{e(n)}</td><td>{e(h)}</td></tr>" for c, n, h in jd.person_spec
        ]
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(jd: SampleJD, path: Path) -> Path:
    """A PDF made by WeasyPrint from the HTML form (the footer as a page margin box)."""
    from weasyprint import HTML

    HTML(string=to_html(jd)).write_pdf(str(path))
    return path


def to_markdown(jd: SampleJD) -> str:
    """The job description as Markdown, with pipe tables."""
    lines = [jd.trust, "", "# Job description", "", "| | |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in jd.details]
    for heading, paragraphs in jd.sections:
        lines += ["", f"## {heading}", ""]
        bulleted = heading.lower().endswith("duties")
        for text in paragraphs:
            lines += [f"- {text}"] if bulleted else [text, ""]
    if jd.person_spec:
        lines += [
            "",
            "# Person specification",
            "",
            "| Criteria | Essential or desirable | How assessed |",
            "|---|---|---|",
        ]
        lines += [f"| {c} | {n} | {h} |" for c, n, h in jd.person_spec]
    if jd.footer:
        lines += ["", jd.footer]
    return "\n".join(lines) + "\n"


def to_text(jd: SampleJD, width: int = 78) -> str:
    """Plain text, hard-wrapped as an email or an old text export would be."""
    import textwrap

    lines = [jd.trust, "", "JOB DESCRIPTION", ""]
    lines += [f"{label}: {value}" for label, value in jd.details]
    for heading, paragraphs in jd.sections:
        lines += ["", heading.upper(), ""]
        for text in paragraphs:
            lines += [*textwrap.wrap(text, width), ""]
    if jd.person_spec:
        lines += ["PERSON SPECIFICATION", ""]
        lines += [f"{c} - {n} - {h}" for c, n, h in jd.person_spec]
    if jd.footer:
        lines += ["", jd.footer]
    return "\n".join(lines) + "\n"
