"""Follow-ups: promises and installments due, overdue or broken; disputes by deadline; revisits."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from ..clock import utc_now
from ..domain.instants import from_text, in_zone
from ..domain.money import Money
from ..domain.promises import evaluate
from ..domain.visit import PromiseStatus
from ..store import visit_repo
from . import settings as cfg

RECENT_BROKEN_DAYS = 30
REVISIT_WINDOW_DAYS = 7


class FollowUpKind(str, Enum):
    REMINDER = "reminder"            # a promise falls due soon: remind the customer
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"              # past due, still within the grace days
    BROKEN = "broken"
    PARTIALLY_KEPT = "partially_kept"
    DISPUTE_NEAR = "dispute_near"    # the 24-hour escalation deadline is close
    DISPUTE_LATE = "dispute_late"
    DISPUTE_OPEN = "dispute_open"
    REVISIT = "revisit"


@dataclass(frozen=True)
class FollowUp:
    kind: FollowUpKind
    customer_id: int
    customer_name: str
    due_on: date
    what: str  # outcome kind: promise, installment, dispute, absent, follow_up
    amount: Money | None = None
    paid: Money | None = None
    deadline: datetime | None = None
    visit_uuid: str = ""


class FollowUps:
    """Judges every live promise and dispute as of now()."""

    def __init__(self, store, settings: cfg.Settings, now: Callable[[], datetime] = utc_now):
        self._store = store
        self.settings = settings
        self.now = now

    def list(self, customer_id: int | None = None) -> list[FollowUp]:
        now = self._now()
        with self._store.sessions() as session:
            rows = visit_repo.live_outcomes(session, ("promise", "installment", "dispute",
                                                      "absent", "follow_up"))
            rows = [r for r in rows if customer_id is None or r[2] == customer_id]
            items = [self._judge(session, row, now) for row in rows]
        order = list(FollowUpKind)
        found = [i for i in items if i is not None]
        return sorted(found, key=lambda f: (order.index(f.kind), f.due_on, f.customer_name))

    def _now(self) -> datetime:
        """Now in the user's zone, so .date() is the user's calendar day."""
        return in_zone(self.now(), self.settings.zone())

    def promise_statuses(self, customer_id: int) -> dict[str, tuple[PromiseStatus, Money]]:
        """Every live promise of a customer, kept ones too, by visit: (status, paid so far)."""
        today = self._now().date()
        result = {}
        with self._store.sessions() as session:
            for row in visit_repo.live_outcomes(session, ("promise",)):
                if row[2] != customer_id:
                    continue
                _u, visit_uuid, cid, _n, _k, made_on, due_on, _d, minor, currency, _b = row
                payments = visit_repo.payments_since(session, cid, currency, made_on, visit_uuid)
                status, paid = evaluate(minor, made_on, due_on, payments, today,
                                        self.settings.promise_policy())
                result[visit_uuid] = (status, Money(paid, currency))
        return result

    def _judge(self, session, row, now: datetime) -> FollowUp | None:
        _u, visit_uuid, cid, name, kind, created_on, due_on, deadline, minor, currency, _b = row
        if kind in ("promise", "installment"):
            return self._judge_promise(session, row, now.date())
        if kind == "dispute":
            return self._judge_dispute(cid, name, from_text(deadline, now.tzinfo,
                                                            self.settings.legacy_zone()),
                                       now, visit_uuid)
        if due_on <= now.date() + timedelta(days=REVISIT_WINDOW_DAYS):
            return FollowUp(FollowUpKind.REVISIT, cid, name, due_on, kind, visit_uuid=visit_uuid)
        return None

    def _required(self, session, row) -> int:
        """For an installment line, what must have been paid by then: the lines so far."""
        if row[4] != "installment":
            return row[8]
        lines = [r for r in visit_repo.live_outcomes(session, ("installment",))
                 if r[1] == row[1] and r[6] <= row[6]]
        return sum(r[8] for r in lines)

    def _judge_promise(self, session, row, today: date) -> FollowUp | None:
        _u, visit_uuid, cid, name, kind, made_on, due_on, _d, minor, currency, body = row
        payments = visit_repo.payments_since(session, cid, currency, made_on, visit_uuid)
        status, paid = evaluate(self._required(session, row), made_on, due_on, payments, today,
                                self.settings.promise_policy())
        remind = json.loads(body).get("reminder_days")
        follow = self._promise_kind(status, due_on, today,
                                    self.settings.get(cfg.REMINDER_DAYS) if remind is None else int(remind))
        if follow is None:
            return None
        return FollowUp(follow, cid, name, due_on, kind, Money(minor, currency),
                        Money(paid, currency), visit_uuid=visit_uuid)

    def _promise_kind(self, status: PromiseStatus, due_on: date, today: date, remind_days: int):
        if status is PromiseStatus.KEPT:
            return None
        if status in (PromiseStatus.BROKEN, PromiseStatus.PARTIALLY_KEPT):
            recent = (today - due_on).days <= RECENT_BROKEN_DAYS
            kind = FollowUpKind.BROKEN if status is PromiseStatus.BROKEN else FollowUpKind.PARTIALLY_KEPT
            return kind if recent else None
        if due_on == today:
            return FollowUpKind.DUE_TODAY
        if due_on < today:
            return FollowUpKind.OVERDUE
        if (due_on - today).days <= remind_days:
            return FollowUpKind.REMINDER
        return None

    def _judge_dispute(self, cid, name, deadline: datetime, now: datetime, visit_uuid: str):
        near = timedelta(hours=self.settings.get(cfg.DISPUTE_NEAR_HOURS))
        if now > deadline:
            kind = FollowUpKind.DISPUTE_LATE
        elif deadline - now <= near:
            kind = FollowUpKind.DISPUTE_NEAR
        else:
            kind = FollowUpKind.DISPUTE_OPEN
        return FollowUp(kind, cid, name, deadline.date(), "dispute", deadline=deadline,
                        visit_uuid=visit_uuid)
