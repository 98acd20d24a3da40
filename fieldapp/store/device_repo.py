"""Enrolled devices in the office store: add or re-certify, look up, revoke, list."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.devices import Device
from ..domain.instants import UTC, from_text
from .tables import CollectorRow, DeviceRow


def collector_id(session, name: str) -> str | None:
    """The id of the collector called ``name`` (names are unique), or None."""
    return session.execute(select(CollectorRow.id).where(CollectorRow.name == name)).scalar()


def _device(row: DeviceRow, collector_name: str) -> Device:
    return Device(row.id, row.collector_id, collector_name, row.certificate,
                  from_text(row.enrolled_at, UTC),
                  from_text(row.revoked_at, UTC) if row.revoked_at else None,
                  row.revoked_reason or "")


def _query():
    return select(DeviceRow, CollectorRow.name).join(
        CollectorRow, CollectorRow.id == DeviceRow.collector_id)


def get(session, device_id: str) -> Device | None:
    found = session.execute(_query().where(DeviceRow.id == device_id)).first()
    return _device(*found) if found else None


def matching(session, prefix: str) -> list[Device]:
    """Devices whose id starts with ``prefix`` (people type the first characters)."""
    pattern = prefix.replace("\\", "").replace("%", "").replace("_", "") + "%"
    rows = session.execute(_query().where(DeviceRow.id.like(pattern)).order_by(DeviceRow.id))
    return [_device(*r) for r in rows]


def put(session, device_id: str, collector: str, certificate_pem: str, at: str) -> None:
    """Record a new device, or the new certificate of a device enrolled again."""
    row = session.get(DeviceRow, device_id)
    if row is None:
        session.add(DeviceRow(id=device_id, collector_id=collector, certificate=certificate_pem,
                              enrolled_at=at))
    else:
        row.collector_id, row.certificate, row.enrolled_at = collector, certificate_pem, at


def revoke(session, device_id: str, at: str, reason: str) -> None:
    row = session.get(DeviceRow, device_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at, row.revoked_reason = at, reason


def all_devices(session) -> list[Device]:
    rows = session.execute(_query().order_by(CollectorRow.name, DeviceRow.enrolled_at))
    return [_device(*r) for r in rows]


def revoked(session) -> list[Device]:
    rows = session.execute(_query().where(DeviceRow.revoked_at.is_not(None))
                           .order_by(DeviceRow.revoked_at, DeviceRow.id))
    return [_device(*r) for r in rows]
