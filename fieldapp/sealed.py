"""The unlocked profile's files key, for what lives beside the encrypted database: private keys
(PEM encrypted with it) and log lines (AES-GCM, one sealed line per record)."""

from __future__ import annotations

import base64
import os

PREFIX = "sealed1 "  # a log line written in the clear never starts like this
_files_key: bytes | None = None


def use(key: bytes | None) -> None:
    """Set (at unlock) or forget (None) the files key of this process's profile."""
    global _files_key
    _files_key = key


def key() -> bytes | None:
    return _files_key


def pem_password() -> bytes | None:
    """The password private keys are written with (None: a plain profile, as in tests)."""
    return _files_key.hex().encode("ascii") if _files_key else None


def seal_text(text: str, key_: bytes | None = None) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    nonce = os.urandom(12)
    box = AESGCM(key_ or _files_key).encrypt(nonce, text.encode("utf-8"), PREFIX.encode())
    return PREFIX + base64.b64encode(nonce + box).decode("ascii")


def open_text(line: str, key_: bytes) -> str:
    """A sealed line back in the clear (``fieldapp`` never needs it; support with the PIN does)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    raw = base64.b64decode(line.removeprefix(PREFIX))
    return AESGCM(key_).decrypt(raw[:12], raw[12:], PREFIX.encode()).decode("utf-8")
