"""The collector's portfolio: search as you type, today's route, one customer's file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..domain.records import CustomerFile, CustomerSummary, RouteStop
from ..domain.search import MatchReason, Sorting
from ..domain.stored import RouteDay
from ..domain.text import clean_text
from ..store import queries

PAGE_SIZE = 50


@dataclass(frozen=True)
class SearchPage:
    """One page of search results; ask for the next with ``after=page.cursor``.

    ``reasons`` says per row where the typed words were found (None for a blank query);
    ``total`` counts every match (first page only; ``total_capped``: at least that many).
    """

    query: str
    rows: tuple[CustomerSummary, ...]
    has_more: bool
    cursor: tuple | None = None
    reasons: tuple[MatchReason | None, ...] = ()
    total: int | None = None
    total_capped: bool = False
    sorting: Sorting = Sorting()

    @property
    def last_id(self) -> int:
        return self.rows[-1].id if self.rows else 0


class Portfolio:
    """Read access to the customers on this laptop, as of ``today()``."""

    def __init__(self, store, today: Callable[[], date] = date.today):
        self._store = store
        self.today = today

    def search(self, query: str, after: tuple | None = None, limit: int = PAGE_SIZE,
               sorting: Sorting = Sorting()) -> SearchPage:
        """Customers whose name, code, tax code, phone or contact person contains ``query``:
        name matches first (RELEVANCE) or sorted by a column, keyset-paged after ``after``."""
        query = clean_text(query)  # a bad paste: NUL and lone surrogates match nothing anyway
        with self._store.engine.connect() as conn:
            found = queries.search(conn, query, sorting, after, limit, self.today())
        return SearchPage(query, found.rows, found.has_more, found.cursor, found.reasons,
                          found.total, found.total_capped, sorting)

    def route(self, day: date | None = None) -> tuple[RouteStop, ...]:
        """The planned stops of ``day`` (default today) in visiting order."""
        with self._store.sessions() as session:
            return tuple(queries.route(session, day or self.today()))

    def route_days(self, days: int = 14) -> list[RouteDay]:
        """Upcoming days with a route, from today, with their number of stops."""
        with self._store.sessions() as session:
            return queries.route_days(session, self.today(), days)

    def open_customer(self, customer_id: int) -> CustomerFile:
        """Everything a collector prepares from for one customer."""
        with self._store.sessions() as session:
            return queries.customer_file(session, customer_id, self.today())

    def count_customers(self) -> int:
        with self._store.sessions() as session:
            return queries.count_customers(session)
