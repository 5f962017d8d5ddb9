"""The person specification: present, with essential and desirable criteria, and level 5."""

from __future__ import annotations

from jdbuilder.check.config import Rules, Signals
from jdbuilder.check.document import Document
from jdbuilder.check.results import Finding
from jdbuilder.check.signals import group_hits, sentence_with_all
from jdbuilder.check.text import shorten, words

QUOTE = 300


HEADING_WORDS = 8


def person_spec(document: Document, rules: Rules, trainee: bool, level5: Signals) -> list[Finding]:
    """Findings about the person specification; `level5` are the signals of clause CS3.2."""
    qualification = (
        _trainee_programme(document, rules) if trainee else _level5(document, rules, level5)
    )
    return [*_criteria(document, rules), qualification]


def _criteria(document: Document, rules: Rules) -> list[Finding]:
    """A person specification with essential and desirable criteria."""
    headings = [b for b in document.blocks if any(p.search(b.text) for p in rules.ps_heading)]
    short = [b for b in headings if len(words(b.text)) <= HEADING_WORDS]
    heading = short[0] if short else headings[0] if headings else None
    essential = next((b for b in document.blocks if rules.ps_essential.search(b.text)), None)
    desirable = next((b for b in document.blocks if rules.ps_desirable.search(b.text)), None)
    if heading is None and (essential is None or desirable is None):
        return [
            Finding(
                "error",
                "ps-missing",
                "No person specification: a list of criteria, each essential or desirable, "
                "against which applicants are shortlisted and interviewed.",
            )
        ]
    first = heading or essential or desirable
    findings = [
        Finding(
            "info", "ps-present", "Person specification found.", first.location if first else None
        )
    ]
    if essential is None:
        findings.append(
            Finding(
                "error",
                "ps-no-essential",
                "The person specification marks no criterion as essential.",
            )
        )
    if desirable is None:
        findings.append(
            Finding(
                "warning",
                "ps-no-desirable",
                "The person specification marks no criterion as desirable.",
            )
        )
    return findings


def _level5(document: Document, rules: Rules, level5: Signals) -> Finding:
    """A criterion asking for a level 5 qualification, or at least a mention of one."""
    if not level5.groups:
        return Finding(
            "info",
            "ps-level5-not-checked",
            "The level 5 qualification is not checked: core standard clause 3.2 has no "
            "verified text in the standards data.",
        )
    for block in document.blocks:
        need = rules.ps_essential.search(block.text) or rules.ps_desirable.search(block.text)
        if need and all(group_hits(level5, block.text)):
            return Finding(
                "info",
                "ps-level5",
                f"Level 5 qualification ({need.group().lower()}): “{shorten(block.text, QUOTE)}”",
                block.location,
            )
    sentence = sentence_with_all(level5, document.sentences)
    if sentence is not None:
        return Finding(
            "info",
            "ps-level5",
            "Level 5 qualification mentioned, though not beside an essential or desirable "
            f"marking: “{shorten(sentence.text, QUOTE)}”",
            sentence.location,
        )
    return Finding(
        "error",
        "ps-level5-missing",
        "No level 5 qualification is asked for (such as a foundation degree or the level 5 "
        "Assistant Practitioner (Health) apprenticeship, or equivalent); core standard 3.2 sets "
        "assistant practitioner education at level 5.",
    )


def _trainee_programme(document: Document, rules: Rules) -> Finding:
    sentence = sentence_with_all(rules.trainee_programme, document.sentences)
    if sentence is not None:
        return Finding(
            "info",
            "trainee-programme",
            f"Level 5 programme for the trainee: “{shorten(sentence.text, QUOTE)}”",
            sentence.location,
        )
    return Finding(
        "error",
        "trainee-programme-missing",
        "A trainee post must name the level 5 programme the trainee will complete (such as the "
        "Assistant Practitioner (Health) apprenticeship or a foundation degree).",
    )
