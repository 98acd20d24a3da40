"""Follow-ups: promises and installments due, overdue or broken; disputes by deadline; revisits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum

from ..clock import utc_now
from ..domain.commitments import COMMITMENT_KINDS, LiveOutcome, allocate
from ..domain.instants import in_zone
from ..domain.money import Money
from ..domain.promises import PromisePolicy, judge
from ..domain.visit import PromiseStatus
from ..store import followup_repo
from . import settings as cfg
from .finalize import reminder_body

RECENT_BROKEN_DAYS = 30
REVISIT_WINDOW_DAYS = 7
# Commitments due further ahead are read only if their visit chose a longer reminder.
REMINDER_HORIZON_DAYS = 7


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


@dataclass(frozen=True, slots=True)
class _Verdict:
    """How one live outcome is listed: under which kind and day, with what was paid."""

    kind: FollowUpKind
    due_on: date
    paid: Money | None = None


@dataclass(frozen=True)
class _Rules:
    """The settings one judging pass uses, read once (each read is a query)."""

    policy: PromisePolicy
    default_remind_days: int
    dispute_near: timedelta

    def remind_days(self, row: LiveOutcome) -> int:
        return self.default_remind_days if row.reminder_days is None else row.reminder_days


def _period(today: date, rules: _Rules) -> tuple[date, date, list[str], date]:
    """What followup_repo.in_period reads, so that nothing it leaves out could be listed.

    Promises and lines due before the first day are either kept or were broken too long ago
    to list (RECENT_BROKEN_DAYS, or the grace days if longer). Those due after the second day are
    read only when their stored reminder is not one of the short ones listed third (which
    cannot reach that far). Revisits are listed up to the last day."""
    back = max(RECENT_BROKEN_DAYS, rules.policy.grace_days)
    ahead = max(REMINDER_HORIZON_DAYS, rules.default_remind_days)
    short = [reminder_body(None)] + [reminder_body(n) for n in range(ahead + 1)]
    return (today - timedelta(days=back), today + timedelta(days=ahead), short,
            today + timedelta(days=REVISIT_WINDOW_DAYS))


def _not_due_yet(row: LiveOutcome, today: date, rules: _Rules) -> bool:
    """A commitment due later than its reminder: open or kept, and neither is listed yet."""
    return (row.kind in COMMITMENT_KINDS and row.due_on > today
            and (row.due_on - today).days > rules.remind_days(row))


class FollowUps:
    """Judges every live promise and dispute as of now().

    Only outcomes that can need a follow-up today are read (see ``_period``), with the
    payments of just their customers: a few set-based queries, however long the history."""

    def __init__(self, store, settings: cfg.Settings, now: Callable[[], datetime] = utc_now):
        self._store = store
        self.settings = settings
        self.now = now

    def _now(self) -> datetime:
        """Now in the user's zone, so .date() is the user's calendar day."""
        return in_zone(self.now(), self.settings.zone())

    def list(self, customer_id: int | None = None) -> list[FollowUp]:
        now = self._now()
        today = now.date()
        rules = self._rules()
        period = _period(today, rules)
        with self._store.sessions() as session:
            read = followup_repo.in_period(session, *period, customer_id)
            rows = [r for r in read if not _not_due_yet(r, today, rules)]
            grace = rules.policy.grace_days
            taken = _taken(session, rows, read, (period[0], period[1]), grace)
            verdicts = [(row, v) for row in rows if (v := self._judge(row, taken, now, rules))]
            names = followup_repo.customer_names(session, {row.customer_id for row, _v in verdicts})
        found = [FollowUp(v.kind, row.customer_id, names[row.customer_id], v.due_on, row.kind,
                          row.amount, v.paid, _local(row.deadline, now), row.visit_uuid)
                 for row, v in verdicts]
        order = list(FollowUpKind)
        return sorted(found, key=lambda f: (order.index(f.kind), f.due_on, f.customer_name))

    def promise_statuses(self, customer_id: int) -> dict[str, tuple[PromiseStatus, Money]]:
        """Every live promise of a customer, kept ones too, by visit: (status, paid so far).

        Judged with the customer's installment lines, which take their share of the money."""
        today = self._now().date()
        policy = self.settings.promise_policy()
        with self._store.sessions() as session:
            rows = followup_repo.of_customer(session, customer_id, COMMITMENT_KINDS)
            taken = _allocated(session, _with_amended(session, rows), policy.grace_days)
        result = {}
        for row in rows:
            if row.kind == "promise":
                paid = taken.get(row.uuid, 0)
                status = judge(row.amount.minor, row.due_on, paid, today, policy)
                result[row.visit_uuid] = (status, Money(paid, row.amount.currency))
        return result

    def _rules(self) -> _Rules:
        grace, kept, remind, near = self.settings.get_many(
            cfg.PROMISE_GRACE_DAYS, cfg.PROMISE_KEPT_PCT, cfg.REMINDER_DAYS, cfg.DISPUTE_NEAR_HOURS)
        return _Rules(PromisePolicy(grace, kept), remind, timedelta(hours=near))

    def _judge(self, row: LiveOutcome, taken: dict[str, int], now: datetime,
               rules: _Rules) -> _Verdict | None:
        if row.kind in COMMITMENT_KINDS:
            return self._judge_promise(row, taken.get(row.uuid, 0), now.date(), rules)
        if row.kind == "dispute":
            return self._judge_dispute(_local(row.deadline, now), now, rules.dispute_near)
        if row.due_on <= now.date() + timedelta(days=REVISIT_WINDOW_DAYS):
            return _Verdict(FollowUpKind.REVISIT, row.due_on)
        return None

    def _judge_promise(self, row: LiveOutcome, paid: int, today: date,
                       rules: _Rules) -> _Verdict | None:
        status = judge(row.amount.minor, row.due_on, paid, today, rules.policy)
        follow = self._promise_kind(status, row.due_on, today, rules.remind_days(row))
        if follow is None:
            return None
        return _Verdict(follow, row.due_on, Money(paid, row.amount.currency))

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

    def _judge_dispute(self, deadline: datetime, now: datetime, near: timedelta) -> _Verdict:
        if now > deadline:
            kind = FollowUpKind.DISPUTE_LATE
        elif deadline - now <= near:
            kind = FollowUpKind.DISPUTE_NEAR
        else:
            kind = FollowUpKind.DISPUTE_OPEN
        return _Verdict(kind, deadline.date())


def open_commitments(session, customer_id: int, currency: str, today: date,
                     grace: int) -> list[tuple[tuple[str, ...], int]]:
    """The customer's live commitments in ``currency`` still open to payments today, each with
    its visits (see LiveOutcome.visits) and what it still expects after the money it took."""
    rows = _with_amended(session, followup_repo.of_customer(session, customer_id,
                                                            COMMITMENT_KINDS))
    taken = _allocated(session, rows, grace)
    gap = timedelta(days=grace)
    return [(r.visits or (r.visit_uuid,), r.amount.minor - taken.get(r.uuid, 0)) for r in rows
            if r.amount.currency == currency and r.due_on + gap >= today
            and r.amount.minor > taken.get(r.uuid, 0)]


def _taken(session, rows: list[LiveOutcome], read: list[LiveOutcome],
           period: tuple[date, date], grace: int) -> dict[str, int]:
    """What each of ``rows``' commitments took of its customer's payments, judged with every
    live commitment that could have taken money it could take (see ``_widen``): due no later
    than the customer's last one listed (later ones are served after it). ``read`` holds every
    commitment due within ``period``; the days before it (and after, for far reminders) are
    read only for customers with payments since their first listed commitment was made
    (without any, nothing was taken), and again for those an earlier commitment widened."""
    listed = [r for r in rows if r.kind in COMMITMENT_KINDS]
    if not listed:
        return {}
    gap, day = timedelta(days=grace), timedelta(days=1)
    last: dict[int, date] = {}
    first: dict[int, date] = {}
    for r in listed:
        last[r.customer_id] = max(r.due_on, last.get(r.customer_id, r.due_on))
        first[r.customer_id] = min(r.made_on, first.get(r.customer_id, r.made_on))
    paid: dict[int, list] = {}
    for p in followup_repo.payments_of(session, first):
        paid.setdefault(p.customer_id, []).append(p)
    mine: dict[int, dict[str, LiveOutcome]] = {cid: {} for cid in paid}
    for r in read:
        if r.kind in COMMITMENT_KINDS and r.customer_id in paid:
            mine[r.customer_id][r.uuid] = r
    lo, hi = period

    def take(spans):
        for found in followup_repo.commitments_of(session, spans):
            mine[found.customer_id][found.uuid] = found

    take({cid: (hi + day, last[cid]) for cid in paid if last[cid] > hi})
    since = {cid: _widen(mine[cid].values(), first[cid], last[cid], gap) for cid in paid}
    spans = {cid: (start - gap, lo - day) for cid, start in since.items() if start - gap < lo}
    while spans:
        take(spans)
        asked, spans = spans, {}
        for cid, (start, _end) in asked.items():
            since[cid] = _widen(mine[cid].values(), since[cid], last[cid], gap)
            if since[cid] - gap < start:
                spans[cid] = (since[cid] - gap, start - day)
    earlier = {cid: day_ for cid, day_ in since.items() if day_ < first[cid]}
    for p in followup_repo.payments_of(session, earlier) if earlier else ():
        if p.paid_on < first[p.customer_id]:  # the rest was read already
            paid[p.customer_id].append(p)
    competing = _with_amended(session, [c for cid, theirs in mine.items() for c in theirs.values()
                                        if since[cid] <= c.due_on + gap <= last[cid] + gap])
    return allocate(competing, [p for ps in paid.values() for p in ps], grace)


def _widen(commitments, day: date, last: date, gap: timedelta) -> date:
    """The first day money could go to a commitment competing with those listed: from the
    first day one listed was made, back to the day each commitment due by ``last`` and still
    open to payments on or after that day was made, until none was made earlier."""
    mine = [c for c in commitments if c.due_on <= last]
    while True:
        earlier = min((c.made_on for c in mine if c.due_on + gap >= day), default=day)
        if earlier >= day:
            return day
        day = earlier


def _with_amended(session, rows: list[LiveOutcome]) -> list[LiveOutcome]:
    """``rows`` with the visits their visit amends, however long the chain: money taken on
    those was not promised either."""
    amends = followup_repo.amendments(session) if rows else {}
    result = []
    for r in rows:
        chain = [r.visit_uuid]
        while chain[-1] in amends and len(chain) <= len(amends):
            chain.append(amends[chain[-1]])
        result.append(replace(r, visits=tuple(chain)) if len(chain) > 1 else r)
    return result


def _allocated(session, commitments: list[LiveOutcome], grace: int) -> dict[str, int]:
    """What each commitment took of its customer's payments (commitments.allocate)."""
    since: dict[int, date] = {}
    for c in commitments:
        since[c.customer_id] = min(c.made_on, since.get(c.customer_id, c.made_on))
    payments = followup_repo.payments_of(session, since) if since else []
    return allocate(commitments, payments, grace)


def _local(deadline: datetime | None, now: datetime) -> datetime | None:
    """A stored (UTC) deadline in the user's zone, so its day and hour are the user's."""
    return in_zone(deadline, now.tzinfo) if deadline else None


def taken_by(session, commitments: list[LiveOutcome], grace: int) -> dict[str, int]:
    """What each of ``commitments`` took of its customer's payments, amendments followed: pass
    every live commitment of those customers, for each unit of money counts once."""
    return _allocated(session, _with_amended(session, commitments), grace)
