"""ORM tables (*Row); they never leave the store package.

They describe schema LATEST for queries only: tables are created by the frozen steps in ddl.py,
and tests/unit/test_store_migrations.py checks both agree. Instants (*_at) are text in UTC with
offset, '2026-11-29T03:30:00+00:00' (domain.instants.to_text)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (BigInteger, Boolean, Date, Float, ForeignKey, Index, Integer, LargeBinary,
                        String, Text, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..domain.ids import new_id


class Base(DeclarativeBase):
    pass


class SchemaMetaRow(Base):
    """One row per key: the schema version written by the migration ladder."""

    __tablename__ = "schema_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class CustomerRow(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(Text)
    tax_code: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    district: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(2), default="VN")
    business_status: Mapped[str] = mapped_column(String(20), default="active")
    business_notes: Mapped[str] = mapped_column(Text, default="")
    financial_notes: Mapped[str] = mapped_column(Text, default="")
    personality_notes: Mapped[str] = mapped_column(Text, default="")
    cooperation_since: Mapped[date] = mapped_column(Date)
    credit_limit_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    language: Mapped[str] = mapped_column(String(8), default="vi")
    # The office (schema 9): who visits this customer, and the territory assignments go by.
    collector_id: Mapped[str | None] = mapped_column(ForeignKey("collector.id"), nullable=True)
    territory: Mapped[str] = mapped_column(Text, default="")
    # Schema 15: bumped by each office change of the row; a laptop's edit carries the one it saw.
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_customer_collector", "collector_id"),)
    __table_args__ = (Index("ix_customer_collector", "collector_id"),
                      Index("ix_customer_id_collector", "id", "collector_id"))


class ContactRow(Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(Text, default="")
    authority_to_pay: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)  # schema 15, as the customer's


class ContractRow(Base):
    __tablename__ = "contract"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    signed_on: Mapped[date] = mapped_column(Date)
    goods: Mapped[str] = mapped_column(Text, default="")
    net_days: Mapped[int] = mapped_column(Integer, default=30)
    installments_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    early_discount_pct: Mapped[float] = mapped_column(Float, default=0.0)
    early_discount_days: Mapped[int] = mapped_column(Integer, default=0)


class InvoiceRow(Base):
    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"), nullable=True)
    number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    open_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Imported receivables are keyed by (source, customer, number); '' for the laptop's own.
    source: Mapped[str] = mapped_column(String(40), default="")
    # The day a newer export no longer listed the invoice as open (it was paid or written off).
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Covers the per-customer overdue sums of list rows without touching the table.
    __table_args__ = (Index("ix_invoice_customer_open", "customer_id", "open_minor", "due_on",
                            "currency"),
                      Index("ix_invoice_source_key", "source", "customer_id", "number"),
                      # Schema 17, the KPI sums: issued by day, the open ones, those closed.
                      Index("ix_invoice_issued", "issued_on", "customer_id", "currency",
                            "amount_minor"),
                      Index("ix_invoice_open_issued", "issued_on", "customer_id", "due_on",
                            "currency", "open_minor",
                            sqlite_where=text("open_minor > 0 AND closed_on IS NULL"),
                            postgresql_where=text("open_minor > 0 AND closed_on IS NULL")),
                      Index("ix_invoice_closed", "closed_on",
                            sqlite_where=text("closed_on IS NOT NULL"),
                            postgresql_where=text("closed_on IS NOT NULL")))


class DeliveryRow(Base):
    __tablename__ = "delivery"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"), nullable=True)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"), nullable=True)
    note_number: Mapped[str] = mapped_column(String(40))
    delivered_on: Mapped[date] = mapped_column(Date)
    receiver: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="complete")
    ordered_qty: Mapped[int] = mapped_column(Integer, default=0)
    delivered_qty: Mapped[int] = mapped_column(Integer, default=0)
    discrepancy: Mapped[str] = mapped_column(Text, default="")


class PaymentRow(Base):
    # Laptops and the accounting import both write payments: ids are UUID text, never max+1.
    __tablename__ = "payment"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(Text, default="")
    # Money taken on a visit is recorded at once; the office confirms it against the ERP later.
    visit_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    __table_args__ = (Index("ix_payment_paid", "paid_on"),)


class AllocationRow(Base):
    __tablename__ = "allocation"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"), index=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)


class RouteStopRow(Base):
    __tablename__ = "route_stop"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    route_date: Mapped[date] = mapped_column(Date, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    planned_time: Mapped[str] = mapped_column(String(5), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    # The office plans routes per collector; a laptop's own stops have none.
    collector_id: Mapped[str | None] = mapped_column(ForeignKey("collector.id"), nullable=True)
    __table_args__ = (Index("ix_route_stop_collector_day", "collector_id", "route_date", "seq"),)


class CustomerSearchRow(Base):
    """Folded search text of a customer (name, code, tax code, phones, contacts)."""

    __tablename__ = "customer_search"
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    doc: Mapped[str] = mapped_column(Text)
    # Folded Vietnamese is plain ASCII, so only Chinese (or other scripts) sets this: short
    # Chinese queries scan the few such rows instead of every customer.
    wide: Mapped[bool] = mapped_column(Boolean, default=False)
    # Folded name, contact names and phone digits (schema 8): search ranks by where it matched.
    name: Mapped[str] = mapped_column(Text, default="")
    people: Mapped[str] = mapped_column(Text, default="")
    phones: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_customer_search_wide", "wide", "customer_id"),
                      Index("ix_customer_search_name", "name", "customer_id"))


class SettingRow(Base):
    """Typed settings of this profile (collector, device, promise policy), as text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class VisitRow(Base):
    """A visit or call; ``body`` is its canonical JSON, frozen once ``status`` is final."""

    __tablename__ = "visit"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), index=True)
    started_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    finalized_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    amends: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (Index("ix_visit_started", "started_at"),)


class OutcomeRow(Base):
    """One outcome of a final visit, flattened for follow-up lists."""

    __tablename__ = "outcome"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    visit_uuid: Mapped[str] = mapped_column(ForeignKey("visit.uuid"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    created_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    deadline_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="")
    receipt_no: Mapped[str] = mapped_column(String(40), default="")
    superseded_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    body: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_outcome_kind_created", "kind", "created_on"),)


class AttachmentRow(Base):
    """Evidence kept with a visit: photos and files, stored in the database."""

    __tablename__ = "attachment"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    visit_uuid: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(Text)
    mime: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ReceiptCounterRow(Base):
    """The last receipt number used by a device; bumped in the finalizing transaction."""

    __tablename__ = "receipt_counter"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class DocumentRow(Base):
    """A generated, signed PDF (visit record, agreement, receipt, statement) and its SHA-256."""

    __tablename__ = "document"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    visit_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    number: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    # The record hash the document's QR code carries ("" for statements).
    record_sha256: Mapped[str] = mapped_column(String(64), default="")
    signer: Mapped[str] = mapped_column(Text, default="")
    development: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CollectorRow(Base):
    """A person who visits customers (schema 9); customers point at their collector."""

    __tablename__ = "collector"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(30), default="")
    language: Mapped[str] = mapped_column(String(8), default="vi")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(32))
    __table_args__ = (Index("ix_collector_name", "name", unique=True),)


class AssignmentLogRow(Base):
    """One customer's change of collector: who made it and when; a batch is undone together."""

    __tablename__ = "assignment_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    batch_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(Text, default="")
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    from_collector: Mapped[str | None] = mapped_column(String(36), nullable=True)
    to_collector: Mapped[str | None] = mapped_column(String(36), nullable=True)
    undone_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    __table_args__ = (Index("ix_assignment_log_batch", "batch_id"),
                      Index("ix_assignment_log_customer", "customer_id", "at"))


class ArSourceRow(Base):
    """A supervisor's saved column mapping for one accounting source (a Preset as JSON)."""

    __tablename__ = "ar_source"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    preset: Mapped[str] = mapped_column(String(40))
    mapping: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(32))


class ArImportRow(Base):
    """One receivables file imported: when, by whom, its hash and its report (JSON)."""

    __tablename__ = "ar_import"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    report: Mapped[str] = mapped_column(Text)


class DeviceRow(Base):
    """An enrolled laptop (schema 10): its company certificate (PEM), its collector, and when
    and why it was revoked (None while it is trusted)."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    collector_id: Mapped[str] = mapped_column(ForeignKey("collector.id"))
    certificate: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (Index("ix_device_collector", "collector_id"),)


# The rest of the schema, by area; imported here so `from .tables import XRow` finds every row.
from .sync_tables import (  # noqa: E402,F401  (after Base: they subclass it)
    PackOutRow, PackCustomerRow, PackReportRow, SyncOutboxRow, SyncSentRow, BundleInRow,
    AckOutRow, MasterEditRow, MasterConflictRow)
from .review_tables import (  # noqa: E402,F401  (after Base: they subclass it)
    DisputeResolutionRow, ReviewRow, ReviewEventRow, OfficeNoteReadRow, ReceiptRow,
    ExportBatchRow, ExportRowRow, DisputeCaseRow, DisputeInvoiceRow)
from .kpi_tables import (  # noqa: E402,F401  (after Base: they subclass it)
    KpiBalanceRow, KpiDayRow, KpiMadeRow, KpiContactRow, KpiCommitmentRow, KpiStaleRow)
