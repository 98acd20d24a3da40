"""Installment agreement: parties, acknowledged debt, schedule, discount, default, signatures."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer

from ..domain.installments import discounted_total
from ..domain.visit import InstallmentPlan
from ..i18n.formatting import format_percent
from ..i18n.summary import default_clause, label
from . import layout, parts
from .model import RecordInput
from .styles import p
from .words import word


def number(rec: RecordInput, index: int) -> str:
    """The agreement's number: its record's, and which plan of the record it is."""
    return f"{rec.number}-P{index}"


def build(rec: RecordInput, plan: InstallmentPlan, index: int = 1, wet: bool = False) -> bytes:
    """The unsigned PDF; ``wet`` leaves the signature boxes empty for signing on paper."""
    part = document(rec, plan, index, wet)
    return layout.build(part.story, part.head)


def document(rec: RecordInput, plan: InstallmentPlan, index: int = 1, wet: bool = False
             ) -> layout.Part:
    """The agreement's pages, to build alone or in a batch (office printing)."""
    lang = rec.language
    w = lambda key, **kw: word(key, lang, **kw)  # noqa: E731
    title, no = w("agreement"), number(rec, index)
    story = [p(title.upper() if lang in ("vi", "en") else title, "title"),
             p(f"{w('agreement_no')}: {no} · {w('made_on')}: {parts.day(rec.as_of, lang)}",
               "subtitle"),
             _parties(rec), Spacer(1, 4)]
    *articles, last = _articles(rec, plan)
    # The last article travels with the signatures: a signature page never stands alone.
    story += articles + [KeepTogether(last + [Spacer(1, 10), _signatures(rec, wet), Spacer(1, 8),
                                              parts.qr_block(rec)])]
    return layout.Part(story, parts.letterhead(rec, title, w("agreement_no"), no))


def _party(caption: str, name: str, address: str, tax_code: str, person: str, lang: str):
    w = lambda key: word(key, lang)  # noqa: E731
    rows = [(w("address"), address), (w("tax_code"), tax_code), (w("represented_by"), person)]
    return [p(caption, "strong"), p(name, "strong"),
            layout.fields([r for r in rows if r[1]], label_share=0.3, width=0.48)]


def _parties(rec: RecordInput):
    lang, c, v = rec.language, rec.customer, rec.visit
    company = rec.company
    collector = ", ".join(x for x in (v.collector, rec.collector_title) if x)
    place = c.full_address
    return parts.pair(
        _party(word("party_a", lang), company.name, company.address, company.tax_code, collector,
               lang),
        _party(word("party_b", lang), c.name, place, c.tax_code, parts.person_met(v, lang), lang))


def _articles(rec: RecordInput, plan: InstallmentPlan) -> list:
    lang = rec.language
    w = lambda key, **kw: word(key, lang, **kw)  # noqa: E731
    money = lambda m: parts.money(m, lang)  # noqa: E731
    debt = [layout.heading(w("art_debt")),
            p(w("debt_text", date=parts.day(rec.as_of, lang), amount=money(plan.total)))]
    # Balances after the money taken on this visit: the same debt Article 1 states.
    covered = parts.covered(rec.open_after(), plan.invoice_ids)
    if covered:
        debt.append(parts.invoice_table(covered, rec.as_of, lang))
    frequency = label("values", plan.frequency.value, lang)
    schedule = [layout.heading(w("art_schedule")), p(w("schedule_text", frequency=frequency)),
                parts.schedule_table(plan, lang)]
    if plan.discount_pct and plan.discount_until:
        discount = w("discount_text", date=parts.day(plan.discount_until, lang),
                     pct=format_percent(plan.discount_pct, lang),
                     amount=money(discounted_total(plan.total, plan.discount_pct)))
    else:
        discount = w("no_discount")
    return debt + [KeepTogether(schedule),
                   layout.heading(w("art_discount")), p(discount),
                   layout.heading(w("art_default")), p(plan.default_clause or default_clause(lang)),
                   [layout.heading(w("art_general")), p(w("general_text", record=rec.number))]]


def _signatures(rec: RecordInput, wet: bool):
    lang, v = rec.language, rec.visit
    return parts.pair(
        parts.signature_cell(word("party_a", lang), v.collector_signature, v.collector,
                             rec.collector_title, lang, wet),
        parts.signature_cell(word("party_b", lang), v.customer_signature,
                             v.answers.get("met_contact", ""), v.answers.get("met_role", ""), lang,
                             wet))
