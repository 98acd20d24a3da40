"""A table (header and rows of text or integers) written as CSV or XLSX, stdlib only; the file
is written under a temporary name and renamed, so a failed export leaves nothing half-written."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_NS = "http://schemas.openxmlformats.org/"
_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="'
    f'{_NS}package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_NS}'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"xl/workbook.xml"/></Relationships>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships '
    f'xmlns="{_NS}package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/></Relationships>',
}


def write(path: Path, header: list[str], rows: list[list]) -> Path:
    """CSV or XLSX by the file's suffix (.xlsx: a workbook; anything else: CSV)."""
    path = Path(path)
    data = _xlsx(header, rows) if path.suffix.lower() == ".xlsx" else _csv(header, rows)
    part = path.with_name(path.name + ".part")
    with open(part, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    part.replace(path)
    return path


def _csv(header, rows) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    # UTF-8 with a BOM: spreadsheet programs then read Vietnamese and Chinese right.
    return text.getvalue().encode("utf-8-sig")


def _cell(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"<c><v>{value}</v></c>"
    text = "" if value is None else str(value)
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _xlsx(header, rows) -> bytes:
    lines = [f'<row r="{n}">{"".join(_cell(v) for v in row)}</row>'
             for n, row in enumerate([header, *rows], start=1)]
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}spreadsheetml/'
             f'2006/main"><sheetData>{"".join(lines)}</sheetData></worksheet>')
    book = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}spreadsheetml/2006/'
            f'main" xmlns:r="{_NS}officeDocument/2006/relationships"><sheets><sheet '
            'name="KPI" sheetId="1" r:id="rId1"/></sheets></workbook>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, xml in {**_PARTS, "xl/workbook.xml": book,
                          "xl/worksheets/sheet1.xml": sheet}.items():
            zipped.writestr(name, xml)
    return buffer.getvalue()
