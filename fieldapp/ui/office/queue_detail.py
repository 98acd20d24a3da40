"""The Queues tab's detail pane: the chosen item in full and what can be done with it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ...domain import queues as q
from .. import formats
from ..views.common import Retranslating
from . import queue_words


class QueueDetail(Retranslating, QWidget):
    """Disputes get a resolver and a root cause; refusals a hand-over; every item links to
    its record in the Inbox."""

    assign_asked = Signal(str)
    resolve_asked = Signal(str)
    hand_over_asked = Signal()
    open_asked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("QueueDetail")
        self.item: q.QueueItem | None = None
        self.now = None
        self.text = QLabel(self)
        self.text.setObjectName("queueDetailText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.resolver_label, self.cause_label = QLabel(self), QLabel(self)
        self.resolver, self.root_cause = QLineEdit(self), QLineEdit(self)
        self.resolver.setObjectName("queueResolver")
        self.root_cause.setObjectName("queueRootCause")
        self.assign_button, self.resolve_button = QPushButton(self), QPushButton(self)
        self.hand_over_button, self.open_button = QPushButton(self), QPushButton(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("queueProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        self._build()
        self.assign_button.clicked.connect(lambda: self.assign_asked.emit(self.resolver.text()))
        self.resolver.returnPressed.connect(self.assign_button.click)
        self.resolve_button.clicked.connect(
            lambda: self.resolve_asked.emit(self.root_cause.text()))
        self.root_cause.returnPressed.connect(self.resolve_button.click)
        self.hand_over_button.clicked.connect(self.hand_over_asked)
        self.open_button.clicked.connect(self.open_asked)
        self.resolver.textChanged.connect(self._enable)
        self.root_cause.textChanged.connect(self._enable)
        self.retranslate_ui()
        self.show_item(None, None)

    def _build(self) -> None:
        self.form = QFormLayout()
        resolver_row, cause_row = QHBoxLayout(), QHBoxLayout()
        resolver_row.addWidget(self.resolver, 1)
        resolver_row.addWidget(self.assign_button)
        cause_row.addWidget(self.root_cause, 1)
        cause_row.addWidget(self.resolve_button)
        self.form.addRow(self.resolver_label, resolver_row)
        self.form.addRow(self.cause_label, cause_row)
        self.resolver_label.setBuddy(self.resolver)
        self.cause_label.setBuddy(self.root_cause)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.hand_over_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)

    def show_item(self, item: q.QueueItem | None, now) -> None:
        changed = item is None or self.item is None or item.key != self.item.key
        self.item, self.now = item, now
        if changed:
            self.resolver.setText(item.resolver if item is not None else "")
            self.root_cause.clear()
            self.problem.hide()
        dispute = item is not None and item.queue == q.DISPUTES
        for part in (self.resolver_label, self.resolver, self.assign_button, self.cause_label,
                     self.root_cause, self.resolve_button):
            part.setVisible(dispute)
        self.hand_over_button.setVisible(item is not None and item.queue == q.LEGAL)
        self.open_button.setEnabled(item is not None)
        self._enable()
        self.text.setText(self._html(item) if item is not None else "")

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _enable(self) -> None:
        dispute = self.item is not None and self.item.queue == q.DISPUTES
        self.assign_button.setEnabled(dispute and bool(self.resolver.text().strip()))
        self.resolve_button.setEnabled(dispute and bool(self.root_cause.text().strip()))

    def _html(self, item: q.QueueItem) -> str:
        rows = [(self.tr("Customer"), f"{item.customer_name} ({item.customer_code})"),
                (self.tr("Collector"), item.collector or self.tr("unknown")),
                (self.tr("Recorded"), formats.moment(item.since))]
        if item.deadline is not None:
            rows.append((self.tr("Deadline"), f"{formats.moment(item.deadline)} — "
                                              f"{queue_words.hours(item.deadline, self.now)}"))
            rows.append((self.tr("Claimed reason"), queue_words.reason(item)))
            rows.append((self.tr("Resolver"), item.resolver or self.tr("not assigned yet")))
        elif item.queue in q.PROMISE_QUEUES:
            rows.append((self.tr("Commitment"), queue_words.reason(item)))
        elif item.reason:
            rows.append((self.tr("Reason"), queue_words.reason(item)))
        if item.amount is not None:
            rows.append((self.tr("Amount"), formats.money(item.amount)))
            rows.append((self.tr("Due"), formats.day(item.due_on)))
        if item.paid is not None:
            rows.append((self.tr("Paid towards it"), formats.money(item.paid)))
        if item.text:
            rows.append((self._text_label(item.queue), item.text))
        rows.append((self.tr("Collector's next step"), queue_words.next_step(item.next_step)))
        return "<table>" + "".join(
            f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>"
            for k, v in rows) + "</table>"

    def _text_label(self, queue: str) -> str:
        if queue == q.DISPUTES:
            return self.tr("Customer's description")
        if queue == q.NOTES:
            return self.tr("Note")
        if queue == q.ISSUES:
            return self.tr("Issues found")
        return self.tr("Text")

    def retranslate_ui(self) -> None:
        self.resolver_label.setText(self.tr("Re&solver:"))
        self.resolver.setPlaceholderText(self.tr("who resolves the dispute"))
        self.assign_button.setText(self.tr("&Assign"))
        self.cause_label.setText(self.tr("Root &cause:"))
        self.root_cause.setPlaceholderText(self.tr(
            "the cause found, apart from the customer's claimed reason"))
        self.resolve_button.setText(self.tr("&Resolve"))
        self.hand_over_button.setText(self.tr("&Handed over to the legal route"))
        self.open_button.setText(self.tr("&Open the record in the Inbox"))
        if self.item is not None:
            self.text.setText(self._html(self.item))
