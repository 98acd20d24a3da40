"""The import wizard's third page: which column holds what, the date order, the number format."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWizardPage)

from ...domain.money import MINOR_UNITS
from ...importers.mapping import DATE_ORDERS, mapping_problem
from ...importers.presets import FIELDS
from ..error_text import describe
from .import_words import date_order_name, field_name, number_format_name

NUMBER_MARKS = {"point": (".", ","), "comma": (",", ".")}  # combo data → (decimal, group)
NOT_IN_FILE = -1


class MappingPage(QWizardPage):
    """One row per field with a combo of the file's columns; Save as source… keeps the result
    under a name, so the next file with these columns is read the same way."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self._filling = True
        self.table = QTableWidget(len(FIELDS), 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab walks the combos, not the cells
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 300)
        self.columns = {}
        for row, field in enumerate(FIELDS):
            self.table.setItem(row, 0, QTableWidgetItem())
            self.table.setItem(row, 2, QTableWidgetItem())
            combo = QComboBox(self.table)
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 1, combo)
            self.columns[field] = combo
        self.dates, self.numbers, self.currency = QComboBox(self), QComboBox(self), QComboBox(self)
        for combo in (self.dates, self.numbers, self.currency):
            combo.currentIndexChanged.connect(self._changed)
        self.currency.addItems(sorted(MINOR_UNITS))
        self.save = QPushButton(self)
        self.save.clicked.connect(self.save_as_source)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._build_layout()
        self._filling = False
        self.retranslate_ui()

    def _build_layout(self) -> None:
        self.dates_label, self.numbers_label = QLabel(self), QLabel(self)
        self.currency_label = QLabel(self)
        form = QFormLayout()
        for label, combo in ((self.dates_label, self.dates), (self.numbers_label, self.numbers),
                             (self.currency_label, self.currency)):
            label.setBuddy(combo)
            form.addRow(label, combo)
        below = QHBoxLayout()
        below.addLayout(form, 1)
        below.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        layout.addWidget(self.status)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Which column of the file holds what. Fields that are not in "
                                 "the file stay empty."))
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file"),
                                              self.tr("First value")])
        for row, field in enumerate(FIELDS):
            self.table.item(row, 0).setText(field_name(field))
            self.columns[field].setAccessibleName(field_name(field))
        self.dates_label.setText(self.tr("&Date order:"))
        self.numbers_label.setText(self.tr("&Numbers:"))
        self.currency_label.setText(self.tr("C&urrency of rows that name none:"))
        self.save.setText(self.tr("&Save as source…"))
        self._fill_choices()

    def _fill_choices(self) -> None:
        self._filling = True
        for combo, values in ((self.dates, {o: date_order_name(o) for o in DATE_ORDERS}),
                              (self.numbers, {k: number_format_name(m)
                                              for k, m in NUMBER_MARKS.items()})):
            current = combo.currentIndex()
            combo.clear()
            for value, text in values.items():
                combo.addItem(text, value)
            combo.setCurrentIndex(current)
        for combo in self.columns.values():
            if combo.count():
                combo.setItemText(0, self.tr("— not in the file —"))
        self._filling = False

    # -- the job ------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        job = self.wizard().job
        self._filling = True
        for field, combo in self.columns.items():
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), NOT_IN_FILE)
            for index, label in enumerate(job.layout.labels):
                combo.addItem(label or self.tr("(column {number})").format(number=index + 1),
                              index)
            column = job.mapping.get(field)
            combo.setCurrentIndex(0 if column is None else column + 1)
        self.dates.setCurrentIndex(max(self.dates.findData(job.dates), 0))
        marks = next((k for k, m in NUMBER_MARKS.items() if m == tuple(job.marks)), "point")
        self.numbers.setCurrentIndex(max(self.numbers.findData(marks), 0))
        self.currency.setCurrentIndex(max(self.currency.findText(job.currency), 0))
        self._filling = False
        self.table.resizeColumnToContents(0)
        self.status.setText("")
        self._changed()

    def _changed(self, *_) -> None:
        if self._filling or self.wizard() is None or self.wizard().job.layout is None:
            return
        job = self.wizard().job
        job.mapping = {f: (None if c.currentData() in (None, NOT_IN_FILE) else c.currentData())
                       for f, c in self.columns.items()}
        job.dates = self.dates.currentData() or "auto"
        job.marks = NUMBER_MARKS[self.numbers.currentData() or "point"]
        job.currency = self.currency.currentText()
        self._show_examples(job)
        problem = mapping_problem(job.mapping)
        self.status.setText(self._problem_words(problem) if problem else self._note(job))
        self.save.setEnabled(problem is None)
        self.completeChanged.emit()

    def _show_examples(self, job) -> None:
        shown = job.layout.examples
        for row, field in enumerate(FIELDS):
            column = job.mapping.get(field)
            text = shown[column] if column is not None and column < len(shown) else ""
            self.table.item(row, 2).setText(text)

    def _note(self, job) -> str:
        if job.mapping.get("customer_code") is None and job.mapping.get("customer_name") is None:
            return self.tr("No column names the customer: each block's customer is read from "
                           "the line above it (“Customer: …”), as in a customer ledger.")
        return ""

    def _problem_words(self, problem: str) -> str:
        if problem == "no_customer":
            return self.tr("Choose the column of the customer code or name.")
        if problem == "no_amount":
            return self.tr("Choose at least one column of amounts: amount, open amount, "
                           "debit, credit or balance.")
        return self.tr("One column is chosen for two fields: choose each column once.")

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        job = self.wizard().job if self.wizard() else None
        return job is not None and job.layout is not None and mapping_problem(job.mapping) is None

    # -- saving the mapping -------------------------------------------------------------------
    def save_as_source(self) -> None:
        wizard = self.wizard()
        suggestion = wizard.job.layout.preset.name if wizard.job.layout.saved else ""
        name, ok = QInputDialog.getText(self, self.tr("Save as source"), self.tr(
            "Name of the source (for example the company and report):"), text=suggestion)
        if ok and name.strip():
            self.save_under(name.strip())

    def save_under(self, name: str) -> None:
        wizard = self.wizard()
        preset, sources = wizard.job.reading_source(), wizard.services.sources
        self.save.setEnabled(False)
        wizard.taskman.run(lambda: sources.save(name, preset), self._saved, self._save_failed)

    def _saved(self, preset) -> None:
        self.save.setEnabled(True)
        self.wizard().job.adopt_saved(preset)
        self.status.setText(self.tr("Saved as “{name}”: files with these columns will be read "
                                    "this way from now on.").format(name=preset.name))

    def _save_failed(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.status.setText(describe(error))
