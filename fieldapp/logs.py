"""Logging to a rotating file in the profile, warnings also to stderr; once the encrypted
profile is unlocked, each line in the file is sealed with its files key."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path


_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Sealing(logging.Formatter):
    """One sealed line per record: messages name customers once the profile is open."""

    def __init__(self, key: bytes):
        super().__init__(_FORMAT)
        self._key = key

    def format(self, record: logging.LogRecord) -> str:
        from . import sealed  # noqa: PLC0415
        return sealed.seal_text(super().format(record), self._key)


def seal(key: bytes | None) -> None:
    """From now on the log file gets sealed lines (the console, a person's terminal, does not);
    None: plain lines again (a plain profile opened next in the same process, as in tests)."""
    for handler in logging.getLogger("fieldapp").handlers:
        if isinstance(handler, logging.FileHandler):
            handler.setFormatter(_Sealing(key) if key else logging.Formatter(_FORMAT))


def setup(folder: Path) -> None:
    root = logging.getLogger("fieldapp")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    handler = logging.handlers.RotatingFileHandler(folder / "fieldapp.log", maxBytes=1_000_000,
                                                   backupCount=3, encoding="utf-8")
    # Messages name customers and files: owner-only even when the umask was not tightened.
    os.chmod(handler.baseFilename, 0o600)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)
