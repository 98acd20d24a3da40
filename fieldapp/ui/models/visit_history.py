"""A customer's finalized visits and calls, originals and amendments alike; earlier outcomes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.visit import OUTCOME_KINDS, Promise, PromiseStatus
from ...services.followups import FollowUp, FollowUpKind
from ...services.visits import HistoryEntry
from .. import formats
from ..labels import label
from ..office_notes_words import state_text
from .office_notes import COLOURS as REVIEW_COLOURS
from ..outcome_text import detail, kinds
from .table import Column, RecordTableModel, RowStyle

GREY = QColor("#6b6b6b")  # a record an amendment replaced: still there, quieter
PENDING_RED = QColor("#b3261e")  # documents not made: Retry under the visit
_CONTEXT = "VisitHistoryModel"


def when(entry: HistoryEntry):
    return entry.visit.finalized_at or entry.visit.started_at


def mark(entry: HistoryEntry, pending: bool = False, voided: dict | None = None) -> str:
    """'Amended' on an original, 'Amendment: <reason>' on its correction; 'Documents pending'
    while its documents failed or were never made; each receipt the office voided, and why."""
    parts = []
    for outcome in entry.visit.outcomes:
        number = getattr(outcome, "receipt_no", "")
        if voided and number in voided:
            parts.append(QCoreApplication.translate(
                "VisitHistoryModel", "Receipt %1 voided by the office: %2")
                .replace("%1", number).replace("%2", voided[number]))
    if pending:
        parts.append(QCoreApplication.translate("VisitHistoryModel", "Documents pending"))
    if entry.visit.amends:
        parts.append(QCoreApplication.translate("VisitHistoryModel", "Amendment: %1")
                     .replace("%1", entry.visit.amend_reason))
    if entry.amended_by:
        parts.append(QCoreApplication.translate("VisitHistoryModel", "Amended"))
    return " · ".join(parts)


class VisitHistoryModel(RecordTableModel):
    """Newest first, as the service returns them; an amended original is shown in grey."""

    DATE, KIND, COLLECTOR, OUTCOMES, MARK, OFFICE = range(6)

    def __init__(self, parent=None):
        grey, red, italic = QBrush(GREY), QBrush(PENDING_RED), QFont()
        office = {state: QBrush(colour) for state, colour in REVIEW_COLOURS.items()}
        italic.setItalic(True)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Date"),
                   lambda e: formats.moment(when(e)), sort=when),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Kind"), lambda e: label(e.visit.kind)),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Collector"), lambda e: e.visit.collector),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Outcomes"),
                   lambda e: kinds(e.visit.outcomes), tooltip=lambda e: kinds(e.visit.outcomes)),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Record"), self._mark,
                   tooltip=self._mark, foreground=lambda e: red if self._pending(e) else None),
            Column(QT_TRANSLATE_NOOP("VisitHistoryModel", "Office"), self._office,
                   tooltip=self._office_tip,
                   foreground=lambda e: office.get(getattr(self.review(e), "state", None))),
        ), _CONTEXT, RowStyle(foreground=lambda e: grey if e.amended_by else None,
                              font=lambda e: italic if e.amended_by else None), parent)
        self.pending: frozenset[str] = frozenset()  # visits whose documents are not all made
        self.reviews: dict = {}  # visit uuid -> domain.office_notes.VisitReview
        self.voided: dict[str, str] = {}  # receipt number → why the office voided it

    def review(self, entry: HistoryEntry):
        return self.__dict__.get("reviews", {}).get(entry.visit.uuid)

    def _office(self, entry: HistoryEntry) -> str:
        """The latest review state the office set, and how many comments it wrote."""
        review = self.review(entry)
        if review is None:
            return ""
        parts = [state_text(review.state)] if review.state else []
        if review.comments:
            parts.append(formats.counted(QCoreApplication.translate(
                "VisitHistoryModel", "%n comments", "", len(review.comments)),
                len(review.comments)))
        return " · ".join(parts)

    def _office_tip(self, entry: HistoryEntry) -> str:
        review = self.review(entry)
        if review is None:
            return ""
        notes = [review.reason] if review.reason else []
        notes += [n.text for n in review.comments[-1:]]
        return "\n".join(notes)

    def _pending(self, entry: HistoryEntry) -> bool:
        return entry.visit.uuid in self.__dict__.get("pending", ())

    def _mark(self, entry: HistoryEntry) -> str:
        return mark(entry, self._pending(entry), self.__dict__.get("voided"))

    def entry(self, row: int) -> HistoryEntry:
        return self.record(row)


@dataclass(frozen=True)
class EarlierOutcome:
    """One outcome of an earlier live record and where it stands: a promise's status (or its
    follow-up while it is open), other outcomes' follow-up state if one is open."""

    entry: HistoryEntry
    outcome: object
    status: FollowUpKind | PromiseStatus | None


SEVERITY = {FollowUpKind.BROKEN: 6, FollowUpKind.DISPUTE_LATE: 6, FollowUpKind.PARTIALLY_KEPT: 5,
            FollowUpKind.OVERDUE: 4, FollowUpKind.DISPUTE_NEAR: 4, FollowUpKind.DUE_TODAY: 3,
            FollowUpKind.REMINDER: 2, FollowUpKind.DISPUTE_OPEN: 1, FollowUpKind.REVISIT: 1}
# Outcome kinds and the ``what`` of the follow-ups they lead to.
_FOLLOW_UP_WHAT = {"promise": "promise", "installment_plan": "installment", "dispute": "dispute",
                   "absent": "absent"}


def earlier_outcomes(history, follow_ups: list[FollowUp],
                     promises: Mapping[str, tuple[PromiseStatus, object]] | None = None
                     ) -> list[EarlierOutcome]:
    """Outcomes of records not replaced by an amendment, newest first.

    ``promises`` (FollowUps.promise_statuses) judges promises, kept ones included, which have
    no follow-up; an open promise shows its follow-up (reminder, due today, overdue) instead.
    """
    promises = promises or {}
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
            status: Enum | None = worst.get((entry.visit.uuid, what))
            if isinstance(outcome, Promise):
                status = _promise_now(status, promises.get(entry.visit.uuid))
            rows.append(EarlierOutcome(entry, outcome, status))
    return rows


def _promise_now(follow_up: FollowUpKind | None, judged) -> Enum | None:
    """Kept, broken or partly kept speaks for itself (kept ones have no follow-up); while a
    promise is open, its follow-up (reminder, due today, overdue) says more than "Open"."""
    if judged is None:
        return follow_up
    status = judged[0]
    return follow_up if status is PromiseStatus.OPEN and follow_up is not None else status


RED, AMBER_TEXT, GREEN = QColor("#b3261e"), QColor("#8a5a00"), QColor("#1b5e20")
_BAD = {FollowUpKind.BROKEN, FollowUpKind.DISPUTE_LATE, PromiseStatus.BROKEN}
_QUIET = {PromiseStatus.OPEN}


class EarlierOutcomesModel(RecordTableModel):
    """What was agreed before and where it stands (seed 003: review earlier promises)."""

    def __init__(self, invoice_numbers: dict[int, str] | None = None, parent=None):
        self.invoice_numbers = invoice_numbers or {}
        red, amber, green = QBrush(RED), QBrush(AMBER_TEXT), QBrush(GREEN)
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
                   foreground=lambda r: self._colour(r.status, red, amber, green)),
        ), "EarlierOutcomesModel", parent=parent)

    @staticmethod
    def _colour(status, red: QBrush, amber: QBrush, green: QBrush) -> QBrush | None:
        if status is None or status in _QUIET:
            return None
        if status is PromiseStatus.KEPT:
            return green
        return red if status in _BAD else amber
