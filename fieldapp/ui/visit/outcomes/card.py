"""The frame of an outcome editor: title, remove button, captioned fields with error lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from ....domain.money import Money
from ....domain.visit import OutcomeKind
from ...date_edit import DateEdit
from ...kept_texts import KeptTexts
from ...labels import label
from ..errors import ErrorLabel, error_text
from ..setup import VisitSetup


@dataclass
class CardEnv:
    """What a card may ask of the visit it belongs to."""

    setup: VisitSetup
    collectible: Callable[[], Money]  # open balance less disputes and money taken on this visit
    met_contact: Callable[[], str]
    disputing: Callable[[], set[int]]  # invoices this visit's dispute cards name
    attach: Callable[[list[str], Callable[[list], None]], None]  # paths → attachments, async
    attachment_names: dict[str, str]  # id → file name of everything attached to this visit
    # invoices a plan covers: undisputed, balances after this visit's money, paid ones left out
    left_open: Callable[[], tuple] = tuple
    detach: Callable[[str], None] = lambda _id: None  # a file taken off before finalizing


def date_edit(day: date) -> DateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    set_day(edit, day)
    return edit


def set_day(edit: DateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def day_of(edit: DateEdit) -> date:
    return edit.date().toPython()


class OutcomeCard(KeptTexts, QFrame):
    """Subclasses add fields with ``add_row`` and implement ``outcome()`` and ``load()``."""

    changed = Signal()
    remove_requested = Signal()
    kind: OutcomeKind

    def __init__(self, env: CardEnv, parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.setObjectName("outcomeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#outcomeCard { border: 1px solid #c4c4c4; border-radius: 6px;"
                           " background: palette(base); }")
        self._errors: list = []
        self._touched: set[str] = set()
        self._show_all = False
        self._labels: dict[str, ErrorLabel] = {}
        self._loading = False
        self.title = QLabel()
        self.remove_button = QPushButton()
        self.keep(lambda: self.title.setText(f"<b>{label(self.kind)}</b>"))
        self.keep(lambda: self.remove_button.setText(
            QCoreApplication.translate("OutcomeCard", "Remove")))
        self.keep(lambda: self.remove_button.setToolTip(
            QCoreApplication.translate("OutcomeCard", "Remove this outcome")))
        self.remove_button.clicked.connect(self.remove_requested)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.remove_button)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.form)

    # -- building ---------------------------------------------------------------------------
    def caption(self, text: Callable[[], str]) -> QLabel:
        """A label whose ``text()`` is asked again after each language switch."""
        caption = QLabel()
        self.keep(lambda: caption.setText(text()))
        return caption

    def add_row(self, name: str, caption: Callable[[], str], widget: QWidget) -> QWidget:
        """A captioned field with its error line under it; edits of ``widget`` touch ``name``.

        ``caption`` is called (now and after a language switch): ``lambda: self.tr("…")``.
        """
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.error_label(name))
        self.form.addRow(self.caption(caption), box)
        return widget

    def error_label(self, name: str) -> ErrorLabel:
        if name not in self._labels:
            self._labels[name] = ErrorLabel()
        return self._labels[name]

    def edited(self, name: str) -> None:
        """Connect editors' edit signals here: marks the field touched and tells the page."""
        if self._loading:
            return
        self._touched.add(name)
        # The last check judged the old value; say nothing about this field until the next.
        self._errors = [e for e in self._errors if e.field != name]
        self._render()
        self.changed.emit()

    def loading(self, on: bool) -> None:
        self._loading = on

    # -- errors -----------------------------------------------------------------------------
    def set_errors(self, errors, show_all: bool = False) -> None:
        self._errors = list(errors)
        self._show_all = self._show_all or show_all
        self._render()

    def local_problem(self, name: str) -> str:
        return ""

    def messages(self, name: str) -> list[str]:
        local = self.local_problem(name)
        shown = self._show_all or name in self._touched
        found = [error_text(e) for e in self._errors if e.field == name] if shown else []
        return ([local] if local else []) + found

    def _render(self) -> None:
        for name, lbl in self._labels.items():
            lbl.set_messages(self.messages(name))

    def has_visible_errors(self) -> bool:
        return any(self.messages(name) for name in self._labels)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed()
            self._render()  # error lines in the new language

    def language_changed(self) -> None:
        """Texts made from values (notes, deadlines) are written again in the new language."""

    # -- contract ---------------------------------------------------------------------------
    def outcome(self):
        raise NotImplementedError

    def load(self, outcome) -> None:
        raise NotImplementedError

    def setup_changed(self) -> None:
        """``env.setup`` holds fresh balances; what the collector typed stays as it is."""

    def visit_changed(self) -> None:
        """Other outcomes changed (a dispute added): defaults that depend on them may follow."""

    def first_field(self) -> QWidget | None:
        return None
