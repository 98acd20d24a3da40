"""ORM tables (*Row); they never leave the store package.

They describe schema LATEST for queries only: tables are created by the frozen steps in ddl.py,
and tests/unit/test_store_migrations.py checks both agree. Instants (*_at) are text in UTC with
offset, '2026-11-29T03:30:00+00:00' (domain.instants.to_text)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, text
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


class PackOutRow(Base):
    """An assignment pack written for a device (schema 12): its version (per device, from 1),
    expiry, file SHA-256 (the next pack's prev_sha256) and when the laptop confirmed it."""

    __tablename__ = "pack_out"
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    customers: Mapped[int] = mapped_column(Integer)
    confirmed_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Schema 16: a delta holds the changes since ``base``; ``set_hash`` is what the laptop
    # reports once it applied this pack (its customer codes and this version).
    full_pack: Mapped[bool] = mapped_column(Boolean, default=True)
    base: Mapped[int] = mapped_column(Integer, default=0)
    set_hash: Mapped[str] = mapped_column(String(64), default="")


class PackCustomerRow(Base):
    """The SHA-256 of each customer's part of a pack written (schema 16): the next delta for
    the device is the parts whose hash changed since the pack it confirmed."""

    __tablename__ = "pack_customer"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))


class PackReportRow(Base):
    """The pack state a device's last imported day bundle reported (schema 16)."""

    __tablename__ = "pack_report"
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    set_hash: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[str] = mapped_column(String(32))


class SyncOutboxRow(Base):
    """A day bundle this laptop made (schema 13): its bytes are kept until an ack covers its
    seq (``acked_at`` then set and ``data`` emptied); the last row chains the next bundle."""

    __tablename__ = "sync_outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    bundle_id: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))
    records: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    acked_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class SyncSentRow(Base):
    """Which record (kind, id) went into which day bundle: each record is sent once."""

    __tablename__ = "sync_sent"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)


class BundleInRow(Base):
    """A bundle file the office received (schema 13): imported, duplicate, held for a gap, or
    quarantined with its reason code; the bytes of held and quarantined ones are kept."""

    __tablename__ = "bundle_in"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    bundle_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    device: Mapped[str | None] = mapped_column(String(64), nullable=True)
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(12), index=True)
    reason: Mapped[str] = mapped_column(String(60), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sent_at: Mapped[str | None] = mapped_column(String(32), nullable=True)  # schema 14
    __table_args__ = (Index("ix_bundle_in_device_seq", "device", "seq"),)


class AckOutRow(Base):
    """The last acknowledgement the office wrote for a laptop (schema 14): its seq and when."""

    __tablename__ = "ack_out"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    written_at: Mapped[str] = mapped_column(String(32))
class MasterEditRow(Base):
    """A laptop's edit of master data (schema 15): one field of a customer or of a contact
    (named by the customer's code and the contact's name), its value before (the base) and
    after, the row version it was made on. At the office ``result`` says what became of it."""

    __tablename__ = "master_edit"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_code: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(10))
    contact_name: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(String(20))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text)
    base_version: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(32))
    device: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(12), default="")
    # The order edits were made (laptop) or received (office): a later edit of a field is
    # made on the earlier one, so they are sent and judged in this order.
    seq: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_master_edit_customer", "customer_code", "at"),
                      Index("ix_master_edit_seq", "seq", unique=True))


class MasterConflictRow(Base):
    """A field changed both at the office and on a laptop since the laptop's base (schema 15):
    waits for a supervisor, who keeps the office's value, takes the laptop's or types one."""

    __tablename__ = "master_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    edit_uuid: Mapped[str] = mapped_column(String(36))
    customer_code: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(10))
    contact_name: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(String(20))
    base_value: Mapped[str] = mapped_column(Text)
    office_value: Mapped[str] = mapped_column(Text)
    laptop_value: Mapped[str] = mapped_column(Text)
    device: Mapped[str] = mapped_column(String(64))
    edited_at: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[str] = mapped_column(String(32))
    resolved_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(10), nullable=True)
    resolved_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (Index("ix_master_conflict_open", "resolved_at", "created_at"),)
class DisputeResolutionRow(Base):
    """A dispute resolved at the office (schema 17): when, by whom, and the root cause found
    (kept apart from the customer's claimed reason); its resolution time is a KPI."""

    __tablename__ = "dispute_resolution"
    outcome_uuid: Mapped[str] = mapped_column(ForeignKey("outcome.uuid"), primary_key=True)
    resolved_at: Mapped[str] = mapped_column(String(32), index=True)
    resolved_by: Mapped[str] = mapped_column(Text, default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")
class ReviewRow(Base):
    """A visit imported from a laptop, as the supervisor reviews it (schema 18): its laptop,
    collector and day, and its review state with who set it, when, and why."""

    __tablename__ = "review"
    visit_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    device: Mapped[str] = mapped_column(String(64), default="")
    collector_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    customer_id: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date)
    received_at: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12))
    state_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    state_by: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_review_order", "started_at", "visit_uuid"),
                      Index("ix_review_state", "state", "started_at", "visit_uuid"),
                      Index("ix_review_collector", "collector_id", "started_at", "visit_uuid"),
                      Index("ix_review_collector_state", "collector_id", "state", "started_at",
                            "visit_uuid"),
                      Index("ix_review_day", "day", "started_at", "visit_uuid"))


class ReviewEventRow(Base):
    """A review state set or a comment on a visit: append-only (triggers refuse UPDATE and
    DELETE); a correction is a new comment naming the one it corrects."""

    __tablename__ = "review_event"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_uuid: Mapped[str] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(10))
    state: Mapped[str | None] = mapped_column(String(12), nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    corrects: Mapped[str | None] = mapped_column(String(36), nullable=True)
    __table_args__ = (Index("ix_review_event_visit", "visit_uuid", "at"),
                      Index("ix_review_event_at", "at"))


class OfficeNoteReadRow(Base):
    """A note from the office the collector has read (schema 19): its kind (``review``, later
    others) and its id within that kind; no row means unread."""

    __tablename__ = "office_note_read"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    note_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    read_at: Mapped[str] = mapped_column(String(32))


class ReceiptRow(Base):
    """Money taken on site as the office decides on it (schema 20): pending until confirmed by
    hand, matched to an imported accounting credit, or voided with a reason. A laptop holds
    only the receipts the office voided (they stop counting there too)."""

    __tablename__ = "receipt"
    receipt_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    payment_id: Mapped[str] = mapped_column(String(36))
    visit_uuid: Mapped[str] = mapped_column(String(36))
    customer_id: Mapped[int] = mapped_column(Integer)
    device: Mapped[str] = mapped_column(String(64))
    collector_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    received_at: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12))
    state_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    state_by: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    matched_invoice_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __table_args__ = (Index("ix_receipt_state", "state", "paid_on", "receipt_no"),
                      Index("ix_receipt_payment", "payment_id", "state"),
                      Index("ix_receipt_matched", "matched_invoice_id", unique=True))


class ExportBatchRow(Base):
    """One export to accounting written (schema 20): when, by whom, its period and file."""

    __tablename__ = "export_batch"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(Text, default="")
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    kinds: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(8))
    file_name: Mapped[str] = mapped_column(Text)
    rows: Mapped[int] = mapped_column(Integer)


class ExportRowRow(Base):
    """A record (kind, its stable id) and the export batch that first wrote it (schema 20)."""

    __tablename__ = "export_row"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(36))


class DisputeCaseRow(Base):
    """Who was asked to resolve a dispute (schema 21), by whom and when; the resolution itself
    is a dispute_resolution row."""

    __tablename__ = "dispute_case"
    outcome_uuid: Mapped[str] = mapped_column(ForeignKey("outcome.uuid"), primary_key=True)
    resolver: Mapped[str] = mapped_column(Text)
    assigned_at: Mapped[str] = mapped_column(String(32))
    assigned_by: Mapped[str] = mapped_column(Text, default="")


class DisputeInvoiceRow(Base):
    """An invoice of this database a dispute pauses (schema 21): marked disputed while the
    dispute is open, resumed when it is resolved."""

    __tablename__ = "dispute_invoice"
    outcome_uuid: Mapped[str] = mapped_column(ForeignKey("outcome.uuid"), primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), primary_key=True)
    __table_args__ = (Index("ix_dispute_invoice_invoice", "invoice_id"),)

class KpiBalanceRow(Base):
    """Receivables of a collector ('' unassigned) in a currency and aging bucket (0 current …
    4 90+) from ``day`` on, and how many items make them (schema 22; store.kpi_cache)."""

    __tablename__ = "kpi_balance"
    collector_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    bucket: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    minor: Mapped[int] = mapped_column(BigInteger)
    items: Mapped[int] = mapped_column(BigInteger)


class KpiDayRow(Base):
    """A collector's credit sales and money received in a currency on a day."""

    __tablename__ = "kpi_day"
    collector_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sold: Mapped[int] = mapped_column(BigInteger)
    invoices: Mapped[int] = mapped_column(Integer)
    paid: Mapped[int] = mapped_column(BigInteger)
    on_site: Mapped[int] = mapped_column(BigInteger)
    payments: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_kpi_day_day", "day", "collector_id", "currency", "sold",
                            "invoices", "paid", "on_site", "payments"),)


class KpiMadeRow(Base):
    """Live promises or installment plans a collector's customers made on a day."""

    __tablename__ = "kpi_made"
    collector_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_kpi_made_day", "day", "collector_id", "kind", "n"),)


class KpiContactRow(Base):
    """Final records (amendments left out) started in a quarter hour (UTC text), with those
    that met a person with authority to pay."""

    __tablename__ = "kpi_contact"
    collector_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    slot: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    rpc: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_kpi_contact_slot", "slot", "collector_id", "kind", "n", "rpc"),)


class KpiCommitmentRow(Base):
    """A live promise or installment line with what it took of its customer's payments."""

    __tablename__ = "kpi_commitment"
    outcome_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    collector_id: Mapped[str] = mapped_column(String(36))
    due_on: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    taken_minor: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (Index("ix_kpi_commitment_due", "due_on", "collector_id", "amount_minor",
                            "taken_minor"),
                      Index("ix_kpi_commitment_collector", "collector_id"))


class KpiStaleRow(Base):
    """A collector whose kept KPI sums must be made again ('*': everyone's), set by triggers."""

    __tablename__ = "kpi_stale"
    collector_id: Mapped[str] = mapped_column(String(36), primary_key=True)
