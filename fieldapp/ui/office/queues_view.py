"""The office's Queues tab: the work queues with their counts, and the chosen one's items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from ...domain import queues as q
from .. import formats
from ..error_text import describe
from ..views.common import Retranslating, make_table
from . import queue_words
from .queue_detail import QueueDetail
from .queue_model import QueueModel, sorter


class QueuesView(Retranslating, QWidget):
    """A composition of the queue list, the item table and the detail pane over
    ``services.queues``; every queue comes from domain.queues.QUEUES."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("QueuesView")
        self.window_ = window
        self.queues = window.services.queues
        self.found: dict[str, tuple] = {}
        self.now = None
        self._problem = ""  # said again once the list reloaded after a refused action
        self._own_pages: dict[str, QWidget] = {}
        self.queue_list = QListWidget(self)
        self.queue_list.setObjectName("queueList")
        self.collector_label = QLabel(self)
        self.collector = QComboBox(self)
        self.collector.setObjectName("queueCollector")
        self.collector_label.setBuddy(self.collector)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("queueCount")
        self.model = QueueModel(self)
        self.proxy = sorter(self.model, self)
        self.table = make_table(self.proxy, self, stretch_column=6)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as loaded: oldest first
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("queueEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.detail = QueueDetail(self)
        self._build()
        self.queue_list.currentRowChanged.connect(lambda _row: self._show_queue())
        self.collector.currentIndexChanged.connect(lambda _i: self._show_items())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.activated.connect(lambda _index: self.open_record())
        self.detail.assign_asked.connect(self.assign)
        self.detail.resolve_asked.connect(self.resolve)
        self.detail.hand_over_asked.connect(self.hand_over)
        self.detail.open_asked.connect(self.open_record)
        window.changed.connect(self.on_changes)
        for name in q.QUEUES:
            entry = QListWidgetItem(self.queue_list)
            entry.setData(Qt.ItemDataRole.UserRole, name)
        self.queue_list.setCurrentRow(0)
        self.retranslate_ui()
        self.reload()

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.collector_label)
        filters.addWidget(self.collector)
        filters.addWidget(self.count_label, 1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 2)
        column.addWidget(self.empty_label, 2)
        column.addWidget(self.detail, 1)
        self.pages = QStackedWidget(self)  # the items table, then any queue's own page
        self.pages.addWidget(right)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.queue_list)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # -- loading ------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        if changes.source is not self and (changes.reviews or changes.visits or changes.outcomes
                                           or changes.money or changes.all_customers):
            self.reload()

    def reload(self) -> None:
        queues, now = self.queues, self.window_.services.now
        self.window_.taskman.run(lambda: (queues.all(), now()), lambda got: self._show(*got))

    def _show(self, found: dict, now) -> None:
        self.found, self.now = found, now
        self._retext_list()
        self._fill_collectors()
        self._show_items()
        if self._problem:
            self.detail.show_problem(self._problem)
            self._problem = ""

    def current_queue(self) -> str:
        entry = self.queue_list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else q.QUEUES[0]

    def add_page(self, queue: str, page: QWidget) -> None:
        """A queue shown by a widget of its own (its name must be in domain.queues.QUEUES):
        chosen in the list like the others, its page replaces the items table."""
        self._own_pages[queue] = page
        self.pages.addWidget(page)
        self._show_queue()

    def _show_queue(self) -> None:
        page = self._own_pages.get(self.current_queue())
        self.pages.setCurrentWidget(page if page is not None else self.pages.widget(0))
        self._fill_collectors()
        self._show_items()

    def _fill_collectors(self) -> None:
        """Everyone, then the collectors with items in the chosen queue (kept when still there)."""
        chosen = self.collector.currentData()
        names = sorted({(i.collector, i.collector_id)
                        for i in self.found.get(self.current_queue(), ()) if i.collector_id})
        self.collector.blockSignals(True)
        self.collector.clear()
        self.collector.addItem(self.tr("Everyone"), None)
        for name, cid in names:
            self.collector.addItem(name, cid)
        self.collector.setCurrentIndex(max(self.collector.findData(chosen), 0))
        self.collector.blockSignals(False)

    def _show_items(self) -> None:
        chosen = self.selected()
        who = self.collector.currentData()
        items = [i for i in self.found.get(self.current_queue(), ())
                 if who is None or i.collector_id == who]
        self.model.set_items(items, self.now, self.current_queue())
        self.table.setVisible(bool(items))
        self.empty_label.setVisible(not items)
        keep = next((r for r, i in enumerate(items) if chosen and i.key == chosen.key),
                    0 if items else None)
        if keep is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(keep, 0)).row())
        self._retext_count()
        self._show_detail()

    def selected(self) -> q.QueueItem | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.model.items:
            return None
        row = self.proxy.mapToSource(index).row()
        return self.model.items[row] if row < len(self.model.items) else None

    def _show_detail(self) -> None:
        self.detail.show_item(self.selected() if self.model.items else None, self.now)

    # -- actions ------------------------------------------------------------------------------
    def assign(self, resolver: str) -> None:
        item = self.selected()
        if item is not None:
            self._act(lambda: self.queues.assign(item.key, resolver))

    def resolve(self, root_cause: str) -> None:
        item = self.selected()
        if item is not None:
            self._act(lambda: self.queues.resolve(item.key, root_cause))

    def hand_over(self) -> None:
        item = self.selected()
        if item is not None:
            self._act(lambda: self.queues.hand_over(item.key))

    def _act(self, work) -> None:
        self.window_.taskman.run(work, self._done, self._refused)

    def _done(self, done) -> None:
        self.window_.publish(done.changes.from_source(self))
        self.reload()

    def _refused(self, error: BaseException) -> None:
        """Said under the actions, what was typed kept (a dispute resolved meanwhile, say)."""
        self._problem = describe(error)
        self.detail.show_problem(self._problem)
        self.reload()

    def open_record(self) -> None:
        """The item's record in the Inbox tab."""
        item = self.selected()
        if item is None or item.record_day is None:
            return
        self.window_.inbox.show_record(item.visit_uuid, item.record_day)
        self.window_.tabs.setCurrentWidget(self.window_.inbox)

    # -- text ---------------------------------------------------------------------------------
    def _retext_list(self) -> None:
        counts = {c.queue: c for c in self.queues.counts(self.found)} if self.found else {}
        for row in range(self.queue_list.count()):
            entry = self.queue_list.item(row)
            name = entry.data(Qt.ItemDataRole.UserRole)
            entry.setText(queue_words.entry(counts[name], self.now) if name in counts
                          else queue_words.name(name))
        # Every queue's name, count and oldest age readable without scrolling, in any language.
        self.queue_list.setMinimumWidth(self.queue_list.sizeHintForColumn(0)
                                        + 2 * self.queue_list.frameWidth() + 12)

    def _retext_count(self) -> None:
        shown = len(self.model.items)
        self.count_label.setText(self.tr("Items: %1, the oldest first").replace(
            "%1", formats.number(shown)))
        self.empty_label.setText(queue_words.empty(self.current_queue()))

    def retranslate_ui(self) -> None:
        self.collector_label.setText(self.tr("&Collector:"))
        if self.collector.count():
            self.collector.setItemText(0, self.tr("Everyone"))
        self._retext_list()
        self._retext_count()
        self.model.refresh_texts()
