"""Where things live: the profile folder (data, backups, settings, logs) and bundled resources."""

from __future__ import annotations

import logging
import os
import errno
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .domain.errors import FieldappError

APP_NAME = "fieldapp"
HOME_ENV = "FIELDAPP_HOME"
FOLDER_MODE, FILE_MODE = 0o700, 0o600  # the profile holds debtors' data and the signing key
# What the program itself puts in a profile; only these are tightened in an existing folder, so
# `--home` on a folder holding other things never changes the modes of the user's own files.
_OWN_FOLDERS = ("backups", "logs", "keys")
_OWN_FILES = ("fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm", "fieldapp.db-journal",
              "fieldapp.db.key", "unlock-tries.json", "before-unlock.json",
              "office.db", "office.db.key", "office.db-wal", "office.db-shm", "office.db-journal",
              "settings.ini")
OFFICE_APP_NAME = "fieldapp-office"
# The office's database: a PostgreSQL URL shared by several supervisors (default: office.db).
OFFICE_DB_ENV = "FIELDAPP_OFFICE_DB"

log = logging.getLogger(__name__)


class ProfileError(FieldappError):
    """The profile folder asked for cannot be used (empty name, a file, not creatable)."""


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
    def office_database(self) -> Path:
        """The office's SQLite file, when no PostgreSQL URL is given."""
        return self.home / "office.db"

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
        """Create the folders (owner-only) and tighten what an older version left readable."""
        try:
            fresh = not self.home.exists() or not any(self.home.iterdir())
            for folder in (self.home, self.backups, self.logs):
                folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno in _READ_ONLY:
                raise ProfileError("profile.read_only", folder=str(self.home),
                                   reason=str(exc.strerror or exc)) from exc
            raise ProfileError("profile.not_created", folder=str(self.home),
                               reason=str(exc.strerror or exc)) from exc
        _check_writable(self.home)
        if fresh or any((self.home / name).exists() for name in (*_OWN_FILES, "keys")):
            _tighten(self.home, FOLDER_MODE)
        for name in _OWN_FOLDERS:
            _tighten_tree(self.home / name)
        for name in _OWN_FILES:
            _tighten(self.home / name, FILE_MODE)
        return self


_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def _check_writable(home: Path) -> None:
    """A read-only folder or mount is said at once, not as a traceback from the first write;
    the probe is a new nameless file, so nothing that exists is written over."""
    try:
        with tempfile.TemporaryFile(dir=home):
            pass
    except OSError as exc:
        if exc.errno in _READ_ONLY:
            raise ProfileError("profile.read_only", folder=str(home),
                               reason=str(exc.strerror or exc)) from exc
        # Anything else (a full disk) is said where a real write fails.


def _tighten(path: Path, mode: int) -> None:
    """Take group and other rights away (never adds any); symlinks are not followed."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode) or not stat.S_IMODE(st.st_mode) & 0o077:
            return
        os.chmod(path, stat.S_IMODE(st.st_mode) & mode)
    except FileNotFoundError:
        return
    except OSError as exc:  # a file of another owner: say so, the program still runs
        log.warning("cannot make %s private: %s", path, exc.strerror or exc)


def _tighten_tree(top: Path) -> None:
    if not top.is_dir() or top.is_symlink():
        return
    _tighten(top, FOLDER_MODE)
    for folder, dirs, files in os.walk(top):
        for name in dirs:
            _tighten(Path(folder, name), FOLDER_MODE)
        for name in files:
            _tighten(Path(folder, name), FILE_MODE)


def resolve_profile(home: str | os.PathLike | None = None, office: bool = False) -> Profile:
    """``--home`` wins, then ``FIELDAPP_HOME``, then the per-user data folder. An empty
    ``--home`` is refused (a script's unset variable must not open the real profile); an empty
    ``FIELDAPP_HOME`` counts as unset, as XDG variables do. ``office``: the supervisor's
    profile, whose default folder is another one."""
    if home is not None and not str(home).strip():
        raise ProfileError("profile.empty_name")
    # The office has its own default folder: one person may be a collector and a supervisor.
    default = platformdirs.user_data_dir(OFFICE_APP_NAME if office else APP_NAME, appauthor=False)
    chosen = home or os.environ.get(HOME_ENV) or default
    path = Path(chosen).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise ProfileError("profile.is_a_file", folder=str(path))
    return Profile(path)
