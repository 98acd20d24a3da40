"""A receipt voided at the office reaches the laptop in a real pack (signed, read, applied):
the laptop marks the payment voided where it is listed, and it stops counting there (promises
kept, the balances of invoices the office has not seen it on)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import insert, select, update

from fieldapp.services import packs_in
from fieldapp.services.office.app import build
from fieldapp.services.office.packs import Packs
from fieldapp.services.office.enrollment import Enrollment
from fieldapp.store import followup_repo, receipt_repo
from fieldapp.store.engine import open_store
from fieldapp.store.tables import (AllocationRow, CollectorRow, CustomerRow, InvoiceRow,
                                   OutcomeRow, PaymentRow, ReceiptRow, VisitRow)
from fieldapp.sync import bundle, office_keys
from fieldapp.sync.pack import MEMBER, parse
from tests.conftest import ON_BOTH_DATABASES, PortfolioBuilder, set_zone
from tests.receipt_data import DEVICE, take
from tests.sync_helpers import PASS, enroll_laptop, office_with_ca

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc)
DAY = date(2026, 11, 20)


def _office(store, tmp_path):
    office_with_ca(store, tmp_path / "office", lambda: NOW)
    enroll_laptop(store, tmp_path / "office", lambda: NOW, DEVICE, "Nguyễn Thị Lan")
    b = PortfolioBuilder(store)
    cid = b.customer("Công ty Ánh Dương", code="C1")
    b.invoice(cid, "HD-1", date(2026, 10, 31), 3_000_000)
    b.save()
    with store.sessions.begin() as session:
        collector = session.execute(select(CollectorRow.id)).scalar()
        session.execute(update(CustomerRow).values(collector_id=collector))
    return cid


def _laptop_copy(office, laptop, payment_id: str) -> None:
    """The laptop holds what it made: the visit, its outcome, the payment and allocation."""
    with office.sessions.begin() as session:
        p = session.get(PaymentRow, payment_id)
        v = session.get(VisitRow, p.visit_uuid)
        o = session.execute(select(OutcomeRow).where(OutcomeRow.visit_uuid == v.uuid)).scalar()
        rows = {t: {c.key: getattr(r, c.key) for c in t.__table__.columns}
                for t, r in ((VisitRow, v), (OutcomeRow, o), (PaymentRow, p))}
    b = PortfolioBuilder(laptop)
    cid = b.customer("Công ty Ánh Dương", code="C1")
    inv = b.invoice(cid, "HD-1", date(2026, 10, 31), 3_000_000, open_=1_000_000)
    b.save()
    with laptop.sessions.begin() as session:
        for table in (VisitRow, OutcomeRow, PaymentRow):
            session.execute(insert(table.__table__).values(**dict(rows[table], customer_id=cid)))
        session.execute(insert(AllocationRow.__table__).values(
            id="a-1", payment_id=payment_id, invoice_id=inv, amount_minor=2_000_000))
        session.execute(insert(OutcomeRow.__table__).values(
            uuid="promise-1", visit_uuid=rows[VisitRow]["uuid"], customer_id=cid,
            kind="promise", created_on=date(2026, 11, 10), due_on=DAY, deadline_at=None,
            amount_minor=2_000_000, currency="VND", receipt_no="", superseded_by=None,
            resolved=False, body="{}"))


@ON_BOTH_DATABASES
def test_a_void_reaches_the_laptop_in_the_next_pack(store, tmp_path):
    cid = _office(store, tmp_path)
    number, payment = take(store, cid, DAY, 2_000_000)
    laptop = open_store(tmp_path / "laptop.db")
    set_zone(laptop)
    _laptop_copy(store, laptop, payment)
    office = build(store, NOW.date(), "Chị Hoa")
    keys = office_keys.keys_folder(tmp_path / "office")
    packs = Packs(store, lambda: NOW, Enrollment(store, lambda: NOW))
    trust = bundle.Trust((office_keys.load(keys, PASS).ca_cert,), frozenset())

    def deliver():
        (written,) = packs.build(keys, PASS, "Nguyễn Thị Lan")
        pack = parse(bundle.read(written.data, trust).members[MEMBER])
        packs_in.apply(laptop, pack, packs_in.state(laptop), DEVICE, NOW)
        return pack

    assert "voids" not in deliver().to_bytes().decode()  # nothing voided: no key at all
    with laptop.sessions.begin() as session:
        assert [p.paid_on for p in followup_repo.payments_of(session, {1: DAY})] == [DAY]
    office.receipts.void(number, "Khách chưa trả, nhập nhầm")
    pack = deliver()
    (void,) = pack.voids
    assert void["voided_at"].startswith("2026-11-2")
    assert {k: v for k, v in void.items() if k != "voided_at"} == {
        "receipt_no": number, "payment_id": payment, "by": "Chị Hoa",
        "reason": "Khách chưa trả, nhập nhầm"}
    with laptop.sessions.begin() as session:
        held = session.get(ReceiptRow, number)
        assert (held.state, held.payment_id, held.reason) == (
            "voided", payment, "Khách chưa trả, nhập nhầm")
        # It keeps no promise here any more, and is listed as voided with the reason.
        assert followup_repo.payments_of(session, {1: DAY}) == []
        assert receipt_repo.voided_payments(session, [payment]) == {
            payment: (number, "Khách chưa trả, nhập nhầm")}
    shown = build(laptop, NOW.date()).customers.open_customer(1).payments
    assert [(p.id, p.voided) for p in shown] == [(payment, "Khách chưa trả, nhập nhầm")]
    # The next pack carries it again: applying it twice changes nothing.
    deliver()
    with laptop.sessions.begin() as session:
        assert session.execute(select(ReceiptRow.receipt_no)).scalars().all() == [number]
        # The invoice's balance is the office's: the voided money lowers it nowhere.
        assert session.execute(select(InvoiceRow.open_minor)).scalar() == 3_000_000
    laptop.close()


def test_a_pack_with_a_malformed_void_is_refused_whole():
    import json  # noqa: PLC0415

    import pytest  # noqa: PLC0415

    from fieldapp.sync.errors import BundleRefused  # noqa: PLC0415
    body = {"format": 1, "pack": {"version": 1, "device": "d", "collector": "c",
                                  "expires_at": "2026-12-01T00:00:00+00:00",
                                  "route_from": "2026-11-25"},
            "customers": [], "route_stops": [], "outcomes": [], "revoked": []}
    assert parse(json.dumps(body).encode()).voids == []
    for bad in ([{"receipt_no": "R1"}], "R1", [{"receipt_no": 1, "payment_id": "p",
                                                 "voided_at": "", "by": "", "reason": ""}]):
        with pytest.raises(BundleRefused) as refused:
            parse(json.dumps(dict(body, voids=bad)).encode())
        assert refused.value.code == "sync.bad_pack"


@ON_BOTH_DATABASES
def test_a_real_day_bundle_makes_pending_receipts_once_and_matches_the_books(store, tmp_path):
    """The laptop's money travels in a signed day bundle; the office makes one pending receipt
    per sum (with the collector of the laptop), none again for the same bundle, and one the
    accounting books already show is matched on arrival."""
    from pathlib import Path  # noqa: PLC0415

    from fieldapp.services.office.bundles import Bundles  # noqa: PLC0415
    from fieldapp.store import migrations, outbox_repo  # noqa: PLC0415
    from fieldapp.sync import day  # noqa: PLC0415
    from tests.receipt_data import credit  # noqa: PLC0415
    office_with_ca(store, tmp_path / "office", lambda: NOW)
    lap = enroll_laptop(store, tmp_path / "office", lambda: NOW, DEVICE, "Nguyễn Thị Lan")
    b = PortfolioBuilder(store)
    b.customer("Công ty A", code="CA")
    cid = b.customer("Công ty Ánh Dương", code="C1")
    b.save()
    credit(store, cid, "PT-3", DAY, 300_000)  # the books already have the second sum
    laptop = open_store(tmp_path / "laptop.db")
    lb = PortfolioBuilder(laptop)
    lid = lb.customer("Công ty Ánh Dương", code="C1")
    lb.save()
    at = "2026-11-20T02:00:00+00:00"
    with laptop.sessions.begin() as session:
        session.execute(insert(VisitRow.__table__).values(
            uuid="vvvvvvvv-0000-4000-8000-000000000001", customer_id=lid, kind="visit",
            status="final", started_at=at, updated_at=at, finalized_at=at, amends=None,
            body="{}", sha256=""))
        for n, minor in enumerate((500_000, 300_000), 1):
            session.execute(insert(OutcomeRow.__table__).values(
                uuid=f"oooooooo-0000-4000-8000-00000000000{n}",
                visit_uuid="vvvvvvvv-0000-4000-8000-000000000001", customer_id=lid,
                kind="money_received", created_on=DAY, due_on=None, deadline_at=None,
                amount_minor=minor, currency="VND", receipt_no=f"0A1B2C3D-00000{n}",
                superseded_by=None, resolved=False, body="{}"))
            session.execute(insert(PaymentRow.__table__).values(
                id=f"pppppppp-0000-4000-8000-00000000000{n}", customer_id=lid, paid_on=DAY,
                amount_minor=minor, currency="VND", method="cash", reference="",
                visit_uuid="vvvvvvvv-0000-4000-8000-000000000001"))
    with laptop.sessions.begin() as session:
        records = [{"kind": u.kind, "row": u.row, **({"ref": u.ref} if u.ref else {})}
                   for u in outbox_repo.unsent(session)]
    laptop.close()
    data = bundle.write(day.KIND, day.members(records, {}), lap.signer, sender=DEVICE, seq=1,
                        prev_sha256="", schema_version=migrations.LATEST, created_at=NOW)
    path = Path(tmp_path / "day-1.zip")
    path.write_bytes(data)
    bundles = Bundles(store, lambda: NOW)
    trust = Enrollment(store, lambda: NOW).trust(office_keys.keys_folder(tmp_path / "office"))
    (report,) = bundles.import_files([path], trust)
    assert report.status == "imported", report
    office = build(store, NOW.date(), "Chị Hoa")
    found = {r.receipt_no: r for r in office.receipts.listed(None)}
    assert {n: (r.state, r.amount.minor, r.collector, r.customer_code)
            for n, r in found.items()} == {
        "0A1B2C3D-000001": ("pending", 500_000, "Nguyễn Thị Lan", "C1"),
        "0A1B2C3D-000002": ("matched", 300_000, "Nguyễn Thị Lan", "C1")}
    assert found["0A1B2C3D-000002"].match_number == "PT-3"
    (again,) = bundles.import_files([path], trust)
    assert again.status == "duplicate"
    assert len(office.receipts.listed(None)) == 2
