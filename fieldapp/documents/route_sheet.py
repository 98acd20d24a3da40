"""The route sheet: a collector's stops of one day on paper, in the collector's language."""

# A working paper the collector carries and writes on, not evidence: it is not signed (the
# visit records made on the laptop are).

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ..domain.money import totals_by_currency
from ..i18n.formatting import format_date, format_number
from . import layout, parts
from .fonts import markup
from .route_words import word
from .styles import STYLES, p

# Room to write in the notes column: a few words and a signature.
NOTE_HEIGHT = 16 * mm
_WIDTHS = [.06, .07, .29, .20, .07, .14, .17]


def build(sheet) -> bytes:
    """The PDF of ``sheet`` (services.office.routes.RouteSheet), unsigned."""
    lang = sheet.collector.language
    title = word("route_sheet", lang)
    day = format_date(sheet.day, lang, "full")
    story = [p(title.upper() if lang in ("vi", "en") else title, "title"),
             p(f"{sheet.collector.name} · {day}", "subtitle"), _who(sheet, day)]
    story += [Spacer(1, 6), _stops(sheet)] if sheet.stops else [Spacer(1, 6), p(word("none", lang))]
    story += [Spacer(1, 8), p(word("working_paper", lang), "small")]
    head = layout.Letterhead(sheet.company, title, day, f"{title} · {sheet.collector.name} · {day}",
                             lang, author=sheet.collector.name)
    return layout.build(story, head)


def _who(sheet, day: str) -> Table:
    lang, c = sheet.collector.language, sheet.collector
    collector = f"{c.name} · {c.phone}" if c.phone else c.name
    return layout.fields([(word("collector", lang), collector), (word("day", lang), day),
                          (word("stops", lang), format_number(len(sheet.stops), lang))],
                         label_share=0.22)


def _stops(sheet) -> Table:
    lang = sheet.collector.language
    w = lambda key: word(key, lang)  # noqa: E731
    rows = [[format_number(line.stop.seq, lang), _time(line.stop.planned_time),
             _customer(line), "\n".join(parts.money(m, lang) for m in line.stop.customer.overdue),
             format_number(line.stop.customer.max_days_late, lang) if line.stop.customer.overdue
             else "", line.stop.purpose, _room()] for line in sheet.stops]
    overdue = totals_by_currency(m for line in sheet.stops for m in line.stop.customer.overdue)
    total = [w("total"), "", "", "\n".join(parts.money(m, lang) for m in overdue.values()), "",
             "", ""] if overdue else None
    return layout.table([w("no"), w("time"), w("customer"), w("overdue"), w("days_late"),
                         w("objective"), w("notes")], rows, _WIDTHS, right=(3, 4), total=total)


def _customer(line) -> Paragraph:
    """Name (bold) and code, address, and whom to ask for with their phone."""
    c = line.stop.customer
    person = " · ".join(x for x in (line.contact, line.phone) if x)
    lines = [f"<b>{markup(c.name)}</b> ({markup(c.code)})"]
    lines += [markup(x) for x in (line.address, person) if x]
    return Paragraph("<br/>".join(lines), STYLES["cell"])


def _time(value) -> str:
    # 24-hour HH:MM in every language: "上午10:45" would not fit the column, and the window
    # plans in HH:MM too.
    return value.strftime("%H:%M") if value else ""


def _room() -> Flowable:
    return Spacer(1, NOTE_HEIGHT)
