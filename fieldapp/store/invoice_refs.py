"""Invoice numbers beside ids: the laptop writes them into a record, the office finds its own
invoices by them (each database numbers invoices its own way: a pack gives the laptop its ids)."""

from __future__ import annotations

import json
import uuid as uuidlib

from sqlalchemy import select

from ..domain.errors import NotFound
from ..domain.invoice_refs import OfficeInvoices, office_invoices
from .tables import InvoiceRow, OutcomeRow, VisitRow

_CHUNK = 500


def numbers_by_id(session, ids) -> dict[int, str]:
    """The laptop: invoice id -> number of ``ids``."""
    ids, found = sorted(set(ids)), {}
    for start in range(0, len(ids), _CHUNK):
        found.update(session.execute(select(InvoiceRow.id, InvoiceRow.number).where(
            InvoiceRow.id.in_(ids[start:start + _CHUNK]))).all())
    return found


def ids_by_number(session, customer_id: int) -> dict[str, int]:
    """The office: the customer's invoices, number -> id (a number held twice, from two
    sources, gives the later invoice, as the day bundle's refs do: store.field_records)."""
    return dict(session.execute(select(InvoiceRow.number, InvoiceRow.id).where(
        InvoiceRow.customer_id == customer_id).order_by(InvoiceRow.id)).all())


def record_invoices(session, visit_uuid: str) -> tuple[OfficeInvoices | None, ...]:
    """The office: per outcome of the stored record ``visit_uuid`` (in the record's order),
    its invoices as the office's ids (domain.invoice_refs.office_invoices); None for an
    outcome of an older record without numbers from a laptop that numbers its own invoices.
    The record's customer is the row's (mapped to the office's id on import)."""
    return _resolved(session, visit_uuid)[1]


def outcome_invoices(session, outcome_uuid: str) -> OfficeInvoices | None:
    """The office: the invoices of one outcome row (a dispute of the queue, a promise, a plan
    or one of its lines), see ``record_invoices``."""
    visit_uuid = session.execute(select(OutcomeRow.visit_uuid)
                                 .where(OutcomeRow.uuid == outcome_uuid)).scalar()
    if visit_uuid is not None:
        outcomes, found = _resolved(session, visit_uuid)
        base = uuidlib.UUID(visit_uuid)
        for i, outcome in enumerate(outcomes):
            # Rows are keyed as services.finalize.outcome_rows keys them: "i", and "i.n" for
            # the n-th line of an installment plan.
            keys = [str(i), *(f"{i}.{n}" for n in range(1, len(outcome.get("lines") or ()) + 1))]
            if outcome_uuid in {str(uuidlib.uuid5(base, k)) for k in keys}:
                return found[i]
    raise NotFound("review.unknown_record", id=outcome_uuid)


def _resolved(session, visit_uuid: str) -> tuple[list[dict], tuple[OfficeInvoices | None, ...]]:
    row = session.execute(select(VisitRow.customer_id, VisitRow.body)
                          .where(VisitRow.uuid == visit_uuid)).first()
    if row is None:
        raise NotFound("visit.not_found", visit=visit_uuid)
    body = json.loads(row.body)
    outcomes = list(body.get("outcomes") or ())
    by_number = ids_by_number(session, row.customer_id)
    same_ids = body.get("customer_id") == row.customer_id
    return outcomes, tuple(office_invoices(o, by_number, same_ids) for o in outcomes)
