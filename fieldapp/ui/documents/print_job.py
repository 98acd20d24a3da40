"""One print job on the GUI thread, with a progress dialog (and Cancel) when it takes a while."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from .. import formats
from . import printing

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 400  # a page or two print without a flash of a dialog


class PrintJob:
    """Renders page after page onto the printer; QPainter and QtPdf stay on the GUI thread."""

    def __init__(self, parent: QWidget, printer: QPrinter, pages: Sequence[printing.Page],
                 text: str):
        self.parent, self.printer, self.pages, self.text = parent, printer, pages, text
        self.progress: QProgressDialog | None = None
        self.cancelled = False

    def run(self) -> int:
        """Print; returns the pages printed (0 when it failed or was cancelled at once)."""
        self.progress = QProgressDialog(self.text, QCoreApplication.translate("PrintJob", "Cancel"), 0,
                                        len(self.pages), self.parent)
        self.progress.setWindowTitle(QCoreApplication.translate("PrintJob", "Printing"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(True)
        try:
            return printing.print_pages(self.printer, self.pages, self._step)
        except OSError as error:
            log.error("printing failed", exc_info=error)
            QMessageBox.warning(self.parent, QCoreApplication.translate("PrintJob", "Not printed"),
                                QCoreApplication.translate("PrintJob", "The printer could not be used:\n%1")
                                .replace("%1", str(error)))
            return 0
        finally:
            self.progress.reset()

    def _step(self, done: int, total: int) -> bool:
        self.progress.setValue(done)  # a modal progress dialog processes events here
        self.progress.setLabelText(self.text + "\n"
                                   + QCoreApplication.translate("PrintJob", "Page %1 of %2")
                                   .replace("%1", formats.number(done))
                                   .replace("%2", formats.number(total)))
        self.cancelled = self.progress.wasCanceled()
        return not self.cancelled
