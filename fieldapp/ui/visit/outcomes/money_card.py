"""Money received on site: amount, method, reference, cheque date, applied to invoices."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit,
                               QTableWidget, QTableWidgetItem)

from ....domain.enums import PaymentMethod
from ....domain.money import Money
from ....domain.records import Allocation
from ....domain.visit import MoneyReceived, OutcomeKind
from ... import formats
from ...kept_texts import fill_choices, relabel_choices
from ..money_edit import MoneyEdit
from .card import OutcomeCard, date_edit, day_of, set_day

NUMBER, DUE, BALANCE, APPLIED = range(4)


class MoneyCard(OutcomeCard):
    """Applied oldest first until the collector edits the split; a receipt number comes later."""

    kind = OutcomeKind.MONEY_RECEIVED

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        setup = env.setup
        self._receipt_no = ""
        self._issued: MoneyReceived | None = None  # a receipt handed over: kept word for word
        self._split_by_hand = False
        self.invoices = list(setup.context.invoices)  # oldest due first
        self.amount = self.add_row("amount", lambda: self.tr("Amount"), MoneyEdit(setup.currency))
        self.method = self.add_row("method", lambda: self.tr("Method"), QComboBox())
        fill_choices(self.method, PaymentMethod)
        self.keep(lambda: relabel_choices(self.method, PaymentMethod))
        self.reference = self.add_row("reference", lambda: self.tr("Reference"), QLineEdit())
        self.cheque_date = self.add_row("cheque_date", lambda: self.tr("Date on the cheque"),
                                        date_edit(setup.today() + timedelta(days=30)))
        self.table = self.add_row("allocations", lambda: self.tr("Applied to"), self._make_table())
        self.receipt = QLabel()
        self.form.addRow("", self.receipt)
        self.receipt.hide()
        self._connect()
        self._method_changed()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(len(self.invoices), 4)
        self.keep(lambda: table.setHorizontalHeaderLabels(
            [self.tr("Invoice"), self.tr("Due"), self.tr("Open balance"), self.tr("Applied")]))
        table.verticalHeader().hide()
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        due = {i.id: i.due_on for i in self.env.setup.file.invoices}
        for row, invoice in enumerate(self.invoices):
            for col, text in ((NUMBER, invoice.number), (DUE, formats.day(due.get(invoice.id))),
                              (BALANCE, formats.money(invoice.balance))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, col, item)
            table.setItem(row, APPLIED, QTableWidgetItem(""))
            table.item(row, APPLIED).setTextAlignment(Qt.AlignmentFlag.AlignRight
                                                      | Qt.AlignmentFlag.AlignVCenter)
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        rows = min(len(self.invoices), 5)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + table.verticalHeader().defaultSectionSize() * rows + 4)
        return table

    def _connect(self) -> None:
        self.amount.changed.connect(self._amount_changed)
        self.method.activated.connect(lambda _i: (self._method_changed(), self.edited("method")))
        self.reference.textEdited.connect(lambda _t: self.edited("reference"))
        self.cheque_date.dateChanged.connect(lambda _d: self.edited("cheque_date"))
        self.table.itemChanged.connect(self._split_edited)

    def _method_changed(self) -> None:
        post_dated = self.method.currentData() == PaymentMethod.POST_DATED_CHEQUE.value
        self.cheque_date.setEnabled(post_dated)
        self.reference.setPlaceholderText("" if self.method.currentData() == "cash"
                                          else self.tr("Transfer or cheque number"))

    def _amount_changed(self) -> None:
        if not self._split_by_hand:
            self._split_oldest_first()
        self.edited("amount")

    def _split_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == APPLIED and not self._loading:
            self._split_by_hand = True
            self.edited("allocations")

    def _split_oldest_first(self) -> None:
        """Seed-independent accounting habit: the oldest undisputed invoice is settled first."""
        left = self.amount.money_or_zero().minor
        disputed = self.env.disputing()
        self.loading(True)
        for row, invoice in enumerate(self.invoices):
            share = 0 if invoice.disputed or invoice.id in disputed else min(left, invoice.balance.minor)
            left -= share
            self._set_applied(row, Money(share, invoice.balance.currency) if share else None)
        self.loading(False)

    def setup_changed(self) -> None:
        """New open balances (another window took money); a settled invoice shows zero.

        The rows and what was typed in them stay; the checks flag what no longer fits."""
        fresh = {i.id: i for i in self.env.setup.context.invoices}
        self.invoices = [fresh.get(i.id, replace(i, balance=Money(0, i.balance.currency)))
                         for i in self.invoices]
        self.loading(True)
        for row, invoice in enumerate(self.invoices):
            self.table.item(row, BALANCE).setText(formats.money(invoice.balance))
        self.loading(False)

    def _set_applied(self, row: int, value: Money | None) -> None:
        self.table.item(row, APPLIED).setText(formats.amount(value) if value else "")

    def _applied(self, row: int) -> Money | None:
        text = self.table.item(row, APPLIED).text().strip()
        try:
            return formats.parse_money(text, self.invoices[row].balance.currency) if text else None
        except ValueError:
            return None

    def _bad_rows(self) -> list[str]:
        return [self.invoices[r].number for r in range(len(self.invoices))
                if self.table.item(r, APPLIED).text().strip() and self._applied(r) is None]

    def local_problem(self, name: str) -> str:
        if name == "amount":
            return self.amount.problem()
        if name == "allocations" and self._bad_rows():
            return self.tr("Not an amount for invoice %1.").replace("%1", ", ".join(self._bad_rows()))
        return ""

    def outcome(self) -> MoneyReceived:
        if self._issued is not None:
            # Its invoices may be closed by now (paid by this very money) and so have no row
            # here: rebuilding from the rows would drop the allocation from the amendment.
            return self._issued
        allocations = tuple(Allocation(inv.id, inv.number, self._applied(row))
                            for row, inv in enumerate(self.invoices) if self._applied(row))
        cheque = day_of(self.cheque_date) if self.cheque_date.isEnabled() else None
        return MoneyReceived(self.amount.money_or_zero(), self.method.currentData(),
                             self.reference.text(), allocations, cheque, self._receipt_no)

    def load(self, outcome: MoneyReceived) -> None:
        self.loading(True)
        self.amount.set_money(outcome.amount)
        self.method.setCurrentIndex(self.method.findData(outcome.method))
        self._method_changed()
        self.reference.setText(outcome.reference)
        if outcome.cheque_date:
            set_day(self.cheque_date, outcome.cheque_date)
        applied = {a.invoice_id: a.amount for a in outcome.allocations}
        for row, invoice in enumerate(self.invoices):
            self._set_applied(row, applied.get(invoice.id))
        self._split_by_hand = bool(outcome.allocations)
        self._receipt_no = outcome.receipt_no
        self.loading(False)
        if outcome.receipt_no:
            self._issued = outcome
            self._lock()

    def _lock(self) -> None:
        """A receipt was handed over: the amendment keeps it as it is (the office voids receipts)."""
        for widget in (self.amount, self.method, self.reference, self.cheque_date, self.table):
            widget.setEnabled(False)
        self.remove_button.hide()
        self.receipt.setText(self.tr("Receipt %1 was issued; only the office can void it.")
                             .replace("%1", self._receipt_no))
        self.receipt.show()

    def language_changed(self) -> None:
        self._method_changed()
        if self._receipt_no:
            self._lock()
        due = {i.id: i.due_on for i in self.env.setup.file.invoices}
        for row, invoice in enumerate(self.invoices):  # dates and balances in the new notation
            self.table.item(row, DUE).setText(formats.day(due.get(invoice.id)))
            self.table.item(row, BALANCE).setText(formats.money(invoice.balance))

    def first_field(self):
        return self.amount
