"""`fieldapp office revoke DEVICE [--reason TEXT]`: stop trusting a laptop."""

from __future__ import annotations


def main(services, args) -> int:
    device = services.enrollment.revoke(args.device, args.reason)
    print(f"device {device.id} ({device.collector_name}) revoked at "
          f"{device.revoked_at.isoformat()}" + (f": {device.revoked_reason}"
                                               if device.revoked_reason else ""))
    return 0
