"""Migrations: fresh files, the v1 golden file, backups, refusal of newer files, failures."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from fieldapp.domain.errors import MigrationError, NewerDatabaseError
from fieldapp.services.portfolio import Portfolio
from fieldapp.store import migrations
from fieldapp.store.engine import open_store

GOLDEN_V1 = Path(__file__).parent.parent / "golden" / "portfolio_v1.sqlite"


def _version(path):
    with sqlite3.connect(path) as con:
        return int(con.execute("SELECT value FROM schema_meta WHERE key='schema_version'").fetchone()[0])


def test_fresh_database_is_created_at_the_latest_version(tmp_path):
    store = open_store(tmp_path / "new.db")
    store.close()
    assert _version(tmp_path / "new.db") == migrations.LATEST
    assert not (tmp_path / "backups").exists()


def test_v1_file_is_backed_up_then_upgraded_and_searchable(tmp_path):
    db = tmp_path / "fieldapp.db"
    shutil.copy(GOLDEN_V1, db)
    store = open_store(db, tmp_path / "backups")
    try:
        found = Portfolio(store).search("dang hung").rows
        assert [c.code for c in found] == ["KH000001"]
        assert [c.code for c in Portfolio(store).search("永豐").rows] == ["TW000002"]
        assert [c.code for c in Portfolio(store).search("huong").rows] == ["KH000001"]
    finally:
        store.close()
    assert _version(db) == migrations.LATEST
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and "-v1-" in backups[0].name
    assert _version(backups[0]) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT count(*) FROM customer").fetchone()[0] == 2


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    db = tmp_path / "future.db"
    open_store(db).close()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE schema_meta SET value='99' WHERE key='schema_version'")
    before = db.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer fieldapp.*schema 99"):
        open_store(db)
    assert db.read_bytes() == before


def test_failed_step_rolls_back_and_names_the_backup(tmp_path, monkeypatch):
    db = tmp_path / "fieldapp.db"
    shutil.copy(GOLDEN_V1, db)

    def broken(conn):
        conn.exec_driver_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")
    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(MigrationError, match="schema 2 failed: disk on fire; the backup is .*-v1-"):
        open_store(db, tmp_path / "backups")
    assert _version(db) == 1
    with sqlite3.connect(db) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables and "customer" in tables


def test_postgresql_database_is_created_at_the_latest_version_and_refuses_newer(pg_url):
    from sqlalchemy import text

    from fieldapp.store.engine import open_url
    store = open_url(pg_url)
    with store.engine.begin() as conn:
        assert migrations.current_version(conn) == migrations.LATEST
        conn.execute(text("UPDATE schema_meta SET value = '99' WHERE \"key\" = 'schema_version'"))
    store.close()
    with pytest.raises(NewerDatabaseError, match="schema 99"):
        open_url(pg_url)


def test_postgresql_failed_step_rolls_back_its_ddl(pg_url, monkeypatch):
    from sqlalchemy import create_engine, inspect

    from fieldapp.store.engine import open_url
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        migrations.create_version(conn, 4)

    def broken(conn):
        migrations.STEPS_ORIGINAL[5](conn)
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(migrations, "STEPS_ORIGINAL", dict(migrations.STEPS), raising=False)
    monkeypatch.setitem(migrations.STEPS, 5, broken)
    with pytest.raises(MigrationError, match="schema 5 failed: disk on fire"):
        open_url(pg_url)
    with engine.connect() as conn:
        assert migrations.current_version(conn) == 4
        tables = set(inspect(conn).get_table_names())
        payment_id = {c["name"]: c for c in inspect(conn).get_columns("payment")}["id"]
    engine.dispose()
    assert "payment_v4" not in tables and str(payment_id["type"]) == "INTEGER"
