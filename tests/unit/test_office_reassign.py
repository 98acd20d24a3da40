"""Reassigning a customer: past visits keep their author, open follow-ups move with the customer,
and two supervisors assigning at once keep each other's work."""

import threading
from datetime import date

import pytest
from sqlalchemy import text

from fieldapp.domain.money import Money
from fieldapp.domain.office_filters import CustomerFilter
from fieldapp.domain.visit import Dispute, DisputeReason, Promise
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store, open_url
from tests.conftest import ON_BOTH_DATABASES, TODAY
from tests.unit.test_visits import NOW, complete, world  # noqa: F401 (fixture)

pytestmark = ON_BOTH_DATABASES


def test_reassigning_keeps_visits_with_their_author_and_moves_follow_ups(world):  # noqa: F811
    visits, cid, _clock, store = world
    office = build(store, TODAY, actor="lan.supervisor")
    office.collectors.add("Trần Minh Khoa")
    office.collectors.add("Lê Thu Hà")
    office.assignments.assign("Trần Minh Khoa", customer_ids=[cid])
    promise = Promise(Money(5_000_000, "VND"), date(2026, 11, 28), "Nguyễn Thị Hường")
    dispute = Dispute(DisputeReason.DAMAGED, (3,), "5 thùng móp méo", "Đổi hàng", NOW)
    final, _ = visits.finalize(complete(visits.start(cid), promise, dispute))
    before = office.collectors.open_follow_ups("Trần Minh Khoa")
    assert sorted(o.kind for o in before) == ["dispute", "promise"]
    assert office.collectors.open_follow_ups("Lê Thu Hà") == []

    office.assignments.assign("Lê Thu Hà", customer_ids=[cid])

    # The open promise and dispute are now on the new collector's list, and only there.
    after = office.collectors.open_follow_ups("Lê Thu Hà")
    assert {o.uuid for o in after} == {o.uuid for o in before}
    assert office.collectors.open_follow_ups("Trần Minh Khoa") == []
    assert {x.collector.name: x.follow_ups for x in office.collectors.loads()} == {
        "Trần Minh Khoa": 0, "Lê Thu Hà": 2}
    # The past visit still names the collector who made it, byte for byte.
    (entry,) = visits.history(cid)
    assert entry.visit.collector == "Trần Minh Khoa" and entry.sha256 == final_sha(store, final.uuid)


def final_sha(store, uuid):
    with store.engine.connect() as conn:
        body, sha = conn.execute(text("SELECT body, sha256 FROM visit WHERE uuid = :u"),
                                 {"u": uuid}).one()
    assert '"Trần Minh Khoa"' in body
    return sha


def _second_store(store):
    """Another supervisor: a store object of its own on the same database."""
    return open_store(store.path) if store.is_sqlite else open_url(
        store.engine.url.render_as_string(hide_password=False))


@pytest.fixture
def crowd(builder):
    for n in range(1, 201):
        builder.customer(f"Khách hàng {n:03d}", code=f"K{n:03d}",
                         district="Quận 1" if n <= 100 else "Quận 3")
    builder.save()
    office = build(builder.store, TODAY, actor="an")
    for name in ("Trần Minh Khoa", "Lê Thu Hà", "Phạm Văn Bình"):
        office.collectors.add(name)
    return builder.store


def test_two_supervisors_assigning_at_once_keep_each_others_work(crowd):
    other = _second_store(crowd)
    try:
        supervisors = [build(crowd, TODAY, actor="an"), build(other, TODAY, actor="binh")]
        start = threading.Barrier(2)
        errors = []

        def work(office, jobs):
            try:
                start.wait()
                for to, wanted in jobs:
                    office.assignments.assign(to, wanted=wanted)
            except Exception as exc:  # noqa: BLE001 (the test reports it)
                errors.append(exc)
        # An assigns district 1 and then everyone left; Bình assigns district 3 and then takes
        # district 1 over from whoever has it: overlapping customers, in both orders.
        jobs = [[("Trần Minh Khoa", CustomerFilter(district="Quận 1")),
                 ("Lê Thu Hà", CustomerFilter(no_collector=True))],
                [("Phạm Văn Bình", CustomerFilter(district="Quận 3")),
                 ("Lê Thu Hà", CustomerFilter(district="Quận 1"))]]
        threads = [threading.Thread(target=work, args=(s, j)) for s, j in zip(supervisors, jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
        _check_log_agrees(supervisors[0])
    finally:
        other.close()


def _check_log_agrees(office):
    """Replaying the log in order gives every customer the collector it has: each change starts
    from where the previous one left it, so no supervisor's change was lost or overwritten
    unseen."""
    log = sorted(office.assignments.changes(limit=10_000), key=lambda c: c.at)
    held: dict[int, str | None] = {}
    for change in log:
        assert held.get(change.customer_id) == change.from_collector, change
        held[change.customer_id] = change.to_collector
    now = {c.id: c.collector_id for c in office.assignments.customers(CustomerFilter(), 1000)}
    assert {cid: col for cid, col in now.items() if col} == {
        cid: col for cid, col in held.items() if col}
    assert len(now) == 200 and all(now.values())  # district 3 went to Bình or Hà: nobody left
    actors = {c.actor for c in log}
    assert actors == {"an", "binh"}
