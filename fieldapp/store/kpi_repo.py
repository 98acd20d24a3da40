"""Reads of the KPI dashboard: each returns a few grouped rows (by collector, currency, day)
computed by the database, never the invoices, payments or visits themselves."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import text

from ..domain.instants import to_text
from . import kpi_sql


def _day(conn, day: date):
    return day.isoformat() if conn.dialect.name == "sqlite" else day


def _literal(conn, day: date) -> str:
    return f"'{day.isoformat()}'" if conn.dialect.name == "sqlite" else f"DATE '{day.isoformat()}'"


def _as_day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _run(session, sql: str, params: dict, collector_id: str | None) -> list[tuple]:
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # Compiling these few statements (JIT) costs more than it saves: ~0.9 s each, measured
        # on the bench office.
        conn.exec_driver_sql("SET LOCAL jit = off")
    sql = sql.replace("{scope}", "AND x.collector_id = :cid" if collector_id else "")
    sql = sql.replace("{customer_scope}", "AND c.collector_id = :cid" if collector_id else "")
    for key, fragment in kpi_sql.DIALECT[conn.dialect.name].items():
        sql = sql.replace("{" + key + "}", fragment)
    if collector_id:
        params = {**params, "cid": collector_id}
    # Kept sums name the unassigned customers' collector '', the rows NULL.
    return [(r[0] or None, *r[1:]) for r in conn.execute(text(sql), params).fetchall()]


def sales_by_month(session, since: date, lo: date, hi: date, collector_id=None) -> list[tuple]:
    """(collector, currency, 'YYYY-MM', the month's credit sales from ``since``, the part
    issued from ``lo``) for invoices issued from ``since`` to ``hi``."""
    conn = session.connection()
    return _run(session, kpi_sql.SALES, {"since": _day(conn, since), "lo": _day(conn, lo),
                                         "hi": _day(conn, hi)}, collector_id)


def balances(session, days: list[date], collector_id=None) -> list[tuple]:
    """(collector, currency, index of the day in ``days``, aging bucket 0–4, balance) of the
    receivables open at the end of each day."""
    conn = session.connection()
    snaps = ", ".join(f"({k}, {_literal(conn, d)})" for k, d in enumerate(days))
    return [(who, cur, int(k), int(b), int(minor))
            for who, cur, k, b, minor, items in _run(session, kpi_sql.balances(snaps), {},
                                                     collector_id)
            if items]


def collected(session, lo: date, hi: date, collector_id=None) -> list[tuple]:
    """(collector, currency, day, money received, of it taken on a visit)."""
    conn = session.connection()
    return [(who, cur, _as_day(d), int(total), int(site)) for who, cur, d, total, site in
            _run(session, kpi_sql.COLLECTED, {"lo": _day(conn, lo), "hi": _day(conn, hi)},
                 collector_id)]


def contacts(session, lo_at: datetime, hi_at: datetime, offset_minutes: int,
             collector_id=None) -> list[tuple]:
    """(collector, 'visit' or 'call', local day, records, of them with the right party) of
    the final records started in [lo_at, hi_at); the day is the instant plus the offset."""
    # Kept by quarter hour: whole slots make the period only if its midnight is on one.
    sql = kpi_sql.CONTACTS if offset_minutes % 15 == 0 else kpi_sql.CONTACTS_OF_RECORDS
    rows = _run(session, sql, {"lo_at": _instant(lo_at), "hi_at": _instant(hi_at),
                               "offset": f"{offset_minutes:+d} minutes"}, collector_id)
    return [(who, kind, _as_day(d), int(n), int(rpc or 0)) for who, kind, d, n, rpc in rows]


def promises_made(session, lo: date, hi: date, collector_id=None) -> list[tuple]:
    """(collector, 'promise' or 'installment_plan', how many made in the period)."""
    conn = session.connection()
    return [(who, kind, int(n)) for who, kind, n in
            _run(session, kpi_sql.PROMISES_MADE, {"lo": _day(conn, lo), "hi": _day(conn, hi)},
                 collector_id)]


def due_commitments(session, lo: date, hi: date, collector_id=None) -> list[tuple]:
    """(collector, amount, due day, what it took of the payments, how many) of the live
    promises and installment lines falling due in [lo, hi]."""
    conn = session.connection()
    return [(who, int(minor), _as_day(due), int(taken), int(n)) for who, minor, due, taken, n in
            _run(session, kpi_sql.DUE_COMMITMENTS, {"lo": _day(conn, lo), "hi": _day(conn, hi)},
                 collector_id)]


def disputes(session, lo: date, hi: date, lo_at: datetime, hi_at: datetime,
             collector_id=None) -> tuple[list[tuple], list[tuple]]:
    """(collector, disputes recorded in the period) and (collector, resolved in it, seconds
    from recorded to resolved, summed)."""
    conn = session.connection()
    opened = _run(session, kpi_sql.DISPUTES_OPENED, {"lo": _day(conn, lo), "hi": _day(conn, hi)},
                  collector_id)
    resolved = _run(session, kpi_sql.DISPUTES_RESOLVED,
                    {"lo_at": _instant(lo_at), "hi_at": _instant(hi_at)}, collector_id)
    return opened, [(who, int(n), int(s or 0)) for who, n, s in resolved]


def open_by_currency(session) -> dict[str, int]:
    """How many receivables are open now in each currency."""
    rows = session.connection().execute(text(kpi_sql.OPEN_BY_CURRENCY))
    return {cur: int(n) for cur, n in rows if n}


def collector_names(session) -> dict[str, str]:
    return dict(session.execute(text("SELECT id, name FROM collector")).all())


def collector_id(session, name: str) -> str | None:
    return session.execute(text("SELECT id FROM collector WHERE name = :n"),
                           {"n": name}).scalar()


def _instant(moment: datetime) -> str:
    return to_text(moment)  # UTC text: compares with the stored instants as text
