"""Visit persistence: drafts, finalization writes (payments, receipts, disputes), history."""

from __future__ import annotations

import json
from datetime import date, datetime, tzinfo

from sqlalchemy import func, select, update

from ..domain.errors import FieldappError, NotFound
from ..domain.ids import new_id
from ..domain.instants import from_text
from ..domain.money import Money
from ..domain.stored import (Attachment, DraftInfo, OpenAccount, OpenInvoice, StoredRecord,
                             StoredVisit)
from ..domain.visit import VisitKind
from .tables import (AllocationRow, AttachmentRow, CustomerRow, InvoiceRow, OutcomeRow, PaymentRow,
                     ReceiptCounterRow, VisitRow)


class FinalizedVisitError(FieldappError):
    """A finalized visit cannot be changed; amend it instead."""


def save_draft(session, data: dict, body: str, now_iso: str) -> None:
    row = session.get(VisitRow, data["uuid"])
    if row is None:
        session.add(VisitRow(uuid=data["uuid"], customer_id=data["customer_id"], kind=data["kind"],
                             status="draft", started_at=data["started_at"], updated_at=now_iso,
                             amends=data.get("amends"), body=body))
        return
    if row.status != "draft":
        raise FinalizedVisitError("visit.final_not_saved", visit=row.uuid)
    row.body, row.updated_at = body, now_iso


def load(session, uuid: str) -> StoredVisit:
    row = session.get(VisitRow, uuid)
    if row is None:
        raise NotFound("visit.not_found", visit=uuid)
    return StoredVisit(json.loads(row.body), row.status)


def drafts(session, zone: tzinfo) -> list[DraftInfo]:
    """Every unfinished visit, last changed first, its time in ``zone``."""
    stmt = (select(VisitRow.uuid, VisitRow.customer_id, CustomerRow.name, VisitRow.kind,
                   VisitRow.updated_at).join(CustomerRow, CustomerRow.id == VisitRow.customer_id)
            .where(VisitRow.status == "draft").order_by(VisitRow.updated_at.desc()))
    return [DraftInfo(r.uuid, r.customer_id, r.name, VisitKind(r.kind),
                      from_text(r.updated_at, zone)) for r in session.execute(stmt)]


def delete_draft(session, uuid: str) -> None:
    row = session.get(VisitRow, uuid)
    if row is not None and row.status != "draft":
        raise FinalizedVisitError("visit.final_not_deleted", visit=uuid)
    if row is not None:
        session.delete(row)


def invoice_balances(session, customer_id: int) -> list[OpenInvoice]:
    """The customer's open invoices, oldest due first."""
    stmt = (select(InvoiceRow.id, InvoiceRow.number, InvoiceRow.open_minor, InvoiceRow.currency,
                   InvoiceRow.disputed).where(InvoiceRow.customer_id == customer_id,
                                              InvoiceRow.open_minor != 0).order_by(InvoiceRow.due_on))
    return [OpenInvoice(r.id, r.number, Money(r.open_minor, r.currency), bool(r.disputed))
            for r in session.execute(stmt)]


def next_receipt_no(session, device_id: str) -> int:
    """The next receipt number of this device; gap-free because it shares the caller's transaction."""
    row = session.get(ReceiptCounterRow, device_id)
    if row is None:
        row = ReceiptCounterRow(device_id=device_id, last_no=0)
        session.add(row)
    row.last_no += 1
    session.flush()
    return row.last_no


def record_payment(session, customer_id: int, visit_uuid: str, paid_on: date, amount_minor: int,
                   currency: str, method: str, reference: str, allocations) -> None:
    """Store money taken on site and reduce the open balances it was allocated to."""
    payment_id = new_id()
    session.add(PaymentRow(id=payment_id, customer_id=customer_id, paid_on=paid_on,
                           amount_minor=amount_minor, currency=currency, method=method,
                           reference=reference, visit_uuid=visit_uuid))
    session.flush()
    for invoice_id, minor in allocations:
        session.add(AllocationRow(id=new_id(), payment_id=payment_id, invoice_id=invoice_id, amount_minor=minor))
        session.execute(update(InvoiceRow).where(InvoiceRow.id == invoice_id)
                        .values(open_minor=InvoiceRow.open_minor - minor))


def mark_disputed(session, invoice_ids) -> None:
    if invoice_ids:
        session.execute(update(InvoiceRow).where(InvoiceRow.id.in_(list(invoice_ids)))
                        .values(disputed=True))


def finalize(session, uuid: str, body: str, sha256: str, finalized_at: str) -> None:
    row = session.get(VisitRow, uuid)
    if row is None or row.status != "draft":
        raise FinalizedVisitError("visit.already_final", visit=uuid)
    row.status, row.body, row.sha256 = "final", body, sha256
    row.finalized_at = row.updated_at = finalized_at


def add_outcomes(session, rows: list[dict]) -> None:
    for values in rows:
        session.add(OutcomeRow(**values))


def outcomes_made_on(session, visit_uuid: str) -> date | None:
    """The day a visit's outcomes were made (None: it has none)."""
    day = session.scalar(select(func.min(OutcomeRow.created_on))
                         .where(OutcomeRow.visit_uuid == visit_uuid))
    return date.fromisoformat(day) if isinstance(day, str) else day


def supersede(session, original_uuid: str, by_uuid: str) -> None:
    session.execute(update(OutcomeRow).where(OutcomeRow.visit_uuid == original_uuid,
                                             OutcomeRow.superseded_by.is_(None))
                    .values(superseded_by=by_uuid))


def history(session, customer_id: int) -> list[StoredRecord]:
    """The customer's finalized visits, newest first."""
    stmt = (select(VisitRow.uuid, VisitRow.body, VisitRow.sha256)
            .where(VisitRow.customer_id == customer_id, VisitRow.status == "final")
            .order_by(VisitRow.finalized_at.desc()))
    return [StoredRecord(r.uuid, r.body, r.sha256) for r in session.execute(stmt)]


def customers_with_open_invoices(session, count: int, at_least: int = 1) -> list[OpenAccount]:
    """The first ``count`` customers with ``at_least`` undisputed open invoices."""
    stmt = (select(InvoiceRow.customer_id, func.min(InvoiceRow.currency).label("currency"))
            .where(InvoiceRow.open_minor > 0, InvoiceRow.disputed.is_(False))
            .group_by(InvoiceRow.customer_id).having(func.count() >= at_least)
            .order_by(InvoiceRow.customer_id).limit(count))
    return [OpenAccount(r.customer_id, r.currency) for r in session.execute(stmt)]


def add_attachment(session, uuid: str, visit_uuid: str, name: str, mime: str, sha256: str,
                   data: bytes) -> None:
    session.add(AttachmentRow(uuid=uuid, visit_uuid=visit_uuid, name=name, mime=mime,
                              sha256=sha256, data=data))


def delete_draft_attachment(session, uuid: str, visit_uuid: str) -> bool:
    """Drop a file the collector took off a draft; a final record's files (an amendment's
    outcomes still name them) are never touched."""
    visit, row = session.get(VisitRow, visit_uuid), session.get(AttachmentRow, uuid)
    if visit is None or visit.status != "draft" or row is None or row.visit_uuid != visit_uuid:
        return False
    session.delete(row)
    return True


def attachments(session, visit_uuid: str) -> list[Attachment]:
    """A visit's evidence files, without their bytes, by name."""
    stmt = (select(AttachmentRow.uuid, AttachmentRow.name, AttachmentRow.mime, AttachmentRow.sha256,
                   func.length(AttachmentRow.data).label("size"))
            .where(AttachmentRow.visit_uuid == visit_uuid).order_by(AttachmentRow.name))
    return [Attachment(r.uuid, r.name, r.mime, r.sha256, int(r.size)) for r in session.execute(stmt)]


def attachment_data(session, uuid: str) -> bytes:
    row = session.get(AttachmentRow, uuid)
    if row is None:
        raise NotFound("attachment.not_found", attachment=uuid)
    return row.data


def customer_currency(session, customer_id: int) -> str:
    currency = session.scalar(select(CustomerRow.currency).where(CustomerRow.id == customer_id))
    if currency is None:
        raise NotFound("customer.not_found", customer=customer_id)
    return currency
