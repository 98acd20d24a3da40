"""`fieldapp office collectors`: list, add, edit, deactivate (or delete) collectors."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError, NotFound
from ..i18n.formatting import format_money

# Exit statuses: done; refused (a rule said no); bad arguments (an unknown name, a bad value).
DONE, REFUSED, BAD_ARGUMENTS = 0, 1, 2


def main(services, args) -> int:
    action = args.collectors_action or "list"
    try:
        if action == "list":
            return _list(services, args)
        collector, verb = _change(services, args, action)
    except NotFound as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS if exc.code in _BAD_VALUES else REFUSED
    if args.json:
        print(json.dumps(_as_json(collector, None, ()) if collector else {"deleted": args.name},
                         ensure_ascii=False))
    else:
        print(f"{verb}: {collector.name if collector else args.name}")
    return DONE


# Values typed wrong, as opposed to rules that refuse (has customers, has history).
_BAD_VALUES = {"collector.name_required", "collector.name_too_long", "collector.phone_too_long",
               "collector.language"}


def _change(services, args, action: str):
    collectors = services.collectors
    if action == "add":
        collector, _ = collectors.add(args.name, phone=args.phone, language=args.language)
        return collector, "added"
    if action == "edit":
        collector, _ = collectors.edit(args.name, name=args.new_name, phone=args.phone,
                                       language=args.language, active=args.active)
        return collector, "changed"
    if action == "deactivate":
        collector, _ = collectors.deactivate(args.name)
        return collector, "deactivated"
    collectors.delete(args.name)
    return None, "deleted"


def _list(services, args) -> int:
    loads = services.collectors.loads(include_inactive=not getattr(args, "active", False))
    if args.json:
        print(json.dumps([{**_as_json(x.collector, x.customers, x.overdue),
                           "open_follow_ups": x.follow_ups} for x in loads],
                         ensure_ascii=False, indent=1))
        return DONE
    if not loads:
        print("no collectors yet: add one with `fieldapp office collectors add NAME`")
        return DONE
    width = max(len(x.collector.name) for x in loads)
    for load in loads:
        c = load.collector
        overdue = ", ".join(format_money(m, iso_code=True) for m in load.overdue) or "-"
        state = "" if c.active else "  (inactive)"
        print(f"{c.name:<{width}}  {c.language:<5}  {c.phone or '-':<14}  "
              f"{load.customers:>6} customers  {load.follow_ups:>5} open follow-ups  "
              f"{_laptops(c)}  overdue {overdue}{state}")
    return DONE


def _as_json(collector, customers, overdue) -> dict:
    found = {"id": collector.id, "name": collector.name, "phone": collector.phone,
             "language": collector.language, "active": collector.active,
             "laptops": collector.laptops,
             "devices": [{"id": d.id, "short_id": d.short_id,
                          "enrolled_at": d.enrolled_at.isoformat(), "revoked": d.revoked}
                         for d in collector.devices]}
    if customers is not None:
        found["customers"] = customers
        found["overdue"] = {m.currency: m.minor for m in overdue}
    return found


def _laptops(collector) -> str:
    """'2 laptops', with the revoked ones said apart ('1 laptop (+1 revoked)')."""
    trusted, revoked = collector.laptops, len(collector.devices) - collector.laptops
    words = f"{trusted} laptop{'' if trusted == 1 else 's'}"
    return f"{words} (+{revoked} revoked)" if revoked else words
