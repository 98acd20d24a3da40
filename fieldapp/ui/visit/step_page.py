"""A checklist step as a form: a caption, an editor and an error line per item."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget

from ...domain.checklist import ABSENT_ITEM, Item, Step, skipped
from ...domain.visit import VisitKind
from .. import formats
from .contact_field import ContactField
from .fields import (RADIO_LIMIT, BoolField, ComboField, Field, LongTextField, MultiField,
                     RadioField, TextField)
from .typed_fields import DateField, DateTimeField, IntField, MoneyField
from .meet_notes import AbsentNext, NumbersToDial
from .objections import ObjectionsField
from .page import Page
from .panels import AccountPanel, DeliveriesPanel, HistoryPanel
from .setup import VisitSetup

SIMPLE = {"text": TextField, "longtext": LongTextField, "bool": BoolField, "multi": MultiField,
          "int": IntField, "objections": ObjectionsField, "history": BoolField}


def make_field(item: Item, setup: VisitSetup, language: str) -> Field:
    """The editor of one item kind (the history kind's answer is its 'reviewed' box)."""
    if item.kind in SIMPLE:
        return SIMPLE[item.kind](item, language)
    if item.kind == "choice":
        return (RadioField if len(item.options) <= RADIO_LIMIT else ComboField)(item, language)
    if item.kind == "date":
        return DateField(item, language, setup.today())
    if item.kind == "datetime":
        return DateTimeField(item, language, setup.today())
    if item.kind == "money":
        field = MoneyField(item, language, setup.currency)
        field.editor.set_hint(setup.context.open_balance())
        return field
    if item.kind == "contact":
        return ContactField(item, language, setup.file.contacts)
    raise ValueError(f"no editor for checklist item kind {item.kind!r}")


class StepPage(Page):
    """The items of one step; ``answers()`` gives this step's part of ``Visit.answers``."""

    def __init__(self, step: Step, setup: VisitSetup, parent: QWidget | None = None):
        super().__init__(step, parent)
        self.setup = setup
        self.fields: dict[str, Field] = {}
        self.captions: dict[str, QLabel] = {}
        self.accounts: list[AccountPanel] = []
        self.dial: QLabel | None = None  # a call: the numbers to dial
        self.absent_next: QLabel | None = None
        self._parts: dict[str, list[QWidget]] = {}  # item id → its caption, editor, error line
        language = formats.ui_language()
        kinds = [item.kind for item in step.items]
        if "history" in kinds and "deliveries" not in kinds:
            self.body.addWidget(self._account())
        for item in step.items:
            self._add_item(item, language)
        self.body.addStretch(1)
        self._wire_helpers()

    def _account(self) -> AccountPanel:
        self.accounts.append(AccountPanel(self.setup))
        return self.accounts[-1]

    def set_setup(self, setup) -> None:
        super().set_setup(setup)
        for panel in self.accounts:
            panel.set_setup(setup)

    def _add_item(self, item: Item, language: str) -> None:
        if item.kind == "deliveries":
            self._caption(item, language)
            self.body.addWidget(DeliveriesPanel(self.setup))
            if any(i.kind == "history" for i in self.step.items):
                # Amounts and due dates right after the deliveries, before any question.
                self.body.addSpacing(6)
                self.body.addWidget(self._account())
            return
        if item.kind == "history":
            self.body.addSpacing(6)
            self.body.addWidget(HistoryPanel(self.setup))
        if item.kind == "contact" and self.setup.visit.kind is VisitKind.CALL:
            self.dial = NumbersToDial(self.setup.file.contacts)
            self.body.addWidget(self.dial)
        if item.kind not in ("bool", "history"):
            self._caption(item, language)
        field = make_field(item, self.setup, language)
        field.changed.connect(lambda item_id=item.id: self._edited(item_id))
        self.fields[item.id] = field
        self.body.addWidget(field)
        self.body.addWidget(self.error_label(item.id))
        self._parts[item.id] = [w for w in (self.captions.get(item.id), field,
                                            self.error_label(item.id)) if w is not None]
        if item.id == ABSENT_ITEM:
            self.absent_next = AbsentNext()
            self.body.addWidget(self.absent_next)

    def _caption(self, item: Item, language: str) -> None:
        caption = QLabel()
        caption.setWordWrap(True)
        self.captions[item.id] = caption
        self._set_caption(item, language)
        self.body.addSpacing(6)
        self.body.addWidget(caption)

    def _set_caption(self, item: Item, language: str) -> None:
        text = html.escape(item.text(language)) + (" *" if item.required else "")
        self.captions[item.id].setText(f"<b>{text}</b>")

    def _edited(self, item_id: str) -> None:
        self.touch(item_id)
        self.apply_skips()
        self._render_errors()  # a local problem (not an amount) shows at once
        self.changed.emit()

    def apply_skips(self) -> None:
        """Items that do not apply (nobody met: the customer was absent) leave the form."""
        answers = self.answers()
        if self.absent_next is not None:
            self.absent_next.setVisible(bool(answers.get(ABSENT_ITEM)))
        for item in self.step.items:
            hide = skipped(item, answers)
            for widget in self._parts.get(item.id, ()):
                if hide:
                    widget.hide()
                elif widget is not self.error_label(item.id):  # it shows when it has words
                    widget.show()

    # -- helpers between fields -------------------------------------------------------------
    def _wire_helpers(self) -> None:
        contact = self.fields.get("met_contact")
        if isinstance(contact, ContactField):
            contact.contact_chosen.connect(self._fill_from_contact)
        match = self.fields.get("deliveries_match")
        if match is not None:
            match.changed.connect(self._prefill_discrepancies)

    def _fill_from_contact(self, contact) -> None:
        """Role and authority come from the contact list; the collector may still correct them."""
        role, authority = self.fields.get("met_role"), self.fields.get("authority_to_pay")
        if role is not None and not role.value().strip():
            role.set_value(contact.role)
        if authority is not None:
            authority.set_value(contact.authority_to_pay)
        self.changed.emit()

    def _prefill_discrepancies(self) -> None:
        """Seed 000: what the delivery notes already say is the start of the list."""
        notes = self.fields.get("discrepancies")
        if notes is None or self.fields["deliveries_match"].value() != "no" or notes.value().strip():
            return
        bad = self.setup.file.deliveries_with_discrepancy
        lines = [f"{d.note_number} ({formats.day(d.delivered_on)}): "
                 f"{d.discrepancy or f'{d.delivered_qty}/{d.ordered_qty}'}" for d in bad]
        if lines:
            notes.set_value("\n".join(lines))
            self.changed.emit()

    # -- values -----------------------------------------------------------------------------
    def answers(self) -> dict:
        return {item_id: field.value() for item_id, field in self.fields.items()}

    def load(self, answers: dict) -> None:
        for item_id, field in self.fields.items():
            if item_id in answers:
                field.set_value(answers[item_id])
        self.apply_skips()

    def local_problem(self, name: str) -> str:
        field = self.fields.get(name)
        return field.problem() if field is not None else ""

    def first_field(self):
        # The keyboard starts on the person met; "customer absent" above it is the exception.
        shown = [f for name, f in self.fields.items() if not f.isHidden()]
        usual = [f for f in shown if f.item.id != ABSENT_ITEM]
        return (usual or shown or [None])[0]

    def first_error_widget(self):
        return next((f for name, f in self.fields.items() if self.messages_for(name)), None)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        for item in self.step.items:
            if item.id in getattr(self, "captions", {}):
                self._set_caption(item, formats.ui_language())
