"""The office's portfolio list: how it can be sorted, its rows and its pages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .money import Money
from .records import CustomerSummary
from .search import MatchReason


class OfficeOrder(str, Enum):
    """How the office's list is sorted. RELEVANCE (the laptop's ranking) needs typed words;
    without them the list goes by NAME."""

    RELEVANCE = "relevance"
    NAME = "name"
    CODE = "code"
    COLLECTOR = "collector"  # customers nobody visits first, then by the collector's name
    OVERDUE = "overdue"  # per currency, the customer's own (as on the laptop)
    LATE = "late"  # days since the oldest past-due date


@dataclass(frozen=True, slots=True)
class OfficeSorting:
    order: OfficeOrder = OfficeOrder.RELEVANCE
    descending: bool = False


@dataclass(frozen=True, slots=True)
class CollectorName:
    """A collector as a choice in a list: id, name, and whether they still work."""

    id: str
    name: str
    active: bool = True


@dataclass(frozen=True, slots=True)
class OfficeCustomer:
    """One row of the office's list: the laptop's summary (overdue per currency, days late)
    plus who visits the customer, the territory and whether an open invoice is disputed."""

    summary: CustomerSummary
    collector_id: str | None
    collector_name: str
    territory: str
    disputed: bool
    reason: MatchReason | None = None  # where the typed words were found (None: none typed)

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def overdue(self) -> tuple[Money, ...]:
        return self.summary.overdue

    @property
    def max_days_late(self) -> int:
        return self.summary.max_days_late


@dataclass(frozen=True, slots=True)
class OfficePage:
    """Rows ``offset`` to ``offset + len(rows)`` of the list; ``matching`` counts every row the
    filter keeps and ``customers`` every customer of the office (the caption's N of M)."""

    rows: tuple[OfficeCustomer, ...]
    offset: int
    matching: int
    customers: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.matching
