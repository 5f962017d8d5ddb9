"""Agenda for Change pay for a band on a date, from standards/afc_terms.yaml."""

from __future__ import annotations

import datetime
from typing import Any

from jdbuilder.errors import JDBuilderError
from jdbuilder.model import HighCostArea, Pay, SourceRef

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
