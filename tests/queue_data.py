"""Records for work-queue tests, imported the way a day bundle's import takes them: a real
finalized Visit turned into its rows (finalize.outcome_rows), applied by field_records with the
refs a laptop sends, and received into the review inbox."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import insert

from fieldapp.domain.codec import canonical_json, sha256_of, visit_to_dict
from fieldapp.domain.instants import to_text
from fieldapp.domain.money import Money
from fieldapp.domain.visit import (Dispute, DisputeReason, NextStep, Promise, Refusal, Visit,
                                   VisitKind, VisitStatus)
from fieldapp.services.finalize import outcome_rows
from fieldapp.store import field_records, review_repo
from fieldapp.store.tables import CollectorRow, DeviceRow, PaymentRow
from tests.conftest import VN


def team(store, names=("Lan", "Minh")) -> dict[str, str]:
    """A collector with one laptop (device ``dev-<name>``) per name; their ids by name."""
    ids = {name: str(uuid.uuid4()) for name in names}
    with store.sessions.begin() as session:
        for name, cid in ids.items():
            session.execute(insert(CollectorRow.__table__).values(
                id=cid, name=name, phone="", language="vi", active=True,
                created_at="2026-11-01T00:00:00+00:00"))
            session.execute(insert(DeviceRow.__table__).values(
                id=f"dev-{name}", collector_id=cid, certificate="",
                enrolled_at="2026-11-01T00:00:00+00:00"))
    return ids


def record(store, customer: int, at: datetime, outcomes=(), collector: str = "Lan",
           answers: dict | None = None, numbers: dict | None = None,
           zone=VN, amends: str | None = None) -> tuple[str, list[str]]:
    """A final visit of ``collector`` at ``at`` imported at the office; returns its id and its
    outcome rows' ids. ``numbers`` maps the record's invoice ids to the numbers the laptop's
    ref says (None: no ref, as a record made by the same demo as the office)."""
    visit = Visit(str(uuid.uuid4()), customer, VisitKind.VISIT, at, collector,
                  f"dev-{collector}", answers or {}, tuple(outcomes),
                  status=VisitStatus.FINAL, finalized_at=at, amends=amends,
                  amend_reason="sửa ghi chú" if amends else "")
    data = visit_to_dict(visit)
    row = {"uuid": visit.uuid, "customer_id": customer, "kind": "visit", "status": "final",
           "started_at": to_text(at), "updated_at": to_text(at), "finalized_at": to_text(at),
           "amends": amends, "body": canonical_json(data), "sha256": sha256_of(data)}
    records = [{"kind": "visit", "row": row}]
    outs = outcome_rows(replace(visit, finalized_at=at.astimezone(zone)))
    for o in outs:
        plain = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in o.items()}
        plain.update(superseded_by=None, resolved=False)
        rec = {"kind": "outcome", "row": plain}
        if numbers is not None:
            rec["ref"] = {"customer": f"KH{customer:06d}"}
            if o["kind"] == "dispute":
                dispute = next(x for x in outcomes if isinstance(x, Dispute))
                rec["ref"]["invoices"] = [numbers[i] for i in dispute.invoice_ids]
        records.append(rec)
    with store.sessions.begin() as session:
        field_records.apply(session, records, {}, to_text(at))
        review_repo.receive(session, [row], f"dev-{collector}", to_text(at), zone)
    return visit.uuid, [o["uuid"] for o in outs]


def paid(store, customer: int, on: date, minor: int, currency: str = "VND") -> None:
    """A payment the accounting import brought (not taken on a visit)."""
    with store.sessions.begin() as session:
        session.add(PaymentRow(id=str(uuid.uuid4()), customer_id=customer, paid_on=on,
                               amount_minor=minor, currency=currency, method="transfer",
                               reference="", visit_uuid=None))


def promise(minor: int, due_on: date) -> Promise:
    return Promise(Money(minor, "VND"), due_on, "Chị Hoa")


def dispute(at: datetime, invoices=(), reason=DisputeReason.DAMAGED) -> Dispute:
    return Dispute(reason, tuple(invoices), "Hàng bị vỡ khi giao", "Đổi hàng", at)


def refusal(step: NextStep = NextStep.LEGAL_ROUTE) -> Refusal:
    return Refusal("Không thừa nhận nợ", step)
