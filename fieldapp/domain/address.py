"""A customer's address as printed: district and province added only when it lacks them."""

from __future__ import annotations

import unicodedata

# Chinese addresses run from the largest unit down with no separator (浙江省杭州市西湖区文三路);
# Vietnamese and Western ones from the house up, with commas.
_LARGEST_FIRST = frozenset({"TW", "CN", "HK", "MO"})


def _word_char(ch: str) -> bool:
    # Latin letters and digits make words; Han characters do not, as Chinese writes its units
    # back to back ('西湖区' is a whole unit inside '杭州市西湖区文三路').
    return ch.isalnum() and not unicodedata.name(ch, "").startswith("CJK")


def _joined(a: str, b: str) -> bool:
    """Whether ``a`` then ``b`` run on as one word: 'Quận 1' is not inside 'Quận 10', but
    '新北市' is inside '235新北市…' after its postcode."""
    return _word_char(a) and _word_char(b)


def _fold(text: str) -> str:
    # 台 and 臺 are the same character in Taiwanese place names (台北市, 臺北市).
    return unicodedata.normalize("NFC", text).casefold().replace("台", "臺")


def mentions(address: str, part: str) -> bool:
    """Whether ``address`` already names ``part`` as a whole unit (case aside)."""
    haystack, needle = _fold(address), _fold(part).strip()
    if not needle:
        return True
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not _joined(before, needle[0]) and not _joined(needle[-1], after):
            return True
        start = haystack.find(needle, start + 1)
    return False


def full_address(address: str, district: str, province: str, country: str = "") -> str:
    """The address with its district and province, each said once.

    Accounting exports often put the whole address, district and city included, in the address
    field and repeat them in their own columns; printing all three said them twice."""
    missing = [x.strip() for x in (district, province) if x.strip() and not mentions(address, x)]
    address = address.strip()
    if country.upper() in _LARGEST_FIRST:
        return "".join([*reversed(missing), address])
    return ", ".join([address, *missing] if address else missing)
