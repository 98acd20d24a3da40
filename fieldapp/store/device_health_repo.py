"""What the office knows of each enrolled laptop: its last bundle, gaps, packs, quarantine."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, delete, func, select

from .bundle_repo import HELD, IMPORTED, QUARANTINED, Received, _received
from .tables import AckOutRow, BundleInRow, CollectorRow, DeviceRow, PackOutRow


@dataclass(frozen=True)
class Laptop:
    """One enrolled laptop; instants are the stored UTC text (None when there is none)."""

    device: str
    collector: str
    enrolled_at: str
    revoked_at: str | None
    last_seq: int | None
    last_received_at: str | None
    held: int
    quarantined: int
    pack_version: int | None
    pack_confirmed_at: str | None
    last_sent_at: str | None  # the last imported bundle's own time, by the laptop's clock
    first_held: int | None  # the lowest seq held for a gap: last_seq + 1 … first_held - 1 missing
    ack_seq: int | None  # the last acknowledgement written for the laptop
    ack_written_at: str | None


def _count(status: str):
    return (select(BundleInRow.device.label("device"), func.count().label("n"))
            .where(BundleInRow.status == status).group_by(BundleInRow.device).subquery())


def laptops(session) -> list[Laptop]:
    """Every enrolled laptop with its health, by collector then device id."""
    last = (select(BundleInRow.device.label("device"), func.max(BundleInRow.seq).label("seq"))
            .where(BundleInRow.status == IMPORTED).group_by(BundleInRow.device).subquery())
    pack = (select(PackOutRow.device_id.label("device"), func.max(PackOutRow.version)
                   .label("version")).group_by(PackOutRow.device_id).subquery())
    held, quarantined = _count(HELD), _count(QUARANTINED)
    first_held = (select(BundleInRow.device.label("device"), func.min(BundleInRow.seq)
                         .label("seq")).where(BundleInRow.status == HELD)
                  .group_by(BundleInRow.device).subquery())
    received = BundleInRow.__table__.alias("received")
    rows = session.execute(
        select(DeviceRow.id, CollectorRow.name, DeviceRow.enrolled_at, DeviceRow.revoked_at,
               last.c.seq, received.c.received_at, func.coalesce(held.c.n, 0),
               func.coalesce(quarantined.c.n, 0), pack.c.version, PackOutRow.confirmed_at,
               received.c.sent_at, first_held.c.seq, AckOutRow.seq, AckOutRow.written_at)
        .join(CollectorRow, CollectorRow.id == DeviceRow.collector_id)
        .outerjoin(last, last.c.device == DeviceRow.id)
        .outerjoin(received, and_(received.c.device == DeviceRow.id,
                                  received.c.seq == last.c.seq,
                                  received.c.status == IMPORTED))
        .outerjoin(held, held.c.device == DeviceRow.id)
        .outerjoin(quarantined, quarantined.c.device == DeviceRow.id)
        .outerjoin(first_held, first_held.c.device == DeviceRow.id)
        .outerjoin(AckOutRow, AckOutRow.device_id == DeviceRow.id)
        .outerjoin(pack, pack.c.device == DeviceRow.id)
        .outerjoin(PackOutRow, and_(PackOutRow.device_id == DeviceRow.id,
                                    PackOutRow.version == pack.c.version))
        .order_by(CollectorRow.name, DeviceRow.id))
    return [Laptop(*row) for row in rows]


def received(session, device: str | None = None, limit: int = 1000) -> list[Received]:
    """Bundles received, newest first; of one laptop when ``device`` is given."""
    query = select(BundleInRow).order_by(BundleInRow.received_at.desc(),
                                         BundleInRow.seq.desc()).limit(limit)
    if device is not None:
        query = query.where(BundleInRow.device == device)
    return [_received(r) for r in session.execute(query).scalars()]


def get(session, row_id: str) -> Received | None:
    row = session.get(BundleInRow, row_id)
    return _received(row) if row is not None else None


def delete_unsettled(session, row_id: str) -> bool:
    """Remove a held or quarantined row (an imported one is the office's record: kept)."""
    result = session.execute(delete(BundleInRow).where(
        BundleInRow.id == row_id, BundleInRow.status.in_((HELD, QUARANTINED))))
    return result.rowcount > 0
