"""The assignment log: one row per customer whose collector changed, grouped by batch."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text

from ..domain.collectors import AssignmentBatch, AssignmentChange
from ..domain.ids import new_id
from ..domain.instants import UTC, from_text, to_text


_COLUMNS = "id, batch_id, at, actor, customer_id, from_collector, to_collector"


def write(session, batch_id: str, at: str, actor: str,
          moves: list[tuple[int, str | None, str | None]]) -> None:
    """Log ``(customer id, from collector, to collector)`` of one batch: one executemany of
    plain tuples straight to the driver (a district can be thousands of customers; SQLAlchemy's
    per-row parameter handling would cost several times the insert itself)."""
    if not moves:
        return
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        f"INSERT INTO assignment_log ({_COLUMNS}) VALUES ({', '.join([mark] * 7)})",
        [(new_id(), batch_id, at, actor, int(cid), old, new) for cid, old, new in moves])


def apply(session, batch_id: str) -> None:
    """Give each customer of the batch the collector its log row names: one joined statement
    for a batch of any size (SQLite has UPDATE … FROM since 3.33; a correlated subquery per
    customer can turn quadratic on PostgreSQL before the log's statistics exist)."""
    session.connection().execute(text(
        "UPDATE customer SET collector_id = l.to_collector FROM assignment_log l "
        "WHERE l.batch_id = :batch AND l.customer_id = customer.id"), {"batch": batch_id})


def next_at(session, now: datetime) -> str:
    """The stamp of a new batch: now, or one second after the latest batch when that is not
    earlier. Stamps have whole seconds; keeping them increasing keeps the log's order (and what
    an undo may undo) clear when batches follow each other within a second. Asked after the
    customers are locked, so a batch that waited for another is stamped after it."""
    latest = session.connection().execute(text("SELECT MAX(at) FROM assignment_log")).scalar()
    stamp = to_text(now)
    if latest is not None and latest >= stamp:
        stamp = to_text(from_text(latest, UTC) + timedelta(seconds=1))
    return stamp


def batch_rows(session, batch_id: str) -> list[tuple[int, str | None, str | None, str | None, str]]:
    """``(customer id, from, to, undone_by, at)`` of a batch, locked on PostgreSQL so two
    supervisors cannot undo it twice."""
    conn = session.connection()
    lock = "" if conn.dialect.name == "sqlite" else " FOR UPDATE"
    return [tuple(r) for r in conn.execute(text(
        "SELECT customer_id, from_collector, to_collector, undone_by, at FROM assignment_log "
        f"WHERE batch_id = :batch ORDER BY customer_id{lock}"), {"batch": batch_id})]


def changed_since(session, batch_id: str, at: str, customer_ids: list[int]) -> set[int]:
    """Customers of ``customer_ids`` that another batch logged after ``at``."""
    conn = session.connection()
    found: set[int] = set()
    ids = sorted(customer_ids)
    for start in range(0, len(ids), 900):
        id_list = ",".join(str(int(i)) for i in ids[start:start + 900])
        found.update(int(r[0]) for r in conn.execute(text(
            f"SELECT DISTINCT customer_id FROM assignment_log WHERE customer_id IN ({id_list}) "
            "AND batch_id != :batch AND at > :at"), {"batch": batch_id, "at": at}))
    return found


def mark_undone(session, batch_id: str, undo_batch_id: str) -> None:
    session.connection().execute(text(
        "UPDATE assignment_log SET undone_by = :undo WHERE batch_id = :batch"),
        {"undo": undo_batch_id, "batch": batch_id})


_CHANGES = """
SELECT l.id, l.batch_id, l.at, l.actor, l.customer_id, c.code, c.name, l.from_collector,
       COALESCE(f.name, ''), l.to_collector, COALESCE(t.name, ''), l.undone_by
FROM assignment_log l JOIN customer c ON c.id = l.customer_id
LEFT JOIN collector f ON f.id = l.from_collector LEFT JOIN collector t ON t.id = l.to_collector
WHERE {where} ORDER BY l.at DESC, l.batch_id, c.code LIMIT :limit"""


def changes(session, customer_id: int | None = None, batch_id: str | None = None,
            limit: int = 500) -> list[AssignmentChange]:
    """Logged changes, newest first: all, one customer's, or one batch's."""
    conds, params = [], {"limit": limit}
    if customer_id is not None:
        conds.append("l.customer_id = :customer")
        params["customer"] = int(customer_id)
    if batch_id is not None:
        conds.append("l.batch_id = :batch")
        params["batch"] = batch_id
    rows = session.connection().execute(
        text(_CHANGES.format(where=" AND ".join(conds) or "1 = 1")), params).all()
    return [AssignmentChange(r[0], r[1], from_text(r[2], UTC), r[3], int(r[4]), r[5], r[6],
                             r[7], r[8], r[9], r[10], r[11]) for r in rows]


_BATCHES = """
SELECT l.batch_id, MIN(l.at), MIN(l.actor), COUNT(*), MIN(l.undone_by)
FROM assignment_log l GROUP BY l.batch_id ORDER BY MIN(l.at) DESC, l.batch_id LIMIT :limit"""
_TARGETS = """
SELECT DISTINCT l.batch_id, COALESCE(t.name, '') FROM assignment_log l
LEFT JOIN collector t ON t.id = l.to_collector WHERE l.batch_id IN ({marks})"""


def batches(session, limit: int = 200) -> list[AssignmentBatch]:
    """The latest batches, newest first, each with the collectors it assigned to and the
    batch it undid (the one whose ``undone_by`` names it)."""
    conn = session.connection()
    rows = conn.execute(text(_BATCHES), {"limit": limit}).all()
    if not rows:
        return []
    params = {f"b{i}": r[0] for i, r in enumerate(rows)}
    marks = ", ".join(f":{k}" for k in params)
    targets: dict[str, list[str]] = {}
    for bid, name in conn.execute(text(_TARGETS.format(marks=marks)), params):
        targets.setdefault(bid, []).append(name)
    undid = dict(conn.execute(text(
        f"SELECT DISTINCT undone_by, batch_id FROM assignment_log WHERE undone_by IN ({marks})"),
        params).all())
    return [AssignmentBatch(r[0], from_text(r[1], UTC), r[2], int(r[3]),
                            tuple(sorted(targets.get(r[0], []))), r[4], undid.get(r[0]))
            for r in rows]
