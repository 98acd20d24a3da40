"""Live outcomes and the payments that judge them, as the follow-up lists read them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .money import Money

COMMITMENT_KINDS = ("promise", "installment")


@dataclass(frozen=True, slots=True)
class LiveOutcome:
    """An outcome not superseded by an amendment nor resolved.

    ``required`` is what must have been paid by ``due_on``: the promised amount, or for an
    installment line the plan's lines due up to and including this one."""

    uuid: str
    visit_uuid: str
    customer_id: int
    kind: str  # promise, installment, dispute, absent, follow_up
    made_on: date
    due_on: date | None
    deadline: datetime | None  # disputes: the escalation deadline
    amount: Money | None  # None: disputes and revisits carry no amount
    required: Money | None
    reminder_days: int | None  # chosen on the visit; None: the profile's setting


@dataclass(frozen=True, slots=True)
class PaymentLine:
    """A payment as promises are judged against it."""

    customer_id: int
    paid_on: date
    amount: Money
    visit_uuid: str | None  # money taken on a visit


def payments_toward(outcome: LiveOutcome, payments: Iterable[PaymentLine]) -> list[tuple[date, int]]:
    """(paid_on, minor) of the customer's payments in the promise's currency from the day it
    was made, less money taken on the visit that made it (that money was not promised)."""
    return [(p.paid_on, p.amount.minor) for p in payments
            if outcome.amount is not None and p.customer_id == outcome.customer_id
            and p.amount.currency == outcome.amount.currency
            and p.paid_on >= outcome.made_on and p.visit_uuid != outcome.visit_uuid]
