"""The office's bundles received (bundle_in): what each file became, the bytes of those held
for a gap or quarantined, and each device's last imported bundle."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from .tables import BundleInRow

IMPORTED, DUPLICATE, HELD, QUARANTINED = "imported", "duplicate", "held", "quarantined"


@dataclass(frozen=True)
class Received:
    id: str
    bundle_id: str | None
    device: str | None
    seq: int | None
    sha256: str
    status: str
    reason: str
    detail: str
    records: int
    file_name: str
    received_at: str
    data: bytes | None


def _received(row: BundleInRow) -> Received:
    return Received(row.id, row.bundle_id, row.device, row.seq, row.sha256, row.status,
                    row.reason, row.detail, row.records, row.file_name, row.received_at,
                    row.data)


def with_sha(session, sha256: str) -> list[Received]:
    rows = session.execute(select(BundleInRow).where(BundleInRow.sha256 == sha256)).scalars()
    return [_received(r) for r in rows]


def at_seq(session, device: str, seq: int) -> list[Received]:
    """Imported or held bundles of ``device`` numbered ``seq``."""
    rows = session.execute(select(BundleInRow).where(
        BundleInRow.device == device, BundleInRow.seq == seq,
        BundleInRow.status.in_((IMPORTED, HELD)))).scalars()
    return [_received(r) for r in rows]


def last_imported(session, device: str) -> tuple[int, str]:
    """(seq, sha256) of the device's highest imported bundle: imports go in order, so every
    seq below it is imported too; (0, '') before the first."""
    seq = session.execute(select(func.max(BundleInRow.seq)).where(
        BundleInRow.device == device, BundleInRow.status == IMPORTED)).scalar()
    if not seq:
        return 0, ""
    sha = session.execute(select(BundleInRow.sha256).where(
        BundleInRow.device == device, BundleInRow.seq == seq,
        BundleInRow.status == IMPORTED)).scalar()
    return seq, sha


def held_next(session, device: str, seq: int) -> Received | None:
    row = session.execute(select(BundleInRow).where(
        BundleInRow.device == device, BundleInRow.seq == seq,
        BundleInRow.status == HELD).limit(1)).scalar()
    return _received(row) if row else None


def record(session, *, sha256: str, status: str, at: str, file_name: str,
           bundle_id: str | None = None, device: str | None = None, seq: int | None = None,
           reason: str = "", detail: str = "", records: int = 0,
           data: bytes | None = None, sent_at: str | None = None) -> None:
    """Write what a file became. A file held or quarantined before keeps its one row (Retry
    moves it on); bytes are kept only while held or quarantined. ``sent_at``: the manifest's
    created_at (the laptop's own clock)."""
    keep = data if status in (HELD, QUARANTINED) else None
    row = None
    if status != DUPLICATE:
        row = session.execute(select(BundleInRow).where(
            BundleInRow.sha256 == sha256,
            BundleInRow.status.in_((HELD, QUARANTINED))).limit(1)).scalar()
    if row is None:
        row = BundleInRow(sha256=sha256)
        session.add(row)
    row.bundle_id, row.device, row.seq = bundle_id, device, seq
    row.status, row.reason, row.detail, row.records = status, reason, detail, records
    row.file_name, row.received_at, row.data = file_name, at, keep
    row.sent_at = sent_at


def all_received(session) -> list[Received]:
    rows = session.execute(select(BundleInRow).order_by(BundleInRow.received_at,
                                                        BundleInRow.device, BundleInRow.seq))
    return [_received(r) for r in rows.scalars()]
