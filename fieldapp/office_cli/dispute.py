"""`fieldapp office dispute assign|resolve`: a dispute's resolver, its resolution."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError, NotFound
from .collectors import BAD_ARGUMENTS, DONE, REFUSED

_BAD = ("queue.ambiguous_id", "queue.resolver_required", "queue.root_cause_required")


def main(services, args) -> int:
    try:
        uuid = services.queues.dispute_id(args.id)
        if args.dispute_command == "assign":
            services.queues.assign(uuid, args.resolver)
            out = {"id": uuid, "resolver": args.resolver.strip()}
            text = f"{uuid}: resolver {out['resolver']}"
        else:
            done = services.queues.resolve(uuid, args.root_cause)
            out = {"id": uuid, "root_cause": args.root_cause.strip(),
                   "resumed": list(done.resumed)}
            text = f"{uuid}: resolved; invoices resumed: {', '.join(done.resumed) or 'none'}"
    except NotFound as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS if exc.code in _BAD else REFUSED
    print(json.dumps(out, ensure_ascii=False) if args.json else text)
    return DONE
