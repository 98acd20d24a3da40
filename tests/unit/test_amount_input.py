"""Typed amounts: only numbers are amounts, within reach, '1.000' đồng is a thousand."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import InvalidValue
from fieldapp.domain.money import Money
from fieldapp.domain.text import clean_text
from fieldapp.i18n.formatting import MAX_AMOUNT_MINOR, parse_amount


@pytest.mark.parametrize("text", ["inf", "-inf", "Infinity", "NaN", "snan", "1e5", "1e5000",
                                  "1_000", "12abc", "0x10", ""])
@pytest.mark.parametrize("language", ["en", "vi", "zh_TW", "zh_CN"])
def test_what_babel_would_read_but_is_no_amount_is_refused(text, language):
    with pytest.raises(InvalidValue) as refused:
        parse_amount(text, "VND", language)
    assert refused.value.code == "amount.not_a_number"


@pytest.mark.parametrize("language", ["en", "vi", "zh_TW"])
def test_an_amount_beyond_any_receivable_is_refused_with_the_limit(language):
    with pytest.raises(InvalidValue) as refused:
        parse_amount("9" * 16, "VND", language)
    assert refused.value.code == "amount.too_large"
    assert refused.value.params["limit"] == Money(MAX_AMOUNT_MINOR, "VND")
    assert parse_amount("9" * 15, "VND", language) == Money(10 ** 15 - 1, "VND")


@pytest.mark.parametrize("language, text, minor", [
    ("vi", "1.000", 1000), ("en", "1.000", 1000), ("zh_TW", "1.000", 1000),
    ("en", "1.000.000", 1_000_000), ("vi", "1.000.000", 1_000_000), ("en", "1,000", 1000),
    ("vi", "15.000.000", 15_000_000), ("en", "-1.000", -1000),
])
def test_dong_have_no_decimals_so_a_dot_before_three_digits_groups_thousands(language, text,
                                                                             minor):
    assert parse_amount(text, "VND", language) == Money(minor, "VND")


def test_currencies_with_cents_keep_the_ui_language_convention():
    assert parse_amount("1.000", "TWD", "en") == Money(100, "TWD")  # one dollar, in English
    assert parse_amount("1.000", "TWD", "vi") == Money(100_000, "TWD")  # a thousand, in Vietnamese
    assert parse_amount("1,5", "CNY", "vi") == Money(150, "CNY")
    with pytest.raises(InvalidValue):
        parse_amount("1.5", "VND", "en")  # a real fraction of a đồng stays refused


def test_clean_text_drops_nul_and_lone_surrogates_only():
    assert clean_text("Hường\x00 \ud800ok\udfff 永豐") == "Hường ok 永豐"
    assert clean_text("a\tb\nc") == "a\tb\nc"
