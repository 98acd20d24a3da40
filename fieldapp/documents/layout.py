"""Shared page furniture: letterhead, footer with "page n of N", tables, the build to bytes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph, Table,
                                TableStyle)

from . import fonts
from .model import Company
from .styles import BOTTOM, INK, MARGIN, MUTED, PAGE, RULE, SHADE, TOP, WARN, WIDTH, p
from .words import word


class KeepShort(KeepTogether):
    """Keeps a block on one page when it fits on one; a block taller than a page (a long note
    typed on site) starts where it stands instead of leaving half a page blank."""

    def split(self, aW, aH):
        frame = getattr(self, "_frame", None)
        if frame is not None and aH > frame._height / 4 and self._tall(aW, aH) > frame._height:
            return list(self._content)
        return super().split(aW, aH)

    def _tall(self, aW, aH) -> float:
        """The content's height; a block kept together inside counts as its own height (its
        wrap claims a page's worth to force a split)."""
        total = 0.0
        for flowable in self._content:
            _w, height = flowable.wrapOn(self.canv, aW, aH)
            if isinstance(flowable, KeepTogether):
                height = flowable._H
            total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return total


@dataclass(frozen=True)
class Letterhead:
    """What every page of one document shows around its body, and the PDF metadata."""

    company: Company
    title: str
    number: str
    footer: str
    language: str
    development: bool = False
    keywords: str = ""  # the QR payload of record documents, for offline verification
    author: str = ""


@dataclass(frozen=True)
class Part:
    """One document: its story and the letterhead of its pages (a batch prints several)."""

    story: list
    head: Letterhead


@dataclass(frozen=True)
class Built:
    """A PDF of parts: its bytes, its page count and the first page (1-based) of each part."""

    data: bytes
    pages: int
    starts: tuple[int, ...]


def build(story: list[Flowable], head: Letterhead) -> bytes:
    """Lay ``story`` out on A4 pages under ``head``; returns the (unsigned) PDF."""
    return build_parts([Part(story, head)], head).data


def build_parts(parts: list[Part], meta: Letterhead,
                started: Callable[[int], None] | None = None) -> Built:
    """``parts`` one after the other in one PDF, each from a new page under its own letterhead
    and footer, its pages numbered on their own ("page 2 of 3" counts the part's pages);
    ``meta`` gives the file's title and language. ``started(i)`` is called as part ``i`` is laid
    out (progress; raising there stops the build)."""
    fonts.register()
    buf = BytesIO()
    doc = BaseDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=TOP, bottomMargin=BOTTOM, title=fonts.nfc(meta.title),
                          author=fonts.nfc(meta.author), subject=fonts.nfc(meta.number),
                          keywords=meta.keywords, creator="fieldapp",
                          lang=meta.language.replace("_", "-"), initialFontName=fonts.LATIN)
    doc.keepTogetherClass = KeepShort  # a heading stays with what follows, however long
    # No frame padding: tables span exactly WIDTH, aligned with the letterhead's rule.
    frame = Frame(MARGIN, BOTTOM, WIDTH, PAGE[1] - TOP - BOTTOM, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(f"part{i}", [frame], onPage=partial(_letterhead, part.head))
                          for i, part in enumerate(parts)])
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        if i:  # each part on a new page, under its own letterhead
            story += [NextPageTemplate(f"part{i}"), PageBreak()]
        story += [_PartStart(i, started), *part.story]
    canvases: list[_NumberedCanvas] = []
    doc.build(story, canvasmaker=partial(_NumberedCanvas, heads=[p.head for p in parts],
                                         made=canvases))
    parts_of_pages = canvases[-1].parts_of_pages
    starts = tuple(parts_of_pages.index(i) + 1 for i in range(len(parts)))
    return Built(buf.getvalue(), len(parts_of_pages), starts)


class _PartStart(Flowable):
    """Takes no room: tells the canvas which part its pages belong to from here on."""

    def __init__(self, index: int, started: Callable[[int], None] | None):
        super().__init__()
        self.index, self.started = index, started

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        self.canv.part = self.index
        if self.started is not None:
            self.started(self.index)


def _fit(text: str, size: float, bold: bool, room: float) -> float:
    """The largest size up to ``size`` at which ``text`` fits in ``room`` points."""
    wide = fonts.width(text, size, bold)
    return size if wide <= room else max(5.5, size * room / wide)


def _letterhead(head: Letterhead, canvas: Canvas, _doc) -> None:
    canvas.saveState()
    top = PAGE[1] - 14 * 2.8346
    right = PAGE[0] - MARGIN
    canvas.setFillColor(INK)
    title_w = fonts.draw(canvas, right, top, head.title, 9, bold=True, align="right")
    canvas.setFillColor(MUTED)
    number_w = fonts.draw(canvas, right, top - 12, head.number, 7.5, align="right")
    company = head.company
    canvas.setFillColor(INK)
    name_room = WIDTH - title_w - 16
    size = _fit(company.name, 11, True, name_room)
    fonts.draw(canvas, MARGIN, top, company.name, size, bold=True)
    details = " · ".join(x for x in (company.address, _tagged("tax_code", company.tax_code, head),
                                     _tagged("phone", company.phone, head)) if x)
    canvas.setFillColor(MUTED)
    fonts.draw(canvas, MARGIN, top - 12, details, _fit(details, 7.5, False, WIDTH - number_w - 16))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 19, right, top - 19)
    canvas.restoreState()


def _tagged(key: str, value: str, head: Letterhead) -> str:
    return f"{word(key, head.language)}: {value}" if value else ""


class _NumberedCanvas(Canvas):
    """Holds every page until the end, so each footer can say how many pages its part has."""

    def __init__(self, *args, heads: list[Letterhead], made: list, **kwargs):
        super().__init__(*args, **kwargs)
        self._heads = heads
        self._pages: list[dict] = []
        self.part = 0  # set by _PartStart; each page keeps the part it was drawn for
        self.parts_of_pages: list[int] = []
        made.append(self)

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        parts = [state["part"] for state in self._pages]
        totals, seen = Counter(parts), Counter()
        for state, part in zip(self._pages, parts):
            self.__dict__.update(state)  # (restores an empty parts_of_pages: set after)
            seen[part] += 1
            self._footer(self._heads[part], seen[part], totals[part])
            super().showPage()
        super().save()
        self.parts_of_pages = parts

    def _footer(self, head: Letterhead, n: int, total: int) -> None:
        y = BOTTOM - 10 * 2.8346
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(MARGIN, y + 10, PAGE[0] - MARGIN, y + 10)
        self.setFillColor(MUTED)
        fonts.draw(self, MARGIN, y, head.footer, 7)
        fonts.draw(self, PAGE[0] - MARGIN, y, word("page", head.language, n=n, total=total), 7,
                   align="right")
        if head.development:  # its own line: long in Vietnamese, it would run into the number
            self.setFillColor(WARN)
            fonts.draw(self, PAGE[0] / 2, y - 9, word("development", head.language), 7, bold=True,
                       align="center")
        self.restoreState()


def _cell(value, style: str):
    return value if isinstance(value, Flowable) else p(value, style)


def table(header: list[str], rows: list[list], widths: list[float], right: tuple[int, ...] = (),
          total: list | None = None) -> Table:
    """A grid with a shaded header (repeated on every page), right-aligned amount columns and
    an optional bold total line."""
    cols = range(len(widths))
    data = [[_cell(h, "head_right" if c in right else "head") for c, h in zip(cols, header)]]
    data += [[_cell(v, "cell_right" if c in right else "cell") for c, v in zip(cols, row)]
             for row in rows]
    if total is not None:
        data.append([_cell(v, "strong_right" if c in right else "strong")
                     for c, v in zip(cols, total)])
    style = [("GRID", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    if total is not None:
        style.append(("BACKGROUND", (0, -1), (-1, -1), SHADE))
        # The total's caption spans the empty cells after it instead of wrapping in column one.
        span = next((c for c in range(1, len(total)) if total[c] != ""), len(total)) - 1
        if span:
            style.append(("SPAN", (0, -1), (span, -1)))
    # splitInRow: a row taller than a page (a long reason) continues on the next one.
    return Table(data, colWidths=[w * WIDTH for w in widths], repeatRows=1,
                 style=TableStyle(style), hAlign="LEFT", splitInRow=1)


def fields(rows, pairs: int = 1, label_share: float = 0.3, width: float = 1.0) -> Table:
    """Label/value rows, ``pairs`` of them side by side on each line, ``width`` of the frame."""
    cells = [_cell(x, s) for label, value in rows for x, s in ((label, "label"), (value, "cell"))]
    per_line = 2 * pairs
    data = [cells[i:i + per_line] for i in range(0, len(cells), per_line)]
    if data and len(data[-1]) < per_line:
        data[-1] += [""] * (per_line - len(data[-1]))
    share = width / pairs
    widths = [w * WIDTH for _ in range(pairs)
              for w in (share * label_share, share * (1 - label_share))]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
             ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE)]
    # splitInRow: a value taller than a page (a long note) continues on the next page.
    return Table(data, colWidths=widths, style=TableStyle(style), hAlign="LEFT", splitInRow=1)


def heading(text: str) -> Paragraph:
    return p(text, "heading")
