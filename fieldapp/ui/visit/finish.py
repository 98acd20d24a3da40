"""Finalizing (confirm, freeze, receipts, the record on offer) and discarding a visit's draft."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from ...domain.errors import FieldappError
from ...domain.visit import MoneyReceived
from ...services.changes import Changes
from ...domain.stored import DocumentKind
from ...services.finalize import VisitIncomplete
from ..dialogs.questions import ask, tell
from ..error_text import describe

log = logging.getLogger(__name__)


class Finisher:
    """Runs the final steps through the task manager and reports back to the window."""

    def __init__(self, window, signals):
        self.w = window
        self.signals = signals
        self.question: QMessageBox | None = None  # the open confirmation (tests answer it)
        self.final = None
        self.paper = None  # the Finalized page's row of document buttons
        self._made = None  # the documents the visit made, once they are kept

    # -- finalize ---------------------------------------------------------------------------
    def confirm(self) -> None:
        title = QCoreApplication.translate("Finisher", "Finalize the record")
        text = QCoreApplication.translate("Finisher", "A finalized visit cannot be changed; corrections become "
                                            "amendments.\n\nFinalize it now?")
        self.question = ask(self.w, title, text, self._finalize,
                            QCoreApplication.translate("Finisher", "&Finalize"))

    def _finalize(self) -> None:
        session, visits = self.w.session, self.w.services.visits
        visit = session.visit
        session.close()  # no autosave may land on a record that is being frozen
        self.w.centralWidget().setEnabled(False)
        self.w.saved_label.setText(QCoreApplication.translate("Finisher", "Finalizing…"))
        self.w.taskman.run(lambda: visits.finalize(visit, make_documents=False), self._finalized,
                           self._failed)

    def _finalized(self, result) -> None:
        final, changes = result
        self.final = final
        self.signals.data_changed.emit(changes.from_source(self.w))
        self._make_documents(final.uuid)
        receipts = [o.receipt_no for o in final.outcomes
                    if isinstance(o, MoneyReceived) and o.receipt_no]
        self._show_done(receipts)

    def _make_documents(self, uuid: str) -> None:
        """Drawn and signed in the pool, so searches go on meanwhile. The record is final
        whatever happens here: a failure is logged and the visit stays in Documents.pending()
        (opening its record makes them then)."""
        documents, signals, source = self.w.services.documents, self.signals, self.w

        def make(planned):
            customer_id, todo = planned
            return customer_id, [documents.make(p) for p in todo]

        def kept(result):
            signals.data_changed.emit(result[1].from_source(source))
            self._offer_documents(result[0])

        self.w.taskman.run_split(
            lambda: documents.plan_for_visit(uuid), make,
            lambda made: documents.keep_for_visit(uuid, *made), kept,
            lambda error: log.error("the documents of visit %s could not be made", uuid,
                                    exc_info=error))

    def _failed(self, error: BaseException) -> None:
        self.w.session.reopen()  # still a draft: keep saving it
        self.w.centralWidget().setEnabled(True)
        self.w.saved_label.setText("")
        if isinstance(error, VisitIncomplete):
            self.w.navigator.show_incomplete(error.errors)
            return
        if not isinstance(error, FieldappError):
            log.error("finalize failed", exc_info=error)
        self.question = tell(self.w, QCoreApplication.translate("Finisher", "Not finalized"),
                             describe(error), QMessageBox.Icon.Warning)

    def _show_done(self, receipts: list[str]) -> None:
        """Done: the record is on offer (to show the customer or print); when money was taken,
        the receipt number must be seen and written on the paper receipt."""
        page = QWidget()
        layout = QVBoxLayout(page)
        done = QCoreApplication.translate("Finisher", "Finalized — receipt %1").replace(
            "%1", ", ".join(receipts)) if receipts else QCoreApplication.translate("Finisher", "Finalized")
        text = QLabel(done)
        text.setObjectName("doneText")
        text.setStyleSheet("QLabel#doneText { font-size: 16pt; font-weight: 600; color: #1b5e20; }")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        record = QPushButton(QCoreApplication.translate("Finisher", "&Open the visit record"))
        record.setToolTip(QCoreApplication.translate(
            "Finisher", "The signed record (PDF): show it to the customer or print it"))
        record.clicked.connect(self._open_record)
        close = QPushButton(QCoreApplication.translate("Finisher", "Close"))
        close.clicked.connect(self.w.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(record)
        self.paper = QHBoxLayout()  # the agreements and receipts, once they are made
        buttons.addLayout(self.paper)
        buttons.addWidget(close)
        buttons.addStretch(1)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.w.done_label, self.w.record_button = text, record
        self.w.document_buttons = []
        if self._made is not None:
            self._offer_documents(self._made)
        self.w.saved_label.setText(QCoreApplication.translate("Finisher", "Finalized"))
        self.w.setCentralWidget(page)
        record.setDefault(True)
        record.setFocus()

    def _offer_documents(self, made) -> None:
        """The agreement and the receipt the visit made sit beside its record."""
        self._made = made
        paper = getattr(self, "paper", None)
        if paper is None or getattr(self.w, "document_buttons", None):
            return  # the page is not up yet (it offers them when it is), or they are there
        if not shiboken6.isValid(paper):
            return  # the collector closed the window before the documents were made
        for info in made:
            if info.kind is DocumentKind.AGREEMENT:
                caption = QCoreApplication.translate("Finisher", "Open the agreement %1")
            elif info.kind is DocumentKind.RECEIPT:
                caption = QCoreApplication.translate("Finisher", "Open the receipt %1")
            else:
                continue
            button = QPushButton(caption.replace("%1", info.number))
            button.clicked.connect(lambda _c=False, i=info: self.w.document_requested.emit(
                i, self.w.setup.file.customer.name))
            self.paper.addWidget(button)
            self.w.document_buttons.append(button)

    def _open_record(self) -> None:
        self.w.record_requested.emit(self.final.uuid, self.w.setup.file.customer.name)

    # -- discard ----------------------------------------------------------------------------
    def discard(self) -> None:
        title = QCoreApplication.translate("Finisher", "Discard the draft")
        text = QCoreApplication.translate("Finisher", "Discard this unfinished record? What was typed is lost.")
        self.question = ask(self.w, title, text, self._discard,
                            QCoreApplication.translate("Finisher", "&Discard"), QMessageBox.Icon.Warning)

    def _discard(self) -> None:
        session, visits = self.w.session, self.w.services.visits
        session.close()
        uuid = session.visit.uuid
        self.w.taskman.run(lambda: visits.discard(uuid), self._discarded)

    def _discarded(self, changes: Changes) -> None:
        self.signals.data_changed.emit(changes.from_source(self.w))
        self.w.close()
