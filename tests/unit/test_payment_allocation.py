"""Each payment counted once (DESIGN §9a): promises and installment lines take their share of
the money in order, and an amendment keeps the plan tracked."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from fieldapp.domain.commitments import LiveOutcome, PaymentLine, allocate
from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import InstallmentPlan, MoneyReceived, Promise, PromiseStatus
from fieldapp.services.followups import FollowUpKind, FollowUps
from fieldapp.services.portfolio import Portfolio
from tests.conftest import VN
from tests.unit.test_visits import NOW, complete, world  # noqa: F401  (fixture)


def _c(uuid, made, due, minor, kind="promise", visit=None, cid=1, currency="VND"):
    amount = Money(minor, currency)
    return LiveOutcome(uuid, visit or f"v-{uuid}", cid, kind, made, due, None, amount, amount, None)


def _p(pid, day, minor, visit=None, cid=1, currency="VND"):
    return PaymentLine(cid, day, Money(minor, currency), visit, pid)


D = date


def test_one_payment_keeps_only_what_it_covers_oldest_due_first():
    # The case: one 20 M payment, three promises for 21.9 M, two made after it.
    a = _c("a", D(2026, 11, 1), D(2026, 11, 10), 8_000_000)
    b = _c("b", D(2026, 11, 6), D(2026, 11, 20), 6_900_000)   # made after the payment
    c = _c("c", D(2026, 11, 7), D(2026, 11, 25), 7_000_000)   # made after the payment
    taken = allocate([c, b, a], [_p("p1", D(2026, 11, 5), 20_000_000)], grace_days=3)
    assert taken == {"a": 8_000_000, "b": 0, "c": 0}
    assert sum(taken.values()) <= 20_000_000


def test_earliest_due_first_and_the_rest_to_the_next():
    late = _c("late", D(2026, 11, 1), D(2026, 12, 1), 5_000_000)
    soon = _c("soon", D(2026, 11, 2), D(2026, 11, 15), 3_000_000)
    taken = allocate([late, soon], [_p("p", D(2026, 11, 10), 4_000_000)], 3)
    assert taken == {"soon": 3_000_000, "late": 1_000_000}


def test_partial_payments_in_different_orders_give_the_same_shares():
    lines = [_c(f"l{n}", D(2026, 11, 1), D(2026, 11 + n, 1), 10_000_000, "installment", "plan")
             for n in (1,)] + [_c("l2", D(2026, 11, 1), D(2027, 1, 1), 10_000_000, "installment", "plan")]
    promise = _c("pr", D(2026, 11, 1), D(2026, 11, 20), 4_000_000)
    payments = [_p("x", D(2026, 11, 18), 3_000_000), _p("y", D(2026, 11, 30), 6_000_000),
                _p("z", D(2026, 12, 2), 6_000_000)]
    shares = allocate(lines + [promise], payments, 3)
    assert shares == allocate([promise] + lines[::-1], payments[::-1], 3)
    # 18 Nov: 3 M to the promise (due first). 30 Nov: the promise's window is closed (23 Nov),
    # so the 6 M go to the December line; 2 Dec: 4 M finish it, 2 M start the January line.
    assert shares == {"pr": 3_000_000, "l1": 10_000_000, "l2": 2_000_000}
    assert sum(shares.values()) == 15_000_000


def test_money_of_the_commitment_s_own_visit_other_currencies_and_customers_do_not_count():
    promise = _c("pr", D(2026, 11, 1), D(2026, 11, 20), 5_000_000, visit="v1")
    twd = _c("tw", D(2026, 11, 1), D(2026, 11, 20), 5_000, currency="TWD")
    payments = [_p("own", D(2026, 11, 1), 5_000_000, visit="v1"),
                _p("other", D(2026, 11, 2), 1_000_000, cid=2),
                _p("twd", D(2026, 11, 3), 2_000, currency="TWD"),
                _p("amended", D(2026, 11, 4), 1_000_000, visit="v0")]
    # a commitment of an amendment (v1 amends v0): money taken on v0 was not promised either
    promise = replace(promise, visits=("v1", "v0"))
    assert allocate([promise, twd], payments, 3) == {"pr": 0, "tw": 2_000}


def test_a_late_payment_serves_the_next_open_commitment_not_a_broken_one():
    broken = _c("old", D(2026, 10, 1), D(2026, 10, 10), 5_000_000)
    fresh = _c("new", D(2026, 11, 1), D(2026, 11, 30), 5_000_000)
    assert allocate([broken, fresh], [_p("p", D(2026, 11, 2), 5_000_000)], 3) == {
        "old": 0, "new": 5_000_000}


def _plan(today, total, down):
    lines = build_schedule(Money(total, "VND"), 2, date(2026, 12, 22), Frequency.MONTHLY,
                           down_payment=Money(down, "VND"), signed_on=today)
    return InstallmentPlan(Money(total, "VND"), lines, Frequency.MONTHLY)


def test_amending_a_promise_keeps_the_plan_tracked(world):  # noqa: F811
    visits, cid, clock, store = world
    invoices = Portfolio(store, lambda: NOW.date()).open_customer(cid).invoices
    hd1 = next(i for i in invoices if i.number == "HD-1")
    cash = MoneyReceived(Money(5_000_000, "VND"), "cash", "",
                         (Allocation(hd1.id, hd1.number, Money(5_000_000, "VND")),))
    promise = Promise(Money(10_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    plan = _plan(NOW.date(), 20_000_000, 5_000_000)
    final, _ = visits.finalize(complete(visits.start(cid), cash, promise, plan))
    follow = FollowUps(store, visits.settings, clock)

    def due_lines():
        return [(f.kind, f.due_on, f.amount.minor, f.paid.minor)
                for f in follow.list(cid) if f.what == "installment"]

    before = due_lines()
    assert before == [(FollowUpKind.DUE_TODAY, NOW.date(), 5_000_000, 0)]
    draft = visits.amend(final.uuid, "Khách hứa 12 triệu, không phải 10")
    kept_cash = next(o for o in final.outcomes if isinstance(o, MoneyReceived))
    amended, _ = visits.finalize(replace(complete(draft, kept_cash, replace(promise, amount=Money(
        12_000_000, "VND")), plan), amends=final.uuid, amend_reason=draft.amend_reason))
    assert due_lines() == before   # the down payment is still due today, still unpaid
    assert follow.promise_statuses(cid) == {amended.uuid: (PromiseStatus.OPEN, Money(0, "VND"))}


def test_payments_after_an_amendment_are_shared_once(world):  # noqa: F811
    visits, cid, clock, store = world
    promise = Promise(Money(10_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    plan = _plan(NOW.date(), 20_000_000, 5_000_000)
    final, _ = visits.finalize(complete(visits.start(cid), promise, plan))
    draft = visits.amend(final.uuid, "Sửa số tiền hứa")
    visits.finalize(replace(complete(draft, replace(promise, amount=Money(12_000_000, "VND")), plan),
                            amends=final.uuid, amend_reason=draft.amend_reason))
    from tests.unit.test_visits import _pay
    _pay(store, "p-1", cid, date(2026, 11, 23), 8_000_000)   # down payment first (due 22 Nov)
    _pay(store, "p-2", cid, date(2026, 11, 29), 7_000_000)
    clock.value = datetime(2026, 12, 4, 10, 0, tzinfo=VN)     # the promise's grace is over
    follow = FollowUps(store, visits.settings, clock)
    (p,) = [f for f in follow.list(cid) if f.what == "promise"]
    # 5 M went to the down payment, 3 M + 7 M to the promise: 10 of 12 M, not 15 M
    assert (p.kind, p.paid.minor) == (FollowUpKind.PARTIALLY_KEPT, 10_000_000)
    assert [f for f in follow.list(cid) if f.what == "installment" and f.due_on == NOW.date()] == []
    (status, paid), = follow.promise_statuses(cid).values()
    assert (status, paid.minor) == (PromiseStatus.PARTIALLY_KEPT, 10_000_000)


def test_an_amendment_made_days_later_dates_its_commitments_from_the_meeting(world):  # noqa: F811
    visits, cid, clock, store = world
    promise = Promise(Money(10_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    final, _ = visits.finalize(complete(visits.start(cid), promise))
    from tests.unit.test_visits import _pay
    _pay(store, "p-1", cid, date(2026, 11, 24), 4_000_000)     # before the correction
    clock.value = datetime(2026, 11, 26, 9, 0, tzinfo=VN)
    draft = visits.amend(final.uuid, "Hẹn 12 triệu")
    amended, _ = visits.finalize(replace(complete(draft, replace(promise, amount=Money(
        12_000_000, "VND"))), amends=final.uuid, amend_reason=draft.amend_reason))
    statuses = FollowUps(store, visits.settings, clock).promise_statuses(cid)
    assert statuses == {amended.uuid: (PromiseStatus.OPEN, Money(4_000_000, "VND"))}


def test_commitments_above_what_is_owed_need_a_confirmed_reason(world):  # noqa: F811
    """40 M open: 10 M promised on one visit, then a plan for the whole 40 M on the next."""
    from fieldapp.domain.validation import OVER_BALANCE_REASON
    from fieldapp.services.finalize import VisitIncomplete
    visits, cid, clock, store = world
    first, _ = visits.finalize(complete(visits.start(cid), Promise(
        Money(10_000_000, "VND"), date(2026, 11, 30), "Chị Hường")))
    plan = _plan(NOW.date(), 40_000_000, 5_000_000)
    later = complete(visits.start(cid), plan)
    assert [(e.field, e.code, e.params) for e in visits.check_step("resolve", later)] == [
        (OVER_BALANCE_REASON, "commitments_above_balance",
         {"committed": Money(50_000_000, "VND"), "balance": Money(40_000_000, "VND")})]
    with pytest.raises(VisitIncomplete):
        visits.finalize(later)
    # money already paid toward the promise is no longer expected from it
    from tests.unit.test_visits import _pay
    _pay(store, "p-1", cid, date(2026, 11, 22), 10_000_000)
    smaller = complete(visits.start(cid), _plan(NOW.date(), 30_000_000, 5_000_000))
    assert visits.check_step("resolve", smaller) == []
    # an amendment replaces its original's promise instead of adding to it
    draft = visits.amend(first.uuid, "Sửa ngày")
    assert visits.check_step("resolve", complete(draft, Promise(
        Money(30_000_000, "VND"), date(2026, 12, 1), "Chị Hường"))) == []
    reason = "Phiếu giảm giá chưa nhập vào hệ thống"
    confirmed = replace(later, answers={**later.answers, OVER_BALANCE_REASON: reason})
    final, _ = visits.finalize(confirmed)
    assert final.answers[OVER_BALANCE_REASON] == reason


def test_the_record_prints_the_confirmed_reason(tmp_path):
    import subprocess
    from fieldapp.documents import visit_record
    from fieldapp.documents.sample import record as sample_record
    from fieldapp.domain.validation import OVER_BALANCE_REASON

    def words(rec):
        path = tmp_path / "record.pdf"
        path.write_bytes(visit_record.build(rec))
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        return " ".join(out.stdout.decode().split())

    rec = sample_record("vi")
    confirmed = replace(rec, visit=replace(rec.visit, answers={
        **rec.visit.answers, OVER_BALANCE_REASON: "Hóa đơn chưa nhập"}))
    text = words(confirmed)
    assert "xác nhận số tiền vượt số dư" in text and "Hóa đơn chưa nhập" in text
    assert "vượt số dư" not in words(rec)


def test_collecting_what_an_earlier_promise_asked_for_is_not_above_the_balance(world):  # noqa: F811
    """40 M open and promised in full; the next visit takes the 40 M: counted once, not twice."""
    visits, cid, _clock, _store = world
    visits.finalize(complete(visits.start(cid), Promise(
        Money(40_000_000, "VND"), date(2026, 11, 30), "Chị Hường")))
    ctx = visits.context(cid)
    owed = sum(i.balance.minor for i in ctx.invoices if not i.disputed)
    assert owed == 40_000_000
    cash = MoneyReceived(Money(owed, "VND"), "cash", "", tuple(
        Allocation(i.id, i.number, i.balance) for i in ctx.invoices if not i.disputed))
    assert visits.check_step("resolve", complete(visits.start(cid), cash)) == []
