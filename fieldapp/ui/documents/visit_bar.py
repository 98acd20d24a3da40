"""Buttons under a visit in the Visits tab: its record, agreement, receipt; an ink version."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from ...domain.visit import InstallmentPlan, Visit
from ...services.documents import AGREEMENT_KINDS, DocumentInfo, DocumentKind
from .. import formats
from ..error_text import describe
from ..labels import label
from ..views.common import Retranslating


class VisitDocumentsBar(Retranslating, QWidget):
    """Shows what the selected visit has; a kind with several documents gets a menu."""

    open_requested = Signal(object)  # DocumentInfo
    record_requested = Signal(str)  # visit uuid: the record is made if it is missing
    ink_requested = Signal(str, int)  # visit uuid, 1-based plan index
    documents_made = Signal(object)  # Changes, after Retry made pending documents

    def __init__(self, documents, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._documents, self._taskman = documents, taskman
        self._generation = 0
        self.visit: Visit | None = None
        self.docs: list[DocumentInfo] = []
        self.missing: list[tuple[DocumentKind, str]] = []  # pending: failed or never made
        self.failure = ""  # the last Retry's failure, in words
        self.pending_label, self.retry_button = QLabel(), QPushButton()
        self.pending_label.setObjectName("pendingDocuments")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet("QLabel#pendingDocuments { color: #b3261e; }")
        self.retry_button.clicked.connect(self.retry)
        self.record_button, self.agreement_button = QPushButton(), QPushButton()
        self.receipt_button, self.ink_button = QPushButton(), QPushButton()
        self.record_button.clicked.connect(self._open_record)
        self.agreement_button.clicked.connect(lambda: self._open_only(self.agreements()))
        self.receipt_button.clicked.connect(lambda: self._open_only(self.receipts()))
        self.ink_button.clicked.connect(self._ink_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.record_button, self.agreement_button, self.receipt_button,
                       self.ink_button, self.pending_label, self.retry_button):
            layout.addWidget(button)
        self.show_visit(None)
        self.retranslate_ui()

    def show_visit(self, visit: Visit | None) -> None:
        """Ask the store for ``visit``'s documents (None: nothing selected)."""
        self.visit, self.docs, self.missing, self.failure = visit, [], [], ""
        self._update()
        self.refresh()

    def refresh(self) -> None:
        """Ask again for the documents of the visit shown (they may have changed)."""
        self._generation += 1
        if self.visit is None:
            return
        generation, documents, uuid = self._generation, self._documents, self.visit.uuid
        self._taskman.run(lambda: (documents.of_visit(uuid), documents.missing(uuid)),
                          lambda found: self._loaded(generation, *found))

    def _loaded(self, generation: int, docs: list[DocumentInfo],
                missing: list[tuple[DocumentKind, str]]) -> None:
        if generation == self._generation:
            self.docs, self.missing = docs, missing
            self._update()

    def retry(self) -> None:
        """Make the pending documents again: drawn and signed beside the database lane."""
        if self.visit is None or not self.missing:
            return
        self.retry_button.setEnabled(False)
        documents, uuid, visit = self._documents, self.visit.uuid, self.visit

        def make(planned):
            customer_id, todo = planned
            return (customer_id, *documents.make_all(todo))

        def keep(made):
            customer_id, rows, failed = made
            return documents.keep_for_visit(uuid, customer_id, rows)[1], failed

        self._taskman.run_split(lambda: documents.plan_for_visit(uuid), make, keep,
                                lambda kept: self._retried(visit, *kept),
                                lambda error: self._retried(visit, None, [error]))

    def _retried(self, visit: Visit, changes, failed: list) -> None:
        if changes is not None:
            self.documents_made.emit(changes)
        if self.visit is visit:
            self.failure = describe(failed[0]) if failed else ""
            self.retry_button.setEnabled(True)
            self._update()
            self.refresh()

    def plans(self) -> int:
        return sum(isinstance(o, InstallmentPlan) for o in self.visit.outcomes) if self.visit else 0

    def agreements(self) -> list[DocumentInfo]:
        return [d for d in self.docs if d.kind in AGREEMENT_KINDS]

    def receipts(self) -> list[DocumentInfo]:
        return [d for d in self.docs if d.kind is DocumentKind.RECEIPT]

    def _update(self) -> None:
        self.record_button.setEnabled(self.visit is not None)
        self.pending_label.setVisible(bool(self.missing))
        self.retry_button.setVisible(bool(self.missing))
        if self.missing:
            pending = self.tr("Pending: %1").replace("%1", ", ".join(
                f"{label(kind)} {number}" for kind, number in self.missing))
            self.pending_label.setText("\n".join(x for x in (pending, self.failure) if x))
            self.pending_label.setToolTip(self.failure or self.tr(
                "Not made yet: finalizing was interrupted or the document failed. The visit "
                "itself is finalized."))
        self._offer(self.agreement_button, self.agreements())
        self._offer(self.receipt_button, self.receipts())
        plans = self.plans()
        self.ink_button.setVisible(plans > 0)
        _replace_menu(self.ink_button, self._ink_menu(plans) if plans > 1 else None)

    def _offer(self, button: QPushButton, docs: list[DocumentInfo]) -> None:
        """One document: the button opens it; several: a menu of them; none: no button."""
        button.setVisible(bool(docs))
        menu = None
        if len(docs) > 1:
            menu = QMenu(button)
            for doc in docs:
                action = QAction(self._entry(doc), menu)
                action.triggered.connect(lambda _checked=False, d=doc: self.open_requested.emit(d))
                menu.addAction(action)
        _replace_menu(button, menu)

    def _open_only(self, docs: list[DocumentInfo]) -> None:
        if len(docs) == 1:  # several: the button's menu asks which
            self.open_requested.emit(docs[0])

    @staticmethod
    def _entry(doc: DocumentInfo) -> str:
        return f"{label(doc.kind)} {doc.number} — {formats.moment(doc.created_at)}"

    def _ink_menu(self, plans: int) -> QMenu:
        menu = QMenu(self.ink_button)
        for n in range(1, plans + 1):
            action = QAction(self.tr("Plan %1").replace("%1", formats.number(n)), menu)
            action.triggered.connect(lambda _checked=False, n=n: self._ask_ink(n))
            menu.addAction(action)
        return menu

    def _open_record(self) -> None:
        records = [d for d in self.docs if d.kind is DocumentKind.VISIT_RECORD]
        if records:
            self.open_requested.emit(records[-1])
        elif self.visit is not None:
            self.record_requested.emit(self.visit.uuid)

    def _ink_clicked(self) -> None:
        if self.plans() == 1:  # several: the button's menu asks which
            self._ask_ink(1)

    def _ask_ink(self, index: int) -> None:
        if self.visit is not None:
            self.ink_requested.emit(self.visit.uuid, index)

    def retranslate_ui(self) -> None:
        self.record_button.setText(self.tr("Open &record"))
        self.record_button.setToolTip(self.tr("The signed visit record (PDF)"))
        self.agreement_button.setText(self.tr("Open a&greement"))
        self.receipt_button.setText(self.tr("Open recei&pt"))
        self.ink_button.setText(self.tr("Agreement for &wet signature…"))
        self.retry_button.setText(self.tr("Re&try"))
        self.retry_button.setToolTip(self.tr("Make the pending documents of this visit now"))
        self.ink_button.setToolTip(self.tr("A fresh copy of the installment agreement with empty "
                                           "boxes, to print and sign in ink"))
        self._update()


def _replace_menu(button: QPushButton, menu: QMenu | None) -> None:
    """Menus are rebuilt per visit; the one they replace goes with its button's next idle."""
    old = button.menu()
    button.setMenu(menu)
    if old is not None:
        old.deleteLater()
