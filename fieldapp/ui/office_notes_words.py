"""Words of the notes from the office: what each kind says happened, and its record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.office_notes import RESOLUTION, REVIEW, VOID
from . import formats


def state_text(state: str | None) -> str:
    """A review state as the collector reads it."""
    if state == "approved":
        return QCoreApplication.translate("OfficeNotes", "Approved")
    if state == "has_issues":
        return QCoreApplication.translate("OfficeNotes", "Has issues")
    if state == "rejected":
        return QCoreApplication.translate("OfficeNotes", "Rejected")
    if state == "received":
        return QCoreApplication.translate("OfficeNotes", "Received")
    return state or ""


def _review_what(note) -> str:
    if note.state is not None:
        return state_text(note.state)
    if note.corrects:
        return QCoreApplication.translate("OfficeNotes", "Comment (corrects an earlier one)")
    return QCoreApplication.translate("OfficeNotes", "Comment")


def _resolution_what(_note) -> str:
    return QCoreApplication.translate("OfficeNotes", "Dispute resolved")


def _void_what(note) -> str:
    return QCoreApplication.translate("OfficeNotes", "Receipt %1 voided").replace(
        "%1", note.state or "")


_WHAT = {REVIEW: _review_what, RESOLUTION: _resolution_what, VOID: _void_what}


def what(note) -> str:
    """What the note says happened: a review state, a comment, a dispute resolved, …"""
    worded = _WHAT.get(note.kind)
    return worded(note) if worded else note.kind


def record_text(note) -> str:
    """'Visit of 25/11/2026 09:15', or why the record cannot be shown here."""
    if note.visit_at is None:
        if note.visit_uuid:
            return QCoreApplication.translate("OfficeNotes", "A record not on this laptop")
        return ""
    if note.visit_kind == "call":
        return QCoreApplication.translate("OfficeNotes", "Call of %1").replace(
            "%1", formats.moment(note.visit_at))
    return QCoreApplication.translate("OfficeNotes", "Visit of %1").replace(
        "%1", formats.moment(note.visit_at))


def customer_text(note) -> str:
    return f"{note.customer_name} ({note.customer_code})" if note.customer_code else ""


def unread_text(count: int) -> str:
    """The status bar's words for notes not read yet."""
    return formats.counted(QCoreApplication.translate(
        "OfficeNotes", "%n new notes from the office", "", count), count)
