"""The arguments of `office inbox`, `office review` and `office comment` (the review inbox)."""

from __future__ import annotations

from ..domain.review import OUTCOME_KINDS, STATES


def add(tools, day, profile) -> None:
    """``profile(parser, day, top=False)`` adds --home/--db/--today as every tool has them."""
    inbox = tools.add_parser(
        "inbox", help="list imported records to review, oldest first",
        description="The review inbox: visits imported from the laptops, oldest first, with "
        "their outcomes, review state and comments; filters combine. Ends with the count of "
        "each state under the same filters.")
    profile(inbox, day, top=False)
    _filters(inbox, day)
    inbox.add_argument("--limit", type=int, metavar="N", help="at most N records")
    inbox.add_argument("--json", action="store_true", help="print one JSON object")

    review = tools.add_parser(
        "review", help="approve a record, mark it as having issues, or reject it (with a "
        "reason)", description="Set the review state of one imported record (its id, or the "
        "id's first characters), or with --all of every record the filters match (says how "
        "many and asks first; --yes skips the question). Rejecting needs --reason. Exit "
        "status: 0 done, 1 refused, 2 bad arguments.")
    profile(review, day, top=False)
    review.add_argument("id", nargs="?", metavar="ID", help="the record (visit) id")
    state = review.add_mutually_exclusive_group(required=True)
    state.add_argument("--approve", dest="target", action="store_const", const="approved")
    state.add_argument("--issues", dest="target", action="store_const", const="has_issues",
                       help="has issues: the collector should look at it again")
    state.add_argument("--reject", dest="target", action="store_const", const="rejected",
                       help="rejected (needs --reason)")
    review.add_argument("--reason", default="", help="why (required with --reject)")
    review.add_argument("--all", action="store_true",
                        help="every record matching the filters instead of one ID")
    _filters(review, day)
    review.add_argument("--yes", action="store_true", help="with --all: do not ask")
    review.add_argument("--json", action="store_true", help="print one JSON object")

    comment = tools.add_parser(
        "comment", help="add a comment to an imported record (comments are never changed)",
        description="Add a comment to an imported record. Comments are append-only: to "
        "correct one, add a new comment with --corrects EVENT_ID.")
    profile(comment, day, top=False)
    comment.add_argument("id", metavar="ID", help="the record (visit) id")
    comment.add_argument("text", metavar="TEXT", help="the comment")
    comment.add_argument("--corrects", metavar="EVENT_ID", help="the comment this corrects")
    comment.add_argument("--json", action="store_true", help="print one JSON object")


def _filters(parser, day) -> None:
    parser.add_argument("--collector", metavar="NAME", help="records this collector made")
    parser.add_argument("--day", metavar="YYYY-MM-DD", type=day, help="records of this day")
    parser.add_argument("--outcome", choices=OUTCOME_KINDS, help="records with this outcome")
    parser.add_argument("--state", choices=STATES, help="records in this review state")
