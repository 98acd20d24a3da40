"""Aging of open invoices by due date: current, 1–30, 31–60, 61–90, 90+ days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import AgingBucket
from .money import Money

_LIMITS = ((0, AgingBucket.CURRENT), (30, AgingBucket.D1_30), (60, AgingBucket.D31_60),
           (90, AgingBucket.D61_90))


def days_late(due_on: date, as_of: date) -> int:
    """Days past due on ``as_of``; zero when not yet due (the due day itself is not late)."""
    return max(0, (as_of - due_on).days)


def bucket_for(due_on: date, as_of: date) -> AgingBucket:
    """The aging bucket of an amount due on ``due_on``, seen on ``as_of``."""
    late = days_late(due_on, as_of)
    for limit, bucket in _LIMITS:
        if late <= limit:
            return bucket
    return AgingBucket.D90_PLUS


@dataclass(frozen=True, slots=True)
class CurrencyAging:
    """Open balances of one currency split into aging buckets."""

    currency: str
    buckets: dict[AgingBucket, Money] = field(default_factory=dict)

    def amount(self, bucket: AgingBucket) -> Money:
        return self.buckets.get(bucket, Money.zero(self.currency))

    @property
    def total(self) -> Money:
        return Money(sum(m.minor for m in self.buckets.values()), self.currency)

    @property
    def overdue(self) -> Money:
        return self.total - self.amount(AgingBucket.CURRENT)


def age_balances(items, as_of: date) -> list[CurrencyAging]:
    """Aging per currency for ``items`` of (due_on, open Money); zero balances are skipped."""
    per_currency: dict[str, dict[AgingBucket, int]] = {}
    for due_on, balance in items:
        if balance.minor == 0:
            continue
        buckets = per_currency.setdefault(balance.currency, {})
        bucket = bucket_for(due_on, as_of)
        buckets[bucket] = buckets.get(bucket, 0) + balance.minor
    return [CurrencyAging(cur, {b: Money(v, cur) for b, v in buckets.items()})
            for cur, buckets in per_currency.items()]
