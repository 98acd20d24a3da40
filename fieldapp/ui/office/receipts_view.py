"""The office's Money to confirm: receipts of money taken on site, to confirm or void."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from .. import formats
from ..error_text import describe
from ..views.common import Retranslating

COLUMNS = 8
RIGHT = (1, 4)  # age and amount: figures line up
SHOWN = 2000  # rows read at most (years of confirmed receipts stay in the database)
STATES = ("pending", "confirmed", "matched", "voided", None)


class ReceiptsView(Retranslating, QWidget):
    """Needs of ``window`` only ``services``, ``taskman``, ``changed`` and ``publish``."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("ReceiptsView")
        self.window_ = window
        self._receipts, self._pending, self._more = [], 0, False
        self.state = QComboBox(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("receiptsCount")
        self.count_label.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.confirm_button, self.confirm_all_button = QPushButton(self), QPushButton(self)
        self.void_button = QPushButton(self)
        self.detail = QLabel(self)
        self.detail.setObjectName("receiptDetail")
        self.detail.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("receiptProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        self.ask, self.void_dialog = None, None
        self._build()
        self.state.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.confirm_all_button.clicked.connect(self.ask_confirm_all)
        self.void_button.clicked.connect(self.ask_void)
        window.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.reload()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addWidget(self.count_label, 1)
        buttons = QHBoxLayout()
        for part in (self.confirm_button, self.confirm_all_button, self.void_button):
            buttons.addWidget(part)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)

    # -- loading ------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        if changes.source is not self and (changes.payments or changes.all_customers):
            self.reload()

    def reload(self) -> None:
        service, state = self.window_.services.receipts, STATES[max(self.state.currentIndex(), 0)]
        self.window_.taskman.run(lambda: (service.listed(state, SHOWN), service.counts()),
                                 self._show)

    def _show(self, found) -> None:
        receipts, counts = found
        chosen = {r.receipt_no for r in self.selected()}
        self._receipts, self._pending = receipts, counts.get("pending", 0)
        self._more = len(receipts) >= SHOWN
        today = self.window_.services.now().date()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(receipts))
        for row, receipt in enumerate(receipts):
            for column, text in enumerate(self._texts(receipt, today)):
                item = QTableWidgetItem(text)
                if column in RIGHT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if receipt.receipt_no in chosen:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._retext_count()
        self._selection_changed()

    def _texts(self, r, today) -> list[str]:
        who = f"{r.customer_name} ({r.customer_code})" if r.customer_name else r.customer_code
        return [formats.day(r.paid_on), self.tr("%n day(s)", "", r.age_days(today)),
                r.collector or r.device[:8], who, formats.money(r.amount), r.receipt_no,
                self._state_name(r.state), self._said(r)]

    def _said(self, r) -> str:
        if r.state == "matched":
            return self.tr("Accounting: %1 of %2 (%3)").replace("%1", r.match_number).replace(
                "%2", formats.day(r.match_on) if r.match_on else "").replace(
                "%3", r.match_source)
        return r.reason

    def _state_name(self, state: str) -> str:
        return {"pending": self.tr("Pending"), "confirmed": self.tr("Confirmed"),
                "matched": self.tr("Matched"), "voided": self.tr("Voided")}.get(state, state)

    def selected(self) -> list:
        model = self.table.selectionModel()
        rows = sorted({i.row() for i in model.selectedRows()}) if model else []
        return [self._receipts[r] for r in rows if r < len(self._receipts)]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        pending = [r for r in chosen if r.state == "pending"]
        self.confirm_button.setEnabled(bool(pending) and len(pending) == len(chosen))
        self.void_button.setEnabled(len(chosen) == 1 and bool(pending))
        self.confirm_all_button.setEnabled(self._pending > 0)
        self.detail.setText(self._detail(chosen[0]) if len(chosen) == 1 else "")

    def _detail(self, r) -> str:
        """The one chosen receipt: who decided and when, and what it matched."""
        if r.state == "matched":
            return self.tr("Matched automatically with the accounting entry %1 (%2, %3) of "
                           "the same customer and amount.").replace("%1", r.match_number) \
                .replace("%2", r.match_source).replace(
                    "%3", formats.day(r.match_on) if r.match_on else "")
        if r.state in ("confirmed", "voided") and r.state_at is not None:
            return self.tr("%1 by %2 on %3.").replace("%1", self._state_name(r.state)).replace(
                "%2", r.state_by or "-").replace("%3", formats.moment(r.state_at))
        return ""

    # -- acting -------------------------------------------------------------------------------
    def confirm_selected(self) -> None:
        numbers = [r.receipt_no for r in self.selected() if r.state == "pending"]
        if numbers:
            service = self.window_.services.receipts
            self._do(lambda: service.confirm(numbers))

    def ask_confirm_all(self) -> None:
        """"All N": the count the person confirms is the one the service checks."""
        count = self._pending
        self.ask = QMessageBox(QMessageBox.Icon.Question, self.tr("Confirm receipts"),
                               self.tr("Confirm all %n pending receipt(s)?", "", count),
                               QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                               self)
        self.ask.setObjectName("confirmAllBox")
        service = self.window_.services.receipts
        yes = self.ask.button(QMessageBox.StandardButton.Yes)
        self.ask.buttonClicked.connect(lambda b: b is yes and self._do(
            lambda: service.confirm_all_pending(count)))
        self.ask.open()

    def ask_void(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].state != "pending":
            return
        self.void_dialog = VoidDialog(chosen[0], self)
        service, number = self.window_.services.receipts, chosen[0].receipt_no
        self.void_dialog.accepted.connect(lambda: self._do(
            lambda: service.void(number, self.void_dialog.reason())))
        self.void_dialog.open()

    def _do(self, fn) -> None:
        self.problem.hide()
        self.window_.taskman.run(fn, self._done, self._refused)

    def _done(self, done) -> None:
        self.window_.publish(done.changes.from_source(self))
        self.reload()

    def _refused(self, error: BaseException) -> None:
        self.problem.setText(describe(error))
        self.problem.show()
        self.reload()

    # -- text ---------------------------------------------------------------------------------
    def _retext_count(self) -> None:
        self.count_label.setText(
            self.tr("%n receipt(s) of money taken on site wait for confirmation, the oldest "
                    "first. A later accounting import matches them by itself.", "",
                    self._pending) if self._pending
            else self.tr("No money taken on site waits for confirmation."))
        if self._more:
            self.count_label.setText(self.count_label.text() + " " + self.tr(
                "Only the oldest %1 of this list are shown.").replace("%1", formats.number(SHOWN)))

    def retranslate_ui(self) -> None:
        current = max(self.state.currentIndex(), 0)
        self.state.blockSignals(True)
        self.state.clear()
        self.state.addItems([self.tr("Pending"), self.tr("Confirmed"), self.tr("Matched"),
                             self.tr("Voided"), self.tr("All")])
        self.state.setCurrentIndex(current)
        self.state.blockSignals(False)
        self.table.setHorizontalHeaderLabels([
            self.tr("Taken on"), self.tr("Age"), self.tr("Collector"), self.tr("Customer"),
            self.tr("Amount"), self.tr("Receipt"), self.tr("State"), self.tr("Match or reason")])
        self.confirm_button.setText(self.tr("&Confirm selected"))
        self.confirm_all_button.setText(self.tr("Confirm &all pending…"))
        self.void_button.setText(self.tr("&Void…"))
        self._retext_count()
        if self._receipts:
            self._show((self._receipts, {"pending": self._pending}))


class VoidDialog(Retranslating, QDialog):
    """Void one receipt: says which, asks why (required: the collector reads it)."""

    def __init__(self, receipt, parent=None):
        super().__init__(parent)
        self.setObjectName("VoidDialog")
        self.receipt = receipt
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("voidReason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for part in (self.question, self.reason_edit, self.buttons):
            layout.addWidget(part)
        self.retranslate_ui()
        self._check()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))

    def retranslate_ui(self) -> None:
        r = self.receipt
        self.setWindowTitle(self.tr("Void receipt"))
        self.question.setText(self.tr(
            "Void receipt %1: %2 taken from %3 on %4? It will no longer count anywhere, and "
            "the collector's laptop learns of it with the next pack. Say why:")
            .replace("%1", r.receipt_no).replace("%2", formats.money(r.amount))
            .replace("%3", r.customer_name or r.customer_code).replace("%4", formats.day(r.paid_on)))
        self.reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Void"))
