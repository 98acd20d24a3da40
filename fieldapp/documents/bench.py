"""Benchmark figures: one signed visit record, and the same text drawn on a bare canvas."""

from __future__ import annotations

import statistics
import time
from io import BytesIO
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, Table

from ..domain.codec import canonical_json, visit_to_dict
from . import fonts, sample, signing, visit_record
from .keys import LocalDevelopmentCA
from .model import RECORD_FILE
from .styles import PAGE

DEVICE = "a1b2c3d4-0000-4000-8000-000000000001"


def measure(folder: Path, rounds: int = 9) -> dict:
    """Median milliseconds, warm (fonts registered, key loaded), as in a running program."""
    keys = LocalDevelopmentCA(Path(folder) / "keys", DEVICE, lambda: "Trần Minh Khoa")
    rec = sample.record("vi")
    record_file = signing.Attachment(RECORD_FILE, canonical_json(visit_to_dict(rec.visit)).encode())

    def signed_record() -> bytes:
        return signing.sign(visit_record.build(rec), keys, "bench", (record_file,))

    lines = text_lines(rec)
    signed_record(), raw_canvas(lines)  # warm-up
    return {"pdf_visit_record_ms": _median_ms(signed_record, rounds),
            "pdf_raw_ms": _median_ms(lambda: raw_canvas(lines), rounds)}


def _median_ms(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def text_lines(rec) -> list[str]:
    """Every text of the record's story and letterhead, one entry per paragraph."""
    flowables, head = visit_record.story(rec)
    lines = [head.company.name, head.title, head.number, head.footer]
    _collect(flowables, lines)
    return lines


def _collect(items, out: list[str]) -> None:
    for item in items:
        if isinstance(item, Paragraph):
            out.append(item.getPlainText())
        elif isinstance(item, Table):
            _collect((cell for row in item._cellvalues for cell in row), out)
        elif isinstance(item, KeepTogether):
            _collect(item._content, out)
        elif isinstance(item, (list, tuple)):
            _collect(item, out)
        elif isinstance(item, str) and item:
            out.append(item)


def raw_canvas(lines: list[str]) -> bytes:
    """The same text, same fonts, one line after another: no layout, no tables, no signing."""
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=PAGE)
    y = PAGE[1] - 40
    for line in lines:
        if y < 40:
            canvas.showPage()
            y = PAGE[1] - 40
        fonts.draw(canvas, 40, y, line, 9)
        y -= 12
    canvas.save()
    return buf.getvalue()
