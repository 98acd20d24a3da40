"""Batch printing at the office: a day's installment agreements and a group's statements of
account as one PDF, each customer from a new page in the customer's language, signed by the
office's document key (issued under the company CA at first use); bad requests said clearly."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta

import pytest

from fieldapp.documents import agreement, sample, statement
from fieldapp.domain.errors import FieldappError
from fieldapp.services.office.app import build
from fieldapp.services.office.printing import StatementGroup
from fieldapp.sync import office_documents
from tests import print_data
from tests.conftest import ON_BOTH_DATABASES
from tests.print_data import DAY, NAMES, PASSPHRASE

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or
                                   shutil.which("pdfsig") is None, reason="poppler-utils missing")


@pytest.fixture
def office(store, tmp_path):
    home = tmp_path / "office"
    home.mkdir()
    made = print_data.build(store, home)
    return made, build(store, today=DAY + timedelta(days=1), actor="test")


def text(pdf: bytes, tmp_path, first: int, last: int | None = None) -> str:
    path = tmp_path / "batch.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last or first), str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


def pdfsig(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def single_pages(pdf: bytes) -> int:
    """Pages of one document built alone, counted as poppler counts them."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415
    from io import BytesIO  # noqa: PLC0415
    return len(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Kids"])


@needs_poppler
def test_a_days_agreements_one_customer_after_another_each_in_its_language(office, tmp_path):
    made, services = office
    printed = services.printing.agreements(DAY, "", made.home, PASSPHRASE)
    # Collector by collector (Lan, then Minh), oldest first.
    assert printed.names == tuple(NAMES[lang] for lang in ("vi", "zh_TW", "zh_CN", "en"))
    assert printed.documents == 4 and printed.customers == 4
    # Each agreement on pages of its own: as many as it has printed alone.
    alone = [single_pages(agreement.build(sample.record(lang), sample.visit(lang).outcomes[1],
                                          1, wet=True)) for lang in print_data.LANGUAGES]
    lengths = [b - a for a, b in zip(printed.starts, printed.starts[1:] + (printed.pages + 1,))]
    assert printed.starts[0] == 1 and lengths == alone
    titles = {"vi": "THỎA THUẬN THANH TOÁN TRẢ GÓP", "zh_TW": "分期付款協議書",
              "zh_CN": "分期付款协议书", "en": "INSTALLMENT PAYMENT AGREEMENT"}
    for n, lang in enumerate(("vi", "zh_TW", "zh_CN", "en")):
        first = text(printed.data, tmp_path, printed.starts[n])
        assert NAMES[lang] in first and titles[lang] in first
        if n:  # the page before belongs to the previous customer only
            before = text(printed.data, tmp_path, printed.starts[n] - 1)
            assert NAMES[lang] not in before
    # Empty boxes for ink, and the office named as the signer on the page.
    whole = text(printed.data, tmp_path, 1, printed.pages)
    assert "Ký, ghi rõ họ tên" in whole and "Công ty ACME" in whole
    out = pdfsig(printed.data, tmp_path)
    assert "Signature is Valid." in out and "Total document signed" in out
    assert "office documents" in out


def test_the_document_key_is_made_once_under_the_ca_and_kept_encrypted(office):
    made, services = office
    keys = made.home / "keys"
    services.printing.statements(StatementGroup(codes=("KH-VI",)), DAY, made.home, PASSPHRASE)
    key_pem = (keys / office_documents.DOCS_KEY).read_bytes()
    cert_pem = (keys / office_documents.DOCS_CERT).read_bytes()
    assert key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    from cryptography import x509  # noqa: PLC0415
    cert = x509.load_pem_x509_certificate(cert_pem)
    ca = x509.load_pem_x509_certificate((keys / "company-ca.pem").read_bytes())
    cert.verify_directly_issued_by(ca)
    assert "office documents" in cert.subject.rfc4514_string()
    services.printing.statements(StatementGroup(codes=("KH-EN",)), DAY, made.home, PASSPHRASE)
    assert (keys / office_documents.DOCS_KEY).read_bytes() == key_pem  # the same key again
    assert (keys / office_documents.DOCS_CERT).read_bytes() == cert_pem


def test_a_wrong_passphrase_is_refused_before_anything_is_made(office):
    made, services = office
    with pytest.raises(FieldappError) as raised:
        services.printing.agreements(DAY, "", made.home, "not the passphrase")
    assert raised.value.code == "enroll.bad_passphrase"
    assert not (made.home / "keys" / office_documents.DOCS_KEY).exists()


@ON_BOTH_DATABASES
def test_a_routes_agreements_only_and_neither_rejected_nor_revised_ones(office, tmp_path):
    made, services = office
    printed = services.printing.agreements(DAY, "Lan", made.home, PASSPHRASE)
    assert set(printed.names) == {NAMES["vi"], NAMES["zh_TW"]} and printed.documents == 2
    # A rejected record and a record revised later are not printed; the revision is.
    services.review.set_state(made.visits["vi"], "rejected", "entered twice")
    revised = print_data.add_agreement(made.store, made.customers["zh_CN"], "zh_CN", "Minh",
                                       sample.WHEN + timedelta(hours=3),
                                       amends=made.visits["zh_CN"])
    visits = [uuid for uuid, _cid in services.printing.agreement_visits(DAY)]
    assert visits == [made.visits["zh_TW"], made.visits["en"], revised]


def test_bad_requests_are_said_clearly(office):
    made, services = office
    p = services.printing
    cases = [(lambda: p.agreement_visits(DAY, "Nobody"), "route.unknown_collector"),
             (lambda: p.agreement_visits(DAY + timedelta(days=1)), "printing.no_agreements"),
             (lambda: p.agreement_visits(DAY + timedelta(days=1), "Lan"), "printing.no_route"),
             (lambda: p.agreement_visits(DAY, "Minh"), "printing.no_route"),
             (lambda: p.statement_customers(StatementGroup(), DAY), "printing.no_customers"),
             (lambda: p.statement_customers(StatementGroup(codes=("KH-VI", "KH-XX")), DAY),
              "route.unknown_customer")]
    for call, code in cases:
        with pytest.raises(FieldappError) as raised:
            call()
        assert raised.value.code == code
    later = DAY + timedelta(days=1)
    print_data.add_route(made.store, made.collectors["Minh"], later, [made.customers["vi"]])
    with pytest.raises(FieldappError) as raised:
        p.agreement_visits(later, "Minh")  # Minh's route, but no agreement made on it
    assert raised.value.code == "printing.no_route_agreements"
    assert "Minh" in str(raised.value) and "2026-11-23" in str(raised.value)
    # Nothing written for a refused request.
    assert not (made.home / "keys" / office_documents.DOCS_KEY).exists()


@needs_poppler
def test_statements_for_customer_codes_in_their_order_as_of_a_day(office, tmp_path):
    made, services = office
    codes = tuple(made.codes[lang] for lang in ("zh_CN", "vi", "zh_TW"))
    printed = services.printing.statements(StatementGroup(codes=codes), date(2026, 11, 30),
                                           made.home, PASSPHRASE)
    assert printed.names == (NAMES["zh_CN"], NAMES["vi"], NAMES["zh_TW"])
    first = text(printed.data, tmp_path, printed.starts[0])
    assert "对账单" in first and NAMES["zh_CN"] in first and "2026年11月30日" in first
    second = text(printed.data, tmp_path, printed.starts[1])
    assert "BẢNG ĐỐI CHIẾU CÔNG NỢ" in second and "30 thg 11, 2026" in second
    assert "HD-2026-0041" in second
    third = text(printed.data, tmp_path, printed.starts[2])
    assert "對帳單" in third and NAMES["zh_TW"] in third
    assert "Signature is Valid." in pdfsig(printed.data, tmp_path)


@ON_BOTH_DATABASES
def test_statements_of_a_collectors_customers_that_owe_and_of_a_route(office):
    made, services = office
    p = services.printing
    with made.store.sessions.begin() as session:
        from sqlalchemy import update  # noqa: PLC0415
        from fieldapp.store.tables import CustomerRow  # noqa: PLC0415
        session.execute(update(CustomerRow).where(CustomerRow.id.in_(
            [made.customers["vi"], made.customers["en"]])).values(
            collector_id=made.collectors["Minh"]))
    assert p.statement_customers(StatementGroup(collector="Minh"), DAY) == [
        made.customers["en"], made.customers["vi"]]  # by code
    with pytest.raises(FieldappError) as raised:
        p.statement_customers(StatementGroup(collector="Lan"), DAY)
    assert raised.value.code == "printing.nothing_owed"
    assert p.statement_customers(StatementGroup(route="Lan"), DAY) == [
        made.customers["zh_TW"], made.customers["vi"]]
    assert p.statement_customers(StatementGroup(route="Lan", route_day=DAY),
                                 DAY + timedelta(days=5)) == [made.customers["zh_TW"],
                                                              made.customers["vi"]]


def test_cancelled_while_laid_out_gives_nothing(office):
    made, services = office
    seen = []

    def report(done, total, what=""):
        seen.append((done, total))
    printed = services.printing.statements(
        StatementGroup(codes=tuple(made.codes.values())), DAY, made.home, PASSPHRASE, report,
        cancelled=lambda: len(seen) >= 5)
    assert printed is None and len(seen) == 5


def test_the_office_finds_the_plans_invoices_by_number_when_the_laptop_numbers_its_own(office):
    """A laptop filled by packs gives customers and invoices its own ids: the record's
    invoice ids are not the office's. The agreement then lists the office's invoices."""
    from fieldapp.services.office.printing import office_plan  # noqa: PLC0415
    made, services = office
    rec = sample.record("vi")  # the laptop's ids: customer 7, invoices 100…104
    money, plan = rec.visit.outcomes
    office_invoices = tuple(replace(i, id=500 + n) for n, i in enumerate(rec.invoices))
    # The office's invoices, and the money the visit took from the first one (office ids).
    rec = replace(rec, invoices=office_invoices, taken=((500, money.amount.minor),))
    assert office_plan(rec, plan, customer_id=7) is plan  # the same numbering: kept
    # The first invoice is named by number by the money taken; the others are the customer's
    # open invoices, which add up to the plan's total.
    mapped = office_plan(rec, plan, customer_id=3)
    assert mapped.invoice_ids == (500, 501, 502, 503, 504)
    # When they do not add up, only what the record names by number is listed.
    other = replace(plan, total=replace(plan.total, minor=plan.total.minor - 1))
    assert office_plan(rec, other, customer_id=3).invoice_ids == (500,)
