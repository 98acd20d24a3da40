"""The portfolio's filter bar: collector (or none), aging bucket, overdue above, disputed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QWidget)

from ...domain.errors import InvalidValue
from ...domain.money import MINOR_UNITS
from ...domain.office_filters import AGING_BUCKETS, CustomerFilter
from .. import formats
from ..views.common import Retranslating

_ALL, _NONE = "", "\x00none"  # the collector box's first two choices (ids are UUID text)


def bucket_name(bucket: str) -> str:
    """An aging bucket as the filter offers it."""
    names = {"current": QCoreApplication.translate("FilterBar", "Not yet due"),
             "1-30": QCoreApplication.translate("FilterBar", "1–30 days late"),
             "31-60": QCoreApplication.translate("FilterBar", "31–60 days late"),
             "61-90": QCoreApplication.translate("FilterBar", "61–90 days late"),
             "90+": QCoreApplication.translate("FilterBar", "Over 90 days late")}
    return names[bucket]


TYPING_MS = 300  # an amount is typed in a burst: filter once it rests


class FilterBar(Retranslating, QWidget):
    """Emits ``changed`` whenever a choice changes; ``value(query)`` is the filter it says."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.collector = QComboBox()
        self.collector.addItems(["", ""])
        self.collector.setItemData(0, _ALL)
        self.collector.setItemData(1, _NONE)
        self.collector.setMinimumContentsLength(14)
        self.aging = QComboBox()
        self.aging.addItem("", None)
        for bucket in AGING_BUCKETS:
            self.aging.addItem("", bucket)
        self.above_label = QLabel()
        self.above = QLineEdit()
        self.above.setClearButtonEnabled(True)
        self.above.setMaximumWidth(150)
        self.currency = QComboBox()
        self.currency.addItems(list(MINOR_UNITS))
        self.disputed = QCheckBox()
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_MS)
        self._typing.timeout.connect(self._emit)
        self._layout()
        self._connect()
        self.retranslate_ui()

    def _layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.collector, self.aging, self.above_label, self.above, self.currency,
                       self.disputed, self.clear_button):
            row.addWidget(widget)
        row.addStretch(1)

    def _connect(self) -> None:
        self.collector.currentIndexChanged.connect(self._emit)
        self.aging.currentIndexChanged.connect(self._emit)
        self.currency.currentIndexChanged.connect(self._amount_changed)
        self.above.textChanged.connect(self._amount_changed)
        self.disputed.toggled.connect(self._emit)

    def set_collectors(self, collectors) -> None:
        """The collectors to choose from (CollectorName); the choice stays if still there."""
        wanted = self.collector.currentData()
        self.collector.blockSignals(True)
        while self.collector.count() > 2:
            self.collector.removeItem(2)
        for collector in collectors:
            self.collector.addItem(collector.name, collector.id)
        index = self.collector.findData(wanted)
        self.collector.setCurrentIndex(max(index, 0))
        self.collector.blockSignals(False)
        if index < 0:
            self._emit()  # the collector chosen is gone: the list widens

    def value(self, query: str = "") -> CustomerFilter:
        chosen = self.collector.currentData()
        return CustomerFilter(query=query, collector_id=chosen if chosen not in (_ALL, _NONE)
                              else None, no_collector=chosen == _NONE,
                              aging_bucket=self.aging.currentData(),
                              overdue_above=self.amount(), disputed=self.disputed.isChecked())

    def amount(self):
        """The amount typed (Money), or None when empty or unreadable (then marked red)."""
        text = self.above.text().strip()
        if not text:
            return None
        try:
            return formats.parse_money(text, self.currency.currentText())
        except (ValueError, InvalidValue):
            return None

    def _amount_changed(self) -> None:
        bad = bool(self.above.text().strip()) and self.amount() is None
        self.above.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if bad else "")
        self.above.setToolTip(QCoreApplication.translate(
            "FilterBar", "Not an amount: type digits, e.g. 5,000,000") if bad else "")
        self._typing.start()

    def clear(self) -> None:
        """Every filter off at once (one reload, not one per box)."""
        self.blockSignals(True)
        try:
            self.collector.setCurrentIndex(0)
            self.aging.setCurrentIndex(0)
            self.above.clear()
            self.disputed.setChecked(False)
        finally:
            self.blockSignals(False)
        self._typing.stop()
        self._emit()

    def _emit(self) -> None:
        self.clear_button.setEnabled(not self.value().is_empty())
        self.changed.emit()

    def retranslate_ui(self) -> None:
        self.collector.setItemText(0, self.tr("All collectors"))
        self.collector.setItemText(1, self.tr("No collector"))
        self.aging.setItemText(0, self.tr("Any age"))
        for index, bucket in enumerate(AGING_BUCKETS, start=1):
            self.aging.setItemText(index, bucket_name(bucket))
        self.aging.setToolTip(self.tr("Customers with an open invoice of this age"))
        self.above_label.setText(self.tr("Overdue above"))
        self.above.setPlaceholderText(self.tr("amount"))
        self.disputed.setText(self.tr("Disputed"))
        self.disputed.setToolTip(self.tr("Customers with an open invoice in dispute"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setEnabled(not self.value().is_empty())
