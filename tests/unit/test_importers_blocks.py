"""The three ways a data row is read (by blocks, by the fast row reader, field by field) give the
same records, problems and sums, whatever a file plants among its plain rows."""

import random

import pytest

from fieldapp.domain.receivables import ImportedInvoice
from fieldapp.importers import Import, blocks, importer
from fieldapp.importers.rowsource import TextRows

from tests.unit.importer_sample import rows as sample_rows


def _cell(value):
    text = str(value)
    return f'"{text}"' if any(ch in text for ch in ',"\n\r') else text


def varied(lines=3000, seed=7):
    """The plain sample with something unusual planted every few rows."""
    rnd = random.Random(seed)
    out = []
    for row in sample_rows(lines, seed):
        row = list(row)
        if len(row) == 8 and row[2].startswith("INV") and rnd.random() < 0.08:
            plant = rnd.randrange(12)
            if plant == 0:
                row[5] = "-" + row[5]                     # a credit note
            elif plant == 1:
                row[6] = ""                               # no open amount
            elif plant == 2:
                row[5] = f"{int(float(row[5])):,}.50"     # thousands groups
            elif plant == 3:
                row[5] = f" {row[5]} "                    # spaces around
            elif plant == 4:
                previous = out[-1].split(",")             # the document again
                row[0], row[2] = (previous[0], previous[2]) if len(previous) == 8 else row[:3:2]
            elif plant == 5:
                row[3] = "31/02/2025"                     # no such day
            elif plant == 6:
                out += ["Subtotal,,,,,,,", "Subtotal,,,,,1.00,,"]  # 1.00 for no rows
            elif plant == 7:
                row[7], row[5], row[6] = "VND", "1500000", "1500000"  # whole đồng
            elif plant == 8:
                row[7] = "TWD"
            elif plant == 9:
                row[1] = "Acme\nTrading"                  # a line break inside a cell
            elif plant == 10:
                row = row[:6]                             # a short row
            elif plant == 11:
                row[5] = "12.345"                         # too many decimals
        out.append(",".join(_cell(c) for c in row))
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def read(data):
    reading = Import(data, "plain")
    return list(reading.records()), reading.result()


@pytest.mark.parametrize("size", [1, 7, 128])
def test_blocks_rows_and_fields_read_the_same(monkeypatch, size):
    data = varied()
    monkeypatch.setattr(blocks, "SIZE", size)
    taken = []
    original = blocks.read_block

    def counting(layout, lines, rows):
        done = original(layout, lines, rows)
        taken.append(done is not None)
        return done
    monkeypatch.setattr(blocks, "read_block", counting)
    by_blocks = read(data)
    assert any(taken) and not all(taken)  # blocks read whole, and blocks left to the rows
    monkeypatch.setattr(blocks, "read_block", lambda *_: None)
    by_rows = read(data)
    monkeypatch.setattr(importer, "row_reader", lambda _imp: None)
    by_fields = read(data)
    assert by_blocks == by_rows == by_fields
    records, result = by_blocks
    codes = {p.code for p in result.problems}
    assert {"document.duplicate", "date.bad", "amount.decimals", "total.mismatch"} <= codes
    entries = [r for r in records if isinstance(r, ImportedInvoice)]
    assert {e.amount.currency for e in entries} == {"USD", "VND", "TWD"}
    assert any(e.open_amount is None for e in entries) and any(e.amount.minor < 0 for e in entries)


def test_block_lines_count_line_breaks_inside_cells():
    data = b'a,b\r\n"x\r\ny",1\r\n"p\nq\rr",2\r\nlast,3\r\n'
    source = TextRows(lambda: __import__("io").BytesIO(data), "utf-8", ",")
    lines, rows = source.block(10)
    assert list(lines) == [1, 2, 4, 7]
    assert rows[3] == ["last", "3"]
    assert source.block(10) is None


def test_a_workbook_reads_the_same_by_blocks_rows_and_fields(monkeypatch, tmp_path):
    from tests.unit.importer_sample import write_xlsx
    data = write_xlsx(tmp_path / "sample.xlsx", 600).read_bytes()
    reading = Import(data)
    by_blocks = (list(reading.records()), reading.result())
    monkeypatch.setattr(blocks, "read_block", lambda *_: None)
    reading = Import(data)
    by_rows = (list(reading.records()), reading.result())
    monkeypatch.setattr(importer, "row_reader", lambda _imp: None)
    reading = Import(data)
    assert by_blocks == by_rows == (list(reading.records()), reading.result())
    assert by_blocks[1].invoices == 600 and by_blocks[1].problems == ()
