"""The laptop profile's key file: the database key and the files key, wrapped under the PIN.

The keys themselves are random; the collector's PIN or passphrase only unwraps them, through a
slow key derivation (scrypt) paid once per unlock. A wrong PIN fails the AES-GCM tag of the
wrapped keys, so it is refused before the database is touched. Changing the PIN rewrites this
small file alone (atomically), so a crash leaves the old PIN or the new one working."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import FieldappError
from ..files import write_atomically

FORMAT = "fieldapp-key-1"
# scrypt N=2^15, r=8: 32 MiB and about 0.15 s here, for each guess an attacker makes too (the
# start-up must stay within 1.5 s; a passphrase, not a short PIN, is what resists a copied disk).
KDF = {"name": "scrypt", "n": 1 << 15, "r": 8, "p": 1}
KEY_SUFFIX = ".key"  # fieldapp.db.key beside fieldapp.db
MIN_SECRET = 4


class UnlockError(FieldappError):
    """The profile cannot be unlocked with what was given (wrong PIN, damaged key file)."""


@dataclass(frozen=True)
class Keys:
    """The two random keys of a profile: SQLCipher's raw key, and the key of files beside it."""

    database: bytes
    files: bytes

    @staticmethod
    def new() -> Keys:
        return Keys(os.urandom(32), os.urandom(32))

    def raw(self) -> bytes:
        return self.database + self.files


def key_file(database: Path) -> Path:
    return Path(database).with_name(Path(database).name + KEY_SUFFIX)


def _kek(secret: str, salt: bytes, kdf: dict) -> bytes:
    if kdf.get("name") != "scrypt":
        raise UnlockError("unlock.key_file_damaged", path="", reason=f"unknown KDF {kdf}")
    n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
    return hashlib.scrypt(unicodedata.normalize("NFC", secret).encode("utf-8"), salt=salt,
                          n=n, r=r, p=p, maxmem=256 * n * r + (1 << 20), dklen=32)


def _wrap(secret: str, keys: Keys, kdf: dict) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    salt, nonce = os.urandom(16), os.urandom(12)
    box = AESGCM(_kek(secret, salt, kdf)).encrypt(nonce, keys.raw(), FORMAT.encode())
    return {"kdf": kdf, "salt": salt.hex(), "nonce": nonce.hex(), "box": box.hex()}


def _unwrap(secret: str, slot: dict) -> Keys | None:
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    kek = _kek(secret, bytes.fromhex(slot["salt"]), slot["kdf"])
    try:
        raw = AESGCM(kek).decrypt(bytes.fromhex(slot["nonce"]), bytes.fromhex(slot["box"]),
                                  FORMAT.encode())
    except InvalidTag:
        return None
    return Keys(raw[:32], raw[32:])


def check_new_secret(secret: str) -> None:
    if len(secret.strip()) < MIN_SECRET:
        raise UnlockError("unlock.secret_too_short", least=MIN_SECRET)


def create(path: Path, secret: str, keys: Keys | None = None) -> Keys:
    """Write a key file holding ``keys`` (new random ones by default) under ``secret``."""
    check_new_secret(secret)
    keys = keys or Keys.new()
    _write(path, {"format": FORMAT, "slot": _wrap(secret, keys, KDF)})
    return keys


def _write(path: Path, header: dict) -> None:
    write_atomically(path, json.dumps(header, indent=1).encode("utf-8"), private=True)


def read(path: Path) -> dict:
    try:
        header = json.loads(Path(path).read_text("utf-8"))
        whole = header.get("format") == FORMAT and {"salt", "nonce", "box", "kdf"} <= set(
            header["slot"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UnlockError("unlock.key_file_damaged", path=str(path), reason=str(exc)) from exc
    if not whole:
        raise UnlockError("unlock.key_file_damaged", path=str(path),
                          reason=f"not a {FORMAT} file")
    return header


# Key derivations started before they are asked for: (key file, secret) → Future of Keys.
_early: dict = {}


def unlock_early(path: Path, secret: str) -> None:
    """Start unwrapping ``path`` with ``secret`` now, in a thread: scrypt releases the GIL, so
    the window's modules load meanwhile (a start with FIELDAPP_PASSPHRASE). ``unlock`` with
    the same arguments then takes the result (a wrong secret is refused there, as ever)."""
    if not Path(path).is_file():
        return
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415
    # Everything the thread uses is imported here first: a module the thread imported while
    # this one loads the window's could be seen half-made (dataclasses reads `typing` from
    # sys.modules without the import lock; a start failed that way).
    import typing  # noqa: F401, PLC0415
    from cryptography.exceptions import InvalidTag  # noqa: F401, PLC0415
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401, PLC0415
    pool = ThreadPoolExecutor(1, thread_name_prefix="unlock")
    _early[(str(path), secret)] = pool.submit(_unlock_now, Path(path), secret)
    pool.shutdown(wait=False)


def unlock(path: Path, secret: str) -> Keys:
    """The keys in ``path``; UnlockError ``unlock.wrong_secret`` for a wrong PIN (nothing
    written)."""
    early = _early.pop((str(path), secret), None)
    if early is not None:
        return early.result()
    return _unlock_now(path, secret)


def _unlock_now(path: Path, secret: str) -> Keys:
    header = read(path)
    try:
        keys = _unwrap(secret, header["slot"])
    except (ValueError, KeyError, TypeError) as exc:
        raise UnlockError("unlock.key_file_damaged", path=str(path), reason=str(exc)) from exc
    if keys is None:
        raise UnlockError("unlock.wrong_secret")
    return keys


def change_secret(path: Path, old: str, new: str) -> Keys:
    """Wrap the same keys under ``new``: one atomic rewrite of the key file, nothing else."""
    check_new_secret(new)
    keys = unlock(path, old)
    _write(path, {"format": FORMAT, "slot": _wrap(new, keys, KDF)})
    return keys
