"""Aging by due date: bucket edges and per-currency totals."""

from datetime import date, timedelta

import pytest

from fieldapp.domain.aging import age_balances, bucket_for, days_late
from fieldapp.domain.enums import AgingBucket as B
from fieldapp.domain.money import Money

AS_OF = date(2026, 11, 22)


@pytest.mark.parametrize("late, bucket", [
    (-10, B.CURRENT), (0, B.CURRENT), (1, B.D1_30), (30, B.D1_30), (31, B.D31_60),
    (60, B.D31_60), (61, B.D61_90), (90, B.D61_90), (91, B.D90_PLUS), (1000, B.D90_PLUS)])
def test_bucket_edges(late, bucket):
    assert bucket_for(AS_OF - timedelta(days=late), AS_OF) is bucket


def test_days_late_is_zero_before_and_on_the_due_date():
    assert days_late(AS_OF, AS_OF) == 0
    assert days_late(AS_OF + timedelta(days=5), AS_OF) == 0
    assert days_late(AS_OF - timedelta(days=45), AS_OF) == 45


def test_age_balances_per_currency_and_skips_settled():
    items = [(AS_OF - timedelta(days=5), Money(1_000_000, "VND")),
             (AS_OF - timedelta(days=95), Money(3_000_000, "VND")),
             (AS_OF + timedelta(days=3), Money(500_000, "VND")),
             (AS_OF - timedelta(days=40), Money(12_345, "TWD")),
             (AS_OF - timedelta(days=400), Money(0, "VND"))]
    vnd, twd = age_balances(items, AS_OF)
    assert vnd.currency == "VND" and twd.currency == "TWD"
    assert vnd.amount(B.D1_30) == Money(1_000_000, "VND")
    assert vnd.amount(B.D90_PLUS) == Money(3_000_000, "VND")
    assert vnd.amount(B.CURRENT) == Money(500_000, "VND")
    assert vnd.amount(B.D61_90) == Money(0, "VND")
    assert vnd.total == Money(4_500_000, "VND")
    assert vnd.overdue == Money(4_000_000, "VND")
    assert twd.total == twd.amount(B.D31_60) == Money(12_345, "TWD")
