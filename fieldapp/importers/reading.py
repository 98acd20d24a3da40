"""A receivables export read row by row into customers, invoices, credits and problems."""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from pathlib import Path

from ..domain.receivables import RowProblem
from . import decoding, legacy, rowkinds
from .presets import PRESETS, all_labels, header_key, match, usable
from .rowsource import TextRows

MAX_BYTES = 1 << 30
HEADER_SEARCH = 60       # a header lies within the first rows, under the title block
DELIMITERS = (",", ";", "\t", "|")
CHUNK = 1 << 20


class Unreadable(Exception):
    """The file as a whole cannot be read: carries one RowProblem with line None."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.problem = RowProblem(None, "", code, params)


def opener(source):
    """A function returning a fresh binary file object of ``source`` (a path or bytes)."""
    if isinstance(source, (bytes, bytearray)):
        return lambda: io.BytesIO(source)
    return lambda: open(Path(source), "rb")  # noqa: SIM115 (closed by the caller)


def _chunks(open_):
    def chunks():
        with open_() as handle:
            while block := handle.read(CHUNK):
                yield block
    return chunks


def sniff_file(open_, name: str = "") -> bytes:
    """The first bytes, after refusing what is no text export at all."""
    with open_() as handle:
        sample = handle.read(decoding.SAMPLE)
        size = handle.seek(0, io.SEEK_END)
    if not sample.strip():
        raise Unreadable("file.empty")
    if size > MAX_BYTES:
        raise Unreadable("file.too_large", size=size, limit=MAX_BYTES)
    if sample.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable("file.old_excel")
    if name.lower().endswith((".xlsx", ".xlsm")) and not sample.startswith(b"PK\x03\x04"):
        raise Unreadable("file.not_a_workbook")
    if sample.startswith(b"PK\x03\x04"):
        return sample  # a workbook: xlsx.py checks it further
    if decoding.is_binary(sample):
        raise Unreadable("file.binary")
    return sample


def choose_text_encoding(open_, sample: bytes, preset=None) -> str:
    labels = all_labels() if preset is None else {header_key(l) for ls in preset.labels.values()
                                                  for l in ls}
    def score(text: str) -> int:
        folded = text.casefold()
        return sum(1 for label in labels if label in folded)
    codec = decoding.choose_encoding(_chunks(open_), sample,
                                     prefer=preset.encodings if preset else (), score=score,
                                     legacy=legacy.sniff)
    if codec is None:
        raise Unreadable("file.unknown_encoding")
    return codec


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most sample lines into the same number (>1) of cells."""
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        widths = [c for c in counts if c > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def text_rows(open_, encoding: str, delimiter: str) -> TextRows:
    """(line, cells) of the whole file, NFC, streamed; SAP's outer pipes dropped."""
    return TextRows(open_, encoding, delimiter)


def header_of(rows, preset=None):
    """(preset, columns, header labels, rows above it, rows below it) for the best header within
    the first rows (or on the row a saved mapping pins); a two-row header (merged cells above)
    is joined 'Top/Bottom'."""
    head = list(itertools.islice(rows, HEADER_SEARCH))
    presets = [preset] if preset else PRESETS
    best = None
    for index, (line, cells) in enumerate(head):
        if preset and preset.header_line and line != preset.header_line:
            continue
        keyed = [header_key(c) for c in cells]
        candidates = [(keyed, 1)]
        if index + 1 < len(head):
            candidates.append((join_two_rows(keyed, [header_key(c) for c in head[index + 1][1]]), 2))
        for labels, height in candidates:
            for order, candidate in enumerate(presets):
                columns = match(candidate, labels)
                if not usable(columns):
                    continue
                # On a tie a summary preset (a balance column) beats a detail one read as summary.
                score = (len(columns), "balance" in columns, -order)
                if best is None or score > best[0]:
                    best = (score, candidate, columns, labels, index, height)
    if best is None:
        if preset:
            raise Unreadable("file.no_header", source=preset.name, rows=HEADER_SEARCH)
        raise Unreadable("file.unknown_source")
    _, found, columns, labels, index, height = best
    return found, columns, labels, head[:index], itertools.chain(head[index + height:], rows)


def join_two_rows(top, bottom):
    """Merged cells leave the top row empty to the right: 'Chứng từ' spans 'Số hiệu' and
    'Ngày tháng', giving 'chứng từ/số hiệu' and 'chứng từ/ngày tháng'."""
    joined, above = [], ""
    for column in range(max(len(top), len(bottom))):
        t = top[column] if column < len(top) else ""
        b = bottom[column] if column < len(bottom) else ""
        if t:
            above = t
        elif not b:
            above = ""
        joined.append(f"{t or above}/{b}" if b and (t or above) else (t or b))
    return joined


_CONTEXT = re.compile(r"^(đối tượng|khách hàng|客戶|客户|customer)\s*[:：]\s*(.+)$", re.I)


def customer_context(cells) -> tuple[str, str] | None:
    """'Đối tượng: KH001 - Công ty ABC' above a ledger names the customer of the rows below."""
    text = " ".join(c.strip() for c in cells if c and c.strip())
    found = _CONTEXT.match(text)
    if not found:
        return None
    value = found.group(2).strip()
    code, _, name = value.partition(" - ")
    return (code.strip(), name.strip()) if name else (value, value)


def classify(cells, document_column):
    has_doc = document_column is not None and document_column < len(cells) and \
        cells[document_column].strip() != ""
    return rowkinds.classify(cells, has_doc)
