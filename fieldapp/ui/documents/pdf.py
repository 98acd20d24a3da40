"""PDF bytes as a QPdfDocument and pages as images on white."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from ...domain.errors import FieldappError

PRINT_DPI = 300  # sharp on paper; Qt's HighResolution (1200 dpi) only makes huge spool files
POINTS_PER_INCH = 72


class PdfLoadError(FieldappError, RuntimeError):
    """The bytes are not a PDF QtPdf can open."""


def load_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A document read from memory; the buffer lives as long as the document (its child)."""
    doc = QPdfDocument(parent)
    buffer = QBuffer(doc)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    if doc.status() is not QPdfDocument.Status.Ready or doc.pageCount() == 0:
        raise PdfLoadError("document.unreadable", reason=doc.error().name)
    return doc


def page_pixels(doc: QPdfDocument, page: int, dpi: int = PRINT_DPI) -> QSize:
    """The size of ``page`` in pixels at ``dpi``."""
    return (doc.pagePointSize(page) * dpi / POINTS_PER_INCH).toSize()


def render_page(doc: QPdfDocument, page: int, size: QSize) -> QImage:
    """``page`` drawn on white paper (QtPdf leaves the background transparent)."""
    rendered = doc.render(page, size)
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image
