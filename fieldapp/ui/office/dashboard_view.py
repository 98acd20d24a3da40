"""The office's Dashboard tab: a period's figures with their formulas, charts and exports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.kpi import quarter_before
from ...domain.money import Money
from ...services.office import table_export
from .. import formats
from ..date_edit import DateEdit
from ..error_text import describe
from ..views.common import Retranslating
from . import kpi_words
from .dashboard_charts import DashboardCharts

TEAM, UNASSIGNED = "team", "unassigned"  # the service's scope names


class DashboardView(Retranslating, QWidget):
    """Shows ``services.kpis.dashboard`` for the chosen period, scope and currency."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("DashboardView")
        self.window_ = window
        self.board = None
        self._loading = False
        self._preferences = window.preferences
        self.first, self.last = DateEdit(self), DateEdit(self)
        first, last = quarter_before(window.services.portfolio.today())
        self.first.setDate(first)
        self.last.setDate(last)
        self.collector, self.currency = QComboBox(self), QComboBox(self)
        for combo in (self.collector, self.currency):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.labels = [QLabel(self) for _ in range(4)]
        self.show_button = QPushButton(self)
        self.export_table_button, self.export_chart_button = QPushButton(self), QPushButton(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.charts = DashboardCharts(self)
        self._build()
        self.collector.addItem("", TEAM)  # every collector until the figures name them
        self.show_button.clicked.connect(self.reload)
        self.collector.currentIndexChanged.connect(self._chosen)
        self.currency.currentIndexChanged.connect(self._chosen)
        self.export_table_button.clicked.connect(self.export_table)
        self.export_chart_button.clicked.connect(self.export_chart)
        window.changed.connect(self.on_changes)
        self.retranslate_ui()

    def _build(self) -> None:
        bar = QHBoxLayout()
        for label, field in zip(self.labels, (self.first, self.last, self.collector,
                                              self.currency)):
            label.setBuddy(field)
            bar.addWidget(label)
            bar.addWidget(field)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.export_table_button)
        bar.addWidget(self.export_chart_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.charts)
        split.setSizes([520, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    # -- loading ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The default period is read the first time the tab is shown, in the background."""
        super().showEvent(event)
        if self.board is None and not self._loading:
            self.reload()

    def on_changes(self, changes) -> None:
        if changes.source is not self and self.board is not None:
            self.reload()

    def reload(self) -> None:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        kpis = self.window_.services.kpis
        self._loading = True
        self.window_.taskman.run(lambda: (kpis.dashboard(first, last), kpis.currencies()),
                                 self._loaded, self._failed)

    def _failed(self, error) -> None:
        self._loading = False
        self.window_.show_error(error)

    def _loaded(self, result) -> None:
        self._loading = False
        self.board, held = result
        scopes = list(dict.fromkeys(f.scope for f in self.board.figures))
        # The currency with the most open receivables first, then the others the figures name.
        named = {f.currency for f in self.board.figures if f.currency}
        currencies = [c for c in held if c in named] + sorted(named - set(held))
        self._fill(scopes, currencies)
        self._show()

    def _fill(self, scopes: list[str], currencies: list[str]) -> None:
        """The boxes' choices; the one chosen last (kept in the preferences) stays chosen."""
        wanted_scope = self._preferences.dashboard_collector or TEAM
        wanted_currency = self._preferences.dashboard_currency
        for combo in (self.collector, self.currency):
            combo.blockSignals(True)
            combo.clear()
        self.collector.addItem(self.tr("All collectors"), TEAM)
        for scope in scopes:
            if scope != TEAM:
                self.collector.addItem(self.tr("Customers not assigned")
                                       if scope == UNASSIGNED else scope, scope)
        self.currency.addItems(currencies)
        self.collector.setCurrentIndex(max(0, self.collector.findData(wanted_scope)))
        self.currency.setCurrentIndex(max(0, self.currency.findText(wanted_currency)))
        for combo in (self.collector, self.currency):
            combo.blockSignals(False)

    def _chosen(self) -> None:
        """A choice of the person: kept for the next time, and shown."""
        self._preferences.dashboard_collector = self.collector.currentData() or TEAM
        if self.currency.currentText():
            self._preferences.dashboard_currency = self.currency.currentText()
        self._show()

    def scope(self) -> str:
        return self.collector.currentData() or TEAM

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(title, value, formula, variant) of the chosen scope and currency, in order."""
        if self.board is None:
            return []
        cur = self.currency.currentText() or None
        found = {f.name: f for f in self.board.figures if f.scope == self.scope()
                 and f.name in kpi_words.WORDS and (f.currency in (None, cur))}
        return [(kpi_words.title(n), self._value(found[n]), kpi_words.formula(n),
                 kpi_words.variant(n)) for n in kpi_words.WORDS if n in found]

    def _value(self, figure) -> str:
        value, unit = figure.value, figure.definition.unit
        if value is None:
            return "–"
        if unit == "minor":
            return formats.money(Money(int(value), figure.currency))
        if unit == "%":
            return formats.percent(float(value))
        if unit == "days":
            return self.tr("%1 days").replace("%1", formats.number(Decimal(value)))
        return formats.number(int(value))

    def _show(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, (title, value, formula, variant) in enumerate(rows):
            for c, text in enumerate((title, value, variant)):
                item = QTableWidgetItem(text)
                item.setToolTip(formula)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.charts.show_board(self.board, self.scope(), self.currency.currentText() or None)
        for button in (self.export_table_button, self.export_chart_button):
            button.setEnabled(self.board is not None)

    # -- exports ------------------------------------------------------------------------------
    def export_table(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the figures"),
                                              "kpi.xlsx", self.tr("Workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return None
        header = [self.tr("Figure"), self.tr("Value"), self.tr("Formula"), self.tr("Variant")]
        try:
            return table_export.write(Path(path), header, [list(r) for r in self.rows()])
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export the figures"), describe(exc))
            return None

    def export_chart(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the chart"), "chart.png",
                                              self.tr("PNG image (*.png)"))
        if not path:
            return None
        try:
            self.charts.export_png(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export the chart"), describe(exc))
            return None
        return Path(path)

    def retranslate_ui(self) -> None:
        for label, text in zip(self.labels, (self.tr("&From"), self.tr("&To"),
                                             self.tr("&Collector"), self.tr("C&urrency"))):
            label.setText(text)
        self.show_button.setText(self.tr("Show"))
        self.export_table_button.setText(self.tr("Export table…"))
        self.export_chart_button.setText(self.tr("Export chart…"))
        self.table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value"),
                                              self.tr("Variant")])
        if self.board is not None:
            self._fill([self.collector.itemData(i) for i in range(self.collector.count())],
                       [self.currency.itemText(i) for i in range(self.currency.count())])
            self._show()
        else:
            self.collector.setItemText(0, self.tr("All collectors"))
            for button in (self.export_table_button, self.export_chart_button):
                button.setEnabled(False)
