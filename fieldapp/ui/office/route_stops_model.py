"""The stops of a day being planned: moved by drag and drop, times and objectives edited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from PySide6.QtCore import (QAbstractTableModel, QByteArray, QCoreApplication, QMimeData,
                            QModelIndex, Qt, QT_TRANSLATE_NOOP, Signal)

from ...domain.errors import InvalidValue
from ...domain.records import CustomerSummary
from ...domain.routes import Reason, StopPlan, fill_times, parse_time, spread
from .. import formats

MIME = "application/x-fieldapp-route-rows"
_CONTEXT = "RouteStopsModel"
HEADERS = (QT_TRANSLATE_NOOP("RouteStopsModel", "#"), QT_TRANSLATE_NOOP("RouteStopsModel", "Time"),
           QT_TRANSLATE_NOOP("RouteStopsModel", "Customer"),
           QT_TRANSLATE_NOOP("RouteStopsModel", "Overdue"),
           QT_TRANSLATE_NOOP("RouteStopsModel", "Days late"),
           QT_TRANSLATE_NOOP("RouteStopsModel", "Objective"),
           QT_TRANSLATE_NOOP("RouteStopsModel", "Why"))
REASONS = {Reason.PROMISE_DUE: QT_TRANSLATE_NOOP("RouteStopsModel", "Promise due, not kept"),
           Reason.REVISIT_DUE: QT_TRANSLATE_NOOP("RouteStopsModel", "Revisit due"),
           Reason.DISPUTE_WAITING: QT_TRANSLATE_NOOP("RouteStopsModel", "Dispute waiting"),
           Reason.OVERDUE: QT_TRANSLATE_NOOP("RouteStopsModel", "Overdue")}


def reason_text(reason: Reason) -> str:
    return QCoreApplication.translate(_CONTEXT, REASONS[reason])


@dataclass(frozen=True)
class StopRow:
    """One stop on screen: the customer, its time and objective, and why it was suggested."""

    customer: CustomerSummary
    planned_time: time | None = None
    purpose: str = ""
    reasons: tuple[Reason, ...] = ()


class RouteStopsModel(QAbstractTableModel):
    """``edited`` says the stops differ from what was loaded (the view asks before leaving)."""

    SEQ, TIME, CUSTOMER, OVERDUE, LATE, PURPOSE, WHY = range(7)
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[StopRow] = []

    # -- reading ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CONTEXT, HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), row, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.WHY and row.reasons:
            return "\n".join(reason_text(r) for r in row.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SEQ, self.TIME,
                                                                 self.OVERDUE, self.LATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, n: int, row: StopRow, col: int, editing: bool) -> str:
        c = row.customer
        if col == self.SEQ:
            return formats.number(n + 1)
        if col == self.TIME:
            return row.planned_time.strftime("%H:%M") if row.planned_time else ""
        if col == self.CUSTOMER:
            return f"{c.name} · {c.code}"
        if col == self.OVERDUE:
            return formats.moneys(c.overdue)
        if col == self.LATE:
            return formats.number(c.max_days_late) if c.overdue else ""
        if col == self.PURPOSE:
            return row.purpose
        return reason_text(row.reasons[0]) if row.reasons else ""

    def customer_ids(self) -> list[int]:
        return [r.customer.id for r in self.rows]

    def plans(self) -> list[StopPlan]:
        return [StopPlan(r.customer.id, r.planned_time, r.purpose) for r in self.rows]

    # -- editing ---------------------------------------------------------------------------
    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsDropEnabled  # between rows (the root) only, see below
        if not index.isValid():
            return base
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (self.TIME, self.PURPOSE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        if index.column() == self.TIME:
            try:
                changed = replace(row, planned_time=parse_time(str(value)) if str(value).strip()
                                  else None)
            except InvalidValue:
                return False  # the editor's validator lets only HH:MM through anyway
        elif index.column() == self.PURPOSE:
            changed = replace(row, purpose=str(value).strip())
        else:
            return False
        if changed != row:
            self.rows[index.row()] = changed
            self.dataChanged.emit(index, index)
            self.edited.emit()
        return True

    def set_rows(self, rows: list[StopRow]) -> None:
        """What was loaded: not an edit."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append(self, rows: list[StopRow], start: time, minutes: int) -> None:
        """Add ``rows`` at the end, each missing time following the stop before it."""
        rows = [r for r in rows if r.customer.id not in set(self.customer_ids())]
        if not rows:
            return
        times = fill_times([r.planned_time for r in self.rows + rows], start, minutes)
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows += [replace(r, planned_time=t) for r, t in zip(rows, times[first:])]
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self._renumbered()
            self.edited.emit()

    def respread(self, start: time, minutes: int) -> None:
        """Every time again from ``start``, ``minutes`` apart, in the list's order."""
        times = spread(len(self.rows), start, minutes)
        self.rows = [replace(r, planned_time=t) for r, t in zip(self.rows, times)]
        if self.rows:
            self.dataChanged.emit(self.index(0, self.TIME), self.index(len(self.rows) - 1,
                                                                      self.TIME))
            self.edited.emit()

    # -- moving: Alt+Up/Down and drag and drop both end in moveRows ------------------------
    def moveRows(self, source_parent, source_row: int, count: int,  # noqa: N802
                 dest_parent, dest_child: int) -> bool:
        if (source_parent.isValid() or dest_parent.isValid() or count < 1 or source_row < 0
                or source_row + count > len(self.rows) or not 0 <= dest_child <= len(self.rows)
                or source_row <= dest_child <= source_row + count):
            return False
        if not self.beginMoveRows(QModelIndex(), source_row, source_row + count - 1,
                                  QModelIndex(), dest_child):
            return False
        moving = self.rows[source_row:source_row + count]
        del self.rows[source_row:source_row + count]
        at = dest_child - count if dest_child > source_row else dest_child
        self.rows[at:at] = moving
        self.endMoveRows()
        self._renumbered()
        self.edited.emit()
        return True

    def move(self, row: int, step: int) -> int:
        """Move one stop up (-1) or down (+1); its new row (unchanged at an end)."""
        target = row + step
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return row
        self.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (1 if step > 0 else 0))
        return target

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, _column: int,  # noqa: N802
                     parent: QModelIndex) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        rows = [int(x) for x in bytes(data.data(MIME)).decode().split(",") if x]
        if not rows:
            return False
        # Dropped on a row: before it; past the last row: at the end.
        dest = parent.row() if parent.isValid() else (row if row >= 0 else len(self.rows))
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), dest)
        return False  # the move is done; False keeps the view from removing the source rows

    def _renumbered(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, self.SEQ), self.index(len(self.rows) - 1,
                                                                     self.SEQ))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1,
                                                               len(HEADERS) - 1))
