"""The office's SQLite file, optionally encrypted like the laptop's profile (SQLCipher under a
key file beside it, unwrapped by the supervisors' passphrase): how it opens, made encrypted,
converted from a plain file, its passphrase changed. A shared PostgreSQL office is protected by
its server instead (roles and TLS: docs/office-postgresql.md)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from ...domain.errors import FieldappError
from ...store import cipher, encrypted, keyfile
from ...store.engine import Store, open_store
from ...store.keyfile import UnlockError

PLAIN, CHOOSE, ASK = "plain", "choose", "ask"  # what opening the file needs (opening())


@dataclass(frozen=True)
class Encrypted:
    """What `fieldapp office encrypt` did: ``converted`` (a plain file) or a new file made,
    the rows per table before and after (the same, or nothing was switched)."""

    path: Path
    converted: bool
    before: dict[str, int]
    after: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.after.values())


@contextlib.contextmanager
def office_words(path: Path):
    """UnlockErrors re-raised with the office's codes naming the file (the laptop's words
    speak of "the profile")."""
    try:
        yield
    except UnlockError as exc:
        _reword(exc, str(path))
        raise


def _reword(exc: UnlockError, database: str) -> None:
    said = exc.params
    if exc.code == "unlock.wrong_secret":
        raise FieldappError("office.wrong_passphrase", database=database) from exc
    if exc.code == "unlock.no_key_file":
        raise FieldappError("office.no_key_file", database=database,
                            path=said.get("path", "")) from exc
    if exc.code == "unlock.key_file_damaged":
        raise FieldappError("office.key_file_damaged", database=database,
                            reason=said.get("reason", "")) from exc
    if exc.code == "unlock.conversion_failed":
        raise FieldappError("office.encrypt_failed", database=database,
                            reason=said.get("reason", "")) from exc
    if exc.code == "unlock.no_secret":
        raise FieldappError("office.no_passphrase", database=database,
                            variable=said.get("variable", "")) from exc


def is_encrypted(path: Path) -> bool:
    """An encrypted file with its key file (a key file beside a plain file is what a conversion
    cut short left: that file is still plain, and encrypt() starts again)."""
    return encrypted.state(path) == "locked"


def opening(path: Path, encrypt_new: bool = False) -> str:
    """PLAIN (opened without a passphrase), CHOOSE (a new file made encrypted: the passphrase
    is chosen now) or ASK (an encrypted file). ``encrypt_new`` on a plain file is refused:
    `fieldapp office encrypt` converts it, with its backup and checks."""
    found = encrypted.state(path)
    if found == "plain":
        if encrypt_new:
            raise FieldappError("office.plain_exists", path=str(path))
        return PLAIN
    if found == "new":
        return CHOOSE if encrypt_new else PLAIN
    if found == "keyless":
        with office_words(path):
            encrypted.refuse_keyless(path)
    return ASK


def open_plain(path: Path, backups: Path) -> Store:
    return open_store(path, backups)


def unlock(path: Path, backups: Path, secret: str) -> Store:
    """The encrypted office file opened (a new one made under ``secret``);
    ``office.wrong_passphrase`` for a wrong one, before anything is written. A plain file is
    never converted here (only by encrypt())."""
    if encrypted.state(path) == "plain":
        raise FieldappError("office.not_encrypted", path=str(path))
    with office_words(path):
        return encrypted.open_encrypted(path, backups, secret, own_backups=True)[0]


def encrypt(path: Path, backups: Path, secret: str) -> Encrypted:
    """Encrypt the plain office file ``path`` (backup, convert, verify rows per table, switch:
    a crash at any point leaves the plain or the encrypted file usable), or make a new
    encrypted one; ``office.already_encrypted`` when it is."""
    path = Path(path)
    found = encrypted.state(path)
    if found == "locked":
        raise FieldappError("office.already_encrypted", path=str(path))
    before = {}
    if found == "plain":
        open_plain(path, backups).close()  # brought up to date first: the counts compare alike
        _alone(path)
        before = cipher.counts(path, None)
    with office_words(path):
        store, keys = encrypted.open_encrypted(path, backups, secret, own_backups=True)
    store.close()
    return Encrypted(path, found == "plain", before, cipher.counts(path, keys.database))


def _alone(path: Path) -> None:
    """Refuse a file another program (a window, a command) has open: the switch would leave
    its later writes in the replaced file. Leaving WAL journaling needs every other connection
    closed, so it is the test (and conversion's first step anyway)."""
    conn = cipher.connect(path, None, timeout=2)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except cipher.dbapi().OperationalError as exc:
        raise FieldappError("office.in_use", path=str(path)) from exc
    finally:
        conn.close()


def change_passphrase(path: Path, old: str, new: str) -> None:
    """The same keys wrapped under ``new``: one atomic rewrite of the key file, nothing else."""
    if not is_encrypted(path):
        raise FieldappError("office.not_encrypted", path=str(path))
    with office_words(path):
        keyfile.change_secret(keyfile.key_file(path), old, new)
