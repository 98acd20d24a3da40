"""At start-up: make the documents a crash left pending, and say which visit was finalized last."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from .. import formats
from ..error_text import describe
from ..views.common import Retranslating

log = logging.getLogger(__name__)


class StartupDocuments(Retranslating, QLabel):
    """A status-bar note naming the last finalized visit and its receipts, so that nobody takes
    the same money twice after a crash; meanwhile the pending documents are made unasked
    (read and kept on the database lane, drawn and signed in the pool: the window stays live)."""

    finished = Signal(int, list)  # documents made, failures in words

    def __init__(self, documents, taskman, signals, parent: QWidget | None = None):
        super().__init__(parent)
        self._documents, self._taskman, self._signals = documents, taskman, signals
        self.last = None  # LastFinalized
        self._left, self._made, self._failures = 0, 0, []
        self._checked = ""  # the moment of this check, kept once the documents are made
        self.hide()

    def start(self) -> None:
        documents = self._documents
        self._taskman.run(lambda: (*documents.pending_at_start(), documents.last_finalized()),
                          self._found)

    def _found(self, found) -> None:
        pending, self._checked, self.last = found
        self.retranslate_ui()
        self._left = len(pending)
        if not pending:
            self._finish()
        for uuid in pending:
            self._make(uuid)

    def _make(self, uuid: str) -> None:
        documents = self._documents

        def make(planned):
            customer_id, todo = planned
            return (customer_id, *documents.make_all(todo))

        def keep(made):
            customer_id, rows, failed = made
            return documents.keep_for_visit(uuid, customer_id, rows)[1], len(rows), failed

        self._taskman.run_split(lambda: documents.plan_for_visit(uuid), make, keep,
                                lambda kept: self._done(*kept), lambda error: self._done(None, 0, [error]))

    def _done(self, changes, made: int, failed: list) -> None:
        if changes is not None and made:
            self._signals.data_changed.emit(changes.from_source(self))
        self._made += made
        for error in failed:
            log.error("a pending document could not be made at start-up", exc_info=error)
            self._failures.append(describe(error))
        self._left -= 1
        if self._left == 0:
            self._finish()

    def _finish(self) -> None:
        documents, checked = self._documents, self._checked
        # What failed now shows Retry under its visit; the next start looks at what is newer.
        self._taskman.run(lambda: documents.checked_at_start(checked),
                          lambda _none: self.finished.emit(self._made, self._failures))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        last = self.last
        if last is None:
            return
        when = formats.moment(last.finalized_at)
        if last.receipts:
            text = self.tr("Last finalized: %1, %2 — receipt %3").replace(
                "%3", ", ".join(last.receipts))
        else:
            text = self.tr("Last finalized: %1, %2 — no money taken")
        text = text.replace("%1", last.customer_name).replace("%2", when)
        if self._failures:
            text += " · " + self.tr("Some documents are still pending: see the visit's Retry")
        self.setText(text)
        self.setToolTip(self.tr("Check this before recording money again: a receipt already "
                                "issued stands for money already taken."))
        self.show()
