"""From the office: the notes the office sent, newest first; an item opens its record."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from . import formats
from .models.office_notes import OfficeNotesModel
from .office_notes_words import customer_text, record_text, what
from .views.common import EmptyState, Retranslating, make_table


class OfficeNotesDialog(Retranslating, QDialog):
    """Not modal: the collector keeps it open beside the customer's file."""

    open_requested = Signal(int, str)  # customer id, visit uuid ("" when about the customer)
    marked = Signal(object)  # Changes, after read marks were stored

    def __init__(self, parent, notes, taskman):
        super().__init__(parent)
        self.setObjectName("officeNotes")
        self._notes, self._taskman = notes, taskman
        self._generation = 0
        self.loaded = False  # tests wait for the first list
        self.summary = QLabel()
        self.model = OfficeNotesModel(self)
        self.table = make_table(self.model, self, stretch_column=OfficeNotesModel.TEXT)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QTextBrowser()
        self.empty = EmptyState()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self._content())
        self.open_button, self.read_button = QPushButton(), QPushButton()
        self.all_read_button, self.close_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.read_button.clicked.connect(self.mark_selected_read)
        self.all_read_button.clicked.connect(self.mark_all_read)
        self.close_button.clicked.connect(self.close)
        self._layout()
        self.resize(900, 520)
        self.retranslate_ui()

    def _content(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.open_button, self.read_button, self.all_read_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self._taskman.run(self._notes.newest, lambda notes: self._loaded(generation, notes))

    def _loaded(self, generation: int, notes) -> None:
        if generation != self._generation:
            return
        selected = self.selected()
        self.model.set_records(notes)
        self.pages.setCurrentIndex(1 if notes else 0)
        keys = [n.key for n in notes]
        if notes:
            self.table.selectRow(keys.index(selected.key) if selected and selected.key in keys
                                 else 0)
        self.loaded = True
        self._show_detail()
        self._retranslate_summary()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.note(index.row()) if index.isValid() and self.model.rowCount() \
            else None

    # -- commands -----------------------------------------------------------------------------
    def open_selected(self) -> None:
        """Enter, double-click, Open: the note's customer and record in the main window."""
        note = self.selected()
        if note is None or note.customer_id is None:
            return
        if not note.read:
            self._mark([note.key])
        self.open_requested.emit(note.customer_id, note.visit_uuid or "")

    def mark_selected_read(self) -> None:
        note = self.selected()
        if note is not None and not note.read:
            self._mark([note.key])

    def _mark(self, keys) -> None:
        self._taskman.run(lambda: self._notes.mark_read(keys), lambda changes: self._marked(
            keys, changes))

    def mark_all_read(self) -> None:
        keys = [n.key for n in self.model.records() if not n.read]
        self._taskman.run(self._notes.mark_all_read, lambda changes: self._marked(keys, changes))

    def _marked(self, keys, changes) -> None:
        self.model.set_read(keys)
        self._retranslate_summary()
        self._show_detail()
        self.marked.emit(changes.from_source(self))

    # -- text ---------------------------------------------------------------------------------
    def _show_detail(self) -> None:
        note = self.selected()
        self.open_button.setEnabled(note is not None and note.customer_id is not None)
        self.read_button.setEnabled(note is not None and not note.read)
        self.all_read_button.setEnabled(self.model.unread() > 0)
        if note is None:
            self.detail.clear()
            return
        lines = [f"<h3>{html.escape(what(note))}</h3>",
                 f"<p>{html.escape(customer_text(note))}<br>{html.escape(record_text(note))}</p>",
                 "<p style='color:#555'>" + html.escape(self.tr("By %1, %2").replace(
                     "%1", note.author).replace("%2", formats.moment(note.at))) + "</p>"]
        if note.text:
            lines.append("<p>" + html.escape(note.text).replace("\n", "<br>") + "</p>")
        self.detail.setHtml("\n".join(lines))

    def _retranslate_summary(self) -> None:
        total, unread = self.model.rowCount(), self.model.unread()
        self.summary.setText(formats.counted(self.tr("%n notes", "", total), total) + " · "
                             + formats.counted(self.tr("%n unread", "", unread), unread))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("From the office"))
        self.empty.setText(self.tr("No notes from the office yet. They arrive with the "
                                   "assignment pack when you sync."))
        self.open_button.setText(self.tr("&Open the record"))
        self.open_button.setToolTip(self.tr("Show this customer and record (Enter)"))
        self.read_button.setText(self.tr("&Mark as read"))
        self.all_read_button.setText(self.tr("Mark &all as read"))
        self.close_button.setText(self.tr("&Close"))
        self.model.retranslate()
        self._retranslate_summary()
        self._show_detail()
