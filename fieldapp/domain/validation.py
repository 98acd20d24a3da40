"""Outcome rules: what makes a promise, a plan, a payment or a dispute acceptable."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .money import Money
from .visit import Absence, Dispute, InstallmentPlan, MoneyReceived, Promise, Refusal, Signature

# English texts; the window translates them (the text is the translation source).
MESSAGES = {
    "required": "Required.",
    "amount_not_positive": "The amount must be more than zero.",
    "amount_above_balance": "More than the open balance of {balance}.",
    "date_in_past": "This date is in the past: agree on a specific day from today on.",
    "date_beyond_horizon": "More than {days} days ahead: agree on an earlier date.",
    "date_not_after_today": "Pick a day after today.",
    "allocations_mismatch": "Allocated {allocated} but received {amount}.",
    "allocation_above_invoice": "More than the open balance of invoice {invoice}.",
    "reference_required": "Give the transfer or cheque reference.",
    "cheque_date_required": "A post-dated cheque needs the date written on it, after today.",
    "lines_mismatch": "The installments add up to {sum}, not the agreed {total}.",
    "dates_not_increasing": "Each installment must fall after the previous one.",
    "down_payment_too_big": "The down payment must be less than the agreed total.",
    "discount_out_of_range": "The discount must be between 0 and {max} %.",
    "discount_date_required": "Say until when the early-payment discount applies.",
    "no_invoices": "Pick at least one invoice.",
    "too_little_ink": "The signature is too small; clear it and sign again.",
    "date_invalid": "Not a date that exists: pick the day from the calendar.",
    "signature_required": "Signature required: sign in the box.",
    "photo_required": "Add a photo of the closed premises.",
    "absence_required": "The customer was absent: say what you found, add a photo and the revisit date.",
    "absent_not_chosen": "Nobody to meet? Tick \"Customer absent\" at Meet first.",
    "refusal_while_absent": "Nobody was met, so nobody refused: remove the refusal or untick \"Customer absent\" at Meet.",
    "too_long": "Too long: {length} characters, at most {max}.",
    "commitments_above_balance": ("Money received, promises and installments come to {committed}, "
                                  "more than the {balance} owed: confirm why."),
}
# The Resolve step's answer that confirms commitments above what is owed, with the reason.
OVER_BALANCE_REASON = "over_balance_reason"
MAX_DISCOUNT_PCT = 20.0
# How far ahead a date can sensibly lie; beyond it a typo (9999-12-31) is the likelier story.
FOLLOW_UP_HORIZON_DAYS = 180  # the collector's own next contact
REVISIT_HORIZON_DAYS = 90  # the customer was absent: come back within a quarter
# The last installment of a plan and its discount's end: the editor offers up to 60 monthly
# installments, which may start a few months after signing.
PLAN_HORIZON_DAYS = 6 * 365 + 1
CHEQUE_HORIZON_DAYS = 180  # a post-dated cheque older than six months is stale in VN and TW
ANSWER_HORIZON_DAYS = 366  # any other date of the checklist (an appointment)
FOLLOW_UP_ITEMS = frozenset({"follow_up_on"})
DATE_KINDS = frozenset({"date", "datetime"})


@dataclass(frozen=True)
class FieldError:
    """A problem with one field of a form: ``field`` names it, ``code`` keys MESSAGES."""

    field: str
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(**{k: str(v) for k, v in self.params.items()})


def _amount(errors, name, amount: Money, balance: Money | None) -> None:
    if amount.minor <= 0:
        errors.append(FieldError(name, "amount_not_positive"))
    elif balance is not None and amount > balance:
        errors.append(FieldError(name, "amount_above_balance", {"balance": balance}))


def _ahead(errors, name, day: date | None, today: date, days: int) -> None:
    if day is not None and (day - today).days > days:
        errors.append(FieldError(name, "date_beyond_horizon", {"days": days}))
def validate_commitments(committed: Money, owed: Money, reason: str) -> list[FieldError]:
    """Everything the customer paid or committed to must fit in what is open and undisputed,
    unless the collector confirms why (a credit note pending, an invoice not yet imported…)."""
    if committed.minor > owed.minor and not (reason or "").strip():
        return [FieldError(OVER_BALANCE_REASON, "commitments_above_balance",
                           {"committed": committed, "balance": owed})]
    return []


def _required(errors, name, text: str) -> None:
    if not text or not text.strip():
        errors.append(FieldError(name, "required"))


def validate_promise(p: Promise, balance: Money, today: date, horizon_days: int) -> list[FieldError]:
    """Seed 001 tip 5: a specific amount on a specific day, by a named person."""
    errors: list[FieldError] = []
    _amount(errors, "amount", p.amount, balance)
    if p.due_on < today:
        errors.append(FieldError("due_on", "date_in_past"))
    elif (p.due_on - today).days > horizon_days:
        errors.append(FieldError("due_on", "date_beyond_horizon", {"days": horizon_days}))
    _required(errors, "promised_by", p.promised_by)
    return errors


def validate_money_received(m: MoneyReceived, balance: Money, today: date,
                            invoice_balances: dict[int, Money]) -> list[FieldError]:
    errors: list[FieldError] = []
    _amount(errors, "amount", m.amount, balance)
    if m.method != "cash" and not m.reference.strip():
        errors.append(FieldError("reference", "reference_required"))
    if m.method == "post_dated_cheque" and (m.cheque_date is None or m.cheque_date <= today):
        errors.append(FieldError("cheque_date", "cheque_date_required"))
    elif m.method == "post_dated_cheque":
        _ahead(errors, "cheque_date", m.cheque_date, today, CHEQUE_HORIZON_DAYS)
    allocated = sum(a.amount.minor for a in m.allocations)
    if m.allocations and allocated != m.amount.minor:
        errors.append(FieldError("allocations", "allocations_mismatch",
                                 {"allocated": Money(allocated, m.amount.currency), "amount": m.amount}))
    for a in m.allocations:
        if a.amount.minor <= 0 or a.amount > invoice_balances.get(a.invoice_id, a.amount):
            errors.append(FieldError("allocations", "allocation_above_invoice",
                                     {"invoice": a.invoice_number}))
    return errors


def validate_plan(plan: InstallmentPlan, balance: Money, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    _amount(errors, "total", plan.total, balance)
    line_sum = sum(line.amount.minor for line in plan.lines)
    if line_sum != plan.total.minor:
        errors.append(FieldError("lines", "lines_mismatch",
                                 {"sum": Money(line_sum, plan.total.currency), "total": plan.total}))
    dates = [line.due_on for line in plan.lines]
    if any(d < today for d in dates):
        errors.append(FieldError("lines", "date_in_past"))
    elif any(b <= a for a, b in zip(dates, dates[1:])):
        errors.append(FieldError("lines", "dates_not_increasing"))
    elif dates:
        _ahead(errors, "lines", max(dates), today, PLAN_HORIZON_DAYS)
    if any(line.amount.minor <= 0 for line in plan.lines):
        errors.append(FieldError("lines", "amount_not_positive"))
    down = next((line for line in plan.lines if line.down_payment), None)
    if down is not None and down.amount >= plan.total:
        errors.append(FieldError("down_payment", "down_payment_too_big"))
    _discount(errors, plan, today)
    return errors


def _discount(errors, plan: InstallmentPlan, today: date) -> None:
    if not 0 <= plan.discount_pct <= MAX_DISCOUNT_PCT:
        errors.append(FieldError("discount_pct", "discount_out_of_range", {"max": MAX_DISCOUNT_PCT}))
    elif plan.discount_pct and (plan.discount_until is None or plan.discount_until < today):
        errors.append(FieldError("discount_until", "discount_date_required"))
    elif plan.discount_pct:
        _ahead(errors, "discount_until", plan.discount_until, today, PLAN_HORIZON_DAYS)


def validate_dispute(d: Dispute) -> list[FieldError]:
    errors: list[FieldError] = []
    if not d.invoice_ids:
        errors.append(FieldError("invoice_ids", "no_invoices"))
    _required(errors, "description", d.description)
    return errors


def validate_refusal(r: Refusal) -> list[FieldError]:
    errors: list[FieldError] = []
    _required(errors, "reason", r.reason)
    return errors


def validate_absence(a: Absence, today: date, photo_required: bool = True) -> list[FieldError]:
    """A note of what was found, a photo of the closed premises (on site), the revisit day."""
    errors: list[FieldError] = []
    _required(errors, "note", a.note)
    if photo_required and not a.photos:
        errors.append(FieldError("photos", "photo_required"))
    if a.revisit_on <= today:
        errors.append(FieldError("revisit_on", "date_not_after_today"))
    _ahead(errors, "revisit_on", a.revisit_on, today, REVISIT_HORIZON_DAYS)
    return errors


def validate_answer_dates(items: Iterable, answers: dict, today: date) -> list[FieldError]:
    """The date answers of a step's ``items`` (having ``id`` and ``kind``): days that exist
    (a draft may hold '2026-02-30'), none beyond a sensible horizon. A past follow-up stays
    allowed: an amendment of an old visit keeps the one agreed then."""
    errors: list[FieldError] = []
    for item in items:
        value = answers.get(item.id)
        if item.kind not in DATE_KINDS or not value:
            continue
        day = _day_of(value)
        if day is None:
            errors.append(FieldError(item.id, "date_invalid"))
        else:
            horizon = FOLLOW_UP_HORIZON_DAYS if item.id in FOLLOW_UP_ITEMS else ANSWER_HORIZON_DAYS
            _ahead(errors, item.id, day, today, horizon)
    return errors


def _day_of(value) -> date | None:
    """The day of an ISO date or date-time answer; None when it is no day of the calendar."""
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def ink_length(sig: Signature) -> float:
    """Total length of the strokes, in the pad's pixels."""
    total = 0.0
    for stroke in sig.strokes:
        for (x1, y1), (x2, y2) in zip(stroke, stroke[1:]):
            total += ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    return total


def validate_signature(sig: Signature | None, field_name: str, min_ink: float) -> list[FieldError]:
    if sig is None or not sig.strokes:
        return [FieldError(field_name, "signature_required")]
    if ink_length(sig) < min_ink:
        return [FieldError(field_name, "too_little_ink")]
    errors: list[FieldError] = []
    _required(errors, field_name + "_name", sig.signer_name)
    return errors
