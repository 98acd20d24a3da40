"""The Documents tab of a customer's file: every signed PDF, newest first; Enter opens one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ...services.documents import DocumentInfo
from ..models.documents import DocumentTableModel
from ..views.common import EmptyState, Retranslating, make_table


class DocumentsTab(Retranslating, QWidget):
    """Loads ``of_customer`` off the GUI thread; ``open_requested(info)`` on Enter/double click."""

    open_requested = Signal(object)  # DocumentInfo
    loaded = Signal(int)  # customer id

    def __init__(self, documents, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._documents, self._taskman = documents, taskman
        self._generation = 0
        self.customer_id: int | None = None
        self.model = DocumentTableModel(self)
        self.table = make_table(self.model, self, stretch_column=DocumentTableModel.SIGNER)
        self.table.activated.connect(self._activate)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.setFocusProxy(self.table)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._activate(self.table.currentIndex()))
        self.empty = EmptyState()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty)
        self._pages.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self._pages, 1)
        layout.addLayout(buttons)
        self._enable()
        self.retranslate_ui()

    def load(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            self.model.set_records([])  # never one customer's documents under another's name
            self._pages.setCurrentWidget(self.empty)
        self.customer_id = customer_id
        self._generation += 1
        generation, documents = self._generation, self._documents
        self._taskman.run(lambda: documents.of_customer(customer_id),
                          lambda docs: self._loaded(generation, customer_id, docs))

    def _loaded(self, generation: int, customer_id: int, docs: list[DocumentInfo]) -> None:
        if generation != self._generation:
            return
        selected = self.selected()
        self.model.set_records(docs)
        self._pages.setCurrentWidget(self.table if docs else self.empty)
        if docs:
            ids = [d.id for d in docs]
            self.table.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)
        self._enable()
        self.loaded.emit(customer_id)

    def selected(self) -> DocumentInfo | None:
        index = self.table.currentIndex()
        return self.model.document(index.row()) if index.isValid() and self.model.rowCount() \
            else None

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.document(index.row()))

    def _enable(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("No documents yet. Finalized visits get a signed record; "
                                   "a statement of account can be made at any time."))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the selected document (Enter)"))
        self.model.retranslate()
