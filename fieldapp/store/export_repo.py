"""What the export to accounting reads (confirmed receipts, promises, installment lines of a
period) as plain values, and its memory: each exported record and the batch that first
wrote it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import insert, select

from ..domain.accounting_export import INSTALLMENTS, PAYMENTS, PROMISES
from ..domain.money import Money
from ..domain.receipts import CONFIRMED
from .tables import (AllocationRow, CollectorRow, CustomerRow, ExportBatchRow, ExportRowRow,
                     InvoiceRow, OutcomeRow, PaymentRow, ReceiptRow)

_CHUNK = 500


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def payments(session, first: date, last: date) -> list[dict]:
    """Confirmed receipts whose money was taken in the period: the money accounting does not
    hold yet (a matched receipt is already in its books; pending and voided ones are not
    money to book)."""
    r = ReceiptRow
    stmt = (select(r.receipt_no, r.paid_on, r.amount_minor, r.currency, r.visit_uuid,
                   r.state_at, r.state_by, r.payment_id, CustomerRow.code, CustomerRow.name,
                   CollectorRow.name.label("collector"), PaymentRow.method,
                   PaymentRow.reference)
            .join(CustomerRow, CustomerRow.id == r.customer_id)
            .outerjoin(CollectorRow, CollectorRow.id == r.collector_id)
            .outerjoin(PaymentRow, PaymentRow.id == r.payment_id)
            .where(r.state == CONFIRMED, r.paid_on >= first, r.paid_on <= last)
            .order_by(r.paid_on, r.receipt_no))
    rows = session.execute(stmt).all()
    allocated = _allocations(session, [x.payment_id for x in rows])
    return [{"record_id": x.receipt_no, "receipt_no": x.receipt_no, "paid_on": _day(x.paid_on),
             "customer_code": x.code, "customer_name": x.name,
             "money": Money(int(x.amount_minor), x.currency), "method": x.method or "",
             "reference": x.reference or "",
             "allocations": [(n, Money(m, x.currency)) for n, m in allocated[x.payment_id]],
             "collector": x.collector or "", "visit_id": x.visit_uuid,
             "confirmed_at": x.state_at or "", "confirmed_by": x.state_by} for x in rows]


def _allocations(session, ids: list[str]) -> dict[str, list[tuple[str, int]]]:
    found = defaultdict(list)
    ids = sorted(set(ids))
    for start in range(0, len(ids), _CHUNK):
        for pid, number, minor in session.execute(
                select(AllocationRow.payment_id, InvoiceRow.number, AllocationRow.amount_minor)
                .join(InvoiceRow, InvoiceRow.id == AllocationRow.invoice_id)
                .where(AllocationRow.payment_id.in_(ids[start:start + _CHUNK]))
                .order_by(InvoiceRow.number)):
            found[pid].append((number, int(minor)))
    return found


def _commitments(session, kind: str, first: date, last: date):
    o = OutcomeRow
    return session.execute(
        select(o.uuid, o.visit_uuid, o.created_on, o.due_on, o.amount_minor, o.currency,
               o.resolved, CustomerRow.code, CustomerRow.name,
               CollectorRow.name.label("collector"))
        .join(CustomerRow, CustomerRow.id == o.customer_id)
        .outerjoin(CollectorRow, CollectorRow.id == CustomerRow.collector_id)
        .where(o.kind == kind, o.superseded_by.is_(None), o.created_on >= first,
               o.created_on <= last)
        .order_by(o.created_on, o.visit_uuid, o.due_on, o.uuid)).all()


def _commitment(x) -> dict:
    return {"record_id": x.uuid, "visit_id": x.visit_uuid, "made_on": _day(x.created_on),
            "due_on": _day(x.due_on) if x.due_on is not None else None,
            "customer_code": x.code, "customer_name": x.name,
            "money": Money(int(x.amount_minor), x.currency), "collector": x.collector or "",
            "status": "resolved" if x.resolved else "open"}


def promises(session, first: date, last: date) -> list[dict]:
    """Promises to pay made in the period (an amended one: its amendment's)."""
    return [_commitment(x) for x in _commitments(session, "promise", first, last)]


def installments(session, first: date, last: date) -> list[dict]:
    """Installment lines of the plans made in the period, numbered within their visit."""
    rows = [_commitment(x) for x in _commitments(session, "installment", first, last)]
    per_visit = defaultdict(list)
    for row in rows:
        per_visit[row["visit_id"]].append(row)
    for lines in per_visit.values():
        for n, row in enumerate(sorted(lines, key=lambda r: (r["due_on"], r["record_id"])), 1):
            row.update(line_no=n, lines=len(lines))
    return rows


READERS = {PAYMENTS: payments, PROMISES: promises, INSTALLMENTS: installments}


def exported(session, kind: str, ids: list[str]) -> dict[str, tuple[str, str]]:
    """record id → (batch id, when) of those an earlier export wrote."""
    found = {}
    for start in range(0, len(ids), _CHUNK):
        for rid, batch, at in session.execute(
                select(ExportRowRow.record_id, ExportRowRow.batch_id, ExportBatchRow.at)
                .join(ExportBatchRow, ExportBatchRow.id == ExportRowRow.batch_id)
                .where(ExportRowRow.kind == kind,
                       ExportRowRow.record_id.in_(ids[start:start + _CHUNK]))):
            found[rid] = (batch, at)
    return found


def record(session, batch: dict, new: dict[str, list[str]]) -> None:
    """The batch, and each record it exported for the first time."""
    session.execute(insert(ExportBatchRow.__table__).values(**batch))
    rows = [{"kind": kind, "record_id": rid, "batch_id": batch["id"]}
            for kind, ids in new.items() for rid in ids]
    for start in range(0, len(rows), _CHUNK):
        session.execute(insert(ExportRowRow.__table__), rows[start:start + _CHUNK])
