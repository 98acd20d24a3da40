"""SQLCipher connections with a raw key, and whole-database copies between keys (export)."""

from __future__ import annotations

import os
from pathlib import Path

from .health import HEADER

PAGE_SIZE = 4096  # SQLCipher 4's page size (cipher_page_size), which the profile keeps


def dbapi():
    """The sqlcipher3 DB-API module (imported on first use: plain profiles never need it)."""
    from sqlcipher3 import dbapi2  # noqa: PLC0415
    return dbapi2


def _key_sql(key: bytes | None) -> str:
    # A raw key x'..': SQLCipher skips its own PBKDF2, the slow derivation is the PIN's (keyfile).
    return f"\"x'{key.hex()}'\"" if key else "''"


def connect(path: Path, key: bytes | None, timeout: float = 30, check: bool = True):
    """A sqlcipher3 connection to ``path`` keyed with ``key`` (None: a plain file); ``check``
    reads the schema now, so a wrong key fails here ("file is not a database")."""
    conn = dbapi().connect(str(path), check_same_thread=False, timeout=timeout)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error, not stderr's
        if key:
            conn.execute(f"PRAGMA key = {_key_sql(key)}")
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def is_plain(path: Path) -> bool:
    """Whether ``path`` is a non-empty unencrypted SQLite file (an older version's profile)."""
    try:
        with Path(path).open("rb") as f:
            return f.read(len(HEADER)) == HEADER
    except OSError:
        return False


def opens_with(path: Path, key: bytes | None) -> bool:
    try:
        connect(path, key, timeout=1).close()
    except (dbapi().Error, OSError):
        return False
    return True


def readable(path: Path, key: bytes) -> bool:
    """Whether ``path`` (a backup) opens with ``key`` and reads its schema, without changing
    it: read-only and immutable, so no -wal or -shm file is made beside it."""
    try:
        conn = dbapi().connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_key_sql(key)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except (dbapi().Error, OSError):
        return False
    return True


def pages_matching(path: Path, key: bytes) -> tuple[int, int]:
    """(pages whose HMAC checks with ``key``, pages) of the encrypted file ``path``. SQLCipher
    checks every page on its own, even when page 1 (the schema) is damaged: some pages that
    check mean the key is this file's and the file is damaged; none, another file's key."""
    size = Path(path).stat().st_size
    pages = size // PAGE_SIZE
    conn = dbapi().connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_key_sql(key)}")
        failed = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except dbapi().Error:
        return 0, pages
    finally:
        conn.close()
    return max(0, pages - failed), pages


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` could be an encrypted database: not a plain one, whole pages of
    SQLCipher's size (random bytes or a cut-off copy seldom are)."""
    try:
        if not Path(path).is_file():
            return False
        size = Path(path).stat().st_size
    except OSError:
        return False
    return size >= PAGE_SIZE and size % PAGE_SIZE == 0 and not is_plain(path)


def export(source: Path, source_key: bytes | None, target: Path, target_key: bytes | None
           ) -> None:
    """Copy the whole database ``source`` into the new file ``target`` under ``target_key``
    (SQLCipher's sqlcipher_export, in one read transaction of the source), synced to disk."""
    target = Path(target)
    target.unlink(missing_ok=True)
    target.touch(mode=0o600)
    conn = connect(source, source_key)
    try:
        conn.isolation_level = None
        conn.execute("BEGIN")  # one snapshot of the source while it is copied
        conn.execute(f"ATTACH DATABASE ? AS target KEY {_key_sql(target_key)}", (str(target),))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def counts(path: Path, key: bytes | None) -> dict[str, int]:
    """Rows per table: what a copy must hold the same of."""
    conn = connect(path, key)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def self_contained(path: Path) -> None:
    """Fold a plain database's WAL into the file and leave rollback journaling: the file alone
    then holds everything (it is copied, and later replaced by an encrypted one)."""
    conn = connect(path, None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()
