"""Expected values computed independently of the UI code (folding, buckets, money text)."""

from __future__ import annotations

import unicodedata
from datetime import date

from babel.numbers import format_currency

from fieldapp.domain.money import MINOR_UNITS

TODAY = date(2025, 6, 30)  # the demo data and the portfolio are both pinned to this day
CUSTOMERS = 80
COLLECTOR = "Trần Minh Khoa"


def fold(text: str) -> str:
    """Case- and accent-free text; Đ/đ have no decomposition so they are mapped by hand."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def bucket_name(due_on: date, today: date) -> str:
    late = (today - due_on).days
    for limit, name in ((0, "Current"), (30, "1–30"), (60, "31–60"), (90, "61–90")):
        if late <= limit:
            return name
    return "90+"


def money_text(minor: int, currency: str) -> str:
    """What an English UI shows for an amount: Babel en_US with the currency's own decimals."""
    from decimal import Decimal

    value = Decimal(minor).scaleb(-MINOR_UNITS[currency])
    return format_currency(value, currency, locale="en_US", currency_digits=True)


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)
