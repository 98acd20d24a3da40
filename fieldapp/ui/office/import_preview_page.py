"""The import wizard's fourth page: the whole file read without writing, rows and problems."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget,
                               QWizardPage)

from ...services.office.receivables import refusal_of
from .. import formats
from ..date_edit import DateEdit
from ..error_text import describe, words
from ..views.common import make_table
from .import_progress import TaskStrip
from .preview_model import PreviewRowsModel, ProblemsModel


class PreviewPage(QWizardPage):
    """Reads the file in the background (progress, Stop) and shows what an import would take;
    complete when the file can be imported as the supervisor chose (skip bad rows, opening
    balances on a day)."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self.strip = TaskStrip(self)
        self.summary = _wrapping(self)
        self.rows = PreviewRowsModel(self)
        self.problems = ProblemsModel(self)
        self.rows_table = make_table(self.rows, self, stretch_column=1)
        self.problems_table = make_table(self.problems, self, stretch_column=2)
        self.rows_title, self.problems_title = QLabel(self), QLabel(self)
        self.refusal = _wrapping(self)
        self.refusal.setStyleSheet("color: #b3261e;")
        self.skip_bad = QCheckBox(self)
        self.skip_bad.toggled.connect(self._choice_changed)
        self.opening = QCheckBox(self)
        self.opening.toggled.connect(self._choice_changed)
        self.opening_on = DateEdit(self)
        self.opening_on.setCalendarPopup(True)
        self.opening_on.dateChanged.connect(self._choice_changed)
        self.preview, self._generation = None, 0
        self._build_layout()
        self.retranslate_ui()

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, table in ((self.rows_title, self.rows_table),
                             (self.problems_title, self.problems_table)):
            box = QWidget(splitter)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(title)
            inner.addWidget(table)
            title.setBuddy(table)
        self.problems_box = splitter.widget(1)
        opening = QHBoxLayout()
        opening.addWidget(self.opening)
        opening.addWidget(self.opening_on)
        opening.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(self.skip_bad)
        layout.addLayout(opening)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The file as it would be imported. Nothing is written yet."))
        self.skip_bad.setText(self.tr("Import the &good rows and skip the bad ones"))
        self.opening.setText(self.tr("Load the balances as &opening balances on"))
        self.rows.retranslate()
        self.problems.retranslate()
        self.strip.retranslate_ui()
        self._show()

    # -- reading ------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        job, imports = wizard.job, wizard.services.imports
        file, source = job.file, job.reading_source()
        self.preview = None
        self._generation += 1
        generation = self._generation
        self.skip_bad.setChecked(False)
        self.opening.setChecked(False)
        self.rows.set_records(())
        self.problems.set_records(())
        self._show()
        task = wizard.taskman.run_long(
            lambda progress, cancelled: imports.preview(file, source, progress=progress,
                                                        cancelled=cancelled),
            lambda preview: generation == self._generation and self._read(preview),
            lambda error: generation == self._generation and self._failed(error),
            database=False)
        if task is not None:
            self.strip.follow(task, self.tr("Reading the file…"))

    def cleanupPage(self) -> None:  # noqa: N802 (Qt's name): Back while reading stops it
        self.strip.stop()
        self._generation += 1
        super().cleanupPage()

    def _read(self, preview) -> None:
        self.preview = preview
        self.wizard().job.preview = preview
        self.rows.set_records(preview.rows)
        self.problems.set_records(preview.problems)
        as_of = preview.result.as_of or self.wizard().services.now().date()
        self.opening_on.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self._show()

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(describe(error))
        self.completeChanged.emit()

    # -- what is shown ------------------------------------------------------------------------
    def _show(self) -> None:
        preview = self.preview
        self.rows_title.setText(self.tr("&Rows as understood"))
        count = len(preview.problems) if preview else 0
        self.problems_title.setText(self.tr("&Problems: {count}").format(
            count=formats.number(count)))
        self.problems_box.setVisible(count > 0)
        summary_only = preview is not None and preview.result.kind.value == "summary_only"
        self.skip_bad.setVisible(preview is not None and bool(preview.bad_rows)
                                 and not summary_only and not preview.cancelled)
        self.opening.setVisible(summary_only)
        self.opening_on.setVisible(summary_only)
        self.opening_on.setEnabled(self.opening.isChecked())
        self.summary.setText(self._summary(preview))
        self.refusal.setText(self._refusal(preview))
        self.completeChanged.emit()

    def _summary(self, preview) -> str:
        if preview is None:
            return ""
        if preview.cancelled:
            return self.tr("Reading was stopped: go back and forward again to read the file.")
        result = preview.result
        counts = self.tr("Data rows: {rows} · Customers: {customers} · Invoices: {invoices} · "
                         "Credits: {credits} · Opening balances: {openings}").format(
            rows=formats.number(result.rows), customers=formats.number(result.customers),
            invoices=formats.number(result.invoices), credits=formats.number(result.credits),
            openings=formats.number(result.openings))
        lines = [counts]
        if result.totals:
            lines.append(self.tr("Amounts: {totals}").format(
                totals=formats.moneys(result.totals.values())))
        if preview.open_totals:
            lines.append(self.tr("Open: {totals}").format(
                totals=formats.moneys(preview.open_totals.values())))
        if result.rows > len(preview.rows):
            shown = len(preview.rows)
            lines.append(self.tr("The table shows the first {count} rows.").format(
                count=formats.number(shown)))
        if result.kind.value == "summary_only":
            lines.append(self.tr(
                "This report has one line per customer and no invoices, so it cannot be "
                "imported as invoices. Its balances can be loaded instead as opening "
                "balances: one open amount per customer, on the day you choose below."))
        return "\n".join(lines)

    def _refusal(self, preview) -> str:
        if preview is None or preview.cancelled:
            return ""
        refusal, params = self._refusal_now()
        if refusal == "ar.summary_only":
            return ""  # the summary above says it, and the choice below answers it
        if refusal == "ar.bad_rows":
            return self.tr("{count} rows have problems (listed above). Correct them in the "
                           "accounting program and export again, or import the other rows and "
                           "skip these.").format(count=formats.number(params["count"]))
        return words(refusal, params) if refusal else ""

    def _refusal_now(self):
        if self.preview is None:
            return "", {}
        return refusal_of(self.preview.result, opening_on=self.opening_day(),
                          skip_bad_rows=self.skip_bad.isChecked())

    def _choice_changed(self, *_) -> None:
        self._show()

    def opening_day(self) -> date | None:
        return self.opening_on.date().toPython() if self.opening.isChecked() else None

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        if self.preview is None or self.preview.cancelled or self.strip.running:
            return False
        return self._refusal_now()[0] is None


def _wrapping(parent) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
