"""The supervisor's main window: a composition root over the office services, no business rules."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

from ..error_text import describe
from ..taskman import TaskManager
from ..views.common import Retranslating
from .collectors_view import CollectorsView
from .import_wizard import ImportWizard
from .portfolio_view import PortfolioView
from .routes_view import RoutesView

DEFAULT_SIZE = (1280, 800)


class OfficeWindow(Retranslating, QMainWindow):
    """Tabs: the portfolio across collectors, the collectors, the routes. Views talk to the
    services through ``services`` and ``taskman``, and hear each other through ``changed``
    (a services.changes.Changes whose ``source`` is the view that wrote)."""

    changed = Signal(object)

    def __init__(self, services, profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("OfficeWindow")
        self.services, self.profile = services, profile
        self.taskman = TaskManager(self, on_error=self.show_error)
        self.tabs = QTabWidget(self)
        self.portfolio = PortfolioView(self)
        self.collectors = CollectorsView(self)
        self.routes = RoutesView(self)
        for view in (self.portfolio, self.collectors, self.routes):
            self.tabs.addTab(view, "")
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.resize(*DEFAULT_SIZE)
        self.retranslate_ui()

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import_wizard)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("fieldapp office"))
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("Import receivables…"))
        self.quit_action.setText(self.tr("Quit"))
        for index, title in enumerate((self.tr("Portfolio"), self.tr("Collectors"),
                                       self.tr("Routes"))):
            self.tabs.setTabText(index, title)

    def open_import_wizard(self) -> None:
        ImportWizard(self).open()

    def publish(self, changes) -> None:
        """Tell every view what a service wrote (each decides what to reload)."""
        self.changed.emit(changes)

    def show_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("fieldapp office"), describe(error))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.taskman.shutdown()
        super().closeEvent(event)
