"""Collectors in the office database: read, add, change, delete, and what each one carries."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select, text
from sqlalchemy.exc import IntegrityError

from ..domain.collectors import Collector, CollectorDevice, CollectorLoad
from ..domain.errors import InvalidValue, NotFound
from ..domain.instants import UTC, from_text
from ..domain.money import Money
from .tables import AssignmentLogRow, CollectorRow, CustomerRow, DeviceRow, RouteStopRow


def _collector(row: CollectorRow, devices=()) -> Collector:
    return Collector(row.id, row.name, row.phone, row.language, bool(row.active),
                     from_text(row.created_at, UTC), tuple(devices))


def _devices(session, collector_id: str | None = None) -> dict[str, list[CollectorDevice]]:
    """The enrolled laptops per collector (of one, or of all), oldest first."""
    stmt = select(DeviceRow.collector_id, DeviceRow.id, DeviceRow.enrolled_at,
                  DeviceRow.revoked_at).order_by(DeviceRow.enrolled_at, DeviceRow.id)
    if collector_id is not None:
        stmt = stmt.where(DeviceRow.collector_id == collector_id)
    found: dict[str, list[CollectorDevice]] = {}
    for owner, device_id, enrolled_at, revoked_at in session.execute(stmt):
        found.setdefault(owner, []).append(CollectorDevice(
            device_id, from_text(enrolled_at, UTC), revoked_at is not None))
    return found


def _with_devices(session, row: CollectorRow) -> Collector:
    return _collector(row, _devices(session, row.id).get(row.id, ()))


def all_collectors(session, include_inactive: bool = True) -> list[Collector]:
    stmt = select(CollectorRow).order_by(CollectorRow.name)
    if not include_inactive:
        stmt = stmt.where(CollectorRow.active.is_(True))
    rows = list(session.scalars(stmt))
    devices = _devices(session) if rows else {}
    return [_collector(r, devices.get(r.id, ())) for r in rows]


def find(session, key: str) -> Collector:
    """A collector by id or by exact name; NotFound names what was asked for."""
    row = session.scalars(select(CollectorRow).where(
        or_(CollectorRow.id == key, CollectorRow.name == key))).first()
    if row is None:
        raise NotFound("collector.not_found", collector=key)
    return _with_devices(session, row)


def names(session) -> dict[str, str]:
    return dict(session.execute(select(CollectorRow.id, CollectorRow.name)).all())


def add(session, collector: Collector, created_at: str) -> Collector:
    _name_free(session, collector.name)
    session.add(CollectorRow(id=collector.id, name=collector.name, phone=collector.phone,
                             language=collector.language, active=collector.active,
                             created_at=created_at))
    _flush(session, collector.name)
    return find(session, collector.id)


def update(session, collector_id: str, **values) -> Collector:
    row = session.get(CollectorRow, collector_id, with_for_update=True)
    if row is None:
        raise NotFound("collector.not_found", collector=collector_id)
    if "name" in values and values["name"] != row.name:
        _name_free(session, values["name"])
    for key, value in values.items():
        setattr(row, key, value)
    _flush(session, row.name)
    return _with_devices(session, row)


def delete(session, collector_id: str) -> None:
    session.execute(CollectorRow.__table__.delete().where(CollectorRow.id == collector_id))


def customer_count(session, collector_id: str) -> int:
    return session.scalar(select(func.count()).select_from(CustomerRow)
                          .where(CustomerRow.collector_id == collector_id))


def has_history(session, collector_id: str) -> bool:
    """Named in the assignment log or on a route: the history would lose who it was."""
    logged = select(AssignmentLogRow.id).where(or_(
        AssignmentLogRow.from_collector == collector_id,
        AssignmentLogRow.to_collector == collector_id)).limit(1)
    routed = select(RouteStopRow.id).where(RouteStopRow.collector_id == collector_id).limit(1)
    return (session.scalar(logged) is not None) or (session.scalar(routed) is not None)


def _name_free(session, name: str) -> None:
    if session.scalar(select(CollectorRow.id).where(CollectorRow.name == name)) is not None:
        raise InvalidValue("collector.name_taken", name=name)


def _flush(session, name: str) -> None:
    """Another supervisor may have taken the name between our check and our write: the unique
    index says so, and it is worded like the check's refusal."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise InvalidValue("collector.name_taken", name=name) from exc


_LOADS = """
SELECT c.collector_id, COUNT(*) AS n FROM customer c
WHERE c.collector_id IS NOT NULL GROUP BY c.collector_id"""
_OVERDUE = """
SELECT c.collector_id, i.currency, SUM(i.open_minor) FROM customer c
JOIN invoice i ON i.customer_id = c.id
WHERE c.collector_id IS NOT NULL AND i.open_minor != 0 AND i.due_on < :today
GROUP BY c.collector_id, i.currency ORDER BY c.collector_id, i.currency"""
_FOLLOW_UPS = """
SELECT c.collector_id, COUNT(*) FROM customer c JOIN outcome o ON o.customer_id = c.id
WHERE c.collector_id IS NOT NULL AND o.superseded_by IS NULL AND o.resolved = FALSE
GROUP BY c.collector_id"""


def loads(session, today: date, include_inactive: bool = True) -> list[CollectorLoad]:
    """Every collector with their number of customers and overdue balance per currency."""
    conn = session.connection()
    counts = dict(conn.execute(text(_LOADS)).all())
    day = today.isoformat() if conn.dialect.name == "sqlite" else today
    overdue: dict[str, list[Money]] = {}
    for cid, currency, minor in conn.execute(text(_OVERDUE), {"today": day}):
        overdue.setdefault(cid, []).append(Money(int(minor), currency))
    follow_ups = dict(conn.execute(text(_FOLLOW_UPS)).all())
    return [CollectorLoad(c, int(counts.get(c.id, 0)), tuple(overdue.get(c.id, ())),
                          int(follow_ups.get(c.id, 0)))
            for c in all_collectors(session, include_inactive)]

