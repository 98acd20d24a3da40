"""`fieldapp office --demo` in real processes: a throwaway office prepared once a day, filled
like `office demo-data`, gone however the program ends; never a shared database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.integration.test_demo_start import wait_gone


def _env(tmp_path, drop=(), **extra):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(TMPDIR=str(tmp_path / "tmp"), XDG_CACHE_HOME=str(tmp_path / "cache"), **extra)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


def _homes(tmp_path):
    return sorted((tmp_path / "tmp").glob("fieldapp-demo-*"))


def _collectors(home) -> int:
    try:
        with sqlite3.connect(f"file:{home / 'office.db'}?mode=ro", uri=True) as con:
            return con.execute("SELECT COUNT(*) FROM collector").fetchone()[0]
    except sqlite3.Error:  # not copied yet
        return 0


def _start_and_kill(tmp_path) -> str:
    """Start the demo office, wait until its throwaway office holds the six collectors, end it
    as a killed program ends, and return what it said on stderr."""
    err = open(tmp_path / "stderr.txt", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "fieldapp", "office", "--demo"],
                            env=_env(tmp_path, QT_QPA_PLATFORM="offscreen",
                                     FIELDAPP_OFFICE_DB="postgresql+psycopg://nobody@nowhere/x"),
                            stdout=subprocess.DEVNULL, stderr=err, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and not any(
                _collectors(home) == 6 for home in _homes(tmp_path)):
            time.sleep(0.05)
        assert proc.poll() is None, (tmp_path / "stderr.txt").read_text()
        assert [_collectors(home) for home in _homes(tmp_path)] == [6]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        err.close()
    return (tmp_path / "stderr.txt").read_text()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the watcher's test is POSIX")
def test_the_demo_office_is_prepared_once_and_removed_however_it_ends(tmp_path):
    first = _start_and_kill(tmp_path)
    assert "preparing a demo office" in first
    assert wait_gone(tmp_path) == []
    (prepared,) = (tmp_path / "cache" / "fieldapp" / "office-demo").iterdir()
    assert (prepared / "office.db").stat().st_size > 100_000
    # Yesterday's day bundles of three laptops, imported: the Laptops tab has something to show.
    with sqlite3.connect(prepared / "office.db") as con:
        devices = con.execute("SELECT COUNT(*) FROM device").fetchone()[0]
        imported = con.execute("SELECT COUNT(*), SUM(records) FROM bundle_in "
                               "WHERE status = 'imported'").fetchone()
        visits = con.execute("SELECT COUNT(*) FROM visit").fetchone()[0]
    assert devices == 3 and imported[0] == 3 and imported[1] > visits > 0
    assert (prepared / "keys" / "company-ca.pem").exists()
    assert not list(prepared.glob("**/fieldapp.db"))  # the laptops were thrown away
    again = _start_and_kill(tmp_path)
    assert "preparing a demo office" not in again  # copied, not built
    assert wait_gone(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is how Linux finds X")
def test_without_a_display_nothing_is_built(tmp_path):
    out = subprocess.run([sys.executable, "-m", "fieldapp", "office", "--demo"], text=True,
                         env=_env(tmp_path, drop=("DISPLAY", "WAYLAND_DISPLAY",
                                                  "QT_QPA_PLATFORM")),
                         capture_output=True, timeout=120)
    assert out.returncode == 2 and "no display to show the window on" in out.stderr
    assert _homes(tmp_path) == [] and not (tmp_path / "cache").exists()


def test_the_demo_never_uses_a_shared_database(tmp_path):
    out = subprocess.run([sys.executable, "-m", "fieldapp", "office", "--demo", "--db",
                          "postgresql+psycopg://boss:Secret-9@office-server/office"], text=True,
                         env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"), capture_output=True,
                         timeout=120)
    assert out.returncode == 2 and "throwaway office" in out.stderr
    assert "Secret-9" not in out.stderr
    assert _homes(tmp_path) == [] and not (tmp_path / "cache").exists()
