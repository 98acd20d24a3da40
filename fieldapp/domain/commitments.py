"""Live outcomes and the payments that judge them, as the follow-up lists read them."""

from __future__ import annotations

from bisect import insort
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
    # Payments come in day order, so each customer's commitments open to money are tracked as
    # the days pass: one joins when made, leaves when its window closes or it is full. Same
    # result as trying every commitment for every payment, without the years of closed ones.
    state = {cid: _Open(entries) for cid, entries in by_customer.items()}
    for p in sorted(payments, key=lambda p: (p.paid_on, p.id, p.visit_uuid or "", p.amount.minor)):
        left = p.amount.minor
        day, currency, visit = p.paid_on, p.amount.currency, p.visit_uuid
        opened = state.get(p.customer_id)
        if opened is None:
            continue
        entries = opened.entries
        for position in opened.at(day, taken):
            if left <= 0:
                break
            _made_on, _window_end, cur, minor, uuid, visits = entries[position]
            # other currency, or money taken on the commitment's own visit (or one it
            # amends): not promised
            if cur != currency or visit in visits:
                continue
            share = min(left, minor - taken[uuid])
            if share > 0:
                taken[uuid] += share
                left -= share
    return taken


class _Open:
    """One customer's commitments (sorted oldest due first) and which are open to money on a
    day: made on or before it, window (due day plus grace) not closed, not yet full. Days must
    be asked in order."""

    def __init__(self, entries: list[tuple]):
        self.entries = entries
        self._by_made = sorted(range(len(entries)), key=lambda i: entries[i][0])
        self._next = 0
        self._open: list[int] = []  # positions in ``entries``, ascending: oldest due first

    def at(self, day: date, taken: dict[str, int]) -> list[int]:
        entries, by_made = self.entries, self._by_made
        while self._next < len(by_made) and entries[by_made[self._next]][0] <= day:
            insort(self._open, by_made[self._next])
            self._next += 1
        # Late money serves the next: a closed window stays closed for every later day.
        self._open = [i for i in self._open
                      if entries[i][1] >= day and taken[entries[i][4]] < entries[i][3]]
        return list(self._open)
