"""`fieldapp office import-ar FILE…`: receivables files imported, a report per file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..domain.errors import FieldappError
from ..domain.money import MINOR_UNITS

CANNOT_READ = 2


def main(services, args) -> int:
    """Each file in its own transaction; the exit status is the worst of them."""
    source = None
    if args.source:
        try:
            source = services.sources.resolve(args.source)
        except FieldappError as error:
            print(f"fieldapp office import-ar: {error}", file=sys.stderr)
            return CANNOT_READ
    worst, imported = 0, False
    for file in args.files:
        try:
            report = services.imports.apply(
                Path(file), source, skip_bad_rows=args.skip_bad_rows, dry_run=args.dry_run,
                opening_on=args.opening_balances_on)
        except OSError as error:  # missing, a folder, no permission: the system's own words
            print(_unopened_json(file, error) if args.json else
                  f"{file}: cannot be read: {error.strerror or error}", flush=True)
            worst = max(worst, CANNOT_READ)
            continue
        print(json.dumps(report.as_json(), ensure_ascii=False) if args.json
              else text(file, report), flush=True)
        worst = max(worst, report.exit_status)
        imported = imported or report.imported
    if imported:  # the dashboard's kept sums, made now rather than on its next read
        services.kpis.refresh()
    return worst


def text(file, report) -> str:
    """The plain report: what the file held, what changed, every problem by line and column."""
    lines = [f"{file}: {report.source or 'unknown source'}"
             f"{f' ({report.encoding})' if report.encoding else ''}, "
             f"{report.kind.replace('_', ' ')}"]
    if report.readable and not report.cancelled:
        lines.append(f"  {report.rows} rows, {report.customers} customers, "
                     f"{report.invoices} invoices and credits")
        if report.open_total:
            lines.append("  open total: " + ", ".join(
                f"{c} {amount(v, c)}" for c, v in sorted(report.open_total.items())))
        if report.imported or report.dry_run and report.refusal is None:
            lines.append(f"  customers: {report.customers_created} new, "
                         f"{report.customers_updated} renamed")
            lines.append(f"  invoices: {report.invoices_created} new, "
                         f"{report.invoices_updated} updated, {report.invoices_closed} closed")
    for error in report.errors:
        if error.line is None:
            continue
        lines.append(f"  line {error.line}, column {error.column}: {error.message}"
                     if error.column else f"  line {error.line}: {error.message}")
    lines.extend(f"  {e.message}" for e in report.errors if e.line is None)
    lines.append("  " + _verdict(report))
    return "\n".join(lines)


def _verdict(report) -> str:
    if report.imported:
        skipped = sum(1 for e in report.errors if e.line is not None)
        return f"imported, {skipped} bad rows skipped" if skipped else "imported"
    if report.dry_run and report.refusal is None:
        return "dry run: nothing was written"
    return "not imported: nothing was written"


def amount(minor: int, currency: str) -> str:
    """Minor units as a plain decimal ('1234.50', '-300.00', '1234567')."""
    digits = MINOR_UNITS.get(currency, 0)
    sign, minor = ("-" if minor < 0 else ""), abs(minor)
    if not digits:
        return f"{sign}{minor}"
    return f"{sign}{minor // 10 ** digits}.{minor % 10 ** digits:0{digits}d}"


def _unopened_json(file, error: OSError) -> str:
    return json.dumps({
        "file": Path(file).name, "source": "", "encoding": "", "kind": "detail", "rows": 0,
        "customers": 0, "invoices": 0, "customers_created": 0, "customers_updated": 0,
        "invoices_created": 0, "invoices_updated": 0, "invoices_closed": 0, "open_total": {},
        "errors": [{"line": None, "column": "",
                    "message": f"cannot be read: {error.strerror or error}"}],
        "imported": False}, ensure_ascii=False)
