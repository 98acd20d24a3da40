"""Paragraph styles, colours and sizes shared by every document."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from .fonts import LATIN, LATIN_BOLD, markup, register

PAGE = A4
MARGIN = 16 * mm
TOP = 30 * mm  # room for the letterhead drawn on every page
BOTTOM = 18 * mm
WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#9aa0a6")
SHADE = colors.HexColor("#eef1f4")
ACCENT = colors.HexColor("#1f4e79")
WARN = colors.HexColor("#b3261e")

_BASE = dict(fontName=LATIN, fontSize=9, leading=12, textColor=INK)


def _style(name: str, **changes) -> ParagraphStyle:
    return ParagraphStyle(name, **{**_BASE, **changes})


_BOLD = dict(fontName=LATIN_BOLD)
_SMALL = dict(fontSize=7.5, leading=9.5, textColor=MUTED)
STYLES = {
    "body": _style("body", spaceAfter=3),
    "small": _style("small", **_SMALL),
    "cell": _style("cell", leading=11),
    "cell_right": _style("cell_right", leading=11, alignment=TA_RIGHT),
    "label": _style("label", fontSize=8, leading=11, textColor=MUTED),
    "head": _style("head", **_BOLD, fontSize=8, leading=10),
    "head_right": _style("head_right", **_BOLD, fontSize=8, leading=10, alignment=TA_RIGHT),
    "strong": _style("strong", **_BOLD),
    "strong_right": _style("strong_right", **_BOLD, alignment=TA_RIGHT),
    # keepWithNext: a heading never ends a page without what it heads.
    "heading": _style("heading", **_BOLD, fontSize=10.5, leading=14, textColor=ACCENT,
                      spaceBefore=8, spaceAfter=4, keepWithNext=1),
    "title": _style("title", **_BOLD, fontSize=15, leading=19, alignment=TA_CENTER, spaceAfter=2),
    "subtitle": _style("subtitle", alignment=TA_CENTER, spaceAfter=8),
    "big": _style("big", **_BOLD, fontSize=14, leading=18, alignment=TA_LEFT),
    "center": _style("center", alignment=TA_CENTER),
    "center_small": _style("center_small", **_SMALL, alignment=TA_CENTER),
    "warn": _style("warn", **_BOLD, fontSize=8, leading=10, textColor=WARN),
}


def p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped, NFC, CJK runs in the CJK face)."""
    register()
    return Paragraph(markup(str(text)), STYLES[style])
