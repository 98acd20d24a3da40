"""Set-based reads of the follow-up lists: live outcomes in a period, payments of their customers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased

from ..domain.commitments import COMMITMENT_KINDS, REVISIT_KINDS, LiveOutcome, PaymentLine
from ..domain.money import Money
from .tables import CustomerRow, OutcomeRow, PaymentRow

# Keeps the statement's parameter count well below every driver's limit.
_IDS_PER_QUERY = 500


def _required():
    """An installment line requires the plan's live lines due up to it; anything else its amount."""
    line = aliased(OutcomeRow)
    so_far = (select(func.sum(line.amount_minor))
              .where(line.visit_uuid == OutcomeRow.visit_uuid, line.kind == "installment",
                     line.superseded_by.is_(None), line.resolved.is_(False),
                     line.due_on <= OutcomeRow.due_on).scalar_subquery())
    return case((OutcomeRow.kind == "installment", so_far), else_=OutcomeRow.amount_minor)


def _live(*conditions):
    o = OutcomeRow
    return (select(o.uuid, o.visit_uuid, o.customer_id, CustomerRow.name, o.kind, o.created_on,
                   o.due_on, o.deadline_at, o.amount_minor, _required(), o.currency, o.body)
            .join(CustomerRow, CustomerRow.id == o.customer_id)
            .where(o.superseded_by.is_(None), o.resolved.is_(False), *conditions)
            .order_by(o.created_on, o.uuid))


def of_customer(session, customer_id: int, kinds: Iterable[str]) -> list[LiveOutcome]:
    """The customer's live outcomes of ``kinds``, oldest first."""
    stmt = _live(OutcomeRow.customer_id == customer_id, OutcomeRow.kind.in_(list(kinds)))
    return [_outcome(r) for r in session.execute(stmt)]


def in_period(session, commitments_from: date, revisits_until: date,
              customer_id: int | None = None) -> list[LiveOutcome]:
    """Live outcomes that can be followed up around today: promises and installment lines due
    from ``commitments_from`` on, every open dispute, and revisits due by ``revisits_until``."""
    o = OutcomeRow
    wanted = or_(and_(o.kind.in_(COMMITMENT_KINDS), o.due_on >= commitments_from),
                 o.kind == "dispute",
                 and_(o.kind.in_(REVISIT_KINDS), o.due_on <= revisits_until))
    where = [wanted] if customer_id is None else [o.customer_id == customer_id, wanted]
    return [_outcome(r) for r in session.execute(_live(*where))]


def payments_of(session, customer_ids: Iterable[int], since: date) -> list[PaymentLine]:
    """Payments of ``customer_ids`` made on or after ``since``."""
    ids = sorted(set(customer_ids))
    found = []
    for start in range(0, len(ids), _IDS_PER_QUERY):
        stmt = (select(PaymentRow.customer_id, PaymentRow.paid_on, PaymentRow.amount_minor,
                       PaymentRow.currency, PaymentRow.visit_uuid)
                .where(PaymentRow.customer_id.in_(ids[start:start + _IDS_PER_QUERY]),
                       PaymentRow.paid_on >= since))
        found += [PaymentLine(cid, paid_on, Money(int(minor), currency), visit)
                  for cid, paid_on, minor, currency, visit in session.execute(stmt)]
    return found


def _outcome(r) -> LiveOutcome:
    (uuid, visit_uuid, cid, name, kind, made_on, due_on, deadline, minor, required, currency,
     body) = r
    return LiveOutcome(uuid, visit_uuid, cid, name, kind, made_on, due_on,
                       datetime.fromisoformat(deadline) if deadline else None,
                       Money(minor, currency) if currency else None,
                       Money(int(required or 0), currency) if currency else None,
                       _reminder_days(kind, body))


def _reminder_days(kind: str, body: str) -> int | None:
    if kind not in COMMITMENT_KINDS:
        return None
    value = json.loads(body or "{}").get("reminder_days")
    return None if value is None else int(value)
