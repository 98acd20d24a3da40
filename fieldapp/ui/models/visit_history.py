"""A customer's finalized visits and calls, originals and amendments alike; earlier outcomes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.visit import OUTCOME_KINDS
from ...services.followups import FollowUp, FollowUpKind
from ...services.visits import HistoryEntry
from .. import formats
from ..labels import label
from ..outcome_text import detail, kinds
from .table import Column, RecordTableModel, RowStyle

GREY = QColor("#6b6b6b")  # a record an amendment replaced: still there, quieter
_CONTEXT = "VisitHistoryModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def when(entry: HistoryEntry):
    return entry.visit.finalized_at or entry.visit.started_at


def mark(entry: HistoryEntry) -> str:
    """'Amended' on an original, 'Amendment: <reason>' on its correction."""
    parts = []
    if entry.visit.amends:
        parts.append(_tr("Amendment: %1").replace("%1", entry.visit.amend_reason))
    if entry.amended_by:
        parts.append(_tr("Amended"))
    return " · ".join(parts)


class VisitHistoryModel(RecordTableModel):
    """Newest first, as the service returns them; an amended original is shown in grey."""

    DATE, KIND, COLLECTOR, OUTCOMES, MARK = range(5)

    def __init__(self, parent=None):
        grey, italic = QBrush(GREY), QFont()
        italic.setItalic(True)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Date"),
                   lambda e: formats.moment(when(e)), sort=when),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Kind"), lambda e: label(e.visit.kind)),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Collector"), lambda e: e.visit.collector),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Outcomes"),
                   lambda e: kinds(e.visit.outcomes), tooltip=lambda e: kinds(e.visit.outcomes)),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Record"), mark, tooltip=mark),
        ), _CONTEXT, RowStyle(foreground=lambda e: grey if e.amended_by else None,
                              font=lambda e: italic if e.amended_by else None), parent)

    def entry(self, row: int) -> HistoryEntry:
        return self.record(row)


@dataclass(frozen=True)
class EarlierOutcome:
    """One outcome of an earlier live record, with its follow-up state if one is open."""

    entry: HistoryEntry
    outcome: object
    status: FollowUpKind | None


SEVERITY = {FollowUpKind.BROKEN: 6, FollowUpKind.DISPUTE_LATE: 6, FollowUpKind.PARTIALLY_KEPT: 5,
            FollowUpKind.OVERDUE: 4, FollowUpKind.DISPUTE_NEAR: 4, FollowUpKind.DUE_TODAY: 3,
            FollowUpKind.REMINDER: 2, FollowUpKind.DISPUTE_OPEN: 1, FollowUpKind.REVISIT: 1}
# Outcome kinds and the ``what`` of the follow-ups they lead to.
_FOLLOW_UP_WHAT = {"promise": "promise", "installment_plan": "installment", "dispute": "dispute",
                   "absent": "absent"}


def earlier_outcomes(history, follow_ups: list[FollowUp]) -> list[EarlierOutcome]:
    """Outcomes of records not replaced by an amendment, newest first."""
    worst: dict[tuple[str, str], FollowUpKind] = {}
    for f in follow_ups:  # a plan has one follow-up per line: show the most pressing
        key = (f.visit_uuid, f.what)
        if key not in worst or SEVERITY[f.kind] > SEVERITY[worst[key]]:
            worst[key] = f.kind
    rows = []
    for entry in history:
        if entry.amended_by:
            continue
        for outcome in entry.visit.outcomes:
            what = _FOLLOW_UP_WHAT.get(OUTCOME_KINDS[type(outcome)].value, "")
            rows.append(EarlierOutcome(entry, outcome, worst.get((entry.visit.uuid, what))))
    return rows


RED, AMBER_TEXT = QColor("#b3261e"), QColor("#8a5a00")
_BAD = {FollowUpKind.BROKEN, FollowUpKind.DISPUTE_LATE}


class EarlierOutcomesModel(RecordTableModel):
    """What was agreed before and where it stands (seed 003: review earlier promises)."""

    def __init__(self, invoice_numbers: dict[int, str] | None = None, parent=None):
        self.invoice_numbers = invoice_numbers or {}
        red, amber = QBrush(RED), QBrush(AMBER_TEXT)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("EarlierOutcomesModel", "Date"),
                   lambda r: formats.day(when(r.entry).date()), sort=lambda r: when(r.entry)),
            Column(QT_TRANSLATE_NOOP("EarlierOutcomesModel", "Outcome"),
                   lambda r: label(OUTCOME_KINDS[type(r.outcome)])),
            Column(QT_TRANSLATE_NOOP("EarlierOutcomesModel", "Details"),
                   lambda r: detail(r.outcome, self.invoice_numbers),
                   tooltip=lambda r: detail(r.outcome, self.invoice_numbers)),
            Column(QT_TRANSLATE_NOOP("EarlierOutcomesModel", "Now"),
                   lambda r: label(r.status) if r.status else "",
                   foreground=lambda r: red if r.status in _BAD else amber if r.status else None),
        ), "EarlierOutcomesModel", parent=parent)
