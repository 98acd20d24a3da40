"""The inbox's list: imported records with day, collector, customer, outcomes and state."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from .. import formats
from .inbox_words import outcomes_text, state_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class InboxModel(QAbstractTableModel):
    """Rows as loaded, page after page, oldest first; a proxy sorts them by any column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.titles: list[str] = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def add_items(self, items) -> None:
        if not items:
            return
        self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(items) - 1)
        self.items.extend(items)
        self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section < len(self.titles)):
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == SORT_ROLE:
            return (item.started_at.isoformat(), item.collector, item.customer_name,
                    ",".join(item.outcomes), item.state, item.comments)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return (formats.moment(item.started_at), item.collector,
                    f"{item.customer_code} {item.customer_name}".strip(),
                    outcomes_text(item.outcomes), state_text(item.state),
                    str(item.comments) if item.comments else "")[column]
        return None

    def refresh_texts(self) -> None:
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, 5))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)


def sorter(model: InboxModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
