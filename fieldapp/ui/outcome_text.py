"""One-line descriptions of outcomes in the UI language, for lists and the history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.enums import PaymentMethod
from ..domain.visit import (OUTCOME_KINDS, Absence, Dispute, InstallmentPlan, MoneyReceived,
                            Promise, Refusal)
from . import formats
from .labels import label


def _fill(text: str, *values: str) -> str:
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", value)
    return text


def detail(outcome, invoice_numbers: dict[int, str]) -> str:
    """What was agreed, without the kind ('₫5,000,000 by Jul 5, 2025 — Chị Hường')."""
    numbers = lambda ids: ", ".join(invoice_numbers.get(i, str(i)) for i in ids)  # noqa: E731
    if isinstance(outcome, MoneyReceived):
        text = f"{formats.money(outcome.amount)} · {label_of_method(outcome.method)}"
        return f"{text} · {outcome.receipt_no}" if outcome.receipt_no else text
    if isinstance(outcome, Promise):
        return _fill(QCoreApplication.translate("OutcomeText", "%1 by %2 — %3"),
                     formats.money(outcome.amount),
                     formats.day(outcome.due_on), outcome.promised_by)
    if isinstance(outcome, InstallmentPlan):
        count = sum(1 for line in outcome.lines if not line.down_payment)
        lines = formats.counted(QCoreApplication.translate("OutcomeText", "%n installments", "",
                                                           count), count)
        down = next((line.amount for line in outcome.lines if line.down_payment), None)
        if down is not None:
            lines = _fill(QCoreApplication.translate("OutcomeText", "%1 down, then %2"),
                          formats.money(down), lines)
        return f"{formats.money(outcome.total)} · {lines} · {label(outcome.frequency)}"
    if isinstance(outcome, Dispute):
        return f"{label(outcome.reason)} · {numbers(outcome.invoice_ids)}"
    if isinstance(outcome, Refusal):
        return f"{label(outcome.next_step)} · {outcome.reason}"
    if isinstance(outcome, Absence):
        return _fill(QCoreApplication.translate("OutcomeText", "revisit %1"),
                     formats.day(outcome.revisit_on))
    raise TypeError(f"unknown outcome {outcome!r}")


def label_of_method(method: str) -> str:
    try:
        return label(PaymentMethod(method))
    except ValueError:
        return method


def brief(outcome, invoice_numbers: dict[int, str]) -> str:
    """Kind and detail: 'Promise to pay: ₫5,000,000 by Jul 5, 2025 — Chị Hường'."""
    return f"{label(OUTCOME_KINDS[type(outcome)])}: {detail(outcome, invoice_numbers)}"


def kinds(outcomes) -> str:
    """The kinds of a visit's outcomes, e.g. 'Dispute, Installment plan'."""
    return ", ".join(label(OUTCOME_KINDS[type(o)]) for o in outcomes)
