"""A ledger lists postings: consecutive lines of one document become one entry."""

from __future__ import annotations

from ..domain.money import Money
from ..domain.receivables import ImportedInvoice


def merged(entries):
    """(entry, name) pairs with consecutive lines of one document (goods, VAT) as one entry."""
    pending = None
    for entry, name in entries:
        if pending is not None and _same_document(pending[0], entry):
            pending = (_merge(pending[0], entry), pending[1])
            continue
        if pending is not None:
            yield pending
        pending = (entry, name)
    if pending is not None:
        yield pending


def _same_document(a, b) -> bool:
    return (a.customer_code, a.kind, a.document_no) == (b.customer_code, b.kind, b.document_no) \
        and bool(a.document_no)


def _merge(a, b):
    def add(x, y):
        return None if x is None or y is None else Money(x.minor + y.minor, x.currency)
    if a.amount.currency != b.amount.currency:
        return a
    return ImportedInvoice(a.line, a.customer_code, a.kind, a.document_no, a.document_date,
                           a.due_date, add(a.amount, b.amount), add(a.open_amount, b.open_amount),
                           a.settled_on, a.days_late, a.aged)
