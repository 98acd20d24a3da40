"""Assigning customers to collectors: by hand, by place or by filter; logged, and undone by batch.

Every change of collector is one row of ``assignment_log`` written in the transaction that
makes it. An undo is refused whole when any of the batch's customers changed collector since
(it says which): undoing only some would leave a batch half undone and the log hard to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from ...domain.collectors import AssignedCustomer, AssignmentBatch, AssignmentChange
from ...domain.errors import InvalidValue, NotFound
from ...domain.ids import new_id
from ...domain.office_filters import CustomerFilter
from ...store import assignment_log, assignment_repo, office_repo
from ..changes import Changes

PREVIEW = 10  # customers shown before confirming
SHOWN_CHANGED = 5  # customers named when an undo is refused


@dataclass(frozen=True)
class AssignResult:
    """What a batch did: ``batch_id`` (None when nothing changed), how many customers changed
    collector, how many already had it, and the Changes record for the views."""

    batch_id: str | None
    changed: int
    unchanged: int
    changes: Changes


class Assignments:
    """Customers to collectors. ``actor`` (the supervisor) and ``now`` go into the log."""

    def __init__(self, store, actor: str, now: Callable[[], datetime]):
        self._store = store
        self.actor = actor
        self.now = now

    def count(self, wanted: CustomerFilter) -> int:
        """How many customers ``wanted`` matches now (shown before confirming)."""
        with self._store.sessions() as session:
            return assignment_repo.count(session, wanted, self.now().date())

    def customers(self, wanted: CustomerFilter, limit: int = PREVIEW,
                  after_code: str | None = None) -> list[AssignedCustomer]:
        """Matches in code order, a page at a time (the first few preview a batch)."""
        with self._store.sessions() as session:
            return assignment_repo.customers(session, wanted, self.now().date(), limit,
                                             after_code)

    def customer_ids(self, codes: Iterable[str]) -> list[int]:
        """Ids of customer codes; an unknown code is refused by name."""
        codes = [c.strip() for c in codes if c.strip()]
        with self._store.sessions() as session:
            found = assignment_repo.ids_by_code(session, codes)
        missing = [c for c in codes if c not in found]
        if missing:
            raise NotFound("customer.code_not_found", codes=", ".join(missing))
        return [found[c] for c in dict.fromkeys(codes)]

    def assign(self, to: str | None, *, customer_ids: Iterable[int] | None = None,
               wanted: CustomerFilter | None = None, expected: int | None = None
               ) -> AssignResult:
        """Give the customers (listed, or matching ``wanted``) to collector ``to`` (id or
        name; None: no collector). ``expected`` is the count the supervisor confirmed: when
        the matches changed meanwhile, nothing is written and the new count is said."""
        if (customer_ids is None) == (wanted is None):
            raise InvalidValue("assign.customers_or_filter")
        with self._store.sessions.begin() as session:
            target = self._target(session, to)
            held = (assignment_repo.holders_of(session, customer_ids) if wanted is None
                    else assignment_repo.holders(session, wanted, self.now().date()))
            if wanted is None:
                self._all_exist(customer_ids, held)
            if expected is not None and len(held) != expected:
                raise InvalidValue("assign.count_changed", expected=expected, now=len(held))
            moves = [(cid, old, target) for cid, old in held if old != target]
            batch = self._write(session, moves)
        return self._result(batch, moves, len(held) - len(moves))

    def undo(self, batch_id: str) -> AssignResult:
        """Give the batch's customers back their previous collectors, logged as a new batch.
        Refused when the batch was undone already or a customer changed collector since."""
        with self._store.sessions.begin() as session:
            rows = assignment_log.batch_rows(session, batch_id)
            if not rows:
                raise NotFound("assign.batch_not_found", batch=batch_id)
            if rows[0][3] is not None:
                raise InvalidValue("assign.already_undone", batch=batch_id, by=rows[0][3])
            ids = [r[0] for r in rows]
            now_held = dict(assignment_repo.holders_of(session, ids))
            since = assignment_log.changed_since(session, batch_id, rows[0][4], ids)
            since |= {cid for cid, _old, new, _u, _at in rows if now_held.get(cid) != new}
            if since:
                self._refuse_undo(session, batch_id, since)
            moves = [(cid, new, old) for cid, old, new, _u, _at in rows]
            undo_id = self._write(session, moves)
            assignment_log.mark_undone(session, batch_id, undo_id)
        return self._result(undo_id, moves, 0)

    def changes(self, customer_id: int | None = None, batch_id: str | None = None,
                limit: int = 500) -> list[AssignmentChange]:
        """The log, newest first: everything, one customer's, or one batch's."""
        with self._store.sessions() as session:
            return assignment_log.changes(session, customer_id, batch_id, limit)

    def batches(self, limit: int = 200) -> list[AssignmentBatch]:
        with self._store.sessions() as session:
            return assignment_log.batches(session, limit)

    def _target(self, session, to: str | None) -> str | None:
        if to is None:
            return None
        collector = office_repo.find(session, to)
        if not collector.active:
            raise InvalidValue("collector.inactive", name=collector.name)
        return collector.id

    @staticmethod
    def _all_exist(customer_ids, held) -> None:
        missing = sorted({int(i) for i in customer_ids} - {cid for cid, _ in held})
        if missing:
            raise NotFound("customer.not_found", customer=", ".join(map(str, missing)))

    def _write(self, session, moves) -> str | None:
        """Log ``moves`` as one batch and apply them, in the caller's transaction."""
        if not moves:
            return None
        batch_id = new_id()
        assignment_log.write(session, batch_id, assignment_log.next_at(session, self.now()),
                             self.actor, moves)
        assignment_log.apply(session, batch_id)
        return batch_id

    @staticmethod
    def _refuse_undo(session, batch_id: str, since: set[int]) -> None:
        codes = sorted(assignment_repo.codes_of(session, sorted(since)[:SHOWN_CHANGED]))
        raise InvalidValue("assign.changed_since", batch=batch_id, count=len(since),
                           customers=", ".join(codes) + (" …" if len(since) > SHOWN_CHANGED
                                                         else ""))

    @staticmethod
    def _result(batch_id: str | None, moves, unchanged: int) -> AssignResult:
        ids = frozenset(cid for cid, _old, _new in moves)
        changes = Changes(customers=ids, collectors=True) if ids else Changes()
        return AssignResult(batch_id, len(moves), unchanged, changes)

