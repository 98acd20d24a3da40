"""Run `fieldapp office`: open the office profile and database, then a tool or the window."""

from __future__ import annotations

import importlib
import os
from datetime import date
from pathlib import Path

from .. import demo_profile, display, logs
from ..domain.errors import FieldappError
from ..paths import OFFICE_DB_ENV, Profile, resolve_profile
from ..store.engine import sqlite_url
from ..store.pg_connect import hidden

# Each tool is a module of this package with ``main(services, args) -> exit status``.
TOOLS = {"import-ar": "import_ar", "demo-data": "demo", "collectors": "collectors",
         "assign": "assign", "route": "routes",
         "init": "ca_init", "enroll": "enroll", "revoke": "revoke", "devices": "devices",
         "sources": "sources", "pack": "pack", "import-bundles": "import_bundles",
         "sync": "sync_folder", "conflicts": "conflicts",
         "kpi": "kpi", "inbox": "inbox", "review": "review", "comment": "review",
         "print": "printing", "receipts": "receipts", "export-accounting": "export_accounting",
         "queues": "queues", "dispute": "dispute"}
# Tools on the office database file itself, run before (instead of) opening it.
FILE_TOOLS = {"encrypt": "encryption", "passphrase": "encryption"}


def run(args) -> int:
    if not args.demo:
        return _run(resolve_profile(args.home, office=True).ensure(), args)
    demo_home = _demo_home(args)
    try:
        profile = resolve_profile(demo_home, office=True).ensure()
        from .demo import prepare  # noqa: PLC0415
        prepare(profile, args.today or date.today())
        # The throwaway file, whatever FIELDAPP_OFFICE_DB says: a demo never fills a real office.
        args.db = sqlite_url(profile.office_database)
        return _run(profile, args)
    finally:
        demo_profile.remove(demo_home)


def _demo_home(args) -> Path:
    """The throwaway profile of ``--demo`` (removed however the program ends), made once the
    display is known to be there: without one nothing is built for nothing."""
    if args.db:
        raise FieldappError("office.demo_not_shared", url=hidden(args.db))
    if args.office_command is None:
        display.check()
    return demo_profile.make_home()


def _run(profile: Profile, args) -> int:
    logs.setup(profile.logs)
    if args.office_command is None:
        from .window import main as window  # noqa: PLC0415 (Qt only for the window)
        return window(profile, args)
    if args.office_command in FILE_TOOLS:
        tool = importlib.import_module(f"{__package__}.{FILE_TOOLS[args.office_command]}")
        return tool.main(profile, args)
    tool = importlib.import_module(f"{__package__}.{TOOLS[args.office_command]}")
    store = open_office(profile, args.db, args.encrypt)
    try:
        from ..services.office.app import build  # noqa: PLC0415
        return tool.main(build(store, args.today), args)
    finally:
        store.close()


def database_url(db: str | None) -> str | None:
    """``--db``, else FIELDAPP_OFFICE_DB (an empty one counts as unset), else None (office.db)."""
    return db or os.environ.get(OFFICE_DB_ENV) or None


def office_file(profile: Profile, url: str | None) -> tuple[Path, Path] | None:
    """The SQLite office file asked for (a sqlite:/// URL, a bare path, or the profile's
    office.db) and its backups folder; None for a server's URL."""
    if url is None:
        return profile.office_database, profile.backups
    if url.startswith("sqlite:///") or "://" not in url:
        path = Path(url.removeprefix("sqlite:///")).expanduser()
        return path, path.parent / "backups"
    return None


def open_office(profile: Profile, db: str | None, encrypt_new: bool = False):
    """The office store: the PostgreSQL URL asked for, or the SQLite file (the profile's
    office.db by default): plain, or encrypted and opened with its passphrase (``encrypt_new``:
    a new file is made encrypted)."""
    from ..services.office import encryption  # noqa: PLC0415
    from ..store.engine import open_url  # noqa: PLC0415
    url = database_url(db)
    where = office_file(profile, url)
    if where is None:
        if encrypt_new:
            raise FieldappError("office.encrypt_not_file", url=hidden(url))
        return open_url(url)
    path, backups = where
    how = encryption.opening(path, encrypt_new)
    if how == encryption.PLAIN:
        return encryption.open_plain(path, backups)
    secret = ask_passphrase(path, setting=how == encryption.CHOOSE)
    return encryption.unlock(path, backups, secret)


def ask_passphrase(path: Path, setting: bool) -> str:
    """FIELDAPP_PASSPHRASE (automation), else typed on the terminal (twice when chosen)."""
    from ..services import profile_lock  # noqa: PLC0415
    from ..services.office.encryption import office_words  # noqa: PLC0415
    with office_words(path):
        return profile_lock.ask_secret(setting, f"passphrase of the office database {path}: ",
                                       f"new passphrase for the office database {path}: ")
