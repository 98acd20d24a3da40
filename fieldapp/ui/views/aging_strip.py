"""The aging strip: per currency, current / 1–30 / 31–60 / 61–90 / 90+, total and overdue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QStackedWidget, QTableView, QWidget

from ...domain.aging import CurrencyAging
from ..models.aging import AgingModel
from .common import Retranslating, make_table


class AgingStrip(Retranslating, QStackedWidget):
    """A short table, exactly as tall as its currencies; a quiet line when nothing is open."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AgingModel(self)
        self.table = make_table(self.model, self)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Never scroll sideways: a scrollbar would cover the one row that matters.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Buckets share the width evenly; a strip reads left to right like a timeline.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.nothing_open = QLabel()
        self.addWidget(self.table)
        self.addWidget(self.nothing_open)
        self.retranslate_ui()

    def set_aging(self, aging: tuple[CurrencyAging, ...]) -> None:
        self.model.set_aging(aging)
        self.setCurrentWidget(self.table if aging else self.nothing_open)
        self._fit_height()

    def _fit_height(self) -> None:
        # Show every currency row without a scrollbar, and not a pixel more.
        table = self.table
        rows = max(1, self.model.rowCount())
        height = (table.horizontalHeader().sizeHint().height()
                  + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())
        table.setFixedHeight(height)
        self.setFixedHeight(height if self.model.rowCount()
                            else self.nothing_open.sizeHint().height())

    def retranslate_ui(self) -> None:
        self.nothing_open.setText(self.tr("Nothing open: every invoice is paid."))
        self.model.retranslate()
