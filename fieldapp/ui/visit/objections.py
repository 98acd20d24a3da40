"""Likely objections and the prepared answer to each: a small two-column editable table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from .fields import Field

KEYS = ("objection", "answer")


class ObjectionsField(Field):
    """Rows of (objection, answer); empty rows are dropped from the answer."""

    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        column = QVBoxLayout()
        self._layout.addLayout(column, 1)
        self.table = QTableWidget(0, 2)
        self.keep(lambda: self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ObjectionsField", "Objection"),
             QCoreApplication.translate("ObjectionsField", "Prepared answer")]))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 16)
        self.table.itemChanged.connect(lambda _i: self._edited())
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.keep(lambda: self.add_button.setText(
            QCoreApplication.translate("ObjectionsField", "Add objection")))
        self.keep(lambda: self.remove_button.setText(
            QCoreApplication.translate("ObjectionsField", "Remove")))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self._loading = False
        self.setFocusProxy(self.table)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def add_row(self, values: dict | None = None) -> None:
        row = self.table.rowCount()
        self._loading = True
        self.table.insertRow(row)
        for col, key in enumerate(KEYS):
            self.table.setItem(row, col, QTableWidgetItem((values or {}).get(key, "")))
        self._loading = False
        if values is None:  # a new row from the button: type into it straight away
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def value(self) -> list[dict]:
        rows = []
        for row in range(self.table.rowCount()):
            texts = {key: (self.table.item(row, col).text() if self.table.item(row, col) else "")
                     for col, key in enumerate(KEYS)}
            if any(t.strip() for t in texts.values()):
                rows.append(texts)
        return rows

    def set_value(self, value) -> None:
        self._loading = True
        self.table.setRowCount(0)
        self._loading = False
        for row in value or ():
            self.add_row(row)
