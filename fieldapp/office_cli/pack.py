"""`fieldapp office pack --collector NAME --out DIR`: write the collector's assignment packs."""

from __future__ import annotations

from pathlib import Path

from ..files import write_atomically
from ..paths import resolve_profile
from ..sync import office_keys
from . import passphrase


def main(services, args) -> int:
    folder = office_keys.keys_folder(resolve_profile(args.home, office=True).home)
    office_keys.certificates(folder)  # no CA yet: said before the passphrase is asked for
    written = services.packs.build(folder, passphrase.ask(confirm=False), args.collector,
                                   args.valid_days, full=args.full)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for pack in written:
        path = out / f"pack-{pack.device[:8]}-v{pack.version}.zip"
        write_atomically(path, pack.data)
        what = (f"full ({pack.why_full}), {pack.customers} customers" if pack.full else
                f"delta on version {pack.base}, {pack.customers} customers added or changed, "
                f"{pack.removed} taken away")
        print(f"pack version {pack.version} for device {pack.device} ({what}) written to "
              f"{path}; apply it with `fieldapp sync receive`")
    return 0
