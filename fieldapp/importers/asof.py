"""The date a report is 'as of', read from its title block (summary reports load as opening
balances on that date; the supervisor confirms it)."""

from __future__ import annotations

import re
from datetime import date

from .values import BadValue, parse_date

_KEYS = re.compile(r"(as of|as at|date at filter|đến ngày|tính đến ngày|截止日期|截至|截止|"
                   r"基準日|基准日)\s*[:：]?\s*(.*)", re.I)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"), start=1)}
_WORDED = re.compile(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})")


def as_of(rows, order: str) -> date | None:
    """The first date after an 'as of' word above the header, in the same cell, the next cell or
    the same column of the next row (Odoo puts 'Date at filter' above its value)."""
    rows = [[c.strip() for c in cells] for _, cells in rows]
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            found = _KEYS.search(cell)
            if not found:
                continue
            below = rows[r + 1][c] if r + 1 < len(rows) and c < len(rows[r + 1]) else ""
            for text in (found.group(2), *cells[c + 1:c + 2], below):
                day = _read(text, order)
                if day:
                    return day
    return None


def _read(text: str, order: str) -> date | None:
    worded = _WORDED.search(text)
    if worded and worded.group(1).lower() in _MONTHS:
        try:
            return date(int(worded.group(3)), _MONTHS[worded.group(1).lower()],
                        int(worded.group(2)))
        except ValueError:
            return None
    try:
        return parse_date(text.strip(" .,"), order) if text else None
    except BadValue:
        return None
