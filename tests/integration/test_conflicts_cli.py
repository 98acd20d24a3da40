"""Master data corrected on a laptop, through the command line as a supervisor would script it
(office on SQLite and PostgreSQL): the laptop's edits carry the version its pack gave, travel in
the day bundle, apply at the office when the office left the field alone, and wait in the
conflict queue (`office conflicts`) when it did not, until `office conflicts resolve`; the next
pack brings the decision back to the laptop. An amendment made after the original was sent
supersedes the original's outcomes at the office too."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone

from fieldapp.services.master_data import MasterData
from fieldapp.services.settings import Settings
from fieldapp.store.engine import open_store
from tests import laptop_db
from tests.integration.test_enroll_cli import run
from tests.integration.test_pack_cli import TODAY, sqlite_team, team  # noqa: F401 (fixtures)
from tests.integration.test_sync_day_cli import (_enroll, _import, _office_ids, _send,  # noqa: F401
                                                 demo_laptop, laptop, sqlite_office)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


def _laptop_edits(team, code: str, contact: str) -> None:
    store = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
    try:
        service = MasterData(store, Settings(store), lambda: NOW)
        cid, contact_id = team.laptop_rows(
            "SELECT c.id, k.id FROM customer c JOIN contact k ON k.customer_id = c.id "
            f"WHERE c.code = '{code}' AND k.name = '{contact}'")[0]
        service.change_phone(contact_id, "0987 654 321")
        district, province = team.laptop_rows(
            f"SELECT district, province FROM customer WHERE id = {cid}")[0]
        service.change_address(cid, "40 Pasteur", district, province)
        service.add_contact(cid, "Anh Tuấn", "0912 000 111")
    finally:
        store.close()


def _conflicts(team, *extra) -> list[dict]:
    out = team.office.run("conflicts", "--json", *extra)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_edits_apply_conflicts_wait_for_the_supervisor_and_travel_back(team, tmp_path):
    assert team.receive(team.pack()).returncode == 0
    code, contact, phone, version = team.laptop_rows(
        "SELECT c.code, k.name, k.phone, k.row_version FROM customer c "
        "JOIN contact k ON k.customer_id = c.id ORDER BY c.code, k.id LIMIT 1")[0]
    assert version >= 1  # the office's version came with the pack: the edit's base
    # The office changes the same contact's phone, and the customer's district (not the line).
    team._exec(f"UPDATE contact SET phone = '0900 000 000', row_version = row_version + 1 "
               f"WHERE name = '{contact}' AND customer_id = (SELECT id FROM customer "
               f"WHERE code = '{code}')")
    team._exec("UPDATE customer SET district = 'Quận 3', row_version = row_version + 1 "
               f"WHERE code = '{code}'")
    _laptop_edits(team, code, contact)
    sent = run("sync", "send", "--out", str(tmp_path / "out"), "--home", str(team.laptop))
    assert sent.returncode == 0, sent.stderr
    (day,) = (tmp_path / "out").glob("day-*.zip")
    imported = team.office.run("import-bundles", str(day), "--json", "--no-acks")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)[0]["status"] == "imported"

    [conflict] = _conflicts(team)
    assert (conflict["customer"], conflict["contact"], conflict["field"], conflict["base"],
            conflict["office"], conflict["laptop"], conflict["collector"]) == (
        code, contact, "phone", phone, "0900 000 000", "0987 654 321", team.collector)
    office = dict(team.office_rows(
        f"SELECT 'address', address FROM customer WHERE code = '{code}' UNION ALL "
        f"SELECT 'district', district FROM customer WHERE code = '{code}' UNION ALL "
        "SELECT k.name, k.phone FROM contact k JOIN customer c ON c.id = k.customer_id "
        f"WHERE c.code = '{code}'"))
    # the address line applied beside the office's district (parallel); the phone kept
    assert (office["address"], office["district"], office[contact], office["Anh Tuấn"]) == (
        "40 Pasteur", "Quận 3", "0900 000 000", "0912 000 111")

    again = team.office.run("import-bundles", str(day), "--json", "--no-acks")
    assert json.loads(again.stdout)[0]["status"] == "duplicate"
    assert len(_conflicts(team)) == 1

    short = conflict["id"][:8]
    assert team.office.run("conflicts", "resolve", short, "--take", "value").returncode == 2
    assert team.office.run("conflicts", "resolve", "ffffffff", "--take", "laptop"
                           ).returncode == 2
    done = team.office.run("conflicts", "resolve", short, "--take", "laptop")
    assert done.returncode == 0, done.stderr
    assert team.office.run("conflicts", "resolve", short, "--take", "office").returncode == 1
    assert _conflicts(team) == []
    [closed] = _conflicts(team, "--all")
    assert (closed["resolution"], closed["resolved_value"]) == ("laptop", "0987 654 321")

    assert team.receive(team.pack()).returncode == 0  # the office's word reaches the laptop
    laptop = dict(team.laptop_rows(
        "SELECT k.name, k.phone FROM contact k JOIN customer c ON c.id = k.customer_id "
        f"WHERE c.code = '{code}'"))
    assert (laptop[contact], laptop["Anh Tuấn"]) == ("0987 654 321", "0912 000 111")
    assert team.laptop_rows(f"SELECT address, district FROM customer WHERE code = '{code}'"
                            ) == [("40 Pasteur", "Quận 3")]


def test_the_list_says_when_nothing_waits(sqlite_team):
    out = sqlite_team.office.run("conflicts")
    assert out.returncode == 0 and "no open conflicts" in out.stdout


def test_an_amendment_made_after_the_original_was_sent_supersedes_it_at_the_office(
        sqlite_office, laptop, tmp_path):
    """Outcome states changed after a first send travel in a later bundle, applied once."""
    _enroll(sqlite_office, laptop, tmp_path)
    first = _send(laptop, tmp_path / "one")
    assert _import(sqlite_office, *first)[0] == 0
    db = laptop / "fieldapp.db"
    with laptop_db.connect(db) as con:
        original = con.execute(
            "SELECT v.uuid FROM visit v JOIN outcome o ON o.visit_uuid = v.uuid "
            "WHERE v.status = 'final' AND o.superseded_by IS NULL LIMIT 1").fetchone()[0]
        amendment = str(uuid.uuid4())
        con.execute("INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at,"
                    " finalized_at, amends, body, sha256) SELECT ?, customer_id, kind, status, "
                    "started_at, updated_at, finalized_at, uuid, body, sha256 FROM visit "
                    "WHERE uuid = ?", (amendment, original))
        con.execute("UPDATE outcome SET superseded_by = ? WHERE visit_uuid = ?",
                    (amendment, original))
        superseded = {r[0] for r in con.execute(
            "SELECT uuid FROM outcome WHERE visit_uuid = ?", (original,))}
    second = _send(laptop, tmp_path / "two")  # bundles not acked yet are written again
    assert len(second) == len(first) + 1
    status, reports = _import(sqlite_office, second[-1])
    assert status == 0 and reports[-1]["status"] == "imported"
    assert reports[-1]["records"] == 1 + len(superseded)  # the amendment and each state
    store = open_store(sqlite_office.home / "office.db")
    try:
        with store.engine.connect() as conn:
            held = dict(conn.exec_driver_sql(
                "SELECT uuid, superseded_by FROM outcome WHERE visit_uuid = ?",
                (original,)).all())
    finally:
        store.close()
    assert held == {u: amendment for u in superseded}
    assert _office_ids(sqlite_office, laptop)["visit"] >= {original, amendment}
    again = _send(laptop, tmp_path / "three")  # nothing new: the states went once
    assert [p.name for p in again] == [p.name for p in second]
