"""Money taken on site at the office, on both engines: receipts pending from the bundle
import, matched by a later accounting import (the rule: same customer, currency and amount,
dated within the window, each credit once), confirmed or voided (a reason required, only
pending ones, all or nothing), and each payment counted once in the KPIs and promises."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from fieldapp.domain.errors import FieldappError, NotFound
from fieldapp.domain.receipts import Candidate, match
from fieldapp.services.office.app import build
from fieldapp.store.tables import ReceiptRow
from tests.conftest import ON_BOTH_DATABASES
from tests.receipt_data import credit, take, team
from tests.unit.test_importers_presets import csv

DAY = date(2026, 11, 20)


def services(store, day=date(2026, 11, 25)):
    return build(store, day, "Chị Hoa")


def states(store) -> dict:
    with store.sessions.begin() as session:
        return dict(session.execute(select(ReceiptRow.receipt_no, ReceiptRow.state)).all())


def c(key, day, minor=100, customer=1, currency="VND"):
    return Candidate(key, customer, currency, minor, day)


def test_the_matching_rule():
    # Same customer, currency and amount, from a day before to ten days after: a match.
    assert match([c("R1", DAY)], [c(7, DAY + timedelta(days=10))]) == [("R1", 7)]
    assert match([c("R1", DAY)], [c(7, DAY - timedelta(days=1))]) == [("R1", 7)]
    # Another amount, currency, customer, or a date outside the window: none.
    assert match([c("R1", DAY)], [c(7, DAY, minor=101)]) == []
    assert match([c("R1", DAY)], [c(7, DAY, currency="TWD")]) == []
    assert match([c("R1", DAY)], [c(7, DAY, customer=2)]) == []
    assert match([c("R1", DAY)], [c(7, DAY + timedelta(days=11))]) == []
    assert match([c("R1", DAY)], [c(7, DAY - timedelta(days=2))]) == []
    # Two receipts, one payment: the older receipt takes it, the other stays waiting.
    assert match([c("R2", DAY + timedelta(days=1)), c("R1", DAY)], [c(7, DAY + timedelta(days=2))]) \
        == [("R1", 7)]
    # Two of each: each credit once, the nearest date first.
    assert sorted(match([c("R1", DAY), c("R2", DAY + timedelta(days=5))],
                        [c(8, DAY + timedelta(days=5)), c(7, DAY)])) == [("R1", 7), ("R2", 8)]


@ON_BOTH_DATABASES
def test_a_later_accounting_import_matches_the_receipt_once(store, builder):
    cid = builder.customer("Công ty Ánh Dương", code="C1")
    builder.save()
    team(store, [cid])
    first, _ = take(store, cid, DAY, 500_000)
    second, _ = take(store, cid, DAY + timedelta(days=1), 500_000)
    other, _ = take(store, cid, DAY, 700_000)
    assert states(store) == {first: "pending", second: "pending", other: "pending"}
    office = services(store)
    report = office.imports.apply(csv(
        ("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
         "Currency"),
        ("C1", "Công ty Ánh Dương", "PT-0091", "22/11/2026", "22/11/2026", "-500000", "VND"),
        ("C1", "Công ty Ánh Dương", "HD-1", "01/10/2026", "31/10/2026", "9000000", "VND"),
        sep=";").encode())
    assert report.imported, report.errors
    # One accounting payment of 500 000: the older of the two equal receipts is matched.
    assert states(store) == {first: "matched", second: "pending", other: "pending"}
    shown = office.receipts.get(first)
    assert (shown.match_number, shown.match_source, shown.match_on) == (
        "PT-0091", "plain", date(2026, 11, 22))
    assert shown.state_by == "Chị Hoa"
    # The same file again matches nothing more: the credit is taken.
    office.imports.apply(csv(
        ("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
         "Currency"),
        ("C1", "Công ty Ánh Dương", "PT-0091", "22/11/2026", "22/11/2026", "-500000", "VND"),
        ("C1", "Công ty Ánh Dương", "HD-1", "01/10/2026", "31/10/2026", "9000000", "VND"),
        sep=";").encode())
    assert states(store)[second] == "pending"


@ON_BOTH_DATABASES
def test_confirm_and_void_only_pending_all_or_nothing(store, builder):
    cid = builder.customer("Cửa hàng Minh Phát")
    builder.save()
    team(store, [cid])
    one, _ = take(store, cid, DAY, 100_000)
    two, _ = take(store, cid, DAY, 200_000)
    three, _ = take(store, cid, DAY, 300_000)
    office = services(store)
    assert [r.receipt_no for r in office.receipts.listed()] == [one, two, three]
    assert office.receipts.confirm([one]).count == 1
    before = states(store)
    # One not pending (or unknown) among those named: nothing changes.
    with pytest.raises(FieldappError) as refused:
        office.receipts.confirm([two, one])
    assert (refused.value.code, refused.value.params["receipt"]) == ("receipt.not_pending", one)
    with pytest.raises(NotFound):
        office.receipts.confirm([two, "NOPE-000001"])
    assert states(store) == before
    # Voiding needs a reason; a blank one is no reason.
    for reason in ("", "   ", None):
        with pytest.raises(FieldappError) as refused:
            office.receipts.void(two, reason)
        assert refused.value.code == "receipt.reason_required"
    with pytest.raises(FieldappError) as refused:
        office.receipts.void(one, "đã xác nhận rồi")
    assert refused.value.code == "receipt.not_pending"
    assert states(store) == before
    office.receipts.void(two, "Khách trả bằng séc không hợp lệ")
    voided = office.receipts.get(two)
    assert (voided.state, voided.reason, voided.state_by) == (
        "voided", "Khách trả bằng séc không hợp lệ", "Chị Hoa")
    # "All N pending": refused when N is not what is pending now.
    with pytest.raises(FieldappError) as refused:
        office.receipts.confirm_all_pending(2)
    assert refused.value.code == "receipt.count_changed"
    assert office.receipts.confirm_all_pending(1).count == 1
    assert states(store) == {one: "confirmed", two: "voided", three: "confirmed"}
    assert office.receipts.counts() == {"pending": 0, "confirmed": 2, "matched": 0,
                                        "voided": 1}


@ON_BOTH_DATABASES
def test_a_confirmed_receipt_still_matches_and_a_voided_one_never(store, builder):
    cid = builder.customer("Công ty Hòa Bình")
    builder.save()
    team(store, [cid])
    kept, _ = take(store, cid, DAY, 250_000)
    gone, _ = take(store, cid, DAY, 400_000)
    office = services(store)
    office.receipts.confirm([kept])
    office.receipts.void(gone, "nhập trùng")
    credit(store, cid, "PT-1", DAY + timedelta(days=3), 250_000)
    credit(store, cid, "PT-2", DAY + timedelta(days=3), 400_000)
    assert office.receipts.match().count == 1
    assert states(store) == {kept: "matched", gone: "voided"}


@ON_BOTH_DATABASES
def test_each_payment_counts_once_in_the_kpis_and_promises(store, builder):
    """Collected money counts the receipt; its matched accounting credit is no negative sale;
    a voided receipt counts nowhere: not collected, and it keeps no promise."""
    cid = builder.customer("Công ty Phú Quý", code="C9")
    inv = builder.invoice(cid, "HD-9", date(2026, 10, 31), 5_000_000,
                          issued_on=date(2026, 11, 2))
    builder.save()
    team(store, [cid])
    _promise(store, cid, made=date(2026, 11, 10), due=DAY, minor=2_000_000)
    matched, _ = take(store, cid, DAY, 1_000_000, invoice=inv)
    voided, _ = take(store, cid, DAY, 2_000_000, invoice=inv)
    credit(store, cid, "PT-77", DAY + timedelta(days=2), 1_000_000)
    office = services(store)
    assert office.receipts.match().count == 1
    before = _figures(office)
    assert before["collected"] == 3_000_000 and before["promises_kept"] == 100
    office.receipts.void(voided, "tiền giả")
    after = _figures(office)
    # The matched receipt once (its credit is not also a negative sale); the voided one not.
    assert after["collected"] == 1_000_000
    assert after["credit_sales"] == 5_000_000
    assert after["promises_kept"] == 0 and after["promises_partial"] == 100
    assert states(store) == {matched: "matched", voided: "voided"}


def _figures(office) -> dict:
    board = office.kpis.dashboard(date(2026, 11, 1), date(2026, 11, 30))
    return {f.name: f.value for f in board.figures if f.scope == "team" and not f.detail
            and f.currency in ("VND", None)}


def _promise(store, customer: int, made: date, due: date, minor: int) -> None:
    import uuid  # noqa: PLC0415

    from sqlalchemy import insert  # noqa: PLC0415

    from fieldapp.store.tables import OutcomeRow, VisitRow  # noqa: PLC0415
    vid = str(uuid.uuid4())
    at = "2026-11-10T02:00:00+00:00"
    with store.sessions.begin() as session:
        session.execute(insert(VisitRow.__table__).values(
            uuid=vid, customer_id=customer, kind="visit", status="final", started_at=at,
            updated_at=at, finalized_at=at, amends=None, body="{}", sha256=""))
        session.execute(insert(OutcomeRow.__table__).values(
            uuid=str(uuid.uuid4()), visit_uuid=vid, customer_id=customer, kind="promise",
            created_on=made, due_on=due, deadline_at=None, amount_minor=minor,
            currency="VND", receipt_no="", superseded_by=None, resolved=False,
            body='{"reminder_days": null}'))
