"""`fieldapp --demo` in real processes: no display is said before anything is built, the demo
comes from a copy prepared once a day, and no temporary profile stays behind, whatever the end."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest



def start(tmp_path, env=None, drop=()):
    """``fieldapp --demo`` with its own temp folder and cache under ``tmp_path``."""
    full = {k: v for k, v in os.environ.items() if k not in drop}
    full.update(TMPDIR=str(tmp_path / "tmp"), XDG_CACHE_HOME=str(tmp_path / "cache"),
                **(env or {}))
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "fieldapp", "--demo"], env=full, text=True,
                          capture_output=True, timeout=300)


def demo_homes(tmp_path):
    return sorted((tmp_path / "tmp").glob("fieldapp-demo-*"))


def wait_gone(tmp_path, seconds: float = 20):
    """The watcher removes the profile right after the process ended; poll, never sleep blind."""
    deadline = time.monotonic() + seconds
    while demo_homes(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    return demo_homes(tmp_path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is how Linux finds X")
def test_no_display_is_said_plainly_before_anything_is_built(tmp_path):
    out = start(tmp_path, drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert out.returncode == 2
    assert "no display to show the window on" in out.stderr
    assert "libxcb" not in out.stderr and "Traceback" not in out.stderr
    assert "preparing a demo" not in out.stderr
    assert not demo_homes(tmp_path) and not (tmp_path / "cache").exists()


def test_the_demo_is_prepared_once_then_copied_and_nothing_stays_behind(tmp_path):
    probe = {"FIELDAPP_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen"}
    first = start(tmp_path, probe)
    assert first.returncode == 0, first.stderr
    assert any(l.startswith("fieldapp-shown ") for l in first.stdout.splitlines())
    assert "preparing a demo portfolio" in first.stderr
    assert wait_gone(tmp_path) == []
    prepared = list((tmp_path / "cache" / "fieldapp" / "demo").iterdir())
    assert len(prepared) == 1 and (prepared[0] / "fieldapp.db").stat().st_size > 100_000
    again = start(tmp_path, probe)
    assert again.returncode == 0, again.stderr
    assert "preparing a demo" not in again.stderr  # copied, not built
    assert any(l.startswith("fieldapp-shown ") for l in again.stdout.splitlines())
    assert wait_gone(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an X display that is not there")
def test_a_failed_start_leaves_no_temporary_profile(tmp_path):
    # A display that cannot be reached: Qt aborts the process (no Python cleanup runs).
    out = start(tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":4093"})
    assert out.returncode != 0
    assert wait_gone(tmp_path) == []


def test_a_profile_left_by_a_killed_start_is_swept_by_the_next(tmp_path):
    from fieldapp import demo_profile

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    left = tmp_path / f"{demo_profile.PREFIX}{dead}-abc"
    (left / "keys").mkdir(parents=True)
    mine = tmp_path / f"{demo_profile.PREFIX}{os.getpid()}-def"
    mine.mkdir()
    assert demo_profile.sweep_stale(tmp_path) == [left]
    assert not left.exists() and mine.exists()


def test_one_prepared_demo_is_kept_and_half_built_ones_of_killed_starts_go(tmp_path):
    from datetime import date

    from fieldapp import demo_profile

    root = tmp_path / "cache"
    built = []

    def build(home):
        built.append(home)
        (home / "fieldapp.db").write_bytes(b"demo of the day")

    yesterday = date(2026, 6, 29)
    first = tmp_path / "first"
    first.mkdir()
    demo_profile.fill(first, yesterday, build, cache=root)
    old_half = root / ".building-old"
    old_half.mkdir()
    os.utime(old_half, (1_700_000_000, 1_700_000_000))
    running = root / ".building-now"  # another start building right now
    running.mkdir()
    second = tmp_path / "second"
    second.mkdir()
    demo_profile.fill(second, date(2026, 6, 30), build, cache=root)
    demo_profile.fill(tmp_path / "third", date(2026, 6, 30), build, cache=root)
    assert len(built) == 2  # the third start copied what the second prepared
    assert (tmp_path / "third" / "fieldapp.db").read_bytes() == b"demo of the day"
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [".building-now", demo_profile.cache_key(date(2026, 6, 30))])
