"""The band 4 terms: which post this is, its band, salary, hours, and who directs the work."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from jdbuilder.check.config import Pattern, PayYear, Rules
from jdbuilder.check.document import Block, Document
from jdbuilder.check.results import Finding
from jdbuilder.check.signals import group_hits, sentence_with_all
from jdbuilder.check.text import shorten

QUOTE = 300


def is_ap(document: Document, rules: Rules) -> bool:
    """Whether the document says it is about an assistant (or associate) practitioner."""
    return any(p.search(block.text) for block in document.blocks for p in rules.role)


def is_trainee(document: Document, rules: Rules) -> bool:
    """A trainee post says so in its title area or in a block labelled as the job title."""
    title_area = document.blocks[: rules.trainee_title_blocks]
    labelled = [b for b in document.blocks if rules.job_title_label.search(b.text)]
    return any(p.search(block.text) for block in title_area + labelled for p in rules.trainee)


@dataclass(frozen=True)
class BandMention:
    band: int
    location: str
    declared: bool


def _bands_at(
    patterns: tuple[Pattern, ...], text: str, ignored: list[tuple[int, int]]
) -> dict[int, int]:
    """Band numbers by their position in the text, leaving out those in ignored spans."""
    return {
        match.start("band"): int(match.group("band"))
        for pattern in patterns
        for match in pattern.finditer(text)
        if not any(start <= match.start("band") < end for start, end in ignored)
    }


def _band_mentions(document: Document, rules: Rules) -> Iterator[BandMention]:
    """Every band the document gives for this post, in reading order, declared or not."""
    for block in document.blocks:
        ignored = [m.span() for p in rules.band_not_this_post for m in p.finditer(block.text)]
        declared = _bands_at(rules.band_declared, block.text, ignored)
        mentioned = _bands_at((rules.band_mention,), block.text, ignored)
        for where in sorted(declared.keys() | mentioned.keys()):
            band = declared[where] if where in declared else mentioned[where]
            yield BandMention(band, block.location, where in declared)


def band(document: Document, rules: Rules, trainee: bool) -> tuple[int | None, list[Finding]]:
    """The band the document states for the post, and what is wrong with it."""
    mentions = list(_band_mentions(document, rules))
    declared = [m for m in mentions if m.declared]
    post_kind = (
        "a trainee assistant practitioner post" if trainee else "an assistant practitioner post"
    )
    expected = rules.trainee_band if trainee else rules.ap_band
    if not mentions:
        return None, [
            Finding(
                "error",
                "band-missing",
                f"The Agenda for Change band is not stated; {post_kind} is band {expected}.",
            )
        ]
    findings: list[Finding] = []
    chosen = declared[0] if declared else mentions[0]
    stated = chosen.band
    if declared:
        others = [m for m in declared if m.band != stated]
        if others:
            findings.append(
                Finding(
                    "error",
                    "band-inconsistent",
                    f"The band is stated as {stated} ({chosen.location}) and as {others[0].band}"
                    f" ({others[0].location}); state one band.",
                    others[0].location,
                )
            )
    stray = [m for m in mentions if not m.declared and m.band != stated]
    if stray and not any(f.code == "band-inconsistent" for f in findings):
        findings.append(
            Finding(
                "warning",
                "band-inconsistent",
                f"Band {stray[0].band} is mentioned, but the post is band {stated} "
                f"({chosen.location}); if it is about other staff or progression, say so in "
                "the same sentence.",
                stray[0].location,
            )
        )
    allowed = {rules.trainee_band, rules.ap_band} if trainee else {rules.ap_band}
    if stated not in allowed:
        if stated == rules.trainee_band:
            message = (
                f"Band {stated} is for a trainee assistant practitioner post, but the title does "
                "not say the post is a trainee post; an assistant practitioner post is band "
                f"{rules.ap_band}."
            )
        else:
            message = f"The post is band {stated}; {post_kind} is band {expected}."
        findings.append(Finding("error", "band-not-ap", message, chosen.location))
    else:
        findings.append(
            Finding("info", "band-stated", f"Band {stated} is stated.", chosen.location)
        )
    return stated, findings


@dataclass(frozen=True)
class Salary:
    low: int
    high: int
    location: str

    @property
    def text(self) -> str:
        if self.low == self.high:
            return f"£{self.low:,}"
        return f"£{self.low:,} to £{self.high:,}"


def _money(text: str) -> int:
    return int(float(re.sub(r"[£,\s]", "", text)))


def _salaries(block: Block, rules: Rules) -> Iterator[Salary]:
    amounts = [
        m
        for m in rules.salary_amount.finditer(block.text)
        if _money(m.group()) >= rules.salary_min_annual
    ]
    index = 0
    while index < len(amounts):
        low = amounts[index]
        high = amounts[index + 1] if index + 1 < len(amounts) else None
        between = block.text[low.end() : high.start()] if high else ""
        if high and rules.salary_range_joiner.fullmatch(between):
            yield Salary(_money(low.group()), _money(high.group()), block.location)
            index += 2
        else:
            yield Salary(_money(low.group()), _money(low.group()), block.location)
            index += 1


def _year_in_force(pay_years: tuple[PayYear, ...], as_of: datetime.date) -> PayYear | None:
    usable = [year for year in pay_years if year.effective_from <= as_of]
    return usable[-1] if usable else None


def _matching(salary: Salary, pay_years: tuple[PayYear, ...]) -> list[tuple[PayYear, int]]:
    found = []
    for year in pay_years:
        for band_number, points in year.bands.items():
            is_point = salary.low == salary.high and salary.low in points
            if is_point or (salary.low, salary.high) == (points[0], points[-1]):
                found.append((year, band_number))
    return found


def salary(
    document: Document, rules: Rules, band_number: int, as_of: datetime.date
) -> list[Finding]:
    """Each salary quoted, matched against the pay points in the data."""
    findings: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    in_force = _year_in_force(rules.pay_years, as_of)
    for block in document.blocks:
        if any(p.search(block.text) for p in rules.salary_not_this_post):
            continue
        for quoted in _salaries(block, rules):
            if (quoted.low, quoted.high) in seen:
                continue
            seen.add((quoted.low, quoted.high))
            findings.append(_salary_finding(quoted, band_number, in_force, rules, as_of))
    if not findings:
        findings.append(
            Finding("info", "salary-not-stated", "No annual salary is quoted, so none was checked.")
        )
    return findings


def _salary_finding(
    quoted: Salary,
    band_number: int,
    in_force: PayYear | None,
    rules: Rules,
    as_of: datetime.date,
) -> Finding:
    matches = _matching(quoted, rules.pay_years)
    own_band = [year for year, b in matches if b == band_number]
    years = (
        f"{rules.pay_years[0].year} to {rules.pay_years[-1].year}" if rules.pay_years else "none"
    )
    if own_band:
        year = own_band[-1]
        if in_force is None or year == in_force:
            return Finding(
                "info",
                "salary-matches",
                f"The salary {quoted.text} matches the band {band_number} pay points for "
                f"{year.year}.",
                quoted.location,
            )
        return Finding(
            "warning",
            "salary-out-of-date",
            f"The salary {quoted.text} matches the band {band_number} pay points for "
            f"{year.year}, but on {as_of.isoformat()} the latest pay year in the data is "
            f"{in_force.year}: update the salary.",
            quoted.location,
        )
    if matches:
        year, other = matches[-1]
        return Finding(
            "warning",
            "salary-band-mismatch",
            f"The salary {quoted.text} matches band {other} ({year.year}), not band {band_number}.",
            quoted.location,
        )
    return Finding(
        "warning",
        "salary-unknown",
        f"The salary {quoted.text} does not match the band {band_number} pay points of any pay "
        f"year in the data ({years}); check it against the NHS Employers pay tables (a high "
        "cost area supplement or a part-time figure should be shown separately).",
        quoted.location,
    )


def hours(document: Document, rules: Rules) -> list[Finding]:
    """Weekly hours stated, and any above the full-time limit."""
    found: list[tuple[float, str]] = []
    for block in document.blocks:
        for pattern in rules.weekly_hours:
            for match in pattern.finditer(block.text):
                found.append((float(match.group("hours")), block.location))
    if not found:
        return [
            Finding(
                "warning",
                "hours-missing",
                f"The weekly hours are not stated (full time is {rules.max_weekly_hours:g} hours "
                "a week).",
            )
        ]
    over = [(value, where) for value, where in found if value > rules.max_weekly_hours]
    if over:
        return [
            Finding(
                "error",
                "hours-over",
                f"{value:g} hours a week is more than the Agenda for Change full-time "
                f"{rules.max_weekly_hours:g} hours.",
                where,
            )
            for value, where in dict.fromkeys(over)
        ]
    value, where = found[0]
    return [Finding("info", "hours-stated", f"{value:g} hours a week.", where)]


def directed_by(document: Document, rules: Rules) -> list[Finding]:
    """A registered professional named as directing or delegating the work."""
    sentence = sentence_with_all(rules.directed_by, document.sentences)
    if sentence is None:
        return [
            Finding(
                "error",
                "directed-by-missing",
                "No registered professional is named as directing, delegating or supervising "
                "the work (an assistant practitioner works under the direction of a registered "
                "practitioner, such as an HCPC-registered radiographer or an NMC-registered nurse).",
            )
        ]
    return [
        Finding(
            "info",
            "directed-by",
            f"Work directed by a registered professional: “{shorten(sentence.text, QUOTE)}”",
            sentence.location,
        )
    ]


def accountability(document: Document, rules: Rules) -> list[Finding]:
    """A statement of the postholder's accountability for delegated work."""
    sentence = sentence_with_all(rules.accountability, document.sentences)
    if sentence is not None:
        return [
            Finding(
                "info",
                "accountability",
                f"Accountability and delegation: “{shorten(sentence.text, QUOTE)}”",
                sentence.location,
            )
        ]
    partial = next(
        (s for s in document.sentences if group_hits(rules.accountability, s.text)[0]), None
    )
    if partial is not None:
        return [
            Finding(
                "warning",
                "accountability-partial",
                "Accountability is mentioned but not for delegated work or the postholder's own "
                f"actions: “{shorten(partial.text, QUOTE)}”",
                partial.location,
            )
        ]
    return [
        Finding(
            "error",
            "accountability-missing",
            "No accountability and delegation statement, such as: once you accept a delegated "
            "activity you are accountable for your own actions, and you tell the registered "
            "practitioner at once if it is beyond your competence.",
        )
    ]
