"""Review of imported records: the states, the inbox filter, and what the inbox shows."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from .errors import InvalidValue
from .text import clean_text
from .visit import OutcomeKind

# Set by the system when a visit arrives; the other three by a supervisor (as ODK Central).
RECEIVED, APPROVED, HAS_ISSUES, REJECTED = "received", "approved", "has_issues", "rejected"
STATES = (RECEIVED, APPROVED, HAS_ISSUES, REJECTED)
SUPERVISOR_STATES = (APPROVED, HAS_ISSUES, REJECTED)
STATE, COMMENT = "state", "comment"  # the kinds of review events
MAX_TEXT = 5_000  # a comment or a reason: a few paragraphs, not a pasted file
PAGE_SIZE = 100  # rows per page of the inbox (the list asks for more as it is read)
# The outcomes a record lists and filters on (the outcome table also holds an installment
# plan's lines and the follow-up day as rows of their own).
OUTCOME_KINDS = tuple(k.value for k in OutcomeKind)


class ReviewError(InvalidValue):
    """A review state or comment that cannot be recorded as asked."""


def checked_state(state: str) -> str:
    if state not in SUPERVISOR_STATES:
        raise ReviewError("review.bad_state", state=state, states=", ".join(SUPERVISOR_STATES))
    return state


def checked_text(text: str | None) -> str:
    """``text`` cleaned, NFC and trimmed ("" when blank); a very long one refused."""
    value = unicodedata.normalize("NFC", clean_text(text or "")).strip()
    if len(value) > MAX_TEXT:
        raise ReviewError("review.too_long", length=len(value), max=MAX_TEXT)
    return value


def checked_reason(state: str, reason: str | None) -> str:
    """Rejecting needs a reason (the collector must learn why); other states may carry one."""
    value = checked_text(reason)
    if state == REJECTED and not value:
        raise ReviewError("review.reason_required")
    return value


def checked_comment(text: str | None) -> str:
    value = checked_text(text)
    if not value:
        raise ReviewError("review.empty_comment")
    return value


@dataclass(frozen=True, slots=True)
class InboxFilter:
    """What the inbox shows; None means any. ``collector_id`` is who made the visit (the
    collector of the laptop that sent it), ``day`` the visit's day in the office's zone."""

    collector_id: str | None = None
    day: date | None = None
    outcome: str | None = None
    state: str | None = None

    def without_state(self) -> InboxFilter:
        return InboxFilter(self.collector_id, self.day, self.outcome, None)


@dataclass(frozen=True, slots=True)
class InboxItem:
    """One imported visit as the inbox lists it."""

    visit_uuid: str
    customer_id: int
    customer_code: str
    customer_name: str
    collector_id: str | None
    collector: str
    device: str
    visit_kind: str
    started_at: datetime
    day: date
    outcomes: tuple[str, ...]
    state: str
    state_at: datetime | None
    state_by: str
    reason: str
    amends: str | None
    amended: bool  # a later visit amends this one
    comments: int
    documents: int


@dataclass(frozen=True, slots=True)
class Page:
    """Up to a page of items, oldest first; ``after`` fetches the next page (None: the end)."""

    items: tuple[InboxItem, ...]
    after: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """A state set or a comment; never changed. ``corrects`` names the comment it corrects."""

    id: str
    visit_uuid: str
    at: datetime
    actor: str
    kind: str
    state: str | None
    text: str
    corrects: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """A visit in an amendment chain: the original, or an amendment of the one before."""

    visit_uuid: str
    started_at: datetime
    finalized_at: datetime | None
    amends: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class History:
    """A record's review: its events oldest first and its amendment chain, original first."""

    item: InboxItem
    events: tuple[ReviewEvent, ...]
    revisions: tuple[Revision, ...]
