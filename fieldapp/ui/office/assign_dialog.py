"""Assign customers (listed, or all matching a filter) to a collector, after saying how many."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QListWidget, QVBoxLayout)

from ...domain.office_filters import CustomerFilter
from .. import formats
from ..views.common import Retranslating
from .undo_bar import offer_undo

PREVIEW = 8  # customers listed under the question
_NOBODY = ""  # the combo's data for "no collector"


class AssignDialog(Retranslating, QDialog):
    """``selection`` is a sequence of customer ids or a CustomerFilter (everything it matches
    when confirmed). The count is asked first and shown in the question; the batch is written
    only if the matches are still that many. Afterwards the window's status bar offers Undo."""

    def __init__(self, window, selection, collector_id: str | None = None):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("AssignDialog")
        if isinstance(selection, CustomerFilter):
            self.ids, self.wanted = None, selection
        else:
            self.ids, self.wanted = tuple(int(i) for i in selection), None
        self.count: int | None = len(self.ids) if self.ids is not None else None
        self.result_ = None  # the AssignResult, once written
        self._preselect = collector_id
        self._build()
        self.retranslate_ui()
        self._load()

    def _build(self) -> None:
        self.collector = QComboBox(self)
        self.collector.currentIndexChanged.connect(self._update_question)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setObjectName("assignQuestion")
        self.preview = QListWidget(self)
        self.preview.setMaximumHeight(180)
        self.rest = QLabel(self)  # "… and N more" under the first few
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._assign)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.collector_label = QLabel(self)
        form.addRow(self.collector_label, self.collector)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.question)
        layout.addWidget(self.preview)
        layout.addWidget(self.rest)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Assign customers"))
        self.collector_label.setText(self.tr("Collector:"))
        self.ok.setText(self.tr("Assign"))
        if self.collector.count():
            self.collector.setItemText(0, self.tr("No collector"))
        self._update_question()

    # -- reading ------------------------------------------------------------------------------
    def _load(self) -> None:
        services = self.window_.services
        wanted, ids = self.wanted, self.ids

        def read():
            active = services.collectors.list(include_inactive=False)
            if wanted is None:
                return active, len(ids), []
            return active, services.assignments.count(wanted), \
                services.assignments.customers(wanted, PREVIEW)
        self.window_.taskman.run(read, self._loaded)

    def _loaded(self, found) -> None:
        collectors, self.count, preview = found
        self.collector.blockSignals(True)
        self.collector.clear()
        self.collector.addItem(self.tr("No collector"), _NOBODY)
        for collector in collectors:
            self.collector.addItem(collector.name, collector.id)
        chosen = self.collector.findData(self._preselect) if self._preselect else -1
        self.collector.setCurrentIndex(chosen if chosen >= 0 else min(1, len(collectors)))
        self.collector.blockSignals(False)
        self.preview.clear()
        for customer in preview:
            self.preview.addItem(f"{customer.code}  {customer.name}")
        self.preview.setVisible(bool(preview))
        self._update_question()

    def _update_question(self) -> None:
        self.rest.hide()
        if self.count is None or not self.collector.count():
            self.question.setText(self.tr("Counting the customers…"))
            self.ok.setEnabled(False)
            return
        if self.count == 0:
            self.question.setText(self.tr("No customers match."))
            self.ok.setEnabled(False)
            return
        name = self.collector.currentText()
        if self.collector.currentData() == _NOBODY:
            text = self.tr("Take all %n matching customers away from their collectors?", "",
                           self.count)
        else:
            text = self.tr("Assign all %n matching customers to %1?", "", self.count).replace(
                "%1", name)
        self.question.setText(formats.counted(text, self.count))
        rest = self.count - self.preview.count()
        self.rest.setVisible(self.preview.count() > 0 and rest > 0)
        self.rest.setText(formats.counted(self.tr("… and %n more", "", rest), rest))
        self.ok.setEnabled(True)

    # -- writing ------------------------------------------------------------------------------
    def _assign(self) -> None:
        self.ok.setEnabled(False)
        target = self.collector.currentData() or None
        name = self.collector.currentText()
        assignments = self.window_.services.assignments
        ids, wanted, expected = self.ids, self.wanted, self.count
        if ids is not None:
            work = lambda: assignments.assign(target, customer_ids=ids)  # noqa: E731
        else:
            work = lambda: assignments.assign(target, wanted=wanted, expected=expected)  # noqa: E731
        self.window_.taskman.run(work, lambda result: self._assigned(result, name),
                                 self._failed)

    def _assigned(self, result, name: str) -> None:
        self.result_ = result
        self.window_.publish(result.changes.from_source(self))
        offer_undo(self.window_, result, name)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.window_.show_error(error)
        self.count = None  # the matches may have changed: count again before asking again
        self._load()
