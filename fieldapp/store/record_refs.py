"""References of travelling field records by natural keys: a laptop numbers the customers and
invoices a pack gives it on its own, so a record names its customer by code and an allocation
its invoice by (customer code, invoice number); the office turns them back into its own ids."""

from __future__ import annotations

from sqlalchemy import select, tuple_

from ..sync.errors import BundleRefused
from .tables import CustomerRow, InvoiceRow

CUSTOMER, INVOICE = "customer_code", "invoice_ref"  # keys added beside the row's columns
_CHUNK = 500


def _chunks(items: list):
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def add_refs(session, rows: list[tuple[str, dict]]) -> None:
    """Add the natural keys to (kind, row) pairs about to leave the laptop (rows changed in place)."""
    customer_ids = sorted({r["customer_id"] for _, r in rows if r.get("customer_id") is not None})
    invoice_ids = sorted({r["invoice_id"] for k, r in rows
                          if k == "allocation" and r.get("invoice_id") is not None})
    codes, invoices = {}, {}
    for part in _chunks(customer_ids):
        codes.update(session.execute(select(CustomerRow.id, CustomerRow.code)
                                     .where(CustomerRow.id.in_(part))).all())
    for part in _chunks(invoice_ids):
        invoices.update((i, [code, number]) for i, code, number in session.execute(
            select(InvoiceRow.id, CustomerRow.code, InvoiceRow.number)
            .join(CustomerRow, CustomerRow.id == InvoiceRow.customer_id)
            .where(InvoiceRow.id.in_(part))))
    for kind, row in rows:
        if row.get("customer_id") in codes:
            row[CUSTOMER] = codes[row["customer_id"]]
        if kind == "allocation" and row.get("invoice_id") in invoices:
            row[INVOICE] = invoices[row["invoice_id"]]


def carried(record_row: dict) -> dict:
    """The natural keys a travelling row carries, checked, under the names ``resolve`` reads."""
    out = {}
    code = record_row.get(CUSTOMER)
    if code is not None:
        if not isinstance(code, str):
            raise BundleRefused("sync.bad_records", reason=f"{CUSTOMER} {code!r} is no code")
        out["_customer_code"] = code
    ref = record_row.get(INVOICE)
    if ref is not None:
        if not (isinstance(ref, list) and len(ref) == 2 and all(isinstance(x, str) for x in ref)):
            raise BundleRefused("sync.bad_records", reason=f"{INVOICE} {ref!r} is no invoice")
        out["_invoice_ref"] = tuple(ref)
    return out


def resolve(session, by_kind: dict[str, list[dict]]) -> None:
    """Replace the laptop's ids by the office's, found by the natural keys the records carry
    (records of laptops before this version carry none and keep their ids). A customer or an
    invoice the office does not know refuses the bundle: nothing of it is applied."""
    rows = [r for part in by_kind.values() for r in part]
    codes = sorted({r["_customer_code"] for r in rows if "_customer_code" in r})
    refs = sorted({r["_invoice_ref"] for r in rows if "_invoice_ref" in r})
    ids, invoice_ids = {}, {}
    for part in _chunks(codes):
        ids.update(session.execute(select(CustomerRow.code, CustomerRow.id)
                                   .where(CustomerRow.code.in_(part))).all())
    for part in _chunks(refs):
        invoice_ids.update(((code, number), i) for code, number, i in session.execute(
            select(CustomerRow.code, InvoiceRow.number, InvoiceRow.id)
            .join(CustomerRow, CustomerRow.id == InvoiceRow.customer_id)
            .where(tuple_(CustomerRow.code, InvoiceRow.number).in_(part))))
    for kind, part in by_kind.items():
        for row in part:
            _resolve_row(kind, row, ids, invoice_ids)


def _resolve_row(kind: str, row: dict, ids: dict, invoice_ids: dict) -> None:
    code = row.pop("_customer_code", None)
    if code is not None:
        if code not in ids:
            raise BundleRefused("sync.bad_records", reason=f"a {kind} names customer {code}, "
                                "unknown at the office")
        row["customer_id"] = ids[code]
    ref = row.pop("_invoice_ref", None)
    if ref is not None:
        if ref not in invoice_ids:
            raise BundleRefused("sync.bad_records", reason=f"an allocation names invoice "
                                f"{ref[1]} of customer {ref[0]}, unknown at the office")
        row["invoice_id"] = invoice_ids[ref]
