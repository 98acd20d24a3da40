"""Schema version ladder: back up first, step up one version at a time, refuse newer files."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, text

from .. import clock
from ..domain import ids
from ..domain.errors import FieldappError, MigrationError, NewerDatabaseError
from ..domain.instants import UTC, from_text, to_text, zone_name, zone_named
from . import ddl, search_index, trigram

LATEST = 22
_KEY = "schema_version"
# The setting naming the zone that pre-5 local times were written in (see _v5).
LEGACY_ZONE_KEY = "time.legacy_zone"


def current_version(conn) -> int:
    """The schema version stored in the database; 0 for an empty database."""
    if not inspect(conn).has_table("schema_meta"):
        return 0
    value = conn.exec_driver_sql(
        "SELECT value FROM schema_meta WHERE \"key\" = 'schema_version'").scalar()
    return int(value or 0)


def _set_version(conn, version: int) -> None:
    conn.execute(text('DELETE FROM schema_meta WHERE "key" = :k'), {"k": _KEY})
    conn.execute(text('INSERT INTO schema_meta ("key", value) VALUES (:k, :v)'),
                 {"k": _KEY, "v": str(version)})


def _v1(conn) -> None:
    ddl.run(conn, ddl.V1)


def _v2(conn) -> None:
    ddl.run(conn, ddl.V2)
    if conn.dialect.name == "sqlite":
        ddl.run(conn, ddl.V2_SQLITE)
    # The index is derived data: built with today's folding (a later step may rebuild it).
    search_index.rebuild(conn, ranked=False)


def _v3(conn) -> None:
    statements = list(ddl.V3)
    # Files made by the old create_all-based ladder may have the column already.
    if "visit_uuid" in {c["name"] for c in inspect(conn).get_columns("payment")}:
        statements.remove("ALTER TABLE payment ADD COLUMN visit_uuid VARCHAR(36)")
    ddl.run(conn, statements)


def _v4(conn) -> None:
    """Signed documents (visit records, agreements, receipts, statements)."""
    ddl.run(conn, ddl.V4)


def _v5(conn) -> None:
    """Merge-safe payment ids (UUID text) and instants in UTC with their offset."""
    ddl.run(conn, ddl.V5_SET_ASIDE)
    ddl.run(conn, ddl.V5_CREATE)
    _copy_payments(conn)
    ddl.run(conn, ddl.V5_DROP)
    # Which zone were the old local times in? Nothing recorded it; the honest default is this
    # machine's zone at migration time (laptops and office servers run in their users' zone).
    zone = clock.machine_zone()
    for table, key, columns in ddl.V5_INSTANTS:
        _instants_to_utc(conn, table, key, columns, zone)
    # Finalized records keep their stored JSON (it is hashed and signed): the zone their
    # local times mean is kept, so they read back as the same instants.
    conn.execute(text('DELETE FROM setting WHERE "key" = :k'), {"k": LEGACY_ZONE_KEY})
    conn.execute(text('INSERT INTO setting ("key", value) VALUES (:k, :v)'),
                 {"k": LEGACY_ZONE_KEY, "v": zone_name(zone)})


def _copy_payments(conn) -> None:
    new_ids = {}
    rows = conn.exec_driver_sql(
        "SELECT id, customer_id, paid_on, amount_minor, currency, method, reference, visit_uuid "
        "FROM payment_v4 ORDER BY id").mappings().all()
    for row in rows:
        new_ids[row["id"]] = ids.legacy_payment_id(row["id"], row["visit_uuid"])
    if rows:
        conn.execute(text(
            "INSERT INTO payment (id, customer_id, paid_on, amount_minor, currency, method, "
            "reference, visit_uuid) VALUES (:id, :customer_id, :paid_on, :amount_minor, "
            ":currency, :method, :reference, :visit_uuid)"),
            [{**row, "id": new_ids[row["id"]]} for row in rows])
    allocations = conn.exec_driver_sql(
        "SELECT id, payment_id, invoice_id, amount_minor FROM allocation_v4 ORDER BY id").all()
    if allocations:
        conn.execute(text(
            "INSERT INTO allocation (id, payment_id, invoice_id, amount_minor) "
            "VALUES (:id, :payment_id, :invoice_id, :amount_minor)"),
            [{"id": ids.legacy_allocation_id(aid, new_ids[pid]), "payment_id": new_ids[pid],
              "invoice_id": iid, "amount_minor": minor} for aid, pid, iid, minor in allocations])


def _instants_to_utc(conn, table: str, key: str, columns, zone) -> None:
    cols = ", ".join(columns)
    changed = []
    for row in conn.exec_driver_sql(f"SELECT {key}, {cols} FROM {table}").all():
        values = {c: _utc_text(v, zone) for c, v in zip(columns, row[1:])}
        if any(values[c] != v for c, v in zip(columns, row[1:])):
            changed.append({"k": row[0], **values})
    if changed:
        sets = ", ".join(f"{c} = :{c}" for c in columns)
        conn.execute(text(f"UPDATE {table} SET {sets} WHERE {key} = :k"), changed)


def _utc_text(value: str | None, zone) -> str | None:
    if not value:
        return value
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _v6(conn) -> None:
    """Search documents fold Traditional and Simplified Chinese together ('貿易' finds '贸易'):
    every customer's document is written again once."""
    search_index.rebuild(conn, ranked=False)


def _v7(conn) -> None:
    """Indexes of the follow-up lists: live outcomes by kind and due day, one customer's by
    kind, a plan's lines by visit, a customer's payments by day."""
    ddl.run(conn, ddl.V7)


def _v8(conn) -> None:
    """Ranked, sortable search: each customer's folded name, contact names and phone digits
    beside the search document, filled in once; indexes for sorting by name and by code."""
    ddl.run(conn, ddl.V8)
    search_index.rebuild(conn)


def _v9(conn) -> None:
    """The office: collectors, assignments and their log, routes per collector, receivables
    keyed by source, saved column mappings and the imports made."""
    ddl.run(conn, ddl.V9)


def _v10(conn) -> None:
    """PostgreSQL only: money columns wide enough for đồng, and trigram indexes for search."""
    if conn.dialect.name != "postgresql":
        return
    ddl.run(conn, ddl.V10_PG_MONEY)
    schema = trigram.ensure(conn)
    ddl.run(conn, [sql.replace("{trgm}", f'"{schema}".gin_trgm_ops')
                   for sql in ddl.V10_PG_TRIGRAM])



def _v11(conn) -> None:
    """Enrolled devices: each laptop's certificate from the company CA, its collector, and
    when it was revoked (the revocation list travels in the assignment packs)."""
    ddl.run(conn, ddl.V11)


def _v12(conn) -> None:
    """Assignment packs written by the office, per device and version."""
    ddl.run(conn, ddl.V12)


def _v13(conn) -> None:
    """Day bundles: the laptop's outbox and what it sent, the office's bundles received."""
    ddl.run(conn, ddl.V13)


def _v14(conn) -> None:
    """The office's sync folder: each bundle's own time (clock skew) and the acks written."""
    ddl.run(conn, ddl.V14)


def _v15(conn) -> None:
    """Master data edited on laptops: versions of customers and contacts, the edits, and
    the supervisor's queue of conflicting ones."""
    ddl.run(conn, ddl.V15)


def _v16(conn) -> None:
    """Delta assignment packs: full or delta per pack, the customer-set hash, each customer's
    content hash per pack, and the pack state each laptop last reported."""
    ddl.run(conn, ddl.V16)


def _v17(conn) -> None:
    """The KPI dashboard: disputes resolved at the office, indexes for the period's sums."""
    ddl.run(conn, ddl.V17)


def _v18(conn) -> None:
    """The review inbox: a row per visit imported from a laptop, the append-only log of review
    states and comments (triggers refuse changing or removing one), and a row for each final
    visit an enrolled laptop sent before this step, so the inbox starts complete."""
    ddl.run(conn, ddl.V18)
    ddl.run(conn, ddl.V18_SQLITE_APPEND_ONLY if conn.dialect.name == "sqlite"
            else ddl.V18_PG_APPEND_ONLY)
    devices = dict(conn.exec_driver_sql("SELECT id, collector_id FROM device").all())
    if not devices:  # a laptop, or an office that received nothing yet
        return
    name = conn.exec_driver_sql("SELECT value FROM setting WHERE \"key\" = 'time.zone'").scalar()
    zone = zone_named(name) if name else clock.machine_zone()
    rows, now = [], to_text(clock.utc_now())
    for uuid, cid, started, body in conn.exec_driver_sql(
            "SELECT uuid, customer_id, started_at, body FROM visit WHERE status = 'final'"):
        device = json.loads(body).get("device_id")
        if device in devices:
            day = from_text(started, UTC).astimezone(zone).date()
            rows.append({"v": uuid, "d": device, "c": devices[device], "cu": cid, "s": started,
                         "day": day, "r": now})
    if rows:
        conn.execute(text(
            "INSERT INTO review (visit_uuid, device, collector_id, customer_id, started_at, day, "
            "received_at, state, state_at, state_by, reason) VALUES (:v, :d, :c, :cu, :s, :day, "
            ":r, 'received', NULL, '', '')"), rows)


def _v19(conn) -> None:
    """The laptop's read marks on notes from the office (which ones the collector has read)."""
    ddl.run(conn, ddl.V19)


def _v20(conn) -> None:
    """Receipts waiting for the office (money taken on site) and the accounting export's
    memory of what it wrote; receipts an office imported before this step start pending."""
    ddl.run(conn, ddl.V20)
    from .receipt_repo import backfill  # noqa: PLC0415 (a step of its own, run once)
    backfill(conn, to_text(clock.utc_now()))


def _v21(conn) -> None:
    """The work queues: a dispute's resolver, and the office's invoices each dispute pauses."""
    ddl.run(conn, ddl.V21)


def _v22(conn) -> None:
    """The KPI dashboard's kept sums (balances over spans of days, what each commitment took)
    and the triggers marking them stale; a database that had data builds them on first use."""
    ddl.run(conn, ddl.V22)
    ddl.run(conn, ddl.V22_SQLITE_STALE if conn.dialect.name == "sqlite" else ddl.V22_PG_STALE)


STEPS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7, 8: _v8, 9: _v9, 10: _v10,
         11: _v11, 12: _v12, 13: _v13, 14: _v14, 15: _v15,
         16: _v16, 17: _v17, 18: _v18, 19: _v19, 20: _v20, 21: _v21, 22: _v22}


def create_version(conn, version: int) -> None:
    """Build an empty database of schema ``version``: the same steps an old file went through,
    so a fresh file and an upgraded one have one schema."""
    for step in range(1, version + 1):
        STEPS[step](conn)
        _set_version(conn, step)


def backup(path: Path, backup_dir: Path, version: int, key: bytes | None = None) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before migrating it; an
    encrypted one is copied under the same key (SQLCipher's export), never in the clear."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-v{version}-{stamp}{path.suffix}"
    if key is not None:
        from . import cipher  # noqa: PLC0415
        cipher.export(path, key, target, key)
        return target
    target.touch(mode=0o600)  # a copy of the customers' data: owner-only like the original
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
        raise NewerDatabaseError("db.newer", database=str(store.path or store.engine.url),
                                 version=version, latest=LATEST)
    if version == LATEST:
        return None
    if version == 0:
        with store.engine.begin() as conn:
            create_version(conn, LATEST)
        return None
    saved = backup(store.path, backup_dir, version, getattr(store, "key", None)) \
        if store.path and backup_dir else None
    _step_up(store, version, saved)
    return saved


def _step_up(store, version: int, saved: Path | None) -> None:
    for step in range(version + 1, LATEST + 1):
        try:
            with store.engine.begin() as conn:
                STEPS[step](conn)
                _set_version(conn, step)
        except FieldappError:  # already says what is wrong (pg_trgm missing, say)
            raise
        except Exception as exc:
            if saved:
                raise MigrationError("db.migration_failed_backup", step=step, reason=str(exc),
                                     backup=str(saved)) from exc
            raise MigrationError("db.migration_failed", step=step, reason=str(exc)) from exc
