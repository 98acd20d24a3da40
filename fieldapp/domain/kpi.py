"""Collections KPIs as their sources write them (notes/office.md §3): numbers in, Decimal out.

Amounts are integers (minor units of one currency); results are Decimal, rounded half up to
two places at the end only. A ratio whose denominator is zero has no value (None), never 0."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .aging import bucket_for
from .enums import AgingBucket

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
BUCKETS = tuple(AgingBucket)  # current, 1-30, 31-60, 61-90, 90+


def rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


def _ratio(top, bottom, scale=HUNDRED) -> Decimal | None:
    if not bottom:
        return None
    return rounded(Decimal(top) * scale / Decimal(bottom))


def cei(beginning: int, credit_sales: int, ending_total: int, ending_current: int,
        months: int = 1) -> Decimal | None:
    """Collection Effectiveness Index, %: (B + S/N − ET) / (B + S/N − EC) × 100.

    ``months`` is N: 1 for the monthly (or whole-period) variant, the months in the period for
    the Oracle/CRF period variant ("quarterly credit sales / 3")."""
    sales = Decimal(credit_sales) / Decimal(months)
    top = Decimal(beginning) + sales - ending_total
    bottom = Decimal(beginning) + sales - ending_current
    return _ratio(top, bottom)


def dso_simple(ending_total: int, credit_sales: int, days: int) -> Decimal | None:
    """Conventional DSO, days: (ending total receivables / credit sales) × days in period."""
    return _ratio(ending_total * days, credit_sales, Decimal(1))


def dso_countback(ending_total: int, months: Sequence[tuple[int, int]]) -> Decimal | None:
    """Countback DSO, days. ``months`` are (credit sales, days) newest first: subtract each
    month's sales from the receivables, counting its days, until a month's sales exceed what
    is left; that month counts the fraction left/sales of its days. Receivables beyond every
    month given count all the months' days (None when no month had sales)."""
    if not any(sales for sales, _ in months):
        return None
    left, days = Decimal(ending_total), Decimal(0)
    for sales, month_days in months:
        if left <= 0:
            break
        if sales and left < sales:
            return rounded(days + left / Decimal(sales) * month_days)
        left -= sales
        days += month_days
    return rounded(days)


def best_possible_dso(current: int, credit_sales: int, days: int) -> Decimal | None:
    """Best Possible DSO, days: (current, not yet due, receivables / credit sales) × days."""
    return _ratio(current * days, credit_sales, Decimal(1))


def average_days_delinquent(dso: Decimal | None, best: Decimal | None) -> Decimal | None:
    """ADD, days: DSO − Best Possible DSO (both of the same variant)."""
    return None if dso is None or best is None else rounded(dso - best)


def roll_rate(later_next_bucket: int, earlier_bucket: int) -> Decimal | None:
    """Roll rate, %: balance in bucket n+1 at month t / balance in bucket n at month t−1."""
    return _ratio(later_next_bucket, earlier_bucket)


def aging(items: Iterable[tuple[date, int]], as_of: date) -> dict[AgingBucket, int]:
    """Balances by aging bucket on ``as_of`` for (due day, balance) items."""
    out = {b: 0 for b in BUCKETS}
    for due_on, balance in items:
        out[bucket_for(due_on, as_of)] += balance
    return out


def roll_rates(earlier: dict[AgingBucket, int], later: dict[AgingBucket, int]
               ) -> dict[tuple[AgingBucket, AgingBucket], Decimal | None]:
    """Forward roll rates between two month ends: current→1-30, …, 61-90→90+."""
    return {(a, b): roll_rate(later.get(b, 0), earlier.get(a, 0))
            for a, b in zip(BUCKETS, BUCKETS[1:])}


def rate(part: int, whole: int) -> Decimal | None:
    """A share in %, e.g. right-party contacts / contact attempts."""
    return _ratio(part, whole)


def average(total: int | Decimal, count: int, scale: int = 1) -> Decimal | None:
    """total / count / scale (e.g. seconds to days), rounded; None without any."""
    if not count:
        return None
    return rounded(Decimal(total) / Decimal(count) / Decimal(scale))


def quarter_before(today: date) -> tuple[date, date]:
    """First and last day of the last whole calendar quarter before ``today``."""
    this_quarter = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    last = this_quarter - timedelta(days=1)
    return date(last.year, (last.month - 1) // 3 * 3 + 1, 1), last
