"""Amounts in words: published examples, and every amount read back to the number it names."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.money import Money
from fieldapp.i18n.amount_words import amount_in_words, chinese, english, vietnamese

VND = lambda n: Money(n, "VND")  # noqa: E731


@pytest.mark.parametrize("amount, words", [
    (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
    (21_000_000, "Hai mươi mốt triệu đồng"),
    (105_000, "Một trăm lẻ năm nghìn đồng"),
    (15_500_000, "Mười lăm triệu năm trăm nghìn đồng"),
    (2_024_000, "Hai triệu không trăm hai mươi tư nghìn đồng"),
    (1_001_000, "Một triệu không trăm lẻ một nghìn đồng"),
    (1_000_005, "Một triệu không trăm lẻ năm đồng"),
    (114_000, "Một trăm mười bốn nghìn đồng"),
    (35_000, "Ba mươi lăm nghìn đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_500_000_000_000, "Một nghìn năm trăm tỷ đồng"),
    (2_005_000_000, "Hai tỷ không trăm lẻ năm triệu đồng"),
    (0, "Không đồng"),
])
def test_vietnamese_reads_as_invoices_write_it(amount, words):
    assert vietnamese(VND(amount)) == words


@pytest.mark.parametrize("yuan, words", [
    # The People's Bank of China's examples for writing amounts on bills (正确填写票据…的基本规定).
    (140950, "人民币壹仟肆佰零玖元伍角"),
    (600714, "人民币陆仟零柒元壹角肆分"),
    (168032, "人民币壹仟陆佰捌拾元零叁角贰分"),
    (10700053, "人民币壹拾万柒仟元零伍角叁分"),
    (32504, "人民币叁佰贰拾伍元零肆分"),
    (100000, "人民币壹仟元整"),
    (10050000, "人民币壹拾万零伍佰元整"),
    (10000050000, "人民币壹亿零伍佰元整"),
    (50, "人民币伍角"),
    (0, "人民币零元整"),
])
def test_simplified_capitals_follow_the_central_banks_examples(yuan, words):
    assert chinese(Money(yuan, "CNY"), "zh_CN") == words


@pytest.mark.parametrize("cents, words", [
    (1234500, "新臺幣壹萬貳仟參佰肆拾伍元整"),
    (12345600, "新臺幣壹拾貳萬參仟肆佰伍拾陸元整"),
    (100000000000000, "新臺幣壹兆元整"),
    (60000, "新臺幣陸佰元整"),
])
def test_traditional_capitals_on_taiwanese_receipts(cents, words):
    assert chinese(Money(cents, "TWD"), "zh_TW") == words


def test_each_language_names_its_currency():
    assert amount_in_words(Money(500_000, "TWD"), "zh_CN") == "新台币伍仟元整"
    assert amount_in_words(Money(500_000, "CNY"), "zh_TW") == "人民幣伍仟元整"
    assert amount_in_words(VND(5_000_000), "zh_TW") == "越南盾伍佰萬元整"
    assert amount_in_words(Money(12_550, "USD"), "vi") == "Một trăm hai mươi lăm đô la Mỹ và năm mươi xu"
    assert english(VND(1_250_000)) == "One million two hundred fifty thousand Vietnamese dong"
    assert english(Money(1_234_505, "USD")) == ("Twelve thousand three hundred forty-five "
                                                "US dollars and five cents")
    assert amount_in_words(Money(50_000, "TWD"), "en") == "Five hundred New Taiwan dollars"
    with pytest.raises(ValueError):
        vietnamese(VND(-1))


# --- Reading the words back: independent parsers, so a wrong word or a dropped 零 shows. ---
_VI_VALUES = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
              "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def read_vietnamese(text):
    words = text.lower().removesuffix(" đồng").split()
    total, section, group, current = 0, 0, 0, 0
    for w in words:
        if w in _VI_VALUES:
            current = _VI_VALUES[w]
        elif w == "mươi":
            group += current * 10
            current = 0
        elif w == "mười":
            group += 10
        elif w == "trăm":
            group += current * 100
            current = 0
        elif w == "lẻ":
            continue
        elif w == "nghìn":
            section += (group + current) * 1000
            group = current = 0
        elif w == "triệu":
            section += (group + current) * 1_000_000
            group = current = 0
        elif w == "tỷ":
            total = (total + section + group + current) * 1_000_000_000
            section = group = current = 0
        else:
            raise AssertionError(f"unexpected word {w!r} in {text!r}")
    return total + section + group + current


_ZH_DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_ZH_PLACES = {"拾": 10, "佰": 100, "仟": 1000}


def read_chinese(text):
    body = text.removeprefix("人民币").removesuffix("整")
    major, _, cents = body.rpartition("元") if "元" in body else ("", "", body)
    total, section, digit = 0, 0, 0
    for ch in major:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_PLACES:
            section += digit * _ZH_PLACES[ch]
            digit = 0
        elif ch == "万":
            section = (section + digit) * 10_000
            total, section, digit = total + section, 0, 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
    amount = (total + section + digit) * 100
    jiao = re.search(r"(.)角", cents)
    fen = re.search(r"(.)分", cents)
    return amount + (10 * _ZH_DIGITS[jiao[1]] if jiao else 0) + (_ZH_DIGITS[fen[1]] if fen else 0)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 15))
def test_vietnamese_words_read_back_to_the_amount(n):
    words = vietnamese(VND(n))
    assert read_vietnamese(words) == n
    lower = words.lower()
    assert "mươi một" not in lower and "mươi năm" not in lower  # mốt, lăm
    assert not re.search(r"(mười|lẻ) (mốt|tư)", lower)  # mười một, lẻ bốn
    assert "lẻ không" not in lower and "mươi không" not in lower


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 14))
def test_chinese_capitals_read_back_to_the_amount(n):
    words = chinese(Money(n, "CNY"), "zh_CN")
    assert read_chinese(words) == n
    assert "零零" not in words and "零元" not in words and "零万" not in words
    assert not re.search(r"零(亿|万|整)", words)
    assert words.endswith(("整", "角", "分"))
    if n % 100 == 0:
        assert words.endswith("元整")
