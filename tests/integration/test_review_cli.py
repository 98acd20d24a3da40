"""The review inbox through the command line, on SQLite and PostgreSQL: a demo laptop's day
bundle imported at the office lands in the inbox as "received"; the supervisor filters it,
rejects with a reason (refused without), approves all matching after seeing the count,
comments; and the states and comments reach the laptop in the collector's next pack."""

from __future__ import annotations

import json
import sqlite3

from tests.integration.test_enroll_cli import run
from tests import laptop_db
from tests.integration.test_sync_day_cli import (COLLECTOR, _enroll, _import,  # noqa: F401
                                                 _send, demo_laptop, laptop, office)
from tests.sync_team import TODAY  # noqa: F401


def _inbox(office, *args) -> dict:
    out = office.run("inbox", "--json", *args)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_imported_visits_are_reviewed_and_the_review_travels_to_the_laptop(office, laptop,
                                                                           tmp_path):
    _enroll(office, laptop, tmp_path)
    assert _import(office, *_send(laptop, tmp_path / "out"))[0] == 0
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        sent = {r[0] for r in con.execute("SELECT uuid FROM visit WHERE status = 'final'")}

    inbox = _inbox(office)
    assert {i["id"] for i in inbox["items"]} == sent and inbox["matching"] == len(sent)
    assert {i["state"] for i in inbox["items"]} == {"received"}
    assert {i["collector"] for i in inbox["items"]} == {COLLECTOR}
    starts = [i["started_at"] for i in inbox["items"]]
    assert starts == sorted(starts)
    assert inbox["counts"] == {"received": len(sent), "approved": 0, "has_issues": 0,
                               "rejected": 0}
    assert _inbox(office, "--collector", COLLECTOR)["matching"] == len(sent)
    first = inbox["items"][0]
    on_day = _inbox(office, "--day", first["day"])
    assert first["id"] in {i["id"] for i in on_day["items"]}
    assert all(i["day"] == first["day"] for i in on_day["items"])
    kind = next(i["outcomes"][0] for i in inbox["items"] if i["outcomes"])
    with_kind = _inbox(office, "--outcome", kind)["items"]
    assert with_kind and all(kind in i["outcomes"] for i in with_kind)
    unknown = office.run("inbox", "--collector", "Nobody")
    assert unknown.returncode == 2 and "Nobody" in unknown.stderr

    # Rejecting needs a reason: refused and nothing changed without one.
    refused = office.run("review", first["id"][:8], "--reject")
    assert refused.returncode == 1 and "reason" in refused.stderr
    assert _inbox(office, "--state", "rejected")["matching"] == 0
    done = office.run("review", first["id"][:8], "--reject", "--reason", "Thiếu chữ ký",
                      "--json")
    assert done.returncode == 0, done.stderr
    item = json.loads(done.stdout)["item"]
    assert (item["state"], item["reason"]) == ("rejected", "Thiếu chữ ký") and item["state_by"]

    commented = office.run("comment", first["id"], "Gặp lại kế toán", "--json")
    assert commented.returncode == 0, commented.stderr
    event = json.loads(commented.stdout)["id"]
    fixed = office.run("comment", first["id"], "Gặp lại kế toán trưởng", "--corrects", event)
    assert fixed.returncode == 0, fixed.stderr

    # Bulk: the count first; without a terminal and without --yes nothing changes.
    asked = office.run("review", "--all", "--state", "received", "--approve")
    assert asked.returncode == 1 and f"{len(sent) - 1} records match" in asked.stdout
    assert _inbox(office, "--state", "approved")["matching"] == 0
    bulk = office.run("review", "--all", "--state", "received", "--approve", "--yes", "--json")
    assert json.loads(bulk.stdout) == {"matching": len(sent) - 1, "changed": len(sent) - 1}
    assert _inbox(office)["counts"] == {"received": 0, "approved": len(sent) - 1,
                                        "has_issues": 0, "rejected": 1}

    # The collector's next pack carries the states and comments; the laptop keeps them.
    packs = tmp_path / "packs"
    made = office.run("pack", "--collector", COLLECTOR, "--out", str(packs), "--today", TODAY)
    assert made.returncode == 0, made.stderr
    (pack,) = packs.glob("*.zip")
    got = run("sync", "receive", str(pack), "--home", str(laptop), "--today", TODAY)
    assert got.returncode == 0, got.stderr
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        events = con.execute("SELECT visit_uuid, kind, state, text, corrects FROM review_event "
                             "WHERE visit_uuid = ? ORDER BY at, kind", (first["id"],)).fetchall()
        states = dict(con.execute("SELECT state, count(*) FROM review_event "
                                  "WHERE kind = 'state' GROUP BY state").fetchall())
    assert {e[1:4] for e in events} == {("state", "rejected", "Thiếu chữ ký"),
                                        ("comment", None, "Gặp lại kế toán"),
                                        ("comment", None, "Gặp lại kế toán trưởng")}
    assert [e[4] for e in events if e[3] == "Gặp lại kế toán trưởng"] == [event]
    assert states == {"rejected": 1, "approved": len(sent) - 1}
