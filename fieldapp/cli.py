"""Command line: the window (default), demo-data, verify, bench, enroll and office subcommands."""

from __future__ import annotations

import argparse
from datetime import date

from . import __version__, sync_cli


# --today is for demos and training: a day far off is a typo, and dates computed from it (a
# promise 60 days later, a plan's last installment) would run off the calendar.
EARLIEST_TODAY, LATEST_TODAY = date(2000, 1, 1), date(2099, 12, 31)


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-22") from None
    if not EARLIEST_TODAY <= day <= LATEST_TODAY:
        raise argparse.ArgumentTypeError(
            f"{text} is too far off: give a day from {EARLIEST_TODAY} to {LATEST_TODAY}")
    return day


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} must be 0 or more")
    return value


def _profile_options(parser: argparse.ArgumentParser, top: bool) -> None:
    # Subcommands accept --home too; SUPPRESS keeps them from erasing a value given before.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--home", metavar="DIR", default=default,
                        help="profile folder to use instead of the per-user data folder "
                             "(also FIELDAPP_HOME)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=_day, default=default,
                        help="work as if today were this day (demos, training)")


# The office's many tools are described only when asked for: their argument tables (import
# mappings, review states) cost the collector's window start a noticeable time otherwise.
OFFICE_HELP = "the supervisor's window and tools (import receivables, collectors, routes)"


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``argv`` known not to name ``office``, that subcommand is
    only listed (same help line) and its tools are left undescribed."""
    parser = argparse.ArgumentParser(prog="fieldapp", description=(
        "Offline portfolio for field collectors of overdue trade receivables. "
        "Without a subcommand, opens the window."))
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="start on a fresh throwaway demo profile (deleted on exit)")
    _profile_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo-data", help="generate a deterministic demo portfolio")
    _profile_options(demo, top=False)
    demo.add_argument("--customers", type=_positive, default=300, help="how many (default 300)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.add_argument("--history", type=_not_negative, default=0, metavar="N",
                      help="also N past visits and calls over the last three years, with the "
                           "promises, plans and payments that followed, but without documents "
                           "(a long-used laptop; default 0)")
    demo.add_argument("--replace", action="store_true",
                      help="back up and replace a profile database that already has customers")
    demo.add_argument("--json", action="store_true",
                      help="print what was generated as one JSON object")

    verify = sub.add_parser("verify", help="check the signature and record hash of documents",
                            description="Check signed fieldapp documents: is the signature intact, "
                            "who signed, does the certificate chain to the company CA, was anything "
                            "added after signing, does the record match its QR code. Exit status: "
                            "0 all good, 1 a document has a problem, 2 a file could not be read.")
    verify.add_argument("files", nargs="+", metavar="FILE.pdf", help="documents to check")
    verify.add_argument("--ca", metavar="FILE", help="company CA certificate (PEM or DER) to trust; "
                        "default: the one in the profile (keys/ca.pem)")
    verify.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS,
                        help="profile whose company CA to trust (also FIELDAPP_HOME)")
    verify.add_argument("--strict", action="store_true",
                        help="treat a DEVELOPMENT certificate as a problem")
    verify.add_argument("--json", action="store_true", help="print a JSON list of reports")

    bench = sub.add_parser("bench", help="measure startup, search, customer open, documents and "
                           "memory")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--customers", type=_positive, default=100_000,
                       help="portfolio size (default 100000)")
    bench.add_argument("--cache", metavar="DIR", help="where the benchmark profile is kept")
    bench.add_argument("--rounds", type=_positive, default=3, help="passes over the query list")
    bench.add_argument("--history", type=_not_negative, default=20_000, metavar="N",
                       help="past visits in the benchmark profile (default 20000)")
    bench.add_argument("--ar-lines", type=_not_negative, default=1_000_000, metavar="N",
                       help="lines of the generated receivables export imported (default "
                            "1000000; 0 leaves the import out)")
    bench.add_argument("--only", metavar="PARTS",
                       help="only these office figures, comma-separated: kpi, inbox (their "
                            "PostgreSQL offices alone, without the laptop's profile)")
    bench.add_argument("--pg-url", metavar="URL",
                       help="PostgreSQL for the office figures: the import is timed in a scratch "
                            "schema made and dropped, the office search in a kept one (also "
                            "FIELDAPP_BENCH_PG; default for the search: a local server started "
                            "for the run, when installed)")
    _enroll(sub)
    sync_cli.add(sub, _profile_options)
    if argv is None or "office" in argv:
        from .office_cli import parser as office_parser  # noqa: PLC0415
        office_parser.add(sub, _day, _positive)
    else:
        sub.add_parser("office", help=OFFICE_HELP)
    return parser


def _enroll(sub) -> None:
    enroll = sub.add_parser("enroll", help="enroll this laptop with the company's office",
                            description="Enrollment: make a certificate request for the office, "
                            "then install the office's answer. From then on documents are "
                            "signed with this laptop's key as certified by the company CA.")
    _profile_options(enroll, top=False)
    steps = enroll.add_subparsers(dest="enroll_command", metavar="STEP", required=True)
    request = steps.add_parser("request", help="write this laptop's certificate request")
    _profile_options(request, top=False)
    request.add_argument("--out", required=True, metavar="FILE", help="where to write it")
    install = steps.add_parser("install", help="install the office's answer")
    _profile_options(install, top=False)
    install.add_argument("answer", metavar="ANSWER", help="the answer file from the office")
