"""The export to accounting: a period, which records, CSV or XLSX, the file, earlier rows or not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from .. import progress
from ..date_edit import DateEdit
from ..error_text import describe
from ..views.common import Retranslating

KINDS = ("payments", "promises", "installments")
FORMATS = ("csv", "xlsx")


class ExportDialog(Retranslating, QDialog):
    """Needs of ``window`` only ``services`` and ``taskman``."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("ExportDialog")
        self.window_ = window
        today = window.services.now().date()
        self.first, self.last = DateEdit(self), DateEdit(self)
        self.first.setDate(today.replace(day=1))
        self.last.setDate(today)
        self.kinds = {k: QCheckBox(self) for k in KINDS}
        for box in self.kinds.values():
            box.setChecked(True)
        self.format = QComboBox(self)
        self.file = QLineEdit(self)
        self.file.setObjectName("exportFile")
        self.browse = QPushButton(self)
        self.include = QCheckBox(self)
        self.result = QLabel(self)
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Close, self)
        self.labels = [QLabel(self) for _ in range(5)]
        self._build()
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._choose)
        self.file.textChanged.connect(self._check)
        for box in self.kinds.values():
            box.toggled.connect(self._check)
        self.task, self.done = None, None
        self.retranslate_ui()
        self._check()

    def _build(self) -> None:
        form = QFormLayout()
        kinds = QHBoxLayout()
        for box in self.kinds.values():
            kinds.addWidget(box)
        where = QHBoxLayout()
        where.addWidget(self.file, 1)
        where.addWidget(self.browse)
        for label, part in zip(self.labels, (self.first, self.last, kinds, self.format, where)):
            form.addRow(label, part)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.include)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def chosen_kinds(self) -> list[str]:
        return [k for k, box in self.kinds.items() if box.isChecked()]

    def _check(self) -> None:
        ok = bool(self.file.text().strip()) and bool(self.chosen_kinds())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _choose(self) -> None:
        fmt = FORMATS[self.format.currentIndex()]
        wanted = self.tr("Workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV files (*.csv)")
        self.picker = QFileDialog(self, self.tr("Export to accounting"), "", wanted)
        self.picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.picker.setDefaultSuffix(fmt)
        self.picker.fileSelected.connect(self.file.setText)
        self.picker.open()

    def start(self) -> None:
        """Run the export on the database lane; the dialog stays to say what was written."""
        first, last = self.first.date().toPython(), self.last.date().toPython()
        fmt, kinds = FORMATS[self.format.currentIndex()], self.chosen_kinds()
        out, include = Path(self.file.text().strip()), self.include.isChecked()
        if fmt == "xlsx" and out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")
        service = self.window_.services.accounting_export
        self.result.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.task = self.window_.taskman.run_long(
            lambda report, _cancelled: service.run(first, last, out, fmt, kinds, include,
                                                   progress=report),
            self._finished, self._failed)
        if self.task is not None:
            self._progress = progress.follow(self.task, self, self.tr("Exporting…"))

    def _finished(self, done) -> None:
        self.done = done
        rows = sum(done.rows.values())
        text = self.tr("%n row(s) written", "", rows) + " — " + ", ".join(done.files)
        if not done.batch:
            text += "\n" + self.tr("Nothing new: every record of the period was exported before.")
        self.result.setText(text)
        self._check()

    def _failed(self, error: BaseException) -> None:
        self.result.setText(describe(error))
        self._check()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export to accounting"))
        for label, text in zip(self.labels, (self.tr("From"), self.tr("To"),
                                             self.tr("Records"), self.tr("Format"),
                                             self.tr("File"))):
            label.setText(text)
        self.kinds["payments"].setText(self.tr("Confirmed money taken on site"))
        self.kinds["promises"].setText(self.tr("Promises to pay"))
        self.kinds["installments"].setText(self.tr("Installment lines"))
        current = max(self.format.currentIndex(), 0)
        self.format.clear()
        self.format.addItems([self.tr("CSV (one file per kind)"),
                              self.tr("Excel workbook (one sheet per kind)")])
        self.format.setCurrentIndex(current)
        self.browse.setText(self.tr("Choose…"))
        self.include.setText(self.tr("Include records exported before (marked with their "
                                     "first export)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
