"""The supervisor's portfolio: every customer across collectors, searched, filtered, paged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ...domain.office_filters import CustomerFilter
from ...domain.office_portfolio import CollectorName, OfficePage, OfficeSorting
from ...domain.records import CustomerFile
from ...domain.text import clean_text
from ...store import office_queries, queries

PAGE_SIZE = 100
MAX_PAGE = 1_000  # a page is a screenful or a few; more is a caller's mistake


@dataclass(frozen=True)
class OfficeCustomerFile:
    """A customer's file as the office sees it: the laptop's file and who visits the customer."""

    file: CustomerFile
    collector: CollectorName | None


class OfficePortfolio:
    """Read access to the office's customers as of ``today()``; writes belong to import and
    assignment."""

    def __init__(self, store, today: Callable[[], date] = date.today):
        self._store = store
        self.today = today

    def page(self, flt: CustomerFilter = CustomerFilter(), sorting: OfficeSorting = OfficeSorting(),
             offset: int = 0, limit: int = PAGE_SIZE) -> OfficePage:
        """Rows ``offset`` on of the customers ``flt`` keeps, in the order asked for, with how
        many the filter keeps and how many customers there are."""
        flt = flt.but(query=clean_text(flt.query).strip())
        offset, limit = max(0, int(offset)), min(max(1, int(limit)), MAX_PAGE)
        today = self.today()
        with self._store.engine.connect() as conn:
            rows = office_queries.page(conn, flt, sorting, offset, limit, today)
            everyone = office_queries.count_all(conn)
            matching = everyone if flt.is_empty() else office_queries.count(conn, flt, today)
        return OfficePage(tuple(rows), offset, matching, everyone)

    def count(self, flt: CustomerFilter) -> int:
        """How many customers ``flt`` keeps."""
        with self._store.engine.connect() as conn:
            return office_queries.count(conn, flt, self.today())

    def matching_ids(self, flt: CustomerFilter) -> tuple[int, ...]:
        """Every customer ``flt`` keeps (bulk actions act on these)."""
        with self._store.engine.connect() as conn:
            return tuple(office_queries.matching_ids(conn, flt, self.today()))

    def open_customer(self, customer_id: int) -> OfficeCustomerFile:
        """One customer's file and assigned collector (NotFound when the id is unknown)."""
        with self._store.sessions() as session:
            file = queries.customer_file(session, customer_id, self.today())
            collector = office_queries.collector_of(session.connection(), customer_id)
        return OfficeCustomerFile(file, collector)
