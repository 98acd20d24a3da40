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
         "queues": "queues", "dispute": "dispute"}


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
    tool = importlib.import_module(f"{__package__}.{TOOLS[args.office_command]}")
    store = open_office(profile, args.db)
    try:
        from ..services.office.app import build  # noqa: PLC0415
        return tool.main(build(store, args.today), args)
    finally:
        store.close()


def database_url(db: str | None) -> str | None:
    """``--db``, else FIELDAPP_OFFICE_DB (an empty one counts as unset), else None (office.db)."""
    return db or os.environ.get(OFFICE_DB_ENV) or None


def open_office(profile: Profile, db: str | None):
    """The office store: the PostgreSQL (or SQLite) URL asked for, or the profile's office.db."""
    from ..store.engine import open_store, open_url  # noqa: PLC0415
    url = database_url(db)
    if url:
        return open_url(url)
    return open_store(profile.office_database, profile.backups)
