"""The collector's laptop database: always encrypted with SQLCipher (store/encrypted.py), an older
version's plain file converted at the first unlock."""

from __future__ import annotations

from pathlib import Path

from .encrypted import (ENCRYPTING, STOP_ENV, UnreadableProfile, convert, open_encrypted,
                        open_unlocked, refuse_keyless, seal_backups, state)
from .engine import Store
from .keyfile import Keys

__all__ = ["ENCRYPTING", "STOP_ENV", "UnreadableProfile", "convert", "open_laptop",
           "open_unlocked", "refuse_keyless", "seal_backups", "state"]


def open_laptop(database: Path, backups: Path, secret: str) -> tuple[Store, Keys]:
    """The open store and the profile's keys; UnlockError for a wrong PIN (nothing written).
    A new profile is made encrypted under ``secret``; a plain one is converted first."""
    return open_encrypted(database, backups, secret)
