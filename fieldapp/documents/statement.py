"""The statement of account: open invoices, payments received and the aging of the balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from reportlab.platypus import KeepTogether, Spacer

from ..domain.enums import AgingBucket
from ..domain.money import totals_by_currency
from ..domain.records import CustomerFile
from ..i18n.formatting import format_amount, format_number
from ..i18n.summary import label
from . import layout, parts
from .model import Company, Signing
from .styles import p
from .words import word

PAYMENT_DAYS = 365  # payments of the last year; older ones are settled history
MAX_PAYMENTS = 40


def number(file: CustomerFile) -> str:
    return f"SOA-{file.customer.code}-{file.as_of:%Y%m%d}"


@dataclass(frozen=True)
class StatementInput:
    file: CustomerFile
    company: Company
    signing: Signing
    prepared_by: str

    @property
    def language(self) -> str:
        return self.file.customer.language.value


def build(st: StatementInput) -> bytes:
    """The unsigned PDF of the customer's statement as of ``st.file.as_of``."""
    part = document(st)
    return layout.build(part.story, part.head)


def document(st: StatementInput) -> layout.Part:
    """The statement's pages, to build alone or in a batch (office printing)."""
    lang, file = st.language, st.file
    w = lambda key: word(key, lang)  # noqa: E731
    title, no = w("statement"), number(file)
    story = [p(title.upper() if lang in ("vi", "en") else title, "title"),
             p(f"{w('statement_no')}: {no} · {w('as_of')} {parts.day(file.as_of, lang)}",
               "subtitle"),
             _customer(st), layout.heading(w("open_invoices"))]
    story += _invoices(st) if file.open_invoices else [p(w("none_open"))]
    story += [layout.heading(w("payments")), _payments(st) or p(w("none_paid"))]
    if file.aging:
        story += [layout.heading(w("aging_summary")),
                  p(word("aging_note", lang, date=parts.day(file.as_of, lang)), "small"),
                  Spacer(1, 2), _aging(st)]
    story += [Spacer(1, 6), p(w("statement_note")), Spacer(1, 10),
              KeepTogether([_signatures(st), Spacer(1, 6), parts.signing_note(st.signing, lang)])]
    head = layout.Letterhead(st.company, title, f"{w('statement_no')}: {no}",
                             f"{no} · {file.customer.name}", lang, st.signing.development,
                             author=st.prepared_by)
    return layout.Part(story, head)


def _customer(st: StatementInput):
    lang, c = st.language, st.file.customer
    w = lambda key: word(key, lang)  # noqa: E731
    place = c.full_address
    rows = [(w("customer"), c.name), (w("customer_code"), c.code), (w("tax_code"), c.tax_code),
            (w("phone"), c.phone), (w("address"), place)]
    return layout.fields([r for r in rows if r[1]], label_share=0.25)


def _invoices(st: StatementInput) -> list:
    """The open invoices, disputed ones marked '*' and explained (with their total) below."""
    lang, file = st.language, st.file
    w = lambda key: word(key, lang)  # noqa: E731
    invoices = sorted(file.open_invoices, key=lambda i: (i.due_on, i.number))
    rows = [[f"{i.number} *" if i.disputed else i.number, parts.day(i.issued_on, lang),
             parts.day(i.due_on, lang), parts.money(i.amount, lang),
             parts.money(i.open_balance, lang), format_number(i.days_late(file.as_of), lang)]
            for i in invoices]
    totals = totals_by_currency(i.open_balance for i in invoices).values()
    total = [w("total"), "", "", "", "\n".join(parts.money(t, lang) for t in totals), ""]
    story = [layout.table([w("invoice_no"), w("issued_on"), w("due_on"), w("amount"),
                           w("open_balance"), w("days_late")], rows,
                          [.19, .16, .16, .18, .2, .11], right=(3, 4, 5), total=total)]
    disputed = totals_by_currency(i.open_balance for i in invoices if i.disputed).values()
    if disputed:
        amount = ", ".join(parts.money(t, lang) for t in disputed)
        story += [Spacer(1, 3), p(word("disputed_note", lang, amount=amount), "small")]
    return story


def _payments(st: StatementInput):
    lang, file = st.language, st.file
    w = lambda key: word(key, lang)  # noqa: E731
    f = lambda key: label("fields", key, lang)  # noqa: E731
    since = file.as_of - timedelta(days=PAYMENT_DAYS)
    recent = [pay for pay in file.payments if pay.paid_on >= since][:MAX_PAYMENTS]
    if not recent:
        return None
    rows = [[parts.day(pay.paid_on, lang), label("values", pay.method.value, lang), pay.reference,
             ", ".join(a.invoice_number for a in pay.allocations), parts.money(pay.amount, lang)]
            for pay in recent]
    return layout.table([w("date"), f("method"), f("reference"), f("allocations"), w("amount")],
                        rows, [.16, .14, .2, .27, .23], right=(4,))


def _aging(st: StatementInput):
    lang = st.language
    buckets = list(AgingBucket)
    # Bare numbers: the currency column names the currency once per line.
    rows = [[a.currency] + [format_amount(a.amount(b), lang) for b in buckets]
            + [format_amount(a.total, lang)] for a in st.file.aging]
    header = [word("currency", lang), *(word(b.value, lang) for b in buckets), word("total", lang)]
    return layout.table(header, rows, [.08, .146, .146, .146, .146, .146, .19],
                        right=tuple(range(1, 7)))


def _signatures(st: StatementInput):
    lang, c = st.language, st.file.customer
    return parts.pair(
        parts.signature_cell(word("prepared_by", lang), None, st.prepared_by, "", lang, wet=True),
        parts.signature_cell(word("confirmed_by", lang), None, "", c.name, lang, wet=True))
