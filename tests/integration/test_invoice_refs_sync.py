"""A laptop filled by an assignment pack numbers invoices its own way. Its records name each
invoice by its number beside the laptop's id, so once the day bundle is imported the office
finds exactly the invoices of a dispute and of an installment plan, and its printed agreement
lists them. Records from before the numbers (the golden day bundle) keep their exact bytes and
hash, and the office falls back to what it did for them before."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import text

from fieldapp.documents.keys import keys_folder
from fieldapp.domain.codec import canonical_json, visit_from_dict, visit_to_dict
from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.invoice_refs import BY_NUMBER, NO_INVOICES
from fieldapp.domain.money import Money
from fieldapp.domain.visit import Dispute, DisputeReason, InstallmentPlan
from fieldapp.services import settings as cfg
from fieldapp.services.demo_history import _answers, _Clock, _signature
from fieldapp.services.documents import Documents, device_keys
from fieldapp.services.portfolio import Portfolio
from fieldapp.services.visits import Visits
from fieldapp.store import field_records, invoice_refs
from fieldapp.sync import bundle, day as day_bundle
from fieldapp.sync.pack import MEMBER, parse
from tests.conftest import PortfolioBuilder
from tests.integration.sim_kit import SimLaptop, SimOffice
from tests.integration.sync_kit import PASSPHRASE
from tests.unit.test_sync_golden_day_pack import DAY as GOLDEN_DAY
from tests.unit.test_sync_golden_day_pack import PACK, TRUST, _apply_pack

DAY = date(2026, 11, 30)
_INVOICES = ("SELECT i.id, i.number, i.open_minor, i.currency FROM invoice i JOIN customer c "
             "ON c.id = i.customer_id WHERE c.code = :code AND i.open_minor > 0 AND "
             "i.disputed = :no AND i.issued_on <= :day ORDER BY i.due_on, i.number")


def _rows(store, sql: str, **params) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def _customer(laptop, office) -> tuple[str, list[tuple]]:
    """A customer with three or more open invoices, the laptop's ids of which are not the
    office's: (code, the laptop's open invoices)."""
    codes = [r[0] for r in _rows(laptop.store, "SELECT code FROM customer ORDER BY code")]
    for code in codes:
        mine = _rows(laptop.store, _INVOICES, code=code, no=False, day=DAY)
        theirs = dict((n, i) for i, n, *_x in _rows(office.store, _INVOICES, code=code,
                                                      no=False, day=DAY))
        if len(mine) >= 3 and all(theirs.get(n) not in (None, i) for i, n, *_x in mine):
            return code, mine
    raise AssertionError("no customer with three open invoices numbered differently")


def _visit(laptop, cid: int, invoices: list[tuple]) -> str:
    """On site: the first invoice disputed, the others on an installment plan of their open
    balance (not the whole debt: the office could not guess these invoices by the total)."""
    settings = cfg.Settings(laptop.store)
    clock = _Clock(datetime.combine(DAY, time(10)), settings.zone())
    documents = Documents(laptop.store, settings,
                          device_keys(laptop.home, settings, lambda: DAY), clock)
    visits = Visits(laptop.store, settings, clock, documents)
    file = Portfolio(laptop.store, lambda: DAY).open_customer(cid)
    rng = random.Random(5)
    answers = _answers(file, rng, call=False)
    (first, *_a, currency), rest = invoices[0], invoices[1:]
    total = Money(sum(r[2] for r in rest), currency)
    plan = InstallmentPlan(total, build_schedule(total, 2, DAY + timedelta(days=10),
                                                 Frequency.MONTHLY), Frequency.MONTHLY,
                           invoice_ids=tuple(r[0] for r in rest))
    dispute = Dispute(DisputeReason.DAMAGED, (first,), "Hàng bị móp", "Đổi hàng", clock())
    visit = visits.start(cid)
    visit = replace(visit, answers=answers, outcomes=(dispute, plan),
                    customer_signature=_signature(rng, answers["met_contact"], "Giám đốc"),
                    collector_signature=_signature(rng, visit.collector, ""))
    visits.finalize(visit)
    return visit.uuid


@pytest.fixture
def world(tmp_path):
    office = SimOffice(tmp_path / "office", None, DAY, 80, 7)
    collector = office.collectors()[0]
    laptop = SimLaptop(tmp_path / "laptop", collector, office)
    laptop.day = DAY
    laptop.receive(office.packs(collector)[laptop.device])
    yield office, laptop
    laptop.close()
    office.store.close()


def test_the_office_finds_exactly_the_disputed_and_planned_invoices_and_prints_them(world,
                                                                                     tmp_path):
    office, laptop = world
    code, mine = _customer(laptop, office)
    cid = dict(_rows(laptop.store, "SELECT code, id FROM customer"))[code]
    uuid = _visit(laptop, cid, mine)
    (body,) = _rows(laptop.store, "SELECT body FROM visit WHERE uuid = :u", u=uuid)[0]
    sent = {o["kind"]: o for o in json.loads(body)["outcomes"]}
    assert sent["dispute"]["invoice_ids"] == [mine[0][0]]
    assert sent["dispute"]["invoice_numbers"] == [mine[0][1]]
    assert sent["installment_plan"]["invoice_numbers"] == [r[1] for r in mine[1:]]

    reports, _acks = office.import_bundles(laptop.send())
    assert [r.status for r in reports] == ["imported"]
    theirs = {n: i for i, n, *_x in _rows(office.store, _INVOICES, code=code, no=True, day=DAY)}
    theirs |= {n: i for i, n, *_x in _rows(office.store, _INVOICES, code=code, no=False,
                                              day=DAY)}
    disputed, planned = (theirs[mine[0][1]],), tuple(theirs[r[1]] for r in mine[1:])
    with office.store.sessions() as session:
        found = invoice_refs.record_invoices(session, uuid)
        rows = {kind: u for u, kind in session.execute(text(
            "SELECT uuid, kind FROM outcome WHERE visit_uuid = :u"), {"u": uuid})}
        by_row = {kind: invoice_refs.outcome_invoices(session, u) for kind, u in rows.items()}
    assert [(f.ids, f.how, f.complete) for f in found] == [
        (disputed, BY_NUMBER, True), (planned, BY_NUMBER, True)]
    assert found[0].ids != (mine[0][0],)  # the laptop's ids would name other invoices
    assert by_row["dispute"] == found[0]
    assert by_row["installment_plan"] == by_row["installment"] == found[1]

    printed = office.services().printing.agreements(DAY, "", office.home, PASSPHRASE)
    assert printed.documents == 1
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler missing")
    pdf = tmp_path / "agreements.pdf"
    pdf.write_bytes(printed.data)
    lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    listed = {n for n in theirs if any(line.strip().startswith(n) for line in lines)}
    assert listed == {r[1] for r in mine[1:]}


def test_records_from_before_the_numbers_keep_their_bytes_and_fall_back(store):
    """The golden day bundle (format 1, written before the numbers) at an office whose ids
    differ from that laptop's: every body re-encodes to its own bytes and verifies; the
    outcomes naming invoices by id alone are left to the caller's old way."""
    build = PortfolioBuilder(store)  # the office's own customer first: its ids move on
    build.invoice(build.customer("Công ty A", code="KH-OFFICE"), "HD-1", DAY, 1_000_000)
    build.save()
    _apply_pack(store, parse(bundle.read(PACK.read_bytes(), TRUST).members[MEMBER]))
    records, blobs = day_bundle.records_of(bundle.read(GOLDEN_DAY.read_bytes(), TRUST).members)
    with store.sessions.begin() as session:
        field_records.apply(session, records, blobs)
    visits = _rows(store, "SELECT uuid, body, sha256 FROM visit ORDER BY uuid")
    assert len(visits) == 7
    seen = set()
    with store.sessions() as session:
        for uuid, body, sha in visits:
            assert hashlib.sha256(body.encode("utf-8")).hexdigest() == sha
            assert canonical_json(visit_to_dict(visit_from_dict(json.loads(body)))) == body
            assert "invoice_numbers" not in body
            for outcome, found in zip(json.loads(body)["outcomes"],
                                      invoice_refs.record_invoices(session, uuid)):
                naming = outcome.get("invoice_ids") or outcome.get("allocations")
                seen.add(outcome["kind"])
                if outcome["kind"] == "money_received":
                    assert found.how == BY_NUMBER and found.complete  # allocations had numbers
                elif naming:
                    assert found is None, outcome["kind"]
                else:
                    assert found.how == NO_INVOICES
    assert {"dispute", "installment_plan", "money_received"} <= seen
