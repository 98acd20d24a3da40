"""`fieldapp office review` (set a record's review state, or of all matching) and
`fieldapp office comment` (add an append-only comment)."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError, NotFound
from .collectors import BAD_ARGUMENTS, DONE, REFUSED
from .inbox import as_json, wanted

_BAD = ("review.bad_state", "review.ambiguous_id", "enroll.unknown_collector")


def main(services, args) -> int:
    try:
        if args.office_command == "comment":
            return _comment(services, args)
        if args.all:
            return _all(services, args)
        return _one(services, args)
    except NotFound as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS if exc.code in _BAD else REFUSED


def _one(services, args) -> int:
    if not args.id:
        print("fieldapp: name the record ID (or use --all with filters)", file=sys.stderr)
        return BAD_ARGUMENTS
    visit = services.review.resolve(args.id)
    services.review.set_state(visit, args.target, args.reason)
    item = services.review.history(visit).item
    _say(args, {"changed": 1, "item": as_json(item)}, f"{visit}: {item.state}"
         + (f" ({item.reason})" if item.reason else ""))
    return DONE


def _all(services, args) -> int:
    if args.id:
        print("fieldapp: --all takes the records from the filters; leave out the ID",
              file=sys.stderr)
        return BAD_ARGUMENTS
    f = wanted(services, args)
    matched = services.review.count(f)
    if matched == 0:
        _say(args, {"matching": 0, "changed": 0}, "no records match: nothing was changed")
        return REFUSED
    if not args.yes and not _confirmed(args, matched):
        return REFUSED
    done = services.review.set_state_matching(f, args.target, args.reason, expected=matched)
    _say(args, {"matching": matched, "changed": done.count},
         f"{done.count} records are now {args.target}")
    return DONE


def _confirmed(args, matched: int) -> bool:
    out = sys.stderr if args.json else sys.stdout
    print(f"{matched} records match", file=out)
    if not sys.stdin.isatty():
        print(f"fieldapp: nothing was changed: add --yes to set all {matched} to {args.target} "
              "without being asked", file=sys.stderr)
        if args.json:
            print(json.dumps({"matching": matched, "changed": 0}))
        return False
    answer = input(f"Set all {matched} matching records to {args.target}? [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        print("nothing was changed", file=out)
        return False
    return True


def _comment(services, args) -> int:
    visit = services.review.resolve(args.id)
    added = services.review.comment(visit, args.text, args.corrects).event_id
    event = next(e for e in services.review.history(visit).events if e.id == added)
    _say(args, {"id": event.id, "record": visit, "at": event.at.isoformat(),
                "actor": event.actor, "text": event.text, "corrects": event.corrects},
         f"comment {event.id} added to {visit}")
    return DONE


def _say(args, value: dict, text: str) -> None:
    print(json.dumps(value, ensure_ascii=False) if args.json else text)
