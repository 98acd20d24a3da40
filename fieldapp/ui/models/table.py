"""A table model over a list of records, with declared columns and custom roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QFont

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the record behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a raw, comparable value (dates, minor units)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: a header (source text, translated when shown) and how a record shows in it."""

    header: str
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag = LEFT
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    foreground: Callable[[Any], QBrush | None] | None = None  # wins over the row's
    context: str = ""  # translation context of ``header`` when not the model's own

    def title(self, default_context: str) -> str:
        return QCoreApplication.translate(self.context or default_context, self.header)


@dataclass(frozen=True)
class RowStyle:
    """Optional whole-row looks, e.g. an amber background for a mismatched delivery."""

    background: Callable[[Any], QBrush | None] | None = None
    foreground: Callable[[Any], QBrush | None] | None = None
    font: Callable[[Any], QFont | None] | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows are records; columns are declared; ``context`` is the translation context of headers."""

    def __init__(self, columns: Sequence[Column], context: str, style: RowStyle | None = None,
                 parent=None):
        super().__init__(parent)
        self._columns = tuple(columns)
        self._context = context
        self._style = style or RowStyle()
        self._records: list[Any] = []

    # -- contents -------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def append_records(self, records: Sequence[Any]) -> None:
        if not records:
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._records.extend(records)
        self.endInsertRows()

    def records(self) -> tuple[Any, ...]:
        return tuple(self._records)

    def record(self, row: int) -> Any:
        return self._records[row]

    def retranslate(self) -> None:
        """Headers and labels are translated when asked for; tell the views to ask again."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._records) - 1, len(self._columns) - 1))

    # -- Qt interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title(self._context)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        return self._cell(record, column, role)

    def _cell(self, record: Any, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return (column.sort or column.value)(record)
        return self._styled(record, column, role)

    def _styled(self, record: Any, column: Column, role: int) -> Any:
        style = self._style
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(record) or None
        if role == Qt.ItemDataRole.BackgroundRole and style.background:
            return style.background(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.foreground(record) if column.foreground else None
            return colour or (style.foreground(record) if style.foreground else None)
        if role == Qt.ItemDataRole.FontRole and style.font:
            return style.font(record)
        return None
