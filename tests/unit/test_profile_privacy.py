"""Owner-only profiles: folder 0700, files 0600, renames made durable, nothing secret in the log."""

import logging
import os
import stat

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from fieldapp import logs
from fieldapp.files import write_atomically
from fieldapp.paths import Profile, ProfileError, resolve_profile
from fieldapp.store.engine import open_store


def mode(path):
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_profile_and_its_database_are_owner_only(tmp_path):
    profile = Profile(tmp_path / "new" / "profile").ensure()
    assert {mode(f) for f in (profile.home, profile.backups, profile.logs)} == {0o700}
    store = open_store(profile.database, profile.backups)
    try:
        with store.sessions.begin() as session:  # a write: SQLite makes its -wal and -shm files
            session.execute(text("CREATE TABLE scratch (x)"))
            session.execute(text("INSERT INTO scratch VALUES (1)"))
        sides = [profile.home / f"fieldapp.db{s}" for s in ("", "-wal", "-shm")]
        assert all(p.exists() for p in sides)
        assert {mode(p) for p in sides} == {0o600}
    finally:
        store.close()


def test_opening_tightens_an_old_profile_but_never_the_users_other_files(tmp_path):
    home = tmp_path / "profile"
    for folder in ("backups", "logs", "keys/old"):
        (home / folder).mkdir(parents=True)
    owned = ["fieldapp.db", "settings.ini", "logs/fieldapp.log", "backups/fieldapp-v3.db",
             "keys/ca.pem", "keys/old/device-key.pem"]
    for name in [*owned, "holiday-photo.jpg"]:
        (home / name).write_bytes(b"x")
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    Profile(home).ensure()
    assert mode(home) == 0o700
    assert {name: mode(home / name) for name in owned} == {name: 0o600 for name in owned}
    assert {mode(home / d) for d in ("backups", "logs", "keys", "keys/old")} == {0o700}
    assert mode(home / "holiday-photo.jpg") == 0o644  # not the program's to change


def test_a_folder_holding_other_things_keeps_its_own_mode(tmp_path):
    shared = tmp_path / "Documents"
    shared.mkdir()
    (shared / "letter.odt").write_bytes(b"x")
    shared.chmod(0o755)
    Profile(shared).ensure()
    assert mode(shared) == 0o755  # the user's folder, not yet a profile
    assert mode(shared / "logs") == 0o700 and mode(shared / "backups") == 0o700


def test_resolve_refuses_an_empty_name_and_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "env"))
    with pytest.raises(ProfileError, match="empty folder name"):
        resolve_profile("")
    with pytest.raises(ProfileError, match="empty folder name"):
        resolve_profile("  ")
    assert resolve_profile(None).home == tmp_path / "env"
    (tmp_path / "f").write_text("")
    with pytest.raises(ProfileError, match=f"{tmp_path / 'f'} is a file, not a folder"):
        resolve_profile(tmp_path / "f")


def test_an_atomic_write_syncs_the_folder_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def watching(fd):  # a spy: the real fsync still runs
        st = os.fstat(fd)
        synced.append((stat.S_ISDIR(st.st_mode), st.st_ino))
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", watching)
    target = tmp_path / "keys" / "ca.pem"
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    # First the file's bytes, then the folder entry that now names them.
    assert synced == [(False, target.stat().st_ino), (True, target.parent.stat().st_ino)]


def test_the_log_file_is_owner_only(tmp_path):
    root = logging.getLogger("fieldapp")
    saved = root.handlers[:]
    root.handlers.clear()
    try:
        logs.setup(tmp_path)
        logging.getLogger("fieldapp.test").warning("a line")
        assert mode(tmp_path / "fieldapp.log") == 0o600
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = saved


def test_a_failed_write_does_not_put_the_written_values_in_the_log(tmp_path, caplog):
    """A failing statement's message used to carry its parameters, and it is logged with its
    traceback: a whole record with the signature strokes would land in the log file."""
    store = open_store(tmp_path / "fieldapp.db")
    secret = '{"customer_signature": {"strokes": [[[20.0, 70.0], [26.0, 74.5]]]}}'
    try:
        with pytest.raises(IntegrityError) as caught:
            with store.sessions.begin() as session:
                session.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT)"))
                for _ in range(2):
                    session.execute(text("INSERT INTO scratch VALUES (1, :body)"), {"body": secret})
    finally:
        store.close()
    logging.getLogger("fieldapp.ui").error("background task failed", exc_info=caught.value)
    assert "UNIQUE constraint failed" in caplog.text
    assert "strokes" not in caplog.text and "strokes" not in str(caught.value)
