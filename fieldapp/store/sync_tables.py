"""ORM tables of sync (*Row): packs out, the outbox, bundles in, acks, master-data edits."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.ids import new_id
from .tables import Base


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
