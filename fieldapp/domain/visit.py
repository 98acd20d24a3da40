"""Visit and call records: the checklist answers, the outcomes and the signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

from .installments import Frequency, InstallmentLine
from .money import Money
from .records import Allocation

DISPUTE_ESCALATION = timedelta(hours=24)  # seed 002: record and escalate within 24 h
# The numbers of the invoices an outcome names, beside their ids (domain.invoice_refs): the
# laptop writes them when it finalizes, and the office finds its own invoices by them (its ids
# differ). Records made before hold none. Derived from the ids, so not compared: an amendment
# rebuilt by the form without them still equals the original the customer signed.
def _numbers():
    return field(default=(), compare=False)


class VisitKind(str, Enum):
    VISIT = "visit"
    CALL = "call"


class VisitStatus(str, Enum):
    DRAFT = "draft"
    FINAL = "final"


class OutcomeKind(str, Enum):
    MONEY_RECEIVED = "money_received"
    PROMISE = "promise"
    INSTALLMENT_PLAN = "installment_plan"
    DISPUTE = "dispute"
    REFUSAL = "refusal"
    ABSENT = "absent"


class PositionReason(str, Enum):
    """Why the customer says they have not paid (the Listen step)."""

    CASH_FLOW = "cash_flow"
    QUALITY = "quality"
    DAMAGED = "damaged"
    WRONG_GOODS = "wrong_goods"
    SHORT_OR_LATE_DELIVERY = "short_or_late_delivery"
    PRICE_OR_INVOICE_ERROR = "price_or_invoice_error"
    MISSING_DOCUMENTS = "missing_documents"
    AWAITING_APPROVAL = "awaiting_approval"
    CONTESTS_DEBT = "contests_debt"
    OTHER = "other"


class DisputeReason(str, Enum):
    """The customer's claimed reason, kept apart from the root cause found later."""

    QUALITY = "quality"
    DAMAGED = "damaged"
    WRONG_GOODS = "wrong_goods"
    SHORT_DELIVERY = "short_delivery"
    LATE_DELIVERY = "late_delivery"
    PRICE = "price"
    INVOICE_ERROR = "invoice_error"
    MISSING_DOCUMENTS = "missing_documents"
    OTHER = "other"


class NextStep(str, Enum):
    """What follows a refusal (seed 001: follow up; legal route when talks fail)."""

    REVISIT = "revisit"
    SUPERVISOR_CALL = "supervisor_call"
    LEGAL_ROUTE = "legal_route"


class PromiseStatus(str, Enum):
    OPEN = "open"
    KEPT = "kept"
    PARTIALLY_KEPT = "partially_kept"
    BROKEN = "broken"


@dataclass(frozen=True, slots=True)
class MoneyReceived:
    amount: Money
    method: str  # domain.enums.PaymentMethod value
    reference: str
    allocations: tuple[Allocation, ...]
    cheque_date: date | None = None  # post-dated cheques
    receipt_no: str = ""  # given at finalization, gap-free per device


@dataclass(frozen=True, slots=True)
class Promise:
    amount: Money
    due_on: date
    promised_by: str
    invoice_ids: tuple[int, ...] = ()
    invoice_numbers: tuple[str, ...] = _numbers()


@dataclass(frozen=True, slots=True)
class InstallmentPlan:
    total: Money
    lines: tuple[InstallmentLine, ...]
    frequency: Frequency
    discount_pct: float = 0.0
    discount_until: date | None = None
    default_clause: str = ""
    invoice_ids: tuple[int, ...] = ()
    invoice_numbers: tuple[str, ...] = _numbers()


@dataclass(frozen=True, slots=True)
class Dispute:
    reason: DisputeReason
    invoice_ids: tuple[int, ...]
    description: str
    proposed_resolution: str
    captured_at: datetime
    evidence: tuple[str, ...] = ()  # attachment ids
    invoice_numbers: tuple[str, ...] = _numbers()

    @property
    def deadline(self) -> datetime:
        return self.captured_at + DISPUTE_ESCALATION


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: str
    next_step: NextStep


@dataclass(frozen=True, slots=True)
class Absence:
    note: str
    revisit_on: date
    photos: tuple[str, ...] = ()  # attachment ids


Outcome = MoneyReceived | Promise | InstallmentPlan | Dispute | Refusal | Absence

OUTCOME_KINDS = {MoneyReceived: OutcomeKind.MONEY_RECEIVED, Promise: OutcomeKind.PROMISE,
                 InstallmentPlan: OutcomeKind.INSTALLMENT_PLAN, Dispute: OutcomeKind.DISPUTE,
                 Refusal: OutcomeKind.REFUSAL, Absence: OutcomeKind.ABSENT}


@dataclass(frozen=True, slots=True)
class Signature:
    """A handwritten signature as vector strokes of (x, y) points, with who signed."""

    signer_name: str
    signer_title: str
    strokes: tuple[tuple[tuple[float, float], ...], ...]
    width: int = 0
    height: int = 0


@dataclass(frozen=True, slots=True)
class Visit:
    """One encounter with a customer (on site or by phone): answers, outcomes, signatures."""

    uuid: str
    customer_id: int
    kind: VisitKind
    started_at: datetime
    collector: str
    device_id: str
    answers: dict = field(default_factory=dict)
    outcomes: tuple = ()
    customer_signature: Signature | None = None
    collector_signature: Signature | None = None
    status: VisitStatus = VisitStatus.DRAFT
    finalized_at: datetime | None = None
    amends: str | None = None
    amend_reason: str = ""
