"""`fieldapp office kpi --from DATE --to DATE [--collector NAME] [--json]`: the dashboard's
figures for a period, for the team and each collector (or one), by currency."""

from __future__ import annotations

import json
from decimal import Decimal

from ..domain.money import minor_units


def main(services, args) -> int:
    board = services.kpis.dashboard(args.first, args.last, args.collector)
    if args.json:
        print(json.dumps(board.as_dict(), ensure_ascii=False, indent=1))
        return 0
    print(f"KPIs from {board.first.isoformat()} to {board.last.isoformat()}")
    scope = None
    for f in board.figures:
        if f.scope != scope:
            scope = f.scope
            print(f"\n[{scope}]")
        name = f"{f.name} {f.detail}".strip()
        print(f"  {name:<58} {_shown(f):>22}  {f.definition.variant}")
    return 0


def _shown(figure) -> str:
    unit, value, cur = figure.definition.unit, figure.value, figure.currency
    if value is None:
        return "n/a"
    if unit == "minor":
        return f"{cur} {Decimal(value).scaleb(-minor_units(cur)):,}"
    suffix = {"%": " %", "days": " days"}.get(unit, "")
    return f"{cur + ' ' if cur and unit != 'count' else ''}{value}{suffix}"
