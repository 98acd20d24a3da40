"""The laptop's outbox: records not yet in a day bundle, the bundles made, and their acks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select, update

from . import field_events, field_records, master_edits
from .tables import (AllocationRow, AttachmentRow, DocumentRow, MasterEditRow, OutcomeRow,
                     PaymentRow, SyncOutboxRow, SyncSentRow, VisitRow)


@dataclass(frozen=True)
class OutboxState:
    last_seq: int  # 0 before the first bundle
    last_sha256: str  # '' before the first bundle
    acked_seq: int
    waiting: tuple[int, ...]  # seqs whose bytes are kept for want of an ack


def _not_sent(kind: str, column):
    return ~select(SyncSentRow.record_id).where(
        SyncSentRow.kind == kind, SyncSentRow.record_id == column).exists()


@dataclass(frozen=True)
class Unsent:
    kind: str
    id: str
    row: dict  # the columns as JSON values (field_records.as_json)
    blob: tuple[str, bytes] | None  # (member name, bytes) of a document or attachment
    ref: dict | None = None  # the customer code / invoice number its local ids stand for


def _unsent_queries() -> dict:
    """Per kind, the select of every finalized record no earlier bundle held: final visits
    (amendments are visits too), their outcomes, the payments taken on them with their
    allocations, their attachments, and every document."""
    final = select(VisitRow.uuid).where(VisitRow.status == "final")
    return {
        "visit": select(VisitRow).where(VisitRow.status == "final", _not_sent("visit", VisitRow.uuid))
        .order_by(VisitRow.finalized_at, VisitRow.uuid),
        "outcome": select(OutcomeRow).where(OutcomeRow.visit_uuid.in_(final),
                                            _not_sent("outcome", OutcomeRow.uuid))
        .order_by(OutcomeRow.uuid),
        "payment": select(PaymentRow).where(PaymentRow.visit_uuid.in_(final),
                                            _not_sent("payment", PaymentRow.id))
        .order_by(PaymentRow.id),
        "allocation": select(AllocationRow).join(PaymentRow, PaymentRow.id == AllocationRow.payment_id)
        .where(PaymentRow.visit_uuid.in_(final), _not_sent("allocation", AllocationRow.id))
        .order_by(AllocationRow.id),
        "document": select(DocumentRow).where(_not_sent("document", DocumentRow.id))
        .order_by(DocumentRow.created_at, DocumentRow.id),
        "attachment": select(AttachmentRow).where(AttachmentRow.visit_uuid.in_(final),
                                                  _not_sent("attachment", AttachmentRow.uuid))
        .order_by(AttachmentRow.uuid),
    }


def unsent(session) -> list[Unsent]:
    """(kind, row) of every record the next day bundle would hold (``_unsent_queries``)."""
    queries = _unsent_queries()
    out = []
    for kind in field_records.KINDS:
        key = field_records.key_name(kind)
        out.extend(Unsent(kind, getattr(row, key), field_records.as_json(kind, row),
                          field_records.blob_of(kind, row))
                   for row in session.execute(queries[kind]).scalars())
    refs = field_records.references(session, [(u.kind, u.row) for u in out])
    return [Unsent(u.kind, u.id, u.row, u.blob, ref) for u, ref in zip(out, refs)] + \
        _events(session)


def _events(session) -> list[Unsent]:
    """Master-data edits not sent yet, and outcomes superseded (by an amendment) after a bundle
    held them: that change of state travels on its own, once."""
    edits = session.execute(master_edits.unsent_query().where(
        _not_sent(field_events.MASTER_EDIT, MasterEditRow.uuid))).scalars()
    out = [Unsent(field_events.MASTER_EDIT, row.uuid,
                  field_events.edit_json(master_edits.as_edit(row)), None) for row in edits]
    states = session.execute(select(OutcomeRow.uuid, OutcomeRow.superseded_by).where(
        OutcomeRow.superseded_by.is_not(None), ~_not_sent("outcome", OutcomeRow.uuid),
        _not_sent(field_events.OUTCOME_STATE, OutcomeRow.uuid)).order_by(OutcomeRow.uuid))
    out += [Unsent(field_events.OUTCOME_STATE, uuid, field_events.state_json(uuid, by), None)
            for uuid, by in states]
    return out


def sent_keys(unsent: list[Unsent]) -> list[tuple[str, str]]:
    """What a bundle of ``unsent`` holds: each record, and the state of every outcome that
    travelled already superseded (no separate state record is due for it later)."""
    keys = [(u.kind, u.id) for u in unsent]
    keys += [(field_events.OUTCOME_STATE, u.id) for u in unsent
             if u.kind == "outcome" and u.row.get("superseded_by")]
    return keys


def unsent_count(session) -> int:
    """How many records the next day bundle would hold: the big kinds counted without reading
    them; the few master-data edits and outcome states read (they are small and rare)."""
    return sum(session.execute(select(func.count()).select_from(q.order_by(None).subquery())
                               ).scalar() or 0 for q in _unsent_queries().values()) + \
        len(_events(session))


def state(session) -> OutboxState:
    last = session.execute(select(SyncOutboxRow).order_by(SyncOutboxRow.seq.desc()).limit(1)
                           ).scalar()
    acked = session.execute(select(func.max(SyncOutboxRow.seq)).where(
        SyncOutboxRow.acked_at.is_not(None))).scalar() or 0
    waiting = session.execute(select(SyncOutboxRow.seq).where(
        SyncOutboxRow.acked_at.is_(None)).order_by(SyncOutboxRow.seq)).scalars()
    return OutboxState(last.seq if last else 0, last.sha256 if last else "", acked,
                       tuple(waiting))


def add(session, seq: int, bundle_id: str, sha256: str, created_at: str, data: bytes,
        sent: list[tuple[str, str]]) -> None:
    session.add(SyncOutboxRow(seq=seq, bundle_id=bundle_id, sha256=sha256,
                              created_at=created_at, records=len(sent), data=data))
    session.flush()
    if sent:  # a bundle may only report the pack applied here
        session.execute(SyncSentRow.__table__.insert(),
                        [{"kind": k, "record_id": i, "seq": seq} for k, i in sent])


def waiting_bundles(session) -> list[tuple[int, bytes]]:
    rows = session.execute(select(SyncOutboxRow.seq, SyncOutboxRow.data).where(
        SyncOutboxRow.acked_at.is_(None)).order_by(SyncOutboxRow.seq))
    return [(seq, data) for seq, data in rows]


def acknowledge(session, seq: int, at: str) -> int:
    """Mark every bundle up to ``seq`` acked and drop its bytes; returns how many were pruned."""
    done = session.execute(update(SyncOutboxRow).where(
        and_(SyncOutboxRow.seq <= seq, SyncOutboxRow.acked_at.is_(None)))
        .values(acked_at=at, data=None))
    return done.rowcount or 0
