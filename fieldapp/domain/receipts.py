"""Money taken on site at the office: a receipt's states and the rule that matches it to the
accounting system's record of the same payment.

States: ``pending`` when the day bundle brings it; ``confirmed`` by a supervisor; ``matched``
when an accounting import shows the payment (a confirmed receipt may still become matched);
``voided`` by the office only, with a reason. A voided receipt counts nowhere.

The matching rule (``match``): a receipt and an imported *credit* (a negative entry of an
accounting import: unapplied cash, a ledger's receipt posting) match when they have the same
customer, the same currency, the same amount (the credit's amount is minus the receipt's), and
the credit's date falls from ``DAYS_BEFORE`` days before to ``DAYS_AFTER`` days after the day
the money was taken. Each credit matches at most one receipt and each receipt at most one
credit: receipts are served oldest first (day taken, then receipt number), each taking the
candidate nearest in date (then the earlier date, then the lower id)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from .errors import InvalidValue
from .money import Money
from .text import clean_text

PENDING, CONFIRMED, MATCHED, VOIDED = "pending", "confirmed", "matched", "voided"
STATES = (PENDING, CONFIRMED, MATCHED, VOIDED)
MATCHABLE = (PENDING, CONFIRMED)
DAYS_BEFORE, DAYS_AFTER = 1, 10
MAX_REASON = 2_000


class ReceiptError(InvalidValue):
    """A receipt that cannot change as asked."""


@dataclass(frozen=True, slots=True)
class Receipt:
    """One receipt as the office holds it. ``match_*`` describe the accounting credit it
    matched (empty unless matched)."""

    receipt_no: str
    payment_id: str
    visit_uuid: str
    customer_id: int
    customer_code: str
    customer_name: str
    collector: str
    device: str
    paid_on: date
    amount: Money
    received_at: datetime
    state: str
    state_at: datetime | None
    state_by: str
    reason: str
    match_number: str = ""
    match_source: str = ""
    match_on: date | None = None

    def age_days(self, today: date) -> int:
        return max(0, (today - self.paid_on).days)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What matching needs of a receipt or of an imported credit (``key``: receipt number or
    credit id; ``minor``: the amount as a positive number)."""

    key: object
    customer_id: int
    currency: str
    minor: int
    day: date


def match(receipts: list[Candidate], credits: list[Candidate]) -> list[tuple[object, object]]:
    """(receipt key, credit key) pairs under the rule above."""
    free: dict[tuple, list[Candidate]] = {}
    for credit in credits:
        free.setdefault((credit.customer_id, credit.currency, credit.minor), []).append(credit)
    pairs = []
    for receipt in sorted(receipts, key=lambda r: (r.day, str(r.key))):
        pool = free.get((receipt.customer_id, receipt.currency, receipt.minor), [])
        near = [c for c in pool if -DAYS_BEFORE <= (c.day - receipt.day).days <= DAYS_AFTER]
        if not near:
            continue
        best = min(near, key=lambda c: (abs((c.day - receipt.day).days), c.day, str(c.key)))
        pool.remove(best)
        pairs.append((receipt.key, best.key))
    return pairs


def checked_state(state: str | None) -> str | None:
    if state is not None and state not in STATES:
        raise ReceiptError("receipt.bad_state", state=state, states=", ".join(STATES))
    return state


def checked_reason(reason: str | None) -> str:
    """Voiding needs a reason: the collector and the auditors must learn why."""
    value = unicodedata.normalize("NFC", clean_text(reason or "")).strip()
    if not value:
        raise ReceiptError("receipt.reason_required")
    if len(value) > MAX_REASON:
        raise ReceiptError("receipt.reason_too_long", length=len(value), max=MAX_REASON)
    return value
