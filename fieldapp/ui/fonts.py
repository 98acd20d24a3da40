"""Fonts that cover Vietnamese and Chinese: a CJK-capable family first, Latin faces after."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase

# Put the CJK face first: Qt's automatic fallback picks the Japanese glyph shapes, and a
# family list led by a Latin face caches its fallback per process (notes/platform.md §2).
# All of these CJK faces also carry Latin and Vietnamese glyphs.
_TRADITIONAL = ("Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC")
_SIMPLIFIED = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC")
_PAN_CJK = ("WenQuanYi Micro Hei", "Droid Sans Fallback")
_LATIN = ("Noto Sans", "DejaVu Sans")


def preferred_families(language: str) -> tuple[str, ...]:
    """Families in order of preference for text in ``language`` ('vi', 'zh_TW', 'zh_CN', 'en')."""
    regional = _SIMPLIFIED + _TRADITIONAL if language == "zh_CN" else _TRADITIONAL + _SIMPLIFIED
    return regional + _PAN_CJK + _LATIN


def choose_families(language: str, available: Iterable[str]) -> list[str]:
    """The installed families for ``language``: the first CJK-capable one leads the list."""
    installed = set(available)
    return [family for family in preferred_families(language) if family in installed]


def font_for(language: str, point_size: float | None = None, bold: bool = False) -> QFont:
    """A font whose glyphs fit text in ``language`` (customer names in their own script)."""
    font = QFont()
    families = choose_families(language, QFontDatabase.families())
    if families:
        font.setFamilies(families)
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
