"""Numbers, money and dates as the UI shows them: Babel, in the one UI language kept here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from ..domain.money import Money
from ..i18n import dates, formatting
from ..i18n.languages import LANGUAGES

# The UI language lives here and only here: ui.language sets it at start and on every switch
# (ui/language.py), and every number and date on screen is formatted through it.
_language = "en"


def ui_language() -> str:
    return _language


def set_ui_language(language: str) -> None:
    """Switch number/date formatting; the caller also installs translators (LanguageChange)."""
    global _language
    _language = language if language in LANGUAGES else "en"


def money(value: Money) -> str:
    """'₫12,500,000' or 'NT$1,234.50' in the UI language."""
    return formatting.format_money(value, _language)


def moneys(values: Iterable[Money], separator: str = " · ") -> str:
    """Several currencies side by side, e.g. an overdue total per currency."""
    return separator.join(money(v) for v in values)


def day(value: date | None, length: str = "medium") -> str:
    """'06/12/2026' (vi), '2026/12/06' (zh_TW), '2026-12-06' (zh_CN), 'Dec 6, 2026' (en);
    ``length='full'`` spells the weekday and month out in the UI language."""
    if not value:
        return ""
    if length in ("short", "medium") and _language != "en":
        # Babel's medium Vietnamese is '6 thg 12, 2026': show what the editors type instead.
        return dates.format_day(value, dates.convention(_language))
    return formatting.format_date(value, _language, length)


def time_of_day(value: time | None) -> str:
    """'8:30 AM' in English, '08:30' in Vietnamese; empty when no time was agreed."""
    return formatting.format_time(value, _language)


def moment(value: datetime | None, length: str = "short") -> str:
    """A date and time, e.g. '06/12/2026 14:30' (vi) or 'Dec 6, 2026 2:30 PM' (en)."""
    if not value:
        return ""
    if length in ("short", "medium"):
        # Never Babel's short English '12/6/26': day and month would read either way round.
        return f"{day(value.date())} {time_of_day(value.time())}"
    return formatting.format_datetime(value, _language, length)


def amount(value: Money) -> str:
    """The number alone, as typed into an amount field ('12,500,000')."""
    return formatting.format_amount(value, _language)


def parse_money(text: str, currency: str) -> Money:
    """A typed amount in the UI language's notation; raises ValueError."""
    return formatting.parse_amount(text, currency, _language)


def date_convention() -> dates.DateConvention:
    """How dates are typed in the UI language (vi dd/MM/yyyy, zh_TW yyyy/MM/dd, zh_CN and en
    yyyy-MM-dd): the date editors show and parse this."""
    return dates.convention(_language)


def qt_date_format() -> str:
    """The same pattern in Qt's notation."""
    return date_convention().qt_format


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
