"""Notes from the office as the collector's laptop lists them: what the office said about the
collector's records (review states and comments, disputes resolved, receipts voided), newest
first, read or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The kinds of notes a pack brings. Each kind has its rows in the laptop's store and its words
# on screen; adding one adds a kind here, a source in
# store/office_notes_repo.py and its wording in ui/office_notes_words.py.
REVIEW = "review"  # a review state set or a comment on one of the collector's records
RESOLUTION = "resolution"  # a dispute recorded here that the office resolved (its root cause)
VOID = "void"  # a receipt the office voided (its reason; ``state`` holds the receipt number)
KINDS = (REVIEW, RESOLUTION, VOID)
LIST_LIMIT = 500  # the newest notes the list shows (the laptop keeps every one)


@dataclass(frozen=True, slots=True)
class Note:
    """One note. ``state`` is the kind's word for what happened (a review state; None for a
    comment or a resolved dispute; the receipt number of a voided receipt), ``text`` the
    reason, the comment or the root cause found; ``visit_*`` and ``customer_*`` name the
    record it is about, empty when this laptop does not hold it (made on another laptop)."""

    kind: str
    id: str
    at: datetime  # in the collector's zone
    author: str
    state: str | None
    text: str
    corrects: str | None  # the earlier note this one corrects
    read: bool
    visit_uuid: str | None = None
    visit_at: datetime | None = None
    visit_kind: str | None = None
    customer_id: int | None = None
    customer_code: str = ""
    customer_name: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """What a read mark names: the kind and the note's id within it."""
        return (self.kind, self.id)


@dataclass(frozen=True, slots=True)
class VisitReview:
    """A record's review as the visit history shows it: the latest state the office set (None
    while it set none) with its reason, author and time, and every note on it oldest first."""

    visit_uuid: str
    state: str | None
    reason: str
    author: str
    at: datetime | None
    notes: tuple[Note, ...]

    @property
    def comments(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.state is None)


def latest_reviews(notes: list[Note]) -> dict[str, VisitReview]:
    """Per visit: its review from its notes (any order); the latest state wins."""
    by_visit: dict[str, list[Note]] = {}
    for note in notes:
        if note.kind == REVIEW and note.visit_uuid:
            by_visit.setdefault(note.visit_uuid, []).append(note)
    out = {}
    for uuid, held in by_visit.items():
        held.sort(key=lambda n: (n.at, n.id))
        states = [n for n in held if n.state is not None]
        last = states[-1] if states else None
        out[uuid] = VisitReview(uuid, last.state if last else None, last.text if last else "",
                                last.author if last else "", last.at if last else None,
                                tuple(held))
    return out
