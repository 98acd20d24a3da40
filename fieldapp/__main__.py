"""Startup order: arguments → profile paths → logging → store → command or window."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from fieldapp import cli, logs
from fieldapp.domain.errors import FieldappError
from fieldapp.paths import Profile, resolve_profile

log = logging.getLogger("fieldapp")
DEMO_CUSTOMERS = 300


def main(argv: list[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command == "bench":
        from fieldapp import bench
        return bench.main(args)
    if args.command == "verify":  # reads the profile's CA, never creates or changes a profile
        from fieldapp.documents import verify
        return verify.main(args)
    demo_home = Path(tempfile.mkdtemp(prefix="fieldapp-demo-")) if args.demo else None
    try:
        profile = resolve_profile(demo_home or args.home).ensure()
        logs.setup(profile.logs)
        if args.command == "demo-data":
            return _demo_data(profile, args)
        return _window(profile, args, demo=bool(demo_home))
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return 2
    finally:
        if demo_home:
            shutil.rmtree(demo_home, ignore_errors=True)


def _open(profile: Profile):
    from fieldapp.store.engine import open_store
    return open_store(profile.database, profile.backups)


def _demo_data(profile: Profile, args) -> int:
    from fieldapp.services import demo, profile_admin
    from fieldapp.services.demo_bulk_history import generate_bulk_history
    from fieldapp.services.demo_history import generate_history, history_size
    from fieldapp.services.portfolio import Portfolio
    if args.replace:
        moved = profile_admin.retire_database(profile)
        if moved:
            print(f"previous database saved as {moved}")
    store = _open(profile)
    try:
        held = Portfolio(store).count_customers()
        if held:
            raise FieldappError(f"{profile.database} already holds {held} customers; add --replace "
                                "to move it to backups/ and start over")
        today = args.today or date.today()
        summary = demo.generate(store, args.customers, seed=args.seed, today=today,
                                progress=_print_progress)
        history = generate_history(store, today, history_size(args.customers), args.seed,
                                   _keys(store, profile))
        bulk = generate_bulk_history(store, today, args.history, args.seed) if args.history else 0
    finally:
        store.close()
    more = f", {bulk} more past visits without documents" if bulk else ""
    print(f"\n{profile.database}: {summary}, {history}{more}")
    return 0


def _print_progress(done: int, total: int) -> None:
    print(f"\rgenerating customers {done}/{total}", end="", file=sys.stderr, flush=True)


def _keys(store, profile: Profile):
    """The device keys of the profile, for the demo's documents."""
    from fieldapp.services import settings as cfg
    from fieldapp.services.documents import device_keys
    return device_keys(profile.home, cfg.Settings(store))


def _fill_demo(store, today: date, profile: Profile) -> None:
    from fieldapp.services import demo
    from fieldapp.services.demo_history import generate_history, history_size
    print(f"preparing a demo portfolio of {DEMO_CUSTOMERS} customers with past visits and "
          "their signed documents (a few seconds)…", file=sys.stderr, flush=True)
    demo.generate(store, DEMO_CUSTOMERS, today=today)
    generate_history(store, today, history_size(DEMO_CUSTOMERS), keys=_keys(store, profile))


def _window(profile: Profile, args, demo: bool) -> int:
    from fieldapp.services import app_services
    store = _open(profile)
    try:
        if demo:
            _fill_demo(store, args.today or date.today(), profile)
        services = app_services.build(store, args.today, profile.home)
        from fieldapp.ui.app import run_gui
        return run_gui(services, profile)
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
