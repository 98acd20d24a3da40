"""Installment schedules: dated lines that sum exactly to the agreed total."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .errors import InvalidValue
from .money import Money


class Frequency(str, Enum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"


@dataclass(frozen=True, slots=True)
class InstallmentLine:
    """One dated amount of a plan; ``down_payment`` marks the amount paid on signing."""

    due_on: date
    amount: Money
    down_payment: bool = False


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_dates(first_due: date, count: int, frequency: Frequency) -> list[date]:
    """``count`` due dates from ``first_due`` at ``frequency``."""
    if frequency is Frequency.MONTHLY:
        return [add_months(first_due, i) for i in range(count)]
    step = timedelta(weeks=1 if frequency is Frequency.WEEKLY else 2)
    return [first_due + i * step for i in range(count)]


def split_evenly(total: Money, count: int) -> list[Money]:
    """``count`` equal amounts in whole minor units; the remainder goes on the last one."""
    if count < 1:
        raise InvalidValue("plan.no_installments")
    share = total.minor // count
    amounts = [share] * count
    amounts[-1] += total.minor - share * count
    return [Money(a, total.currency) for a in amounts]


def build_schedule(total: Money, count: int, first_due: date, frequency: Frequency,
                   down_payment: Money | None = None, signed_on: date | None = None
                   ) -> tuple[InstallmentLine, ...]:
    """The plan's lines: an optional down payment on ``signed_on``, then equal installments."""
    lines = []
    rest = total
    if down_payment is not None and down_payment.minor:
        lines.append(InstallmentLine(signed_on or first_due, down_payment, True))
        rest = total - down_payment
    dates = due_dates(first_due, count, frequency)
    lines += [InstallmentLine(d, a) for d, a in zip(dates, split_evenly(rest, count))]
    return tuple(lines)


def with_dates(lines, new_dates) -> tuple[InstallmentLine, ...]:
    """The same amounts on hand-edited dates (the collector agreed other days)."""
    return tuple(InstallmentLine(d, line.amount, line.down_payment)
                 for line, d in zip(lines, new_dates, strict=True))


def discounted_total(total: Money, discount_pct: float) -> Money:
    """What settles the plan early under an early-payment discount, rounded down to minor units."""
    return Money(total.minor - (total.minor * round(discount_pct * 100)) // 10_000, total.currency)
