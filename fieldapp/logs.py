"""Logging to a rotating file in the profile, warnings also to stderr."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path


def setup(folder: Path) -> None:
    root = logging.getLogger("fieldapp")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    handler = logging.handlers.RotatingFileHandler(folder / "fieldapp.log", maxBytes=1_000_000,
                                                   backupCount=3, encoding="utf-8")
    # Messages name customers and files: owner-only even when the umask was not tightened.
    os.chmod(handler.baseFilename, 0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)
