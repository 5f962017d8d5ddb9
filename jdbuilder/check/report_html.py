"""Self-contained HTML reports (for HR to send): `check --html` and `audit --html`.

Jinja2 templates in templates/, autoescaped; the styles are inline, so the file stands alone.
"""

from __future__ import annotations

import datetime
from typing import Any

from jdbuilder.check.audit import Audit, cells, columns, overdue, totals
from jdbuilder.check.report_audit import short
from jdbuilder.check.report_text import CLAUSE_WORDS, KIND_NAMES, STATUS_WORDS, verdict
from jdbuilder.check.results import FileReport
from jdbuilder.resources import builtin
from jdbuilder.wording import long_date


def _render(template: str, **context: Any) -> bytes:
    from jdbuilder.templating import strict_environment

    environment = strict_environment([builtin("templates")])
    common: dict[str, Any] = {
        "kind_names": KIND_NAMES,
        "status_words": STATUS_WORDS,
        "clause_words": CLAUSE_WORDS,
        "verdict": verdict,
    }
    common["as_of_text"] = long_date(context["as_of"])
    return environment.get_template(template).render(**common, **context).encode("utf-8")


def check_html(reports: list[FileReport], as_of: datetime.date) -> bytes:
    """The report of `jdbuilder check --html FILE`."""
    return _render("check_report.html.j2", reports=reports, as_of=as_of)


def audit_html(result: Audit, as_of: datetime.date, review_months: int) -> bytes:
    """The report of `jdbuilder audit --html FILE`."""
    return _render(
        "audit_report.html.j2",
        audit=result,
        reports=result.reports,
        as_of=as_of,
        review_months=review_months,
        columns=[(column, title, short(column)) for column, title in columns(result)],
        cells=cells,
        overdue=overdue(result),
        totals=totals(result),
    )
