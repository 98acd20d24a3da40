"""The import wizard's last page: the import itself, with progress and Stop, then what it did."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWizardPage

from ...domain.money import Money
from ...services.changes import Changes
from .. import formats
from ..error_text import describe, words
from ..views.common import make_table
from .import_progress import TaskStrip
from .preview_model import ProblemsModel


class RunPage(QWizardPage):
    """Runs ``imports.apply`` in one transaction on the database lane; Stop (or the wizard's
    Cancel) rolls it back. Views hear of a finished import through ``window.publish``."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self.strip = TaskStrip(self)
        self.strip.ended.connect(self._ended)  # also when stopped by TaskCancelled
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped_title = QLabel(self)
        self.skipped = ProblemsModel(self)
        self.skipped_table = make_table(self.skipped, self, stretch_column=2)
        self.skipped_title.setBuddy(self.skipped_table)
        self.again = QPushButton(self)
        self.again.clicked.connect(self.initializePage)
        self.again.hide()
        again = QHBoxLayout()
        again.addWidget(self.again)
        again.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.outcome)
        layout.addLayout(again)
        layout.addWidget(self.skipped_title)
        layout.addWidget(self.skipped_table, 1)
        self.report, self.error, self._done = None, None, False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The receivables are written in one step: all or nothing."))
        self.skipped_title.setText(self.tr("&Skipped rows"))
        self.again.setText(self.tr("Import &again"))
        self.skipped.retranslate()
        self.strip.retranslate_ui()
        self._show()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        job, imports, kpis = wizard.job, wizard.services.imports, wizard.services.kpis
        file, source = job.file, job.reading_source()
        preview_page = wizard.page(wizard.PREVIEW)
        skip, opening_on = preview_page.skip_bad.isChecked(), preview_page.opening_day()
        self.report, self.error, self._done = None, None, False
        self._show()

        def work(progress, cancelled):
            report = imports.apply(file, source, skip_bad_rows=skip, opening_on=opening_on,
                                   progress=progress, cancelled=cancelled)
            if report.imported:  # the dashboard's sums, while the import is still on screen
                kpis.refresh()
            return report
        task = wizard.taskman.run_long(work, self._applied, self._failed)
        if task is not None:
            self.strip.follow(task, self.tr("Importing…"))

    def _applied(self, report) -> None:
        self.report = report
        self.wizard().job.report = report
        if report.imported:
            self.wizard().window_.publish(Changes.everything(source=self.wizard()))

    def _failed(self, error: BaseException) -> None:
        self.error = error

    def _ended(self) -> None:
        """After on_done/on_error, or alone when the work stopped by raising TaskCancelled."""
        self._done = True
        self.skipped.set_records(self.report.errors if self.report and self.report.imported
                                 else ())
        self._show()

    def _show(self) -> None:
        self.outcome.setText(self._outcome())
        # Stopped or failed: nothing was written, so the same import can simply run again.
        self.again.setVisible(self._done and (self.report is None or self.report.cancelled))
        shown = self.skipped.rowCount() > 0
        self.skipped_title.setVisible(shown)
        self.skipped_table.setVisible(shown)
        self.completeChanged.emit()

    def _outcome(self) -> str:
        report = self.report
        if not self._done:
            return ""
        if self.error is not None:
            return describe(self.error)
        if report is None or report.cancelled:
            return self.tr("The import was stopped. Nothing was written.")
        if not report.imported:
            return words(report.refusal, report.refusal_params) if report.refusal else \
                self.tr("Nothing was imported.")
        totals = [Money(minor, currency) for currency, minor in report.open_total.items()]
        return "\n".join([
            self.tr("The receivables were imported."),
            self.tr("Customers: {created} new, {updated} updated.").format(
                created=formats.number(report.customers_created),
                updated=formats.number(report.customers_updated)),
            self.tr("Invoices: {created} new, {updated} updated, {closed} closed because the "
                    "export no longer lists them as open.").format(
                created=formats.number(report.invoices_created),
                updated=formats.number(report.invoices_updated),
                closed=formats.number(report.invoices_closed)),
            self.tr("Open in this export: {totals}").format(totals=formats.moneys(totals)),
        ])

    @property
    def running(self) -> bool:
        return self.strip.running

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self._done
