"""Workbooks read with the standard library, and hostile ones refused before they cost memory."""

import io
import struct
import time
import zipfile
from datetime import date
from xml.sax.saxutils import escape

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.receivables import EntryKind, ImportedInvoice
from fieldapp.importers import Import

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"/>')
WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships"><workbookPr{epoch}/><sheets><sheet name="AR" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
# Style 1 shows numbers as dates (built-in 14), style 2 with a custom 'dd/mm/yyyy'.
STYLES = ('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" '
          'formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
          '<xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')


def _col(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def workbook(rows, epoch1904=False, sheet_prefix="", extra=()):
    """An .xlsx as Excel writes it: strings shared (and one inline), numbers, date styles."""
    shared, cells_xml = [], []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if value is None:
                continue
            if isinstance(value, date):
                serial = (value - (date(1904, 1, 1) if epoch1904 else date(1899, 12, 30))).days
                cells.append(f'<c r="{ref}" s="{1 + (c % 2)}"><v>{serial}</v></c>')
            elif isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value.startswith("inline:"):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value[7:])}</t></is></c>')
            else:
                shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
        cells_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = (f'<?xml version="1.0"?>{sheet_prefix}<worksheet xmlns="http://schemas.openxmlformats'
             f'.org/spreadsheetml/2006/main"><sheetData>{"".join(cells_xml)}</sheetData>'
             '</worksheet>')
    strings = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
               '2006/main">' + "".join(
                   f"<si><r><t>{escape(s[:2])}</t></r><r><t>{escape(s[2:])}</t></r>"
                   "<rPh><t>ふりがな</t></rPh></si>" for s in shared) + "</sst>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("xl/workbook.xml",
                      WORKBOOK.format(epoch=' date1904="1"' if epoch1904 else ""))
        book.writestr("xl/_rels/workbook.xml.rels", RELS)
        book.writestr("xl/styles.xml", STYLES)
        book.writestr("xl/sharedStrings.xml", strings)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in extra:
            book.writestr(name, data)
    return out.getvalue()


ROWS = [
    ["Công ty TNHH Phân phối Miền Nam"], ["SỔ CHI TIẾT CÔNG NỢ PHẢI THU"], [],
    ["Mã khách hàng", "Tên khách hàng", "Số chứng từ", "Ngày chứng từ", "Hạn thanh toán",
     "Phát sinh Nợ", "Phát sinh Có"],
    ["KH001", "Công ty Đông Á", "HD0001", date(2025, 1, 5), date(2025, 2, 4), 11000000, None],
    ["KH001", "Công ty Đông Á", "PT0001", date(2025, 1, 10), date(2025, 1, 10), None, 6000000],
    ["KH002", "inline:Cửa hàng Hưng Thịnh", "HD0002", date(2025, 1, 15), date(2025, 2, 14),
     "2.500.000", None],
    ["KH002", "Cửa hàng Hưng Thịnh", "HD0003", "xx/01/2025", date(2025, 2, 14), 1, None],
    [None, None, None, "Cộng", None, 13500001, 6000000],
    ["Người lập biểu", None, None, "Kế toán trưởng"],
]


@pytest.mark.parametrize("epoch1904", [False, True])
def test_a_misa_workbook_reads_like_its_csv(epoch1904):
    reading = Import(workbook(ROWS, epoch1904), name="congno.xlsx")
    records = list(reading.records())
    result = reading.result()
    entries = [r for r in records if isinstance(r, ImportedInvoice)]
    assert (result.source, result.encoding) == ("s31_misa", "xlsx")
    # Rich-text runs joined, the phonetic guide left out, the inline string read too.
    from fieldapp.domain.receivables import ImportedCustomer
    assert [r for r in records if isinstance(r, ImportedCustomer)] == [
        ImportedCustomer("KH001", "Công ty Đông Á"), ImportedCustomer("KH002", "Cửa hàng Hưng Thịnh")]
    assert [(e.line, e.customer_code, e.kind, e.document_no, e.document_date, e.amount)
            for e in entries] == [
        (5, "KH001", EntryKind.INVOICE, "HD0001", date(2025, 1, 5), Money(11000000, "VND")),
        (6, "KH001", EntryKind.CREDIT, "PT0001", date(2025, 1, 10), Money(-6000000, "VND")),
        (7, "KH002", EntryKind.INVOICE, "HD0002", date(2025, 1, 15), Money(2500000, "VND"))]
    assert entries[0].due_date == date(2025, 2, 4)
    assert [(p.line, p.column, p.code) for p in result.problems] == [
        (8, "ngày chứng từ", "date.bad")]
    assert result.skipped == {"total": 1, "signature": 1}  # the blank row is above the header


def test_totals_rows_in_a_workbook_are_checked():
    rows = [r for r in ROWS if "HD0003" not in r]
    rows[-2] = [None, None, None, "Cộng", None, 13500001, 6000000]
    problems = Import(workbook(rows)).result().problems
    assert [(p.line, p.code, p.params["declared"], p.params["computed"]) for p in problems] == [
        (8, "total.mismatch", "13500001", "13500000")]


def refused(data, name="ar.xlsx"):
    started = time.perf_counter()
    result = Import(data, name=name).result()
    elapsed = time.perf_counter() - started
    assert result.rows == 0 and not result.readable or result.problems
    return [(p.code, p.params.get("reason", "")) for p in result.problems], elapsed


def test_a_zip_bomb_disguised_as_a_workbook_is_refused_before_inflating():
    data = workbook(ROWS[:5], extra=[("xl/media/image1.png", b"\0" * (50 << 20))])
    (code, reason), = refused(data)[0]
    assert code == "xlsx.unsafe" and "compresses" in reason


def test_a_size_the_directory_lies_about_is_refused():
    data = bytearray(workbook(ROWS[:5]))
    at = data.rfind(b"PK\x01\x02")  # the last member's central directory entry
    struct.pack_into("<I", data, at + 24, 0xFFFFFFF0)
    (code, reason), = refused(bytes(data))[0]
    assert code == "xlsx.unsafe" and "inflates" in reason


def test_an_xml_entity_bomb_is_refused():
    bomb = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    rows = [["Customer code", "Invoice", "Amount"], ["C1", "&j;", 1]]
    data = workbook(rows, sheet_prefix=bomb)
    problems, elapsed = refused(data)
    assert problems == [("xlsx.unsafe", "xl/worksheets/sheet1.xml declares a DOCTYPE")]
    assert elapsed < 5


def test_path_tricks_and_overlapping_members_are_refused():
    tricked = workbook(ROWS[:5], extra=[("../../evil.xml", b"<x/>")])
    assert refused(tricked)[0] == [("xlsx.unsafe", "member name '../../evil.xml'")]
    data = bytearray(workbook(ROWS[:5]))
    at = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, at + 42, 0)  # the last member's data said to start at 0
    assert refused(bytes(data))[0] == [("xlsx.unsafe", "overlapping members")]


def test_damaged_workbooks_say_so():
    assert refused(b"PK\x03\x04" + b"\x00" * 100)[0][0][0] == "xlsx.damaged"
    data = workbook(ROWS[:5])
    cut = data[: len(data) // 2] + data[-200:]
    assert refused(cut)[0][0][0] == "xlsx.damaged"
    no_book = io.BytesIO()
    with zipfile.ZipFile(no_book, "w") as book:
        book.writestr("hello.txt", "hi")
    assert refused(no_book.getvalue())[0] == [("xlsx.damaged", "no xl/workbook.xml")]
