"""A search box over one collector's customers, to add one to the route being planned."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from .. import formats
from ..views.common import Retranslating

TYPING_PAUSE_MS = 250  # ask once the supervisor stops typing, not on every key


class CustomerPicker(Retranslating, QWidget):
    """Emits ``search`` with the typed text (after a pause) and ``chosen`` with a
    CustomerSummary (Add, Enter or a double click); the view answers with ``show_results``."""

    search = Signal(str)
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("pickerTitle")
        self.title.setStyleSheet("QLabel#pickerTitle { font-weight: 600; }")
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.add_button = QPushButton()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(lambda: self.search.emit(self.query.text()))
        self.query.textEdited.connect(lambda _text: self._pause.start())
        self.query.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._choose)
        self.results.currentRowChanged.connect(lambda _row: self._enable())
        self.add_button.clicked.connect(lambda: self._choose(self.results.currentItem()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.query):
            layout.addWidget(widget)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.add_button)
        self._enable()
        self.retranslate_ui()

    def show_results(self, customers) -> None:
        self.results.clear()
        for c in customers:
            overdue = formats.moneys(c.overdue)
            item = QListWidgetItem(" · ".join(x for x in (c.name, c.code, overdue) if x))
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.results.addItem(item)
        if customers:
            self.results.setCurrentRow(0)
        self._enable()

    def _enter(self) -> None:
        if self._pause.isActive():  # Enter before the pause ended: search now
            self._pause.stop()
            self.search.emit(self.query.text())
        else:
            self._choose(self.results.currentItem())

    def _choose(self, item) -> None:
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _enable(self) -> None:
        self.add_button.setEnabled(self.results.currentItem() is not None)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Add a customer"))
        self.query.setPlaceholderText(self.tr("Name, code or phone"))
        self.add_button.setText(self.tr("Add to the route"))
