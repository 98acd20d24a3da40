"""The KPI dashboard's kept sums (services/office/kpi_cache) against sums made from scratch,
after receivables imports that change past balances, records a bundle brings (money on a
visit, an amendment superseding a promise), a reassigned customer and a new grace setting;
on SQLite and PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import text

from fieldapp.services import settings as cfg
from fieldapp.services.office import kpi_cache as kept
from fieldapp.services.office.app import build
from fieldapp.store import field_records, kpi_cache
from tests import kpi_data
from tests.conftest import ON_BOTH_DATABASES
from tests.unit.test_importers_presets import csv

pytestmark = ON_BOTH_DATABASES
HEAD = ("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
        "Open amount", "Currency")


def _export(*lines) -> bytes:
    return csv(HEAD, *lines).encode()


def _team(board) -> dict:
    return {(f.name, f.detail): f.value for f in board.figures if f.scope == "team"}


def _same_as_from_scratch(store):
    """The dashboard from the kept sums equals the one from sums made again from nothing."""
    kpis = build(store, kpi_data.TODAY).kpis
    fast = kpis.dashboard(kpi_data.FIRST, kpi_data.LAST)
    one = kpis.dashboard(kpi_data.FIRST, kpi_data.LAST, collector="Bình")
    kept.rebuild_store(store)
    assert kpis.dashboard(kpi_data.FIRST, kpi_data.LAST) == fast
    assert kpis.dashboard(kpi_data.FIRST, kpi_data.LAST, collector="Bình") == one
    return _team(fast)


def _stale(store) -> set[str]:
    with store.sessions() as session:
        return kpi_cache.stale(session)


def imports_done(store) -> set[str]:
    """What the import's caller (the wizard, the command line) does once it has committed."""
    return build(store, kpi_data.TODAY).kpis.refresh()


def _records(store, records) -> None:
    """Rows as a day bundle brings them, written the way the bundle import writes them."""
    with store.sessions.begin() as session:
        field_records.apply(session, records, {}, "2026-03-29T10:00:00+00:00")


def _visit(uuid, cid, started, amends=None):
    return {"kind": "visit", "row": dict(
        uuid=uuid, customer_id=cid, kind="visit", status="final", started_at=started,
        updated_at=started, finalized_at=started, amends=amends, body="{}", sha256="")}


def test_imports_keep_the_sums_as_made_from_scratch(store):
    kpi_data.fill(store)
    before = _same_as_from_scratch(store)
    assert _stale(store) == set()
    # An export (source "plain") with older invoices of both customers: past balances change.
    imports = build(store, date(2026, 2, 20), "supervisor").imports
    imports.apply(_export(("KH000001", "Khách 1", "X1", "01/12/2025", "31/12/2025", "700", "700",
                           "VND"),
                          ("KH000002", "Khách 2", "X2", "15/01/2026", "14/02/2026", "300", "300",
                           "VND")))
    assert _stale(store) == {kpi_data.AN, kpi_data.BINH}  # made after the import
    assert imports_done(store) == {kpi_data.AN, kpi_data.BINH} and _stale(store) == set()
    after = _same_as_from_scratch(store)
    assert after["ar_beginning", ""] == before["ar_beginning", ""] + 700
    assert after["ar_ending", ""] == before["ar_ending", ""] + 1000
    # A later export leaves X1 out: closed on the day of that import, inside the quarter.
    build(store, date(2026, 3, 10), "supervisor").imports.apply(
        _export(("KH000002", "Khách 2", "X2", "15/01/2026", "14/02/2026", "300", "300", "VND")))
    closed = _same_as_from_scratch(store)
    assert closed["ar_ending", ""] == before["ar_ending", ""] + 300
    assert closed["ar_beginning", ""] == after["ar_beginning", ""]


def test_bundle_records_an_amendment_and_a_reassignment_keep_the_sums(store):
    kpi_data.fill(store)
    before = _same_as_from_scratch(store)
    # Money taken on a visit on 29 March, allocated to I2: O4 (100 due 30 March) is kept.
    _records(store, [
        _visit("v9", 1, "2026-03-29T02:00:00+00:00"),
        {"kind": "payment", "row": dict(id="p9", customer_id=1, paid_on="2026-03-29",
                                        amount_minor=100, currency="VND", method="cash",
                                        reference="", visit_uuid="v9")},
        {"kind": "allocation", "row": dict(id="a9", payment_id="p9", invoice_id=2,
                                           amount_minor=100)}])
    assert _stale(store) == {kpi_data.AN}  # marked by the triggers, whoever wrote
    paid = _same_as_from_scratch(store)
    assert paid["promises_kept", ""] == before["promises_kept", ""] + 25
    assert paid["ar_ending", ""] == before["ar_ending", ""]  # I2's open balance is the export's
    # An amendment of V3 supersedes O3 (200, broken) with a promise of 50 due 3 March.
    _records(store, [
        _visit("v10", 2, "2026-03-01T03:00:00+00:00", amends="v3"),
        {"kind": "outcome", "row": dict(
            uuid="o10", visit_uuid="v10", customer_id=2, kind="promise", created_on="2026-03-01",
            due_on="2026-03-03", deadline_at=None, amount_minor=50, currency="VND",
            receipt_no="", superseded_by=None, resolved=False, body='{"reminder_days": null}')},
        {"kind": "outcome_state", "row": {"uuid": "o3", "superseded_by": "v10"}}])
    assert _stale(store) == {kpi_data.BINH}
    amended = _same_as_from_scratch(store)
    assert amended == paid  # still due in the quarter, still broken: the same shares
    # Bình's customer goes to An: every past figure moves with the customer.
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET collector_id = :a WHERE id = 2"),
                     {"a": kpi_data.AN})
    assert _stale(store) == {kpi_data.AN, kpi_data.BINH}
    moved = build(store, kpi_data.TODAY).kpis.dashboard(kpi_data.FIRST, kpi_data.LAST)
    assert {f.scope for f in moved.figures} == {"team", "An"}
    _same_as_from_scratch(store)


def test_a_new_grace_makes_every_sum_again(store):
    kpi_data.fill(store)
    _same_as_from_scratch(store)
    # O2 (300 due 12 February, 100 paid on 10 February) and P1 … with 30 days of grace P3
    # (50 on 5 March) also serves O2: the taken amounts change with the setting.
    services = build(store, kpi_data.TODAY)
    cfg.Settings(store).set(cfg.PROMISE_GRACE_DAYS, 30)
    assert _stale(store) == {kpi_cache.ALL}
    # Marked again while still marked: the setting's upsert must not trip on the mark.
    cfg.Settings(store).set(cfg.PROMISE_GRACE_DAYS, 30)
    assert _stale(store) == {kpi_cache.ALL}
    _same_as_from_scratch(store)
    assert services.kpis.dashboard(kpi_data.FIRST, kpi_data.LAST) is not None


def test_a_day_bundle_import_makes_its_collectors_sums_before_it_commits(store, tmp_path):
    """The golden day bundle, imported as the office imports one: its records (promises, money
    taken on visits, disputes) are in the kept sums as soon as the import has committed."""
    from fieldapp.services.office.bundles import Bundles
    from fieldapp.sync.pack import MEMBER, parse
    from fieldapp.sync import bundle
    from tests.unit.test_sync_golden_day_pack import DAY, MADE, PACK, TRUST, _apply_pack
    _apply_pack(store, parse(bundle.read(PACK.read_bytes(), TRUST).members[MEMBER]))
    sender = bundle.read(DAY.read_bytes(), TRUST).manifest.sender
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO collector (id, name, phone, language, active, created_at) "
                          "VALUES ('c-g', 'Golden', '', 'vi', TRUE, '2025-01-01T00:00:00+00:00')"))
        conn.execute(text("UPDATE customer SET collector_id = 'c-g'"))
        conn.execute(text("INSERT INTO device (id, collector_id, certificate, enrolled_at) "
                          "VALUES (:d, 'c-g', '', '2025-01-01T00:00:00+00:00')"), {"d": sender})
    kept.refresh_store(store)
    (tmp_path / "day.zip").write_bytes(DAY.read_bytes())
    (report,) = Bundles(store, lambda: MADE).import_files([tmp_path / "day.zip"], TRUST)
    assert report.status == "imported", report
    assert _stale(store) == set()
    with store.sessions() as session:
        made = session.execute(text("SELECT COUNT(*) FROM kpi_contact")).scalar()
    assert made  # the bundle's records were counted by the import itself
    day = MADE.date()
    kpis = build(store, day).kpis
    fast = kpis.dashboard(day.replace(day=1), day)
    kept.rebuild_store(store)
    assert kpis.dashboard(day.replace(day=1), day) == fast


def _payment(store, pid: str, customer_id: int) -> None:
    with store.sessions.begin() as session:
        session.execute(text(
            "INSERT INTO payment (id, customer_id, paid_on, amount_minor, currency, method, "
            "reference) VALUES (:id, :cid, :day, 10, 'VND', 'cash', '')"),
            {"id": pid, "cid": customer_id, "day": date(2026, 3, 20)})


def test_a_mark_made_while_a_refresh_runs_stays_for_the_next_one(store):
    """PostgreSQL: writers append marks (they never wait on each other's), and a refresh deletes
    only the marks it read, so money written while it ran is summed by the next one."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: a refresh's writes hold it")
    kpi_data.fill(store)
    kept.rebuild_store(store)
    _payment(store, "late-1", 1)
    with store.sessions.begin() as refreshing:
        assert kpi_cache.stale(refreshing) == {kpi_data.AN}
        _payment(store, "late-2", 1)  # another supervisor, meanwhile: not waiting on the mark
        kpi_cache.done(refreshing, {kpi_data.AN})
    assert _stale(store) == {kpi_data.AN}
    _same_as_from_scratch(store)
