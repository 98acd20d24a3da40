"""The collector's main window: composes the route, lists, the customer's file and visit windows."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QWidget

from .. import __version__
from ..domain.visit import VisitKind
from . import formats
from .commands import Commands
from .documents.opener import DocumentOpener
from .documents.startup import StartupDocuments
from .error_text import describe
from .idle_lock import IdleLock
from .office_notes import OfficeNotesUi
from .signals import AppSignals
from .sync_menu import SyncMenu
from .sync_status import SyncStatus
from .taskman import TaskManager
from .unsent_view import UnsentWatch
from .views.common import Retranslating
from .views.customer_list import CustomerListView
from .views.customer_view import CustomerView
from .views.follow_up_view import FollowUpView
from .views.route_view import RouteView
from .visit.launcher import VisitLauncher
from .window_state import WindowState

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1280, 800)
LEFT_SHARE = 0.4  # of the window's width for the route/search pane on first start


class MainWindow(Retranslating, QMainWindow):
    """Left: search box over today's route or the results. Right: the open customer's file."""

    def __init__(self, services, profile, ask_collector: bool = True,
                 parent: QWidget | None = None):
        """``ask_collector``: on a first start with no collector name, ask for it (tests skip)."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.services = services
        self._portfolio = services.portfolio
        self.taskman = TaskManager(self, on_error=self.show_error)
        self.signals = AppSignals(self)
        self._profile = self.profile = profile
        self._state = WindowState(profile.settings_file)
        self.launcher = VisitLauncher(self, services, self.taskman, self.signals,
                                      profile.settings_file)
        self.documents = DocumentOpener(self, services, self.taskman, self.signals,
                                        profile.settings_file)
        self.commands = Commands(self, services, self.taskman, self.signals, self.launcher,
                                 self.documents)
        self._build_views()
        self.lock = IdleLock(self, services, profile)  # before the actions it disables
        self.unsent = UnsentWatch(self, services, self.taskman, self.signals, profile,
                                  self.lock.encrypted)
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        if not self._state.restore(self, self.splitter):
            self.resize(*DEFAULT_SIZE)
            left = int(DEFAULT_SIZE[0] * LEFT_SHARE)
            self.splitter.setSizes([left, DEFAULT_SIZE[0] - left])
        self.back_action.setEnabled(False)
        self._enable_visit_actions(False)
        self.retranslate_ui()
        self.route_view.reload()
        self.follow_up_view.reload()
        self._load_status()
        self.commands.check_at_startup(ask_collector)
        # Documents a crash left pending are made unasked; the last finalized visit is named.
        self.startup_documents = StartupDocuments(services.documents, self.taskman, self.signals)
        self.statusBar().addWidget(self.startup_documents)
        self.startup_documents.start()

    def _build_views(self) -> None:
        self.route_view = RouteView(self._portfolio, self.taskman)
        self.customer_list = CustomerListView(self._portfolio, self.taskman)
        self.customer_list.set_idle_page(self.route_view)
        self.follow_up_view = FollowUpView(self.services.follow_ups, self.taskman)
        self.customer_list.add_page("follow_ups", self.follow_up_view)
        self.customer_view = CustomerView(self.services, self.taskman)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.customer_list)
        self.splitter.addWidget(self.customer_view)
        # Both panes grow with the window, the file a little faster than the list.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        def action(shortcut, slot) -> QAction:
            act = QAction(self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.quit_action = action(QKeySequence.StandardKey.Quit, self.close)
        self.find_action = action("Ctrl+F", self.customer_list.focus_search)
        self.route_action = action("Ctrl+1", self.show_route)
        self.customers_action = action("Ctrl+2", self.show_customers)
        self.follow_ups_action = action("Ctrl+3", self.show_follow_ups)
        self.back_action = action("Alt+Left", self.customer_view.back)
        self.about_action = action("F1", self.show_about)
        self.settings_action = action(QKeySequence.StandardKey.Preferences,
                                      lambda: self.commands.open_settings())
        self.start_visit_action = action("Ctrl+N", lambda: self.start(VisitKind.VISIT))
        self.log_call_action = action("Ctrl+L", lambda: self.start(VisitKind.CALL))
        self.drafts_action = action(None, self.commands.show_drafts)
        self.statement_action = action("Ctrl+Shift+S", self.make_statement)
        self.print_day_action = action(None, self.commands.print_day_agreements)
        self.customer_view.set_visit_actions(self.start_visit_action, self.log_call_action)
        self.customer_view.set_statement_action(self.statement_action)
        # The View menu shows which list the left pane holds.
        self._modes = QActionGroup(self)
        for act in (self.route_action, self.customers_action, self.follow_ups_action):
            act.setCheckable(True)
            self._modes.addAction(act)
        self.route_action.setChecked(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.statement_action)
        self.file_menu.addAction(self.print_day_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for act in (self.route_action, self.customers_action, self.follow_ups_action,
                    self.find_action, self.back_action):
            self.view_menu.addAction(act)
        self.visit_menu = bar.addMenu("")
        for act in (self.start_visit_action, self.log_call_action):
            self.visit_menu.addAction(act)
        self.visit_menu.addSeparator()
        self.visit_menu.addAction(self.drafts_action)
        self.sync_menu = SyncMenu(self, self.services, self.taskman, self.signals,
                                  self._profile.settings_file)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        # Esc belongs to the left pane only, so it never fights dialogs or the tabs.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.customer_list)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.customer_list.clear_search)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.today_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.today_label)
        self._status: tuple[int, object] | None = None
        # Last sync, what waits to be sent, and the Sync button (F9 in the Sync menu).
        self.sync_status = SyncStatus(self, self.services, self.taskman, self.signals,
                                      self.sync_menu.menu)
        # Review states and comments from the office: Sync › From the office…, and a button.
        self.office_notes = OfficeNotesUi(self, self.services, self.taskman, self.signals,
                                          self.sync_menu.menu)

    def _connect(self) -> None:
        self.signals.data_changed.connect(self.lock.on_changes)
        for view in (self.route_view, self.customer_list, self.follow_up_view):
            view.customer_activated.connect(self.customer_view.open)
            # A row selected shows its customer; the customer shown is the row highlighted.
            view.selection.selected.connect(self.customer_view.open)
            self.customer_view.file_shown.connect(view.selection.show)
        self.customer_view.file_shown.connect(self._on_file_shown)
        self.taskman.busy_changed.connect(self._on_busy)
        self.customer_view.visits.amend_requested.connect(self.commands.amend)
        self.office_notes.open_requested.connect(self.customer_view.open_visit)
        self._connect_documents()
        self.customer_list.mode_changed.connect(self._on_mode_changed)
        # Views decide for themselves what a change means for them (Anki's op_executed).
        changed = self.signals.data_changed
        changed.connect(self.route_view.on_changes)
        changed.connect(self.customer_list.on_changes)
        changed.connect(self.customer_view.on_changes)
        changed.connect(self.follow_up_view.on_changes)
        changed.connect(self.launcher.on_changes)  # open visit windows
        changed.connect(self._status_on_changes)

    def _connect_documents(self) -> None:
        """Every place that shows a document asks the one opener (one viewer per document)."""
        docs, view = self.documents, self.customer_view
        view.documents.open_requested.connect(lambda info: docs.open(info, self._name()))
        bar = view.visits.documents_bar
        bar.open_requested.connect(lambda info: docs.open(info, self._name()))
        bar.record_requested.connect(lambda uuid: docs.open_visit_record(uuid, self._name()))
        bar.documents_made.connect(lambda changes: self.signals.data_changed.emit(changes))
        self.customer_view.details_changed.connect(self.signals.data_changed.emit)
        bar.ink_requested.connect(
            lambda uuid, n: docs.agreement_for_print(uuid, n, self._name()))
        self.launcher.record_requested.connect(docs.open_visit_record)
        self.launcher.document_requested.connect(docs.open)

    def _name(self) -> str:
        file = self.customer_view.file
        return file.customer.name if file else ""

    # -- commands -------------------------------------------------------------------------
    def make_statement(self) -> None:
        """Ctrl+Shift+S: a statement of account as of today for the customer on screen."""
        file = self.customer_view.file
        if file is not None:
            self.documents.statement(file.customer.id, file.customer.name)

    def show_route(self) -> None:
        self.customer_list.show_route()
        self.route_view.focus_table()

    def show_customers(self) -> None:
        self.customer_list.show_results()
        self.customer_list.focus_search()

    def show_follow_ups(self) -> None:
        self.customer_list.show_page("follow_ups")
        self.follow_up_view.focus_table()

    def start(self, kind: VisitKind) -> None:
        """Ctrl+N / Ctrl+L: a visit or a call with the customer selected, which is the one on
        screen (or on its way there: a click followed at once by Ctrl+N)."""
        customer_id = self.customer_view.wanted_id
        if customer_id is not None:
            self.launcher.start(customer_id, kind)

    def _on_busy(self, busy: bool) -> None:
        """Long work runs (a batch print, later imports and sync): what would race it waits."""
        for action in (self.print_day_action, self.settings_action):
            action.setEnabled(not busy)

    def _enable_visit_actions(self, enabled: bool) -> None:
        self.start_visit_action.setEnabled(enabled)
        self.log_call_action.setEnabled(enabled)
        self.statement_action.setEnabled(enabled)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About fieldapp"), self.tr(
            "<b>fieldapp %1</b><p>Offline portfolio and visit records for field collectors "
            "of trade receivables.</p>").replace("%1", __version__))

    def show_error(self, error: BaseException) -> None:
        """Failures of background work: logged in full, summarized in the status bar."""
        log.error("background task failed", exc_info=error)
        # Worded in the UI language: the full text (SQL and all) is in the log, not in the
        # collector's face.
        self.statusBar().showMessage(describe(error), 10_000)

    # -- status ---------------------------------------------------------------------------
    def _status_on_changes(self, changes) -> None:
        if changes.customers_added:
            self._load_status()

    def _load_status(self) -> None:
        self.taskman.run(lambda: (self._portfolio.count_customers(), self._portfolio.today()),
                         self._show_status)

    def _show_status(self, status) -> None:
        self._status = status
        self._retranslate_status()

    def _on_mode_changed(self, mode: str) -> None:
        actions = {"route": self.route_action, "results": self.customers_action,
                   "follow_ups": self.follow_ups_action}
        actions[mode].setChecked(True)

    def _on_file_shown(self, _customer_id: int) -> None:
        self._enable_visit_actions(True)
        self._retitle()
        self.back_action.setEnabled(self.customer_view.history.can_go_back)

    def _retitle(self) -> None:
        file = self.customer_view.file
        self.setWindowTitle(f"{file.customer.name} — fieldapp" if file else
                            self.tr("fieldapp — collector's portfolio"))

    def _retranslate_status(self) -> None:
        if self._status is None:
            return
        count, today = self._status
        self.count_label.setText(formats.counted(self.tr("Customers: %n", "", count), count))
        self.today_label.setText(self.tr("Today: %1").replace("%1", formats.day(today)))

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.sync_menu.retranslate_ui()
        self.sync_status.retranslate_ui()
        self.office_notes.retranslate_ui()
        self.view_menu.setTitle(self.tr("&View"))
        self.visit_menu.setTitle(self.tr("Vi&sit"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.follow_ups_action.setText(self.tr("F&ollow-ups"))
        self.start_visit_action.setText(self.tr("Start &visit"))
        self.start_visit_action.setToolTip(self.tr("Start a visit with this customer (Ctrl+N)"))
        self.log_call_action.setText(self.tr("&Log a call"))
        self.log_call_action.setToolTip(self.tr("Log a phone call with this customer (Ctrl+L)"))
        self.drafts_action.setText(self.tr("&Unfinished visits…"))
        self.statement_action.setText(self.tr("S&tatement of account"))
        self.statement_action.setToolTip(self.tr(
            "Make a signed statement of account as of today and open it (Ctrl+Shift+S)"))
        self.print_day_action.setText(self.tr("&Print agreements of a day…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find customer"))
        self.route_action.setText(self.tr("Today's &route"))
        self.customers_action.setText(self.tr("&Customers"))
        self.back_action.setText(self.tr("&Back to previous customer"))
        self.about_action.setText(self.tr("&About fieldapp"))
        self._retitle()
        self._retranslate_status()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Each visit window saves its draft before the worker stops; until the last save has
        # landed the main window stays, and closes itself after.
        if not self.launcher.close_all(self.close):
            event.ignore()
            return
        # Sync at close (when enabled) runs first; whatever comes of it, the close goes on.
        if self.sync_status.sync_before_close(self.close):
            event.ignore()
            return
        # What a forgotten PIN would lose is said before the window goes (encrypted profiles).
        if self.unsent.before_close(self.close):
            event.ignore()
            return
        self.documents.close_all()  # viewers keep their size and place
        self._state.save(self, self.splitter)
        self.taskman.shutdown()
        super().closeEvent(event)
