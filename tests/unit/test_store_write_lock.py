"""Writes take SQLite's write lock when they begin; reads never do (a real file, two connections)."""

import sqlite3

import pytest
from sqlalchemy import text

from fieldapp.store.engine import open_store

INSERT = "INSERT INTO setting (key, value) VALUES (?, ?)"


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "fieldapp.db")
    yield opened
    opened.close()


def _other_writer(store):
    return sqlite3.connect(store.path, timeout=0, isolation_level=None)


def test_a_write_that_reads_first_holds_the_lock_and_then_writes(store):
    other = _other_writer(store)
    with store.sessions.begin() as session:
        session.execute(text("SELECT count(*) FROM setting")).scalar()
        # Another writer now waits (here: is refused at once, its timeout being 0) instead of
        # committing under our read and making our own write fail with "database is locked".
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute(INSERT, ("other", "1"))
        session.execute(text("INSERT INTO setting (key, value) VALUES ('ours', '1')"))
    other.execute(INSERT, ("other", "1"))
    with store.sessions() as session:
        keys = session.execute(text("SELECT key FROM setting WHERE key IN ('ours', 'other')"))
        assert sorted(k for (k,) in keys) == ["other", "ours"]
    other.close()


def test_a_read_never_holds_the_write_lock(store):
    other = _other_writer(store)
    with store.sessions() as session:
        session.execute(text("SELECT count(*) FROM setting")).scalar()
        other.execute(INSERT, ("written during a read", "1"))
    other.close()
