"""Master data corrected on a laptop, through the command line as a supervisor would script it
(office on SQLite and PostgreSQL): the laptop's edits carry the version its pack gave, travel in
the day bundle, apply at the office when the office left the field alone, and wait in the
conflict queue (`office conflicts`) when it did not, until `office conflicts resolve`; the next
pack brings the decision back to the laptop."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from fieldapp.services.master_data import MasterData
from fieldapp.services.settings import Settings
from fieldapp.store.engine import open_store
from tests.integration.test_enroll_cli import run
from tests.integration.test_pack_cli import TODAY, sqlite_team, team  # noqa: F401 (fixtures)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


def _laptop_edits(team, code: str, contact: str) -> None:
    store = open_store(team.laptop / "fieldapp.db")
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
