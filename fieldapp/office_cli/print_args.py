"""The arguments of `office print agreements` and `office print statements` (batch printing)."""

from __future__ import annotations


def add(tools, day, profile) -> None:
    """``profile(parser, day, top=False)`` adds --home/--db/--today as every tool has them."""
    cmd = tools.add_parser(
        "print", help="print a day's installment agreements or a group's statements of "
        "account as one signed PDF",
        description="One PDF for many customers, each customer's document on new pages in the "
        "customer's language, signed by the office (a document-signing certificate issued "
        "under the company CA at first use; the CA passphrase comes from "
        "FIELDAPP_CA_PASSPHRASE or is asked for). Prints the page and customer counts. Exit "
        "status: 0 written, 1 refused (nothing to print, unknown collector or customer, wrong "
        "passphrase), 2 the file cannot be written.")
    profile(cmd, day, top=False)
    kinds = cmd.add_subparsers(dest="print_kind", metavar="WHAT", required=True)
    agreements = kinds.add_parser(
        "agreements", help="the installment agreements recorded on a day, for signing in ink",
        description="Every installment agreement recorded on the laptops on DAY and imported "
        "(rejected records and revised ones are left out), with empty signature boxes.")
    profile(agreements, day, top=False)
    agreements.add_argument("--day", type=day, required=True, metavar="YYYY-MM-DD",
                            help="the day the agreements were made")
    agreements.add_argument("--route", metavar="NAME",
                            help="only the customers on this collector's route of the day")
    _out(agreements)
    statements = kinds.add_parser(
        "statements", help="statements of account for a group of customers",
        description="A statement of account (open invoices, payments of the last year, "
        "balance and aging) as of a day for each customer of the group.")
    profile(statements, day, top=False)
    group = statements.add_mutually_exclusive_group(required=True)
    group.add_argument("--collector", metavar="NAME",
                       help="the collector's customers that have an open invoice")
    group.add_argument("--route", metavar="NAME",
                       help="the customers on this collector's route (of --day)")
    group.add_argument("--customers", metavar="CODE,CODE,…", help="these customers, in order")
    statements.add_argument("--as-of", dest="as_of", type=day, metavar="YYYY-MM-DD",
                            help="the statements' day (default: today)")
    statements.add_argument("--day", type=day, metavar="YYYY-MM-DD",
                            help="the route's day with --route (default: the as-of day)")
    _out(statements)


def _out(parser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (file, pages, documents, customers, and "
                             "each document's customer and first page)")
