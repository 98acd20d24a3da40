"""Startup order: arguments → profile paths → logging → store → command or window."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from fieldapp import cli, demo_profile, display, files, logs
from fieldapp.domain.errors import FieldappError
from fieldapp.paths import Profile, resolve_profile

log = logging.getLogger("fieldapp")
DEMO_CUSTOMERS = 300


def main(argv: list[str] | None = None) -> int:
    files.make_new_files_private()  # before the first file: see make_new_files_private
    try:
        given = sys.argv[1:] if argv is None else argv
        code = _run(cli.build_parser(given).parse_args(given))
        if sys.stdout is not None:  # None in a windowed build
            sys.stdout.flush()  # a closed pipe shows up here when the output was short
    except BrokenPipeError:
        # `fieldapp verify --json | head`: the reader left; say nothing more. Python's docs:
        # point stdout at devnull so the flush at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return 2
    return code


def _run(args) -> int:
    if args.command == "bench":
        from fieldapp import bench
        return bench.main(args)
    if args.command == "office":  # the supervisor's side: its own profile and database
        from fieldapp.office_cli.main import run
        return run(args)
    if args.command == "verify":  # reads the profile's CA, never creates or changes a profile
        from fieldapp.documents import verify
        return verify.main(args)
    window = args.command is None
    if window:
        display.check()  # before anything is built: without a display Qt would only abort
    demo_home = demo_profile.make_home() if args.demo else None
    try:
        profile = resolve_profile(demo_home or args.home)  # --home as typed: said on stderr
        try:
            profile.ensure()
        except FieldappError as exc:  # a read-only profile: said in a box too
            if window:
                _startup_error(exc)
            raise
        logs.setup(profile.logs)
        if args.command == "demo-data":
            return _demo_data(profile, args)
        if args.command == "enroll":
            from fieldapp import enroll_cli
            return enroll_cli.main(profile, args)
        if args.command == "sync":
            from fieldapp import sync_cli
            return sync_cli.main(profile, args)
        return _window(profile, args, demo=bool(demo_home))
    finally:
        if demo_home:
            demo_profile.remove(demo_home)


def _open(profile: Profile):
    """A plain store: the throwaway demo's (its data is made up, and deleted on exit)."""
    from fieldapp.store.engine import open_store
    return open_store(profile.database, profile.backups)


def _open_laptop(profile: Profile):
    """The collector's encrypted profile, with FIELDAPP_PASSPHRASE or asked on the terminal."""
    from fieldapp.services.profile_lock import open_for_command
    return open_for_command(profile)


def _demo_data(profile: Profile, args) -> int:
    from fieldapp.services import demo, profile_admin
    from fieldapp.services.demo_bulk_history import generate_bulk_history
    from fieldapp.services.demo_history import generate_history, history_size
    from fieldapp.services.portfolio import Portfolio
    if args.replace:
        moved = profile_admin.retire_database(profile)
        if moved:
            print(f"previous database saved as {moved}", file=sys.stderr)
    store = _open_laptop(profile)
    try:
        held = Portfolio(store).count_customers()
        if held:
            raise FieldappError("demo.profile_not_empty", database=str(profile.database),
                                count=held)
        today = args.today or date.today()
        summary = demo.generate(store, args.customers, seed=args.seed, today=today,
                                progress=_print_progress)
        history = generate_history(store, today, history_size(args.customers), args.seed,
                                   _keys(store, profile, today))
        bulk = generate_bulk_history(store, today, args.history, args.seed) if args.history else 0
    finally:
        store.close()
    print(file=sys.stderr)  # ends the progress line
    print(_demo_report(profile, summary, history, bulk, args.json))
    return 0


def _demo_report(profile: Profile, summary, history, bulk: int, as_json: bool) -> str:
    counts = {**asdict(summary), **{f"past_{k}": v for k, v in asdict(history).items()},
              "past_visits_without_documents": bulk}
    if as_json:
        return json.dumps({"database": str(profile.database), **counts}, indent=1)
    lines = [f"Demo portfolio written to {profile.database}:"]
    lines += [f"  {counts[key]:>9,} {what}" for key, what in _DEMO_LINES]
    return "\n".join(lines)


_DEMO_LINES = (("customers", "customers"), ("contacts", "contacts"), ("contracts", "contracts"),
               ("invoices", "invoices"), ("deliveries", "deliveries"), ("payments", "payments"),
               ("allocations", "payment allocations"), ("route_stops", "route stops"),
               ("past_visits", "past visits with signed documents"),
               ("past_calls", "past calls"),
               ("past_visits_without_documents", "more past visits and calls without documents"))


def _print_progress(done: int, total: int) -> None:
    print(f"\rgenerating customers {done}/{total}", end="", file=sys.stderr, flush=True)


def _keys(store, profile: Profile, today: date):
    """The device keys of the profile, for the demo's documents made as of ``today``."""
    from fieldapp.services import settings as cfg
    from fieldapp.services.documents import device_keys
    return device_keys(profile.home, cfg.Settings(store), lambda: today)


def _prepare_demo(profile: Profile, today: date) -> None:
    """The demo portfolio, copied from the one prepared for today (made first when missing)."""
    from fieldapp.services import demo
    from fieldapp.services.demo_history import generate_history, history_size

    def build(home: Path) -> None:
        print(f"preparing a demo portfolio of {DEMO_CUSTOMERS} customers with past visits and "
              "their signed documents (a few seconds, once a day)…", file=sys.stderr, flush=True)
        made = Profile(home).ensure()
        store = _open(made)
        try:
            demo.generate(store, DEMO_CUSTOMERS, seed=demo_profile.SEED, today=today)
            generate_history(store, today, history_size(DEMO_CUSTOMERS), demo_profile.SEED,
                             _keys(store, made, today))
        finally:
            store.close()
    demo_profile.fill(profile.home, today, build)


def _unlock_for_window(profile: Profile, demo: bool):
    """The demo's plain store; else the PIN asked in a dialog (FIELDAPP_PASSPHRASE, when set,
    answers it for automation); None when the person gave up. A lost key file is said before
    any PIN is asked: no PIN opens the database without it."""
    if demo:
        return _open(profile)
    from fieldapp.services import profile_lock
    profile_lock.refuse_keyless(profile)
    given = os.environ.get(profile_lock.PASSPHRASE_ENV)
    if given:
        return profile_lock.unlock(profile, given)
    from fieldapp.services import before_unlock
    from fieldapp.ui.unlock_dialog import ask_unlock
    return ask_unlock(profile_lock.state(profile), lambda secret: profile_lock.unlock(
        profile, secret), lambda: profile_lock.wait_left(profile), before_unlock.read(profile))


def _open_for_window(profile: Profile, demo: bool = False):
    """The store, or the reason it cannot be opened in a box; a damaged database with a
    backup at hand is offered to be restored (the damaged file is moved aside, never lost).
    An encrypted one is damaged only once the PIN opened its key file: the backup offered is
    one under the same keys, and it opens without asking the PIN again."""
    from fieldapp.services import profile_admin
    try:
        return _unlock_for_window(profile, demo)
    except FieldappError as exc:
        failure, keys = exc, getattr(exc, "keys", None)
        backup = profile_admin.newest_backup(profile, keys.database if keys else None) \
            if exc.code == "db.damaged" else None
        if backup is None:
            _startup_error(exc)
            raise  # and on stderr, with the exit status
        from fieldapp.ui.app import offer_restore
        if not offer_restore(exc, profile_admin.backup_time(backup)):
            raise
    try:
        if keys is not None:
            from fieldapp.services import profile_lock
            store, aside = profile_lock.restore_backup(profile, failure, backup)
        else:
            aside = profile_admin.restore_backup(profile, backup)
            store = _unlock_for_window(profile, demo)
        log.warning("restored %s; the damaged database was moved to %s", backup, aside)
        return store
    except FieldappError as exc:
        _startup_error(exc)
        raise


def _unlock_early(profile: Profile) -> None:
    """With FIELDAPP_PASSPHRASE the key's slow derivation starts first, in a thread, and the
    window's modules load meanwhile (the start, unlock included, is timed)."""
    given = os.environ.get("FIELDAPP_PASSPHRASE")  # profile_lock's (it imports the store)
    if given:
        from fieldapp.store import keyfile
        keyfile.unlock_early(keyfile.key_file(profile.database), given)


def _speak_profile_language(profile: Profile) -> None:
    """Before the unlock the language setting cannot be read (it is in the encrypted
    database): the unlock dialog and the boxes before it speak the language noted in the
    clear when it was chosen."""
    from fieldapp.services import before_unlock
    from fieldapp.ui import language
    language.prefer(before_unlock.read(profile).language)


def _startup_error(error: FieldappError) -> None:
    from fieldapp.ui.app import show_startup_error
    show_startup_error(error)


def _window(profile: Profile, args, demo: bool) -> int:
    if not demo:
        _unlock_early(profile)
        _speak_profile_language(profile)
    from fieldapp.ui import single_instance
    try:
        guard = single_instance.claim(profile.home)
    except single_instance.ProfileInUse as exc:
        if not exc.woke_first:  # the first window came to the front: that says it all
            from fieldapp.ui.app import show_startup_error
            show_startup_error(exc)
        raise  # and on stderr, with the exit status
    try:
        return _window_of(profile, args, demo, guard)
    finally:
        guard.release()


def _window_of(profile: Profile, args, demo: bool, guard) -> int:
    from fieldapp.services import app_services
    if demo:
        from fieldapp.ui.app import make_app
        make_app()  # a display Qt cannot use fails now, before a demo is prepared for nothing
        _prepare_demo(profile, args.today or date.today())
    store = _open_for_window(profile, demo)
    if store is None:  # the unlock dialog was closed
        return 1
    try:
        services = app_services.build(store, args.today, profile.home)
        from fieldapp.ui.app import make_app, run_gui
        make_app()  # the wake-up socket needs the event loop's dispatcher
        guard.serve()
        return run_gui(services, profile)
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
