"""The check's rules one at a time, and the data they come from."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdbuilder.check.config import CheckData
from jdbuilder.check.document import Block, Document, Sentence
from jdbuilder.check.language import flesch_reading_ease, syllables
from jdbuilder.check.results import Finding
from jdbuilder.check.review import parse_date
from jdbuilder.check.run import Checker, Settings
from jdbuilder.check.signals import assess
from jdbuilder.check.text import join_wrapped_lines, split_sentences
from jdbuilder.cli import cli
from jdbuilder.library import Library
from jdbuilder.resources import builtin

AS_OF = datetime.date(2026, 1, 15)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Library(), Settings(AS_OF))


@pytest.fixture(scope="module")
def data(checker: Checker) -> CheckData:
    return checker.data


def findings(checker: Checker, *texts: str) -> list[Finding]:
    document = Document("test.txt", "text", [Block(t, f"line {i}") for i, t in enumerate(texts, 1)])
    return checker.check_document(document).findings


def by_code(checker: Checker, prefix: str, *texts: str) -> list[tuple[str, str, str]]:
    return [
        (f.severity, f.code, f.message)
        for f in findings(checker, *texts)
        if f.code.startswith(prefix)
    ]


# --- the data: composition writes what the check looks for --------------------------------------


def test_every_verified_clause_statement_carries_its_own_evidence(data: CheckData) -> None:
    """Every JD prints these statements, so every built JD evidences every verified clause."""
    library = Library()
    for standard in library.core_standards.data["standards"]:
        for clause in standard["clauses"]:
            if not clause["verified"]:
                continue
            statement = " ".join(clause["statement"].split())
            sentences = [Sentence(s, "statement") for s in split_sentences(statement)]
            spec = next(c for s in data.standards for c in s.clauses if c.id == clause["id"])
            assert assess(spec.signals, sentences)[0] == "met", clause["id"]


def test_every_standard_clause_text_carries_its_own_signals(data: CheckData) -> None:
    """Every JD prints these clauses (here with the hints shown for the trust's own values)."""
    for spec in data.clauses:
        assert "{" not in spec.text, spec.id
        sentences = [Sentence(s, "clause") for s in split_sentences(spec.text)]
        assert assess(spec.signals, sentences, topic_first=True)[0] == "met", spec.id


def test_the_standards_files_validate(runner: CliRunner) -> None:
    folder = builtin("standards")
    result = runner.invoke(
        cli, ["validate", str(folder / "check.yaml"), str(folder / "language.yaml")]
    )
    assert result.exit_code == 0, result.output


def write_check_with_a_bad_pattern(folder: Path) -> int:
    """A copy of check.yaml in folder whose first trainee pattern does not compile; its line."""
    folder.mkdir()
    text = (builtin("standards") / "check.yaml").read_text()
    text = text.replace("    - '\\btrainee\\b'", "    - 'trainee(('", 1)
    (folder / "check.yaml").write_text(text)
    return 1 + text.splitlines().index("    - 'trainee(('")


def test_a_bad_pattern_in_local_standards_is_reported_with_its_line(
    runner: CliRunner, in_tmp: Path
) -> None:
    line = write_check_with_a_bad_pattern(in_tmp / "mine")
    shutil.copy(builtin("examples") / "example-trust" / "radiography.yaml", in_tmp / "r.yaml")
    result = runner.invoke(cli, ["--standards", "mine", "check", "r.yaml"])
    assert result.exit_code == 1
    assert (
        f"mine/check.yaml:{line}:7: trainee.any[0]: not a valid regular expression: missing )"
        in result.stderr
    )
    assert "Traceback" not in result.output


def test_validate_reports_a_bad_pattern_in_a_local_check_file(
    runner: CliRunner, in_tmp: Path
) -> None:
    line = write_check_with_a_bad_pattern(in_tmp / "mine")
    result = runner.invoke(cli, ["validate", "mine/check.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"mine/check.yaml:{line}:7: trainee.any[0]: not a valid regular expression: missing ), "
        "unterminated subpattern at position 8",
        "1 problem found",
    ]


def test_a_bad_review_label_in_local_standards_is_reported_with_its_line(
    runner: CliRunner, in_tmp: Path
) -> None:
    """A label is matched with the date after it, so it may not have its own date group
    or flags that must start the whole pattern."""
    (in_tmp / "mine").mkdir()
    text = (builtin("standards") / "check.yaml").read_text()
    text = text.replace("    - '\\breview date\\b'", "    - 'review date (?P<date>\\S+)'", 1)
    text = text.replace("  due_labels:\n    - '", "  due_labels:\n    - '(?i)", 1)
    (in_tmp / "mine" / "check.yaml").write_text(text)
    (in_tmp / "jd.txt").write_text("Assistant practitioner\nReview date: 1 June 2026\n")
    result = runner.invoke(cli, ["--standards", "mine", "check", "jd.txt"])
    assert result.exit_code == 1
    lines = text.splitlines()
    plain = 1 + lines.index("    - 'review date (?P<date>\\S+)'")
    due = 1 + next(i for i, line in enumerate(lines) if line.startswith("    - '(?i)"))
    assert result.stderr == (
        f"mine/check.yaml:{due}:7: review.due_labels[0]: not a valid regular expression when "
        "followed by a date: global flags not at the start of the expression\n"
        f"mine/check.yaml:{plain}:7: review.plain_labels[0]: a label must not have its own "
        "(?P<date>...) group: the check finds the date that follows the label\n"
        "2 problems found\n"
    )
    assert "Traceback" not in result.output


# --- text ------------------------------------------------------------------------------------


def test_sentences_keep_abbreviations_and_split_cells() -> None:
    assert split_sentences(
        "Follow the Health and Safety at Work etc. Act 1974. Wear PPE, e.g. gloves. Report it."
    ) == [
        "Follow the Health and Safety at Work etc. Act 1974.",
        "Wear PPE, e.g. gloves.",
        "Report it.",
    ]
    assert split_sentences("Band | 4 | Agenda for Change") == ["Band", "4", "Agenda for Change"]
    assert split_sentences("• Take observations\n• Keep records.") == [
        "Take observations",
        "Keep records.",
    ]


def test_wrapped_lines_are_joined_but_headings_and_items_kept_apart() -> None:
    lines = [
        (1, "Band: 4"),
        (2, "Hours: 37.5 hours per week"),
        (3, ""),
        (4, "The postholder will work under the direction of the registered"),
        (5, "practitioner and will be accountable for their own actions."),
        (6, "- Take observations"),
        (7, "- Keep records"),
    ]
    assert join_wrapped_lines(lines) == [
        (1, "Band: 4"),
        (2, "Hours: 37.5 hours per week"),
        (
            4,
            "The postholder will work under the direction of the registered practitioner and "
            "will be accountable for their own actions.",
        ),
        (6, "- Take observations"),
        (7, "- Keep records"),
    ]


# --- readability -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("care", 1),
        ("cared", 1),
        ("makes", 1),
        ("uses", 2),
        ("table", 2),
        ("patient", 2),
        ("delegated", 4),
        ("radiographer", 4),
        ("NHS", 1),
        ("37.5", 1),
        ("the", 1),
    ],
)
def test_syllables_by_the_vowel_group_rule(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_reading_ease() -> None:
    # 6 words of one syllable in one sentence: 206.835 - 1.015 * 6 - 84.6 * 1
    assert flesch_reading_ease(["The cat sat on the mat."]) == pytest.approx(116.145)
    assert flesch_reading_ease(["We care.", "We help."]) == pytest.approx(
        206.835 - 1.015 * 2 - 84.6
    )


def test_readability_names_its_method(checker: Checker) -> None:
    [(severity, _, message)] = by_code(
        checker,
        "lang-readability",
        "The postholder will take patient observations and record them.",
    )
    assert severity == "info"
    assert message.startswith("Flesch reading ease: ")
    assert "Method: 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words)" in message


# --- language ----------------------------------------------------------------------------------


def test_gender_coded_words_with_the_nhs_values_allowed(checker: Checker) -> None:
    found = by_code(
        checker,
        "lang-gender",
        "We want a competitive team member with compassion, commitment and courage, competent to "
        "lead the clinic, who will build trust with patients and support the trust's values.",
    )
    words = {
        message.split("”")[0].lstrip("“"): code
        for _, code, message in found
        if "summary" not in code
    }
    assert words == {
        "competitive": "lang-gender-masculine",
        "lead": "lang-gender-masculine",
        "trust": "lang-gender-feminine",
        "support": "lang-gender-feminine",
    }
    [summary] = [m for _, code, m in found if code == "lang-gender-summary"]
    assert summary.startswith(
        "Gender-coded words: 2 masculine-coded and 2 feminine-coded uses; 5 uses"
    )
    assert "Gaucher, D., Friesen, J. and Kay, A. C. (2011)" in summary
    assert all(severity == "info" for severity, _, _ in found)


def test_exact_entries_match_only_that_word(checker: Checker) -> None:
    found = by_code(
        checker, "lang-gender-", "Be kind. Kindness matters. Persist, and be persistent."
    )
    words = sorted(m.split("”")[0].lstrip("“") for _, code, m in found if "summary" not in code)
    assert words == ["kind", "persist"]


def test_long_sentences(checker: Checker) -> None:
    long = " ".join(["word"] * 26) + "."
    [(severity, code, message)] = by_code(checker, "lang-long-sentence", long, "Short one.")
    assert (severity, code) == ("warning", "lang-long-sentence")
    assert message.startswith("A sentence of 26 words (aim for 25 or fewer): “word word")


def test_acronyms_must_be_spelled_out_on_first_use(checker: Checker) -> None:
    found = by_code(
        checker,
        "lang-acronym",
        "JOB DESCRIPTION AND PERSON SPECIFICATION",
        "Follow standard operating procedures (SOPs) and the NHS values.",
        "Wear PPE in clinical areas.",
        "Wear personal protective equipment (PPE) at all times.",
        "A DBS (Disclosure and Barring Service) check is needed; the UK GDPR applies.",
        "Use SOPs.",
        "Complete Part II of the certificate, then the IV cannulation course.",
    )
    assert [(s, m) for s, _, m in found] == [
        (
            "warning",
            "“PPE” is not spelled out where it is first used; write it in full, then (PPE).",
        ),
        (
            "warning",
            "“GDPR” is not spelled out where it is first used; write it in full, then (GDPR).",
        ),
        ("warning", "“IV” is not spelled out where it is first used; write it in full, then (IV)."),
    ]


# --- band 4 terms ------------------------------------------------------------------------------


def test_band_stated_in_a_label_and_other_bands_in_context(checker: Checker) -> None:
    found = by_code(
        checker,
        "band",
        "Assistant Practitioner",
        "Pay band: AfC Band 4",
        "You will supervise band 2 and 3 healthcare support workers.",
        "Band 5 registered practitioners delegate work to the postholder.",
    )
    assert found == [("info", "band-stated", "Band 4 is stated.")]


def test_two_declared_bands_are_an_error(checker: Checker) -> None:
    found = by_code(checker, "band", "Assistant Practitioner", "Band: 4", "Grade: 5")
    assert ("error", "band-inconsistent") in {(s, c) for s, c, _ in found}


def test_a_stray_band_mention_is_a_warning(checker: Checker) -> None:
    found = by_code(checker, "band", "Assistant Practitioner", "Band: 4", "This is a band 5 role.")
    assert [(s, c) for s, c, _ in found] == [
        ("warning", "band-inconsistent"),
        ("info", "band-stated"),
    ]


def test_band_3_without_trainee_in_the_title_is_not_an_ap_band(checker: Checker) -> None:
    [(severity, code, message)] = by_code(checker, "band", "Assistant Practitioner", "Band: 3")
    assert (severity, code) == ("error", "band-not-ap")
    assert message.startswith("Band 3 is for a trainee assistant practitioner post")


def test_missing_band_is_an_error(checker: Checker) -> None:
    assert by_code(checker, "band", "Assistant Practitioner") == [
        (
            "error",
            "band-missing",
            "The Agenda for Change band is not stated; an assistant practitioner post is band 4.",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salary: £27,485 - £30,162 per annum", ("info", "salary-matches", "2025/26")),
        ("£27,485 to £30,162 pro rata", ("info", "salary-matches", "2025/26")),
        ("Salary £26,530 – £29,114", ("warning", "salary-out-of-date", "2024/25")),
        ("Salary £24,071 to £25,674", ("warning", "salary-band-mismatch", "band 3 (2024/25)")),
        ("Salary £31,000 a year", ("warning", "salary-unknown", "2023/24 to 2025/26")),
        ("Salary £27,485", ("info", "salary-matches", "2025/26")),
    ],
)
def test_salary_against_the_pay_years_in_the_data(
    checker: Checker, text: str, expected: tuple[str, str, str]
) -> None:
    [(severity, code, message)] = by_code(
        checker, "salary", "Assistant Practitioner", "Band: 4", text
    )
    assert (severity, code) == expected[:2]
    assert expected[2] in message


def test_no_salary_is_a_note(checker: Checker) -> None:
    assert [c for _, c, _ in by_code(checker, "salary", "Band: 4")] == ["salary-not-stated"]


def test_hours_over_full_time_are_an_error(checker: Checker) -> None:
    found = by_code(checker, "hours", "Hours: 40 hours per week")
    assert found == [
        (
            "error",
            "hours-over",
            "40 hours a week is more than the Agenda for Change full-time 37.5 hours.",
        )
    ]
    assert by_code(checker, "hours", "Open 24 hours a day.")[0][1] == "hours-missing"


def test_accountability_needs_more_than_an_accountable_to_line(checker: Checker) -> None:
    assert by_code(checker, "accountab", "Accountable to: Head of Therapies")[0][:2] == (
        "error",
        "accountability-missing",
    )
    found = by_code(
        checker, "accountab", "You are accountable for your own actions once you accept a task."
    )
    assert found[0][:2] == ("info", "accountability")


# --- review dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-15", datetime.date(2027, 1, 15)),
        ("01/06/2019", datetime.date(2019, 6, 1)),
        ("1/6/19", datetime.date(2019, 6, 1)),
        ("1st June 2024", datetime.date(2024, 6, 1)),
        ("June 2024", datetime.date(2024, 6, 30)),
        ("Sept 2023", datetime.date(2023, 9, 30)),
        ("31 February 2020", None),
    ],
)
def test_dates_are_read_day_first_and_months_to_their_last_day(
    text: str, expected: datetime.date | None
) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "severity"),
    [
        ("Next review due: 1 December 2025", "review-overdue", "error"),
        ("Next review due: 1 December 2026", "review-date", "info"),
        ("Date reviewed: November 2024", "review-overdue", "error"),
        ("Date reviewed: February 2025", "review-date", "info"),
        ("Review date: 2027-01-15", "review-date", "info"),
        ("Review date | 01/01/2025", "review-overdue", "error"),
        ("This job description will be reviewed in June 2025.", "review-date", "info"),
        ("Nothing about review here.", "review-date-missing", "warning"),
    ],
)
def test_review_dates(checker: Checker, text: str, code: str, severity: str) -> None:
    [found] = by_code(checker, "review-", text)
    assert found[:2] == (severity, code)


def test_reference_codes_are_not_acronyms(checker: Checker) -> None:
    found = by_code(
        checker,
        "lang-acronym",
        "Job reference 401-AP-RAD-26, or AP/2026/14 in the old system.",
        "Ask the ODP before you start.",
    )
    assert [m for _, _, m in found] == [
        "“ODP” is not spelled out where it is first used; write it in full, then (ODP)."
    ]
