"""A printed batch before it goes to paper: its pages and count, Print… and Save PDF…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from ...files import write_atomically
from .. import formats
from ..documents import printing
from ..documents.pdf import PRINT_DPI, load_pdf
from ..documents.print_job import PrintJob
from ..views.common import Retranslating
from .route_sheet_preview import DESK


class BatchPreview(Retranslating, QDialog):
    """A window over ``printed`` (services.office.printing.Printed); ``title`` says what it is
    (already in the UI language) and ``file_name`` is offered to Save PDF…"""

    printed_pages = Signal(int)  # pages sent to the printer

    def __init__(self, printed, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("BatchPreview")
        self.printed, self.title, self.file_name = printed, title, file_name
        self.view = QPdfView()
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, DESK)  # paper on a grey desk
        self.view.setPalette(palette)
        self.view.setPageSpacing(16)
        self.view.setDocumentMargins(QMargins(20, 16, 20, 16))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # The dialog's child, not the view's: a QPdfView owning its document crashes on delete.
        self.document = load_pdf(printed.data, self)
        self.view.setDocument(self.document)
        self.count_label = QLabel()
        self.count_label.setObjectName("batchCount")
        self.buttons = QDialogButtonBox()
        self.print_button, self.save_button = QPushButton(), QPushButton()
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_batch)
        self.save_button.clicked.connect(self.save_as)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 1000)
        self.retranslate_ui()

    def make_printer(self) -> QPrinter:
        """The batch's paper at 300 dpi: each page is drawn at the printer's resolution, and
        a higher one only makes a huge spool file."""
        printer = printing.make_printer(self.document, self.file_name)
        printer.setResolution(PRINT_DPI)
        return printer

    def print_batch(self) -> None:
        printer = self.make_printer()
        pages = printing.pages_of([self.document])
        if printing.ask(printer, self, len(pages), self.tr("Print %1").replace("%1", self.title)):
            self.print_to(printer, printing.chosen(printer, pages))

    def print_to(self, printer: QPrinter, pages=None) -> int:
        """Print ``pages`` (default all) on ``printer`` without the dialog (also tests)."""
        pages = printing.pages_of([self.document]) if pages is None else pages
        done = PrintJob(self, printer, pages,
                        self.tr("Printing %1…").replace("%1", self.title)).run()
        self.printed_pages.emit(done)
        return done

    def save_as(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"),
                                                    str(Path(folder) / self.file_name),
                                                    self.tr("PDF documents (*.pdf)"))
        if path:
            self.save_to(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def save_to(self, path: Path) -> bool:
        try:
            write_atomically(path, self.printed.data)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The PDF could not be saved to %1:\n%2").replace("%1", str(path))
                .replace("%2", error.strerror or str(error)))
            return False
        return True

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.title)
        p = self.printed
        self.count_label.setText(
            self.tr("%1 pages · %2 documents for %3 customers · signed by %4")
            .replace("%1", formats.number(p.pages)).replace("%2", formats.number(p.documents))
            .replace("%3", formats.number(p.customers)).replace("%4", p.signer))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.close_button.setText(self.tr("Close"))
