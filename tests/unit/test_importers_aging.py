"""Aged reports: bucket columns read as ranges of days past due, each customer's balance kept
per bucket and the file's sums per bucket, so a summary can load as opening balances by age."""

from datetime import date

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.receivables import AgingBucket, EntryKind, ImportedInvoice, ReportKind
from fieldapp.importers import Import
from fieldapp.importers.aging import buckets_of
from fieldapp.importers.presets import header_key

from tests.unit.test_importers_presets import ODOO, csv, invoices


def read(data, source=None):
    reading = Import(data, source)
    records = list(reading.records())
    return reading, invoices(records), reading.result()


def ranges(result):
    return [(b.low, b.high) for b in result.aging]


QUICKBOOKS = csv(
    "Acme Distribution Ltd,,,,,,",
    "A/R Aging Summary,,,,,,",
    '"As of May 31, 2025",,,,,,',
    ",Current,1 - 30,31 - 60,61 - 90,> 90,TOTAL",
    'Binh Minh Store,"1,200.00",300.00,0.00,0.00,0.00,"1,500.00"',
    "Golden Lotus JSC,0.00,0.00,250.50,0.00,100.00,350.50",
    "Acme Trading,,,,,-20.00,-20.00",
    'TOTAL,"1,200.00",300.00,250.50,0.00,80.00,"1,830.50"',
)


def test_a_quickbooks_aging_summary_states_its_balances_per_bucket():
    reading, entries, result = read(QUICKBOOKS.replace(",Current", "Customer,Current", 1).encode())
    assert (result.source, result.kind, result.as_of) == (
        "quickbooks_summary", ReportKind.SUMMARY_ONLY, date(2025, 5, 31))
    assert reading.buckets == tuple(result.aging) == (
        AgingBucket("current", None, 0), AgingBucket("1 - 30", 1, 30),
        AgingBucket("31 - 60", 31, 60), AgingBucket("61 - 90", 61, 90),
        AgingBucket("> 90", 91, None))
    usd = lambda cents: Money(cents, "USD")  # noqa: E731
    assert [(e.customer_code, e.kind, e.amount, e.aged) for e in entries] == [
        ("Binh Minh Store", EntryKind.OPENING, usd(150000),
         (usd(120000), usd(30000), usd(0), usd(0), usd(0))),
        ("Golden Lotus JSC", EntryKind.OPENING, usd(35050),
         (usd(0), usd(0), usd(25050), usd(0), usd(10000))),
        ("Acme Trading", EntryKind.OPENING, usd(-2000), (None, None, None, None, usd(-2000)))]
    assert list(result.aging.values()) == [
        {"USD": usd(120000)}, {"USD": usd(30000)}, {"USD": usd(25050)}, {"USD": usd(0)},
        {"USD": usd(8000)}]
    assert result.problems == ()


KINGDEE_AGING = csv(
    "应收款账龄分析表,,,,,,,",
    "截止日期：2025-05-31,,,,,,,",
    "客户编码,客户名称,余额,未到期,1-30天,31-60天,61-90天,90天以上",
    "C001,华南电子有限公司,1800.00,1000.00,500.00,300.00,0,0",
    "C002,永丰贸易,-200.00,0,0,0,0,-200.00",
    "C003,北方五金,95.5,0,0,0,95.5,x",
    "合计,,1600.00,1000.00,500.00,300.00,0,-200.00",
)


def test_a_kingdee_aged_summary_in_gb18030_with_a_bad_bucket_cell():
    reading, entries, result = read(KINGDEE_AGING.encode("gb18030"))
    assert (result.source, result.encoding, result.kind) == (
        "kingdee", "gb18030", ReportKind.SUMMARY_ONLY)
    assert ranges(result) == [(None, 0), (1, 30), (31, 60), (61, 90), (91, None)]
    assert [(e.customer_code, e.amount.minor, [a and a.minor for a in e.aged])
            for e in entries] == [
        ("C001", 180000, [100000, 50000, 30000, 0, 0]), ("C002", -20000, [0, 0, 0, 0, -20000])]
    assert [(p.line, p.column, p.code) for p in result.problems] == [(6, "90天以上", "amount.bad")]
    assert result.aging[AgingBucket("1-30天", 1, 30)] == {"CNY": Money(50000, "CNY")}


def test_a_misa_aged_summary_in_vietnamese():
    data = csv("PHÂN TÍCH CÔNG NỢ PHẢI THU THEO TUỔI NỢ,,,,,",
               "Mã khách hàng,Tên khách hàng,Tổng nợ,Trong hạn,Quá hạn 1-30 ngày,"
               "Quá hạn trên 30 ngày",
               'KH001,Công ty Đông Á,"15.000.000","10.000.000","5.000.000",0').encode("utf-8")
    _, entries, result = read(data)
    assert (result.source, result.kind) == ("misa_summary", ReportKind.SUMMARY_ONLY)
    assert ranges(result) == [(None, 0), (1, 30), (31, None)]
    assert entries[0].aged == (Money(10_000_000, "VND"), Money(5_000_000, "VND"), Money(0, "VND"))


def test_odoo_buckets_follow_from_the_column_before():
    _, entries, result = read(ODOO.encode("utf-8-sig"))
    assert ranges(result) == [(None, 0), (1, 30), (31, 60), (61, 90), (91, 120), (121, None)]
    assert entries[0].aged[:2] == (Money(50000, "USD"), Money(100000, "USD"))


def test_a_detail_report_without_buckets_has_none():
    data = csv("Customer code,Invoice,Amount", "C1,INV1,10.00").encode()
    reading, entries, result = read(data)
    assert reading.buckets == () and result.aging == {} and entries[0].aged is None


@pytest.mark.parametrize("labels, expected", [
    (["Contact", "Current", "< 1 Month", "1 Month", "2 Months", "Older", "Total"],
     [(None, 0), (1, 30), (31, 60), (61, 90), (91, None)]),
    (["Party", "0-30", "31-60", "61-90", "91-120", "121-Above"],
     [(0, 30), (31, 60), (61, 90), (91, 120), (121, None)]),
    (["客戶", "未到期", "逾期"], [(None, 0), (1, None)]),
    (["Customer", "F30", "F60", "F2147483647"], [(1, 30), (31, 60), (61, None)]),
    (["Customer", "Nợ từ 1 đến 30 ngày", "31 - 60 ngày", "90+"], [(1, 30), (31, 60), (91, None)]),
    # Not buckets: a range of years, a lone bucket-like column, words without numbers.
    (["Customer", "Invoice 2024-2025", "Age (Days)", "90+"], []),
    (["Customer", "Số dư", "Tháng 1", "Ngày 31/12/2024"], []),
])
def test_bucket_labels_as_day_ranges(labels, expected):
    found = buckets_of([header_key(label) for label in labels], {0})
    assert [(b.low, b.high) for _, b in found] == expected
