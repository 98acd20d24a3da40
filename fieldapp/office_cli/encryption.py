"""`fieldapp office encrypt` and `fieldapp office passphrase`: the office database file made
encrypted (converted from plain, or new) and its passphrase changed."""

from __future__ import annotations

import getpass
import os
import sys

from ..domain.errors import FieldappError
from ..services.office import encryption
from ..store.pg_connect import hidden
from .main import ask_passphrase, database_url, office_file

# The new passphrase for scripts changing it (the old one is FIELDAPP_PASSPHRASE).
NEW_ENV = "FIELDAPP_NEW_PASSPHRASE"


def main(profile, args) -> int:
    url = database_url(args.db)
    where = office_file(profile, url)
    if where is None:
        raise FieldappError("office.encrypt_not_file", url=hidden(url))
    path, backups = where
    if args.office_command == "passphrase":
        return _change(path)
    if encryption.is_encrypted(path):  # before a passphrase is asked for nothing
        raise FieldappError("office.already_encrypted", path=str(path))
    done = encryption.encrypt(path, backups, ask_passphrase(path, setting=True))
    if done.converted:
        print(f"{path} is now encrypted: {done.rows:,} rows in {len(done.after)} tables, the "
              f"same as before; the unencrypted copy in {backups} is encrypted too")
    else:
        print(f"{path} made encrypted ({len(done.after)} tables)")
    print(f"keep its passphrase safe: without it nobody can open {path.name} or its backups")
    return 0


def _change(path) -> int:
    if not encryption.is_encrypted(path):
        raise FieldappError("office.not_encrypted", path=str(path))
    old = ask_passphrase(path, setting=False)
    encryption.change_passphrase(path, old, _new_passphrase(path))
    print(f"the passphrase of {path} is changed (its keys are the same: nothing else was "
          "rewritten)")
    return 0


def _new_passphrase(path) -> str:
    """FIELDAPP_NEW_PASSPHRASE, else typed twice on the terminal."""
    given = os.environ.get(NEW_ENV)
    if given:
        return given
    if not sys.stdin or not sys.stdin.isatty():
        raise FieldappError("office.no_passphrase", database=str(path), variable=NEW_ENV)
    first = getpass.getpass(f"new passphrase for {path}: ")
    if getpass.getpass("the same again: ") != first:
        raise FieldappError("office.passphrases_differ")
    return first
