"""Every released schema's golden file upgrades to LATEST with its data intact, on SQLite and
on PostgreSQL (the golden rows are loaded into a PostgreSQL database of the same version)."""

import hashlib
import json
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Date, MetaData, create_engine, inspect, text

from fieldapp.domain import ids
from fieldapp.domain.instants import to_text
from fieldapp.services import settings as cfg
from fieldapp.services.documents import Documents
from fieldapp.services.portfolio import Portfolio
from fieldapp.services.visits import Visits
from fieldapp.store import migrations
from fieldapp.store.engine import open_store, open_url
from tests.conftest import VN

GOLDEN = Path(__file__).parent.parent / "golden"
# One file per released schema version (tests/golden/README.md says how each was made).
RELEASED = {1: GOLDEN / "portfolio_v1.sqlite", 4: GOLDEN / "portfolio_v4.sqlite"}
# Parents first, so foreign keys hold while rows are copied.
ORDER = ("schema_meta", "customer", "contact", "contract", "invoice", "delivery", "payment",
         "allocation", "route_stop", "customer_search", "setting", "visit", "outcome",
         "attachment", "receipt_counter", "document")


def _golden_rows(path: Path) -> dict[str, list[dict]]:
    with sqlite3.connect(path) as con:
        con.row_factory = sqlite3.Row
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: [dict(r) for r in con.execute(f"SELECT * FROM {t}")] for t in ORDER
                if t in names}


def _load_into_pg(url: str, version: int, rows: dict[str, list[dict]]) -> None:
    """A PostgreSQL database of schema ``version`` (the frozen steps) holding the golden rows."""
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.create_version(conn, version)
        conn.execute(text("DELETE FROM schema_meta"))
        conn.execute(text("DELETE FROM customer_search")) if version >= 2 else None
        meta = MetaData()
        meta.reflect(conn)
        for name, table_rows in rows.items():
            table = meta.tables[name]
            kinds = {c.name: c.type for c in table.columns}
            converted = [{k: _pg_value(kinds[k], v) for k, v in r.items()} for r in table_rows]
            if converted:
                conn.execute(table.insert(), converted)
    engine.dispose()


def _pg_value(kind, value):
    if value is None:
        return None
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


@pytest.fixture(params=["sqlite", "postgresql"])
def dialect(request):
    return request.param


@pytest.fixture
def opened(dialect, tmp_path, request, monkeypatch):
    """open(version) -> (store, the golden's rows before the upgrade)."""
    # The zone the old local times are read in is this machine's: pin it.
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    stores = []

    def open_golden(version):
        rows = _golden_rows(RELEASED[version])
        if dialect == "sqlite":
            db = tmp_path / "fieldapp.db"
            shutil.copy(RELEASED[version], db)
            store = open_store(db, tmp_path / "backups")
        else:
            url = request.getfixturevalue("pg_url")
            _load_into_pg(url, version, rows)
            store = open_url(url)
        stores.append(store)
        return store, rows

    yield open_golden
    for store in stores:
        store.close()


def _all(store, sql):
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


@pytest.mark.parametrize("version", sorted(RELEASED))
def test_golden_upgrades_to_latest_and_search_still_works(opened, version):
    store, rows = opened(version)
    assert _all(store, "SELECT value FROM schema_meta WHERE \"key\" = 'schema_version'") == [
        (str(migrations.LATEST),)]
    assert len(_all(store, "SELECT id FROM customer")) == len(rows["customer"])
    first = rows["customer"][0]
    found = Portfolio(store).search(first["code"].lower()).rows
    assert [c.code for c in found] == [first["code"]]
    if version == 1:
        assert [c.code for c in Portfolio(store).search("dang hung").rows] == ["KH000001"]
        assert [c.code for c in Portfolio(store).search("永豐").rows] == ["TW000002"]


def test_v4_payments_get_merge_safe_ids_and_keep_their_allocations(opened):
    store, rows = opened(4)
    old = {p["id"]: p for p in rows["payment"]}
    expected = {ids.legacy_payment_id(n, p["visit_uuid"]): p for n, p in old.items()}
    now = {r[0]: r for r in _all(store, "SELECT id, customer_id, amount_minor, visit_uuid FROM payment")}
    assert set(now) == set(expected)
    assert all(now[k][1:] == (p["customer_id"], p["amount_minor"], p["visit_uuid"])
               for k, p in expected.items())
    # Every allocation still points at its payment and invoice, for the same amounts.
    before = sorted((ids.legacy_payment_id(a["payment_id"], old[a["payment_id"]]["visit_uuid"]),
                     a["invoice_id"], a["amount_minor"]) for a in rows["allocation"])
    after = sorted(_all(store, "SELECT a.payment_id, a.invoice_id, a.amount_minor FROM allocation a "
                               "JOIN payment p ON p.id = a.payment_id"))
    assert after == before and len(before) > 100
    laptop = [p for p in rows["payment"] if p["visit_uuid"]]
    assert laptop, "the golden file has payments taken on visits"


def _utc(naive_text):
    return to_text(datetime.fromisoformat(naive_text).replace(tzinfo=VN))


def test_v4_local_times_become_utc_and_signed_records_are_untouched(opened):
    store, rows = opened(4)
    visits = {r[0]: r[1:] for r in _all(store, "SELECT uuid, started_at, updated_at, finalized_at, "
                                               "body, sha256 FROM visit")}
    for v in rows["visit"]:
        started, updated, finalized, body, sha = visits[v["uuid"]]
        assert (started, updated, finalized) == (_utc(v["started_at"]), _utc(v["updated_at"]),
                                                 _utc(v["finalized_at"]))
        assert started.endswith("+00:00")
        # The canonical JSON is what the signed PDF carries and the hash covers: not rewritten.
        assert body == v["body"] and hashlib.sha256(body.encode()).hexdigest() == sha
    docs = dict(_all(store, "SELECT id, created_at FROM document"))
    assert docs == {d["id"]: _utc(d["created_at"]) for d in rows["document"]}
    deadlines = [r[0] for r in _all(store, "SELECT deadline_at FROM outcome WHERE deadline_at IS NOT NULL")]
    assert deadlines and all(d.endswith("+00:00") for d in deadlines)
    assert _all(store, "SELECT value FROM setting WHERE \"key\" = 'time.legacy_zone'") == [
        ("Asia/Ho_Chi_Minh",)]


def test_v4_records_read_back_as_the_same_instants_in_the_users_zone(opened):
    store, rows = opened(4)
    settings = cfg.Settings(store)
    settings.set(cfg.TIME_ZONE, "Asia/Taipei")  # the user moved: times show one hour later
    golden = {v["uuid"]: v for v in rows["visit"]}
    customer = rows["visit"][0]["customer_id"]
    history = Visits(store, settings).history(customer)
    assert history
    for entry in history:
        v = golden[entry.visit.uuid]
        started = datetime.fromisoformat(v["started_at"]).replace(tzinfo=VN)
        assert entry.visit.started_at == started
        assert entry.visit.started_at.utcoffset().total_seconds() == 8 * 3600
        assert entry.visit.started_at.hour == started.hour + 1


def test_v4_signed_documents_still_verify_after_the_upgrade(tmp_path, monkeypatch):
    from pyhanko.keys import load_certs_from_pemder

    from fieldapp.documents.verify import verify_bytes
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    db = tmp_path / "fieldapp.db"
    shutil.copy(RELEASED[4], db)
    store = open_store(db)
    try:
        settings = cfg.Settings(store)
        documents = Documents(store, settings, keys=None)
        roots = list(load_certs_from_pemder([str(GOLDEN / "portfolio_v4_ca.pem")]))
        infos = [d for cid in {r[0] for r in _all(store, "SELECT customer_id FROM document")}
                 for d in documents.of_customer(cid)]
        assert infos and all(d.created_at.tzinfo is not None for d in infos)
        for info in infos:
            report = verify_bytes(documents.pdf(info.id), roots, info.number)
            assert report.intact and report.valid, report.problems
            if info.kind.value != "statement":
                assert report.qr == "match", report.problems
    finally:
        store.close()


def test_fresh_databases_match_the_orm_tables(dialect, tmp_path, request):
    """The ORM describes LATEST; the frozen steps build it. Both must agree, column by column."""
    from fieldapp.store.tables import Base
    if dialect == "sqlite":
        store = open_store(tmp_path / "new.db")
    else:
        store = open_url(request.getfixturevalue("pg_url"))
    try:
        with store.engine.connect() as conn:
            inspector = inspect(conn)
            for table in Base.metadata.sorted_tables:
                columns = {c["name"]: c for c in inspector.get_columns(table.name)}
                assert set(columns) == {c.name for c in table.columns}, table.name
                for column in table.columns:
                    found = columns[column.name]
                    assert found["nullable"] == column.nullable, (table.name, column.name)
                    assert (found["type"]._type_affinity is column.type._type_affinity
                            or type(found["type"]).__name__ == type(column.type).__name__), (
                        table.name, column.name, found["type"], column.type)
                indexes = {i["name"] for i in inspector.get_indexes(table.name)}
                assert {i.name for i in table.indexes} <= indexes, table.name
    finally:
        store.close()


def test_old_steps_do_not_follow_todays_tables(tmp_path):
    """A v1 database is what v1 was: payment ids are still integers there, no visit column."""
    engine = create_engine(f"sqlite:///{tmp_path / 'v1.db'}")
    with engine.begin() as conn:
        migrations.create_version(conn, 1)
        columns = {c["name"]: c for c in inspect(conn).get_columns("payment")}
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert "visit_uuid" not in columns and str(columns["id"]["type"]) == "INTEGER"
    assert "visit" not in tables and "document" not in tables


def test_golden_rows_are_real_json_records():
    rows = _golden_rows(RELEASED[4])
    assert len(rows["visit"]) >= 10 and len(rows["document"]) >= 10
    assert all(json.loads(v["body"])["status"] == "final" for v in rows["visit"])
    assert all("+" not in v["started_at"] for v in rows["visit"]), "v4 stored local times"


def test_a_v4_draft_with_local_times_reads_back_in_the_users_zone(tmp_path, monkeypatch):
    """Drafts of schema 4 (not signed yet) recover after the upgrade as the same instants."""
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    db = tmp_path / "fieldapp.db"
    shutil.copy(RELEASED[4], db)
    with sqlite3.connect(db) as con:
        cid, body = con.execute("SELECT customer_id, body FROM visit LIMIT 1").fetchone()
        draft = json.loads(body)
        draft.update(uuid="d0000000-0000-4000-8000-000000000001", status="draft",
                     finalized_at=None, started_at="2026-11-23T06:10:00", outcomes=[])
        con.execute("INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, "
                    "body, sha256) VALUES (?, ?, 'visit', 'draft', ?, ?, ?, '')",
                    (draft["uuid"], cid, "2026-11-23T06:10:00", "2026-11-23T06:12:00",
                     json.dumps(draft)))
    store = open_store(db)
    try:
        settings = cfg.Settings(store)
        visits = Visits(store, settings)
        (info,) = visits.drafts()
        assert to_text(info.updated_at) == "2026-11-22T23:12:00+00:00"
        assert info.updated_at.date() == date(2026, 11, 23)  # the user's day, not UTC's
        loaded = visits.load(info.uuid)
        assert to_text(loaded.started_at) == "2026-11-22T23:10:00+00:00"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        store.close()
