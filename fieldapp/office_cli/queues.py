"""`fieldapp office queues`: each work queue's count and oldest item, then its items."""

from __future__ import annotations

import json
import sys

from ..domain import queues as q
from ..domain.errors import FieldappError
from .collectors import BAD_ARGUMENTS, DONE


def main(services, args) -> int:
    try:
        collector = services.review.collector_id(args.collector) if args.collector else None
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    now = services.now()
    found = services.queues.all()
    if collector is not None:
        found = {k: tuple(i for i in v if i.collector_id == collector) for k, v in found.items()}
    if args.queue:
        found = {args.queue: found[args.queue]}
    counts = services.queues.counts(found)
    if args.json:
        print(json.dumps({"now": now.isoformat(),
                          "counts": {c.queue: {"count": c.count, "oldest": _iso(c.oldest)}
                                     for c in counts},
                          "items": {k: [as_json(i, now) for i in v] for k, v in found.items()}},
                         ensure_ascii=False, indent=1))
        return DONE
    for c in counts:
        oldest = f", oldest {_age(now - c.oldest)}" if c.oldest else ""
        print(f"{c.queue}: {c.count}{oldest}")
        for i in found[c.queue]:
            print("  " + _line(i, now))
    return DONE


def _line(i: q.QueueItem, now) -> str:
    what = f"{i.key[:8]}  {i.since:%Y-%m-%d %H:%M}  {i.collector or '?'}  " \
           f"{i.customer_code} {i.customer_name}"
    if i.deadline is not None:
        left = q.hours_left(i.deadline, now)
        what += f"  deadline {i.deadline:%Y-%m-%d %H:%M} " + \
            (f"OVERDUE by {-left} h" if q.overdue(i.deadline, now) else f"({left} h left)")
        what += f"  claimed: {i.reason}" + (f"  resolver: {i.resolver}" if i.resolver else "")
    if i.amount is not None:
        what += f"  {i.amount.currency} {i.amount.minor}"
        if i.paid is not None:
            what += f" (paid {i.paid.minor})"
        what += f" due {i.due_on}"
    if i.text:
        what += f"  “{i.text}”"
    return what


def _age(delta) -> str:
    hours = int(delta.total_seconds() // 3600)
    return f"{hours // 24} d {hours % 24} h" if hours >= 24 else f"{hours} h"


def _iso(value):
    return value.isoformat() if value is not None else None


def as_json(i: q.QueueItem, now) -> dict:
    step = i.next_step
    out = {"id": i.key, "record": i.visit_uuid, "customer": i.customer_code,
           "customer_name": i.customer_name, "collector": i.collector, "since": _iso(i.since),
           "due_on": _iso(i.due_on), "reason": i.reason, "text": i.text,
           "next_step": {"follow_up_on": _iso(step.follow_up_on),
                         "revisit_on": _iso(step.revisit_on), "refusal": step.refusal}}
    if i.amount is not None:
        out["amount"] = {"minor": i.amount.minor, "currency": i.amount.currency}
    if i.paid is not None:
        out["paid"] = {"minor": i.paid.minor, "currency": i.paid.currency}
    if i.deadline is not None:
        out.update(deadline=i.deadline.isoformat(), hours_left=q.hours_left(i.deadline, now),
                   overdue=q.overdue(i.deadline, now), resolver=i.resolver)
    return out
