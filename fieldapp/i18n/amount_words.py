"""Amounts in words for receipts: Vietnamese 'Bằng chữ', Chinese financial capitals (大寫), English."""

from __future__ import annotations

from ..domain.money import Money, minor_units

# --- Vietnamese: read in groups of three; the cycle nghìn, triệu, tỷ repeats above a tỷ. ---
_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_VI_CURRENCY = {"VND": ("đồng", ""), "USD": ("đô la Mỹ", "xu"), "TWD": ("Đài tệ", "xu"),
                "CNY": ("nhân dân tệ", "xu")}


def _vi_triple(n: int, inner: bool) -> list[str]:
    """Words of 0 < n < 1000; ``inner`` groups (after a higher one) say 'không trăm' and 'lẻ'."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if hundreds or inner:
        words += [_VI_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += (["lẻ"] if words else []) + [_VI_DIGITS[units]]
        return words
    words += ["mười"] if tens == 1 else [_VI_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 5:
        words.append("lăm")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units:
        words.append(_VI_DIGITS[units])
    return words


def _vi_number(n: int, inner: bool = False) -> list[str]:
    if n >= 1_000_000_000:  # '… nghìn tỷ', '… triệu tỷ': the groups below a tỷ read again
        high, rest = divmod(n, 1_000_000_000)
        return _vi_number(high, inner) + ["tỷ"] + (_vi_number(rest, True) if rest else [])
    words, started = [], inner
    for scale, name in ((1_000_000, "triệu"), (1_000, "nghìn"), (1, "")):
        group = n // scale % 1000
        if group:
            words += _vi_triple(group, started) + ([name] if name else [])
            started = True
    return words


def vietnamese(money: Money) -> str:
    """'Một triệu hai trăm năm mươi nghìn đồng' for VND 1.250.000."""
    major, minor = _split(money)
    name, minor_name = _VI_CURRENCY[money.currency]
    words = (_vi_number(major) or ["không"]) + [name]
    if minor:
        words += ["và", *_vi_number(minor), minor_name]
    text = " ".join(words)
    return text[0].upper() + text[1:]


# --- Chinese financial capitals: groups of four digits under 萬/万, 億/亿, 兆/万亿. ---
_ZH = {
    "zh_TW": {"digits": "零壹貳參肆伍陸柒捌玖", "groups": ("", "萬", "億", "兆"),
              "prefix": {"TWD": "新臺幣", "CNY": "人民幣", "USD": "美元", "VND": "越南盾"}},
    "zh_CN": {"digits": "零壹贰叁肆伍陆柒捌玖", "groups": ("", "万", "亿", "万亿"),
              "prefix": {"TWD": "新台币", "CNY": "人民币", "USD": "美元", "VND": "越南盾"}},
}
_ZH_PLACES = ("仟", "佰", "拾", "")


def _zh_four(n: int, digits: str) -> str:
    """0 < n < 10000 without leading zeros; a run of inner zeros is one 零, trailing ones none."""
    out, zero = "", False
    for place, d in zip(_ZH_PLACES, f"{n:04d}"):
        if d == "0":
            zero = bool(out)
            continue
        out += ("零" if zero else "") + digits[int(d)] + place
        zero = False
    return out


def _zh_integer(n: int, style: dict) -> str:
    """Financial capitals of n > 0: 壹拾萬零伍佰 (a group under 1000 after a higher one takes 零)."""
    groups, out, gap = [], "", False
    while n:
        n, group = divmod(n, 10_000)
        groups.append(group)
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _zh_four(group, style["digits"]) + style["groups"][index]
        gap = False
    return out


def chinese(money: Money, language: str) -> str:
    """'人民币壹仟陆佰捌拾元零叁角贰分' (the People's Bank of China's own examples), or
    '新臺幣壹萬貳仟參佰元整'. 整 closes an amount that ends at 元; 零 marks a skipped 元 or 角."""
    style = _ZH[language if language in _ZH else "zh_TW"]
    digits = style["digits"]
    major, minor = _split(money)
    if major >= 10 ** (4 * len(style["groups"])):
        raise ValueError(f"{major} is beyond the largest written unit")
    jiao, fen = divmod(minor, 10) if minor_units(money.currency) == 2 else (0, 0)
    text = style["prefix"].get(money.currency, money.currency)
    if major:
        text += _zh_integer(major, style) + "元"
    if not jiao and not fen:
        return text + ("整" if major else "零元整")
    if jiao:
        text += ("零" if major and major % 10 == 0 else "") + digits[jiao] + "角"
    if fen:
        text += ("零" if major and not jiao else "") + digits[fen] + "分"
    return text


# --- English ---
_EN_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
             "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ((10 ** 12, "trillion"), (10 ** 9, "billion"), (10 ** 6, "million"),
              (1000, "thousand"))
_EN_CURRENCY = {"VND": ("Vietnamese dong", ""), "USD": ("US dollars", "cents"),
                "TWD": ("New Taiwan dollars", "cents"), "CNY": ("Chinese yuan", "fen")}


def _en_below_1000(n: int) -> list[str]:
    words = [_EN_SMALL[n // 100], "hundred"] if n >= 100 else []
    n %= 100
    if n >= 20:
        words.append(_EN_TENS[n // 10] + (f"-{_EN_SMALL[n % 10]}" if n % 10 else ""))
    elif n:
        words.append(_EN_SMALL[n])
    return words


def _en_number(n: int) -> list[str]:
    if n == 0:
        return ["zero"]
    words = []
    for scale, name in _EN_SCALES:
        if n >= scale:
            words += _en_number(n // scale) + [name]
            n %= scale
    return words + _en_below_1000(n)


def english(money: Money) -> str:
    """'One million two hundred fifty thousand Vietnamese dong'."""
    major, minor = _split(money)
    name, minor_name = _EN_CURRENCY[money.currency]
    words = _en_number(major) + [name]
    if minor:
        words += ["and", *_en_number(minor), minor_name]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _split(money: Money) -> tuple[int, int]:
    if money.minor < 0:
        raise ValueError("amounts in words are written for amounts received, never negative")
    return divmod(money.minor, 10 ** minor_units(money.currency))


def amount_in_words(money: Money, language: str) -> str:
    """The amount as a receipt writes it out in ``language`` (vi, zh_TW, zh_CN, else English)."""
    if language == "vi":
        return vietnamese(money)
    if language in _ZH:
        return chinese(money, language)
    return english(money)
