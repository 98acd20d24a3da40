"""A date typed whole in the UI language's order (06/12/2026, 2026/12/06), never silently changed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from ..i18n import dates
from . import formats


class DateEdit(QLineEdit):
    """Drop-in for the QDateEdit calls we use: date()/setDate(), dateChanged, a calendar.

    QDateEdit edits one section at a time: typing "12/15/2026" over a selected date wrote only
    some sections and left 11/15/2026. Here the text is read as a whole when it parses; while
    it doesn't, it stays as typed, marked red with an example, and the last good date is kept.
    Up and Down move a day.
    """

    dateChanged = Signal(QDate)  # noqa: N815 (Qt's name)
    dateTimeChanged = Signal(QDateTime)  # noqa: N815

    def __init__(self, parent: QWidget | None = None, with_time: bool = False):
        super().__init__(parent)
        self.with_time = with_time
        self._value = datetime.combine(date.today(), datetime.min.time()).replace(hour=9)
        self._calendar: QCalendarWidget | None = None
        self._popup_action = None
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._show_value)
        self._render()

    # -- QDateEdit's interface --------------------------------------------------------------
    def setCalendarPopup(self, enabled: bool) -> None:  # noqa: N802
        if enabled and self._popup_action is None:
            icon = self.style().standardIcon(self.style().StandardPixmap.SP_ArrowDown)
            self._popup_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
            self._popup_action.triggered.connect(self._open_calendar)

    def calendarPopup(self) -> bool:  # noqa: N802
        return self._popup_action is not None

    def setDisplayFormat(self, _fmt: str) -> None:  # noqa: N802 (the UI language decides)
        self._render()

    def date(self) -> QDate:
        return QDate(self._value.year, self._value.month, self._value.day)

    def dateTime(self) -> QDateTime:  # noqa: N802
        return QDateTime(self.date(), QTime(self._value.hour, self._value.minute))

    def setDate(self, value) -> None:  # noqa: N802
        day = value.toPython() if isinstance(value, QDate) else value
        self._set(datetime.combine(day, self._value.time()))

    def setDateTime(self, value) -> None:  # noqa: N802
        moment = value.toPython() if isinstance(value, QDateTime) else value
        self._set(moment.replace(second=0, microsecond=0))

    def is_acceptable(self) -> bool:
        """False while the text is not a date (it is then shown red, and date() is the last)."""
        return not self.property("invalid")

    # -- typing -----------------------------------------------------------------------------
    def _parse(self, text: str) -> datetime:
        conv = formats.date_convention()
        if self.with_time:
            return dates.parse_moment(text, conv)
        return datetime.combine(dates.parse_day(text, conv), self._value.time())

    def _typed(self, text: str) -> None:
        try:
            moment = self._parse(text)
        except ValueError:
            # Half typed is no error yet: only marked, and shown red when the field is left.
            self.setProperty("invalid", True)
            return
        self._mark(True)
        self._change(moment, render=False)

    def _mark(self, ok: bool) -> None:
        self.setProperty("invalid", not ok)
        style = "" if ok else "QLineEdit { border: 1px solid #c62828; background: #fdecea; }"
        if self.styleSheet() != style:  # restyling on every keystroke would re-polish
            self.setStyleSheet(style)
        example = formats.date_convention().example + (" 14:30" if self.with_time else "")
        self.setToolTip("" if ok else QCoreApplication.translate(
            "DateEdit", "Type a date like %1").replace("%1", example))

    def _set(self, moment: datetime) -> None:
        if not self.is_acceptable():
            self._mark(True)
        self._change(moment, render=True)

    def _change(self, moment: datetime, render: bool) -> None:
        changed = moment != self._value
        self._value = moment
        if render:
            self._render()
        if changed:
            self.dateChanged.emit(self.date())
            self.dateTimeChanged.emit(self.dateTime())

    def _show_value(self) -> None:
        """Leaving the field: a good date is shown in full ('6/12/2026' → '06/12/2026'), a bad
        one stays as typed, in red, with an example of what is expected."""
        if self.is_acceptable():
            self._render()
        else:
            self._mark(False)

    def _render(self) -> None:
        text = dates.format_day(self._value.date(), formats.date_convention())
        if self.with_time:
            text += " " + dates.format_clock(self._value.time())
        self.setText(text)
        self.setPlaceholderText(formats.date_convention().example)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if step and self.is_acceptable():
            self._set(self._value + timedelta(days=step))
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.is_acceptable():
            self._render()  # the new language's order: 06/12/2026 ↔ 2026/12/06

    # -- calendar ---------------------------------------------------------------------------
    def _open_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.clicked.connect(self._picked)
        self._calendar.setSelectedDate(self.date())
        self._calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar.show()

    def _picked(self, day: QDate) -> None:
        self._calendar.hide()
        self.setDate(day)
