"""Amounts and dates as exports write them: per-source separators, ROC years, Excel serials."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from ..domain.money import MINOR_UNITS


class BadValue(Exception):
    """A cell that does not read; ``code`` keys domain.receivables.PROBLEMS."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


class NumberCell(str):
    """A workbook's numeric cell: plain '1234.5' whatever the source's text format."""


class DateCell(str):
    """A workbook's date cell, as ISO text."""


_SYMBOLS = re.compile(r"(US\$|NT\$|VNĐ|VND|TWD|NTD|CNY|RMB|USD|[₫đ$¥￥€元]|\s)", re.I)
_PLAIN = re.compile(r"-?\d+(\.\d+)?")
_FAST = re.compile(r"-?\d{1,15}(\.\d{1,6})?")  # most cells: digits only, nothing to undo
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－（）", "0123456789,.-()")


def parse_decimal(text: str, decimal_mark: str = ".", group: str = ",") -> Decimal | None:
    """The number in ``text`` or None when empty; negatives as -1, (1), 1- or −1."""
    if isinstance(text, NumberCell):
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise BadValue("amount.bad", text=str(text))
        return value
    if _FAST.fullmatch(text) and (decimal_mark == "." or "." not in text):
        return Decimal(text)
    raw = text
    text = _SYMBOLS.sub("", text.translate(_FULLWIDTH)).replace("\u2212", "-")
    if not text:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.endswith("-"):
        negative, text = True, text[:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    if group and group in text:
        whole = text.split(decimal_mark)[0]
        parts = whole.split(group)
        # Groups of three after the first: '1.234.567' in VN, never '12.34' as a thousand.
        if not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
            raise BadValue("amount.bad", text=raw)
        text = text.replace(group, "")
    if decimal_mark != ".":
        if "." in text:
            raise BadValue("amount.bad", text=raw)
        text = text.replace(decimal_mark, ".")
    if not _PLAIN.fullmatch(text):
        raise BadValue("amount.bad", text=raw)
    value = Decimal(text)
    return -value if negative else value


def plain_minor(text: str, decimal_mark: str, currency: str) -> int | None:
    """Minor units of a cell holding only ASCII digits and at most the allowed decimals (most
    cells of a big export), without a Decimal; None sends the cell the long way."""
    whole, mark, fraction = text.partition(decimal_mark)
    digits = MINOR_UNITS[currency]
    if not (whole.isascii() and whole.isdigit()) or len(whole) > 15 or isinstance(text, NumberCell):
        return None
    if not mark:
        return int(whole) * 10 ** digits
    if fraction.isascii() and fraction.isdigit() and len(fraction) <= digits:
        return int(whole) * 10 ** digits + int(fraction.ljust(digits, "0"))
    return None


def to_minor(value: Decimal, currency: str, text: str) -> int:
    """Decimal to integer minor units; more decimals than the currency has is refused (a
    workbook's float noise like 55.940000000001 is rounded instead)."""
    digits = MINOR_UNITS[currency]
    if value.as_tuple().exponent >= 0:  # a whole number: the usual case, no rounding question
        return int(value) * 10 ** digits
    scaled = value.scaleb(digits)
    whole = scaled.to_integral_value()
    if scaled != whole:
        if isinstance(text, NumberCell) and abs(scaled - whole) < Decimal("0.000001"):
            return int(whole)
        raise BadValue("amount.decimals", text=str(text), currency=currency)
    return int(whole)


CURRENCY_WORDS = {
    "VND": "VND", "VNĐ": "VND", "Đ": "VND", "₫": "VND", "ĐỒNG": "VND",
    "TWD": "TWD", "NTD": "TWD", "NT$": "TWD", "NT": "TWD", "新台幣": "TWD", "台幣": "TWD",
    "新臺幣": "TWD", "臺幣": "TWD",
    "CNY": "CNY", "RMB": "CNY", "人民币": "CNY", "人民幣": "CNY",
    "USD": "USD", "US$": "USD", "$": "USD", "美元": "USD", "美金": "USD",
}


def parse_currency(text: str) -> str:
    code = CURRENCY_WORDS.get(text.strip().upper())
    if code is None:
        raise BadValue("currency.unknown", text=text)
    return code


# Date orders a column may use; "auto" is decided from the first rows (see reading.py).
DMY, MDY, YMD, ROC = "dmy", "mdy", "ymd", "roc"
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 61 onwards (Excel's fictitious 29 Feb 1900 before)
_PARTS = re.compile(r"(\d{1,4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,4})\s*日?")
_COMPACT = re.compile(r"\d{7,8}")
_SERIAL = re.compile(r"\d{5}(\.\d+)?")


_CACHE: dict = {}  # (text, order, cell type) → date: a million rows hold a few thousand dates


def parse_date(text: str, order: str) -> date | None:
    """A date in ``order``; four-digit first parts are always Y-m-d and 2–3 digit ones ROC
    (year − 1911) when the order is ROC. A time after the date is ignored."""
    key = (text, order, type(text))
    found = _CACHE.get(key)
    if found is not None:
        return found
    if isinstance(text, DateCell):
        return date.fromisoformat(text)
    text = text.strip()
    if not text:
        return None
    try:
        found = _parse(text.split(" ")[0].split("T")[0], order)
    except (ValueError, OverflowError):
        raise BadValue("date.bad", text=text) from None
    if len(_CACHE) > 100_000:
        _CACHE.clear()
    _CACHE[key] = found
    return found


def _parse(text: str, order: str) -> date:
    if isinstance(text, NumberCell) or _SERIAL.fullmatch(text):
        return _EXCEL_EPOCH + timedelta(days=int(Decimal(text)))
    if _COMPACT.fullmatch(text):
        if len(text) == 7:  # ROC 1140523
            return date(int(text[:3]) + 1911, int(text[3:5]), int(text[5:]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    match = _PARTS.fullmatch(text)
    if not match:
        raise ValueError(text)
    a, b, c = match.groups()
    if len(a) == 4:
        return date(int(a), int(b), int(c))
    if order == ROC or (len(a) == 3 and len(c) <= 2):
        return date(int(a) + 1911, int(b), int(c))
    year = _year(c)
    if order == MDY:
        return date(year, int(a), int(b))
    return date(year, int(b), int(a))


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:  # 31/5/24 as Babel's short Vietnamese date writes it
        year += 2000 if year < 70 else 1900
    return year


def date_order_votes(text: str) -> str | None:
    """DMY or MDY when one value settles the order (a part above 12), else None."""
    match = _PARTS.fullmatch(text.strip().split(" ")[0])
    if not match or len(match.group(1)) >= 3:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return DMY
    if second > 12 >= first:
        return MDY
    return None
