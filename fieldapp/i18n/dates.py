"""Numeric dates as each UI language writes and types them: 06/12/2026, 2026/12/06, 2026-12-06."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class DateConvention:
    order: str  # "dmy" or "ymd"
    separator: str

    @property
    def qt_format(self) -> str:
        """The same pattern in Qt's notation (QDate.toString)."""
        parts = {"d": "dd", "m": "MM", "y": "yyyy"}
        return self.separator.join(parts[c] for c in self.order)

    @property
    def example(self) -> str:
        return format_day(date(2026, 12, 6), self)


# English is typed year first (ISO 8601): our collectors read both day-first (Vietnam) and
# month-first (US software) dates, so 12/06/2026 would be ambiguous; 2026-12-06 never is.
CONVENTIONS = {
    "vi": DateConvention("dmy", "/"),
    "zh_TW": DateConvention("ymd", "/"),
    "zh_CN": DateConvention("ymd", "-"),
    "en": DateConvention("ymd", "-"),
}


def convention(language: str) -> DateConvention:
    return CONVENTIONS.get(language, CONVENTIONS["en"])


def format_day(value: date, conv: DateConvention) -> str:
    parts = {"d": f"{value.day:02d}", "m": f"{value.month:02d}", "y": f"{value.year:04d}"}
    return conv.separator.join(parts[c] for c in conv.order)


def format_clock(value: time) -> str:
    """24-hour hours and minutes ('14:30'), as typed into date-and-time editors."""
    return f"{value.hour:02d}:{value.minute:02d}"


_SEPARATORS = r"[/\-.\s]+"
_DATE = re.compile(rf"^\s*(\d{{1,4}}){_SEPARATORS}(\d{{1,2}}){_SEPARATORS}(\d{{1,4}})\s*$")
_DATE_TIME = re.compile(rf"^\s*(\d{{1,4}}){_SEPARATORS}(\d{{1,2}}){_SEPARATORS}(\d{{1,4}})"
                        r"\s+(\d{1,2})[:h.](\d{2})\s*$")


_DIGITS_ONLY = re.compile(r"^\s*(\d{8})\s*$")


def _split_digits(digits: str, conv: DateConvention) -> tuple[str, str, str]:
    """'06122026' (dmy) or '20261206' (ymd): the sections typed without separators."""
    return (digits[:2], digits[2:4], digits[4:]) if conv.order == "dmy" else \
        (digits[:4], digits[4:6], digits[6:])


def _day(first: str, middle: str, last: str, conv: DateConvention) -> date:
    if conv.order == "dmy":
        d, m, y = first, middle, last
    else:
        y, m, d = first, middle, last
    if len(y) != 4:  # a two-digit year would be a guess; ask for all four digits
        raise ValueError("the year needs four digits")
    return date(int(y), int(m), int(d))  # ValueError for 31/02 or month 13


def parse_day(text: str, conv: DateConvention) -> date:
    """The date typed in ``conv``'s order; any of / - . or space separates, or none ('06122026').
    Raises ValueError.

    Nothing is corrected: a day, month or year out of range is an error, never another date.
    """
    compact = _DIGITS_ONLY.match(text)
    if compact:
        return _day(*_split_digits(compact.group(1), conv), conv)
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date like {conv.example}")
    return _day(*match.groups(), conv)


def parse_moment(text: str, conv: DateConvention) -> datetime:
    """A date and a 24-hour time ('06/12/2026 14:30'); raises ValueError."""
    match = _DATE_TIME.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date and time like {conv.example} 14:30")
    first, middle, last, hour, minute = match.groups()
    return datetime.combine(_day(first, middle, last, conv), time(int(hour), int(minute)))
