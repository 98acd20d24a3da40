"""The visit window: steps on the left, one page per step, Back/Next/Finalize, autosaved."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from ...domain.checklist import customer_absent
from ...domain.visit import VisitKind
from .. import formats
from ..error_text import describe
from ..fonts import font_for
from ..views.common import Banner, Retranslating
from .balances import BalanceRefresh
from .finish import Finisher
from .outcomes.page import ResolvePage
from .session import VisitSession
from .setup import VisitSetup
from .sign_page import SignPage
from .step_page import StepPage
from .steps_list import StepsList
from .navigator import Navigator

log = logging.getLogger(__name__)

GEOMETRY_KEY = "visitWindow/geometry"
DEFAULT_SIZE = (1280, 800)


class VisitWindow(Retranslating, QMainWindow):
    """A top-level, non-modal window over one draft; closing keeps the draft."""

    closed = Signal(str)  # the draft's uuid
    record_requested = Signal(str, str)  # once finalized: the visit's uuid, the customer's name
    document_requested = Signal(object, str)  # once made: an agreement or receipt, the customer
    context_refreshed = Signal()  # fresh balances arrived (another window took money)

    def __init__(self, services, taskman, signals, setup: VisitSetup, settings_file,
                 resume: bool = False, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("VisitWindow")
        self.services, self.taskman, self.setup = services, taskman, setup
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        steps = setup.checklist.steps
        self._closing = False  # close was asked; the window goes once the last save landed
        self._waiting_for_space = False  # that last save found the disk full; retried meanwhile
        self.session = VisitSession(services.visits, taskman, setup.visit, [s.id for s in steps],
                                    parent=self)
        self._build(steps)
        self._load(setup.visit)
        self.navigator = Navigator(self, resume)
        self.finisher = Finisher(self, signals)
        self.balances = BalanceRefresh(self)
        self._build_actions()
        self._connect()
        self._absence_changed()
        self._restore_geometry()
        self.retranslate_ui()
        self.navigator.start()

    # -- building ---------------------------------------------------------------------------
    def _build(self, steps) -> None:
        self.steps_list = StepsList(self.setup.checklist)
        self.pages = [self._make_page(step) for step in steps]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.customer_name = QLabel(self.setup.file.customer.name)
        self.customer_name.setFont(font_for(self.setup.language, 13, bold=True))
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setStyleSheet("QLabel#stepTitle { font-size: 15pt; font-weight: 600; }")
        self.amendment = Banner()
        self.amendment.setVisible(bool(self.setup.visit.amends))
        self.back_button, self.next_button = QPushButton(), QPushButton()
        self.finalize_button = QPushButton()
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.setCentralWidget(self._layout())

    def _make_page(self, step):
        kinds = {item.kind for item in step.items}
        if "outcomes" in kinds:
            return ResolvePage(step, self.setup, lambda: self.session.visit,
                               lambda: self.session.visit.answers.get("met_contact", ""),
                               self._attach, detach=self._detach)
        if "signatures" in kinds:
            return SignPage(step, self.setup)
        return StepPage(step, self.setup)

    def _layout(self) -> QWidget:
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        nav.addWidget(self.finalize_button)
        right = QVBoxLayout()
        right.addWidget(self.customer_name)
        right.addWidget(self.step_title)
        right.addWidget(self.amendment)
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.steps_list)
        layout.addLayout(right, 1)
        return central

    def _build_actions(self) -> None:
        def action(keys, slot) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        nav = self.navigator
        self.back_action = action(["Alt+Left", "Ctrl+PgUp"], nav.back)
        self.next_action = action(["Alt+Right", "Ctrl+PgDown"], nav.next)
        self.go_on_action = action(["Ctrl+Return", "Ctrl+Enter"], nav.go_on)
        self.close_action = action(["Ctrl+W"], self.close)
        self.back_button.clicked.connect(nav.back)
        self.next_button.clicked.connect(nav.next)
        self.finalize_button.clicked.connect(nav.go_on)
        menu = self.menuBar().addMenu("")
        self.visit_menu = menu
        self.discard_action = QAction(self)
        self.discard_action.triggered.connect(self.finisher.discard)
        for act in (self.back_action, self.next_action, self.go_on_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.discard_action)
        menu.addAction(self.close_action)

    def _connect(self) -> None:
        for page in self.pages:
            page.changed.connect(lambda p=page: self._page_changed(p))
        session = self.session
        session.saving.connect(lambda: self.saved_label.setText(self.tr("Saving…")))
        session.saved.connect(self._show_saved)
        session.failed.connect(self._show_not_saved)
        session.checked.connect(self.navigator.errors_changed)
        session.signatures_cleared.connect(self._signatures_cleared)
        self.steps_list.step_requested.connect(self.navigator.go_to)

    def _load(self, visit) -> None:
        for page in self.pages:
            if isinstance(page, StepPage):
                page.load(visit.answers)
            elif isinstance(page, ResolvePage):
                page.load(visit.outcomes)
            else:
                page.load(visit)

    # -- changes ----------------------------------------------------------------------------
    def _page_changed(self, page) -> None:
        try:
            self._take_change(page)
        except Exception as error:  # noqa: BLE001 (a slot must not raise; say it was not saved)
            log.exception("a change of step %s could not be taken", page.step.id)
            self._saved_at = None
            self.saved_label.setText(self.tr("Not saved: %1").replace("%1", describe(error)))

    def _take_change(self, page) -> None:
        if isinstance(page, StepPage):
            self.session.set_answers(page.answers())
            self._absence_changed()
        elif isinstance(page, ResolvePage):
            self.session.set_outcomes(page.outcomes())
            self.session.set_answers(page.answers())  # the over-balance confirmation
        else:
            self.session.set_signatures(*page.signatures())

    def _absence_changed(self) -> None:
        """Absent or not (chosen at Meet) decides which steps, outcomes and signers apply."""
        absent = customer_absent(self.session.visit.answers)
        for page in self.pages:
            if isinstance(page, (ResolvePage, SignPage)):
                page.set_absent(absent)
        self.navigator.answers_changed()

    def _signatures_cleared(self) -> None:
        sign = self.sign_page()
        if sign is not None:
            sign.signatures_cleared()

    def sign_page(self) -> SignPage | None:
        return next((p for p in self.pages if isinstance(p, SignPage)), None)

    def page(self, step_id: str):
        return next(p for p in self.pages if p.step.id == step_id)

    def _attach(self, paths, done) -> None:
        attachments, uuid = self.services.attachments, self.session.visit.uuid
        self.taskman.run(lambda: [attachments.add(uuid, p) for p in paths], done,
                         lambda error: (done([]), self.statusBar().showMessage(describe(error), 10_000)))

    def _detach(self, attachment_id: str) -> None:
        attachments, uuid = self.services.attachments, self.session.visit.uuid
        self.taskman.run(lambda: attachments.remove(uuid, attachment_id), lambda _gone: None,
                         lambda error: self.statusBar().showMessage(describe(error), 10_000))

    def _show_saved(self) -> None:
        self._saved_at = self.setup.now()
        self._retranslate_saved()
        if self._closing and self._waiting_for_space:  # the draft is safe now: close goes on
            self._saved_then_close()

    def _retranslate_saved(self) -> None:
        if getattr(self, "_saved_at", None) is not None:
            self.saved_label.setText(self.tr("Saved %1").replace(
                "%1", formats.moment(self._saved_at, "short")))

    def _show_not_saved(self, error) -> None:
        self._saved_at = None
        if getattr(error, "code", None) == "disk.full":
            self._waiting_for_space = self._closing
            self.saved_label.setText(self.tr(
                "Not saved: the disk is full. The draft is kept in this window and saved as soon "
                "as space is freed."))
            return
        self.saved_label.setText(self.tr("Not saved, retrying: %1").replace("%1", describe(error)))

    def _saved_then_close(self) -> None:
        self.session.close()  # no autosave after the last one
        self.close()

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    @property
    def closing(self) -> bool:
        """Close was asked: the window only waits for its last save."""
        return self._closing

    def on_changes(self, changes) -> None:
        """Another window took money from this customer: fresh balances, the draft stays."""
        if not self._closing:
            self.balances.on_changes(changes)

    # -- window -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.session.dirty and not self.session.closed:
            # The last keystrokes reach the disk first; the event loop runs meanwhile.
            event.ignore()
            if not self._closing:
                self._closing = True
                self.centralWidget().setEnabled(False)  # nothing typed now could be saved
                self.saved_label.setText(self.tr("Saving…"))
                self.session.flush(self._saved_then_close)
            return
        self._closing = True
        self.session.close()
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        self.closed.emit(self.session.visit.uuid)
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        kind = self.setup.visit.kind
        title = self.tr("Visit — %1") if kind is VisitKind.VISIT else self.tr("Call — %1")
        self.setWindowTitle(title.replace("%1", self.setup.file.customer.name))
        if self.setup.visit.amends:
            self.amendment.setText(self.tr("Amendment of an earlier record. Reason: %1")
                                   .replace("%1", self.setup.visit.amend_reason))
        self.visit_menu.setTitle(self.tr("&Visit") if kind is VisitKind.VISIT else self.tr("&Call"))
        self.back_button.setText(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Previous step (Alt+Left)"))
        self.next_button.setText(self.tr("Next →"))
        self.next_button.setToolTip(self.tr("Next step (Alt+Right or Ctrl+Enter)"))
        self.finalize_button.setText(self.tr("Finalize…"))
        self.finalize_button.setToolTip(self.tr("Check everything and freeze the record (Ctrl+Enter)"))
        self.back_action.setText(self.tr("Previous step"))
        self.next_action.setText(self.tr("Next step"))
        self.go_on_action.setText(self.tr("Go on (next step or finalize)"))
        self.discard_action.setText(self.tr("Discard this draft…"))
        self.close_action.setText(self.tr("Close (keeps the draft)"))
        self.steps_list.retranslate()
        self.navigator.retitle()
        self._retranslate_saved()
