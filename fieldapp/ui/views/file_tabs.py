"""The table tabs of a customer's file: invoices with totals, deliveries with a warning banner."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ...domain.records import CustomerFile
from .. import formats
from ..models.file_tables import DeliveryTableModel
from ..models.invoices import InvoiceTableModel
from .common import Banner, EmptyState, Retranslating, make_table


class TableTab(Retranslating, QWidget):
    """A table over one model, with an empty state when it has no rows.

    ``empty_text`` is a source text marked with QT_TRANSLATE_NOOP in the "FileTabs" context.
    """

    def __init__(self, model, empty_text: str, stretch_column: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        model.setParent(self)
        self._empty_source = empty_text
        self.table = make_table(model, self, stretch_column)
        self.empty = EmptyState()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 6, 4, 4)
        self._layout.addWidget(self.table, 1)
        self._layout.addWidget(self.empty, 1)
        model.modelReset.connect(self._update_empty)
        self._update_empty()
        TableTab.retranslate_ui(self)  # subclasses finish building first, then retranslate

    def _update_empty(self) -> None:
        rows = self.model.rowCount()
        self.table.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)

    def show_default_empty_text(self) -> None:
        self.empty.setText(QCoreApplication.translate("FileTabs", self._empty_source))

    def retranslate_ui(self) -> None:
        self.show_default_empty_text()
        self.model.retranslate()


class InvoicesTab(TableTab):
    """Invoices, open ones only by default, with amount and open balance per currency below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(InvoiceTableModel(), QT_TRANSLATE_NOOP("FileTabs", "No invoices"),
                         parent=parent)
        self.open_only = QCheckBox()
        self.open_only.setChecked(self.model.open_only)
        self.open_only.toggled.connect(self.model.set_open_only)
        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._layout.insertWidget(0, self.open_only)
        self._layout.addWidget(self.totals)
        self.model.modelReset.connect(self._update_totals)
        self.model.modelReset.connect(self._update_empty_text)
        self.retranslate_ui()

    def _update_empty_text(self) -> None:
        # An empty filtered list must not read as "this customer never had an invoice".
        if self.model.hidden_rows:
            self.empty.setText(self.tr("No open invoices: everything is paid.\n"
                                       "Untick “Open invoices only” to see the paid ones."))
        else:
            self.show_default_empty_text()

    def set_file(self, file: CustomerFile) -> None:
        self.model.set_file(file)

    def _update_totals(self) -> None:
        lines = [self.tr("%1: amount %2 · open balance %3")
                 .replace("%1", currency).replace("%2", formats.money(amount))
                 .replace("%3", f"<b>{formats.money(balance)}</b>")
                 for currency, (amount, balance) in self.model.totals().items()]
        self.totals.setText("<br>".join(lines))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.open_only.setText(self.tr("Open invoices only"))
        self._update_totals()
        self._update_empty_text()


BANNER_DETAILS = 3  # mismatched deliveries spelled out in the banner


class DeliveriesTab(TableTab):
    """Deliveries; mismatched ones are highlighted and announced in a banner (seed 000)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(DeliveryTableModel(),
                         QT_TRANSLATE_NOOP("FileTabs", "No deliveries"),
                         stretch_column=DeliveryTableModel.DISCREPANCY,
                         parent=parent)
        self.banner = Banner()
        self._layout.insertWidget(0, self.banner)
        self.model.modelReset.connect(self._update_banner)
        self.retranslate_ui()

    def mismatched(self) -> list:
        return [d for d in self.model.records() if d.has_discrepancy]

    def _update_banner(self) -> None:
        bad = self.mismatched()
        n = len(bad)
        self.banner.setVisible(n > 0)
        # An explicit context: self.tr() would look under a subclass's name (the visit
        # window's DeliveriesPanel) and find no plural forms there ("1 deliveries").
        headline = "⚠ " + formats.counted(QCoreApplication.translate(
            "DeliveriesTab",
            "%n deliveries don't match the contract — check them before talking about money",
            "", n), n)
        # The table elides long notes; the banner spells out the first few in full.
        details = [self._detail(d) for d in bad[:BANNER_DETAILS]]
        if n > BANNER_DETAILS:
            details.append("…")
        self.banner.setText("\n".join([headline, *details]))

    def _detail(self, delivery) -> str:
        quantities = QCoreApplication.translate("DeliveriesTab", "ordered %1, delivered %2") \
            .replace("%1", formats.number(delivery.ordered_qty)) \
            .replace("%2", formats.number(delivery.delivered_qty))
        what = delivery.discrepancy or quantities
        return f"• {delivery.note_number} ({formats.day(delivery.delivered_on)}): {what}"

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._update_banner()
