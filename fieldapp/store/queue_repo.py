"""The work queues in SQL: the open items of each queue with their customer, collector and
record, read as frozen facts the service places in queues (oldest first)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import exists, func, not_, select
from sqlalchemy.orm import aliased

from ..domain.instants import from_text
from ..domain.money import Money
from ..domain.review import HAS_ISSUES, RECEIVED
from .tables import (CollectorRow, CustomerRow, DisputeCaseRow, OutcomeRow, ReviewRow,
                     RouteStopRow, VisitRow)

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Fact:
    """An outcome or a visit with what a queue item shows of it. ``started_at`` is the visit's
    instant in the asked zone; ``outcome`` the outcome's stored JSON ({} for a visit)."""

    key: str
    visit_uuid: str
    customer_id: int
    customer_code: str
    customer_name: str
    collector_id: str | None
    collector: str
    started_at: datetime
    answers: dict
    outcomes: list
    outcome: dict
    due_on: date | None = None
    amount: Money | None = None
    resolver: str = ""
    review_at: datetime | None = None
    review_reason: str = ""
    kind: str = ""  # the outcome's (promise, installment, dispute, refusal); "" for a visit


def _base(*extra):
    """Outcome → visit, customer, the visit's review (its collector), else the customer's."""
    k = aliased(CollectorRow)
    who = func.coalesce(ReviewRow.collector_id, CustomerRow.collector_id)
    stmt = (select(OutcomeRow.uuid, OutcomeRow.visit_uuid, OutcomeRow.customer_id,
                   CustomerRow.code, CustomerRow.name, who.label("who"), k.name.label("kname"),
                   VisitRow.started_at, VisitRow.body.label("vbody"), OutcomeRow.body,
                   OutcomeRow.due_on, OutcomeRow.amount_minor, OutcomeRow.currency,
                   OutcomeRow.kind, *extra)
            .join(VisitRow, VisitRow.uuid == OutcomeRow.visit_uuid)
            .join(CustomerRow, CustomerRow.id == OutcomeRow.customer_id)
            .outerjoin(ReviewRow, ReviewRow.visit_uuid == OutcomeRow.visit_uuid)
            .outerjoin(k, k.id == who))
    return stmt.where(OutcomeRow.superseded_by.is_(None), OutcomeRow.resolved.is_(False))


def _fact(r, zone: tzinfo, resolver: str = "") -> Fact:
    body = json.loads(r.vbody or "{}")
    amount = Money(int(r.amount_minor), r.currency) if r.currency else None
    due = r.due_on if r.due_on is None or isinstance(r.due_on, date) else \
        date.fromisoformat(r.due_on)
    return Fact(r.uuid, r.visit_uuid, r.customer_id, r.code, r.name, r.who, r.kname or "",
                from_text(r.started_at, zone), body.get("answers") or {},
                body.get("outcomes") or [], json.loads(r.body or "{}"), due, amount, resolver,
                kind=r.kind)


def open_disputes(session, zone: tzinfo) -> list[Fact]:
    """Live disputes not resolved yet, with the resolver assigned (if any)."""
    stmt = (_base(DisputeCaseRow.resolver)
            .outerjoin(DisputeCaseRow, DisputeCaseRow.outcome_uuid == OutcomeRow.uuid)
            .where(OutcomeRow.kind == "dispute"))
    return [_fact(r, zone, r.resolver or "") for r in session.execute(stmt)]


def legal_refusals(session, zone: tzinfo) -> list[Fact]:
    """Live refusals whose next step is the legal route and no one handed over yet."""
    stmt = _base().where(OutcomeRow.kind == "refusal", OutcomeRow.body.like("%legal_route%"))
    found = [_fact(r, zone) for r in session.execute(stmt)]
    return [f for f in found if f.outcome.get("next_step") == "legal_route"]


def outcome_facts(session, uuids: list[str], zone: tzinfo) -> list[Fact]:
    """The facts of the outcomes named (promises and installment lines the service judged)."""
    out = []
    for start in range(0, len(uuids), _CHUNK):
        stmt = _base().where(OutcomeRow.uuid.in_(uuids[start:start + _CHUNK]))
        out += [_fact(r, zone) for r in session.execute(stmt)]
    return out


def _visits(session, zone: tzinfo, where) -> list[Fact]:
    k = aliased(CollectorRow)
    later = aliased(VisitRow)
    stmt = (select(ReviewRow.visit_uuid, ReviewRow.customer_id, CustomerRow.code,
                   CustomerRow.name, ReviewRow.collector_id, k.name.label("kname"),
                   VisitRow.started_at, VisitRow.body, ReviewRow.state_at, ReviewRow.reason)
            .join(VisitRow, VisitRow.uuid == ReviewRow.visit_uuid)
            .join(CustomerRow, CustomerRow.id == ReviewRow.customer_id)
            .outerjoin(k, k.id == ReviewRow.collector_id)
            .where(*where, not_(exists().where(later.amends == ReviewRow.visit_uuid))))
    out = []
    for r in session.execute(stmt):
        body = json.loads(r.body or "{}")
        out.append(Fact(r.visit_uuid, r.visit_uuid, r.customer_id, r.code, r.name,
                        r.collector_id, r.kname or "", from_text(r.started_at, zone),
                        body.get("answers") or {}, body.get("outcomes") or [], {},
                        review_at=from_text(r.state_at, zone) if r.state_at else None,
                        review_reason=r.reason or ""))
    return out


def noted_visits(session, zone: tzinfo) -> list[Fact]:
    """Records not reviewed yet whose collector left a note to the supervisor (canonical JSON:
    an empty note is spelt ``"supervisor_note":""``); an amended record's note is its
    amendment's."""
    return _visits(session, zone, (ReviewRow.state == RECEIVED,
                                   VisitRow.body.like('%"supervisor_note":"%'),
                                   not_(VisitRow.body.like('%"supervisor_note":""%'))))


def visits_with_issues(session, zone: tzinfo) -> list[Fact]:
    return _visits(session, zone, (ReviewRow.state == HAS_ISSUES,))


def next_stops(session, customer_ids, today: date) -> dict[int, date]:
    """Each customer's next day on a collector's route, from ``today`` on (none: not planned)."""
    ids, found = sorted(set(customer_ids)), {}
    for start in range(0, len(ids), _CHUNK):
        found.update(session.execute(
            select(RouteStopRow.customer_id, func.min(RouteStopRow.route_date))
            .where(RouteStopRow.customer_id.in_(ids[start:start + _CHUNK]),
                   RouteStopRow.route_date >= today)
            .group_by(RouteStopRow.customer_id)).all())
    return {cid: day if isinstance(day, date) else date.fromisoformat(day)
            for cid, day in found.items()}


def dispute_ids_like(session, typed: str) -> list[str]:
    """Open or resolved disputes whose id starts with ``typed``."""
    return list(session.execute(select(OutcomeRow.uuid).where(
        OutcomeRow.kind == "dispute", OutcomeRow.uuid.like(f"{typed}%"))
        .order_by(OutcomeRow.uuid).limit(5)).scalars())


def is_live(session, uuid: str, kind: str) -> bool:
    return session.execute(select(OutcomeRow.uuid).where(
        OutcomeRow.uuid == uuid, OutcomeRow.kind == kind,
        OutcomeRow.superseded_by.is_(None))).first() is not None


def hand_over(session, uuid: str) -> bool:
    """A refusal handed over to the legal route leaves the queue (``resolved``)."""
    row = session.get(OutcomeRow, uuid)
    if row is None or row.kind != "refusal" or row.resolved or row.superseded_by:
        return False
    row.resolved = True
    return True

