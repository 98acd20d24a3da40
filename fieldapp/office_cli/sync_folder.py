"""`fieldapp office sync [--folder DIR] [--json] [--send-packs] [--import-only]`: what the
window does with the sync folder, for scripts: import what laptops put in ``to-office``, then
write each laptop's ack and the packs due into ``to-laptops/<device>``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..paths import resolve_profile
from ..sync import office_keys
from . import passphrase


def main(services, args) -> int:
    home = resolve_profile(args.home, office=True).home
    root = Path(args.folder) if args.folder else services.sync_folder.root()
    if root is None:
        print("no sync folder: give --folder DIR (or set one in the office window)",
              file=sys.stderr)
        return 2
    services.enrollment.trust(office_keys.keys_folder(home))  # no CA: said before the passphrase
    secret = None if args.import_only else passphrase.ask(confirm=False)
    done = services.sync_folder.sync(home, root, secret, send_packs=args.send_packs)
    if args.json:
        print(json.dumps({
            "bundles": [r.as_dict() for r in done.reports],
            "removed": [str(p) for p in done.removed], "kept": [str(p) for p in done.kept],
            "acks": [{"device": s.device, "seq": s.seq, "file": str(s.path)} for s in done.acks],
            "packs": [{"device": s.device, "version": s.seq, "file": str(s.path)}
                      for s in done.packs]}, ensure_ascii=False, indent=1))
    else:
        for r in done.reports:
            what = f"{r.status} ({r.reason})" if r.reason else r.status
            print(f"{r.file}: {what}; device {r.device or '?'} bundle {r.seq or '?'}, "
                  f"{r.records} records")
        for path in done.kept:
            print(f"{path}: not readable now; left in the folder for the next sync")
        for s in done.acks:
            print(f"acknowledgement of bundle {s.seq} for device {s.device}: {s.path}")
        for s in done.packs:
            print(f"pack version {s.seq} for device {s.device}: {s.path}")
        if not (done.reports or done.kept or done.acks or done.packs):
            print(f"nothing waiting in {root}")
    return 1 if any(r.status == "quarantined" for r in done.reports) else 0
