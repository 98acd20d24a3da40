"""ORM tables of the KPI dashboard's kept sums (*Row), made again when marked stale."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base


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
