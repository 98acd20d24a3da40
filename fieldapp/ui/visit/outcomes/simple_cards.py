"""Promise to pay, refusal, customer absent: the outcomes with a handful of fields."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from ....domain.text_limits import LONG_TEXT
from ....domain.visit import Absence, NextStep, OutcomeKind, Promise, Refusal
from ...kept_texts import fill_choices, relabel_choices
from ..money_edit import MoneyEdit
from ..text_limit import LengthCounter
from .card import OutcomeCard, date_edit, day_of, set_day
from .evidence import EvidenceList

PROMISE_DAYS = 7  # the date field starts a week ahead; the collector agrees the real day


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    box.counter = LengthCounter(box, LONG_TEXT)  # the free texts of outcomes are long ones
    return box


class PromiseCard(OutcomeCard):
    """Seed 001 tip 5: an exact amount on an exact day, by a named person."""

    kind = OutcomeKind.PROMISE

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        setup = env.setup
        self.amount = self.add_row("amount", lambda: self.tr("Amount"), MoneyEdit(setup.currency))
        self.due_on = self.add_row("due_on", lambda: self.tr("Pay by"),
                                   date_edit(setup.today() + timedelta(days=PROMISE_DAYS)))
        self.promised_by = self.add_row("promised_by", lambda: self.tr("Promised by"), QLineEdit())
        self.promised_by.setText(env.met_contact())
        self.amount.changed.connect(lambda: self.edited("amount"))
        self.due_on.dateChanged.connect(lambda _d: self.edited("due_on"))
        self.promised_by.textEdited.connect(lambda _t: self.edited("promised_by"))

    def local_problem(self, name: str) -> str:
        return self.amount.problem() if name == "amount" else ""

    def outcome(self) -> Promise:
        return Promise(self.amount.money_or_zero(), day_of(self.due_on), self.promised_by.text())

    def load(self, outcome: Promise) -> None:
        self.loading(True)
        self.amount.set_money(outcome.amount)
        set_day(self.due_on, outcome.due_on)
        self.promised_by.setText(outcome.promised_by)
        self.loading(False)

    def first_field(self):
        return self.amount


class RefusalCard(OutcomeCard):
    """The customer will not pay: why, and what happens next (seed 001: follow refusals up)."""

    kind = OutcomeKind.REFUSAL

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        self.reason = self.add_row("reason", lambda: self.tr("Reason given"), _text_box())
        self.next_step = self.add_row("next_step", lambda: self.tr("Next step"), QComboBox())
        fill_choices(self.next_step, NextStep)
        self.keep(lambda: relabel_choices(self.next_step, NextStep))
        self.reason.textChanged.connect(lambda: self.edited("reason"))
        self.next_step.activated.connect(lambda _i: self.edited("next_step"))

    def outcome(self) -> Refusal:
        return Refusal(self.reason.toPlainText(), NextStep(self.next_step.currentData()))

    def load(self, outcome: Refusal) -> None:
        self.loading(True)
        self.reason.setPlainText(outcome.reason)
        self.next_step.setCurrentIndex(self.next_step.findData(outcome.next_step.value))
        self.loading(False)

    def first_field(self):
        return self.reason


class AbsenceCard(OutcomeCard):
    """Nobody there or the premises closed: a note, a photo, and when to come back."""

    kind = OutcomeKind.ABSENT

    def __init__(self, env, parent=None):
        super().__init__(env, parent)
        setup = env.setup
        self.note = self.add_row("note", lambda: self.tr("Note"), _text_box())
        self.revisit_on = self.add_row("revisit_on", lambda: self.tr("Revisit on"),
                                       date_edit(setup.today() + timedelta(days=1)))
        self.photos = self.add_row("photos", lambda: self.tr("Photo"),
                                   EvidenceList(env.attach, env.attachment_names, photos_only=True,
                                                detach=env.detach))
        self.note.textChanged.connect(lambda: self.edited("note"))
        self.revisit_on.dateChanged.connect(lambda _d: self.edited("revisit_on"))
        self.photos.changed.connect(lambda: self.edited("photos"))

    def outcome(self) -> Absence:
        return Absence(self.note.toPlainText(), day_of(self.revisit_on), self.photos.ids())

    def load(self, outcome: Absence) -> None:
        self.loading(True)
        self.note.setPlainText(outcome.note)
        set_day(self.revisit_on, outcome.revisit_on)
        self.photos.set_ids(outcome.photos)
        self.loading(False)

    def first_field(self):
        return self.note
