"""Day-bundle records name their customer by code and their invoice by number, and the office
maps them to its own ids: a laptop filled by packs numbers customers and invoices its own way."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from fieldapp.store import field_records, outbox_repo
from fieldapp.store.engine import open_store
from fieldapp.sync.errors import BundleRefused
from tests.conftest import ON_BOTH_DATABASES, PortfolioBuilder

pytestmark = ON_BOTH_DATABASES
VISIT, PAYMENT, ALLOCATION = ("11111111-1111-4111-8111-11111111111" + d for d in "123")


@pytest.fixture
def laptop(tmp_path):
    """A laptop holding only customer KH-B (its id 1) and its invoice HD-7 (id 1), with a
    visit there on which money was taken."""
    store = open_store(tmp_path / "laptop.db")
    build = PortfolioBuilder(store)
    cid = build.customer("Công ty B", code="KH-B")
    iid = build.invoice(cid, "HD-7", date(2026, 11, 1), 5_000_000)
    build.save()
    with store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, body, "
            "sha256) VALUES (:v, :c, 'visit', 'final', '2026-11-30T02:00:00+00:00', "
            "'2026-11-30T03:00:00+00:00', '{}', '')"), {"v": VISIT, "c": cid})
        conn.execute(text(
            "INSERT INTO payment (id, customer_id, paid_on, amount_minor, currency, method, "
            "reference, visit_uuid) VALUES (:p, :c, '2026-11-30', 700, 'VND', 'cash', '', :v)"),
            {"p": PAYMENT, "c": cid, "v": VISIT})
        conn.execute(text("INSERT INTO allocation (id, payment_id, invoice_id, amount_minor) "
                          "VALUES (:a, :p, :i, 700)"), {"a": ALLOCATION, "p": PAYMENT, "i": iid})
    yield store
    store.close()


def _records(laptop) -> list[dict]:
    """As the laptop's outbox puts them in a day bundle."""
    with laptop.sessions.begin() as session:
        return [{"kind": u.kind, "row": u.row, **({"ref": u.ref} if u.ref else {})}
                for u in outbox_repo.unsent(session)]


def _office(store) -> tuple[int, int]:
    """An office where KH-B is customer 2 and its HD-7 invoice 3."""
    build = PortfolioBuilder(store)
    a = build.customer("Công ty A", code="KH-A")
    b = build.customer("Công ty B", code="KH-B")
    build.invoice(a, "HD-7", date(2026, 11, 1), 1_000_000)
    build.invoice(a, "HD-8", date(2026, 11, 1), 1_000_000)
    invoice = build.invoice(b, "HD-7", date(2026, 11, 1), 5_000_000)
    build.save()
    return b, invoice


def test_records_land_on_the_customer_and_invoice_they_name(store, laptop):
    customer, invoice = _office(store)
    records = _records(laptop)
    assert {r["kind"]: r.get("ref") for r in records} == {
        "visit": {"customer": "KH-B"}, "payment": {"customer": "KH-B"},
        "allocation": {"invoice": ["KH-B", "HD-7"]}}
    with store.sessions.begin() as session:
        assert field_records.apply(session, records, {}) == 3
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT customer_id FROM visit")).scalar() == customer
        assert conn.execute(text("SELECT customer_id FROM payment")).scalar() == customer
        assert conn.execute(text("SELECT invoice_id FROM allocation")).scalar() == invoice


@pytest.mark.parametrize("kind, ref, said", [
    ("visit", {"customer": "KH-Z"}, "no customer 'KH-Z'"),
    ("allocation", {"invoice": ["KH-B", "HD-9"]}, "no invoice ['KH-B', 'HD-9']"),
])
def test_a_record_naming_what_the_office_lacks_is_refused_and_nothing_lands(
        store, laptop, kind, ref, said):
    _office(store)
    records = _records(laptop)
    next(r for r in records if r["kind"] == kind)["ref"] = ref
    with pytest.raises(BundleRefused) as refused, store.sessions.begin() as session:
        field_records.apply(session, records, {})
    assert refused.value.code == "sync.bad_records" and said in str(refused.value)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM visit")).scalar() == 0
