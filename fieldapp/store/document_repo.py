"""Signed documents: store, list and read them; the record data a document is made from."""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo

from sqlalchemy import func, select

from ..domain.errors import FieldappError, NotFound
from ..domain.instants import from_text
from ..domain.superseded import REPLACEABLE, replaced_by
from ..domain.stored import DocumentInfo, DocumentKind, FinalBody, NamedDocument, StoredRecord
from .tables import AllocationRow, CustomerRow, DocumentRow, PaymentRow, VisitRow

# Listing columns: everything but the PDF bytes.
_INFO = (DocumentRow.id, DocumentRow.kind, DocumentRow.customer_id, DocumentRow.visit_uuid,
         DocumentRow.number, DocumentRow.language, DocumentRow.created_at, DocumentRow.sha256,
         func.length(DocumentRow.data), DocumentRow.signer, DocumentRow.development)


def info(row, zone: tzinfo) -> DocumentInfo:
    """A listing row (the ``_INFO`` columns, in order) as a record, its time in ``zone``."""
    doc_id, kind, cid, visit, number, lang, created, sha, size, signer, dev = row[:11]
    return DocumentInfo(doc_id, DocumentKind(kind), cid, visit, number, lang,
                        from_text(created, zone), sha, int(size), signer, bool(dev))


def add(session, **values) -> None:
    session.add(DocumentRow(**values))


def of_visit(session, visit_uuid: str, zone: tzinfo) -> list[DocumentInfo]:
    stmt = select(*_INFO).where(DocumentRow.visit_uuid == visit_uuid).order_by(
        DocumentRow.created_at, DocumentRow.kind, DocumentRow.number)
    return marked(session, [info(r, zone) for r in session.execute(stmt)])


def of_customer(session, customer_id: int, zone: tzinfo) -> list[DocumentInfo]:
    """The customer's documents, newest first."""
    stmt = select(*_INFO).where(DocumentRow.customer_id == customer_id).order_by(
        DocumentRow.created_at.desc(), DocumentRow.kind, DocumentRow.number)
    return marked(session, [info(r, zone) for r in session.execute(stmt)])


def made_between(session, kinds, start: str, end: str, zone: tzinfo) -> list[NamedDocument]:
    """Documents of ``kinds`` created in [start, end) (stored UTC texts), with their
    customer's name; oldest first, times in ``zone``."""
    stmt = (select(*_INFO, CustomerRow.name)
            .join(CustomerRow, CustomerRow.id == DocumentRow.customer_id)
            .where(DocumentRow.kind.in_(list(kinds)), DocumentRow.created_at >= start,
                   DocumentRow.created_at < end)
            .order_by(DocumentRow.created_at, DocumentRow.number, DocumentRow.kind))
    rows = list(session.execute(stmt))
    infos = marked(session, [info(r, zone) for r in rows])
    return [NamedDocument(i, r.name) for i, r in zip(infos, rows)]


def marked(session, infos: list[DocumentInfo]) -> list[DocumentInfo]:
    """``infos`` with ``replaced_by`` set on those a finalized amendment of their visit
    replaces (derived from the chain each time: nothing to keep in step)."""
    visits = {i.visit_uuid for i in infos if i.visit_uuid and i.kind.value in REPLACEABLE}
    if not visits:
        return infos
    amended = dict(session.execute(select(VisitRow.amends, VisitRow.uuid).where(
        VisitRow.amends.in_(sorted(visits)), VisitRow.status == "final")).all())
    if not amended:
        return infos
    numbers: dict[str, set[str]] = {uuid: set() for uuid in amended.values()}
    for visit_uuid, number in session.execute(select(
            DocumentRow.visit_uuid, DocumentRow.number).where(
            DocumentRow.visit_uuid.in_(sorted(numbers)))):
        numbers[visit_uuid].add(number)
    return [replace(i, replaced_by=replaced_by(i.kind.value, i.number,
                                               numbers[amended[i.visit_uuid]]))
            if i.visit_uuid in amended else i for i in infos]


def data(session, document_id: str) -> bytes:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound("document.not_found", document=document_id)
    return row.data


def final_record(session, uuid: str) -> StoredRecord:
    """A finalized visit's canonical body and hash; drafts have no documents."""
    row = session.get(VisitRow, uuid)
    if row is None:
        raise NotFound("visit.not_found", visit=uuid)
    if row.status != "final":
        raise FieldappError("visit.draft_no_documents", visit=uuid)
    return StoredRecord(row.uuid, row.body, row.sha256)


def allocations_of_visit(session, visit_uuid: str) -> dict[int, int]:
    """Minor units per invoice paid by money taken on this visit (to show balances before it)."""
    stmt = (select(AllocationRow.invoice_id, func.sum(AllocationRow.amount_minor))
            .join(PaymentRow, PaymentRow.id == AllocationRow.payment_id)
            .where(PaymentRow.visit_uuid == visit_uuid).group_by(AllocationRow.invoice_id))
    return {invoice_id: int(minor) for invoice_id, minor in session.execute(stmt)}


def documented_numbers(session, kind: str, numbers) -> set[str]:
    """Which of ``numbers`` already have a ``kind`` document (receipts survive amendments)."""
    if not numbers:
        return set()
    stmt = select(DocumentRow.number).where(DocumentRow.kind == kind,
                                            DocumentRow.number.in_(list(numbers)))
    return set(session.scalars(stmt))


def undocumented_visits(session, kind: str, since: str | None = None) -> list[str]:
    """Final visits (calls too) without a ``kind`` document, oldest first; only those
    finalized after ``since`` (stored UTC text) when given."""
    has = select(DocumentRow.visit_uuid).where(DocumentRow.kind == kind,
                                               DocumentRow.visit_uuid.is_not(None))
    stmt = (select(VisitRow.uuid).where(VisitRow.status == "final", VisitRow.uuid.not_in(has))
            .order_by(VisitRow.finalized_at))
    if since is not None:
        stmt = stmt.where(VisitRow.finalized_at > since)
    return list(session.scalars(stmt))


def last_final(session) -> FinalBody | None:
    """The visit (or call) finalized last, with its customer's name."""
    stmt = (select(VisitRow.body, CustomerRow.name)
            .join(CustomerRow, CustomerRow.id == VisitRow.customer_id)
            .where(VisitRow.status == "final")
            .order_by(VisitRow.finalized_at.desc()).limit(1))
    row = session.execute(stmt).first()
    return FinalBody(row.body, row.name) if row else None
