"""`fieldapp sync`: the laptop's side of sync on the command line (receive an assignment pack)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .paths import Profile


def add(sub, profile_options) -> None:
    """Add `sync` to the top-level subparsers ``sub``."""
    sync = sub.add_parser("sync", help="exchange bundles with the office",
                          description="Sync with the office through files: receive the "
                          "assignment packs it writes.")
    profile_options(sync, top=False)
    steps = sync.add_subparsers(dest="sync_command", metavar="STEP", required=True)
    _receive(steps, profile_options)


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
    return 2


def _receive_main(profile: Profile, args) -> int:
    from .documents.keys import keys_folder  # noqa: PLC0415
    from .services import packs_in  # noqa: PLC0415
    from .services import settings as cfg  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    store = open_store(profile.database, profile.backups)
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
    print(f"pack version {got.pack.version} applied: {done.added} customers added, "
          f"{done.updated} updated, {done.removed} removed, {done.route_stops} route stops")
    if done.kept:
        print(f"kept {len(done.kept)} customers no longer assigned, for the work recorded on "
              f"them here: {', '.join(done.kept)}")
    print(f"revocation list: {len(got.pack.revoked)} devices; the pack expires "
          f"{got.pack.header['expires_at']}")
    return 0
