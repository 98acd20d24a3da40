"""The notes from the office as a table: newest first, unread ones in bold and marked New."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from .. import formats
from ..office_notes_words import customer_text, record_text, what
from .table import Column, RecordTableModel, RowStyle

_CONTEXT = "OfficeNotesModel"
# Approved green, has issues amber, rejected red (the visit history uses the same).
COLOURS = {"approved": QColor("#1b5e20"), "has_issues": QColor("#8a5a00"),
           "rejected": QColor("#b3261e")}


def one_line(text: str) -> str:
    return " ".join(text.split())


class OfficeNotesModel(RecordTableModel):
    """Records are domain.office_notes.Note; ``set_read`` marks rows read without a reload."""

    NEW, WHEN, CUSTOMER, RECORD, WHAT, TEXT, AUTHOR = range(7)

    def __init__(self, parent=None):
        bold = QFont()
        bold.setBold(True)
        brushes = {state: QBrush(colour) for state, colour in COLOURS.items()}
        super().__init__((
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "New"),
                   lambda n: "" if n.read else QCoreApplication.translate("OfficeNotesModel",
                                                                          "New")),
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "When"), lambda n: formats.moment(n.at),
                   sort=lambda n: n.at),
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "Customer"), customer_text),
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "Record"), record_text),
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "What"), what,
                   foreground=lambda n: brushes.get(n.state)),
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "Text"), lambda n: one_line(n.text),
                   tooltip=lambda n: n.text),
            Column(QT_TRANSLATE_NOOP("OfficeNotesModel", "From"), lambda n: n.author),
        ), _CONTEXT, RowStyle(font=lambda n: None if n.read else bold), parent)

    def note(self, row: int):
        return self.record(row)

    def unread(self) -> int:
        return sum(1 for n in self.records() if not n.read)

    def set_read(self, keys) -> None:
        """Show the notes named by ``keys`` as read (their marks were just stored)."""
        keys = set(keys)
        for row, note in enumerate(self.records()):
            if note.key in keys and not note.read:
                self._records[row] = replace(note, read=True)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
