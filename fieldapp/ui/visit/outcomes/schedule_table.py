"""An installment schedule as a table: computed lines, each due date editable by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ....domain.installments import with_dates
from ... import formats
from ...kept_texts import KeptTexts
from .card import date_edit, day_of, set_day

VISIBLE_ROWS = 6


class ScheduleTable(KeptTexts, QTableWidget):
    """Shows ``lines``; ``dates_edited`` after a hand-edited date (amounts never change here)."""

    dates_edited = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self._today = today
        self.lines: tuple = ()
        self.keep(lambda: self.setHorizontalHeaderLabels(
            ["#", QCoreApplication.translate("ScheduleTable", "Due"),
             QCoreApplication.translate("ScheduleTable", "Amount")]))
        # Numbers, amounts and "Down payment" in the new language (the dates edit themselves).
        self.keep(lambda: self._show_lines())
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # Tab walks the date editors, then leaves
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def set_lines(self, lines) -> None:
        self.lines = tuple(lines)
        self.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            edit = self._date_cell(row)
            edit.blockSignals(True)  # a computed date is not a hand edit
            set_day(edit, line.due_on)
            edit.blockSignals(False)
        self._show_lines()
        rows = min(max(len(self.lines), 1), VISIBLE_ROWS)
        self.setFixedHeight(self.horizontalHeader().sizeHint().height()
                            + self.verticalHeader().defaultSectionSize() * rows + 4)

    def _show_lines(self) -> None:
        first_is_down = bool(self.lines) and self.lines[0].down_payment
        for row, line in enumerate(self.lines):
            number = QCoreApplication.translate("ScheduleTable", "Down payment") if line.down_payment \
                else formats.number(row + (0 if first_is_down else 1))
            self.setItem(row, 0, QTableWidgetItem(number))
            amount = QTableWidgetItem(formats.money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 2, amount)

    def _date_cell(self, row: int):
        """The row's date editor, reused: replacing cell widgets on every keystroke flickers."""
        edit = self.cellWidget(row, 1)
        if edit is None:
            edit = date_edit(self._today)
            edit.dateChanged.connect(lambda _d: self._date_edited())
            self.setCellWidget(row, 1, edit)
        return edit

    def _date_edited(self) -> None:
        """The collector agreed another day: the same amounts on the new dates (with_dates)."""
        dates = [day_of(self.cellWidget(row, 1)) for row in range(self.rowCount())]
        self.lines = with_dates(self.lines, dates)
        self.dates_edited.emit()
