"""The collector's corrections on the laptop: applied at once, kept as edits with their base
value and version, validated, sent once in a day bundle; a pack made before the office saw an
edit does not undo it; an outcome superseded after it was sent travels as a state record."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select, update

from fieldapp.domain.errors import InvalidValue
from fieldapp.services.master_data import MasterData
from fieldapp.services.settings import Settings
from fieldapp.store import master_edits, outbox_repo, pack_apply
from fieldapp.store.tables import ContactRow, CustomerRow, OutcomeRow, VisitRow
from tests.conftest import Clock

NOW = datetime(2026, 11, 29, 8, 30, tzinfo=timezone.utc)


@pytest.fixture
def laptop(store, builder):
    cid = builder.customer("Công ty TNHH Minh Phát", code="KH001", address="12 Lê Lợi",
                           contacts=[("Chị Lan", "0901 234 567")])
    builder.save()
    with store.sessions.begin() as session:  # as a pack left it: the office's version 4
        session.execute(update(CustomerRow).values(row_version=4))
        session.execute(update(ContactRow).values(row_version=3))
    return MasterData(store, Settings(store), Clock(NOW)), cid


def unsent(store, kind="master_edit"):
    with store.sessions.begin() as session:
        return [u.row for u in outbox_repo.unsent(session) if u.kind == kind]


def contact_id(store):
    with store.sessions.begin() as session:
        return session.execute(select(ContactRow.id)).scalar()


def phones(store):
    with store.sessions.begin() as session:
        return sorted((r.name, r.phone) for r in session.execute(select(ContactRow)).scalars())


def test_a_new_phone_applies_at_once_and_waits_to_be_sent_with_its_base(store, laptop):
    service, cid = laptop
    changes = service.change_phone(contact_id(store), " 0987 654 321 ")
    assert changes.touches(cid) and changes.details
    assert phones(store) == [("Chị Lan", "0987 654 321")]
    [row] = unsent(store)
    assert (row["customer_code"], row["entity"], row["contact_name"], row["field"],
            row["old_value"], row["new_value"], row["base_version"]) == (
        "KH001", "contact", "Chị Lan", "phone", "0901 234 567", "0987 654 321", 3)
    assert row["device"] == Settings(store).device_id()
    with store.sessions.begin() as session:  # sent once: a bundle held it
        outbox_repo.add(session, 1, "b1", "0" * 64, row["at"], b"zip",
                        outbox_repo.sent_keys(outbox_repo.unsent(session)))
    assert unsent(store) == []


def test_bad_values_are_refused_and_nothing_is_kept(store, laptop):
    service, cid = laptop
    for typed, code in (("", "master.phone_required"), ("call me", "master.phone_invalid"),
                        ("12 34", "master.phone_invalid"), ("9" * 31, "master.phone_too_long")):
        with pytest.raises(InvalidValue) as refused:
            service.change_phone(contact_id(store), typed)
        assert refused.value.code == code
    with pytest.raises(InvalidValue) as refused:
        service.change_address(cid, "  ", "Quận 1", "TP. Hồ Chí Minh")
    assert refused.value.code == "master.address_required"
    with pytest.raises(InvalidValue) as refused:
        service.add_contact(cid, "Chị Lan", "0912 000 111")
    assert refused.value.code == "master.contact_exists"
    assert unsent(store) == [] and phones(store) == [("Chị Lan", "0901 234 567")]


def test_only_the_address_parts_changed_become_edits(store, laptop):
    service, cid = laptop
    service.change_address(cid, "40 Pasteur", "Quận 1", "TP. Hồ Chí Minh")
    [row] = unsent(store)
    assert (row["field"], row["old_value"], row["new_value"], row["base_version"]) == (
        "address", "12 Lê Lợi", "40 Pasteur", 4)
    service.add_contact(cid, "Anh Tuấn", "0912 000 111")
    assert [(r["field"], r["contact_name"], r["base_version"]) for r in unsent(store)] == [
        ("address", "", 4), ("added", "Anh Tuấn", 0)]
    assert phones(store) == [("Anh Tuấn", "0912 000 111"), ("Chị Lan", "0901 234 567")]


def _pack(version: int, address: str, phone: str) -> list[dict]:
    return [{"code": "KH001", "name": "Công ty TNHH Minh Phát", "address": address,
             "row_version": version, "cooperation_since": "2020-01-01",
             "contact": [{"name": "Chị Lan", "phone": phone, "role": "", "email": "",
                          "authority_to_pay": True, "notes": "", "row_version": 3}]}]


def _apply(store, customers) -> None:
    with store.sessions.begin() as session:
        pack_apply.apply(session.connection(), customers, [], [], date(2026, 11, 29))
        master_edits.reapply(session)


def test_a_pack_made_before_the_office_saw_the_edits_keeps_them(store, laptop):
    service, cid = laptop
    service.change_address(cid, "40 Pasteur", "Quận 1", "TP. Hồ Chí Minh")
    service.change_phone(contact_id(store), "0987 654 321")
    service.add_contact(cid, "Anh Tuấn", "0912 000 111")
    _apply(store, _pack(4, "12 Lê Lợi", "0901 234 567"))  # the same versions: not seen yet
    with store.sessions.begin() as session:
        assert session.get(CustomerRow, cid).address == "40 Pasteur"
    assert phones(store) == [("Anh Tuấn", "0912 000 111"), ("Chị Lan", "0987 654 321")]
    _apply(store, _pack(6, "15 Nguyễn Huệ", "0901 234 567"))  # the office decided: its word
    with store.sessions.begin() as session:
        assert session.get(CustomerRow, cid).address == "15 Nguyễn Huệ"


def test_an_outcome_superseded_after_it_was_sent_travels_once_more(store, laptop):
    _service, cid = laptop
    at = "2026-11-28T09:00:00+00:00"
    with store.sessions.begin() as session:
        for uid in ("v1", "v2"):
            session.add(VisitRow(uuid=uid, customer_id=cid, kind="visit", status="final",
                                 started_at=at, updated_at=at, finalized_at=at, body="{}",
                                 amends="v1" if uid == "v2" else None))
        session.flush()
        session.add(OutcomeRow(uuid="o1", visit_uuid="v1", customer_id=cid, kind="promise",
                               created_on=date(2026, 11, 28), body="{}"))
        session.flush()
        sent = [(u.kind, u.id) for u in outbox_repo.unsent(session) if u.id in ("v1", "o1")]
        outbox_repo.add(session, 1, "b1", "0" * 64, at, b"zip", sent)
    assert unsent(store, "outcome_state") == []
    with store.sessions.begin() as session:  # the amendment v2 supersedes v1's outcomes
        session.execute(update(OutcomeRow).values(superseded_by="v2"))
    assert unsent(store, "outcome_state") == [{"uuid": "o1", "superseded_by": "v2"}]
    _apply(store, [])  # a pack from an office that has not seen it does not undo it
    with store.sessions.begin() as session:
        pack_apply._outcomes(session.connection(), [{"uuid": "o1", "resolved": False,
                                                     "superseded_by": None}])
        assert session.get(OutcomeRow, "o1").superseded_by == "v2"
        outbox_repo.add(session, 2, "b2", "1" * 64, at, b"zip",
                        outbox_repo.sent_keys(outbox_repo.unsent(session)))
    assert unsent(store, "outcome_state") == []
