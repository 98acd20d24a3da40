"""The office's portfolio: the laptop's search across collectors, filters, sorting and paging,
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from fieldapp.domain.money import Money
from fieldapp.domain.office_filters import CustomerFilter
from fieldapp.domain.office_portfolio import OfficeOrder, OfficeSorting
from fieldapp.domain.search import MatchReason
from fieldapp.services.office.app import build
from fieldapp.services.portfolio import Portfolio
from tests.conftest import ON_BOTH_DATABASES, TODAY

pytestmark = ON_BOTH_DATABASES


def late(days: int):
    """A due date that is ``days`` late today (0: due today, not late)."""
    return TODAY - timedelta(days=days)


def add_collectors(store, *names):
    ids = {}
    with store.engine.begin() as conn:
        for n, name in enumerate(names, start=1):
            ids[name] = f"00000000-0000-0000-0000-00000000000{n}"
            conn.execute(text("INSERT INTO collector (id, name, phone, language, active, "
                              "created_at) VALUES (:id, :name, '', 'vi', :on, :at)"),
                         {"id": ids[name], "name": name, "on": True,
                          "at": "2026-11-01T00:00:00+00:00"})
    return ids


def assign(store, collector_id, *customer_ids, territory=None):
    with store.engine.begin() as conn:
        for cid in customer_ids:
            conn.execute(text("UPDATE customer SET collector_id = :k WHERE id = :c"),
                         {"k": collector_id, "c": cid})
            if territory is not None:
                conn.execute(text("UPDATE customer SET territory = :t WHERE id = :c"),
                             {"t": territory, "c": cid})


@pytest.fixture
def office(store, builder):
    """Nine customers of two collectors and nobody, with invoices of every age."""
    b = builder
    c = {}
    c["dai"] = b.customer("Công ty Đại Phát", contacts=[("Nguyễn Văn Hùng", "0903 111 222")],
                          district="Quận 3")
    b.invoice(c["dai"], "HD1", late(45), 5_000_000)  # 31-60
    c["an"] = b.customer("Cửa hàng An Bình")
    b.invoice(c["an"], "HD2", late(30), 2_000_000)  # 1-30 (30 days late is its last day)
    b.invoice(c["an"], "HD3", late(-5), 9_000_000)  # not yet due
    c["minh"] = b.customer("Nhà sách Minh Khai")
    b.invoice(c["minh"], "HD4", late(31), 1_000_000)  # 31-60 (first day)
    c["old"] = b.customer("Đồ gỗ Bảo Ngọc")
    b.invoice(c["old"], "HD5", late(91), 7_000_000)  # 90+
    b.invoice(c["old"], "HD6", late(200), 3_000_000, open_=0)  # paid: no bucket
    c["dispute"] = b.customer("Kim khí Hùng Cường")
    b.invoice(c["dispute"], "HD7", late(61), 4_000_000)  # 61-90, disputed
    b.chunk["invoice"][-1]["disputed"] = True
    c["closed_dispute"] = b.customer("Điện máy Hòa Bình")
    b.invoice(c["closed_dispute"], "HD8", late(70), 4_000_000, open_=0)  # paid dispute
    b.chunk["invoice"][-1]["disputed"] = True
    c["twd"] = b.customer("永豐建材有限公司", currency="TWD", language="zh_TW", country="TW")
    b.invoice(c["twd"], "TW1", late(10), 12_000_00, currency="TWD")
    c["credit"] = b.customer("Thép Việt Nhật")
    b.invoice(c["credit"], "CN1", late(120), -500_000)  # a credit note, open 120 days
    c["none"] = b.customer("Văn phòng phẩm Hồng Hà")
    b.save()
    ids = add_collectors(store, "Lan", "Bảo")
    assign(store, ids["Lan"], c["dai"], c["an"], c["minh"], territory="Nam")
    assign(store, ids["Bảo"], c["old"], c["dispute"], territory="Bắc")
    return c, ids, build(store, TODAY).portfolio


def ids_of(page):
    return [row.id for row in page.rows]


def names(portfolio, flt=CustomerFilter(), sorting=OfficeSorting()):
    return [row.summary.name for row in portfolio.page(flt, sorting, 0, 100).rows]


def test_no_filter_lists_everyone_by_folded_name(office):
    c, _ids, portfolio = office
    page = portfolio.page()
    assert page.matching == page.customers == len(c)
    listed = names(portfolio)
    # Đ sorts as D (folded), not after Z.
    assert listed.index("Đồ gỗ Bảo Ngọc") < listed.index("Kim khí Hùng Cường")
    assert listed.index("Công ty Đại Phát") < listed.index("Đồ gỗ Bảo Ngọc")


def test_search_folds_and_ranks_as_the_laptop(office, store):
    c, _ids, portfolio = office
    laptop = Portfolio(store, lambda: TODAY)
    for query in ("dai", "hung", "0903 111", "永", "KH00000"):
        office_page = portfolio.page(CustomerFilter(query=query))
        laptop_page = laptop.search(query, limit=100)
        assert sorted(ids_of(office_page)) == sorted(r.id for r in laptop_page.rows), query
        assert office_page.matching == laptop_page.total
        laptop_reasons = dict(zip((r.id for r in laptop_page.rows), laptop_page.reasons))
        assert {r.id: r.reason for r in office_page.rows} == laptop_reasons, query
    # Best matches first: a name word before a contact's name.
    hung = portfolio.page(CustomerFilter(query="hung")).rows
    assert hung[0].id == c["dispute"] and hung[0].reason is MatchReason.NAME_WORD
    assert hung[-1].id == c["dai"] and hung[-1].reason is MatchReason.CONTACT


def test_collector_and_no_collector(office):
    c, ids, portfolio = office
    assert set(ids_of(portfolio.page(CustomerFilter(collector_id=ids["Lan"])))) == {
        c["dai"], c["an"], c["minh"]}
    nobody = portfolio.page(CustomerFilter(no_collector=True))
    assert set(ids_of(nobody)) == {c["closed_dispute"], c["twd"], c["credit"], c["none"]}
    assert nobody.matching == 4 and nobody.customers == len(c)
    # "No collector" wins over a collector chosen at the same time.
    both = CustomerFilter(collector_id=ids["Lan"], no_collector=True)
    assert set(ids_of(portfolio.page(both))) == set(ids_of(nobody))
    assert set(ids_of(portfolio.page(CustomerFilter(territory="Bắc")))) == {c["old"], c["dispute"]}
    assert ids_of(portfolio.page(CustomerFilter(district="Quận 3"))) == [c["dai"]]


@pytest.mark.parametrize("bucket, expected", [
    ("current", {"an"}), ("1-30", {"an", "twd"}), ("31-60", {"dai", "minh"}),
    ("61-90", {"dispute"}), ("90+", {"old", "credit"})])
def test_aging_bucket_keeps_customers_with_an_open_invoice_of_that_age(office, bucket, expected):
    c, _ids, portfolio = office
    page = portfolio.page(CustomerFilter(aging_bucket=bucket))
    assert set(ids_of(page)) == {c[k] for k in expected}
    assert page.matching == len(expected)


def test_overdue_above_is_per_currency_and_strict(office):
    c, _ids, portfolio = office
    above = portfolio.page(CustomerFilter(overdue_above=Money(4_000_000, "VND")))
    # 5,000,000 and 7,000,000 past due; 4,000,000 is not above; not-yet-due money does not count.
    assert set(ids_of(above)) == {c["dai"], c["old"]}
    assert set(ids_of(portfolio.page(CustomerFilter(overdue_above=Money(0, "TWD"))))) == {c["twd"]}


def test_disputed_means_an_open_invoice_in_dispute(office):
    c, _ids, portfolio = office
    page = portfolio.page(CustomerFilter(disputed=True))
    assert ids_of(page) == [c["dispute"]]
    assert page.rows[0].disputed
    assert not any(r.disputed for r in portfolio.page().rows if r.id != c["dispute"])


def test_filters_combine_with_the_search(office):
    c, ids, portfolio = office
    flt = CustomerFilter(query="hung", collector_id=ids["Bảo"], aging_bucket="61-90")
    assert ids_of(portfolio.page(flt)) == [c["dispute"]]
    assert portfolio.count(flt) == 1
    assert portfolio.matching_ids(CustomerFilter(collector_id=ids["Lan"])) == tuple(
        sorted((c["dai"], c["an"], c["minh"])))


def test_rows_carry_collector_overdue_and_days_late(office):
    c, _ids, portfolio = office
    rows = {r.id: r for r in portfolio.page().rows}
    assert rows[c["dai"]].collector_name == "Lan" and rows[c["none"]].collector_name == ""
    assert rows[c["an"]].overdue == (Money(2_000_000, "VND"),)
    assert rows[c["an"]].max_days_late == 30
    assert rows[c["twd"]].overdue == (Money(12_000_00, "TWD"),)
    assert rows[c["none"]].overdue == () and rows[c["none"]].max_days_late == 0


def test_sorting(office):
    c, _ids, portfolio = office
    late_first = portfolio.page(sorting=OfficeSorting(OfficeOrder.LATE, True)).rows
    assert [r.max_days_late for r in late_first] == sorted(
        (r.max_days_late for r in late_first), reverse=True)
    assert late_first[0].id == c["credit"]  # 120 days since its (credit) due date
    by_collector = portfolio.page(sorting=OfficeSorting(OfficeOrder.COLLECTOR)).rows
    assert [r.collector_name for r in by_collector] == [""] * 4 + ["Bảo"] * 2 + ["Lan"] * 3
    codes = [r.summary.code for r in portfolio.page(sorting=OfficeSorting(OfficeOrder.CODE,
                                                                          True)).rows]
    assert codes == sorted(codes, reverse=True)
    vnd = [r for r in portfolio.page(sorting=OfficeSorting(OfficeOrder.OVERDUE, True)).rows
           if r.overdue and r.overdue[0].currency == "VND"]
    assert [r.id for r in vnd[:3]] == [c["old"], c["dai"], c["dispute"]]


def test_pages_follow_each_other_without_gaps(office):
    c, _ids, portfolio = office
    for sorting in (OfficeSorting(), OfficeSorting(OfficeOrder.LATE, True),
                    OfficeSorting(OfficeOrder.COLLECTOR)):
        whole = ids_of(portfolio.page(sorting=sorting, limit=100))
        paged, offset = [], 0
        while True:
            page = portfolio.page(sorting=sorting, offset=offset, limit=4)
            paged += ids_of(page)
            offset += len(page.rows)
            if not page.has_more:
                break
        assert paged == whole and len(set(paged)) == len(c)
    assert portfolio.page(offset=100).rows == ()


def test_open_customer_names_the_collector(office):
    c, ids, portfolio = office
    shown = portfolio.open_customer(c["dai"])
    assert shown.file.customer.name == "Công ty Đại Phát"
    assert shown.collector.id == ids["Lan"] and shown.collector.name == "Lan"
    assert portfolio.open_customer(c["none"]).collector is None


def test_the_list_counts_what_assigning_all_matching_would_move(office, store):
    c, ids, portfolio = office
    assignments = build(store, TODAY).assignments
    for flt in (CustomerFilter(), CustomerFilter(query="hung"), CustomerFilter(no_collector=True),
                CustomerFilter(collector_id=ids["Lan"], aging_bucket="31-60"),
                CustomerFilter(disputed=True), CustomerFilter(aging_bucket="90+"),
                CustomerFilter(overdue_above=Money(1_000_000, "VND"), query="cong")):
        assert portfolio.page(flt).matching == assignments.count(flt) == len(
            portfolio.matching_ids(flt)), flt
