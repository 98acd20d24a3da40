"""Profile housekeeping: set an existing database aside before replacing it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def retire_database(profile) -> Path | None:
    """Move the profile's database (and its WAL files) into backups; returns the new path."""
    db = profile.database
    if not db.exists():
        return None
    profile.backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = profile.backups / f"{db.stem}-replaced-{stamp}{db.suffix}"
    db.replace(target)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target
