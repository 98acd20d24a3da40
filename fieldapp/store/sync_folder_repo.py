"""What the office's sync folder needs from the store: acks written, packs due, the status line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from .bundle_repo import IMPORTED, QUARANTINED
from .tables import AckOutRow, BundleInRow, CollectorRow, DeviceRow, PackOutRow


@dataclass(frozen=True)
class Status:
    """The newest bundle received (stored UTC text, None before the first) and how many sit
    in quarantine."""

    last_received_at: str | None
    quarantined: int


def status(session) -> Status:
    last = session.execute(select(func.max(BundleInRow.received_at))).scalar()
    count = session.execute(select(func.count()).select_from(BundleInRow)
                            .where(BundleInRow.status == QUARANTINED)).scalar()
    return Status(last, int(count or 0))


def ack_due(session, arrived: set[str]) -> dict[str, int]:
    """{device: highest imported seq} for every enrolled, unrevoked laptop whose highest
    imported seq is past its last ack, or that sent something in this run (a duplicate means
    the laptop has not seen the ack yet)."""
    last = (select(BundleInRow.device.label("device"), func.max(BundleInRow.seq).label("seq"))
            .where(BundleInRow.status == IMPORTED).group_by(BundleInRow.device).subquery())
    rows = session.execute(
        select(DeviceRow.id, last.c.seq, AckOutRow.seq)
        .join(last, last.c.device == DeviceRow.id)
        .outerjoin(AckOutRow, AckOutRow.device_id == DeviceRow.id)
        .where(DeviceRow.revoked_at.is_(None)))
    return {device: seq for device, seq, acked in rows
            if seq and (acked is None or seq > acked or device in arrived)}


_UPSERT = text("INSERT INTO ack_out (device_id, seq, written_at) VALUES (:d, :s, :w) "
               "ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq, "
               "written_at = excluded.written_at")


def record_ack(session, device: str, seq: int, at: str) -> None:
    session.execute(_UPSERT, {"d": device, "s": seq, "w": at})


def pack_due(session, older_than: str | None) -> list[str]:
    """Names of the collectors with an enrolled, unrevoked laptop that has no pack yet or
    whose newest pack was written before ``older_than`` (every such collector when None)."""
    newest = (select(PackOutRow.device_id.label("device"),
                     func.max(PackOutRow.created_at).label("at"))
              .group_by(PackOutRow.device_id).subquery())
    query = (select(CollectorRow.name).distinct()
             .join(DeviceRow, DeviceRow.collector_id == CollectorRow.id)
             .outerjoin(newest, newest.c.device == DeviceRow.id)
             .where(DeviceRow.revoked_at.is_(None)).order_by(CollectorRow.name))
    if older_than is not None:
        query = query.where((newest.c.at.is_(None)) | (newest.c.at < older_than))
    return list(session.execute(query).scalars())
