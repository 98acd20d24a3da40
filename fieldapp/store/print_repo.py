"""What the office prints in batches: a day's imported installment agreements, a route's and a
collector's customers, customers by code."""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import aliased

from ..domain.review import REJECTED
from ..domain.visit import OutcomeKind
from .tables import CollectorRow, CustomerRow, InvoiceRow, OutcomeRow, ReviewRow, RouteStopRow, VisitRow

_CHUNK = 500


def agreement_visits(session, day: date, customer_ids: list[int] | None = None
                     ) -> list[tuple[str, int]]:
    """(visit uuid, customer id) of the records imported for ``day`` (the office's calendar
    day of the visit) that hold an installment plan, collector by collector, oldest first.
    A record a later revision amends is left out (the revision is printed on its own day), and
    so is a rejected one."""
    later = aliased(VisitRow)
    stmt = (select(ReviewRow.visit_uuid, ReviewRow.customer_id)
            .outerjoin(CollectorRow, CollectorRow.id == ReviewRow.collector_id)
            .where(ReviewRow.day == day, ReviewRow.state != REJECTED,
                   exists().where(OutcomeRow.visit_uuid == ReviewRow.visit_uuid,
                                  OutcomeRow.kind == OutcomeKind.INSTALLMENT_PLAN.value),
                   ~exists().where(later.amends == ReviewRow.visit_uuid))
            .order_by(func.coalesce(CollectorRow.name, ""), ReviewRow.started_at,
                      ReviewRow.visit_uuid))
    if customer_ids is not None:
        stmt = stmt.where(ReviewRow.customer_id.in_(customer_ids))
    return [(uuid, cid) for uuid, cid in session.execute(stmt)]


def route_customers(session, collector_id: str, day: date) -> list[int]:
    """The customers of the collector's route of ``day``, in visiting order."""
    stmt = (select(RouteStopRow.customer_id)
            .where(RouteStopRow.collector_id == collector_id, RouteStopRow.route_date == day)
            .order_by(RouteStopRow.seq))
    return list(dict.fromkeys(session.scalars(stmt)))


def owing_customers(session, collector_id: str) -> list[int]:
    """The collector's customers with an open invoice, by code."""
    stmt = (select(CustomerRow.id).where(
        CustomerRow.collector_id == collector_id,
        exists().where(InvoiceRow.customer_id == CustomerRow.id, InvoiceRow.open_minor != 0))
        .order_by(CustomerRow.code))
    return list(session.scalars(stmt))


def customers_by_code(session, codes: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(codes), _CHUNK):
        found.update(session.execute(select(CustomerRow.code, CustomerRow.id).where(
            CustomerRow.code.in_(codes[start:start + _CHUNK]))).all())
    return found
