"""The throwaway profile of ``--demo``: copied from a demo prepared once per program version,
seed and day in the user's cache, removed on every exit, and swept when a start was killed."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import platformdirs

from . import __version__

PREFIX = "fieldapp-demo-"
SEED = 2026
READY = "ready"  # written last: a cache folder without it was never finished
_SOURCES = ("services", "store", "documents")  # what the prepared demo is made by
log = logging.getLogger(__name__)


# The watcher: blocks until this process is gone however it ended (its end of the pipe closes
# then, even on an abort inside Qt or a kill -9), then removes the demo profile.
_WATCH = "import shutil, sys; sys.stdin.buffer.read(); shutil.rmtree(sys.argv[1], True)"


def make_home() -> Path:
    """A new empty temporary profile named after this process (so a later start can tell it
    from a living one's and sweep it), removed by a watcher when this process ends."""
    sweep_stale()
    home = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    _watch(home)
    return home


def _watch(home: Path) -> None:
    if getattr(sys, "frozen", False):  # no interpreter to run it: the next start sweeps
        return
    try:
        watcher = subprocess.Popen([sys.executable, "-I", "-S", "-c", _WATCH, str(home)],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        log.warning("no watcher for the demo profile (%s); the next start removes it", exc)
        return
    _watchers.append(watcher)  # its pipe stays open for as long as this process lives


_watchers: list[subprocess.Popen] = []


def remove(home: Path) -> None:
    shutil.rmtree(home, ignore_errors=True)


def sweep_stale(folder: Path | None = None) -> list[Path]:
    """Remove demo profiles left by processes that no longer run (a crash, a kill -9)."""
    if os.name != "posix":  # no cheap "is it alive" there; Windows cleans its temp folder
        return []
    swept = []
    for path in Path(folder or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        pid = path.name[len(PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)) \
                and path.is_dir() and path.stat().st_uid == os.getuid():
            remove(path)
            swept.append(path)
    return swept


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def fill(home: Path, today: date, build: Callable[[Path], None], cache: Path | None = None) -> None:
    """Put the demo of ``today`` into ``home``: a copy of the prepared one, prepared first by
    ``build(folder)`` when missing. Without a usable cache the demo is built in ``home``."""
    try:
        prepared = _prepared(cache or cache_root(), today, build)
    except OSError as exc:
        log.warning("demo cache not usable (%s); building the demo in place", exc)
        build(home)
        return
    shutil.copytree(prepared, home, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(READY, "logs"))


def cache_root() -> Path:
    return Path(platformdirs.user_cache_dir("fieldapp", appauthor=False)) / "demo"


def cache_key(today: date) -> str:
    """Program version, seed, day and the demo's makers (a changed checkout makes a new one)."""
    digest = hashlib.sha256(f"{__version__}|{SEED}|{today.isoformat()}".encode())
    package = Path(__file__).resolve().parent
    if not getattr(sys, "frozen", False):
        for part in _SOURCES:
            for path in sorted((package / part).rglob("*.py")):
                st = path.stat()
                digest.update(f"{path.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return f"{today.isoformat()}-{digest.hexdigest()[:16]}"


def _finished_or_stale(folder: Path) -> bool:
    """A prepared demo, or a half-built one an hour old (its start was killed)."""
    if not folder.name.startswith("."):
        return True
    return time.time() - folder.stat().st_mtime > 3600


def _prepared(root: Path, today: date, build: Callable[[Path], None]) -> Path:
    target = root / cache_key(today)
    if (target / READY).exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=root))
    try:
        build(building)
        (building / READY).write_text(__version__)
        for old in root.iterdir():  # one prepared demo is enough: older days go, and halves
            if old.is_dir() and old not in (target, building) and _finished_or_stale(old):
                remove(old)
        os.rename(building, target)
    except OSError:
        if not (target / READY).exists():  # another start finished first: theirs is used
            raise
    finally:
        remove(building)
    return target
