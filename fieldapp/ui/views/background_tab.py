"""The Background tab: business status and notes, finances, personality, cooperation, credit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from ...domain.records import Customer
from .. import formats
from ..fonts import font_for
from ..labels import label
from .common import Retranslating

_FIELDS = ("status", "business", "financial", "personality", "since", "credit_limit")


class BackgroundTab(Retranslating, QScrollArea):
    """What to know about the customer before walking in; long notes wrap and scroll."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._customer: Customer | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self._form = QFormLayout(body)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.captions = {key: QLabel() for key in _FIELDS}
        self.values = {key: self._value() for key in _FIELDS}
        for key in _FIELDS:
            self._form.addRow(self.captions[key], self.values[key])
        self.setWidget(body)
        self.retranslate_ui()

    @staticmethod
    def _value() -> QLabel:
        value = QLabel()
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return value

    def set_customer(self, customer: Customer) -> None:
        self._customer = customer
        notes_font = font_for(customer.language.value)
        self.values["business"].setText(customer.business_notes)
        self.values["financial"].setText(customer.financial_notes)
        self.values["personality"].setText(customer.personality_notes)
        for key in ("business", "financial", "personality"):
            self.values[key].setFont(notes_font)
        self.values["since"].setText(formats.day(customer.cooperation_since, "long"))
        self.values["credit_limit"].setText(formats.money(customer.credit_limit))
        self.values["status"].setText(label(customer.business_status))

    def retranslate_ui(self) -> None:
        texts = {"status": self.tr("Business status"), "business": self.tr("Business notes"),
                 "financial": self.tr("Financial situation"),
                 "personality": self.tr("Personality & communication"),
                 "since": self.tr("Cooperating since"), "credit_limit": self.tr("Credit limit")}
        for key, text in texts.items():
            self.captions[key].setText(text)
        if self._customer is not None:
            self.values["status"].setText(label(self._customer.business_status))
