"""The inbox's filter bar: collector, day, outcome and review state (each "any" by default)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from ...domain.review import OUTCOME_KINDS, STATES, InboxFilter
from ...domain.visit import OutcomeKind
from ..date_edit import DateEdit
from ..labels import label
from ..views.common import Retranslating
from .inbox_words import state_text


class InboxFilterBar(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("InboxFilterBar")
        self._collectors: list = []
        self.collector_label, self.outcome_label = QLabel(self), QLabel(self)
        self.state_label = QLabel(self)
        self.collector, self.outcome, self.state = QComboBox(self), QComboBox(self), QComboBox(self)
        self.day_check = QCheckBox(self)
        self.day = DateEdit(self)
        self.day.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (self.collector_label, self.collector, self.day_check, self.day,
                     self.outcome_label, self.outcome, self.state_label, self.state):
            layout.addWidget(part)
        layout.addStretch(1)
        self.collector_label.setBuddy(self.collector)
        self.outcome_label.setBuddy(self.outcome)
        self.state_label.setBuddy(self.state)
        for box in (self.collector, self.outcome, self.state):
            box.currentIndexChanged.connect(self.changed)
        self.day_check.toggled.connect(self.day.setEnabled)
        self.day_check.toggled.connect(self.changed)
        self.day.dateChanged.connect(lambda _d: self.day_check.isChecked() and self.changed.emit())
        self.retranslate_ui()

    def set_collectors(self, collectors: list) -> None:
        """(id, name) pairs; the chosen one stays chosen when it is still there."""
        chosen = self.collector.currentData()
        self._collectors = list(collectors)
        self.collector.blockSignals(True)
        self._fill_collectors()
        index = self.collector.findData(chosen)
        self.collector.setCurrentIndex(max(index, 0))
        self.collector.blockSignals(False)

    def set_day(self, value: date) -> None:
        self.day.setDate(QDate(value.year, value.month, value.day))

    def only_day(self, value: date) -> None:
        """Every record of that day, whoever made it and whatever its state (quietly: the
        caller reloads)."""
        for part in (self.collector, self.outcome, self.state, self.day_check, self.day):
            part.blockSignals(True)
        for box in (self.collector, self.outcome, self.state):
            box.setCurrentIndex(0)
        self.day_check.setChecked(True)
        self.day.setEnabled(True)
        self.set_day(value)
        for part in (self.collector, self.outcome, self.state, self.day_check, self.day):
            part.blockSignals(False)

    def current(self) -> InboxFilter:
        day = self.day.date().toPython() if self.day_check.isChecked() else None
        return InboxFilter(collector_id=self.collector.currentData(), day=day,
                           outcome=self.outcome.currentData(), state=self.state.currentData())

    def _fill_collectors(self) -> None:
        self.collector.clear()
        self.collector.addItem(self.tr("Everyone"), None)
        for cid, name in self._collectors:
            self.collector.addItem(name, cid)

    def _refill(self, box: QComboBox, entries) -> None:
        chosen = box.currentIndex()
        box.blockSignals(True)
        box.clear()
        for text, value in entries:
            box.addItem(text, value)
        box.setCurrentIndex(max(chosen, 0))
        box.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.collector_label.setText(self.tr("&Collector:"))
        self.day_check.setText(self.tr("&Day:"))
        self.outcome_label.setText(self.tr("&Outcome:"))
        self.state_label.setText(self.tr("&State:"))
        chosen = self.collector.currentIndex()
        self.collector.blockSignals(True)
        self._fill_collectors()
        self.collector.setCurrentIndex(max(chosen, 0))
        self.collector.blockSignals(False)
        self._refill(self.outcome, [(self.tr("Any outcome"), None)]
                     + [(label(OutcomeKind(k)), k) for k in OUTCOME_KINDS])
        self._refill(self.state, [(self.tr("Any state"), None)]
                     + [(state_text(s), s) for s in STATES])
