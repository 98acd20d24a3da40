"""Buttons under a visit in the Visits tab: its record, agreement, receipt; an ink version."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from ...domain.visit import InstallmentPlan, Visit
from ...services.documents import AGREEMENT_KINDS, DocumentInfo, DocumentKind
from .. import formats
from ..labels import label
from ..views.common import Retranslating


class VisitDocumentsBar(Retranslating, QWidget):
    """Shows what the selected visit has; a kind with several documents gets a menu."""

    open_requested = Signal(object)  # DocumentInfo
    record_requested = Signal(str)  # visit uuid: the record is made if it is missing
    ink_requested = Signal(str, int)  # visit uuid, 1-based plan index

    def __init__(self, documents, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._documents, self._taskman = documents, taskman
        self._generation = 0
        self.visit: Visit | None = None
        self.docs: list[DocumentInfo] = []
        self.record_button, self.agreement_button = QPushButton(), QPushButton()
        self.receipt_button, self.ink_button = QPushButton(), QPushButton()
        self.record_button.clicked.connect(self._open_record)
        self.agreement_button.clicked.connect(lambda: self._open_only(self.agreements()))
        self.receipt_button.clicked.connect(lambda: self._open_only(self.receipts()))
        self.ink_button.clicked.connect(self._ink_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.record_button, self.agreement_button, self.receipt_button,
                       self.ink_button):
            layout.addWidget(button)
        self.show_visit(None)
        self.retranslate_ui()

    def show_visit(self, visit: Visit | None) -> None:
        """Ask the store for ``visit``'s documents (None: nothing selected)."""
        self.visit, self.docs = visit, []
        self._update()
        self.refresh()

    def refresh(self) -> None:
        """Ask again for the documents of the visit shown (they may have changed)."""
        self._generation += 1
        if self.visit is None:
            return
        generation, documents, uuid = self._generation, self._documents, self.visit.uuid
        self._taskman.run(lambda: documents.of_visit(uuid),
                          lambda docs: self._loaded(generation, docs))

    def _loaded(self, generation: int, docs: list[DocumentInfo]) -> None:
        if generation == self._generation:
            self.docs = docs
            self._update()

    def plans(self) -> int:
        return sum(isinstance(o, InstallmentPlan) for o in self.visit.outcomes) if self.visit else 0

    def agreements(self) -> list[DocumentInfo]:
        return [d for d in self.docs if d.kind in AGREEMENT_KINDS]

    def receipts(self) -> list[DocumentInfo]:
        return [d for d in self.docs if d.kind is DocumentKind.RECEIPT]

    def _update(self) -> None:
        self.record_button.setEnabled(self.visit is not None)
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
        self.ink_button.setToolTip(self.tr("A fresh copy of the installment agreement with empty "
                                           "boxes, to print and sign in ink"))
        self._update()


def _replace_menu(button: QPushButton, menu: QMenu | None) -> None:
    """Menus are rebuilt per visit; the one they replace goes with its button's next idle."""
    old = button.menu()
    button.setMenu(menu)
    if old is not None:
        old.deleteLater()
