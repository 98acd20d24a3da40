"""Judging promises to pay against the payments that followed them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .visit import PromiseStatus


@dataclass(frozen=True, slots=True)
class PromisePolicy:
    """How strictly promises are judged: days of grace, and the share that counts as kept."""

    grace_days: int = 3
    kept_threshold_pct: float = 100.0


def evaluate(amount_minor: int, made_on: date, due_on: date, payments, as_of: date,
             policy: PromisePolicy = PromisePolicy()) -> tuple[PromiseStatus, int]:
    """Status and amount paid towards a promise; ``payments`` are (paid_on, minor) pairs.

    Payments from the day the promise was made up to the due date plus grace count.
    Before the grace period ends a promise stays open unless already fully kept.
    """
    window_end = due_on + timedelta(days=policy.grace_days)
    paid = sum(minor for day, minor in payments if made_on <= day <= window_end)
    return judge(amount_minor, due_on, paid, as_of, policy), paid


def judge(amount_minor: int, due_on: date, paid: int, as_of: date,
          policy: PromisePolicy = PromisePolicy()) -> PromiseStatus:
    """The status of a commitment that took ``paid`` (see commitments.allocate) as of a day."""
    window_end = due_on + timedelta(days=policy.grace_days)
    kept = paid * 100 >= amount_minor * policy.kept_threshold_pct
    if kept:
        return PromiseStatus.KEPT
    if as_of <= window_end:
        return PromiseStatus.OPEN
    return PromiseStatus.PARTIALLY_KEPT if paid > 0 else PromiseStatus.BROKEN
