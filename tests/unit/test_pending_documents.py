"""A document that fails stays pending, worded for a person, and is made on the next try."""

from datetime import date

import pytest
from reportlab.platypus.doctemplate import LayoutError

from fieldapp.documents import visit_record
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.money import Money
from fieldapp.domain.visit import Promise
from fieldapp.services.documents import DocumentKind
from tests.unit.test_documents_service import NOW, complete, money_and_plan, world  # noqa: F401


def test_a_record_that_cannot_be_drawn_stays_pending_and_retry_makes_it(world, monkeypatch):
    visits, documents, ids, _clock, _home = world

    def broken(_rec):
        raise LayoutError("Flowable <Table@0x7F4C> too large on page 3")

    monkeypatch.setattr(visit_record, "build", broken)
    cash, _plan = money_and_plan(visits._store, ids["vi"])
    promise = Promise(Money(1_000_000, "VND"), date(2026, 11, 30), "Chị Hường")
    final, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", cash, promise))
    assert visits.load(final.uuid).status.value == "final"
    # The receipt was made all the same; the record waits.
    assert [d.kind for d in documents.of_visit(final.uuid)] == [DocumentKind.RECEIPT]
    assert documents.pending() == [final.uuid]
    number = documents.missing(final.uuid)[0][1]
    assert documents.missing(final.uuid) == [(DocumentKind.VISIT_RECORD, number)]
    with pytest.raises(FieldappError) as raised:
        documents.for_visit(final.uuid)
    assert raised.value.code == "document.not_made"
    assert raised.value.params == {"kind": "visit_record", "number": number}
    assert "Table@" not in str(raised.value)
    last = documents.last_finalized()
    assert (last.visit_uuid, last.customer_name) == (final.uuid, "Công ty TNHH Đặng Hưng")
    assert last.receipts == (final.outcomes[0].receipt_no,)
    monkeypatch.undo()
    made, changes = documents.for_visit(final.uuid)  # Retry
    assert {d.kind for d in made} == {DocumentKind.VISIT_RECORD, DocumentKind.RECEIPT}
    assert changes.documents and documents.pending() == [] and documents.missing(final.uuid) == []
    assert [d.kind for d in documents.of_customer(ids["vi"])].count(DocumentKind.RECEIPT) == 1


def test_nothing_finalized_yet_says_nothing(world):
    _visits, documents, _ids, _clock, _home = world
    assert documents.last_finalized() is None and documents.pending() == []


def test_the_start_up_check_looks_at_what_was_finalized_since_it_last_looked(world):
    from datetime import timedelta

    from fieldapp.services import documents as documents_module

    visits, documents, ids, clock, _home = world
    promise = lambda: Promise(Money(1_000_000, "VND"), clock.value.date() + timedelta(days=5),  # noqa: E731
                              "Chị Hường")
    clock.value = NOW - timedelta(days=3)  # history without documents, as the bulk demo has
    old, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", promise()),
                             make_documents=False)
    clock.value = NOW
    crashed, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", promise()),
                                 make_documents=False)
    assert documents.pending() == [old.uuid, crashed.uuid]
    found, moment = documents.pending_at_start()
    assert found == [crashed.uuid]  # never checked: the last day only
    documents.checked_at_start(moment)
    clock.value = NOW + timedelta(hours=1)
    later, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", promise()),
                               make_documents=False)
    assert documents.pending_at_start()[0] == [later.uuid]
    for _ in range(documents_module.AT_START + 2):
        visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", promise()),
                        make_documents=False)
    assert len(documents.pending_at_start()[0]) == documents_module.AT_START
