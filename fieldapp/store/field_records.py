"""Field records as they travel in a day bundle: rows of the visit, outcome, payment,
allocation, document and attachment tables as plain JSON values, their bytes apart."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, LargeBinary, insert, select

from ..sync.errors import BundleRefused
from . import dispute_repo, field_events
from .tables import (AllocationRow, AttachmentRow, CustomerRow, DocumentRow, InvoiceRow,
                     OutcomeRow, PaymentRow, VisitRow)

# In the order the office inserts them: a row's references come before it.
KINDS = {"visit": VisitRow, "outcome": OutcomeRow, "payment": PaymentRow,
         "allocation": AllocationRow, "document": DocumentRow, "attachment": AttachmentRow}
BLOB_MEMBER = {"document": "documents/{}.pdf", "attachment": "attachments/{}.bin"}


def key_name(kind: str) -> str:
    return KINDS[kind].__table__.primary_key.columns.keys()[0]


def as_json(kind: str, row) -> dict:
    """The row's columns, dates as ISO text, without its bytes (those travel as members)."""
    out = {}
    for column in KINDS[kind].__table__.columns:
        if isinstance(column.type, LargeBinary):
            continue
        value = getattr(row, column.key)
        out[column.key] = value.isoformat() if isinstance(value, date) else value
    return out


def blob_of(kind: str, row) -> tuple[str, bytes] | None:
    if kind not in BLOB_MEMBER:
        return None
    return BLOB_MEMBER[kind].format(getattr(row, key_name(kind))), row.data


def _values(kind: str, record: dict, blobs: dict[str, bytes]) -> dict:
    table = KINDS[kind].__table__
    values = {}
    for column in table.columns:
        if isinstance(column.type, LargeBinary):
            continue
        if column.key not in record:
            raise BundleRefused("sync.bad_records", reason=f"a {kind} record has no {column.key}")
        value = record[column.key]
        if isinstance(column.type, Date) and value is not None:
            try:
                value = date.fromisoformat(value)
            except (TypeError, ValueError):
                raise BundleRefused("sync.bad_records", reason=f"{kind} {column.key} {value!r} is no day") from None
        values[column.key] = value
    if kind in BLOB_MEMBER:
        name = BLOB_MEMBER[kind].format(values[key_name(kind)])
        if name not in blobs:
            raise BundleRefused("sync.bad_records", reason=f"the {kind} {values[key_name(kind)]} has no member {name}")
        values["data"] = blobs[name]
    return values


# Customers and invoices have each database's own integer ids (a pack gives the laptop its
# own): a record names them by what both sides share too, the customer's code and the
# invoice's number within that customer (its "ref"), and the office maps them to its ids.
def references(session, records: list[tuple[str, dict]]) -> list[dict | None]:
    """The ref of each (kind, row) the laptop sends: {"customer": code} for a row with a
    customer, {"invoice": [customer code, invoice number]} for an allocation."""
    cids = {r["customer_id"] for _k, r in records if r.get("customer_id") is not None}
    iids = {r["invoice_id"] for k, r in records if k == "allocation"}
    codes = _by_id(session, select(CustomerRow.id, CustomerRow.code), CustomerRow.id, cids)
    invoices = _by_id(session, select(InvoiceRow.id, CustomerRow.code, InvoiceRow.number)
                      .join(CustomerRow, CustomerRow.id == InvoiceRow.customer_id),
                      InvoiceRow.id, iids)
    out = []
    for kind, row in records:
        if kind == "allocation" and row["invoice_id"] in invoices:
            out.append({"invoice": list(invoices[row["invoice_id"]])})
        elif row.get("customer_id") in codes:
            ref = {"customer": codes[row["customer_id"]][0]}
            if kind == "outcome" and row.get("kind") == "dispute":
                # The invoices it pauses, by number: the office resumes its own on resolving.
                ref["invoices"] = dispute_repo.invoice_numbers(session, row.get("body", ""))
            out.append(ref)
        else:
            out.append(None)
    return out


def _by_id(session, query, column, ids: set) -> dict:
    found, ids = {}, sorted(ids)
    for start in range(0, len(ids), 500):
        for row in session.execute(query.where(column.in_(ids[start:start + 500]))):
            found[row[0]] = tuple(row[1:])
    return found


def _local_ids(session, records: list[dict]) -> None:
    """Rewrite each record's customer and invoice ids to the office's, by its ref (a record
    without one keeps its ids: both sides made by the same demo)."""
    refs = [r.get("ref") for r in records]
    if not any(refs):
        return
    if not all(x is None or isinstance(x, dict) for x in refs):
        raise BundleRefused("sync.bad_records", reason="a record's ref is not an object")
    codes = {x["customer"] for x in refs if x and isinstance(x.get("customer"), str)}
    pairs = {tuple(x["invoice"]) for x in refs if x and isinstance(x.get("invoice"), list)
             and len(x["invoice"]) == 2}
    customers = dict(session.execute(select(CustomerRow.code, CustomerRow.id).where(
        CustomerRow.code.in_(sorted(codes)))).all()) if codes else {}
    invoices = {}
    for code in sorted({c for c, _n in pairs}):
        invoices.update({(code, n): i for n, i in session.execute(
            select(InvoiceRow.number, InvoiceRow.id).join(
                CustomerRow, CustomerRow.id == InvoiceRow.customer_id).where(
                CustomerRow.code == code)).all()})
    for record, ref in zip(records, refs):
        if not ref:
            continue
        row = record["row"]
        if "invoice" in ref:
            found = invoices.get(tuple(ref["invoice"]) if isinstance(ref["invoice"], list)
                                 and len(ref["invoice"]) == 2 else None)
            if found is None:
                raise BundleRefused("sync.bad_records",
                                    reason=f"the office has no invoice {ref['invoice']!r}")
            row["invoice_id"] = found
        elif "customer" in ref:
            if ref["customer"] not in customers:
                raise BundleRefused("sync.bad_records",
                                    reason=f"the office has no customer {ref['customer']!r}")
            row["customer_id"] = customers[ref["customer"]]


def apply(session, records: list[dict], blobs: dict[str, bytes], now: str = "") -> int:
    """Insert the records the office does not hold yet (keyed by their UUIDs: the same record
    twice is a no-op), then apply the events (field_events); returns how many were new."""
    by_kind: dict[str, list[dict]] = {k: [] for k in KINDS}
    events: dict[str, list[dict]] = {k: [] for k in field_events.KINDS}
    for record in records:
        if not isinstance(record, dict) or not isinstance(record.get("row"), dict) \
                or record.get("kind") not in (*KINDS, *field_events.KINDS):
            raise BundleRefused("sync.bad_records", reason="a record is not {kind, row} of a known kind")
    _local_ids(session, [r for r in records if r["kind"] in KINDS])
    for record in records:
        if record["kind"] in events:
            field_events.check(record["kind"], record["row"])
            events[record["kind"]].append(record["row"])
        else:
            by_kind[record["kind"]].append(_values(record["kind"], record["row"], blobs))
    added = _insert(session, by_kind)
    dispute_repo.pause_imported(session, [r for r in records if r["kind"] == "outcome"])
    for kind, rows in events.items():
        if rows:
            added += field_events.apply(session, kind, rows, now)
    return added


def _insert(session, by_kind: dict[str, list[dict]]) -> int:
    added = 0
    for kind, rows in by_kind.items():
        if not rows:
            continue
        row_class, key = KINDS[kind], key_name(kind)
        column = getattr(row_class, key)
        ids = [r[key] for r in rows]
        held = set()
        for start in range(0, len(ids), 500):
            held.update(session.execute(select(column).where(
                column.in_(ids[start:start + 500]))).scalars())
        new, seen = [], set()
        for r in rows:
            if r[key] not in held and r[key] not in seen:
                new.append(r)
                seen.add(r[key])
        if new:
            session.execute(insert(row_class.__table__), new)
            added += len(new)
    return added
