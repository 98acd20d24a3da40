"""Unlocking the collector's encrypted profile: the PIN's tries and waits (kept on disk, so a
restart does not reset them), the files key for keys and logs, changing the PIN."""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable
from pathlib import Path

from .. import logs, sealed
from ..documents.keys import keys_folder
from ..files import write_atomically
from ..paths import Profile
from ..store import keyfile, laptop
from ..store.keyfile import UnlockError

PASSPHRASE_ENV = "FIELDAPP_PASSPHRASE"  # automation (scripts, CI): read, never stored
TRIES_FILE = "unlock-tries.json"
FREE_TRIES = 3  # then 5 s, 10 s, 20 s … up to a quarter of an hour between tries
LONGEST_WAIT_S = 900


def state(profile: Profile) -> str:
    """"new" (the PIN is set now, asked twice), "plain" (an older version's profile, encrypted
    under the PIN set now), "locked" (asks the PIN) or "keyless" (cannot be opened)."""
    return laptop.state(profile.database)


def wait_left(profile: Profile, now: Callable[[], float] = time.time) -> int:
    """Seconds before the next try is taken (0: now)."""
    tries = _tries(profile)
    failures, last = int(tries.get("failures", 0)), float(tries.get("last", 0))
    if failures < FREE_TRIES:
        return 0
    wait = min(5 * 2 ** (failures - FREE_TRIES), LONGEST_WAIT_S)
    return max(0, math.ceil(last + wait - now()))


def failures(profile: Profile) -> int:
    return int(_tries(profile).get("failures", 0))


def _tries(profile: Profile) -> dict:
    try:
        return json.loads((profile.home / TRIES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _note_tries(profile: Profile, count: int, now: float) -> None:
    write_atomically(profile.home / TRIES_FILE,
                     json.dumps({"failures": count, "last": now}).encode(), private=True)


def unlock(profile: Profile, secret: str, now: Callable[[], float] = time.time):
    """The open store of ``profile``; UnlockError ``unlock.wrong_secret`` (counted) or
    ``unlock.wait`` (a try too soon after the last wrong ones: not even looked at)."""
    left = wait_left(profile, now)
    if left:
        raise UnlockError("unlock.wait", seconds=left)
    try:
        store, keys = laptop.open_laptop(profile.database, profile.backups, secret)
    except UnlockError as exc:
        if exc.code == "unlock.wrong_secret":
            _note_tries(profile, failures(profile) + 1, now())
        raise
    if failures(profile):
        (profile.home / TRIES_FILE).unlink(missing_ok=True)
    return _in_use(profile, store, keys)


def _in_use(profile: Profile, store, keys):
    """The files key set for keys and logs once the database is open."""
    sealed.use(keys.files)
    logs.seal(keys.files)
    _seal_old_keys(keys_folder(profile.home))
    return store


# A private key block that is not encrypted: what an older version wrote.
_CLEAR_KEY = re.compile(rb"-----BEGIN (?!ENCRYPTED )[A-Z ]*PRIVATE KEY-----")


def _seal_old_keys(folder: Path) -> None:
    """Encrypt the private keys an older version left in the clear. Looked at first as bytes:
    cryptography's certificates are loaded only when there is such a key (seldom, once), not
    at every start before the window."""
    if not folder.is_dir():
        return
    if any(_CLEAR_KEY.search(p.read_bytes()) for p in folder.glob("*.pem") if p.is_file()):
        from ..documents import identity  # noqa: PLC0415
        identity.seal_private_keys(folder)


def refuse_keyless(profile: Profile) -> None:
    """Before a PIN is asked: an encrypted database without its key file cannot be opened by
    any PIN (UnlockError ``unlock.no_key_file``, or ``db.damaged`` for bytes that are no
    database); any other state passes."""
    if state(profile) == "keyless":
        laptop.refuse_keyless(profile.database)


def restore_backup(profile: Profile, failure: laptop.UnreadableProfile, backup: Path):
    """After the PIN opened the key file and the database was found damaged: ``backup`` (from
    ``profile_admin.newest_backup`` with the failure's key) is put in its place, the damaged
    file kept in backups/, and opened with the keys already unwrapped (no second PIN).
    Returns (store, the damaged file's new path)."""
    from . import profile_admin  # noqa: PLC0415
    aside = profile_admin.restore_backup(profile, backup)
    store = laptop.open_unlocked(profile.database, profile.backups, failure.keys)
    return _in_use(profile, store, failure.keys), aside


def is_encrypted(profile: Profile) -> bool:
    return keyfile.key_file(profile.database).exists()


def verify(profile: Profile, secret: str, now: Callable[[], float] = time.time) -> None:
    """The PIN checked again (the locked window), with the same tries and waits as at start."""
    left = wait_left(profile, now)
    if left:
        raise UnlockError("unlock.wait", seconds=left)
    try:
        keyfile.unlock(keyfile.key_file(profile.database), secret)
    except UnlockError as exc:
        if exc.code == "unlock.wrong_secret":
            _note_tries(profile, failures(profile) + 1, now())
        raise
    if failures(profile):
        (profile.home / TRIES_FILE).unlink(missing_ok=True)


def change_secret(profile: Profile, old: str, new: str) -> None:
    """The new PIN wraps the same keys: one crash-safe rewrite of the key file."""
    keyfile.change_secret(keyfile.key_file(profile.database), old, new)


def secret_for_command(profile: Profile, prompt: Callable[[str], str] | None = None) -> str:
    """The passphrase for a command-line tool: ``FIELDAPP_PASSPHRASE`` when set, else asked on
    the terminal (twice when it is being set); refused without either."""
    return ask_secret(state(profile) in ("new", "plain"), f"passphrase or PIN of "
                      f"{Path(profile.home)}: ", "new passphrase or PIN for this profile: ",
                      prompt)


def ask_secret(setting: bool, question: str, new_question: str,
               prompt: Callable[[str], str] | None = None) -> str:
    """``FIELDAPP_PASSPHRASE`` when set, else the answer on the terminal to ``question`` (to
    ``new_question`` and once more when ``setting``: a typo cannot lock the data away); refused
    without a terminal."""
    import os  # noqa: PLC0415
    import sys  # noqa: PLC0415
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if prompt is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise UnlockError("unlock.no_secret", variable=PASSPHRASE_ENV)
        import getpass  # noqa: PLC0415
        prompt = getpass.getpass
    if setting:
        first = prompt(new_question)
        keyfile.check_new_secret(first)
        if prompt("the same again: ") != first:
            raise UnlockError("unlock.not_the_same")
        return first
    return prompt(question)


def open_for_command(profile: Profile):
    """What `demo-data`, `sync` and `enroll` open: the unlocked laptop profile (a lost key
    file is said before any passphrase is asked)."""
    refuse_keyless(profile)
    return unlock(profile, secret_for_command(profile))
