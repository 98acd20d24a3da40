"""Serialized database work off the GUI thread, with callbacks delivered back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Outcome:
    future: Future
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None


class TaskManager(QObject):
    """One worker thread for all database work (SQLite likes one writer; order is kept).

    ``fn`` runs in the worker and must not touch widgets; ``on_done``/``on_error`` run on the
    GUI thread through a queued signal. Callers that can be overtaken (search as you type)
    drop stale results themselves, e.g. with a generation counter.
    """

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None,
                 on_error: Callable[[BaseException], None] | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-db")
        self._pending = 0
        self._closed = False
        self.default_on_error = on_error or _log_error
        # Queued even when emitted on the GUI thread, so delivery is always asynchronous.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> Future | None:
        """Queue ``fn``; returns its future, or None once the manager was shut down."""
        if self._closed:
            return None
        self._pending += 1
        future = self._executor.submit(fn)
        future.add_done_callback(lambda f: self._emit(_Outcome(f, on_done, on_error)))
        return future

    def _emit(self, outcome: _Outcome) -> None:
        try:
            self._finished.emit(outcome)
        except RuntimeError:  # the Qt side is gone (window closed while the task ran)
            log.debug("task finished after its manager was deleted")

    def _deliver(self, outcome: _Outcome) -> None:
        self._pending -= 1
        if outcome.future.cancelled() or self._closed:
            return
        error = outcome.future.exception()
        if error is None:
            outcome.on_done(outcome.future.result())
        else:
            (outcome.on_error or self.default_on_error)(error)

    def shutdown(self) -> None:
        """Drop queued work and wait for the running task, so nothing outlives the window."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


def _log_error(error: BaseException) -> None:
    log.error("background task failed", exc_info=error)
