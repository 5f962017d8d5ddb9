"""The NHS Jobs advert as plain text to paste from, and as JSON for recruitment systems."""

from __future__ import annotations

import json
from typing import Any

from jdbuilder.advert import Advert, AdvertField, AdvertLimitError, compose_advert
from jdbuilder.model import JobPack

#: the version of the advert.json layout; raise it when a key changes meaning
ADVERT_JSON_VERSION = 1


def count_text(box: AdvertField) -> str:
    """'(612 of 1,500 characters, at least 100)'."""
    text = f"({box.characters:,} of {box.maximum:,} characters"
    if box.minimum:
        text += f", at least {box.minimum:,}"
    return text + ")"


def render_text(advert: Advert) -> str:
    """Each box under its NHS Jobs label with its count, then the other details."""
    lines = [
        f"NHS Jobs advert: {advert.job_title}",
        "",
        "Paste each box into the NHS Jobs field of the same name. Counts are after clean-up "
        "(plain quotes and hyphens, no tabs, no invisible characters), with a line break "
        f"counted as {advert.line_break_counts_as} character"
        f"{'s' if advert.line_break_counts_as != 1 else ''}.",
        f"Limits from: {advert.source.title}",
    ]
    for box in advert.boxes:
        lines += ["", f"=== {box.label} {count_text(box)} ===", box.text]
    lines += ["", "=== Other details (no character limit) ==="]
    for name, value in advert.details.items():
        lines.append(f"{advert.labels[name]}: {value or '(not given)'}")
    return "\n".join(lines) + "\n"


def advert_data(advert: Advert) -> dict[str, Any]:
    """One key per advert field; the five limited boxes as {label, text, characters, min, max}."""
    data: dict[str, Any] = {"jdbuilder_advert": ADVERT_JSON_VERSION}
    for box in advert.boxes:
        data[box.id] = {
            "label": box.label,
            "text": box.text,
            "characters": box.characters,
            "min": box.minimum,
            "max": box.maximum,
        }
    data.update(advert.details)
    data["closing_date"] = advert.closing_date
    data["pay_year"] = advert.pay_year
    contact = advert.contact
    data["contact"] = {
        "name": contact.name,
        "job_title": contact.job_title,
        "email": contact.email,
        "phone": contact.phone,
    }
    data["person_specification"] = advert.person_specification
    data["labels"] = advert.labels
    data["line_break_counts_as"] = advert.line_break_counts_as
    data["limits_source"] = {
        "title": advert.source.title,
        "url": advert.source.url,
        "status": advert.source.status,
    }
    return data


def render_json(advert: Advert) -> str:
    return json.dumps(advert_data(advert), indent=2, ensure_ascii=False) + "\n"


def render_files(pack: JobPack) -> dict[str, bytes]:
    """advert.txt and advert.json; raises AdvertLimitError (and writes nothing) when a box
    breaks its limit."""
    advert = compose_advert(pack)
    if advert.problems:
        raise AdvertLimitError(advert)
    return {
        "advert.txt": render_text(advert).encode("utf-8"),
        "advert.json": render_json(advert).encode("utf-8"),
    }
