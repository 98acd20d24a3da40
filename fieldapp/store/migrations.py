"""Schema version ladder: back up first, step up one version at a time, refuse newer files."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, select

from ..domain.errors import MigrationError, NewerDatabaseError
from . import followup_repo, search_index
from .tables import Base, SchemaMetaRow

LATEST = 5
_KEY = "schema_version"
# Tables of version 1, the first release: everything but the search index.
_V1_TABLES = ("schema_meta", "customer", "contact", "contract", "invoice", "delivery",
              "payment", "allocation", "route_stop")


def current_version(conn) -> int:
    """The schema version stored in the database; 0 for an empty database."""
    if not inspect(conn).has_table("schema_meta"):
        return 0
    value = conn.execute(select(SchemaMetaRow.value).where(SchemaMetaRow.key == _KEY)).scalar()
    return int(value or 0)


def _set_version(conn, version: int) -> None:
    table = SchemaMetaRow.__table__
    conn.execute(table.delete().where(table.c.key == _KEY))
    conn.execute(table.insert().values(key=_KEY, value=str(version)))


def _v1(conn) -> None:
    Base.metadata.create_all(conn, tables=[Base.metadata.tables[t] for t in _V1_TABLES])


def _v2(conn) -> None:
    search_index.create(conn)
    search_index.rebuild(conn)


_V3_TABLES = ("setting", "visit", "outcome", "attachment", "receipt_counter")


def _v3(conn) -> None:
    Base.metadata.create_all(conn, tables=[Base.metadata.tables[t] for t in _V3_TABLES])
    columns = {c["name"] for c in inspect(conn).get_columns("payment")}
    if "visit_uuid" not in columns:
        conn.exec_driver_sql("ALTER TABLE payment ADD COLUMN visit_uuid VARCHAR(36)")


def _v4(conn) -> None:
    """Signed documents (visit records, agreements, receipts, statements)."""
    Base.metadata.create_all(conn, tables=[Base.metadata.tables["document"]])


def _v5_followup_indexes(conn) -> None:
    """Indexes of the follow-up lists (outcomes by kind and due day, a plan's lines by visit)."""
    followup_repo.create_indexes(conn)


STEPS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5_followup_indexes}


def create_version(conn, version: int) -> None:
    """Build an empty database of schema ``version`` (fresh files, and old files for tests)."""
    if version == LATEST:
        Base.metadata.create_all(conn)
        search_index.create(conn)
        followup_repo.create_indexes(conn)
    else:
        for step in range(1, version + 1):
            STEPS[step](conn)
    _set_version(conn, version)


def backup(path: Path, backup_dir: Path, version: int) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before migrating it."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-v{version}-{stamp}{path.suffix}"
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def upgrade(store, backup_dir: Path | None) -> Path | None:
    """Bring the store to LATEST; returns the backup written, if any."""
    with store.engine.connect() as conn:
        version = current_version(conn)
    if version > LATEST:
        raise NewerDatabaseError(
            f"{store.path or store.engine.url} was written by a newer fieldapp (schema {version}; "
            f"this program knows up to {LATEST}). Install the newer version to open it.")
    if version == LATEST:
        return None
    if version == 0:
        with store.engine.begin() as conn:
            create_version(conn, LATEST)
        return None
    saved = backup(store.path, backup_dir, version) if store.path and backup_dir else None
    _step_up(store, version, saved)
    return saved


def _step_up(store, version: int, saved: Path | None) -> None:
    for step in range(version + 1, LATEST + 1):
        try:
            with store.engine.begin() as conn:
                STEPS[step](conn)
                _set_version(conn, step)
        except Exception as exc:
            where = f"; the backup is {saved}" if saved else ""
            raise MigrationError(f"upgrading the database to schema {step} failed: {exc}{where}") from exc
