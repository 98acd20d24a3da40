"""The items of one work queue as a table (oldest first as loaded; any column sorts)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QSortFilterProxyModel, Qt)

from ...domain import queues as q
from .. import formats
from . import queue_words

SORT = Qt.ItemDataRole.UserRole
COLUMNS = 7


def titles() -> list[str]:
    return [QCoreApplication.translate("QueueModel", "Recorded"),
            QCoreApplication.translate("QueueModel", "Customer"),
            QCoreApplication.translate("QueueModel", "Collector"),
            QCoreApplication.translate("QueueModel", "Due"),
            QCoreApplication.translate("QueueModel", "Amount"),
            QCoreApplication.translate("QueueModel", "State"),
            QCoreApplication.translate("QueueModel", "Details")]


class QueueModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[q.QueueItem] = []
        self.now: datetime | None = None
        self.queue = ""

    def set_items(self, items, now: datetime, queue: str = "") -> None:
        self.beginResetModel()
        self.items, self.now, self.queue = list(items), now, queue
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 3 and self.queue == q.DISPUTES:  # a dispute's 24-hour deadline
                return QCoreApplication.translate("QueueModel", "Deadline")
            return titles()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            return self._text(item, 6)
        if role == SORT:
            return self._key(item, index.column(), index.row())
        return None

    def _text(self, item: q.QueueItem, column: int) -> str:
        if column == 0:
            return formats.moment(item.since)
        if column == 1:
            return f"{item.customer_name} ({item.customer_code})"
        if column == 2:
            return item.collector
        if column == 3:
            return formats.moment(item.deadline) if item.deadline else formats.day(item.due_on)
        if column == 4:
            return formats.money(item.amount) if item.amount else ""
        if column == 5:
            return self._state(item)
        return queue_words.reason(item) + (" · " if item.reason and item.text else "") + \
            item.text.replace("\n", " ")

    def _state(self, item: q.QueueItem) -> str:
        if item.deadline is not None and self.now is not None:
            return queue_words.hours(item.deadline, self.now)
        if item.paid is not None:
            return QCoreApplication.translate("QueueModel", "paid %1").replace(
                "%1", formats.money(item.paid))
        return ""

    def _key(self, item: q.QueueItem, column: int, row: int):
        if column == 0:
            return row  # as loaded: oldest first
        if column == 3:
            return (item.deadline.timestamp() if item.deadline else
                    item.due_on.toordinal() * 86400.0 if item.due_on else 0.0)
        if column == 4:
            return float(item.amount.minor) if item.amount else 0.0
        if column == 5 and item.deadline is not None and self.now is not None:
            return float(q.hours_left(item.deadline, self.now))
        return self._text(item, column).casefold()

    def refresh_texts(self) -> None:
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1,
                                                               COLUMNS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)


def sorter(model: QueueModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT)
    return proxy
