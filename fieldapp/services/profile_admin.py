"""Profile housekeeping: set an existing database aside before replacing it, and put the newest
backup back in place of a damaged one (the damaged file is kept, never deleted)."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from ..domain.errors import FieldappError
from ..store.health import usable_backup

DAMAGED = "damaged"  # the name part of a damaged database set aside; never offered back


def retire_database(profile, why: str = "replaced") -> Path | None:
    """Move the profile's database (and its WAL files) into backups; returns the new path."""
    db = profile.database
    if not db.exists():
        return None
    profile.backups.mkdir(parents=True, exist_ok=True)
    target = _free_name(profile.backups, f"{db.stem}-{why}-{_stamp()}", db.suffix)
    db.replace(target)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def newest_backup(profile, key: bytes | None = None) -> Path | None:
    """The newest backup in ``backups/`` that reads as a database (damaged ones set aside are
    not backups); with ``key``, one encrypted under that key (an encrypted profile's)."""
    folder = profile.backups
    if not folder.is_dir():
        return None
    found = [p for p in folder.glob(f"{profile.database.stem}-*{profile.database.suffix}")
             if f"-{DAMAGED}-" not in p.name and p.is_file()]
    for path in sorted(found, key=lambda p: p.stat().st_mtime, reverse=True):
        if usable_backup(path, key):
            return path
    return None


def backup_time(path: Path) -> datetime:
    """When the backup was written (its modification time, in the machine's zone)."""
    return datetime.fromtimestamp(path.stat().st_mtime).astimezone()


def restore_backup(profile, backup: Path) -> Path:
    """Move the damaged database aside (returned) and copy ``backup`` in its place; the backup
    stays. Nothing is overwritten: the copy is written beside and renamed into a free name."""
    fd, name = tempfile.mkstemp(dir=profile.home, prefix=f".{profile.database.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with backup.open("rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        aside = retire_database(profile, DAMAGED)
        if not profile.database.exists():  # else it appeared meanwhile: both are left alone
            os.replace(tmp, profile.database)
            return aside
        reason = "another database file appeared in its place"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    tmp.unlink(missing_ok=True)
    raise FieldappError("db.restore_failed", backup=str(backup), reason=reason)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target, n = folder / f"{stem}{suffix}", 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target
