"""The database file checked before it is opened, and SQLite's failures put as coded errors:
a damaged file, a folder in its place, a read-only profile, a full disk."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from ..domain.errors import FieldappError

HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes (the low byte of sqlite_errorcode).
_FULL, _READONLY, _CORRUPT, _NOTADB, _CANTOPEN, _IOERR = 13, 8, 11, 26, 14, 10
_FULL_TEXT = "database or disk is full"


class StoreProblem(FieldappError):
    """The database file cannot be used as it is; the code says why, ``database`` says where."""


def check_file(path: Path, encrypted: bool = False) -> None:
    """Refuse, before SQLite touches it, a folder at the database's path and a file that is not
    a whole SQLite database (random bytes, cut off): opening one would only fail later. An
    ``encrypted`` file has no readable header: SQLCipher checks it when it is keyed."""
    if path.is_dir():
        raise StoreProblem("db.is_a_folder", database=str(path))
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:
        problem = from_os_error(exc, path)
        raise problem from exc
    if size == 0 or encrypted:
        return  # a new, empty file: SQLite makes the database in it
    reason = header_problem(head, size)
    if reason:
        raise StoreProblem("db.damaged", database=str(path), reason=reason)


def header_problem(head: bytes, size: int) -> str | None:
    """What is wrong with a database file whose first bytes are ``head``, in English; None."""
    if len(head) < 100 or not head.startswith(HEADER):
        return "not a SQLite database"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is only kept up to date when these two counters agree.
    if head[24:28] == head[92:96] and pages and size < pages * page_size:
        return f"cut off: {size} of {pages * page_size} bytes"
    return None


def from_os_error(exc: OSError, path: Path) -> FieldappError:
    """A file operation on the database or its folder that failed, as a coded error."""
    if exc.errno == errno.ENOSPC:
        return StoreProblem("disk.full", database=str(path))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreProblem("db.read_only", folder=str(path.parent),
                            reason=exc.strerror or str(exc))
    return StoreProblem("db.cannot_open", database=str(path), reason=exc.strerror or str(exc))


def driver_errors() -> tuple[type, ...]:
    """sqlite3's error class, and sqlcipher3's when it is loaded (an encrypted profile)."""
    import sys  # noqa: PLC0415
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, cipher.Error) if cipher else (sqlite3.Error,)


def from_sqlite_error(exc: BaseException, path: Path) -> FieldappError | None:
    """SQLite's error ``exc`` as a coded error when it is about the file (not a bug); else None."""
    if not isinstance(exc, driver_errors()):
        return None
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    text = str(exc)
    if code == _FULL or _FULL_TEXT in text:
        return StoreProblem("disk.full", database=str(path))
    if code in (_CORRUPT, _NOTADB):
        return StoreProblem("db.damaged", database=str(path), reason=text)
    if code == _READONLY or (code == _CANTOPEN and not _writable(path.parent)):
        return StoreProblem("db.read_only", folder=str(path.parent), reason=text)
    if code == _CANTOPEN:
        if path.is_dir():
            return StoreProblem("db.is_a_folder", database=str(path))
        return StoreProblem("db.cannot_open", database=str(path), reason=text)
    if code == _IOERR and _disk_full(path):
        return StoreProblem("disk.full", database=str(path))
    return None


def _writable(folder: Path) -> bool:
    # access() answers EROFS even for root; a 0500 folder stops everyone but root.
    return os.access(folder, os.W_OK)


def _disk_full(path: Path) -> bool:
    try:
        stat = os.statvfs(path.parent)
    except (OSError, AttributeError):  # Windows has no statvfs
        return False
    return stat.f_bavail == 0


def usable_backup(path: Path, key: bytes | None = None) -> bool:
    """Whether ``path`` (a backup) reads as a SQLite database, without changing it; with
    ``key``, as an SQLCipher database under that key."""
    if key is not None:
        from . import cipher  # noqa: PLC0415 (cipher imports this module)
        return cipher.readable(path, key)
    try:
        with path.open("rb") as f:
            if header_problem(f.read(100), path.stat().st_size):
                return False
        # immutable: no -wal or -shm file is made next to the backup, nothing is written.
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False
    return True
