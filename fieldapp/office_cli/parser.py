"""The `office` subcommand's arguments: the window by default, then one subparser per tool."""

from __future__ import annotations

import argparse

from ..domain.collectors import COLLECTOR_LANGUAGES
from ..importers.mapping import DATE_ORDERS, DECIMAL_MARKS
from ..importers.presets import FIELDS
from ..paths import OFFICE_DB_ENV
from . import print_args, queue_args, receipts_args, review_args


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
    _sources(tools, day)
    _pack(tools, day, positive)
    _import_bundles(tools, day)
    _sync(tools, day)
    _conflicts(tools, day)
    _kpi(tools, day)
    review_args.add(tools, day, _profile)
    _encryption(tools, day)
    print_args.add(tools, day, _profile)
    receipts_args.add(tools, day, _profile)
    queue_args.add(tools, day, _profile)


def _profile(parser, day, top: bool) -> None:
    # Subcommands accept the options too; SUPPRESS keeps them from erasing a value given before.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--home", metavar="DIR", default=default,
                        help="office profile folder instead of the per-user one (also "
                             "FIELDAPP_HOME)")
    parser.add_argument("--db", metavar="URL", default=default,
                        help="office database: a PostgreSQL URL shared by several supervisors, "
                             f"e.g. postgresql+psycopg://user@host/office (also {OFFICE_DB_ENV}), "
                             "or a SQLite file; default: office.db in the profile")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=day, default=default,
                        help="work as if today were this day (demos, training)")
    parser.add_argument("--encrypt", action="store_true",
                        default=False if top else argparse.SUPPRESS,
                        help="make a NEW office database file encrypted (SQLCipher): its "
                             "passphrase is chosen now and asked at every opening (also from "
                             "FIELDAPP_PASSPHRASE); `office encrypt` converts an existing one")


def _import_ar(tools, day) -> None:
    cmd = tools.add_parser(
        "import-ar", help="import receivables from accounting exports",
        description="Import receivables (CSV or XLSX exports of the accounting software) in one "
        "transaction per file. Keys are (source, customer code, document number): the same file "
        "twice changes nothing; a newer export updates balances, adds invoices and closes those "
        "it no longer lists. Exit status: 0 imported (or a clean dry run), 1 refused for bad "
        "data, 2 a file cannot be read; with several files, the worst.")
    _profile(cmd, day, top=False)
    cmd.add_argument("files", nargs="+", metavar="FILE", help="CSV or XLSX exports")
    cmd.add_argument("--source", metavar="NAME",
                     help="the export's source: a preset (s31_misa, misa_summary, digiwin, "
                          "kingdee, yonyou, odoo_aged, odoo_aged_summary, erpnext, sap_fbl5n, "
                          "quickbooks, quickbooks_summary, plain, ibm_sample) or a saved mapping; "
                          "default: recognized from the header")
    cmd.add_argument("--dry-run", action="store_true",
                     help="read and compare everything, write nothing")
    cmd.add_argument("--skip-bad-rows", action="store_true",
                     help="import the good rows of a file with bad rows and list the skipped "
                          "ones (without it such a file is refused whole)")
    cmd.add_argument("--opening-balances-on", metavar="YYYY-MM-DD", type=day,
                     help="load a summary-only report (one balance per customer) as opening "
                          "balances on this day")
    cmd.add_argument("--json", action="store_true",
                     help="print one JSON object per file, one per line")


def _demo_data(tools, day, positive) -> None:
    cmd = tools.add_parser("demo-data", help="fill an office profile with the demo portfolio, "
                           "collectors and routes")
    _profile(cmd, day, top=False)
    cmd.add_argument("--customers", type=positive, default=300, help="how many (default 300)")
    cmd.add_argument("--seed", type=int, default=2026,
                     help="random seed (default 2026); the laptop's demo-data with the same "
                          "seed, day and size holds the same customers")
    cmd.add_argument("--replace", action="store_true",
                     help="empty an office database that already has customers first (a "
                          "SQLite office is backed up before)")
    cmd.add_argument("--json", action="store_true",
                     help="print what was generated as one JSON object")


def _collectors(tools, day) -> None:
    cmd = tools.add_parser("collectors", help="list, add or change collectors",
                           description="Collectors: who visits customers. Without an action, "
                           "lists them with their customers and overdue balance.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--json", action="store_true", help="print JSON")
    actions = cmd.add_subparsers(dest="collectors_action", metavar="ACTION")
    listing = actions.add_parser("list", help="every collector, with customers and overdue")
    listing.add_argument("--active", action="store_true", help="only active collectors")
    add = actions.add_parser("add", help="add a collector")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--phone", default="", help="phone number")
    add.add_argument("--language", default="vi", choices=COLLECTOR_LANGUAGES,
                     help="the language of the collector's laptop (default vi)")
    edit = actions.add_parser("edit", help="change a collector's name, phone, language or state")
    edit.add_argument("name", metavar="NAME", help="the collector's current name")
    edit.add_argument("--name", dest="new_name", metavar="NEW", help="new name")
    edit.add_argument("--phone", help="new phone number")
    edit.add_argument("--language", choices=COLLECTOR_LANGUAGES, help="new language")
    state = edit.add_mutually_exclusive_group()
    state.add_argument("--activate", dest="active", action="store_const", const=True,
                       help="active again: customers can be assigned")
    state.add_argument("--deactivate", dest="active", action="store_const", const=False,
                       help="no new customers (the current ones stay until moved)")
    deactivate = actions.add_parser("deactivate", help="take a collector out of assignment "
                                    "(a collector with customers is never deleted)")
    deactivate.add_argument("name", metavar="NAME")
    delete = actions.add_parser("delete", help="delete a collector added by mistake (refused "
                                "once they have or had customers)")
    delete.add_argument("name", metavar="NAME")
    for sub in (listing, add, edit, deactivate, delete):
        _profile(sub, day, top=False)
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print JSON")


def _assign(tools, day) -> None:
    cmd = tools.add_parser(
        "assign", help="assign customers to a collector, undo an assignment, show the log",
        description="Assign customers to a collector: named by code, or all matching a filter "
        "(filters combine). Says how many match and asks before assigning (--yes to skip the "
        "question). Every change is logged and can be undone by its batch.")
    _profile(cmd, day, top=False)
    what = cmd.add_mutually_exclusive_group()
    what.add_argument("--to", metavar="NAME", help="the collector who gets the customers")
    what.add_argument("--undo", metavar="BATCH", help="undo an assignment batch (see --log)")
    what.add_argument("--log", action="store_true", help="list assignment changes, newest first")
    cmd.add_argument("--customer", metavar="CODE", nargs="+", action="extend",
                     help="customer codes (with --log: that customer's changes)")
    cmd.add_argument("--district", help="customers of this district (exact)")
    cmd.add_argument("--territory", help="customers of this territory (exact)")
    cmd.add_argument("--province", help="customers of this province (exact)")
    cmd.add_argument("--no-collector", action="store_true", help="customers nobody visits")
    cmd.add_argument("--from", dest="from_collector", metavar="NAME",
                     help="customers this collector visits now")
    cmd.add_argument("--overdue-above", nargs=2, metavar=("AMOUNT", "CUR"),
                     help="customers owing more than AMOUNT past due in currency CUR")
    cmd.add_argument("--disputed", action="store_true", help="customers with an open dispute")
    cmd.add_argument("--search", metavar="TEXT",
                     help="customers found by this search text (as in the window)")
    cmd.add_argument("--yes", action="store_true", help="assign without asking")
    cmd.add_argument("--limit", type=int, default=200, help="with --log: at most this many")
    cmd.add_argument("--json", action="store_true", help="print JSON")


def _route(tools, day) -> None:
    cmd = tools.add_parser(
        "route", help="plan, show or print a collector's route for a day",
        description="Show a collector's stops of a day; suggest stops (promises due and not "
        "kept, revisits, disputes waiting, then the largest and oldest overdue amounts), add "
        "or reorder them and save; print the route sheet. Exit status: 0 done, 1 refused "
        "(unknown collector or customer, a customer of another collector, a bad time), 2 the "
        "PDF cannot be written.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--collector", required=True, metavar="NAME", help="the collector's name")
    cmd.add_argument("--date", type=day, default=None, metavar="YYYY-MM-DD",
                     help="the route's day (default: today)")
    cmd.add_argument("--suggest", action="store_true",
                     help="suggest stops not yet on the route (with --save: add them to it)")
    cmd.add_argument("--limit", type=int, default=10, metavar="N",
                     help="how many stops to suggest (default 10)")
    cmd.add_argument("--save", action="store_true", help="save the suggested stops")
    cmd.add_argument("--add", nargs="+", default=[], metavar="CODE",
                     help="add these customers (by code) at the end of the route, and save")
    cmd.add_argument("--order", metavar="CODE,CODE,…",
                     help="the whole route in visiting order, and save (stops left out are "
                          "taken off)")
    cmd.add_argument("--start", metavar="HH:MM",
                     help="when a saved route starts: times are spread from it (default: the "
                          "office setting route.start, else 08:30)")
    cmd.add_argument("--pdf", metavar="FILE", help="write the route sheet of the day to FILE")
    cmd.add_argument("--json", action="store_true", help="print one JSON object")


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


def _sources(tools, day) -> None:
    cmd = tools.add_parser(
        "sources", help="list, show, save or delete the column mappings imports read with",
        description="Sources of receivables: the built-in presets and the mappings saved by "
        "the office (here or with the import window's Save as source). `save` starts from a "
        "preset or saved mapping and names the header of each field you give. Exit status: 0 "
        "done, 1 nothing to delete, 2 an unknown source, field or format.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--json", action="store_true", help="print JSON")
    actions = cmd.add_subparsers(dest="sources_action", metavar="ACTION")
    listing = actions.add_parser("list", help="built-in presets and saved mappings")
    show = actions.add_parser("show", help="a source's header per field and its formats")
    show.add_argument("name", metavar="NAME")
    save = actions.add_parser(
        "save", help="save a mapping under a name (replacing a saved one)",
        description="Save a mapping: the --from source with the header label of each --column "
        "field replaced. Fields: " + ", ".join(FIELDS) + ".")
    save.add_argument("name", metavar="NAME", help="the source's name (1 to 40 characters)")
    save.add_argument("--from", dest="base", metavar="SOURCE",
                      help="the preset or saved mapping to start from (default: plain)")
    save.add_argument("--column", action="append", metavar="FIELD=HEADER",
                      help="the header label of FIELD's column, as the file has it "
                           "(repeat for each field)")
    save.add_argument("--dates", choices=DATE_ORDERS, help="the order of dates in the file")
    save.add_argument("--decimal", choices=DECIMAL_MARKS, help="the decimal mark")
    save.add_argument("--group", metavar="MARK",
                      help="the thousands mark: , . ' a space, or '' for none")
    save.add_argument("--currency", metavar="CUR",
                      help="the currency of rows that name none (ISO code, e.g. VND)")
    save.add_argument("--header-line", type=int, metavar="N",
                      help="the header is on line N of the file (0: find it)")
    delete = actions.add_parser("delete", help="forget a saved mapping")
    delete.add_argument("name", metavar="NAME")
    for sub in (listing, show, save, delete):
        _profile(sub, day, top=False)
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print JSON")


def _pack(tools, day, positive) -> None:
    cmd = tools.add_parser(
        "pack", help="write a collector's assignment packs (one per enrolled laptop)",
        description="Write a signed assignment pack for each enrolled laptop of a collector: "
        "their customers with contacts, contracts, invoices, deliveries and payments, routes "
        "from today on, the status of promises and disputes, and the revocation list. Each "
        "pack has a version higher than the last one. It holds only the changes since the pack "
        "the laptop last confirmed (its day bundles say which it applied), or everything when "
        "the laptop confirmed none, that pack is no longer known, the laptop reported another "
        "set of customers than the office sent, or --full is given. Asks for the CA "
        "passphrase (or reads FIELDAPP_CA_PASSPHRASE).")
    _profile(cmd, day, top=False)
    cmd.add_argument("--collector", required=True, metavar="NAME", help="the collector")
    cmd.add_argument("--out", required=True, metavar="DIR", help="folder to write the packs to")
    cmd.add_argument("--valid-days", type=positive, default=14, metavar="N",
                     help="days the laptop accepts the pack (default 14)")
    cmd.add_argument("--full", action="store_true",
                     help="a complete pack even when the laptop could take the changes only")
def _import_bundles(tools, day) -> None:
    cmd = tools.add_parser(
        "import-bundles", help="import day bundles from laptops",
        description="Import day bundles (files, or folders of *.zip files) from enrolled "
        "laptops, each in one transaction. The same bundle again changes nothing; a bundle after "
        "a gap is held until the missing one arrives; a bad one (unknown or revoked laptop, "
        "broken signature, fork) is quarantined with its reason and never stops the others. "
        "Writes an acknowledgement per laptop (signed with the office key: the CA passphrase "
        "is asked for, or read from FIELDAPP_CA_PASSPHRASE). Exit status: 0 nothing "
        "quarantined, 1 something was.")
    _profile(cmd, day, top=False)
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="bundle files or folders")
    cmd.add_argument("--json", action="store_true", help="print a JSON list, one object per "
                     "bundle")
    cmd.add_argument("--acks", metavar="DIR", help="where to write the acknowledgements "
                     "(default: the acks folder of the office profile)")
    cmd.add_argument("--no-acks", action="store_true", help="write no acknowledgements (no "
                     "passphrase needed)")


def _sync(tools, day) -> None:
    cmd = tools.add_parser(
        "sync", help="import from the sync folder and answer the laptops",
        description="The office's side of the sync folder shared with the laptops: import "
        "every day bundle in FOLDER/to-office (each file is removed once the office has "
        "recorded it; a quarantined one is kept in the database), then write into "
        "FOLDER/to-laptops/DEVICE an acknowledgement for each laptop that sent something new "
        "and a fresh assignment pack for each laptop that has none yet or whose newest pack is "
        "more than 7 days old (older acks and packs there are removed). Asks for the CA "
        "passphrase (or reads FIELDAPP_CA_PASSPHRASE). Exit status: 0 nothing quarantined, "
        "1 something was, 2 no folder.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--folder", metavar="DIR", help="the sync folder (default: the one set "
                     "in the office window)")
    cmd.add_argument("--json", action="store_true", help="print a JSON object: bundles (one "
                     "object per bundle, as import-bundles --json), removed, kept, acks, packs")
    cmd.add_argument("--send-packs", action="store_true", help="write a new pack for every "
                     "enrolled laptop (after reassigning customers, say)")
    cmd.add_argument("--import-only", action="store_true", help="import only: no acks, no "
                     "packs, no passphrase needed")
def _conflicts(tools, day) -> None:
    cmd = tools.add_parser(
        "conflicts", help="master data changed both on a laptop and at the office",
        description="The conflict queue: fields (an address, a contact's phone) a laptop changed "
        "while the office changed them too since the laptop's copy. Each shows the value both "
        "started from (base), the office's and the laptop's; nothing was overwritten. Without "
        "an action, lists the open ones, oldest first. Exit status: 0 done, 1 refused (already "
        "resolved), 2 an unknown conflict or a bad value.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument("--all", action="store_true", help="resolved ones too")
    actions = cmd.add_subparsers(dest="conflicts_action", metavar="ACTION")
    resolve = actions.add_parser("resolve", help="keep the office's value, take the laptop's "
                                 "or type another")
    resolve.add_argument("id", metavar="ID", help="the conflict's id (or its first characters)")
    resolve.add_argument("--take", required=True, choices=("office", "laptop", "value"),
                         help="whose value to keep; 'value' writes --value")
    resolve.add_argument("--value", help="the value to write with --take value")
    _profile(resolve, day, top=False)
    resolve.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print JSON")
def _kpi(tools, day) -> None:
    cmd = tools.add_parser(
        "kpi", help="the dashboard's figures for a period (CEI, DSO, promises, contacts …)",
        description="Collection figures for a period, for the team and each collector, by "
        "currency, each with its formula and variant: CEI, DSO (simple and countback), best "
        "possible DSO, average days delinquent, aging and roll rates, money collected, "
        "promises made, kept, partially kept and broken (each payment counted once), "
        "right-party contact rate, visits and calls, disputes and their resolution time.")
    _profile(cmd, day, top=False)
    cmd.add_argument("--from", dest="first", metavar="YYYY-MM-DD", type=day, required=True,
                     help="first day of the period")
    cmd.add_argument("--to", dest="last", metavar="YYYY-MM-DD", type=day, required=True,
                     help="last day of the period (included)")
    cmd.add_argument("--collector", metavar="NAME", help="only this collector's customers")
    cmd.add_argument("--json", action="store_true",
                     help="print one JSON object: figures (figure, scope, detail, value, "
                          "currency, unit, formula, variant) and the daily series; amounts in "
                          "minor units, rates and days as decimal strings")


def _encryption(tools, day) -> None:
    cmd = tools.add_parser(
        "encrypt", help="encrypt the office database file (SQLite) under a passphrase",
        description="Encrypt an unencrypted office database file with SQLCipher, as the "
        "laptops' profiles are: a backup first, then an encrypted copy, its rows checked table "
        "by table, then the switch (a crash at any point leaves the old or the new file "
        "usable); the backups are encrypted too. A missing file is made new and encrypted. The "
        "passphrase is typed twice on the terminal, or read from FIELDAPP_PASSPHRASE "
        "(automation). Without it nobody can open the file: keep it safe.")
    _profile(cmd, day, top=False)
    cmd = tools.add_parser(
        "passphrase", help="change the passphrase of an encrypted office database file",
        description="Change the passphrase of an encrypted office database file: its keys "
        "are wrapped again under the new one (one small file rewritten atomically). The old "
        "passphrase from FIELDAPP_PASSPHRASE and the new one from FIELDAPP_NEW_PASSPHRASE, or "
        "typed on the terminal.")
    _profile(cmd, day, top=False)
