"""A dispute: the claimed reason, the invoices it concerns, evidence, and the 24-hour deadline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem

from ....domain.visit import Dispute, DisputeReason, OutcomeKind
from ... import formats
from ...kept_texts import fill_choices, relabel_choices
from .card import OutcomeCard
from .evidence import EvidenceList
from .simple_cards import _text_box


class DisputeCard(OutcomeCard):
    """Seed 000/002: listen, record everything, escalate within 24 h; never argue on site."""

    kind = OutcomeKind.DISPUTE

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        self.captured_at = env.setup.now()
        self.reason = self.add_row("reason", lambda: self.tr("Customer's reason"), QComboBox())
        fill_choices(self.reason, DisputeReason)
        self.keep(lambda: relabel_choices(self.reason, DisputeReason))
        self.invoices = self.add_row("invoice_ids", lambda: self.tr("Invoices concerned"), self._make_list())
        self.description = self.add_row("description", lambda: self.tr("What the customer says"),
                                        _text_box(3))
        self.proposal = self.add_row("proposed_resolution",
                                     lambda: self.tr("Customer's proposed resolution"), _text_box(2))
        self.evidence = self.add_row("evidence", lambda: self.tr("Evidence"),
                                     EvidenceList(env.attach, env.attachment_names,
                                                  detach=env.detach))
        self.deadline = QLabel()
        self.form.addRow(self.caption(lambda: self.tr("Escalate by")), self.deadline)
        self._show_deadline()
        self.reason.activated.connect(lambda _i: self.edited("reason"))
        self.invoices.itemChanged.connect(lambda _i: self.edited("invoice_ids"))
        self.description.textChanged.connect(lambda: self.edited("description"))
        self.proposal.textChanged.connect(lambda: self.edited("proposed_resolution"))
        self.evidence.changed.connect(lambda: self.edited("evidence"))

    def _make_list(self) -> QListWidget:
        """Open invoices as check boxes; Space ticks the highlighted one."""
        box = QListWidget()
        for invoice in self.env.setup.context.invoices:
            item = QListWidgetItem(self._item_text(invoice))
            item.setData(Qt.ItemDataRole.UserRole, invoice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            box.addItem(item)
        rows = min(max(box.count(), 1), 5)
        box.setFixedHeight(box.sizeHintForRow(0) * rows + 6 if box.count() else 30)
        return box

    def _item_text(self, invoice) -> str:
        text = f"{invoice.number} — {formats.money(invoice.balance)}"
        return text + ("  (" + self.tr("already disputed") + ")" if invoice.disputed else "")

    def _show_deadline(self) -> None:
        dispute = self.outcome()
        self.deadline.setText(self.tr("%1 — the supervisor must have it within 24 hours")
                              .replace("%1", formats.moment(dispute.deadline)))

    def language_changed(self) -> None:
        self._show_deadline()
        for row, invoice in enumerate(self.env.setup.context.invoices):
            self.invoices.item(row).setText(self._item_text(invoice))

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(self.invoices.item(r).data(Qt.ItemDataRole.UserRole)
                     for r in range(self.invoices.count())
                     if self.invoices.item(r).checkState() == Qt.CheckState.Checked)

    def outcome(self) -> Dispute:
        return Dispute(DisputeReason(self.reason.currentData()), self.checked_ids(),
                       self.description.toPlainText(), self.proposal.toPlainText(),
                       self.captured_at, self.evidence.ids())

    def load(self, outcome: Dispute) -> None:
        self.loading(True)
        self.captured_at = outcome.captured_at
        self.reason.setCurrentIndex(self.reason.findData(outcome.reason.value))
        for row in range(self.invoices.count()):
            item = self.invoices.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in outcome.invoice_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.description.setPlainText(outcome.description)
        self.proposal.setPlainText(outcome.proposed_resolution)
        self.evidence.set_ids(outcome.evidence)
        self._show_deadline()
        self.loading(False)

    def first_field(self):
        return self.reason
