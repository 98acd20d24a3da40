"""A small inbox for review tests: two collectors with a laptop each, visits received the way a
day bundle's import records them (review_repo.receive), outcomes, and an amendment."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

from sqlalchemy import insert

from fieldapp.domain.instants import to_text
from fieldapp.store import review_repo
from fieldapp.store.tables import CollectorRow, DeviceRow, OutcomeRow, VisitRow
from tests.conftest import VN

START = datetime(2026, 11, 20, 8, 0, tzinfo=VN)


def visit(customer: int, at: datetime, device: str, amends: str | None = None) -> dict:
    vid = str(uuid.uuid4())
    body = json.dumps({"uuid": vid, "device_id": device, "amend_reason":
                       "wrong amount" if amends else ""})
    return {"uuid": vid, "customer_id": customer, "kind": "visit", "status": "final",
            "started_at": to_text(at), "updated_at": to_text(at), "finalized_at": to_text(at),
            "amends": amends, "body": body, "sha256": ""}


def fill(store, customers: list[int], per_collector: int = 3) -> dict:
    """Visits of Lan (laptop L) on 20, 21, 22 Nov … and of Minh (laptop M); each visit's outcome
    kind cycles promise, dispute, absent. Returns ids by name."""
    out = {"lan": str(uuid.uuid4()), "minh": str(uuid.uuid4()), "visits": {}}
    at = to_text(START)
    with store.sessions.begin() as session:
        for key, name in (("lan", "Lan"), ("minh", "Minh")):
            session.execute(insert(CollectorRow.__table__).values(
                id=out[key], name=name, phone="", language="vi", active=True, created_at=at))
            session.execute(insert(DeviceRow.__table__).values(
                id=f"dev-{key}", collector_id=out[key], certificate="", enrolled_at=at))
        kinds = ("promise", "dispute", "absent")
        for key in ("lan", "minh"):
            made = [visit(customers[i % len(customers)], START + timedelta(days=i, hours=i),
                          f"dev-{key}") for i in range(per_collector)]
            _insert(session, made, kinds)
            review_repo.receive(session, made, f"dev-{key}", at, VN)
            out["visits"][key] = [v["uuid"] for v in made]
    return out


def _insert(session, made: list[dict], kinds) -> None:
    session.execute(insert(VisitRow.__table__), made)
    session.execute(insert(OutcomeRow.__table__), [
        {"uuid": str(uuid.uuid4()), "visit_uuid": v["uuid"], "customer_id": v["customer_id"],
         "kind": kinds[i % len(kinds)], "created_on": START.date(), "due_on": None,
         "deadline_at": None, "amount_minor": 0, "currency": "", "receipt_no": "",
         "superseded_by": None, "resolved": False, "body": "{}"} for i, v in enumerate(made)])


def amend(store, original: str, customer: int, device: str = "dev-lan") -> str:
    """An amendment of ``original`` arriving later, as the import records it."""
    made = visit(customer, START + timedelta(days=5), device, amends=original)
    with store.sessions.begin() as session:
        _insert(session, [made], ("promise",))
        review_repo.receive(session, [made], device, to_text(START), VN)
    return made["uuid"]
