"""The office judging laptops' master-data edits (SQLite and PostgreSQL): fast-forward, parallel
update, the same value, conflicts queued with base/office/laptop values and resolved by a
supervisor; nothing silently overwritten; the same record twice a no-op; outcome states that
arrive later applied once and never undone."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, update

from fieldapp.domain.errors import InvalidValue, NotFound
from fieldapp.services.office.conflicts import Conflicts
from fieldapp.store import field_records, master_edits
from fieldapp.store.tables import (CollectorRow, ContactRow, CustomerRow, DeviceRow, OutcomeRow,
                                   VisitRow)
from fieldapp.sync.errors import BundleRefused
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES
NOW = datetime(2026, 11, 29, 8, 30, tzinfo=timezone.utc)
AT = "2026-11-28T09:00:00+00:00"
DEVICE = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0"


@pytest.fixture
def office(store, builder):
    builder.customer("Công ty TNHH Minh Phát", code="KH001", address="12 Lê Lợi",
                     district="Quận 1", contacts=[("Chị Lan", "0901 234 567")])
    builder.save()
    with store.sessions.begin() as session:
        session.add(CollectorRow(id="c1", name="Trần Minh Khoa", created_at=AT))
    with store.sessions.begin() as session:
        session.add(DeviceRow(id=DEVICE, collector_id="c1", certificate="PEM", enrolled_at=AT))
    return store


def edit(field, old, new, *, entity="customer", contact="", base=1, uid=None):
    return {"kind": "master_edit", "row": {
        "uuid": uid or str(uuid.uuid4()), "customer_code": "KH001", "entity": entity,
        "contact_name": contact, "field": field, "old_value": old, "new_value": new,
        "base_version": base, "at": AT, "device": DEVICE}}


def phone(old, new, base=1, **kw):
    return edit("phone", old, new, entity="contact", contact="Chị Lan", base=base, **kw)


def take(store, *records) -> int:
    with store.sessions.begin() as session:
        return field_records.apply(session, list(records), {}, "2026-11-29T08:30:00+00:00")


def customer(store):
    with store.sessions.begin() as session:
        row = session.execute(select(CustomerRow).where(CustomerRow.code == "KH001")).scalar()
        return row.address, row.district, row.row_version


def contacts(store):
    with store.sessions.begin() as session:
        return sorted((r.name, r.phone, r.row_version)
                      for r in session.execute(select(ContactRow)).scalars())


def office_edit(store, **values):
    """The office changes the customer itself: a new row version."""
    with store.sessions.begin() as session:
        session.execute(update(CustomerRow).where(CustomerRow.code == "KH001").values(
            row_version=CustomerRow.row_version + 1, **values))


def results(store):
    with store.sessions.begin() as session:
        return sorted(master_edits.results(session).values())


def test_an_edit_on_the_office_base_fast_forwards(office):
    assert take(office, phone("0901 234 567", "0987 654 321")) == 1
    assert contacts(office) == [("Chị Lan", "0987 654 321", 2)]
    assert results(office) == ["applied"]
    assert Conflicts(office, lambda: NOW, "sv").open() == []


def test_different_fields_changed_on_both_sides_are_a_parallel_update(office):
    office_edit(office, district="Quận 3")
    take(office, edit("address", "12 Lê Lợi", "40 Pasteur"))
    assert customer(office) == ("40 Pasteur", "Quận 3", 3)
    assert results(office) == ["parallel"]


def test_the_same_field_changed_on_both_sides_waits_for_the_supervisor(office):
    office_edit(office, address="15 Nguyễn Huệ")
    take(office, edit("address", "12 Lê Lợi", "40 Pasteur"))
    assert customer(office) == ("15 Nguyễn Huệ", "Quận 1", 2)  # nothing overwritten
    [c] = Conflicts(office, lambda: NOW, "sv").open()
    assert (c.customer_code, c.customer_name, c.field, c.base_value, c.office_value,
            c.laptop_value, c.collector) == ("KH001", "Công ty TNHH Minh Phát", "address",
                                             "12 Lê Lợi", "15 Nguyễn Huệ", "40 Pasteur",
                                             "Trần Minh Khoa")
    assert results(office) == ["conflict"]


def test_the_office_holding_the_laptops_value_already_is_no_conflict(office):
    office_edit(office, address="40 Pasteur")
    take(office, edit("address", "12 Lê Lợi", "40 Pasteur"))
    assert results(office) == ["same"]
    assert Conflicts(office, lambda: NOW, "sv").open() == []


def test_the_same_edit_twice_changes_nothing_more(office):
    office_edit(office, address="15 Nguyễn Huệ")
    record = edit("address", "12 Lê Lợi", "40 Pasteur")
    assert take(office, record) == 1
    assert take(office, record) == 0
    assert len(Conflicts(office, lambda: NOW, "sv").open()) == 1


def test_a_new_contact_is_added_and_a_second_laptops_other_phone_conflicts(office):
    take(office, edit("added", "", "0912 000 111", entity="contact", contact="Anh Tuấn", base=0))
    assert ("Anh Tuấn", "0912 000 111", 1) in contacts(office)
    take(office, edit("added", "", "0912 999 999", entity="contact", contact="Anh Tuấn", base=0))
    [c] = Conflicts(office, lambda: NOW, "sv").open()
    assert (c.office_value, c.laptop_value) == ("0912 000 111", "0912 999 999")


def test_resolving_takes_the_laptops_value_keeps_the_offices_or_a_typed_one(office):
    office_edit(office, address="15 Nguyễn Huệ")
    with office.sessions.begin() as session:
        session.execute(update(ContactRow).values(phone="0900 000 000",
                                                  row_version=ContactRow.row_version + 1))
    take(office, edit("address", "12 Lê Lợi", "40 Pasteur"),
         phone("0901 234 567", "0987 654 321"), edit("district", "Quận 1", "Quận 3"))
    conflicts = Conflicts(office, lambda: NOW, "Nguyễn Thu Hà")
    by_field = {c.field: c for c in conflicts.open()}
    assert set(by_field) == {"address", "phone"}  # the district went through (parallel)
    first, second = by_field["address"], by_field["phone"]
    conflicts.resolve(first.id, "laptop")
    assert customer(office)[0] == "40 Pasteur"
    with pytest.raises(InvalidValue) as bad:
        conflicts.resolve(second.id, "value", "call me")
    assert bad.value.code == "master.phone_invalid"
    conflicts.resolve(second.id[:8], "value", "0933 333 333")
    assert contacts(office) == [("Chị Lan", "0933 333 333", 3)]
    assert conflicts.open() == []
    done = {c.field: (c.resolution, c.resolved_value) for c in conflicts.all()}
    assert done == {"address": ("laptop", "40 Pasteur"), "phone": ("value", "0933 333 333")}
    with pytest.raises(InvalidValue) as again:
        conflicts.resolve(first.id, "office")
    assert again.value.code == "master.conflict_closed"
    with pytest.raises(NotFound):
        conflicts.resolve("no-such-conflict", "office")


def test_keeping_the_offices_value_changes_nothing(office):
    office_edit(office, address="15 Nguyễn Huệ")
    take(office, edit("address", "12 Lê Lợi", "40 Pasteur"))
    conflicts = Conflicts(office, lambda: NOW, "sv")
    conflicts.resolve(conflicts.open()[0].id, "office")
    assert customer(office) == ("15 Nguyễn Huệ", "Quận 1", 2)


def test_a_malformed_edit_refuses_the_bundle_and_writes_nothing(office):
    bad = edit("credit_limit_minor", "0", "999999999")
    with pytest.raises(BundleRefused):
        take(office, phone("0901 234 567", "0987 654 321"), bad)
    assert contacts(office) == [("Chị Lan", "0901 234 567", 1)]


def _visit(session, uid, customer_id):
    session.add(VisitRow(uuid=uid, customer_id=customer_id, kind="visit", status="final",
                         started_at=AT, updated_at=AT, finalized_at=AT, body="{}", sha256=""))


def test_field_events_never_conflict_and_a_later_supersede_is_applied_once(office):
    with office.sessions.begin() as session:
        cid = session.execute(select(CustomerRow.id)).scalar()
        _visit(session, "v1", cid)
        _visit(session, "v2", cid)
        session.flush()
        session.add(OutcomeRow(uuid="o1", visit_uuid="v1", customer_id=cid, kind="promise",
                               created_on=NOW.date(), body="{}"))
    state = {"kind": "outcome_state", "row": {"uuid": "o1", "superseded_by": "v2"}}
    assert take(office, state) == 1
    assert take(office, state) == 0
    later = {"kind": "outcome_state", "row": {"uuid": "o1", "superseded_by": None}}
    take(office, later)  # a stale state never un-supersedes
    with office.sessions.begin() as session:
        assert session.get(OutcomeRow, "o1").superseded_by == "v2"
    with pytest.raises(BundleRefused):
        take(office, {"kind": "outcome_state", "row": {"uuid": "o9", "superseded_by": "v2"}})
