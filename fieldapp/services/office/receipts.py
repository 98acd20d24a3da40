"""Money taken on site waiting for the office: listed oldest first, confirmed by hand (one by
one or everything pending at once, after saying how many), matched automatically against the
accounting imports (domain.receipts has the rule), or voided with a reason; a void reaches
the collector's laptop in the next pack. Nothing is half-changed: every receipt named must be
pending, or nothing changes."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.errors import NotFound
from ...domain.instants import to_text
from ...domain.receipts import (CONFIRMED, PENDING, VOIDED, Receipt, ReceiptError,
                                checked_reason, checked_state)
from ...store import receipt_repo as repo
from ..changes import Changes

# Balances, KPIs and promises judged all read payments: a receipt's state reaches them.
_CHANGED = Changes(payments=True, follow_ups=True, all_customers=True)


@dataclass(frozen=True)
class Done:
    count: int
    changes: Changes


class Receipts:
    def __init__(self, store, now, actor: str, zone):
        self._store, self._now, self._actor, self._zone = store, now, actor, zone

    def listed(self, state: str | None = PENDING, limit: int | None = None) -> list[Receipt]:
        """Receipts in ``state`` (None: every state), oldest money first."""
        state = checked_state(state)
        with self._store.sessions.begin() as session:
            return repo.listed(session, state, self._zone(), limit)

    def counts(self) -> dict[str, int]:
        with self._store.sessions.begin() as session:
            found = repo.state_counts(session)
        return {s: found.get(s, 0) for s in ("pending", "confirmed", "matched", "voided")}

    def get(self, number: str) -> Receipt:
        with self._store.sessions.begin() as session:
            found = repo.by_numbers(session, [number], self._zone())
        if number not in found:
            raise NotFound("receipt.unknown", receipt=number)
        return found[number]

    def confirm(self, numbers: list[str]) -> Done:
        """Confirm the pending receipts ``numbers``: all of them, or (one not pending or not
        known) none."""
        numbers = _unique(numbers)
        with self._store.sessions.begin() as session:
            self._all_pending(session, numbers)
            done = repo.set_state(session, numbers, CONFIRMED, "", self._actor,
                                  to_text(self._now()), (PENDING,))
        return Done(done, _CHANGED)

    def confirm_all_pending(self, expected: int) -> Done:
        """Confirm every pending receipt; ``expected`` is the N the person saw ("all N"): when
        it differs now (an import came in), nothing is changed."""
        with self._store.sessions.begin() as session:
            numbers = [r.receipt_no for r in repo.listed(session, PENDING, self._zone())]
            if len(numbers) != expected:
                raise ReceiptError("receipt.count_changed", expected=expected,
                                   found=len(numbers))
            done = repo.set_state(session, numbers, CONFIRMED, "", self._actor,
                                  to_text(self._now()), (PENDING,))
        return Done(done, _CHANGED)

    def void(self, number: str, reason: str) -> Done:
        """Void a pending receipt with a reason (required): it stops counting here and, once
        the collector's next pack is applied, on the laptop."""
        reason = checked_reason(reason)
        with self._store.sessions.begin() as session:
            self._all_pending(session, [number])
            done = repo.set_state(session, [number], VOIDED, reason, self._actor,
                                  to_text(self._now()), (PENDING,))
        return Done(done, _CHANGED)

    def match(self) -> Done:
        """Match what the accounting imports already show (imports and day bundles do this
        themselves; this is for a person who wants to run it again)."""
        with self._store.sessions.begin() as session:
            done = repo.match_all(session, self._actor, to_text(self._now()))
        return Done(done, _CHANGED)

    def _all_pending(self, session, numbers: list[str]) -> None:
        if not numbers:
            raise ReceiptError("receipt.none_named")
        found = repo.by_numbers(session, numbers, self._zone())
        for number in numbers:
            if number not in found:
                raise NotFound("receipt.unknown", receipt=number)
            if found[number].state != PENDING:
                raise ReceiptError("receipt.not_pending", receipt=number,
                                   state=found[number].state)


def _unique(numbers: list[str]) -> list[str]:
    seen, out = set(), []
    for n in numbers:
        n = (n or "").strip()
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out
