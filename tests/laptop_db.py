"""The laptop profile as the tests' command lines leave it: encrypted under TEST_PASSPHRASE."""

from pathlib import Path

from fieldapp.store import cipher, keyfile
from fieldapp.store.engine import open_store

TEST_PASSPHRASE = "test passphrase 1234"  # conftest exports it as FIELDAPP_PASSPHRASE


def key(database) -> bytes:
    """The database key of ``database``, or of the profile whose backups folder holds it."""
    found = keyfile.key_file(Path(database))
    if not found.exists():
        found = keyfile.key_file(Path(database).parent.parent / "fieldapp.db")
    return keyfile.unlock(found, TEST_PASSPHRASE).database


def _encrypted(database) -> bool:
    return keyfile.key_file(Path(database)).exists() or \
        keyfile.key_file(Path(database).parent.parent / "fieldapp.db").exists()


def connect(database):
    """A DB-API connection like sqlite3.connect(database), keyed when the file is encrypted (a
    laptop made through the command line); a plain file (made in-process) opens as it is."""
    if not _encrypted(database):
        import sqlite3  # noqa: PLC0415
        return sqlite3.connect(database)
    return cipher.connect(Path(database), key(database))


def open_laptop_store(database, backups=None):
    """The laptop's store as the window has it after unlocking: keyed, and the profile's files
    key in use for its private keys (tests/conftest.py forgets it after each test)."""
    if not _encrypted(database):
        return open_store(Path(database), backups)
    from fieldapp import sealed  # noqa: PLC0415
    found = keyfile.key_file(Path(database))
    sealed.use(keyfile.unlock(found, TEST_PASSPHRASE).files)
    return open_store(Path(database), backups, key(database))


def _with_files_key(home, fn):
    from fieldapp import sealed
    sealed.use(keyfile.unlock(keyfile.key_file(Path(home) / "fieldapp.db"),
                              TEST_PASSPHRASE).files)
    try:
        return fn()
    finally:
        sealed.use(None)


def read_key(home, name):
    """A private key from the laptop's keys folder (encrypted with the profile's files key)."""
    from fieldapp.documents import identity
    return _with_files_key(home, lambda: identity.read_key(Path(home) / "keys" / name))


def load_identity(home, name):
    from fieldapp.documents import identity
    return _with_files_key(home, lambda: identity.load(Path(home) / "keys" / name))
