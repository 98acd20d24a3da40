"""The README's demo loop from the command line: a laptop filled by `fieldapp demo-data` and an
office filled by `fieldapp office demo-data` with the same seed and day share their customers,
so the demo laptop is enrolled, sends its past visits, the office imports them onto the same
customers, and the laptop prunes its outbox on the office's acknowledgement."""

from __future__ import annotations

import json
import sqlite3
import time

from tests import laptop_db
from tests.integration.sync_kit import Office, laptop_counts, office_ids, outbox, run

TODAY, SEED = "2026-11-27", "2026"
COLLECTOR = "Phạm Đức Thắng"  # one of the demo office's collectors


def _ok(done):
    assert done.returncode == 0, done.stderr
    return done


def test_the_demo_laptop_is_enrolled_and_its_past_visits_land_at_the_demo_office(tmp_path):
    laptop, office = tmp_path / "laptop", Office(tmp_path / "office", None)
    began = time.perf_counter()
    _ok(run("demo-data", "--seed", SEED, "--today", TODAY, "--home", str(laptop)))
    _ok(office.run("demo-data", "--seed", SEED, "--today", TODAY))
    _ok(office.run("init", "--company", "Công ty Thu hồi nợ ACME"))
    _ok(run("enroll", "request", "--out", str(tmp_path / "laptop.csr"), "--home", str(laptop)))
    _ok(office.run("enroll", str(tmp_path / "laptop.csr"), "--collector", COLLECTOR,
                   "--out", str(tmp_path / "answer.zip")))
    _ok(run("enroll", "install", str(tmp_path / "answer.zip"), "--home", str(laptop)))
    sent = _ok(run("sync", "send", "--out", str(tmp_path / "outbox"), "--home", str(laptop)))
    imported = _ok(office.run("import-bundles", str(tmp_path / "outbox"), "--json",
                              "--acks", str(tmp_path / "acks")))
    (ack,) = sorted((tmp_path / "acks").glob("ack-*.zip"))
    acked = _ok(run("sync", "ack", str(ack), "--home", str(laptop)))
    took = time.perf_counter() - began
    print(f"the demo loop took {took:.1f} s")

    counts = laptop_counts(laptop)
    assert counts["visit"] >= 20 and counts["document"] and counts["attachment"]
    assert "day bundle 1 made" in sent.stdout
    (report,) = json.loads(imported.stdout)
    assert (report["status"], report["seq"], report["records"]) == (
        "imported", 1, sum(counts.values()))
    assert {k: len(v) for k, v in office_ids(office, laptop).items()} == counts
    assert _visits_by_code(laptop / "fieldapp.db") == _visits_by_code(office.home / "office.db")
    assert "1 pruned" in acked.stdout and outbox(laptop) == [(1, False)]
    again = _ok(run("sync", "send", "--out", str(tmp_path / "again"), "--home", str(laptop)))
    assert "no new records" in again.stdout and not list((tmp_path / "again").glob("*.zip"))
    assert [d["collector"] for d in office.devices()] == [COLLECTOR]


def _visits_by_code(db) -> dict:
    with laptop_db.connect(db) as con:
        return dict(con.execute("SELECT v.uuid, c.code FROM visit v JOIN customer c "
                                "ON c.id = v.customer_id WHERE v.status = 'final'").fetchall())
