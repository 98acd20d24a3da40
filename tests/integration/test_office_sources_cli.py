"""`fieldapp office sources` as a supervisor scripts it: an export with headers no source knows is
refused, a mapping saved from the command line reads it, then show, list and delete; a bad
field is refused with the valid ones listed. Real processes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from fieldapp.importers.presets import FIELDS

# An export of a bookkeeping program no preset knows: Vietnamese headers, day-first dates, dots
# between thousands.
EXPORT = ("Khách,Tên khách,Số HĐ,Ngày HĐ,Hạn trả,Còn nợ\n"
          "KH001,Cửa hàng Hoà Bình,HD-1,01/10/2026,31/10/2026,\"1.500.000\"\n"
          "KH002,Tạp hoá Minh Tâm,HD-2,05/10/2026,04/11/2026,\"2.000.000\"\n"
          "KH002,Tạp hoá Minh Tâm,HD-3,06/10/2026,05/11/2026,\"300.000\"\n")
COLUMNS = ["customer_code=Khách", "customer_name=Tên khách", "document_no=Số HĐ",
           "document_date=Ngày HĐ", "due_date=Hạn trả", "open_amount=Còn nợ"]


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path):
    """(extra arguments, database URL) of an office on SQLite in the profile, or PostgreSQL."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        return ["--db", url], url
    return [], f"sqlite:///{tmp_path / 'home' / 'office.db'}"


def run(tmp_path, office, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("FIELDAPP_OFFICE_DB", None)
    cmd = [sys.executable, "-m", "fieldapp", "office", args[0], "--home",
           str(tmp_path / "home"), *office[0], *map(str, args[1:])]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


def count(office, table):
    engine = create_engine(office[1])
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
    finally:
        engine.dispose()


def test_a_mapping_saved_on_the_command_line_reads_an_unknown_export(tmp_path, office):
    export = tmp_path / "so-cai.csv"
    export.write_text(EXPORT, "utf-8")
    refused = run(tmp_path, office, "import-ar", export)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "not imported" in refused.stdout and count(office, "invoice") == 0

    columns = [a for c in COLUMNS for a in ("--column", c)]
    saved = run(tmp_path, office, "sources", "save", "Sổ cái ACME", *columns, "--dates", "dmy",
                "--decimal", ",", "--group", ".", "--currency", "VND")
    assert saved.returncode == 0, saved.stderr
    done = run(tmp_path, office, "import-ar", export, "--source", "Sổ cái ACME", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["source"], report["customers_created"], report["invoices_created"],
            report["open_total"], report["imported"]) == (
        "Sổ cái ACME", 2, 3, {"VND": 3_800_000}, True)
    assert count(office, "invoice") == 3

    shown = run(tmp_path, office, "sources", "show", "Sổ cái ACME", "--json")
    assert shown.returncode == 0, shown.stderr
    mapping = json.loads(shown.stdout)
    assert mapping["columns"]["open_amount"] == ["Còn nợ"]
    assert mapping["columns"]["customer_code"] == ["Khách"]
    assert (mapping["saved"], mapping["dates"], mapping["decimal"], mapping["group"],
            mapping["currency"], mapping["header_line"], mapping["ledger"]) == (
        True, "dmy", ",", ".", "VND", None, False)
    text_shown = run(tmp_path, office, "sources", "show", "Sổ cái ACME").stdout
    assert "due_date       Hạn trả" in text_shown and "currency VND" in text_shown

    listed = json.loads(run(tmp_path, office, "sources", "list", "--json").stdout)
    marks = {row["name"]: row["saved"] for row in listed}
    assert marks["Sổ cái ACME"] is True and marks["s31_misa"] is False and "plain" in marks
    assert "Sổ cái ACME" in run(tmp_path, office, "sources").stdout

    deleted = run(tmp_path, office, "sources", "delete", "Sổ cái ACME")
    assert deleted.returncode == 0, deleted.stderr
    assert run(tmp_path, office, "sources", "delete", "Sổ cái ACME").returncode == 1
    gone = run(tmp_path, office, "import-ar", export, "--source", "Sổ cái ACME")
    assert gone.returncode == 2 and "no source called" in gone.stderr
    assert count(office, "ar_source") == 0


def test_a_saved_mapping_starts_from_a_preset_and_keeps_its_formats(tmp_path, office):
    saved = run(tmp_path, office, "sources", "save", "misa-ha-noi", "--from", "s31_misa",
                "--column", "due_date=Ngày phải trả", "--header-line", "5", "--json")
    assert saved.returncode == 0, saved.stderr
    mapping = json.loads(saved.stdout)
    assert mapping["columns"]["due_date"] == ["Ngày phải trả"]
    assert "Số phát sinh/Nợ" in mapping["columns"]["debit"]  # the preset's other labels stay
    assert (mapping["dates"], mapping["decimal"], mapping["currency"], mapping["header_line"],
            mapping["ledger"]) == ("dmy", ",", "VND", 5, True)


def test_bad_fields_headers_and_mappings_are_refused_and_nothing_is_saved(tmp_path, office):
    unknown = run(tmp_path, office, "sources", "save", "x", "--column", "kunde=Kunde")
    assert unknown.returncode == 2
    assert "'kunde' is not a field" in unknown.stderr
    assert all(field in unknown.stderr for field in FIELDS)
    empty = run(tmp_path, office, "sources", "save", "x", "--column", "amount=")
    assert empty.returncode == 2 and "header of amount is empty" in empty.stderr
    no_sign = run(tmp_path, office, "sources", "save", "x", "--column", "amount")
    assert no_sign.returncode == 2 and "FIELD=HEADER" in no_sign.stderr
    # "Amount" is already the plain preset's amount column: read for two fields.
    twice = run(tmp_path, office, "sources", "save", "x", "--column", "customer_code=Amount")
    assert twice.returncode == 2 and "two fields" in twice.stderr
    marks = run(tmp_path, office, "sources", "save", "x", "--decimal", ",", "--group", ",")
    assert marks.returncode == 2 and "decimal mark" in marks.stderr
    base = run(tmp_path, office, "sources", "save", "x", "--from", "nowhere")
    assert base.returncode == 2 and "no source called 'nowhere'" in base.stderr
    assert run(tmp_path, office, "sources", "show", "x").returncode == 2
    assert count(office, "ar_source") == 0
