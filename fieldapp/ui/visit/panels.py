"""Read-only panels of the Prepare step: deliveries against the contract, and earlier outcomes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import formats
from ..labels import label
from ..models.invoices import InvoiceTableModel
from ..models.visit_history import EarlierOutcomesModel, earlier_outcomes
from ..views.common import Retranslating, fit_columns, make_table
from ..views.file_tabs import DeliveriesTab
from .setup import VisitSetup

TABLE_ROWS = 5  # rows visible before a panel's table scrolls; the step stays one screen


def _fit_height(table, rows: int) -> None:
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + table.verticalHeader().defaultSectionSize() * rows + 4)


class DeliveriesPanel(DeliveriesTab):
    """The customer's deliveries, mismatches amber and spelled out (seed 000)."""

    def __init__(self, setup: VisitSetup, parent: QWidget | None = None):
        super().__init__(parent)
        self.model.set_records(setup.file.deliveries)
        _fit_height(self.table, TABLE_ROWS)


class AccountPanel(Retranslating, QWidget):
    """Open invoices with due dates and the last payment (seed 003: amounts, dates, history)."""

    def __init__(self, setup: VisitSetup, parent: QWidget | None = None):
        super().__init__(parent)
        self._setup = setup
        self.invoices = InvoiceTableModel(self)
        self.invoices.set_file(setup.file)
        self.caption, self.last_payment = QLabel(), QLabel()
        table = make_table(self.invoices, self)
        fit_columns(table)  # the file was set before the table existed: no reset to fit on
        _fit_height(table, TABLE_ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.caption, table, self.last_payment):
            layout.addWidget(widget)
        self.retranslate_ui()

    def set_setup(self, setup: VisitSetup) -> None:
        """Balances changed in the store (another window took money)."""
        self._setup = setup
        self.invoices.set_file(setup.file)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText("<b>" + self.tr("Open invoices") + "</b>")
        payments = sorted(self._setup.file.payments, key=lambda p: p.paid_on)
        if payments:
            last = payments[-1]
            self.last_payment.setText(self.tr("Last payment: %1, %2 (%3)")
                                      .replace("%1", formats.day(last.paid_on))
                                      .replace("%2", formats.money(last.amount))
                                      .replace("%3", label(last.method)))
        else:
            self.last_payment.setText(self.tr("No payments recorded."))
        self.invoices.retranslate()


class HistoryPanel(Retranslating, QWidget):
    """Earlier visits' outcomes and where each stands now, kept promises included."""

    def __init__(self, setup: VisitSetup, parent: QWidget | None = None):
        super().__init__(parent)
        self.outcomes = EarlierOutcomesModel(setup.invoice_numbers(), self)
        self.outcomes.set_records(earlier_outcomes(setup.history, list(setup.follow_ups),
                                                   setup.promises))
        self.caption, self.none = QLabel(), QLabel()
        table = make_table(self.outcomes, self, stretch_column=2)
        fit_columns(table)
        _fit_height(table, TABLE_ROWS)
        table.setVisible(self.outcomes.rowCount() > 0)
        self.none.setVisible(self.outcomes.rowCount() == 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.caption, table, self.none):
            layout.addWidget(widget)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText("<b>" + self.tr("Earlier visits, calls and promises") + "</b>")
        self.none.setText(self.tr("No earlier visits or calls recorded."))
        self.outcomes.retranslate()
