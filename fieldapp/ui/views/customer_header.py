"""The top of a customer's file: who they are, how to reach them, and their credit limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.enums import BusinessStatus
from ...domain.records import Customer
from .. import formats
from ..fonts import font_for
from ..labels import label
from .common import Retranslating

_STATUS_COLOURS = {BusinessStatus.ACTIVE: "#1b5e20", BusinessStatus.SLOWING: "#8a5a00",
                   BusinessStatus.RESTRUCTURING: "#b3261e", BusinessStatus.CLOSED: "#5f6368"}


def _value_label() -> QLabel:
    value = QLabel()
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setWordWrap(True)
    return value


class CustomerHeader(Retranslating, QWidget):
    """Name in the customer's own script, then code, tax code, status, address, phone, limit."""

    _FIELDS = ("code", "tax_code", "status", "phone", "address", "credit_limit", "language")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._customer: Customer | None = None
        self.name = QLabel()
        self.name.setObjectName("customerName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.captions = {key: QLabel() for key in self._FIELDS}
        self.values = {key: _value_label() for key in self._FIELDS}
        for caption in self.captions.values():
            caption.setStyleSheet("color: palette(placeholder-text);")
        self._build_layout()
        self.retranslate_ui()

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        # Two label/value pairs per row; the address gets a whole row because it is long.
        places = {"code": (0, 0), "tax_code": (0, 2), "status": (0, 4), "phone": (1, 0),
                  "credit_limit": (1, 2), "language": (1, 4), "address": (2, 0)}
        for key, (row, col) in places.items():
            grid.addWidget(self.captions[key], row, col)
            span = 5 if key == "address" else 1
            grid.addWidget(self.values[key], row, col + 1, 1, span)
        # Pairs pack to the left; the spare width goes to the last column, not between pairs.
        grid.setColumnStretch(5, 1)
        grid.setHorizontalSpacing(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addLayout(grid)

    def set_customer(self, customer: Customer) -> None:
        self._customer = customer
        self.name.setFont(font_for(customer.language.value, 15, bold=True))
        self.name.setText(customer.name)
        values = self.values
        values["code"].setText(customer.code)
        values["tax_code"].setText(customer.tax_code)
        values["phone"].setText(customer.phone)
        values["address"].setText(customer.full_address)
        values["address"].setFont(font_for(customer.language.value))
        values["credit_limit"].setText(formats.money(customer.credit_limit))
        self._set_translated_values()

    def _set_translated_values(self) -> None:
        if self._customer is None:
            return
        status = self._customer.business_status
        self.values["status"].setText(label(status))
        self.values["status"].setStyleSheet(f"color: {_STATUS_COLOURS.get(status, 'black')};"
                                            " font-weight: 600;")
        self.values["language"].setText(label(self._customer.language))

    def retranslate_ui(self) -> None:
        texts = {"code": self.tr("Code"), "tax_code": self.tr("Tax code"),
                 "status": self.tr("Status"), "phone": self.tr("Phone"),
                 "address": self.tr("Address"), "credit_limit": self.tr("Credit limit"),
                 "language": self.tr("Language")}
        for key, text in texts.items():
            self.captions[key].setText(text)
        self._set_translated_values()
