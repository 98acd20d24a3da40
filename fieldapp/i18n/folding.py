"""Fold text for search: case, Vietnamese tone and vowel marks, Đ/đ, Traditional → Simplified."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Đ/đ (and the rarer Ð/ð look-alike) have no canonical decomposition, so NFD cannot strip them.
_NO_DECOMPOSITION = str.maketrans({"Đ": "d", "đ": "d", "Ð": "d", "ð": "d"})
_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D+")
# CJK unified ideographs (and extension A, compatibility ideographs): only text with one of
# these goes through OpenCC, so Vietnamese and Latin text folds as fast as before.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _converter():
    # OpenCC's own phrase and character tables (shipped in the wheel, no network): 貿易 → 贸易,
    # 臺灣 → 台湾. One script in the index and in the query, so either form finds the other.
    # Imported on the first Chinese text (~40 ms), so the window starts as fast as before.
    import opencc  # noqa: PLC0415

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` with any Traditional Chinese written in Simplified characters."""
    return _converter().convert(text) if _HAN.search(text) else text


def script_language(text: str) -> str:
    """A guess at the UI language ``text`` is written in, from its script alone."""
    if _HAN.search(text):
        return "zh_CN" if simplified(text) == text else "zh_TW"
    return "en" if text.isascii() else "vi"


def fold_slowly(text: str) -> str:
    """The definition of folding: lower case, no diacritics ('Đặng Nguyễn' → 'dang nguyen'),
    Chinese in Simplified characters ('貿易' → '贸易')."""
    text = simplified(text).translate(_NO_DECOMPOSITION)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped).casefold()).strip()


class _FoldTable(dict):
    """Character → folded text, learnt on first sight; str.translate then folds in one C pass."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "" if unicodedata.combining(char) else fold_slowly(char) or char
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ``text`` and drop diacritics, so 'Đặng Nguyễn' becomes 'dang nguyen'.

    Per character, which equals fold_slowly for the scripts we carry (a property test checks
    it): every search document and keystroke goes through here.
    """
    return " ".join(simplified(text).translate(_TABLE).split())


def digits(text: str) -> str:
    """Only the digits of ``text``: phone numbers match however they were typed."""
    return _NON_DIGITS.sub("", text)


def query_terms(text: str) -> list[str]:
    """Folded search terms of a typed query, longest first; phone-like terms lose separators."""
    terms = []
    for raw in fold(text).split(" "):
        term = digits(raw) if raw and _is_phone_like(raw) else raw
        if term and term not in terms:
            terms.append(term)
    return sorted(terms, key=len, reverse=True)


def _is_phone_like(term: str) -> bool:
    return any(c.isdigit() for c in term) and all(c.isdigit() or c in "+-.()" for c in term)


def search_document(*parts: str, phones: tuple[str, ...] = ()) -> str:
    """The folded text a customer is found by: its fields plus phone numbers as bare digits."""
    words = [fold(p) for p in parts if p]
    words += [digits(p) for p in phones if p]
    return " | ".join(w for w in words if w)
