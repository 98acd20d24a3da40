"""The export to accounting on both engines, read back as a program would read it: CSV
(UTF-8 with BOM) with the csv module and XLSX with openpyxl; only confirmed money (a matched
receipt is already in the books); re-exports mark what went before; bad input refused."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select

from fieldapp.domain.accounting_export import COLUMNS
from fieldapp.domain.errors import FieldappError
from fieldapp.services.office.app import build
from fieldapp.store.tables import ExportRowRow, OutcomeRow, VisitRow
from tests.conftest import ON_BOTH_DATABASES
from tests.receipt_data import credit, take, team

pytestmark = ON_BOTH_DATABASES
DAY = date(2026, 11, 20)


def _setup(store, builder):
    cid = builder.customer("=Công ty Ánh Dương 阳光", code="C1")
    inv = builder.invoice(cid, "HD-1", date(2026, 10, 31), 9_000_000)
    twd = builder.customer("台北貿易", code="T1", currency="TWD")
    builder.save()
    team(store, [cid, twd])
    confirmed, _ = take(store, cid, DAY, 1_500_000, invoice=inv)
    cents, _ = take(store, twd, DAY + timedelta(days=1), 123_450, currency="TWD")
    matched, _ = take(store, cid, DAY, 700_000)
    pending, _ = take(store, cid, DAY, 800_000)
    voided, _ = take(store, cid, DAY, 900_000)
    late, _ = take(store, cid, date(2026, 12, 5), 100_000)
    credit(store, cid, "PT-1", DAY, 700_000)
    office = build(store, date(2026, 12, 10), "Chị Hoa")
    office.receipts.match()
    office.receipts.confirm([confirmed, cents, late])
    office.receipts.void(voided, "nhập trùng")
    _commitments(store, cid)
    return office, {"confirmed": confirmed, "cents": cents, "matched": matched,
                    "pending": pending, "voided": voided, "late": late}


def _commitments(store, cid):
    at = "2026-11-21T02:00:00+00:00"
    with store.sessions.begin() as session:
        session.execute(insert(VisitRow.__table__).values(
            uuid="v-plan", customer_id=cid, kind="visit", status="final", started_at=at,
            updated_at=at, finalized_at=at, amends=None, body="{}", sha256=""))
        base = dict(visit_uuid="v-plan", customer_id=cid, created_on=date(2026, 11, 21),
                    deadline_at=None, currency="VND", receipt_no="", superseded_by=None,
                    resolved=False, body="{}")
        session.execute(insert(OutcomeRow.__table__), [
            dict(base, uuid="p-1", kind="promise", due_on=date(2026, 11, 30),
                 amount_minor=2_000_000),
            dict(base, uuid="l-2", kind="installment", due_on=date(2027, 1, 15),
                 amount_minor=1_000_000),
            dict(base, uuid="l-1", kind="installment", due_on=date(2026, 12, 15),
                 amount_minor=1_000_001),
            dict(base, uuid="gone", kind="promise", due_on=date(2026, 11, 30),
                 amount_minor=5, superseded_by="v-other")])


def _csv(path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Vietnamese and Chinese
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_export_read_back_and_re_export_marks(store, builder, tmp_path):
    office, r = _setup(store, builder)
    out = tmp_path / "ke-toan.csv"
    done = office.accounting_export.run("2026-11-01", "2026-11-30", out)
    assert done.rows == {"payments": 2, "promises": 1, "installments": 2}
    payments = _csv(tmp_path / "ke-toan_payments.csv")
    assert list(payments[0]) == list(COLUMNS["payments"])
    # Only confirmed money of the period: not the matched (in the books), pending, voided or
    # December ones.
    assert [(p["record_id"], p["amount"], p["currency"], p["paid_on"]) for p in payments] == [
        (r["confirmed"], "1500000", "VND", "2026-11-20"),
        (r["cents"], "1234.50", "TWD", "2026-11-21")]
    first = payments[0]
    assert first["customer_name"] == "'=Công ty Ánh Dương 阳光"  # never run as a formula
    assert (first["allocations"], first["method"], first["collector"]) == (
        "HD-1=1500000", "cash", "Nguyễn Thị Lan")
    assert first["confirmed_by"] == "Chị Hoa" and first["export_batch"] == done.batch
    promises = _csv(tmp_path / "ke-toan_promises.csv")
    assert [(p["record_id"], p["due_on"], p["amount"]) for p in promises] == [
        ("p-1", "2026-11-30", "2000000")]
    lines = _csv(tmp_path / "ke-toan_installments.csv")
    assert [(x["record_id"], x["line_no"], x["lines"], x["due_on"]) for x in lines] == [
        ("l-1", "1", "2", "2026-12-15"), ("l-2", "2", "2", "2027-01-15")]

    # Again: nothing new, nothing written but headers, no batch remembered.
    again = office.accounting_export.run(date(2026, 11, 1), date(2026, 11, 30), out)
    assert (again.batch, again.rows) == ("", {"payments": 0, "promises": 0, "installments": 0})
    assert _csv(tmp_path / "ke-toan_payments.csv") == []
    # With the earlier ones: each carries the batch and day it was first exported in.
    office.receipts.confirm([r["pending"]])
    both = office.accounting_export.run("2026-11-01", "2026-11-30", out, include_exported=True)
    assert both.new == {"payments": 1, "promises": 0, "installments": 0}
    marks = {p["record_id"]: (p["export_batch"], p["first_exported_at"][:10])
             for p in _csv(tmp_path / "ke-toan_payments.csv")}
    assert marks[r["confirmed"]][0] == done.batch and marks[r["pending"]][0] == both.batch
    assert done.batch != both.batch
    with store.sessions.begin() as session:
        assert session.execute(select(ExportRowRow.batch_id).where(
            ExportRowRow.record_id == r["confirmed"])).scalar() == done.batch


def test_xlsx_export_one_sheet_per_kind(store, builder, tmp_path):
    office, r = _setup(store, builder)
    out = tmp_path / "ke-toan.xlsx"
    done = office.accounting_export.run("2026-11-01", "2026-11-30", out, "xlsx",
                                        ["payments", "installments"])
    assert done.files == (str(out),)
    book = load_workbook(out)
    assert book.sheetnames == ["payments", "installments"]
    rows = list(book["payments"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS["payments"]
    assert [(x[0], x[4], x[5], x[6]) for x in rows[1:]] == [
        (r["confirmed"], "=Công ty Ánh Dương 阳光", "1500000", "VND"),
        (r["cents"], "台北貿易", "1234.50", "TWD")]
    assert book["payments"]["E2"].data_type == "s"  # text, not a formula


def test_bad_input_is_refused_with_what_is_wrong(store, builder, tmp_path):
    office, _r = _setup(store, builder)
    run = office.accounting_export.run
    cases = [(("2026-13-01", "2026-11-30"), {}, "export.bad_from"),
             (("2026-11-01", "30/11/2026"), {}, "export.bad_to"),
             (("2026-11-30", "2026-11-01"), {}, "export.bad_period"),
             (("2026-11-01", "2026-11-30"), {"fmt": "pdf"}, "export.bad_format"),
             (("2026-11-01", "2026-11-30"), {"kinds": ["money"]}, "export.bad_kind")]
    for dates, extra, code in cases:
        with pytest.raises(FieldappError) as refused:
            run(*dates, tmp_path / "x.csv", **extra)
        assert refused.value.code == code
    with pytest.raises(FieldappError) as refused:
        run("2026-11-01", "2026-11-30", tmp_path)
    assert refused.value.code == "export.out_is_folder"
    # Nothing written, nothing remembered.
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".xlsx")]
    with store.sessions.begin() as session:
        assert session.execute(select(ExportRowRow)).first() is None
    # A period with nothing in it: header-only files, no batch.
    empty = run("2020-01-01", "2020-01-31", tmp_path / "x.csv")
    assert empty.batch == "" and _csv(tmp_path / "x_promises.csv") == []
