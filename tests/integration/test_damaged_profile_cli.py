"""A damaged or unwritable profile from the command line and at the window's start, in real
processes: what is wrong and where, exit status 2, no traceback, nothing written over."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

PROBE = {"FIELDAPP_STARTUP_PROBE": "1"}


def run(*args, env=None, prefix=()):
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run([*prefix, sys.executable, "-m", "fieldapp", *args], text=True,
                          env=full_env, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def good_profile(tmp_path_factory):
    """An older version's profile (plain): cut off, it is still recognisably a database."""
    from datetime import date

    from fieldapp.paths import Profile
    from fieldapp.services import demo
    from fieldapp.store.engine import open_store
    profile = Profile(tmp_path_factory.mktemp("good")).ensure()
    store = open_store(profile.database, profile.backups)
    try:
        demo.generate(store, 5, seed=2026, today=date(2026, 11, 22))
    finally:
        store.close()
    return profile.home


def _damaged(tmp_path, good_profile, how: str):
    home = tmp_path / how
    home.mkdir()
    db = home / "fieldapp.db"
    if how == "cut_off":
        data = (good_profile / "fieldapp.db").read_bytes()
        db.write_bytes(data[: len(data) // 2])
    elif how == "random_bytes":
        db.write_bytes(os.urandom(40_000))
    else:
        db.mkdir()
    return home, db


EXPECTED = {"cut_off": ("is damaged (cut off", "damaged and cannot be read"),
            "random_bytes": ("is damaged (not a SQLite database)", "damaged and cannot be read"),
            "folder": ("is a folder where the database file should be",
                       "is a folder where the database file should be")}


@pytest.mark.parametrize("how", sorted(EXPECTED))
def test_a_damaged_database_is_named_by_every_command_and_left_as_it_is(tmp_path, good_profile,
                                                                        how):
    home, db = _damaged(tmp_path, good_profile, how)
    before = db.read_bytes() if db.is_file() else None
    english, worded = EXPECTED[how]
    demo = run("demo-data", "--customers", "3", "--home", str(home))
    window = run("--home", str(home), env=PROBE)
    for out in (demo, window):
        assert out.returncode == 2, out.stderr
        assert f"fieldapp: {db}" in out.stderr or f"database {db}" in out.stderr, out.stderr
        assert english in out.stderr and "Traceback" not in out.stderr
    # The window start says it in a box (printed under the probe) before the exit.
    box = next(line for line in window.stdout.splitlines() if line.startswith("fieldapp-box "))
    assert worded in box and str(db) in box
    assert (db.read_bytes() if db.is_file() else None) == before
    assert not (home / "fieldapp.db-wal").exists()
    # verify never needs the database: a file that is not a PDF is still named as such.
    (tmp_path / "note.pdf").write_text("not a pdf")
    checked = run("verify", "--home", str(home), str(tmp_path / "note.pdf"))
    assert checked.returncode == 2 and "is not a PDF" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_the_window_start_offers_the_newest_backup_and_changes_nothing_unanswered(
        tmp_path, good_profile):
    home, db = _damaged(tmp_path, good_profile, "cut_off")
    (home / "backups").mkdir()
    shutil.copy(good_profile / "fieldapp.db", home / "backups" / "fieldapp-v6-20260629-170500.db")
    before = db.read_bytes()
    out = run("--home", str(home), env=PROBE)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    box = next(line for line in out.stdout.splitlines() if line.startswith("fieldapp-box "))
    assert "damaged and cannot be read" in box and "Restore the backup of " in box
    assert db.read_bytes() == before and sorted(os.listdir(home / "backups")) == \
        ["fieldapp-v6-20260629-170500.db"]


def _namespace_ok() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _namespace_ok(), reason=(
    "a read-only or full disk is made with a private mount (unshare -m), which needs root; "
    "chmod alone does not stop root, and the unit tests cover the same refusals through "
    "SQLite's read-only mode and page limit"))


@needs_mounts
def test_a_read_only_profile_mount_is_said_as_such(tmp_path, good_profile):
    home = tmp_path / "ro"
    shutil.copytree(good_profile, home)
    script = (f"mount --bind {home} {home} && mount -o remount,bind,ro {home} && "
              f'exec "$@"')
    prefix = ("unshare", "-m", "sh", "-c", script, "sh")
    for args, env in ((("demo-data", "--customers", "3"), None), ((), PROBE)):
        out = run(*args, "--home", str(home), env=env, prefix=prefix)
        assert out.returncode == 2, out.stderr
        assert f"the profile folder {home} cannot be written" in out.stderr
        assert "read-only" in out.stderr and "Traceback" not in out.stderr
    assert "cannot be written: it or its disk is read-only" in out.stdout  # the box


@needs_mounts
def test_a_full_disk_is_said_as_such(tmp_path):
    home = tmp_path / "tiny"
    home.mkdir()
    script = f'mount -t tmpfs -o size=400k tmpfs {home} && exec "$@"'
    out = run("demo-data", "--customers", "300", "--home", str(home),
              prefix=("unshare", "-m", "sh", "-c", script, "sh"))
    assert out.returncode == 2, out.stderr
    assert f"the disk holding {home / 'fieldapp.db'} is full" in out.stderr
    assert "Traceback" not in out.stderr
