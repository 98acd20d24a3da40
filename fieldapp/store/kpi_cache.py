"""The KPI dashboard's kept sums: made again for the collectors the triggers marked stale
(schema 19), read by the dashboard instead of every invoice, payment and promise."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from ..domain.commitments import LiveOutcome
from . import followup_repo

ALL = "*"
OPEN_END = date(9999, 12, 31)
_CHUNK = 900

# What an invoice held, and over which days (a day d counts it when start_on <= d < end_on):
# an open one its open balance from the day issued on; each allocation its amount from the
# invoice's day until the payment's day (or the day an export closed the invoice, if before);
# a closed invoice what no allocation covered, until the day it was closed. The balance on a
# day is then the open balance now plus what was paid after the day, plus what a later export
# closed. ``{who}`` limits the collectors made again.
_SPANS = """
INSERT INTO kpi_span (collector_id, currency, start_on, end_on, due_on, minor)
SELECT who, cur, s, e, due, SUM(minor) FROM (
  SELECT COALESCE(c.collector_id, '') AS who, i.currency AS cur, i.issued_on AS s,
         {open_end} AS e, i.due_on AS due, i.open_minor AS minor
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  WHERE i.open_minor > 0 AND i.closed_on IS NULL {who}
  UNION ALL
  SELECT COALESCE(c.collector_id, ''), i.currency, i.issued_on,
         CASE WHEN i.closed_on IS NOT NULL AND i.closed_on < p.paid_on THEN i.closed_on
              ELSE p.paid_on END,
         i.due_on, a.amount_minor
  FROM payment p JOIN allocation a ON a.payment_id = p.id
  JOIN invoice i ON i.id = a.invoice_id JOIN customer c ON c.id = i.customer_id
  WHERE 1 = 1 {who}
  UNION ALL
  SELECT COALESCE(c.collector_id, ''), i.currency, i.issued_on, i.closed_on, i.due_on,
         i.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocation a
                                    WHERE a.invoice_id = i.id), 0)
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  WHERE i.closed_on IS NOT NULL {who}) x
WHERE s < e
GROUP BY who, cur, s, e, due"""


def stale(session) -> set[str]:
    """The collectors ('' unassigned, '*' all) whose sums are stale; on PostgreSQL the rows are
    locked, so two refreshes never make the same sums twice."""
    conn = session.connection()
    lock = " FOR UPDATE" if conn.dialect.name == "postgresql" else ""
    return {r[0] for r in conn.exec_driver_sql(f"SELECT collector_id FROM kpi_stale{lock}")}


def remake_spans(session, who: set[str]) -> None:
    """Drop and make again the spans of the collectors ``who`` (ALL: everyone's)."""
    conn = session.connection()
    open_end = (f"'{OPEN_END.isoformat()}'" if conn.dialect.name == "sqlite"
                else f"DATE '{OPEN_END.isoformat()}'")
    if ALL in who:
        conn.exec_driver_sql("DELETE FROM kpi_span")
        limit, params = "", {}
    else:
        params = {f"w{n}": w for n, w in enumerate(sorted(who))}
        marks = ", ".join(f":{k}" for k in params)
        conn.execute(text(f"DELETE FROM kpi_span WHERE collector_id IN ({marks})"), params)
        limit = f"AND COALESCE(c.collector_id, '') IN ({marks})"
    conn.execute(text(_SPANS.format(open_end=open_end, who=limit)), params)


def live_commitments(session, who: set[str]) -> list[LiveOutcome]:
    """Every live promise and installment line of the customers of ``who`` (ALL: everyone)."""
    where = "o.kind IN ('promise', 'installment')"
    params = {}
    if ALL not in who:
        params = {f"w{n}": w for n, w in enumerate(sorted(who))}
        marks = ", ".join(f":{k}" for k in params)
        where += (" AND o.customer_id IN (SELECT id FROM customer WHERE "
                  f"COALESCE(collector_id, '') IN ({marks}))")
    return followup_repo.live_where(session, where, params)


def replace_taken(session, who: set[str], taken: dict[str, int],
                  commitments: list[LiveOutcome]) -> None:
    """What each commitment took, for the customers of ``who`` (ALL: everyone); nothing is
    kept for one that took nothing."""
    conn = session.connection()
    if ALL in who:
        conn.exec_driver_sql("DELETE FROM kpi_taken")
    else:
        params = {f"w{n}": w for n, w in enumerate(sorted(who))}
        marks = ", ".join(f":{k}" for k in params)
        conn.execute(text("DELETE FROM kpi_taken WHERE customer_id IN (SELECT id FROM customer "
                          f"WHERE COALESCE(collector_id, '') IN ({marks}))"), params)
    rows = [{"u": c.uuid, "c": c.customer_id, "t": taken[c.uuid]} for c in commitments
            if taken.get(c.uuid)]
    if rows:
        conn.execute(text("INSERT INTO kpi_taken (outcome_uuid, customer_id, taken_minor) "
                          "VALUES (:u, :c, :t)"), rows)


def done(session, who: set[str]) -> None:
    """The collectors ``who`` are no longer stale (those marked since stay marked)."""
    params = {f"w{n}": w for n, w in enumerate(sorted(who))}
    if params:
        marks = ", ".join(f":{k}" for k in params)
        session.connection().execute(
            text(f"DELETE FROM kpi_stale WHERE collector_id IN ({marks})"), params)


def mark_all(session) -> None:
    """Every sum is stale (a from-scratch build on the next refresh)."""
    session.connection().exec_driver_sql(
        "INSERT INTO kpi_stale (collector_id) SELECT '*' WHERE NOT EXISTS "
        "(SELECT 1 FROM kpi_stale WHERE collector_id = '*')")
