"""The office's tab of a collector's route for a day: suggested, reordered, saved, printed."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from ...domain.routes import DEFAULT_START, DEFAULT_VISIT_MINUTES
from .. import formats
from ..date_edit import DateEdit
from ..views.common import Retranslating
from .customer_picker import CustomerPicker
from .print_dialog import STATEMENTS
from .route_sheet_preview import RouteSheetPreview
from .route_editor import RouteEditor
from .route_stops_model import StopRow
from .route_table import HH_MM

SUGGESTIONS = 10


class RoutesView(Retranslating, QWidget):
    """Built by the OfficeWindow window (services, taskman, changed, publish). Each signal
    says that what was asked for is on screen: the saved day (``loaded``), suggestions, search
    results, the route sheet."""

    loaded = Signal()
    suggested = Signal()
    found = Signal()
    previewed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self._routes = window.services.routes
        self._collector_id: str | None = None
        self._day: date = window.services.now().date()
        self._minutes = DEFAULT_VISIT_MINUTES
        self._generation = 0
        self.dirty = False
        self.preview: RouteSheetPreview | None = None
        self._build()
        window.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.window_.taskman.run(self._routes.timing, self._set_timing)
        self.reload_collectors()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.collector_label, self.day_label, self.start_label = QLabel(), QLabel(), QLabel()
        self.collector_box = QComboBox()
        self.collector_box.setMinimumWidth(220)
        self.day_edit = DateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(self._day)
        self.start_edit = QLineEdit(DEFAULT_START.strftime("%H:%M"))
        self.start_edit.setMaximumWidth(70)
        self.start_edit.setValidator(QRegularExpressionValidator(HH_MM, self.start_edit))
        self.suggest_button, self.respread_button = QPushButton(), QPushButton()
        self.editor = RouteEditor()
        self.model, self.table = self.editor.model, self.editor.table
        self.picker = CustomerPicker()
        self.status = QLabel()
        self.save_button, self.print_button = QPushButton(), QPushButton()
        self.statements_button = QPushButton()
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.collector_label, self.collector_box, self.day_label, self.day_edit,
                       self.start_label, self.start_edit):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.suggest_button)
        top.addWidget(self.respread_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(self.picker)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.statements_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.collector_box.currentIndexChanged.connect(self._collector_chosen)
        self.day_edit.dateChanged.connect(self._day_chosen)
        self.suggest_button.clicked.connect(self.suggest)
        self.respread_button.clicked.connect(self.respread)
        self.picker.search.connect(self.search)
        self.picker.chosen.connect(self.add)
        self.save_button.clicked.connect(lambda: self.save())
        self.print_button.clicked.connect(self.print_sheet)
        self.statements_button.clicked.connect(self.print_statements)
        self.model.edited.connect(lambda: self._set_dirty(True))
        self.model.rowsMoved.connect(lambda *_a: self.respread())

    # -- collectors and the day ------------------------------------------------------------
    def reload_collectors(self) -> None:
        self.window_.taskman.run(self._routes.collectors, self._show_collectors)

    def _show_collectors(self, collectors) -> None:
        self.collector_box.blockSignals(True)
        self.collector_box.clear()
        for c in collectors:
            self.collector_box.addItem(c.name, c.id)
        found = self.collector_box.findData(self._collector_id)
        self.collector_box.setCurrentIndex(max(found, 0) if collectors else -1)
        self.collector_box.blockSignals(False)
        chosen = self.collector_box.currentData()
        if not collectors:
            self._say(self.tr("No collectors yet: add them in the Collectors tab."))
        if chosen != self._collector_id or not self.dirty:
            self._collector_id = chosen
            self.reload()
        self._enable()

    def _collector_chosen(self, _index: int) -> None:
        chosen = self.collector_box.currentData()
        if chosen == self._collector_id:
            return
        if not self._leave_ok():
            _quietly(self.collector_box, lambda box: box.setCurrentIndex(
                box.findData(self._collector_id)))
            return
        self._collector_id = chosen
        self.reload()
        self.search(self.picker.query.text())

    def _day_chosen(self, value: QDate) -> None:
        day = value.toPython()
        if day == self._day:
            return
        if not self._leave_ok():
            _quietly(self.day_edit, lambda edit: edit.setDate(self._day))
            return
        self._day = day
        self.reload()

    def _leave_ok(self) -> bool:
        """Unsaved stops: save them, drop them, or stay (False)."""
        if not self.dirty:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved route"), self.tr(
            "The route of this day has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsavedRoute")
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            self.save()
        return answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard)

    def reload(self) -> None:
        """The chosen collector's saved stops of the chosen day."""
        self._generation += 1
        generation, cid, day = self._generation, self._collector_id, self._day
        if cid is None:
            self.model.set_rows([])
            self._set_dirty(False)
            return
        self.window_.taskman.run(lambda: self._routes.day(cid, day),
                                 lambda stops: self._show_day(generation, stops))

    def _show_day(self, generation: int, stops) -> None:
        if generation != self._generation:
            return  # another collector or day was chosen meanwhile
        self.model.set_rows([StopRow(s.customer, s.planned_time, s.purpose) for s in stops])
        self._set_dirty(False)
        self._say(formats.counted(self.tr("%n stops saved for this day.", "", len(stops)),
                                  len(stops)))
        self.loaded.emit()

    def on_changes(self, changes) -> None:
        """Another tab or supervisor's work: collectors and balances may differ."""
        if changes.caused_by(self):
            return
        self.reload_collectors()

    # -- planning --------------------------------------------------------------------------
    def suggest(self) -> None:
        cid, day, skip = self._collector_id, self._day, set(self.model.customer_ids())
        if cid is not None:
            self.window_.taskman.run(
                lambda: self._routes.suggest(cid, day, SUGGESTIONS, exclude=skip),
                self._show_suggestions)

    def _show_suggestions(self, suggestions) -> None:
        self.model.append([StopRow(s.customer, None, s.purpose, s.reasons) for s in suggestions],
                          self.start(), self._minutes)
        self._say(formats.counted(self.tr("%n stops suggested; save to keep them.", "",
                                          len(suggestions)), len(suggestions))
                  if suggestions else self.tr("Nothing more to suggest for this day."))
        self.suggested.emit()

    def search(self, text: str) -> None:
        cid, day = self._collector_id, self._day
        if cid is not None:
            self.window_.taskman.run(lambda: self._routes.customers(cid, text, day),
                                     self._show_found)

    def _show_found(self, customers) -> None:
        self.picker.show_results(customers)
        self.found.emit()

    def add(self, customer) -> None:
        """A customer chosen in the search box, at the end of the route (once)."""
        self.editor.add([StopRow(customer)], self.start(), self._minutes)

    def respread(self) -> None:
        """Times again from the start, in the new order (after a move, or asked for)."""
        self.model.respread(self.start(), self._minutes)

    def start(self) -> time:
        text = self.start_edit.text()
        return time.fromisoformat(text.zfill(5)) if self.start_edit.hasAcceptableInput() \
            else DEFAULT_START

    def _set_timing(self, timing) -> None:
        start, self._minutes = timing
        if not self.dirty:
            self.start_edit.setText(start.strftime("%H:%M"))

    # -- saving and printing ---------------------------------------------------------------
    def save(self, then=None) -> None:
        cid, day, plans, start = self._collector_id, self._day, self.model.plans(), self.start()
        if cid is None:
            return

        def saved(changes) -> None:
            self.window_.publish(changes.from_source(self))
            if (cid, day) == (self._collector_id, self._day):
                self.reload()
            if then is not None:
                then()
        self.window_.taskman.run(lambda: self._routes.save(cid, day, plans, start), saved)

    def print_sheet(self) -> None:
        """Save first when the list has changes: the sheet is the saved route."""
        cid, day, name = self._collector_id, self._day, self.collector_box.currentText()
        if cid is None:
            return

        def make() -> None:
            self.window_.taskman.run(lambda: self._routes.sheet_pdf(cid, day),
                                     lambda data: self._preview(data, name, day))
        self.save(make) if self.dirty else make()

    def print_statements(self) -> None:
        """Statements of account for the customers of the (saved) route, in one signed PDF."""
        name, day = self.collector_box.currentText(), self._day
        if self._collector_id is None:
            return

        def ask() -> None:
            self.window_.open_print_dialog(STATEMENTS).preset_route(name, day)
        self.save(ask) if self.dirty else ask()

    def _preview(self, data: bytes, name: str, day: date) -> None:
        self.preview = RouteSheetPreview(data, name, day, self)
        self.preview.show()
        self.previewed.emit()

    # -- state -----------------------------------------------------------------------------
    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        if dirty:
            self._say(self.tr("The route has changes that are not saved."))
        self._enable()

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _enable(self) -> None:
        chosen = self._collector_id is not None
        for widget in (self.suggest_button, self.respread_button, self.print_button,
                       self.picker, self.editor):
            widget.setEnabled(chosen)
        self.save_button.setEnabled(chosen and self.dirty)
        # The office's keys sign the statements: a window without a profile has none.
        self.statements_button.setEnabled(chosen and self.window_.profile is not None)

    def retranslate_ui(self) -> None:
        self.collector_label.setText(self.tr("Collector:"))
        self.day_label.setText(self.tr("Day:"))
        self.start_label.setText(self.tr("Start:"))
        self.start_edit.setToolTip(self.tr("When the first visit starts (HH:MM)"))
        self.suggest_button.setText(self.tr("&Suggest"))
        self.suggest_button.setToolTip(self.tr(
            "Add the customers most worth a visit: promises due and not kept, revisits, "
            "disputes waiting, then the largest and oldest overdue amounts"))
        self.respread_button.setText(self.tr("Spread times"))
        self.respread_button.setToolTip(self.tr("Plan every visit again from the start time"))
        self.save_button.setText(self.tr("Save route"))
        self.print_button.setText(self.tr("Print route sheet…"))
        self.statements_button.setText(self.tr("Print statements…"))
        self.statements_button.setToolTip(self.tr(
            "Statements of account for the customers on this route, in one signed PDF"))


def _quietly(widget, change) -> None:
    """Put a choice back without it counting as a new choice (the user stayed)."""
    widget.blockSignals(True)
    try:
        change(widget)
    finally:
        widget.blockSignals(False)
