"""The laptop's side of an assignment pack: the office's customers, their master data and the
routes written over what the laptop held from the office, in the caller's transaction, without
touching work made on the laptop (visits, outcomes, documents, payments taken on site). A full
pack names the whole assignment (customers not in it are taken away); a delta names the
customers it changes and those it takes away, and leaves every other customer as it is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, bindparam, delete, func, insert, select, update

from . import receipt_repo, search_index
from .tables import Base

_T = Base.metadata.tables
_LOCAL = {"id", "customer_id", "contract_id", "invoice_id", "collector_id"}
# Each child table is matched by its number within the customer (ids are each database's own).
_KEYS = {"contract": ("number",), "invoice": ("number",), "delivery": ("note_number",),
         "contact": ("name", "phone")}


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


def apply(conn, customers: list, route_stops: list, outcomes: list, route_from: date,
          removed: list | None = None) -> Applied:
    """Set-wise (one statement per table and kind of change): a 300-customer pack is some
    twenty thousand rows, and a statement per row would take seconds. ``removed`` is None for
    a full pack, else the codes a delta takes away."""
    cust = _T["customer"]
    local = dict(conn.execute(select(cust.c.code, cust.c.id)).all())
    known = {p["id"] for c in customers for p in c.get("payment", [])}
    unsent = _unsent_allocations(conn, known)
    disputed = _unsent_disputes(conn, {x["uuid"] for x in outcomes})
    next_id, new, changed, cids = _next_id(conn, "customer"), [], [], []
    for item in customers:
        values = _values("customer", item)
        cid = local.get(item["code"])
        if cid is None:
            cid, next_id = next_id, next_id + 1
            new.append({"id": cid, "collector_id": None, **values})
            local[item["code"]] = cid
        else:
            changed.append({"_id": cid, **values})
        cids.append(cid)
    _write(conn, "customer", new, changed)
    ids: dict[str, dict] = {}
    for table in ("contract", "invoice", "delivery", "contact"):
        ids[table] = _upsert(conn, table, customers, cids, ids, unsent, disputed)
    _payments(conn, customers, cids, ids["invoice"], known)
    for table in ("contact", "delivery", "invoice", "contract"):
        _drop_missing(conn, table, cids, set(ids[table].values()))
    if removed is None:
        assigned = {c["code"] for c in customers}
        gone = {code: i for code, i in local.items() if code not in assigned}
    else:
        gone = {code: local[code] for code in removed if code in local}
    removed, kept = _unassigned(conn, gone)
    stops = _route(conn, route_stops, local, route_from)
    _outcomes(conn, outcomes)
    search_index.refresh(conn, cids)
    return Applied(len(new), len(changed), removed, tuple(sorted(kept)), stops)


def _chunks(values, size: int = 500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _write(conn, table: str, new: list, changed: list) -> None:
    t = _T[table]
    if new:
        conn.execute(insert(t), new)
    if changed:
        # Bound names differ from the columns': SQLAlchemy keeps those for its own SET clause.
        columns = [k for k in changed[0] if k != "_id"]
        conn.execute(update(t).where(t.c.id == bindparam("_id"))
                     .values({c: bindparam(f"_v_{c}") for c in columns}),
                     [{"_id": r["_id"], **{f"_v_{c}": r[c] for c in columns}} for r in changed])


def _unsent_allocations(conn, known: set) -> dict:
    """Per invoice id: money taken on site the office has not sent back yet (its allocation
    still lowers the invoice's open balance here), unless the office voided its receipt."""
    p, a = _T["payment"], _T["allocation"]
    rows = conn.execute(select(p.c.id, a.c.invoice_id, a.c.amount_minor)
                        .join(a, a.c.payment_id == p.c.id).where(p.c.visit_uuid.is_not(None),
                                                                 receipt_repo.counts(p.c.id)))
    out: dict = defaultdict(int)
    for payment_id, invoice_id, minor in rows:
        if payment_id not in known:
            out[invoice_id] += minor
    return out


def _unsent_disputes(conn, known: set) -> set:
    """Invoices marked disputed here by a dispute the office does not know yet: the mark stays."""
    i, o = _T["invoice"], _T["outcome"]
    customers = {c for c, u in conn.execute(select(o.c.customer_id, o.c.uuid)
                                           .where(o.c.kind == "dispute")) if u not in known}
    if not customers:
        return set()
    found = set()
    for part in _chunks(customers):
        found |= set(conn.execute(select(i.c.id).where(i.c.customer_id.in_(part),
                                                       i.c.disputed.is_(True))).scalars())
    return found


def _key(table: str, item) -> tuple:
    return tuple(item[k] for k in _KEYS[table])


def _held(conn, table: str, cids: list) -> dict:
    t = _T[table]
    cols = [t.c.customer_id, *(t.c[k] for k in _KEYS[table]), t.c.id]
    held = {}
    for part in _chunks(cids):
        for row in conn.execute(select(*cols).where(t.c.customer_id.in_(part))):
            held[(row[0], tuple(row[1:-1]))] = row[-1]
    return held


def _upsert(conn, table: str, customers: list, cids: list, ids: dict, unsent: dict,
            disputed: set) -> dict:
    t, held = _T[table], _held(conn, table, cids)
    next_id, done, new, changed = _next_id(conn, table), {}, [], []
    for item, cid in zip(customers, cids):
        for row in item.get(table, []):
            values = _values(table, row)
            for ref in ("contract", "invoice"):
                if f"{ref}_id" in t.c:
                    values[f"{ref}_id"] = ids.get(ref, {}).get((cid, (row.get(ref),)))
            key = (cid, _key(table, row))
            rid = done.get(key) or held.get(key)
            if table == "invoice" and rid in unsent:
                values["open_minor"] = values["open_minor"] - unsent[rid]
            if table == "invoice" and rid in disputed:
                values["disputed"] = True
            if rid is None:
                rid, next_id = next_id, next_id + 1
                new.append({"id": rid, "customer_id": cid, **values})
            elif key not in done:
                changed.append({"_id": rid, **values})
            done[key] = rid
    _write(conn, table, new, changed)
    return done


def _payments(conn, customers: list, cids: list, invoices: dict, known: set) -> None:
    """The office's payments replace those it sent before; money taken here stays until the
    office sends it back."""
    p, a = _T["payment"], _T["allocation"]
    gone = set(known)
    for part in _chunks(cids):
        gone |= set(conn.execute(select(p.c.id).where(p.c.customer_id.in_(part),
                                                      p.c.visit_uuid.is_(None))).scalars())
    for part in _chunks(gone):
        conn.execute(delete(a).where(a.c.payment_id.in_(part)))
        conn.execute(delete(p).where(p.c.id.in_(part)))
    payments, allocations = [], []
    for item, cid in zip(customers, cids):
        for row in item.get("payment", []):
            payments.append({"id": row["id"], "customer_id": cid, **{
                k: v for k, v in _values("payment", row).items() if k != "id"}})
            allocations += [{"id": x["id"], "payment_id": row["id"],
                             "invoice_id": invoices.get((cid, (x["invoice"],))),
                             "amount_minor": x["amount_minor"]}
                            for x in row.get("allocations", [])]
    if payments:
        conn.execute(insert(p), payments)
    if allocations:
        conn.execute(insert(a), allocations)


def _drop_missing(conn, table: str, cids: list, keep: set) -> None:
    """Rows the office no longer sends, unless work made here still points at them."""
    t = _T[table]
    doomed = set()
    for part in _chunks(cids):
        doomed |= set(conn.execute(select(t.c.id).where(t.c.customer_id.in_(part))).scalars())
    doomed -= keep
    refs = {"invoice": (("allocation", "invoice_id"), ("delivery", "invoice_id")),
            "contract": (("invoice", "contract_id"), ("delivery", "contract_id"))}
    for other, column in refs.get(table, ()):
        o = _T[other]
        for part in _chunks(doomed):
            doomed -= set(conn.execute(select(o.c[column]).where(o.c[column].in_(part)))
                          .scalars())
    for part in _chunks(doomed):
        conn.execute(delete(t).where(t.c.id.in_(part)))


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
    """The office's word on promises and disputes this laptop recorded (kept, resolved); an
    amendment made here that the office has not seen yet keeps its outcomes superseded."""
    o = _T["outcome"]
    if outcomes:
        conn.execute(update(o).where(o.c.uuid == bindparam("_uuid")).values(
            resolved=bindparam("_resolved"),
            superseded_by=func.coalesce(bindparam("_superseded"), o.c.superseded_by)),
            [{"_uuid": x["uuid"], "_resolved": bool(x["resolved"]),
              "_superseded": x["superseded_by"]} for x in outcomes])


def customer_codes(conn) -> list[str]:
    """Every customer code this laptop holds."""
    return list(conn.execute(select(_T["customer"].c.code)).scalars())
