"""The office's customer list as a table: pages fetched off the GUI thread, sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QT_TRANSLATE_NOOP, Qt, Signal

from ...domain.office_filters import CustomerFilter
from ...domain.office_portfolio import OfficeOrder, OfficePage, OfficeSorting
from ..models.customers import reason_text
from ..models.summary_columns import summary_columns
from ..models.table import CENTER, Column, RecordTableModel

PAGE_SIZE = 100


def _collector(row) -> str:
    return row.collector_name or QCoreApplication.translate("OfficeCustomerModel", "—")


def _disputed(row) -> str:
    return QCoreApplication.translate("OfficeCustomerModel", "disputed") if row.disputed else ""


class OfficeCustomerModel(RecordTableModel):
    """Customers the filter keeps, a page at a time by ``fetchMore`` (never the whole table).

    Every new filter or order bumps a generation; pages that answer an older one are dropped,
    so typing fast cannot mix lists."""

    loading_changed = Signal(bool)
    page_loaded = Signal()

    NAME, CODE, COLLECTOR, DISTRICT, OVERDUE, LATE, DISPUTED, FOUND_IN = range(8)
    ORDERS = {NAME: OfficeOrder.NAME, CODE: OfficeOrder.CODE, COLLECTOR: OfficeOrder.COLLECTOR,
              OVERDUE: OfficeOrder.OVERDUE, LATE: OfficeOrder.LATE,
              FOUND_IN: OfficeOrder.RELEVANCE}

    def __init__(self, portfolio, taskman, parent=None, page_size: int = PAGE_SIZE):
        cols = summary_columns(lambda r: r.summary)
        ctx = "OfficeCustomerModel"
        super().__init__([
            cols["name"], cols["code"],
            Column(QT_TRANSLATE_NOOP("OfficeCustomerModel", "Collector"), _collector, context=ctx),
            cols["district"], cols["overdue"], cols["late"],
            Column(QT_TRANSLATE_NOOP("OfficeCustomerModel", "Dispute"), _disputed, CENTER,
                   context=ctx),
            Column(QT_TRANSLATE_NOOP("OfficeCustomerModel", "Found in"),
                   lambda r: reason_text(r.reason), context=ctx)], ctx, parent=parent)
        self._portfolio, self._taskman, self._page_size = portfolio, taskman, page_size
        self._generation = 0
        self._loading = False
        self.filter = CustomerFilter()
        self.sorting = OfficeSorting()
        self.matching: int | None = None  # rows the filter keeps (known once a page came)
        self.customers: int | None = None  # every customer of the office

    @property
    def loading(self) -> bool:
        return self._loading

    def set_filter(self, flt: CustomerFilter) -> None:
        """Start over with ``flt``; the first page is asked for right away."""
        self.filter = flt
        self.refresh()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: A003 (Qt)
        """A header click sorts in the database (-1 or "Found in": best matches first)."""
        sorting = OfficeSorting(self.ORDERS.get(column, OfficeOrder.RELEVANCE),
                                order == Qt.SortOrder.DescendingOrder)
        if sorting != self.sorting:
            self.sorting = sorting
            self.refresh()

    def refresh(self) -> None:
        """Load the list again from its first page (after a change, or a new filter)."""
        self._generation += 1
        self._set_loading(False)
        self.set_records([])
        self._fetch(0)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt)
        # While a page is on its way, say no: views ask again and again while scrolling.
        known = self.matching is not None and self.rowCount() < self.matching
        return not parent.isValid() and known and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt)
        if self.canFetchMore(parent):
            self._fetch(self.rowCount())

    def _fetch(self, offset: int) -> None:
        generation, flt, sorting, limit = (self._generation, self.filter, self.sorting,
                                           self._page_size)
        self._set_loading(True)
        self._taskman.run(lambda: self._portfolio.page(flt, sorting, offset, limit),
                          lambda page: self._on_page(generation, page),
                          lambda error: self._on_error(generation, error))

    def _on_page(self, generation: int, page: OfficePage) -> None:
        if generation != self._generation or page.offset != self.rowCount():
            return  # the filter changed since; this page answers an older one
        self.matching, self.customers = page.matching, page.customers
        self.append_records(page.rows)
        self._set_loading(False)
        self.page_loaded.emit()

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._set_loading(False)
        self._taskman.default_on_error(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def customer_id(self, row: int) -> int:
        return self.record(row).id
