"""Customer search words: the orders a result list can take and why a customer matched."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class CustomerOrder(str, Enum):
    """How a result list is sorted. RELEVANCE ranks name matches first (then by name)."""

    RELEVANCE = "relevance"
    NAME = "name"
    CODE = "code"
    OVERDUE = "overdue"  # per currency, the customer's own first
    LATE = "late"  # days since the oldest past-due date


class MatchReason(str, Enum):
    """Where the typed words were found, best first."""

    NAME_WORD = "name_word"  # a word of the name starts with what was typed
    NAME = "name"  # inside the name
    CONTACT = "contact"  # a contact person's name
    PHONE = "phone"  # a phone number of the customer or a contact
    CODE = "code"
    OTHER = "other"  # the tax code, or words spread over several fields


# The SQL rank of each reason (CODE and OTHER share the last rank; see search_sql).
RANKED = (MatchReason.NAME_WORD, MatchReason.NAME, MatchReason.CONTACT, MatchReason.PHONE,
          MatchReason.OTHER)


@dataclass(frozen=True)
class Sorting:
    """An order and its direction; ``descending`` has no effect on RELEVANCE."""

    order: CustomerOrder = CustomerOrder.RELEVANCE
    descending: bool = False


@dataclass(frozen=True)
class FoundPage:
    """One page of a search as the store found it: summaries with why each matched, where
    the next page starts, and how many customers match in all (None after the first page)."""

    rows: tuple  # CustomerSummary, in the order asked for
    reasons: tuple  # MatchReason | None per row (None when nothing was typed)
    cursor: tuple | None  # the last row's sort values and id: the next page starts after it
    has_more: bool
    total: int | None
    total_capped: bool = False  # True: "more than ``total``"
