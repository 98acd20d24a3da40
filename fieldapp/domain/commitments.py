"""Live outcomes and the payments that judge them, as the follow-up lists read them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .money import Money

COMMITMENT_KINDS = ("promise", "installment")


@dataclass(frozen=True, slots=True)
class LiveOutcome:
    """An outcome not superseded by an amendment nor resolved.

    ``required`` is what must have been paid by ``due_on``: the promised amount, or the
    line's own amount (earlier lines of a plan are served first, being due earlier)."""

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
    # The visits this one amends (its own first): money taken on them was not promised either.
    visits: tuple[str, ...] = ()

    def made_on_visit(self, payment: "PaymentLine") -> bool:
        return payment.visit_uuid is not None and payment.visit_uuid in (self.visits or (self.visit_uuid,))


@dataclass(frozen=True, slots=True)
class PaymentLine:
    """A payment as promises are judged against it."""

    customer_id: int
    paid_on: date
    amount: Money
    visit_uuid: str | None  # money taken on a visit
    id: str = ""  # orders payments of one day


def allocate(commitments: Iterable[LiveOutcome], payments: Iterable[PaymentLine],
             grace_days: int) -> dict[str, int]:
    """Minor units each commitment (by uuid) took from ``payments``; every unit counts once.

    Payments are taken in the order they were made. A payment serves only commitments that
    existed on its day (made on or before it), whose due day plus ``grace_days`` has not
    passed, in its currency and not made on the visit that took it (that money was not
    promised); among them the oldest due first, each up to its own amount. What one
    commitment took no other sees. Commitments that are not promises or lines are ignored."""
    open_ = sorted((c for c in commitments
                    if c.kind in COMMITMENT_KINDS and c.amount is not None and c.due_on),
                   key=lambda c: (c.due_on, c.made_on, c.uuid))
    taken = {c.uuid: 0 for c in open_}
    by_customer: dict[int, list[LiveOutcome]] = {}
    for c in open_:
        by_customer.setdefault(c.customer_id, []).append(c)
    for p in sorted(payments, key=lambda p: (p.paid_on, p.id, p.visit_uuid or "", p.amount.minor)):
        left = p.amount.minor
        for c in by_customer.get(p.customer_id, ()):
            if left <= 0:
                break
            if c.due_on + timedelta(days=grace_days) < p.paid_on:
                continue  # its window closed before this payment: late money serves the next
            if c.made_on > p.paid_on or c.amount.currency != p.amount.currency or c.made_on_visit(p):
                continue
            share = min(left, c.amount.minor - taken[c.uuid])
            if share > 0:
                taken[c.uuid] += share
                left -= share
    return taken
