"""Store queries hand back frozen records, built inside the store: no caller counts columns."""

import dataclasses
import inspect
from datetime import date, datetime

import pytest

from fieldapp.domain.commitments import LiveOutcome, PaymentLine
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.stored import (Attachment, DocumentInfo, DocumentKind, DraftInfo,
                                    NamedDocument, OpenAccount, OpenInvoice, RouteDay,
                                    StoredRecord, StoredVisit)
from fieldapp.domain.visit import MoneyReceived, Promise, VisitKind
from fieldapp.services import settings as cfg
from fieldapp.services.visits import Visits
from fieldapp.store import document_repo, followup_repo, history_bulk, queries, visit_repo
from tests.conftest import TODAY, VN, Clock
from tests.unit.test_visits import complete

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
# Statement text, not a query result.
NOT_RESULTS = {"summary_sql"}


def _frozen(value, cls):
    assert type(value) is cls
    assert dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(value)[0].name, None)


@pytest.mark.parametrize("module", [queries, visit_repo, document_repo, followup_repo, history_bulk])
def test_no_store_query_is_declared_to_return_bare_tuples(module):
    for name, fn in inspect.getmembers(module, inspect.isfunction):
        if fn.__module__ != module.__name__ or name.startswith("_") or name in NOT_RESULTS:
            continue
        returns = str(inspect.signature(fn).return_annotation)
        assert "tuple" not in returns, f"{module.__name__}.{name} returns {returns}"


@pytest.fixture
def world(builder):
    cid = builder.customer("Công ty TNHH Đặng Hưng", contacts=[("Nguyễn Thị Hường", "0912")])
    inv = builder.invoice(cid, "HD-1", date(2026, 8, 1), 20_000_000)
    builder.invoice(cid, "HD-2", date(2026, 9, 1), 12_000_000)
    builder.route_stop(cid, 1)
    builder.save()
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    return Visits(builder.store, settings, Clock(NOW)), cid, inv, builder.store


def test_visit_queries_return_records(world):
    visits, cid, inv, store = world
    draft = visits.start(cid)
    cash = MoneyReceived(Money(2_000_000, "VND"), "cash", "",
                         (Allocation(inv, "HD-1", Money(2_000_000, "VND")),))
    final, _ = visits.finalize(complete(visits.start(cid), cash,
                                        Promise(Money(5_000_000, "VND"), date(2026, 11, 25), "Chị Hường")))
    with store.sessions.begin() as session:
        visit_repo.add_attachment(session, "a-1", final.uuid, "photo.jpg", "image/jpeg", "00", b"x" * 7)
        document_repo.add(session, id="d-1", kind="visit_record", customer_id=cid,
                          visit_uuid=final.uuid, number="VR-1", language="vi",
                          created_at=NOW.isoformat(), sha256="ab", record_sha256="cd",
                          signer="Trần Minh Khoa", development=True, data=b"%PDF" * 3)
    with store.sessions() as session:
        (info,) = visit_repo.drafts(session, VN)
        _frozen(info, DraftInfo)
        assert (info.uuid, info.customer_name, info.kind) == (draft.uuid, "Công ty TNHH Đặng Hưng",
                                                              VisitKind.VISIT)
        stored = visit_repo.load(session, final.uuid)
        _frozen(stored, StoredVisit)
        assert (stored.data["uuid"], stored.status) == (final.uuid, "final")
        (record,) = visit_repo.history(session, cid)
        _frozen(record, StoredRecord)
        assert record.uuid == final.uuid and len(record.sha256) == 64
        assert document_repo.final_record(session, final.uuid) == record
        balances = visit_repo.invoice_balances(session, cid)
        _frozen(balances[0], OpenInvoice)
        assert [(b.number, b.balance) for b in balances] == [
            ("HD-1", Money(18_000_000, "VND")), ("HD-2", Money(12_000_000, "VND"))]
        (account,) = visit_repo.customers_with_open_invoices(session, 5)
        _frozen(account, OpenAccount)
        assert account == OpenAccount(cid, "VND")
        (attachment,) = visit_repo.attachments(session, final.uuid)
        _frozen(attachment, Attachment)
        assert (attachment.name, attachment.size) == ("photo.jpg", 7)


def test_document_and_route_queries_return_records(world):
    _visits, cid, _inv, store = world
    with store.sessions.begin() as session:
        document_repo.add(session, id="d-2", kind="agreement", customer_id=cid, visit_uuid=None,
                          number="AG-1", language="vi", created_at=NOW.isoformat(), sha256="ef",
                          record_sha256="", signer="Trần Minh Khoa", development=False,
                          data=b"%PDF-1.7")
    with store.sessions() as session:
        (doc,) = document_repo.of_customer(session, cid, VN)
        _frozen(doc, DocumentInfo)
        assert (doc.kind, doc.created_at, doc.size, doc.development) == (
            DocumentKind.AGREEMENT, NOW, 8, False)
        (named,) = document_repo.made_between(session, ["agreement"], "2026-11-22", "2026-11-23", VN)
        _frozen(named, NamedDocument)
        assert (named.info, named.customer_name) == (doc, "Công ty TNHH Đặng Hưng")
        (day,) = queries.route_days(session, TODAY, 7)
        _frozen(day, RouteDay)
        assert (day.day, day.stops) == (TODAY, 1)


def test_follow_up_queries_return_records(world):
    visits, cid, _inv, store = world
    promise = Promise(Money(5_000_000, "VND"), date(2026, 11, 25), "Chị Hường")
    visits.finalize(complete(visits.start(cid), promise))
    with store.sessions.begin() as session:
        visit_repo.record_payment(session, cid, None, date(2026, 11, 23), 1_000_000, "VND",
                                  "transfer", "UNC", [])
    with store.sessions() as session:
        (row,) = followup_repo.of_customer(session, cid, ("promise",))
        _frozen(row, LiveOutcome)
        assert (row.amount, row.required, row.due_on, row.reminder_days) == (
            promise.amount, promise.amount, promise.due_on, 2)
        assert followup_repo.in_period(session, date(2026, 11, 1), date(2026, 11, 30), [],
                                       date(2026, 11, 29)) == [row]
        (paid,) = followup_repo.payments_of(session, {cid: date(2026, 11, 22)})
        _frozen(paid, PaymentLine)
        assert (paid.paid_on, paid.amount) == (date(2026, 11, 23), Money(1_000_000, "VND"))
