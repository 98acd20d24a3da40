"""Everything a visit must satisfy before it can be finalized, step by step."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..domain.checklist import (Checklist, customer_absent, customer_signed_already,
                                validate_answers)
from ..domain.money import Money
from ..domain.text_limits import outcome_errors, signature_errors
from ..domain.stored import OpenInvoice
from ..domain.validation import (OVER_BALANCE_REASON, FieldError, validate_absence,
                                 validate_commitments, validate_dispute,
                                 validate_money_received, validate_plan, validate_promise,
                                 validate_refusal, validate_signature, validate_answer_dates)
from ..domain.visit import (Absence, Dispute, InstallmentPlan, MoneyReceived, Promise, Refusal,
                            Visit, VisitKind)
from ..store import visit_repo
from . import settings as cfg


@dataclass(frozen=True)
class VisitContext:
    """The customer's open invoices when the visit is checked."""

    customer_id: int
    invoices: tuple[OpenInvoice, ...]
    currency: str  # the customer's account currency, also when nothing is open
    # Earlier live commitments still open to payments: (their visit and the visits it amends,
    # what is still unpaid in the account currency).
    earlier: tuple[tuple[tuple[str, ...], int], ...] = ()

    def owed(self, visit: Visit) -> Money:
        """Open and undisputed, before the money taken on this visit."""
        disputing = {i for o in visit.outcomes if isinstance(o, Dispute) for i in o.invoice_ids}
        return Money(sum(i.balance.minor for i in self.invoices
                         if not i.disputed and i.id not in disputing), self.currency)

    def committed(self, visit: Visit) -> Money:
        """This visit's new money, promises and plans, with what earlier commitments still
        expect (not those of the visit an amendment replaces): each unit once."""
        money = new_commitments = 0
        for o in visit.outcomes:
            if isinstance(o, MoneyReceived) and not o.receipt_no:
                money += o.amount.minor
            elif isinstance(o, Promise):
                new_commitments += o.amount.minor
            elif isinstance(o, InstallmentPlan):
                new_commitments += o.total.minor
        replaced = {visit.uuid, visit.amends}
        earlier = sum(left for visits, left in self.earlier if not replaced & set(visits))
        # Money taken today pays what earlier commitments still expect (each is open to
        # payments today): counted once, not once as money and again as their remainder.
        return Money(money + new_commitments + max(0, earlier - money), self.currency)

    def open_balance(self) -> Money:
        return Money(sum(i.balance.minor for i in self.invoices), self.currency)

    def collectible(self, visit: Visit) -> Money:
        """Open balance less disputed invoices and money already taken on this visit."""
        disputing = {i for o in visit.outcomes if isinstance(o, Dispute) for i in o.invoice_ids}
        minor = sum(i.balance.minor for i in self.invoices
                    if not i.disputed and i.id not in disputing)
        taken = sum(o.amount.minor for o in visit.outcomes
                    if isinstance(o, MoneyReceived) and not o.receipt_no)
        return Money(max(0, minor - taken), self.currency)

    def left_open(self, visit: Visit) -> tuple[OpenInvoice, ...]:
        """Invoices a plan of ``visit`` covers: not disputed, with what is left once the money
        taken on this visit is counted; those it pays in full are left out."""
        disputing = {i for o in visit.outcomes if isinstance(o, Dispute) for i in o.invoice_ids}
        taken: dict[int, int] = {}
        for o in visit.outcomes:
            if isinstance(o, MoneyReceived) and not o.receipt_no:
                for a in o.allocations:
                    taken[a.invoice_id] = taken.get(a.invoice_id, 0) + a.amount.minor
        left = [replace(i, balance=Money(i.balance.minor - taken.get(i.id, 0), i.balance.currency))
                for i in self.invoices if not i.disputed and i.id not in disputing]
        return tuple(i for i in left if i.balance.minor > 0)


def load_context(store, customer_id: int, today: date | None = None,
                 grace_days: int = 0) -> VisitContext:
    """The customer's open invoices; with ``today``, also what earlier commitments still expect."""
    # followups imports finalize, which imports this module: imported here, when first needed.
    from .followups import open_commitments  # noqa: PLC0415
    with store.sessions() as session:
        invoices = tuple(visit_repo.invoice_balances(session, customer_id))
        currency = visit_repo.customer_currency(session, customer_id)
        earlier = () if today is None else tuple(
            open_commitments(session, customer_id, currency, today, grace_days))
    return VisitContext(customer_id, invoices, currency, earlier)


def _outcome_errors(outcome, ctx: VisitContext, visit: Visit, today: date, settings) -> list[FieldError]:
    if isinstance(outcome, MoneyReceived):
        if outcome.receipt_no:  # recorded when the original was finalized
            return []
        balances = {i.id: i.balance for i in ctx.invoices}
        return validate_money_received(outcome, ctx.open_balance(), today, balances)
    if isinstance(outcome, Promise):
        return validate_promise(outcome, ctx.collectible(visit), today,
                                settings.get(cfg.PROMISE_HORIZON_DAYS))
    if isinstance(outcome, InstallmentPlan):
        return validate_plan(outcome, ctx.collectible(visit), today)
    if isinstance(outcome, Dispute):
        return validate_dispute(outcome)
    if isinstance(outcome, Refusal):
        if customer_absent(visit.answers):
            return [FieldError("reason", "refusal_while_absent")]
        return validate_refusal(outcome)
    if isinstance(outcome, Absence):
        on_site = visit.kind is VisitKind.VISIT
        if on_site and not customer_absent(visit.answers):
            return [FieldError("note", "absent_not_chosen")]
        return validate_absence(outcome, today, photo_required=on_site)
    raise TypeError(f"unknown outcome {outcome!r}")


def check_outcomes(visit: Visit, ctx: VisitContext, today: date, settings) -> list[FieldError]:
    """Errors of the Resolve step, fields named ``outcomes.<index>.<field>``."""
    if customer_absent(visit.answers) and not any(isinstance(o, Absence) for o in visit.outcomes):
        return [FieldError("outcomes", "absence_required")]
    if not visit.outcomes:
        return [FieldError("outcomes", "required")]
    errors = []
    for index, outcome in enumerate(visit.outcomes):
        found = _outcome_errors(outcome, ctx, visit, today, settings) + outcome_errors(outcome)
        errors += [replace(e, field=f"outcomes.{index}.{e.field}") for e in found]
    if any(e.code == "amount_above_balance" for e in errors):
        return errors  # one amount alone is too much: that error says it
    return errors + validate_commitments(ctx.committed(visit), ctx.owed(visit),
                                         visit.answers.get(OVER_BALANCE_REASON, ""))


def check_signatures(visit: Visit, settings, checklist: Checklist | None = None,
                     original: Visit | None = None) -> list[FieldError]:
    """Both sign; the collector alone when the customer was absent or an amendment changed
    nothing the customer signed."""
    ink = settings.get(cfg.MIN_INK)
    alone = customer_absent(visit.answers) or (
        checklist is not None and customer_signed_already(visit, checklist, original))
    customer = [] if alone else (
        validate_signature(visit.customer_signature, "customer_signature", ink)
        + signature_errors(visit.customer_signature, "customer_signature"))
    return (customer + validate_signature(visit.collector_signature, "collector_signature", ink)
            + signature_errors(visit.collector_signature, "collector_signature"))


def check_step(step_id: str, visit: Visit, checklist: Checklist, ctx: VisitContext, today: date,
               settings, original: Visit | None = None) -> list[FieldError]:
    """What keeps ``step_id`` from being finished (``original``: the record an amendment
    corrects)."""
    if step_id == "resolve":
        return check_outcomes(visit, ctx, today, settings)
    if step_id == "sign":
        return check_signatures(visit, settings, checklist, original) \
            if visit.kind is VisitKind.VISIT else []
    step = checklist.step(step_id)
    return validate_answers(step, visit.answers) + validate_answer_dates(step.items, visit.answers,
                                                                          today)


def check_visit(visit: Visit, checklist: Checklist, ctx: VisitContext, today: date,
                settings, original: Visit | None = None) -> dict[str, list[FieldError]]:
    """Errors per unfinished step; empty when the visit can be finalized."""
    result = {s.id: check_step(s.id, visit, checklist, ctx, today, settings, original)
              for s in checklist.steps}
    return {step: errors for step, errors in result.items() if errors}
