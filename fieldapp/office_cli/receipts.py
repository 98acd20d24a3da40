"""`fieldapp office receipts [confirm ID… | void ID --reason TEXT]`: money taken on site."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError, NotFound
from ..domain.money import minor_units
from ..domain.receipts import PENDING
from .collectors import BAD_ARGUMENTS, DONE, REFUSED

_BAD = ("receipt.bad_state", "receipt.reason_required", "receipt.reason_too_long",
        "receipt.none_named")


def main(services, args) -> int:
    try:
        if args.receipts_action == "confirm":
            return _confirm(services, args)
        if args.receipts_action == "void":
            services.receipts.void(args.number, args.reason)
            _say(args, {"voided": 1, "receipt": as_json(services.receipts.get(args.number))},
                 f"{args.number}: voided")
            return DONE
        return _list(services, args)
    except NotFound as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS if exc.code in _BAD else REFUSED


def as_json(r) -> dict:
    return {"receipt_no": r.receipt_no, "state": r.state, "customer_code": r.customer_code,
            "customer_name": r.customer_name, "collector": r.collector,
            "paid_on": r.paid_on.isoformat(), "amount_minor": r.amount.minor,
            "currency": r.amount.currency, "payment_id": r.payment_id, "visit_id": r.visit_uuid,
            "state_at": r.state_at.isoformat() if r.state_at else None,
            "state_by": r.state_by, "reason": r.reason,
            "matched": {"number": r.match_number, "source": r.match_source,
                        "date": r.match_on.isoformat()} if r.match_number else None}


def _list(services, args) -> int:
    state = None if args.all else (args.state or PENDING)
    found = services.receipts.listed(state)
    today = services.now().date()
    if args.json:
        print(json.dumps({"state": state, "receipts": [as_json(r) for r in found],
                          "counts": services.receipts.counts()}, ensure_ascii=False))
        return DONE
    for r in found:
        digits = minor_units(r.amount.currency)
        money = f"{r.amount.currency} {r.amount.minor / 10 ** digits:,.{digits}f}"
        print(f"{r.receipt_no}  {r.paid_on.isoformat()}  {r.age_days(today):>3}d  "
              f"{r.state:<9} {money:>20}  {r.customer_code} {r.customer_name} · {r.collector}"
              + (f"  [{r.reason}]" if r.reason else "")
              + (f"  = {r.match_source}/{r.match_number}" if r.match_number else ""))
    counts = services.receipts.counts()
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return DONE


def _confirm(services, args) -> int:
    if args.all_pending == bool(args.numbers):
        print("fieldapp: name the receipts to confirm, or use --all-pending", file=sys.stderr)
        return BAD_ARGUMENTS
    if args.numbers:
        done = services.receipts.confirm(args.numbers)
    else:
        pending = services.receipts.counts()["pending"]
        if not pending:
            _say(args, {"pending": 0, "confirmed": 0}, "no receipt is pending")
            return REFUSED
        if not args.yes and not _asked(pending):
            if getattr(args, "json", False):
                print(json.dumps({"pending": pending, "confirmed": 0}))
            return REFUSED
        done = services.receipts.confirm_all_pending(pending)
    _say(args, {"confirmed": done.count}, f"{done.count} receipts confirmed")
    return DONE


def _asked(pending: int) -> bool:
    print(f"all {pending} pending receipts match", file=sys.stderr)
    if not sys.stdin.isatty():
        print("fieldapp: nothing was changed: add --yes to confirm them without being asked",
              file=sys.stderr)
        return False
    return input(f"Confirm all {pending}? [y/N] ").strip().lower() in ("y", "yes")


def _say(args, value: dict, text: str) -> None:
    print(json.dumps(value, ensure_ascii=False) if getattr(args, "json", False) else text)
