"""Columns shared by lists of customers (search results and route stops)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from ...domain.records import CustomerSummary
from .. import formats
from .table import RIGHT, Column

# Past this many days late a row reads red: 90+ is the last aging bucket.
LONG_OVERDUE_DAYS = 90
_LATE = QBrush(QColor("#b3261e"))
CONTEXT = "CustomerColumns"


def overdue_text(summary: CustomerSummary) -> str:
    return formats.moneys(summary.overdue)


def days_late_text(summary: CustomerSummary) -> str:
    return formats.number(summary.max_days_late) if summary.max_days_late else ""


def overdue_sort(summary: CustomerSummary) -> int:
    # Mixed currencies cannot be compared; the largest single amount is a fair proxy for sorting.
    return max((m.minor for m in summary.overdue), default=0)


def late_foreground(summary: CustomerSummary):
    return _LATE if summary.max_days_late > LONG_OVERDUE_DAYS else None


def identity(summary: CustomerSummary) -> str:
    # The list is narrow: code and phone ride along in the tooltip of the name.
    parts = (summary.name, summary.code, summary.phone, summary.province)
    return " · ".join(p for p in parts if p)


def summary_columns(get=lambda record: record) -> dict[str, Column]:
    """Customer columns by key; ``get`` finds the CustomerSummary in a row (e.g. a route stop)."""
    ctx = CONTEXT
    return {
        "name": Column(QT_TRANSLATE_NOOP("CustomerColumns", "Customer"), lambda r: get(r).name,
                       tooltip=lambda r: identity(get(r)), context=ctx),
        "code": Column(QT_TRANSLATE_NOOP("CustomerColumns", "Code"), lambda r: get(r).code,
                       context=ctx),
        "district": Column(QT_TRANSLATE_NOOP("CustomerColumns", "District"),
                           lambda r: get(r).district, context=ctx),
        "overdue": Column(QT_TRANSLATE_NOOP("CustomerColumns", "Overdue"),
                          lambda r: overdue_text(get(r)), RIGHT,
                          sort=lambda r: overdue_sort(get(r)),
                          foreground=lambda r: late_foreground(get(r)), context=ctx),
        "late": Column(QT_TRANSLATE_NOOP("CustomerColumns", "Days late"),
                       lambda r: days_late_text(get(r)), RIGHT,
                       sort=lambda r: get(r).max_days_late,
                       foreground=lambda r: late_foreground(get(r)), context=ctx),
    }
