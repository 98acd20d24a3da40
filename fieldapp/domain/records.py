"""Frozen records of the portfolio: customer, contact, contract, invoice, delivery, payment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from .address import full_address
from .aging import CurrencyAging, bucket_for, days_late
from .enums import AgingBucket, BusinessStatus, DeliveryStatus, Language, PaymentMethod
from .money import Money


@dataclass(frozen=True, slots=True)
class Customer:
    """A B2B account and what a collector should know before meeting it."""

    id: int
    code: str
    name: str
    tax_code: str
    phone: str
    address: str
    district: str
    province: str
    country: str
    business_status: BusinessStatus
    business_notes: str
    financial_notes: str
    personality_notes: str
    cooperation_since: date
    credit_limit: Money
    language: Language

    @property
    def full_address(self) -> str:
        """Address, district and province as printed, none of them twice."""
        return full_address(self.address, self.district, self.province, self.country)


@dataclass(frozen=True, slots=True)
class Contact:
    """A person at the customer; ``authority_to_pay`` marks the right party to ask."""

    id: int
    customer_id: int
    name: str
    role: str
    phone: str
    email: str
    authority_to_pay: bool
    notes: str


@dataclass(frozen=True, slots=True)
class Contract:
    """A sales agreement and its payment terms."""

    id: int
    customer_id: int
    number: str
    signed_on: date
    goods: str
    net_days: int
    installments_allowed: bool
    early_discount_pct: float  # e.g. 2.0 for 2 % …
    early_discount_days: int  # … when paid within this many days


@dataclass(frozen=True, slots=True)
class Invoice:
    """An invoice and its open balance; aged by due date."""

    id: int
    customer_id: int
    contract_id: int | None
    number: str
    issued_on: date
    due_on: date
    amount: Money
    open_balance: Money
    disputed: bool

    def days_late(self, as_of: date) -> int:
        return days_late(self.due_on, as_of) if self.open_balance.minor else 0

    def bucket(self, as_of: date) -> AgingBucket:
        return bucket_for(self.due_on, as_of)

    @property
    def is_open(self) -> bool:
        return self.open_balance.minor != 0


@dataclass(frozen=True, slots=True)
class Delivery:
    """A delivery note against a contract or invoice, with what arrived versus what was agreed."""

    id: int
    customer_id: int
    contract_id: int | None
    invoice_id: int | None
    note_number: str
    delivered_on: date
    receiver: str
    status: DeliveryStatus
    ordered_qty: int
    delivered_qty: int
    discrepancy: str

    @property
    def has_discrepancy(self) -> bool:
        """Seed 000: check delivery against the contract before talking about money."""
        return (self.status is not DeliveryStatus.COMPLETE
                or self.delivered_qty != self.ordered_qty or bool(self.discrepancy))


@dataclass(frozen=True, slots=True)
class Allocation:
    """The part of a payment applied to one invoice."""

    invoice_id: int
    invoice_number: str
    amount: Money


@dataclass(frozen=True, slots=True)
class Payment:
    """Money received from the customer and the invoices it settled."""

    id: str  # UUID text: laptops and the accounting import both write payments
    customer_id: int
    paid_on: date
    amount: Money
    method: PaymentMethod
    reference: str
    allocations: tuple[Allocation, ...]
    # Why the office voided this money taken on site ("" when it counts): a voided payment
    # is listed, marked, and counts in no balance or promise.
    voided: str = ""


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    """One row of a customer list: who, where, and what is overdue."""

    id: int
    code: str
    name: str
    phone: str
    district: str
    province: str
    overdue: tuple[Money, ...]
    max_days_late: int


@dataclass(frozen=True, slots=True)
class RouteStop:
    """A planned visit on a collector's route for one day, in visiting order."""

    route_date: date
    seq: int
    planned_time: time | None  # None when no time was agreed
    purpose: str
    customer: CustomerSummary


@dataclass(frozen=True, slots=True)
class CustomerFile:
    """Everything a collector prepares from, for one customer, as of one day."""

    as_of: date
    customer: Customer
    contacts: tuple[Contact, ...]
    contracts: tuple[Contract, ...]
    invoices: tuple[Invoice, ...]
    deliveries: tuple[Delivery, ...]
    payments: tuple[Payment, ...]
    aging: tuple[CurrencyAging, ...]

    @property
    def open_invoices(self) -> tuple[Invoice, ...]:
        return tuple(i for i in self.invoices if i.is_open)

    @property
    def deliveries_with_discrepancy(self) -> tuple[Delivery, ...]:
        return tuple(d for d in self.deliveries if d.has_discrepancy)

    def contract(self, contract_id: int | None) -> Contract | None:
        return next((c for c in self.contracts if c.id == contract_id), None)
