"""An amount field: typed in the UI's notation, held as Money in the customer's currency."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import InvalidValue
from ...domain.money import Money, minor_units
from ...domain.text import clean_text
from .. import formats
from ..error_text import words
from .errors import NOT_AN_AMOUNT, translate


class MoneyEdit(QWidget):
    """A line edit plus the currency code; ``changed`` fires on every edit by the user."""

    changed = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.currency = currency
        self.edit = QLineEdit()
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMinimumWidth(140)
        # No made-up amount as a placeholder: the card offers what is owed (set_hint) or nothing.
        self.edit.textEdited.connect(self._edited)
        # Tidy the grouping once the collector moves on, never while they type.
        self.edit.editingFinished.connect(self._reformat)
        self.code = QLabel(currency)
        # The amount as read, while the typed text could be read another way ('1.000' đồng).
        self.understood = QLabel()
        self.understood.setObjectName("amountUnderstood")
        self.understood.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.code)
        layout.addWidget(self.understood)
        self.setFocusProxy(self.edit)

    def _example(self) -> str:
        return formats.amount(Money(1_250_000 * 10 ** minor_units(self.currency), self.currency))

    def set_hint(self, owed: Money | None) -> None:
        """Show what is owed as the grey placeholder (nothing when nothing is owed)."""
        self.edit.setPlaceholderText(formats.amount(owed) if owed is not None and owed.minor > 0
                                     else "")

    def money(self) -> Money | None:
        """The amount, or None when empty or not an amount (see ``problem``)."""
        value, _error = self._read()
        return value

    def _read(self) -> tuple[Money | None, InvalidValue | None]:
        text = self.edit.text().strip()
        if not text:
            return None, None
        try:
            return formats.parse_money(text, self.currency), None
        except InvalidValue as error:
            return None, error
        except (ValueError, ArithmeticError):  # never out of a signal handler: autosave goes on
            return None, InvalidValue("amount.not_a_number", text=text)

    def money_or_zero(self) -> Money:
        return self.money() or Money.zero(self.currency)

    def problem(self) -> str:
        """Why the text is not an amount ('' when it is one, or empty)."""
        value, error = self._read()
        if error is None:
            return ""
        if error.code == "amount.not_a_number":
            return translate(NOT_AN_AMOUNT, example=self._example())
        return words(error.code, error.params)

    def set_money(self, value: Money | None) -> None:
        self.edit.setText(formats.amount(value) if value is not None and value.minor else "")
        self._show_understood()

    def _edited(self, text: str) -> None:
        cleaned = clean_text(text)  # a bad paste: NUL is no digit
        if cleaned != text:
            self.edit.setText(cleaned)
        self._show_understood()
        self.changed.emit()

    def _show_understood(self) -> None:
        value = self.money()
        shown = value is not None and formats.amount(value) != self.edit.text().strip()
        if shown:
            self.understood.setText(QCoreApplication.translate("MoneyEdit", "read as {amount}")
                                    .format(amount=formats.money(value)))
        self.understood.setVisible(shown)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_understood()
        super().changeEvent(event)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def _reformat(self) -> None:
        value = self.money()
        if value is not None and formats.amount(value) != self.edit.text():
            self.edit.setText(formats.amount(value))
        self._show_understood()
