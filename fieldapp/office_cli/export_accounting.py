"""`fieldapp office export-accounting --from DATE --to DATE --format csv|xlsx --out PATH
[--all] [--json]`: the export to accounting (docs/accounting-export.md)."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError
from .collectors import BAD_ARGUMENTS, DONE


def main(services, args) -> int:
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    try:
        done = services.accounting_export.run(args.first, args.last, args.out, args.fmt, kinds,
                                              include_exported=args.all)
    except FieldappError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    if args.json:
        print(json.dumps(done.as_dict(), ensure_ascii=False))
        return DONE
    for kind, rows in done.rows.items():
        print(f"{kind}: {rows} rows ({done.new[kind]} not exported before)")
    print("batch: " + (done.batch or "none (nothing new was exported)"))
    for path in done.files:
        print(f"wrote {path}")
    return DONE
