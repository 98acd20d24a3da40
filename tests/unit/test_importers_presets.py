"""Each source's export, built to its documented layout in its real encoding, with a title
block, totals rows, signature lines and planted bad rows (notes/office.md §4)."""

import itertools
from datetime import date

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.receivables import EntryKind, ImportedCustomer, ImportedInvoice, ReportKind
from fieldapp.importers import Import

from tests.unit.test_importers_decoding import cp1258


def csv(*rows, sep=","):
    return "\r\n".join(sep.join(row) if isinstance(row, tuple) else row for row in rows) + "\r\n"


def read(data, preset=None):
    reading = Import(data, preset)
    records = list(reading.records())
    return reading.result(), records


def invoices(records):
    return [r for r in records if isinstance(r, ImportedInvoice)]


def problems(result):
    return [(p.line, p.column, p.code) for p in result.problems]


S31 = csv(
    '"Đơn vị: Công ty TNHH Phân phối Miền Nam",,,,,,,,,',
    '"Địa chỉ: 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh",,,,,,,,,',
    "SỔ CHI TIẾT THANH TOÁN VỚI NGƯỜI MUA (NGƯỜI BÁN),,,,,,,,,",
    "Tài khoản: 131,,,,,,,,,",
    "Đối tượng: KH001 - Công ty TNHH Thương mại Đông Á,,,,,,,,,",
    "Loại tiền: VNĐ,,,,,,,,,",
    "Ngày tháng ghi sổ,Chứng từ,,Diễn giải,TK đối ứng,Thời hạn được chiết khấu,Số phát sinh,,Số dư,",
    ",Số hiệu,Ngày tháng,,,,Nợ,Có,Nợ,Có",
    "A,B,C,D,E,1,2,3,4,5",
    ',,,Số dư đầu kỳ,,,,,"5.000.000",',
    '05/01/2025,HD0001,05/01/2025,Bán hàng hóa,511,,"10.000.000",,"15.000.000",',
    '05/01/2025,HD0001,05/01/2025,Thuế GTGT đầu ra,3331,,"1.000.000",,"16.000.000",',
    '10/01/2025,PT0001,10/01/2025,Thu tiền hàng,1111,,,"6.000.000","10.000.000",',
    '15/01/2025,HD0002,15/01/2025,Bán hàng hóa,511,,"2.500.000",,"12.500.000",',
    '31/02/2025,HD0003,31/02/2025,Bán hàng hóa,511,,"1.000",,"12.501.000",',   # bad date
    '16/01/2025,HD0004,16/01/2025,Bán hàng hóa,511,,"1.000,5",,"12.501.000",',  # VND decimals
    ',,,Cộng số phát sinh,,,"13.500.000","6.000.000",,',
    ',,,Số dư cuối kỳ,,,,,"12.500.000",',
    ",,,,,,,,,",
    ",,,,,,Ngày 31 tháng 01 năm 2025,,,",
    "Người lập biểu,,,Kế toán trưởng,,,Giám đốc,,,",
    '"(Ký, họ tên)",,,"(Ký, họ tên)",,,"(Ký, họ tên, đóng dấu)",,,',
)


def test_s31_dn_ledger_in_cp1258():
    result, records = read(cp1258(S31))
    assert (result.source, result.encoding, result.kind) == ("s31_misa", "cp1258",
                                                             ReportKind.DETAIL)
    assert records[0] == ImportedCustomer("KH001", "Công ty TNHH Thương mại Đông Á")
    entries = [(e.line, e.kind, e.document_no, e.amount.minor) for e in invoices(records)]
    assert entries == [(10, EntryKind.OPENING, "", 5_000_000),
                       (11, EntryKind.INVOICE, "HD0001", 11_000_000),   # goods + VAT lines
                       (13, EntryKind.CREDIT, "PT0001", -6_000_000),
                       (14, EntryKind.INVOICE, "HD0002", 2_500_000)]
    assert invoices(records)[1].document_date == date(2025, 1, 5)
    # Both planted rows named by line and column; the totals rows are not checked against rows
    # that could not be read (they would differ by construction).
    assert problems(result) == [(15, "chứng từ/ngày tháng", "date.bad"),
                                    (16, "số phát sinh/nợ", "amount.decimals")]
    assert result.rows == 4 and result.customers == 1
    assert result.totals == {"VND": Money(12_500_000, "VND")}
    assert result.skipped == {"note": 1, "total": 1, "closing": 1, "blank": 1, "signature": 3}


def test_s31_dn_totals_and_closing_balance_agree_when_no_row_is_bad():
    lines = S31.split("\r\n")
    clean = "\r\n".join(l for l in lines if "HD0003" not in l and "HD0004" not in l)
    result, _ = read(cp1258(clean))
    assert result.problems == ()
    broken = clean.replace('"6.000.000",,', '"6.500.000",,')  # the total's credit
    result, _ = read(cp1258(broken))
    assert [(p.line, p.code, p.params) for p in result.problems] == [
        (15, "total.mismatch", {"declared": "6500000", "computed": "6000000",
                                "currency": "VND"})]


DIGIWIN = csv(
    "鼎新電腦股份有限公司,,,,,,,",
    "應收帳款對帳單,,,,,,,",
    "列印日期：114/06/01,,,,,,,",
    "客戶代號,客戶簡稱,憑證日期,憑證單號,到期日,幣別,應收金額,未收金額",
    'C001,碁恒銹裏實業,114/03/05,AR1140305001,114/04/30,NTD,"12,000","12,000"',
    'C001,碁恒銹裏實業,114/04/10,AR1140410002,114/05/31,NTD,"8,500","3,500"',
    ',小計,,,,,"20,500","15,500"',
    'C002,堃喆犇貿易,114/05/23,AR1140523001,114/06/30,NTD,"5,000","5,000"',
    'C002,堃喆犇貿易,114/13/40,AR1140523002,114/06/30,NTD,"5,000","5,000"',   # bad date
    'C002,堃喆犇貿易,114/05/24,AR1140524003,114/06/30,NTD,"5,0x0","5,000"',   # bad amount
    ',合計,,,,,"25,500","20,500"',
    "製表：王小明,,審核：陳大文,,,,,",
)


def test_digiwin_in_big5hkscs_with_roc_dates():
    # 堃喆犇 exist only in big5hkscs; 碁恒銹裏 are cp950 letters that big5 lacks.
    result, records = read(DIGIWIN.encode("big5hkscs"))
    assert (result.source, result.encoding) == ("digiwin", "big5hkscs")
    first = invoices(records)[0]
    assert (first.customer_code, first.document_date, first.due_date, first.amount) == (
        "C001", date(2025, 3, 5), date(2025, 4, 30), Money(1_200_000, "TWD"))
    assert ImportedCustomer("C002", "堃喆犇貿易") in records
    assert problems(result) == [(9, "憑證日期", "date.bad"), (10, "應收金額", "amount.bad")]
    assert result.open_totals == {"TWD": Money(2_050_000, "TWD")}
    assert result.skipped == {"subtotal": 1, "total": 1, "signature": 1}


def test_digiwin_in_cp950_when_no_hkscs_letter_is_used():
    data = "\r\n".join(l for l in DIGIWIN.split("\r\n") if "C002" not in l).encode("cp950")
    result, _ = read(data)
    assert result.encoding == "cp950"
    assert [p.code for p in result.problems] == ["total.mismatch", "total.mismatch"]


KINGDEE = csv(
    "应收款账龄分析表,,,,,,,,",
    "截止日期：2025-05-31,,,,,,,,",
    "客户编码,客户名称,单据类型,单据编号,业务日期,到期日,币别,应收金额,余额",
    "K001,北京金蝶软件有限公司,销售发票,AR2025050001,2025-05-01,2025-05-31,人民币,\"1,200.00\",\"1,200.00\"",
    "K001,北京金蝶软件有限公司,收款单,SK2025050002,2025-05-10,2025-05-10,人民币,-300.00,-300.00",
    "K002,上海犇腾贸易有限公司,销售发票,AR2025050003,2025/05/12,2025/06/11,人民币,800.5,800.5",
    "K003,深圳公司,销售发票,AR2025050004,2025-05-13,2025-06-12,港币,100.00,100.00",   # currency
    "K001,北京金蝶软件有限公司,销售发票,AR2025050001,2025-05-01,2025-05-31,人民币,1.00,1.00",  # dup
    ",合计,,,,,,\"1,700.50\",\"1,700.50\"",
    "制单人：李四,,审核：张三,,,,,,",
)


def test_kingdee_in_gb18030_keeps_credits():
    result, records = read(KINGDEE.encode("gb18030"))
    assert (result.source, result.encoding) == ("kingdee", "gb18030")
    kinds = [(e.document_no, e.kind, e.amount.minor) for e in invoices(records)]
    assert kinds == [("AR2025050001", EntryKind.INVOICE, 120000),
                     ("SK2025050002", EntryKind.CREDIT, -30000),
                     ("AR2025050003", EntryKind.INVOICE, 80050)]
    assert problems(result) == [(7, "币别", "currency.unknown"),
                                (8, "单据编号", "document.duplicate")]
    assert result.problems[1].params == {"document": "AR2025050001", "customer": "K001",
                                         "first": 4}
    assert (result.invoices, result.credits) == (2, 1)


def test_yonyou_is_told_from_kingdee_by_its_headers():
    data = csv("客户往来明细账,,,,,,,",
               "客户编码,客户简称,单据号,单据日期,到期日,币种,原币金额,原币余额",
               "Y01,用友网络,0000000123,2025-04-01,2025-05-01,人民币,500.00,500.00",
               "合计,,,,,,500.00,500.00").encode("gb18030")
    result, records = read(data)
    assert (result.source, result.encoding, result.problems) == ("yonyou", "gb18030", ())
    assert invoices(records)[0].open_amount == Money(50000, "CNY")


ODOO = csv(
    "Aged Partner Balance - Miền Nam Distribution - VND,,,,,,,",
    "Date at filter,Target Moves,,,,,,",
    "31/05/2025,All posted entries,,,,,,",
    "131 - Phải thu của khách hàng,,,,,,,",
    "Partner,Residual,Current,Age ≤ 30 d.,Age ≤ 60 d.,Age ≤ 90 d.,Age ≤ 120 d.,Older",
    "Công ty Đông Á,1500.00,500.00,1000.00,0,0,0,0",
    "Công ty Hưng Thịnh,250.00,0,0,250.00,0,0,0",
    "Total,1750.00,500.00,1000.00,250.00,0,0,0",
    "Percents,,28.57%,57.14%,14.29%,0%,0%,0%",
)


def test_odoo_aged_partner_balance_is_summary_only():
    result, records = read(ODOO.encode("utf-8-sig"))
    assert (result.source, result.kind, result.problems) == (
        "odoo_aged_summary", ReportKind.SUMMARY_ONLY, ())
    assert [(e.customer_code, e.kind, e.amount) for e in invoices(records)] == [
        ("Công ty Đông Á", EntryKind.OPENING, Money(150000, "USD")),
        ("Công ty Hưng Thịnh", EntryKind.OPENING, Money(25000, "USD"))]
    assert result.openings == 2 and result.invoices == 0


ERPNEXT = csv(
    "Posting Date,Party Type,Party,Receivable Account,Customer Name,Voucher Type,Voucher No,"
    "Due Date,Invoiced Amount,Paid Amount,Credit Note,Outstanding Amount,Age (Days),Currency,"
    "Territory",
    "13-05-2025,Customer,CUST-0001,Debtors - MN,Acme Viet,Sales Invoice,ACC-SINV-2025-00001,"
    "12-06-2025,1500.00,500.00,0,1000.00,19,USD,Vietnam",
    "02-05-2025,Customer,CUST-0002,Debtors - MN,Beta Co,Sales Invoice,ACC-SINV-2025-00002,"
    "01-06-2025,700.00,0,0,700.00,30,USD,Vietnam",
    "'Total',,,,,,,,2200.00,500.00,0,1700.00,,,",
)


def test_erpnext_dates_settled_by_the_rows():
    result, records = read(ERPNEXT.encode())
    assert (result.source, result.problems) == ("erpnext", ())
    first = invoices(records)[0]
    assert (first.customer_code, first.document_date, first.open_amount) == (
        "CUST-0001", date(2025, 5, 13), Money(100000, "USD"))
    assert result.open_totals == {"USD": Money(170000, "USD")}


FBL5N = "\n".join([
    "Customer Line Items",
    "",
    "-" * 60,
    "|   |Account |Document Number|Document Type|Document Date|Net due date|"
    "Arrears after net due date|Amount in doc. curr.|Document currency|",
    "-" * 60,
    "|   |100001  |1800000012     |DR           |02.05.2025   |01.06.2025  |  -5|  1.234,56 |USD|",
    "|   |100001  |1800000013     |DG           |03.05.2025   |03.05.2025  |  24|    234,56-|USD|",
    "|   |100002  |1800000014     |DR           |04.05.2025   |03.06.2025  |  -7| 10.000,00 |USD|",
    "|*  |        |               |             |             |            |    | 11.000,00 |USD|",
    "-" * 60, ""])


def test_sap_fbl5n_pipe_text_with_trailing_minus_and_star_totals():
    result, records = read(FBL5N.encode("cp1252"))
    assert (result.source, result.encoding, result.problems) == ("sap_fbl5n", "utf-8-sig", ())
    assert [(e.document_no, e.kind, e.amount.minor, e.due_date) for e in invoices(records)] == [
        ("1800000012", EntryKind.INVOICE, 123456, date(2025, 6, 1)),
        ("1800000013", EntryKind.CREDIT, -23456, date(2025, 5, 3)),
        ("1800000014", EntryKind.INVOICE, 1000000, date(2025, 6, 3))]
    wrong = FBL5N.replace("11.000,00", "11.000,01")
    assert problems(read(wrong.encode())[0]) == [(9, "amount in doc. curr.", "total.mismatch")]


QUICKBOOKS = csv(
    "Acme Distributors,,,,,,,",
    "A/R Aging Detail,,,,,,,",
    '"As of May 31, 2025",,,,,,,',
    ",Type,Date,Num,Name,Due Date,Amount,Open Balance",
    "Current,,,,,,,",
    ',Invoice,05/20/2025,1001,Acme Corp,06/19/2025,"1,000.00","1,000.00"',
    "Total for Current,,,,,,,\"1,000.00\"",
    "1 - 30,,,,,,,",
    ",Invoice,04/15/2025,0998,Total Petroleum,05/15/2025,500.00,500.00",
    ",Credit Memo,04/20/2025,CM12,Acme Corp,04/20/2025,(200.00),(200.00)",
    "Total for 1 - 30,,,,,,,300.00",
    'TOTAL,,,,,,,"1,300.00"',
)


def test_quickbooks_detail_with_sections_subtotals_and_a_customer_called_total():
    result, records = read(QUICKBOOKS.encode())
    assert (result.source, result.problems) == ("quickbooks", ())
    assert [(e.customer_code, e.kind, e.open_amount.minor) for e in invoices(records)] == [
        ("Acme Corp", EntryKind.INVOICE, 100000), ("Total Petroleum", EntryKind.INVOICE, 50000),
        ("Acme Corp", EntryKind.CREDIT, -20000)]
    assert result.skipped == {"note": 2, "subtotal": 2, "total": 1}
    wrong = QUICKBOOKS.replace("Total for 1 - 30,,,,,,,300.00", "Total for 1 - 30,,,,,,,350.00")
    assert problems(read(wrong.encode())[0]) == [(11, "open balance", "total.mismatch")]


def test_quickbooks_summary_is_summary_only():
    data = csv("Customer,Current,1 - 30,31 - 60,61 - 90,> 90,TOTAL",
               "Acme Corp,800.00,0,0,0,0,800.00", "Beta LLC,0,0,120.00,0,0,120.00",
               "TOTAL,800.00,0,120.00,0,0,920.00").encode()
    result, _ = read(data)
    assert (result.source, result.kind, result.openings, result.problems) == (
        "quickbooks_summary", ReportKind.SUMMARY_ONLY, 2, ())


PLAIN = csv(
    ("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
     "Currency"),
    ("C1", "Nguyễn Văn An", "INV-1", "13/05/2025", "12/06/2025", "1234567", "VND"),
    ("C1", "Nguyễn Văn An", "INV-2", "01/05/2025", "31/05/2025", "12.50", "USD"),
    ("", "", "INV-3", "01/05/2025", "31/05/2025", "10", "USD"),      # no customer
    ("C2", "Trần Thị B", "INV-4", "01/05/2025", "", "", "USD"),       # no amount
    ("C2", "Trần Thị B", "INV-5", "01/05/2025", "2025-06-31", "1", "USD"),  # bad due date
    sep=";")


def test_plain_csv_semicolons_and_every_bad_row_by_line_and_column():
    result, records = read(PLAIN.encode())
    assert result.source == "plain"
    assert problems(result) == [(4, "customer code", "row.missing"),
                                (5, "amount", "row.missing"),
                                (6, "due date", "date.bad")]
    assert result.totals == {"VND": Money(1234567, "VND"), "USD": Money(1250, "USD")}
    assert result.problems[0].english() == "customer code is empty"


def test_a_column_read_both_ways_is_ambiguous():
    data = csv(("Customer code", "Invoice", "Invoice date", "Amount"),
               ("C1", "I1", "13/05/2025", "1"), ("C1", "I2", "05/13/2025", "1")).encode()
    assert ("date.ambiguous", "invoice date") in [(p.code, p.column)
                                                  for p in read(data)[0].problems]


def test_source_given_but_header_missing_and_unknown_layouts():
    assert [p.code for p in read(PLAIN.encode(), "digiwin")[0].problems] == ["file.no_header"]
    assert [p.code for p in read(b"a,b,c\n1,2,3\n")[0].problems] == ["file.unknown_source"]


@pytest.mark.parametrize("preset", ["s31_misa", None])
def test_source_named_or_detected_gives_the_same_records(preset):
    assert read(cp1258(S31), preset)[1] == read(cp1258(S31))[1]


def test_a_mapping_the_supervisor_adjusted_and_pinned_is_used_as_given():
    from dataclasses import replace

    from fieldapp.importers.presets import BY_NAME
    data = csv(("Mã KH", "Số HĐ", "Ngày HĐ", "Còn nợ"),        # a title row that looks like one
               ("Khách", "Hóa đơn", "Ngày", "Số tiền"),
               ("KH9", "HD9", "02/03/2025", "1.500.000")).encode()
    assert [p.code for p in read(data)[0].problems] == ["file.unknown_source"]
    mine = replace(BY_NAME["s31_misa"], name="my_misa", labels={
        "customer_code": ("Khách",), "document_no": ("Hóa đơn",), "document_date": ("Ngày",),
        "amount": ("Số tiền",)}, header_line=2)
    result, records = read(data, mine)
    assert (result.source, result.problems) == ("my_misa", ())
    assert invoices(records)[0].amount == Money(1_500_000, "VND")
    assert invoices(records)[0].document_date == date(2025, 3, 2)
    pinned_elsewhere = replace(mine, header_line=1)
    assert [p.code for p in read(data, pinned_elsewhere)[0].problems] == ["file.no_header"]


def test_an_unknown_source_name_is_refused():
    result, _ = read(PLAIN.encode(), "fast_accounting")
    assert [(p.code, p.params) for p in result.problems] == [
        ("file.unknown_source_name", {"source": "fast_accounting"})]


@pytest.mark.parametrize(("data", "as_of"), [
    (KINGDEE.encode("gb18030"), date(2025, 5, 31)),      # 截止日期：2025-05-31
    (ODOO.encode(), date(2025, 5, 31)),                   # 'Date at filter' above its value
    (QUICKBOOKS.encode(), date(2025, 5, 31)),             # 'As of May 31, 2025'
    (PLAIN.encode(), None),
])
def test_the_report_date_is_read_from_the_title_block(data, as_of):
    assert read(data)[0].as_of == as_of


def test_a_preview_of_the_first_rows_lets_go_of_the_file(tmp_path):
    path = tmp_path / "ar.csv"
    many = "".join(f"K9,某公司,销售发票,AR{i:08d},2025-05-01,2025-05-31,人民币,1.00,1.00\r\n"
                   for i in range(3000))  # more than the rows read ahead
    path.write_bytes((KINGDEE + many).encode("gb18030"))
    import os
    before = len(os.listdir(f"/proc/{os.getpid()}/fd"))
    with Import(path) as reading:
        first = list(itertools.islice(reading.records(), 2))
    assert [type(r).__name__ for r in first] == ["ImportedCustomer", "ImportedInvoice"]
    assert len(os.listdir(f"/proc/{os.getpid()}/fd")) == before
