"""The office's tab of the portfolio across collectors: search, filters, sorting, paging."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from .. import formats
from ..views.common import EmptyState, Retranslating, fit_columns, make_table
from ..views.selection import CustomerSelection
from .customer_pane import CustomerPane
from .filter_bar import FilterBar
from .portfolio_assign import AssignButtons
from .portfolio_model import OfficeCustomerModel

DEBOUNCE_MS = 80  # as the laptop's search box: skip keystrokes in a burst, still feel instant


class PortfolioView(Retranslating, QWidget):
    """Built by the OfficeWindow window (services, taskman, changed, publish): the list on the
    left, the selected customer's file on the right. ``empty_office`` says, once, that the office
    has no customers yet (the window then shows this tab's way in, whatever tab it opened on)."""

    empty_office = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        portfolio = window.services.portfolio
        self.model = OfficeCustomerModel(portfolio, window.taskman, self)
        self.pane = CustomerPane(portfolio, window.taskman)
        self._fitted = False
        self._build_search()
        self.filters = FilterBar()
        self.filters.changed.connect(self.apply)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("officePortfolioSplitter")
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        self.selection.selected.connect(self.pane.show_customer)
        self.pane.file_shown.connect(self.selection.show)
        window.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.load_collectors()
        self.apply()

    def _build_search(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setObjectName("officeSearch")
        self.search_box.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        # Enter goes to the first match (its file opens); Esc empties the box.
        self.search_box.returnPressed.connect(self.open_first)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search_box.clear)

    def _build_list(self) -> QWidget:
        self.caption = QLabel()
        self.caption.setObjectName("portfolioCaption")
        self.table = make_table(self.model, self, stretch_column=OfficeCustomerModel.NAME)
        # Several rows can be picked for one assignment; one row picked shows its file.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setColumnHidden(OfficeCustomerModel.FOUND_IN, True)
        self.selection = CustomerSelection(self.table, self.model, self)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.loading_changed.connect(lambda _loading: self._update_caption())
        self.no_match = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.no_match)
        self.stack.addWidget(self._build_first_run())
        self.assign = AssignButtons(self.window_, self.table, self.model)
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.caption, 1)
        self.actions_row.addWidget(self.assign)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.stack, 1)
        return page

    def _build_first_run(self) -> QWidget:
        """No customers at all: say where they come from, with the way to bring them in."""
        self.first_run = QWidget()
        self.first_run_text = EmptyState()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.window_.import_action.trigger)
        layout = QVBoxLayout(self.first_run)
        layout.addStretch(1)
        layout.addWidget(self.first_run_text)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return self.first_run

    # -- loading ----------------------------------------------------------------------------
    def current_filter(self):
        return self.filters.value(self.search_box.text().strip())

    def apply(self) -> None:
        """List again with what the search box and the filter bar say now."""
        self._debounce.stop()
        flt = self.current_filter()
        self.table.setColumnHidden(OfficeCustomerModel.FOUND_IN, not flt.query)
        self._fitted = False
        self.model.set_filter(flt)
        self._update_caption()

    def reload(self) -> None:
        self.model.refresh()
        self.pane.reload()

    def load_collectors(self) -> None:
        self.window_.taskman.run(self.window_.services.collectors.list,
                                 self.filters.set_collectors)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def open_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.customer_id(r) for r in rows]

    def _on_page_loaded(self) -> None:
        if not self._fitted and self.model.rowCount():
            # Fitted to a filter's first page only: later pages must not make columns jump.
            fit_columns(self.table)
            self._fitted = True
        nobody = self.model.customers == 0
        # An empty office: only the way in is shown; nothing to search, filter or open yet.
        for widget in (self.search_box, self.filters, self.caption, self.assign, self.pane):
            widget.setVisible(not nobody)
        if nobody:
            self.stack.setCurrentWidget(self.first_run)
            if not self.__dict__.get("_said_empty"):
                self._said_empty = True
                self.empty_office.emit()
        else:
            self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.no_match)
        self.selection.restore()
        self._update_caption()

    def on_changes(self, changes) -> None:
        """Customers imported, balances moved, collectors or assignments changed: list (and
        the file on screen) again; the collector box follows the collectors."""
        if changes.collectors or changes.customers_added:
            self.load_collectors()
        if changes.customers_added or changes.money or changes.all_customers \
                or changes.collectors or changes.details:  # details: a conflict resolved
            self.reload()

    # -- text -------------------------------------------------------------------------------
    def _update_caption(self) -> None:
        model = self.model
        if model.matching is None or (model.loading and not model.rowCount()):
            text = self.tr("Loading customers…")
        elif model.filter.is_empty():
            text = formats.counted(self.tr("%n customers", "", model.customers),
                                   model.customers)
        else:
            text = formats.counted(self.tr("%1 of %n customers match", "", model.customers),
                                   model.customers).replace("%1", formats.number(model.matching))
        self.caption.setText(text)

    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search name, code, tax code, phone, contact… (Ctrl+F)"))
        self.no_match.setText(self.tr("No customer matches the search and filters."))
        self.first_run_text.setText(self.tr(
            "No customers yet. Import the receivables exported from your accounting software: "
            "customers and their open invoices come with them."))
        self.import_button.setText(self.tr("Import receivables…"))
        self._update_caption()
        self.model.retranslate()
