"""Which customers a filter means, who visits them, and the assignment log: read and written."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from ..domain.collectors import AssignedCustomer
from ..domain.commitments import LiveOutcome
from ..domain.money import Money
from ..domain.office_filters import CustomerFilter
from . import followup_repo, hot
from .customer_filter import filter_sql

_IDS_PER_QUERY = 900  # ids inlined per statement: short statements whatever the batch size


def _id_list(ids) -> str:
    return ",".join(str(int(i)) for i in ids)


def _chunks(ids: list[int]):
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield ids[start:start + _IDS_PER_QUERY]


def count(session, wanted: CustomerFilter, today: date) -> int:
    conn = session.connection()
    where = filter_sql(wanted, today, conn.dialect.name)
    return int(conn.execute(text(f"SELECT COUNT(*) FROM customer c WHERE {where.where}"),
                            where.params).scalar())


def holders(session, wanted: CustomerFilter, today: date) -> list[tuple[int, str | None]]:
    """``(customer id, collector id)`` of every match, in id order, locked for this
    transaction on PostgreSQL: a second supervisor's batch waits, then sees ours."""
    conn = session.connection()
    where = filter_sql(wanted, today, conn.dialect.name)
    lock = "" if conn.dialect.name == "sqlite" else " FOR UPDATE OF c"
    sql = f"SELECT c.id, c.collector_id FROM customer c WHERE {where.where} ORDER BY c.id{lock}"
    return [(int(cid), col) for cid, col in conn.execute(text(sql), where.params)]


def holders_of(session, customer_ids) -> list[tuple[int, str | None]]:
    """``(customer id, collector id)`` of the given customers, locked like ``holders``."""
    conn = session.connection()
    lock = "" if conn.dialect.name == "sqlite" else " FOR UPDATE"
    found = []
    for chunk in _chunks(sorted({int(i) for i in customer_ids})):
        found += conn.execute(text(f"SELECT id, collector_id FROM customer WHERE id IN "
                                   f"({_id_list(chunk)}) ORDER BY id{lock}")).all()
    return [(int(cid), col) for cid, col in found]


def ids_by_code(session, codes) -> dict[str, int]:
    """Customer ids of the codes that exist (exact codes)."""
    conn = session.connection()
    wanted = list(dict.fromkeys(codes))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        part = {f"k{i}": code for i, code in enumerate(wanted[start:start + _IDS_PER_QUERY])}
        marks = ", ".join(f":{k}" for k in part)
        found.update(conn.execute(text(f"SELECT code, id FROM customer WHERE code IN ({marks})"),
                                  part).all())
    return found


def codes_of(session, customer_ids) -> list[str]:
    ids = sorted({int(i) for i in customer_ids})
    codes: list[str] = []
    for chunk in _chunks(ids):
        codes += [r[0] for r in session.connection().execute(
            text(f"SELECT code FROM customer WHERE id IN ({_id_list(chunk)})"))]
    return codes


_LIST = """
SELECT c.id, c.code, c.name, c.district, c.province, c.territory, c.collector_id,
       COALESCE(k.name, '') FROM customer c LEFT JOIN collector k ON k.id = c.collector_id
WHERE {where}{after} ORDER BY c.code LIMIT :limit"""
_OVERDUE = """
SELECT i.customer_id, i.currency, SUM(i.open_minor) FROM invoice i
WHERE i.customer_id IN ({ids}) AND i.open_minor != 0 AND i.due_on < :today
GROUP BY i.customer_id, i.currency ORDER BY i.customer_id, i.currency"""


def customers(session, wanted: CustomerFilter, today: date, limit: int,
              after_code: str | None = None) -> list[AssignedCustomer]:
    """Up to ``limit`` matches in code order after ``after_code``, with their overdue balances."""
    conn = session.connection()
    where = filter_sql(wanted, today, conn.dialect.name)
    params = {**where.params, "limit": limit}
    after = ""
    if after_code is not None:
        params["after_code"], after = after_code, " AND c.code > :after_code"
    rows = conn.execute(text(_LIST.format(where=where.where, after=after)), params).all()
    overdue: dict[int, list[Money]] = {}
    if rows:
        day = today.isoformat() if conn.dialect.name == "sqlite" else today
        for cid, currency, minor in conn.execute(
                text(_OVERDUE.format(ids=_id_list(r[0] for r in rows))), {"today": day}):
            overdue.setdefault(int(cid), []).append(Money(int(minor), currency))
    return [AssignedCustomer(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                             tuple(overdue.get(int(r[0]), ()))) for r in rows]


def open_follow_ups(session, collector_id: str) -> list[LiveOutcome]:
    """The live outcomes (promises and installment lines not yet judged, open disputes,
    revisits) of the customers this collector visits now, oldest first: they follow the
    customer, so a reassigned customer's promises show on the new collector's list."""
    where = ("o.customer_id IN (SELECT c.id FROM customer c WHERE c.collector_id = "
             ":collector)")
    rows = hot.fetch(session.connection(), followup_repo._LIVE.format(where=where),
                     {"collector": collector_id})
    return [followup_repo._outcome(r) for r in rows]
