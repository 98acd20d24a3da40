"""`fieldapp office import-ar` as a supervisor scripts it: real processes, a real office profile
(SQLite) or the shared PostgreSQL database, hostile files refused quickly with nothing written."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile

import pytest
from sqlalchemy import create_engine, text

from tests.unit.test_importers_decoding import cp1258
from tests.unit.test_importers_presets import ODOO, PLAIN, S31
from tests.unit.test_importers_xlsx import ROWS, workbook

KEYS = ["file", "source", "encoding", "kind", "rows", "customers", "invoices",
        "customers_created", "customers_updated", "invoices_created", "invoices_updated",
        "invoices_closed", "open_total", "errors", "imported"]


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
    cmd = [sys.executable, "-m", "fieldapp", "office", "import-ar", "--home",
           str(tmp_path / "home"), *office[0], *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


def count(office, table):
    engine = create_engine(office[1])
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
    finally:
        engine.dispose()


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bad_rows_refuse_the_file_then_skipping_imports_the_rest(tmp_path, office):
    plain = write(tmp_path, "ar.csv", PLAIN.encode())
    refused = run(tmp_path, office, plain)
    assert refused.returncode == 1, refused.stderr
    assert "line 4, column customer code: customer code is empty" in refused.stdout
    assert "line 6, column due date: '2025-06-31' is not a date" in refused.stdout
    assert "not imported" in refused.stdout
    assert count(office, "invoice") == 0 and count(office, "ar_import") == 0
    done = run(tmp_path, office, plain, "--skip-bad-rows", "--json")
    assert done.returncode == 0, done.stderr
    [report] = [json.loads(line) for line in done.stdout.splitlines()]
    assert list(report) == KEYS
    assert (report["imported"], report["invoices_created"], report["open_total"]) == (
        True, 2, {"USD": 1250, "VND": 1234567})
    assert [(e["line"], e["column"]) for e in report["errors"]] == [
        (4, "customer code"), (5, "amount"), (6, "due date")]
    assert count(office, "invoice") == 2 and count(office, "ar_import") == 1
    # The dashboard's kept sums were made after the import: nothing left for its next read.
    assert count(office, "kpi_stale") == 0 and count(office, "kpi_balance") > 0


def test_several_files_give_one_json_object_per_line_and_the_worst_status(tmp_path, office):
    good = write(tmp_path, "s31.csv", cp1258("\r\n".join(
        l for l in S31.split("\r\n") if "HD0003" not in l and "HD0004" not in l)))
    summary = write(tmp_path, "aged.csv", ODOO.encode())
    empty = write(tmp_path, "empty.csv", b"")
    out = run(tmp_path, office, good, summary, empty, "--json")
    assert out.returncode == 2, out.stderr
    reports = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["source"], r["kind"], r["imported"]) for r in reports] == [
        ("s31_misa", "detail", True), ("odoo_aged_summary", "summary_only", False),
        ("", "detail", False)]
    assert "summary" in reports[1]["errors"][-1]["message"]
    assert reports[2]["errors"] == [{"line": None, "column": "", "message": "the file is empty"}]
    again = run(tmp_path, office, good, summary, "--json")
    assert again.returncode == 1
    assert [r["invoices_created"] + r["invoices_updated"] + r["invoices_closed"]
            for r in map(json.loads, again.stdout.splitlines())] == [0, 0]
    opening = run(tmp_path, office, summary, "--opening-balances-on", "2025-05-31")
    assert opening.returncode == 0, opening.stdout
    assert "customers: 2 new" in opening.stdout and "invoices: 2 new" in opening.stdout


def test_a_dry_run_writes_nothing_and_an_unknown_source_is_refused(tmp_path, office):
    good = write(tmp_path, "s31.csv", cp1258("\r\n".join(
        l for l in S31.split("\r\n") if "HD0003" not in l and "HD0004" not in l)))
    dry = run(tmp_path, office, good, "--dry-run")
    assert dry.returncode == 0 and "dry run: nothing was written" in dry.stdout
    assert "invoices: 4 new" in dry.stdout and count(office, "invoice") == 0
    unknown = run(tmp_path, office, good, "--source", "fast_accounting")
    assert unknown.returncode == 2 and "fast_accounting" in unknown.stderr


def _hostile(tmp_path):
    """name → bytes of files an attacker or an accident hands in."""
    bomb = workbook(ROWS[:5], extra=[("xl/media/image1.png", b"\0" * (50 << 20))])
    entities = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    xml_bomb = workbook([["Customer code", "Invoice", "Amount"], ["C1", "&j;", 1]],
                        sheet_prefix=entities)
    tricked = workbook(ROWS[:5], extra=[("../../evil.xml", b"<x/>")])
    renamed = io.BytesIO()
    with zipfile.ZipFile(renamed, "w") as book:
        book.writestr("hello.txt", "hi")
    files = {"bomb.xlsx": bomb, "entities.xlsx": xml_bomb, "tricks.xlsx": tricked,
             "text.xlsx": PLAIN.encode(), "empty.csv": b"", "zip.xlsx": renamed.getvalue()}
    paths = [write(tmp_path, name, data) for name, data in files.items()]
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:  # sparse: over the limit without filling the disk
        handle.write(PLAIN.encode())
        handle.truncate((1 << 30) + 1)
    return [*paths, huge]


def test_hostile_files_are_refused_with_status_2_quickly_and_nothing_written(tmp_path, office):
    files = _hostile(tmp_path)
    started = time.perf_counter()
    out = run(tmp_path, office, *files, "--json")
    elapsed = time.perf_counter() - started
    assert out.returncode == 2, out.stderr
    reports = [json.loads(line) for line in out.stdout.splitlines()]
    messages = {r["file"].rsplit("/", 1)[-1]: r["errors"][0]["message"] for r in reports}
    assert all(not r["imported"] and r["rows"] == 0 for r in reports)
    assert "compresses" in messages["bomb.xlsx"] and "unsafe" in messages["bomb.xlsx"]
    assert "DOCTYPE" in messages["entities.xlsx"]
    assert "'../../evil.xml'" in messages["tricks.xlsx"]
    assert messages["text.xlsx"] == "the file is named like a workbook but is not one"
    assert messages["empty.csv"] == "the file is empty"
    assert "no xl/workbook.xml" in messages["zip.xlsx"]
    assert messages["huge.csv"].startswith("the file is 1073741825 bytes")
    assert elapsed < 30
    assert count(office, "invoice") == 0 and count(office, "customer") == 0
    assert count(office, "ar_import") == 0
    plain = run(tmp_path, office, files[3])
    assert plain.returncode == 2 and "named like a workbook but is not one" in plain.stdout
