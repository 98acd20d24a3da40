"""Embedded TrueType fonts: Noto Sans for Latin and Vietnamese, WenQuanYi Micro Hei for Chinese."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource_dir

LATIN = "FieldSans"
LATIN_BOLD = "FieldSans-Bold"
CJK = "FieldCJK"
# Shipped with the program (resources/fonts, licences beside them) so every machine draws the
# same glyphs; ReportLab embeds only the subset a document uses.
_FILES = {LATIN: ("NotoSans-Regular.ttf", 0), LATIN_BOLD: ("NotoSans-Bold.ttf", 0),
          CJK: ("wqy-microhei.ttc", 0)}


@lru_cache(maxsize=1)
def register() -> None:
    """Load the fonts once per process (about 0.2 s, mostly the CJK face)."""
    folder = resource_dir() / "fonts"
    for name, (file, index) in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file), subfontIndex=index))
    # <b> in a paragraph picks the bold face; Micro Hei has no bold, so it maps to itself.
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN,
                                  boldItalic=LATIN_BOLD)
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)


@lru_cache(maxsize=1)
def _latin_chars() -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(LATIN).face.charToGlyph)


def nfc(text: str) -> str:
    """ReportLab does not shape text: decomposed Vietnamese would stack its marks wrongly."""
    return unicodedata.normalize("NFC", text)


def runs(text: str) -> list[tuple[bool, str]]:
    """``text`` (NFC) cut into (needs the CJK face, chunk) runs; spaces stay in the current run."""
    latin = _latin_chars()
    result: list[tuple[bool, str]] = []
    for ch in nfc(text):
        cjk = result[-1][0] if ch == " " and result else ord(ch) not in latin
        if result and result[-1][0] == cjk:
            result[-1] = (cjk, result[-1][1] + ch)
        else:
            result.append((cjk, ch))
    return result


def markup(text: str) -> str:
    """Paragraph markup of plain ``text``: escaped, CJK runs switched to the CJK face."""
    parts = []
    for cjk, chunk in runs(text):
        chunk = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font name="{CJK}">{chunk}</font>' if cjk else chunk)
    return "".join(parts)


def _face(cjk: bool, bold: bool) -> str:
    return CJK if cjk else (LATIN_BOLD if bold else LATIN)


def width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(chunk, _face(cjk, bold), size) for cjk, chunk in runs(text))


def draw(canvas, x: float, y: float, text: str, size: float, bold: bool = False,
         align: str = "left") -> float:
    """Draw one line straight on a canvas (headers, footers); returns its width."""
    total = width(text, size, bold)
    x -= {"left": 0, "center": total / 2, "right": total}[align]
    for cjk, chunk in runs(text):
        canvas.setFont(_face(cjk, bold), size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, _face(cjk, bold), size)
    return total
