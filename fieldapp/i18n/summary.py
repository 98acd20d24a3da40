"""A visit as the customer reads it: titled sections of label/value rows in one language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ..domain.checklist import SPECIAL_KINDS, Checklist, localized, skipped
from ..domain.visit import (OUTCOME_KINDS, Absence, Dispute, InstallmentPlan, MoneyReceived,
                            Promise, Refusal, Visit)
from ..domain.money import Money
from ..paths import resource_dir
from .formatting import format_date, format_datetime, format_money, format_number, format_percent


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def texts() -> dict:
    return json.loads((resource_dir() / "texts" / "outcomes.json").read_text(encoding="utf-8"))


def label(group: str, key: str, language: str) -> str:
    entry = texts()[group].get(key)
    return localized(entry, language) if entry else key


def default_clause(language: str, days: int = 15) -> str:
    return localized(texts()["default_clause"], language).format(days=days)


def _typed(kind: str, value, language: str) -> str | None:
    """Amounts, dates and times of answers in ``language``; None when ``kind`` isn't one."""
    try:
        if kind == "money" and isinstance(value, dict):
            return format_money(Money(int(value["minor"]), value["currency"]), language, iso_code=True)
        if kind == "date":
            return format_date(date.fromisoformat(str(value)[:10]), language)
        if kind == "datetime":
            return format_datetime(datetime.fromisoformat(str(value)), language, "short")
        if kind == "int":
            return format_number(int(value), language)
    except (KeyError, TypeError, ValueError):  # an odd stored value shows as it was typed
        return str(value)
    return None


def _answer(item, value, language: str) -> str:
    if item.kind == "bool":
        return "✓" if value else "—"
    if item.options:
        chosen = value if isinstance(value, list) else [value]
        names = {o.id: localized(o.label, language) for o in item.options}
        return ", ".join(names.get(v, str(v)) for v in chosen)
    if item.kind == "objections":
        return "; ".join(f"{o.get('objection', '')} → {o.get('answer', '')}" for o in value)
    typed = _typed(item.kind, value, language)
    return str(value) if typed is None else typed


def _shown(item, answers: dict, skip) -> bool:
    # Internal items (our target, prepared answers, the note to the supervisor) are the
    # collector's and the office's; the customer reads and signs the rest.
    # What does not apply (nobody met when the customer was absent) is left out even if it was
    # typed before the collector found the premises closed.
    return (item.kind not in SPECIAL_KINDS and not item.internal and item.id not in skip
            and not skipped(item, answers) and answers.get(item.id) not in (None, "", []))


def answer_sections(visit: Visit, checklist: Checklist, language: str,
                    skip: frozenset[str] = frozenset()) -> list[Section]:
    """The customer-facing answers, step by step, less the ``skip`` items."""
    sections = []
    for step in checklist.steps:
        if skipped(step, visit.answers):
            continue
        rows = tuple((item.text(language), _answer(item, visit.answers[item.id], language))
                     for item in step.items if _shown(item, visit.answers, skip))
        if rows:
            sections.append(Section(localized(step.title, language), rows))
    return sections


def outcome_rows(o, language: str, invoice_numbers: dict[int, str]) -> tuple[tuple[str, str], ...]:
    """The label/value rows of one outcome."""
    f = lambda key: label("fields", key, language)  # noqa: E731
    money = lambda m: format_money(m, language, iso_code=True)  # noqa: E731
    day = lambda d: format_date(d, language)  # noqa: E731
    numbers = lambda ids: ", ".join(invoice_numbers.get(i, str(i)) for i in ids)  # noqa: E731
    if isinstance(o, MoneyReceived):
        rows = [(f("amount"), money(o.amount)), (f("method"), label("values", o.method, language))]
        rows += [(f("reference"), o.reference)] if o.reference else []
        rows += [(f("cheque_date"), day(o.cheque_date))] if o.cheque_date else []
        rows += [(f("allocations"), ", ".join(f"{a.invoice_number}: {money(a.amount)}" for a in o.allocations))]
        return tuple(rows + ([(f("receipt_no"), o.receipt_no)] if o.receipt_no else []))
    if isinstance(o, Promise):
        return ((f("amount"), money(o.amount)), (f("due_on"), day(o.due_on)),
                (f("promised_by"), o.promised_by))
    if isinstance(o, InstallmentPlan):
        rows = [(f("total"), money(o.total)), (f("frequency"), label("values", o.frequency.value, language))]
        for n, line in enumerate(o.lines, 1):
            name = f("down_payment") if line.down_payment else f"{f('installment')} {n}"
            rows.append((name, f"{day(line.due_on)} — {money(line.amount)}"))
        if o.discount_pct:
            rows.append((f("discount"), f"{format_percent(o.discount_pct, language)} — "
                                        f"{f('discount_until')} {day(o.discount_until)}"))
        return tuple(rows + ([(f("default_clause"), o.default_clause)] if o.default_clause else []))
    if isinstance(o, Dispute):
        return ((f("reason"), label("values", o.reason.value, language)),
                (f("invoices"), numbers(o.invoice_ids)), (f("description"), o.description),
                (f("proposed_resolution"), o.proposed_resolution),
                (f("deadline"), format_datetime(o.deadline, language, "short")))
    if isinstance(o, Refusal):
        return ((f("reason"), o.reason), (f("next_step"), label("values", o.next_step.value, language)))
    if isinstance(o, Absence):
        return ((f("note"), o.note), (f("revisit_on"), day(o.revisit_on)))
    raise TypeError(f"unknown outcome {o!r}")


def visit_summary(visit: Visit, checklist: Checklist, language: str,
                  invoice_numbers: dict[int, str]) -> list[Section]:
    """Answers step by step, then one section per outcome."""
    sections = answer_sections(visit, checklist, language)
    for o in visit.outcomes:
        title = label("kinds", OUTCOME_KINDS[type(o)].value, language)
        sections.append(Section(title, outcome_rows(o, language, invoice_numbers)))
    return sections
