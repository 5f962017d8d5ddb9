"""Agenda for Change pay for a band on a date, from standards/afc_terms.yaml."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jdbuilder.errors import JDBuilderError
from jdbuilder.model import Annex21Rate, HighCostArea, Pay, SourceRef
from jdbuilder.wording import join_words

ZONE_NAMES = {"inner_london": "inner London", "outer_london": "outer London", "fringe": "fringe"}


def source_refs(entries: list[dict[str, Any]] | None) -> list[SourceRef]:
    return [SourceRef(e["title"], e.get("url"), e["status"]) for e in entries or []]


def pay_for(
    afc_terms: dict[str, Any], band: int, as_of: datetime.date, hcas_zone: str = "none"
) -> tuple[Pay, list[str]]:
    """Pay for the band in the latest pay year with verified points on or before as_of.

    Returns the pay and warnings: the date falls after the data, the year in force has
    no verified pay points, or the high cost area supplement is not verified.
    """
    years = sorted(afc_terms["pay_years"], key=lambda y: y["effective_from"])
    usable = [y for y in years if y.get("bands") and y["effective_from"] <= as_of]
    if not usable:
        first = years[0]["effective_from"].isoformat()
        raise JDBuilderError(
            f"no pay year in the data starts on or before {as_of.isoformat()} "
            f"(the first starts {first}); use --as-of with a later date"
        )
    chosen = usable[-1]
    warnings = []
    in_force = [y for y in years if y["effective_from"] <= as_of <= y["effective_to"]]
    if not in_force:
        warnings.append(
            f"the date {as_of.isoformat()} is after the last pay year in the data "
            f"({years[-1]['year']}, to {years[-1]['effective_to'].isoformat()}); "
            f"pay shown is for {chosen['year']} and may be out of date"
        )
    elif in_force[0] is not chosen:
        year = in_force[0]
        award = f"the {year['award_pct']}% award is confirmed, " if year.get("award_pct") else ""
        warnings.append(
            f"pay points for {year['year']} are not in the data yet ({award}the pay table is not "
            f"verified); pay shown is for {chosen['year']} and may be out of date: check the "
            "NHS Employers pay tables, or pass --as-of to choose the pay year"
        )
    band_data = chosen["bands"].get(str(band))
    if not band_data:
        raise JDBuilderError(f"pay data for {chosen['year']} has no band {band}")
    high_cost_area = None
    if hcas_zone != "none":
        zones = (chosen.get("hcas") or {}).get("zones") or {}
        if hcas_zone in zones:
            zone = zones[hcas_zone]
            high_cost_area = HighCostArea(hcas_zone, zone["pct"], zone["min"], zone["max"])
        else:
            warnings.append(
                f"the high cost area supplement ({ZONE_NAMES[hcas_zone]}) for {chosen['year']} "
                "is not verified in the data, so it is not shown; add it to the advert by hand"
            )
    pay = Pay(
        pay_year=chosen["year"],
        effective_from=chosen["effective_from"],
        band=band,
        points=list(band_data["points"]),
        status=chosen["status"],
        sources=source_refs(chosen.get("sources")),
        high_cost_area=high_cost_area,
    )
    return pay, warnings


def whole_pounds(amount: Decimal) -> int:
    """Round to whole pounds, halves up: £22,621.50 -> £22,622."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pay_year_data(afc_terms: dict[str, Any], year: str) -> dict[str, Any]:
    for entry in afc_terms["pay_years"]:
        if entry["year"] == year:
            result: dict[str, Any] = entry
            return result
    raise JDBuilderError(f"afc_terms.yaml has no pay year {year}")


def annex21_years(programme_months: int) -> int:
    """How many 12-month rows of the Annex 21 schedule a programme spans: 18 months -> 2."""
    return -(-programme_months // 12)


def annex21_rates(
    afc_terms: dict[str, Any], year: str, programme_months: int
) -> tuple[list[Annex21Rate], str | None]:
    """The Annex 21 schedule rows a programme spans, worked out for the pay year.

    Each amount is the row's percentage of the band 4 maximum of that year, rounded half
    up to whole pounds. Rows are in the order the trainee meets them (the start of training
    first). Returns the rows and a warning when any amount is below the band 2 rate.
    """
    schedule = sorted(
        (afc_terms.get("annex21") or {}).get("schedule") or [],
        key=lambda row: row["years_before_completion"],
    )
    years = annex21_years(programme_months)
    if len(schedule) < years:
        raise JDBuilderError(
            f"afc_terms.yaml: annex21.schedule has {len(schedule)} row(s), but a "
            f"{programme_months}-month programme needs {years}; add the missing rows or shorten "
            "trainee.programme_months in the trust file"
        )
    bands = pay_year_data(afc_terms, year)["bands"] or {}
    if "4" not in bands:
        raise JDBuilderError(f"pay data for {year} has no band 4, so Annex 21 pay cannot be set")
    band4_max = bands["4"]["points"][-1]
    band2 = bands["2"]["points"][0] if "2" in bands else None
    rates = []
    for row in reversed(schedule[:years]):
        amount = whole_pounds(Decimal(band4_max) * Decimal(str(row["pct"])) / 100)
        below = band2 is not None and amount < band2
        note = f"below the band 2 rate for {year} (£{band2:,})" if below else None
        rates.append(Annex21Rate(row["years_before_completion"], row["pct"], amount, below, note))
    return rates, _annex21_warning(rates, year, band4_max, band2)


def _annex21_warning(
    rates: list[Annex21Rate], year: str, band4_max: int, band2: int | None
) -> str | None:
    if band2 is None:
        return (
            f"the band 2 rate for {year} is not in the data, so the Annex 21 amounts were not "
            "checked against it: check with human resources (HR) before advertising"
        )
    below = [rate for rate in reversed(rates) if rate.below_band2]
    if not below:
        return None
    amounts = [f"{rate.pct:g}% is £{rate.amount:,}" for rate in below]
    amounts[0] = (
        f"{below[0].pct:g}% of the band 4 maximum of £{band4_max:,} is £{below[0].amount:,}"
    )
    return (
        f"Annex 21 pay is below the band 2 rate for {year} (£{band2:,}): {join_words(amounts)}. "
        "Annex 21 percentages do not suit this post unless the trust protects pay: check with human resources (HR)"
    )
