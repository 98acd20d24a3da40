"""Turn ORM rows into domain records (inside the session; rows never leave the store)."""

from __future__ import annotations

from ..domain.enums import BusinessStatus, DeliveryStatus, Language, PaymentMethod
from ..domain.money import Money
from ..domain.records import (Allocation, Contact, Contract, Customer, Delivery, Invoice,
                              Payment)


def customer(r) -> Customer:
    return Customer(r.id, r.code, r.name, r.tax_code, r.phone, r.address, r.district, r.province,
                    r.country, BusinessStatus(r.business_status), r.business_notes,
                    r.financial_notes, r.personality_notes, r.cooperation_since,
                    Money(r.credit_limit_minor, r.currency), Language(r.language))


def contact(r) -> Contact:
    return Contact(r.id, r.customer_id, r.name, r.role, r.phone, r.email, bool(r.authority_to_pay),
                   r.notes)


def contract(r) -> Contract:
    return Contract(r.id, r.customer_id, r.number, r.signed_on, r.goods, r.net_days,
                    bool(r.installments_allowed), float(r.early_discount_pct), r.early_discount_days)


def invoice(r) -> Invoice:
    return Invoice(r.id, r.customer_id, r.contract_id, r.number, r.issued_on, r.due_on,
                   Money(r.amount_minor, r.currency), Money(r.open_minor, r.currency),
                   bool(r.disputed))


def delivery(r) -> Delivery:
    return Delivery(r.id, r.customer_id, r.contract_id, r.invoice_id, r.note_number,
                    r.delivered_on, r.receiver, DeliveryStatus(r.status), r.ordered_qty,
                    r.delivered_qty, r.discrepancy)


def payment(r, allocations, voided: str = "") -> Payment:
    allocs = tuple(Allocation(inv_id, number, Money(minor, r.currency))
                   for inv_id, number, minor in allocations)
    return Payment(r.id, r.customer_id, r.paid_on, Money(r.amount_minor, r.currency),
                   PaymentMethod(r.method), r.reference, allocs, voided)
