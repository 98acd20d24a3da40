"""`fieldapp enroll request|install`: the laptop's side of enrollment, on the command line."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from .documents.keys import keys_folder
from .files import write_atomically
from .paths import Profile
from .sync import enroll, laptop_keys, pki


def main(profile: Profile, args) -> int:
    from .services import settings as cfg  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    store = open_store(profile.database, profile.backups)
    try:
        settings = cfg.Settings(store)
        device_id, holder = settings.device_id(), settings.get(cfg.COLLECTOR_NAME)
    finally:
        store.close()
    folder = keys_folder(profile.home)
    key = laptop_keys.request_key(folder, device_id, holder, args.today or date.today())
    if args.enroll_command == "request":
        return _request(key, device_id, holder, Path(args.out))
    return _install(folder, key, device_id, Path(args.answer))


def _request(key, device_id: str, holder: str, out: Path) -> int:
    write_atomically(out, pki.make_request(key, device_id, holder))
    print(f"certificate request of device {device_id} written to {out}; the office answers it "
          "with `fieldapp office enroll`")
    return 0


def _install(folder: Path, key, device_id: str, path: Path) -> int:
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"fieldapp enroll install: cannot read {path}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    answer = enroll.read_answer(data, str(path), key, device_id)
    enroll.install(folder, answer, key)
    print(f"this laptop (device {device_id}) is enrolled for {answer.collector} of "
          f"{answer.company}")
    print(f"  company CA SHA-256: {pki.fingerprint(answer.ca_cert)}")
    print("  documents are now signed with the enrolled key; `fieldapp verify` trusts the "
          "company CA")
    return 0
