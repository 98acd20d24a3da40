"""The customer's file beside the office's list: read-only, built from the laptop's widgets."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from ...domain.errors import NotFound
from .. import formats
from ..models.file_tables import ContactTableModel, ContractTableModel, PaymentTableModel
from ..views.aging_strip import AgingStrip
from ..views.common import EmptyState, Retranslating
from ..views.customer_header import CustomerHeader
from ..views.file_tabs import DeliveriesTab, InvoicesTab, TableTab


class CustomerPane(Retranslating, QStackedWidget):
    """Header, assigned collector, aging, then invoices, payments, contacts, contracts and
    deliveries (a banner tells a delivery's discrepancy); ``show_customer`` loads a file off the GUI
    thread (the latest request wins)."""

    file_shown = Signal(int)

    def __init__(self, portfolio, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._portfolio, self._taskman = portfolio, taskman
        self._generation = 0
        self.shown = None  # the OfficeCustomerFile on screen
        self.empty = EmptyState()
        self.addWidget(self.empty)
        self.addWidget(self._build_content())
        self.retranslate_ui()

    def _build_content(self) -> QWidget:
        self.header = CustomerHeader()
        self.collector = QLabel()
        self.collector.setObjectName("assignedCollector")
        self.aging = AgingStrip()
        self.contacts = TableTab(ContactTableModel(), QT_TRANSLATE_NOOP("FileTabs", "No contacts"),
                                 stretch_column=5)
        self.invoices = InvoicesTab()
        self.payments = TableTab(PaymentTableModel(), QT_TRANSLATE_NOOP("FileTabs", "No payments"),
                                 stretch_column=4)
        self.contracts = TableTab(ContractTableModel(),
                                  QT_TRANSLATE_NOOP("FileTabs", "No contracts"), stretch_column=2)
        self.deliveries = DeliveriesTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for tab in (self.invoices, self.payments, self.contacts, self.contracts, self.deliveries):
            self.tabs.addTab(tab, "")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 4, 4, 4)
        for widget in (self.header, self.collector, self.aging):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self._content = content
        return content

    def show_customer(self, customer_id: int | None) -> None:
        self._generation += 1
        if customer_id is None:
            self.clear()
            return
        generation = self._generation
        self._taskman.run(lambda: self._portfolio.open_customer(customer_id),
                          lambda shown: self._loaded(generation, shown),
                          lambda error: self._failed(generation, error))

    def reload(self) -> None:
        if self.shown is not None:
            self.show_customer(self.shown.file.customer.id)

    def clear(self) -> None:
        self.shown = None
        self.setCurrentWidget(self.empty)

    def _loaded(self, generation: int, shown) -> None:
        if generation != self._generation:
            return
        self.shown = shown
        file = shown.file
        self.header.set_customer(file.customer)
        self.aging.set_aging(file.aging)
        self.contacts.model.set_records(file.contacts)
        self.invoices.set_file(file)
        self.payments.model.set_records(file.payments)
        self.contracts.model.set_records(file.contracts)
        self.deliveries.model.set_records(file.deliveries)
        self.setCurrentWidget(self._content)
        self.retranslate_ui()
        self.file_shown.emit(file.customer.id)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation and isinstance(error, NotFound):
            self.clear()  # removed since it was listed: nothing to show, nothing to say
            return
        self._taskman.default_on_error(error)

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("Pick a customer in the list to see their file"))
        shown = self.shown
        if shown is not None and shown.collector is not None:
            self.collector.setText(self.tr("Collector: %1").replace("%1", shown.collector.name))
        else:
            self.collector.setText(self.tr("Collector: nobody yet"))
        file = shown.file if shown else None
        counts = {self.invoices: len(file.open_invoices) if file else 0,
                  self.payments: len(file.payments) if file else 0,
                  self.contacts: len(file.contacts) if file else 0,
                  self.contracts: len(file.contracts) if file else 0,
                  self.deliveries: len(file.deliveries) if file else 0}
        titles = {self.invoices: self.tr("Invoices"), self.payments: self.tr("Payments"),
                  self.contacts: self.tr("Contacts"), self.contracts: self.tr("Contracts"),
                  self.deliveries: self.tr("Deliveries")}
        for tab, title in titles.items():
            count = counts[tab]
            self.tabs.setTabText(self.tabs.indexOf(tab),
                                 f"{title} ({formats.number(count)})" if count else title)
