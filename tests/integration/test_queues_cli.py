"""The work queues through the command line, on SQLite and PostgreSQL: a demo laptop's disputes
imported at the office wait in the dispute queue with their 24-hour deadline; the supervisor
assigns a resolver and resolves one with the root cause found; the invoices it paused resume
at the office, and the collector's next pack makes the laptop mark it resolved (root cause kept)
and resume its invoices there too."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from tests import laptop_db
from tests.integration.test_enroll_cli import run
from tests.integration.test_sync_day_cli import (COLLECTOR, _enroll, _import,  # noqa: F401
                                                 _send, demo_laptop, laptop, office)
from tests.sync_team import TODAY


def _queues(office, *args) -> dict:
    out = office.run("queues", "--json", "--today", TODAY, *args)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _laptop_dispute(laptop, uuid: str) -> tuple:
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        resolved, body = con.execute("SELECT resolved, body FROM outcome WHERE uuid = ?",
                                     (uuid,)).fetchone()
        ids = json.loads(body)["invoice_ids"]
        marks = [r[0] for r in con.execute(
            f"SELECT disputed FROM invoice WHERE id IN ({','.join('?' * len(ids))})", ids)]
        cause = con.execute("SELECT root_cause FROM dispute_resolution WHERE outcome_uuid = ?",
                            (uuid,)).fetchone()
    return bool(resolved), marks, cause[0] if cause else None


def test_a_dispute_is_assigned_resolved_and_the_laptop_hears_of_it(office, laptop, tmp_path):
    _enroll(office, laptop, tmp_path)
    assert _import(office, *_send(laptop, tmp_path / "out"))[0] == 0

    listed = _queues(office)
    assert list(listed["counts"]) == ["disputes", "promises_due_today", "promises_broken",
                                      "promises_partial", "money_pending", "notes", "legal_route",
                                      "has_issues"]
    disputes = listed["items"]["disputes"]
    assert disputes and listed["counts"]["disputes"]["count"] == len(disputes)
    assert [d["since"] for d in disputes] == sorted(d["since"] for d in disputes)
    assert listed["counts"]["disputes"]["oldest"] == disputes[0]["since"]
    now = datetime.fromisoformat(listed["now"])
    for d in disputes:
        deadline = datetime.fromisoformat(d["deadline"])
        assert deadline - datetime.fromisoformat(d["since"]) == timedelta(hours=24)
        assert d["overdue"] == (now >= deadline) and d["collector"] == COLLECTOR
    # The laptop's own dispute marks are what the resolution must undo there.
    target = next(d for d in disputes if not _laptop_dispute(laptop, d["id"])[0]
                  and all(_laptop_dispute(laptop, d["id"])[1]))
    only = _queues(office, "--queue", "disputes", "--collector", COLLECTOR)
    assert list(only["items"]) == ["disputes"]

    assert office.run("dispute", "assign", target["id"][:8], "--resolver", " ").returncode == 2
    done = office.run("dispute", "assign", target["id"][:8], "--resolver", "Trần Thu", "--json")
    assert done.returncode == 0, done.stderr
    assert {d["id"]: d["resolver"] for d in _queues(office)["items"]["disputes"]}[
        target["id"]] == "Trần Thu"
    refused = office.run("dispute", "resolve", target["id"], "--root-cause", "")
    assert refused.returncode == 2 and "root cause" in refused.stderr
    done = office.run("dispute", "resolve", target["id"], "--root-cause",
                      "Kho giao nhầm lô hàng", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["resumed"]  # the office's own invoices resumed
    assert target["id"] not in {d["id"] for d in _queues(office)["items"]["disputes"]}
    again = office.run("dispute", "resolve", target["id"], "--root-cause", "twice")
    assert again.returncode == 1 and "already resolved" in again.stderr

    packs = tmp_path / "packs"
    made = office.run("pack", "--collector", COLLECTOR, "--out", str(packs), "--today", TODAY)
    assert made.returncode == 0, made.stderr
    (pack,) = packs.glob("*.zip")
    got = run("sync", "receive", str(pack), "--home", str(laptop), "--today", TODAY)
    assert got.returncode == 0, got.stderr
    assert "1 dispute(s) recorded here were resolved at the office" in got.stdout
    resolved, marks, cause = _laptop_dispute(laptop, target["id"])
    assert resolved and cause == "Kho giao nhầm lô hàng" and not any(marks)
