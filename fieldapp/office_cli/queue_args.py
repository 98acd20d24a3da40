"""The arguments of `office queues` and `office dispute assign|resolve` (the work queues)."""

from __future__ import annotations

from ..domain.queues import QUEUES


def add(tools, day, profile) -> None:
    """``profile(parser, day, top=False)`` adds --home/--db/--today as every tool has them."""
    queues = tools.add_parser(
        "queues", help="list the work queues: counts, then their items oldest first",
        description="The supervisor's work queues: disputes with the hours left before their "
        "24-hour deadline, promises due today, broken or partially kept, notes to the "
        "supervisor, refusals heading for the legal route and records with issues. Each queue "
        "shows its count and the age of its oldest item, then its items oldest first.")
    profile(queues, day, top=False)
    queues.add_argument("--queue", choices=QUEUES, metavar="NAME",
                        help=f"only this queue ({', '.join(QUEUES)})")
    queues.add_argument("--collector", metavar="NAME", help="only this collector's items")
    queues.add_argument("--json", action="store_true", help="print one JSON object")

    dispute = tools.add_parser(
        "dispute", help="assign a dispute's resolver or resolve it with the root cause found",
        description="Act on a dispute of the queue (its id, or the id's first characters). "
        "Resolving records the root cause found, kept apart from the customer's claimed "
        "reason; the invoices the dispute paused resume, and the collector's next pack "
        "carries the resolution. Exit status: 0 done, 1 refused, 2 bad arguments.")
    profile(dispute, day, top=False)
    acts = dispute.add_subparsers(dest="dispute_command", metavar="ACTION", required=True)
    assign = acts.add_parser("assign", help="name who resolves the dispute")
    profile(assign, day, top=False)
    assign.add_argument("id", metavar="ID", help="the dispute id")
    assign.add_argument("--resolver", metavar="NAME", required=True, help="who resolves it")
    assign.add_argument("--json", action="store_true", help="print one JSON object")
    resolve = acts.add_parser("resolve", help="resolve the dispute with the root cause found")
    profile(resolve, day, top=False)
    resolve.add_argument("id", metavar="ID", help="the dispute id")
    resolve.add_argument("--root-cause", metavar="TEXT", required=True,
                         help="the cause found (not the customer's claimed reason)")
    resolve.add_argument("--json", action="store_true", help="print one JSON object")
