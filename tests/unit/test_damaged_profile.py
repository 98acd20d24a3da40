"""A damaged or unwritable profile on real files: a cut-off database, random bytes, a folder at
the database's path, a read-only store, a full disk (SQLite's own page limit), and the newest
backup put back with the damaged file kept."""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event

from fieldapp.paths import Profile
from fieldapp.services import app_services, profile_admin
from fieldapp.services.demo import generate
from fieldapp.store import health
from fieldapp.store.engine import _file_problem, open_store
from fieldapp.domain.visit import VisitKind

TODAY = date(2026, 6, 30)


@pytest.fixture(scope="module")
def good_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("good") / "fieldapp.db"
    store = open_store(path)
    try:
        generate(store, customers=4, seed=7, today=TODAY)
    finally:
        store.close()
    return path


def _profile_with(tmp_path, data: bytes) -> Profile:
    profile = Profile(tmp_path / "home").ensure()
    profile.database.write_bytes(data)
    return profile


def _refused(path: Path, code: str):
    with pytest.raises(health.StoreProblem) as caught:
        open_store(path)
    assert caught.value.code == code
    return caught.value


def test_a_cut_off_database_is_named_as_damaged_and_left_as_it_is(tmp_path, good_db):
    data = good_db.read_bytes()
    profile = _profile_with(tmp_path, data[: len(data) // 3])
    error = _refused(profile.database, "db.damaged")
    assert error.params["database"] == str(profile.database)
    assert "cut off" in str(error) and str(profile.database) in str(error)
    assert profile.database.read_bytes() == data[: len(data) // 3]
    assert not profile.database.with_name("fieldapp.db-wal").exists()


def test_random_bytes_are_not_a_database(tmp_path):
    noise = os.urandom(50_000)
    profile = _profile_with(tmp_path, noise)
    error = _refused(profile.database, "db.damaged")
    assert "not a SQLite database" in str(error)
    assert profile.database.read_bytes() == noise


def test_a_damaged_page_inside_a_whole_file_is_said_when_sqlite_meets_it(tmp_path, good_db):
    data = bytearray(good_db.read_bytes())
    data[4096 * 2: 4096 * 6] = os.urandom(4096 * 4)  # header intact, b-tree pages garbage
    profile = _profile_with(tmp_path, bytes(data))
    with pytest.raises(Exception) as caught:
        store = open_store(profile.database)
        try:
            app_services.build(store, TODAY).portfolio.search("a")
        finally:
            store.close()
    assert getattr(caught.value, "code", None) == "db.damaged", repr(caught.value)


def test_a_folder_at_the_database_path(tmp_path):
    profile = Profile(tmp_path / "home").ensure()
    profile.database.mkdir()
    (profile.database / "mine.txt").write_text("kept")
    error = _refused(profile.database, "db.is_a_folder")
    assert "is a folder where the database file should be" in str(error)
    assert (profile.database / "mine.txt").read_text() == "kept"


def test_a_read_only_database_says_the_folder_cannot_be_written(tmp_path, good_db):
    # Tests run as root, where chmod stops nothing: SQLite's read-only mode is the same refusal
    # a read-only folder or mount gives an ordinary user.
    store = open_store(good_db)
    store.close()
    ro = create_engine(f"sqlite:///file:{good_db}?mode=ro&uri=true")
    event.listen(ro, "handle_error", lambda context: _file_problem(context, good_db))
    with pytest.raises(health.StoreProblem) as caught, ro.begin() as conn:
        conn.exec_driver_sql("UPDATE setting SET value = value")
    assert caught.value.code == "db.read_only"
    assert caught.value.params["folder"] == str(good_db.parent)
    ro.dispose()


def test_the_os_errors_of_a_read_only_or_full_disk_are_coded():
    path = Path("/somewhere/fieldapp.db")
    assert health.from_os_error(OSError(errno.EROFS, "Read-only file system"), path).code == \
        "db.read_only"
    assert health.from_os_error(OSError(errno.ENOSPC, "No space left"), path).code == "disk.full"


class Disk:
    """A disk that fills up: SQLite's page limit on every new connection of the store."""

    def __init__(self, store):
        self.store, self.full = store, False
        event.listen(store.engine, "connect", self._limit)

    def _limit(self, dbapi_conn, _record):
        if self.full:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    def fill(self):
        with sqlite3.connect(self.store.path) as con:  # no free pages left to reuse
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.full = True
        self.store.engine.dispose()

    def free(self):
        self.full = False
        self.store.engine.dispose()


def test_a_full_disk_refuses_a_save_and_finalize_then_both_work_once_space_is_freed(tmp_path,
                                                                                   good_db):
    import shutil

    shutil.copy(good_db, tmp_path / "fieldapp.db")
    store = open_store(tmp_path / "fieldapp.db")
    try:
        services = app_services.build(store, TODAY, tmp_path)
        visits = services.visits
        draft = visits.start(1, VisitKind.CALL)
        disk = Disk(store)
        disk.fill()
        long_note = "Khách hứa sẽ gọi lại vào tuần sau. " * 400
        big = replace(draft, answers={"objective": long_note})
        with pytest.raises(health.StoreProblem) as caught:
            visits.save_draft(big)
        assert caught.value.code == "disk.full"
        assert "is full, so the last change was not written" in str(caught.value)
        assert visits.load(draft.uuid).answers.get("objective") != long_note  # nothing half
        disk.free()
        visits.save_draft(big)
        assert visits.load(draft.uuid).answers["objective"] == long_note
    finally:
        store.close()


def _backup_of(good_db, profile: Profile, name: str) -> Path:
    target = profile.backups / name
    with sqlite3.connect(good_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def test_the_newest_usable_backup_is_restored_and_the_damaged_file_kept(tmp_path, good_db):
    profile = _profile_with(tmp_path, b"garbage" * 1000)
    older = _backup_of(good_db, profile, "fieldapp-v5-20260101-080000.db")
    newest = _backup_of(good_db, profile, "fieldapp-v6-20260301-080000.db")
    os.utime(older, (1_700_000_000, 1_700_000_000))
    (profile.backups / "fieldapp-replaced-20260401-080000.db").write_bytes(b"not a db")
    assert profile_admin.newest_backup(profile) == newest
    before = newest.read_bytes()
    aside = profile_admin.restore_backup(profile, newest)
    assert aside.read_bytes() == b"garbage" * 1000 and aside.parent == profile.backups
    assert newest.read_bytes() == before  # the backup stays as it was
    assert profile.database.read_bytes() == before
    store = open_store(profile.database)
    store.close()
    # The damaged file set aside is never offered back, and a second damage keeps both.
    profile.database.write_bytes(b"again" * 100)
    second = profile_admin.restore_backup(profile, profile_admin.newest_backup(profile))
    assert second != aside and aside.read_bytes() == b"garbage" * 1000
    assert second.read_bytes() == b"again" * 100


def test_no_backup_is_offered_when_none_reads_as_a_database(tmp_path):
    profile = _profile_with(tmp_path, b"garbage")
    (profile.backups / "fieldapp-v5-20260101-080000.db").write_bytes(os.urandom(8192))
    assert profile_admin.newest_backup(profile) is None


def test_finalize_on_a_full_disk_writes_nothing_and_works_once_space_is_freed(builder, tmp_path):
    from tests.conftest import Clock
    from tests.unit.test_instants import _complete
    from fieldapp.domain.money import Money
    from fieldapp.domain.records import Allocation
    from fieldapp.domain.visit import MoneyReceived, VisitStatus
    from fieldapp.services import settings as cfg
    from fieldapp.services.visits import Visits
    from datetime import datetime, timezone

    cid = builder.customer("永豐五金行有限公司", currency="TWD", language="zh_TW", country="TW",
                           contacts=[("林美玲", "0912")])
    builder.invoice(cid, "TW-1", date(2026, 8, 1), 2_000_000, currency="TWD")
    builder.save()
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    visits = Visits(builder.store, settings, Clock(datetime(2026, 11, 22, 3, tzinfo=timezone.utc)))
    paid = Money(500_000, "TWD")
    visit = _complete(visits.start(cid),
                      MoneyReceived(paid, "cash", "", (Allocation(1, "TW-1", paid),)))
    visit = replace(visit, answers={**visit.answers, "objective": "收款 " * 3000})
    disk = Disk(builder.store)
    disk.fill()
    with pytest.raises(health.StoreProblem) as caught:
        visits.finalize(visit, make_documents=False)
    assert caught.value.code == "disk.full"
    disk.free()
    assert visits.load(visit.uuid).status is VisitStatus.DRAFT
    with builder.store.engine.connect() as conn:  # no receipt number was used up
        assert conn.exec_driver_sql("SELECT count(*) FROM payment").scalar() == 0
    final, _ = visits.finalize(visit, make_documents=False)
    assert final.status is VisitStatus.FINAL
    assert [o.receipt_no for o in final.outcomes][0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason=(
    "root writes into a 0500 folder anyway; as root the read-only case runs on a read-only "
    "mount (tests/integration/test_damaged_profile_cli.py)"))
def test_a_0500_profile_folder_is_said_to_be_read_only(tmp_path):
    from fieldapp.paths import ProfileError

    home = tmp_path / "home"
    Profile(home).ensure()
    home.chmod(0o500)
    try:
        with pytest.raises(ProfileError) as caught:
            Profile(home).ensure()
        assert caught.value.code == "profile.read_only"
        assert caught.value.params["folder"] == str(home)
    finally:
        home.chmod(0o700)
