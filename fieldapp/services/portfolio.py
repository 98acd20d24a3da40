"""The collector's portfolio: search as you type, today's route, one customer's file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..domain.records import CustomerFile, CustomerSummary, RouteStop
from ..domain.stored import RouteDay
from ..domain.text import clean_text
from ..store import queries

PAGE_SIZE = 50


@dataclass(frozen=True)
class SearchPage:
    """One page of search results; ask for the next with ``after_id=page.last_id``."""

    query: str
    rows: tuple[CustomerSummary, ...]
    has_more: bool

    @property
    def last_id(self) -> int:
        return self.rows[-1].id if self.rows else 0


class Portfolio:
    """Read access to the customers on this laptop, as of ``today()``."""

    def __init__(self, store, today: Callable[[], date] = date.today):
        self._store = store
        self.today = today

    def search(self, query: str, after_id: int = 0, limit: int = PAGE_SIZE) -> SearchPage:
        """Customers whose name, code, tax code, phone or contact person contains ``query``."""
        query = clean_text(query)  # a bad paste: NUL and lone surrogates match nothing anyway
        with self._store.engine.connect() as conn:
            rows = queries.search(conn, query, after_id, limit + 1, self.today())
        return SearchPage(query, tuple(rows[:limit]), len(rows) > limit)

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
