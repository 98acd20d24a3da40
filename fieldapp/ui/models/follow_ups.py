"""Follow-ups as a table: what needs doing, for whom, by when, how much and how much came in."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from ...services.followups import FollowUp, FollowUpKind
from .. import formats
from ..labels import label
from .table import RIGHT, Column, RecordTableModel, RowStyle

RED, AMBER, GREEN = QColor("#b3261e"), QColor("#8a5a00"), QColor("#1b5e20")
URGENT = {FollowUpKind.BROKEN: RED, FollowUpKind.DISPUTE_LATE: RED,
          FollowUpKind.PARTIALLY_KEPT: AMBER, FollowUpKind.OVERDUE: AMBER,
          FollowUpKind.DISPUTE_NEAR: AMBER, FollowUpKind.DUE_TODAY: GREEN}
_WHAT = {"promise": QT_TRANSLATE_NOOP("FollowUpModel", "Promise to pay"),
         "installment": QT_TRANSLATE_NOOP("FollowUpModel", "Installment"),
         "dispute": QT_TRANSLATE_NOOP("FollowUpModel", "Dispute"),
         "absent": QT_TRANSLATE_NOOP("FollowUpModel", "Revisit after absence"),
         "follow_up": QT_TRANSLATE_NOOP("FollowUpModel", "Planned follow-up")}


def what(f: FollowUp) -> str:
    source = _WHAT.get(f.what)
    return QCoreApplication.translate("FollowUpModel", source) if source else f.what


def when(f: FollowUp) -> str:
    """A dispute's deadline to the minute (the 24-hour rule); other items by day."""
    return formats.moment(f.deadline) if f.deadline else formats.day(f.due_on)


class FollowUpModel(RecordTableModel):
    """Sorted by the service: kind first (reminders … revisits), then date, then customer."""

    KIND, CUSTOMER, WHEN, WHAT, AMOUNT, PAID = range(6)

    def __init__(self, parent=None):
        bold = QFont()
        bold.setBold(True)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Follow-up"), lambda f: label(f.kind),
                   foreground=lambda f: QBrush(URGENT[f.kind]) if f.kind in URGENT else None),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Customer"), lambda f: f.customer_name,
                   tooltip=lambda f: f.customer_name),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "When"), when,
                   sort=lambda f: f.deadline or f.due_on),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "What"), what),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Amount"),
                   lambda f: formats.money(f.amount) if f.amount else "", RIGHT,
                   sort=lambda f: f.amount.minor if f.amount else 0),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Paid"),
                   lambda f: formats.money(f.paid) if f.paid and f.paid.minor else "", RIGHT,
                   sort=lambda f: f.paid.minor if f.paid else 0),
        ), "FollowUpModel", RowStyle(font=lambda f: bold if f.kind in URGENT else None), parent)

    def customer_id(self, row: int) -> int:
        return self.record(row).customer_id
