"""The receipt for money taken on site, under its gap-free per-device number."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer

from ..domain.visit import MoneyReceived
from ..i18n.amount_words import amount_in_words
from ..i18n.summary import label
from . import layout, parts
from .model import RecordInput
from .styles import p
from .words import word


def build(rec: RecordInput, money: MoneyReceived) -> bytes:
    """The unsigned PDF of the receipt for ``money`` (an outcome of ``rec``'s visit)."""
    lang = rec.language
    w = lambda key: word(key, lang)  # noqa: E731
    f = lambda key: label("fields", key, lang)  # noqa: E731
    title = w("receipt")
    story = [p(title.upper() if lang in ("vi", "en") else title, "title"),
             p(f"{f('receipt_no')}: {money.receipt_no} · {parts.finalized(rec)}", "subtitle"),
             p(f"{f('amount')}: {parts.money(money.amount, lang)}", "big"),
             p(f"{w('in_words')}: {amount_in_words(money.amount, lang)}", "strong"), Spacer(1, 6),
             layout.fields(_rows(rec, money), label_share=0.3)]
    if money.allocations:
        rows = [[a.invoice_number, parts.money(a.amount, lang)] for a in money.allocations]
        story += [layout.heading(f("allocations")),
                  layout.table([w("invoice_no"), w("amount")], rows, [.5, .5], right=(1,),
                               total=[w("total"), parts.money(money.amount, lang)])]
    story += [Spacer(1, 6), p(w("receipt_note"), "small"), Spacer(1, 10),
              KeepTogether([_signatures(rec), Spacer(1, 8), parts.qr_block(rec)])]
    return layout.build(story, parts.letterhead(rec, title, f("receipt_no"), money.receipt_no))


def _rows(rec: RecordInput, money: MoneyReceived) -> list[tuple[str, str]]:
    lang, c = rec.language, rec.customer
    w = lambda key: word(key, lang)  # noqa: E731
    f = lambda key: label("fields", key, lang)  # noqa: E731
    rows = [(w("received_from"), f"{c.name} ({c.code})"), (w("tax_code"), c.tax_code),
            (w("address"), c.full_address),
            (w("paid_by"), parts.person_met(rec.visit, lang)),
            (f("method"), label("values", money.method, lang)), (f("reference"), money.reference)]
    if money.cheque_date:
        rows.append((f("cheque_date"), parts.day(money.cheque_date, lang)))
    rows += [(w("received_by"), rec.visit.collector), (w("record_no"), rec.number)]
    return [(k, v) for k, v in rows if v]


def _signatures(rec: RecordInput):
    lang, v = rec.language, rec.visit
    return parts.pair(
        parts.signature_cell(word("paid_by", lang), v.customer_signature,
                             v.answers.get("met_contact", ""), v.answers.get("met_role", ""), lang),
        parts.signature_cell(word("received_by", lang), v.collector_signature, v.collector,
                             rec.collector_title, lang))
