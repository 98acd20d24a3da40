"""The work queues on SQLite and PostgreSQL: each queue's rules, oldest first, the 24-hour
dispute deadline across zones, assigning and resolving a dispute (root cause apart from the
claimed reason, paused invoices resumed), promises judged with each payment counted once."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from fieldapp.domain import queues as q
from fieldapp.domain.errors import NotFound
from fieldapp.domain.visit import NextStep
from fieldapp.services.office.queues import Queues
from fieldapp.services.office.review import Review
from fieldapp.services.settings import Settings
from tests.conftest import ON_BOTH_DATABASES, VN, Clock
from tests.queue_data import dispute, paid, promise, record, refusal, team

pytestmark = ON_BOTH_DATABASES
TAIPEI = ZoneInfo("Asia/Taipei")
NOW = datetime(2026, 11, 27, 9, 30, tzinfo=VN)
TODAY = NOW.date()


@pytest.fixture
def office(store, builder):
    customers = [builder.customer(n) for n in ("An Phát", "Bình Minh", "Cửu Long")]
    invoices = {n: builder.invoice(customers[0], n, date(2026, 10, 1), 5_000_000)
                for n in ("HD-1", "HD-2", "HD-3")}
    builder.save()
    clock = Clock(NOW)
    return (Queues(store, clock, "thu.tran", Settings(store)), team(store), customers,
            invoices, clock)


def _keys(items):
    return [i.key for i in items]


def test_a_dispute_recorded_at_2330_in_taipei_has_one_deadline_in_every_office_zone(store,
                                                                                    office):
    queues, _team, (an, *_), _inv, clock = office
    recorded = datetime(2026, 11, 26, 23, 30, tzinfo=TAIPEI)  # 22:30 in Hồ Chí Minh City
    record(store, an, recorded, [dispute(recorded)], zone=TAIPEI)
    seen = {}
    for zone, now in (("Asia/Ho_Chi_Minh", datetime(2026, 11, 27, 10, 30, tzinfo=VN)),
                      ("UTC", datetime(2026, 11, 27, 3, 30, tzinfo=timezone.utc))):
        clock.value = now  # the same instant, told in the office's zone
        (item,) = queues.items(q.DISPUTES)
        seen[zone] = item
        assert item.deadline == recorded + timedelta(hours=24)
        assert item.deadline.utcoffset() == now.utcoffset()  # shown in the office's zone
        assert q.hours_left(item.deadline, now) == 12  # 23:30 Taipei + 24 h − 11:30 Taipei
        assert not q.overdue(item.deadline, now)
    assert seen["UTC"].deadline.hour == 15 and seen["Asia/Ho_Chi_Minh"].deadline.hour == 22
    clock.value = datetime(2026, 11, 28, 0, 30, tzinfo=TAIPEI)  # one hour past it
    (late,) = queues.items(q.DISPUTES)
    assert q.overdue(late.deadline, clock.value) and q.hours_left(late.deadline, clock.value) == -1


def test_resolving_keeps_the_claimed_reason_writes_the_root_cause_and_resumes_invoices(
        store, office):
    queues, _team, (an, *_), inv, clock = office
    at = NOW - timedelta(hours=3)
    # The laptop's own invoice ids 7 and 8 stand for HD-1 and HD-2 (the ref says so).
    _v, (first,) = record(store, an, at, [dispute(at, (7, 8))], numbers={7: "HD-1", 8: "HD-2"})
    later = at + timedelta(hours=1)
    _v, (second,) = record(store, an, later, [dispute(later, (9,))], numbers={9: "HD-2"})
    assert _disputed(store) == {"HD-1": True, "HD-2": True, "HD-3": False}
    assert _keys(queues.items(q.DISPUTES)) == [first, second]  # oldest first

    with pytest.raises(q.QueueError) as empty:
        queues.assign(first, "  ")
    assert empty.value.code == "queue.resolver_required"
    queues.assign(first, "Trần Thu")
    assert queues.items(q.DISPUTES)[0].resolver == "Trần Thu"
    with pytest.raises(q.QueueError) as blank:
        queues.resolve(first, "")
    assert blank.value.code == "queue.root_cause_required"
    assert _disputed(store)["HD-1"]  # nothing changed by the refused resolution

    done = queues.resolve(first, "Kho giao nhầm lô hàng")
    assert done.resumed == ("HD-1",)  # HD-2 is still paused by the second dispute
    assert _disputed(store) == {"HD-1": False, "HD-2": True, "HD-3": False}
    with store.engine.connect() as conn:
        cause, by = conn.execute(text("SELECT root_cause, resolved_by FROM dispute_resolution "
                                      "WHERE outcome_uuid = :u"), {"u": first}).one()
        claimed = conn.execute(text("SELECT body FROM outcome WHERE uuid = :u"),
                               {"u": first}).scalar()
    assert (cause, by) == ("Kho giao nhầm lô hàng", "thu.tran")
    assert '"reason": "damaged"' in claimed and "Kho giao" not in claimed
    assert _keys(queues.items(q.DISPUTES)) == [second]
    with pytest.raises(q.QueueError) as again:
        queues.resolve(first, "twice")
    assert again.value.code == "queue.already_resolved"
    assert queues.resolve(second, "Giá sai").resumed == ("HD-2",)
    assert not any(_disputed(store).values())
    with pytest.raises(NotFound):
        queues.assign("0" * 36, "Trần Thu")


def test_a_typed_prefix_names_one_dispute(store, office):
    queues, _team, (an, bm, _c), _inv, _clock = office
    _v, (one,) = record(store, an, NOW, [dispute(NOW)])
    _v, (two,) = record(store, bm, NOW, [dispute(NOW)])
    assert queues.dispute_id(one[:8].upper()) == one
    with pytest.raises(NotFound):
        queues.dispute_id("abc")  # too short to be sure


def _disputed(store) -> dict[str, bool]:
    with store.engine.connect() as conn:
        return {n: bool(d) for n, d in conn.execute(text("SELECT number, disputed FROM invoice"))}


def test_promises_due_today_broken_and_partial_judge_each_payment_once(store, builder, office):
    queues, _team, (an, bm, cl), _inv, _clock = office
    builder.route_stop(an, 1, TODAY + timedelta(days=2))  # the office planned the next visit
    builder.route_stop(an, 1, TODAY - timedelta(days=2))
    builder.save()
    made = NOW - timedelta(days=20)
    _v, (due_today, _follow_up) = record(store, an, made, [promise(1_000_000, TODAY)],
                                         answers={"follow_up_on": "2026-11-30"})
    # Bình Minh promised twice; one payment of 1,000,000 keeps the older promise only.
    _v, (older,) = record(store, bm, made, [promise(1_000_000, TODAY - timedelta(days=10))])
    _v, (newer,) = record(store, bm, made + timedelta(hours=1),
                          [promise(1_000_000, TODAY - timedelta(days=9))])
    paid(store, bm, TODAY - timedelta(days=10), 1_000_000)
    # Cửu Long paid 400,000 of 1,000,000 before the grace days ran out.
    _v, (partial,) = record(store, cl, made, [promise(1_000_000, TODAY - timedelta(days=8))])
    paid(store, cl, TODAY - timedelta(days=8), 400_000)
    # Kept in full, and due tomorrow: no one's work.
    _v, (kept,) = record(store, an, made, [promise(300_000, TODAY - timedelta(days=5))])
    paid(store, an, TODAY - timedelta(days=5), 300_000)
    record(store, an, made, [promise(300_000, TODAY + timedelta(days=1))])

    found = queues.all()
    assert _keys(found[q.PROMISES_DUE]) == [due_today]
    assert found[q.PROMISES_DUE][0].next_step == q.NextStep(
        follow_up_on=date(2026, 11, 30), next_visit=TODAY + timedelta(days=2))
    assert found[q.PROMISES_DUE][0].reason == "promise"
    assert _keys(found[q.PROMISES_BROKEN]) == [newer]  # the payment counted for ``older``
    assert not found[q.PROMISES_BROKEN][0].next_step.known  # nothing planned for Bình Minh
    (part,) = found[q.PROMISES_PARTIAL]
    assert part.key == partial and part.paid.minor == 400_000 and part.amount.minor == 1_000_000
    everything = [i.key for items in found.values() for i in items]
    assert older not in everything and kept not in everything
    counts = {c.queue: c.count for c in queues.counts()}
    assert counts[q.PROMISES_DUE] == counts[q.PROMISES_BROKEN] == 1


def test_notes_refusals_and_records_with_issues(store, office):
    queues, team_ids, (an, bm, _c), _inv, clock = office
    noted, _o = record(store, an, NOW - timedelta(days=2),
                       answers={"supervisor_note": "Khách muốn gặp trưởng phòng"})
    record(store, an, NOW - timedelta(days=1), answers={"supervisor_note": ""})
    _v, (legal,) = record(store, bm, NOW - timedelta(days=3), [refusal()], collector="Minh")
    record(store, bm, NOW - timedelta(days=2), [refusal(NextStep.REVISIT)], collector="Minh")
    issue, _o = record(store, bm, NOW - timedelta(days=4))

    amended, _o = record(store, bm, NOW - timedelta(days=3),
                         answers={"supervisor_note": "Gọi lại trước"})
    record(store, bm, NOW - timedelta(days=3) + timedelta(hours=1), amends=amended,
           answers={"supervisor_note": "Gọi lại sau"})  # its amendment's note stands
    found = queues.all()
    amendment, note = found[q.NOTES]
    assert amendment.text == "Gọi lại sau"
    assert (note.key, note.text, note.collector) == (noted, "Khách muốn gặp trưởng phòng", "Lan")
    (refused,) = found[q.LEGAL]
    assert refused.key == legal and refused.collector_id == team_ids["Minh"]
    assert refused.next_step.refusal == "legal_route"
    assert found[q.ISSUES] == ()

    review = Review(store, clock, "thu.tran", lambda: VN)
    review.set_state(issue, "has_issues", "Thiếu ảnh hóa đơn")
    review.set_state(noted, "approved")  # reviewed: the note was read
    found = queues.all()
    assert [n.key for n in found[q.NOTES]] == [amendment.key]
    (bad,) = found[q.ISSUES]
    assert (bad.key, bad.text) == (issue, "Thiếu ảnh hóa đơn")
    queues.hand_over(legal)
    assert queues.items(q.LEGAL) == ()
    with pytest.raises(q.QueueError):
        queues.hand_over(legal)


def test_counts_say_the_oldest_item_and_every_queue_is_listed(store, office):
    queues, _team, (an, *_), _inv, _clock = office
    first = NOW - timedelta(hours=30)
    record(store, an, NOW - timedelta(hours=2), [dispute(NOW - timedelta(hours=2))])
    record(store, an, first, [dispute(first)])
    counts = queues.counts()
    assert [c.queue for c in counts] == list(q.QUEUES)
    disputes = counts[0]
    assert (disputes.count, disputes.oldest) == (2, first)
    assert all(c.count == 0 and c.oldest is None for c in counts[1:])
    with pytest.raises(q.QueueError):
        queues.items("nonsense")

