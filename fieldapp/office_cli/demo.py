"""`fieldapp office demo-data`: fill an office with the demo portfolio, collectors and routes."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from ..services.office import demo

DEMO_CUSTOMERS = 300  # as the laptop's --demo: the same customers, for a demo end to end
_LINES = (("customers", "customers"), ("contacts", "contacts"), ("contracts", "contracts"),
          ("invoices", "invoices"), ("deliveries", "deliveries"), ("payments", "payments"),
          ("collectors", "collectors"), ("assigned", "customers assigned to a collector"),
          ("route_stops", "route stops this week"))


def main(services, args) -> int:
    store = services.store
    if args.replace and demo.held(store):
        saved = _backup(store)
        demo.clear(store)
        if saved:
            print(f"previous database saved as {saved}", file=sys.stderr)
    today = args.today or date.today()
    summary = demo.fill(store, args.customers, seed=args.seed, today=today, progress=_progress)
    print(file=sys.stderr)  # ends the progress line
    where = str(store.path) if store.path else store.engine.url.render_as_string(
        hide_password=True)
    counts = summary.counts()
    if args.json:
        print(json.dumps({"database": where, **counts}, indent=1, ensure_ascii=False))
        return 0
    print(f"Demo office written to {where}:")
    for key, what in _LINES:
        print(f"  {counts[key]:>9,} {what}")
    print(f"  routes from {counts['week_from']} to {counts['week_to']}")
    return 0


def prepare(profile, today: date) -> None:
    """The demo office of ``fieldapp office --demo`` in ``profile``: a copy of the one prepared
    for today (made first when missing), kept apart from the laptop's prepared demo."""
    from .. import demo_profile  # noqa: PLC0415
    from ..paths import Profile  # noqa: PLC0415
    from ..store.engine import open_store  # noqa: PLC0415

    def build(folder: Path) -> None:
        print(f"preparing a demo office of {DEMO_CUSTOMERS} customers, six collectors, this "
              "week's routes and yesterday's visits from three laptops (several seconds, once "
              "a day)…", file=sys.stderr, flush=True)
        made = Profile(folder).ensure()
        store = open_store(made.office_database, made.backups)
        try:
            demo.fill(store, DEMO_CUSTOMERS, seed=demo_profile.SEED, today=today)
            # Yesterday's visits from a few laptops, already imported (the Laptops tab).
            from ..services.office import demo_laptops  # noqa: PLC0415
            from ..services.office.app import build as services  # noqa: PLC0415
            demo_laptops.fill(services(store, today, demo.ACTOR), folder, today,
                              demo_profile.SEED)
        finally:
            store.close()
    demo_profile.fill(profile.home, today, build, cache=cache_root())


def cache_root() -> Path:
    """Beside the laptop's prepared demo, not in its folder (which keeps only its own)."""
    from .. import demo_profile  # noqa: PLC0415
    return demo_profile.cache_root().parent / "office-demo"


def _backup(store):
    """A SQLite office is copied to backups/ first; a shared database is the admin's to save."""
    if store.path is None:
        return None
    from ..store import migrations  # noqa: PLC0415
    return migrations.backup(store.path, store.path.parent / "backups", migrations.LATEST,
                             store.key)  # an encrypted office is copied under its key


def _progress(done: int, total: int) -> None:
    print(f"\rgenerating customers {done}/{total}", end="", file=sys.stderr, flush=True)
