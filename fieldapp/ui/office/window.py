"""The supervisor's main window: a composition root over the office services, no business rules."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from ... import __version__
from ...domain.queues import MONEY
from ...services.office.database import place_of
from .. import formats
from ..error_text import describe
from ..taskman import TaskManager
from ..views.common import Retranslating
from ..window_state import WindowState
from . import bundle_drop
from .collectors_view import CollectorsView
from .conflicts_view import ConflictsView
from .dashboard_view import DashboardView
from .devices_view import DevicesView
from .export_dialog import ExportDialog
from .import_wizard import ImportWizard
from .inbox_view import InboxView
from .language_menu import LanguageMenu
from .portfolio_view import PortfolioView
from .receipts_view import ReceiptsView
from .preferences import OfficePreferences
from .print_dialog import AGREEMENTS, STATEMENTS, PrintDialog
from .queues_view import QueuesView
from .routes_view import RoutesView
from .sync_watch import OfficeSync

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1280, 800)
LIST_SHARE = 0.5  # of the width, for the portfolio's list on first start


class OfficeWindow(Retranslating, QMainWindow):
    """Tabs: the inbox of imported records, the work queues (money to confirm among them), the
    dashboard, the portfolio across collectors, the collectors, the routes, the laptops, the
    conflicts. Views talk to the services through ``services`` and ``taskman``, and hear each
    other through ``changed`` (a services.changes.Changes whose ``source`` is the view that
    wrote)."""

    changed = Signal(object)

    def __init__(self, services, profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("OfficeWindow")
        self.services, self.profile = services, profile
        self.taskman = TaskManager(self, on_error=self.show_error)
        settings_file = profile.settings_file if profile is not None else None
        self.preferences = OfficePreferences(settings_file)
        self._state = WindowState(settings_file) if settings_file is not None else None
        self._build_actions()  # before the views: they use import_action
        self.tabs = QTabWidget(self)
        self.portfolio = PortfolioView(self)
        self.collectors = CollectorsView(self)
        self.routes = RoutesView(self)
        self.devices = DevicesView(self)
        self.conflicts = ConflictsView(self)
        self.dashboard = DashboardView(self)
        self.inbox = InboxView(self)
        self.queues = QueuesView(self)
        self.receipts = ReceiptsView(self)  # a queue with a page of its own
        self.queues.add_page(MONEY, self.receipts)
        # The supervisor's day starts with what came in and what waits; the figures next.
        for view in (self.inbox, self.queues, self.dashboard, self.portfolio, self.collectors,
                     self.routes, self.devices, self.conflicts):
            self.tabs.addTab(view, "")
        self.setCentralWidget(self.tabs)
        # A new office has nothing in its Inbox: its first step is the Portfolio's import (unless
        # the supervisor already went to another tab).
        self.portfolio.empty_office.connect(self._show_the_way_in)
        self.sync = OfficeSync(self)
        self._build_menus()
        self._build_status_bar()
        self.setAcceptDrops(True)  # day bundles dropped anywhere on the window are imported
        if self._state is None or not self._state.restore(self, self.portfolio.splitter):
            self.resize(*DEFAULT_SIZE)
            # The file's aging strip wants room; the list keeps a little more than half.
            list_width = int(DEFAULT_SIZE[0] * LIST_SHARE)
            self.portfolio.splitter.setSizes([list_width, DEFAULT_SIZE[0] - list_width])
        self.tabs.setCurrentIndex(min(max(self.preferences.tab, 0), self.tabs.count() - 1))
        self._opened_on = self.tabs.currentIndex()
        self.retranslate_ui()

    def _action(self, shortcut, slot) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action("Ctrl+I", self.open_import_wizard)
        self.import_bundles_action = self._action(None, lambda: self.devices.import_bundles())
        self.export_action = self._action(None, self.open_export_dialog)
        self.sync_now_action = self._action("F5", lambda: self.sync.import_arrived())
        self.send_packs_action = self._action(None, lambda: self.sync.send_packs())
        self.sync_folder_action = self._action(None, lambda: self.sync.configure())
        self.print_agreements_action = self._action(
            "Ctrl+P", lambda: self.open_print_dialog(AGREEMENTS))
        self.print_statements_action = self._action(
            "Ctrl+Shift+P", lambda: self.open_print_dialog(STATEMENTS))
        for action in (self.print_agreements_action, self.print_statements_action):
            action.setEnabled(self.profile is not None)  # the office's keys sign the batch
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action("Ctrl+F", self.find_customer)
        self.tab_actions = [self._action(f"Ctrl+{n + 1}", lambda _c=False, i=n: self.show_tab(i))
                            for n in range(8)]
        self.about_action = self._action("F1", self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.import_bundles_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.sync_menu = bar.addMenu("")
        for action in (self.sync_now_action, self.send_packs_action):
            self.sync_menu.addAction(action)
        self.sync_menu.addSeparator()
        self.sync_menu.addAction(self.sync_folder_action)
        self.print_menu = bar.addMenu("")
        self.print_menu.addAction(self.print_agreements_action)
        self.print_menu.addAction(self.print_statements_action)
        self.view_menu = bar.addMenu("")
        for action in (*self.tab_actions, self.find_action):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.language_menu = LanguageMenu(self.preferences, self)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.database_label = QLabel()
        self.database_label.setObjectName("databasePlace")
        self.today_label = QLabel()
        self.statusBar().addPermanentWidget(self.sync.label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.today_label)
        self._place = place_of(self.services.store)

    # -- commands -----------------------------------------------------------------------------
    def open_import_wizard(self) -> None:
        ImportWizard(self).open()

    def open_print_dialog(self, kind: int) -> PrintDialog:
        """Print › agreements or statements: one signed PDF for many customers, previewed."""
        self.print_dialog = PrintDialog(self, kind)
        self.print_dialog.open()
        return self.print_dialog

    def open_export_dialog(self) -> None:
        self.export_dialog = ExportDialog(self)
        self.export_dialog.open()

    def _show_the_way_in(self) -> None:
        if self.tabs.currentIndex() == self._opened_on:
            self.tabs.setCurrentWidget(self.portfolio)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def find_customer(self) -> None:
        """Ctrl+F: the portfolio's search box, from any tab."""
        self.tabs.setCurrentWidget(self.portfolio)
        self.portfolio.focus_search()

    def show_about(self) -> None:
        self.about = QMessageBox(QMessageBox.Icon.Information, self.tr("About fieldapp office"),
                                 self.tr("<b>fieldapp office %1</b><p>Receivables imported from "
                                         "the accounting software, customers assigned to "
                                         "collectors, and their routes.</p>")
                                 .replace("%1", __version__), QMessageBox.StandardButton.Ok, self)
        self.about.open()  # not exec(): the window goes on answering while it is up

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if bundle_drop.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if bundle_drop.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if bundle_drop.accepts(event.mimeData()):
            event.acceptProposedAction()
            bundle_drop.dropped(self, event.mimeData())

    def publish(self, changes) -> None:
        """Tell every view what a service wrote (each decides what to reload)."""
        self.changed.emit(changes)

    def show_error(self, error: BaseException) -> None:
        log.error("office task failed", exc_info=error)
        QMessageBox.warning(self, self.tr("fieldapp office"), describe(error))

    # -- text ---------------------------------------------------------------------------------
    def _database_text(self) -> str:
        place = self._place
        if place.engine == "sqlite" and place.encrypted:
            return self.tr("Database: %1 (encrypted)").replace("%1", place.path)
        if place.engine == "sqlite":
            return self.tr("Database: %1").replace("%1", place.path)
        server = f"{place.host}:{place.port}" if place.port else place.host
        text = self.tr("Database: %1 on %2").replace("%1", place.name).replace("%2", server)
        return text + (self.tr(" (as %1)").replace("%1", place.user) if place.user else "")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("fieldapp office"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.print_menu.setTitle(self.tr("&Print"))
        self.print_agreements_action.setText(self.tr("Installment agreements of a day…"))
        self.print_statements_action.setText(self.tr("Statements of account…"))
        self.sync_now_action.setText(self.tr("Import arrived bundles"))
        self.sync_now_action.setToolTip(self.tr(
            "Import the day bundles waiting in the sync folder and answer the laptops"))
        self.send_packs_action.setText(self.tr("Send packs to all laptops"))
        self.sync_folder_action.setText(self.tr("Sync folder…"))
        self.sync.retranslate_ui()
        self.import_action.setText(self.tr("Import receivables…"))
        self.import_bundles_action.setText(self.tr("Import day bundles…"))
        self.export_action.setText(self.tr("Export to accounting…"))
        self.quit_action.setText(self.tr("Quit"))
        self.find_action.setText(self.tr("&Find customer"))
        self.about_action.setText(self.tr("&About fieldapp office"))
        titles = (self.tr("Inbox"), self.tr("Queues"), self.tr("Dashboard"),
                  self.tr("Portfolio"), self.tr("Collectors"), self.tr("Routes"),
                  self.tr("Laptops"), self.tr("Conflicts"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
            self.tab_actions[index].setText(title)
        self.database_label.setText(self._database_text())
        self.database_label.setToolTip(self.tr("Where this office's data is kept"))
        self.today_label.setText(self.tr("Today: %1").replace(
            "%1", formats.day(self.services.portfolio.today())))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._state is not None:
            self._state.save(self, self.portfolio.splitter)
        self.preferences.tab = self.tabs.currentIndex()
        self.sync.stop()
        self.taskman.shutdown()
        super().closeEvent(event)
