"""The office's Conflicts tab: details changed both at the office and on a laptop, to resolve."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.instants import UTC, from_text
from .. import formats
from ..error_text import describe
from ..views.common import Retranslating

COLUMNS = 8


class ConflictsView(Retranslating, QWidget):
    """A table of open conflicts and three ways to resolve the selected one."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("ConflictsView")
        self.window_ = window
        self._conflicts = []
        self.count_label = QLabel(self)
        self.count_label.setObjectName("conflictsCount")
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.office_button, self.laptop_button = QPushButton(self), QPushButton(self)
        self.value = QLineEdit(self)
        self.value.setMinimumWidth(260)  # an address line fits while typed
        self.value_button = QPushButton(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("conflictProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        self._build()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.value.textChanged.connect(self._update_buttons)
        self.office_button.clicked.connect(lambda: self.resolve("office"))
        self.laptop_button.clicked.connect(lambda: self.resolve("laptop"))
        self.value_button.clicked.connect(lambda: self.resolve("value"))
        self.value.returnPressed.connect(lambda: self.resolve("value"))
        window.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.reload()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for part in (self.office_button, self.laptop_button, self.value, self.value_button):
            buttons.addWidget(part)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)

    # -- loading ------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        if changes.source is not self:
            self.reload()

    def reload(self) -> None:
        self.window_.taskman.run(self.window_.services.conflicts.open, self._show)

    def _show(self, conflicts) -> None:
        chosen = self.selected()
        self._conflicts = conflicts
        self.table.blockSignals(True)
        self.table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            for column, text in enumerate(self._texts(conflict)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and conflict.id == chosen.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._retext_count()
        self._update_buttons()

    def _texts(self, c) -> list[str]:
        who = f"{c.customer_name} ({c.customer_code})" if c.customer_name else c.customer_code
        return [_when(c.created_at), who, c.contact_name, self._field(c.field), c.base_value,
                c.office_value, c.laptop_value, c.collector or c.device[:8]]

    def _field(self, field: str) -> str:
        names = {"address": self.tr("Address"), "district": self.tr("District"),
                 "province": self.tr("Province"), "phone": self.tr("Phone"),
                 "added": self.tr("New contact's phone")}
        return names.get(field, field)

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._conflicts[rows[0].row()] if rows and rows[0].row() < len(
            self._conflicts) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.office_button.setEnabled(chosen)
        self.laptop_button.setEnabled(chosen)
        self.value.setEnabled(chosen)
        self.value_button.setEnabled(chosen and bool(self.value.text().strip()))

    # -- resolving ----------------------------------------------------------------------------
    def resolve(self, take: str) -> None:
        chosen = self.selected()
        if chosen is None or (take == "value" and not self.value.text().strip()):
            return
        value = self.value.text() if take == "value" else None
        service = self.window_.services.conflicts
        self.problem.hide()
        self.window_.taskman.run(lambda: service.resolve(chosen.id, take, value),
                                 self._resolved, self._refused)

    def _refused(self, error: BaseException) -> None:
        """A typed value the rules refuse (or a conflict resolved meanwhile): said under the
        buttons, what was typed kept."""
        self.problem.setText(describe(error))
        self.problem.show()
        self.reload()

    def _resolved(self, changes) -> None:
        self.value.clear()
        self.window_.publish(changes.from_source(self))
        self.reload()

    # -- text ---------------------------------------------------------------------------------
    def _retext_count(self) -> None:
        count = len(self._conflicts)
        self.count_label.setText(
            self.tr("Conflicts waiting for a decision: %1, the oldest first. Nothing was "
                    "overwritten: each shows the value both sides started from, the office's "
                    "and the laptop's.").replace("%1", formats.number(count)) if count
            else self.tr("No conflicts: every change from the laptops was applied."))

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Received"), self.tr("Customer"), self.tr("Contact"), self.tr("Detail"),
            self.tr("Before"), self.tr("Office's value"), self.tr("Laptop's value"),
            self.tr("Collector")])
        self.office_button.setText(self.tr("Keep the &office's value"))
        self.laptop_button.setText(self.tr("Take the &laptop's value"))
        self.value.setPlaceholderText(self.tr("or type the right value"))
        self.value_button.setText(self.tr("&Use this value"))
        self._retext_count()
        if self._conflicts:
            self._show(self._conflicts)


def _when(text: str | None) -> str:
    """A stored UTC instant in this machine's zone (the window runs at the office)."""
    return formats.moment(from_text(text, UTC).astimezone()) if text else ""
