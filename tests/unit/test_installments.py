"""Installment schedules: exact sums, remainder on the last line, dates, validation."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.installments import (Frequency, add_months, build_schedule,
                                          discounted_total, split_evenly, with_dates)
from fieldapp.domain.money import Money
from fieldapp.domain.validation import validate_plan
from fieldapp.domain.visit import InstallmentPlan

TODAY = date(2026, 11, 22)


@given(total=st.integers(1, 10**12), count=st.integers(1, 60),
       currency=st.sampled_from(["VND", "TWD", "CNY"]))
def test_even_split_sums_exactly_with_remainder_last(total, count, currency):
    parts = split_evenly(Money(total, currency), count)
    assert len(parts) == count
    assert sum(p.minor for p in parts) == total
    assert all(p.minor == parts[0].minor for p in parts[:-1])
    assert 0 <= parts[-1].minor - parts[0].minor < count


@given(total=st.integers(2, 10**11), down=st.integers(0, 10**11), count=st.integers(1, 36),
       frequency=st.sampled_from(list(Frequency)), offset=st.integers(0, 60))
def test_schedules_sum_to_the_total_and_validate(total, down, count, frequency, offset):
    down = down % total  # strictly less than the total
    first = TODAY + timedelta(days=offset + 1)
    lines = build_schedule(Money(total, "VND"), count, first, frequency,
                           Money(down, "VND") if down else None, signed_on=TODAY)
    assert sum(l.amount.minor for l in lines) == total
    assert len(lines) == count + (1 if down else 0)
    assert [l.due_on for l in lines] == sorted({l.due_on for l in lines})
    plan = InstallmentPlan(Money(total, "VND"), lines, frequency)
    errors = validate_plan(plan, Money(total, "VND"), TODAY)
    # a line can only be zero when the rest is smaller than the number of installments
    assert errors == [] or (total - down) < count


def test_monthly_dates_clamp_to_month_end():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 15), 2) == date(2027, 2, 15)


def test_vnd_remainder_example():
    lines = build_schedule(Money(10_000_000, "VND"), 3, date(2026, 12, 1), Frequency.MONTHLY,
                           Money(1_000_000, "VND"), signed_on=TODAY)
    assert [(l.due_on, l.amount.minor, l.down_payment) for l in lines] == [
        (TODAY, 1_000_000, True), (date(2026, 12, 1), 3_000_000, False),
        (date(2027, 1, 1), 3_000_000, False), (date(2027, 2, 1), 3_000_000, False)]


def test_hand_edited_dates_are_checked():
    lines = build_schedule(Money(9_000_000, "VND"), 3, date(2026, 12, 1), Frequency.MONTHLY)
    moved = with_dates(lines, [date(2026, 12, 5), date(2026, 12, 5), date(2027, 1, 5)])
    plan = InstallmentPlan(Money(9_000_000, "VND"), moved, Frequency.MONTHLY)
    assert [e.code for e in validate_plan(plan, Money(9_000_000, "VND"), TODAY)] == [
        "dates_not_increasing"]


def test_plan_over_balance_and_bad_discount_are_refused():
    lines = build_schedule(Money(9_000_000, "VND"), 3, date(2026, 12, 1), Frequency.MONTHLY)
    plan = InstallmentPlan(Money(9_000_000, "VND"), lines, Frequency.MONTHLY, discount_pct=2.0)
    codes = {(e.field, e.code) for e in validate_plan(plan, Money(8_000_000, "VND"), TODAY)}
    assert codes == {("total", "amount_above_balance"), ("discount_until", "discount_date_required")}


def test_discounted_total_rounds_down_to_minor_units():
    assert discounted_total(Money(10_000_001, "VND"), 2.0) == Money(9_800_001, "VND")
    assert discounted_total(Money(12_345, "TWD"), 1.5) == Money(12_160, "TWD")
