"""The table of a day's stops: rows dragged into a new order, Alt+Up/Down, Delete, HH:MM times."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLineEdit, QStyledItemDelegate,
                               QTableView, QWidget)

from .route_stops_model import RouteStopsModel

HH_MM = QRegularExpression(r"^([01]?\d|2[0-3]):[0-5]\d$")


class TimeDelegate(QStyledItemDelegate):
    """Edits a planned time as HH:MM; anything else cannot be typed."""

    def createEditor(self, parent, _option, _index):  # noqa: N802 (Qt's name)
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(HH_MM, editor))
        editor.setPlaceholderText("08:30")
        return editor


class StopsTable(QTableView):
    """Emits ``move_requested`` (-1 up, +1 down) on Alt+Up/Alt+Down and ``remove_requested``
    on Delete, for the selected stop."""

    move_requested = Signal(int)
    remove_requested = Signal()

    def __init__(self, model: RouteStopsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        # Rows move inside the list; a drop between rows puts the stop there.
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setItemDelegateForColumn(RouteStopsModel.TIME, TimeDelegate(self))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(RouteStopsModel.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        for col, width in ((RouteStopsModel.SEQ, 36), (RouteStopsModel.TIME, 64),
                           (RouteStopsModel.OVERDUE, 150), (RouteStopsModel.LATE, 80),
                           (RouteStopsModel.PURPOSE, 240), (RouteStopsModel.WHY, 170)):
            header.resizeSection(col, width)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model().rowCount():
            self.selectRow(row)
            self.setCurrentIndex(self.model().index(row, RouteStopsModel.CUSTOMER))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
        elif event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.remove_requested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
