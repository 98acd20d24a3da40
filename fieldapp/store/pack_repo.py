"""The office's side of assignment packs: a collector's customers with everything a laptop holds
about them, as plain JSON-ready dicts keyed by codes and numbers (ids stay in each database),
and the packs written per device."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import func, select

from .tables import Base, DeviceRow, PackOutRow

_T = Base.metadata.tables
# Columns that are a database's own (ids, foreign keys, the office's assignment) never travel.
_LOCAL = {"id", "customer_id", "contract_id", "invoice_id", "payment_id", "collector_id"}
CHILDREN = ("contact", "contract", "invoice", "delivery", "payment")


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


@lru_cache(maxsize=None)
def _travelling(table: str) -> tuple[tuple[int, str], ...]:
    """(position in ``select(table)``, name) of the columns that travel."""
    return tuple((i, c.name) for i, c in enumerate(_T[table].columns)
                 if c.name not in _LOCAL or (table == "payment" and c.name == "id"))


def _dict(row, table: str) -> dict:
    # By position: a pack is some twenty thousand rows, and a lookup by name per value was
    # most of the time a pack took to build.
    return {name: _plain(row[i]) for i, name in _travelling(table)}


def collector_customers(conn, collector_id: str, route_from: date) -> tuple[list, list, list]:
    """(customers with their children, route stops from ``route_from`` on, outcome statuses)."""
    cust = _T["customer"]
    rows = conn.execute(select(cust).where(cust.c.collector_id == collector_id)
                        .order_by(cust.c.code)).all()
    by_id = {r.id: dict(_dict(r, "customer"), **{k: [] for k in CHILDREN}) for r in rows}
    ids = list(by_id)
    if not ids:
        return [], [], []
    numbers = {}  # (table, id) -> the key another row names it by
    for table in ("contract", "invoice"):
        for r in _children(conn, table, ids):
            numbers[(table, r.id)] = r.number
    for table in CHILDREN:
        for r in _children(conn, table, ids):
            item = _dict(r, table)
            for ref in ("contract", "invoice"):
                if f"{ref}_id" in r._mapping:
                    item[ref] = numbers.get((ref, r._mapping[f"{ref}_id"]))
            by_id[r.customer_id][table].append(item)
    _allocations(conn, by_id, numbers)
    return list(by_id.values()), _stops(conn, collector_id, by_id, route_from), \
        _outcomes(conn, ids, {i: c["code"] for i, c in by_id.items()})


def _children(conn, table: str, ids):
    t = _T[table]
    order = t.c.id
    for start in range(0, len(ids), 500):
        yield from conn.execute(select(t).where(t.c.customer_id.in_(ids[start:start + 500]))
                                .order_by(order))


def _allocations(conn, by_id: dict, numbers: dict) -> None:
    payments = {p["id"]: p for c in by_id.values() for p in c["payment"]}
    for p in payments.values():
        p["allocations"] = []
    keys = list(payments)
    a = _T["allocation"]
    for start in range(0, len(keys), 500):
        for r in conn.execute(select(a).where(a.c.payment_id.in_(keys[start:start + 500]))
                              .order_by(a.c.id)):
            payments[r.payment_id]["allocations"].append(
                {"id": r.id, "invoice": numbers.get(("invoice", r.invoice_id)),
                 "amount_minor": r.amount_minor})


def _stops(conn, collector_id: str, by_id: dict, route_from: date) -> list[dict]:
    s = _T["route_stop"]
    rows = conn.execute(select(s).where(s.c.collector_id == collector_id,
                                        s.c.route_date >= route_from)
                        .order_by(s.c.route_date, s.c.seq))
    return [{"route_date": r.route_date.isoformat(), "seq": r.seq, "planned_time": r.planned_time,
             "purpose": r.purpose, "customer": by_id[r.customer_id]["code"]}
            for r in rows if r.customer_id in by_id]


def _outcomes(conn, ids, codes: dict) -> list[dict]:
    """What the office knows of promises and disputes (kept, broken, resolved, superseded),
    each with its customer's code (a delta carries those of the customers it carries)."""
    o = _T["outcome"]
    found = []
    for start in range(0, len(ids), 500):
        found += [{"uuid": r.uuid, "resolved": bool(r.resolved), "superseded_by": r.superseded_by,
                   "customer": codes[r.customer_id]}
                  for r in conn.execute(select(o.c.uuid, o.c.resolved, o.c.superseded_by,
                                               o.c.customer_id)
                                        .where(o.c.customer_id.in_(ids[start:start + 500]),
                                               o.c.kind.in_(("promise", "installment_plan", "dispute")))
                                        .order_by(o.c.uuid))]
    return found


def devices_of(session, collector_id: str) -> list[str]:
    """The collector's enrolled devices that are not revoked."""
    return list(session.execute(select(DeviceRow.id).where(
        DeviceRow.collector_id == collector_id, DeviceRow.revoked_at.is_(None))
        .order_by(DeviceRow.id)).scalars())


def last_pack(session, device_id: str) -> PackOutRow | None:
    top = session.execute(select(func.max(PackOutRow.version))
                          .where(PackOutRow.device_id == device_id)).scalar()
    return session.get(PackOutRow, (device_id, top)) if top else None


def add_pack(session, **values) -> None:
    session.add(PackOutRow(**values))


def confirm(session, device_id: str, version: int, at: str) -> int:
    """Mark the device's packs up to ``version`` confirmed; how many were newly confirmed."""
    rows = session.execute(select(PackOutRow).where(
        PackOutRow.device_id == device_id, PackOutRow.version <= version,
        PackOutRow.confirmed_at.is_(None))).scalars().all()
    for row in rows:
        row.confirmed_at = at
    return len(rows)


def confirmed_version(session, device_id: str) -> int:
    """The newest pack version the device confirmed (0: none)."""
    return session.execute(select(func.max(PackOutRow.version)).where(
        PackOutRow.device_id == device_id, PackOutRow.confirmed_at.is_not(None))).scalar() or 0
