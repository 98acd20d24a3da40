"""The Resolve step: add one or more outcomes, each edited in its own card."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ....domain.checklist import Step
from ....domain.validation import OVER_BALANCE_REASON
from ....domain.visit import OUTCOME_KINDS, OutcomeKind, VisitKind
from ..money_edit import MoneyEdit
from ..page import Page
from ..setup import VisitSetup
from .card import CardEnv, OutcomeCard
from .dispute_card import DisputeCard
from .money_card import MoneyCard
from .plan_card import PlanCard
from .simple_cards import AbsenceCard, PromiseCard, RefusalCard

CARDS = {OutcomeKind.MONEY_RECEIVED: MoneyCard, OutcomeKind.PROMISE: PromiseCard,
         OutcomeKind.INSTALLMENT_PLAN: PlanCard, OutcomeKind.DISPUTE: DisputeCard,
         OutcomeKind.REFUSAL: RefusalCard, OutcomeKind.ABSENT: AbsenceCard}


class ResolvePage(Page):
    """``outcomes()`` is what the visit records, in card order (errors name cards by index)."""

    def __init__(self, step: Step, setup: VisitSetup, visit, met_contact, attach,
                 parent: QWidget | None = None, detach=None):
        super().__init__(step, parent)
        self.setup = setup
        self._visit = visit  # callable: the session's visit
        self.env = CardEnv(setup, self._collectible, met_contact, self._disputing, attach,
                           {a.id: a.name for a in setup.attachments}, self._left_open)
        if detach is not None:
            self.env.detach = detach
        self.cards: list[OutcomeCard] = []
        self.caption = QLabel()
        self.body.addWidget(self.caption)
        self.body.addWidget(self.error_label("outcomes"))
        self.add_buttons = self._make_buttons()
        self.card_box = QVBoxLayout()
        self.body.addLayout(self.card_box)
        self.body.addWidget(self._over_balance_box())
        self.body.addStretch(1)
        self.absent = False
        self._offer_buttons()
        self.retranslate_ui()

    def set_absent(self, absent: bool) -> None:
        """Chosen at Meet: nobody met asks for the absence card (note, photo, revisit date);
        a refusal cannot go with it, and on site an absence is only chosen at Meet."""
        if absent == self.absent:
            return
        self.absent = absent
        self._offer_buttons()
        if absent and not any(c.kind is OutcomeKind.ABSENT for c in self.cards):
            self.add(OutcomeKind.ABSENT, focus=False)

    def _offer_buttons(self) -> None:
        on_site = self.setup.visit.kind is VisitKind.VISIT
        self.add_buttons[OutcomeKind.ABSENT].setVisible(self.absent or not on_site)
        self.add_buttons[OutcomeKind.REFUSAL].setVisible(not self.absent)

    def _make_buttons(self) -> dict[OutcomeKind, QPushButton]:
        grid = QGridLayout()
        buttons = {}
        for n, kind in enumerate(OutcomeKind):
            button = QPushButton()
            button.clicked.connect(lambda _c=False, k=kind: self.add(k))
            grid.addWidget(button, n // 3, n % 3)
            buttons[kind] = button
        self.body.addLayout(grid)
        return buttons

    def _over_balance_box(self) -> QWidget:
        """Shown when what the customer paid and committed to exceeds what is owed: the
        collector confirms it explicitly, with the reason the record keeps."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.error_label(OVER_BALANCE_REASON))
        self.over_confirm = QCheckBox()
        self.over_reason = QLineEdit()
        self.over_reason.setEnabled(False)
        layout.addWidget(self.over_confirm)
        layout.addWidget(self.over_reason)
        self.over_confirm.toggled.connect(self._over_balance_edited)
        self.over_reason.textEdited.connect(lambda _t: self._over_balance_edited())
        self.touch(OVER_BALANCE_REASON)  # a warning: shown as soon as it applies
        box.hide()
        self.over_box = box
        return box

    def _over_balance_edited(self) -> None:
        self.over_reason.setEnabled(self.over_confirm.isChecked())
        self.touch(OVER_BALANCE_REASON)
        self.changed.emit()

    def answers(self) -> dict:
        """The confirmation of commitments above what is owed: its reason, once ticked."""
        reason = self.over_reason.text().strip() if self.over_confirm.isChecked() else ""
        if not reason and OVER_BALANCE_REASON not in self._visit().answers:
            return {}  # never confirmed: the record does not mention it
        return {OVER_BALANCE_REASON: reason}

    def _show_over_balance(self) -> None:
        self.over_box.setVisible(bool(self.messages_for(OVER_BALANCE_REASON))
                                 or self.over_confirm.isChecked())

    def set_setup(self, setup: VisitSetup) -> None:
        super().set_setup(setup)
        self.env.setup = setup  # the cards share the one env
        for card in self.cards:
            card.setup_changed()
        self._hint_amounts()

    def _disputing(self) -> set[int]:
        return {i for card in self.cards if isinstance(card, DisputeCard)
                for i in card.checked_ids()}

    def _collectible(self):
        return self.setup.context.collectible(replace(self._visit(), outcomes=self.outcomes()))

    def _left_open(self):
        # Money and disputes decide it; a plan asks this while building its own outcome.
        others = tuple(c.outcome() for c in self.cards if not isinstance(c, PlanCard))
        return self.setup.context.left_open(replace(self._visit(), outcomes=others))

    # -- cards ------------------------------------------------------------------------------
    def add(self, kind: OutcomeKind, outcome=None, focus: bool = True) -> OutcomeCard:
        card = CARDS[kind](self.env)
        if outcome is not None:
            card.load(outcome)
        card.changed.connect(lambda c=card: self._card_changed(c))
        card.remove_requested.connect(lambda c=card: self.remove(c))
        self.cards.append(card)
        self.card_box.addWidget(card)
        self._hint_amounts()
        if outcome is None:
            self.touch("outcomes")
            self._after_change(card)
            if focus:
                self._focus_card(card)
        return card

    def remove(self, card: OutcomeCard) -> None:
        index = self.cards.index(card)
        self.cards.remove(card)
        card.hide()
        card.deleteLater()
        self._after_change(None)
        # Keyboard users land on the card that took its place, or on the add buttons.
        following = self.cards[index] if index < len(self.cards) else None
        target = following.first_field() if following else self.add_buttons[card.kind]
        if target is not None:
            target.setFocus()

    def _focus_card(self, card: OutcomeCard) -> None:
        def go():
            self.ensureWidgetVisible(card)
            if card.first_field() is not None:
                card.first_field().setFocus()
        QTimer.singleShot(0, go)  # after the layout gave the card its place

    def _card_changed(self, card: OutcomeCard) -> None:
        self._after_change(card)

    def _after_change(self, source) -> None:
        for card in self.cards:
            if card is not source:
                card.visit_changed()  # e.g. a plan total following a new dispute
        self._hint_amounts()
        self.changed.emit()

    def _hint_amounts(self) -> None:
        """Amount boxes suggest what can still be collected, never a made-up figure."""
        owed = self._collectible()
        for card in self.cards:
            for name in ("amount", "total"):
                edit = getattr(card, name, None)
                if isinstance(edit, MoneyEdit):
                    edit.set_hint(owed)

    # -- values and errors ------------------------------------------------------------------
    def outcomes(self) -> tuple:
        return tuple(card.outcome() for card in self.cards)

    def load(self, outcomes) -> None:
        for outcome in outcomes:
            self.add(OUTCOME_KINDS[type(outcome)], outcome, focus=False)
        reason = self._visit().answers.get(OVER_BALANCE_REASON, "")
        self.over_confirm.blockSignals(True)
        self.over_confirm.setChecked(bool(reason))
        self.over_confirm.blockSignals(False)
        self.over_reason.setText(reason)
        self.over_reason.setEnabled(bool(reason))
        self._show_over_balance()

    def set_errors(self, errors) -> None:
        super().set_errors([e for e in errors if e.field in ("outcomes", OVER_BALANCE_REASON)])
        self._show_over_balance()
        for index, card in enumerate(self.cards):
            prefix = f"outcomes.{index}."
            card.set_errors([replace(e, field=e.field[len(prefix):]) for e in errors
                             if e.field.startswith(prefix)], self._show_all)

    def show_all_errors(self) -> None:
        super().show_all_errors()
        for card in self.cards:
            card.set_errors(card._errors, True)

    def first_field(self):
        return self.cards[0].first_field() if self.cards else self.add_buttons[OutcomeKind.PROMISE]

    def first_error_widget(self):
        if self.messages_for("outcomes"):
            return self.add_buttons[OutcomeKind.PROMISE]
        if self.messages_for(OVER_BALANCE_REASON):
            return self.over_reason if self.over_confirm.isChecked() else self.over_confirm
        bad = next((c for c in self.cards if c.has_visible_errors()), None)
        return bad.first_field() if bad else None

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.caption.setText("<b>" + self.tr("Outcomes") + " *</b> " + self.tr(
            "— add every result of the visit; one visit can have several."))
        texts = {OutcomeKind.MONEY_RECEIVED: self.tr("+ &Money received"),
                 OutcomeKind.PROMISE: self.tr("+ &Promise to pay"),
                 OutcomeKind.INSTALLMENT_PLAN: self.tr("+ &Installment plan"),
                 OutcomeKind.DISPUTE: self.tr("+ &Dispute"),
                 OutcomeKind.REFUSAL: self.tr("+ Re&fusal"),
                 OutcomeKind.ABSENT: self.tr("+ Customer &absent / closed")}
        for kind, button in getattr(self, "add_buttons", {}).items():
            button.setText(texts[kind])
        if hasattr(self, "over_confirm"):
            self.over_confirm.setText(self.tr(
                "I confirm these amounts with the customer although they exceed what is owed"))
            self.over_reason.setPlaceholderText(self.tr(
                "Why? e.g. a credit note is pending, an invoice is not imported yet"))
