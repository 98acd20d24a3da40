"""An installment agreement made with money taken on the same visit never contradicts itself:
Article 1's debt and the invoice table are the balances after that money (text by pdftotext)."""

from dataclasses import replace
from datetime import date

from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import InstallmentPlan, MoneyReceived
from fieldapp.services.documents import DocumentKind
from fieldapp.services.portfolio import Portfolio
from tests.unit.test_documents_service import NOW, complete, text, world  # noqa: F401


def test_the_agreement_lists_balances_after_the_visit_s_money_and_leaves_paid_invoices_out(world):  # noqa: F811
    visits, documents, ids, _clock, home = world
    cid = ids["vi"]
    invoices = Portfolio(visits._store, lambda: NOW.date()).open_customer(cid).invoices
    first, second = sorted(invoices, key=lambda i: -i.open_balance.minor)   # 20 M, 8 M
    vnd = lambda minor: Money(minor, "VND")  # noqa: E731
    cash = MoneyReceived(vnd(22_000_000), "cash", "",
                         (Allocation(first.id, first.number, vnd(20_000_000)),     # paid in full
                          Allocation(second.id, second.number, vnd(2_000_000))))
    rest = vnd(6_000_000)
    plan = InstallmentPlan(rest, build_schedule(rest, 2, date(2026, 12, 5), Frequency.MONTHLY),
                           Frequency.MONTHLY, invoice_ids=(first.id, second.id))
    final, _ = visits.finalize(complete(visits.start(cid), "Nguyễn Thị Hường", cash, plan))
    (agreement,) = [d for d in documents.of_visit(final.uuid) if d.kind is DocumentKind.AGREEMENT]
    words = text(documents.pdf(agreement.id), home)
    article1 = words[:words.index(first.number) if first.number in words else len(words)]
    assert "VND 6.000.000" in article1
    assert first.number not in words                      # paid in full on the visit
    assert second.number in words and "VND 8.000.000" not in words   # 8 M before, 6 M after
    assert "VND 28.000.000" not in words and "VND 20.000.000" not in words
    # the record still shows what the customer was shown: balances before the money
    (record,) = [d for d in documents.of_visit(final.uuid) if d.kind is DocumentKind.VISIT_RECORD]
    shown = text(documents.pdf(record.id), home)
    assert first.number in shown and "VND 28.000.000" in shown


def test_an_amended_record_shows_the_balances_the_original_meeting_showed(world):  # noqa: F811
    """The money stays booked under the original visit; revision 2 of the record still lists the
    invoice that money paid in full, with its balance before the money, as revision 1 does."""
    visits, documents, ids, _clock, home = world
    cid = ids["vi"]
    invoices = Portfolio(visits._store, lambda: NOW.date()).open_customer(cid).invoices
    first = max(invoices, key=lambda i: i.open_balance.minor)  # 20 M, paid in full below
    cash = MoneyReceived(Money(20_000_000, "VND"), "cash", "",
                         (Allocation(first.id, first.number, Money(20_000_000, "VND")),))
    original, _ = visits.finalize(complete(visits.start(cid), "Nguyễn Thị Hường", cash))
    draft = visits.amend(original.uuid, "Sửa ghi chú")
    signed = complete(draft, "Nguyễn Thị Hường", *draft.outcomes)
    amended, _ = visits.finalize(replace(signed, answers={**signed.answers, "objective": "Sửa"}))
    (record,) = [d for d in documents.of_visit(amended.uuid)
                 if d.kind is DocumentKind.VISIT_RECORD]
    shown = text(documents.pdf(record.id), home)
    assert first.number in shown and "VND 28.000.000" in shown
