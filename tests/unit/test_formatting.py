"""Babel formatting with explicit locales (watch the no-break spaces)."""

from datetime import date

import pytest

from fieldapp.domain.money import Money
from fieldapp.i18n.formatting import (format_amount, format_date, format_money, format_percent,
                                      parse_amount)


def test_vnd_in_vietnamese_has_no_decimals_and_a_no_break_space():
    assert format_money(Money(12_500_000, "VND"), "vi") == "12.500.000\xa0₫"


def test_twd_and_cny_keep_two_decimals():
    assert format_money(Money(123_450, "TWD"), "en") == "NT$1,234.50"
    assert format_money(Money(123_450, "CNY"), "zh_CN") == "¥1,234.50"


def test_zh_tw_writes_twd_as_bare_dollar_so_legal_text_uses_iso_codes():
    assert format_money(Money(123_450, "TWD"), "zh_TW") == "$1,234.50"
    assert format_money(Money(123_450, "TWD"), "zh_TW", iso_code=True) == "TWD\xa01,234.50"


def test_amount_column_and_percent():
    assert format_amount(Money(12_500_000, "VND"), "vi") == "12.500.000"
    assert format_amount(Money(5, "TWD"), "en") == "0.05"
    assert format_percent(2.0, "en") == "2%"


def test_dates_per_locale():
    d = date(2025, 6, 30)
    assert format_date(d, "vi") == "30 thg 6, 2025"
    assert format_date(d, "zh_TW") == "2025年6月30日"
    assert format_date(d, "en") == "Jun 30, 2025"


def test_parse_amount_reads_locale_notation_and_refuses_extra_decimals():
    assert parse_amount("12.500.000", "VND", "vi") == Money(12_500_000, "VND")
    assert parse_amount("1,234.50", "TWD", "en") == Money(123_450, "TWD")
    with pytest.raises(ValueError, match="more decimals"):
        parse_amount("1.5", "VND", "en")
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount("mười", "VND", "vi")


def test_times_per_locale():
    from datetime import time

    from fieldapp.i18n.formatting import format_time
    assert format_time(time(8, 30), "vi") == "08:30"
    assert format_time(time(14, 5), "en") == "2:05\u202fPM"
    assert format_time(time(14, 5), "zh_TW") == "下午2:05"
    assert format_time(None, "en") == ""
