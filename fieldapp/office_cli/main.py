"""Run `fieldapp office`: open the office profile and database, then a tool or the window."""

from __future__ import annotations

import importlib
import os

from .. import logs
from ..paths import OFFICE_DB_ENV, Profile, resolve_profile

# Each tool is a module of this package with ``main(services, args) -> exit status``.
TOOLS = {"import-ar": "import_ar", "demo-data": "demo", "collectors": "collectors",
         "assign": "assign", "route": "routes",
         "init": "ca_init", "enroll": "enroll", "revoke": "revoke", "devices": "devices"}


def run(args) -> int:
    profile = resolve_profile(args.home, office=True).ensure()
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
