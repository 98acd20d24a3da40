"""Rows of an export one at a time (header search, look-ahead) or by blocks (the data), with
each row's line number; a CSV's blocks come straight from the csv module, no Python per row."""

from __future__ import annotations

import csv
import functools
import io
import itertools
import unicodedata

from . import legacy


class TextRows:
    """(line, cells) of a CSV, NFC, streamed; SAP's outer pipes dropped. The file closes at its
    end or on ``close()``."""

    def __init__(self, open_, encoding: str, delimiter: str):
        old_font = encoding in legacy.CODECS
        self._handle = io.TextIOWrapper(open_(), encoding="latin-1" if old_font else encoding,
                                        errors="strict", newline="")
        # map() over a partial keeps NFC in C: no Python frame per line.
        to_text = legacy.decode_line(encoding) if old_font else \
            functools.partial(unicodedata.normalize, "NFC")
        self._reader = csv.reader(map(to_text, self._handle), delimiter=delimiter)
        self._piped, self._closed = delimiter == "|", False

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed:
            raise StopIteration
        before = self._reader.line_num
        try:
            cells = next(self._reader)
        except StopIteration:
            self.close()
            raise
        return before + 1, _unpiped(cells) if self._piped else cells

    def block(self, size: int):
        """(lines, rows) of up to ``size`` rows, or None at the end."""
        if self._closed:
            return None
        before = self._reader.line_num
        try:
            rows = list(itertools.islice(self._reader, size))
        except BaseException:
            self.close()
            raise
        if not rows:
            self.close()
            return None
        if self._piped:
            rows = [_unpiped(cells) for cells in rows]
        after = self._reader.line_num
        if after - before == len(rows):
            return range(before + 1, after + 1), rows
        return _lines(before, rows), rows

    def close(self) -> None:
        self._closed = True
        self._handle.close()


def _lines(before: int, rows) -> list[int]:
    """Each row's first line when quoted cells hold line breaks (each \\n, \\r or \\r\\n inside
    a cell is one more line of the file)."""
    lines, line = [], before + 1
    for cells in rows:
        lines.append(line)
        line += 1 + sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in cells)
    return lines


def _unpiped(cells):
    if cells and not cells[0].strip():
        return cells[1:-1] if len(cells) > 1 and not cells[-1].strip() else cells[1:]
    return cells


class Buffered:
    """Rows already read ahead (header search, date orders), then the rest of ``source``."""

    def __init__(self, ahead, source):
        self._ahead, self._source = list(ahead), source
        self._iter = itertools.chain(self._ahead, source)

    def __iter__(self):
        return self._iter

    def block(self, size: int):
        """(lines, rows) of up to ``size`` rows, or None at the end."""
        if self._ahead:
            taken = self._ahead[:size]
            del self._ahead[:size]
            self._iter = itertools.chain(self._ahead, self._source)
            return tuple(zip(*taken))
        if hasattr(self._source, "block"):
            return self._source.block(size)
        taken = list(itertools.islice(self._source, size))
        return tuple(zip(*taken)) if taken else None

    def close(self) -> None:
        if hasattr(self._source, "close"):
            self._source.close()
