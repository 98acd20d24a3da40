"""The supervisor's work queues: disputes against their 24-hour deadline (assign, resolve),
promises due today, broken or partially kept (judged as the follow-up lists judge them, each
payment once), notes to the supervisor, refusals heading for the legal route, records with
issues. Each queue lists its oldest item first."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from ...domain import queues as q
from ...domain.errors import NotFound
from ...domain.instants import from_text, to_text
from ...domain.money import Money
from ...domain.promises import PromisePolicy, judge
from ...domain.receipts import PENDING
from ...store import dispute_repo, followup_repo, queue_repo, receipt_repo
from ..changes import Changes
from ..followups import RECENT_BROKEN_DAYS, taken_in_period
from ..settings import PROMISE_GRACE_DAYS, PROMISE_KEPT_PCT

_DUE = ("o.kind IN ('promise', 'installment') AND o.due_on >= :lo AND o.due_on <= :hi")


@dataclass(frozen=True)
class Done:
    """What a queue action changed; ``resumed`` the invoice numbers a resolution resumed."""

    key: str
    changes: Changes
    resumed: tuple[str, ...] = ()


class Queues:
    def __init__(self, store, now, actor: str, settings):
        self._store, self._now, self._actor, self._settings = store, now, actor, settings

    # -- reading ------------------------------------------------------------------------------
    def all(self) -> dict[str, tuple[q.QueueItem, ...]]:
        """Every queue (in QUEUES order) with its items, oldest first."""
        now = self._now()
        zone = now.tzinfo
        with self._store.sessions.begin() as session:
            found = {q.DISPUTES: [self._dispute(f, now) for f in
                                  queue_repo.open_disputes(session, zone)]}
            found.update(self._promises(session, now))
            found[q.NOTES] = [_item(q.NOTES, f, text=q.supervisor_note(f.answers))
                              for f in queue_repo.noted_visits(session, zone)]
            found[q.LEGAL] = [_item(q.LEGAL, f, reason=str(f.outcome.get("reason", "")))
                              for f in queue_repo.legal_refusals(session, zone)]
            found[q.ISSUES] = [_item(q.ISSUES, f, text=f.review_reason,
                                     since=f.review_at or f.started_at)
                               for f in queue_repo.visits_with_issues(session, zone)]
            found[q.MONEY] = [_taken(r, zone) for r in
                              receipt_repo.listed(session, PENDING, zone)]
            planned = queue_repo.next_stops(
                session, {i.customer_id for items in found.values() for i in items}, now.date())
        return {name: tuple(sorted((_planned(i, planned) for i in found.get(name, ())),
                                   key=lambda i: (i.since, i.key)))
                for name in q.QUEUES}

    def items(self, queue: str) -> tuple[q.QueueItem, ...]:
        return self.all()[q.checked_queue(queue)]

    def counts(self, found: dict | None = None) -> list[q.QueueCount]:
        found = self.all() if found is None else found
        return [q.QueueCount(name, len(items), items[0].since if items else None)
                for name, items in found.items()]

    def _dispute(self, f: queue_repo.Fact, now: datetime) -> q.QueueItem:
        recorded = f.outcome.get("captured_at")
        since = from_text(recorded, now.tzinfo) if recorded else f.started_at
        return _item(q.DISPUTES, f, since=since,
                     deadline=q.dispute_deadline(since).astimezone(now.tzinfo),
                     reason=str(f.outcome.get("reason", "")),
                     text=str(f.outcome.get("description", "")))

    def _promises(self, session, now: datetime) -> dict[str, list[q.QueueItem]]:
        today = now.date()
        grace, kept = self._settings.get_many(PROMISE_GRACE_DAYS, PROMISE_KEPT_PCT)
        policy = PromisePolicy(grace, kept)
        lo = today - timedelta(days=max(RECENT_BROKEN_DAYS, grace))
        due = followup_repo.live_where(session, _DUE, {
            "lo": followup_repo.bind_day(session, lo),
            "hi": followup_repo.bind_day(session, today)})
        taken = taken_in_period(session, due, (lo, today), grace)
        placed = {}
        for row in due:
            paid = taken.get(row.uuid, 0)
            queue = q.promise_queue(judge(row.amount.minor, row.due_on, paid, today, policy),
                                    row.due_on, today)
            if queue:
                placed[row.uuid] = (queue, Money(paid, row.amount.currency))
        out = {name: [] for name in q.PROMISE_QUEUES}
        for f in queue_repo.outcome_facts(session, sorted(placed), now.tzinfo):
            queue, paid = placed[f.key]
            out[queue].append(_item(queue, f, paid=paid, reason=f.kind))
        return out

    # -- writing ------------------------------------------------------------------------------
    def dispute_id(self, typed: str) -> str:
        """The dispute a person typed: its id in full, or its first characters when only one
        dispute starts with them."""
        typed = typed.strip().lower()
        if len(typed) < q.MIN_PREFIX:
            raise NotFound("queue.unknown_dispute", id=typed)
        with self._store.sessions.begin() as session:
            found = queue_repo.dispute_ids_like(session, typed)
        if typed in found:
            return typed
        if len(found) > 1:
            raise q.QueueError("queue.ambiguous_id", id=typed)
        if not found:
            raise NotFound("queue.unknown_dispute", id=typed)
        return found[0]

    def assign(self, uuid: str, resolver: str) -> Done:
        resolver = q.checked_resolver(resolver)
        with self._store.sessions.begin() as session:
            self._open(session, uuid)
            dispute_repo.assign(session, uuid, resolver, to_text(self._now()), self._actor)
        return Done(uuid, Changes(outcomes=True))

    def resolve(self, uuid: str, root_cause: str) -> Done:
        """Resolved with the root cause found (the claimed reason stays as recorded); the
        invoices it paused resume; the collector's next pack carries the resolution."""
        root_cause = q.checked_root_cause(root_cause)
        with self._store.sessions.begin() as session:
            self._open(session, uuid)
            resumed = dispute_repo.resolve(session, uuid, to_text(self._now()), self._actor,
                                           root_cause)
        return Done(uuid, Changes(all_customers=True, outcomes=True, invoices=True,
                                  follow_ups=True), tuple(resumed))

    def hand_over(self, uuid: str) -> Done:
        """A refusal handed over to the legal route leaves its queue."""
        with self._store.sessions.begin() as session:
            if not queue_repo.hand_over(session, uuid):
                raise q.QueueError("queue.not_legal", id=uuid)
        return Done(uuid, Changes(outcomes=True))

    @staticmethod
    def _open(session, uuid: str) -> None:
        at = dispute_repo.resolution_at(session, uuid)
        if at is not None:
            raise q.QueueError("queue.already_resolved", id=uuid, at=at)
        if not queue_repo.is_live(session, uuid, "dispute"):
            raise NotFound("queue.unknown_dispute", id=uuid)


def _planned(item: q.QueueItem, planned: dict) -> q.QueueItem:
    day = planned.get(item.customer_id)
    return item if day is None else replace(item, next_step=replace(item.next_step,
                                                                    next_visit=day))


def _taken(receipt, zone) -> q.QueueItem:
    """Money taken on site waiting for confirmation, as old as the day it was taken."""
    since = datetime.combine(receipt.paid_on, time(), zone)
    return q.QueueItem(q.MONEY, receipt.receipt_no, receipt.visit_uuid, receipt.customer_id,
                       receipt.customer_code, receipt.customer_name, None, receipt.collector,
                       since, amount=receipt.amount, record_day=receipt.paid_on)


def _item(queue: str, f: queue_repo.Fact, since: datetime | None = None,
          **values) -> q.QueueItem:
    item = q.QueueItem(queue, f.key, f.visit_uuid, f.customer_id, f.customer_code,
                       f.customer_name, f.collector_id, f.collector, since or f.started_at,
                       due_on=f.due_on, amount=f.amount, resolver=f.resolver,
                       next_step=q.next_step_of(f.answers, f.outcomes),
                       record_day=f.started_at.date())
    return replace(item, **values)

