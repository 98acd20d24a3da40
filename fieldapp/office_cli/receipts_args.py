"""The arguments of `office receipts` (money taken on site) and `office export-accounting`."""

from __future__ import annotations

import argparse

from ..domain.accounting_export import FORMATS, KINDS
from ..domain.receipts import STATES


def add(tools, day, profile) -> None:
    """``profile(parser, day, top=False)`` adds --home/--db/--today as every tool has them."""
    cmd = tools.add_parser(
        "receipts", help="money taken on site: list, confirm or void receipts",
        description="Receipts of money collectors took on site, oldest first. A receipt is "
        "pending until a supervisor confirms it, an accounting import shows the payment "
        "(matched: same customer, currency and amount, the credit dated from 1 day before to "
        "10 days after the money was taken), or the office voids it with a reason (the void "
        "reaches the collector's laptop in the next pack). Exit status: 0 done, 1 refused "
        "(not pending), 2 bad arguments or an unknown receipt.")
    profile(cmd, day, top=False)
    cmd.add_argument("--state", choices=STATES, help="only receipts in this state "
                     "(default: pending; --all for every state)")
    cmd.add_argument("--all", action="store_true", help="receipts in every state")
    cmd.add_argument("--json", action="store_true", help="print one JSON object")
    actions = cmd.add_subparsers(dest="receipts_action", metavar="ACTION")
    confirm = actions.add_parser("confirm", help="confirm pending receipts (all or none)")
    confirm.add_argument("numbers", nargs="*", metavar="ID", help="receipt numbers")
    confirm.add_argument("--all-pending", action="store_true",
                         help="every pending receipt (says how many; --yes skips the question)")
    confirm.add_argument("--yes", action="store_true", help="with --all-pending: do not ask")
    void = actions.add_parser("void", help="void a pending receipt, with a reason")
    void.add_argument("number", metavar="ID", help="the receipt number")
    void.add_argument("--reason", required=True, help="why (required; the collector sees it)")
    for sub in (confirm, void):
        profile(sub, day, top=False)
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print JSON")

    export = tools.add_parser(
        "export-accounting", help="write confirmed receipts, promises and installment lines "
        "for the accounting system", description="The export to accounting for a period "
        "(both days included): confirmed money taken on site (matched receipts are already in "
        "the accounting books and are left out), promises and installment lines made in the "
        "period, in the layout of docs/accounting-export.md. CSV writes <out>_<kind>.csv "
        "(UTF-8 with BOM); XLSX writes one workbook with a sheet per kind. Records exported "
        "before are left out unless --all, and then carry the batch that first exported them.")
    profile(export, day, top=False)
    export.add_argument("--from", dest="first", metavar="YYYY-MM-DD", required=True,
                        help="first day of the period")
    export.add_argument("--to", dest="last", metavar="YYYY-MM-DD", required=True,
                        help="last day of the period (included)")
    export.add_argument("--format", dest="fmt", choices=FORMATS, default="csv")
    export.add_argument("--out", required=True, metavar="PATH",
                        help="the workbook, or the name the CSV files are made from")
    export.add_argument("--kinds", default=",".join(KINDS),
                        help=f"which records, comma-separated (default: {','.join(KINDS)})")
    export.add_argument("--all", action="store_true",
                        help="include records exported before (marked with their first batch)")
    export.add_argument("--json", action="store_true", help="print one JSON object")
