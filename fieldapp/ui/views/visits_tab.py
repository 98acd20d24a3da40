"""The Visits tab: the customer's records (originals and amendments), a summary, Amend…."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QPushButton, QSplitter, QStackedWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from ...domain.visit import VisitKind
from ...services.checklists import checklist
from ...i18n.summary import Section, visit_summary
from .. import formats
from ..documents.visit_bar import VisitDocumentsBar
from ..fonts import font_for
from ..models.visit_history import VisitHistoryModel
from ..office_notes_words import state_text, what
from ..summary_html import sections_html
from .common import EmptyState, Retranslating, make_table


class VisitsTab(Retranslating, QWidget):
    """Loads history and follow-ups of one customer; ``amend_requested(uuid)`` from the button."""

    loaded = Signal(int)  # customer id
    follow_ups_loaded = Signal(object)  # this customer's follow-ups
    amend_requested = Signal(str)

    def __init__(self, services, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._taskman = services, taskman
        self._generation = 0
        self._file = None
        self._wanted: str | None = None  # a record to select once the history is loaded
        self.model = VisitHistoryModel(self)
        self.table = make_table(self.model, self, stretch_column=VisitHistoryModel.OUTCOMES)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QTextBrowser()
        self.amend_button = QPushButton()
        self.amend_button.clicked.connect(self._amend)
        self.documents_bar = VisitDocumentsBar(services.documents, taskman)
        self.empty = EmptyState()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty)
        self._pages.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self._pages)
        self.retranslate_ui()

    def _content(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.documents_bar)
        buttons.addStretch(1)
        buttons.addWidget(self.amend_button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return content

    # -- loading ----------------------------------------------------------------------------
    def load(self, file) -> None:
        """Fetch the records of ``file``'s customer (a CustomerFile) off the GUI thread."""
        if self._file is None or self._file.customer.id != file.customer.id:
            self.model.set_records([])  # never show one customer's records under another
            self._pages.setCurrentIndex(0)
        self._file = file
        self._generation += 1
        generation, cid = self._generation, file.customer.id
        visits, follow_ups = self._services.visits, self._services.follow_ups
        documents, notes = self._services.documents, self._services.office_notes
        self._taskman.run(lambda: (visits.history(cid), follow_ups.list(cid),
                                   documents.pending(), notes.reviews_of(cid),
                                   visits.voided_receipts(cid)),
                          lambda result: self._loaded(generation, cid, *result))

    def _loaded(self, generation: int, cid: int, history, follow_ups, pending=(),
                reviews=None, voided=None) -> None:
        if generation != self._generation:
            return
        selected = self.selected()
        self.model.pending = frozenset(pending)
        self.model.reviews = reviews or {}
        self.model.voided = dict(voided or {})
        self.model.set_records(history)
        self._pages.setCurrentIndex(1 if history else 0)
        uuids = [e.visit.uuid for e in history]
        row = uuids.index(selected.visit.uuid) if selected and selected.visit.uuid in uuids else 0
        if self._wanted in uuids:
            row, self._wanted = uuids.index(self._wanted), None
        if history:
            self.table.selectRow(row)
        self._show_detail()
        self.documents_bar.refresh()  # e.g. an agreement for ink was just made
        self.follow_ups_loaded.emit(follow_ups)
        self.loaded.emit(cid)

    def refresh_pending(self) -> None:
        """Ask again which visits still lack documents (one was just made or failed)."""
        self._taskman.run(self._services.documents.pending, self._pending_loaded)

    def _pending_loaded(self, pending) -> None:
        self.model.pending = frozenset(pending)
        rows = self.model.rowCount()
        if rows:
            column = self.model.MARK
            self.model.dataChanged.emit(self.model.index(0, column),
                                        self.model.index(rows - 1, column))

    def selected(self):
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() and self.model.rowCount() else None

    def want(self, uuid: str) -> None:
        """Select the record ``uuid`` when the history holding it is (re)loaded."""
        self._wanted = uuid

    def select_uuid(self, uuid: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.entry(row).visit.uuid == uuid:
                self.table.selectRow(row)

    # -- detail -----------------------------------------------------------------------------
    def _show_detail(self) -> None:
        entry = self.selected()
        self.amend_button.setEnabled(entry is not None and not entry.amended_by)
        shown = self.documents_bar.visit
        if entry is None or shown is None or shown.uuid != entry.visit.uuid:
            self.documents_bar.show_visit(entry.visit if entry else None)
        if entry is None or self._file is None:
            self.detail.clear()
            return
        visit = entry.visit
        language = self._file.customer.language.value
        numbers = {i.id: i.number for i in self._file.invoices}
        sections = visit_summary(visit, checklist(visit.kind.value), language, numbers)
        self.detail.setFont(font_for(language))
        review = self._review_section(entry)
        self.detail.setHtml(sections_html(([review] if review else []) + list(sections),
                                          self._heading(entry), self._note(entry)))

    def _review_section(self, entry) -> Section | None:
        """What the office said about this record: its latest state, then every note."""
        review = self.model.review(entry)
        if review is None:
            return None
        rows = []
        if review.state:
            rows.append((self.tr("State"), state_text(review.state)))
        for note in review.notes:
            said = what(note) + (": " + note.text if note.text else "")
            rows.append((self.tr("%1, %2").replace("%1", note.author).replace(
                "%2", formats.moment(note.at)), said))
        return Section(self.tr("From the office"), tuple(rows))

    def _heading(self, entry) -> str:
        kind = self.tr("Visit") if entry.visit.kind is VisitKind.VISIT else self.tr("Call")
        return f"{kind} — {formats.moment(entry.visit.finalized_at)} — {entry.visit.collector}"

    def _note(self, entry) -> str:
        notes = []
        if entry.visit.amends:
            notes.append(self.tr("Amendment of the record of %1. Reason: %2")
                         .replace("%1", self._original_date(entry.visit.amends))
                         .replace("%2", entry.visit.amend_reason))
        if entry.amended_by:
            notes.append(self.tr("Corrected by a later amendment; kept unchanged as evidence."))
        notes.append(self.tr("SHA-256 %1").replace("%1", entry.sha256[:16] + "…"))
        return " ".join(notes)

    def _original_date(self, uuid: str) -> str:
        for row in range(self.model.rowCount()):
            visit = self.model.entry(row).visit
            if visit.uuid == uuid:
                return formats.moment(visit.finalized_at)
        return uuid[:8]

    def _amend(self) -> None:
        entry = self.selected()
        if entry is not None and not entry.amended_by:
            self.amend_requested.emit(entry.visit.uuid)

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("No visits recorded yet"))
        self.amend_button.setText(self.tr("&Amend…"))
        self.amend_button.setToolTip(self.tr("Correct this record: a new record with a reason; "
                                             "the original stays as it was"))
        self.model.retranslate()
        self._show_detail()
