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
    gap = timedelta(days=grace_days)
    by_customer: dict[int, list[tuple]] = {}
    for c in sorted((c for c in commitments
                     if c.kind in COMMITMENT_KINDS and c.amount is not None and c.due_on),
                    key=lambda c: (c.due_on, c.made_on, c.uuid)):
        by_customer.setdefault(c.customer_id, []).append(
            (c.made_on, c.due_on + gap, c.amount.currency, c.amount.minor, c.uuid,
             c.visits or (c.visit_uuid,)))
    taken = {entry[4]: 0 for entries in by_customer.values() for entry in entries}
    for p in sorted(payments, key=lambda p: (p.paid_on, p.id, p.visit_uuid or "", p.amount.minor)):
        left = p.amount.minor
        day, currency, visit = p.paid_on, p.amount.currency, p.visit_uuid
        for made_on, window_end, cur, minor, uuid, visits in by_customer.get(p.customer_id, ()):
            if left <= 0:
                break
            # made later, window closed (late money serves the next), other currency, or
            # money taken on the commitment's own visit (or one it amends): not promised
            if made_on > day or window_end < day or cur != currency or visit in visits:
                continue
            share = min(left, minor - taken[uuid])
            if share > 0:
                taken[uuid] += share
                left -= share
    return taken
