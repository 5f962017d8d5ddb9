"""jdbuilder's own posts: a JSON pack (`jdbuilder build -f json`) or a role file, composed.

The pack is turned into the text a job description built from it shows, section by section,
so that the check reads jdbuilder's output the same way it reads anyone else's.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jdbuilder.check.document import Block, UnreadableDocument
from jdbuilder.errors import InvalidInput, JDBuilderError
from jdbuilder.library import Library
from jdbuilder.render.content import NEED_TEXT

PACK_KEY = "jdbuilder_pack"


def read_pack(data: bytes) -> list[Block]:
    """The blocks of a JSON pack written by `jdbuilder build -f json`."""
    return pack_blocks(load_pack(data))


def load_pack(data: bytes) -> dict[str, Any]:
    """The JSON of a jdbuilder pack; UnreadableDocument if it is not JSON or not a pack."""
    try:
        pack = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableDocument(f"is not valid JSON: {error}") from None
    if not isinstance(pack, dict) or PACK_KEY not in pack:
        raise UnreadableDocument(
            f"is JSON but not a jdbuilder pack (no `{PACK_KEY}` key); "
            "write one with `jdbuilder build ROLE -f json`"
        )
    return pack


def read_role(path: Path, library: Library, as_of: datetime.date) -> list[Block]:
    """Compose a role file (with its trust) and return the blocks of the resulting pack."""
    from jdbuilder.compose import compose
    from jdbuilder.inputs import load_role

    try:
        pack = compose(load_role(path, library), library, as_of)
    except InvalidInput as error:
        details = "; ".join(str(problem) for problem in error.problems[:5])
        raise UnreadableDocument(f"is not a valid role file: {details}") from None
    except JDBuilderError as error:
        raise UnreadableDocument(f"cannot be composed: {error}") from None
    return pack_blocks(pack.to_dict())


def pack_blocks(pack: dict[str, Any]) -> list[Block]:
    """The text of the pack's job description and person specification, in print order."""
    try:
        return list(_blocks(pack))
    except (KeyError, TypeError, AttributeError) as error:
        raise UnreadableDocument(f"is not a complete jdbuilder pack (missing {error})") from None


def _blocks(pack: dict[str, Any]) -> Iterator[Block]:
    trust, pay = pack["trust"], pack["pay"]
    yield Block(trust["name"], "heading")
    yield Block(f"Job title: {pack['job_title']}", "job title")
    yield Block(f"Band: Agenda for Change band {pack['band']}", "band")
    yield Block(
        f"Salary: {pay['range_text']} (band {pay['band']}, {pay['pay_year']} pay year)", "salary"
    )
    yield Block(f"Hours: {pack['hours_per_week']:g} hours a week", "hours")
    yield Block(f"Contract: {pack['contract_text']}", "contract")
    yield Block(f"Base: {pack['base']}", "base")
    yield Block(f"Reports to: {pack['reports_to']}", "reports to")
    yield Block(f"Accountable to: {pack['accountable_to']}", "accountable to")
    yield Block(pack["purpose"], "job purpose")
    if pack.get("setting"):
        yield Block(pack["setting"], "setting")
    yield Block(f"Work directed by: {pack['directed_by']}", "directed by")
    for area in pack["duty_areas"]:
        yield Block(area["title"], f"duties: {area['id']}")
        for duty in area["duties"]:
            yield Block(duty["text"], f"duty {duty['id']}")
    for side, people in pack.get("working_relationships", {}).items():
        if people:
            yield Block(
                f"Working relationships ({side}): {'; '.join(people)}", "working relationships"
            )
    training = pack.get("training")
    if training:
        for key in (
            "programme",
            "duration",
            "care_certificate",
            "english_and_maths",
            "supervision",
            "progression",
            "pay_basis_text",
        ):
            yield Block(str(training[key]), f"training: {key.replace('_', ' ')}")
    for index, text in enumerate(pack.get("specialty_training", []), start=1):
        yield Block(text, f"specialty training {index}")
    for clause in pack["clauses"]:
        yield Block(clause["title"], f"clause {clause['id']}")
        yield Block(clause["text"], f"clause {clause['id']}")
    for standard in pack["core_standards"]:
        for clause in standard["clauses"]:
            yield Block(f"{clause['id']}: {clause['statement']}", f"core standard {clause['id']}")
    yield Block("Person specification", "person specification")
    for category in pack["person_spec"]:
        for criterion in category["criteria"]:
            yield Block(
                f"{criterion['text']} | {NEED_TEXT[criterion['need']]} | {', '.join(criterion['assessed'])}",
                f"person specification: {criterion['id']}",
            )
    yield Block(f"Review date: {pack['review_date']}", "review date")
    yield Block(f"Version: {pack['version']}", "version")
