"""Money arithmetic and currency rules."""

import pytest
from babel.numbers import get_currency_precision

from fieldapp.domain.money import MINOR_UNITS, CurrencyMismatch, Money, totals_by_currency


def test_minor_units_agree_with_babel():
    for code, digits in MINOR_UNITS.items():
        assert get_currency_precision(code) == digits, code


def test_add_subtract_compare_same_currency():
    a, b = Money(12_500_000, "VND"), Money(2_500_000, "VND")
    assert a + b == Money(15_000_000, "VND")
    assert a - b == Money(10_000_000, "VND")
    assert b < a and a >= b and -b == Money(-2_500_000, "VND")


def test_mixing_currencies_is_refused():
    with pytest.raises(CurrencyMismatch):
        Money(1, "VND") + Money(1, "TWD")
    with pytest.raises(CurrencyMismatch):
        Money(1, "VND") < Money(1, "CNY")


def test_floats_and_unknown_currencies_are_refused():
    with pytest.raises(TypeError):
        Money(1.5, "TWD")
    with pytest.raises(ValueError, match="unsupported currency"):
        Money(1, "XYZ")


def test_totals_by_currency_keeps_currencies_apart():
    totals = totals_by_currency([Money(100, "VND"), Money(250, "TWD"), Money(900, "VND")])
    assert totals == {"VND": Money(1000, "VND"), "TWD": Money(250, "TWD")}
    assert list(totals) == ["VND", "TWD"]
