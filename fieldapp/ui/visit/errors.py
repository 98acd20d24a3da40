"""Field errors as the collector reads them: translated, with amounts in the UI's notation."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ...domain.money import Money
from ...domain.validation import MESSAGES, FieldError
from .. import formats

CONTEXT = "validation"
# The domain's English texts, marked here so lupdate puts them in the .ts files (a test checks
# that this list and domain.validation.MESSAGES say the same).
SOURCES = (
    QT_TRANSLATE_NOOP("validation", "Required."),
    QT_TRANSLATE_NOOP("validation", "The amount must be more than zero."),
    QT_TRANSLATE_NOOP("validation", "More than the open balance of {balance}."),
    QT_TRANSLATE_NOOP("validation", "This date is in the past: agree on a specific day from today on."),
    QT_TRANSLATE_NOOP("validation", "More than {days} days ahead: agree on an earlier date."),
    QT_TRANSLATE_NOOP("validation", "Pick a day after today."),
    QT_TRANSLATE_NOOP("validation", "Allocated {allocated} but received {amount}."),
    QT_TRANSLATE_NOOP("validation", "More than the open balance of invoice {invoice}."),
    QT_TRANSLATE_NOOP("validation", "Give the transfer or cheque reference."),
    QT_TRANSLATE_NOOP("validation", "A post-dated cheque needs the date written on it, after today."),
    QT_TRANSLATE_NOOP("validation", "The installments add up to {sum}, not the agreed {total}."),
    QT_TRANSLATE_NOOP("validation", "Each installment must fall after the previous one."),
    QT_TRANSLATE_NOOP("validation", "The down payment must be less than the agreed total."),
    QT_TRANSLATE_NOOP("validation", "The discount must be between 0 and {max} %."),
    QT_TRANSLATE_NOOP("validation", "Say until when the early-payment discount applies."),
    QT_TRANSLATE_NOOP("validation", "Pick at least one invoice."),
    QT_TRANSLATE_NOOP("validation", "The signature is too small; clear it and sign again."),
    QT_TRANSLATE_NOOP("validation", "Not a date that exists: pick the day from the calendar."),
    QT_TRANSLATE_NOOP("validation", "Signature required: sign in the box."),
    QT_TRANSLATE_NOOP("validation", "Add a photo of the closed premises."),
    QT_TRANSLATE_NOOP("validation", "The customer was absent: say what you found, add a photo and the revisit date."),
    QT_TRANSLATE_NOOP("validation", "Nobody to meet? Tick \"Customer absent\" at Meet first."),
    QT_TRANSLATE_NOOP("validation", "Nobody was met, so nobody refused: remove the refusal or untick \"Customer absent\" at Meet."),
    QT_TRANSLATE_NOOP("validation", "Too long: {length} characters, at most {max}."),
    QT_TRANSLATE_NOOP("validation", "Money received, promises and installments come to {committed}, more than the {balance} owed: confirm why."),  # noqa: E501
)
# Problems the window finds before the services see the value (text that is not an amount).
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("validation", "Not an amount: type digits, e.g. {example}.")
NO_OUTCOME = QT_TRANSLATE_NOOP("validation", "Add at least one outcome.")
NAME_REQUIRED = QT_TRANSLATE_NOOP("validation", "The signer's printed name is required.")


def _param(value) -> str:
    if isinstance(value, Money):
        return formats.money(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.number(value)
    return str(value)


def translate(source: str, **params) -> str:
    """A "validation" text in the UI language with its {placeholders} filled in."""
    return QCoreApplication.translate(CONTEXT, source).format(
        **{k: _param(v) for k, v in params.items()})


def error_text(error: FieldError) -> str:
    """What the collector reads next to the field."""
    if error.field == "outcomes" and error.code == "required":
        return translate(NO_OUTCOME)
    if error.field.endswith("_signature_name") and error.code == "required":
        return translate(NAME_REQUIRED)
    source = MESSAGES.get(error.code, error.code)
    return translate(source, **error.params)


class ErrorLabel(QLabel):
    """Red text under a field; hidden until there is something to say. Once it has spoken it
    keeps its room when the problem is fixed, so nothing below jumps away from the pointer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#fieldError { color: #b3261e; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def set_messages(self, messages: Iterable[str]) -> None:
        unique = list(dict.fromkeys(messages))  # two rules may say the same thing
        if unique:
            self.setMinimumHeight(0)
            self.setText("\n".join(unique))
            self.show()
        elif not self.isHidden() and self.text():
            # Keep the height the words had: a click aimed below lands where it was aimed.
            self.setMinimumHeight(max(self.height() if self.isVisible() else 0,
                                      self.sizeHint().height()))
            self.setText("")
