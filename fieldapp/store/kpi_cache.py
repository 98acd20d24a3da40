"""The KPI dashboard's kept sums (schema 19), made again for the collectors the triggers marked
stale: each from the rows the dashboard once summed itself (statements in kpi_cache_sql)."""

from __future__ import annotations

from sqlalchemy import text

from ..domain.commitments import LiveOutcome
from . import followup_repo
from .kpi_cache_sql import CONTACTS, DAYS, MADE, balances, dialect

ALL = "*"
KEPT = ("kpi_balance", "kpi_day", "kpi_made", "kpi_contact")


REFRESH_LOCK = 0x6B70695F  # PostgreSQL advisory lock: one refresh at a time, writers never wait
_READ = "kpi_stale_read"  # session.info: the marks (row addresses) this refresh read


def stale(session) -> set[str]:
    """The collectors ('' unassigned, '*' all) whose sums are stale. On PostgreSQL one refresh
    runs at a time (an advisory lock), and ``done`` deletes exactly the marks read here: a
    writer marking a collector meanwhile leaves a new mark for the next refresh."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return {r[0] for r in conn.exec_driver_sql("SELECT collector_id FROM kpi_stale")}
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REFRESH_LOCK})
    rows = conn.exec_driver_sql("SELECT ctid::text, collector_id FROM kpi_stale").all()
    session.info[_READ] = [r[0] for r in rows]
    return {r[1] for r in rows}


def any_stale(session) -> bool:
    """Whether some sums are stale: a read that takes no lock."""
    return session.connection().exec_driver_sql(
        "SELECT 1 FROM kpi_stale LIMIT 1").first() is not None


def _who(who: set[str]) -> tuple[dict, str]:
    """Parameters and a list of their marks for the collectors ``who``."""
    params = {f"w{n}": w for n, w in enumerate(sorted(who))}
    return params, ", ".join(f":{k}" for k in params)


def remake_sums(session, who: set[str]) -> None:
    """Drop and make again the balances, daily sums and records of ``who`` (ALL: everyone)."""
    conn = session.connection()
    if ALL in who:
        params, only = {}, ""
        for table in (*KEPT, "kpi_commitment"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    else:
        params, marks = _who(who)
        only = f"AND COALESCE(c.collector_id, '') IN ({marks})"
        for table in KEPT:
            conn.execute(text(f"DELETE FROM {table} WHERE collector_id IN ({marks})"), params)
    fragments = dialect(conn.dialect.name)
    for sql in (balances(conn.dialect.name), DAYS, MADE, CONTACTS):
        conn.execute(text(sql.format(who=only, **fragments)), params)


def live_commitments(session, who: set[str]) -> tuple[list[LiveOutcome], dict[int, str]]:
    """Every live promise and installment line of the customers of ``who`` (ALL: everyone),
    and the collector of each of those customers."""
    where = "o.kind IN ('promise', 'installment')"
    params, owners_sql = {}, "SELECT id, COALESCE(collector_id, '') FROM customer"
    if ALL not in who:
        params, marks = _who(who)
        owners_sql += f" WHERE COALESCE(collector_id, '') IN ({marks})"
        where += (" AND o.customer_id IN (SELECT id FROM customer WHERE "
                  f"COALESCE(collector_id, '') IN ({marks}))")
    owners = dict(session.connection().execute(text(owners_sql), params).all())
    return followup_repo.live_where(session, where, params), owners


def replace_commitments(session, who: set[str], commitments: list[LiveOutcome],
                        owners: dict[int, str], taken: dict[str, int]) -> None:
    """Keep ``commitments`` (of the customers of ``who``) with what each took."""
    conn = session.connection()
    if ALL not in who:
        params, marks = _who(who)
        conn.execute(text(f"DELETE FROM kpi_commitment WHERE collector_id IN ({marks})"),
                     params)
    rows = [(c.uuid, owners.get(c.customer_id, ""), c.due_on,
             c.amount.minor if c.amount else 0, taken.get(c.uuid, 0))
            for c in commitments if c.due_on is not None]
    if not rows:
        return
    # Through the driver (COPY on PostgreSQL): a statement a row is most of a full rebuild's
    # time otherwise.
    dbapi = conn.connection.dbapi_connection
    columns = "outcome_uuid, collector_id, due_on, amount_minor, taken_minor"
    if conn.dialect.name == "sqlite":
        dbapi.cursor().executemany(f"INSERT INTO kpi_commitment ({columns}) VALUES "
                                   "(?, ?, ?, ?, ?)",
                                   [(u, w, d.isoformat(), a, t) for u, w, d, a, t in rows])
        return
    with dbapi.cursor() as cur, cur.copy(f"COPY kpi_commitment ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def done(session, who: set[str]) -> None:
    """The collectors ``who`` are no longer stale (those marked since stay marked)."""
    read = session.info.pop(_READ, None)
    if read is not None:  # PostgreSQL: the marks stale() read, not those made since
        session.connection().execute(
            text("DELETE FROM kpi_stale WHERE ctid = ANY(CAST(:read AS tid[]))"), {"read": read})
        return
    params, marks = _who(who)
    if params:
        session.connection().execute(
            text(f"DELETE FROM kpi_stale WHERE collector_id IN ({marks})"), params)


def mark_all(session) -> None:
    """Every sum is stale (made from scratch on the next refresh)."""
    if session.connection().dialect.name == "postgresql":  # marks are appended there
        session.connection().exec_driver_sql("INSERT INTO kpi_stale (collector_id) VALUES ('*')")
        return
    session.connection().exec_driver_sql(
        "INSERT INTO kpi_stale (collector_id) SELECT '*' WHERE NOT EXISTS "
        "(SELECT 1 FROM kpi_stale WHERE collector_id = '*')")
