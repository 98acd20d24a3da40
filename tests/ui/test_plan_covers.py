"""The plan editor's "covers invoices" agrees with the agreement it will print: balances after
the money taken on the same visit, an invoice paid in full there left out, disputed ones too."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import Dispute, DisputeReason, MoneyReceived, OutcomeKind
from fieldapp.ui import formats

from conftest import TODAY
from visit_helpers import customer_with_open_invoices, resume_draft


def test_covers_invoices_shows_what_is_left_after_today_s_money(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services, at_least=3)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    paid_off, part, other = [i for i in ctx.invoices if not i.disputed][:3]
    half = Money(part.balance.minor // 2, part.balance.currency)
    cash = MoneyReceived(paid_off.balance + half, "cash", "",
                         (Allocation(paid_off.id, paid_off.number, paid_off.balance),
                          Allocation(part.id, part.number, half)))
    resolve.add(OutcomeKind.MONEY_RECEIVED, cash, focus=False)
    plan = resolve.add(OutcomeKind.INSTALLMENT_PLAN)
    qtbot.waitUntil(lambda: plan.covers.text() != "", timeout=2000)
    covers = plan.covers.text()
    assert paid_off.number not in covers
    left = Money(part.balance.minor - half.minor, part.balance.currency)
    assert f"{part.number} ({formats.money(left)})" in covers
    assert f"{other.number} ({formats.money(other.balance)})" in covers
    assert paid_off.id not in plan.outcome().invoice_ids and part.id in plan.outcome().invoice_ids
    opened = datetime.combine(TODAY, time(9), tzinfo=timezone(timedelta(hours=7)))
    resolve.add(OutcomeKind.DISPUTE, Dispute(DisputeReason.QUALITY, (other.id,), "Hàng lỗi", "",
                                             opened), focus=False)
    resolve._after_change(None)
    assert other.number not in plan.covers.text() and other.id not in plan.outcome().invoice_ids


def test_a_dispute_that_changes_the_plan_total_says_so(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services, at_least=2)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    plan = resolve.add(OutcomeKind.INSTALLMENT_PLAN)
    before = plan.total.money_or_zero()
    assert plan.total_note.isHidden()
    disputed = [i for i in ctx.invoices if not i.disputed][0]
    opened = datetime.combine(TODAY, time(9), tzinfo=timezone(timedelta(hours=7)))
    resolve.add(OutcomeKind.DISPUTE, Dispute(DisputeReason.QUALITY, (disputed.id,), "Hàng lỗi",
                                             "", opened), focus=False)
    resolve._after_change(None)
    after = plan.total.money_or_zero()
    assert after == before - disputed.balance
    note = plan.total_note.text()
    assert not plan.total_note.isHidden()
    assert formats.money(before) in note and formats.money(after) in note


def test_commitments_above_what_is_owed_ask_for_a_confirmed_reason(qtbot, live_window,
                                                                    live_services):
    from fieldapp.domain.validation import OVER_BALANCE_REASON
    from fieldapp.domain.visit import Promise

    file, ctx = customer_with_open_invoices(live_services, at_least=2)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    owed = ctx.collectible(win.session.visit)
    resolve.add(OutcomeKind.INSTALLMENT_PLAN, focus=False)   # the whole balance
    resolve.add(OutcomeKind.PROMISE, Promise(Money(owed.minor // 2, owed.currency),
                                             TODAY + timedelta(days=5), "Chị Hường"), focus=False)
    resolve._after_change(None)
    qtbot.waitUntil(lambda: not resolve.over_box.isHidden(), timeout=5000)
    assert resolve.messages_for(OVER_BALANCE_REASON)
    resolve.over_confirm.setChecked(True)
    resolve.over_reason.setFocus()
    qtbot.keyClicks(resolve.over_reason, "credit note pending")
    qtbot.waitUntil(lambda: not resolve.messages_for(OVER_BALANCE_REASON), timeout=5000)
    qtbot.waitUntil(lambda: live_services.visits.load(win.session.visit.uuid).answers.get(
        OVER_BALANCE_REASON) == "credit note pending", timeout=5000)
