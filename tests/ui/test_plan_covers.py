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
