"""Where things live: the profile folder (data, backups, settings, logs) and bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "fieldapp"
HOME_ENV = "FIELDAPP_HOME"


def resource_dir() -> Path:
    """The shipped ``resources/`` folder, from a checkout or from a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else Path(__file__).resolve().parent.parent
    return base / "resources"


@dataclass(frozen=True)
class Profile:
    """One user's data folder; everything the program writes goes below ``home``."""

    home: Path

    @property
    def database(self) -> Path:
        return self.home / "fieldapp.db"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def settings_file(self) -> Path:
        return self.home / "settings.ini"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    def ensure(self) -> Profile:
        for folder in (self.home, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_profile(home: str | os.PathLike | None = None) -> Profile:
    """``--home`` wins, then ``FIELDAPP_HOME``, then the per-user data folder."""
    chosen = home or os.environ.get(HOME_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return Profile(Path(chosen).expanduser().resolve())
