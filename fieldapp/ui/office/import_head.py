"""An export's first rows as raw cells: a guessed header, and an example under each column."""

from __future__ import annotations

import itertools

from ...importers import reading
from ...importers.presets import header_key

EXAMPLE_ROWS = 30  # rows under the header searched for each column's first value


def head_rows(file, encoding: str | None = None) -> tuple[str, list]:
    """(encoding, [(line, cells)]) of the rows a header and its examples can be in; raises
    reading.Unreadable for a file that is no export at all."""
    open_ = reading.opener(file)
    sample = reading.sniff_file(open_, "" if isinstance(file, (bytes, bytearray)) else str(file))
    if sample.startswith(b"PK\x03\x04"):
        from ...importers.xlsx import workbook_rows  # noqa: PLC0415 (workbooks only)
        encoding, rows = "xlsx", workbook_rows(open_)
    else:
        encoding = encoding or reading.choose_text_encoding(open_, sample)
        text = sample.decode(encoding, errors="ignore")
        rows = reading.text_rows(open_, encoding, reading.sniff_delimiter(text))
    try:
        return encoding, list(itertools.islice(rows, reading.HEADER_SEARCH + EXAMPLE_ROWS))
    finally:
        rows.close()  # let go of the file (Windows keeps open files)


def guess_header(head) -> tuple[int, list] | None:
    """The first of the widest rows of words (not numbers) near the top, as (line, cells)."""
    words = [(sum(1 for c in cells if _is_word(c)), -line, line, cells)
             for line, cells in head[:reading.HEADER_SEARCH]]
    if not words or max(words)[0] < 2:
        return None
    _, _, line, cells = max(words)
    return line, cells


def _is_word(cell: str) -> bool:
    text = str(cell).strip()
    return bool(text) and not text.replace(",", "").replace(".", "").replace("-", "").isdigit()


def examples(head, labels) -> tuple[str, ...]:
    """The first value under each of the header ``labels`` (one or two rows of ``head``)."""
    labels = list(labels)
    below = None
    for index, (_, cells) in enumerate(head):
        keyed = [header_key(str(c)) for c in cells]
        if _same(keyed, labels):
            below = head[index + 1:]
            break
        if index + 1 < len(head) and _same(reading.join_two_rows(
                keyed, [header_key(str(c)) for c in head[index + 1][1]]), labels):
            below = head[index + 2:]
            break
    if below is None:
        return ()
    # A row of column letters or numbers under the header (S31-DN's 'A, B, C, 1, 2') is no data.
    below = [(line, cells) for line, cells in below
             if any(len(str(c).strip()) > 2 for c in cells)]
    return tuple(next((str(cells[column]).strip() for _, cells in below
                       if column < len(cells) and str(cells[column]).strip()), "")
                 for column in range(len(labels)))


def _same(keyed, labels) -> bool:
    width = len(labels)
    return keyed[:width] == labels and not any(keyed[width:])
