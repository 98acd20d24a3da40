"""The supervisor's work queues: which there are, what an item says, and the rules that place it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import InvalidValue
from .money import Money
from .review import checked_text
from .visit import DISPUTE_ESCALATION, PromiseStatus

DISPUTES = "disputes"
PROMISES_DUE = "promises_due_today"
PROMISES_BROKEN = "promises_broken"
PROMISES_PARTIAL = "promises_partial"
NOTES = "notes"
LEGAL = "legal_route"
ISSUES = "has_issues"
MONEY = "money_pending"  # money taken on site the office has not confirmed yet
# The one list of queues, in the order the window and `office queues` show them: a new queue
# is added here and everything lists it.
QUEUES = (DISPUTES, PROMISES_DUE, PROMISES_BROKEN, PROMISES_PARTIAL, MONEY, NOTES, LEGAL,
          ISSUES)
PROMISE_QUEUES = (PROMISES_DUE, PROMISES_BROKEN, PROMISES_PARTIAL)
MIN_PREFIX = 6  # a typed dispute id: enough characters to be unambiguous


class QueueError(InvalidValue):
    """A queue action that cannot be done as asked."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """What the record planned after the visit (None: it did not say)."""

    follow_up_on: date | None = None
    revisit_on: date | None = None  # the customer was absent: come back then
    refusal: str | None = None  # a refusal's next step: revisit, supervisor_call, legal_route
    next_visit: date | None = None  # the customer's next day on a route (the office's plan)

    @property
    def known(self) -> bool:
        return any(x is not None for x in (self.follow_up_on, self.revisit_on, self.refusal,
                                           self.next_visit))


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One thing waiting for the supervisor. ``key`` is the outcome (disputes, promises,
    refusals) or the visit (notes, records with issues); ``since`` when it was recorded (items
    are listed oldest first); ``deadline`` a dispute's, in the office's zone."""

    queue: str
    key: str
    visit_uuid: str
    customer_id: int
    customer_code: str
    customer_name: str
    collector_id: str | None
    collector: str
    since: datetime
    due_on: date | None = None
    deadline: datetime | None = None
    amount: Money | None = None
    paid: Money | None = None
    reason: str = ""  # a dispute's claimed reason code, a refusal's reason, a promise's kind
    text: str = ""  # a dispute's description, the note, the review's reason
    resolver: str = ""
    next_step: NextStep = NextStep()
    record_day: date | None = None  # the record's day in the office's zone (the Inbox's)


@dataclass(frozen=True, slots=True)
class QueueCount:
    queue: str
    count: int
    oldest: datetime | None  # when the oldest item was recorded (None: the queue is empty)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A dispute resolved at the office, as it travels to the collector's laptop."""

    outcome_uuid: str
    resolved_at: str
    resolved_by: str
    root_cause: str


def dispute_deadline(recorded_at: datetime) -> datetime:
    """24 hours after the instant (aware) the dispute was recorded, whatever zone anyone is in:
    the same instant however it is shown."""
    return recorded_at + DISPUTE_ESCALATION


def hours_left(deadline: datetime, now: datetime) -> int:
    """Whole hours before ``deadline`` (rounded down); negative once it has passed."""
    return math.floor((deadline - now).total_seconds() / 3600)


def overdue(deadline: datetime, now: datetime) -> bool:
    return now >= deadline


def promise_queue(status: PromiseStatus, due_on: date, today: date) -> str | None:
    """Where a judged promise or installment line waits: broken, partially kept, or still open
    on its due day; kept ones and those not due yet are no one's work."""
    if status is PromiseStatus.BROKEN:
        return PROMISES_BROKEN
    if status is PromiseStatus.PARTIALLY_KEPT:
        return PROMISES_PARTIAL
    if status is PromiseStatus.OPEN and due_on == today:
        return PROMISES_DUE
    return None


def next_step_of(answers: dict, outcomes: list[dict]) -> NextStep:
    """The follow-up day the collector set, a revisit day (absent), a refusal's next step."""
    follow = _day(answers.get("follow_up_on")) if isinstance(answers, dict) else None
    revisit = refusal = None
    for o in outcomes if isinstance(outcomes, list) else ():
        if not isinstance(o, dict):
            continue
        if o.get("kind") == "absent":
            revisit = _day(o.get("revisit_on")) or revisit
        if o.get("kind") == "refusal" and isinstance(o.get("next_step"), str):
            refusal = o["next_step"]
    return NextStep(follow, revisit, refusal)


def supervisor_note(answers: dict) -> str:
    """The note the collector left for the office on the record ("" when none)."""
    note = answers.get("supervisor_note") if isinstance(answers, dict) else None
    return note.strip() if isinstance(note, str) else ""


def age(since: datetime, now: datetime) -> timedelta:
    return max(now - since, timedelta(0))


def checked_queue(name: str) -> str:
    if name not in QUEUES:
        raise QueueError("queue.unknown", queue=name, queues=", ".join(QUEUES))
    return name


def checked_resolver(name: str | None) -> str:
    value = checked_text(name)
    if not value:
        raise QueueError("queue.resolver_required")
    return value


def checked_root_cause(text: str | None) -> str:
    """The cause found by the office, kept apart from the customer's claimed reason."""
    value = checked_text(text)
    if not value:
        raise QueueError("queue.root_cause_required")
    return value


def _day(value) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        return None
