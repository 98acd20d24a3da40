"""The follow-ups list of the left pane: promises due or broken, disputes by deadline, revisits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from .. import formats
from ..models.follow_ups import FollowUpModel, what
from .common import EmptyState, Retranslating, make_table
from .delegates import TwoLineDelegate, row_height
from .selection import CustomerSelection


def second_line(f) -> str:
    """What is due and how much of it came in, under the customer's name."""
    parts = [what(f)]
    if f.amount:
        parts.append(formats.money(f.amount))
    if f.paid and f.paid.minor:
        parts.append(QCoreApplication.translate("FollowUpView", "paid %1")
                     .replace("%1", formats.money(f.paid)))
    return " · ".join(parts)


class FollowUpView(Retranslating, QWidget):
    """Enter or a double click on a row emits ``customer_activated``; reloads on data changes."""

    customer_activated = Signal(int)
    loaded = Signal()

    def __init__(self, follow_ups, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._follow_ups = follow_ups
        self._taskman = taskman
        self.model = FollowUpModel(self)
        self._title, self._subtitle = QLabel(), QLabel()
        self._title.setObjectName("followUpTitle")
        self._title.setStyleSheet("QLabel#followUpTitle { font-size: 12pt; font-weight: 600; }")
        self.table = make_table(self.model, self, stretch_column=FollowUpModel.CUSTOMER)
        self._show_two_lines()
        self.table.activated.connect(self._activate)
        self.selection = CustomerSelection(self.table, self.model, self)
        self.setFocusProxy(self.table)
        self._empty = EmptyState()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.table)
        self._pages.addWidget(self._empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addWidget(self._pages, 1)
        self.retranslate_ui()

    def _show_two_lines(self) -> None:
        # The pane is narrow: what, amount and paid ride under the customer's name.
        self.table.setItemDelegateForColumn(FollowUpModel.CUSTOMER,
                                            TwoLineDelegate(second_line, self))
        for column in (FollowUpModel.WHAT, FollowUpModel.AMOUNT, FollowUpModel.PAID):
            self.table.setColumnHidden(column, True)
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.fontMetrics().height()))

    def on_changes(self, changes) -> None:
        """Promises are judged against payments: reload when either changed."""
        if changes.caused_by(self):
            return
        if changes.follow_ups or changes.outcomes or changes.payments or changes.customers_added:
            self.reload()

    def reload(self) -> None:
        self._taskman.run(self._follow_ups.list, self._show)

    def _show(self, items) -> None:
        self.model.set_records(items)
        self._pages.setCurrentWidget(self.table if items else self._empty)
        self.selection.restore()  # the customer on screen, if listed; never another one
        self.retranslate_ui()
        self.loaded.emit()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_activated.emit(self.model.customer_id(index.row()))

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Follow-ups"))
        n = self.model.rowCount()
        self._subtitle.setText(formats.counted(self.tr("%n items: promises due or broken, "
                                                       "disputes, revisits", "", n), n))
        self._empty.setText(self.tr("Nothing to follow up today."))
        self.model.retranslate()
