"""A SQLite database encrypted with SQLCipher under a key file: made, unlocked, or converted from
a plain file (backup first, convert, verify, then switch, crash-safe). The laptop's profile
always is one (store/laptop.py); the office's file is one when the supervisor asks."""

from __future__ import annotations

import logging
import os
import signal
from datetime import datetime
from pathlib import Path

from ..files import sync_folder
from . import cipher, health, keyfile
from .engine import Store, open_store
from .keyfile import Keys, UnlockError

log = logging.getLogger(__name__)
# Tests only: kill this process (-9) right after conversion step N, to prove each step leaves
# the old or the new database usable.
STOP_ENV = "FIELDAPP_TEST_CONVERT_STOP"
ENCRYPTING = ".encrypting"


def state(database: Path) -> str:
    """"plain" (an unencrypted SQLite file), "locked" (encrypted, with its key file), "new" (no
    database yet) or "keyless" (encrypted, key file lost)."""
    database = Path(database)
    if cipher.is_plain(database):
        return "plain"
    if keyfile.key_file(database).exists():
        return "locked"
    if database.exists() and database.stat().st_size > 0:
        return "keyless"
    return "new"


def refuse_keyless(database: Path) -> None:
    """An encrypted database whose key file is gone is said as such (it is not damaged: the
    key file, put back, opens it); random bytes or a cut-off file stay "damaged"."""
    if not cipher.looks_encrypted(database):
        health.check_file(database)
    raise UnlockError("unlock.no_key_file", path=str(keyfile.key_file(database)),
                      database=str(database))


def open_encrypted(database: Path, backups: Path, secret: str,
                   own_backups: bool = False) -> tuple[Store, Keys]:
    """The open store and its keys: unlocked, made new under ``secret``, or converted from a
    plain file first; UnlockError for a wrong secret (nothing written). ``own_backups``: seal
    only this database's copies in ``backups`` (a folder other databases may share)."""
    database = Path(database)
    found = state(database)
    stem = database.stem if own_backups else None
    if found == "plain":
        keys = convert(database, backups, secret, stem)
    elif found == "locked":
        keys = keyfile.unlock(keyfile.key_file(database), secret)
    elif found == "keyless":
        refuse_keyless(database)
    else:
        keys = keyfile.create(keyfile.key_file(database), secret)
    return open_unlocked(database, backups, keys, stem), keys


class UnreadableProfile(UnlockError):
    """The key file opened with the secret, yet the database does not: ``db.damaged`` (a backup
    under the same keys may replace it) or ``unlock.key_mismatch``. ``keys`` stay in memory
    (never in the words), so the backup is checked and opened without asking again."""

    keys: Keys | None = None


def open_unlocked(database: Path, backups: Path, keys: Keys, stem: str | None = None) -> Store:
    """The store under ``keys`` (unwrapped from the key file); UnreadableProfile when it cannot
    be read with them."""
    database = Path(database)
    try:
        store = open_store(database, backups, keys.database)
    except health.StoreProblem as exc:
        if exc.code != "db.damaged":
            raise
        if _damaged(database, backups, keys):
            failure = UnreadableProfile("db.damaged", database=str(database),
                                        reason=exc.params.get("reason", ""))
        else:
            failure = UnreadableProfile("unlock.key_mismatch", database=str(database),
                                        path=str(keyfile.key_file(database)))
        failure.keys = keys
        raise failure from exc
    try:  # what a conversion cut short left in the clear
        seal_backups(backups, keys.database, stem)
    except Exception:
        store.close()
        raise
    return store


def _damaged(database: Path, backups: Path, keys: Keys) -> bool:
    """Damaged (some pages check with the key, or a backup opens with it), rather than another
    profile's key file (nothing here knows this key)."""
    matching, _pages = cipher.pages_matching(database, keys.database)
    return bool(matching) or any(cipher.readable(p, keys.database)
                                 for p in _backup_files(backups))


def _backup_files(backups: Path) -> list[Path]:
    folder = Path(backups)
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def _stop(step: int) -> None:
    if os.environ.get(STOP_ENV) == str(step):
        os.kill(os.getpid(), signal.SIGKILL)


def convert(database: Path, backups: Path, secret: str, stem: str | None = None) -> Keys:
    """Encrypt a plain database. Until the switch (step 6) the plain file is the database,
    and a start after a crash begins again; after it, the encrypted one is. ``stem``: as for
    seal_backups."""
    keyfile.check_new_secret(secret)
    # 1: the plain file brought up to date and whole in itself (its WAL folded in). A damaged
    # file is refused here with the usual words, before anything is copied.
    open_store(database, backups).close()
    cipher.self_contained(database)
    _stop(1)
    # 2: backup first (plain, like the file; sealed with the rest of the backups at step 7).
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    cipher.export(database, None, backups / f"{database.stem}-plain-{stamp}{database.suffix}",
                  None)
    _stop(2)
    # 3: new keys under the secret. A key file beside a plain database means "not finished".
    keys = keyfile.create(keyfile.key_file(database), secret)
    _stop(3)
    tmp = database.with_name(database.name + ENCRYPTING)
    cipher.export(database, None, tmp, keys.database)  # 4: the encrypted copy
    _stop(4)
    before, after = cipher.counts(database, None), cipher.counts(tmp, keys.database)
    if before != after:  # 5: verified, table by table
        tmp.unlink(missing_ok=True)
        raise UnlockError("unlock.conversion_failed", database=str(database),
                          reason=f"rows per table differ: {before} != {after}")
    _stop(5)
    os.replace(tmp, database)  # 6: the switch, one rename; the plain file is gone with it
    sync_folder(database.parent)
    _stop(6)
    seal_backups(backups, keys.database, stem)  # 7
    _stop(7)
    log.info("the database %s is now encrypted", database)
    return keys


def seal_backups(backups: Path, key: bytes, stem: str | None = None) -> list[Path]:
    """Encrypt every plain database copy in ``backups`` (only those named ``stem-…`` when
    given) in place (export, verify, rename)."""
    sealed = []
    if not Path(backups).is_dir():
        return sealed
    for path in sorted(Path(backups).iterdir()):
        if not path.is_file() or path.name.endswith(ENCRYPTING) or not cipher.is_plain(path):
            continue
        if stem is not None and not path.name.startswith(f"{stem}-"):
            continue
        tmp = path.with_name(path.name + ENCRYPTING)
        try:
            cipher.export(path, None, tmp, key)
            same = cipher.counts(path, None) == cipher.counts(tmp, key)
        except (*health.driver_errors(), OSError) as exc:
            same, why = False, exc
        else:
            why = "rows per table differ"
        if not same:
            tmp.unlink(missing_ok=True)
            log.warning("backup %s left as it is: cannot encrypt it (%s)", path, why)
            continue
        os.replace(tmp, path)
        for side in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        sealed.append(path)
    for leftover in Path(backups).glob(f"{stem or ''}*{ENCRYPTING}"):
        leftover.unlink(missing_ok=True)
    return sealed
