"""pg_trgm on the office's PostgreSQL: found where its owner installed it, or installed here.

CREATE EXTENSION needs the database owner's (or a superuser's) rights, which the program's own
role should not have in production: there the owner runs ``CREATE EXTENSION pg_trgm`` once
(README), and opening the office finds it. Without it, opening says so with a coded error."""

from __future__ import annotations

from ..domain.errors import FieldappError

_WHERE = ("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
          "WHERE e.extname = 'pg_trgm'")


def ensure(conn) -> str:
    """The schema holding pg_trgm's operator classes; installs the extension when missing."""
    schema = conn.exec_driver_sql(_WHERE).scalar()
    if schema is not None:
        return schema
    try:
        with conn.begin_nested():  # a refusal must not spoil the caller's transaction
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as exc:  # no rights, or the contrib package is not installed
        raise FieldappError("db.pg_trgm_missing", database=_database(conn),
                            reason=_first_line(exc)) from exc
    return conn.exec_driver_sql(_WHERE).scalar()


def _database(conn) -> str:
    return conn.engine.url.render_as_string(hide_password=True)


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", exc)
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__
