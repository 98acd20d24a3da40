"""Workbooks with several sheets, and cells typed in the old Vietnamese fonts (TCVN3, VNI)."""

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from fieldapp.domain.money import Money
from fieldapp.domain.receivables import ImportedCustomer, ImportedInvoice
from fieldapp.importers import Import
from fieldapp.importers.legacy import convert
from fieldapp.importers.xlsx import sheet_names

from tests.unit.test_importers_xlsx import CONTENT_TYPES, STYLES, _col

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def book(sheets: dict) -> bytes:
    """A workbook with one sheet per (name → rows); text shared, '~' before a text inline."""
    shared, members = [], []
    for number, rows in enumerate(sheets.values(), start=1):
        xml = []
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, value in enumerate(row):
                ref = f"{_col(c)}{r}"
                if isinstance(value, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif value.startswith("~"):
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value[1:])}</t>'
                                 "</is></c>")
                elif value:
                    shared.append(value)
                    cells.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
            xml.append(f'<row r="{r}">{"".join(cells)}</row>')
        members.append((f"xl/worksheets/sheet{number}.xml",
                        f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(xml)}</sheetData>'
                        "</worksheet>"))
    listed = "".join(f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>'
                     for n, name in enumerate(sheets, start=1))
    rels = "".join(f'<Relationship Id="rId{n}" Type="worksheet" '
                   f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, len(sheets) + 1))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{RELS_NS}">'
                                            f"<sheets>{listed}</sheets></workbook>")
        archive.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.'
                         f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">' + "".join(
            f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>")
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


HEADER = ["Customer code", "Customer name", "Invoice", "Amount", "Currency"]
COVER = [["Receivables, May 2025"], ["Prepared for the office"]]
AR = [HEADER, ["C1", "Acme", "INV1", 100.5, "USD"], ["C2", "Binh Minh", "INV2", 20, "USD"]]
OLD = [HEADER, ["C9", "Old", "X1", 1, "USD"]]


def read(data, **kwargs):
    reading = Import(data, **kwargs)
    records = list(reading.records())
    return reading, records, reading.result()


def test_sheet_names_in_the_workbooks_order():
    assert sheet_names(book({"Bìa": COVER, "Công nợ": AR, "2024": OLD})) == [
        "Bìa", "Công nợ", "2024"]


def test_the_first_sheet_whose_header_matches_is_read_by_default():
    reading, records, result = read(book({"Cover": COVER, "AR": AR, "2024": OLD}))
    assert reading.sheet == "AR" and result.source == "plain" and result.invoices == 2
    assert [r.document_no for r in records if isinstance(r, ImportedInvoice)] == ["INV1", "INV2"]


def test_a_sheet_is_chosen_by_name_or_index():
    data = book({"Cover": COVER, "AR": AR, "2024": OLD})
    for choice in ("2024", 2):
        reading, records, _ = read(data, sheet=choice)
        assert reading.sheet == choice
        assert [r.document_no for r in records if isinstance(r, ImportedInvoice)] == ["X1"]


def test_a_sheet_that_is_not_there_is_a_clear_problem():
    data = book({"Cover": COVER, "AR": AR})
    for choice in ("Sheet9", 5):
        _, records, result = read(data, sheet=choice)
        assert records == []
        assert [(p.code, p.english()) for p in result.problems] == [
            ("xlsx.no_sheet", f"the workbook has no sheet {str(choice)!r}; its sheets are: "
                              "Cover, AR")]


def test_no_sheet_matching_reports_the_first_sheets_reason():
    _, records, result = read(book({"Cover": COVER, "Notes": COVER}))
    assert records == [] and [p.code for p in result.problems] == ["file.unknown_source"]


def test_a_chosen_sheet_without_the_header_is_refused():
    _, _, result = read(book({"Cover": COVER, "AR": AR}), source="plain", sheet="Cover")
    assert [p.code for p in result.problems] == ["file.no_header"]


def test_tcvn3_and_vni_cells_are_converted_and_reported():
    rows = [["Mã khách hàng", "Tên khách hàng", "Số chứng từ", "Phát sinh Nợ"],
            ["KH1", "C«ng ty TNHH Th\xad¬ng m¹i Hµ Néi", "HD1", 1000],
            ["KH2", "~Coâng ty Bình Minh", "HD2", 2000],
            ["KH3", "Công ty Đông Á", "HD3", 3000],
            ["KH4", "ABC Co", "HD4", 4000]]
    _, records, result = read(book({"Sổ": rows}))
    assert [r for r in records if isinstance(r, ImportedCustomer)] == [
        ImportedCustomer("KH1", "Công ty TNHH Thương mại Hà Nội"),
        ImportedCustomer("KH2", "Công ty Bình Minh"),
        ImportedCustomer("KH3", "Công ty Đông Á"), ImportedCustomer("KH4", "ABC Co")]
    assert result.totals == {"VND": Money(10000, "VND")}
    assert [(p.line, p.code, p.params) for p in result.problems] == [
        (None, "text.legacy_encoding",
         {"count": 1, "encoding": "TCVN3", "example": "Công ty TNHH Thương mại Hà Nội"}),
        (None, "text.legacy_encoding",
         {"count": 1, "encoding": "VNI", "example": "Công ty Bình Minh"})]


def test_a_header_typed_in_tcvn3_is_found():
    rows = [["M· kh¸ch hµng", "Tªn kh¸ch hµng", "Sè chøng tõ", "Ph¸t sinh Nî"],
            ["KH1", "Hµ Néi", "HD1", 1000]]
    _, records, result = read(book({"Sheet1": rows}))
    assert result.source == "s31_misa"
    assert ImportedCustomer("KH1", "Hà Nội") in records


def test_legacy_text_conversion_leaves_other_text_alone():
    for text in ("Công ty Đông Á", "Hoàng", "Müller GmbH", "Señor Peña", "Café ©2020", "Ø 12"):
        assert convert(text) == (text, None)
    assert convert("Nguyeãn Vaên Huøng") == ("Nguyễn Văn Hùng", "VNI")
    assert convert("NguyÔn V¨n Hïng") == ("Nguyễn Văn Hùng", "TCVN3")
    assert convert("§µ N½ng") == ("Đà Nẵng", "TCVN3")


def test_a_csv_saved_with_the_bytes_of_the_old_fonts_is_converted():
    tcvn3 = ("M· kh¸ch hµng,Tªn kh¸ch hµng,Sè chøng tõ,Ph¸t sinh Nî\r\n"
             "KH1,C«ng ty Hµ Néi,HD1,1000\r\n")
    vni = ("Maõ khaùch haøng,Teân khaùch haøng,Soá chöùng töø,Phaùt sinh Nôï\r\n"
           "KH1,Coâng ty Haø Noäi,HD1,1000\r\n")
    for text, codec in ((tcvn3, "tcvn3"), (vni, "vni")):
        reading, records, result = read(text.encode("latin-1"))
        assert (result.encoding, result.source, result.problems) == (codec, "s31_misa", ())
        assert ImportedCustomer("KH1", "Công ty Hà Nội") in records
        assert reading.labels[:2] == ["mã khách hàng", "tên khách hàng"]
