"""The laptop's side of an assignment pack: the office's customers, their master data and the
routes written over what the laptop held from the office, in the caller's transaction, without
touching work made on the laptop (visits, outcomes, documents, payments taken on site)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, delete, func, insert, select, update

from . import search_index
from .tables import Base

_T = Base.metadata.tables
_LOCAL = {"id", "customer_id", "contract_id", "invoice_id", "collector_id"}
# Each child table is matched by its number within the customer (ids are each database's own).
_KEYS = {"contract": "number", "invoice": "number", "delivery": "note_number", "contact": "name"}


@dataclass(frozen=True)
class Applied:
    added: int
    updated: int
    removed: int
    kept: tuple[str, ...]  # codes no longer assigned, kept for the work made on them here
    route_stops: int


def _values(table: str, item: dict) -> dict:
    out = {}
    for col in _T[table].columns:
        if col.name in _LOCAL or col.name not in item:
            continue
        value = item[col.name]
        out[col.name] = date.fromisoformat(value) if isinstance(col.type, Date) and value \
            else value
    return out


def _next_id(conn, table: str) -> int:
    return (conn.execute(select(func.max(_T[table].c.id))).scalar() or 0) + 1


def apply(conn, customers: list, route_stops: list, outcomes: list, route_from: date) -> Applied:
    cust = _T["customer"]
    local = dict(conn.execute(select(cust.c.code, cust.c.id)).all())
    next_id, added, updated, touched = _next_id(conn, "customer"), 0, 0, []
    unsent = _unsent_payments(conn, {p["id"] for c in customers for p in c.get("payment", [])})
    for item in customers:
        values = _values("customer", item)
        cid = local.get(item["code"])
        if cid is None:
            cid, next_id, added = next_id, next_id + 1, added + 1
            conn.execute(insert(cust).values(id=cid, collector_id=None, **values))
            local[item["code"]] = cid
        else:
            updated += 1
            conn.execute(update(cust).where(cust.c.id == cid).values(**values))
        _children(conn, cid, item, unsent.get(cid, {}))
        touched.append(cid)
    assigned = {c["code"] for c in customers}
    removed, kept = _unassigned(conn, {code: i for code, i in local.items()
                                       if code not in assigned})
    stops = _route(conn, route_stops, local, route_from)
    _outcomes(conn, outcomes)
    search_index.refresh(conn, touched)
    return Applied(added, updated, removed, tuple(sorted(kept)), stops)


def _unsent_payments(conn, known: set) -> dict:
    """Per customer, per invoice id: money taken on site the office has not sent back yet (its
    allocation still lowers the invoice's open balance here)."""
    p, a = _T["payment"], _T["allocation"]
    rows = conn.execute(select(p.c.customer_id, p.c.id, a.c.invoice_id, a.c.amount_minor)
                        .join(a, a.c.payment_id == p.c.id).where(p.c.visit_uuid.is_not(None)))
    out: dict = defaultdict(lambda: defaultdict(int))
    for customer_id, payment_id, invoice_id, minor in rows:
        if payment_id not in known:
            out[customer_id][invoice_id] += minor
    return out


def _children(conn, cid: int, item: dict, unsent: dict) -> None:
    ids: dict[str, dict] = {}
    for table in ("contract", "invoice", "delivery", "contact"):
        ids[table] = _upsert(conn, table, cid, item.get(table, []), ids, unsent)
    _payments(conn, cid, item.get("payment", []), ids["invoice"])
    for table in ("contact", "delivery", "invoice", "contract"):
        _drop_missing(conn, table, cid, set(ids[table].values()))


def _upsert(conn, table: str, cid: int, rows: list, ids: dict, unsent: dict) -> dict:
    t, key = _T[table], _KEYS[table]
    held = dict(conn.execute(select(t.c[key], t.c.id).where(t.c.customer_id == cid)).all())
    next_id, done = _next_id(conn, table), {}
    for item in rows:
        values = _values(table, item)
        for ref in ("contract", "invoice"):
            if f"{ref}_id" in t.c:
                values[f"{ref}_id"] = ids.get(ref, {}).get(item.get(ref))
        rid = held.get(item[key])
        if table == "invoice" and rid in unsent:
            values["open_minor"] = values["open_minor"] - unsent[rid]
        if rid is None:
            rid, next_id = next_id, next_id + 1
            conn.execute(insert(t).values(id=rid, customer_id=cid, **values))
        else:
            conn.execute(update(t).where(t.c.id == rid).values(**values))
        done[item[key]] = rid
    return done


def _payments(conn, cid: int, rows: list, invoices: dict) -> None:
    """The office's payments replace those it sent before; money taken here stays until the
    office sends it back."""
    p, a = _T["payment"], _T["allocation"]
    ids = [r["id"] for r in rows]
    conn.execute(delete(a).where(a.c.payment_id.in_(
        select(p.c.id).where(p.c.customer_id == cid, p.c.visit_uuid.is_(None)))))
    conn.execute(delete(a).where(a.c.payment_id.in_(ids)))
    conn.execute(delete(p).where(p.c.customer_id == cid, p.c.visit_uuid.is_(None)))
    conn.execute(delete(p).where(p.c.id.in_(ids)))
    for item in rows:
        conn.execute(insert(p).values(id=item["id"], customer_id=cid, **{
            k: v for k, v in _values("payment", item).items() if k != "id"}))
        for alloc in item.get("allocations", []):
            conn.execute(insert(a).values(id=alloc["id"], payment_id=item["id"],
                                          invoice_id=invoices.get(alloc["invoice"]),
                                          amount_minor=alloc["amount_minor"]))


def _drop_missing(conn, table: str, cid: int, keep: set) -> None:
    """Rows the office no longer sends, unless work made here still points at them."""
    t = _T[table]
    where = [t.c.customer_id == cid, t.c.id.not_in(keep)] if keep else [t.c.customer_id == cid]
    if table == "invoice":
        where.append(t.c.id.not_in(select(_T["allocation"].c.invoice_id)))
        where.append(t.c.id.not_in(select(_T["delivery"].c.invoice_id)
                                   .where(_T["delivery"].c.invoice_id.is_not(None))))
    if table == "contract":
        for other in ("invoice", "delivery"):
            where.append(t.c.id.not_in(select(_T[other].c.contract_id)
                                       .where(_T[other].c.contract_id.is_not(None))))
    conn.execute(delete(t).where(*where))


def _unassigned(conn, gone: dict) -> tuple[int, list[str]]:
    """Customers the office took away: removed, unless this laptop holds work on them."""
    if not gone:
        return 0, []
    ids = list(gone.values())
    busy = set()
    for table, column in (("visit", "customer_id"), ("outcome", "customer_id"),
                          ("document", "customer_id")):
        t = _T[table]
        busy |= set(conn.execute(select(t.c[column]).where(t.c[column].in_(ids))).scalars())
    p = _T["payment"]
    busy |= set(conn.execute(select(p.c.customer_id).where(
        p.c.customer_id.in_(ids), p.c.visit_uuid.is_not(None))).scalars())
    free = [i for i in ids if i not in busy]
    if free:
        p, a = _T["payment"], _T["allocation"]
        conn.execute(delete(a).where(a.c.payment_id.in_(
            select(p.c.id).where(p.c.customer_id.in_(free)))))
        for table in ("payment", "delivery", "invoice", "contract", "contact", "route_stop",
                      "customer_search"):
            t = _T[table]
            conn.execute(delete(t).where(t.c.customer_id.in_(free)))
        conn.execute(delete(_T["customer"]).where(_T["customer"].c.id.in_(free)))
    return len(free), [code for code, i in gone.items() if i in busy]


def _route(conn, stops: list, local: dict, route_from: date) -> int:
    s = _T["route_stop"]
    conn.execute(delete(s).where(s.c.route_date >= route_from))
    first = _next_id(conn, "route_stop")
    rows = [{"id": first + n, "route_date": date.fromisoformat(r["route_date"]), "seq": r["seq"],
             "customer_id": local[r["customer"]], "planned_time": r["planned_time"],
             "purpose": r["purpose"], "collector_id": None}
            for n, r in enumerate(stops) if r["customer"] in local]
    if rows:
        conn.execute(insert(s), rows)
    return len(rows)


def _outcomes(conn, outcomes: list) -> None:
    """The office's word on promises and disputes this laptop recorded (kept, resolved)."""
    o = _T["outcome"]
    for item in outcomes:
        conn.execute(update(o).where(o.c.uuid == item["uuid"]).values(
            resolved=bool(item["resolved"]), superseded_by=item["superseded_by"]))
