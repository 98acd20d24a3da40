"""Bulk writes of a long visit history (demo and benchmark profiles): visits, outcomes, payments."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..domain.ids import new_id
from .tables import CustomerRow, InvoiceRow, OutcomeRow, PaymentRow, VisitRow


@dataclass(frozen=True, slots=True)
class Account:
    """A customer a past visit can be about: its language, and a typical invoice amount."""

    customer_id: int
    language: str
    currency: str
    typical_minor: int


def accounts(store) -> list[Account]:
    """Every customer with invoices in its own currency, in id order."""
    stmt = (select(CustomerRow.id, CustomerRow.language, CustomerRow.currency,
                   func.avg(InvoiceRow.amount_minor))
            .join(InvoiceRow, (InvoiceRow.customer_id == CustomerRow.id)
                  & (InvoiceRow.currency == CustomerRow.currency))
            .group_by(CustomerRow.id, CustomerRow.language, CustomerRow.currency)
            .order_by(CustomerRow.id))
    with store.engine.connect() as conn:
        return [Account(cid, lang, currency, int(avg)) for cid, lang, currency, avg in conn.execute(stmt)]


def write_history(store, visits: list[dict], outcomes: list[dict], payments: list[dict]) -> None:
    """Insert final visits, their outcome rows and later payments in one transaction.

    A payment without an id gets a new merge-safe one here."""
    with store.engine.begin() as conn:
        numbered = [{**p, "id": p.get("id") or new_id()} for p in payments]
        for table, rows in ((VisitRow, visits), (OutcomeRow, outcomes), (PaymentRow, numbered)):
            if rows:
                conn.execute(table.__table__.insert(), rows)
