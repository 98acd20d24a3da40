"""The draft being edited: every change is saved (debounced, in order) and its steps re-checked."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.visit import Visit

log = logging.getLogger(__name__)
DEBOUNCE_MS = 300  # a burst of keystrokes becomes one write
# Steady typing never pauses for DEBOUNCE_MS: without a cap the save would wait for the whole
# burst, and a crash would lose all of it. A change is saved at most this long after it was made.
MAX_WAIT_MS = 1000
RETRY_MS = 2000


class VisitSession(QObject):
    """Holds the draft; ``checked`` carries {step id: [FieldError]} for the saved state."""

    saving = Signal()
    saved = Signal()
    checked = Signal(object)
    failed = Signal(object)  # the exception of a save that did not land
    signatures_cleared = Signal()

    def __init__(self, visits, taskman, visit: Visit, step_ids, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None, max_wait_ms: int = MAX_WAIT_MS):
        super().__init__(parent)
        self._visits = visits
        self._taskman = taskman
        self._visit = visit
        self._steps = tuple(step_ids)
        self._debounce = debounce_ms
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._on_timeout)
        # Started by the first unsaved change and never restarted by the next ones.
        self._max_wait = QTimer(self, singleShot=True, interval=max(max_wait_ms, debounce_ms))
        self._max_wait.timeout.connect(self._on_timeout)
        self._generation = 0  # bumped by every change; a result for an older one is stale
        self._in_flight = False
        self._waiters: list[Callable[[dict], None]] = []
        self.closed = False
        self.errors: dict[str, list] = {}

    @property
    def visit(self) -> Visit:
        return self._visit

    @property
    def dirty(self) -> bool:
        return self._timer.isActive() or self._max_wait.isActive() or self._in_flight

    # -- changes ----------------------------------------------------------------------------
    def set_answers(self, answers: dict) -> None:
        self._change(answers={**self._visit.answers, **answers})

    def set_outcomes(self, outcomes) -> None:
        self._change(outcomes=tuple(outcomes))

    def set_signatures(self, customer, collector) -> None:
        # Signing changes nothing the customer read, so the signatures stay.
        self._apply(replace(self._visit, customer_signature=customer, collector_signature=collector))

    def _change(self, **fields) -> None:
        visit = replace(self._visit, **fields)
        if visit == self._visit:
            return
        if visit.customer_signature or visit.collector_signature:
            # The customer signed another text: both must read the new one and sign again.
            visit = replace(visit, customer_signature=None, collector_signature=None)
            self.signatures_cleared.emit()
        self._apply(visit)

    def _apply(self, visit: Visit) -> None:
        if self.closed:
            return
        self._visit = visit
        self._generation += 1
        self._timer.start(self._debounce)
        if not self._max_wait.isActive():
            self._max_wait.start()

    def _stop_timers(self) -> None:
        self._timer.stop()
        self._max_wait.stop()

    # -- saving -----------------------------------------------------------------------------
    def commit(self, then: Callable[[dict], None] | None = None) -> None:
        """Save now (if needed) and check; ``then(errors)`` gets the result of this state."""
        if then is not None:
            self._waiters.append(then)
        self._stop_timers()
        if not self._in_flight:
            self._save()

    def _on_timeout(self) -> None:
        if not self._in_flight:  # else the running save sees it is stale and saves again
            self._save()

    def _waited_enough(self) -> bool:
        """A stale result saves the newest state at once unless a quiet pause is due first."""
        return not self._timer.isActive() or not self._max_wait.isActive()

    def _save(self) -> None:
        if self.closed:
            return
        visit, generation, visits, steps = self._visit, self._generation, self._visits, self._steps
        self._stop_timers()  # this save carries every change so far; the next one starts anew
        self._in_flight = True
        self.saving.emit()

        def job():
            visits.save_draft(visit)
            return {step: visits.check_step(step, visit) for step in steps}

        self._taskman.run(job, lambda errors: self._done(generation, errors), self._failed)

    def _done(self, generation: int, errors: dict) -> None:
        self._in_flight = False
        if self.closed:
            return
        if generation != self._generation:
            if self._waited_enough():
                self._save()  # changed while saving: the newest state goes next
            return
        self.errors = errors
        self.saved.emit()
        self.checked.emit(errors)
        waiters, self._waiters = self._waiters, []
        for then in waiters:
            then(errors)

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        if self.closed:
            return
        log.error("draft not saved", exc_info=error)
        self._waiters.clear()
        self.failed.emit(error)
        self._max_wait.stop()
        self._timer.start(RETRY_MS)  # a busy disk or a locked database: try again soon

    def flush(self, then: Callable[[], None]) -> None:
        """Save what is pending on the database lane and call ``then()`` once it landed.

        Never waits: the window closes from ``then``, so the event loop runs meanwhile. The
        save queues behind any save in flight, so the newest state is the one that stays."""
        if self.closed or not self.dirty:
            then()
            return
        self._stop_timers()
        visits, visit = self._visits, self._visit

        def lost(error: BaseException) -> None:  # closing must go on; the log says what was lost
            if getattr(error, "code", None) == "disk.full":
                # Nothing is lost: the draft stays here and is saved (and the window closed)
                # as soon as space is freed; the window says so meanwhile.
                self._failed(error)
                return
            log.error("the last change of draft %s was not saved", visit.uuid, exc_info=error)
            then()

        if self._taskman.run(lambda: visits.save_draft(visit), lambda _r: then(), lost) is None:
            then()  # the program is shutting down: nothing can be saved any more

    def close(self) -> None:
        """No more saves (finalized or discarded)."""
        self._stop_timers()
        self.closed = True

    def reopen(self) -> None:
        """Finalizing was refused: the visit is still a draft and is saved again."""
        self.closed = False
