"""Documents of finalized visits through the services, on a real SQLite store."""

import hashlib
import sqlite3
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql_text
from pyhanko.keys import load_cert_from_pemder

from fieldapp.documents import verify
from fieldapp.documents.keys import trusted_ca_file
from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import InstallmentPlan, MoneyReceived, Promise, Signature, VisitKind
from fieldapp.services import settings as cfg
from fieldapp.services.documents import DocumentKind, Documents, device_keys
from fieldapp.services.portfolio import Portfolio
from fieldapp.services.visits import Visits
from fieldapp.store import migrations
from fieldapp.store.engine import open_store
from tests.conftest import Clock, ON_BOTH_DATABASES, VN

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
INK = (((0.0, 0.0), (100.0, 0.0), (100.0, 60.0)),)


@pytest.fixture
def world(builder, tmp_path):
    vi = builder.customer("Công ty TNHH Đặng Hưng", contacts=[("Nguyễn Thị Hường", "0912")])
    tw = builder.customer("永豐五金行有限公司", currency="TWD", language="zh_TW", country="TW",
                          contacts=[("林美玲", "0912")])
    for cid, currency, unit in ((vi, "VND", 1_000_000), (tw, "TWD", 100_000)):
        builder.invoice(cid, f"HD-{cid}-1", date(2026, 8, 1), 20 * unit, currency=currency)
        builder.invoice(cid, f"HD-{cid}-2", date(2026, 10, 1), 8 * unit, currency=currency)
    builder.save()
    clock = Clock(NOW)
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    documents = Documents(builder.store, settings, device_keys(tmp_path, settings,
                                                                lambda: clock().date()), clock)
    visits = Visits(builder.store, settings, clock, documents)
    return visits, documents, {"vi": vi, "zh_TW": tw}, clock, tmp_path


def complete(visit, person, *outcomes):
    answers = {"objective": "Thu nợ quá hạn", "materials": ["contract", "invoices"],
               "deliveries_match": "yes", "balances_reviewed": True, "met_contact": person,
               "purpose_stated": True, "position_reason": "cash_flow", "reminder_days": 2}
    return replace(visit, answers=answers, outcomes=outcomes,
                   customer_signature=Signature(person, "Kế toán trưởng", INK, 400, 150),
                   collector_signature=Signature("Trần Minh Khoa", "Collector", INK, 400, 150))


def money_and_plan(store, cid):
    inv = Portfolio(store, lambda: NOW.date()).open_customer(cid).invoices
    currency = inv[0].amount.currency
    paid = Money(inv[0].open_balance.minor // 4, currency)
    cash = MoneyReceived(paid, "cash", "", (Allocation(inv[0].id, inv[0].number, paid),))
    rest = Money(sum(i.open_balance.minor for i in inv) - paid.minor, currency)
    plan = InstallmentPlan(rest, build_schedule(rest, 3, date(2026, 12, 5), Frequency.MONTHLY),
                           Frequency.MONTHLY, invoice_ids=tuple(i.id for i in inv))
    return cash, plan


def text(pdf, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


@ON_BOTH_DATABASES
def test_finalizing_makes_signed_record_agreement_and_receipt(world):
    visits, documents, ids, _clock, home = world
    store = visits._store
    cash, plan = money_and_plan(store, ids["vi"])
    final, changes = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", cash, plan))
    docs = {d.kind: d for d in documents.of_visit(final.uuid)}
    assert set(docs) == {DocumentKind.VISIT_RECORD, DocumentKind.AGREEMENT, DocumentKind.RECEIPT}
    assert docs[DocumentKind.RECEIPT].number == final.outcomes[0].receipt_no
    assert docs[DocumentKind.AGREEMENT].number == docs[DocumentKind.VISIT_RECORD].number + "-P1"
    assert all(d.language == "vi" and d.development for d in docs.values())
    with store.engine.connect() as conn:
        record_sha = conn.execute(sql_text("SELECT sha256 FROM visit WHERE uuid = :u"),
                                  {"u": final.uuid}).scalar()
    roots = [load_cert_from_pemder(str(trusted_ca_file(home)))]
    for doc in docs.values():
        pdf = documents.pdf(doc.id)
        assert hashlib.sha256(pdf).hexdigest() == doc.sha256 and len(pdf) == doc.size
        report = verify.verify_bytes(pdf, roots)
        assert report.ok and (report.record_id, report.record_sha256) == (final.uuid, record_sha)
    record = text(documents.pdf(docs[DocumentKind.VISIT_RECORD].id), home)
    # The invoice paid on the visit shows the balance the customer was shown: before the money.
    assert "HD-1-2" in record and "VND 8.000.000" in record and "VND 28.000.000" in record
    assert "VND 6.000.000" not in record
    assert documents.for_visit(final.uuid)[0] == documents.of_visit(final.uuid)  # nothing twice
    assert [d.kind for d in documents.of_customer(ids["vi"])].count(DocumentKind.RECEIPT) == 1


@ON_BOTH_DATABASES
def test_documents_use_the_customers_language_whatever_the_ui_speaks(world):
    visits, documents, ids, _clock, home = world
    cash, plan = money_and_plan(visits._store, ids["zh_TW"])
    final, _ = visits.finalize(complete(visits.start(ids["zh_TW"]), "林美玲", cash, plan))
    docs = {d.kind: d for d in documents.of_visit(final.uuid)}
    assert {d.language for d in docs.values()} == {"zh_TW"}
    receipt = text(documents.pdf(docs[DocumentKind.RECEIPT].id), home)
    assert "收款收據" in receipt and "TWD 2,000.00" in receipt and "永豐五金行有限公司" in receipt
    agreement = text(documents.pdf(docs[DocumentKind.AGREEMENT].id), home)
    assert "分期付款協議書" in agreement and "林美玲" in agreement


@ON_BOTH_DATABASES
def test_an_amendment_prints_its_history_and_keeps_the_receipt_it_inherits(world):
    visits, documents, ids, clock, home = world
    cash, _plan = money_and_plan(visits._store, ids["vi"])
    promise = Promise(Money(5_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    final, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", cash, promise))
    original = {d.kind: d for d in documents.of_visit(final.uuid)}
    clock.value = NOW + timedelta(hours=2)
    draft = visits.amend(final.uuid, "Khách hàng đổi ngày hẹn")
    fixed = complete(draft, "Nguyễn Thị Hường", final.outcomes[0], replace(promise, due_on=date(2026, 12, 3)))
    amended, _ = visits.finalize(replace(fixed, amends=final.uuid, amend_reason=draft.amend_reason))
    docs = {d.kind: d for d in documents.of_visit(amended.uuid)}
    assert set(docs) == {DocumentKind.VISIT_RECORD}  # the receipt was issued with the original
    assert docs[DocumentKind.VISIT_RECORD].number == original[DocumentKind.VISIT_RECORD].number + "/2"
    record = text(documents.pdf(docs[DocumentKind.VISIT_RECORD].id), home)
    assert "Lịch sử sửa đổi" in record and "Biên bản gốc" in record
    assert "Khách hàng đổi ngày hẹn" in record and original[DocumentKind.VISIT_RECORD].number in record


@ON_BOTH_DATABASES
def test_a_call_gets_its_record_and_an_agreement_printed_for_ink(world):
    visits, documents, ids, _clock, home = world
    _cash, plan = money_and_plan(visits._store, ids["vi"])
    call = complete(visits.start(ids["vi"], VisitKind.CALL), "Nguyễn Thị Hường", plan)
    final, _ = visits.finalize(replace(call, customer_signature=None, collector_signature=None))
    docs = {d.kind: d for d in documents.of_visit(final.uuid)}
    assert set(docs) == {DocumentKind.VISIT_RECORD, DocumentKind.AGREEMENT}
    assert "BIÊN BẢN CUỘC GỌI" in text(documents.pdf(docs[DocumentKind.VISIT_RECORD].id), home)
    agreement = text(documents.pdf(docs[DocumentKind.AGREEMENT].id), home)
    assert agreement.count("(Ký, ghi rõ họ tên, đóng dấu)") == 2
    printed, _ = documents.agreement_for_print(final.uuid)
    assert printed.kind is DocumentKind.AGREEMENT_PRINT and printed.number.endswith("-P1")


@ON_BOTH_DATABASES
def test_statement_of_account_on_demand(world):
    _visits, documents, ids, clock, home = world
    info, changes = documents.statement(ids["zh_TW"])
    assert info.kind is DocumentKind.STATEMENT and info.visit_uuid is None
    assert info.number == f"SOA-KH000002-{clock.value:%Y%m%d}" and ids["zh_TW"] in changes.customers
    statement = text(documents.pdf(info.id), home)
    assert "對帳單" in statement and "TWD 28,000.00" in statement and "帳齡分析" in statement
    assert info in documents.of_customer(ids["zh_TW"])


@ON_BOTH_DATABASES
def test_agreements_made_on_a_day_span_customers_and_include_ink_versions(world):
    visits, documents, ids, clock, _home = world
    finals = []
    for lang, person in (("vi", "Nguyễn Thị Hường"), ("zh_TW", "林美玲")):
        _cash, plan = money_and_plan(visits._store, ids[lang])
        finals.append(visits.finalize(complete(visits.start(ids[lang]), person, plan))[0])
        clock.value += timedelta(minutes=30)
    printed, _ = documents.agreement_for_print(finals[0].uuid)
    clock.value = NOW + timedelta(days=1)  # the next day's agreement is not listed
    _cash, plan = money_and_plan(visits._store, ids["vi"])
    again = complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", plan)
    # a second plan for the same debt: above what is owed, so confirmed with a reason
    visits.finalize(replace(again, answers={**again.answers,
                                            "over_balance_reason": "Thay kế hoạch hôm qua"}))
    day = documents.agreements_made_on(NOW.date())
    assert [(d.info.kind, d.customer_name) for d in day] == [
        (DocumentKind.AGREEMENT, "Công ty TNHH Đặng Hưng"),
        (DocumentKind.AGREEMENT, "永豐五金行有限公司"),
        (DocumentKind.AGREEMENT_PRINT, "Công ty TNHH Đặng Hưng")]
    assert day[2].info == printed
    assert [d.info.created_at.date() for d in documents.agreements_made_on(clock.value.date())] \
        == [clock.value.date()]
    assert documents.agreements_made_on(NOW.date() - timedelta(days=1)) == []


@ON_BOTH_DATABASES
def test_a_failure_to_make_documents_leaves_the_visit_final_and_pending(world, monkeypatch):
    visits, documents, ids, _clock, _home = world
    monkeypatch.setattr(documents.keys, "signer", lambda: (_ for _ in ()).throw(OSError("disk full")))
    promise = Promise(Money(5_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    final, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", promise))
    assert visits.load(final.uuid).status.value == "final"
    assert documents.of_visit(final.uuid) == [] and documents.pending() == [final.uuid]
    monkeypatch.undo()
    documents.for_visit(final.uuid)
    assert documents.pending() == []


def test_a_schema_3_database_gains_the_document_table(tmp_path):
    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # a database as schema 3 left it, built by its frozen steps
        migrations.create_version(conn, 3)
    engine.dispose()
    with sqlite3.connect(db) as con:
        assert not con.execute("SELECT name FROM sqlite_master WHERE name='document'").fetchall()
    open_store(db, tmp_path / "backups").close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT value FROM schema_meta").fetchone() == (str(migrations.LATEST),)
        assert con.execute("SELECT count(*) FROM document").fetchone() == (0,)


def test_record_lists_only_invoices_issued_by_the_visit_day():
    from datetime import date as _date

    from fieldapp.domain.money import Money
    from fieldapp.domain.records import Invoice
    from fieldapp.services.documents import _reviewed
    def inv(i, issued, open_minor):
        return Invoice(i, 1, None, f"HD-{i}", issued, issued, Money(9, "VND"), Money(open_minor, "VND"), False)
    listed = _reviewed([inv(1, _date(2026, 10, 1), 5), inv(2, _date(2026, 11, 14), 7), inv(3, _date(2026, 9, 1), 0)],
                       {3: 4}, _date(2026, 10, 13))
    assert [(i.number, i.open_balance.minor) for i in listed] == [("HD-3", 4), ("HD-1", 5)]


def test_a_record_changed_outside_fieldapp_gets_no_document(world):
    """The stored record must still match its SHA-256 before anything is drawn from it."""
    from fieldapp.domain.errors import FieldappError

    visits, documents, ids, _clock, _home = world
    store = visits._store
    _cash, plan = money_and_plan(store, ids["vi"])
    final, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", plan))
    made = documents.of_visit(final.uuid)
    printed, changes = documents.agreement_for_print(final.uuid)  # untouched: it is made
    assert changes.documents and changes.customers == {ids["vi"]}
    with sqlite3.connect(store.path) as con:
        changed = con.execute("UPDATE visit SET body = replace(body, 'Thu nợ quá hạn', "
                              "'Thu nợ quá hạn.') WHERE uuid = ?", (final.uuid,)).rowcount
    assert changed == 1
    with pytest.raises(FieldappError):
        documents.agreement_for_print(final.uuid)
    with pytest.raises(FieldappError):
        documents.plan_agreement_for_print(final.uuid)
    # Nothing more was stored.
    assert {d.id for d in documents.of_visit(final.uuid)} == {d.id for d in made} | {printed.id}
