"""Invoices of one customer: open balance, days late and aging bucket as of the file's day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.money import Money, totals_by_currency
from ...domain.records import CustomerFile, Invoice
from .. import formats
from ..labels import label
from .table import RIGHT, Column, RecordTableModel, RowStyle

_CONTEXT = "InvoiceTableModel"
_DISPUTED_BG = QBrush(QColor("#f3e5f5"))
_PAID_FG = QBrush(QColor("#6b6b6b"))


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


class InvoiceTableModel(RecordTableModel):
    """One row per invoice; shows only open ones while ``open_only`` (the default)."""

    def __init__(self, parent=None):
        italic = _italic()
        style = RowStyle(background=lambda i: _DISPUTED_BG if i.disputed else None,
                         foreground=lambda i: None if i.is_open else _PAID_FG,
                         font=lambda i: italic if i.disputed else None)
        super().__init__(self._columns(), _CONTEXT, style, parent)
        self._as_of = date.today()  # replaced by the file's own day in set_file
        self._all: tuple[Invoice, ...] = ()
        self._open_only = True

    def _columns(self) -> tuple[Column, ...]:
        return (
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Number"), lambda i: i.number),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Issued"),
                   lambda i: formats.day(i.issued_on), sort=lambda i: i.issued_on),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Due"),
                   lambda i: formats.day(i.due_on), sort=lambda i: i.due_on),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Amount"),
                   lambda i: formats.money(i.amount), RIGHT, sort=lambda i: i.amount.minor),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Open balance"),
                   lambda i: formats.money(i.open_balance), RIGHT,
                   sort=lambda i: i.open_balance.minor),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Days late"), self._days_late, RIGHT,
                   sort=lambda i: i.days_late(self._as_of)),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Bucket"), self._bucket),
            Column(QT_TRANSLATE_NOOP("InvoiceTableModel", "Status"), self._status,
                   tooltip=self._status),
        )

    def set_file(self, file: CustomerFile) -> None:
        self._as_of = file.as_of
        self._all = file.invoices
        self._refilter()

    def set_open_only(self, open_only: bool) -> None:
        if open_only != self._open_only:
            self._open_only = open_only
            self._refilter()

    @property
    def open_only(self) -> bool:
        return self._open_only

    @property
    def hidden_rows(self) -> int:
        """Paid invoices left out by the open-only filter."""
        return len(self._all) - self.rowCount()

    def _refilter(self) -> None:
        self.set_records([i for i in self._all if i.is_open or not self._open_only])

    def totals(self) -> dict[str, tuple[Money, Money]]:
        """Per currency: (amount, open balance) summed over the rows shown."""
        shown = self.records()
        amounts = totals_by_currency(i.amount for i in shown)
        balances = totals_by_currency(i.open_balance for i in shown)
        return {cur: (amounts[cur], balances[cur]) for cur in amounts}

    def _days_late(self, invoice: Invoice) -> str:
        return formats.number(invoice.days_late(self._as_of)) if invoice.is_open else ""

    def _bucket(self, invoice: Invoice) -> str:
        if not invoice.is_open:
            return QCoreApplication.translate("InvoiceTableModel", "Paid")
        return label(invoice.bucket(self._as_of))

    def _status(self, invoice: Invoice) -> str:
        return QCoreApplication.translate("InvoiceTableModel", "Disputed") if invoice.disputed else ""
