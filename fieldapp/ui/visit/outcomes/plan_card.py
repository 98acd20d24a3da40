"""An installment plan: total, down payment, schedule (computed or hand-dated), discount, clause."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from ....domain.installments import Frequency, build_schedule, discounted_total
from ....domain.validation import MAX_DISCOUNT_PCT
from ....domain.visit import InstallmentPlan, OutcomeKind
from ....i18n.summary import default_clause
from ... import formats
from ...kept_texts import fill_choices, relabel_choices
from ..money_edit import MoneyEdit
from .card import OutcomeCard, date_edit, day_of, set_day
from .schedule_table import ScheduleTable
from .simple_cards import _text_box

DEFAULT_COUNT = 3
FIRST_DUE_DAYS = 14  # first installment two weeks out unless agreed otherwise


class PlanCard(OutcomeCard):
    """Lines always sum to the total: equal shares in minor units, the remainder on the last."""

    kind = OutcomeKind.INSTALLMENT_PLAN

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        setup = env.setup
        self._total_by_hand = False
        self.total = self.add_row("total", lambda: self.tr("Agreed total"), MoneyEdit(setup.currency))
        self.total_note = QLabel()  # says when a dispute changed the total it follows
        self.total_note.setWordWrap(True)
        self.total_note.hide()
        self.form.addRow("", self.total_note)
        self._disputed_seen = frozenset(env.disputing())
        self._total_change = None
        self.down = self.add_row("down_payment", lambda: self.tr("Down payment (optional)"),
                                 MoneyEdit(setup.currency))
        self.count, self.frequency, self.first_due = self._terms_row()
        self.table = self.add_row("lines", lambda: self.tr("Schedule"), ScheduleTable(setup.today()))
        self.discount, self.discount_until = self._discount_row()
        self.clause = self.add_row("default_clause", lambda: self.tr("Default clause"), _text_box(3))
        self.clause.setPlainText(default_clause(setup.language))
        self.covers = QLabel()
        self.covers.setWordWrap(True)
        self.form.addRow("", self.covers)
        self._connect()
        self.visit_changed()

    def _terms_row(self):
        count = QSpinBox()
        count.setRange(1, 60)
        count.setValue(DEFAULT_COUNT)
        frequency = QComboBox()
        fill_choices(frequency, Frequency)
        self.keep(lambda: relabel_choices(frequency, Frequency))
        frequency.setCurrentIndex(frequency.findData(Frequency.MONTHLY.value))
        first = date_edit(self.env.setup.today() + timedelta(days=FIRST_DUE_DAYS))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (count, self.caption(lambda: self.tr("installments,")), frequency,
                       self.caption(lambda: self.tr("first due")), first):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.add_row("terms", lambda: self.tr("Installments"), row)
        return count, frequency, first

    def _discount_row(self):
        pct = QDoubleSpinBox()
        pct.setRange(0.0, MAX_DISCOUNT_PCT)
        pct.setSingleStep(0.5)
        pct.setSuffix(" %")
        until = date_edit(self.env.setup.today() + timedelta(days=30))
        until.setEnabled(False)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(pct)
        layout.addWidget(self.caption(lambda: self.tr("if everything is paid by")))
        layout.addWidget(until)
        self.discount_note = QLabel()
        layout.addWidget(self.discount_note, 1)
        self.add_row("discount_pct", lambda: self.tr("Early-payment discount"), row)
        self.form.addRow("", self.error_label("discount_until"))
        return pct, until

    def _connect(self) -> None:
        self.total.changed.connect(self._total_edited)
        for signal in (self.down.changed, self.count.valueChanged, self.frequency.activated,
                       self.first_due.dateChanged):
            signal.connect(lambda *_: self._terms_edited())
        self.discount.valueChanged.connect(lambda _v: self._discount_edited())
        self.discount_until.dateChanged.connect(lambda _d: self._discount_edited())
        self.clause.textChanged.connect(lambda: self.edited("default_clause"))
        self.table.dates_edited.connect(lambda: self.edited("lines"))

    # -- edits ------------------------------------------------------------------------------
    def _total_edited(self) -> None:
        self._total_by_hand = True
        self._total_change = None  # the collector's own total now
        self._show_total_change()
        self._rebuild()
        self.edited("total")

    def _terms_edited(self) -> None:
        self._rebuild()
        self.edited("lines")

    def _discount_edited(self) -> None:
        self.discount_until.setEnabled(self.discount.value() > 0)
        self._show_discount()
        self.edited("discount_pct")
        self.edited("discount_until")

    def visit_changed(self) -> None:
        """Until the collector types a total it follows the collectible balance; a dispute
        that changes it is said next to it (nobody should find a smaller plan by surprise)."""
        disputed = frozenset(self.env.disputing())
        if not self._total_by_hand:
            before = self.total.money_or_zero()
            self.loading(True)
            self.total.set_money(self.env.collectible())
            self.loading(False)
            self._rebuild()
            after = self.total.money_or_zero()
            if disputed != self._disputed_seen and after != before:
                self._total_change = (before, after)
        self._disputed_seen = disputed
        self._show_total_change()
        self._show_covers()

    def _show_total_change(self) -> None:
        if self._total_change is not None:
            before, after = self._total_change
            self.total_note.setText(self.tr(
                "The disputed invoices changed the agreed total from %1 to %2.").replace(
                "%1", formats.money(before)).replace("%2", formats.money(after)))
        self.total_note.setVisible(self._total_change is not None)

    # -- schedule ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        total = self.total.money_or_zero()
        down = self.down.money()
        self.table.set_lines(build_schedule(total, self.count.value(), day_of(self.first_due),
                                            Frequency(self.frequency.currentData()), down,
                                            self.env.setup.today()))
        self._show_discount()

    def _show_discount(self) -> None:
        pct = self.discount.value()
        total = self.total.money_or_zero()
        self.discount_note.setText(self.tr("settles with %1").replace(
            "%1", formats.money(discounted_total(total, pct))) if pct else "")

    def _invoice_ids(self) -> tuple[int, ...]:
        return tuple(i.id for i in self.env.left_open())

    def _show_covers(self) -> None:
        """Each covered invoice with what is left of it after the money taken on this visit
        (one paid in full here is not covered): the same figures the agreement prints."""
        names = ", ".join(f"{i.number} ({formats.money(i.balance)})" for i in self.env.left_open())
        self.covers.setText(self.tr("Covers invoices: %1").replace("%1", names or "—"))

    def language_changed(self) -> None:
        self._show_discount()
        self._show_total_change()
        self._show_covers()

    def local_problem(self, name: str) -> str:
        if name == "total":
            return self.total.problem()
        return self.down.problem() if name == "down_payment" else ""

    # -- values -----------------------------------------------------------------------------
    def outcome(self) -> InstallmentPlan:
        pct = round(self.discount.value(), 2)
        return InstallmentPlan(self.total.money_or_zero(), self.table.lines,
                               Frequency(self.frequency.currentData()), pct,
                               day_of(self.discount_until) if pct else None,
                               self.clause.toPlainText(), self._invoice_ids())

    def load(self, outcome: InstallmentPlan) -> None:
        self.loading(True)
        self._total_by_hand = True
        self.total.set_money(outcome.total)
        down = next((line.amount for line in outcome.lines if line.down_payment), None)
        self.down.set_money(down)
        regular = [line for line in outcome.lines if not line.down_payment]
        self.count.setValue(max(len(regular), 1))
        self.frequency.setCurrentIndex(self.frequency.findData(outcome.frequency.value))
        if regular:
            set_day(self.first_due, regular[0].due_on)
        self.discount.setValue(outcome.discount_pct)
        self.discount_until.setEnabled(outcome.discount_pct > 0)
        if outcome.discount_until:
            set_day(self.discount_until, outcome.discount_until)
        self.clause.setPlainText(outcome.default_clause)
        self.table.set_lines(outcome.lines)
        self._show_discount()
        self._show_covers()
        self.loading(False)

    def first_field(self):
        return self.total
