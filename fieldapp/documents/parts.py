"""Blocks several documents share: invoice and schedule tables, signature pairs, the QR block."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ..domain.installments import InstallmentLine
from ..domain.money import Money, totals_by_currency
from ..domain.records import Invoice
from ..domain.visit import InstallmentPlan, Signature, Visit
from ..i18n.formatting import format_date, format_datetime, format_money, format_number
from ..i18n.summary import label
from . import layout
from .model import RecordInput, Signing
from .qr import QrCode
from .strokes import SignatureBox
from .styles import WIDTH, p
from .words import word


def money(m: Money, language: str) -> str:
    """Amounts on documents carry the ISO code: zh_TW would print TWD as a bare '$'."""
    return format_money(m, language, iso_code=True)


def day(d: date, language: str) -> str:
    return format_date(d, language)


def moment(value, language: str) -> str:
    return format_datetime(value, language, "short")


def invoice_table(invoices, as_of: date, language: str) -> Table:
    """Invoices with balance, days late and aging bucket as of ``as_of``; a total per currency."""
    w = lambda key: word(key, language)  # noqa: E731
    rows = [[i.number, day(i.issued_on, language), day(i.due_on, language),
             format_number(i.days_late(as_of), language), w(i.bucket(as_of).value),
             money(i.open_balance, language)] for i in invoices]
    totals = list(totals_by_currency(i.open_balance for i in invoices).values())
    total = [w("total"), "", "", "", "", "\n".join(money(t, language) for t in totals)]
    return layout.table([w("invoice_no"), w("issued_on"), w("due_on"), w("days_late"), w("aging"),
                         w("open_balance")], rows, [.19, .16, .16, .1, .15, .24], right=(3, 5),
                        total=total if totals else None)


def schedule_rows(plan: InstallmentPlan, language: str) -> tuple[list[list[str]], list[str]]:
    """(one row per line, the total row): number, due date, amount, down-payment note."""
    rows = []
    for n, line in enumerate(plan.lines, 1):
        note = label("fields", "down_payment", language) if line.down_payment else ""
        rows.append([str(n), day(line.due_on, language), money(line.amount, language), note])
    return rows, [word("total", language), "", money(plan.total, language), ""]


def lines_total(lines: tuple[InstallmentLine, ...], currency: str) -> Money:
    return Money(sum(line.amount.minor for line in lines), currency)


def schedule_table(plan: InstallmentPlan, language: str) -> Table:
    rows, total = schedule_rows(plan, language)
    w = lambda key: word(key, language)  # noqa: E731
    return layout.table([w("no"), w("due_on"), w("amount"), ""], rows, [.1, .3, .35, .25],
                        right=(0, 2), total=total)


def person_met(visit: Visit, language: str) -> str:
    answers = visit.answers
    text = ", ".join(x for x in (answers.get("met_contact", ""), answers.get("met_role", "")) if x)
    if answers.get("authority_to_pay"):
        text += f" ({word('can_pay', language)})"
    return text


def signature_cell(caption: str, sig: Signature | None, name: str, title: str, language: str,
                   wet: bool = False) -> list[Flowable]:
    """Caption, the strokes (or room for ink), the signer's name and title."""
    cell = [p(caption, "strong"), SignatureBox(None if wet else sig, 0.42 * WIDTH, 22 * mm)]
    if wet or sig is None:
        cell.append(p(word("wet_hint", language) if wet else word("not_signed", language), "small"))
    signer = sig.signer_name if (sig and not wet) else name
    role = sig.signer_title if (sig and not wet) else title
    return cell + [p(signer or " ", "strong"), p(role or " ", "small")]


def pair(left: list[Flowable], right: list[Flowable]) -> Table:
    """Two blocks side by side (signature boxes)."""
    return Table([[left, right]], colWidths=[WIDTH / 2, WIDTH / 2],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]), hAlign="LEFT")


def qr_block(rec: RecordInput) -> Table:
    """QR code beside the record id, the SHA-256 and who signs the file."""
    lang = rec.language
    sha = rec.sha256
    text = [p(f"{word('record_no', lang)}: {rec.number}", "strong"),
            p(f"{word('record_id', lang)}: {rec.visit.uuid}", "small"),
            p(f"SHA-256: {sha[:32]}\n{sha[32:]}", "small"),
            p(word("qr_hint", lang), "small"), signing_note(rec.signing, lang)]
    size = 30 * mm
    return Table([[QrCode(rec.payload, size), text]],
                 colWidths=[size + 4 * mm, WIDTH - size - 4 * mm],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]), hAlign="LEFT")


def signing_note(signing: Signing, language: str) -> Flowable:
    note = word("signed_by", language, signer=signing.signer)
    if signing.development:
        note += " " + word("development", language)
    return p(note, "warn" if signing.development else "small")


def finalized(rec: RecordInput) -> str:
    return moment(rec.visit.finalized_at or rec.visit.started_at, rec.language)


def letterhead(rec: RecordInput, title: str, number_caption: str, number: str) -> layout.Letterhead:
    return layout.Letterhead(rec.company, title, f"{number_caption}: {number}",
                             f"{word('record_no', rec.language)} {rec.number} · {rec.visit.uuid}",
                             rec.language, rec.signing.development, rec.payload,
                             rec.visit.collector)


def covered(invoices, ids) -> list[Invoice]:
    wanted = set(ids)
    return [i for i in invoices if i.id in wanted]
