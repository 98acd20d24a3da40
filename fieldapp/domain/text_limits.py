"""How long typed texts may be: a dispute told in full fits, a pasted book does not."""

from __future__ import annotations

from .validation import FieldError
from .visit import Absence, Dispute, InstallmentPlan, MoneyReceived, Promise, Refusal, Signature

# About ten printed pages of a visit record: the customer's words in full, never a whole file.
LONG_TEXT = 20_000
# Names, roles, references: one line on paper.
SHORT_TEXT = 200
# Checklist item kinds and how much of each the record prints.
LIMITS = {"longtext": LONG_TEXT, "text": SHORT_TEXT, "contact": SHORT_TEXT}
# The free texts of each outcome, by field name.
_OUTCOME_TEXTS = {
    MoneyReceived: {"reference": SHORT_TEXT},
    Promise: {"promised_by": SHORT_TEXT},
    InstallmentPlan: {"default_clause": LONG_TEXT},
    Dispute: {"description": LONG_TEXT, "proposed_resolution": LONG_TEXT},
    Refusal: {"reason": LONG_TEXT},
    Absence: {"note": LONG_TEXT},
}


def too_long(field: str, text, limit: int) -> list[FieldError]:
    """A ``too_long`` error when ``text`` (a string) has more than ``limit`` characters."""
    if isinstance(text, str) and len(text) > limit:
        return [FieldError(field, "too_long", {"max": limit, "length": len(text)})]
    return []


def answer_errors(items, answers: dict) -> list[FieldError]:
    """Checklist answers longer than their item kind allows."""
    errors: list[FieldError] = []
    for item in items:
        if item.kind in LIMITS:
            errors += too_long(item.id, answers.get(item.id), LIMITS[item.kind])
    return errors


def outcome_errors(outcome) -> list[FieldError]:
    """The free texts of one outcome that are too long, by field name."""
    errors: list[FieldError] = []
    for name, limit in _OUTCOME_TEXTS.get(type(outcome), {}).items():
        errors += too_long(name, getattr(outcome, name, ""), limit)
    return errors


def signature_errors(sig: Signature | None, field: str) -> list[FieldError]:
    if sig is None:
        return []
    # Both under the signer's name: the sign step shows one message line per signer.
    return (too_long(field + "_name", sig.signer_name, SHORT_TEXT)
            + too_long(field + "_name", sig.signer_title, SHORT_TEXT))
