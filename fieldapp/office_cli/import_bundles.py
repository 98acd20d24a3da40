"""`fieldapp office import-bundles PATH… [--json] [--acks DIR | --no-acks]`: import day bundles
from laptops and write an acknowledgement per laptop."""

from __future__ import annotations

import json
from pathlib import Path

from ..files import write_atomically
from ..paths import resolve_profile
from ..services.office.bundles import Bundles, bundle_files
from ..sync import ack, office_keys
from . import passphrase

ACKS = "acks"  # the default folder for acks, in the office profile


def main(services, args) -> int:
    home = resolve_profile(args.home, office=True).home
    folder = office_keys.keys_folder(home)
    trust = services.enrollment.trust(folder)  # no CA yet: said before anything is read
    signer = None if args.no_acks else office_keys.load(
        folder, passphrase.ask(confirm=False)).signer()
    bundles = Bundles(services.store, services.now)
    reports = bundles.import_files(bundle_files([Path(p) for p in args.paths]), trust)
    written = []
    if signer is not None:
        devices = {r.device for r in reports if r.device and r.status != "quarantined"}
        out = Path(args.acks) if args.acks else home / ACKS
        out.mkdir(parents=True, exist_ok=True)
        for device, (seq, data) in bundles.acks(signer, devices).items():
            write_atomically(out / ack.file_name(device, seq), data)
            services.sync_folder.ack_written(device, seq)
            written.append(out / ack.file_name(device, seq))
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=1))
    else:
        for r in reports:
            what = f"{r.status} ({r.reason})" if r.reason else r.status
            print(f"{r.file}: {what}; device {r.device or '?'} bundle {r.seq or '?'}, "
                  f"{r.records} records")
        for path in written:
            print(f"acknowledgement written to {path}")
    return 1 if any(r.status == "quarantined" for r in reports) else 0
