"""Numbers, money and dates as the UI shows them: Babel, in the one UI language kept here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from ..domain.money import Money
from ..i18n import formatting

# The UI language lives here and only here, so the languages issue can switch it in one call.
_language = "en"


def ui_language() -> str:
    return _language


def set_ui_language(language: str) -> None:
    """Switch number/date formatting; the caller also installs translators (LanguageChange)."""
    global _language
    _language = language


def money(value: Money) -> str:
    """'₫12,500,000' or 'NT$1,234.50' in the UI language."""
    return formatting.format_money(value, _language)


def moneys(values: Iterable[Money], separator: str = " · ") -> str:
    """Several currencies side by side, e.g. an overdue total per currency."""
    return separator.join(money(v) for v in values)


def day(value: date | None, length: str = "medium") -> str:
    return formatting.format_date(value, _language, length) if value else ""


def time_of_day(value: time | None) -> str:
    """'8:30 AM' in English, '08:30' in Vietnamese; empty when no time was agreed."""
    return formatting.format_time(value, _language)


def moment(value: datetime | None, length: str = "short") -> str:
    """A date and time, e.g. '6/30/25, 2:05 PM'."""
    return formatting.format_datetime(value, _language, length) if value else ""


def amount(value: Money) -> str:
    """The number alone, as typed into an amount field ('12,500,000')."""
    return formatting.format_amount(value, _language)


def parse_money(text: str, currency: str) -> Money:
    """A typed amount in the UI language's notation; raises ValueError."""
    return formatting.parse_amount(text, currency, _language)


# Numeric date sections only, so a date can be typed digit by digit with the keyboard.
_QT_DATE_FORMATS = {"vi": "dd/MM/yyyy", "zh_TW": "yyyy/MM/dd", "zh_CN": "yyyy/MM/dd",
                    "en": "MM/dd/yyyy"}


def qt_date_format() -> str:
    """The display format of date editors (QDateEdit) in the UI language."""
    return _QT_DATE_FORMATS.get(_language, "yyyy-MM-dd")


def number(value: int | float) -> str:
    return formatting.format_number(value, _language)


def percent(value: float) -> str:
    """``value`` in percent points (2.0 → '2%')."""
    return formatting.format_percent(value, _language)


def counted(text: str, n: int) -> str:
    """Give a translated ``%n`` text Babel's number formatting.

    Qt substitutes %n with the bare number (``12345``); every number we show goes through
    Babel instead (``12,345``), so swap the first occurrence after the plural form was chosen.
    """
    return text.replace(str(n), number(n), 1)
