"""Printing PDFs through QPrinter: each page rendered at 300 dpi, scaled to fit, in one job."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMarginsF, QPoint, QRect, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from .pdf import page_pixels, render_page

Page = tuple[QPdfDocument, int]  # a document and a 0-based page of it
# Called after each page with (pages done, pages in the job); False cancels the job.
Progress = Callable[[int, int], bool]


def pages_of(docs: Sequence[QPdfDocument]) -> list[Page]:
    """Every page of ``docs``, one document after the other."""
    return [(doc, n) for doc in docs for n in range(doc.pageCount())]


def make_printer(first: QPdfDocument, name: str) -> QPrinter:
    """A printer set up for ``first``'s paper size, with the smallest margins the device allows
    (the documents carry their own), so a page prints at its real size."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize(QPageSize.id(first.pagePointSize(0), QPageSize.Unit.Point,
                                  QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setDocName(name)
    return printer


def ask(printer: QPrinter, parent: QWidget, pages: int, title: str,
        current_page: bool = False) -> bool:
    """The system print dialog; False when the user cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setMinMax(1, pages)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, current_page)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
    return dialog.exec() == QDialog.DialogCode.Accepted


def chosen(printer: QPrinter, pages: Sequence[Page], current: int = 0) -> list[Page]:
    """The pages the dialog asked for: the current one, a range, or all.

    ``fromPage``/``toPage`` are 1-based and 0 when no range was chosen.
    """
    if printer.printRange() is QPrinter.PrintRange.CurrentPage:
        return list(pages[current:current + 1])
    first, last = printer.fromPage() or 1, printer.toPage() or len(pages)
    return list(pages[first - 1:last])


def print_pages(printer: QPrinter, pages: Sequence[Page], progress: Progress | None = None) -> int:
    """Print ``pages`` as one job; returns how many were printed (fewer when cancelled)."""
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    done = 0
    try:
        for doc, n in pages:
            if done:
                printer.newPage()
            _draw(painter, printer, doc, n)
            done += 1
            if progress is not None and not progress(done, len(pages)):
                printer.abort()
                break
    finally:
        painter.end()
    return done


def _draw(painter: QPainter, printer: QPrinter, doc: QPdfDocument, page: int) -> None:
    """The page at 300 dpi, scaled into the printable area keeping its shape, centred."""
    target = printer.pageLayout().paintRectPixels(printer.resolution())
    image = render_page(doc, page, page_pixels(doc, page))
    size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = (target.width() - size.width()) // 2
    painter.drawImage(QRect(QPoint(left, 0), size), image)

