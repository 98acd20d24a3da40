"""The `office` subcommand's arguments: the window by default, then one subparser per tool."""

from __future__ import annotations

import argparse

from ..paths import OFFICE_DB_ENV


def add(sub, day, positive) -> None:
    """Add `office` to the top-level subparsers ``sub``; ``day`` and ``positive`` are cli's
    argument types (a --today in range, a count of at least 1)."""
    office = sub.add_parser(
        "office", help="the supervisor's window and tools (import receivables, collectors, "
        "routes)", description="The office: receivables imported from the accounting "
        "software, collectors with their customers, routes. Without a subcommand, opens the "
        "supervisor's window.")
    _profile(office, day, top=True)
    office.add_argument("--demo", action="store_true",
                        help="open a throwaway demo office (deleted on exit)")
    tools = office.add_subparsers(dest="office_command", metavar="COMMAND")
    _import_ar(tools, day)
    _demo_data(tools, day, positive)
    _collectors(tools, day)
    _assign(tools, day)
    _route(tools, day)
    _init(tools, day)
    _enroll(tools, day)
    _revoke(tools, day)
    _devices(tools, day)


def _profile(parser, day, top: bool) -> None:
    # Subcommands accept the options too; SUPPRESS keeps them from erasing a value given before.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--home", metavar="DIR", default=default,
                        help="office profile folder instead of the per-user one (also "
                             "FIELDAPP_HOME)")
    parser.add_argument("--db", metavar="URL", default=default,
                        help="office database: a PostgreSQL URL shared by several supervisors, "
                             f"e.g. postgresql+psycopg://user@host/office (also {OFFICE_DB_ENV}); "
                             "default: office.db in the profile")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=day, default=default,
                        help="work as if today were this day (demos, training)")


def _import_ar(tools, day) -> None:
    cmd = tools.add_parser("import-ar", help="import receivables from accounting exports")
    _profile(cmd, day, top=False)
    cmd.add_argument("files", nargs="+", metavar="FILE", help="CSV or XLSX exports")


def _demo_data(tools, day, positive) -> None:
    cmd = tools.add_parser("demo-data", help="fill an office profile with the demo portfolio, "
                           "collectors and routes")
    _profile(cmd, day, top=False)
    cmd.add_argument("--customers", type=positive, default=300, help="how many (default 300)")
    cmd.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")


def _collectors(tools, day) -> None:
    cmd = tools.add_parser("collectors", help="list, add or change collectors")
    _profile(cmd, day, top=False)


def _assign(tools, day) -> None:
    cmd = tools.add_parser("assign", help="assign customers to a collector")
    _profile(cmd, day, top=False)


def _route(tools, day) -> None:
    cmd = tools.add_parser("route", help="plan, show or print a collector's route for a day")
    _profile(cmd, day, top=False)


def _init(tools, day) -> None:
    cmd = tools.add_parser("init", help="create the company CA and the office's signing "
                           "certificate", description="Create the company CA and the office's "
                           "signing certificate in the office profile. Both private keys are "
                           "encrypted with one passphrase, asked for twice on the terminal or "
                           "read from FIELDAPP_CA_PASSPHRASE.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--company", default="fieldapp company", help="the company's name in "
                     "the certificates (default: fieldapp company)")


def _enroll(tools, day) -> None:
    cmd = tools.add_parser("enroll", help="certify a laptop's request for a collector",
                           description="Sign a laptop's certificate request (made by `fieldapp "
                           "enroll request`) with the company CA for a collector, and write the "
                           "answer the laptop installs. Asks for the CA passphrase (or reads "
                           "FIELDAPP_CA_PASSPHRASE).")
    _profile(cmd, day, top=False)
    cmd.add_argument("request", metavar="FILE", help="the laptop's certificate request")
    cmd.add_argument("--collector", required=True, metavar="NAME",
                     help="the collector who works on this laptop")
    cmd.add_argument("--out", required=True, metavar="ANSWER", help="where to write the answer")


def _revoke(tools, day) -> None:
    cmd = tools.add_parser("revoke", help="revoke an enrolled laptop")
    _profile(cmd, day, top=False)
    cmd.add_argument("device", metavar="DEVICE", help="the device id (or its first characters)")
    cmd.add_argument("--reason", default="", help="why (kept with the device)")


def _devices(tools, day) -> None:
    cmd = tools.add_parser("devices", help="list enrolled laptops")
    _profile(cmd, day, top=False)
    cmd.add_argument("--json", action="store_true", help="print a JSON list")
