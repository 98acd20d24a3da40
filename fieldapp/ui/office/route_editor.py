"""The stops of the day being planned: the table, and Move up, Move down, Remove beside it."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..views.common import Retranslating
from .route_stops_model import RouteStopsModel, StopRow
from .route_table import StopsTable


class RouteEditor(Retranslating, QWidget):
    """Edits ``model`` in place; the routes tab loads, saves and plans times around it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RouteStopsModel(self)
        self.table = StopsTable(self.model)
        self.up_button, self.down_button, self.remove_button = (QPushButton(), QPushButton(),
                                                                QPushButton())
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)
        self.table.move_requested.connect(self.move)
        self.table.remove_requested.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def add(self, rows: list[StopRow], start: time, minutes: int) -> None:
        """Add ``rows`` (those not on the route yet) at the end and select the last one."""
        self.model.append(rows, start, minutes)
        if rows:
            self.table.select_row(self.model.customer_ids().index(rows[-1].customer.id))

    def move(self, step: int) -> None:
        """The selected stop one place earlier (-1) or later (+1), still selected."""
        row = self.table.current_row()
        if row >= 0:
            self.table.select_row(self.model.move(row, step))

    def remove(self) -> None:
        row = self.table.current_row()
        self.model.remove(row)
        self.table.select_row(min(row, self.model.rowCount() - 1))

    def retranslate_ui(self) -> None:
        self.up_button.setText(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Visit earlier (Alt+Up); rows can also be dragged"))
        self.down_button.setText(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Visit later (Alt+Down)"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the stop off the route (Delete)"))
        self.model.retranslate()
