"""Editors for dates, amounts and counts; answers stay JSON-ready (ISO dates, minor units)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import QCheckBox, QSpinBox

from ...domain.money import Money
from ..date_edit import DateEdit
from .fields import Field
from .money_edit import MoneyEdit


class DateField(Field):
    """An optional date: the box says whether there is one; the editor has a calendar."""

    with_time = False

    def __init__(self, item, language, today: date, parent=None):
        super().__init__(item, language, parent)
        self.today = today
        self.enabled = self._add(QCheckBox())
        self.keep(lambda: self.enabled.setText(QCoreApplication.translate("DateField", "Set")))
        self.editor = self._add(DateEdit(with_time=self.with_time))
        self.editor.setCalendarPopup(True)
        self._layout.addStretch(1)
        self._set_default()
        self.editor.setEnabled(False)
        self.enabled.toggled.connect(self.editor.setEnabled)
        self.enabled.clicked.connect(self.changed)
        self.editor.dateTimeChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.enabled)

    def _set_default(self) -> None:
        day = self.today + timedelta(days=1)
        self.editor.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(9, 0)))

    def value(self) -> str | None:
        if not self.enabled.isChecked():
            return None
        moment = self.editor.dateTime().toPython()
        return moment.replace(second=0).isoformat(timespec="minutes") if self.with_time \
            else moment.date().isoformat()

    def set_value(self, value) -> None:
        self.editor.blockSignals(True)
        self.enabled.setChecked(bool(value))
        self.editor.setEnabled(bool(value))
        if value:
            try:
                self.editor.setDateTime(QDateTime(datetime.fromisoformat(value)))
            except ValueError:  # no such day (a draft written elsewhere): the check says so
                self._set_default()
        self.editor.blockSignals(False)


class DateTimeField(DateField):
    with_time = True


class MoneyField(Field):
    def __init__(self, item, language, currency: str, parent=None):
        super().__init__(item, language, parent)
        self.editor = self._add(MoneyEdit(currency))
        self._layout.addStretch(1)
        self.editor.changed.connect(self.changed)
        self.setFocusProxy(self.editor)

    def value(self) -> dict | None:
        money = self.editor.money()
        return {"minor": money.minor, "currency": money.currency} if money else None

    def set_value(self, value) -> None:
        self.editor.set_money(Money(value["minor"], value["currency"]) if value else None)

    def problem(self) -> str:
        return self.editor.problem()


class IntField(Field):
    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        self.editor = self._add(QSpinBox())
        self.editor.setRange(0, 365)
        self._layout.addStretch(1)
        self.editor.valueChanged.connect(lambda _v: self.changed.emit())
        self.setFocusProxy(self.editor)
        self.set_value(item.default)

    def value(self) -> int:
        return self.editor.value()

    def set_value(self, value) -> None:
        self.editor.blockSignals(True)
        self.editor.setValue(int(value or 0))
        self.editor.blockSignals(False)
