"""Today's route: the day, how many stops, and the stops in visiting order."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from .. import formats
from ..models.route import RouteModel
from .common import EmptyState, Retranslating, make_table
from .delegates import TwoLineDelegate, row_height
from .selection import CustomerSelection


def second_line(stop) -> str:
    return " · ".join(part for part in (stop.customer.district, stop.purpose) if part)


class RouteView(Retranslating, QWidget):
    """Loads the route off the GUI thread; Enter or a double click emits ``customer_activated``."""

    customer_activated = Signal(int)
    loaded = Signal()  # the route of the day is on screen

    def __init__(self, portfolio, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self._portfolio = portfolio
        self._taskman = taskman
        self._day: date | None = None
        self.model = RouteModel(self)
        self._title = QLabel()
        self._title.setObjectName("routeTitle")
        self._title.setStyleSheet("QLabel#routeTitle { font-size: 12pt; font-weight: 600; }")
        self._subtitle = QLabel()
        self.table = make_table(self.model, self, stretch_column=RouteModel.NAME)
        self._show_two_lines()
        self.table.activated.connect(self._activate)
        self.selection = CustomerSelection(self.table, self.model, self)
        self.setFocusProxy(self.table)
        self._empty = EmptyState()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.table)
        self._pages.addWidget(self._empty)
        self._build_layout()
        self.retranslate_ui()

    def _show_two_lines(self) -> None:
        # District and purpose ride under the name; their own columns stay in the model.
        self.table.setItemDelegateForColumn(RouteModel.NAME, TwoLineDelegate(second_line, self))
        self.table.setColumnHidden(RouteModel.DISTRICT, True)
        self.table.setColumnHidden(RouteModel.PURPOSE, True)
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.fontMetrics().height()))

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addWidget(self._pages, 1)

    def on_changes(self, changes) -> None:
        """Reload when the day's stops changed, or money or visits of a customer on them."""
        if changes.caused_by(self):
            return
        stops = (self.model.customer_id(row) for row in range(self.model.rowCount()))
        if changes.route or changes.customers_added or (
                (changes.money or changes.visits) and changes.touches_any(stops)):
            self.reload()

    def reload(self) -> None:
        """Ask for today's stops again (at start and whenever they changed)."""
        self._taskman.run(lambda: (self._portfolio.today(), self._portfolio.route()),
                          self._show_route)

    def _show_route(self, result) -> None:
        self._day, stops = result
        self.model.set_records(stops)
        self._pages.setCurrentWidget(self.table if stops else self._empty)
        # The stop highlighted is the customer on screen, if on the route (never another one).
        self.selection.restore()
        self.retranslate_ui()
        self.loaded.emit()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_activated.emit(self.model.customer_id(index.row()))

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Today's route"))
        stops = self.model.rowCount()
        day = formats.day(self._day, "full") if self._day else ""
        count = formats.counted(self.tr("Stops: %n", "", stops), stops)
        self._subtitle.setText(f"{day} · {count}" if day else "")
        self._empty.setText(self.tr("No visits are planned for today."))
        self.model.retranslate()
