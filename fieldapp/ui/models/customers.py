"""Search results paged in from the portfolio, 50 at a time, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal

from ...services.portfolio import PAGE_SIZE, SearchPage
from .summary_columns import summary_columns
from .table import RecordTableModel


class CustomerListModel(RecordTableModel):
    """Customers matching a query, paged by ``fetchMore``; never the whole table.

    Every new query bumps a generation counter; pages that arrive for an older query are
    dropped, so fast typing cannot mix results.
    """

    loading_changed = Signal(bool)
    page_loaded = Signal(str)  # the query whose page just arrived

    def __init__(self, portfolio, taskman, parent=None, page_size: int = PAGE_SIZE):
        cols = summary_columns()
        super().__init__([cols["name"], cols["code"], cols["overdue"], cols["late"]],
                         "CustomerListModel", parent=parent)
        self._portfolio = portfolio
        self._taskman = taskman
        self._page_size = page_size
        self._query = ""
        self._generation = 0
        self._has_more = False
        self._loading = False
        self._last_id = 0

    @property
    def query(self) -> str:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: str) -> None:
        """Start over with ``query``; the first page is asked for right away."""
        self._generation += 1
        self._query = query
        self._has_more, self._last_id = True, 0
        self._set_loading(False)
        self.set_records([])
        self.fetchMore(QModelIndex())

    def refresh(self) -> None:
        """Run the current query again (after data changed)."""
        self.set_query(self._query)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        # While a page is on its way, say no: views ask repeatedly while scrolling.
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        generation, query, after = self._generation, self._query, self._last_id
        self._set_loading(True)
        self._taskman.run(lambda: self._portfolio.search(query, after, self._page_size),
                          lambda page: self._on_page(generation, page),
                          lambda error: self._on_error(generation, error))

    def _on_page(self, generation: int, page: SearchPage) -> None:
        if generation != self._generation:
            return  # typed on since; this page answers an older query
        self._has_more = page.has_more
        self._last_id = page.last_id or self._last_id
        self.append_records(page.rows)
        self._set_loading(False)
        self.page_loaded.emit(page.query)

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._has_more = False
            self._set_loading(False)
        self._taskman.default_on_error(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def customer_id(self, row: int) -> int:
        return self.record(row).id
