"""`fieldapp office enroll FILE --collector NAME --out ANSWER`: certify a laptop."""

from __future__ import annotations

import sys
from pathlib import Path

from ..files import write_atomically
from ..paths import resolve_profile
from ..sync import office_keys
from . import passphrase


def main(services, args) -> int:
    folder = office_keys.keys_folder(resolve_profile(args.home, office=True).home)
    office_keys.certificates(folder)  # no CA yet: said before the passphrase is asked for
    try:
        request = Path(args.request).read_bytes()
    except OSError as exc:
        print(f"fieldapp office enroll: cannot read {args.request}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    done = services.enrollment.enroll(folder, passphrase.ask(confirm=False), request,
                                      args.request, args.collector)
    write_atomically(Path(args.out), done.answer)
    print(f"device {done.device.id} enrolled for {done.device.collector_name}; answer written "
          f"to {args.out} (install it on the laptop with `fieldapp enroll install`)")
    return 0
