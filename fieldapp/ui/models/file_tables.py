"""Contacts, contracts, deliveries and payments of one customer as table models."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.records import Contact, Contract, Delivery, Payment
from .. import formats
from ..labels import label
from .table import CENTER, RIGHT, Column, RecordTableModel, RowStyle

# A delivery that does not match the contract: checked before talking about money.
AMBER = QColor("#ffe8b3")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


translate = QCoreApplication.translate


class ContactTableModel(RecordTableModel):
    """People at the customer; whoever has authority to pay is bold and says so."""

    def __init__(self, parent=None):
        bold = _bold()
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ContactTableModel", "Name"), lambda c: c.name),
            Column(QT_TRANSLATE_NOOP("ContactTableModel", "Role"), lambda c: c.role),
            Column(QT_TRANSLATE_NOOP("ContactTableModel", "Phone"), lambda c: c.phone),
            Column(QT_TRANSLATE_NOOP("ContactTableModel", "Authority"), self._authority),
            Column(QT_TRANSLATE_NOOP("ContactTableModel", "Email"), lambda c: c.email),
            Column(QT_TRANSLATE_NOOP("ContactTableModel", "Notes"), lambda c: c.notes,
                   tooltip=lambda c: c.notes),
        ), "ContactTableModel", RowStyle(font=lambda c: bold if c.authority_to_pay else None),
            parent)

    @staticmethod
    def _authority(contact: Contact) -> str:
        if not contact.authority_to_pay:
            return ""
        return "✔ " + translate("ContactTableModel", "Authority to pay")


class ContractTableModel(RecordTableModel):
    """Contracts and their payment terms."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ContractTableModel", "Number"), lambda c: c.number),
            Column(QT_TRANSLATE_NOOP("ContractTableModel", "Signed"),
                   lambda c: formats.day(c.signed_on), sort=lambda c: c.signed_on),
            Column(QT_TRANSLATE_NOOP("ContractTableModel", "Goods"), lambda c: c.goods,
                   tooltip=lambda c: c.goods),
            Column(QT_TRANSLATE_NOOP("ContractTableModel", "Payment terms"), self._net, RIGHT,
                   sort=lambda c: c.net_days),
            Column(QT_TRANSLATE_NOOP("ContractTableModel", "Installments"), self._installments,
                   CENTER),
            Column(QT_TRANSLATE_NOOP("ContractTableModel", "Early-payment discount"),
                   self._discount),
        ), "ContractTableModel", parent=parent)

    @staticmethod
    def _net(contract: Contract) -> str:
        n = contract.net_days
        return formats.counted(translate("ContractTableModel", "Net %n days", None, n), n)

    @staticmethod
    def _installments(contract: Contract) -> str:
        if contract.installments_allowed:
            return translate("ContractTableModel", "Allowed")
        return translate("ContractTableModel", "No")

    @staticmethod
    def _discount(contract: Contract) -> str:
        if not contract.early_discount_pct:
            return ""
        n = contract.early_discount_days
        within = formats.counted(translate("ContractTableModel", "within %n days", None, n), n)
        return f"{formats.percent(contract.early_discount_pct)} {within}"


class DeliveryTableModel(RecordTableModel):
    """Delivery notes; a row that does not match the contract is amber and carries a warning."""

    DISCREPANCY = 5  # the column that gets the spare width: it is what the collector reads

    def __init__(self, parent=None):
        amber = QBrush(AMBER)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Note"), self._note),
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Delivered"),
                   lambda d: formats.day(d.delivered_on), sort=lambda d: d.delivered_on),
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Status"), lambda d: label(d.status)),
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Ordered"),
                   lambda d: formats.number(d.ordered_qty), RIGHT, sort=lambda d: d.ordered_qty),
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Delivered qty"),
                   lambda d: formats.number(d.delivered_qty), RIGHT,
                   sort=lambda d: d.delivered_qty),
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Discrepancy"), lambda d: d.discrepancy,
                   tooltip=lambda d: d.discrepancy),
            Column(QT_TRANSLATE_NOOP("DeliveryTableModel", "Receiver"), lambda d: d.receiver),
        ), "DeliveryTableModel",
            RowStyle(background=lambda d: amber if d.has_discrepancy else None), parent)

    @staticmethod
    def _note(delivery: Delivery) -> str:
        # The sign keeps the warning visible without colour (printouts, colour blindness).
        return f"⚠ {delivery.note_number}" if delivery.has_discrepancy else delivery.note_number


class PaymentTableModel(RecordTableModel):
    """Money received and the invoices it settled."""

    def __init__(self, parent=None):
        struck = QFont()
        struck.setStrikeOut(True)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("PaymentTableModel", "Date"), lambda p: formats.day(p.paid_on),
                   sort=lambda p: p.paid_on),
            Column(QT_TRANSLATE_NOOP("PaymentTableModel", "Amount"),
                   lambda p: formats.money(p.amount), RIGHT, sort=lambda p: p.amount.minor),
            Column(QT_TRANSLATE_NOOP("PaymentTableModel", "Method"), lambda p: label(p.method)),
            Column(QT_TRANSLATE_NOOP("PaymentTableModel", "Reference"), self._reference,
                   tooltip=self._reference),
            Column(QT_TRANSLATE_NOOP("PaymentTableModel", "Allocated to"), self._allocations,
                   tooltip=self._allocations),
        ), "PaymentTableModel", RowStyle(font=lambda p: struck if p.voided else None),
            parent=parent)

    @staticmethod
    def _reference(payment: Payment) -> str:
        """A receipt the office voided says so, with the reason, where the money is listed."""
        if not payment.voided:
            return payment.reference
        said = translate("PaymentTableModel", "Voided by the office: {reason}").format(
            reason=payment.voided)
        return f"✖ {said}" + (f" · {payment.reference}" if payment.reference else "")

    @staticmethod
    def _allocations(payment: Payment) -> str:
        return ", ".join(f"{a.invoice_number} ({formats.money(a.amount)})"
                         for a in payment.allocations)
