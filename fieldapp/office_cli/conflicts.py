"""`fieldapp office conflicts [--json] [--all]` and `fieldapp office conflicts resolve ID
--take office|laptop|value [--value V]`: the supervisor's queue of master-data conflicts."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError, NotFound

# Exit statuses: done; refused (already resolved, the customer gone); bad arguments.
DONE, REFUSED, BAD_ARGUMENTS = 0, 1, 2
_REFUSED = {"master.conflict_closed", "master.customer_gone"}


def main(services, args) -> int:
    if args.conflicts_action == "resolve":
        return _resolve(services, args)
    found = services.conflicts.all() if args.all else services.conflicts.open()
    if args.json:
        print(json.dumps([_as_json(c) for c in found], ensure_ascii=False, indent=1))
        return DONE
    for c in found:
        who = f"{c.customer_code} {c.customer_name}".strip()
        what = c.field if c.entity == "customer" else f"{c.contact_name}: {c.field}"
        state = f"  resolved ({c.resolution}: {c.resolved_value})" if c.resolved_at else ""
        print(f"{c.id[:8]}  {c.created_at[:16]}  {who}  {what}  base {c.base_value!r}  "
              f"office {c.office_value!r}  laptop {c.laptop_value!r}  "
              f"({c.collector or c.device}){state}")
    if not found:
        print("no open conflicts" if not args.all else "no conflicts")
    return DONE


def _resolve(services, args) -> int:
    try:
        services.conflicts.resolve(args.id, args.take, args.value)
    except NotFound as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return REFUSED if exc.code in _REFUSED else BAD_ARGUMENTS
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return REFUSED if exc.code in _REFUSED else BAD_ARGUMENTS
    if args.json:
        print(json.dumps({"id": args.id, "take": args.take, "resolved": True}))
    else:
        print(f"resolved: {args.id} ({args.take})")
    return DONE


def _as_json(c) -> dict:
    return {"id": c.id, "customer": c.customer_code, "customer_name": c.customer_name,
            "entity": c.entity, "contact": c.contact_name, "field": c.field,
            "base": c.base_value, "office": c.office_value, "laptop": c.laptop_value,
            "device": c.device, "collector": c.collector, "edited_at": c.edited_at,
            "created_at": c.created_at, "resolved_at": c.resolved_at,
            "resolution": c.resolution, "resolved_value": c.resolved_value}
