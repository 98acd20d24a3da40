"""A pack's optional "resolutions" key: absent when empty (older packs read as before), read back
as sent, and refused whole when malformed."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text, update

from fieldapp.domain.queues import Resolution
from fieldapp.store import dispute_repo
from fieldapp.store.tables import InvoiceRow, OutcomeRow, VisitRow
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.pack import Pack, parse

HEADER = {"version": 3, "device": "dev-1", "collector": "Lan", "created_at":
          "2026-11-27T02:00:00+00:00", "expires_at": "2026-12-11T02:00:00+00:00",
          "route_from": "2026-11-27", "full": True, "base": 0}
ONE = {"uuid": "5f0c4c1e-0000-4000-8000-000000000001", "resolved_at": "2026-11-27T03:00:00+00:00",
       "resolved_by": "thu.tran", "root_cause": "Kho giao nhầm lô hàng"}


def test_resolutions_travel_only_when_there_are_some():
    plain = Pack(HEADER, [], [], [], []).to_bytes()
    assert "resolutions" not in json.loads(plain) and parse(plain).resolutions == []
    sent = Pack(HEADER, [], [], [], [], resolutions=[ONE]).to_bytes()
    assert parse(sent).resolutions == [ONE]


@pytest.mark.parametrize("bad", [[{**ONE, "root_cause": 7}], [{"uuid": ONE["uuid"]}], {"a": 1}])
def test_a_malformed_resolution_refuses_the_pack(bad):
    body = json.loads(Pack(HEADER, [], [], [], []).to_bytes())
    body["resolutions"] = bad
    with pytest.raises(BundleRefused) as refused:
        parse(json.dumps(body).encode())
    assert refused.value.code == "sync.bad_pack"


def _dispute(session, uuid: str, customer: int, invoice_ids: list[int]) -> None:
    session.add(OutcomeRow(uuid=uuid, visit_uuid=uuid, customer_id=customer, kind="dispute",
                           created_on=date(2026, 11, 26), due_on=date(2026, 11, 27),
                           deadline_at="2026-11-27T15:30:00+00:00", amount_minor=0, currency="",
                           receipt_no="", superseded_by=None, resolved=False,
                           body=json.dumps({"kind": "dispute", "reason": "damaged",
                                            "invoice_ids": invoice_ids})))


def test_the_laptop_marks_its_dispute_resolved_and_resumes_only_invoices_no_other_pauses(
        store, builder):
    an = builder.customer("An Phát")
    one, two = (builder.invoice(an, n, date(2026, 10, 1), 1_000_000) for n in ("HD-1", "HD-2"))
    builder.save()
    first, second = "5f0c4c1e-0000-4000-8000-000000000001", "5f0c4c1e-0000-4000-8000-000000000002"
    with store.sessions.begin() as session:
        session.add(VisitRow(uuid=first, customer_id=an, kind="visit", status="final",
                             started_at="x", updated_at="x", body="{}"))
        session.add(VisitRow(uuid=second, customer_id=an, kind="visit", status="final",
                             started_at="x", updated_at="x", body="{}"))
        session.flush()
        _dispute(session, first, an, [one, two])
        _dispute(session, second, an, [two])  # HD-2 is disputed twice
        session.execute(update(InvoiceRow).values(disputed=True))
    sent = [Resolution(ONE["uuid"], ONE["resolved_at"], ONE["resolved_by"], ONE["root_cause"]),
            Resolution("not-recorded-here", ONE["resolved_at"], "x", "y")]
    for expected in (1, 0):  # the same pack's resolutions again change nothing
        with store.sessions.begin() as session:
            assert dispute_repo.take_resolutions(session, sent) == expected
    with store.engine.connect() as conn:
        marks = dict(conn.execute(text("SELECT number, disputed FROM invoice")).all())
        states = dict(conn.execute(text("SELECT uuid, resolved FROM outcome")).all())
        cause = conn.execute(text("SELECT root_cause FROM dispute_resolution")).scalars().all()
    assert {k: bool(v) for k, v in marks.items()} == {"HD-1": False, "HD-2": True}
    assert {k: bool(v) for k, v in states.items()} == {first: True, second: False}
    assert cause == ["Kho giao nhầm lô hàng"]
