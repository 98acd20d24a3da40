"""`fieldapp office route`: a collector's stops of a day shown, suggested, changed, saved, printed."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from ..domain.errors import FieldappError
from ..domain.money import minor_units
from ..domain.routes import StopPlan, parse_time
from ..files import write_atomically

REFUSED, CANNOT_WRITE = 1, 2


def main(services, args) -> int:
    routes = services.routes
    day = args.date or services.now().date()
    if args.save and not args.suggest:
        print("fieldapp office route: --save saves the suggested stops; give --suggest too "
              "(--add and --order save by themselves)", file=sys.stderr)
        return CANNOT_WRITE
    try:
        collector = routes.collector_named(args.collector)
        plans, suggestions, changed = _plan(routes, collector.id, day, args)
        if changed:
            start = parse_time(args.start) if args.start else None
            routes.save(collector.id, day, plans, start)
        stops = routes.day(collector.id, day)
    except FieldappError as error:
        print(f"fieldapp office route: {error}", file=sys.stderr)
        return REFUSED
    pdf = None
    if args.pdf:
        pdf = Path(args.pdf)
        try:
            write_atomically(pdf, routes.sheet_pdf(collector.id, day))
        except OSError as error:
            print(f"fieldapp office route: {pdf} cannot be written: {error.strerror or error}",
                  file=sys.stderr)
            return CANNOT_WRITE
    report = _report(collector, day, stops, suggestions, changed, pdf)
    print(json.dumps(report, ensure_ascii=False) if args.json else _text(report), flush=True)
    return 0


def _plan(routes, collector_id: str, day, args):
    """The stops to save (when ``changed``) and the suggestions asked for."""
    plans = [StopPlan(s.customer.id, s.planned_time, s.purpose)
             for s in routes.day(collector_id, day)]
    changed, suggestions = False, []
    if args.suggest:
        suggestions = routes.suggest(collector_id, day, max(0, args.limit),
                                     exclude={p.customer_id for p in plans})
        if args.save:
            plans += [StopPlan(s.customer.id, None, s.purpose) for s in suggestions]
            changed = True
    if args.order is not None:
        codes = [code.strip() for code in args.order.split(",") if code.strip()]
        kept = {p.customer_id: p for p in plans}
        # A new order is a new day plan: every time is spread again from the start.
        plans = [replace(kept.get(cid, StopPlan(cid)), planned_time=None)
                 for cid in routes.by_codes(collector_id, codes)]
        changed = True
    if args.add:
        plans += [StopPlan(cid) for cid in routes.by_codes(collector_id, args.add)]
        changed = True
    if args.start:
        plans = [replace(p, planned_time=None) for p in plans]
        changed = True
    return plans, suggestions, changed


def _report(collector, day, stops, suggestions, saved: bool, pdf) -> dict:
    return {
        "collector": collector.name, "date": day.isoformat(), "saved": saved,
        "stops": [{"seq": s.seq, "time": s.planned_time.strftime("%H:%M") if s.planned_time
                   else "", "code": s.customer.code, "name": s.customer.name,
                   "purpose": s.purpose, "overdue": _amounts(s.customer.overdue),
                   "days_late": s.customer.max_days_late} for s in stops],
        "suggestions": [{"code": s.customer.code, "name": s.customer.name,
                         "reason": s.reason.value, "reasons": [r.value for r in s.reasons],
                         "objective": s.objective.value, "purpose": s.purpose,
                         "due_on": s.due_on.isoformat() if s.due_on else None,
                         "amount": _amounts([s.amount] if s.amount else []),
                         "overdue": _amounts(s.customer.overdue),
                         "days_late": s.customer.max_days_late} for s in suggestions],
        "pdf": str(pdf) if pdf else None}


def _amounts(values) -> dict[str, int]:
    """Minor units by currency, as the other office tools print money in JSON."""
    return {m.currency: m.minor for m in values}


def _text(report: dict) -> str:
    saved = " (saved)" if report["saved"] else ""
    lines = [f"{report['collector']} · {report['date']} · {len(report['stops'])} stops{saved}"]
    for s in report["stops"]:
        late = f"{s['days_late']} days late" if s["overdue"] else ""
        lines.append(f"  {s['seq']:>2}  {s['time'] or '--:--'}  {s['code']}  {s['name']}  "
                     f"{_money(s['overdue'])}  {late}  {s['purpose']}".rstrip())
    if report["suggestions"]:
        lines.append("suggested:")
    for n, s in enumerate(report["suggestions"], 1):
        due = f" {s['due_on']}" if s["due_on"] else ""
        lines.append(f"  {n:>2}  {s['code']}  {s['name']}  {s['reason'].replace('_', ' ')}{due}"
                     f"  {_money(s['amount'] or s['overdue'])}  {s['purpose']}".rstrip())
    if report["pdf"]:
        lines.append(f"route sheet: {report['pdf']}")
    return "\n".join(lines)


def _money(amounts: dict[str, int]) -> str:
    return ", ".join(f"{cur} {Decimal(minor).scaleb(-minor_units(cur))}"
                     for cur, minor in sorted(amounts.items()))

