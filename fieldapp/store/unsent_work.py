"""What exists only on this laptop until the next day bundle, as a person names it: finalized
visits, calls and amendments, and corrected customer details, with the customer and the date."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from .outbox_repo import _not_sent
from .field_events import MASTER_EDIT
from .tables import CustomerRow, MasterEditRow, VisitRow


@dataclass(frozen=True)
class UnsentItem:
    customer: str
    kind: str  # "visit", "call", "amendment" or "details" (a corrected address or contact)
    at: str  # when it was finalized or made: UTC instant text


def unsent_work(session) -> list[UnsentItem]:
    """Oldest first. A record's outcomes, payments and documents travel with it and are not
    listed apart: losing the record is what a person understands."""
    visits = session.execute(
        select(CustomerRow.name, VisitRow.kind, VisitRow.amends, VisitRow.finalized_at)
        .join(CustomerRow, CustomerRow.id == VisitRow.customer_id)
        .where(VisitRow.status == "final", _not_sent("visit", VisitRow.uuid)))
    items = [UnsentItem(name, "amendment" if amends else kind, at or "")
             for name, kind, amends, at in visits]
    edits = session.execute(
        select(CustomerRow.name, MasterEditRow.at)
        .join(CustomerRow, CustomerRow.code == MasterEditRow.customer_code)
        .where(_not_sent(MASTER_EDIT, MasterEditRow.uuid)))
    items += [UnsentItem(name, "details", at) for name, at in edits]
    return sorted(items, key=lambda item: item.at)
