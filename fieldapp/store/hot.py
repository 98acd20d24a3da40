"""Run the statements of search-as-you-type with as little between us and the driver as possible."""

from __future__ import annotations

from sqlalchemy import text


def fetch(conn, sql: str, params: dict | None = None) -> list:
    """All rows of a read statement with :named parameters.

    On SQLite the statement goes straight to the sqlite3 connection under ``conn`` (same
    transaction), skipping SQLAlchemy's compilation and result objects: half the cost per keystroke.
    """
    if conn.dialect.name == "sqlite":
        return conn.connection.driver_connection.execute(sql, params or {}).fetchall()
    return conn.execute(text(sql), params or {}).all()
