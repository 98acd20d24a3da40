"""A collector's route for a day: stops to save, suggestions with their reason, the ranking rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from .aging import bucket_for
from .enums import AgingBucket
from .errors import InvalidValue
from .money import Money
from .records import CustomerSummary

# A day starts at half past eight, and a visit with the way to the next takes 45 minutes,
# unless the office settings say otherwise (route.start, route.visit_minutes).
DEFAULT_START = time(8, 30)
DEFAULT_VISIT_MINUTES = 45
# A promise broken longer ago than this is chased as an overdue amount, not as a promise.
PROMISE_LOOKBACK_DAYS = 30
MAX_STOPS = 60  # more than anyone visits in a day: a slip of the mouse, not a plan


class Reason(str, Enum):
    """Why a customer is suggested, most pressing first (the order suggestions are listed in)."""

    PROMISE_DUE = "promise_due"        # a promise or installment line due by the day, not kept
    REVISIT_DUE = "revisit_due"        # a revisit asked for on an earlier visit
    DISPUTE_WAITING = "dispute_waiting"  # an open dispute waits to be settled
    OVERDUE = "overdue"                # overdue invoices, largest and oldest first


class Objective(str, Enum):
    """What the collector goes for; worded by the window and on the route sheet."""

    COLLECT_PROMISE = "collect_promise"
    REVISIT = "revisit"
    SETTLE_DISPUTE = "settle_dispute"
    COLLECT_OVERDUE = "collect_overdue"


OBJECTIVES = {Reason.PROMISE_DUE: Objective.COLLECT_PROMISE, Reason.REVISIT_DUE: Objective.REVISIT,
              Reason.DISPUTE_WAITING: Objective.SETTLE_DISPUTE,
              Reason.OVERDUE: Objective.COLLECT_OVERDUE}


@dataclass(frozen=True, slots=True)
class Collector:
    """A collector as routes need one: whom the sheet is for and in which language."""

    id: str
    name: str
    phone: str
    language: str
    active: bool = True


@dataclass(frozen=True, slots=True)
class StopPlan:
    """One stop to save: the customer, the planned time (None: spread from the start) and
    the objective text; the list's order is the visiting order."""

    customer_id: int
    planned_time: time | None = None
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A customer with something to do: the store's reading, before ranking."""

    customer_id: int
    reason: Reason
    due_on: date | None = None   # the promise, revisit or dispute deadline day
    amount: Money | None = None  # what is still expected (promise) or overdue


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested stop: the customer, why (the most pressing reason first among ``reasons``),
    the objective that reason calls for, and a default objective text in the collector's
    language."""

    customer: CustomerSummary
    reason: Reason
    reasons: tuple[Reason, ...]
    objective: Objective
    purpose: str
    due_on: date | None = None
    amount: Money | None = None


def rank(candidates: list[Candidate], day: date) -> list[list[Candidate]]:
    """Candidates grouped by customer, customers most pressing first.

    A customer ranks by its most pressing reason (Reason order). Promises: due earliest
    first, then the larger amount; revisits and disputes: due earliest first; overdue: the
    oldest aging bucket first, then the largest amount (amounts compare within a currency,
    the currency most candidates owe in first), then the most days late. Ties go by customer
    id so the same data always gives the same route."""
    mine: dict[int, list[Candidate]] = {}
    for c in candidates:
        mine.setdefault(c.customer_id, []).append(c)
    main = _main_currency(candidates)
    for found in mine.values():
        found.sort(key=lambda c: _key(c, day, main))
    return sorted(mine.values(), key=lambda found: (_key(found[0], day, main),
                                                    found[0].customer_id))


def _key(c: Candidate, day: date, main: str) -> tuple:
    order = list(Reason).index(c.reason)
    minor = c.amount.minor if c.amount else 0
    due = (c.due_on or day).toordinal()
    if c.reason is Reason.OVERDUE:
        aged = list(AgingBucket).index(bucket_for(c.due_on, day)) if c.due_on else 0
        currency = c.amount.currency if c.amount else ""
        return (order, -aged, currency != main, currency, -minor, due)
    return (order, 0, False, "", due, -minor)


def _main_currency(candidates: list[Candidate]) -> str:
    counts = Counter(c.amount.currency for c in candidates
                     if c.reason is Reason.OVERDUE and c.amount is not None)
    return min(counts, key=lambda cur: (-counts[cur], cur)) if counts else ""


def spread(count: int, start: time = DEFAULT_START,
           minutes: int = DEFAULT_VISIT_MINUTES) -> list[time]:
    """``count`` visit times from ``start``, ``minutes`` apart, never past 23:59."""
    first = datetime.combine(date.min, start)
    last = datetime.combine(date.min, time(23, 59))
    return [min(first + timedelta(minutes=minutes * n), last).time() for n in range(count)]


def fill_times(times: list[time | None], start: time = DEFAULT_START,
               minutes: int = DEFAULT_VISIT_MINUTES) -> list[time]:
    """Each missing time ``minutes`` after the stop before it (the first missing one at
    ``start``); times given stay as they are."""
    filled: list[time] = []
    for given in times:
        if given is None:
            given = start if not filled else spread(2, filled[-1], minutes)[1]
        filled.append(given)
    return filled


def parse_time(text: str) -> time:
    """'HH:MM' (or 'H:MM') as a time; anything else is refused with what was typed."""
    hours, _colon, minutes = text.strip().partition(":")
    if hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2:
        if int(hours) < 24 and int(minutes) < 60:
            return time(int(hours), int(minutes))
    raise InvalidValue("route.bad_time", text=text)


def check_stops(stops: list[StopPlan]) -> None:
    """Each customer once, and not more stops than a day holds."""
    if len(stops) > MAX_STOPS:
        raise InvalidValue("route.too_many_stops", count=len(stops), limit=MAX_STOPS)
    seen: set[int] = set()
    for n, stop in enumerate(stops, 1):
        if stop.customer_id in seen:
            raise InvalidValue("route.customer_twice", customer=stop.customer_id, stop=n)
        seen.add(stop.customer_id)
