"""One profile, one running program: a second start is refused and wakes the first."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import text

from fieldapp.store.engine import open_store
from fieldapp.ui import single_instance

from conftest import copy_db
from ui_expect import TODAY


def _answers(home) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(single_instance.server_name(home))
    answered = socket.waitForConnected(200)
    socket.abort()
    return answered


def _start(home, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "fieldapp", "--home", str(home),
                             "--today", TODAY.isoformat(), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_a_second_program_on_the_same_profile_says_so_and_exits(qtbot, demo_db, tmp_path):
    home = tmp_path / "home"
    copy_db(demo_db, home)
    first = _start(home)
    try:
        qtbot.waitUntil(lambda: _answers(home) or first.poll() is not None, timeout=60_000)
        assert first.poll() is None, first.stderr.read()
        second = _start(home)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 2
        assert "already running with the profile" in err and str(home) in err
        assert first.poll() is None  # the first is untouched and still running

        # Reading the profile beside the window is legitimate: it waits, never "is locked".
        demo = _start(home, "demo-data")
        _out, err = demo.communicate(timeout=120)
        assert demo.returncode == 2 and "already holds" in err, err
        assert "locked" not in err

        other = tmp_path / "other"  # another profile is another program
        copy_db(demo_db, other)
        third = _start(other)
        try:
            qtbot.waitUntil(lambda: _answers(other) or third.poll() is not None, timeout=60_000)
            assert third.poll() is None, third.stderr.read()
        finally:
            third.kill()
            third.communicate(timeout=30)
    finally:
        first.kill()
        first.communicate(timeout=30)


CLAIMER = r"""
import sys
from pathlib import Path
from fieldapp.ui import single_instance
guard = single_instance.claim(Path(sys.argv[1]))
print("CLAIMED", flush=True)
sys.stdin.readline()
"""


def test_a_killed_holder_leaves_a_lock_the_next_start_takes_over(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", CLAIMER, str(tmp_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "CLAIMED"
        with pytest.raises(single_instance.ProfileInUse):  # held while the child lives
            single_instance.claim(tmp_path)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        child.stdin.close()
        child.stdout.close()
    assert (tmp_path / single_instance.LOCK_NAME).exists()  # left behind by the kill
    guard = single_instance.claim(tmp_path)
    guard.release()


def test_a_second_claim_brings_the_running_window_forward(qtbot, tmp_path):
    guard = single_instance.claim(tmp_path)
    try:
        guard.serve()
        QApplication.closeAllWindows()  # windows other tests left open would compete
        main, other = QMainWindow(), QMainWindow()
        main.setObjectName(single_instance.MAIN_WINDOW)
        qtbot.addWidget(main)
        qtbot.addWidget(other)
        main.show()
        main.showMinimized()
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
        with pytest.raises(single_instance.ProfileInUse) as refused:
            single_instance.claim(tmp_path)
        assert refused.value.woke_first
        assert refused.value.code == "profile.in_use"
        qtbot.waitUntil(lambda: not main.isMinimized()
                        and QApplication.activeWindow() is main, timeout=5000)
    finally:
        guard.release()
    again = single_instance.claim(tmp_path)  # released: the next start gets it
    with pytest.raises(single_instance.ProfileInUse) as refused:
        single_instance.claim(tmp_path)
    assert not refused.value.woke_first  # nobody serves: the caller shows its own message
    again.release()


def test_sqlite_waits_for_another_process_instead_of_failing(tmp_path):
    store = open_store(tmp_path / "fieldapp.db")
    try:
        with store.engine.connect() as conn:
            waited = conn.execute(text("PRAGMA busy_timeout")).scalar()
        assert waited >= 10_000  # milliseconds: a verify or a benchmark finishes well within
    finally:
        store.close()


def test_a_lock_that_cannot_be_written_is_not_called_another_program(qapp, tmp_path):
    """No lock file can be made (here: the folder is gone; a full disk does the same): nobody
    holds the profile, so the user is told the folder cannot be written, not "already running"."""
    from fieldapp.domain.errors import FieldappError
    from fieldapp.ui import single_instance
    with pytest.raises(FieldappError) as caught:
        single_instance.claim(tmp_path / "gone")
    assert caught.value.code == "profile.read_only"
    assert not isinstance(caught.value, single_instance.ProfileInUse)
