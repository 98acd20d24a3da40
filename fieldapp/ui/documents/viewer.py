"""The document viewer: the PDF's pages (QtPdf), its details, Print…, Save a copy…, Close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QPalette
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QWidget

from ...services.documents import DocumentInfo
from .. import formats
from ..labels import label
from ..views.common import Retranslating
from . import printing
from .info_panel import DocumentInfoPanel
from ...files import write_atomically
from .pdf import load_pdf
from .print_job import PrintJob

GEOMETRY_KEY = "documentViewer/geometry"
SAVE_FOLDER_KEY = "documentViewer/saveFolder"
DEFAULT_SIZE = (1100, 860)
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 6.0
DESK = QColor("#8e9196")


class DocumentViewer(Retranslating, QMainWindow):
    """A non-modal window over one document's bytes; remembers its size and place."""

    closed = Signal(str)  # the document id

    def __init__(self, info: DocumentInfo, data: bytes, settings_file, customer_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("DocumentViewer")
        self.info, self.data, self.customer_name = info, data, customer_name
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_view())
        self.setCentralWidget(splitter)
        # The window's child, made after the view so that it is deleted after it: never the
        # view's child (Qt 6.12 crashes deleting a QPdfView that owns its document), and never
        # gone while the view and its page signals still refer to it.
        self.document = load_pdf(data, self)
        self.view.setDocument(self.document)
        self.panel = DocumentInfoPanel(info, self.document.pageCount(), customer_name)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        self._build_status_bar()
        self._build_actions()
        self.print_job: PrintJob | None = None
        self._restore_geometry()
        self.retranslate_ui()
        self.view.setFocus()

    def _build_view(self) -> QPdfView:
        self.view = QPdfView()
        # Paper on a grey desk, as PDF readers show it: the page's edge must be visible.
        # QPdfView fills its background with the palette's Dark role.
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, DESK)
        self.view.setPalette(palette)
        self.view.setPageSpacing(16)
        self.view.setDocumentMargins(QMargins(20, 16, 20, 16))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        return self.view

    def _build_status_bar(self) -> None:
        self.page_label, self.zoom_label = QLabel(), QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.page_label)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
        self.view.zoomFactorChanged.connect(lambda _zoom: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _mode: self._show_zoom())

    def _build_actions(self) -> None:
        def action(keys, slot) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.triggered.connect(slot)
            return act

        key = QKeySequence.StandardKey
        self.print_action = action([key.Print], self.print_document)
        self.save_action = action([key.Save], self.save_copy)
        self.zoom_in_action = action([key.ZoomIn, "Ctrl+="], lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_action = action([key.ZoomOut], lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_action = action(["Ctrl+0"], self.fit_width)
        self.close_action = action([Qt.Key.Key_Escape, key.Close], self.close)
        bar = self.addToolBar("")
        bar.setObjectName("documentToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = bar
        for act in (self.print_action, self.save_action, None, self.zoom_out_action,
                    self.zoom_in_action, self.fit_action, None, self.close_action):
            if act is None:
                bar.addSeparator()
            else:
                bar.addAction(act)

    # -- looking --------------------------------------------------------------------------
    def zoom(self, step: float) -> None:
        """Ctrl+± : from what is on screen now (fit width included), by one step."""
        factor = min(max(self.effective_zoom() * step, ZOOM_MIN), ZOOM_MAX)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def effective_zoom(self) -> float:
        """The zoom factor on screen; in fit-width mode QPdfView keeps 1.0 as its factor."""
        if self.view.zoomMode() is QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        page = self.document.pagePointSize(self.current_page()).width()
        return max(width, 1) / (page * self.view.logicalDpiX() / 72)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _show_page(self) -> None:
        self.page_label.setText(self.tr("Page %1 of %2")
                                .replace("%1", formats.number(self.current_page() + 1))
                                .replace("%2", formats.number(self.document.pageCount())))

    def _show_zoom(self) -> None:
        fit = self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
        self.zoom_label.setText(self.tr("Fit width") if fit else formats.percent(
            round(self.view.zoomFactor() * 100)))

    # -- printing and saving --------------------------------------------------------------
    def print_document(self) -> None:
        """Ctrl+P: the system print dialog, then every chosen page at 300 dpi."""
        printer = printing.make_printer(self.document, self.info.file_name)
        pages = printing.pages_of([self.document])
        if printing.ask(printer, self, len(pages), self.tr("Print %1").replace(
                "%1", self.info.number), current_page=True):
            self.print_to(printer, printing.chosen(printer, pages, self.current_page()))

    def print_to(self, printer: QPrinter, pages=None) -> None:
        """Print to an already set-up ``printer`` (tests pass a PDF printer; no dialog)."""
        pages = printing.pages_of([self.document]) if pages is None else pages
        self.print_job = PrintJob(self, printer, pages, self.tr("Printing %1…").replace(
            "%1", self.info.number))
        printed = self.print_job.run()
        if printed:
            self.statusBar().showMessage(formats.counted(
                self.tr("Sent %n pages to the printer.", "", printed), printed), 8000)

    def save_copy(self) -> None:
        """Ctrl+S: the signed bytes, unchanged, wherever the user wants them."""
        folder = self._settings.value(SAVE_FOLDER_KEY) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), str(Path(folder) / self.info.file_name),
            self.tr("PDF documents (*.pdf)"))
        if path:
            self.save_to(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def save_to(self, path: Path) -> bool:
        try:
            write_atomically(path, self.data)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The copy could not be saved to %1:\n%2").replace("%1", str(path))
                .replace("%2", error.strerror or str(error)))
            return False
        self._settings.setValue(SAVE_FOLDER_KEY, str(path.parent))
        self.statusBar().showMessage(self.tr("Saved a copy to %1").replace("%1", str(path)), 8000)
        return True

    # -- window ---------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        self.closed.emit(self.info.id)
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(f"{label(self.info.kind)} {self.info.number} — fieldapp")
        self.toolbar.setWindowTitle(self.tr("Document"))
        self.print_action.setText(self.tr("&Print…"))
        self.print_action.setToolTip(self.tr("Print through the system print dialog (Ctrl+P)"))
        self.save_action.setText(self.tr("&Save a copy…"))
        self.save_action.setToolTip(self.tr("Save the signed PDF, unchanged (Ctrl+S)"))
        self.zoom_in_action.setText(self.tr("Zoom &in"))
        self.zoom_in_action.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_out_action.setText(self.tr("Zoom &out"))
        self.zoom_out_action.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.fit_action.setText(self.tr("&Fit width"))
        self.fit_action.setToolTip(self.tr("Fit the page to the window's width (Ctrl+0)"))
        self.close_action.setText(self.tr("&Close"))
        self.close_action.setToolTip(self.tr("Close the viewer (Esc)"))
        self._show_page()
        self._show_zoom()
