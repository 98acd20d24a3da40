"""Records the store reads back about visits and documents: drafts, records, files, PDFs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from .money import Money
from .visit import VisitKind


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """An unfinished visit, offered for recovery at start-up."""

    uuid: str
    customer_id: int
    customer_name: str
    kind: VisitKind
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredVisit:
    """A visit's stored JSON (parsed) and whether it is still a draft."""

    data: dict
    status: str  # VisitStatus value


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """A finalized visit as stored: its canonical JSON and that text's SHA-256."""

    uuid: str
    body: str
    sha256: str


@dataclass(frozen=True, slots=True)
class OpenInvoice:
    """An invoice still open, as a visit checks amounts against it."""

    id: int
    number: str
    balance: Money
    disputed: bool


@dataclass(frozen=True, slots=True)
class OpenAccount:
    """A customer with open, undisputed invoices, and the currency of the first of them."""

    customer_id: int
    currency: str


@dataclass(frozen=True, slots=True)
class RouteDay:
    """A day with planned stops, and how many."""

    day: date
    stops: int


@dataclass(frozen=True, slots=True)
class Attachment:
    """Evidence kept with a visit, without its bytes."""

    id: str
    name: str
    mime: str
    sha256: str
    size: int


class DocumentKind(str, Enum):
    VISIT_RECORD = "visit_record"
    AGREEMENT = "agreement"  # signed on the pad, or printed for ink when the visit has no pad ink
    AGREEMENT_PRINT = "agreement_print"  # printed on request for signing in ink
    RECEIPT = "receipt"
    STATEMENT = "statement"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document without its bytes."""

    id: str
    kind: DocumentKind
    customer_id: int
    visit_uuid: str | None
    number: str
    language: str
    created_at: datetime
    sha256: str
    size: int
    signer: str
    development: bool
    # Derived from the amendment chain: the number of the document that replaces this one
    # ('' while it is current). A replaced document stays viewable and verifiable.
    replaced_by: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.kind.value}-{re.sub(r'[^A-Za-z0-9-]+', '_', self.number)}.pdf"


@dataclass(frozen=True, slots=True)
class NamedDocument:
    """A document with its customer's name, for lists that span customers."""

    info: DocumentInfo
    customer_name: str


@dataclass(frozen=True, slots=True)
class LastFinalized:
    """The visit finalized last: whose, when, and the receipts it issued."""

    visit_uuid: str
    customer_name: str
    finalized_at: datetime
    receipts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FinalBody:
    """A finalized visit's stored JSON with its customer's name."""

    body: str
    customer_name: str
