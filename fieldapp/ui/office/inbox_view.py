"""The office's Inbox tab: imported records to review, with filters, counts and bulk approval."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from ...domain.review import STATES
from ..views.common import Retranslating, make_table
from .inbox_detail import InboxDetail
from .inbox_filters import InboxFilterBar
from .inbox_model import InboxModel, sorter
from .inbox_words import state_text


class InboxView(Retranslating, QWidget):
    """A composition of the filter bar, the list and the record pane over ``services.review``."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("InboxView")
        self.window_ = window
        self.review = window.services.review
        self._counts: dict = {}
        self._matching = 0
        self._after, self._loading, self._wanted = None, 0, None
        self._shown_uuid: str | None = None
        self.filters = InboxFilterBar(self)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("inboxCounts")
        self.bulk_button = QPushButton(self)
        self.model = InboxModel(self)
        self.proxy = sorter(self.model, self)
        self.table = make_table(self.proxy, self, stretch_column=2)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as loaded: oldest first
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("inboxEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.counts_label.setWordWrap(True)
        self.more_button = QPushButton(self)
        self.detail = InboxDetail(self)
        self.reason_dialog: QInputDialog | None = None
        self.bulk_question: QMessageBox | None = None
        self._build()
        self.filters.changed.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_detail())
        self.more_button.clicked.connect(self.load_more)
        self.bulk_button.clicked.connect(self.ask_bulk_approve)
        self.detail.state_asked.connect(self.ask_state)
        self.detail.comment_asked.connect(self.add_comment)
        window.changed.connect(self.on_changes)
        self.filters.set_day(window.services.portfolio.today())
        self.retranslate_ui()
        self.reload()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.bulk_button)
        listing = QWidget(self)
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty_label, 1)
        column.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    # -- loading ------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        if changes.source is not self and (changes.reviews or changes.visits
                                           or changes.collectors):
            self.reload()

    def reload(self) -> None:
        """The first page under the current filters, the counts and the collectors."""
        wanted = self.filters.current()
        self._wanted, self._loading = wanted, self._loading + 1
        review, collectors = self.review, self.window_.services.collectors

        def read():
            return (review.page(wanted), review.counts(wanted), review.count(wanted),
                    [(c.id, c.name) for c in collectors.list()])
        self.window_.taskman.run(read, lambda got: self._show(wanted, *got))

    def _show(self, wanted, page, counts, matching, collectors) -> None:
        self._loading -= 1
        if wanted != self._wanted:  # the filters changed meanwhile: a newer answer comes
            return
        self.filters.set_collectors(collectors)
        self._counts, self._matching, self._after = counts, matching, page.after
        self.model.set_items(page.items)
        self._update_list()
        keep = next((row for row, i in enumerate(self.model.items)
                     if i.visit_uuid == self._shown_uuid), 0 if page.items else None)
        if keep is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(keep, 0)).row())
        else:
            self._shown_uuid = None
            self.detail.show_history(None)
            self.detail.show_document(None)

    def show_record(self, visit_uuid: str, day) -> None:
        """One record, from a work queue: its day's records listed, it chosen."""
        self._shown_uuid = visit_uuid
        self.filters.only_day(day)
        self.reload()

    def load_more(self) -> None:
        wanted, after = self._wanted, self._after
        if after is None:
            return
        self.window_.taskman.run(lambda: self.review.page(wanted, after),
                                 lambda page: self._more(wanted, page))

    def _more(self, wanted, page) -> None:
        if wanted != self._wanted:
            return
        self._after = page.after
        self.model.add_items(page.items)
        self._update_list()

    def _update_list(self) -> None:
        empty = not self.model.items
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.more_button.setVisible(self._after is not None)
        self.bulk_button.setEnabled(self._matching > 0)
        self._show_counts()

    def selected(self):
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.items[self.proxy.mapToSource(index).row()]

    def _load_detail(self) -> None:
        item = self.selected()
        if item is None:
            return
        self._shown_uuid = uuid = item.visit_uuid
        home = self.window_.profile.home if self.window_.profile is not None else None
        review = self.review

        def read():
            documents = review.documents(uuid)
            first = next((d for d in documents if d.kind.value == "visit_record"),
                         documents[0] if documents else None)
            return review.history(uuid), review.checked(first, home) if first else None
        self.window_.taskman.run(read, lambda got: self._show_detail(uuid, *got))

    def _show_detail(self, uuid, history, checked) -> None:
        if uuid != self._shown_uuid:
            return
        self.detail.show_history(history)
        self.detail.show_document(checked)

    # -- commands -----------------------------------------------------------------------------
    def ask_state(self, state: str) -> None:
        item = self.selected()
        if item is None:
            return
        if state != "rejected":
            self._set_state(item.visit_uuid, state, "")
            return
        self._ask_reason(item.visit_uuid, again=False)

    def _ask_reason(self, uuid: str, again: bool) -> None:
        """Rejecting says why (the collector reads it in the next pack): asked again while
        the reason is left blank."""
        self.reason_dialog = QInputDialog(self)
        self.reason_dialog.setInputMode(QInputDialog.InputMode.TextInput)
        self.reason_dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        self.reason_dialog.setWindowTitle(self.tr("Reject record"))
        text = self.tr("Why is this record rejected? The collector will read the reason.")
        if again:
            text = self.tr("A reason is required to reject a record.") + "\n" + text
        self.reason_dialog.setLabelText(text)
        self.reason_dialog.textValueSelected.connect(lambda reason: self._rejected(uuid, reason))
        self.reason_dialog.open()

    def _rejected(self, uuid: str, reason: str) -> None:
        if reason.strip():
            self._set_state(uuid, "rejected", reason)
        else:
            self._ask_reason(uuid, again=True)

    def _set_state(self, uuid: str, state: str, reason: str) -> None:
        self.window_.taskman.run(lambda: self.review.set_state(uuid, state, reason), self._done)

    def add_comment(self, text: str) -> None:
        item = self.selected()
        if item is None:
            return
        uuid = item.visit_uuid
        self.window_.taskman.run(lambda: self.review.comment(uuid, text), self._commented)

    def _commented(self, done) -> None:
        self.detail.clear_comment()
        self._done(done)

    def _done(self, done) -> None:
        self.window_.publish(done.changes.from_source(self))
        self.reload()

    def ask_bulk_approve(self) -> None:
        """Count what the filters match now, say it, and approve exactly that many."""
        wanted = self.filters.current()
        self.window_.taskman.run(lambda: self.review.count(wanted),
                                 lambda n: self._confirm_bulk(wanted, n))

    def _confirm_bulk(self, wanted, matching: int) -> None:
        text = self.tr("Approve all %1 matching records?").replace("%1", str(matching))
        self.bulk_question = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve all"),
                                         text, QMessageBox.StandardButton.Yes
                                         | QMessageBox.StandardButton.Cancel, self)
        self.bulk_question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.bulk_question.buttonClicked.connect(
            lambda button: self.bulk_question.standardButton(button)
            == QMessageBox.StandardButton.Yes and self._bulk(wanted, matching))
        self.bulk_question.open()

    def _bulk(self, wanted, matching: int) -> None:
        review = self.review
        self.window_.taskman.run_long(
            lambda _report, _cancelled: review.set_state_matching(wanted, "approved",
                                                                  expected=matching),
            self._done)

    # -- text ---------------------------------------------------------------------------------
    def _show_counts(self) -> None:
        parts = [f"{state_text(s)}: {self._counts.get(s, 0)}" for s in STATES]
        self.counts_label.setText(self.tr("%1 matching · %2").replace(
            "%1", str(self._matching)).replace("%2", " · ".join(parts)))

    def retranslate_ui(self) -> None:
        self.model.titles = [self.tr("Started"), self.tr("Collector"), self.tr("Customer"),
                             self.tr("Outcomes"), self.tr("State"), self.tr("Comments")]
        self.model.refresh_texts()
        self.bulk_button.setText(self.tr("Approve all matching…"))
        self.more_button.setText(self.tr("Show more"))
        self.empty_label.setText(self.tr("No records to review here. Records appear when day "
                                         "bundles from the laptops are imported; change the "
                                         "filters to see others."))
        self._show_counts()
