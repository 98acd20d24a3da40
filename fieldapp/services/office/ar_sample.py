"""A deterministic receivables export in the plain preset's layout, of any length, for the
benchmark and training: customers coded like the demo's (KH000001…), about ten invoices each."""

from __future__ import annotations

import csv
import random
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
          "Open amount", "Currency")
_WORDS = ("Minh Phát", "Thành Công", "Hưng Thịnh", "Phương Nam", "Đông Á", "Sài Gòn",
          "Hoàng Long", "An Khang", "Tân Tiến", "Việt Hưng", "Bình Minh", "Kim Ngân")
_KINDS = ("Công ty TNHH", "Cửa hàng", "Đại lý", "Công ty CP", "Tạp hóa")
PER_CUSTOMER = 10


def customer(k: int, rng: random.Random) -> tuple[str, str]:
    return f"KH{k:06d}", f"{rng.choice(_KINDS)} {rng.choice(_WORDS)} {k}"


def rows(lines: int, seed: int = 2026, today: date = date(2026, 11, 22)):
    """``lines`` invoice rows, the same for the same seed: VND amounts in thousands, due 30 days
    after the invoice, about a third partly or wholly paid."""
    rng = random.Random(seed)
    customers = max(1, lines // PER_CUSTOMER)
    names = [customer(k, rng) for k in range(1, customers + 1)]
    for n in range(lines):
        code, name = names[n % customers]
        issued = today - timedelta(days=rng.randrange(1, 400))
        amount = rng.randrange(50, 50_000) * 1000
        paid = 0 if rng.random() < 0.65 else rng.randrange(0, amount + 1, 1000)
        yield (code, name, f"HD{n + 1:08d}", issued.strftime("%d/%m/%Y"),
               (issued + timedelta(days=30)).strftime("%d/%m/%Y"), str(amount),
               str(amount - paid), "VND")


def write(path: Path, lines: int, seed: int = 2026, today: date = date(2026, 11, 22)) -> Path:
    """Write the export to ``path`` (UTF-8, comma-separated), streamed."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        out.writerows(rows(lines, seed, today))
    return Path(path)


_NS = "http://schemas.openxmlformats.org/"
_PARTS = {
    "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{_NS}package/2006/content-types">'
                           '</Types>',
    "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{_NS}spreadsheetml/2006/main" '
                       f'xmlns:r="{_NS}officeDocument/2006/relationships"><sheets><sheet '
                       'name="AR" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{_NS}package/'
                                  '2006/relationships"><Relationship Id="rId1" Type="worksheet" '
                                  'Target="worksheets/sheet1.xml"/></Relationships>',
}


def write_xlsx(path: Path, lines: int, seed: int = 2026,
               today: date = date(2026, 11, 22)) -> Path:
    """The same rows as a workbook (inline strings, amounts as numbers), streamed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in _PARTS.items():
            book.writestr(name, xml)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet xmlns="{_NS}spreadsheetml/2006/main">'
                        '<sheetData>'.encode())
            sheet.write(_xml_row(1, HEADER).encode())
            for n, row in enumerate(rows(lines, seed, today), start=2):
                sheet.write(_xml_row(n, row).encode())
            sheet.write(b"</sheetData></worksheet>")
    return Path(path)


def _xml_row(n: int, cells) -> str:
    out = []
    for value in cells:
        if value.isdigit():
            out.append(f"<c><v>{value}</v></c>")
        else:
            out.append(f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>')
    return f'<row r="{n}">{"".join(out)}</row>'
