"""Search as you type: the search box, paged results, and the route while the box is empty."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from .. import formats
from ..models.customers import CustomerListModel
from .common import EmptyState, Retranslating, fit_columns, make_table
from .selection import CustomerSelection

DEBOUNCE_MS = 80  # long enough to skip keystrokes in a burst, short enough to feel instant


class CustomerListView(Retranslating, QWidget):
    """The left pane: search box on top; below it the idle page (today's route) or the results."""

    customer_activated = Signal(int)
    mode_changed = Signal(str)  # "route" or "results"

    def __init__(self, portfolio, taskman, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = CustomerListModel(portfolio, taskman, self)
        self._idle: QWidget | None = None
        self._extra: dict[str, QWidget] = {}  # more lists for the pane, e.g. the follow-ups
        self._fitted_for: str | None = None
        self._stale = False  # data changed while the results were hidden
        self._build_search_box()
        self._results = self._results_page()
        self._pages = QStackedWidget()
        self._pages.addWidget(self._results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self._pages, 1)
        self.retranslate_ui()

    def _build_search_box(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(self._on_text_changed)

    def _results_page(self) -> QWidget:
        self._caption = QLabel()
        self.table = make_table(self.model, self, stretch_column=0)
        self._sortable(self.table.horizontalHeader())
        self.table.activated.connect(self._activate)
        self.selection = CustomerSelection(self.table, self.model, self)
        self._no_match = EmptyState()
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.loading_changed.connect(self._update_caption)
        page = QWidget()
        self._result_stack = QStackedWidget()
        self._result_stack.addWidget(self.table)
        self._result_stack.addWidget(self._no_match)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self._caption)
        layout.addWidget(self._result_stack, 1)
        return page

    def _sortable(self, header) -> None:
        """Header clicks sort in the database (the model's sort); a third click on a column
        goes back to best matches first, as does "Found in"."""
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        self.table.setSortingEnabled(True)

    def set_idle_page(self, widget: QWidget) -> None:
        """Show ``widget`` (today's route) whenever the search box is empty."""
        self._idle = widget
        self._pages.insertWidget(0, widget)
        self.show_route()

    def add_page(self, mode: str, widget: QWidget) -> None:
        """Another list the pane can show instead of the route (``show_page(mode)``)."""
        self._extra[mode] = widget
        self._pages.addWidget(widget)

    # -- modes ----------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        current = self._pages.currentWidget()
        if current is self._results:
            return "results"
        return next((mode for mode, w in self._extra.items() if w is current), "route")

    def show_page(self, mode: str) -> None:
        self._show_page(self._extra[mode])

    def _show_page(self, page: QWidget) -> None:
        if page is not self._pages.currentWidget():
            self._pages.setCurrentWidget(page)
            self.mode_changed.emit(self.mode)

    def show_route(self) -> None:
        if self._idle is not None:
            self._show_page(self._idle)

    def show_results(self) -> None:
        """Show the results page; with an empty box that lists every customer, page by page."""
        if (self._stale or self.model.query != self.search_box.text().strip()
                or not self.model.rowCount()):
            self._run_search()
        self._show_page(self._results)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        """Esc: empty the box and go back to the route."""
        self._debounce.stop()
        self.search_box.clear()
        self.show_route()

    # -- searching ------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self.show_route()

    def _run_search(self) -> None:
        self._stale = False
        query = self.search_box.text().strip()
        self.table.setColumnHidden(CustomerListModel.FOUND_IN, not query)
        self.model.set_query(query)
        self._show_page(self._results)
        self._update_caption()

    def _on_page_loaded(self, query: str) -> None:
        if query != self._fitted_for:
            # Fit columns to the first page only; later pages must not make columns jump.
            fit_columns(self.table)
            self._fitted_for = query
        self._result_stack.setCurrentWidget(self.table if self.model.rowCount() else self._no_match)
        self._update_caption()
        # Highlight the customer on screen if listed; Enter in the box still opens the first.
        self.selection.restore()

    def _update_caption(self, *_loading) -> None:
        query, total = self.model.query, self.model.total
        if self.model.loading and not self.model.rowCount():
            caption = self.tr("Searching…")
        elif query and total is not None and self.model.total_capped:
            caption = formats.counted(self.tr("More than %n customers match “%1”", "", total),
                                      total).replace("%1", query)
        elif query and total is not None:
            caption = formats.counted(self.tr("%n customers match “%1”", "", total),
                                      total).replace("%1", query)
        elif query:
            caption = self.tr("Customers matching “%1”").replace("%1", query)
        else:
            caption = self.tr("All customers")
        self._caption.setText(caption)
        self._no_match.setText(self.tr("No customer matches “%1”").replace("%1", query))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_activated.emit(self.model.customer_id(index.row()))

    def open_current(self) -> None:
        """Enter in the search box opens the highlighted (or first) result."""
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        self._activate(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            return self._search_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.mode == "results":
            self.open_current()
            return True
        if key == Qt.Key.Key_Escape:
            self.clear_search()
            return True
        if key == Qt.Key.Key_Down:
            # Arrow down leaves the box for the list, as in a browser's address bar.
            target = self.table if self.mode == "results" else self._pages.currentWidget()
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def on_changes(self, changes) -> None:
        """Run the search again when customers came or went, or a listed one's balance moved.

        Hidden results are only marked stale; showing them again runs the search."""
        if changes.caused_by(self):
            return
        listed = (self.model.customer_id(row) for row in range(self.model.rowCount()))
        if changes.customers_added or (changes.money and changes.touches_any(listed)):
            if self.mode == "results":
                self.model.refresh()
            else:
                self._stale = True

    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search name, code, tax code, phone, contact…"))
        self._update_caption()
        self.model.retranslate()
