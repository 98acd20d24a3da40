"""The office's routes: a collector's stops of a day, and what a route is suggested from."""

# An office stop names its collector; rows without one are a laptop's own route (schema 9) and
# are never read or replaced here.

from __future__ import annotations

from datetime import date, time

from sqlalchemy import delete, func, select, text

from ..domain.address import full_address
from ..domain.commitments import LiveOutcome
from ..domain.money import Money
from ..domain.records import RouteStop
from ..domain.routes import Collector
from ..i18n.folding import query_terms
from . import followup_repo, hot, queries
from .tables import CollectorRow, ContactRow, CustomerRow, RouteStopRow

_MINE = "o.customer_id IN (SELECT id FROM customer WHERE collector_id = :collector)"


def collectors(session) -> list[Collector]:
    """Every collector, by name."""
    rows = session.execute(select(CollectorRow).order_by(CollectorRow.name)).scalars()
    return [_collector(r) for r in rows]


def collector(session, collector_id: str) -> Collector | None:
    row = session.get(CollectorRow, collector_id)
    return _collector(row) if row is not None else None


def _collector(r) -> Collector:
    return Collector(r.id, r.name, r.phone, r.language, bool(r.active))


def day_stops(session, collector_id: str, day: date) -> list[RouteStop]:
    """The collector's stops of ``day`` in visiting order, each customer as of that day."""
    stops = session.execute(
        select(RouteStopRow).where(RouteStopRow.collector_id == collector_id,
                                   RouteStopRow.route_date == day)
        .order_by(RouteStopRow.seq)).scalars().all()
    ids = [s.customer_id for s in stops]
    by_id = {c.id: c for c in queries.summaries(session.connection(), ids, day)}
    return [RouteStop(s.route_date, s.seq, _time(s.planned_time), s.purpose, by_id[s.customer_id])
            for s in stops if s.customer_id in by_id]


def _time(value: str) -> time | None:
    try:
        return time.fromisoformat(value) if value else None
    except ValueError:
        return None


def replace_day(session, collector_id: str, day: date,
                stops: list[tuple[int, str, str]]) -> None:
    """The collector's stops of ``day`` become ``stops`` ((customer id, 'HH:MM', purpose) in
    visiting order). Ids are max + 1 (the table has no sequence): on PostgreSQL the table is
    locked against other writers of stops until the caller's transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE route_stop IN SHARE ROW EXCLUSIVE MODE"))
    session.execute(delete(RouteStopRow).where(RouteStopRow.collector_id == collector_id,
                                               RouteStopRow.route_date == day))
    first = (session.scalar(select(func.max(RouteStopRow.id))) or 0) + 1
    session.add_all(RouteStopRow(id=first + n, route_date=day, seq=n + 1, customer_id=cid,
                                 planned_time=planned, purpose=purpose, collector_id=collector_id)
                    for n, (cid, planned, purpose) in enumerate(stops))
    session.flush()


def assigned(session, collector_id: str, customer_ids) -> set[int]:
    """Those of ``customer_ids`` that are the collector's customers."""
    ids = sorted({int(i) for i in customer_ids})
    if not ids:
        return set()
    rows = session.execute(select(CustomerRow.id).where(CustomerRow.collector_id == collector_id,
                                                        CustomerRow.id.in_(ids)))
    return {cid for (cid,) in rows}


def customer_ids_by_code(session, codes) -> dict[str, int]:
    rows = session.execute(select(CustomerRow.code, CustomerRow.id)
                           .where(CustomerRow.code.in_(list(codes))))
    return dict(rows.all())


def promises_due(session, collector_id: str, since: date, day: date) -> list[LiveOutcome]:
    """Live promises and installment lines of the collector's customers due from ``since``
    to ``day``."""
    where = (f"{_MINE} AND o.kind IN ('promise', 'installment') AND o.due_on >= :lo "
             "AND o.due_on <= :hi")
    return followup_repo.live_where(session, where, {
        "collector": collector_id, "lo": followup_repo.bind_day(session, since),
        "hi": followup_repo.bind_day(session, day)})


def commitments_of(session, customer_ids) -> list[LiveOutcome]:
    """Every live promise and installment line of ``customer_ids`` (to share payments out)."""
    ids = ",".join(str(int(i)) for i in sorted(set(customer_ids))) or "NULL"
    return followup_repo.live_where(
        session, f"o.customer_id IN ({ids}) AND o.kind IN ('promise', 'installment')")


def revisits_and_disputes(session, collector_id: str, since: date,
                          day: date) -> list[LiveOutcome]:
    """Live revisits (absences, follow-ups) of the collector's customers due from ``since`` to
    ``day``, and their open disputes."""
    where = (f"{_MINE} AND ((o.kind IN ('absent', 'follow_up') AND o.due_on >= :lo "
             "AND o.due_on <= :hi) OR o.kind = 'dispute')")
    return followup_repo.live_where(session, where, {
        "collector": collector_id, "lo": followup_repo.bind_day(session, since),
        "hi": followup_repo.bind_day(session, day)})


def last_visit_days(session, customer_ids) -> dict[int, date]:
    """The day (UTC) of each customer's latest final visit or call."""
    ids = ",".join(str(int(i)) for i in sorted(set(customer_ids)))
    if not ids:
        return {}
    rows = hot.fetch(session.connection(),
                     f"SELECT customer_id, MAX(started_at) FROM visit WHERE status = 'final' "
                     f"AND customer_id IN ({ids}) GROUP BY customer_id")
    return {cid: date.fromisoformat(at[:10]) for cid, at in rows if at}


_OVERDUE = """
SELECT i.customer_id, i.currency, SUM(i.open_minor), MIN(i.due_on)
FROM invoice i JOIN customer c ON c.id = i.customer_id
WHERE c.collector_id = :collector AND i.open_minor > 0 AND i.due_on < :day
GROUP BY i.customer_id, i.currency"""


def overdue(session, collector_id: str, day: date) -> list[tuple[int, Money, date]]:
    """(customer, overdue amount, oldest due date) per customer and currency on ``day``."""
    rows = hot.fetch(session.connection(), _OVERDUE, {
        "collector": collector_id, "day": followup_repo.bind_day(session, day)})
    return [(cid, Money(int(minor), currency), _day(oldest))
            for cid, currency, minor, oldest in rows]


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def details(session, customer_ids) -> dict[int, tuple[str, str, str]]:
    """(address, right-party contact, their phone) by customer: the contact with authority to
    pay first, else the first contact, else the customer's own phone."""
    ids = sorted({int(i) for i in customer_ids})
    if not ids:
        return {}
    found = {}
    for row in session.execute(select(CustomerRow).where(CustomerRow.id.in_(ids))).scalars():
        place = full_address(row.address, row.district, row.province, row.country)
        found[row.id] = (place, "", row.phone)
    contacts = session.execute(
        select(ContactRow).where(ContactRow.customer_id.in_(ids))
        .order_by(ContactRow.customer_id, ContactRow.authority_to_pay.desc(), ContactRow.id))
    seen: set[int] = set()
    for c in contacts.scalars():
        if c.customer_id not in seen:
            seen.add(c.customer_id)
            place, _name, phone = found[c.customer_id]
            found[c.customer_id] = (place, c.name, c.phone or phone)
    return found


def search(session, collector_id: str, query: str, limit: int = 50) -> list[int]:
    """Ids of the collector's customers whose folded name, code, phones or contacts hold every
    word of ``query`` (all of them for a blank one), by name."""
    conn = session.connection()
    params: dict = {"collector": collector_id, "limit": limit}
    conds = ["c.collector_id = :collector"]
    has = "instr({}, :{}) > 0" if conn.dialect.name == "sqlite" else "strpos({}, :{}) > 0"
    for n, term in enumerate(query_terms(query)):
        params[f"t{n}"] = term
        conds.append(has.format("s.doc", f"t{n}"))
    sql = (f"SELECT c.id FROM customer c JOIN customer_search s ON s.customer_id = c.id "
           f"WHERE {' AND '.join(conds)} ORDER BY s.name, c.id LIMIT :limit")
    return [cid for (cid,) in hot.fetch(conn, sql, params)]
