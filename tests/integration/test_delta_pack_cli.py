"""Delta assignment packs through the command line as a supervisor and a collector script them:
`office pack` writes a full pack first; the laptop applies it (`sync receive`) and says so in
its next day bundle (`sync send`); `office import-bundles` confirms that version; the next
`office pack` holds only the changes, which the laptop applies to the same state a full pack
gives. A delta on another version is refused; a laptop that lost a customer gets a full pack.
Office on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests import laptop_db
from tests.integration.test_enroll_cli import run
from tests.integration.test_pack_cli import Team


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request, tmp_path):
    db = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    return Team(tmp_path, db)


def _pack(team: Team, *extra) -> tuple:
    out = team.tmp / "packs"
    before = set(out.glob("*.zip")) if out.exists() else set()
    made = team.office.run("pack", "--collector", team.collector, "--out", str(out), *extra)
    assert made.returncode == 0, made.stderr
    (new,) = set(out.glob("*.zip")) - before
    return new, made.stdout


def _report_back(team: Team) -> list[dict]:
    """The laptop sends its day bundle; the office imports it."""
    out = team.tmp / f"sent-{len(list(team.tmp.glob('sent-*')))}"
    sent = run("sync", "send", "--out", str(out), "--home", str(team.laptop))
    assert sent.returncode == 0, sent.stderr
    files = sorted(out.glob("day-*.zip"))
    assert files, sent.stdout
    assert "made with" in sent.stdout
    got = team.office.run("import-bundles", str(files[-1]), "--json", "--no-acks")
    assert got.returncode == 0, got.stdout + got.stderr
    return json.loads(got.stdout)


def _laptop_state(team: Team) -> dict:
    return dict(team.laptop_rows("SELECT key, value FROM setting WHERE key LIKE 'pack.%'"))


def test_a_confirmed_pack_is_followed_by_a_delta_that_the_laptop_applies(team):
    first, said = _pack(team)
    assert "full (first)" in said
    assert team.receive(first).returncode == 0
    (report,) = _report_back(team)  # no visit yet: the bundle only says which pack it holds
    assert team.laptop_rows("SELECT records FROM sync_outbox") == [(0,)]
    assert (report["status"], report["records"]) == ("imported", 0)
    assert team.office_rows("SELECT version, confirmed_at IS NOT NULL FROM pack_out") == [
        (1, True)]
    (expected,) = team.office_rows("SELECT set_hash FROM pack_out WHERE version = 1")[0]
    assert team.office_rows("SELECT version, set_hash FROM pack_report") == [(1, expected)]

    codes = sorted(c for (c,) in team.assigned("customers")[0])
    team._exec(f"UPDATE invoice SET open_minor = 4321 WHERE customer_id = (SELECT id FROM "
               f"customer WHERE code = '{codes[0]}')")
    team._exec(f"UPDATE customer SET collector_id = NULL WHERE code = '{codes[1]}'")
    second, said = _pack(team)
    assert "delta on version 1, 1 customers added or changed, 1 taken away" in said
    got = team.receive(second)
    assert got.returncode == 0, got.stderr
    assert "(delta on version 1) applied: 0 customers added, 1 updated, 1 removed" in got.stdout
    office_customers, laptop_customers = team.assigned("customers")
    assert laptop_customers == office_customers and (codes[1],) not in laptop_customers
    office_invoices, laptop_invoices = team.assigned("invoices")
    assert laptop_invoices == office_invoices
    assert any(c == codes[0] and minor == 4321 for c, _n, minor in laptop_invoices)

    # A second send reports version 2; nothing new after that makes no bundle.
    _report_back(team)
    sent = run("sync", "send", "--out", str(team.tmp / "again"), "--home", str(team.laptop))
    assert sent.returncode == 0 and "made" not in sent.stdout
    assert team.office_rows("SELECT MAX(version) FROM pack_out WHERE confirmed_at IS NOT NULL"
                            ) == [(2,)]


def test_an_unconfirmed_pack_brings_a_full_one_and_drift_brings_a_full_pack(team):
    assert team.receive(_pack(team)[0]).returncode == 0
    _report_back(team)
    skipped, said = _pack(team)  # version 2, a delta on 1, never reaches the laptop
    assert "delta on version 1" in said
    full, said = _pack(team)  # version 3: version 2 is not confirmed, so the whole assignment
    assert "full (not confirmed)" in said and "v3" in full.name
    assert team.receive(full).returncode == 0  # fits whether the laptop took version 2 or not
    before = (_laptop_state(team), team.laptop_rows("SELECT code, name FROM customer"))
    refused = team.receive(skipped)
    assert refused.returncode == 2  # older than the one held
    assert (_laptop_state(team), team.laptop_rows("SELECT code, name FROM customer")) == before

    # The laptop's confirmation of version 3 brings deltas on 3 again.
    _report_back(team)
    assert "delta on version 3" in _pack(team)[1]

    # The laptop loses a customer (a file restored by hand, say): its next bundle says so.
    lost = sorted(c for (c,) in team.assigned("customers")[1])[0]
    with laptop_db.connect(team.laptop / "fieldapp.db") as con:
        (cid,) = con.execute("SELECT id FROM customer WHERE code = ?", (lost,)).fetchone()
        for table in ("allocation", "payment", "delivery", "invoice", "contract", "contact",
                      "route_stop", "customer_search"):
            if table == "allocation":
                con.execute("DELETE FROM allocation WHERE payment_id IN (SELECT id FROM payment"
                            " WHERE customer_id = ?)", (cid,))
            else:
                con.execute(f"DELETE FROM {table} WHERE customer_id = ?", (cid,))
        con.execute("DELETE FROM customer WHERE id = ?", (cid,))
    _report_back(team)
    full, said = _pack(team)
    assert "full (drift)" in said
    got = team.receive(full)
    assert got.returncode == 0, got.stderr
    office_customers, laptop_customers = team.assigned("customers")
    assert laptop_customers == office_customers and (lost,) in laptop_customers
