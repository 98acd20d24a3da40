"""What the document builders take: a finalized record with its customer, numbers and signer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

import re

from ..domain.checklist import Checklist
from ..domain.money import Money
from ..domain.records import Customer, Invoice
from ..domain.visit import Visit

# Light on purpose (no ReportLab, no pyHanko): services import it at startup.
QR_PREFIX = "FIELDAPP-RECORD/1"
RECORD_FILE = "record.json"  # embedded canonical record JSON; the QR code carries its SHA-256
_PAYLOAD = re.compile(rf"^{re.escape(QR_PREFIX)} (?P<id>[0-9a-fA-F-]{{36}}) "
                      r"(?P<sha>[0-9a-f]{64})$")


def qr_payload(record_id: str, sha256: str) -> str:
    """What the QR code (and the PDF's Keywords) carry: prefix, record id, record SHA-256."""
    return f"{QR_PREFIX} {record_id} {sha256}"


def parse_payload(text: str) -> tuple[str, str] | None:
    """(record id, sha256) of a payload, or None when ``text`` is not one."""
    found = _PAYLOAD.match((text or "").strip())
    return (found["id"], found["sha"]) if found else None


@dataclass(frozen=True)
class Company:
    """Who issues the documents (the distributor), as printed on the letterhead."""

    name: str
    address: str = ""
    tax_code: str = ""
    phone: str = ""


def record_number(visit: Visit) -> str:
    """Stable and readable: the device's short id, the day, and the start of the visit's uuid."""
    device = visit.device_id.replace("-", "")[:8].upper() or "DEVICE"
    day = visit.finalized_at or visit.started_at
    return f"{device}-{day:%Y%m%d}-{visit.uuid.replace('-', '')[:6].upper()}"


def numbered(record_no: str, revision: int) -> str:
    """The record number as printed: amendments carry their revision ('…-3F9A1C/2')."""
    return record_no if revision <= 1 else f"{record_no}/{revision}"


@dataclass(frozen=True)
class Revision:
    """An earlier version of a record: the original (no reason) or an amendment."""

    visit_uuid: str
    finalized_at: datetime
    reason: str = ""


@dataclass(frozen=True)
class Signing:
    """Who signs the PDF; printed on the page because viewers may not draw signature widgets."""

    signer: str
    development: bool


@dataclass(frozen=True)
class RecordInput:
    """A finalized visit and everything its documents print."""

    visit: Visit
    customer: Customer
    company: Company
    record_no: str  # of the original record; amendments add their revision
    sha256: str  # of the canonical record JSON (VisitRow.sha256)
    invoices: tuple[Invoice, ...]  # open when the visit took place, before money taken on it
    checklist: Checklist
    signing: Signing
    history: tuple[Revision, ...] = ()  # earlier revisions, oldest first
    collector_title: str = ""
    taken: tuple[tuple[int, int], ...] = ()  # (invoice id, minor) the visit's money paid off

    @property
    def language(self) -> str:
        return self.customer.language.value

    @property
    def revision(self) -> int:
        return len(self.history) + 1

    @property
    def number(self) -> str:
        return numbered(self.record_no, self.revision)

    @property
    def as_of(self) -> date:
        return self.visit.started_at.date()

    @property
    def payload(self) -> str:
        return qr_payload(self.visit.uuid, self.sha256)

    def open_after(self) -> tuple[Invoice, ...]:
        """The invoices still open once the visit's money is counted: what an agreement made on
        the visit covers (an invoice paid in full on the visit is not owed any more)."""
        taken: dict[int, int] = {}
        for invoice_id, minor in self.taken:
            taken[invoice_id] = taken.get(invoice_id, 0) + minor
        left = [replace(i, open_balance=Money(i.open_balance.minor - taken.get(i.id, 0),
                                              i.open_balance.currency)) for i in self.invoices]
        return tuple(i for i in left if i.open_balance.minor > 0)

    def invoice_numbers(self) -> dict[int, str]:
        return {i.id: i.number for i in self.invoices}
