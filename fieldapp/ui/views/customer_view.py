"""One customer's file: header, aging strip and tabs; opened off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QStackedWidget, QStyle, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from ...domain.records import CustomerFile
from .. import formats
from ..dialogs.master_edit import MasterEditDialog
from ..documents.tab import DocumentsTab
from ..history import History
from ..models.file_tables import ContactTableModel, ContractTableModel, PaymentTableModel
from .aging_strip import AgingStrip
from .background_tab import BackgroundTab
from .common import EmptyState, Retranslating
from .customer_header import CustomerHeader
from .file_tabs import DeliveriesTab, InvoicesTab, TableTab
from .follow_up_strip import FollowUpStrip
from .visits_tab import VisitsTab


class CustomerView(Retranslating, QStackedWidget):
    """Shows a CustomerFile; ``open(id)`` loads one through the task manager."""

    file_shown = Signal(int)  # customer id, once its file is on screen
    details_changed = Signal(object)  # Changes, after the collector corrected the details

    def __init__(self, services, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._portfolio = services.portfolio
        self._taskman = taskman
        self._generation = 0
        self.file: CustomerFile | None = None
        self.wanted_id: int | None = None  # asked for last; on screen once its file arrives
        self.history = History()
        self.empty = EmptyState()
        self.addWidget(self.empty)
        self.addWidget(self._build_content())
        self.retranslate_ui()

    def _build_content(self) -> QWidget:
        self.header = CustomerHeader()
        self.aging = AgingStrip()
        self.follow_up_strip = FollowUpStrip()
        self.tabs = self._build_tabs()
        self.visits.follow_ups_loaded.connect(self.follow_up_strip.set_follow_ups)
        self.visits.loaded.connect(lambda _cid: self._retitle_tabs())
        self.documents.loaded.connect(lambda _cid: self._retitle_tabs())
        self.start_button, self.call_button = QToolButton(), QToolButton()
        self.statement_button = QToolButton()
        self.details_button = QToolButton()
        self.details_button.setObjectName("correctDetails")
        self.details_button.clicked.connect(self.correct_details)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.call_button, self.statement_button,
                       self.details_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.aging)
        layout.addWidget(self.follow_up_strip)
        layout.addWidget(self.tabs, 1)
        self._content = content
        return content

    def _build_tabs(self) -> QTabWidget:
        self.background = BackgroundTab()
        self.contacts = TableTab(ContactTableModel(), QT_TRANSLATE_NOOP("FileTabs", "No contacts"),
                                 stretch_column=5)
        self.contracts = TableTab(ContractTableModel(),
                                  QT_TRANSLATE_NOOP("FileTabs", "No contracts"), stretch_column=2)
        self.invoices = InvoicesTab()
        self.deliveries = DeliveriesTab()
        self.payments = TableTab(PaymentTableModel(), QT_TRANSLATE_NOOP("FileTabs", "No payments"),
                                 stretch_column=4)
        self.visits = VisitsTab(self._services, self._taskman)
        self.documents = DocumentsTab(self._services.documents, self._taskman)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for tab in (self.background, self.contacts, self.contracts, self.invoices,
                    self.deliveries, self.payments, self.visits, self.documents):
            tabs.addTab(tab, "")
        return tabs

    def set_visit_actions(self, start_action, call_action) -> None:
        """The main window's Start visit (Ctrl+N) and Log a call (Ctrl+L), as buttons here."""
        self.start_button.setDefaultAction(start_action)
        self.call_button.setDefaultAction(call_action)

    def set_statement_action(self, action) -> None:
        """The main window's Statement of account (Ctrl+Shift+S), beside the visit buttons."""
        self.statement_button.setDefaultAction(action)

    def correct_details(self) -> MasterEditDialog | None:
        """The address, a contact's phone or a new contact, corrected here (sent to the office
        with the next sync); the file shows the change once saved."""
        if self.file is None:
            return None
        dialog = MasterEditDialog(self, self._services.master_data, self._taskman, self.file)
        dialog.accepted.connect(lambda: self._details_saved(dialog.changes))
        dialog.open()
        return dialog

    def _details_saved(self, changes) -> None:
        self.reload()
        self.details_changed.emit(changes.from_source(self))

    # -- opening --------------------------------------------------------------------------
    def open(self, customer_id: int, remember: bool = True) -> None:
        """Load and show a customer; the latest request wins if several are in flight."""
        self._generation += 1
        generation = self._generation
        self.wanted_id = customer_id
        self._taskman.run(lambda: self._portfolio.open_customer(customer_id),
                          lambda file: self._loaded(generation, file, remember))

    def open_visit(self, customer_id: int, visit_uuid: str) -> None:
        """A customer with one of its records selected on the Visits tab (a note from the
        office names it); without a record, just the customer."""
        if visit_uuid:
            self.visits.want(visit_uuid)
            self.tabs.setCurrentWidget(self.visits)
        self.open(customer_id)

    def back(self) -> bool:
        """Alt+Left: the customer shown before this one, if any."""
        previous = self.history.back()
        if previous is not None:
            self.open(previous, remember=False)
        return previous is not None

    def reload(self) -> None:
        """Show the open customer again, fresh from the store."""
        if self.file is not None:
            self.open(self.file.customer.id, remember=False)

    def on_changes(self, changes) -> None:
        """Reload only what ``changes`` (a Changes) touched of the customer on screen."""
        file = self.file
        if file is None or changes.caused_by(self) or not changes.touches(file.customer.id):
            return
        if (changes.visits or changes.outcomes or changes.money or changes.customers_added
                or changes.details):
            self.reload()  # header, aging, invoices, payments, visits and documents
        elif changes.follow_ups:
            self.visits.load(file)  # the visits tab brings the follow-up strip along
        elif changes.documents:
            self.documents.load(file.customer.id)
            self.visits.documents_bar.refresh()
            self.visits.refresh_pending()

    def _loaded(self, generation: int, file: CustomerFile, remember: bool) -> None:
        if generation != self._generation:
            return  # another customer was asked for since
        if remember:
            self.history.visit(file.customer.id)
        self.show_file(file)

    def show_file(self, file: CustomerFile) -> None:
        self.file = file
        self.header.set_customer(file.customer)
        self.aging.set_aging(file.aging)
        self.background.set_customer(file.customer)
        self.contacts.model.set_records(file.contacts)
        self.contracts.model.set_records(file.contracts)
        self.invoices.set_file(file)
        self.deliveries.model.set_records(file.deliveries)
        self.payments.model.set_records(file.payments)
        self.visits.load(file)
        self.documents.load(file.customer.id)
        self.setCurrentWidget(self._content)
        self._retitle_tabs()
        self.file_shown.emit(file.customer.id)

    # -- text -----------------------------------------------------------------------------
    def _retitle_tabs(self) -> None:
        file = self.file
        counts = {self.contacts: len(file.contacts) if file else 0,
                  self.contracts: len(file.contracts) if file else 0,
                  self.invoices: len(file.open_invoices) if file else 0,
                  self.payments: len(file.payments) if file else 0}
        titles = {self.background: self.tr("Background"), self.contacts: self.tr("Contacts"),
                  self.contracts: self.tr("Contracts"), self.invoices: self.tr("Invoices"),
                  self.deliveries: self.tr("Deliveries"), self.payments: self.tr("Payments"),
                  self.visits: self.tr("Visits"), self.documents: self.tr("Documents")}
        counts[self.visits] = self.visits.model.rowCount() if file else 0
        counts[self.documents] = self.documents.model.rowCount() if file else 0
        for tab, title in titles.items():
            count = counts.get(tab)
            text = f"{title} ({formats.number(count)})" if count else title
            self.tabs.setTabText(self.tabs.indexOf(tab), text)
        self._mark_deliveries(file)

    def _mark_deliveries(self, file: CustomerFile | None) -> None:
        # A warning sign on the tab itself: the banner is only seen once the tab is open.
        index = self.tabs.indexOf(self.deliveries)
        bad = len(file.deliveries_with_discrepancy) if file else 0
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.tabs.setTabIcon(index, icon if bad else type(icon)())
        self.tabs.setTabToolTip(index, self.deliveries.banner.text() if bad else "")

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("Pick a customer from today's route or search (Ctrl+F)"))
        self.details_button.setText(self.tr("Correct &details…"))
        self.details_button.setToolTip(self.tr(
            "Correct the address, a contact's phone or add a contact; the office gets the "
            "change with the next sync"))
        self._retitle_tabs()
