"""Money taken on site as the office holds it after importing a day bundle: a collector and
laptop, a final visit with its money-received outcome (numbered), the payment and its
allocation, then the receipt made the way the bundle import makes it (receipt_repo.receive)."""

from __future__ import annotations

import json
import uuid
from datetime import date

from sqlalchemy import func, insert, select

from fieldapp.store import receipt_repo
from fieldapp.store.tables import (AllocationRow, CollectorRow, CustomerRow, DeviceRow,
                                   InvoiceRow, OutcomeRow, PaymentRow, VisitRow)

AT = "2026-11-20T01:00:00+00:00"
DEVICE = "0a1b2c3d-0000-4000-8000-000000000001"
COLLECTOR = "k-lan"


def team(store, customers: list[int]) -> None:
    """Collector Lan with one laptop, visiting ``customers``."""
    with store.sessions.begin() as session:
        session.execute(insert(CollectorRow.__table__).values(
            id=COLLECTOR, name="Nguyễn Thị Lan", phone="", language="vi", active=True,
            created_at=AT))
        session.execute(insert(DeviceRow.__table__).values(
            id=DEVICE, collector_id=COLLECTOR, certificate="", enrolled_at=AT))
        session.execute(CustomerRow.__table__.update().where(CustomerRow.id.in_(customers))
                        .values(collector_id=COLLECTOR))


_numbers = iter(range(1, 10_000))


def take(store, customer: int, paid_on: date, minor: int, currency: str = "VND",
         invoice: int | None = None) -> tuple[str, str]:
    """Money taken on a visit and imported: returns (receipt number, payment id)."""
    vid, pid = str(uuid.uuid4()), str(uuid.uuid4())
    number = f"0A1B2C3D-{next(_numbers):06d}"
    with store.sessions.begin() as session:
        session.execute(insert(VisitRow.__table__).values(
            uuid=vid, customer_id=customer, kind="visit", status="final", started_at=AT,
            updated_at=AT, finalized_at=AT, amends=None,
            body=json.dumps({"uuid": vid, "device_id": DEVICE}), sha256=""))
        session.execute(insert(OutcomeRow.__table__).values(
            uuid=str(uuid.uuid4()), visit_uuid=vid, customer_id=customer,
            kind="money_received", created_on=paid_on, due_on=None, deadline_at=None,
            amount_minor=minor, currency=currency, receipt_no=number, superseded_by=None,
            resolved=False, body="{}"))
        session.execute(insert(PaymentRow.__table__).values(
            id=pid, customer_id=customer, paid_on=paid_on, amount_minor=minor,
            currency=currency, method="cash", reference="", visit_uuid=vid))
        if invoice is not None:
            session.execute(insert(AllocationRow.__table__).values(
                id=str(uuid.uuid4()), payment_id=pid, invoice_id=invoice, amount_minor=minor))
        receipt_repo.receive(session.connection(), [pid], DEVICE, AT)
    return number, pid


def credit(store, customer: int, number: str, day: date, minor: int,
           currency: str = "VND") -> int:
    """An imported credit (accounting's record of money received) of ``minor``."""
    with store.sessions.begin() as session:
        new_id = (session.execute(select(func.max(InvoiceRow.id))).scalar() or 0) + 1
        session.execute(insert(InvoiceRow.__table__).values(
            id=new_id, customer_id=customer, contract_id=None, number=number, issued_on=day, due_on=day,
            amount_minor=-minor, open_minor=-minor, currency=currency, disputed=False,
            source="plain", closed_on=None))
        return new_id
