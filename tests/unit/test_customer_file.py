"""Opening a customer: invoices, aging, payments with allocations, deliveries; the route."""

from datetime import date

import pytest

from fieldapp.domain.enums import AgingBucket
from fieldapp.domain.errors import NotFound
from fieldapp.domain.money import Money
from fieldapp.domain.stored import RouteDay
from fieldapp.services.portfolio import Portfolio
from fieldapp.store import bulk
from tests.conftest import ON_BOTH_DATABASES, TODAY

pytestmark = ON_BOTH_DATABASES


@pytest.fixture
def portfolio(builder):
    cid = builder.customer("Công ty Đặng Hưng", contacts=[("Nguyễn Thị Hường", "0912")])
    other = builder.customer("Cửa hàng Lê")
    builder.invoice(cid, "HD-1", date(2026, 7, 1), 10_000_000, open_=4_000_000)   # 144 days
    builder.invoice(cid, "HD-2", date(2026, 11, 1), 6_000_000)                    # 21 days
    builder.invoice(cid, "HD-3", date(2026, 12, 15), 3_000_000)                   # current
    builder.invoice(cid, "HD-4", date(2026, 5, 1), 8_000_000, open_=0)            # settled
    builder.invoice(other, "HD-9", date(2026, 1, 1), 1_000_000)
    builder.route_stop(other, 2)
    builder.route_stop(cid, 1)
    builder.route_stop(other, 1, day=date(2026, 11, 23))
    builder.save()
    bulk.write_rows(builder.store, {
        "payment": [dict(id=1, customer_id=cid, paid_on=date(2026, 9, 5), amount_minor=14_000_000,
                         currency="VND", method="transfer", reference="UNC 0815")],
        "allocation": [dict(id=1, payment_id=1, invoice_id=1, amount_minor=6_000_000),
                       dict(id=2, payment_id=1, invoice_id=4, amount_minor=8_000_000)],
        "delivery": [dict(id=1, customer_id=cid, contract_id=None, invoice_id=2,
                          note_number="PGH-2", delivered_on=date(2026, 10, 2), receiver="Thủ kho",
                          status="partial", ordered_qty=100, delivered_qty=80,
                          discrepancy="Thiếu 20 bao xi măng"),
                     dict(id=2, customer_id=cid, contract_id=None, invoice_id=1,
                          note_number="PGH-1", delivered_on=date(2026, 6, 2), receiver="Thủ kho",
                          status="complete", ordered_qty=50, delivered_qty=50, discrepancy="")]})
    return Portfolio(builder.store, lambda: TODAY), cid


def test_invoices_and_aging(portfolio):
    p, cid = portfolio
    f = p.open_customer(cid)
    assert [i.number for i in f.invoices] == ["HD-3", "HD-2", "HD-1", "HD-4"]
    assert [i.number for i in f.open_invoices] == ["HD-3", "HD-2", "HD-1"]
    (vnd,) = f.aging
    assert vnd.amount(AgingBucket.D90_PLUS) == Money(4_000_000, "VND")
    assert vnd.amount(AgingBucket.D1_30) == Money(6_000_000, "VND")
    assert vnd.amount(AgingBucket.CURRENT) == Money(3_000_000, "VND")
    assert vnd.total == Money(13_000_000, "VND") and vnd.overdue == Money(10_000_000, "VND")
    assert f.invoices[2].days_late(TODAY) == 144


def test_payments_carry_their_allocations(portfolio):
    p, cid = portfolio
    (pay,) = p.open_customer(cid).payments
    assert pay.amount == Money(14_000_000, "VND") and pay.reference == "UNC 0815"
    assert [(a.invoice_number, a.amount.minor) for a in pay.allocations] == [
        ("HD-1", 6_000_000), ("HD-4", 8_000_000)]


def test_deliveries_with_discrepancies_are_flagged(portfolio):
    p, cid = portfolio
    f = p.open_customer(cid)
    assert [d.note_number for d in f.deliveries] == ["PGH-2", "PGH-1"]
    assert [d.note_number for d in f.deliveries_with_discrepancy] == ["PGH-2"]


def test_contacts_and_missing_customer(portfolio):
    p, cid = portfolio
    assert [c.name for c in p.open_customer(cid).contacts] == ["Nguyễn Thị Hường"]
    with pytest.raises(NotFound, match="customer 999"):
        p.open_customer(999)


def test_route_is_in_visiting_order_with_overdue(portfolio):
    p, cid = portfolio
    stops = p.route()
    assert [(s.seq, s.customer.id) for s in stops] == [(1, cid), (2, cid + 1)]
    assert stops[0].customer.overdue == (Money(10_000_000, "VND"),)
    assert [s.seq for s in p.route(date(2026, 11, 23))] == [1]
    assert p.route_days(7) == [RouteDay(TODAY, 2), RouteDay(date(2026, 11, 23), 1)]
