"""Disputes in both databases: the invoices each pauses, its resolver, its resolution (root
cause apart from the claimed reason) and the invoices that resume with it; at the office the
resolutions a pack carries, on the laptop the resolutions a pack brings."""

from __future__ import annotations

import json

from sqlalchemy import insert, or_, select, update

from ..domain.queues import Resolution
from .tables import (CustomerRow, DisputeCaseRow, DisputeInvoiceRow, DisputeResolutionRow,
                     InvoiceRow, OutcomeRow, ReviewRow)

_CHUNK = 500


# -- the office: pausing on import ----------------------------------------------------------
def pause_imported(session, records: list[dict]) -> int:
    """The office's invoices each newly imported dispute names, kept and marked disputed. The
    record names the laptop's ids; its ref names their numbers (a record without a ref was
    made by the same demo as the office, so its ids are the office's)."""
    paused = 0
    for record in records:
        row = record["row"]
        if record["kind"] != "outcome" or row.get("kind") != "dispute":
            continue
        if session.execute(select(DisputeInvoiceRow.invoice_id).where(
                DisputeInvoiceRow.outcome_uuid == row["uuid"])).first() is not None:
            continue  # already taken: the same record twice changes nothing
        ids = _office_ids(session, row, record.get("ref"))
        if not ids:
            continue
        session.execute(insert(DisputeInvoiceRow.__table__),
                        [{"outcome_uuid": row["uuid"], "invoice_id": i} for i in ids])
        if not row.get("resolved") and not row.get("superseded_by"):
            session.execute(update(InvoiceRow).where(InvoiceRow.id.in_(ids))
                            .values(disputed=True))
        paused += len(ids)
    return paused


def _office_ids(session, row: dict, ref) -> list[int]:
    cid = row["customer_id"]
    if isinstance(ref, dict) and isinstance(ref.get("invoices"), list):
        numbers = [n for n in ref["invoices"] if isinstance(n, str)]
        where = InvoiceRow.number.in_(numbers)
    elif ref:
        return []  # a laptop that did not say the numbers: its ids mean nothing here
    else:
        try:
            ids = [int(i) for i in json.loads(row.get("body") or "{}").get("invoice_ids", [])]
        except (TypeError, ValueError):
            return []
        where = InvoiceRow.id.in_(ids)
    return sorted(session.execute(select(InvoiceRow.id).where(
        InvoiceRow.customer_id == cid, where)).scalars())


def invoice_numbers(session, body: str) -> list[str]:
    """The numbers of the invoices a dispute's stored JSON names by this database's ids."""
    try:
        ids = [int(i) for i in json.loads(body or "{}").get("invoice_ids", [])]
    except (TypeError, ValueError, AttributeError):
        return []
    if not ids:
        return []
    return list(session.execute(select(InvoiceRow.number).where(InvoiceRow.id.in_(ids))
                                .order_by(InvoiceRow.number)).scalars())


# -- the office: assigning and resolving -----------------------------------------------------
def resolution_at(session, uuid: str) -> str | None:
    row = session.get(DisputeResolutionRow, uuid)
    return None if row is None else row.resolved_at


def assign(session, uuid: str, resolver: str, at: str, by: str) -> None:
    row = session.get(DisputeCaseRow, uuid)
    if row is None:
        session.add(DisputeCaseRow(outcome_uuid=uuid, resolver=resolver, assigned_at=at,
                                   assigned_by=by))
    else:
        row.resolver, row.assigned_at, row.assigned_by = resolver, at, by


def resolve(session, uuid: str, at: str, by: str, root_cause: str) -> list[str]:
    """Resolution written, the dispute no longer live, its invoices resumed unless another
    open dispute still pauses them; returns the numbers of those resumed."""
    session.add(DisputeResolutionRow(outcome_uuid=uuid, resolved_at=at, resolved_by=by,
                                     root_cause=root_cause))
    session.execute(update(OutcomeRow).where(OutcomeRow.uuid == uuid).values(resolved=True))
    ids = list(session.execute(select(DisputeInvoiceRow.invoice_id).where(
        DisputeInvoiceRow.outcome_uuid == uuid)).scalars())
    return _resume(session, ids, uuid)


def _resume(session, ids: list[int], uuid: str) -> list[str]:
    if not ids:
        return []
    still = set(session.execute(
        select(DisputeInvoiceRow.invoice_id)
        .join(OutcomeRow, OutcomeRow.uuid == DisputeInvoiceRow.outcome_uuid)
        .where(DisputeInvoiceRow.invoice_id.in_(ids), DisputeInvoiceRow.outcome_uuid != uuid,
               OutcomeRow.resolved.is_(False), OutcomeRow.superseded_by.is_(None))).scalars())
    free = [i for i in ids if i not in still]
    if not free:
        return []
    session.execute(update(InvoiceRow).where(InvoiceRow.id.in_(free)).values(disputed=False))
    return list(session.execute(select(InvoiceRow.number).where(InvoiceRow.id.in_(free))
                                .order_by(InvoiceRow.number)).scalars())


def for_collector(session, collector_id: str, since: str) -> list[dict]:
    """Resolutions since ``since`` of disputes the collector recorded or on the collector's
    customers, as a pack sends them (the laptop takes those it recorded, once)."""
    r = DisputeResolutionRow
    rows = session.execute(
        select(r.outcome_uuid, r.resolved_at, r.resolved_by, r.root_cause)
        .join(OutcomeRow, OutcomeRow.uuid == r.outcome_uuid)
        .join(CustomerRow, CustomerRow.id == OutcomeRow.customer_id)
        .outerjoin(ReviewRow, ReviewRow.visit_uuid == OutcomeRow.visit_uuid)
        .where(or_(ReviewRow.collector_id == collector_id,
                   CustomerRow.collector_id == collector_id), r.resolved_at >= since)
        .order_by(r.resolved_at, r.outcome_uuid))
    return [{"uuid": x.outcome_uuid, "resolved_at": x.resolved_at, "resolved_by": x.resolved_by,
             "root_cause": x.root_cause} for x in rows]


# -- the laptop: a pack's resolutions --------------------------------------------------------
def take_resolutions(session, resolutions: list[Resolution]) -> int:
    """Each dispute recorded here that the office resolved: marked resolved with the root
    cause found, its invoices (this laptop's ids, named by the record) resumed unless another
    unresolved dispute here still pauses them. Returns how many were new."""
    taken = 0
    for res in resolutions:
        row = session.get(OutcomeRow, res.outcome_uuid)
        if row is None or row.kind != "dispute" or \
                session.get(DisputeResolutionRow, res.outcome_uuid) is not None:
            continue  # not recorded here, or already taken
        session.add(DisputeResolutionRow(outcome_uuid=res.outcome_uuid,
                                         resolved_at=res.resolved_at,
                                         resolved_by=res.resolved_by,
                                         root_cause=res.root_cause))
        row.resolved = True
        session.flush()
        _resume_here(session, row)
        taken += 1
    return taken


def _resume_here(session, dispute) -> None:
    mine = set(_ids(dispute.body))
    if not mine:
        return
    others = session.execute(select(OutcomeRow.body).where(
        OutcomeRow.kind == "dispute", OutcomeRow.customer_id == dispute.customer_id,
        OutcomeRow.uuid != dispute.uuid, OutcomeRow.resolved.is_(False),
        OutcomeRow.superseded_by.is_(None))).scalars()
    for body in others:
        mine -= set(_ids(body))
    if mine:
        session.execute(update(InvoiceRow).where(InvoiceRow.id.in_(sorted(mine)))
                        .values(disputed=False))


def _ids(body: str) -> list[int]:
    try:
        return [int(i) for i in json.loads(body or "{}").get("invoice_ids", [])]
    except (TypeError, ValueError, AttributeError):
        return []

