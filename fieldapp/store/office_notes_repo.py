"""Notes from the office on the laptop, in SQL: every kind's rows (review states and comments,
disputes resolved, receipts voided) read as one list (newest first, with the record they are
about and whether they were read), the unread count, and the read marks."""

from __future__ import annotations

from datetime import tzinfo

from sqlalchemy import String, and_, func, insert, literal, null, select, union_all

from ..domain.instants import from_text
from ..domain.office_notes import KINDS, RESOLUTION, REVIEW, VOID, Note
from ..domain.receipts import VOIDED
from .tables import (CustomerRow, DisputeResolutionRow, OfficeNoteReadRow, OutcomeRow,
                     ReceiptRow, ReviewEventRow, VisitRow)

_CHUNK = 500


def _reviews(customer_id: int | None = None):
    """Review states and comments a pack brought (store/review_repo.take_events); with
    ``customer_id``, those on that customer's records only."""
    e, v = ReviewEventRow.__table__, VisitRow.__table__
    stmt = select(literal(REVIEW, String).label("kind"), e.c.id.label("id"), e.c.at.label("at"),
                  e.c.actor.label("actor"), e.c.state.label("state"), e.c.text.label("text"),
                  e.c.corrects.label("corrects"), e.c.visit_uuid.label("visit_uuid"),
                  null().label("customer_id"))
    if customer_id is not None:  # through the customer's visits: indexed on both sides
        stmt = stmt.where(e.c.visit_uuid.in_(select(v.c.uuid).where(
            v.c.customer_id == customer_id)))
    return stmt


def _resolutions(customer_id: int | None = None):
    """Disputes recorded here that the office resolved (store/dispute_repo.take_resolutions):
    the root cause found, about the dispute's record and customer."""
    r, o = DisputeResolutionRow.__table__, OutcomeRow.__table__
    stmt = (select(literal(RESOLUTION, String).label("kind"), r.c.outcome_uuid.label("id"),
                   r.c.resolved_at.label("at"), r.c.resolved_by.label("actor"),
                   null().label("state"), r.c.root_cause.label("text"),
                   null().label("corrects"), o.c.visit_uuid.label("visit_uuid"),
                   o.c.customer_id.label("customer_id"))
            .select_from(r.join(o, o.c.uuid == r.c.outcome_uuid)))
    if customer_id is not None:
        stmt = stmt.where(o.c.customer_id == customer_id)
    return stmt


def _voids(customer_id: int | None = None):
    """Receipts the office voided (store/receipt_repo.take_voids; a laptop holds no other
    receipts): the reason, with the receipt number as the note's state."""
    t = ReceiptRow.__table__
    stmt = select(literal(VOID, String).label("kind"), t.c.receipt_no.label("id"),
                  t.c.state_at.label("at"), t.c.state_by.label("actor"),
                  t.c.receipt_no.label("state"), t.c.reason.label("text"),
                  null().label("corrects"),
                  func.nullif(t.c.visit_uuid, "").label("visit_uuid"),  # a payment off a visit
                  t.c.customer_id.label("customer_id")).where(t.c.state == VOIDED)
    if customer_id is not None:
        stmt = stmt.where(t.c.customer_id == customer_id)
    return stmt


# Each kind's rows as the same columns: kind, id, at, actor, state, text, corrects,
# visit_uuid, customer_id (when the note is about a customer rather than a record); called
# with a customer id, only the notes about that customer.
SOURCES = {REVIEW: _reviews, RESOLUTION: _resolutions, VOID: _voids}


def _notes(customer_id: int | None = None):
    parts = [SOURCES[kind](customer_id) for kind in KINDS]
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery("note")


def _read_join(note):
    r = OfficeNoteReadRow.__table__
    return r, and_(r.c.kind == note.c.kind, r.c.note_id == note.c.id)


def _select(note):
    v, c = VisitRow.__table__, CustomerRow.__table__
    r, on_read = _read_join(note)
    customer = func.coalesce(note.c.customer_id, v.c.customer_id)
    return (select(note, v.c.started_at.label("visit_at"), v.c.kind.label("visit_kind"),
                   c.c.id.label("cid"), c.c.code, c.c.name, r.c.read_at)
            .select_from(note.outerjoin(v, v.c.uuid == note.c.visit_uuid)
                         .outerjoin(c, c.c.id == customer).outerjoin(r, on_read)))


def _note(row, zone: tzinfo) -> Note:
    return Note(row.kind, row.id, from_text(row.at, zone), row.actor or "", row.state,
                row.text or "", row.corrects, row.read_at is not None, row.visit_uuid,
                from_text(row.visit_at, zone) if row.visit_at else None, row.visit_kind,
                row.cid, row.code or "", row.name or "")


def newest(session, zone: tzinfo, limit: int) -> list[Note]:
    """Up to ``limit`` notes, newest first, times in ``zone``."""
    note = _notes()
    stmt = _select(note).order_by(note.c.at.desc(), note.c.id.desc()).limit(limit)
    return [_note(row, zone) for row in session.execute(stmt)]


def of_customer(session, customer_id: int, zone: tzinfo) -> list[Note]:
    """Every note on a customer's records (the visit history's review column)."""
    note = _notes(customer_id)
    stmt = _select(note).order_by(note.c.at, note.c.id)
    return [_note(row, zone) for row in session.execute(stmt)]


def unread_count(session) -> int:
    note = _notes()
    r, on_read = _read_join(note)
    return session.execute(select(func.count()).select_from(note.outerjoin(r, on_read))
                           .where(r.c.note_id.is_(None))).scalar() or 0


def unread_keys(session) -> list[tuple[str, str]]:
    note = _notes()
    r, on_read = _read_join(note)
    return [tuple(k) for k in session.execute(
        select(note.c.kind, note.c.id).select_from(note.outerjoin(r, on_read))
        .where(r.c.note_id.is_(None)))]


def mark_read(session, keys: list[tuple[str, str]], at: str) -> int:
    """Read marks for the notes ``keys`` names (kind, id) that have none yet; how many new."""
    r = OfficeNoteReadRow.__table__
    wanted = list(dict.fromkeys(tuple(k) for k in keys))
    held = set()
    for kind in {k for k, _ in wanted}:
        ids = [i for k, i in wanted if k == kind]
        for start in range(0, len(ids), _CHUNK):
            held.update((kind, i) for i in session.execute(select(r.c.note_id).where(
                r.c.kind == kind, r.c.note_id.in_(ids[start:start + _CHUNK]))).scalars())
    new = [{"kind": k, "note_id": i, "read_at": at} for k, i in wanted if (k, i) not in held]
    if new:
        session.execute(insert(r), new)
    return len(new)
