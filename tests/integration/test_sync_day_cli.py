"""Day bundles through the command line as a collector and a supervisor would script them: a
demo laptop enrolled with a demo office of the same customers sends its records, the office
imports them exactly once (duplicates, forks, gaps, revoked laptops, tampered files), answers
with an ack, and the laptop prunes its outbox; the office on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.store.engine import open_store, open_url
from tests import laptop_db
from tests.integration.sync_kit import Office, laptop_counts as _laptop_counts
from tests.integration.sync_kit import office_ids as _office_ids, outbox as _outbox, run
from tests.sync_team import COLLECTOR, enroll, make_laptop, make_office


@pytest.fixture(scope="module")
def demo_laptop(tmp_path_factory) -> Path:
    return make_laptop(tmp_path_factory.mktemp("template") / "laptop")


@pytest.fixture
def laptop(demo_laptop, tmp_path) -> Path:
    home = tmp_path / "laptop"
    shutil.copytree(demo_laptop, home)
    return home


def _office(tmp_path: Path, db: str | None) -> Office:
    return make_office(tmp_path / "office", db)


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path) -> Office:
    db = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    return _office(tmp_path, db)


@pytest.fixture
def sqlite_office(tmp_path) -> Office:
    return _office(tmp_path, None)


def _enroll(office: Office, laptop: Path, tmp_path: Path) -> str:
    return enroll(office, laptop, tmp_path)


def _send(laptop: Path, out: Path) -> list[Path]:
    done = run("sync", "send", "--out", str(out), "--home", str(laptop))
    assert done.returncode == 0, done.stderr
    return sorted(out.glob("day-*.zip"))


def _import(office: Office, *paths, acks: Path | None = None) -> tuple[int, list[dict]]:
    extra = ["--acks", str(acks)] if acks else ["--no-acks"]
    out = office.run("import-bundles", *map(str, paths), "--json", *extra)
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, json.loads(out.stdout)


def _new_visit(laptop: Path) -> str:
    """A finalized visit more on the laptop (a copy of one, under a new id)."""
    new = str(uuid.uuid4())
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        con.execute("INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, "
                    "finalized_at, amends, body, sha256) SELECT ?, customer_id, kind, status, "
                    "started_at, updated_at, finalized_at, NULL, body, sha256 FROM visit "
                    "WHERE status = 'final' LIMIT 1", (new,))
    return new


def test_a_demo_laptop_sends_its_records_once_and_prunes_its_outbox_on_the_ack(office, laptop,
                                                                              tmp_path):
    refused = run("sync", "send", "--out", str(tmp_path / "x"), "--home", str(laptop))
    assert refused.returncode == 2 and "not enrolled" in refused.stderr
    device = _enroll(office, laptop, tmp_path)
    files = _send(laptop, tmp_path / "out")
    assert [f.name for f in files] == [f"day-{device}-000001.zip"]
    counts = _laptop_counts(laptop)
    assert counts["visit"] and counts["document"] and counts["outcome"]

    code, reports = _import(office, tmp_path / "out", acks=tmp_path / "acks")
    assert code == 0
    assert reports == [{"file": str(files[0]), "bundle_id": reports[0]["bundle_id"],
                        "device": device, "seq": 1, "status": "imported", "reason": "",
                        "records": sum(counts.values())}]
    held = _office_ids(office, laptop)
    assert {k: len(v) for k, v in held.items()} == counts

    again = _send(laptop, tmp_path / "again")  # no ack yet: the same file, unchanged
    assert again[0].read_bytes() == files[0].read_bytes()
    code, reports = _import(office, again[0])
    assert code == 0 and reports[0]["status"] == "duplicate" and reports[0]["records"] == 0
    assert _office_ids(office, laptop) == held

    assert _outbox(laptop) == [(1, True)]
    ack = run("sync", "ack", str(tmp_path / "acks" / f"ack-{device}-000001.zip"),
              "--home", str(laptop))
    assert ack.returncode == 0, ack.stderr
    assert _outbox(laptop) == [(1, False)]
    assert _send(laptop, tmp_path / "after") == []


def test_a_gap_holds_the_later_bundle_until_the_missing_one_arrives(office, laptop, tmp_path):
    device = _enroll(office, laptop, tmp_path)
    first = _send(laptop, tmp_path / "b1")
    second_visit = _new_visit(laptop)
    second = [f for f in _send(laptop, tmp_path / "b2") if f.name.endswith("2.zip")]
    _new_visit(laptop)
    third = [f for f in _send(laptop, tmp_path / "b3") if f.name.endswith("3.zip")]

    code, reports = _import(office, first[0], third[0], acks=tmp_path / "acks")
    assert code == 0
    assert [(r["seq"], r["status"], r["reason"]) for r in reports] == [
        (1, "imported", ""), (3, "held", "sync.gap")]
    assert sorted(p.name for p in (tmp_path / "acks").iterdir()) == [f"ack-{device}-000001.zip"]
    assert second_visit not in _office_ids(office, laptop)["visit"]

    code, reports = _import(office, second[0], acks=tmp_path / "acks")
    assert code == 0
    assert [(r["seq"], r["status"], r["records"]) for r in reports] == [
        (2, "imported", 1), (3, "imported", 1)]
    assert second_visit in _office_ids(office, laptop)["visit"]
    ack = run("sync", "ack", str(tmp_path / "acks" / f"ack-{device}-000003.zip"),
              "--home", str(laptop))
    assert ack.returncode == 0, ack.stderr
    assert _outbox(laptop) == [(1, False), (2, False), (3, False)]


def test_a_fork_is_quarantined_and_an_ack_ahead_of_the_laptop_is_refused(sqlite_office, laptop,
                                                                        tmp_path):
    office = sqlite_office
    _enroll(office, laptop, tmp_path)
    first = _send(laptop, tmp_path / "b1")
    twin = tmp_path / "twin"  # the same laptop restored from a backup made now
    shutil.copytree(laptop, twin)
    _new_visit(laptop)
    ours = [f for f in _send(laptop, tmp_path / "b2") if f.name.endswith("2.zip")]
    code, _ = _import(office, first[0], ours[0], acks=tmp_path / "acks")
    assert code == 0

    ahead = run("sync", "ack", str(next((tmp_path / "acks").glob("*-000002.zip"))),
                "--home", str(twin))
    assert ahead.returncode == 2 and "sent only up to 1" in ahead.stderr
    assert _outbox(twin) == [(1, True)]

    _new_visit(twin)
    theirs = [f for f in _send(twin, tmp_path / "t2") if f.name.endswith("2.zip")]
    code, reports = _import(office, theirs[0])
    assert code == 1
    assert [(r["seq"], r["status"], r["reason"]) for r in reports] == [
        (2, "quarantined", "sync.fork")]


def _tampered(path: Path, out: Path) -> Path:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "records.json":
                data = data.replace(b'"status":"final"', b'"status":"draft"', 1)
            dst.writestr(info, data)
    return out


def test_revoked_and_tampered_bundles_are_quarantined_without_blocking_the_others(
        office, laptop, tmp_path):
    device = _enroll(office, laptop, tmp_path)
    good = _send(laptop, tmp_path / "b1")[0]
    bad = _tampered(good, tmp_path / "tampered.zip")
    code, reports = _import(office, bad, good)
    assert code == 1
    assert [(r["status"], r["reason"]) for r in reports] == [
        ("quarantined", "sync.bad_hash"), ("imported", "")]
    assert reports[0]["device"] == device  # as the manifest claims, shown beside the reason

    revoked = office.run("revoke", device, "--reason", "stolen")
    assert revoked.returncode == 0, revoked.stderr
    _new_visit(laptop)
    later = [f for f in _send(laptop, tmp_path / "b2") if f.name.endswith("2.zip")]
    code, reports = _import(office, later[0])
    assert code == 1 and reports[0]["status"] == "quarantined"
    assert reports[0]["reason"] == "sync.revoked"


def test_a_laptop_of_another_company_is_quarantined(sqlite_office, laptop, tmp_path):
    other = Office(tmp_path / "other", None)
    made = other.run("init", "--company", "Another company")
    assert made.returncode == 0, made.stderr
    other.add_collector(COLLECTOR, "c0000000-0000-4000-8000-000000000009")
    _enroll(other, laptop, tmp_path)
    code, reports = _import(sqlite_office, *_send(laptop, tmp_path / "out"))
    assert code == 1
    assert (reports[0]["status"], reports[0]["reason"]) == ("quarantined", "sync.unknown_signer")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl tool is not installed")
def test_openssl_accepts_a_day_bundles_manifest_signature(sqlite_office, laptop, tmp_path):
    _enroll(sqlite_office, laptop, tmp_path)
    bundle = _send(laptop, tmp_path / "out")[0]
    with zipfile.ZipFile(bundle) as archive:
        (tmp_path / "manifest.json").write_bytes(archive.read("manifest.json"))
        (tmp_path / "manifest.sig").write_bytes(archive.read("manifest.sig"))
    ca = sqlite_office.home / "keys" / "company-ca.pem"
    out = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                          "manifest.sig", "-content", "manifest.json", "-CAfile", str(ca),
                          "-purpose", "any", "-out", "/dev/null"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "Verification successful" in out.stderr, out.stderr


def _copy_customer(conn_execute, new_id: int) -> None:
    from fieldapp.store.tables import CustomerRow  # noqa: PLC0415
    columns = [c.name for c in CustomerRow.__table__.columns]
    picked = ", ".join(str(new_id) if c == "id" else f"'X{new_id}'" if c == "code" else c
                       for c in columns)
    conn_execute(f"INSERT INTO customer ({', '.join(columns)}) SELECT {picked} FROM customer "
                 "WHERE id = (SELECT min(id) FROM customer)")


def test_a_bundle_whose_records_do_not_fit_lands_whole_or_not_at_all_and_can_be_retried(
        office, laptop, tmp_path):
    """A visit for a customer the office does not know: nothing of the bundle lands (one
    transaction); once the office has the customer, the same file imports, exactly once."""
    _enroll(office, laptop, tmp_path)
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        _copy_customer(con.execute, 990001)
    stranger = _new_visit(laptop)
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        con.execute("UPDATE visit SET customer_id = 990001 WHERE uuid = ?", (stranger,))
    bundle = _send(laptop, tmp_path / "out")[0]
    code, reports = _import(office, bundle)
    assert code == 1
    assert (reports[0]["status"], reports[0]["reason"]) == ("quarantined", "sync.bad_records")
    assert all(not ids for ids in _office_ids(office, laptop).values())

    store = open_url(office.db) if office.db else open_store(office.home / "office.db")
    try:
        with store.engine.begin() as conn:
            _copy_customer(lambda sql: conn.execute(text(sql)), 990001)
    finally:
        store.close()
    code, reports = _import(office, bundle)
    assert code == 0 and reports[0]["status"] == "imported"
    counts = _laptop_counts(laptop)
    assert {k: len(v) for k, v in _office_ids(office, laptop).items()} == counts
    store = open_url(office.db) if office.db else open_store(office.home / "office.db")
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT status, data IS NULL FROM bundle_in")).all()
    finally:
        store.close()
    assert [tuple(r) for r in rows] == [("imported", True)]  # the quarantined row moved on


def _renumber_laptop(laptop: Path, shift: int) -> None:
    """The laptop's own numbers for customers and invoices, as a laptop filled by packs has:
    every customer and invoice id moved by ``shift`` (references with them)."""
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        con.execute("PRAGMA foreign_keys = OFF")
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = {c[1] for c in con.execute(f"PRAGMA table_info({table})")}
            if table in ("customer", "invoice"):
                con.execute(f"UPDATE {table} SET id = id + ?", (shift,))
            for column in ("customer_id", "invoice_id"):
                if column in columns:
                    con.execute(f"UPDATE {table} SET {column} = {column} + ? "
                                f"WHERE {column} IS NOT NULL", (shift,))


def test_records_name_customers_and_invoices_by_code_not_by_the_laptops_numbers(
        sqlite_office, laptop, tmp_path):
    """A laptop numbers what packs give it on its own: the office files each record under its
    own customer and invoice of the same code and number."""
    _enroll(sqlite_office, laptop, tmp_path)
    _renumber_laptop(laptop, 700000)
    code, reports = _import(sqlite_office, *_send(laptop, tmp_path / "out"))
    assert code == 0 and {r["status"] for r in reports} == {"imported"}
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        visits = dict(con.execute("SELECT v.uuid, c.code FROM visit v JOIN customer c ON "
                                  "c.id = v.customer_id WHERE v.status = 'final'"))
        allocated = dict(con.execute(
            "SELECT a.id, c.code || '/' || i.number FROM allocation a JOIN invoice i ON "
            "i.id = a.invoice_id JOIN customer c ON c.id = i.customer_id"))
    with sqlite3.connect(sqlite_office.home / "office.db") as con:
        held = dict(con.execute("SELECT v.uuid, c.code FROM visit v JOIN customer c ON "
                                "c.id = v.customer_id"))
        held_allocations = dict(con.execute(
            "SELECT a.id, c.code || '/' || i.number FROM allocation a JOIN invoice i ON "
            "i.id = a.invoice_id JOIN customer c ON c.id = i.customer_id"))
    assert visits and all(held[u] == code for u, code in visits.items())
    sent = {k: v for k, v in allocated.items() if k in held_allocations}
    assert sent and all(held_allocations[k] == v for k, v in sent.items())
