"""Receivables in the store: the supervisor's saved source mappings, and the transaction an
import runs in (the writing itself is ar_writer)."""

from __future__ import annotations

import contextlib

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .engine import _WRITE
from .tables import ArSourceRow


# -- saved sources ------------------------------------------------------------------------------

def source_names(session) -> list[str]:
    return list(session.scalars(select(ArSourceRow.name)))


def load_source(session, name: str) -> str | None:
    return session.scalar(select(ArSourceRow.mapping).where(ArSourceRow.name == name))


def save_source(session, name: str, base: str, mapping: str, at: str) -> None:
    row = session.get(ArSourceRow, name)
    if row is None:
        session.add(ArSourceRow(name=name, preset=base, mapping=mapping, updated_at=at))
    else:
        row.preset, row.mapping, row.updated_at = base, mapping, at


def delete_source(session, name: str) -> bool:
    return session.execute(delete(ArSourceRow).where(ArSourceRow.name == name)).rowcount > 0


# -- imports ------------------------------------------------------------------------------------

PATIENCE_S = 1800  # how long an import waits for another one (or any writer) on SQLite


@contextlib.contextmanager
def import_session(store):
    """A session in one write transaction, like ``store.sessions.begin()``, that waits as long as
    another import may take: a million-line import holds SQLite's write lock for minutes, and
    the usual busy timeout would fail the second one with "database is locked". PostgreSQL
    imports queue on an advisory lock instead (ArWriter.prepare).

    On SQLite the import's connection also keeps its staging table in a temporary file and
    reads the database without memory mapping, so a million rows stay within bounded memory
    (mapped pages of a large database count as the process's memory); both are put back after."""
    if not store.is_sqlite:
        with store.sessions.begin() as session:
            yield session
        return
    with store.engine.connect() as conn:
        # Outside any transaction (temp_store cannot change inside one): the driver's own.
        raw = conn.connection.dbapi_connection
        kept = {p: raw.execute(f"PRAGMA {p}").fetchone()[0] for p in _IMPORT_PRAGMAS}
        _pragmas(raw, {"busy_timeout": PATIENCE_S * 1000, "temp_store": 1, "mmap_size": 0})
        try:
            with Session(bind=conn.execution_options(**{_WRITE: True}),
                         expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            _pragmas(raw, kept)


_IMPORT_PRAGMAS = ("busy_timeout", "temp_store", "mmap_size")


def _pragmas(raw, values: dict) -> None:
    for name, value in values.items():
        raw.execute(f"PRAGMA {name} = {int(value)}")


