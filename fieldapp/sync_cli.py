"""`fieldapp sync send|ack|receive|run`: the laptop's side of sync on the command line."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from .paths import Profile


def add(sub, profile_options) -> None:
    """The `sync` subcommand; each step adds its own parser below."""
    sync = sub.add_parser("sync", help="exchange bundles with the office",
                          description="Day bundles to the office, acknowledgements and "
                          "assignment packs from it.")
    profile_options(sync, top=False)
    steps = sync.add_subparsers(dest="sync_command", metavar="STEP", required=True)
    _send(steps, profile_options)
    _ack(steps, profile_options)
    _receive(steps, profile_options)
    _run(steps, profile_options)


def _run(steps, profile_options) -> None:
    cmd = steps.add_parser(
        "run", help="one whole sync through the sync folder",
        description="Sync through the sync folder (a shared drive, a cloud folder, a USB stick) "
        "as the window's Sync button does: take the office's acknowledgements from "
        "to-laptops/<device>/, write the day bundles to to-office/, apply the newest assignment "
        "pack. Exit 0 when every file was taken, 1 when some were left with a reason, 2 when "
        "the sync could not run (not enrolled, no folder).")
    profile_options(cmd, top=False)
    cmd.add_argument("--folder", metavar="DIR",
                     help="the sync folder (default: the one set in the window's Settings)")


def _send(steps, profile_options) -> None:
    send = steps.add_parser(
        "send", help="write the day bundle of the records not yet sent",
        description="Write a signed day bundle of every finalized record, amendment, document, "
        "attachment and payment no earlier bundle held, and again every bundle the office has "
        "not acknowledged yet (the same files, unchanged). Needs an enrolled laptop.")
    profile_options(send, top=False)
    send.add_argument("--out", required=True, metavar="DIR", help="folder to write bundles to")


def _ack(steps, profile_options) -> None:
    ack = steps.add_parser(
        "ack", help="take the office's acknowledgement",
        description="Check an acknowledgement from the office and drop from the outbox the "
        "bundles it covers.")
    profile_options(ack, top=False)
    ack.add_argument("file", metavar="FILE", help="the acknowledgement file")


def _receive(steps, profile_options) -> None:
    cmd = steps.add_parser("receive", help="apply an assignment pack from the office",
                           description="Check an assignment pack (signed by the office, for "
                           "this laptop, newer than the last one, not expired) and apply it: "
                           "customers, invoices and routes from the office; visits, documents "
                           "and money taken on this laptop stay as they are.")
    profile_options(cmd, top=False)
    cmd.add_argument("file", metavar="FILE", help="the pack file")


def main(profile: Profile, args) -> int:
    if args.sync_command == "receive":
        return _receive_main(profile, args)
    from .services.profile_lock import open_for_command  # noqa: PLC0415
    store = open_for_command(profile)
    try:
        outbox = _outbox(store, profile, args)
        if args.sync_command == "send":
            return _run_send(outbox, Path(args.out), args)
        if args.sync_command == "ack":
            return _run_ack(outbox, Path(args.file))
        if args.sync_command == "run":
            return _run_folder(outbox, args)
    finally:
        store.close()
    return 2


def _outbox(store, profile: Profile, args):
    """The same sync facade the window uses, on the command line's clock (``--today``)."""
    from .clock import utc_now  # noqa: PLC0415
    from .documents.keys import keys_folder  # noqa: PLC0415
    from .services import settings as cfg  # noqa: PLC0415
    from .services.sync_actions import SyncActions  # noqa: PLC0415

    def now():
        moment = utc_now()
        return moment if not args.today else datetime.combine(args.today, moment.timetz())
    return SyncActions(store, keys_folder(profile.home), cfg.Settings(store), now)


def _run_send(actions, out: Path, args) -> int:
    sent = actions.send(out)
    if sent.made:
        print(f"day bundle {sent.made} made with {sent.records} records"
              + ("" if sent.records else " (it tells the office which pack this laptop holds)"))
    else:
        print("no new records since the last bundle")
    print(f"{sent.waiting} bundle(s) waiting for the office's acknowledgement written "
          f"to {out}")
    return 0


def _run_ack(actions, path: Path) -> int:
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"fieldapp sync ack: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    done = actions.take_ack(path, data)
    print(f"the office holds every bundle up to {done.seq}; {done.pruned} pruned from the outbox")
    return 0


def _receive_main(profile: Profile, args) -> int:
    from .documents.keys import keys_folder  # noqa: PLC0415
    from .services import packs_in  # noqa: PLC0415
    from .services import settings as cfg  # noqa: PLC0415
    from .services.profile_lock import open_for_command  # noqa: PLC0415
    store = open_for_command(profile)
    try:
        settings = cfg.Settings(store)
        now = datetime.now(timezone.utc)
        if args.today:
            now = datetime.combine(args.today, now.timetz())
        got = packs_in.receive(store, keys_folder(profile.home), Path(args.file),
                               settings.device_id(), now)
    finally:
        store.close()
    done = got.applied
    kind = "full" if got.pack.full else f"delta on version {got.pack.base}"
    print(f"pack version {got.pack.version} ({kind}) applied: {done.added} customers added, "
          f"{done.updated} updated, {done.removed} removed, {done.route_stops} route stops")
    if done.kept:
        print(f"kept {len(done.kept)} customers no longer assigned, for the work recorded on "
              f"them here: {', '.join(done.kept)}")
    if got.resolved:
        print(f"{got.resolved} dispute(s) recorded here were resolved at the office; their "
              "invoices are no longer paused")
    print(f"revocation list: {len(got.pack.revoked)} devices; the pack expires "
          f"{got.pack.header['expires_at']}")
    return 0


def _run_folder(actions, args) -> int:
    folder = args.folder or actions.folder_setting()
    done = actions.sync_folder(Path(folder) if folder else None)
    if done.made:
        print(f"day bundle {done.made} made with {done.records} records")
    print(f"{done.waiting} bundle(s) waiting for the office's acknowledgement written to "
          f"{Path(folder) / 'to-office'}")
    print(f"the office holds every bundle up to {done.acked}; {done.pruned} pruned now")
    if done.pack is not None:
        print(f"pack version {done.pack} applied")
    for problem in done.problems:
        print(f"left {problem.file}: {problem.error}", file=sys.stderr)
    return 1 if done.problems else 0
