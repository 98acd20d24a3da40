"""Field records as they travel in a day bundle: rows of the visit, outcome, payment,
allocation, document and attachment tables as plain JSON values, their bytes apart."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, LargeBinary, insert, select

from ..sync.errors import BundleRefused
from . import field_events
from .tables import (AllocationRow, AttachmentRow, DocumentRow, OutcomeRow, PaymentRow,
                     VisitRow)

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


def apply(session, records: list[dict], blobs: dict[str, bytes], now: str = "") -> int:
    """Insert the records the office does not hold yet (keyed by their UUIDs: the same record
    twice is a no-op), then apply the events (field_events); returns how many were new."""
    by_kind: dict[str, list[dict]] = {k: [] for k in KINDS}
    events: dict[str, list[dict]] = {k: [] for k in field_events.KINDS}
    for record in records:
        if not isinstance(record, dict) or not isinstance(record.get("row"), dict) \
                or record.get("kind") not in (*KINDS, *field_events.KINDS):
            raise BundleRefused("sync.bad_records", reason="a record is not {kind, row} of a known kind")
        if record["kind"] in events:
            field_events.check(record["kind"], record["row"])
            events[record["kind"]].append(record["row"])
        else:
            by_kind[record["kind"]].append(_values(record["kind"], record["row"], blobs))
    added = _insert(session, by_kind)
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
