"""`fieldapp enroll request|install`: the laptop's side of enrollment, on the command line."""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path

from .documents.keys import keys_folder
from .paths import Profile


def main(profile: Profile, args) -> int:
    """Through the same sync facade as the window's Sync menu."""
    from .services import settings as cfg  # noqa: PLC0415
    from .services.sync_actions import SyncActions  # noqa: PLC0415
    from .services.profile_lock import open_for_command  # noqa: PLC0415
    day = args.today or date.today()
    store = open_for_command(profile)
    try:
        actions = SyncActions(store, keys_folder(profile.home), cfg.Settings(store),
                              lambda: datetime.combine(day, datetime.now(timezone.utc).timetz()))
        if args.enroll_command == "request":
            return _request(actions, Path(args.out))
        return _install(actions, Path(args.answer))
    finally:
        store.close()


def _request(actions, out: Path) -> int:
    actions.enroll_request(out)
    print(f"certificate request of device {actions.enrollment().device} written to {out}; the "
          "office answers it with `fieldapp office enroll`")
    return 0


def _install(actions, path: Path) -> int:
    from .sync import pki  # noqa: PLC0415
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"fieldapp enroll install: cannot read {path}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    answer = actions.enroll_install(path, data)
    print(f"this laptop (device {answer.device_id}) is enrolled for {answer.collector} of "
          f"{answer.company}")
    print(f"  company CA SHA-256: {pki.fingerprint(answer.ca_cert)}")
    print("  documents are now signed with the enrolled key; `fieldapp verify` trusts the "
          "company CA")
    return 0
