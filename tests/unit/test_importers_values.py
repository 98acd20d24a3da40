"""Amounts and dates as the sources write them, to exact minor units and calendar dates."""

from datetime import date
from decimal import Decimal

import pytest

from fieldapp.importers.values import (DMY, MDY, ROC, YMD, BadValue, NumberCell, parse_currency,
                                       parse_date, parse_decimal, plain_minor, to_minor)


@pytest.mark.parametrize(("text", "decimal", "group", "value"), [
    ("1.234.567,5", ",", ".", Decimal("1234567.5")),
    ("1,234,567.50", ".", ",", Decimal("1234567.50")),
    ("(1,234.00)", ".", ",", Decimal("-1234.00")),
    ("1.234-", ",", ".", Decimal("-1234")),
    ("−12", ".", ",", Decimal("-12")),
    ("₫ 12.000", ",", ".", Decimal("12000")),
    ("$1,200.50", ".", ",", Decimal("1200.50")),
    ("NT$ 3,000", ".", ",", Decimal("3000")),
    ("１２３", ".", ",", Decimal("123")),
    ("", ".", ",", None),
])
def test_amounts_in_each_format(text, decimal, group, value):
    assert parse_decimal(text, decimal, group) == value


@pytest.mark.parametrize(("text", "decimal", "group"), [
    ("1,234,567", ",", "."),   # US grouping in a Vietnamese file
    ("12.34.5", ".", ","), ("abc", ".", ","), ("1,23", ".", ","), ("1.5.0,1", ",", "."),
])
def test_amounts_that_do_not_read_are_refused(text, decimal, group):
    with pytest.raises(BadValue) as refused:
        parse_decimal(text, decimal, group)
    assert refused.value.code == "amount.bad" and refused.value.params == {"text": text}


def test_minor_units_are_exact_and_never_float():
    assert to_minor(Decimal("1234567.50"), "USD", "") == 123456750
    assert to_minor(Decimal("12000"), "VND", "") == 12000
    with pytest.raises(BadValue) as refused:
        to_minor(Decimal("1234567.5"), "VND", "1.234.567,5")
    assert refused.value.code == "amount.decimals"
    # A workbook's float noise is rounded; typed text with a third decimal is not.
    assert to_minor(Decimal("55.940000000000005"), "USD", NumberCell("55.940000000000005")) == 5594
    with pytest.raises(BadValue):
        to_minor(Decimal("55.945"), "USD", "55.945")


@pytest.mark.parametrize(("text", "order"), [
    ("23/05/2025", DMY), ("23.05.2025", DMY), ("23/5/25", DMY), ("5/23/2025", MDY),
    ("2025-05-23", YMD), ("2025/05/23", DMY), ("114/05/23", ROC), ("114/5/23", ROC),
    ("1140523", ROC), ("114年5月23日", ROC), ("2025年5月23日", YMD), ("20250523", YMD),
    ("45800", DMY), ("2025-05-23 00:00:00", YMD),
])
def test_dates_in_each_format(text, order):
    assert parse_date(text, order) == date(2025, 5, 23)


def test_bad_dates_are_refused_with_the_text():
    for text in ("31/02/2025", "13/13/2025", "yesterday"):
        with pytest.raises(BadValue) as refused:
            parse_date(text, DMY)
        assert refused.value.code == "date.bad"
    assert parse_date("  ", DMY) is None


def test_currencies_as_written():
    assert [parse_currency(t) for t in ("VNĐ", "nt$", "人民币", "RMB", "USD", "新台幣")] == [
        "VND", "TWD", "CNY", "CNY", "USD", "TWD"]
    with pytest.raises(BadValue):
        parse_currency("EURO")


@pytest.mark.parametrize(("text", "mark", "currency"), [
    ("1234567", ".", "VND"), ("12.5", ".", "USD"), ("12.50", ".", "USD"), ("12,5", ",", "TWD"),
    ("0", ".", "CNY"), ("12.505", ".", "USD"), ("1.234", ",", "VND"), ("-5", ".", "USD"),
    ("١٢", ".", "USD"), ("12.", ".", "USD"), ("", ".", "USD"),
])
def test_the_fast_path_agrees_with_the_long_way_or_steps_aside(text, mark, currency):
    fast = plain_minor(text, mark, currency)
    group = "." if mark == "," else ","
    try:
        value = parse_decimal(text, mark, group)
        slow = None if value is None else to_minor(value, currency, text)
    except BadValue:
        slow = "refused"
    assert fast is None or fast == slow
    if text in ("1234567", "12.5", "12,5", "0"):
        assert fast is not None  # the common cells do take it
