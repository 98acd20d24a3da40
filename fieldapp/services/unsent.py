"""The laptop's unsent work for the window: what a forgotten PIN would lose, named by
customer, kind and day (the window says it before it can happen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from ..domain.instants import from_text


@dataclass(frozen=True)
class UnsentRecord:
    customer: str
    kind: str  # "visit", "call", "amendment" or "details"
    at: datetime | None  # aware, in the user's zone


def unsent_work(store, zone: tzinfo) -> list[UnsentRecord]:
    """Oldest first: the finalized records and corrected details no day bundle held yet."""
    from ..store.unsent_work import unsent_work as query  # noqa: PLC0415
    with store.sessions() as session:
        items = query(session)
    return [UnsentRecord(item.customer, item.kind, from_text(item.at, zone) if item.at else None)
            for item in items]
