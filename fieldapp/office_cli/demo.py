"""`fieldapp office demo-data`: fill an office with the demo portfolio, collectors and routes."""

from __future__ import annotations

import json
import sys
from datetime import date

from ..services.office import demo

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


def _backup(store):
    """A SQLite office is copied to backups/ first; a shared database is the admin's to save."""
    if store.path is None:
        return None
    from ..store import migrations  # noqa: PLC0415
    return migrations.backup(store.path, store.path.parent / "backups", migrations.LATEST)


def _progress(done: int, total: int) -> None:
    print(f"\rgenerating customers {done}/{total}", end="", file=sys.stderr, flush=True)
