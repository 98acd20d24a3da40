"""The inbox's record pane: its PDF and verification, state buttons, comments and history."""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton,
                               QScrollArea, QSplitter, QVBoxLayout, QWidget)

from .. import formats
from ..documents.pdf import PdfLoadError, load_pdf
from ..documents.viewer import DESK
from ..views.common import Retranslating
from .inbox_words import outcomes_text, state_text, verification_lines


class InboxDetail(Retranslating, QWidget):
    """Shows one record's History and Checked document; asks for states and comments through
    its signals (the view runs them)."""

    state_asked = Signal(str)
    comment_asked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("InboxDetail")
        self.history, self.checked, self.document = None, None, None
        self.title, self.state_label = QLabel(self), QLabel(self)
        self.verification = QLabel(self)
        self.verification.setWordWrap(True)
        self.verification.setObjectName("inboxVerification")
        self.title.setWordWrap(True)
        self.state_label.setWordWrap(True)
        self.view = QPdfView(self)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, DESK)
        self.view.setPalette(palette)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocumentMargins(QMargins(8, 8, 8, 8))
        self.no_document = QLabel(self)
        self.approve_button, self.issues_button = QPushButton(self), QPushButton(self)
        self.reject_button = QPushButton(self)
        self.comment_box = QPlainTextEdit(self)
        self.comment_box.setMaximumHeight(80)
        self.comment_button = QPushButton(self)
        self.events = QListWidget(self)
        self.events.setWordWrap(True)
        self.history_label = QLabel(self)
        self._build()
        self.approve_button.clicked.connect(lambda: self.state_asked.emit("approved"))
        self.issues_button.clicked.connect(lambda: self.state_asked.emit("has_issues"))
        self.reject_button.clicked.connect(lambda: self.state_asked.emit("rejected"))
        self.comment_button.clicked.connect(self._comment)
        self.comment_box.textChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self.show_history(None)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.issues_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QWidget(self)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        for part in (self.title, self.state_label):
            right.addWidget(part)
        right.addLayout(buttons)
        right.addWidget(self.comment_box)
        right.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.history_label)
        right.addWidget(self.events, 1)
        paper = QWidget(self)
        left = QVBoxLayout(paper)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.verification)
        left.addWidget(self.no_document)
        left.addWidget(self.view, 1)
        # The side scrolls rather than forcing its height on the window (small screens).
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setWidget(side)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(paper)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- showing ------------------------------------------------------------------------------
    def show_history(self, history) -> None:
        self.history = history
        item = history.item if history is not None else None
        self.title.setText("" if item is None else
                           f"<b>{item.customer_code} {item.customer_name}</b> · "
                           f"{formats.moment(item.started_at)} · {item.collector}")
        self.state_label.setText("" if item is None else self._state_line(item))
        self.events.clear()
        if history is not None:
            for text in self._history_lines(history):
                self.events.addItem(text)
        self._update_buttons()

    def show_document(self, checked) -> None:
        """The record's PDF and its verification (None: the record has no document)."""
        self.checked = checked
        old, self.document = self.document, None
        if checked is not None:
            try:
                self.document = load_pdf(checked.data, self)
            except PdfLoadError:
                self.document = None
        self.view.setDocument(self.document)
        if old is not None:
            old.deleteLater()
        self.view.setVisible(self.document is not None)
        self.no_document.setVisible(self.document is None)
        self._show_verification()

    def _show_verification(self) -> None:
        if self.checked is None:
            self.verification.setText("")
            return
        marks = [("✔ " if ok else "✘ ") + text for ok, text in verification_lines(self.checked)]
        self.verification.setText("\n".join(marks))

    def _state_line(self, item) -> str:
        line = state_text(item.state)
        if item.state_at is not None:
            line = self.tr("%1, by %2 on %3").replace("%1", line).replace(
                "%2", item.state_by or "?").replace("%3", formats.moment(item.state_at))
        if item.reason:
            line += " — " + item.reason
        if item.outcomes:
            line += "\n" + outcomes_text(item.outcomes)
        return line

    def _history_lines(self, history) -> list[str]:
        lines = []
        by_id = {e.id: e for e in history.events}
        for r in history.revisions:
            if r.amends:
                lines.append(self.tr("%1: amended (%2)").replace(
                    "%1", formats.moment(r.finalized_at or r.started_at)).replace("%2", r.reason))
            else:
                lines.append(self.tr("%1: original record").replace(
                    "%1", formats.moment(r.finalized_at or r.started_at)))
        for e in history.events:
            when, who = formats.moment(e.at), e.actor or "?"
            if e.kind == "state":
                text = self.tr("%1 %2 set it to %3").replace("%1", when).replace(
                    "%2", who).replace("%3", state_text(e.state))
                lines.append(text + (f": {e.text}" if e.text else ""))
            elif e.corrects in by_id:
                lines.append(self.tr("%1 %2 corrected a comment: %3").replace(
                    "%1", when).replace("%2", who).replace("%3", e.text))
            else:
                lines.append(self.tr("%1 %2 commented: %3").replace("%1", when).replace(
                    "%2", who).replace("%3", e.text))
        return lines

    def _update_buttons(self) -> None:
        shown = self.history is not None
        for button in (self.approve_button, self.issues_button, self.reject_button):
            button.setEnabled(shown)
        self.comment_box.setEnabled(shown)
        self.comment_button.setEnabled(shown and bool(self.comment_box.toPlainText().strip()))

    def _comment(self) -> None:
        text = self.comment_box.toPlainText().strip()
        if text:
            self.comment_asked.emit(text)

    def clear_comment(self) -> None:
        self.comment_box.clear()

    def retranslate_ui(self) -> None:
        self.approve_button.setText(self.tr("&Approve"))
        self.issues_button.setText(self.tr("&Has issues"))
        self.reject_button.setText(self.tr("&Reject…"))
        self.comment_box.setPlaceholderText(self.tr("A comment for the collector (comments "
                                                    "cannot be changed later)"))
        self.comment_button.setText(self.tr("Add comment"))
        self.history_label.setText(self.tr("History"))
        self.no_document.setText(self.tr("This record has no document."))
        self.show_history(self.history)
        self._show_verification()
