"""Receivables imported into the office database: every preset, refusals that write nothing,
idempotent re-imports, newer exports, opening balances, collectors kept — on both engines."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import text

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.ids import new_id
from fieldapp.domain.money import Money
from fieldapp.importers.presets import BY_NAME
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store, open_url
from tests.conftest import ON_BOTH_DATABASES
from tests.unit.test_importers_decoding import cp1258
from tests.unit.test_importers_presets import (DIGIWIN, ERPNEXT, FBL5N, KINGDEE, ODOO, PLAIN,
                                               QUICKBOOKS, S31, csv)

pytestmark = ON_BOTH_DATABASES
TODAY = date(2026, 11, 22)


def services(store, day=TODAY):
    return build(store, day, "supervisor")


def rows(store, sql, **params):
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def invoices(store, source=None):
    """(customer code, number, amount, open, currency, closed_on) of the stored invoices."""
    where = "WHERE i.source = :source" if source else ""
    found = rows(store, "SELECT c.code, i.number, i.amount_minor, i.open_minor, i.currency, "
                 f"i.closed_on FROM invoice i JOIN customer c ON c.id = i.customer_id {where} "
                 "ORDER BY c.code, i.number", source=source)
    return [(*r[:5], _day(r[5])) for r in found]


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


def counts(report):
    return (report.customers_created, report.customers_updated, report.invoices_created,
            report.invoices_updated, report.invoices_closed)


def snapshot(store):
    return (rows(store, "SELECT * FROM customer ORDER BY id"),
            rows(store, "SELECT * FROM invoice ORDER BY id"),
            rows(store, "SELECT * FROM customer_search ORDER BY customer_id"),
            rows(store, "SELECT id FROM ar_import"))


CLEAN_S31 = "\r\n".join(l for l in S31.split("\r\n") if "HD0003" not in l and "HD0004" not in l)
# (file bytes, source, data rows, customers, open totals) of every preset's fixture, clean.
PRESETS = {
    "s31_misa": (cp1258(CLEAN_S31), 4, 1, {"VND": 12_500_000}),
    "digiwin": ("\r\n".join(l for l in DIGIWIN.split("\r\n") if "114/13/40" not in l
                            and "5,0x0" not in l).encode("big5hkscs"), 3, 2, {"TWD": 2_050_000}),
    "kingdee": ("\r\n".join(l for l in KINGDEE.split("\r\n") if "港币" not in l
                            and ",1.00,1.00" not in l).encode("gb18030"), 3, 2, {"CNY": 170_050}),
    "yonyou": (csv("客户往来明细账,,,,,,,",
                   "客户编码,客户简称,单据号,单据日期,到期日,币种,原币金额,原币余额",
                   "Y01,用友网络,0000000123,2025-04-01,2025-05-01,人民币,500.00,500.00",
                   "合计,,,,,,500.00,500.00").encode("gb18030"), 1, 1, {"CNY": 50_000}),
    "erpnext": (ERPNEXT.encode(), 2, 2, {"USD": 170_000}),
    "sap_fbl5n": (FBL5N.encode("cp1252"), 3, 2, {"USD": 1_100_000}),
    "quickbooks": (QUICKBOOKS.encode(), 3, 2, {"USD": 130_000}),
    "plain": ("\r\n".join(PLAIN.split("\r\n")[:3]).encode(), 2, 1,
              {"VND": 1_234_567, "USD": 1250}),
    "odoo_aged": (csv("Aged Partner Balance,,,", "Partner,Entry,Date,Due date,Residual",
                      "Công ty Đông Á,INV/2025/0001,01/05/2025,31/05/2025,1500.00",
                      "Công ty Đông Á,RINV/2025/0002,02/05/2025,,-200.00",
                      "Total,,,,1300.00").encode(), 2, 1, {"USD": 130_000}),
}


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_imports_with_its_counts_and_totals(store, preset):
    data, data_rows, customers, opens = PRESETS[preset]
    report = services(store).imports.apply(data)
    assert (report.source, report.imported, report.errors) == (preset, True, ())
    assert (report.rows, report.customers, report.customers_created) == (
        data_rows, customers, customers)
    assert report.invoices_created == data_rows and report.open_total == opens
    stored = invoices(store, preset)
    assert len(stored) == data_rows
    for currency, total in opens.items():
        assert sum(r[3] for r in stored if r[4] == currency) == total
    assert report.as_json()["imported"] is True
    recorded = rows(store, "SELECT file_name, source, sha256, actor FROM ar_import")
    assert [(r[1], len(r[2]), r[3]) for r in recorded] == [(preset, 64, "supervisor")]


def test_credits_are_negative_entries_due_on_their_date_and_lower_what_is_owed(store):
    services(store).imports.apply(PRESETS["kingdee"][0])
    assert ("K001", "SK2025050002", -30000, -30000, "CNY", None) in invoices(store)
    due = rows(store, "SELECT issued_on, due_on FROM invoice WHERE number = 'SK2025050002'")
    assert _day(due[0][0]) == _day(due[0][1]) == date(2025, 5, 10)
    # The portfolio's overdue sum nets the unapplied credit: 1,200.00 − 300.00.
    [found] = services(store).customers.search("K001").rows
    assert (found.code, found.overdue) == ("K001", (Money(90000, "CNY"),))


def test_a_missing_due_date_is_the_document_date(store):
    services(store).imports.apply(PRESETS["odoo_aged"][0])
    found = rows(store, "SELECT issued_on, due_on FROM invoice WHERE number = 'RINV/2025/0002'")
    assert [(_day(a), _day(b)) for a, b in found] == [(date(2025, 5, 2), date(2025, 5, 2))]


def test_importing_the_same_file_twice_changes_nothing(store):
    data = PRESETS["digiwin"][0]
    first = services(store).imports.apply(data)
    before = snapshot(store)
    again = services(store).imports.apply(data)
    assert counts(first) == (2, 0, 3, 0, 0)
    assert counts(again) == (0, 0, 0, 0, 0) and again.imported
    after = snapshot(store)
    assert after[:3] == before[:3] and len(after[3]) == 2  # the second import is recorded too


NEWER = (("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
          "Open amount", "Currency"),)


def plain(*lines):
    return csv(*NEWER, *lines).encode()


def test_a_newer_export_updates_balances_adds_invoices_and_closes_the_rest(store):
    imports = services(store).imports
    imports.apply(plain(("C1", "An", "I1", "01/05/2025", "31/05/2025", "100", "100", "USD"),
                        ("C1", "An", "I2", "02/05/2025", "01/06/2025", "50", "50", "USD"),
                        ("C2", "Bình", "I3", "03/05/2025", "02/06/2025", "70", "70", "USD")))
    later = services(store, date(2026, 12, 1)).imports
    report = later.apply(plain(("C1", "An", "I1", "01/05/2025", "31/05/2025", "100", "40", "USD"),
                               ("C1", "An", "I4", "05/06/2025", "05/07/2025", "30", "30", "USD")))
    assert counts(report) == (0, 0, 1, 1, 2)
    assert invoices(store, "plain") == [
        ("C1", "I1", 10000, 4000, "USD", None), ("C1", "I2", 5000, 0, "USD", date(2026, 12, 1)),
        ("C1", "I4", 3000, 3000, "USD", None), ("C2", "I3", 7000, 0, "USD", date(2026, 12, 1))]
    # Listed again as open (the payment was reversed): open again.
    again = later.apply(plain(("C1", "An", "I1", "01/05/2025", "31/05/2025", "100", "40", "USD"),
                              ("C1", "An", "I2", "02/05/2025", "01/06/2025", "50", "50", "USD"),
                              ("C1", "An", "I4", "05/06/2025", "05/07/2025", "30", "30", "USD")))
    assert counts(again) == (0, 0, 0, 1, 0)
    assert ("C1", "I2", 5000, 5000, "USD", None) in invoices(store)


def test_other_sources_and_the_laptops_own_invoices_are_never_closed(store, builder):
    cid = builder.customer("Công ty Cũ", code="C1")
    builder.invoice(cid, "OWN-1", date(2025, 1, 1), 999)
    builder.save()
    imports = services(store).imports
    imports.apply(PRESETS["erpnext"][0])
    report = imports.apply(plain(("C1", "Công ty Cũ", "I1", "01/05/2025", "31/05/2025", "1", "1",
                                  "USD")))
    assert report.invoices_closed == 0 and report.customers_created == 0
    assert len([r for r in invoices(store) if r[5] is None]) == 4


def test_customers_keep_their_collector_and_renamed_ones_are_found_by_their_new_name(store):
    imports = services(store).imports
    imports.apply(plain(("C1", "Old Name Co", "I1", "01/05/2025", "31/05/2025", "1", "1", "USD")))
    collector = new_id()
    with store.sessions.begin() as session:
        session.execute(text("INSERT INTO collector (id, name, phone, language, active, "
                             "created_at) VALUES (:id, 'Lan', '', 'vi', TRUE, "
                             "'2026-11-22T01:00:00+00:00')"), {"id": collector})
        session.execute(text("UPDATE customer SET collector_id = :c, territory = 'Q1'"),
                        {"c": collector})
    report = imports.apply(plain(("C1", "Brand New Co", "I1", "01/05/2025", "31/05/2025", "1",
                                  "1", "USD")))
    assert counts(report) == (0, 1, 0, 0, 0)
    assert rows(store, "SELECT name, collector_id, territory FROM customer") == [
        ("Brand New Co", collector, "Q1")]
    search = services(store).customers.search
    assert [r.code for r in search("brand new").rows] == ["C1"]
    assert search("old name").rows == ()


def test_a_totals_mismatch_is_refused_with_nothing_written(store):
    broken = CLEAN_S31.replace('"6.000.000",,', '"6.500.000",,')
    before = snapshot(store)
    report = services(store).imports.apply(cp1258(broken), skip_bad_rows=True)
    assert (report.imported, report.refusal, report.exit_status) == (False, "ar.file_problems", 1)
    assert [(e.line, e.code) for e in report.errors] == [(15, "total.mismatch"),
                                                         (None, "ar.file_problems")]
    assert snapshot(store) == before


def test_bad_rows_refuse_the_file_then_skipping_imports_the_others_and_closes_nothing(store):
    imports = services(store).imports
    imports.apply(plain(("C9", "Chín", "OLD", "01/01/2025", "31/01/2025", "5", "5", "USD")))
    before = snapshot(store)
    data = PLAIN.encode()
    refused = imports.apply(data)
    assert [(e.line, e.column, e.message) for e in refused.errors] == [
        (4, "customer code", "customer code is empty"), (5, "amount", "amount is empty"),
        (6, "due date", "'2025-06-31' is not a date"),
        (None, "", "3 row(s) have problems; nothing was imported. Fix them, or import the other "
                   "rows and skip these")]
    assert (refused.imported, refused.exit_status) == (False, 1)
    assert snapshot(store) == before
    preview = imports.preview(data)
    assert preview.skippable and [p.line for p in preview.bad_rows] == [4, 5, 6]
    skipped = imports.apply(data, skip_bad_rows=True)
    assert skipped.imported and skipped.exit_status == 0
    assert [e.line for e in skipped.errors] == [4, 5, 6]
    assert counts(skipped) == (1, 0, 2, 0, 0)  # OLD stays open: a skipped row may be it
    assert ("C9", "OLD", 500, 500, "USD", None) in invoices(store)


def test_summary_only_is_refused_then_loaded_as_opening_balances_on_a_date(store):
    imports = services(store).imports
    before = snapshot(store)
    refused = imports.apply(ODOO.encode())
    assert (refused.kind, refused.imported, refused.refusal) == (
        "summary_only", False, "ar.summary_only")
    assert "summary" in refused.errors[-1].message and snapshot(store) == before
    loaded = imports.apply(ODOO.encode(), opening_on=date(2025, 5, 31))
    assert loaded.imported and counts(loaded) == (2, 0, 2, 0, 0)
    assert invoices(store) == [
        ("Công ty Hưng Thịnh", "OPENING-2025-05-31", 25000, 25000, "USD", None),
        ("Công ty Đông Á", "OPENING-2025-05-31", 150000, 150000, "USD", None)]
    dates = rows(store, "SELECT issued_on, due_on FROM invoice")
    assert {(_day(a), _day(b)) for a, b in dates} == {(date(2025, 5, 31), date(2025, 5, 31))}
    assert counts(imports.apply(ODOO.encode(), opening_on=date(2025, 5, 31))) == (0, 0, 0, 0, 0)
    # A later summary replaces the balances: the older opening entries close.
    later = imports.apply(ODOO.encode(), opening_on=date(2025, 6, 30))
    assert counts(later) == (0, 0, 2, 0, 2)


def test_a_dry_run_counts_what_would_change_and_writes_nothing(store):
    before = snapshot(store)
    report = services(store).imports.apply(PRESETS["quickbooks"][0], dry_run=True)
    assert (report.imported, report.dry_run, report.exit_status) == (False, True, 0)
    assert counts(report) == (2, 0, 3, 0, 0)
    assert snapshot(store) == before


def test_cancelling_rolls_back(store):
    lines = [NEWER[0]] + [(f"C{i % 50}", f"N{i % 50}", f"I{i}", "01/05/2025", "31/05/2025", "1",
                          "1", "USD") for i in range(5000)]
    seen = []
    report = services(store).imports.apply(
        csv(*lines).encode(), progress=lambda done, total: seen.append((done, total)),
        cancelled=lambda: bool(seen))
    assert report.cancelled and not report.imported and seen
    assert seen[0][0] <= seen[0][1]
    assert snapshot(store) == ((), (), (), ()) or snapshot(store) == ([], [], [], [])


def test_long_codes_and_numbers_are_shortened_to_a_stable_key(store):
    name = "Công ty Trách nhiệm Hữu hạn Thương mại và Dịch vụ Phương Nam"
    data = csv("Partner,Entry,Date,Due date,Residual",
               f"{name},INV/{'9' * 50},01/05/2025,31/05/2025,10.00").encode()
    imports = services(store).imports
    first = imports.apply(data)
    assert first.imported and counts(imports.apply(data)) == (0, 0, 0, 0, 0)
    [(code, stored_name)] = rows(store, "SELECT code, name FROM customer")
    assert len(code) == 20 and stored_name == name
    assert len(invoices(store)[0][1]) == 40


def test_unreadable_files_are_refused_with_exit_status_2(store):
    report = services(store).imports.apply(b"")
    assert (report.readable, report.imported, report.exit_status) == (False, False, 2)
    assert report.errors[0].message == "the file is empty"


def test_preview_holds_the_first_rows_and_every_problem(store):
    lines = [NEWER[0]] + [(f"C{i % 7}", f"N{i % 7}", f"I{i}", "01/05/2025", "31/05/2025", "2",
                          "1", "USD") for i in range(800)] + [("C1", "N1", "BAD", "x", "", "1",
                                                              "1", "USD")]
    preview = services(store).imports.preview(csv(*lines).encode())
    assert len(preview.rows) == 500 and preview.rows[0].customer_name == "N0"
    assert preview.result.rows == 800 and preview.open_totals["USD"].minor == 80000
    assert [(p.line, p.code) for p in preview.problems] == [(802, "date.bad")]
    assert preview.refusal == "ar.bad_rows" and snapshot(store) == snapshot(store)
    assert rows(store, "SELECT COUNT(*) FROM invoice") == [(0,)]


def test_saved_sources_win_over_built_in_presets_and_unknown_names_are_refused(store):
    from dataclasses import replace
    sources = services(store).sources
    assert "plain" in sources.names() and sources.get("plain") == BY_NAME["plain"]
    mine = replace(BY_NAME["s31_misa"], labels={
        "customer_code": ("Khách",), "document_no": ("Hóa đơn",), "document_date": ("Ngày",),
        "amount": ("Số tiền",)}, header_line=2)
    saved = sources.save("misa-hanoi", mine)
    assert sources.get("misa-hanoi") == saved and saved.name == "misa-hanoi"
    assert "misa-hanoi" in sources.names()
    data = csv(("Mã KH", "Số HĐ", "Ngày HĐ", "Còn nợ"), ("Khách", "Hóa đơn", "Ngày", "Số tiền"),
               ("KH9", "HD9", "02/03/2025", "1.500.000")).encode()
    report = services(store).imports.apply(data, "misa-hanoi")
    assert report.imported and invoices(store, "misa-hanoi") == [
        ("KH9", "HD9", 1_500_000, 1_500_000, "VND", None)]
    own_plain = replace(BY_NAME["plain"], currency="VND")
    sources.save("plain", own_plain)
    assert sources.resolve("plain").currency == "VND"
    with pytest.raises(FieldappError) as refused:
        sources.resolve("fast_accounting")
    assert refused.value.code == "ar.unknown_source"
    with pytest.raises(FieldappError):
        sources.save("x" * 41, mine)


def _other_store(store, tmp_path):
    return open_store(store.path) if store.is_sqlite else open_url(str(store.engine.url
                                                                       .render_as_string(False)))


def test_two_connections_importing_at_once_both_land(store, tmp_path):
    a = csv(*NEWER, *[(f"A{i}", f"Alpha {i}", f"IA{i}", "01/05/2025", "31/05/2025", "1", "1",
                       "USD") for i in range(3000)]).encode()
    b = csv(("Customer code", "Customer name", "Invoice", "Amount"),
            *[(f"B{i}", f"Beta {i}", f"IB{i}", "2") for i in range(3000)]).encode()
    bsource = services(store).sources.save("second", BY_NAME["plain"])
    stores = [_other_store(store, tmp_path) for _ in range(2)]
    results, failures = {}, []

    def run(key, s, data, source):
        try:
            results[key] = services(s).imports.apply(data, source)
        except Exception as error:  # noqa: BLE001 (reported below)
            failures.append(error)
    threads = [threading.Thread(target=run, args=("a", stores[0], a, "plain")),
               threading.Thread(target=run, args=("b", stores[1], b, bsource.name))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert failures == []
    assert results["a"].imported and results["b"].imported
    assert rows(store, "SELECT source, COUNT(*) FROM invoice GROUP BY source ORDER BY source") == [
        ("plain", 3000), ("second", 3000)]
    assert rows(store, "SELECT COUNT(*), COUNT(DISTINCT id) FROM customer") == [(6000, 6000)]
    assert rows(store, "SELECT COUNT(*) FROM customer_search") == [(6000,)]


def test_the_ibm_sample_imports_and_days_late_from_the_stored_invoices_agree(store):
    import csv as csvmod

    from fieldapp.domain.aging import days_late
    from tests.unit.test_importers_ibm_sample import SAMPLE
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is not beside the checkout")
    report = services(store).imports.apply(SAMPLE)
    assert (report.source, report.imported, report.errors) == ("ibm_sample", True, ())
    assert (report.rows, report.customers, report.invoices_created) == (2466, 100, 2466)
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        expected = {(r["customerID"], r["invoiceNumber"]): int(r["DaysLate"])
                    for r in csvmod.DictReader(handle)}
    stored = rows(store, "SELECT c.code, i.number, i.due_on, i.closed_on, i.open_minor "
                  "FROM invoice i JOIN customer c ON c.id = i.customer_id")
    computed = {(code, number): days_late(_day(due), _day(settled) or TODAY)
                for code, number, due, settled, _ in stored}
    assert computed == expected
    assert all(open_ == 0 for *_, open_ in stored)
    assert counts(services(store).imports.apply(SAMPLE)) == (0, 0, 0, 0, 0)


def test_a_ledger_closes_only_invoices_of_the_customers_it_lists(store):
    imports = services(store).imports
    first = imports.apply(cp1258(CLEAN_S31))
    other = CLEAN_S31.replace("KH001 - Công ty TNHH Thương mại Đông Á", "KH002 - Công ty Bắc Á")
    second = imports.apply(cp1258(other))
    assert counts(first)[2] == counts(second)[2] == 4 and second.invoices_closed == 0
    shorter = "\r\n".join(l for l in CLEAN_S31.split("\r\n") if "HD0002" not in l) \
        .replace('"13.500.000","6.000.000"', '"11.000.000","6.000.000"') \
        .replace('"12.500.000",', '"10.000.000",')
    third = imports.apply(cp1258(shorter))
    assert third.imported, third.errors
    assert counts(third) == (0, 0, 0, 0, 1)
    assert [(r[0], r[1], r[5]) for r in invoices(store) if r[5] is not None] == [
        ("KH001", "HD0002", TODAY)]


@pytest.mark.parametrize("first_time", [True, False])
def test_one_number_twice_for_a_customer_is_a_bad_row_in_either_write_path(store, first_time):
    imports = services(store).imports
    if not first_time:  # the source has invoices already: rows are compared, staged
        imports.apply(plain(("C0", "Zero", "I0", "01/05/2025", "31/05/2025", "1", "1", "USD")))
    data = plain(("C1", "An", "X1", "01/05/2025", "31/05/2025", "100", "100", "USD"),
                 ("C1", "An", "X1", "02/05/2025", "02/05/2025", "-30", "-30", "USD"),
                 ("C1", "An", "X2", "02/05/2025", "02/05/2025", "5", "5", "USD"))
    before = snapshot(store)
    preview = imports.preview(data)
    assert [(p.line, p.code) for p in preview.problems] == [(3, "document.duplicate")]
    assert preview.refusal == "ar.bad_rows"
    refused = imports.apply(data)
    assert [(e.line, e.column, e.code) for e in refused.errors][:1] == [
        (3, "invoice", "document.duplicate")]
    assert refused.errors[0].message == "document X1 of customer C1 was already on line 2"
    assert snapshot(store) == before
    skipped = imports.apply(data, skip_bad_rows=True)
    assert skipped.imported and skipped.invoices_created == 2
    assert [r[:4] for r in invoices(store) if r[0] == "C1"] == [("C1", "X1", 10000, 10000),
                                                                ("C1", "X2", 500, 500)]


def test_a_workbook_imports_and_the_import_says_what_changed(store):
    from tests.unit.test_importers_xlsx import ROWS, workbook
    data = workbook([r for r in ROWS if "HD0003" not in r and "Cộng" not in r])
    report = services(store).imports.apply(data)
    assert (report.encoding, report.imported, report.invoices_created) == ("xlsx", True, 3)
    assert report.changes.all_customers and report.changes.invoices
    assert report.changes.customers_added and len(report.changes.customers) == 2


def test_a_preview_can_be_cancelled(store):
    lines = [NEWER[0]] + [(f"C{i % 50}", f"N{i % 50}", f"I{i}", "01/05/2025", "31/05/2025", "1",
                          "1", "USD") for i in range(12000)]
    preview = services(store).imports.preview(csv(*lines).encode(), cancelled=lambda: True)
    assert preview.cancelled and not preview.importable and preview.result.rows < 12000


def test_a_file_without_names_does_not_rename_customers_to_their_codes(store, builder):
    builder.customer("Công ty Đông Á", code="100001")
    builder.save()
    report = services(store).imports.apply(FBL5N.encode())
    assert (report.customers_created, report.customers_updated) == (1, 0)
    assert rows(store, "SELECT code, name FROM customer ORDER BY code") == [
        ("100001", "Công ty Đông Á"), ("100002", "100002")]
