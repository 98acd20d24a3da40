"""Visit lifecycle through the services on a real SQLite file: drafts, finalize, amend, follow-ups."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import (Dispute, DisputeReason, InstallmentPlan, MoneyReceived,
                                   Promise, PromiseStatus, Signature, VisitKind, VisitStatus)
from fieldapp.services import settings as cfg
from fieldapp.services.finalize import VisitIncomplete
from fieldapp.services.followups import FollowUpKind, FollowUps
from fieldapp.services.portfolio import Portfolio
from fieldapp.services.visits import Visits
from fieldapp.store import bulk
from fieldapp.store.visit_repo import FinalizedVisitError
from tests.conftest import ON_BOTH_DATABASES, Clock, VN

pytestmark = ON_BOTH_DATABASES

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
INK = (((0.0, 0.0), (100.0, 0.0), (100.0, 60.0)),)


@pytest.fixture
def world(builder):
    cid = builder.customer("Công ty TNHH Đặng Hưng", contacts=[("Nguyễn Thị Hường", "0912")])
    builder.invoice(cid, "HD-1", date(2026, 8, 1), 20_000_000)
    builder.invoice(cid, "HD-2", date(2026, 9, 1), 12_000_000)
    builder.invoice(cid, "HD-3", date(2026, 10, 1), 8_000_000)
    builder.save()
    clock = Clock(NOW)
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    visits = Visits(builder.store, settings, clock)
    return visits, cid, clock, builder.store


def complete(visit, *outcomes):
    answers = {"objective": "Thu nợ quá hạn", "materials": ["contract", "invoices"],
               "deliveries_match": "yes", "balances_reviewed": True, "met_contact": "Nguyễn Thị Hường",
               "purpose_stated": True, "position_reason": "cash_flow", "reminder_days": 2}
    sig = Signature("Nguyễn Thị Hường", "Kế toán trưởng", INK, 400, 150)
    mine = Signature("Trần Minh Khoa", "Collector", INK, 400, 150)
    return replace(visit, answers=answers, outcomes=outcomes, customer_signature=sig,
                   collector_signature=mine)


def test_drafts_are_saved_and_offered_for_recovery(world):
    visits, cid, _clock, _store = world
    v = visits.start(cid)
    visits.save_draft(replace(v, answers={"objective": "Gặp chị Hường"}))
    (draft,) = visits.drafts()
    assert (draft.uuid, draft.customer_name, draft.kind) == (v.uuid, "Công ty TNHH Đặng Hưng", VisitKind.VISIT)
    assert visits.load(v.uuid).answers == {"objective": "Gặp chị Hường"}
    assert visits.load(v.uuid).collector == "Trần Minh Khoa"
    visits.discard(v.uuid)
    assert visits.drafts() == []


def test_incomplete_visit_is_refused_and_nothing_changes(world):
    visits, cid, _clock, store = world
    v = visits.start(cid)
    promise = Promise(Money(50_000_000, "VND"), date(2026, 11, 1), "")
    with pytest.raises(VisitIncomplete) as caught:
        visits.finalize(replace(complete(v, promise), customer_signature=None))
    errors = {step: [(e.field, e.code) for e in errs] for step, errs in caught.value.errors.items()}
    assert errors == {"resolve": [("outcomes.0.amount", "amount_above_balance"),
                                  ("outcomes.0.due_on", "date_in_past"),
                                  ("outcomes.0.promised_by", "required")],
                      "sign": [("customer_signature", "signature_required")]}
    assert visits.load(v.uuid).status is VisitStatus.DRAFT
    assert visits.history(cid) == []


def test_finalize_records_money_with_gap_free_receipts_and_marks_disputes(world):
    visits, cid, clock, store = world
    portfolio = Portfolio(store, lambda: NOW.date())
    invoices = {i.number: i for i in portfolio.open_customer(cid).invoices}
    cash = MoneyReceived(Money(5_000_000, "VND"), "cash", "",
                         (Allocation(invoices["HD-1"].id, "HD-1", Money(5_000_000, "VND")),))
    dispute = Dispute(DisputeReason.DAMAGED, (invoices["HD-3"].id,), "5 thùng móp méo", "Đổi hàng", NOW)
    final, changes = visits.finalize(complete(visits.start(cid), cash, dispute))
    assert final.status is VisitStatus.FINAL and final.finalized_at == NOW
    first_receipt = final.outcomes[0].receipt_no
    assert first_receipt.endswith("-000001")
    assert changes.invoices and changes.follow_ups and cid in changes.customers
    assert changes.payments and changes.outcomes and changes.visits and changes.drafts
    assert not changes.customers_added and not changes.route  # the count and the day stay
    after = {i.number: i for i in portfolio.open_customer(cid).invoices}
    assert after["HD-1"].open_balance == Money(15_000_000, "VND")
    assert after["HD-3"].disputed and not after["HD-2"].disputed
    (payment,) = [p for p in portfolio.open_customer(cid).payments]
    assert payment.amount == Money(5_000_000, "VND") and payment.method.value == "cash"
    clock.value = NOW + timedelta(hours=1)
    second, _ = visits.finalize(complete(visits.start(cid), replace(cash, amount=Money(1_000_000, "VND"),
        allocations=(Allocation(invoices["HD-2"].id, "HD-2", Money(1_000_000, "VND")),))))
    assert second.outcomes[0].receipt_no == first_receipt.replace("000001", "000002")


def test_final_visits_are_immutable_and_amendments_reference_them(world):
    visits, cid, clock, _store = world
    promise = Promise(Money(10_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    final, _ = visits.finalize(complete(visits.start(cid), promise))
    with pytest.raises(FieldappError):
        visits.save_draft(final)
    with pytest.raises(FinalizedVisitError):
        visits.save_draft(replace(final, status=VisitStatus.DRAFT))
    with pytest.raises(FieldappError, match="needs a reason"):
        visits.amend(final.uuid, " ")
    clock.value = NOW + timedelta(hours=2)
    draft = visits.amend(final.uuid, "Khách hàng đổi ngày hẹn")
    assert draft.amends == final.uuid and draft.customer_signature is None
    corrected = complete(draft, replace(promise, due_on=date(2026, 12, 3)))
    amended, _ = visits.finalize(replace(corrected, amends=final.uuid, amend_reason=draft.amend_reason))
    history = visits.history(cid)
    assert [h.visit.uuid for h in history] == [amended.uuid, final.uuid]
    assert history[1].amended_by == (amended.uuid,)
    assert history[1].visit.outcomes[0].due_on == date(2026, 11, 30)   # the original is untouched
    follow = FollowUps(_store, visits.settings, clock).list()
    assert [(f.kind, f.due_on) for f in follow] == []   # Dec 3 is 11 days away: no reminder yet
    clock.value = datetime(2026, 12, 1, 8, 0, tzinfo=VN)
    follow = FollowUps(_store, visits.settings, clock).list()
    assert [(f.kind, f.due_on) for f in follow] == [(FollowUpKind.REMINDER, date(2026, 12, 3))]


def test_amendment_cannot_drop_an_issued_receipt(world):
    visits, cid, clock, store = world
    inv = Portfolio(store, lambda: NOW.date()).open_customer(cid).invoices[0]
    cash = MoneyReceived(Money(1_000_000, "VND"), "cash", "", (Allocation(inv.id, inv.number, Money(1_000_000, "VND")),))
    final, _ = visits.finalize(complete(visits.start(cid), cash))
    draft = visits.amend(final.uuid, "sai số tiền")
    promise = Promise(Money(1_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    with pytest.raises(FieldappError, match="already issued"):
        visits.finalize(complete(draft, promise))


def _pay(store, pid, cid, day, minor):
    bulk.write_rows(store, {"payment": [dict(id=pid, customer_id=cid, paid_on=day, amount_minor=minor,
                                             currency="VND", method="transfer", reference="UNC")]})


def test_follow_ups_judge_promises_installments_and_disputes(world):
    visits, cid, clock, store = world
    settings = visits.settings
    invoices = Portfolio(store, lambda: NOW.date()).open_customer(cid).invoices
    hd3 = next(i for i in invoices if i.number == "HD-3")
    promise = Promise(Money(5_000_000, "VND"), date(2026, 11, 25), "Chị Hường")
    lines = build_schedule(Money(20_000_000, "VND"), 2, date(2026, 12, 1), Frequency.MONTHLY)
    plan = InstallmentPlan(Money(20_000_000, "VND"), lines, Frequency.MONTHLY)
    dispute = Dispute(DisputeReason.QUALITY, (hd3.id,), "Hàng kém chất lượng", "Giảm giá 10%", NOW)
    visits.finalize(complete(visits.start(cid), promise, plan, dispute))
    follow = FollowUps(store, settings, clock)
    assert {(f.kind, f.what) for f in follow.list()} == {(FollowUpKind.DISPUTE_OPEN, "dispute")}
    clock.value = datetime(2026, 11, 23, 4, 0, tzinfo=VN)   # 5.5 h before the 24-hour deadline
    assert {f.kind for f in follow.list()} == {FollowUpKind.DISPUTE_NEAR, FollowUpKind.REMINDER}
    clock.value = datetime(2026, 11, 25, 10, 0, tzinfo=VN)
    kinds = {(f.kind, f.what) for f in follow.list()}
    assert (FollowUpKind.DUE_TODAY, "promise") in kinds and (FollowUpKind.DISPUTE_LATE, "dispute") in kinds
    _pay(store, 900, cid, date(2026, 11, 27), 3_000_000)
    clock.value = datetime(2026, 11, 29, 10, 0, tzinfo=VN)   # grace of 3 days is over
    (p,) = [f for f in follow.list() if f.what == "promise"]
    assert p.kind is FollowUpKind.PARTIALLY_KEPT and p.paid == Money(3_000_000, "VND")
    _pay(store, 901, cid, date(2026, 12, 1), 9_000_000)
    clock.value = datetime(2026, 12, 5, 10, 0, tzinfo=VN)
    # The promise's window closed on 28 Nov: the 9 M go to the first line (10 M) alone, and the
    # 3 M that partly kept the promise are not counted a second time toward the plan.
    (line,) = [f for f in follow.list() if f.what == "installment"]
    assert line.kind is FollowUpKind.PARTIALLY_KEPT and line.paid == Money(9_000_000, "VND")
    (p,) = [f for f in follow.list() if f.what == "promise"]
    assert p.paid == Money(3_000_000, "VND")
    _pay(store, 902, cid, date(2026, 12, 20), 2_000_000)
    clock.value = datetime(2027, 1, 5, 10, 0, tzinfo=VN)
    # the first line's window is over too: the 2 M serve the second line, not the first
    # (which, broken more than 30 days ago, is no longer listed)
    lines = [(f.due_on, f.kind, f.paid.minor) for f in follow.list() if f.what == "installment"]
    assert lines == [(date(2027, 1, 1), FollowUpKind.PARTIALLY_KEPT, 2_000_000)]


def test_promise_statuses_include_kept_ones(world):
    visits, cid, clock, store = world
    promise = Promise(Money(2_000_000, "VND"), date(2026, 11, 25), "Chị Hường")
    final, _ = visits.finalize(complete(visits.start(cid), promise))
    _pay(store, 950, cid, date(2026, 11, 24), 2_000_000)
    clock.value = datetime(2026, 11, 26, 9, 0, tzinfo=VN)
    statuses = FollowUps(store, visits.settings, clock).promise_statuses(cid)
    assert statuses == {final.uuid: (PromiseStatus.KEPT, Money(2_000_000, "VND"))}


def test_post_dated_cheque_pays_on_its_date_and_context_knows_the_currency(world, builder):
    visits, cid, clock, store = world
    inv = Portfolio(store, lambda: NOW.date()).open_customer(cid).invoices[0]
    cheque = MoneyReceived(Money(3_000_000, "VND"), "post_dated_cheque", "Séc 000123",
                           (Allocation(inv.id, inv.number, Money(3_000_000, "VND")),),
                           cheque_date=date(2026, 12, 10))
    visits.finalize(complete(visits.start(cid), cheque))
    (payment,) = Portfolio(store, lambda: NOW.date()).open_customer(cid).payments
    assert payment.paid_on == date(2026, 12, 10) and payment.method.value == "post_dated_cheque"
    quiet = builder.customer("台北市永豐五金行有限公司", currency="TWD", language="zh_TW")
    builder.save()
    ctx = visits.context(quiet)
    assert ctx.currency == "TWD" and ctx.open_balance() == Money(0, "TWD")
