"""`fieldapp office devices [--json]`: the enrolled laptops, revoked ones marked."""

from __future__ import annotations

import json


def main(services, args) -> int:
    devices = services.enrollment.devices()
    if args.json:
        print(json.dumps([{"device": d.id, "collector": d.collector_name,
                           "enrolled_at": d.enrolled_at.isoformat(),
                           "revoked_at": d.revoked_at.isoformat() if d.revoked_at else None,
                           "reason": d.revoked_reason} for d in devices],
                         ensure_ascii=False, indent=1))
        return 0
    for d in devices:
        state = (f"REVOKED {d.revoked_at:%Y-%m-%d %H:%M} UTC {d.revoked_reason}".rstrip()
                 if d.revoked else "trusted")
        print(f"{d.id}  {d.collector_name}  enrolled {d.enrolled_at:%Y-%m-%d}  {state}")
    if not devices:
        print("no enrolled devices")
    return 0
