"""`fieldapp office assign`: customers to a collector (asking first), undo a batch, show the log."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError, NotFound
from ..domain.instants import to_text
from ..domain.office_filters import CustomerFilter
from ..i18n.formatting import parse_amount
from .collectors import BAD_ARGUMENTS, DONE, REFUSED

SHOWN = 5  # customers listed before the question


class BadArguments(Exception):
    """Options that do not say what to do; the message says what is missing."""


def main(services, args) -> int:
    try:
        if args.log:
            return _log(services, args)
        if args.undo:
            return _undo(services, args)
        return _assign(services, args)
    except (BadArguments, NotFound) as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS if exc.code.startswith(("amount.", "money.")) else REFUSED


def _assign(services, args) -> int:
    if not args.to:
        raise BadArguments("name the collector with --to NAME (or use --undo BATCH or --log)")
    target = services.collectors.get(args.to)
    if not target.active:
        raise FieldappError("collector.inactive", name=target.name)
    ids, wanted = _selection(services, args)
    matched = len(ids) if ids is not None else services.assignments.count(wanted)
    if matched == 0:
        _say(args, {"to": target.name, "matched": 0, "assigned": False},
             "no customers match: nothing was assigned")
        return REFUSED
    if not args.yes and not _confirmed(services, args, target.name, matched, ids, wanted):
        return REFUSED
    result = (services.assignments.assign(target.id, customer_ids=ids) if ids is not None else
              services.assignments.assign(target.id, wanted=wanted, expected=matched))
    _say(args, {"to": target.name, "matched": matched, "assigned": True,
                "batch": result.batch_id, "changed": result.changed,
                "unchanged": result.unchanged},
         f"assigned {result.changed} customers to {target.name}"
         + (f" ({result.unchanged} had them already)" if result.unchanged else "")
         + (f"\nbatch {result.batch_id}; undo with: fieldapp office assign --undo "
            f"{result.batch_id}" if result.batch_id else ""))
    return DONE


def _selection(services, args) -> tuple[list[int] | None, CustomerFilter | None]:
    """Customer ids (``--customer``) or a filter (the other options, all holding)."""
    wanted = _filter(services, args)
    if args.customer and not wanted.is_empty():
        raise BadArguments("--customer names the customers itself; leave out the filters")
    if args.customer:
        return services.assignments.customer_ids(args.customer), None
    if wanted.is_empty():
        raise BadArguments("say which customers: --customer CODE…, --district, --territory, "
                           "--province, --no-collector, --from, --overdue-above, --disputed "
                           "or --search")
    return None, wanted


def _filter(services, args) -> CustomerFilter:
    overdue = None
    if args.overdue_above:
        amount, currency = args.overdue_above
        overdue = parse_amount(amount, currency.upper())
    holder = services.collectors.get(args.from_collector).id if args.from_collector else None
    return CustomerFilter(query=args.search or "", collector_id=holder,
                          no_collector=args.no_collector, district=args.district or "",
                          province=args.province or "", territory=args.territory or "",
                          overdue_above=overdue, disputed=args.disputed)


def _confirmed(services, args, name, matched, ids, wanted) -> bool:
    """Show how many match and the first few, then ask; without a terminal, refuse."""
    out = sys.stderr if args.json else sys.stdout
    print(f"{matched} customers match", file=out)
    if wanted is not None:
        for c in services.assignments.customers(wanted, SHOWN):
            print(f"  {c.code}  {c.name}  ({c.collector_name or 'no collector'})", file=out)
        if matched > SHOWN:
            print(f"  … and {matched - SHOWN} more", file=out)
    if not sys.stdin.isatty():
        print(f"fieldapp: not assigned: add --yes to assign all {matched} to {name} without "
              "being asked", file=sys.stderr)
        if args.json:
            print(json.dumps({"to": name, "matched": matched, "assigned": False},
                             ensure_ascii=False))
        return False
    answer = input(f"Assign all {matched} matching customers to {name}? [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        print("nothing was assigned", file=out)
        return False
    return True


def _undo(services, args) -> int:
    result = services.assignments.undo(args.undo)
    _say(args, {"undone": args.undo, "batch": result.batch_id, "changed": result.changed},
         f"undone: {result.changed} customers are back with their previous collectors "
         f"(logged as batch {result.batch_id})")
    return DONE


def _log(services, args) -> int:
    if args.limit < 1:
        raise BadArguments(f"--limit must be at least 1, not {args.limit}")
    customer_ids = services.assignments.customer_ids(args.customer) if args.customer else [None]
    changes = [c for cid in customer_ids
               for c in services.assignments.changes(customer_id=cid, limit=args.limit)]
    if args.json:
        print(json.dumps([_change_json(c) for c in changes], ensure_ascii=False, indent=1))
        return DONE
    if not changes:
        print("no assignment changes yet")
    batch = None
    for c in changes:
        if c.batch_id != batch:
            batch = c.batch_id
            undone = f"  (undone by {c.undone_by})" if c.undone_by else ""
            print(f"{c.at.astimezone():%Y-%m-%d %H:%M}  {c.actor or '?'}  batch {batch}{undone}")
        print(f"  {c.customer_code}  {c.customer_name}: {c.from_name or 'no collector'} → "
              f"{c.to_name or 'no collector'}")
    return DONE


def _change_json(c) -> dict:
    return {"batch": c.batch_id, "at": to_text(c.at), "actor": c.actor,
            "customer": c.customer_code, "from": c.from_name or None,
            "to": c.to_name or None, "undone_by": c.undone_by}


def _say(args, as_json: dict, as_text: str) -> None:
    print(json.dumps(as_json, ensure_ascii=False) if args.json else as_text)
