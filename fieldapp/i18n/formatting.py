"""Numbers, money and dates through Babel, always with an explicit locale."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from ..domain.errors import InvalidValue
from ..domain.money import Money, minor_units

# Our language codes (domain.enums.Language) to the CLDR locales that format them.
LOCALES = {"vi": "vi_VN", "zh_TW": "zh_Hant_TW", "zh_CN": "zh_Hans_CN", "en": "en_US"}
DEFAULT_LOCALE = "en_US"


@lru_cache(maxsize=16)
def locale_for(language: str) -> Locale:
    """The Babel locale of a language code ('vi', 'zh_TW', …) or of a CLDR locale name."""
    return Locale.parse(LOCALES.get(language, language))


def to_decimal(money: Money) -> Decimal:
    """The amount in major units, exact."""
    return Decimal(money.minor).scaleb(-minor_units(money.currency))


def format_money(money: Money, language: str = DEFAULT_LOCALE, *, iso_code: bool = False) -> str:
    """'12.500.000 ₫' (vi) or 'VND 12,500,000' with ``iso_code`` (legal documents)."""
    loc = locale_for(language)
    if iso_code:
        return babel_numbers.format_currency(to_decimal(money), money.currency, locale=loc,
                                             format="¤¤\u00a0#,##0.##", currency_digits=True)
    return babel_numbers.format_currency(to_decimal(money), money.currency, locale=loc,
                                         currency_digits=True)


def format_amount(money: Money, language: str = DEFAULT_LOCALE) -> str:
    """The number alone with the currency's decimals ('12.500.000'), for table columns."""
    digits = minor_units(money.currency)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return babel_numbers.format_decimal(to_decimal(money), format=pattern, locale=locale_for(language))


def format_number(value: int | float | Decimal, language: str = DEFAULT_LOCALE) -> str:
    return babel_numbers.format_decimal(value, locale=locale_for(language))


def format_percent(value: float, language: str = DEFAULT_LOCALE) -> str:
    """``value`` in percent points (2.0 → '2%')."""
    return babel_numbers.format_percent(value / 100, locale=locale_for(language),
                                        format="#,##0.##%")


def format_date(value: date, language: str = DEFAULT_LOCALE, length: str = "medium") -> str:
    return babel_dates.format_date(value, format=length, locale=locale_for(language))


def format_time(value: time | None, language: str = DEFAULT_LOCALE) -> str:
    """Hours and minutes in the locale's notation ('08:30', '8:30 AM'); '' for no time."""
    if value is None:
        return ""
    return babel_dates.format_time(value, format="short", locale=locale_for(language))


def format_datetime(value: datetime, language: str = DEFAULT_LOCALE, length: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=length, locale=locale_for(language))


def format_instant(value: datetime | None, language: str, zone: tzinfo,
                   length: str = "short") -> str:
    """An aware instant as the user reads it: in ``zone`` (the user's), '' for none. Stored
    instants are UTC; 23:30 in Taipei shows as 23:30 whatever zone it was written in."""
    if value is None:
        return ""
    if value.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone; instants are aware")
    return format_datetime(value.astimezone(zone), language, length)


# The largest amount typed into one field, in minor units: far above any receivable, far below
# what SQLite's 64-bit integers and every float-based tool on the way hold exactly (2**53).
MAX_AMOUNT_MINOR = 10 ** 15


def parse_amount(text: str, currency: str, language: str = DEFAULT_LOCALE) -> Money:
    """Parse a typed amount in ``language``'s notation into Money; raises InvalidValue.

    Only digits, signs, spaces and the locale's separators: Babel also reads 'inf', 'NaN' and
    '1e5000', which are no amounts. In a currency without decimals (VND) a decimal separator
    followed by groups of three digits is the grouping of the customer's country: '1.000'
    is one thousand đồng whatever the UI language, never one."""
    loc = locale_for(language)
    stripped = text.strip()
    if not stripped or not all(_amount_char(c, loc) for c in stripped):
        raise InvalidValue("amount.not_a_number", text=text)
    if minor_units(currency) == 0:
        stripped = _thousands_for_decimals(stripped, loc)
    try:
        value = babel_numbers.parse_decimal(stripped, locale=loc, strict=True)
    except babel_numbers.NumberFormatError as exc:
        raise InvalidValue("amount.not_a_number", text=text) from exc
    if not value.is_finite():
        raise InvalidValue("amount.not_a_number", text=text)
    if value.adjusted() > 30:  # before scaleb: 1e5000 would make a 5000-digit integer
        raise InvalidValue("amount.too_large", text=text, limit=_limit(currency))
    minor = value.scaleb(minor_units(currency))
    if minor != minor.to_integral_value():
        raise InvalidValue("amount.too_many_decimals", text=text, currency=currency)
    if abs(minor) > MAX_AMOUNT_MINOR:
        raise InvalidValue("amount.too_large", text=text, limit=_limit(currency))
    return Money(int(minor), currency)


def _limit(currency: str) -> Money:
    return Money(MAX_AMOUNT_MINOR, currency)


def _amount_char(char: str, loc: Locale) -> bool:
    return (char.isdecimal() or char in "+-\u2212 \u00a0\u202f"
            or char in (babel_numbers.get_decimal_symbol(loc), babel_numbers.get_group_symbol(loc)))


def _thousands_for_decimals(text: str, loc: Locale) -> str:
    decimal = babel_numbers.get_decimal_symbol(loc)
    groups = text.lstrip("+-\u2212").split(decimal)
    if len(groups) > 1 and all(len(g) == 3 and g.isdecimal() for g in groups[1:]) \
            and 1 <= len(groups[0]) <= 3 and groups[0].isdecimal():
        return text.replace(decimal, "")
    return text
