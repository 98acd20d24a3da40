"""Search results paged in from the portfolio, 50 at a time, off the GUI thread, sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QT_TRANSLATE_NOOP, Qt, Signal

from ...domain.search import CustomerOrder, MatchReason, Sorting
from ...services.portfolio import PAGE_SIZE, SearchPage
from .summary_columns import summary_columns
from .table import Column, RecordTableModel


def reason_text(reason: MatchReason | None) -> str:
    """Where the typed words were found, in a word or two."""
    if reason in (MatchReason.NAME_WORD, MatchReason.NAME):
        return QCoreApplication.translate("CustomerListModel", "name")
    if reason is MatchReason.CONTACT:
        return QCoreApplication.translate("CustomerListModel", "contact")
    if reason is MatchReason.PHONE:
        return QCoreApplication.translate("CustomerListModel", "phone")
    if reason is MatchReason.CODE:
        return QCoreApplication.translate("CustomerListModel", "code")
    if reason is MatchReason.OTHER:
        return QCoreApplication.translate("CustomerListModel", "tax code or several fields")
    return ""


class CustomerListModel(RecordTableModel):
    """Customers matching a query, paged by ``fetchMore``; never the whole table.

    Every new query bumps a generation counter; pages that arrive for an older query are
    dropped, so fast typing cannot mix results.
    """

    loading_changed = Signal(bool)
    page_loaded = Signal(str)  # the query whose page just arrived

    NAME, CODE, OVERDUE, LATE, FOUND_IN = range(5)
    # The column a header click sorts by; "Found in" goes back to best matches first.
    ORDERS = {NAME: CustomerOrder.NAME, CODE: CustomerOrder.CODE, OVERDUE: CustomerOrder.OVERDUE,
              LATE: CustomerOrder.LATE, FOUND_IN: CustomerOrder.RELEVANCE}

    def __init__(self, portfolio, taskman, parent=None, page_size: int = PAGE_SIZE):
        cols = summary_columns()
        found_in = Column(QT_TRANSLATE_NOOP("CustomerListModel", "Found in"),
                          lambda r: reason_text(self._reasons.get(r.id)))
        super().__init__([cols["name"], cols["code"], cols["overdue"], cols["late"], found_in],
                         "CustomerListModel", parent=parent)
        self._reasons: dict[int, MatchReason | None] = {}
        self._portfolio = portfolio
        self._taskman = taskman
        self._page_size = page_size
        self._query = ""
        self._generation = 0
        self._has_more = False
        self._loading = False
        self._cursor: tuple | None = None
        self.sorting = Sorting()
        self.total: int | None = None  # matches of the query (counted with its first page)
        self.total_capped = False

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
        self._has_more, self._cursor = True, None
        self.total, self.total_capped = None, False
        self._reasons = {}
        self._set_loading(False)
        self.set_records([])
        self.fetchMore(QModelIndex())

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: A003 (Qt)
        """A header click: ask the database for the list in that order (-1: best matches)."""
        sorting = Sorting(self.ORDERS.get(column, CustomerOrder.RELEVANCE),
                          order == Qt.SortOrder.DescendingOrder)
        if sorting != self.sorting:
            self.sorting = sorting
            self.refresh()

    def refresh(self) -> None:
        """Run the current query again (after data changed)."""
        self.set_query(self._query)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        # While a page is on its way, say no: views ask repeatedly while scrolling.
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        generation, query, after = self._generation, self._query, self._cursor
        sorting = self.sorting
        self._set_loading(True)
        self._taskman.run(lambda: self._portfolio.search(query, after, self._page_size, sorting),
                          lambda page: self._on_page(generation, page),
                          lambda error: self._on_error(generation, error))

    def _on_page(self, generation: int, page: SearchPage) -> None:
        if generation != self._generation:
            return  # typed on since; this page answers an older query
        self._has_more = page.has_more
        self._cursor = page.cursor
        if page.total is not None:
            self.total, self.total_capped = page.total, page.total_capped
        self._reasons.update((row.id, why) for row, why in zip(page.rows, page.reasons))
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
