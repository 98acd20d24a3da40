"""Promise, payment, dispute, refusal, absence and signature rules; promise evaluation."""

from datetime import date, datetime, timedelta

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.promises import PromisePolicy, evaluate
from fieldapp.domain.records import Allocation
from fieldapp.domain.validation import (validate_absence, validate_dispute, validate_money_received,
                                        validate_promise, validate_refusal, validate_signature)
from fieldapp.domain.visit import (Absence, Dispute, DisputeReason, MoneyReceived, NextStep,
                                   Promise, PromiseStatus, Refusal, Signature)

from tests.conftest import VN

TODAY = date(2026, 11, 22)
BALANCE = Money(50_000_000, "VND")


def codes(errors):
    return [(e.field, e.code) for e in errors]


@pytest.mark.parametrize("amount, due, who, expected", [
    (10_000_000, TODAY + timedelta(days=7), "Chị Hường", []),
    (10_000_000, TODAY, "Chị Hường", []),
    (10_000_000, TODAY - timedelta(days=1), "Chị Hường", [("due_on", "date_in_past")]),
    (10_000_000, TODAY + timedelta(days=61), "Chị Hường", [("due_on", "date_beyond_horizon")]),
    (0, TODAY, "Chị Hường", [("amount", "amount_not_positive")]),
    (-5, TODAY, "Chị Hường", [("amount", "amount_not_positive")]),
    (50_000_001, TODAY, "Chị Hường", [("amount", "amount_above_balance")]),
    (1, TODAY, "  ", [("promised_by", "required")]),
])
def test_promise_rules(amount, due, who, expected):
    p = Promise(Money(amount, "VND"), due, who)
    assert codes(validate_promise(p, BALANCE, TODAY, horizon_days=60)) == expected


def test_promise_message_names_the_balance():
    (err,) = validate_promise(Promise(Money(60_000_000, "VND"), TODAY, "A"), BALANCE, TODAY, 60)
    assert "50000000" in err.message


def test_money_received_rules():
    alloc = (Allocation(1, "HD-1", Money(3_000_000, "VND")),)
    ok = MoneyReceived(Money(3_000_000, "VND"), "transfer", "UNC 1", alloc)
    assert validate_money_received(ok, BALANCE, TODAY, {1: Money(3_000_000, "VND")}) == []
    bad = MoneyReceived(Money(4_000_000, "VND"), "post_dated_cheque", "", alloc, cheque_date=TODAY)
    assert codes(validate_money_received(bad, BALANCE, TODAY, {1: Money(2_000_000, "VND")})) == [
        ("reference", "reference_required"), ("cheque_date", "cheque_date_required"),
        ("allocations", "allocations_mismatch"), ("allocations", "allocation_above_invoice")]
    cash = MoneyReceived(Money(500_000, "VND"), "cash", "", ())
    assert validate_money_received(cash, BALANCE, TODAY, {}) == []


def test_dispute_deadline_and_rules():
    at = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
    d = Dispute(DisputeReason.DAMAGED, (), "", "Đổi hàng", at)
    assert d.deadline == datetime(2026, 11, 23, 9, 30, tzinfo=VN)
    assert codes(validate_dispute(d)) == [("invoice_ids", "no_invoices"), ("description", "required")]


def test_refusal_and_absence_rules():
    assert codes(validate_refusal(Refusal("", NextStep.LEGAL_ROUTE))) == [("reason", "required")]
    assert codes(validate_absence(Absence("Đóng cửa", TODAY, ("photo-1",)), TODAY)) == [
        ("revisit_on", "date_not_after_today")]
    # On site the collector says what was found and shows it; a call has nothing to photograph.
    assert codes(validate_absence(Absence("", TODAY + timedelta(days=1)), TODAY)) == [
        ("note", "required"), ("photos", "photo_required")]
    assert codes(validate_absence(Absence(" ", TODAY + timedelta(days=1)), TODAY,
                                  photo_required=False)) == [("note", "required")]
    assert validate_absence(Absence("Đóng cửa", TODAY + timedelta(days=1), ("photo-1",)),
                            TODAY) == []


def test_signature_needs_ink_and_a_name():
    scribble = Signature("Nguyễn Văn A", "Giám đốc", (((0, 0), (30, 40)),))  # 50 px
    assert validate_signature(scribble, "customer_signature", 40) == []
    assert codes(validate_signature(scribble, "customer_signature", 80)) == [
        ("customer_signature", "too_little_ink")]
    # Nothing drawn is a missing signature, not a small one.
    assert codes(validate_signature(None, "collector_signature", 1)) == [
        ("collector_signature", "signature_required")]
    nameless = Signature("", "", scribble.strokes)
    assert codes(validate_signature(nameless, "customer_signature", 10)) == [
        ("customer_signature_name", "required")]


MADE, DUE = date(2026, 11, 1), date(2026, 11, 15)


@pytest.mark.parametrize("payments, as_of, expected", [
    ([(date(2026, 11, 14), 10_000_000)], date(2026, 11, 14), (PromiseStatus.KEPT, 10_000_000)),
    ([(date(2026, 11, 18), 10_000_000)], date(2026, 11, 30), (PromiseStatus.KEPT, 10_000_000)),
    ([(date(2026, 11, 19), 10_000_000)], date(2026, 11, 30), (PromiseStatus.BROKEN, 0)),
    ([(date(2026, 10, 30), 10_000_000)], date(2026, 11, 30), (PromiseStatus.BROKEN, 0)),
    ([(date(2026, 11, 10), 4_000_000)], date(2026, 11, 17), (PromiseStatus.OPEN, 4_000_000)),
    ([(date(2026, 11, 10), 4_000_000)], date(2026, 11, 19), (PromiseStatus.PARTIALLY_KEPT, 4_000_000)),
    ([], date(2026, 11, 18), (PromiseStatus.OPEN, 0)),
    ([], date(2026, 11, 19), (PromiseStatus.BROKEN, 0)),
])
def test_promise_evaluation_with_grace(payments, as_of, expected):
    assert evaluate(10_000_000, MADE, DUE, payments, as_of, PromisePolicy(grace_days=3)) == expected


def test_threshold_lets_a_small_shortfall_count_as_kept():
    pays = [(date(2026, 11, 15), 9_600_000)]
    strict = evaluate(10_000_000, MADE, DUE, pays, date(2026, 12, 1), PromisePolicy(0, 100))
    lenient = evaluate(10_000_000, MADE, DUE, pays, date(2026, 12, 1), PromisePolicy(0, 95))
    assert strict[0] is PromiseStatus.PARTIALLY_KEPT and lenient[0] is PromiseStatus.KEPT
