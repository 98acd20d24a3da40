"""The writes and reads of the demo office: collectors, assignments with their log, route
candidates and stops, in the caller's connection (one transaction)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from .tables import Base

_ROUTE_FACTS = text(
    "SELECT c.id, c.collector_id, c.province, c.district, c.address, "
    "COUNT(CASE WHEN i.due_on < :today THEN 1 END), MIN(CASE WHEN i.due_on < :today "
    "THEN i.due_on END), COALESCE(SUM(CASE WHEN i.due_on < :today THEN i.open_minor END), 0), "
    "MAX(CASE WHEN i.disputed THEN 1 ELSE 0 END) "
    "FROM customer c LEFT JOIN invoice i ON i.customer_id = c.id AND i.open_minor > 0 "
    "WHERE c.collector_id IS NOT NULL "
    "GROUP BY c.id, c.collector_id, c.province, c.district, c.address ORDER BY c.id")
_PROMISES = text(
    "SELECT customer_id, MIN(due_on) FROM outcome WHERE kind IN ('promise', 'installment') "
    "AND NOT resolved AND superseded_by IS NULL AND due_on >= :first AND due_on <= :last "
    "GROUP BY customer_id")


def places(conn) -> list[tuple[int, str, str, str]]:
    """``(id, country, province, district)`` of every customer, in id order."""
    return [tuple(r) for r in conn.exec_driver_sql(
        "SELECT id, country, province, district FROM customer ORDER BY id")]


def write_collectors(conn, rows: list[dict]) -> None:
    conn.execute(Base.metadata.tables["collector"].insert(), rows)


def assign(conn, assignments: list[dict], log: list[dict]) -> None:
    """Point customers at their collector and territory, and log each change."""
    if not assignments:
        return
    conn.execute(text("UPDATE customer SET collector_id = :collector, territory = :territory "
                      "WHERE id = :id"), assignments)
    conn.execute(Base.metadata.tables["assignment_log"].insert(), log)


def route_facts(conn, today: date, first: date, last: date) -> tuple[list[tuple], dict]:
    """Customers with a collector, with their overdue facts (none: nothing open); and the
    earliest open promise (or installment) of each customer falling due in [first, last]."""
    facts = [(*r[:6], None if r[6] is None else _day(r[6]), *r[7:])
             for r in conn.execute(_ROUTE_FACTS, {"today": today})]
    promises = {cid: _day(due) for cid, due in conn.execute(_PROMISES,
                                                              {"first": first, "last": last})}
    return facts, promises


def _day(value) -> date:
    # SQLite hands DATE columns back as text from a raw statement.
    return value if isinstance(value, date) else date.fromisoformat(value)


def replace_routes(conn, stops: list[dict]) -> None:
    """Drop the stops nobody was assigned (the laptop demo's own) and write ``stops``."""
    conn.exec_driver_sql("DELETE FROM route_stop WHERE collector_id IS NULL")
    top = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM route_stop").scalar()
    for n, stop in enumerate(stops, start=top + 1):
        stop["id"] = n
    if stops:
        conn.execute(Base.metadata.tables["route_stop"].insert(), stops)


def customer_count(conn) -> int:
    return conn.exec_driver_sql("SELECT COUNT(*) FROM customer").scalar()


def clear(conn) -> None:
    """Delete every row but the schema's version and the settings (``--replace`` on a shared
    database, which cannot be moved aside like a file), children before parents."""
    keep = {"schema_meta", "setting"}
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in keep:
            conn.execute(table.delete())
