"""`fieldapp office inbox`: imported records to review, oldest first, and counts per state."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError
from ..domain.review import InboxFilter, InboxItem
from .collectors import BAD_ARGUMENTS, DONE


def wanted(services, args) -> InboxFilter:
    """The filter the options name (a collector by name)."""
    collector = services.review.collector_id(args.collector) if args.collector else None
    return InboxFilter(collector_id=collector, day=args.day, outcome=args.outcome,
                       state=args.state)


def main(services, args) -> int:
    try:
        if args.limit is not None and args.limit < 1:
            raise ValueError(f"--limit must be at least 1, not {args.limit}")
        f = wanted(services, args)
    except (FieldappError, ValueError) as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    items = _items(services, f, args.limit)
    counts, matching = services.review.counts(f), services.review.count(f)
    if args.json:
        print(json.dumps({"matching": matching, "counts": counts,
                          "items": [as_json(i) for i in items]}, ensure_ascii=False, indent=1))
        return DONE
    for i in items:
        print(f"{i.visit_uuid[:8]}  {i.day}  {i.started_at:%H:%M}  {i.collector or '?'}  "
              f"{i.customer_code} {i.customer_name}  [{', '.join(i.outcomes) or '-'}]  "
              f"{i.state}{'  (amended)' if i.amended else ''}"
              f"{f'  {i.comments} comment(s)' if i.comments else ''}")
    if not items:
        print("no records match")
    print(f"{matching} matching; " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return DONE


def _items(services, f: InboxFilter, limit: int | None) -> list[InboxItem]:
    out, after = [], None
    while limit is None or len(out) < limit:
        page = services.review.page(f, after)
        out += page.items
        if page.after is None:
            break
        after = page.after
    return out[:limit] if limit is not None else out


def as_json(i: InboxItem) -> dict:
    return {"id": i.visit_uuid, "customer": i.customer_code, "customer_name": i.customer_name,
            "collector": i.collector, "device": i.device, "kind": i.visit_kind,
            "started_at": i.started_at.isoformat(), "day": i.day.isoformat(),
            "outcomes": list(i.outcomes), "state": i.state,
            "state_at": i.state_at.isoformat() if i.state_at else None,
            "state_by": i.state_by, "reason": i.reason, "amends": i.amends,
            "amended": i.amended, "comments": i.comments, "documents": i.documents}
