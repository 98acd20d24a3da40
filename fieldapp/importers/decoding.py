"""Bytes of a text export to str: the encoding chosen, strictly, then NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata

# Strict codecs go first: a wrong guess among them fails loudly. cp1258 maps all but nine byte
# values, so it "decodes" Big5 or GB text too; it is only accepted when the text looks Vietnamese.
# gb18030 in turn decodes most byte pairs (Vietnamese "ô" + "n" is a valid GBK pair), which is
# why cp1258 is judged before the CJK codecs and not after them.
ORDER = ("utf-8-sig", "cp1258", "cp950", "big5hkscs", "gb18030")
SAMPLE = 256 * 1024

# Letters of Vietnamese after NFC (both cases), the đồng sign and the punctuation cp1258 adds.
_VI_LOWER = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợ"
             "uùúủũụưừứửữựyỳýỷỹỵđ")
_VI = set(_VI_LOWER + _VI_LOWER.upper() + "₫“”‘’–—…•€")
# Beyond Latin-1 (ă đ ơ ư ĩ ũ, hook-above and dot-below tones, two marks as in ễ ố ầ): letters
# no other language written in Windows code pages uses.
_VI_ONLY = {ch for ch in _VI if ch.isalpha() and ord(ch) > 0xFF}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def looks_vietnamese(text: str) -> bool:
    """Nearly every non-ASCII character is a Vietnamese letter, and some are letters no other
    Latin script uses (ă đ ơ ư, hook-above and dot-below tones). Big5 or GB bytes read as cp1258
    give mostly ¤ ¥ § ª « ° ± ¿ Ä Å Æ Ç… instead, and a tone mark left uncomposed after NFC
    (on a consonant) is not Vietnamese either."""
    others = _NON_ASCII.findall(unicodedata.normalize("NFC", text))
    if not others:
        return False
    fitting = sum(1 for ch in others if ch in _VI)
    return fitting >= 0.95 * len(others) and any(ch in _VI_ONLY for ch in others)


def only_vietnamese(text: str) -> bool:
    """Every character beyond ASCII is a Vietnamese letter (or the punctuation above)."""
    return all(ch in _VI for ch in _NON_ASCII.findall(text))


def _decodes(chunks, codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        for chunk in chunks():
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def is_binary(sample: bytes) -> bool:
    """NUL bytes, or many C0 control bytes, never occur in a CSV an accounting system writes."""
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def choose_encoding(chunks, sample: bytes, prefer=(), score=None, legacy=None) -> str | None:
    """The codec that decodes the whole file (``chunks()`` yields its bytes again each call).

    ``prefer`` (a source's hint) goes first; ``legacy`` may name a pseudo-codec of the old
    Vietnamese fonts from the sample. Among the CJK codecs that all decode the file, the
    one whose sample holds most known header words (``score``) wins: a short GB file can be valid
    cp950 too, and only the words tell which reading is meant."""
    if sample.startswith(codecs.BOM_UTF8) or _decodes(chunks, "utf-8"):
        return "utf-8-sig"
    order = list(dict.fromkeys([*prefer, *ORDER]))
    order.remove("utf-8-sig")
    if "cp1258" in order:
        order.remove("cp1258")
        if _decodes(chunks, "cp1258") and looks_vietnamese(_nfc(sample, "cp1258")):
            return "cp1258"
    # Bytes of the old Vietnamese fonts (legacy.sniff) before the CJK codecs, which would
    # decode them as nonsense.
    cjk = {"cp950", "big5hkscs", "gb18030"}.intersection(prefer)
    found = legacy(sample) if legacy and not cjk else None
    if found:
        return found
    fitting = [c for c in order if _decodes(chunks, c)]
    if not fitting:
        return None
    if score is None or len(fitting) == 1:
        return fitting[0]
    best = max(score(_nfc(sample, c)) for c in fitting)
    return next(c for c in fitting if score(_nfc(sample, c)) == best)


def _nfc(sample: bytes, codec: str) -> str:
    return unicodedata.normalize("NFC", sample.decode(codec, errors="ignore"))


_QUESTION = re.compile(r"\w\?+\w")


def lost_letters(text: str) -> bool:
    """Excel's plain 'CSV' replaces letters its code page lacks with '?': 'Nguy?n'."""
    return _QUESTION.search(text) is not None
