"""Vietnamese text typed in the old 8-bit fonts (TCVN3 '.VnTime', VNI-Windows) found in workbook
cells, converted to Unicode NFC. Such text only looks right in its font: 'Kh¸ch hµng' (TCVN3)
and 'Khaùch haøng' (VNI) are 'Khách hàng'."""

from __future__ import annotations

import re
import unicodedata

from .decoding import only_vietnamese

TCVN3, VNI = "TCVN3", "VNI"
# A CSV saved from a sheet typed in these fonts holds their bytes: read as Latin-1, converted.
CODECS = {"tcvn3": TCVN3, "vni": VNI}

# TCVN3 (ABC) puts each toned lowercase letter, and the seven uppercase letters with their own
# shape, on one Latin-1 code point (TCVN 5712:1993).
_TCVN3 = dict(zip(
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"))
_TCVN3_TABLE = str.maketrans(_TCVN3)

# VNI writes a base letter followed by mark characters: 'aù' á, 'aâ' â, 'aá' ấ, 'aê' ă, 'aé' ắ;
# 'ô' is ơ and 'ö' ư on their own; i's tones and đ are single characters.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    table = {}

    def add(vni, base, *marks):
        for v, b in ((vni, base), (vni.upper(), base.upper())):
            table[v] = unicodedata.normalize("NFC", b + "".join(marks))
    for vowel in "aeouy":
        for key, tone in _TONES.items():
            add(vowel + key, vowel, tone)
    for vowel in "aeo":
        for key, tone in _HAT.items():
            add(vowel + key, vowel, "\u0302", tone)
    for key, tone in _BREVE.items():
        add("a" + key, "a", "\u0306", tone)
    for single, base in (("ô", "o"), ("ö", "u")):
        add(single, base, "\u031b")
        for key, tone in _TONES.items():
            add(single + key, base, "\u031b", tone)
    for key, letter in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"),
                        ("ñ", "đ")):
        add(key, letter)
    return table


_VNI = _vni_table()
_VNI_RUN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
# Pairs no Unicode Vietnamese text holds (a vowel then a grave, hook or dot-below letter of
# Latin-1), and the symbols TCVN3 uses for its commonest letters (á à ả ã ạ ă â ê ô ơ đ) next
# to a letter, where no symbol stands in other text.
_VNI_SIGN = re.compile(r"[aeiouyAEIOUYôöÔÖ][øûïØÛÏ]|[aeoAEO][âåäÂÅÄ]|[aA][ëüËÜ]")
_SIGNS = "µ¸¶·¹¨»¾¼½©®ª«¬¡¢§£¤¥¦"
_TCVN3_SIGN = re.compile(f"[A-Za-z][{_SIGNS}]|[{_SIGNS}][A-Za-z]")  # inside a word
_TCVN3_LETTER = re.compile("[%s]" % re.escape("".join(
    ch for ch in _TCVN3 if ch not in _SIGNS and not only_vietnamese(ch))))


def convert(text: str, tcvn3_seen: bool = False) -> tuple[str, str | None]:
    """(the text in Unicode NFC, TCVN3 or VNI) when ``text`` reads as Vietnamese typed in one
    of the old fonts; (text, None) otherwise, which is every cell with a character beyond
    Latin-1 (Unicode Vietnamese has ă đ ơ ư and most tones there). Once other cells of the
    file were TCVN3 (``tcvn3_seen``), a cell is too when it has a TCVN3 letter that is no
    Vietnamese letter in Unicode ('Sè chøng tõ': ø), even without a symbol."""
    if text.isascii() or max(text) > "\xff":
        return text, None
    if _VNI_SIGN.search(text):
        converted = unicodedata.normalize("NFC", _VNI_RUN.sub(lambda m: _VNI[m.group(0)], text))
        if only_vietnamese(converted):
            return converted, VNI
    if _TCVN3_SIGN.search(text) or tcvn3_seen and _TCVN3_LETTER.search(text):
        converted = unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))
        if only_vietnamese(converted):
            return converted, TCVN3
    return text, None


def sniff(sample: bytes) -> str | None:
    """'tcvn3' or 'vni' when a text file's bytes are Vietnamese in one of the old fonts: its
    sample read as Latin-1 converts whole to Vietnamese letters."""
    text = sample.decode("latin-1")
    _, legacy = convert(text)
    return {TCVN3: "tcvn3", VNI: "vni"}.get(legacy)


def decode_line(codec: str):
    """A function converting one Latin-1 line of a ``codec`` ('tcvn3', 'vni') file."""
    if CODECS[codec] == TCVN3:
        return lambda line: unicodedata.normalize("NFC", line.translate(_TCVN3_TABLE))
    return lambda line: unicodedata.normalize(
        "NFC", _VNI_RUN.sub(lambda m: _VNI[m.group(0)], line))


def decode(data: bytes, codec: str) -> str:
    """Bytes of a text file in any codec this package reads, the old fonts included."""
    if codec in CODECS:
        return decode_line(codec)(data.decode("latin-1"))
    return data.decode(codec, errors="ignore")
