"""Crash-safe file writes: temp file in the same folder, fsync, rename (Electrum's storage habit)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_UMASK = 0o077  # new files 0600, new folders 0700


def _current_umask() -> int:
    # Read once at import (startup, one thread): os.umask can only be read by setting it.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_umask = _current_umask()


def make_new_files_private() -> None:
    """Everything this process creates from now on is its owner's only: the database and its
    -wal/-shm files (made by SQLite), logs and their rotations, backups, settings. A process-wide
    umask covers writers we do not control, which chmod-after-create would have to chase."""
    global _umask
    os.umask(PRIVATE_UMASK)
    _umask = PRIVATE_UMASK


def write_atomically(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` so a crash leaves the old file or the new one, never half;
    ``private`` files (keys) are readable by their owner only, others follow the umask."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o600 if private else 0o666 & ~_umask)  # mkstemp makes every file 0600
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """The rename lives in the folder's entries: until they reach the disk, a power cut can
    bring back the old file. Windows has no directory handles to fsync (NTFS journals it)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
