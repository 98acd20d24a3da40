"""ORM tables of the supervisor's day (*Row): reviews, notes read, receipts, exports, disputes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.ids import new_id
from .tables import Base


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
