"""Background work in two lanes (the database's, and a pool for the rest), with progress and cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)
POOL_SIZE = 2  # drawing and signing PDFs, reading files: the laptop has few cores


class TaskCancelled(Exception):
    """Raised by long work that saw ``cancelled()``: neither on_done nor on_error runs."""


@dataclass(frozen=True)
class _Outcome:
    future: Future
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None


class LongTask(QObject):
    """The handle of ``run_long`` work: its progress on the GUI thread, and ``cancel()``."""

    progressed = Signal(int, int, str)  # done, total, what is being done now
    finished = Signal()  # done, failed or cancelled

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self.last = (0, 0, "")  # the latest report, for a follower that connects late

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Called in the worker; Qt queues the signal to the GUI thread."""
        self.last = (done, total, text)
        self.progressed.emit(done, total, text)


class TaskManager(QObject):
    """One worker thread for all database work (SQLite likes one writer; order is kept) and a
    small pool for work that never touches the database (Anki's taskman).

    ``fn`` runs in a worker and must not touch widgets; ``on_done``/``on_error`` run on the GUI
    thread through a queued signal. Callers that can be overtaken (search as you type) drop
    stale results themselves, e.g. with a generation counter. ``busy_changed`` says whether
    long work (``run_long``) is running, so windows can disable what would conflict with it.
    """

    busy_changed = Signal(bool)
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None,
                 on_error: Callable[[BaseException], None] | None = None,
                 pool_size: int = POOL_SIZE):
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-db")
        self._pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="fieldapp-work")
        self._pending = 0
        self._long: list[LongTask] = []
        self._closed = False
        self.default_on_error = on_error or _log_error
        # Queued even when emitted on the GUI thread, so delivery is always asynchronous.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Some work was queued and its result not yet delivered."""
        return self._pending > 0

    @property
    def long_running(self) -> bool:
        return bool(self._long)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> Future | None:
        """Queue ``fn`` on the database lane; its future, or None once shut down."""
        return self._submit(self._db, fn, on_done, on_error)

    def run_in_pool(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                    on_error: Callable[[BaseException], None] | None = None) -> Future | None:
        """Queue ``fn``, which must not touch the database, beside the database lane."""
        return self._submit(self._pool, fn, on_done, on_error)

    def run_split(self, read: Callable[[], Any], work: Callable[[Any], Any],
                  write: Callable[[Any], Any], on_done: Callable[[Any], None],
                  on_error: Callable[[BaseException], None] | None = None) -> None:
        """``read`` on the database lane, ``work(read())`` in the pool (a PDF drawn and signed
        while searches go on), ``write(work(...))`` on the database lane, then ``on_done``."""
        def worked(made) -> None:
            self.run(lambda: write(made), on_done, on_error)

        self.run(read, lambda got: self.run_in_pool(lambda: work(got), worked, on_error), on_error)

    def run_long(self, fn: Callable[[Callable[..., None], Callable[[], bool]], Any],
                 on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None,
                 database: bool = True) -> LongTask | None:
        """Long work (imports, batch printing, sync): ``fn(progress, cancelled)`` reports with
        ``progress(done, total, text="")`` and stops when ``cancelled()`` says so (returning
        or raising TaskCancelled). Runs on the database lane unless ``database`` is False."""
        if self._closed:
            return None
        task = LongTask(self)
        self._long.append(task)
        if len(self._long) == 1:
            self.busy_changed.emit(True)

        def done(result) -> None:
            self._end(task)
            on_done(result)

        def failed(error: BaseException) -> None:
            self._end(task)
            if not isinstance(error, TaskCancelled):
                (on_error or self.default_on_error)(error)

        submit = self.run if database else self.run_in_pool
        submit(lambda: fn(task.report, lambda: task.cancelled), done, failed)
        return task

    def _end(self, task: LongTask) -> None:
        self._long.remove(task)
        task.finished.emit()
        if not self._long:
            self.busy_changed.emit(False)

    def _submit(self, executor, fn, on_done, on_error) -> Future | None:
        if self._closed:
            return None
        self._pending += 1
        future = executor.submit(fn)
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
        """Drop queued work and wait for the running tasks, so nothing outlives the window."""
        self._closed = True
        for task in self._long:
            task.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._db.shutdown(wait=True, cancel_futures=True)


def _log_error(error: BaseException) -> None:
    log.error("background task failed", exc_info=error)
