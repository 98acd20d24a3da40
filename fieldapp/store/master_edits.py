"""Master-data edits in the store: the laptop writes its edit and applies it at once (and again
over a pack the office made before it knew the edit); the office judges each received edit
against its own row and value, applies it or queues a conflict."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from ..domain import master_data as md
from ..domain.master_data import MasterEdit
from . import search_index
from .tables import (CollectorRow, ContactRow, CustomerRow, DeviceRow, MasterConflictRow,
                     MasterEditRow)


def as_edit(row: MasterEditRow) -> MasterEdit:
    return MasterEdit(row.uuid, row.customer_code, row.entity, row.contact_name, row.field,
                      row.old_value, row.new_value, row.base_version, row.at, row.device)


def _customer(session, code: str) -> CustomerRow | None:
    return session.execute(select(CustomerRow).where(CustomerRow.code == code)).scalar()


def _contact(session, customer_id: int, name: str, phone: str = "") -> ContactRow | None:
    """The customer's contact called ``name`` (the one with ``phone`` when several are)."""
    rows = session.execute(select(ContactRow).where(
        ContactRow.customer_id == customer_id, ContactRow.name == name)
        .order_by(ContactRow.id)).scalars().all()
    return next((r for r in rows if r.phone == phone), rows[0] if rows else None)


def _target(session, edit: MasterEdit):
    """(customer row, the row the field lives on or None, its value now or None, version)."""
    customer = _customer(session, edit.customer_code)
    if customer is None:
        return None, None, None, 0
    if edit.entity == md.CUSTOMER:
        return customer, customer, getattr(customer, edit.field), customer.row_version
    contact = _contact(session, customer.id, edit.contact_name, edit.old_value)
    if contact is None:
        return customer, None, None, 0
    return customer, contact, contact.phone, contact.row_version


def _set(session, customer: CustomerRow, row, edit: MasterEdit, value: str, bump: bool) -> None:
    """Write ``value`` into the edit's field (a new contact when its row is missing); the
    office bumps the row's version, the laptop keeps the office's as its next base."""
    if row is None:
        session.add(ContactRow(id=_next_contact_id(session), customer_id=customer.id,
                               name=edit.contact_name, role="", phone=value, email="",
                               authority_to_pay=False, notes="", row_version=1))
    else:
        setattr(row, edit.field if edit.entity == md.CUSTOMER else "phone", value)
        if bump:
            row.row_version = (row.row_version or 0) + 1
    session.flush()
    search_index.refresh(session.connection(), [customer.id])


def _next_seq(session) -> int:
    session.flush()
    top = session.execute(select(MasterEditRow.seq).order_by(MasterEditRow.seq.desc())
                          .limit(1)).scalar()
    return (top or 0) + 1


def _next_contact_id(session) -> int:
    top = session.execute(select(ContactRow.id).order_by(ContactRow.id.desc()).limit(1)).scalar()
    return (top or 0) + 1


# -- the laptop ---------------------------------------------------------------------------

def record(session, edit: MasterEdit) -> None:
    """Keep the edit (it travels in the next day bundle) and apply it here at once."""
    session.add(MasterEditRow(**asdict(edit), result="", seq=_next_seq(session)))
    customer, row, _now, _version = _target(session, edit)
    _set(session, customer, row, edit, edit.new_value, bump=False)


def reapply(session) -> int:
    """After a pack: the laptop's edits the office had not seen when it made the pack (the
    row still has the edit's base version, or an added contact is missing) are put back."""
    done = 0
    for row in session.execute(select(MasterEditRow).order_by(MasterEditRow.seq)).scalars().all():
        edit = as_edit(row)
        customer, target, now, version = _target(session, edit)
        if customer is None or now == edit.new_value:
            continue
        added = edit.field == "added"
        if (added and target is None) or (not added and target is not None
                                          and version == edit.base_version):
            _set(session, customer, target, edit, edit.new_value, bump=False)
            done += 1
    return done


def unsent_query():
    return select(MasterEditRow).order_by(MasterEditRow.seq)


def laptop_edits(session, customer_code: str) -> list[MasterEdit]:
    rows = session.execute(select(MasterEditRow).where(
        MasterEditRow.customer_code == customer_code).order_by(MasterEditRow.seq)).scalars()
    return [as_edit(r) for r in rows]


# -- the office ---------------------------------------------------------------------------

def take(session, edits: list[MasterEdit], now: str) -> int:
    """Judge and keep each edit not held yet (its uuid: the same edit twice is a no-op);
    returns how many were new. Nothing the office holds is overwritten by a conflict."""
    taken = 0
    for edit in edits:
        if session.get(MasterEditRow, edit.uuid) is not None:
            continue
        customer, row, office_now, version = _target(session, edit)
        result = md.judge(edit.old_value, edit.new_value, office_now, edit.base_version,
                          version)
        if edit.field == "added" and customer is not None and row is None:
            result = md.FAST_FORWARD  # a contact the office does not have: simply added
        if result in (md.FAST_FORWARD, md.PARALLEL):
            _set(session, customer, row, edit, edit.new_value, bump=True)
        elif result == md.CONFLICT:
            session.add(MasterConflictRow(
                edit_uuid=edit.uuid, customer_code=edit.customer_code, entity=edit.entity,
                contact_name=edit.contact_name, field=edit.field, base_value=edit.old_value,
                office_value=office_now or "", laptop_value=edit.new_value,
                device=edit.device, edited_at=edit.at, created_at=now))
        session.add(MasterEditRow(**asdict(edit), result=result, seq=_next_seq(session)))
        session.flush()
        taken += 1
    return taken


def results(session) -> dict[str, str]:
    """uuid → what became of each edit received (for reports and tests)."""
    return dict(session.execute(select(MasterEditRow.uuid, MasterEditRow.result)).all())


def conflicts(session, open_only: bool = True) -> list[md.Conflict]:
    """The supervisor's queue, oldest first, with the customer's name and the laptop's
    collector beside each."""
    c = MasterConflictRow
    query = (select(c, CustomerRow.name, CollectorRow.name)
             .outerjoin(CustomerRow, CustomerRow.code == c.customer_code)
             .outerjoin(DeviceRow, DeviceRow.id == c.device)
             .outerjoin(CollectorRow, CollectorRow.id == DeviceRow.collector_id)
             .order_by(c.created_at, c.edited_at, c.id))
    if open_only:
        query = query.where(c.resolved_at.is_(None))
    return [md.Conflict(r.id, r.customer_code, customer or "", r.entity, r.contact_name,
                        r.field, r.base_value, r.office_value, r.laptop_value, r.device,
                        collector or "", r.edited_at, r.created_at, r.resolved_at,
                        r.resolution, r.resolved_value)
            for r, customer, collector in session.execute(query)]


def conflict_rows_like(session, prefix: str) -> list[MasterConflictRow]:
    """Conflicts whose id starts with ``prefix`` (at least 4 characters) or equals it."""
    if len(prefix) < 4:
        row = session.get(MasterConflictRow, prefix)
        return [row] if row else []
    return list(session.execute(select(MasterConflictRow).where(
        MasterConflictRow.id.startswith(prefix, autoescape=True)).limit(2)).scalars())


def customer_id(session, code: str) -> int | None:
    return session.execute(select(CustomerRow.id).where(CustomerRow.code == code)).scalar()


def settle(session, row: MasterConflictRow, how: str, value: str, at: str, actor: str) -> bool:
    """Close a conflict; the office's row takes ``value`` unless the office's value is kept.
    False when the customer is no longer at the office (nothing can be written)."""
    if how != md.TAKE_OFFICE:
        edit = MasterEdit(row.edit_uuid, row.customer_code, row.entity, row.contact_name,
                          row.field, row.office_value, value, 0, row.edited_at, row.device)
        customer, target, now, _version = _target(session, edit)
        if customer is None:
            return False
        if now != value:
            _set(session, customer, target, edit, value, bump=True)
    row.resolved_at, row.resolution, row.resolved_by = at, how, actor
    row.resolved_value = row.office_value if how == md.TAKE_OFFICE else value
    return True


def base_of_customer(session, customer_id: int) -> tuple[str, int, dict[str, str]] | None:
    """(code, row version, {field: value}) of a customer's editable fields, or None."""
    row = session.get(CustomerRow, customer_id)
    if row is None:
        return None
    return row.code, row.row_version, {f: getattr(row, f) for f in md.FIELDS[md.CUSTOMER]}


def base_of_contact(session, contact_id: int) -> tuple[int, str, str, int] | None:
    """(customer id, name, phone, row version) of a contact, or None."""
    row = session.get(ContactRow, contact_id)
    return None if row is None else (row.customer_id, row.name, row.phone, row.row_version)


def contact_named(session, customer_id: int, name: str) -> bool:
    return _contact(session, customer_id, name) is not None
