"""The route sheet before it goes to paper: its pages, Print… through the system dialog, Save as PDF…"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMargins, QStandardPaths, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from ...files import write_atomically
from .. import formats
from ..documents import printing
from ..documents.pdf import load_pdf
from ..documents.print_job import PrintJob
from ..views.common import Retranslating

DESK = QColor("#8e9196")
_UNSAFE = re.compile(r"\W+")  # what a file name should not hold (spaces, slashes)


class RouteSheetPreview(Retranslating, QDialog):
    """A window over the bytes of ``collector``'s sheet of ``day``."""

    def __init__(self, data: bytes, collector: str, day: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("RouteSheetPreview")
        self.data, self.collector, self.day = data, collector, day
        self.file_name = f"route-{day.isoformat()}-{_UNSAFE.sub('-', collector).strip('-')}.pdf"
        self.title = ""
        self.view = QPdfView()
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, DESK)  # paper on a grey desk
        self.view.setPalette(palette)
        self.view.setPageSpacing(16)
        self.view.setDocumentMargins(QMargins(20, 16, 20, 16))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # The dialog's child, not the view's: a QPdfView owning its document crashes on delete.
        self.document = load_pdf(data, self)
        self.view.setDocument(self.document)
        self.buttons = QDialogButtonBox()
        self.print_button = QPushButton()
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_as)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 1000)
        self.retranslate_ui()

    def print_sheet(self) -> None:
        printer = printing.make_printer(self.document, self.file_name)
        pages = printing.pages_of([self.document])
        if printing.ask(printer, self, len(pages), self.tr("Print %1").replace("%1", self.title)):
            PrintJob(self, printer, printing.chosen(printer, pages),
                     self.tr("Printing %1…").replace("%1", self.title)).run()

    def save_as(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                    str(Path(folder) / self.file_name),
                                                    self.tr("PDF documents (*.pdf)"))
        if path:
            self.save_to(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def save_to(self, path: Path) -> bool:
        try:
            write_atomically(path, self.data)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The route sheet could not be saved to %1:\n%2").replace("%1", str(path))
                .replace("%2", error.strerror or str(error)))
            return False
        return True

    def retranslate_ui(self) -> None:
        self.title = self.tr("Route sheet of %1 for %2").replace("%1", self.collector).replace(
            "%2", formats.day(self.day))
        self.setWindowTitle(self.title)
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
