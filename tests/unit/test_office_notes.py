"""Notes from the office on the laptop: a pack carrying review states and comments, applied as
the laptop applies any pack, gives the collector a list newest first with the record each is
about and the author and time in the collector's zone, an unread count, read marks that stay,
and each record's latest review state for the visit history."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert

from fieldapp.domain.instants import to_text
from fieldapp.domain.office_notes import RESOLUTION, REVIEW, VOID
from fieldapp.services import packs_in
from fieldapp.services.office_notes import OfficeNotes
from fieldapp.services.settings import Settings
from fieldapp.store.engine import open_store
from fieldapp.store.tables import PaymentRow, VisitRow
from fieldapp.sync.pack import Pack, parse
from tests.conftest import VN, Clock
from tests.office_notes_data import dispute_and_payment

NOW = datetime(2026, 11, 29, 8, 30, tzinfo=VN)
MORNING = datetime(2026, 11, 25, 9, 15, tzinfo=VN)


def _visit(cid: int, at: datetime, kind: str = "visit") -> dict:
    vid = str(uuid.uuid4())
    return {"uuid": vid, "customer_id": cid, "kind": kind, "status": "final",
            "started_at": to_text(at), "updated_at": to_text(at), "finalized_at": to_text(at),
            "amends": None, "body": json.dumps({"uuid": vid}), "sha256": ""}


def _event(visit: str, at: datetime, state: str | None, text: str, corrects=None) -> dict:
    return {"id": str(uuid.uuid4()), "visit_uuid": visit, "at": to_text(at),
            "actor": "Trần Thị Hoa", "kind": "state" if state else "comment", "state": state,
            "text": text, "corrects": corrects}


def _pack(store, version: int, reviews: list, voids=(), resolutions=()) -> packs_in.Received:
    """A delta pack (no customer changed) carrying ``reviews`` (and ``voids``, ``resolutions``),
    through its bytes, applied."""
    header = {"version": version, "device": Settings(store).device_id(), "collector": "Lan",
              "created_at": to_text(NOW), "expires_at": to_text(NOW + timedelta(days=14)),
              "full": False, "base": version - 1, "route_from": "2026-12-31"}
    pack = parse(Pack(header, [], [], [], [], [], reviews, list(voids),
                      list(resolutions)).to_bytes())
    return packs_in.apply(store, pack, packs_in.state(store), header["device"],
                          NOW.astimezone(timezone.utc))


@pytest.fixture
def laptop(store, builder):
    """Two customers with a visit each, and a call of the first; the office's notes on them."""
    lan = builder.customer("Công ty TNHH Minh Phát", code="KH001")
    hai = builder.customer("Cửa hàng Hải Đăng", code="KH002")
    builder.save()
    visits = [_visit(lan, MORNING), _visit(hai, MORNING + timedelta(hours=2)),
              _visit(lan, MORNING + timedelta(days=1), "call")]
    with store.sessions.begin() as session:
        session.execute(insert(VisitRow.__table__), visits)
    return store, [v["uuid"] for v in visits], (lan, hai)


def test_a_packs_reviews_are_listed_newest_first_with_their_record(laptop):
    store, (first, second, call), (lan, hai) = laptop
    rejected = _event(first, datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc), "rejected",
                      "Thiếu chữ ký")
    comment = _event(first, datetime(2026, 11, 26, 2, 0, tzinfo=timezone.utc), None,
                     "Gặp lại kế toán")
    approved = _event(second, datetime(2026, 11, 27, 3, 0, tzinfo=timezone.utc), "approved", "")
    got = _pack(store, 1, [rejected, comment, approved])
    assert got.notes == 3 and got.changes.office_notes

    notes = OfficeNotes(store, Settings(store), Clock(NOW))
    listed = notes.newest()
    assert [n.id for n in listed] == [approved["id"], comment["id"], rejected["id"]]
    top = listed[-1]
    assert (top.kind, top.state, top.text, top.author, top.read) == (
        REVIEW, "rejected", "Thiếu chữ ký", "Trần Thị Hoa", False)
    assert (top.customer_id, top.customer_code, top.customer_name) == (
        lan, "KH001", "Công ty TNHH Minh Phát")
    assert top.visit_uuid == first and top.visit_at == MORNING and top.visit_kind == "visit"
    # Times in the collector's zone: 01:00 UTC is 08:00 in Hồ Chí Minh City.
    assert top.at == datetime(2026, 11, 26, 8, 0, tzinfo=VN) and top.at.utcoffset() == \
        timedelta(hours=7)
    assert listed[0].customer_id == hai
    assert notes.unread_count() == 3

    # The same events again in a later pack (the office sends 90 days each time): nothing new.
    again = _pack(store, 2, [rejected, comment, approved])
    assert again.notes == 0 and notes.unread_count() == 3


def test_read_marks_persist_and_count(laptop, tmp_path):
    store, (first, second, _call), _ids = laptop
    events = [_event(first, NOW - timedelta(hours=3), "has_issues", "Số tiền sai"),
              _event(second, NOW - timedelta(hours=2), None, "Gọi lại thứ hai"),
              _event(second, NOW - timedelta(hours=1), "approved", "")]
    _pack(store, 1, events)
    notes = OfficeNotes(store, Settings(store), Clock(NOW))
    changes = notes.mark_read([(REVIEW, events[0]["id"])])
    assert changes.office_notes and notes.unread_count() == 2
    assert not notes.mark_read([(REVIEW, events[0]["id"])]).office_notes  # twice: no change
    path = store.path
    store.close()
    reopened = open_store(path)
    try:
        notes = OfficeNotes(reopened, Settings(reopened), Clock(NOW))
        assert notes.unread_count() == 2
        assert {n.id: n.read for n in notes.newest()} == {
            events[0]["id"]: True, events[1]["id"]: False, events[2]["id"]: False}
        assert notes.mark_all_read().office_notes and notes.unread_count() == 0
        # A note arriving later is unread though the others were read.
        later = _event(first, NOW, None, "Đã xem lại")
        assert _pack(reopened, 2, [later]).notes == 1 and notes.unread_count() == 1
    finally:
        reopened.close()


def test_each_record_shows_its_latest_state_and_its_comments(laptop):
    store, (first, second, call), (lan, hai) = laptop
    events = [_event(first, NOW - timedelta(days=2), "has_issues", "Số tiền sai"),
              _event(first, NOW - timedelta(days=1), None, "Gặp lại kế toán"),
              _event(first, NOW - timedelta(hours=5), "approved", "Đã sửa"),
              _event(second, NOW - timedelta(hours=4), "rejected", "Thiếu chữ ký"),
              _event(call, NOW - timedelta(hours=3), None, "Chỉ một bình luận")]
    _pack(store, 1, events)
    reviews = OfficeNotes(store, Settings(store), Clock(NOW)).reviews_of(lan)
    assert set(reviews) == {first, call}
    assert (reviews[first].state, reviews[first].reason, reviews[first].author) == (
        "approved", "Đã sửa", "Trần Thị Hoa")
    assert [n.text for n in reviews[first].comments] == ["Gặp lại kế toán"]
    assert len(reviews[first].notes) == 3
    assert reviews[call].state is None and [n.text for n in reviews[call].comments] == [
        "Chỉ một bình luận"]
    other = OfficeNotes(store, Settings(store), Clock(NOW)).reviews_of(hai)
    assert other[second].state == "rejected"


def test_a_note_on_a_record_this_laptop_does_not_hold_is_listed_without_it(laptop):
    store, _visits, _ids = laptop
    elsewhere = _event(str(uuid.uuid4()), NOW, "approved", "")
    _pack(store, 1, [elsewhere])
    (note,) = OfficeNotes(store, Settings(store), Clock(NOW)).newest()
    assert note.customer_id is None and note.visit_at is None and note.customer_name == ""


def test_disputes_resolved_and_receipts_voided_are_notes_too(laptop, tmp_path):
    store, (first, second, _call), (lan, hai) = laptop
    dispute, payment = dispute_and_payment(store, first, lan, MORNING.date())
    _other, off_visit = dispute_and_payment(store, second, hai, MORNING.date())
    review = _event(second, datetime(2026, 11, 27, 1, 0, tzinfo=timezone.utc), "approved", "")
    resolution = {"uuid": dispute, "resolved_at": "2026-11-27T03:00:00+00:00",
                  "resolved_by": "Chị Hoa", "root_cause": "Kho giao nhầm lô hàng"}
    void = {"receipt_no": "PT-0007", "payment_id": payment, "voided_at":
            "2026-11-28T02:00:00+00:00", "by": "Chị Thu", "reason": "Khách chưa trả"}
    elsewhere = {"receipt_no": "PT-0009", "payment_id": str(uuid.uuid4()), "voided_at":
                 "2026-11-28T04:00:00+00:00", "by": "Chị Thu", "reason": "Nhập hai lần"}
    got = _pack(store, 1, [review], [void, elsewhere],
                [resolution, {**resolution, "uuid": str(uuid.uuid4())}])
    # The pack's count of new notes: the review, the dispute and the receipt held here.
    assert got.notes == 3 and got.resolved == 1

    notes = OfficeNotes(store, Settings(store), Clock(NOW))
    listed = notes.newest()
    assert [n.key for n in listed] == [(VOID, "PT-0007"), (RESOLUTION, dispute),
                                       (REVIEW, review["id"])]
    voided, resolved = listed[0], listed[1]
    assert (voided.state, voided.text, voided.author, voided.read) == (
        "PT-0007", "Khách chưa trả", "Chị Thu", False)
    assert voided.at == datetime(2026, 11, 28, 9, 0, tzinfo=VN)
    assert (voided.customer_id, voided.customer_code, voided.visit_uuid, voided.visit_at) == (
        lan, "KH001", first, MORNING)
    assert (resolved.text, resolved.author, resolved.state) == (
        "Kho giao nhầm lô hàng", "Chị Hoa", None)
    assert resolved.at == datetime(2026, 11, 27, 10, 0, tzinfo=VN)
    assert (resolved.customer_id, resolved.customer_name, resolved.visit_uuid) == (
        lan, "Công ty TNHH Minh Phát", first)
    assert notes.unread_count() == 3

    # Read marks name the kind: marking the void read leaves the others unread, and stays.
    assert notes.mark_read([voided.key]).office_notes and notes.unread_count() == 2
    path = store.path
    store.close()
    reopened = open_store(path)
    try:
        notes = OfficeNotes(reopened, Settings(reopened), Clock(NOW))
        assert {n.key: n.read for n in notes.newest()} == {
            (VOID, "PT-0007"): True, (RESOLUTION, dispute): False, (REVIEW, review["id"]): False}
        # The same resolutions and voids again (the office resends them): nothing new.
        again = _pack(reopened, 2, [], [void], [resolution])
        assert again.notes == 0 and notes.unread_count() == 2
        # A receipt voided later on a payment taken off any visit: about its customer only.
        off = {**void, "receipt_no": "PT-0010", "payment_id": off_visit}
        with reopened.sessions.begin() as session:
            session.get(PaymentRow, off_visit).visit_uuid = None
        assert _pack(reopened, 3, [], [off]).notes == 1
        top = notes.newest()[0]
        assert (top.key, top.customer_id, top.visit_uuid, top.read) == (
            (VOID, "PT-0010"), hai, None, False)
        assert notes.mark_all_read().office_notes and notes.unread_count() == 0
        # The visit history's review column is about reviews only.
        assert set(notes.reviews_of(lan)) == set()
        assert set(notes.reviews_of(hai)) == {second}
    finally:
        reopened.close()
