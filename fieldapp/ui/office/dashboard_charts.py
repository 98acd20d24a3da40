"""The dashboard's charts (pyqtgraph): money, visits and calls, promises, aging over time."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtWidgets import QTabWidget

from ...domain.enums import AgingBucket
from ...domain.money import minor_units
from .. import formats
from ..labels import label
from ..views.common import Retranslating

_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")
_PROMISES = ("promises_kept", "promises_partial", "promises_broken", "promises_open")


def _epoch(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()


def _major(minor: int, currency: str) -> float:
    # Chart coordinates only: the figures themselves stay integers and Decimals.
    return float(Decimal(minor).scaleb(-minor_units(currency)))


class _Amounts(pg.AxisItem):
    """Values in the window's number notation (900.000.000, not 9e+08): people read amounts."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        digits = 0 if spacing * scale >= 1 else 2
        return [formats.number(round(v * scale, digits)) for v in values]


class DashboardCharts(Retranslating, QTabWidget):
    """One tab per chart; ``show_board`` draws a scope and currency of a Dashboard."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("DashboardCharts")
        self.money = self._plot(dates=True)
        self.contacts = self._plot(dates=True)
        self.promises = self._plot(dates=False)
        self.aging = self._plot(dates=True)
        for plot in (self.money, self.contacts, self.promises, self.aging):
            self.addTab(plot, "")
        self._shown = None
        self.retranslate_ui()

    def _plot(self, dates: bool) -> pg.PlotWidget:
        axis = {"left": _Amounts("left")}
        if dates:
            axis["bottom"] = pg.DateAxisItem(utcOffset=0)
        plot = pg.PlotWidget(self, background="w", axisItems=axis)
        plot.showGrid(x=True, y=True, alpha=0.3)
        plot.addLegend(offset=(10, 10))
        return plot

    def show_board(self, board, scope: str, currency: str | None) -> None:
        self._shown = (board, scope, currency)
        for plot in (self.money, self.contacts, self.promises, self.aging):
            plot.clear()
        if board is None:
            return
        self._draw_money(board, scope, currency)
        self._draw_contacts(board, scope)
        self._draw_promises(board, scope)
        self._draw_aging(board, scope, currency)

    def _draw_money(self, board, scope, currency) -> None:
        days = [(d, m) for s, c, d, m in board.collected_per_day if s == scope and c == currency]
        if days:
            self.money.addItem(pg.BarGraphItem(
                x=[_epoch(d) for d, _ in days], height=[_major(m, currency) for _, m in days],
                width=86400 * 0.8, brush=_COLOURS[0], name=self.tr("Money collected")))

    def _draw_contacts(self, board, scope) -> None:
        rows = [(d, v, c) for s, d, v, c in board.contacts_per_day if s == scope]
        if rows:
            x = [_epoch(d) for d, _, _ in rows]
            self.contacts.plot(x, [v for _, v, _ in rows], pen=pg.mkPen(_COLOURS[0], width=2),
                               symbol="o", symbolBrush=_COLOURS[0], name=self.tr("Visits"))
            self.contacts.plot(x, [c for _, _, c in rows], pen=pg.mkPen(_COLOURS[1], width=2),
                               symbol="t", symbolBrush=_COLOURS[1], name=self.tr("Calls"))

    def _draw_promises(self, board, scope) -> None:
        shares = {f.name: f.value for f in board.figures
                  if f.scope == scope and f.name in _PROMISES}
        names = (self.tr("Kept"), self.tr("Partially kept"), self.tr("Broken"),
                 self.tr("Still open"))
        for n, name in enumerate(_PROMISES):
            value = shares.get(name)
            self.promises.addItem(pg.BarGraphItem(
                x=[n], height=[float(value or 0)], width=0.7, brush=_COLOURS[n], name=names[n]))
        self.promises.getAxis("bottom").setTicks([list(enumerate(names))])
        self.promises.setLabel("left", "%")

    def _draw_aging(self, board, scope, currency) -> None:
        held: dict[AgingBucket, dict[date, int]] = {b: {} for b in AgingBucket}
        for f in board.figures:
            if f.name == "aging" and f.scope == scope and f.currency == currency:
                bucket, _, day = f.detail.partition(" on ")
                held[AgingBucket(bucket)][date.fromisoformat(day)] = f.value
        for n, (bucket, points) in enumerate(held.items()):
            if points:
                days = sorted(points)
                self.aging.plot([_epoch(d) for d in days],
                                [_major(points[d], currency) for d in days],
                                pen=pg.mkPen(_COLOURS[n], width=2), symbol="o",
                                symbolBrush=_COLOURS[n], name=label(bucket))

    def current_plot(self) -> pg.PlotWidget:
        return self.currentWidget()

    def export_png(self, path: Path, width: int = 1200) -> None:
        """The chart on show as a PNG, drawn from its scene (also when the tab was never on
        screen), written under a temporary name then renamed."""
        exporter = ImageExporter(self.current_plot().getPlotItem())
        exporter.parameters()["width"] = width
        part = path.with_name(path.name + ".part.png")
        exporter.export(str(part))
        if not part.exists():
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        part.replace(path)

    def retranslate_ui(self) -> None:
        for n, title in enumerate((self.tr("Money collected per day"),
                                   self.tr("Visits and calls"), self.tr("Promises"),
                                   self.tr("Aging over time"))):
            self.setTabText(n, title)
        if self._shown is not None:  # the legends' words
            self.show_board(*self._shown)
